"""A small threaded WSGI server for the web page, bound to localhost unless told otherwise."""

from __future__ import annotations

import ipaddress
import socket
import sys
import threading
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
    """Requests run on a fixed pool of threads, so each thread's store connection is reused."""

    workers = 8
    request_queue_size = 64

    def server_activate(self) -> None:
        super().server_activate()
        self.pool = ThreadPoolExecutor(self.workers, thread_name_prefix="lofte-web")

    def process_request(self, request: Any, client_address: Any) -> None:
        self.pool.submit(self._work, request, client_address)

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


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(WSGIRequestHandler):
    quiet = False
    timeout = 30  # a client that stops sending frees its worker thread

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
