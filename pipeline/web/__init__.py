"""The read-only web page and JSON API over the store (`lofte serve`)."""

from __future__ import annotations

from pipeline.web.server import WebServer, is_local, make_server, url_of

__all__ = ["WebServer", "is_local", "make_server", "url_of"]
