"""uvicorn serving the web app, bound to localhost unless told otherwise."""

from __future__ import annotations

import ipaddress
import socket
import threading
from datetime import date
from pathlib import Path
from typing import Any

import uvicorn

from pipeline.errors import LofteError
from pipeline.read.query import search_terms
from pipeline.web.app import create_app
from pipeline.web.protocol import GuardedH11Protocol
from pipeline.web.site import Site

LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
BACKLOG = 64


def is_local(host: str) -> bool:
    """Whether a bind address is loopback only (127.0.0.0/8, ::1 or 'localhost')."""
    if host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _log_config(quiet: bool) -> dict[str, Any] | None:
    """One stderr line per request unless quiet; uvicorn's own chatter only when it matters."""
    if quiet:
        return None
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"line": {"format": "%(message)s"}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "line"}},
        "loggers": {
            "uvicorn.error": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
            "uvicorn.access": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        },
    }


class WebServer:
    """uvicorn on a socket bound up front, so the port is known (and taken) before serving.

    ``serve_forever()`` blocks until ``shutdown()`` (from another thread) or Ctrl-C;
    ``server_close()`` then frees the socket and the worker threads.
    """

    def __init__(self, site: Site, sock: socket.socket, *, quiet: bool, idle_limit: int) -> None:
        self.site = site
        self.socket = sock
        config = uvicorn.Config(
            create_app(site),
            http=GuardedH11Protocol,
            ws="none",
            lifespan="off",
            interface="asgi3",
            proxy_headers=False,  # nothing in front of it is trusted to say who the client is
            server_header=False,
            access_log=not quiet,
            log_config=_log_config(quiet),
            log_level=None if not quiet else "warning",
            timeout_keep_alive=idle_limit,
            timeout_graceful_shutdown=5,
            backlog=BACKLOG,
        )
        self._uvicorn = uvicorn.Server(config)
        self._serving = threading.Event()
        self._stopped = threading.Event()

    @property
    def server_address(self) -> tuple[str, int]:
        """(host, port) the socket is bound to."""
        host, port = self.socket.getsockname()[:2]
        return str(host), int(port)

    def serve_forever(self) -> None:
        """Answer requests until shut down."""
        self._serving.set()
        try:
            self._uvicorn.run(sockets=[self.socket])
        finally:
            self._stopped.set()

    def shutdown(self) -> None:
        """Stop serving and wait until the server has stopped."""
        self._uvicorn.should_exit = True
        if self._serving.is_set():
            self._stopped.wait()

    def server_close(self) -> None:
        """Free the socket and stop the worker threads."""
        self.socket.close()
        self.site.close()


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(BACKLOG)
    except OSError as exc:
        sock.close()
        raise LofteError("E032", f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    return sock


def make_server(
    db: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    allow_remote: bool = False,
    as_of: date | None = None,
    quiet: bool = False,
    idle_limit: int = 10,
) -> WebServer:
    """A ready (not yet serving) server over ``db``; port 0 picks a free port.

    A connection that sends no complete request for ``idle_limit`` seconds is closed.
    """
    if not is_local(host) and not allow_remote:
        raise LofteError(
            "E032", f"--host {host} is reachable from other machines; add --allow-remote"
        )
    if not Path(db).is_file():
        raise LofteError("E020", "no store here; run `lofte ingest` first", Path(db))
    sock = _bind(host, port)
    site = Site(db, as_of=as_of)
    search_terms("fältarbete")  # load the lemmatiser now, not on the first visitor's search
    # Counting every measure by status takes seconds on a large store: do it before anyone asks.
    threading.Thread(target=site.warm, name="lofte-web-warm", daemon=True).start()
    return WebServer(site, sock, quiet=quiet, idle_limit=idle_limit)


def url_of(server: WebServer) -> str:
    """The base URL a browser opens for this server."""
    host, port = server.server_address
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"
