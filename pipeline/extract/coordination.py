"""Coordinated clauses: one commitment sentence that names several measures."""

from __future__ import annotations

import re

from pipeline.extract.status import Cue, perfect_cues
from pipeline.lexicon.words import stopwords

_I = re.IGNORECASE
# "… avser att undersöka X samt att göra en uppföljning", "yrkar på att dels X utreds och
# dels att Y utreds": a second att-clause at the level of the first.
_NEXT = re.compile(r"(?:,\s*|\s+)(?:samt|och)\s+(?:dels\s+)?att\s+(?=[^\W\d_])", _I)
# A purpose or content clause in between makes a later "och att" its own continuation,
# unless a comma and "samt" take the sentence back to its top level.
_NESTED = re.compile(r"\b(?:för|i\s+syfte|så)\s+att\b", _I)
_MIN_WORDS = 3


def _opens_att(sentence: str, cue: Cue) -> bool:
    """Whether the cue itself opens an att-clause ("föreslår att", "avser att", "beslutar att")."""
    head = sentence[cue.start : cue.end].casefold()
    # "yrkar i en motion till kommunfullmäktige att …": the att may follow the addressee.
    after = sentence[cue.end : cue.end + 60].casefold()
    return bool(re.search(r"\batt\s*$", head) or re.match(r"[^,.;:]*?\batt\b", after))


def _att_clauses(sentence: str, cue: Cue) -> list[Cue]:
    out = [cue]
    pos = cue.end
    for m in _NEXT.finditer(sentence, cue.end):
        between = sentence[pos : m.start()]
        top = m.group(0).lstrip().startswith(",") and "samt" in m.group(0).casefold()
        if (_NESTED.search(between) and not top) or len(between.split()) < _MIN_WORDS:
            break
        if len(sentence[m.end() :].split()) < _MIN_WORDS:
            break
        out.append(Cue(cue.family, cue.label, m.start(), m.end()))
        pos = m.end()
    return out


# "X har genomförts av A, en granskning har genomförts av B och en anmälan har upprättats":
# each clause has its own subject; it opens after a comma or a joining word.
_OPENER = re.compile(r"(?:,\s*(?:och\s+|samt\s+)?|\s+(?:och|samt)\s+)(?=[^\W\d_])", _I)
_MAX_SUBJECT = 8
# A supine or a finite auxiliary in a would-be subject belongs to the clause before it.
_VERB_FORM = re.compile(r"(?:ats|[^e]ts|its|tts)$", _I)
_FINITE = stopwords("finite_aux")


def _passive_clauses(sentence: str, cue: Cue) -> list[Cue]:
    """The cue, and each later "… har <passive supine>" clause joined to it with its own subject.

    A report of finished work lists what was done clause by clause; every clause names a
    measure and often who did it ("av Ernst & Young"), which the first clause's reading
    would otherwise take for all of them.
    """
    out = [cue]
    for nxt in perfect_cues(sentence):
        if nxt.start <= out[-1].end or nxt.label != "har genomförts":
            continue
        between = sentence[out[-1].end : nxt.start]
        # The first opener whose subject is short and whole: "…, en granskning av rutiner
        # och avtal har genomförts" opens at the comma, not at the "och" inside the subject.
        opener = next((m for m in _OPENER.finditer(between) if _subject(between[m.end() :])), None)
        if opener is not None:
            start = out[-1].end + opener.start()
            out.append(Cue(cue.family, cue.label, nxt.start, nxt.end, opens=start))
    return out


def _subject(text: str) -> bool:
    """Whether ``text`` is a short noun phrase: no punctuation, no verb of its own.

    "reviderats regelbundet av en styrgrupp och stödmaterialet" holds the verb of the clause
    before; the subject of the next clause is "stödmaterialet".
    """
    words = text.split()
    if not 1 <= len(words) <= _MAX_SUBJECT or re.search(r"[,;:]", text):
        return False
    # By form, not by tag: the tagger reads "skyltar" (signs) as the verb "skylta".
    return not any(_VERB_FORM.search(w) or w.casefold() in _FINITE for w in words)


def clause_cues(sentence: str, cue: Cue) -> list[Cue]:
    """The cue, and one cue per further clause it governs, in order.

    Each further cue spans its coordinator ("samt att", "och"); the clause runs to the next
    cue or the end. A cue that opens an att-clause governs coordinated att-clauses; a
    modal's infinitives are left whole.
    """
    if cue.end <= cue.start:
        return [cue]
    if cue.label == "har genomförts":
        return _passive_clauses(sentence, cue)
    # Coordinated infinitives ("skapa trygghet och förebygga brott") were tried and left
    # whole: in the gold they are one measure more often than two.
    return _att_clauses(sentence, cue) if _opens_att(sentence, cue) else [cue]


def clause_end(sentence: str, cues: list[Cue], k: int) -> int:
    """Where clause ``k`` of ``cues`` ends: at the next clause's coordinator, or the end."""
    if k + 1 >= len(cues):
        return len(sentence)
    nxt = cues[k + 1]
    return nxt.opens if nxt.opens >= 0 else nxt.start
