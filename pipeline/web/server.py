"""A small threaded WSGI server for the web page, bound to localhost unless told otherwise."""

from __future__ import annotations

import contextlib
import ipaddress
import selectors
import socket
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from pipeline.errors import LofteError
from pipeline.read.query import search_terms
from pipeline.web.app import WebApp

LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def is_local(host: str) -> bool:
    """Whether a bind address is loopback only (127.0.0.0/8, ::1 or 'localhost')."""
    if host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _Server(WSGIServer):
    """Requests run on a fixed pool of threads, so each thread's store connection is reused.

    A connection reaches the pool only once its first bytes have arrived: until then it
    waits in a lobby (one thread and a selector for all of them) and is closed after
    ``idle_limit`` seconds. Idle or half-open connections therefore never hold a worker.
    """

    workers = 8
    request_queue_size = 64
    idle_limit = 10.0

    def server_activate(self) -> None:
        super().server_activate()
        self.pool = ThreadPoolExecutor(self.workers, thread_name_prefix="lofte-web")
        self.lobby = selectors.DefaultSelector()
        self._lobby_lock = threading.Lock()
        self._waker_r, self._waker_w = socket.socketpair()
        self.lobby.register(self._waker_r, selectors.EVENT_READ, None)
        threading.Thread(target=self._watch_lobby, name="lofte-web-lobby", daemon=True).start()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._lobby_lock:
            since = (time.monotonic(), client_address)
            self.lobby.register(request, selectors.EVENT_READ, since)
        self._waker_w.send(b"x")  # the lobby's select() picks the new socket up now

    def _watch_lobby(self) -> None:
        while True:
            try:
                events = self.lobby.select(timeout=1.0)
            except (OSError, ValueError):
                return  # closed with the server
            now = time.monotonic()
            for key, _ in events:
                if key.data is None:
                    self._waker_r.recv(4096)
                    continue
                self._leave_lobby(key.fileobj)
                self.pool.submit(self._work, key.fileobj, key.data[1])
            with self._lobby_lock:
                waiting = self.lobby.get_map()
                if waiting is None:
                    return  # closed with the server
                stale: list[Any] = [
                    k.fileobj
                    for k in waiting.values()
                    if k.data is not None and now - k.data[0] > self.idle_limit
                ]
            for sock in stale:
                self._leave_lobby(sock)
                self.shutdown_request(sock)

    def _leave_lobby(self, sock: Any) -> None:
        with self._lobby_lock, contextlib.suppress(KeyError, ValueError):
            self.lobby.unregister(sock)

    def _work(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def server_close(self) -> None:
        super().server_close()
        pool = getattr(self, "pool", None)
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
            with contextlib.suppress(OSError):
                self.lobby.close()
                self._waker_w.close()


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(WSGIRequestHandler):
    quiet = False
    timeout = 10  # a client that stops sending in mid-request frees its worker thread

    def log_message(self, format: str, *args: Any) -> None:
        if not self.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")


class _QuietHandler(_Handler):
    quiet = True


def make_server(
    db: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    allow_remote: bool = False,
    as_of: date | None = None,
    quiet: bool = False,
) -> WSGIServer:
    """A ready (not yet serving) server over ``db``; port 0 picks a free port."""
    if not is_local(host) and not allow_remote:
        raise LofteError(
            "E032", f"--host {host} is reachable from other machines; add --allow-remote"
        )
    if not Path(db).is_file():
        raise LofteError("E020", "no store here; run `lofte ingest` first", Path(db))
    cls = _Server6 if ":" in host else _Server
    try:
        server = cls((host.strip("[]"), port), _QuietHandler if quiet else _Handler)
    except OSError as exc:
        raise LofteError("E032", f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    app = WebApp(db, as_of=as_of)
    server.set_app(app)
    search_terms("fältarbete")  # load the lemmatiser now, not on the first visitor's search
    # Counting every measure by status takes seconds on a large store: do it before anyone asks.
    threading.Thread(target=app.warm, name="lofte-web-warm", daemon=True).start()
    return server


def url_of(server: WSGIServer) -> str:
    """The base URL a browser opens for this server."""
    host, port = server.server_address[:2]
    text = host.decode() if isinstance(host, bytes) else str(host)
    shown = f"[{text}]" if ":" in text else text
    return f"http://{shown}:{port}"
