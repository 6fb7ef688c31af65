"""The read-only WSGI application: strict routing, validated ids, security headers, no writes."""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from pipeline.errors import LofteError
from pipeline.store.core import Store
from pipeline.web import pages
from pipeline.web.measures_data import summary
from pipeline.web.organs import organ_index
from pipeline.web.render import render
from pipeline.web.responses import HTML, HttpError, Response, json_response

# Ids are file stems and slugs. Letters (å, ä, ö too), digits and a few separators; never a
# slash, a backslash, '..', a quote or anything else that could mean something to a file system.
ID = re.compile(r"(?!.*\.\.)\w[\w .,:()+-]{0,199}")
CSP = (
    "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
]
REASONS = {
    200: "OK",
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    503: "Service Unavailable",
}

StartResponse = Callable[..., Any]


class WebApp:
    """WSGI callable over one store file, read-only, with one connection per server thread."""

    def __init__(self, db: str | Path, *, as_of: date | None = None) -> None:
        self.db = Path(db)
        self.fixed_as_of = as_of
        self._cache: dict[str, tuple[tuple[object, ...], Any]] = {}
        self._lock = threading.Lock()
        self._local = threading.local()
        self.routes: list[tuple[re.Pattern[str], Callable[..., Response]]] = [
            (re.compile(p), h)
            for p, h in (
                (r"/", pages.index),
                (r"/measures", pages.measures),
                (r"/measures/(?P<id>[^/]+)", pages.measure),
                (r"/measures/(?P<id>[^/]+)/feed\.atom", pages.measure_feed),
                (r"/feed\.atom", pages.feed),
                (r"/documents", pages.document_list),
                (r"/documents/(?P<id>[^/]+)", pages.document),
                (r"/actors/(?P<id>[^/]+)", pages.actor),
                (r"/api/measures", pages.api_measures),
                (r"/api/overview", pages.api_overview),
                (r"/api/measures/(?P<id>[^/]+)", pages.api_measure),
                (r"/api/documents/(?P<id>[^/]+)", pages.api_document),
                (r"/api/actors/(?P<id>[^/]+)", pages.api_actor),
                (r"/api/openapi\.json", pages.openapi),
                (r"/openapi\.json", pages.openapi),
                (r"/static/style\.css", pages.stylesheet),
            )
        ]

    def _store(self) -> Store:
        """This thread's read-only store, reopened if the file was replaced.

        Server threads are pooled, so each keeps one connection and its page cache warm.
        """
        ino = self.db.stat().st_ino if self.db.exists() else -1
        held = getattr(self._local, "store", None)
        if held is not None and held[1] == ino:
            return held[0]
        if held is not None:
            held[0].close()
        store = Store(self.db, readonly=True)
        store.map_memory()
        self._local.store = (store, ino)
        return store

    def as_of(self) -> date:
        """The date overdue is judged at: fixed for tests, else today."""
        return self.fixed_as_of or date.today()

    def _stamp(self) -> tuple[int, ...]:
        """Changes whenever an ingest writes to the store (main file or its WAL)."""
        out: list[int] = []
        for p in (self.db, Path(f"{self.db}-wal")):
            st = p.stat() if p.exists() else None
            out += [st.st_mtime_ns, st.st_size] if st else [0, 0]
        return tuple(out)

    def _cached(self, name: str, key: tuple[object, ...], build: Callable[[], Any]) -> Any:
        with self._lock:
            hit = self._cache.get(name)
            if hit is not None and hit[0] == key:
                return hit[1]
        value = build()
        with self._lock:
            self._cache[name] = (key, value)
        return value

    def organs(self, store: Store) -> dict[str, list[str]]:
        """doc_id -> stadsdelar and nämnder, rebuilt only when the store changes."""
        return dict(self._cached("organs", self._stamp(), lambda: organ_index(store)))

    def warm(self) -> None:
        """Fill the start page's counts in the background (errors surface on request)."""
        with contextlib.suppress(LofteError, sqlite3.Error):
            self.summary(self._store())

    def summary(self, store: Store) -> dict[str, Any]:
        """Counts and filter choices, rebuilt when the store or the date changes."""
        key = (*self._stamp(), self.as_of().isoformat())
        organs = self.organs(store)
        return dict(self._cached("summary", key, lambda: summary(store, self.as_of(), organs)))

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD"):
            return self._send(
                start_response,
                self._error(405, "Sidan kan bara läsas.", environ),
                method,
                [("Allow", "GET, HEAD")],
            )
        try:
            resp = self._dispatch(environ)
        except HttpError as exc:
            resp = self._error(exc.status, exc.message, environ)
        except (LofteError, sqlite3.Error):
            self._local.store = None  # a broken connection is not reused
            resp = self._error(503, "Databasen kan inte läsas just nu.", environ)
        return self._send(start_response, resp, method)

    def _dispatch(self, environ: dict[str, Any]) -> Response:
        try:
            # WSGI hands the decoded path over as latin-1; the URL itself was UTF-8.
            path = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8")
        except UnicodeError as exc:
            raise HttpError(404, "Sidan finns inte.") from exc
        if len(path) > 1 and path.endswith("/"):
            path = path.rstrip("/")
        for pattern, handler in self.routes:
            m = pattern.fullmatch(path)
            if m is None:
                continue
            kwargs = m.groupdict()
            if "id" in kwargs and not ID.fullmatch(kwargs["id"]):
                raise HttpError(404, "Sidan finns inte.")
            params = self._params(environ.get("QUERY_STRING", ""))
            if handler in (pages.stylesheet, pages.openapi):
                return handler(self, None, params, **kwargs)
            return handler(self, self._store(), params, **kwargs)
        raise HttpError(404, "Sidan finns inte.")

    @staticmethod
    def _params(qs: str) -> dict[str, str]:
        try:
            parsed = parse_qs(qs, keep_blank_values=True, max_num_fields=20)
        except ValueError as exc:
            raise HttpError(400, "För många parametrar.") from exc
        return {k: v[-1].strip()[:200] for k, v in parsed.items()}

    def _error(self, status: int, message: str, environ: dict[str, Any]) -> Response:
        if environ.get("PATH_INFO", "").startswith("/api/"):
            return json_response({"error": message, "status": status}, status)
        body = render(
            "error.html",
            title=message,
            status=status,
            message=message,
            page="",
            as_of=self.as_of().isoformat(),
        )
        return Response(body, HTML, status)

    @staticmethod
    def _send(
        start_response: StartResponse,
        resp: Response,
        method: str,
        extra: list[tuple[str, str]] | None = None,
    ) -> list[bytes]:
        headers = [
            ("Content-Type", resp.ctype),
            ("Content-Length", str(len(resp.body))),
            ("Cache-Control", "no-store"),
            *SECURITY_HEADERS,
            *(extra or []),
        ]
        if resp.ctype.startswith("text/css"):
            headers[2] = ("Cache-Control", "max-age=3600")
        start_response(f"{resp.status} {REASONS.get(resp.status, 'Error')}", headers)
        return [] if method == "HEAD" else [resp.body]
