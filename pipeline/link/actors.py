"""Corpus-level actor resolution: one node per person, body or party across documents."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline.lang.slugs import fold, slugify
from pipeline.lexicon.gazetteers import load
from pipeline.lexicon.parties import successors
from pipeline.link.ids import mint

# A party that was renamed or merged: the old abbreviation resolves to its successor.
PREDECESSOR = successors()
# Bodies are printed both in definite and indefinite form ("nämnden" / "nämnd").
_DEFINITE = (
    ("namnden", "namnd"),
    ("forvaltningen", "forvaltning"),
    ("kontoret", "kontor"),
    ("styrelsen", "styrelse"),
    ("utskottet", "utskott"),
    ("avdelningen", "avdelning"),
    ("enheten", "enhet"),
    ("bolaget", "bolag"),
    ("kommunen", "kommun"),
    ("regionen", "region"),
    ("forbundet", "forbund"),
    ("radet", "rad"),
    ("revisionen", "revision"),
    ("gruppen", "grupp"),
    ("teamet", "team"),
    ("staben", "stab"),
    ("sekretariatet", "sekretariat"),
)
_PARTY_SUFFIX = re.compile(r"\s*\(\s*([A-Za-zÄä]{1,4})\s*\)\s*$")
_SPACE = re.compile(r"[\s\u00a0]+")


def canonical_party(party: str | None) -> str | None:
    """Upper-case abbreviation of today's party: 'fp' and 'FP' become 'L'."""
    if not party:
        return None
    up = party.strip().upper()
    return PREDECESSOR.get(up, up)


@lru_cache(maxsize=1)
def _party_names() -> dict[str, str]:
    return {fold(name): abbr for name, abbr in load().party_names.items()}


@lru_cache(maxsize=1)
def _abbrev_names() -> dict[str, str]:
    return {abbr: name for name, abbr in load().party_names.items() if fold(name) != fold(abbr)}


def party_of_name(name: str) -> str | None:
    """The party an organisation name denotes ('Folkpartiet liberalerna' -> 'FP'), if any."""
    return _party_names().get(fold(_SPACE.sub(" ", name).strip()))


def split_party(name: str) -> tuple[str, str | None]:
    """'Alexander Ojanne (S)' -> ('Alexander Ojanne', 'S')."""
    m = _PARTY_SUFFIX.search(name)
    if m and m.group(1).upper() in load().party_abbrevs:
        return name[: m.start()].strip(), m.group(1).upper()
    return name.strip(), None


def match_key(name: str, kind: str) -> str:
    """What two printed names must share to be the same actor."""
    base, _ = split_party(name)
    key = fold(_SPACE.sub(" ", base).strip(" .,;:"))
    if kind == "organisation":
        party = party_of_name(base)
        if party:
            return f"party:{canonical_party(party)}"
        key = key.replace("- och ", "-och ")
        words = key.split(" ")
        for definite, indefinite in _DEFINITE:
            if words[-1].endswith(definite):
                words[-1] = words[-1][: -len(definite)] + indefinite
                break
        key = " ".join(words)
    return f"{kind[:3]}:{key}"


@dataclass
class Resolved:
    """One resolved actor node: its id and merged attributes."""

    node_id: str
    kind: str
    names: Counter[str] = field(default_factory=Counter)
    parties: Counter[str] = field(default_factory=Counter)
    roles: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)

    def attrs(self) -> dict[str, Any]:
        """Node attributes as GRAPH.md lists them, plus every party seen."""
        name = _display(self.names)
        current: Counter[str] = Counter()
        for p, count in self.parties.items():
            current[canonical_party(p) or p] += count
        party = sorted(current, key=lambda p: (-current[p], p))[0] if current else None
        former = sorted(p for p in self.parties if canonical_party(p) != p)
        return {
            "kind": "actor",
            "name": name,
            "actor_kind": self.kind,
            "party": party,
            "parties": sorted(self.parties),
            "former_parties": former,
            "roles": sorted(self.roles),
            "aliases": sorted(self.aliases),
        }


def _display(names: Counter[str]) -> str:
    # The most printed form; on a tie the capitalised one reads best as a label.
    return sorted(names, key=lambda n: (-names[n], not n[:1].isupper(), n))[0]


class ActorResolver:
    """Collects actor nodes from many documents and merges those that are one actor."""

    def __init__(self) -> None:
        self._seen: dict[str, list[dict[str, Any]]] = defaultdict(list)

    def add(self, attrs: dict[str, Any]) -> None:
        """Register one document's view of an actor (a fragment node's attributes)."""
        kind = str(attrs.get("actor_kind") or "organisation")
        self._seen[match_key(str(attrs.get("name") or ""), kind)].append(attrs)

    def resolve(self) -> dict[tuple[str, str, str | None], Resolved]:
        """Map (match key, kind, party) of every registered view to its resolved node."""
        out: dict[tuple[str, str, str | None], Resolved] = {}
        used: set[str] = set()
        for key in sorted(self._seen):
            views = self._seen[key]
            kind = str(views[0].get("actor_kind") or "organisation")
            groups = self._party_groups(key, views)
            for n, (party, members) in enumerate(groups):
                res = self._merge(key, kind, members, suffix=party if n else None, used=used)
                for v in members:
                    out[(key, kind, self._party(v))] = res
                if n == 0:
                    out.setdefault((key, kind, None), res)
        return out

    @staticmethod
    def _party(v: dict[str, Any]) -> str | None:
        return canonical_party(v.get("party"))

    def _party_groups(
        self, key: str, views: list[dict[str, Any]]
    ) -> list[tuple[str | None, list[dict[str, Any]]]]:
        """Persons of one name in two parties are two people; the usual party comes first."""
        if not key.startswith("per:"):
            return [(None, views)]
        by_party: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
        for v in views:
            by_party[self._party(v)].append(v)
        named = sorted((p for p in by_party if p), key=lambda p: (-len(by_party[p]), p))
        if len(named) <= 1:
            return [(named[0] if named else None, views)]
        groups = [(p, list(by_party[p])) for p in named]
        groups[0][1].extend(by_party.get(None, []))
        return [(p, vs) for p, vs in groups]

    @staticmethod
    def _merge(
        key: str,
        kind: str,
        views: Iterable[dict[str, Any]],
        suffix: str | None,
        used: set[str],
    ) -> Resolved:
        res = Resolved("", kind)
        for v in views:
            name, printed_party = split_party(str(v.get("name") or ""))
            party = v.get("party") or printed_party
            res.names[name] += 1
            res.aliases.add(name)
            res.aliases.update(str(a) for a in v.get("aliases") or [])
            res.roles.update(str(r) for r in v.get("roles") or [] if r)
            if party:
                up = str(party).upper()
                res.parties[up] += 1
                res.aliases.add(f"{name} ({up})")
        if key.startswith("party:"):
            abbr = key.split(":", 1)[1]
            res.parties[abbr] += 0
            res.names = Counter({_abbrev_names().get(abbr, abbr): 1})
            for old, new in PREDECESSOR.items():
                if new == abbr:
                    res.aliases.update({old, _abbrev_names().get(old, old)})
            res.aliases.add(abbr)
        base = f"actor:{kind[:3]}-{slugify(_display(res.names))}"
        if suffix:
            base += f"-{slugify(suffix)}"
        res.node_id = mint(base, used)
        return res


def resolve_key(attrs: dict[str, Any]) -> tuple[str, str, str | None]:
    """The lookup key of one fragment node in :meth:`ActorResolver.resolve`'s result."""
    kind = str(attrs.get("actor_kind") or "organisation")
    return (
        match_key(str(attrs.get("name") or ""), kind),
        kind,
        canonical_party(attrs.get("party")),
    )
