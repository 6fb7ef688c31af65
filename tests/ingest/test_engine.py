"""Tesseract's wrapper: loaded without pandas, reading raw page images as it reads PNG."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from pipeline.ingest.engine import pytesseract, uncompressed
from tests.ingest.test_ocr import PAGE_ONE, needs_font, text_image


def test_the_engine_loads_without_pandas_and_pandas_still_loads_after() -> None:
    probe = (
        "import sys\n"
        "from pipeline.ingest.engine import pytesseract\n"
        "assert 'pandas' not in sys.modules, 'pandas was imported'\n"
        "assert not pytesseract.pytesseract.pandas_installed\n"
        # Hiding pandas from pytesseract must not hide it from anyone else.
        "import pandas\n"
        "print(pandas.__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "pandas"


@needs_font
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract missing")
def test_a_raw_image_reads_exactly_as_the_png_does() -> None:
    image = text_image(PAGE_ONE)

    def words(img: object) -> list[str]:
        data = pytesseract.image_to_data(
            img, lang="swe", config="--psm 3 --dpi 300", output_type=pytesseract.Output.DICT
        )
        return [w for w in data["text"] if w.strip()]

    as_png = words(image.copy())
    raw = uncompressed(image.copy())
    assert raw.format == "PPM"
    assert words(raw) == as_png
    assert "fullmäktige" in as_png
