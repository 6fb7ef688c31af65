"""Restatements: the same measure said twice in one document folds into one record."""

from __future__ import annotations

import re

from pipeline.lexicon.words import stopwords
from pipeline.records import STATUSES, Commitment

STATUS_ORDER = {s: i for i, s in enumerate(STATUSES)}
MERGE_SENTENCE = 0.5
MERGE_MEASURE = 0.75
_WORD = re.compile(r"\w+")
# Words that say nothing about which measure it is: shared, they do not make two one.
_FUNCTION_WORDS = stopwords("same_measure")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _content(measure: str) -> set[str]:
    return _words(measure) - _FUNCTION_WORDS


def _after_shared_lead(a: str, b: str) -> tuple[set[str], set[str]]:
    """The two sentences' words after the lead they share word for word.

    Items of one list repeat their lead-in ("Följande åtgärder föreslås …: X", "…: Y");
    counted in, it would make every item a restatement of the others.
    """
    wa, wb = _WORD.findall(a.casefold()), _WORD.findall(b.casefold())
    k = 0
    while k < min(len(wa), len(wb)) - 1 and wa[k] == wb[k]:
        k += 1
    if k < 3:
        k = 0  # a shared opening of a word or two is no lead-in
    return set(wa[k:]), set(wb[k:])


def _same_measure(a: Commitment, b: Commitment) -> bool:
    ma, mb = _words(a.measure), _words(b.measure)
    if a.sentence == b.sentence:
        # One sentence, several att-clauses: only the measures tell its records apart.
        return ma == mb or _jaccard(_content(a.measure), _content(b.measure)) >= 0.5
    sim = _jaccard(*_after_shared_lead(a.sentence, b.sentence))
    # Parallel att-satser share their lead words; only the measure tells them apart.
    # Content words only: "detaljbudget för 2010" and "prislistan för 2010" share no object.
    if sim >= 0.8 or (
        sim >= MERGE_SENTENCE and _jaccard(_content(a.measure), _content(b.measure)) >= 0.5
    ):
        return True
    if min(len(ma), len(mb)) >= 3 and _jaccard(ma, mb) >= MERGE_MEASURE:
        return True
    # One measure's content words inside the other's: the same object, reworded.
    ca, cb = _content(a.measure), _content(b.measure)
    return a.status == b.status and min(len(ca), len(cb)) >= 2 and (ca <= cb or cb <= ca)


def merge_restatements(found: list[tuple[Commitment, bool]]) -> list[Commitment]:
    """Fold restatements of one measure: keep the fullest body sentence, the latest status.

    Each item is (commitment, stated in a summary section); the body's wording wins over a
    summary's, then the longer sentence.
    """
    kept: list[tuple[Commitment, bool]] = []
    for c, summary in found:
        idx = next((i for i, (k, _) in enumerate(kept) if _same_measure(k, c)), None)
        if idx is None:
            kept.append((c, summary))
            continue
        twin, twin_summary = kept[idx]
        # A proposal and an answer about it stay separate records.
        proposal_vs_answer = "proposed" in (twin.status, c.status) and twin.status != c.status
        if proposal_vs_answer and _words(twin.sentence) != _words(c.sentence):
            kept.append((c, summary))
            continue
        status = max(twin.status, c.status, key=lambda s: STATUS_ORDER[s])
        deadline = twin.deadline or c.deadline
        if (twin_summary, -len(twin.sentence)) > (summary, -len(c.sentence)):
            twin, twin_summary = c, summary
        twin.status = status
        twin.deadline = twin.deadline or deadline
        kept[idx] = (twin, twin_summary)
    return [c for c, _ in kept]
