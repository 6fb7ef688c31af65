"""A responsible named only by its kind ("Skolan", "nämnden") becomes the body the text named."""

from __future__ import annotations

import functools
import re
from collections import Counter

from pipeline import paths
from pipeline.lexicon.tables import read_pairs
from pipeline.records import Commitment

ANAPHORIC = paths.LEXICON_DATA / "anaphoric_bodies.tsv"


@functools.cache
def _stems() -> dict[str, str]:
    return read_pairs(ANAPHORIC)


@functools.cache
def _named(kind: str) -> re.Pattern[str]:
    # A name of that kind: capitalised words before it ("Skärholmens stadsdelsförvaltning",
    # "Spånga-Tensta stadsdelsnämnd") or a capitalised compound ending in it ("Matteusskolan").
    # The word before must not end a sentence, or "Stadsdelsnämnden beslutar" would be a name.
    stem = re.escape(kind)
    return re.compile(
        rf"(?<![.!?:;]\s)(?<!^)\b(?:"
        rf"(?:[A-ZÅÄÖ][\wåäö-]+\s+){{1,2}}[a-zåäö-]*{stem}[a-zåäö]*"
        rf"|[A-ZÅÄÖ][a-zåäö-]{{2,}}{stem}[a-zåäö]*)\b",
        re.MULTILINE,
    )


def antecedent(kind: str, text: str, before: int) -> str | None:
    """The body of ``kind`` ("skolan") the text names most often; a tie goes to the nearest.

    Most often, not nearest: a document about one school names the school it moves to too,
    and "Skolan" in it still means the school the document is about.
    """
    stem = _stems().get(kind.strip().lower())
    if stem is None:
        return None
    counts: Counter[str] = Counter()
    last: dict[str, int] = {}
    for m in _named(stem).finditer(text):
        name = " ".join(m.group(0).split())
        if not _generic(name):
            counts[name] += 1
            # Nearer is better: a name before the sentence by its distance, after it behind all.
            dist = before - m.end() if m.end() <= before else len(text) + m.start()
            last[name] = min(last.get(name, dist), dist)
    if not counts:
        return None
    return min(counts, key=lambda n: (-counts[n], last[n]))


def _generic(name: str) -> bool:
    """Whether a match is itself only a kind: "Stadsdelsförvaltningen", "Denna nämnd"."""
    words = name.lower().split()
    if len(words) == 1:
        return words[0] in _stems() or words[0] in _stems().values()
    return words[0] in _DETERMINERS


_DETERMINERS = frozenset({"den", "det", "denna", "detta", "varje", "en", "ett", "vår", "er"})


def resolve(found: list[Commitment], text: str) -> None:
    """Name the body of every commitment whose responsible is a bare kind, where the text does."""
    for c in found:
        if c.responsible:
            named = antecedent(c.responsible, text, c.char_start)
            if named:
                c.responsible = named
