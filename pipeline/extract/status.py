"""Commitment cues in one Swedish sentence: modality, assignments, progress, and what they imply."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from pipeline.lexicon import genres
from pipeline.lexicon.cues import (
    BOUNDARY,
    CUES,
    DEMAND,
    DONE_ACTIVE,
    FRONTED,
    GOAL,
    OPINION,
    PARTICLE_ACTIVE,
    PRETERITE_DONE,
    PROCEDURE,
    PROPOSAL_DOCS,
    QUESTION,
    REPORTED,
    RULE,
    STATE_AHEAD,
    STOP_SUPINES,
    SUBORDINATE,
    TITLE,
    VIEW,
)
from pipeline.lexicon.rejects import not_commitment

_I = re.IGNORECASE


@dataclass
class Cue:
    """One cue found in a sentence."""

    family: str
    label: str
    start: int
    end: int
    # Where a coordinated clause of its own opens, before its subject (-1: at ``start``).
    opens: int = -1


# A clause runs from the last boundary (comma, "och", ...) to the cue. One longer than this
# is not a clause but text without punctuation (an OCR run-on, a table flattened to one
# line); looking further back for "för att" only made each cue cost the whole text.
MAX_CLAUSE = 1000


class _Clauses:
    """Where the clauses of one sentence start, found once for all of its cues."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.ends = [m.end() for m in BOUNDARY.finditer(sentence)]

    def subordinate(self, pos: int) -> bool:
        """Whether the cue at ``pos`` sits in a purpose/question/condition clause."""
        # The last boundary wholly before ``pos``, as a search of sentence[:pos] finds it.
        k = bisect_right(self.ends, pos)
        start = self.ends[k - 1] if k else 0
        clause = self.sentence[max(start, pos - MAX_CLAUSE) : pos]
        return bool(SUBORDINATE.search(clause))


def _relative(sentence: str, pos: int) -> bool:
    """Whether the cue at ``pos`` sits in a relative clause ("… som ska …")."""
    head = sentence[max(0, pos - 60) : pos]
    m = re.search(r"\bsom\s+((?:\S+\s+){0,3})$", head, _I)
    if not m or re.search(r"\bsåväl\b", head[: m.start()], _I):
        return False
    return not (set(m.group(1).casefold().split()) & _FINITE)


# Finite verbs that close a short relative clause ("Stödmaterial som finns har …").
_FINITE = frozenset(
    [
        "finns",
        "fanns",
        "är",
        "var",
        "har",
        "hade",
        "kan",
        "gäller",
        "ingår",
        "berörs",
        "behövs",
        "arbetar",
        "deltar",
    ]
)


_HAR = re.compile(r"\b(?:har|hade)\b", _I)
_TOKEN = re.compile(r"[\wåäöÅÄÖé-]+")
_PASSIVE_SUPINE = re.compile(r"(?:ats|[^e]ts|its|tts|eras)$")


def perfect_cues(sentence: str) -> list[Cue]:
    """'har … <supine>' where the supine carries out a measure (active or passive)."""
    out = []
    for h in _HAR.finditer(sentence):
        for k, t in enumerate(_TOKEN.finditer(sentence, h.end())):
            if k >= 7:
                break
            word = t.group(0).casefold()
            if word == "som" and "såväl" not in sentence[h.end() : t.start()].casefold():
                break
            if word in DONE_ACTIVE:
                out.append(Cue("done", "har genomfört", h.start(), t.end()))
                break
            particle = PARTICLE_ACTIVE.get(word)
            if particle:
                if sentence[t.end() : t.end() + 12].lstrip().startswith(particle):
                    out.append(Cue("done", "har genomfört", h.start(), t.end()))
                break
            if word in STOP_SUPINES or word in ("har", "hade", "ska", "att"):
                break
            if len(word) > 4 and _PASSIVE_SUPINE.search(word) and not word.endswith("plats"):
                if word.endswith("eras") and sentence[h.end() : t.start()].strip():
                    break
                out.append(Cue("done", "har genomförts", h.start(), t.end()))
                break
    return out


def _demand_subject(sentence: str, pos: int) -> bool:
    """Whether a weak modal at ``pos`` has a named body as its subject (not 'vi', 'detta')."""
    # The subject is in the clause before the modal; see MAX_CLAUSE for why the window.
    head = sentence[max(0, pos - MAX_CLAUSE) : pos].rstrip()
    after = sentence[pos : pos + 200].split()[1:2]
    if after and after[0].casefold() in ("vi", "jag", "man", "detta", "de", "ni"):
        return False
    last = re.split(r"[,;:]", head)[-1].strip()
    if re.fullmatch(r"(?i)(?:detta|det|vi|jag|man|de|ni)?", last):
        return False
    return bool(_ORG_SUBJECT.search(last)) or not relaxed_ok(last)


def relaxed_ok(subject: str) -> bool:
    """Subjects of a weak modal that are people or opinions rather than a thing to fix."""
    return bool(re.search(r"(?i)\b(?:kommunledningen|vi|jag|man)\b", subject))


_ORG_SUBJECT = re.compile(
    r"(?:nämnd(?:en|erna)?|förvaltning(?:en|arna)?|kontoret|styrelsen|fullmäktige|kommunen|"
    r"regionen|staden|polisen|socialtjänsten|bolaget|ledningen|rådet|[A-ZÅÄÖ][\wåäö]+)"
    r"(?:\s+\w+)?\s*$"
)


def find_cues(sentence: str, doc_type: str) -> list[Cue]:
    """Cues of a commitment in ``sentence``, in order, with clause filters applied."""
    found: list[Cue] = []
    _subordinate = _Clauses(sentence).subordinate
    for family, label, pat in CUES:
        for m in pat.finditer(sentence):
            # A few words after the cue are enough, and copying the rest of a huge text is not.
            ahead = sentence[m.end() : m.end() + 300]
            if label in ("ska", "planeras") and STATE_AHEAD.match(ahead):
                continue
            if label == "föreslår" and re.match(r"\s+(?:vara|bli|ha|gälla)\b", ahead):
                continue
            if family in ("future", "done") and _subordinate(m.start()):
                continue
            if family in ("future", "progress", "done") and _relative(sentence, m.start()):
                continue
            found.append(Cue(family, label, m.start(), m.end()))
    if genres.has(doc_type, "narrates_done"):
        # Annual reports narrate finished measures in the preterite.
        for m in PRETERITE_DONE.finditer(sentence):
            if not _subordinate(m.start()) and not _relative(sentence, m.start()):
                found.append(Cue("done", "togs fram", m.start(), m.end()))
    for c in perfect_cues(sentence):
        if not _subordinate(c.start) and not _relative(sentence, c.start):
            found.append(c)
    if genres.has(doc_type, "demands"):
        for m in DEMAND.finditer(sentence):
            if not _subordinate(m.start()) and _demand_subject(sentence, m.start()):
                modal = m.group(0).split()[0]
                found.append(Cue("demand", modal.casefold(), m.start(), m.start() + len(modal)))
    found.sort(key=lambda c: c.start)
    return _dedupe(found)


def _dedupe(cues: list[Cue]) -> list[Cue]:
    out: list[Cue] = []
    for c in cues:
        if any(o.start <= c.start < o.end for o in out):
            continue
        out.append(c)
    return out


def excluded(sentence: str, doc_type: str) -> str | None:
    """Why ``sentence`` is not a commitment whatever its cues say, or None."""
    if QUESTION.search(sentence):
        return "question"
    if kind := not_commitment(sentence):
        return kind
    if TITLE.search(sentence):
        return "title"
    # Background in a fronted purpose clause does not make the main clause an opinion or rule.
    fronted = FRONTED.match(sentence)
    main = sentence[fronted.end() :] if fronted else sentence
    if OPINION.search(main):
        return "opinion"
    if REPORTED.search(main):
        return "reported"
    if GOAL.search(sentence) and not _UPPDRAG.search(sentence):
        return "goal"
    if PROCEDURE.search(sentence) and not _I_UPPDRAG.search(sentence):
        return "procedure"
    if RULE.search(main):
        return "rule"
    if doc_type not in PROPOSAL_DOCS and VIEW.search(main):
        return "view"
    return None


_UPPDRAG = re.compile(r"\buppdrag", _I)
_I_UPPDRAG = re.compile(r"\bi\s+uppdrag\b|\buppdrar\b", _I)


FAMILY_STATUS = {
    "future": "pledged",
    "assignment": "pledged",
    "decision": "pledged",
    "proposal": "proposed",
    "demand": "proposed",
    "progress": "in_progress",
    "done": "done",
    "cancel": "cancelled",
}
# Which cue decides when a sentence has several: a wrapper verb outranks the verb it wraps.
PRIORITY = {"proposal": 0, "cancel": 1, "decision": 2, "assignment": 3}


def main_cue(cues: list[Cue]) -> Cue:
    """The cue that decides the sentence's status: wrappers first, else the first cue."""
    ranked = [c for c in cues if c.family in PRIORITY]
    if ranked:
        best = min(PRIORITY[c.family] for c in ranked)
        return next(c for c in ranked if PRIORITY[c.family] == best)
    return cues[0]


def decide_status(cues: list[Cue], doc_type: str, section: str) -> str:
    """Status from the main cue, the document type and the section heading above the unit."""
    cue = main_cue(cues)
    status = FAMILY_STATUS[cue.family]
    sec = section.casefold()
    if status == "pledged":
        if doc_type in PROPOSAL_DOCS and cue.family != "decision":
            return "proposed"
        if re.search(r"förslag\s+till\s+(?:beslut|kommunfullmäktige|kommunstyrelsen|nämnd)", sec):
            return "proposed"
        if cue.family == "decision" and "förslag" in sec:
            return "proposed"
    if status in ("in_progress", "done") and doc_type in PROPOSAL_DOCS:
        # Past work a proposer reports is background unless it is also proposed.
        return status
    return status


CONFIDENCE = {
    "assignment": 0.9,
    "proposal": 0.85,
    "decision": 0.8,
    "future": 0.8,
    "progress": 0.75,
    "done": 0.6,
    "demand": 0.6,
    "cancel": 0.7,
}
