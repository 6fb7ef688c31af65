"""Whole commands timed as the user pays them, side by side with the tools a user would pick.

Every row is one separate process started from the shell's point of view: `lofte ingest`
into a new store, `lofte text --raw`, `lofte status`, against bare `tesseract` (two at a
time, as many as the cores) and `ocrmypdf` on the same files, in one run. Each command runs
``--repeat`` times in alternating order and the best wall time counts; peak memory is the
largest sum of resident memory over the command's process tree, sampled every 50 ms.
``--scaling`` adds 1, 4, 20 and 100 scanned pages and 10, 100 and 1,000 text documents.
Not a test: the numbers depend on the machine and on what else runs on it.

Usage: python scripts/bench_e2e.py [--jobs 2] [--repeat 2] [--scaling] [--no-main]
(also reached as ``python scripts/bench_ocr.py --end-to-end``)
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts"), str(REPO / "corpus")]

LOFTE = [sys.executable, "-m", "pipeline.cli.main"]
Cmd = Callable[[Path], list[str]]  # a command line, given a fresh scratch folder


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, peak MB of the process tree) of one command, which must succeed."""
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, shell=False
    )
    root, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return wall, peak / 2**20


def best_of(
    tools: dict[str, Cmd], repeat: int, env: dict[str, str]
) -> dict[str, tuple[float, float]]:
    """Best wall time and its peak memory per tool, the tools alternating in order."""
    best: dict[str, tuple[float, float]] = {}
    for round_ in range(repeat):
        for name in list(tools) if round_ % 2 == 0 else list(reversed(tools)):
            with tempfile.TemporaryDirectory() as scratch:
                got = run_measured(tools[name](Path(scratch)), env)
            if name not in best or got[0] < best[name][0]:
                best[name] = got
    return best


def scanned_pdf(pages: int, out: Path) -> Path:
    """One PDF of ``pages`` clean scanned pages, joined from the OCR evaluation's renders."""
    import pypdfium2 as pdfium
    from eval_ocr import build_jobs, load_texts

    jobs = [j for j in build_jobs(load_texts(40), ["clean"]) if j.condition == "clean"]
    doc = pdfium.PdfDocument.new()
    # Cycled when the renders hold fewer pages than asked for (100 pages for --scaling).
    for job in itertools.cycle(jobs):
        if len(doc) >= pages:
            break
        src = pdfium.PdfDocument(str(job.pdf))
        doc.import_pages(src, list(range(min(len(src), pages - len(doc)))))
        src.close()
    doc.save(str(out))
    doc.close()
    return out


def page_images(pdf: Path, folder: Path) -> list[Path]:
    """The pages of ``pdf`` as 300 dpi greyscale PNGs, for bare tesseract."""
    import pypdfium2 as pdfium

    folder.mkdir(parents=True, exist_ok=True)
    doc = pdfium.PdfDocument(str(pdf))
    out = []
    for i in range(len(doc)):
        target = folder / f"p{i + 1:03d}.png"
        doc[i].render(scale=300 / 72, grayscale=True).to_pil().save(target)
        out.append(target)
    doc.close()
    return out


def tesseract_all(images: list[Path], jobs: int) -> Cmd:
    """Bare tesseract on every image, ``jobs`` processes at a time, text to /dev/null."""
    script = 'for f in "$@"; do tesseract "$f" - -l swe > /dev/null 2>&1; done'
    return lambda _: [
        "sh",
        "-c",
        f'printf "%s\\n" "$@" | xargs -P {jobs} -n 1 sh -c \'{script}\' _',
        "_",
        *map(str, images),
    ]


def ocrmypdf(pdf: Path, jobs: int, exe: str) -> Cmd:
    """OCRmyPDF as a user would call it for text: a PDF out and the text as a sidecar."""
    return lambda d: [
        exe, "-q", "-l", "swe", "-j", str(jobs), "--output-type", "pdf", "--optimize", "0",
        "--sidecar", str(d / "out.txt"), str(pdf), str(d / "out.pdf"),
    ]  # fmt: skip


def lofte_ingest(paths: list[Path], jobs: int) -> Cmd:
    """`lofte ingest` into a new store."""
    return lambda d: [
        *LOFTE, "ingest", *map(str, paths), "--db", str(d / "new.db"), "--jobs", str(jobs),
        "--no-progress",
    ]  # fmt: skip


def print_table(title: str, rows: list[tuple[str, float, float, str]]) -> None:
    """Rows of (command, wall s, peak MB, ratio text)."""
    print(f"\n{title}")
    print(f"{'command':<58} {'wall s':>7} {'peak MB':>8}  ratio")
    for name, wall, mb, ratio in rows:
        print(f"{name:<58} {wall:>7.2f} {mb:>8.0f}  {ratio}")


def one_page(page: Path, repeat: int, env: dict[str, str]) -> None:
    """`lofte text --raw page.png` against tesseract with its own threads and with one."""
    tess: Cmd = lambda _: ["tesseract", str(page), "-", "-l", "swe"]  # noqa: E731
    ours: Cmd = lambda _: [*LOFTE, "text", "--raw", str(page)]  # noqa: E731
    got = best_of({"lofte text --raw page.png": ours, "tesseract page.png -": tess}, repeat, env)
    one = best_of({"tesseract page.png - (OMP_THREAD_LIMIT=1)": tess}, repeat, _omp1(env))
    ours_wall, ours_mb = got["lofte text --raw page.png"]
    theirs = [("tesseract page.png -", got["tesseract page.png -"]), *one.items()]
    rows = [("lofte text --raw page.png", ours_wall, ours_mb, "")]
    rows += [(k, w, m, f"lofte takes {ours_wall / w:.2f}x its time") for k, (w, m) in theirs]
    print_table("one page image, 300 dpi", rows)


def _omp1(env: dict[str, str]) -> dict[str, str]:
    # Bare tesseract with one thread per process, as every multi-process tool runs it.
    return dict(env, OMP_THREAD_LIMIT="1")


def scanned(work: Path, pages: int, jobs: int, repeat: int, exe: str, env: dict[str, str]) -> None:
    """A scanned PDF through bare tesseract, OCRmyPDF and `lofte ingest`."""
    pdf = scanned_pdf(pages, work / f"scan{pages}.pdf")
    images = page_images(pdf, work / f"img{pages}")
    tess = f"tesseract on the {pages} page images, {jobs} at a time"
    theirs = f"ocrmypdf -l swe -j {jobs} --optimize 0 --sidecar"
    ours = f"lofte ingest scan{pages}.pdf --jobs {jobs} (new store)"
    tools = {
        tess: tesseract_all(images, jobs),
        theirs: ocrmypdf(pdf, jobs, exe),
        ours: lofte_ingest([pdf], jobs),
    }
    got = best_of(tools, repeat, _omp1(env))
    rows = [(k, w, m, "") for k, (w, m) in got.items()]
    rows[2] = (
        ours,
        *got[ours],
        f"{got[theirs][0] / got[ours][0]:.2f}x OCRmyPDF's speed, "
        f"{got[tess][0] / got[ours][0]:.0%} of tesseract's",
    )
    print_table(f"{pages}-page scanned PDF", rows)


def _counts(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def main() -> int:
    """Build the inputs, run every comparison and print the tables."""
    import bench_scaling
    from bench_ocr import machine
    from eval_ocr import SHARED

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for every tool")
    ap.add_argument("--repeat", type=int, default=2, help="timed runs per command (best counts)")
    ap.add_argument("--scaling", action="store_true", help="add the scaling tables")
    ap.add_argument("--no-main", action="store_true", help="skip the comparison tables")
    ap.add_argument(
        "--pages",
        default="1,4,20,100",
        help="scanned-page counts of the scaling table (comma-separated; '' for none)",
    )
    ap.add_argument(
        "--docs",
        default="10,100,1000",
        help="text-document counts of the scaling table (10000 checks the 2 GB memory bound)",
    )
    default_exe = shutil.which("ocrmypdf") or str(Path(sys.executable).parent / "ocrmypdf")
    ap.add_argument("--ocrmypdf", default=default_exe, help="the ocrmypdf to compare with")
    a = ap.parse_args(
        sys.argv[1:]
        if "--end-to-end" not in sys.argv
        else [x for x in sys.argv[1:] if x != "--end-to-end"]
    )
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent")
        return 0
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    print(f"machine: {machine()}; jobs {a.jobs}; best of {a.repeat}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if not a.no_main:
            pdf = scanned_pdf(1, work / "page.pdf")
            one_page(page_images(pdf, work / "page")[0], a.repeat, env)
            for pages in (4, 20):
                scanned(work, pages, a.jobs, a.repeat, a.ocrmypdf, env)
            bench_scaling.status(work, a.repeat, env)
        if a.scaling:
            bench_scaling.scaling(work, a.jobs, a.repeat, env, _counts(a.pages), _counts(a.docs))
    print(f"\nload average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
