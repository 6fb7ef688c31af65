"""Swedish-aware search: folding, a light stemmer and compound splitting, as FTS5 queries."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.lang.slugs import fold

_WORD = re.compile(r"[^\W_]+")
# The trigram index cannot look up anything shorter than three characters.
MIN_FTS = 3
MIN_STEM = 4
MIN_PART = 3
# Inflection endings, longest first; matching is by substring, so the stem finds every form.
_SUFFIXES = (
    "arnas",
    "ernas",
    "ornas",
    "arna",
    "erna",
    "orna",
    "ande",
    "ens",
    "ets",
    "en",
    "et",
    "na",
    "ar",
    "er",
    "or",
    "n",
)


@dataclass
class Expression:
    """Substrings every match must contain in some word, and ones too short to index."""

    parts: list[str] = field(default_factory=list)
    likes: list[str] = field(default_factory=list)

    def params(self) -> list[str]:
        """The FTS5 phrases to bind, one per required part."""
        return [_phrase(p) for p in self.parts]


_ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "æ": "ae", "ø": "o"})


def fold_fast(text: str) -> str:
    """:func:`pipeline.lang.slugs.fold` for long texts: the per-character path only when needed."""
    out = text.casefold().translate(_ASCII)
    return out if out.isascii() else fold(out)


def stem(word: str) -> str:
    """Folded word without its inflection: 'fältarbetet' -> 'faltarbet', 'planer' -> 'plan'."""
    w = fold(word)
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= MIN_STEM:
            return w[: -len(suf)]
    return w


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(query: str, split: dict[str, tuple[str, str]] | None = None) -> Expression:
    """Every query word must occur (as its stem, or as both parts of a split compound)."""
    expr = Expression()
    for word in _WORD.findall(query):
        s = stem(word)
        if len(s) < MIN_FTS:
            # Too short for the trigram index: the plain substring filter does it.
            expr.likes.append(s)
            continue
        expr.parts += list((split or {}).get(word) or (s,))
    return expr


def phrase(term: str) -> str:
    """A term quoted for an FTS5 MATCH."""
    return _phrase(term)


def split_compounds(
    hits: Callable[[list[str]], bool], query: str, function_words: frozenset[str] = frozenset()
) -> dict[str, tuple[str, str]]:
    """Compounds of the query that occur only split: 'fältarbetsplan' -> 'faltarbet', 'plan'.

    ``hits(parts)`` says whether some indexed measure has every part. A word that the
    index finds as it is stays whole. Otherwise the longest head whose head and tail both
    occur wins; a linking -s- is dropped from the head. No part may be one of the folded
    ``function_words``.
    """
    out: dict[str, tuple[str, str]] = {}
    for word in _WORD.findall(query):
        w = stem(word)
        if len(w) < 2 * MIN_PART or hits([w]):
            continue
        for cut in range(len(w) - MIN_PART, MIN_PART - 1, -1):
            head, tail = w[:cut], w[cut:]
            if head.endswith("s") and len(head) > MIN_PART + 1:
                head = head[:-1]
            # "finnsinte" is no compound of "finns" and "inte": a part that is a function
            # word would match inside any word ("Internet").
            if head in function_words or tail in function_words:
                continue
            if hits([head, tail]):
                out[word] = (head, tail)
                break
    return out
