"""The outermost layer of the web app: GET and HEAD only, clean paths, security headers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import unquote_to_bytes

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pipeline.web.responses import Response, to_asgi

CSP = (
    "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
# (status, Swedish message, whether the path is under /api/) -> the error answer.
ErrorPage = Callable[[int, str, bool], Response]


def guarded_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """The response's headers with caching rules and every security header set."""
    kept = [(k, v) for k, v in headers if k.lower() not in {b"cache-control", b"server"}]
    ctype = next((v for k, v in kept if k.lower() == b"content-type"), b"")
    # Only the stylesheet may be cached; every page reflects the store as it is now.
    cache = b"max-age=3600" if ctype.startswith(b"text/css") else b"no-store"
    return [*kept, (b"cache-control", cache), *SECURITY_HEADERS]


def route_path(scope: Scope) -> str | None:
    """The request path as the routes see it, or None when it is not UTF-8.

    Trailing slashes are dropped ('/measures/' is '/measures'), as browsers and people add them.
    """
    try:
        path = unquote_to_bytes(scope.get("raw_path") or scope["path"]).decode("utf-8")
    except UnicodeError:
        return None
    return path.rstrip("/") or "/"


class Guard:
    """ASGI middleware around the whole app, so even the framework's own errors pass it."""

    def __init__(self, app: ASGIApp, error: ErrorPage) -> None:
        self.app = app
        self.error = error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"

        async def send_guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": guarded_headers(list(message["headers"]))}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}  # HEAD: the GET's headers, no body
            await send(message)

        api = scope["path"].startswith("/api/")
        if scope["method"] not in ("GET", "HEAD"):
            answer = self.error(405, "Sidan kan bara läsas.", api)
            await to_asgi(answer, {"Allow": "GET, HEAD"})(scope, receive, send_guarded)
            return
        path = route_path(scope)
        if path is None:
            await to_asgi(self.error(404, "Sidan finns inte.", api))(scope, receive, send_guarded)
            return
        inner: dict[str, Any] = {**scope, "method": "GET", "path": path}
        await self.app(inner, receive, send_guarded)
