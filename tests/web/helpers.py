"""Helpers the web tests share: a server over a store, HTTP fetches and screenshots."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from email.message import Message
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipeline.web import make_server, url_of

from ..conftest import REPO

AS_OF = date(2025, 6, 1)
SHOTS = REPO / "test-output" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
HOSTILE = """Skrivelse om trygghet <script>alert(1)</script> i stadsdelen

Till socialnämnden

"><img src=x onerror=alert(2)> Detta är ett test av hur texten visas.

Stadsdelsförvaltningen ska ta fram en handlingsplan för trygga skolvägar \
<script>alert(3)</script> under år 2025.

Stockholm den 3 mars 2024

Anna Andersson (S)
"""


@contextmanager
def serving(db: Path, **options: Any) -> Iterator[str]:
    """Base URL of a server over ``db`` on an ephemeral loopback port, for the block."""
    server = make_server(db, "127.0.0.1", 0, as_of=AS_OF, quiet=True, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url_of(server)
    finally:
        server.shutdown()
        server.server_close()


def fetch(url: str, method: str = "GET") -> tuple[int, Message, bytes]:
    """Status, headers (names case-blind, as in HTTP) and body, without raising on 4xx."""
    req = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def get_json(url: str) -> Any:
    status, headers, body = fetch(url)
    assert status == 200, body
    assert headers["Content-Type"].startswith("application/json")
    return json.loads(body)


def field_work(base: str) -> dict[str, Any]:
    items = get_json(f"{base}/api/measures?q={quote('fältarbete')}")["items"]
    plan = [m for m in items if "handlingsplan" in m["label"]]
    assert len(plan) == 1, [m["label"] for m in items]
    return dict(plan[0])


# -- JSON API -----------------------------------------------------------------------------------


def _shot(page: Any, name: str, *, to_content: bool = False) -> None:
    """A screenshot of the viewport, or of the header and content only (no empty space)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    clip = None
    if to_content:
        box = page.locator("main").bounding_box()
        clip = {
            "x": 0,
            "y": 0,
            "width": page.viewport_size["width"],
            "height": box["y"] + box["height"],
        }
    page.screenshot(path=str(SHOTS / f"{name}.png"), clip=clip)
