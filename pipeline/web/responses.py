"""HTTP helpers shared by the app and its pages: errors, responses and query filters."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from starlette.responses import Response as StarletteResponse

from pipeline.read.query import ORDERS, SCOPES
from pipeline.web.labels import STATUS_LABELS
from pipeline.web.measures_data import (
    DEFAULT_SCOPE,
    DEFAULT_SORT,
    MAX_LIMIT,
    MAX_OFFSET,
    PAGE_SIZE,
    Filters,
)
from pipeline.web.render import render

HTML = "text/html; charset=utf-8"
JSON = "application/json; charset=utf-8"
YEAR = re.compile(r"\d{4}")


class HttpError(Exception):
    """A client error with a Swedish explanation."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class Response:
    """Status, content type and body of one answer."""

    def __init__(self, body: bytes, ctype: str = HTML, status: int = 200) -> None:
        self.body, self.ctype, self.status = body, ctype, status


def json_response(data: Any, status: int = 200) -> Response:
    """A JSON answer (UTF-8, Swedish letters kept)."""
    return Response(json.dumps(data, ensure_ascii=False).encode("utf-8"), JSON, status)


def error_response(status: int, message: str, *, api: bool, as_of: date) -> Response:
    """The Swedish error page, or for the JSON API {"error": message, "status": status}."""
    if api:
        return json_response({"error": message, "status": status}, status)
    body = render(
        "error.html",
        title=message,
        status=status,
        message=message,
        page="",
        as_of=as_of.isoformat(),
    )
    return Response(body, HTML, status)


def to_asgi(resp: Response, headers: dict[str, str] | None = None) -> StarletteResponse:
    """The framework's response carrying exactly these bytes (Content-Length set from them)."""
    return StarletteResponse(resp.body, resp.status, headers, media_type=resp.ctype)


def parse_filters(params: dict[str, str], *, api: bool) -> Filters:
    """Filters from query parameters; bad values are a 400, not a silent empty list."""
    f = Filters(
        q=params.get("q", ""),
        status=params.get("status", ""),
        actor=params.get("actor", ""),
        organ=params.get("organ", ""),
        municipality=params.get("municipality", ""),
        year=params.get("year", ""),
        sort=params.get("sort") or DEFAULT_SORT,
        scope=params.get("scope") or DEFAULT_SCOPE,
    )
    if f.scope not in SCOPES:
        raise HttpError(400, f"Okänt urval: {f.scope} (municipal eller all)")
    if f.sort not in ORDERS:
        raise HttpError(400, f"Okänd ordning: {f.sort} (name, recent eller due)")
    if f.status and f.status not in STATUS_LABELS:
        raise HttpError(400, f"Okänd status: {f.status}")
    if f.year and not YEAR.fullmatch(f.year):
        raise HttpError(400, "Året ska skrivas med fyra siffror.")
    try:
        if api:
            f.limit = int(params.get("limit") or PAGE_SIZE)
            f.offset = int(params.get("offset") or 0)
        else:
            f.offset = (int(params.get("page") or 1) - 1) * PAGE_SIZE
    except ValueError as exc:
        raise HttpError(400, "Sidnummer och gränser ska vara heltal.") from exc
    if not 1 <= f.limit <= MAX_LIMIT or not 0 <= f.offset <= MAX_OFFSET:
        raise HttpError(400, f"limit ska vara 1–{MAX_LIMIT} och offset 0–1 000 000 000.")
    return f
