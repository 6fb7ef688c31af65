"""uvicorn's HTTP/1.1 protocol with a deadline for each request's headers and guarded 400s."""

from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from pipeline.web.guard import SECURITY_HEADERS


class GuardedH11Protocol(H11Protocol):
    """A connection must send a complete request within the idle limit, or it is closed.

    uvicorn's keep-alive clock starts only after a first response and restarts on every
    byte, so a connection that sends nothing, or a header a byte at a time, would stay
    open for good. Here the clock starts when a request is awaited (on connect and after
    each response) and only a request that has begun stops it. A malformed request's 400,
    answered before the app sees it, carries the same security headers as every answer.
    """

    _deadline: asyncio.TimerHandle | None = None
    _awaited_after: object = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._await_request()

    def on_response_complete(self) -> None:
        """Start the next request's clock before uvicorn parses any pipelined request."""
        self._await_request()
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        """Forget the deadline of a connection that is gone."""
        if self._deadline is not None:
            self._deadline.cancel()
        super().connection_lost(exc)

    def _await_request(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
        self._awaited_after = self.cycle  # a new request replaces the cycle
        self._deadline = self.loop.call_later(self.timeout_keep_alive, self._expire)

    def _expire(self) -> None:
        if self.cycle is self._awaited_after and not self.transport.is_closing():
            self.transport.close()

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
