"""Swedish lemmas for council text: a domain override table, simplemma, then compound heads."""

from __future__ import annotations

import functools
from pathlib import Path

import simplemma

from pipeline import paths

OVERRIDES = paths.LEMMA_OVERRIDES
# Compound heads shorter than this are not split off (avoids "-en", "-et" false heads).
_MIN_HEAD = 4
_MIN_MODIFIER = 3


def read_overrides(path: Path = OVERRIDES) -> dict[str, str]:
    """form -> lemma from a two-column TSV (lines starting with # are comments)."""
    table: dict[str, str] = {}
    if not path.is_file():
        return table
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, _, lem = line.partition("\t")
        if lem.strip():
            table[form.strip().casefold()] = lem.strip().casefold()
    return table


@functools.lru_cache(maxsize=1)
def overrides() -> dict[str, str]:
    """The domain table in models/spacy_sv/lemma_overrides.tsv, loaded once."""
    return read_overrides()


@functools.lru_cache(maxsize=200_000)
def _simple(word: str) -> str:
    return str(simplemma.lemmatize(word, lang="sv")).casefold()


@functools.lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Casefolded lemma of one word with the domain table (cached per process)."""
    return lemmatize(word, overrides())


def lemmatize(word: str, table: dict[str, str]) -> str:
    """Casefolded lemma: ``table`` override, else simplemma, else lemma of the compound head.

    Swedish writes compounds as one word (utbildningsnämnden), which a dictionary often
    lacks; the head carries the inflection, so the longest head the dictionary knows is
    lemmatised and the modifier kept ("utbildningsnämnden" -> "utbildningsnämnd").
    """
    low = word.casefold()
    if low in table:
        return table[low]
    base = _simple(low)
    if base != low or len(low) < _MIN_MODIFIER + _MIN_HEAD or not low.isalpha():
        return base
    for i in range(_MIN_MODIFIER, len(low) - _MIN_HEAD + 1):
        head = low[i:]
        head_lemma = table.get(head) or _simple(head)
        if head_lemma != head:
            return low[:i] + head_lemma
    return base
