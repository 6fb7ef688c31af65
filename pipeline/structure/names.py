"""The name a reader sees for a document: its printed title, else what it is, whose, where, when."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pipeline.lang.calendar import MONTH_NAMES
from pipeline.lexicon import wording
from pipeline.lexicon.rejects import bare_title

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def long_date(iso: str | None) -> str | None:
    """'2024-02-29' as '29 februari 2024'; None for anything but a whole day."""
    m = _ISO.fullmatch(iso or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return f"{int(m.group(3))} {MONTH_NAMES[int(m.group(2)) - 1]} {m.group(1)}"


def shown_name(doc: Mapping[str, Any], lang: str = "sv") -> str | None:
    """The printed title, else "Protokoll, Kommunfullmäktige, Malmö, 29 februari 2024".

    Many council pages print no title of their own (a web page's item text, an answer
    whose heading was the question). Their file names ("malmo_kf_2024_02_29_mote") are
    nobody's words, so a reader gets what the document is instead: its type, the body a
    source list names, its municipality and its date (or year). None when nothing of
    that is known either, so the caller can fall back to the file's name.
    """
    title = " ".join(str(doc.get("title") or "").split())
    body = " ".join(str(doc.get("body") or "").split())
    place = str(doc.get("municipality") or "")
    # "Malmö stads kommunstyrelse" already says where: the place is not written twice.
    # (A word of the body must start like the place: "kommunstyrelsen" holds "tyre".)
    if place and any(w.startswith(place.casefold()[:4]) for w in body.casefold().split()):
        place = ""
    if title and bare_title(title):
        # "Sammanträde 2023-11-22" is what the page prints, but not whose meeting it was.
        return ", ".join(p for p in (title, body, place) if p)
    when = long_date(doc.get("date")) or (str(doc["year"]) if doc.get("year") else "")
    kind = doc.get("doc_type") or "other"
    what = wording.word("title.document" if kind == "other" else f"doc_type.{kind}", lang)
    what = what[:1].upper() + what[1:]
    if title:
        # A title alone ("Bristande samhandling mellan skolan …") reads as a report of any
        # kind and any year: what the document is and when it was written go beside it.
        said = ", ".join(
            p
            for p in _not_in_title(title, what if kind != "other" else "", when, doc.get("date"))
            if p
        )
        return f"{title} ({said})" if said else title
    if not (body or place or when):
        return None
    return ", ".join(p for p in (what, body, place, when) if p)


def _not_in_title(title: str, what: str, when: str, iso: Any) -> tuple[str, str]:
    """The type and date to add beside ``title``, without what it already says.

    "Beslut i kommunstyrelsen 2024-06-12 (Protokoll, 12 juni 2024)" gives the day twice,
    and "Motion om lekplatser (Motion, …)" the kind twice; a reader takes either for a
    second document.
    """
    low = title.casefold()
    if what and low.split()[0].startswith(what.casefold()):
        what = ""
    if when and (when.casefold() in low or (iso and str(iso) in title)):
        when = ""
    return what, when
