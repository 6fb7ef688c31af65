"""The "Stadsdel eller nämnd" filter: councils and districts named as a reader knows them."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from pipeline.lang.slugs import fold, sort_key
from pipeline.lexicon.words import stopwords
from pipeline.store import documents as documents_sql
from pipeline.store.core import Store
from pipeline.store.documents import known_municipality

# Organisations named with one of these are councils, boards and their offices.
ORGAN_WORDS = ("namnd", "stadsdel", "kommunstyrelse", "fullmaktige", "forvaltning")
# An organ word twice in one word is an extraction glitch ("Socialnämndennämnden").
_DOUBLED = re.compile(r"(namnd|forvaltning)\w*\1")


def _cased(name: str) -> str:
    """'KOMMUNSTYRELSEN' -> 'Kommunstyrelsen'; other names keep their letters."""
    name = " ".join(name.split())
    if name.isupper() and len(name) > 3:
        name = name.capitalize()
    return name[:1].upper() + name[1:]


def organ_key(name: str) -> str:
    """What two filter names share when they are one organ: case, å/ä/ö and a hyphen aside.

    "Grundskole-förvaltningen, Malmö" (a line break's hyphen) is Grundskoleförvaltningen.
    """
    return re.sub(r"(?<=\w)-(?=\w)", "", fold(name))


def _with_municipality(name: str, muni: str) -> str | None:
    """'Malmö kommunfullmäktige' or 'Kommunfullmäktige i Malmö' as 'Kommunfullmäktige, Malmö'.

    None when the name does not say its municipality in a word of its own.
    """
    m = fold(muni)
    words = name.split()
    keep = [w for w in words if fold(w).strip(",") not in (m, m + "s")]
    if len(keep) == len(words) or not keep:
        return None
    if keep[-1].casefold() == "i":
        keep.pop()
    return f"{_cased(' '.join(keep).strip(' ,'))}, {muni}" if keep else None


def _is_organ(folded: str) -> bool:
    if not any(w in folded for w in ORGAN_WORDS) or _DOUBLED.search(folded):
        return False
    # A bare "stadsdelsnämnd" or "förvaltningen" names no one in particular.
    return folded not in {fold(w) for w in stopwords("generic_organ")}


def _is_generic(folded: str, places: set[str]) -> bool:
    """True for "Socialnämnden", which every municipality has; false for "Kista stadsdelsnämnd".

    A name is particular when one of its words is a place (or its genitive), or when it
    names its district ("Bromma stadsdelsnämnd").
    """
    words = folded.split()
    if len(words) > 1 and "stadsdel" in words[-1]:
        return False
    return not any(w in places or w.removesuffix("s") in places for w in words)


def organ_index(store: Store) -> dict[str, list[str]]:
    """doc_id -> the stadsdelar and nämnder it is from, to or about.

    Only organisations count, and places that some organ is named after ("Skärholmen" for
    "Skärholmens stadsdelsnämnd"): streets, towns and "Sverige" are not units to filter by.
    A name every municipality uses gets its municipality: "Kommunstyrelsen, Danderyd".
    """
    munis = documents_sql.municipalities(store)
    organs: dict[str, set[str]] = defaultdict(set)
    places: dict[str, set[str]] = defaultdict(set)
    for doc_id, st, ex in documents_sql.structures_and_actors(store):
        for a in st.get("recipients", []) + st.get("authors", []) + ex.get("actors", []):
            name = _cased(str(a.get("name", "")))
            if a.get("kind") == "organisation":
                organs[doc_id].add(name)
            elif a.get("kind") == "place" and len(name) > 2:
                places[doc_id].add(name)
    return _named(organs, places, munis)


def _named(
    organs: dict[str, set[str]], places: dict[str, set[str]], munis: dict[str, Any]
) -> dict[str, list[str]]:
    """The filter names per document, genitives merged into their base form."""
    organs = {d: {_cased(n) for n in names if _is_organ(fold(n))} for d, names in organs.items()}
    every = {fold(n) for names in organs.values() for n in names}
    district_of = {fold(p) for names in places.values() for p in names}
    districts = {
        p
        for p in district_of
        if any(o.startswith((p + " stadsdel", p + "s stadsdel")) for o in every)
    }
    out: dict[str, list[str]] = {}
    for doc_id in set(organs) | set(places):
        names: dict[str, str] = {}
        for n in organs.get(doc_id, ()):
            low = fold(n)
            if low.endswith("s") and low[:-1] in every:
                n, low = n[:-1], low[:-1]  # "Socialnämndens" is Socialnämnden's
            muni = known_municipality(munis.get(doc_id))
            named = _with_municipality(n, muni) if muni else None
            if named:
                n = named
            elif muni and _is_generic(low, district_of):
                n = f"{n}, {muni}"
            names.setdefault(organ_key(n), n)
        for p in places.get(doc_id, ()):
            if fold(p) in districts:
                names.setdefault(organ_key(p), p)
        out[doc_id] = sorted(names.values(), key=sort_key)
    return out
