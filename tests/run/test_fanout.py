"""Page fan-out: long scans spread their pages over the executor and read as serial ingest does."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.ingest.reader import ingest_file
from pipeline.records import Options
from pipeline.run import stages
from pipeline.run.executors import ProcessExecutor
from pipeline.run.fanout import WARM_UP, page_ranges
from pipeline.run.process import sha256_file
from pipeline.run.runner import run
from pipeline.store.core import Store

T = TypeVar("T")
R = TypeVar("R")
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DPI = 200
PAGES = [
    ["Kommunstyrelsen föreslår att fullmäktige beslutar", "att uppdra åt nämnden att utreda"],
    ["Socialnämnden ska följa upp åtgärderna", "och rapportera till kommunstyrelsen."],
    ["Stadsbyggnadsnämnden återkommer med en plan", "för cykelvägar senast år 2026."],
    ["Utbildningsnämnden får i uppdrag att", "se över skolans lokaler under året."],
]

pytestmark = [
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract missing"),
    pytest.mark.skipif(not FONT.exists(), reason="DejaVu Sans missing"),
]


class InlineExecutor:
    """A parallel executor's interface run in this process: fan-out without a pool."""

    name = "inline"
    jobs = 2

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.items: list[object] = []

    def map_unordered(
        self, fn: Callable[[T], R], items: Iterable[T], on_crash: object = None
    ) -> Iterator[R]:
        """Results in input order, noting which function ran."""
        for item in items:
            self.calls.append(getattr(fn, "__name__", ""))
            self.items.append(item)
            yield fn(item)

    def close(self) -> None:
        """Nothing to release."""


def _page_image(lines: list[str]) -> Image.Image:
    """A half-page strip at 200 dpi with ``lines`` in 11 pt DejaVu Sans, black on white."""
    font = ImageFont.truetype(str(FONT), round(11 * DPI / 72))
    image = Image.new("L", (1650, 120 + 60 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((80, 60 + 60 * i), line, font=font, fill=0)
    return image


def _scan_pdf(path: Path) -> Path:
    images = [_page_image(lines) for lines in PAGES]
    images[0].save(path, "PDF", resolution=float(DPI), save_all=True, append_images=images[1:])
    return path


def _stored_ingest(store: Store, path: Path) -> dict[str, object]:
    versions = stages.chain_versions()
    ingest = store.artifacts(sha256_file(path), versions)["ingest"]
    assert isinstance(ingest, dict)
    return ingest


def test_page_ranges_cover_every_page_once_in_order() -> None:
    assert page_ranges(4, 2) == [[1], [2], [3], [4]]
    ranges = page_ranges(200, 2)
    assert [n for r in ranges for n in r] == list(range(1, 201))
    assert max(len(r) for r in ranges) <= 4


def test_a_mostly_scanned_document_goes_one_page_per_task() -> None:
    # Five 4-page ranges on two workers would leave one idle for a whole range at the end.
    assert page_ranges(20, 2, ocr_pages=20) == [[n] for n in range(1, 21)]
    assert page_ranges(20, 2, ocr_pages=10) == [[n] for n in range(1, 21)]
    assert max(len(r) for r in page_ranges(20, 2, ocr_pages=3)) == 4


@pytest.mark.slow
def test_scanned_pdf_pages_are_ocred_in_parallel_as_serial_ingest_reads_them(
    tmp_path: Path,
) -> None:
    pdf = _scan_pdf(tmp_path / "skanning.pdf")
    serial = ingest_file(pdf, Options())
    executor = ProcessExecutor(2)
    try:
        with Store(tmp_path / "s.db") as store:
            report = run([pdf], store, executor)
            assert (report.processed, report.failed) == (1, 0)
            assert report.page_tasks == 4
            ingest = _stored_ingest(store, pdf)
            assert store.documents()[0]["pages"] == 4
    finally:
        executor.close()
    pages = ingest["pages"]
    assert isinstance(pages, list)
    assert [p["text"] for p in pages] == [p.text for p in serial.pages]
    assert [p["method"] for p in pages] == ["ocr"] * 4
    assert "Socialnämnden" in pages[1]["text"]


@pytest.mark.slow
def test_multipage_tiff_frames_fan_out_and_keep_their_order(tmp_path: Path) -> None:
    tiff = tmp_path / "fax.tiff"
    frames = [_page_image(lines) for lines in PAGES[:3]]
    frames[0].save(tiff, save_all=True, append_images=frames[1:], dpi=(DPI, DPI))
    serial = ingest_file(tiff, Options())
    executor = InlineExecutor()
    with Store(tmp_path / "s.db") as store:
        report = run([tiff], store, executor)
        assert report.failed == 0 and report.page_tasks == 3
        ingest = _stored_ingest(store, tiff)
    # Three pages, then one warm-up per worker, so models load after the last page.
    kinds = [getattr(i, "fmt", None) for i in executor.items]
    assert kinds[:3].count(WARM_UP) == 0 and kinds[3:5] == [WARM_UP] * executor.jobs
    assert executor.calls.count("ocr_task") == 3 + executor.jobs
    assert executor.calls.count("process") == 1
    pages = ingest["pages"]
    assert isinstance(pages, list)
    assert [p["text"] for p in pages] == [p.text for p in serial.pages]
    assert ingest["notes"] == serial.notes


def test_failing_page_tasks_give_the_document_one_coded_error(tmp_path: Path) -> None:
    pdf = _scan_pdf(tmp_path / "skanning.pdf")
    lines: list[str] = []
    with Store(tmp_path / "s.db") as store:
        report = run([pdf], store, InlineExecutor(), Options(ocr_lang="xxx"), on_error=lines.append)
        assert report.error_codes == ["E009"]
        assert len(lines) == 1 and "skanning.pdf" in lines[0] and "page 1" in lines[0]
        # The first failure stops the document: its other pages are not OCRed in vain.
        assert report.page_tasks == 1
        assert [row["error_code"] for row in store.failed()] == ["E009"]


def test_born_digital_pdfs_do_not_fan_out(tmp_path: Path) -> None:
    digital = Path(__file__).resolve().parents[2] / "corpus" / "pdf"
    executor = InlineExecutor()
    with Store(tmp_path / "s.db") as store:
        report = run([digital], store, executor)
    assert report.page_tasks == 0 and "ocr_task" not in executor.calls
