"""Where and by whom: the municipality, places and bodies that two statements must share."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline import paths
from pipeline.lang.slugs import fold
from pipeline.link.actors import match_key

_MUNI = re.compile(
    r"\b([A-ZÅÄÖ][a-zåäöé]+(?:[- ][A-ZÅÄÖ][a-zåäöé]+)?)\s+(?:kommuns?|[Ss]tads?)\b"
    r"|\bRegion\s+([A-ZÅÄÖ][a-zåäöé]+)"
)
# Responsible bodies that decide rather than carry out: a proposal by a förvaltning and the
# fullmäktige decision on it name different bodies for one measure.
_DECIDERS = re.compile(r"fullmaktige|kommunstyrelse|^(?:org:)?(?:namnd|kommun|staden|ks|kf)$")
# Heads of names that say what kind of body it is; without one a "responsible" is too vague.
_BODY = re.compile(r"(?:namnd|forvaltning|kontor|styrelse|utskott|bolag|\bab\b|forbund|revision)")


_YEAR = re.compile(r"\b((?:19[5-9]|20[0-4])\d)\b")
# Places too large to tell two measures apart.
_COUNTRIES = frozenset(["sverige", "eu", "europa", "norden", "skane", "stockholms lan"])


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[frozenset[str], dict[str, str]]:
    """Folded municipality names and a map from city districts to their city."""
    base = paths.GAZETTEERS
    kommuner = frozenset(
        fold(x.strip())
        for x in (base / "kommuner.txt").read_text(encoding="utf-8").splitlines()
        if x.strip() and not x.startswith("#")
    )
    districts: dict[str, str] = {}
    city = ""
    for line in (base / "stadsdelar.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            head = line[1:].split(":", 1)
            if len(head) == 2:
                city = fold(head[0].strip())
        elif line.strip() and city in kommuner:
            districts[fold(line.strip())] = city
    return kommuner, districts


def municipality_of(name: str) -> str | None:
    """The municipality a printed place or body name belongs to, if it names one."""
    kommuner, districts = _gazetteer()
    key = fold(name.strip())
    if key in kommuner:
        return key
    if key in districts:
        return districts[key]
    m = _MUNI.search(name)
    if m:
        word = fold(m.group(1) or m.group(2))
        for cand in (word, word[:-1] if word.endswith("s") else word):
            if cand in kommuner:
                return cand
    first = key.split(" ")[0]
    for cand in (first, first[:-1] if first.endswith("s") else first):
        if cand in districts:
            return districts[cand]
        if cand in kommuner:
            return cand
    return None


@dataclass
class Context:
    """Per-document municipalities and per-commitment places mentioned."""

    municipalities: dict[str, frozenset[str]] = field(default_factory=dict)
    title_years: dict[str, int] = field(default_factory=dict)
    places: dict[str, frozenset[str]] = field(default_factory=lambda: defaultdict(frozenset))
    # Places a document's title names: "Medborgarlöfte för Resecentrum" is about Resecentrum
    # even where a sentence only says "i hela området".
    title_places: dict[str, frozenset[str]] = field(default_factory=dict)
    # Other municipalities a sentence names ("grannkommunen Haninge har infört ..."): a
    # statement about what another town did is no statement of this town's measure.
    elsewhere: dict[str, frozenset[str]] = field(default_factory=dict)

    def places_of(self, commitment_id: str, doc_id: str) -> frozenset[str]:
        """The places a statement is about: its own and its document title's.

        Both, because a title's area holds the sentence's smaller places (Centralpassagen
        lies in Resecentrum); a gazetteer of what lies in what would say more.
        """
        own = self.places.get(commitment_id, frozenset())
        return own | self.title_places.get(doc_id, frozenset())


def build_context(
    commitment_spans: Iterable[tuple[str, str, int, int]],
    documents: Iterable[tuple[str, str, list[dict[str, Any]]]],
    listed: Mapping[str, str] | None = None,
) -> Context:
    """Municipalities of every document and places inside every commitment sentence.

    ``commitment_spans`` are (commitment id, doc id, start, end); ``documents`` are
    (doc id, title, actors); ``listed`` maps doc ids to the municipality a source list
    gives, which is then the document's only one.
    """
    listed = listed or {}
    ctx = Context()
    spans: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for cid, doc_id, start, end in commitment_spans:
        spans[doc_id].append((cid, start, end))
    for doc_id, title, actors in documents:
        munis = {m for m in [municipality_of(title or "")] if m}
        for a in actors:
            if a.get("kind") in ("place", "organisation"):
                muni = municipality_of(str(a.get("name") or ""))
                if muni:
                    munis.add(muni)
        if doc_id in listed:
            # The source list knows where the document is from; names in it (a Region, a
            # neighbouring town) are places it speaks of, not where it belongs.
            munis = {municipality_of(listed[doc_id]) or fold(listed[doc_id])}
        ctx.municipalities[doc_id] = frozenset(munis)
        folded_title = fold(title or "")
        named = local_places(
            str(a["name"])
            for a in actors
            if a.get("kind") == "place" and a.get("name") and fold(str(a["name"])) in folded_title
        )
        if named:
            ctx.title_places[doc_id] = named
        years = [int(y) for y in _YEAR.findall(title or "")]
        if years:
            # An undated "Årsredovisning 2012" is still from about then.
            ctx.title_years[doc_id] = max(years)
        for cid, start, end in spans.get(doc_id, []):
            inside = local_places(
                str(a["name"])
                for a in actors
                if a.get("kind") == "place"
                and a.get("char_start") is not None
                and start <= a["char_start"] < end
            )
            if inside:
                ctx.places[cid] = frozenset(inside)
            other = _other_towns(actors, start, end, munis)
            if other:
                ctx.elsewhere[cid] = other
    return ctx


def _other_towns(
    actors: list[dict[str, Any]], start: int, end: int, own: set[str]
) -> frozenset[str]:
    """Municipalities a span names as places, other than its document's own (when known)."""
    if not own:
        return frozenset()
    out = set()
    for a in actors:
        if a.get("kind") != "place" or a.get("char_start") is None:
            continue
        if not start <= a["char_start"] < end:
            continue
        muni = municipality_of(str(a.get("name") or ""))
        if muni and muni not in own:
            out.add(muni)
    return frozenset(out)


def local_places(names: Iterable[str]) -> frozenset[str]:
    """Folded place names that tell measures apart: not countries, not whole municipalities."""
    out = set()
    for name in names:
        key = fold(name)
        muni = municipality_of(name)
        if key in _COUNTRIES or (muni and key in (muni, f"{muni} kommun", f"{muni} stad")):
            continue
        out.add(key)
    return frozenset(out)


def disjoint(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both known and nothing in common: a conflict."""
    return bool(a) and bool(b) and not (a & b)


# The same few body names come up in thousands of pairs.
@lru_cache(maxsize=65536)
def body_key(responsible: str | None) -> str | None:
    """A comparable key for a responsible body, or None when it is vague or a decider."""
    if not responsible:
        return None
    key = match_key(responsible, "organisation")
    if _DECIDERS.search(key) or not _BODY.search(key):
        return None
    return key


_HEAD = re.compile(r"s?(?:namnd|forvaltning|kontor|styrelse|utskott|bolag|forbund)$")


def _stems(key: str) -> set[str]:
    """Name words without their body head: a nämnd and its förvaltning share a stem."""
    words = re.findall(r"\w{4,}", key.split(":", 1)[1])
    return {_HEAD.sub("", w) or w for w in words if w not in ("och", "samt")}


def bodies_conflict(a: str | None, b: str | None) -> bool:
    """Two named executing bodies with nothing in common cannot carry out one measure."""
    ka, kb = body_key(a), body_key(b)
    if not ka or not kb or ka == kb:
        return False
    sa, sb = _stems(ka), _stems(kb)
    return not any(x[:5] == y[:5] for x in sa for y in sb if len(x) >= 5 and len(y) >= 5)
