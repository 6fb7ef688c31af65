"""Atom feeds of status changes, so staff can subscribe to a query, an actor or a measure."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any
from xml.etree import ElementTree as ET

from pipeline.web.labels import status_label, swedish_date
from pipeline.web.render import doc_url, measure_url

ATOM = "http://www.w3.org/2005/Atom"
XML = "http://www.w3.org/XML/1998/namespace"
MAX_ENTRIES = 200


def changes(view: Any) -> list[tuple[Any, str | None]]:
    """(statement, previous status) for each statement that changed the measure's status.

    The first statement opens the measure; a later one is a change only when it states
    another status than the one before it.
    """
    out: list[tuple[Any, str | None]] = []
    previous: str | None = None
    for s in sorted(view.statements, key=lambda s: (s.doc_date or "", s.n)):
        if s.status != previous:
            out.append((s, previous))
            previous = s.status
    return out


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    el.text = text
    return el


def _entry(feed: ET.Element, view: Any, s: Any, previous: str | None, as_of: date) -> None:
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    change = status_label(s.status)
    if previous:
        change = f"{status_label(previous)} → {change}"
    _text(entry, "title", f"{view.label}: {change}")
    _text(entry, "id", f"tag:loftesgrafen,2026:{s.commitment_id}")
    _text(entry, "updated", f"{s.doc_date or view.first_seen or as_of.isoformat()}T00:00:00Z")
    ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "href": measure_url(view.id)})
    source = doc_url(s.doc_id)
    when = f" den {swedish_date(s.doc_date)}" if s.doc_date else ", odaterat"
    _text(entry, "summary", f"”{s.sentence}” (källa: {s.doc_title or s.doc_id}{when}, {source})")


def atom(title: str, self_href: str, views: Iterable[Any], as_of: date) -> bytes:
    """An Atom 1.0 document of the status changes of ``views``, newest first."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {f"{{{XML}}}lang": "sv"})
    _text(feed, "title", title)
    _text(feed, "id", f"tag:loftesgrafen,2026:{self_href}")
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": self_href})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "Löftesgrafen")
    entries = [(v, s, p) for v in views for s, p in changes(v)]
    entries.sort(key=lambda e: (e[1].doc_date or "", e[1].commitment_id), reverse=True)
    newest = entries[0][1].doc_date if entries and entries[0][1].doc_date else as_of.isoformat()
    _text(feed, "updated", f"{newest}T00:00:00Z")
    for v, s, p in entries[:MAX_ENTRIES]:
        _entry(feed, v, s, p, as_of)
    body = ET.tostring(feed, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body).encode("utf-8")
