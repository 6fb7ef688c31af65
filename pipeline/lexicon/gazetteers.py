"""Gazetteers for actor extraction: places, parties, role titles and organisation words."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pipeline import paths

DATA = paths.GAZETTEERS


def _lines(name: str) -> list[str]:
    path = DATA / name
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


AMBIGUOUS_PLACES = frozenset(_lines("ambiguous_places.txt"))
NOT_ORG_ENDINGS = tuple(_lines("not_org_endings.txt"))
NOUN_ENDINGS = tuple(_lines("noun_endings.txt"))
SURNAME_ENDINGS = tuple(_lines("surname_endings.txt"))
CAP_STOP = frozenset(_lines("cap_stop.txt"))
NOT_GROUP_ACRONYMS = frozenset(_lines("not_group_acronyms.txt"))
# Printed sector word -> the actor it stands for ("skolans" -> "skolan").
SECTOR = dict(line.split("\t", 1) for line in _lines("sectors.tsv"))


@dataclass(frozen=True)
class Gazetteers:
    """Every list the actor rules consult, loaded once from pipeline/lexicon/data/gazetteers."""

    places: frozenset[str]
    party_abbrevs: frozenset[str]
    party_names: dict[str, str]
    role_map: dict[str, str]
    role_suffixes: tuple[str, ...]
    org_phrases: tuple[str, ...]
    org_suffixes: tuple[str, ...]
    org_stop: frozenset[str]
    first_names: frozenset[str]
    role_endings: tuple[tuple[str, str], ...]
    org_phrase_re: re.Pattern[str]
    place_re: re.Pattern[str]
    party_name_re: re.Pattern[str]


def _definite_forms(role: str) -> set[str]:
    """The indefinite title plus its definite singular form (rådet, chefen, ordföranden)."""
    if role.endswith("råd"):
        return {role, role + "et"}
    if role.endswith(("e", "or", "er")):
        return {role, role + "n"}
    return {role, role + "en"}


def _initials(names: list[str], fold: bool = False) -> str:
    """A lookahead on the names' first letters: a long alternation is then tried only there."""
    firsts = {n[:1] for n in names if n}
    if fold:
        firsts |= {c.upper() for c in firsts} | {c.lower() for c in firsts}
    return "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"


def _alternation(names: list[str], flags: int = 0, tail: str = r"(s)?") -> re.Pattern[str]:
    """One regex over whole-word names, longest first, optionally in the genitive."""
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(
        _initials(ordered, fold=bool(flags & re.IGNORECASE))
        + r"(?<![\w-])("
        + "|".join(re.escape(p) for p in ordered)
        + ")"
        + tail
        + r"(?![\w-])",
        flags,
    )


@functools.lru_cache(maxsize=1)
def parties() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Abbreviation -> canonical name, every name or alias -> abbreviation, old -> new one."""
    canonical: dict[str, str] = {}
    party_names: dict[str, str] = {}
    became: dict[str, str] = {}
    for line in _lines("parties.tsv"):
        cols = line.split("\t")
        abbr, name = cols[0], cols[1]
        canonical[abbr] = name
        party_names[name] = abbr
        if len(cols) > 2 and cols[2]:
            for alias in cols[2].split(","):
                party_names.setdefault(alias.strip(), abbr)
        if len(cols) > 3 and cols[3]:
            became[abbr] = cols[3]
    return canonical, party_names, became


@functools.lru_cache(maxsize=1)
def load() -> Gazetteers:
    """Load and index the gazetteer files (cached for the process)."""
    places = set(_lines("kommuner.txt")) | set(_lines("stadsdelar.txt"))
    places |= set(_lines("places_other.txt"))
    canonical, party_names, _ = parties()
    role_map: dict[str, str] = {}
    for role in _lines("roles.txt"):
        for form in _definite_forms(role.lower()):
            role_map.setdefault(form, role.lower())
    first: set[str] = set()
    for line in _lines("first_names.txt"):
        first.update(line.split())
    suffixes = tuple(_lines("role_suffixes.txt"))
    endings = sorted(
        ((form, suf) for suf in suffixes for form in _definite_forms(suf)),
        key=lambda p: len(p[0]),
        reverse=True,
    )
    phrases = sorted(_lines("org_phrases.txt"), key=len, reverse=True)
    return Gazetteers(
        places=frozenset(places),
        party_abbrevs=frozenset(canonical),
        party_names=party_names,
        role_map=role_map,
        role_suffixes=suffixes,
        org_phrases=tuple(phrases),
        org_suffixes=tuple(sorted(_lines("org_suffixes.txt"), key=len, reverse=True)),
        org_stop=frozenset(w.lower() for w in _lines("org_stop.txt")),
        first_names=frozenset(first),
        role_endings=tuple(endings),
        org_phrase_re=_alternation(phrases, re.IGNORECASE, tail="s?"),
        place_re=_alternation(list(places)),
        party_name_re=_alternation(list(party_names)),
    )


@functools.lru_cache(maxsize=65536)
def role_of(word: str) -> str | None:
    """The indefinite lower-case title if ``word`` (one or more words) is a council role."""
    g = load()
    w = " ".join(word.strip().lower().split())
    if not w or len(w) > 40:
        return None
    if w in g.role_map:
        return g.role_map[w]
    head, _, last = w.rpartition(" ")
    if len(last) > 30:
        return None
    for form, suffix in g.role_endings:
        if last.endswith(form):
            base = last[: len(last) - len(form)] + suffix
            return f"{head} {base}" if head else base
    return None


@functools.lru_cache(maxsize=65536)
def is_org_word(word: str) -> bool:
    """True if ``word`` is a compound naming a body (utbildningsnämnden, grundskoleavdelningen)."""
    g = load()
    low = word.lower()
    if low in g.org_stop or len(low) < 5 or low.endswith(NOT_ORG_ENDINGS) or role_of(low):
        return False
    for suffix in g.org_suffixes:
        if low.endswith(suffix):
            return not (
                suffix in ("verket", "myndigheten", "inspektionen") and not word[:1].isupper()
            )
    return False


def looks_like_name(tokens: list[str]) -> bool:
    """Two to four tokens with a known given name first or a surname-like last token."""
    g = load()
    if not 2 <= len(tokens) <= 4:
        return False
    first = tokens[0].split("-")[0]
    last = tokens[-1].lower()
    if any(t.lower().endswith(NOUN_ENDINGS) and t not in g.first_names for t in tokens[1:]):
        return False
    return first in g.first_names or last.endswith(SURNAME_ENDINGS)


def party_abbrev(token: str) -> str | None:
    """Upper-case party abbreviation if ``token`` is one as printed ('fp', 'S', 'Kd')."""
    up = token.strip().upper()
    return up if up in load().party_abbrevs else None
