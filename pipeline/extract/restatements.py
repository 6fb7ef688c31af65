"""Restatements: the same measure said twice in one document folds into one record."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lexicon.words import stopwords
from pipeline.records import STATUSES, Commitment

STATUS_ORDER = {s: i for i, s in enumerate(STATUSES)}
MERGE_SENTENCE = 0.5
MERGE_MEASURE = 0.75
LONG_COMPOUND = 14
SAME_OBJECT = 3
_WORD = re.compile(r"\w+")
# Words that say nothing about which measure it is: shared, they do not make two one.
_FUNCTION_WORDS = stopwords("same_measure")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _content(measure: str) -> set[str]:
    return _words(measure) - _FUNCTION_WORDS


@dataclass(frozen=True)
class _Words:
    """A record's words, read once: its measure's, their content words, its sentence's."""

    measure: frozenset[str]
    content: frozenset[str]
    sentence: tuple[str, ...]

    @classmethod
    def of(cls, c: Commitment) -> _Words:
        """The words of ``c``."""
        measure = frozenset(_words(c.measure))
        return cls(measure, measure - _FUNCTION_WORDS, tuple(_WORD.findall(c.sentence.casefold())))


def _after_shared_lead(wa: tuple[str, ...], wb: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """The two sentences' words after the lead they share word for word.

    Items of one list repeat their lead-in ("Följande åtgärder föreslås …: X", "…: Y");
    counted in, it would make every item a restatement of the others.
    """
    k = 0
    while k < min(len(wa), len(wb)) - 1 and wa[k] == wb[k]:
        k += 1
    if k < 3:
        k = 0  # a shared opening of a word or two is no lead-in
    return set(wa[k:]), set(wb[k:])


def _same_measure(a: Commitment, b: Commitment, wa: _Words, wb: _Words) -> bool:
    ma, mb = wa.measure, wb.measure
    ca, cb = wa.content, wb.content
    if a.sentence == b.sentence:
        # One sentence, several att-clauses: only the measures tell its records apart.
        return ma == mb or _jaccard(set(ca), set(cb)) >= 0.5
    sim = _jaccard(*_after_shared_lead(wa.sentence, wb.sentence))
    # Parallel att-satser share their lead words; only the measure tells them apart.
    # Content words only: "detaljbudget för 2010" and "prislistan för 2010" share no object.
    if sim >= 0.8 or (sim >= MERGE_SENTENCE and _jaccard(set(ca), set(cb)) >= 0.5):
        return True
    if min(len(ma), len(mb)) >= 3 and _jaccard(set(ma), set(mb)) >= MERGE_MEASURE:
        return True
    # One measure's content words inside the other's: the same object, reworded. One word
    # will do when it is a long compound ("verksamhetsanpassningar"), which names one thing.
    if not (ca <= cb or cb <= ca):
        return False
    small = min((ca, cb), key=len)
    if a.status != b.status:
        # A task and its report ("uppdrag att genomlysa nämndens ekonomi", "genomlysningen av
        # nämndens ekonomi är klar"): only a longer shared object makes one measure of them.
        return len(small) >= SAME_OBJECT
    return len(small) >= 2 or (len(small) == 1 and len(next(iter(small))) >= LONG_COMPOUND)


# A restatement is looked for among this many records before it, and among as many of the
# latest that share a content word of its measure. Documents in the corpora hold far fewer,
# so for them every pair is compared as before; a huge text costs linear time, not quadratic.
WINDOW = 300


class _Kept:
    """The records kept so far, indexed by their measures' content words."""

    def __init__(self) -> None:
        self.items: list[tuple[Commitment, bool]] = []
        self.words: list[_Words] = []
        self.by_word: dict[str, list[int]] = {}

    def add(self, i: int, c: Commitment, words: _Words) -> None:
        """Record ``c`` (with its words) as kept item ``i``, new or replacing its twin."""
        if i == len(self.words):
            self.words.append(words)
        else:
            self.words[i] = words
        for w in words.content:
            self.by_word.setdefault(w, []).append(i)

    def twin_of(self, c: Commitment, words: _Words) -> int | None:
        """The first kept record ``c`` restates, among the recent ones and word neighbours."""
        near = set(range(max(0, len(self.items) - WINDOW), len(self.items)))
        for w in words.content:
            near.update(self.by_word.get(w, [])[-WINDOW:])
        return next(
            (i for i in sorted(near) if _same_measure(self.items[i][0], c, self.words[i], words)),
            None,
        )


def merge_restatements(found: list[tuple[Commitment, bool]]) -> list[Commitment]:
    """Fold restatements of one measure: keep the fullest body sentence, the latest status.

    Each item is (commitment, stated in a summary section); the body's wording wins over a
    summary's, then the longer sentence.
    """
    kept = _Kept()
    for c, summary in found:
        words = _Words.of(c)
        idx = kept.twin_of(c, words)
        if idx is None:
            kept.items.append((c, summary))
            kept.add(len(kept.items) - 1, c, words)
            continue
        twin, twin_summary = kept.items[idx]
        # A proposal and an answer about it stay separate records.
        proposal_vs_answer = "proposed" in (twin.status, c.status) and twin.status != c.status
        if proposal_vs_answer and set(kept.words[idx].sentence) != set(words.sentence):
            kept.items.append((c, summary))
            kept.add(len(kept.items) - 1, c, words)
            continue
        status = max(twin.status, c.status, key=lambda s: STATUS_ORDER[s])
        deadline = twin.deadline or c.deadline
        if (twin_summary, -len(twin.sentence)) > (summary, -len(c.sentence)):
            twin, twin_summary = c, summary
            kept.add(idx, c, words)
        twin.status = status
        twin.deadline = twin.deadline or deadline
        kept.items[idx] = (twin, twin_summary)
    return [c for c, _ in kept.items]
