"""Actors: persons with party and role, organisations and places, once per name and kind."""

from __future__ import annotations

import re
from collections import Counter

from pipeline.extract.actor_bodies import find_bodies, find_places
from pipeline.extract.actor_ner import find_ner_actors
from pipeline.extract.actor_persons import ROLE_AFTER_RE, find_persons
from pipeline.lexicon.gazetteers import role_of
from pipeline.records import Actor, Structure

FUNCTION_ROLES = frozenset({"interpellant", "motionär", "frågeställare", "förslagsställare"})


def find_actors(text: str, structure: Structure) -> list[Actor]:
    """Every actor the document prints, once per name and kind, ordered by first mention."""
    persons = find_persons(text) + _from_structure(text, structure)
    bodies, owned = find_bodies(text)
    bodies = _drop_nested(bodies)
    person_spans = [(a.char_start or 0, a.char_end or 0) for a in persons]
    body_spans = [(a.char_start or 0, a.char_end or 0) for a in bodies]
    places = find_places(text, owned)
    for actor in find_ner_actors(text, person_spans + body_spans):
        span = (actor.char_start or 0, actor.char_end or 0)
        if _overlaps(span, body_spans) or _overlaps(span, person_spans):
            continue
        (persons if actor.kind == "person" else places).append(actor)
    places = [
        p for p in places if not _overlaps((p.char_start or 0, p.char_end or 0), person_spans)
    ]
    for p in persons:
        if p.role is None and p.char_end is not None:
            # "Anna Birgersson, nämndsekreterare": the title printed after the name.
            after = ROLE_AFTER_RE.match(text, p.char_end)
            p.role = role_of(after.group("role")) if after else None
    merged = _merge_persons(persons) + _merge_bodies(bodies, text) + _merge_simple(places)
    return sorted(merged, key=lambda a: a.char_start if a.char_start is not None else 1 << 30)


def _from_structure(text: str, structure: Structure) -> list[Actor]:
    """Authors and recipients the structure stage found, located in the text."""
    out: list[Actor] = []
    for actor in [*structure.authors, *structure.recipients]:
        if actor.kind != "person" or not actor.name:
            continue
        pos = text.find(actor.name)
        if pos < 0:
            continue
        out.append(Actor(actor.name, "person", actor.party, actor.role, pos, pos + len(actor.name)))
    return out


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _drop_nested(bodies: list[Actor]) -> list[Actor]:
    """Drop a body mention lying inside a longer one (poliskontoret in 'det lokala ...')."""
    spans = [(a.char_start or 0, a.char_end or 0) for a in bodies]
    keep: list[int] = []
    max_end, max_span = -1, (-1, -1)
    for i in sorted(range(len(bodies)), key=lambda k: (spans[k][0], -spans[k][1])):
        if not (max_end >= spans[i][1] and max_span != spans[i]):
            keep.append(i)
        if spans[i][1] > max_end:
            max_end, max_span = spans[i][1], spans[i]
    return [bodies[i] for i in sorted(keep)]


def _first(group: list[Actor]) -> Actor:
    return min(group, key=lambda a: a.char_start or 0)


def _merge_persons(mentions: list[Actor]) -> list[Actor]:
    """One person per name; surname-only or shorter mentions join the fuller name."""
    groups: dict[str, list[Actor]] = {}
    for m in sorted(mentions, key=lambda a: -len(a.name.split())):
        key = m.name.casefold()
        tokens = key.split()
        target = key if key in groups else None
        if target is None:
            for other in groups:
                o_tokens = other.split()
                if len(tokens) < len(o_tokens) and o_tokens[-len(tokens) :] == tokens:
                    target = other
                    break
        groups.setdefault(target or key, []).append(m)
    out: list[Actor] = []
    for group in groups.values():
        full = max(group, key=lambda a: (len(a.name.split()), -(a.char_start or 0)))
        if len(full.name.split()) < 2 and not any(a.party for a in group):
            continue
        parties = Counter(a.party for a in group if a.party)
        titles = [a.role for a in sorted(group, key=lambda a: a.char_start or 0) if a.role]
        role = next((r for r in titles if r not in FUNCTION_ROLES), titles[0] if titles else None)
        first = _first(group)
        out.append(
            Actor(
                full.name,
                "person",
                parties.most_common(1)[0][0] if parties else None,
                role,
                first.char_start,
                first.char_start + len(first.name) if first.char_start is not None else None,
            )
        )
    return out


def _stem(word: str) -> str:
    """Indefinite stem of a definite singular noun: nämnden -> nämnd, styrgruppen -> styrgrupp."""
    for end in ("en", "et", "n"):
        if word.endswith(end) and len(word) > 6 and not word.endswith(("erna", "arna")):
            return word[: -len(end)]
    return word


def _merge_bodies(mentions: list[Actor], text: str) -> list[Actor]:
    """One organisation per name; bare definite heads join the single named body they repeat."""
    groups: dict[str, list[Actor]] = {}
    for m in mentions:
        key = " ".join(m.name.casefold().split())
        words = key.split()
        key = " ".join([*words[:-1], _stem(words[-1])])
        groups.setdefault(key, []).append(m)
    heads: dict[str, list[str]] = {}
    for key in groups:
        words = re.sub(r" i \S+$", "", key).split()
        if len(words) > 1:
            heads.setdefault(_stem(words[-1]), []).append(key)
    out: list[Actor] = []
    for key, group in groups.items():
        if " " not in key and len(heads.get(key, [])) == 1 and heads[key][0] != key:
            groups[heads[key][0]].extend(group)
            continue
        out.append(group[0])
    merged: list[Actor] = []
    for rep in out:
        key = " ".join(rep.name.casefold().split())
        words = key.split()
        group = groups[" ".join([*words[:-1], _stem(words[-1])])]
        first = _first(group)
        name = _display_name(group, text)
        party = next((a.party for a in group if a.party), None)
        merged.append(Actor(name, "organisation", party, None, first.char_start, first.char_end))
    return merged


def _display_name(group: list[Actor], text: str) -> str:
    """The mid-sentence printed form: prefer a mention that is not at a sentence start."""
    named = [a for a in group if " " in a.name] or group
    for a in sorted(named, key=lambda a: a.char_start or 0):
        s = a.char_start or 0
        before = text[max(0, s - 3) : s].rstrip(" \t*#")
        if before and before[-1] not in ".!?:\n":
            return " ".join(a.name.split())
    return " ".join(_first(named).name.split())


def _merge_simple(mentions: list[Actor]) -> list[Actor]:
    """One place per name, at its first mention."""
    groups: dict[str, list[Actor]] = {}
    for m in mentions:
        groups.setdefault(m.name.casefold(), []).append(m)
    return [_first(g) for g in groups.values()]
