"""The web page under hostile requests: absurd numbers, idle connections, odd document ids."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from pipeline.run.executors import SerialExecutor
from pipeline.run.runner import run
from pipeline.store.core import Store

from .helpers import fetch, get_json, serving

TEXT = "Stadsdelsnämnden ska ta fram en handlingsplan för trygga skolvägar under år 2025.\n"
# File names that broke links when they became document ids as they were.
NAMES = ["rad\nbrytning", "a=b", "-ledande", "hö\u202egervänd", "med mellanslag#och?frågor"]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("hostile-web")
    docs = tmp / "in"
    docs.mkdir()
    for n, name in enumerate(NAMES):
        (docs / f"{name}.txt").write_text(TEXT.replace("2025", str(2025 + n)), encoding="utf-8")
    db = tmp / "web.db"
    with Store(db) as store:
        report = run([docs], store, SerialExecutor(), on_error=lambda _: None)
    assert report.stored == len(NAMES)
    with serving(db) as url:
        yield url


@pytest.mark.parametrize(
    "query",
    [
        "/documents?page=99999999999999999999",
        "/documents?page=-3",
        "/measures?page=1e9",
        f"/api/measures?offset={2**63}",
        "/api/measures?offset=-1",
        "/api/measures?limit=0",
        f"/api/measures?limit={2**70}",
    ],
)
def test_absurd_page_numbers_are_a_400(base: str, query: str) -> None:
    status, _, body = fetch(base + query)
    assert status == 400, body[:200]


def test_every_document_of_an_odd_name_is_reachable(base: str) -> None:
    items = get_json(f"{base}/api/measures?q={quote('skolvägar')}")["items"]
    doc_ids = set()
    for item in items:
        measure = get_json(f"{base}/api/measures/{quote(item['id'])}")
        doc_ids |= {s["doc_id"] for s in measure["statements"]}
    assert len(doc_ids) == len(NAMES)
    for doc_id in doc_ids:
        status, _, _ = fetch(f"{base}/documents/{quote(doc_id)}")
        assert status == 200, doc_id


def test_idle_connections_do_not_hold_up_the_next_visitor(base: str) -> None:
    host, port = base.removeprefix("http://").split(":")
    idle = [socket.create_connection((host, int(port))) for _ in range(20)]
    try:
        started = time.monotonic()
        status, _, _ = fetch(base + "/")
        assert status == 200
        assert time.monotonic() - started < 3.0
    finally:
        for sock in idle:
            sock.close()


def test_the_tab_title_does_not_say_the_name_twice(base: str) -> None:
    for path in ("/", "/measures", "/documents"):
        status, _, body = fetch(base + path)
        assert status == 200
        title = body.decode().split("<title>")[1].split("</title>")[0]
        assert title.count("Löftesgrafen") == 1, title
