"""The second look at unsure words: real tesseract on a rendered page."""

from __future__ import annotations

import shutil
from typing import Any

import pytesseract
import pytest

from pipeline.ingest.reread import MIN_GAIN, REREAD_BELOW, better, reread, unsure_words
from tests.ingest.test_ocr import PAGE_ONE, needs_font, text_image

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract missing")


def first_reading(lines: list[str]) -> tuple[Any, dict[str, list[Any]]]:
    image = text_image(lines)
    data = pytesseract.image_to_data(
        image, lang="swe", config="--psm 3 --dpi 300", output_type=pytesseract.Output.DICT
    )
    return image, data


def spoil(data: dict[str, list[Any]], word: str, garbage: str) -> int:
    """Make one correctly read word look like an unsure misreading; returns its index."""
    i = data["text"].index(word)
    data["text"][i], data["conf"][i] = garbage, 5.0
    return i


@needs_font
def test_each_unsure_word_gets_its_own_second_reading() -> None:
    image, data = first_reading(PAGE_ONE)
    # Two spoiled words far apart on the page: swapped rows on the sheet would show.
    a = spoil(data, "fullmäktige", "fu11mäkt1ge")
    b = spoil(data, "lokaler", "1okaier")
    sure = {i: w for i, w in enumerate(data["text"]) if i not in (a, b) and w.strip()}
    out, how = reread(image, data, "swe", 300, timeout=30)
    assert (out["text"][a], out["text"][b]) == ("fullmäktige", "lokaler")
    assert how.replaced >= 2
    # Words read surely the first time keep their reading.
    for i, word in sure.items():
        if float(data["conf"][i]) >= REREAD_BELOW:
            assert out["text"][i] == word
    # The caller's table is not changed behind its back.
    assert data["text"][a] == "fu11mäkt1ge"


@needs_font
def test_a_failed_second_look_keeps_the_first_reading() -> None:
    image, data = first_reading(PAGE_ONE)
    spoil(data, "lokaler", "1okaier")
    out, how = reread(image, data, "swe", 300, timeout=0.001)
    assert out["text"] == data["text"]
    assert how.replaced == 0


def test_only_words_below_the_bar_are_unsure() -> None:
    data = {"text": ["ja", "", "nej", "kanske"], "conf": [95, -1, REREAD_BELOW - 1, -1]}
    assert unsure_words(data) == [2]


@pytest.mark.parametrize(
    ("old", "old_conf", "new", "want"),
    [
        ("stadsdelshämnd", 27.0, [("stadsdelsnämnd", 88.0)], "stadsdelsnämnd"),
        # A compound cut out of its line and split in two: the line's spacing stands.
        ("sekretesshandboken", 42.0, [("sekretesshand", 92.0), ("boken", 96.0)], None),
        # Alone, a word shows no line to tell a tall "S" from a small one.
        ("Skolavbrott", 51.0, [("skolavbrott", 91.0)], None),
        # Barely surer is no reason to change.
        ("är", 55.0, [("äl", 55.0 + MIN_GAIN - 1)], None),
        ("260", 49.0, [], None),
    ],
)
def test_which_second_readings_win(
    old: str, old_conf: float, new: list[tuple[str, float]], want: str | None
) -> None:
    assert better(old, old_conf, new) == want
