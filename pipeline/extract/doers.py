"""Doers named by a sentence's shape: assignees, a proposal's doer, a lead-in's subject."""

from __future__ import annotations

import re

from pipeline.extract.mentions import actor_hits, agent_in, canonical
from pipeline.extract.noun_phrases import ORG, clean_np, fronted
from pipeline.lang import postag
from pipeline.lexicon import gazetteers
from pipeline.records import Actor

_I = re.IGNORECASE

# "… att nämnderna får i uppdrag att …": the assignee is the subject of "får".
_GETS_TASK = re.compile(
    r"(?:^|[,:;]\s*|\batt\s+)((?:(?!att\b)[\wåäöÅÄÖ/-]+\s+){0,5}?[\wåäöÅÄÖ/-]+)\s+"
    r"(?:får|fick|har\s+fått|hade\s+fått|erhåller)\s+(?:även\s+|också\s+)?i\s+uppdrag\b",
    _I,
)


def task_receiver(sentence: str, actors: list[Actor]) -> str | None:
    """The body that "får i uppdrag", when the sentence names one."""
    m = _GETS_TASK.search(sentence)
    if m and (ORG.search(m.group(1)) or actor_hits(m.group(1), actors)):
        return agent_in(m.group(1), actors, last=True) or canonical(clean_np(m.group(1)), actors)
    return None


# Assignees written in other shapes: "fick kommunstyrelsen uppdraget att", "I
# ledningsfunktionernas uppdrag ingår att", "beslutar medge samhällsbyggnadsnämnden 2 mnkr".
# (pattern, whether the name it captures must read as a body): "I X:s uppdrag ingår"
# names its holder whatever X is.
_TASK_SHAPES: tuple[tuple[re.Pattern[str], bool], ...] = (
    (
        re.compile(
            r"\b(?:fick|får|har\s+fått)\s+((?:[\wåäö-]+\s+){0,3}?[\wåäö-]+)\s+(?:i\s+)?uppdrag(?:et)?\b",
            _I,
        ),
        True,
    ),
    (re.compile(r"\bI\s+([\wåäö-]+?)s\s+uppdrag\s+ingår\b", _I), False),
    (
        re.compile(
            r"\b(?:medge|medger|beviljar|bevilja|tilldelar|tilldela|anvisar|anvisa)\s+((?:[\wåäö-]+\s+){0,3}?[\wåäö-]+)\s+[\d,]+\s*(?:miljon|miljoner|mnkr|tkr|kronor|kr)\b",
            _I,
        ),
        True,
    ),
)


def shaped_assignee(sentence: str, actors: list[Actor]) -> str | None:
    """An assignee named by one of the less common task shapes, when it is a body."""
    for shape, needs_body in _TASK_SHAPES:
        m = shape.search(sentence)
        if m and (not needs_body or ORG.search(m.group(1)) or actor_hits(m.group(1), actors)):
            return canonical(clean_np(m.group(1)), actors)
    return None


_TOGETHER = re.compile(
    r"\b(?:tillsammans|samfällt|i\s+samverkan)\s+med\s+([\wåäö-]+(?:\s+(?-i:[A-ZÅÄÖ])[\wåäö-]+)?)",
    _I,
)


def together(found: str, text: str, actors: list[Actor]) -> str:
    """ "Polisen ska tillsammans med kommunen …": both are doers."""
    m = _TOGETHER.search(text)
    if not m or not ORG.fullmatch(m.group(1)) or m.group(1).casefold() in found.casefold():
        return found
    return f"{found} och {canonical(m.group(1), actors)}"


def proposer_only(name: str, actors: list[Actor]) -> bool:
    """Whether ``name`` is a person or a party: one who proposes, not one who carries out."""
    parties = gazetteers.load().party_names
    first = name.split(" i ")[0].strip()
    if first in parties:
        return True
    return any(a.kind == "person" and a.name.casefold() == name.casefold() for a in actors)


# "föreslår att Stockholms stad inrättar …": the doer of a proposal is the att-clause's subject.
_ATT_SPLIT = re.compile(r"^((?:\s+[\wåäö,()]+){0,8}?)\s+att\s+(.{3,})$", _I | re.S)
_ADDRESSEE = re.compile(r"(?:^|\s)(?:till|åt)\s+((?:[\wåäö-]+\s+)?[\wåäö-]+)\s*$", _I)


def _infinitive(clause: str) -> bool:
    """Whether the att-clause opens with an infinitive ("att ändra …"): it has no subject."""
    tagger = postag.load()
    words = ["att", *clause.split()[:2]]
    return tagger is not None and len(words) > 1 and tagger.tag(words)[1] == "VERB.Inf"


def proposed_doer(cue_text: str, tail: str, actors: list[Actor]) -> str | None:
    """Who a proposal would have act: the att-clause's subject, or the body it is put to."""
    if re.search(r"\batt\s*$", cue_text, _I):
        pre, clause = "", tail.strip()
    else:
        m = _ATT_SPLIT.match(tail[:200])
        if not m:
            return None
        pre, clause = m.group(1), m.group(2)
    hits = actor_hits(clause[:80], actors)
    if hits and len(clause[: hits[0][0]].split()) <= 1:
        if clause[: hits[0][0]].strip():  # "att tekniska nämnden ska utreda"
            return clean_np(clause[: hits[0][1]])
        return agent_in(clause[: hits[0][1] + 40], actors, last=False)
    if _infinitive(clause):
        # "yrkar i en motion till kommunfullmäktige att ändra …", "föreslår nämnden att hemställa"
        put = _ADDRESSEE.search(pre)
        if put and ORG.fullmatch(put.group(1)):
            return canonical(put.group(1), actors)
        hits = actor_hits(pre, actors)
        return canonical(hits[-1][2], actors) if hits else None
    return None


# "Polisen och kommunen kommer tillsammans att:" — a lead-in whose subject makes every item.
_LEADIN_PROMISE = re.compile(
    r"^\s*([^,;:]{2,100}?)\s+(lovar|åtar\s+sig|har\s+åtagit\s+sig|förbinder\s+sig|kommer|ska|skall|avser)\b([^:]*)",
    _I,
)
_PRONOUN = re.compile(r"\d|\b(?:att|som|det|detta|denna|dessa|de|den|vi|jag|man|här|nedan)\b", _I)
_INVERTED_NP = re.compile(
    r"^\s+((?:[A-ZÅÄÖ][\wåäö/-]*\s+){0,3}?[A-ZÅÄÖ]?[\wåäö/-]+)\s+(?:även\s+|också\s+|tillsammans\s+)*att\b"
)


def leadin_doer(leadin: str | None, actors: list[Actor]) -> str | None:
    """The subject of a promising lead-in, when it names an actor."""
    m = _LEADIN_PROMISE.match(leadin or "")
    if not m:
        return None
    inverted = (
        _INVERTED_NP.match(m.group(3))
        if m.group(2).casefold() in ("kommer", "ska", "skall")
        else None
    )
    if inverted and inverted.group(1)[:1].isupper():
        head = inverted.group(1)  # "Gällande trafik kommer Tekniska verken även att:"
    elif fronted(m.group(1)):
        return None
    else:
        head = m.group(1).strip()
    found = agent_in(head, actors, last=True)
    # The tagger knows few body names ("Lokalpolisområde …"): a short capitalised
    # phrase before a promise verb in a lead-in is its subject.
    if not found and head[:1].isupper() and len(head.split()) <= 6 and not _PRONOUN.search(head):
        found = clean_np(head)
    return found or None
