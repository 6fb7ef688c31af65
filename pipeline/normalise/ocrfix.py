"""Swedish OCR post-correction: damage scoring and context-aware token correction."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from pipeline.normalise.ocrfix_channel import DIACRITICS, Cand, candidates, one_op_variants
from pipeline.normalise.ocrfix_lexicon import OOV_LOGP, lexicon
from pipeline.normalise.ocrtokens import Tok, tokens, word_keys

DAMAGE_THRESHOLD = 0.04
MIN_COUNTED = 50
LONE_ONE = math.log(0.1)
FAST_RATE = 0.2


@dataclass(frozen=True)
class Correction:
    """Replace text[start:end] (an OCR-damaged token) by ``text``."""

    start: int
    end: int
    text: str
    original: str


@lru_cache(maxsize=200_000)
def _suspicious(key: str) -> bool:
    lex = lexicon()
    own = lex.logp.get(key)
    best = max((lex.logp.get(v, OOV_LOGP) for v in one_op_variants(key)), default=OOV_LOGP)
    if own is None:
        return best > math.log(1e-6) and lex.word_logp(key) <= OOV_LOGP
    return best - own > math.log(100)


def damage_score(text: str) -> float:
    """Share of word tokens that look like OCR damage of a more frequent Swedish word."""
    keys = word_keys(text)
    if not keys:
        return 0.0
    # Short texts are scored over at least MIN_COUNTED tokens: one odd word cannot trigger.
    bad = sum(map(_suspicious, keys))
    return bad / max(len(keys), MIN_COUNTED)


def is_damaged(text: str) -> bool:
    """True if the text scores as OCR-damaged."""
    return damage_score(text) >= DAMAGE_THRESHOLD


def _cands(tok: Tok, r_g: float) -> list[Cand]:
    if tok.mode == "one":
        lex = lexicon()
        return [
            Cand("<num>", 0.0, 0, 0.0, 0, 0, lex.num_logp),
            # A lone "1" standing for "i" is its own kind of damage, not a glyph-rate event.
            Cand("i", 0.0, 0, LONE_ONE - math.log(r_g), 1, 0, lex.word_logp("i")),
        ]
    found = list(candidates(tok.key))
    if tok.mode == "name":
        # A capitalised word mid-sentence is probably a name: only plain listed words.
        lex = lexicon()
        found = [c for c in found if c.word in lex.logp]
    if tok.raw[:1].isupper():
        # Never drop or swap the initial of a capitalised word unless it is a confusable glyph.
        found = [c for c in found if c.word[:1] == tok.key[:1] or tok.key[:1] in "aoéd"]
    if not any(c.word == tok.key for c in found):
        keep = sum(ch in DIACRITICS for ch in tok.key)
        lex = lexicon()
        lp = lex.word_logp(tok.key)
        if lp <= OOV_LOGP:
            lp = lex.novel_logp(tok.key)
        found.append(Cand(tok.key, 0.0, 0, 0.0, 0, keep, lp))
    return found


def _context_key(tok: Tok, choice: str | None) -> str | None:
    if tok.mode == "skip" and tok.key != "<num>":
        return tok.key if tok.key.isalpha() else None
    return choice if choice is not None else tok.key


def _score(c: Cand, prev: str | None, nxt: str | None, r_d: float, r_g: float) -> float:
    lex = lexicon()
    lm = lex.cond_logp(prev, c.word, c.lp)
    if nxt is not None:
        lm += lex.cond_logp(c.word, nxt)
    return lm + c.channel(r_d, r_g)


def _decide(
    toks: list[Tok], choice: list[str | None], r_d: float, r_g: float, only_oov: bool
) -> list[tuple[str, Cand | None]]:
    lex = lexicon()
    out: list[tuple[str, Cand | None]] = []
    for i, tok in enumerate(toks):
        if tok.mode == "skip":
            out.append((tok.key, None))
            continue
        known = tok.key in lex.logp or tok.mode == "one"
        if only_oov and known:
            out.append((tok.key, None))
            continue
        if tok.mode == "name" and lex.is_name(tok.key):
            out.append((tok.key, None))
            continue
        if known and tok.mode != "one" and r_d < FAST_RATE and not _suspicious(tok.key):
            # Lightly damaged text: a listed word is only revisited if it is a typical
            # OCR look-alike ("ar", "pa", "for"), which keeps clean OCR pages fast.
            out.append((tok.key, None))
            continue
        if tok.mode == "one" and not _between_words(toks, i):
            out.append((tok.key, None))
            continue
        prev = None if tok.brk_before or i == 0 else _context_key(toks[i - 1], choice[i - 1])
        nxt = None
        if i + 1 < len(toks) and not toks[i + 1].brk_before:
            nxt = _context_key(toks[i + 1], choice[i + 1])
        cands = _cands(tok, r_g)
        scored = [(_score(c, prev, nxt, r_d, r_g), c) for c in cands]
        ident = next(s for s, c in scored if c.word == tok.key)
        best_s, best = max(scored, key=lambda sc: sc[0])
        margin = math.log(3.0) if known else 0.0
        if best.word != tok.key and best_s - ident > margin:
            out.append((best.word, best))
            choice[i] = best.word
        else:
            out.append((tok.key, None))
    return out


def _between_words(toks: list[Tok], i: int) -> bool:
    """A lone "1" is read as "i" only between two lowercase words in running text."""
    if i == 0 or i + 1 >= len(toks) or toks[i].brk_before or toks[i + 1].brk_before:
        return False
    a, b = toks[i - 1], toks[i + 1]
    return a.raw.isalpha() and b.raw.isalpha() and a.raw.islower() and b.raw.islower()


def _restore_case(raw: str, word: str) -> str:
    if raw[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def correct(text: str, spans: list[tuple[int, int]] | None = None) -> list[Correction]:
    """Corrections for OCR damage in ``text`` (restricted to ``spans`` when given)."""
    toks = tokens(text)
    if spans is not None:
        toks = [t for t in toks if any(a <= t.start and t.end <= b for a, b in spans)]
    if not toks:
        return []
    choice: list[str | None] = [None] * len(toks)
    # Pass 1: unknown tokens only, with generic damage rates; it measures this document's.
    first = _decide(toks, choice, 0.5, 0.05, only_oov=True)
    fixed_d = sum(c.k_d for _, c in first if c is not None)
    fixed_g = sum(c.k_g for _, c in first if c is not None)
    kept_d = sum(
        sum(ch in DIACRITICS for ch in t.key)
        for t, (_, c) in zip(toks, first, strict=True)
        if c is None and t.mode != "skip"
    )
    r_d = min(0.95, max(0.01, (fixed_d + 0.5) / (fixed_d + kept_d + 1.0)))
    r_g = min(0.1, max(0.002, (fixed_g + 0.5) / (len(toks) + 20.0)))
    # Pass 2: every token, in context, with the measured rates.
    second = _decide(toks, choice, r_d, r_g, only_oov=False)
    result: list[Correction] = []
    for tok, (word, cand) in zip(toks, second, strict=True):
        if cand is None or word == tok.key:
            continue
        result.append(Correction(tok.start, tok.end, _restore_case(tok.raw, word), tok.raw))
    return result


def correct_text(text: str) -> str:
    """The text with all corrections applied (for evaluation and tests)."""
    parts: list[str] = []
    pos = 0
    for c in correct(text):
        parts.append(text[pos : c.start])
        parts.append(c.text)
        pos = c.end
    parts.append(text[pos:])
    return "".join(parts)
