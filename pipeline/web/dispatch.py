"""From a matched route to a page handler: strict ids, bounded query parameters, the pool."""

from __future__ import annotations

import re
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import Response as StarletteResponse

from pipeline.web.responses import HttpError, to_asgi
from pipeline.web.site import Handler, Site

# Ids are file stems and slugs. Letters (å, ä, ö too), digits and a few separators; never a
# slash, a backslash, '..', a quote or anything else that could mean something to a file system.
ID = re.compile(r"(?!.*\.\.)\w[\w .,:()+-]{0,199}")
MAX_FIELDS = 20
MAX_VALUE = 200


def query_params(query_string: bytes) -> dict[str, str]:
    """At most MAX_FIELDS fields, each value stripped and cut to MAX_VALUE; the last one wins."""
    try:
        # latin-1 keeps the raw bytes; parse_qs then decodes the %-escapes as UTF-8.
        parsed = parse_qs(
            query_string.decode("latin-1"), keep_blank_values=True, max_num_fields=MAX_FIELDS
        )
    except ValueError as exc:
        raise HttpError(400, "För många parametrar.") from exc
    return {k: v[-1].strip()[:MAX_VALUE] for k, v in parsed.items()}


def site_of(request: Request) -> Site:
    """The store behind the app that took this request."""
    site: Site = request.app.state.site
    return site


async def answer(request: Request, handler: Handler, *, store: bool = True) -> StarletteResponse:
    """The handler's response to this request; a malformed id is a 404 before any query."""
    kwargs = {k: str(v) for k, v in request.path_params.items()}
    if "id" in kwargs and not ID.fullmatch(kwargs["id"]):
        raise HttpError(404, "Sidan finns inte.")
    params = query_params(request.scope.get("query_string", b""))
    return to_asgi(await site_of(request).run(handler, params, kwargs, store=store))
