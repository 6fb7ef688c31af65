"""OCR confusion (noisy-channel) model and lexicon-guided candidate search for one token."""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from functools import lru_cache

from pipeline.normalise.ocrfix_lexicon import MIN_PART, lexicon

DIACRITICS = "äåö"
# P(observed | intended letter, the letter was damaged): how scanners and OCR engines
# without Swedish models render ä, å and ö.  Rates of damage are estimated per document.
_DIACRITIC = {
    "ä": {"a": 0.40, "é": 0.15, "&": 0.08, "4": 0.05, "d": 0.07, "i": 0.05, "e": 0.03,
          "á": 0.03, "à": 0.02, "é&": 0.02, "ia": 0.02, "éa": 0.02, "aé": 0.02, "ã": 0.01},
    "å": {"a": 0.55, "é": 0.10, "d": 0.08, "á": 0.04, "à": 0.03, "o": 0.03, "éa": 0.03, "aé": 0.02,
          "&": 0.02, "e": 0.02, "ä": 0.02},
    "ö": {"o": 0.55, "6": 0.10, "é": 0.06, "d": 0.05, "ó": 0.04, "0": 0.03, "ò": 0.02,
          "e": 0.02, "õ": 0.02, "ä": 0.02},
}  # fmt: skip
# General glyph confusions, P(observed | intended, damaged).
_GENERAL = {
    "i": {"1": 0.3, "l": 0.05, "í": 0.05, "!": 0.02},
    "l": {"1": 0.3, "i": 0.05, "|": 0.05, "I": 0.05},
    "m": {"rn": 0.2, "nn": 0.03},
    "n": {"ri": 0.03, "u": 0.02},
    "u": {"n": 0.02, "ü": 0.03},
    "d": {"cl": 0.03},
    "o": {"0": 0.1},
    "e": {"é": 0.1, "c": 0.03, "è": 0.03},
    "s": {"5": 0.03},
    "w": {"vv": 0.05},
    "h": {"b": 0.02, "li": 0.02},
}
SPURIOUS = 0.03  # an extra observed character that stands for nothing
_LOG_SPURIOUS = math.log(SPURIOUS)
# Damage rates assumed while searching (the caller rescores with per-document rates).
_LOG_RD = math.log(0.5)
_LOG_RG = math.log(0.05)

# observed string -> list of (intended, is_diacritic, weight)
OPS: dict[str, list[tuple[str, bool, float]]] = {}
for _intended, _table in _DIACRITIC.items():
    for _obs, _w in _table.items():
        OPS.setdefault(_obs, []).append((_intended, True, _w))
for _intended, _table in _GENERAL.items():
    for _obs, _w in _table.items():
        OPS.setdefault(_obs, []).append((_intended, False, _w))
MAX_OBS = max(len(k) for k in OPS)


@dataclass(frozen=True)
class Cand:
    """One reading of an observed token with the channel operations it needed."""

    word: str
    logw_d: float
    k_d: int
    logw_g: float
    k_g: int
    keep_d: int
    lp: float = 0.0  # unigram log-probability of ``word``

    def channel(self, r_d: float, r_g: float) -> float:
        """log P(observed | word) given damage rates for diacritics and for other glyphs."""
        return (
            self.logw_d
            + self.k_d * math.log(r_d)
            + self.logw_g
            + self.k_g * math.log(r_g)
            + self.keep_d * math.log(1.0 - r_d)
        )


@lru_cache(maxsize=100_000)
def candidates(obs: str, max_states: int = 2000, keep: int = 12) -> tuple[Cand, ...]:
    """Lexicon words (or compounds of them) that ``obs`` (lowercase) could be an OCR of."""
    lex = lexicon()
    max_edits = min(6, 2 + len(obs) // 5)
    found: dict[str, Cand] = {}
    seen: set[tuple[int, str, int]] = set()
    # Best-first over (cost, position, output, segment start, segments, cost parts...), so
    # cheap readings are found before the state budget runs out on long words.
    heap: list[tuple[float, int, str, int, int, float, int, float, int, int]] = [
        (0.0, 0, "", 0, 1, 0.0, 0, 0.0, 0, 0)
    ]
    states = 0

    def push(i: int, out: str, seg: int, nseg: int, lwd: float, kd: int, lwg: float, kg: int,
             kept: int) -> None:  # fmt: skip
        cost = -(lwd + kd * _LOG_RD + lwg + kg * _LOG_RG)
        heapq.heappush(heap, (cost, i, out, seg, nseg, lwd, kd, lwg, kg, kept))

    while heap and states < max_states:
        _, i, out, seg, nseg, lwd, kd, lwg, kg, keep_d = heapq.heappop(heap)
        key = (i, out, seg)
        if key in seen:
            continue
        seen.add(key)
        states += 1
        segment = out[seg:]
        if i == len(obs):
            ok = lex.known(out) if nseg == 1 else _part_ok(segment)
            if ok and out and out not in found:
                found[out] = Cand(out, lwd, kd, lwg, kg, keep_d, lex.word_logp(out))
            continue
        # Compound boundary: the segment so far can stand as a modifier.
        if nseg < 3 and len(segment) >= MIN_PART - 1 and _mod_ok(segment):
            push(i, out, len(out), nseg + 1, lwd, kd, lwg, kg, keep_d)
            if obs[i] == "s" and _part_ok(segment):
                push(i + 1, out + "s", len(out) + 1, nseg + 1, lwd, kd, lwg, kg, keep_d)
        ch = obs[i]
        nxt = out + ch
        if _prefix_ok(nxt, seg):
            push(i + 1, nxt, seg, nseg, lwd, kd, lwg, kg, keep_d + (ch in DIACRITICS))
        if kd + kg >= max_edits:
            continue
        if len(obs) > 3:
            push(i + 1, out, seg, nseg, lwd, kd, lwg + _LOG_SPURIOUS, kg + 1, keep_d)
        for n in range(1, min(MAX_OBS, len(obs) - i) + 1):
            for intended, is_d, w in OPS.get(obs[i : i + n], ()):
                nxt = out + intended
                if not _prefix_ok(nxt, seg):
                    continue
                lw = math.log(w)
                if is_d:
                    push(i + n, nxt, seg, nseg, lwd + lw, kd + 1, lwg, kg, keep_d)
                else:
                    push(i + n, nxt, seg, nseg, lwd, kd, lwg + lw, kg + 1, keep_d)
    # Keep the readings that could win under any plausible damage rate.
    ranked = sorted(found.values(), key=lambda c: -(c.lp + c.channel(0.5, 0.05)))
    return tuple(ranked[:keep])


@lru_cache(maxsize=500_000)
def _has_prefix(prefix: str) -> bool:
    return lexicon().has_prefix(prefix)


def _prefix_ok(out: str, seg: int) -> bool:
    return _has_prefix(out[seg:])


@lru_cache(maxsize=200_000)
def _part_ok(part: str) -> bool:
    lex = lexicon()
    return len(part) >= MIN_PART and lex.confirmed(part) and not lex.is_name(part)


@lru_cache(maxsize=200_000)
def _mod_ok(part: str) -> bool:
    # Swedish modifiers may drop a final -e/-a: "skola" -> "skolsocial", "förebyggare" ->
    # "förebyggarsidan".
    return _part_ok(part) or _part_ok(part + "e") or _part_ok(part + "a")


def one_op_variants(obs: str) -> list[str]:
    """Strings one confusion away from ``obs`` (lowercase): cheap check for damage scoring."""
    out: list[str] = []
    for i in range(len(obs)):
        for n in range(1, MAX_OBS + 1):
            piece = obs[i : i + n]
            if len(piece) < n:
                break
            for intended, _is_d, _w in OPS.get(piece, ()):
                out.append(obs[:i] + intended + obs[i + n :])
    return out
