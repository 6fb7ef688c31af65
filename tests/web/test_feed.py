"""Atom feeds of status changes: valid Atom, one entry per change, linked from the pages."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import quote
from xml.etree import ElementTree as ET

from pipeline.web.feed import ATOM, changes

from .helpers import fetch, get_json

NS = {"a": ATOM}


def test_only_changes_of_status_are_entries() -> None:
    def s(n: int, status: str, when: str) -> SimpleNamespace:
        return SimpleNamespace(n=n, status=status, doc_date=when)

    view = SimpleNamespace(
        statements=[
            s(2, "done", "2025-02-10"),
            s(0, "pledged", "2023-11-22"),
            s(1, "pledged", "2024-03-01"),
        ]
    )
    got = [(st.status, before) for st, before in changes(view)]
    assert got == [("pledged", None), ("done", "pledged")]


def test_feeds_are_atom_and_linked_from_the_pages(base: str) -> None:
    plan = get_json(f"{base}/api/measures?q={quote('fältarbete')}")["items"][0]
    status, headers, body = fetch(f"{base}{plan['url']}/feed.atom")
    assert status == 200 and headers["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(body)
    entries = feed.findall("a:entry", NS)
    assert entries and all(e.find("a:id", NS) is not None for e in entries)
    assert "handlingsplan" in entries[0].find("a:summary", NS).text  # type: ignore[union-attr]
    status, _, body = fetch(f"{base}/feed.atom?q={quote('fältarbete')}")
    assert status == 200 and len(ET.fromstring(body).findall("a:entry", NS)) >= len(entries)
    _, _, page = fetch(base + plan["url"])
    assert "/feed.atom" in page.decode()
    _, _, page = fetch(f"{base}/measures?q={quote('fältarbete')}")
    assert "/feed.atom?q=" in page.decode()
    assert fetch(f"{base}/measures/measure:finns-inte/feed.atom")[0] == 404
