"""Coordinated clauses: one commitment sentence that names several measures."""

from __future__ import annotations

import re

from pipeline.extract.status import Cue

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


def clause_cues(sentence: str, cue: Cue) -> list[Cue]:
    """The cue, and one cue per further clause it governs, in order.

    Each further cue spans its coordinator ("samt att", "och"); the clause runs to the next
    cue or the end. A cue that opens an att-clause governs coordinated att-clauses; a
    modal's infinitives are left whole.
    """
    if cue.end <= cue.start:
        return [cue]
    # Coordinated infinitives ("skapa trygghet och förebygga brott") were tried and left
    # whole: in the gold they are one measure more often than two.
    return _att_clauses(sentence, cue) if _opens_att(sentence, cue) else [cue]


def clause_end(sentence: str, cues: list[Cue], k: int) -> int:
    """Where clause ``k`` of ``cues`` ends: at the next clause's coordinator, or the end."""
    return cues[k + 1].start if k + 1 < len(cues) else len(sentence)
