"""Deskew: the estimated angle undoes a scanner's small rotation and leaves straight pages alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.ingest.deskew import deskew, estimate_skew

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LINES = [
    "Kommunstyrelsen föreslår att fullmäktige beslutar",
    "att uppdra åt nämnden att återkomma med en plan",
    "för skolans lokaler senast den 31 mars 2025.",
    "Socialnämnden ska följa upp åtgärderna under året.",
]


@pytest.fixture(scope="module")
def page() -> Image.Image:
    if not FONT.exists():
        pytest.skip("DejaVu Sans missing")
    font = ImageFont.truetype(str(FONT), 46)
    image = Image.new("L", (1800, 500), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(LINES):
        draw.text((100, 80 + i * 70), line, font=font, fill=0)
    return image


@pytest.mark.parametrize("angle", [-2.0, -0.8, 1.2, 2.5])
def test_skew_is_measured_and_undone(page: Image.Image, angle: float) -> None:
    tilted = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    assert estimate_skew(tilted) == pytest.approx(-angle, abs=0.1)
    straight, applied = deskew(tilted)
    assert applied == pytest.approx(-angle, abs=0.1)
    assert straight.size != tilted.size


def test_straight_and_blank_pages_are_left_alone(page: Image.Image) -> None:
    assert estimate_skew(page) == 0.0
    blank = Image.new("L", (800, 600), 255)
    assert deskew(blank) == (blank, 0.0)
