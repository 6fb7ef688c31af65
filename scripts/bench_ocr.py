"""Benchmark scanned-page OCR against OCRmyPDF, and born-digital text extraction, in one run.

Reads texts from ../shared (gold seed texts and a corpus_real sample, as
``scripts/eval_ocr.py`` does, whose cached clean renders it reuses) and exits cleanly if
that folder is absent. Scanned PDFs go through our page fan-out on a
``ProcessExecutor(jobs)`` and through ``ocrmypdf --jobs N`` (a dev-only dependency), each
tool ``--repeat`` times in alternating order; the best wall time of each is reported.
Not a test: numbers depend on the machine and on what else runs on it.

Usage: python scripts/bench_ocr.py [--pages 8] [--jobs 2] [--repeat 2]
       python scripts/bench_ocr.py --end-to-end [--scaling]   (whole commands as processes,
       the first table to read: scripts/bench_e2e.py)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts"), str(REPO / "corpus")]

from eval_ocr import SHARED, Job, build_jobs, error_rates, load_texts  # noqa: E402

from pipeline.ingest.reader import assemble, ingest_file  # noqa: E402
from pipeline.records import Options  # noqa: E402
from pipeline.run.executors import ProcessExecutor  # noqa: E402
from pipeline.run.fanout import PageJob, ocr_task, page_ranges  # noqa: E402
from pipeline.run.runner import run  # noqa: E402
from pipeline.store.core import Store  # noqa: E402

Row = tuple[str, int, float, float]  # tool, pages, best wall seconds, CER


def machine() -> str:
    """Cores, CPU model, tesseract version and the load on the machine right now."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    tess = subprocess.run(["tesseract", "--version"], capture_output=True, text=True)
    version = (tess.stdout or tess.stderr).splitlines()[0]
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} cores, {model}, {version}, load average {load}"


def micro_cer(pairs: list[tuple[str, str]]) -> float:
    """Character error rate over all (hypothesis, reference) pairs, each character alike."""
    errors = total = 0.0
    for hyp, ref in pairs:
        n = len(" ".join(ref.split()))
        errors += error_rates(hyp, ref)[0] * n
        total += n
    return errors / max(total, 1.0)


def pick(jobs: list[Job], condition: str, pages: int) -> list[tuple[Job, int]]:
    """Documents of ``condition`` in order until they hold at least ``pages`` pages."""
    import pypdfium2 as pdfium

    out: list[tuple[Job, int]] = []
    for job in jobs:
        if job.condition != condition:
            continue
        doc = pdfium.PdfDocument(str(job.pdf))
        out.append((job, len(doc)))
        doc.close()
        if sum(n for _, n in out) >= pages:
            break
    return out


def ours_ingest(docs: list[tuple[Job, int]], executor: ProcessExecutor, jobs: int) -> list[str]:
    """Raw text of every document through the page fan-out's tasks."""
    tasks = [
        PageJob(str(job.pdf), "pdf", r, Options()) for job, n in docs for r in page_ranges(n, jobs)
    ]
    parts: dict[str, list[tuple[int, list, list]]] = {str(job.pdf): [] for job, _ in docs}
    for res in executor.map_unordered(ocr_task, tasks):
        if res.error:
            raise SystemExit(res.error)
        parts[res.path].append((res.numbers[0], res.pages, res.notes))
    texts = []
    for job, _ in docs:
        ordered = sorted(parts[str(job.pdf)], key=lambda p: p[0])
        texts.append(assemble(job.pdf, "pdf", [(p[1], p[2]) for p in ordered]).raw_text)
    return texts


def ours_runner(docs: list[tuple[Job, int]], executor: ProcessExecutor) -> list[str]:
    """Raw text of every document through the whole pipeline (``pipeline.run.runner.run``)."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        report = run([job.pdf for job, _ in docs], store, executor, on_error=print)
        if report.failed:
            raise SystemExit(f"{report.failed} documents failed")
        from pipeline.run.process import sha256_file

        out = []
        for job, _ in docs:
            ingest = store.artifact(sha256_file(job.pdf), "ingest")
            out.append("\f".join(p["text"] for p in ingest["pages"]))
        return out


def ocrmypdf(docs: list[tuple[Job, int]], jobs: int, exe: str) -> list[str]:
    """Sidecar text of every document from one ``ocrmypdf`` call per document."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for job, _ in docs:
            sidecar, pdf = Path(tmp) / "out.txt", Path(tmp) / "out.pdf"
            cmd = [exe, "-q", "--sidecar", str(sidecar), "--output-type", "pdf"]
            cmd += ["--optimize", "0", "-l", "swe", "--jobs", str(jobs), str(job.pdf), str(pdf)]
            subprocess.run(cmd, check=True, env=dict(os.environ, PATH=_path_with(exe)))
            out.append(sidecar.read_text(encoding="utf-8"))
    return out


def _path_with(exe: str) -> str:
    return f"{Path(exe).parent}{os.pathsep}{os.environ.get('PATH', '')}"


def born_digital(docs: list[tuple[Job, int]]) -> list[Row]:
    """pdfplumber (our ingest) and pypdfium2 text extraction, one process, same PDFs."""
    import pypdfium2 as pdfium

    def plumber(job: Job) -> str:
        return ingest_file(job.pdf, Options()).raw_text

    def pdfium_text(job: Job) -> str:
        doc = pdfium.PdfDocument(str(job.pdf))
        try:
            return "\f".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
        finally:
            doc.close()

    rows = []
    pages = sum(n for _, n in docs)
    for name, fn in (("pdfplumber (lofte ingest)", plumber), ("pypdfium2 text", pdfium_text)):
        start = time.perf_counter()
        texts = [fn(job) for job, _ in docs]
        wall = time.perf_counter() - start
        rows.append(
            (
                name,
                pages,
                wall,
                micro_cer([(t, j.reference) for t, (j, _) in zip(texts, docs, strict=True)]),
            )
        )
    return rows


def table(title: str, rows: list[Row]) -> None:
    """Print rows as pages/s, wall seconds and CER."""
    print(f"\n{title}")
    print(f"{'tool':<40} {'pages':>5} {'wall s':>7} {'pages/s':>8} {'CER':>7}")
    for name, pages, wall, cer in rows:
        print(f"{name:<40} {pages:>5} {wall:>7.1f} {pages / wall:>8.3f} {cer:>7.2%}")


def main() -> int:
    """Render the inputs, time every tool and print the tables."""
    if "--end-to-end" in sys.argv:
        import bench_e2e

        return bench_e2e.main()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=8, help="scanned pages to OCR (about)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for both tools")
    ap.add_argument("--repeat", type=int, default=2, help="timed runs per tool (best counts)")
    ap.add_argument("--real", type=int, default=10, help="corpus_real texts in the pool")
    ap.add_argument(
        "--ocrmypdf",
        default=shutil.which("ocrmypdf") or str(Path(sys.executable).parent / "ocrmypdf"),
    )
    ap.add_argument("--no-runner", action="store_true", help="skip the whole-pipeline row")
    ap.add_argument("--end-to-end", action="store_true", help="time whole commands instead")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent")
        return 0
    all_jobs = build_jobs(load_texts(args.real), ["clean"])
    scans = pick(all_jobs, "clean", args.pages)
    digital = pick(all_jobs, "born-digital", 10**6)
    have_ocrmypdf = Path(args.ocrmypdf).exists()
    version = "absent"
    if have_ocrmypdf:
        version = subprocess.run(
            [args.ocrmypdf, "--version"], capture_output=True, text=True
        ).stdout.strip()
    print(f"machine: {machine()}")
    print(f"ocrmypdf {version}; jobs {args.jobs}; {len(scans)} scanned documents")

    executor = ProcessExecutor(args.jobs)
    try:
        # Start and warm the workers outside the timing: a long-running service pays it once.
        list(executor.map_unordered(time.sleep, [0.5] * args.jobs * 2))
        tools = {"lofte ingest, page fan-out": lambda: ours_ingest(scans, executor, args.jobs)}
        if not args.no_runner:
            tools["lofte whole pipeline (runner)"] = lambda: ours_runner(scans, executor)
        if have_ocrmypdf:
            tools[f"OCRmyPDF {version} --jobs {args.jobs}"] = lambda: ocrmypdf(
                scans, args.jobs, args.ocrmypdf
            )
        best: dict[str, float] = {}
        texts: dict[str, list[str]] = {}
        for round_ in range(args.repeat):
            order = list(tools) if round_ % 2 == 0 else list(reversed(tools))
            for name in order:
                start = time.perf_counter()
                texts[name] = tools[name]()
                wall = time.perf_counter() - start
                best[name] = min(wall, best.get(name, wall))
    finally:
        executor.close()
    pages = sum(n for _, n in scans)
    rows = [
        (
            name,
            pages,
            best[name],
            micro_cer([(t, j.reference) for t, (j, _) in zip(texts[name], scans, strict=True)]),
        )
        for name in tools
    ]
    table(f"scanned, clean, {pages} pages ({args.jobs} jobs, best of {args.repeat})", rows)
    theirs = [r for r in rows if r[0].startswith("OCRmyPDF")]
    if theirs:
        ratio = theirs[0][2] / rows[0][2]
        print(f"lofte ingest throughput / OCRmyPDF: {ratio:.2f}x")
    table(f"born-digital, {sum(n for _, n in digital)} pages (one process)", born_digital(digital))
    print(f"\nload average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
