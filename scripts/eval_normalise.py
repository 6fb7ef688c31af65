"""Evaluate normalise/ocrfix on seed 003, clean texts and synthetic OCR damage (reads ../shared).

Prints: seed 003 wrong tokens fixed (of 157), correct tokens changed, CER/WER before and
after against 003_clean.txt (the answer file is only read here, to measure); the share of
tokens changed on clean texts (as gated by normalise, and with correction forced); and CER
before/after on clean texts damaged by a confusion model that differs from the corrector's.

Usage: .venv/bin/python scripts/eval_normalise.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.normalise import ocrfix
from pipeline.normalise.core import normalise
from pipeline.records import Ingested, Page

CLEAN_SEEDS = (
    "interpellation_jonsson_skarholmen.txt",
    "tu_utbildningsnamnden_2024_samhandling.txt",
    "skrivelse_2008_arbetsgrupp.txt",
    "yttrande_alvsjo_2016_motion.txt",
)
EDGE = re.compile(r"^\W+|\W+$")


def levenshtein(a: str, b: str) -> int:
    """Plain edit distance (used on short mismatched blocks only)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def error_rates(hyp: str, ref: str) -> tuple[float, float]:
    """(CER, WER) of ``hyp`` against ``ref`` after whitespace normalisation."""
    h, r = hyp.split(), ref.split()
    sm = difflib.SequenceMatcher(a=r, b=h, autojunk=False)
    chars = words = 0
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        words += max(i2 - i1, j2 - j1)
        chars += levenshtein(" ".join(r[i1:i2]), " ".join(h[j1:j2]))
    return chars / max(1, len(" ".join(r))), words / max(1, len(r))


def seed_003(seeds: Path) -> None:
    """Token-level fix/over-correction counts and CER/WER on the OCR seed."""
    raw = (seeds / "svar_interpellation_ojanne_2023.txt").read_text(encoding="utf-8")
    clean = (seeds / "003_clean.txt").read_text(encoding="utf-8")
    t0 = time.perf_counter()
    norm = normalise(Ingested([Page(1, raw, "text")], "text"))
    dt = time.perf_counter() - t0
    r_tok = [EDGE.sub("", t) for t in raw.split()]
    c_tok = [EDGE.sub("", t) for t in clean.split()]
    o_tok = [EDGE.sub("", t) for t in norm.text.split()]
    wrong = fixed = correct = changed = 0
    if len(o_tok) == len(r_tok) == len(c_tok):
        for r, c, o in zip(r_tok, c_tok, o_tok, strict=True):
            if r != c:
                wrong += 1
                fixed += o == c
            else:
                correct += 1
                changed += o != r
    cer0, wer0 = error_rates(raw, clean)
    cer1, wer1 = error_rates(norm.text, clean)
    print("== seed 003 (OCR) ==")
    print(f"damage_score {norm.damage_score:.3f}  corrections {norm.corrections}  {dt:.2f}s")
    print(f"wrong tokens fixed: {fixed}/{wrong}")
    print(f"correct tokens changed: {changed}/{correct} ({changed / max(1, correct):.2%})")
    print(f"CER {cer0:.4f} -> {cer1:.4f}   WER {wer0:.4f} -> {wer1:.4f}")


def clean_texts(shared: Path) -> list[tuple[str, str]]:
    """Clean seeds and all corpus_real texts as (name, text)."""
    seeds = shared / "gold" / "seeds"
    out = [(n, (seeds / n).read_text(encoding="utf-8")) for n in CLEAN_SEEDS]
    for p in sorted((shared / "corpus_real").glob("*.txt")):
        out.append((p.name, p.read_text(encoding="utf-8")))
    return out


def clean_changes(texts: list[tuple[str, str]]) -> None:
    """Share of tokens normalise's OCR step changes on clean text, gated and forced."""
    tokens = gated = forced = flagged = 0
    worst = 0.0
    t0 = time.perf_counter()
    for _name, text in texts:
        n = normalise(Ingested([Page(1, text, "text")], "text"))
        tokens += len(text.split())
        gated += n.corrections
        forced += len(ocrfix.correct(n.text))
        flagged += n.damage_score >= ocrfix.DAMAGE_THRESHOLD
        worst = max(worst, n.damage_score)
    dt = time.perf_counter() - t0
    print(f"== clean texts ({len(texts)} docs, {tokens} tokens, {tokens / dt:.0f} words/s) ==")
    print(f"flagged as damaged: {flagged}  max damage_score {worst:.3f}")
    print(f"tokens changed (normalise, gated): {gated} ({gated / tokens:.3%})")
    print(f"tokens changed (correction forced): {forced} ({forced / tokens:.3%})")


# Damage model for the synthetic test: deliberately unlike the corrector's table (other
# weights, glyphs it does not know, deletions and case slips it cannot model exactly).
SYNTH = {
    "ä": [("a", 0.45), ("à", 0.05), ("&", 0.05), ("ii", 0.03)],
    "å": [("a", 0.45), ("á", 0.05), ("d", 0.05)],
    "ö": [("o", 0.45), ("6", 0.06), ("0", 0.04), ("é", 0.04)],
    "i": [("1", 0.01), ("í", 0.005)],
    "l": [("1", 0.01), ("I", 0.01)],
    "m": [("rn", 0.01)],
    "e": [("c", 0.004)],
}


def damage(text: str, rng: random.Random) -> str:
    """Apply the synthetic OCR damage model to ``text``."""
    out: list[str] = []
    for ch in text:
        low = ch.lower()
        r = rng.random()
        acc = 0.0
        for obs, p in SYNTH.get(low, ()):
            acc += p
            if r < acc:
                out.append(obs.upper() if ch.isupper() and obs.isalpha() else obs)
                break
        else:
            if ch.isalpha() and rng.random() < 0.002:
                continue  # a dropped glyph
            out.append(ch)
    return "".join(out)


def synthetic(texts: list[tuple[str, str]], n_docs: int) -> None:
    """CER before/after correction on synthetically damaged clean texts."""
    rng = random.Random(7)
    sample = texts[:4] + rng.sample(texts[4:], min(n_docs, len(texts) - 4))
    before = after = total = 0.0
    for _name, text in sample:
        ref = normalise(Ingested([Page(1, text, "text")], "text")).text
        bad = damage(ref, rng)
        fixed = ocrfix.correct_text(bad)
        size = len(" ".join(ref.split()))
        before += error_rates(bad, ref)[0] * size
        after += error_rates(fixed, ref)[0] * size
        total += size
    cer0, cer1 = before / total, after / total
    print(f"== synthetic damage ({len(sample)} docs, {int(total)} chars) ==")
    print(f"CER {cer0:.4f} -> {cer1:.4f}  (reduction {1 - cer1 / cer0:.1%})")


def main() -> None:
    """Run all three evaluations."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--synthetic-docs", type=int, default=40)
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "gold" / "seeds").is_dir():
        sys.exit(f"no shared material at {shared}")
    seed_003(shared / "gold" / "seeds")
    texts = clean_texts(shared)
    clean_changes(texts)
    synthetic(texts, args.synthetic_docs)


if __name__ == "__main__":
    main()
