"""A second look at the words tesseract was unsure of: all of a page's in one extra call."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from typing import Any

from PIL import Image

from pipeline.ingest.engine import pytesseract

# Ways a tesseract run fails other than by its time limit: an error status, a crash (also
# of `tesseract --version`, which pytesseract runs first), or output it cannot parse.
# pytesseract calls sys.exit() when that version string is empty: a broken engine must
# cost one page, not the worker, so SystemExit is caught here too.
ENGINE_FAILURES: tuple[type[BaseException], ...] = (
    SystemExit,
    pytesseract.TesseractError,
    pytesseract.TSVNotSupported,
    subprocess.SubprocessError,
    OSError,
    ValueError,
    KeyError,
)
# The same, plus a timeout (pytesseract raises RuntimeError when it kills a slow run).
ANY_FAILURE: tuple[type[BaseException], ...] = (*ENGINE_FAILURES, RuntimeError)

# Words below this confidence (0..100) get a second look. On clean 300-dpi council pages
# about one word in 250 is this unsure; most are long compounds ("stadsdelsnämnd…") and
# OCR-damaged source words where the page-level dictionary pull overrode the glyphs.
REREAD_BELOW = 60.0
# A page with more unsure words than this is too damaged for word-level help to pay off
# (and the sheet would cost as much as the page); its first reading stands.
MAX_WORDS = 60
# The second reading must be this much surer than the first to replace it; small gains
# measured as a coin toss in scripts/eval_ocr.py.
MIN_GAIN = 10.0
# White margin kept around each word, and between the words on the sheet (pixels at 300
# dpi): enough that ascenders and descenders are whole and no two words read as one line.
PAD = 10
GAP = 30


@dataclass(frozen=True)
class Reread:
    """How a page's second look went: words looked at and words replaced."""

    tried: int
    replaced: int


def unsure_words(data: dict[str, list[Any]]) -> list[int]:
    """Indexes of the words in a tesseract word table read with low confidence."""
    return [
        i
        for i, word in enumerate(data["text"])
        if (word or "").strip() and 0.0 <= float(data["conf"][i]) < REREAD_BELOW
    ]


def _sheet(
    image: Image.Image, data: dict[str, list[Any]], picks: list[int]
) -> tuple[Image.Image, list[tuple[int, int]]]:
    """Every picked word cut out of ``image`` and stacked one per line on a white sheet."""
    crops = []
    for i in picks:
        left, top = int(data["left"][i]), int(data["top"][i])
        right, bottom = left + int(data["width"][i]), top + int(data["height"][i])
        box = (
            max(0, left - PAD),
            max(0, top - PAD),
            min(image.width, right + PAD),
            min(image.height, bottom + PAD),
        )
        crops.append(image.crop(box))
    width = max(c.width for c in crops) + 2 * GAP
    height = sum(c.height + GAP for c in crops) + GAP
    sheet = Image.new(image.mode, (width, height), 255 if image.mode != "1" else 1)
    rows: list[tuple[int, int]] = []
    y = GAP
    for crop in crops:
        sheet.paste(crop, (GAP, y))
        rows.append((y, y + crop.height))
        y += crop.height + GAP
    return sheet, rows


def _readings(
    data: dict[str, list[Any]], rows: list[tuple[int, int]]
) -> list[list[tuple[str, float]]]:
    """The sheet's words sorted back to the row (picked word) whose band holds them."""
    out: list[list[tuple[str, float]]] = [[] for _ in rows]
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        conf = float(data["conf"][i])
        if not word or conf < 0:
            continue
        middle = int(data["top"][i]) + int(data["height"][i]) / 2
        for n, (top, bottom) in enumerate(rows):
            if top <= middle <= bottom:
                out[n].append((word, conf))
                break
    return out


def better(old: str, old_conf: float, new: list[tuple[str, float]]) -> str | None:
    """The second reading if it should replace the first, else None.

    Only a single-word reading counts: a word cut out of its line and read alone sometimes
    splits a compound in two, and the first reading had the spacing from the whole line.
    A change of letter case alone is ignored, because a word seen alone has no line to
    show whether its "S" is tall or small.
    """
    if len(new) != 1:
        return None
    word, conf = new[0]
    if word == old or word.casefold() == old.casefold():
        return None
    if conf < old_conf + MIN_GAIN:
        return None
    return word


def reread(
    image: Image.Image, data: dict[str, list[Any]], lang: str, dpi: float, timeout: float
) -> tuple[dict[str, list[Any]], Reread]:
    """``data`` with its unsure words replaced where a second look reads them surer.

    ``image`` is the image the word table was read from. The second look is a favour, not
    a duty: if tesseract fails or runs out of time, the first reading is returned as it was.
    """
    picks = unsure_words(data)
    if not picks or len(picks) > MAX_WORDS:
        return data, Reread(0, 0)
    sheet, rows = _sheet(image, data, picks)
    try:
        second = pytesseract.image_to_data(
            sheet,
            lang=lang,
            # One block of lines, one word per line: no layout analysis to get wrong.
            config=f"--psm 6 --dpi {round(dpi)}",
            output_type=pytesseract.Output.DICT,
            timeout=timeout,
        )
    except ANY_FAILURE:
        return data, Reread(len(picks), 0)
    out = {key: list(values) for key, values in data.items()}
    replaced = 0
    for i, new in zip(picks, _readings(second, rows), strict=True):
        word = better(str(data["text"][i]), float(data["conf"][i]), new)
        if word is not None:
            out["text"][i], out["conf"][i] = word, new[0][1]
            replaced += 1
    return out, Reread(len(picks), replaced)
