"""Swedish word lexicon and bigram model for OCR post-correction, loaded lazily once."""

from __future__ import annotations

import bisect
import gzip
import math
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline import paths
from pipeline.lexicon.cache import cached

LEXICON_DIR = paths.OCR_LEXICON
# Genre counts (council + news text) are mixed into wordfreq so that e.g. "stöd" beats "stod".
GENRE_WEIGHT = 0.35
BIGRAM_PRIOR = 400.0
OOV_LOGP = math.log(1e-9)
NOVEL_LOGP = math.log(0.01)
_CHAR_WEIGHTS = (0.08, 0.12, 0.25, 0.55)
MIN_PART = 3


def _parse(directory: Path) -> tuple[Any, ...]:
    """The lexicon's tables from its three gzip TSV files (see models/lexicon/README.md)."""
    logp: dict[str, float] = {}
    flags: dict[str, str] = {}
    uni: dict[str, int] = {}
    with gzip.open(directory / "sv_lexicon.tsv.gz", "rt", encoding="utf-8") as fh:
        head = fh.readline().rstrip("\n").split("\t")
        total = max(1, int(head[1]))
        uni["<num>"] = int(head[2])
        rows = [line.rstrip("\n").split("\t") for line in fh]
    for word, wf, corpus, flag in rows:
        p = (1 - GENRE_WEIGHT) * int(wf) / 1e9 + GENRE_WEIGHT * int(corpus) / total
        # Names and dictionary words wordfreq never saw still exist: give them a floor.
        logp[word] = math.log(max(p, 2e-9 if flag else 5e-10))
        if flag:
            flags[word] = flag
        if int(corpus):
            uni[word] = int(corpus)
    num_logp = math.log(max(uni["<num>"] / total, 1e-6))
    chars: dict[str, int] = {}
    with gzip.open(directory / "sv_chargrams.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            gram, _, n = line.rstrip("\n").rpartition("\t")
            chars[gram] = int(n)
    char_total = sum(n for g, n in chars.items() if len(g) == 1) or 1
    bigrams: dict[str, int] = {}
    with gzip.open(directory / "sv_bigrams.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            a, b, n = line.rstrip("\n").split("\t")
            bigrams[a + "\t" + b] = int(n)
    return logp, flags, uni, bigrams, chars, sorted(logp), (total, num_logp, char_total)


class Lexicon:
    """Word probabilities, dictionary flags, prefix look-up and a smoothed bigram model."""

    def __init__(self, directory: Path = LEXICON_DIR) -> None:
        files = [directory / f"sv_{n}.tsv.gz" for n in ("lexicon", "chargrams", "bigrams")]
        # Parsed once per machine, then read back in a sixth of the time (pipeline/lexicon/cache).
        tables = cached("ocr-lexicon", files, lambda: _parse(directory))
        self.logp: dict[str, float] = tables[0]
        self.flags: dict[str, str] = tables[1]
        self.uni: dict[str, int] = tables[2]
        self.bigrams: dict[str, int] = tables[3]
        self.chars: dict[str, int] = tables[4]
        self.sorted_words: list[str] = tables[5]
        self.total, self.num_logp, self.char_total = tables[6]

    def known(self, word: str) -> bool:
        """True if ``word`` (lowercase) is a listed form."""
        return word in self.logp

    def confirmed(self, word: str) -> bool:
        """True if the form is dictionary-confirmed or frequent enough not to be web noise."""
        lp = self.logp.get(word)
        return lp is not None and ("d" in self.flags.get(word, "") or lp > math.log(3e-7))

    def is_name(self, word: str) -> bool:
        """True if the lowercase form is listed as a proper name and not as a common word."""
        f = self.flags.get(word, "")
        return "n" in f and "d" not in f

    def has_prefix(self, prefix: str) -> bool:
        """True if some listed form starts with ``prefix``."""
        i = bisect.bisect_left(self.sorted_words, prefix)
        return i < len(self.sorted_words) and self.sorted_words[i].startswith(prefix)

    def word_logp(self, word: str) -> float:
        """Unigram log-probability; unlisted words are scored as compounds or as unknown."""
        lp = self.logp.get(word)
        if lp is not None:
            return lp
        return _compound_logp(self, word)

    def novel_logp(self, word: str) -> float:
        """log-probability of ``word`` as a word the lexicon lacks (name, new compound)."""
        return NOVEL_LOGP + _char_logp(word)

    def cond_logp(self, prev: str | None, word: str, base: float | None = None) -> float:
        """log P(word | prev) from corpus bigrams smoothed towards the unigram ``base``."""
        if base is None:
            base = self.num_logp if word == "<num>" else self.word_logp(word)
        if prev is None:
            return base
        c_prev = self.uni.get(prev, 0)
        if not c_prev:
            return base
        c = self.bigrams.get(prev + "\t" + word, 0)
        return math.log((c + BIGRAM_PRIOR * math.exp(base)) / (c_prev + BIGRAM_PRIOR))


@lru_cache(maxsize=200_000)
def _char_logp(word: str) -> float:
    """Character 4-gram log-probability of a word, boundaries included."""
    lex = lexicon()
    counts = lex.chars
    padded = "^^^" + word + "$"
    total = 0.0
    for i in range(3, len(padded)):
        c = padded[i]
        p = _CHAR_WEIGHTS[0] * counts.get(c, 0) / lex.char_total
        for n in range(1, 4):
            hist = padded[i - n : i]
            h = counts.get(hist + "|", 0)
            if h:
                p += _CHAR_WEIGHTS[n] * counts.get(hist + c, 0) / h
        total += math.log(max(p, 1e-7))
    return total


def _part_ok(lex: Lexicon, part: str) -> bool:
    return len(part) >= MIN_PART and lex.confirmed(part) and not lex.is_name(part)


@lru_cache(maxsize=200_000)
def _compound_cached(word: str) -> float:
    return _compound_logp_uncached(lexicon(), word)


def _compound_logp(lex: Lexicon, word: str) -> float:
    return _compound_cached(word) if lex is _LEX else _compound_logp_uncached(lex, word)


def _mod_logp(lex: Lexicon, part: str) -> float | None:
    """log-probability of the word behind a compound modifier (linking -s, dropped -e/-a)."""
    best: float | None = None
    forms = [part, part + "e", part + "a"] + ([part[:-1]] if part.endswith("s") else [])
    for form in forms:
        if _part_ok(lex, form):
            lp = lex.logp[form]
            best = lp if best is None else max(best, lp)
    return best


def _compound_logp_uncached(lex: Lexicon, word: str) -> float:
    """Best split into up to two modifiers plus a listed head that carries the inflection."""
    n = len(word)
    if n < 2 * MIN_PART:
        return OOV_LOGP
    # dp[k][i]: best score of word[:i] as k modifiers.
    dp: list[dict[int, float]] = [{0: 0.0}, {}, {}]
    for k in (1, 2):
        for i, score in dp[k - 1].items():
            for j in range(i + MIN_PART - 1, n - MIN_PART + 1):
                mod_lp = _mod_logp(lex, word[i:j])
                if mod_lp is not None:
                    cand = score + 0.5 * mod_lp + math.log(0.05)
                    if cand > dp[k].get(j, -math.inf):
                        dp[k][j] = cand
    best = OOV_LOGP
    whole = _mod_logp(lex, word)
    if whole is not None:
        # A bare modifier form ("upphandlings-", "skol-") before a hyphen or "och".
        best = whole + math.log(0.05)
    for k in (1, 2):
        for i, score in dp[k].items():
            head = word[i:]
            if _part_ok(lex, head):
                best = max(best, score + lex.logp[head])
    return best


_LEX: Lexicon | None = None
_LOCK = threading.Lock()


def lexicon() -> Lexicon:
    """The shared lexicon, loaded on first use."""
    global _LEX
    if _LEX is None:
        with _LOCK:
            if _LEX is None:
                _LEX = Lexicon()
    return _LEX
