"""The responsible actor of a commitment: assignee, grammatical agent, or the paragraph's body."""

from __future__ import annotations

import re

from pipeline.extract.noun_phrases import ORG, clean_np, fronted
from pipeline.extract.status import Cue
from pipeline.lang import postag
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


def _hits(text: str, actors: list[Actor]) -> list[tuple[int, int, str]]:
    """Actor mentions in ``text`` that are not governed by a preposition (start, end, name)."""
    folded = text.casefold()
    hits: list[tuple[int, int, str]] = []
    for name in _actor_names(actors):
        i = folded.find(name.casefold())
        if i >= 0 and not _governed(text, i):
            hits.append((i, i + len(name), name))
    for m in ORG.finditer(text):
        if not _governed(text, m.start()):
            hits.append((m.start(), m.end(), m.group(0)))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, str]] = []
    for h in hits:
        if not out or h[0] >= out[-1][1]:
            out.append(h)
    return out


def _agent(text: str, actors: list[Actor], last: bool) -> str | None:
    """The subject-like actor in ``text``: the one nearest the verb, with 'X och Y' joined."""
    hits = _hits(text, actors)
    if not hits:
        return None
    pick = len(hits) - 1 if last else 0
    name = _canonical(hits[pick][2], actors)
    other = pick - 1 if last else pick + 1
    if 0 <= other < len(hits):
        lo, hi = sorted((hits[other], hits[pick]))
        if re.fullmatch(r"\s*(?:och|samt)\s*", text[lo[1] : hi[0]]):
            return f"{_canonical(lo[2], actors)} och {_canonical(hi[2], actors)}"
    return name


def _canonical(name: str, actors: list[Actor]) -> str:
    """The actor's printed name when ``name`` is one of its forms."""
    low = name.casefold().strip()
    if low in ("kommunen", "staden"):
        return _municipality(actors) or name.strip()
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


# The agent of a passive measure verb: "genomföras av polisen", "tas fram av förvaltningen".
_PASSIVE_AGENT = re.compile(r"\b[\wåäö]{3,}s\s+(?:fram\s+|upp\s+|in\s+)?av\s+([\wåäö-]+)\b", _I)
_MUNICIPALITY = re.compile(r"(?:[A-ZÅÄÖ][\wåäö-]+\s+(?:kommun|stad)|[A-ZÅÄÖ][\wåäö-]+s\s+stad)$")


def _municipality(actors: list[Actor]) -> str | None:
    """The municipality the actors name, when they name exactly one ("Eskilstuna kommun")."""
    names = {a.name for a in actors if a.kind == "organisation" and _MUNICIPALITY.match(a.name)}
    return names.pop() if len(names) == 1 else None


_ROLE = re.compile(r"(?:direktör|chef|ordförande|samordnare|ansvarig)(?:en|erna)?\b", _I)
_NP_TAGS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "CCONJ", "NUM"})
_PASSIVE_NEXT = re.compile(r"^\s*(?:inte\s+|också\s+|även\s+)?(?:att\s+)?[\wåäö]+s\b")


def _subject(head: str, tail: str) -> str | None:
    """The noun phrase that makes up the whole clause before the cue, when the verb is active.

    "Lokalpolisområde Uppsala/Knivsta åtar sig …", "Tekniska verken och Kirunabostäder ska
    …": agents the actor list does not know. A passive verb after the cue makes that noun
    phrase the measure, not its doer ("Två medborgardialoger ska genomföras").
    """
    tagger = postag.load()
    words = head.split()
    if tagger is None or not 1 <= len(words) <= 8 or _PASSIVE_NEXT.match(tail):
        return None
    tags = tagger.tag(words)
    if not set(tags) <= _NP_TAGS or tags[-1] not in ("NOUN", "PROPN"):
        return None
    np = head.strip(" ,")
    # Only a doer: a name, a body or a role; "Kamerabevakning har …" names the measure.
    named = "PROPN" in tags[1:] or (tags[0] == "PROPN" and len(words) > 1)
    if not (named or ORG.search(np) or _ROLE.search(np)):
        return None
    return clean_np(np) or None


_SUB_FRONT = re.compile(r"^\s*(?:när|då|eftersom|om|efter\s+att|sedan|innan|även\s+om)\b[^,]*,", _I)


def responsible_of(sentence: str, cue: Cue, actors: list[Actor], paragraph: str) -> str | None:
    """Who is to carry out the measure: named assignee, agent, or the paragraph's actor."""
    tail = sentence[cue.end :]
    m = re.search(r"\b(?:ge|ger|gav|ges)\s+(.+?)\s+i\s+uppdrag\b", sentence, _I)
    if m:
        return _canonical(clean_np(m.group(1)), actors)
    m = re.search(r"\buppdr(?:ar|og|agit)\s+(?:åt|till)\s+(.+?)\s+att\b", sentence, _I)
    if m:
        return _canonical(clean_np(m.group(1)), actors)
    m = re.search(
        r"\buppdrag(?:et)?\s+(?:är|blir|var)\s+att\s+(.+?)\s+(?:ska|skall)\b", sentence, _I
    )
    if m:
        return _canonical(clean_np(m.group(1)), actors)
    if cue.family == "done":
        m = re.search(r"\bav\s+((?:en|ett|den|det)\s+)?([\wåäö-]+)", tail, _I)
        if m and ORG.fullmatch(m.group(2)):
            return _canonical(m.group(2), actors)
    m = _PASSIVE_AGENT.search(tail)
    if m and ORG.fullmatch(m.group(1)):
        return _canonical(m.group(1), actors)  # "… ska genomföras av polisen"
    # "Gällande trafik kommer Tekniska verken även att …": the subject inverted into the cue.
    m = re.match(
        r"kommer\s+(.+?)(?:\s+(?:även|också|inte|dessutom|fortsatt|tillsammans))*\s+att$",
        sentence[cue.start : cue.end],
        _I,
    )
    if m and m.group(1).split()[0][:1].isupper():
        return _canonical(clean_np(m.group(1)), actors)
    head = _SUB_FRONT.sub("", sentence[: cue.start])
    head = re.split(r"[,;:]", head)[-1]
    if re.search(r"\boch\b", head) and len(head.split(" och ")[0].split()) >= 4:
        head = head.rsplit(" och ", 1)[-1]
    found = None
    if not fronted(head):
        found = _agent(head, actors, last=True)
    if not found and (fronted(head) or not head.strip()):
        found = _agent(tail[:60], actors, last=False)
    doer = cue.family not in ("proposal", "demand") and cue.label != "har genomförts"
    if not found and doer and not fronted(head):
        found = _subject(head, tail)
    if found and re.match(r"(?i)(?:kommun|stad|staden|kommunen)$", found):
        found = _municipality(actors)  # "kommunen" is the one municipality the text names
    if found:
        return found
    others = {
        _canonical(h[2], actors)
        for s in re.split(r"(?<=[.!?])\s+", paragraph)
        for h in _hits(s, actors)[:1]
        if len(s[: h[0]].split()) <= 2
    }
    return others.pop() if len(others) == 1 else None
