"""Actor mentions in a sentence: where they stand, which are free subjects, their printed names."""

from __future__ import annotations

import re

from pipeline.extract.noun_phrases import ORG
from pipeline.records import Actor

_I = re.IGNORECASE
_PREP_BEFORE = re.compile(
    r"\b(?:med|för|till|inom|hos|mellan|i|på|från|om|mot|åt|över|under|via|kring|bland|enligt|"
    r"inför|efter|utan)\s+(?:\w+\s+)?$",
    _I,
)


def _governed(text: str, pos: int) -> bool:
    """Whether a preposition (and at most one word) stands right before ``pos``."""
    # A bounded window: the pattern is anchored at ``pos``, so searching from 0 was wasted.
    return _PREP_BEFORE.search(text, max(0, pos - 120), pos) is not None


def _actor_names(actors: list[Actor]) -> list[str]:
    names = [a.name for a in actors if a.kind in ("organisation", "person")]
    return sorted(set(names), key=len, reverse=True)


def actor_hits(text: str, actors: list[Actor]) -> list[tuple[int, int, str]]:
    """Actor mentions in ``text`` that are not governed by a preposition (start, end, name)."""
    folded = text.casefold()
    hits: list[tuple[int, int, str]] = []
    for name in _actor_names(actors):
        # Whole words only: "polisområde" is no mention inside "Lokalpolisområde".
        m = re.search(rf"(?<![\w-]){re.escape(name.casefold())}(?![\w-])", folded)
        if m and not _governed(text, m.start()):
            hits.append((m.start(), m.end(), name))
    for m in ORG.finditer(text):
        if not _governed(text, m.start()):
            hits.append((m.start(), m.end(), m.group(0)))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, str]] = []
    for h in hits:
        if not out or h[0] >= out[-1][1]:
            out.append(h)
    return out


def agent_in(text: str, actors: list[Actor], last: bool) -> str | None:
    """The subject-like actor in ``text``: the one nearest the verb, with 'X och Y' joined."""
    hits = actor_hits(text, actors)
    if not hits:
        return None
    pick = len(hits) - 1 if last else 0
    name = canonical(hits[pick][2], actors)
    other = pick - 1 if last else pick + 1
    if 0 <= other < len(hits):
        lo, hi = sorted((hits[other], hits[pick]))
        if re.fullmatch(r"\s*(?:och|samt)\s*", text[lo[1] : hi[0]]):
            return f"{canonical(lo[2], actors)} och {canonical(hi[2], actors)}"
    return name


def canonical(name: str, actors: list[Actor]) -> str:
    """The actor's printed name when ``name`` is one of its forms."""
    low = name.casefold().strip()
    if low in ("kommunen", "staden"):
        return municipality(actors) or name.strip()
    for a in actors:
        if a.name.casefold() == low:
            return a.name
    bare = re.fullmatch(r"(?:den\s+|det\s+)?([\wåäö]+?)(en|et|n)?", low)
    if bare:
        same = [
            a.name for a in actors if a.kind == "organisation" and a.name.casefold().endswith(low)
        ]
        if len(set(same)) == 1:
            return same[0]
    return name.strip()


_MUNICIPALITY = re.compile(r"(?:[A-ZÅÄÖ][\wåäö-]+\s+(?:kommun|stad)|[A-ZÅÄÖ][\wåäö-]+s\s+stad)$")


def municipality(actors: list[Actor]) -> str | None:
    """The municipality the actors name, when they name exactly one ("Eskilstuna kommun")."""
    names = {a.name for a in actors if a.kind == "organisation" and _MUNICIPALITY.match(a.name)}
    return names.pop() if len(names) == 1 else None
