"""uvicorn's HTTP/1.1 protocol with an idle limit from the first byte and guarded 400s."""

from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from pipeline.web.guard import SECURITY_HEADERS


class GuardedH11Protocol(H11Protocol):
    """A connection that sends no complete request within the keep-alive limit is closed.

    uvicorn starts that clock only after a first response, so an idle or half-open
    connection would otherwise stay open for good; a malformed request's 400 (answered
    before the app sees it) carries the same security headers as every other response.
    """

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # handle_events cancels this once a request's headers are complete.
        self.timeout_keep_alive_task = self.loop.call_later(
            self.timeout_keep_alive, self.timeout_keep_alive_handler
        )

    def send_400_response(self, msg: str) -> None:
        """The plain-text 400 for a request the parser refused, with the security headers."""
        body = msg.encode("ascii", "replace")
        headers = [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
            (b"cache-control", b"no-store"),
            *SECURITY_HEADERS,
            (b"connection", b"close"),
        ]
        for event in (
            h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
            h11.Data(data=body),
            h11.EndOfMessage(),
        ):
            self.transport.write(self.conn.send(event) or b"")
        self.transport.close()
