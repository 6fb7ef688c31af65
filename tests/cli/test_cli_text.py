"""`lofte text`: a document's text with pages separated by form feeds, normalised or --raw."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.cli.main import main

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DIGITAL = CORPUS / "pdf" / "skrivelse_2008_arbetsgrupp_digital.pdf"
SCAN = CORPUS / "scans" / "interpellation_jonsson_skarholmen_scan.pdf"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_ocr = pytest.mark.skipif(
    shutil.which("tesseract") is None or not FONT.exists(), reason="tesseract or font missing"
)


def _text(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["text", *args]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("raw", [False, True], ids=["normalised", "raw"])
def test_born_digital_pages_are_separated_by_one_form_feed(
    capsys: pytest.CaptureFixture[str], raw: bool
) -> None:
    out = _text(capsys, str(DIGITAL), *(["--raw"] if raw else []))
    pages = out.split("\f")
    assert len(pages) == 2
    # The signature closes page 1 and the next signatory opens page 2, in both views.
    assert pages[0].rstrip().endswith("Ulf Kristersson (m)")
    assert pages[1].lstrip().startswith("Socialborgarråd")


@needs_ocr
@pytest.mark.slow
@pytest.mark.parametrize("raw", [False, True], ids=["normalised", "raw"])
def test_the_bundled_one_page_scan_prints_its_ocr_text_without_form_feeds(
    capsys: pytest.CaptureFixture[str], raw: bool
) -> None:
    out = _text(capsys, str(SCAN), *(["--raw"] if raw else []))
    assert "\f" not in out
    assert "Interpellation från Jan Jönsson" in out
    assert "Skärholmen" in out


def _scan(path: Path, pages: list[str]) -> Path:
    font = ImageFont.truetype(str(FONT), 46)
    images = []
    for line in pages:
        image = Image.new("L", (1800, 260), 255)
        ImageDraw.Draw(image).text((100, 100), line, font=font, fill=0)
        images.append(image)
    images[0].save(path, "PDF", resolution=300.0, save_all=True, append_images=images[1:])
    return path


@needs_ocr
@pytest.mark.slow
def test_normalised_ocr_pages_keep_their_boundaries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        "Nämnden beslutar att anta planen för skolan.",
        "Socialnämnden ska följa upp åtgärderna.",
        "Kommunstyrelsen återkommer under hösten.",
    ]
    out = _text(capsys, str(_scan(tmp_path / "tre_sidor.pdf", lines)))
    pages = out.split("\f")
    assert len(pages) == 3
    for page, line in zip(pages, lines, strict=True):
        assert line.split()[0] in page
