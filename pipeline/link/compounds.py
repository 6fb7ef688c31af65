"""Swedish compound splitting: the modifier and head of a word such as polisnärvaro."""

from __future__ import annotations

import functools

from pipeline.lang.lemmas import lemma
from pipeline.lexicon.words import stopwords
from pipeline.normalise.ocrfix_lexicon import Lexicon, lexicon

# Words shorter than this are rarely compounds worth splitting ("cykelväg" is the shortest
# kind the linker needs: a 5-letter modifier and a 3-letter head).
MIN_WORD = 7
MIN_MODIFIER = 3
MIN_HEAD = 3
# log-probability margin by which a listed word must beat its best split to stay whole.
LEXICALISED = 9.0
# Heads that are derivational endings, not words of their own: "utred|ning", "trygg|het".
_SUFFIXES = stopwords("not_a_head")


def _modifier(lex: Lexicon, part: str) -> tuple[float, str] | None:
    """The best dictionary word behind a modifier: linking -s, or a dropped -e or -a."""
    best: tuple[float, str] | None = None
    forms = [part, part + "e", part + "a"] + ([part[:-1]] if part.endswith("s") else [])
    for form in forms:
        if len(form) >= MIN_MODIFIER and lex.confirmed(form) and not lex.is_name(form):
            cand = (lex.logp[form], form)
            best = cand if best is None or cand > best else best
    return best


@functools.lru_cache(maxsize=100_000)
def split(word: str) -> tuple[str, str] | None:
    """(modifier, head) as written in their own right, or None when ``word`` is no compound.

    The split chosen is the most probable modifier word times the most probable head word;
    the head must be a dictionary word of its own, not a derivational ending.
    """
    w = word.casefold()
    if len(w) < MIN_WORD or not w.isalpha():
        return None
    lex = lexicon()
    if lex.is_name(w):
        return None
    whole = lex.logp.get(w, -100.0)
    best: tuple[float, str, str] | None = None
    for i in range(MIN_MODIFIER, len(w) - MIN_HEAD + 1):
        head = w[i:]
        if head in _SUFFIXES or not lex.confirmed(head) or lex.is_name(head):
            continue
        mod = _modifier(lex, w[:i])
        if mod is None:
            continue
        score = mod[0] + lex.logp[head]
        if best is None or score > best[0]:
            best = (score, mod[1], head)
    # A word far more common than its parts together is a word of its own ("ungdomar", not
    # "unga|domar"; "gemensamma", not "gemen|samma"); a rare or unlisted one is a compound.
    if best is None or whole >= best[0] + LEXICALISED:
        return None
    return best[1], best[2]


def parts(word: str) -> list[str]:
    """The lemmas of a compound's modifier and head; empty for a simple word."""
    found = split(word)
    if not found:
        return []
    mod, head = found
    return [lemma(mod), lemma(head)]
