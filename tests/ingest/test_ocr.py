"""OCR with the real Tesseract: the corpus scan, PNG and multi-page TIFF files, per-page choice."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from pipeline.errors import LofteError
from pipeline.eval.devpaths import GOLD_SEEDS
from pipeline.ingest.reader import ingest_file
from pipeline.records import Options

REPO = Path(__file__).resolve().parents[2]
SCAN = REPO / "corpus" / "scans" / "interpellation_jonsson_skarholmen_scan.pdf"
SEED_NAME = "interpellation_jonsson_skarholmen.txt"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
OPTS = Options()

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract missing")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="DejaVu Sans missing")


def levenshtein(a: str, b: str) -> int:
    """Edit distance by the two-row dynamic programme."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def cer(hypothesis: str, reference: str) -> float:
    """Character error rate on whitespace-normalised text."""
    hyp, ref = " ".join(hypothesis.split()), " ".join(reference.split())
    return levenshtein(hyp, ref) / max(len(ref), 1)


def seed_text() -> str | None:
    for folder in (REPO / "corpus" / "seeds", GOLD_SEEDS):
        if (folder / SEED_NAME).exists():
            raw = (folder / SEED_NAME).read_text(encoding="utf-8")
            # As printed: markdown residue is not on paper.
            return "\n".join(
                re.sub(r"^\s*#+\s*", "", ln).replace("**", "") for ln in raw.splitlines()
            )
    return None


def text_image(lines: list[str], width: int = 1800, size: int = 46) -> Image.Image:
    """A white 300-dpi page strip with ``lines`` typeset in DejaVu Sans (about 11 pt)."""
    font = ImageFont.truetype(str(FONT), size)
    image = Image.new("L", (width, 160 + len(lines) * int(size * 1.5)), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((100, 80 + i * int(size * 1.5)), line, font=font, fill=0)
    return image


PAGE_ONE = [
    "Kommunstyrelsen föreslår att fullmäktige beslutar",
    "att uppdra åt nämnden att återkomma med en plan",
    "för skolans lokaler senast den 31 mars 2025.",
]
PAGE_TWO = [
    "Socialnämnden ska följa upp åtgärderna",
    "och rapportera till kommunstyrelsen under året.",
]


def test_scanned_pdf_is_ocred_accurately() -> None:
    """Reads the seed text from corpus/seeds or ../shared/gold/seeds (skips if absent)."""
    reference = seed_text()
    if reference is None:
        pytest.skip("seed text not available")
    result = ingest_file(SCAN, OPTS)
    assert [p.method for p in result.pages] == ["ocr"] * len(result.pages)
    assert all(p.confidence > 0.7 for p in result.pages)
    assert cer(result.raw_text, reference) <= 0.02
    first = result.pages[0]
    assert first.lines and 0 < first.lines[0].x0 < first.lines[0].x1 <= first.width
    assert first.width == pytest.approx(595, abs=2)


@needs_font
def test_png_is_ocred(tmp_path: Path) -> None:
    path = tmp_path / "page.png"
    text_image(PAGE_ONE).save(path, dpi=(300, 300))
    result = ingest_file(path, OPTS)
    (page,) = result.pages
    assert page.method == "ocr" and page.confidence > 0.7
    assert cer(page.text, "\n".join(PAGE_ONE)) <= 0.02
    assert [ln.text for ln in page.lines] == PAGE_ONE
    assert result.source_format == "png"


@needs_font
def test_multipage_tiff_gives_one_page_per_frame(tmp_path: Path) -> None:
    path = tmp_path / "scan.tif"
    first, second = text_image(PAGE_ONE), text_image(PAGE_TWO)
    first.save(
        path, save_all=True, append_images=[second], compression="tiff_deflate", dpi=(300, 300)
    )
    result = ingest_file(path, OPTS)
    assert [p.number for p in result.pages] == [1, 2]
    assert cer(result.pages[0].text, "\n".join(PAGE_ONE)) <= 0.02
    assert cer(result.pages[1].text, "\n".join(PAGE_TWO)) <= 0.02
    assert result.raw_text.count("\f") == 1


@needs_font
def test_sideways_scan_is_turned_upright(tmp_path: Path) -> None:
    path = tmp_path / "sideways.jpg"
    text_image(PAGE_ONE + PAGE_TWO).rotate(90, expand=True).save(path, quality=90)
    (page,) = ingest_file(path, OPTS).pages
    assert cer(page.text, "\n".join(PAGE_ONE + PAGE_TWO)) <= 0.03
    assert page.width > page.height  # the upright strip is wider than tall


@needs_font
def test_only_the_image_page_of_a_mixed_pdf_is_ocred(tmp_path: Path) -> None:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 12)
    for i, line in enumerate(PAGE_TWO):
        c.drawString(72, 770 - 18 * i, line)
    c.showPage()
    image = text_image(PAGE_ONE)
    c.drawImage(
        ImageReader(image),
        0,
        842 - image.height * 72 / 300,
        image.width * 72 / 300,
        image.height * 72 / 300,
    )
    c.showPage()
    c.save()
    path = tmp_path / "mixed.pdf"
    path.write_bytes(buf.getvalue())
    result = ingest_file(path, OPTS)
    assert [p.method for p in result.pages] == ["pdf-text", "ocr"]
    assert result.pages[0].text == "\n".join(PAGE_TWO)
    assert cer(result.pages[1].text, "\n".join(PAGE_ONE)) <= 0.02
    assert any("page 2" in note for note in result.notes)


def test_unmapped_swedish_glyphs_send_a_page_to_ocr(tmp_path: Path) -> None:
    if not FONT.exists():
        pytest.skip("DejaVu Sans missing")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSansTest", str(FONT)))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, pageCompression=0)
    c.setFont("DejaVuSansTest", 12)
    for i, line in enumerate(PAGE_ONE):
        c.drawString(72, 770 - 18 * i, line)
    c.showPage()
    c.save()
    # Without its ToUnicode map the subset font's å, ä and ö extract as "(cid:N)".
    path = tmp_path / "nomap.pdf"
    path.write_bytes(buf.getvalue().replace(b"/ToUnicode", b"/ToUnicodX"))
    (page,) = ingest_file(path, OPTS).pages
    assert page.method == "ocr"
    assert "(cid:" not in page.text
    assert cer(page.text, "\n".join(PAGE_ONE)) <= 0.02


def test_blank_scan_has_no_usable_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.png"
    Image.new("L", (600, 400), 255).save(path)
    with pytest.raises(LofteError) as info:
        ingest_file(path, OPTS)
    assert info.value.code == "E011"


@needs_font
def test_missing_ocr_language_is_an_ocr_failure(tmp_path: Path) -> None:
    path = tmp_path / "page.png"
    text_image(PAGE_TWO).save(path)
    with pytest.raises(LofteError) as info:
        ingest_file(path, Options(ocr_lang="xyz"))
    assert info.value.code == "E009"


@needs_font
def test_tesseract_over_its_time_limit_times_out(tmp_path: Path) -> None:
    path = tmp_path / "page.png"
    text_image(PAGE_ONE * 4).save(path)
    with pytest.raises(LofteError) as info:
        ingest_file(path, Options(ocr_timeout=0.05))
    assert info.value.code == "E008"


@needs_font
def test_white_text_on_a_dark_banner_is_read_and_plain_pages_skip_the_inverted_retry() -> None:
    from pipeline.ingest.ocr import has_dark_area, ocr_image

    plain = text_image(PAGE_ONE)
    assert not has_dark_area(plain, 300)
    page = text_image(["", "", *PAGE_ONE])
    draw = ImageDraw.Draw(page)
    draw.rectangle((60, 40, 1740, 160), fill=30)
    font = ImageFont.truetype(str(FONT), 46)
    draw.text((100, 70), "Stadsdelsnämndens handlingsplan", font=font, fill=255)
    assert has_dark_area(page, 300)
    result = ocr_image(page, "swe", 300, timeout=60)
    assert "Stadsdelsnämndens handlingsplan" in result.text
    assert "fullmäktige" in result.text
