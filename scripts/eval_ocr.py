"""Measure OCR quality of the ingest stage on rendered scans, clean and degraded.

Reads texts from ../shared (the five gold seed texts and a fixed sample of corpus_real
openings) and exits cleanly if that folder is absent. Each text is typeset as a
born-digital PDF, rendered at 300 dpi, degraded (skew, blur, noise, JPEG artefacts) and
wrapped as an image-only PDF; all of them go through ``pipeline.ingest.reader.ingest_file``.
Prints CER and WER per condition and the wrong-method shares (born-digital pages OCRed,
image-only pages not OCRed). Renders are cached under build/ocr_eval/.

Usage: python scripts/eval_ocr.py [--real N] [--conditions clean,skew,...] [--workers 2]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "corpus")]

from make_pdfs import binarise, images_to_pdf, paper_lines, pdf_to_images, text_to_pdf  # noqa: E402

from pipeline.errors import LofteError  # noqa: E402
from pipeline.eval.devpaths import SHARED  # noqa: E402
from pipeline.ingest.reader import ingest_file  # noqa: E402
from pipeline.records import Options  # noqa: E402

CACHE = REPO / "build" / "ocr_eval"
CONDITIONS = ("clean", "skew", "blur", "noise", "jpeg", "all")
SEEDS = (
    "interpellation_jonsson_skarholmen",
    "skrivelse_2008_arbetsgrupp",
    "svar_interpellation_ojanne_2023",
    "tu_utbildningsnamnden_2024_samhandling",
    "yttrande_alvsjo_2016_motion",
)


def edit_distance(a: list[str] | str, b: list[str] | str) -> int:
    """Levenshtein distance of two sequences; rows vectorised with numpy."""
    if not a or not b:
        return max(len(a), len(b))
    vocab: dict[str, int] = {}
    xa = np.array([vocab.setdefault(t, len(vocab)) for t in a])
    xb = np.array([vocab.setdefault(t, len(vocab)) for t in b])
    idx = np.arange(len(xb) + 1)
    prev = idx.copy()
    for i, token in enumerate(xa, 1):
        sub = prev[:-1] + (xb != token)
        best = np.empty_like(prev)
        best[0] = i
        best[1:] = np.minimum(prev[1:] + 1, sub)
        # Insertions chain along the row: cur[j] = min_k (best[k] + j - k).
        prev = np.minimum.accumulate(best - idx) + idx
    return int(prev[-1])


def error_rates(hyp: str, ref: str) -> tuple[float, float]:
    """(CER, WER) on whitespace-normalised text."""
    h, r = " ".join(hyp.split()), " ".join(ref.split())
    cer = edit_distance(h, r) / max(len(r), 1)
    wer = edit_distance(h.split(), r.split()) / max(len(r.split()), 1)
    return cer, wer


def load_texts(n_real: int) -> dict[str, str]:
    """Seed texts plus every k-th corpus_real opening (a fixed, spread-out sample)."""
    texts = {}
    for name in SEEDS:
        path = SHARED / "gold" / "seeds" / f"{name}.txt"
        if path.exists():
            texts[name] = path.read_text(encoding="utf-8")
    real = sorted((SHARED / "corpus_real").glob("*.txt"))
    step = max(1, len(real) // max(n_real, 1))
    for path in real[::step][:n_real]:
        texts[path.stem] = path.read_text(encoding="utf-8")
    return texts


def degrade(image: Image.Image, condition: str, seed: int) -> Image.Image:
    """One scanned-page defect (or all of them) applied to a 300-dpi grayscale page."""
    rng = random.Random(seed)
    img = image.convert("L")
    if condition == "clean":
        return binarise(img)
    if condition in ("skew", "all"):
        angle = rng.choice((-1, 1)) * rng.uniform(1.0, 2.0)
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if condition in ("blur", "all"):
        img = img.filter(ImageFilter.GaussianBlur(1.5 if condition == "blur" else 1.0))
    if condition in ("noise", "all"):
        arr = np.asarray(img, dtype=np.float32)
        noise = np.random.default_rng(seed).normal(0, 20, arr.shape)
        specks = np.random.default_rng(seed + 1).random(arr.shape) < 0.002
        arr = np.clip(arr + noise, 0, 255)
        arr[specks] = 0
        img = Image.fromarray(arr.astype(np.uint8))
    if condition in ("jpeg", "all"):
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=15 if condition == "jpeg" else 30)
        img = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    return img


@dataclass
class Job:
    """One document under one condition, with where its PDF lives."""

    doc: str
    condition: str
    pdf: Path
    reference: str


def build_jobs(texts: dict[str, str], conditions: list[str]) -> list[Job]:
    """Write (or reuse) the digital PDF and each condition's scan PDF of every text."""
    jobs = []
    for doc, raw in texts.items():
        lines = paper_lines(raw)
        reference = "\n".join(lines)
        digital = CACHE / "digital" / f"{doc}.pdf"
        if not digital.exists():
            digital.parent.mkdir(parents=True, exist_ok=True)
            digital.write_bytes(text_to_pdf(lines, title=doc))
        jobs.append(Job(doc, "born-digital", digital, reference))
        pages: list[Image.Image] | None = None
        seed = int(hashlib.sha256(doc.encode()).hexdigest()[:8], 16)
        for cond in conditions:
            scan = CACHE / cond / f"{doc}.pdf"
            if not scan.exists():
                pages = pages or pdf_to_images(digital.read_bytes())
                images_to_pdf([degrade(p, cond, seed + n) for n, p in enumerate(pages)], scan)
            jobs.append(Job(doc, cond, scan, reference))
    return jobs


def run_job(job: Job) -> tuple[str, str, float, float, int, int, float, str]:
    """(condition, doc, CER, WER, pages, wrong-method pages, seconds, error code)."""
    start = time.monotonic()
    try:
        result = ingest_file(job.pdf, Options())
    except LofteError as exc:
        return job.condition, job.doc, 1.0, 1.0, 0, 0, time.monotonic() - start, exc.code
    want = "pdf-text" if job.condition == "born-digital" else "ocr"
    wrong = sum(p.method != want for p in result.pages)
    cer, wer = error_rates(result.raw_text, job.reference)
    return job.condition, job.doc, cer, wer, len(result.pages), wrong, time.monotonic() - start, ""


def main() -> int:
    """Build the scans, OCR them and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--real", type=int, default=10, help="corpus_real texts to sample")
    ap.add_argument("--conditions", default=",".join(CONDITIONS))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--per-doc", action="store_true", help="also print every document")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent")
        return 0
    conditions = [c for c in args.conditions.split(",") if c in CONDITIONS]
    jobs = build_jobs(load_texts(args.real), conditions)
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        rows = list(pool.map(run_job, jobs))
    if args.per_doc:
        for row in rows:
            print(f"{row[0]:<13} {row[1]:<48} CER {row[2]:.4f} WER {row[3]:.4f} {row[7]}")
    print(f"{'condition':<13} {'docs':>4} {'pages':>5} {'CER':>7} {'WER':>7} {'worst CER':>9} "
          f"{'wrong method':>12} {'errors':>6} {'s/page':>6}")  # fmt: skip
    for cond in ["born-digital", *conditions]:
        sel = [r for r in rows if r[0] == cond]
        pages = sum(r[4] for r in sel)
        chars = [len(" ".join(j.reference.split())) for j in jobs if j.condition == cond]
        # Micro-averaged CER: every character of the whole set weighs the same.
        cer = sum(r[2] * n for r, n in zip(sel, chars, strict=True)) / max(sum(chars), 1)
        wer = sum(r[3] for r in sel) / max(len(sel), 1)
        wrong = sum(r[5] for r in sel) / max(pages, 1)
        secs = sum(r[6] for r in sel) / max(pages, 1)
        errors = sum(1 for r in sel if r[7])
        worst = max((r[2] for r in sel), default=0.0)
        print(f"{cond:<13} {len(sel):>4} {pages:>5} {cer:>7.2%} {wer:>7.2%} {worst:>9.2%} "
              f"{wrong:>12.1%} {errors:>6} {secs:>6.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
