"""Overview: how many measures have each status, per municipality, responsible body and year."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from pipeline.lang.slugs import fold, sort_key
from pipeline.lexicon.parties import party_label
from pipeline.read.query import MeasureView
from pipeline.store.documents import known_municipality
from pipeline.web.labels import STATUS_LABELS, status_key

UNKNOWN = "Okänd"
# The start page shows the largest groups; the API gives every one.
SHOWN = 10


def _groups(
    views: Iterable[MeasureView], key: Callable[[MeasureView], str | None]
) -> list[dict[str, Any]]:
    """One row per group: its counts by shown status, total and shares, largest first."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STATUS_LABELS, 0))
    shown: dict[str, str] = {}
    for v in views:
        name = " ".join((key(v) or UNKNOWN).split())
        # "polisen" and "Polisen" are one group, shown with a capital.
        group = fold(name)
        shown.setdefault(group, name[:1].upper() + name[1:])
        counts[group][status_key(v)] += 1
    rows = []
    for group, by_status in counts.items():
        name = shown[group]
        total = sum(by_status.values())
        shares = {k: round(n / total, 4) for k, n in by_status.items()}
        rows.append({"name": name, "total": total, "counts": by_status, "shares": shares})
    return sorted(rows, key=lambda r: (-r["total"], sort_key(r["name"])))


def overview(
    views: list[MeasureView], municipality_of: dict[str, str], party_of: dict[str, str]
) -> dict[str, Any]:
    """Counts and shares by status for each municipality, responsible body, party and year.

    A measure belongs to the municipality of its first source document; its party is that
    of the first author of the first of its documents that names one with a party; its
    year is the year it was first seen. Groups of no known value come last.
    """

    def municipality(v: MeasureView) -> str | None:
        for doc_id in v.sources:
            muni = known_municipality(municipality_of.get(doc_id))
            if muni:
                return muni
        return None

    return {
        "statuses": list(STATUS_LABELS),
        "municipality": _groups(views, municipality),
        "responsible": _groups(views, lambda v: v.responsible),
        "party": _known_first(_groups(views, lambda v: _party(v, party_of))),
        # Newest year first; measures from undated documents last.
        "year": sorted(
            _groups(views, lambda v: (v.first_seen or "")[:4] or None),
            key=lambda r: (r["name"] == UNKNOWN, -int(r["name"]) if r["name"].isdigit() else 0),
        ),
    }


def _party(v: MeasureView, party_of: dict[str, str]) -> str | None:
    # "FP" in a 2008 document and "L" in a 2020 one are one party.
    found = next((party_of[d] for d in v.sources if d in party_of), None)
    return party_label(found) if found else None


def _known_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Most measures have no known party: the few that do would be hidden behind "Okänd".
    return sorted(rows, key=lambda r: r["name"] == UNKNOWN)


def bars(row: dict[str, Any], width: float = 100.0) -> list[tuple[str, float, float]]:
    """(status, x, width) of each status's piece of a stacked bar ``width`` wide."""
    out, x = [], 0.0
    for key in STATUS_LABELS:
        w = row["shares"][key] * width
        if w > 0:
            out.append((key, round(x, 2), round(w, 2)))
            x += w
    return out
