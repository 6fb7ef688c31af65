"""OCR of one page image with Tesseract: orientation fix, words, lines and a confidence."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageOps

from pipeline.ingest.deskew import deskew
from pipeline.ingest.engine import pytesseract, uncompressed
from pipeline.ingest.reread import ANY_FAILURE, ENGINE_FAILURES, reread
from pipeline.ingest.timelimit import Deadline
from pipeline.records import LineBox, Page

# --psm 3 (automatic layout) measured best on council pages; see scripts/eval_ocr.py.
OCR_CONFIG = "--psm 3"
# Tell tesseract the real resolution rather than letting it guess from glyph sizes; on
# skewed pages this measured slightly better in scripts/eval_ocr.py (CER 6.8% vs 7.5%
# before deskewing was added), elsewhere equal.
PASS_DPI = True
# OSD's orientation confidence below this is a guess; rotating on a guess is worse than not.
MIN_OSD_CONFIDENCE = 2.0
# Upright text reads at 0.9 and more even when degraded; a sideways or upside-down page
# reads near 0.35 (measured on scripts/eval_ocr.py pages). Only below this is OSD run:
# it costs a sixth of a page's OCR time and is almost never needed.
OSD_BELOW_CONFIDENCE = 0.7
# Unsure words get a second, word-by-word look (pipeline/ingest/reread.py); see there for why.
REREAD = True
# OSD needs this many characters on the page; sparse pages fail and are left unrotated.
OSD_MIN_CHARS = 30
# Tesseract retries every unsure line inverted, in case it is light text on a dark ground.
# That costs a tenth of a page's time and on ordinary pages read no better (scripts/eval_ocr.py:
# CER 0.08% clean either way, 0.84% -> 0.77% with all defects without it), but a banner or
# shaded table head in white reads only with it. So the retry stays on for pages with a dark
# area: at least DARK_AREA blocks of DARK_BLOCK pixels (at 300 dpi, about 2.7 mm) whose mean
# grey is under DARK_MEAN. Text pages measured 0 such blocks, one white-on-dark banner 250+.
DARK_BLOCK = 32
DARK_MEAN = 64
DARK_AREA = 8
# Below this many pixels across, an image holds no readable letter (and tesseract errs).
MIN_SIDE = 8


class OcrError(Exception):
    """Tesseract failed or timed out on a page."""

    def __init__(self, detail: str, timed_out: bool = False) -> None:
        super().__init__(detail)
        self.timed_out = timed_out


@dataclass
class OcrResult:
    """Text, positioned lines and mean word confidence (0..1) of one OCRed image."""

    text: str
    lines: list[LineBox]
    confidence: float
    rotated: int = 0
    skew: float = 0.0


def _prepare_env() -> None:
    # Tesseract's OpenMP threads fight the process pool for the same cores.
    os.environ["OMP_THREAD_LIMIT"] = "1"


def _is_timeout(exc: RuntimeError) -> bool:
    return "timeout" in str(exc).lower()


def detect_rotation(image: Image.Image, lang_timeout: float) -> int:
    """Degrees (0/90/180/270) to turn ``image`` counter-clockwise to make it upright.

    OSD fails on sparse or non-text pages; that is expected and means "leave it".
    """
    _prepare_env()
    # Half resolution is plenty for orientation and halves the cost.
    small = image.reduce(2) if min(image.size) > 1200 else image
    try:
        osd: dict[str, Any] = pytesseract.image_to_osd(
            uncompressed(small),
            config=f"--psm 0 -c min_characters_to_try={OSD_MIN_CHARS}",
            output_type=pytesseract.Output.DICT,
            timeout=lang_timeout,
        )
    except ANY_FAILURE:
        return 0
    if float(osd.get("orientation_conf", 0.0)) < MIN_OSD_CONFIDENCE:
        return 0
    # Tesseract's "rotate" is clockwise; PIL rotates counter-clockwise.
    return (360 - int(osd.get("rotate", 0))) % 360


def _group_lines(data: dict[str, list[Any]], scale: float) -> tuple[str, list[LineBox], float]:
    """Join tesseract's word table into text lines, paragraphs split by blank lines."""
    lines: list[LineBox] = []
    line_keys: list[tuple[int, int]] = []
    confs: list[float] = []
    current: tuple[int, int, int] | None = None
    words: list[str] = []
    box = [0.0, 0.0, 0.0, 0.0]

    def flush() -> None:
        if current is not None and words:
            lines.append(LineBox(" ".join(words), *(v * scale for v in box)))
            line_keys.append((current[0], current[1]))

    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        conf = float(data["conf"][i])
        if not word or conf < 0:
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        left, top = float(data["left"][i]), float(data["top"][i])
        right, bottom = left + float(data["width"][i]), top + float(data["height"][i])
        if key != current:
            flush()
            current, words = key, []
            box = [left, top, right, bottom]
        words.append(word)
        box = [min(box[0], left), min(box[1], top), max(box[2], right), max(box[3], bottom)]
        confs.append(conf)
    flush()

    parts: list[str] = []
    for n, line in enumerate(lines):
        if n and line_keys[n] != line_keys[n - 1]:
            parts.append("")
        parts.append(line.text)
    text = unicodedata.normalize("NFC", "\n".join(parts))
    confidence = sum(confs) / len(confs) / 100.0 if confs else 0.0
    return text, lines, confidence


def _bilevel(image: Image.Image) -> Image.Image:
    """A 1-bit copy when the page holds only black and white (a fax-mode scan), else itself.

    Tesseract binarises anyway; a 1-bit image is a fraction of the bytes to hand over.
    """
    if image.mode == "L" and image.getcolors(2) is not None:
        return image.convert("1", dither=Image.Dither.NONE)
    return image


def has_dark_area(image: Image.Image, dpi: float) -> bool:
    """True when the grey page has a solid dark patch that may hold light-on-dark text."""
    block = max(2, round(DARK_BLOCK * dpi / 300.0))
    means = image.convert("L").reduce(block).histogram()
    return sum(means[:DARK_MEAN]) >= DARK_AREA


def _config(image: Image.Image, dpi: float) -> str:
    """Tesseract's options for one page."""
    config = f"{OCR_CONFIG} --dpi {round(dpi)}" if PASS_DPI else OCR_CONFIG
    if not has_dark_area(image, dpi):
        config += " -c tessedit_do_invert=0"
    return config


def _recognise(image: Image.Image, lang: str, dpi: float, deadline: Deadline) -> OcrResult:
    """One tesseract pass over an upright, straightened page, and a second look at unsure words."""
    timeout = deadline.cap(deadline.seconds)
    config = _config(image, dpi)
    image = _bilevel(image)
    try:
        data = pytesseract.image_to_data(
            uncompressed(image),
            lang=lang,
            config=config,
            output_type=pytesseract.Output.DICT,
            timeout=timeout,
        )
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrError("tesseract is not installed") from exc
    except pytesseract.TesseractError as exc:
        raise OcrError(f"tesseract: {exc.message}".strip()) from exc
    except ENGINE_FAILURES as exc:
        raise OcrError(f"tesseract failed: {type(exc).__name__}: {exc}"[:300]) from exc
    except RuntimeError as exc:
        if _is_timeout(exc):
            raise OcrError(f"tesseract exceeded {timeout:g} s", timed_out=True) from exc
        raise OcrError(str(exc)) from exc
    # The second look may use what is left of the page's time, less a margin so that a
    # slow one cannot turn a page that was read into a page that timed out.
    spare = deadline.remaining() - 1.0
    if REREAD and spare > 0:
        data, _ = reread(image, data, lang, dpi, spare)
    text, lines, confidence = _group_lines(data, 72.0 / dpi)
    return OcrResult(text, lines, confidence)


def ocr_image(image: Image.Image, lang: str, dpi: float, timeout: float) -> OcrResult:
    """OCR ``image`` (pixels at ``dpi``); line boxes come back in points (1/72 inch).

    Pages are read as they are first; only a low-confidence reading pays for orientation
    detection and, if the page turns out sideways or upside down, a second pass.
    Raises :class:`OcrError` when tesseract is missing, fails or exceeds ``timeout``.
    """
    _prepare_env()
    if image.mode not in ("L", "1"):
        image = ImageOps.grayscale(image.convert("RGB"))
    elif image.mode == "1":
        image = image.convert("L")
    deadline = Deadline(timeout)
    straight, skew = deskew(image)
    result = _recognise(straight, lang, dpi, deadline)
    result.skew = skew
    if result.confidence >= OSD_BELOW_CONFIDENCE:
        return result
    rotated = detect_rotation(image, deadline.cap(timeout))
    if not rotated:
        return result
    straight, skew = deskew(image.rotate(rotated, expand=True, fillcolor=255))
    turned = _recognise(straight, lang, dpi, deadline)
    turned.rotated, turned.skew = rotated, skew
    return turned if turned.confidence > result.confidence else result


def ocr_page(number: int, image: Image.Image, lang: str, dpi: float, timeout: float) -> Page:
    """OCR one page image into a :class:`Page` with method ``ocr``."""
    if min(image.size) < MIN_SIDE:
        # Tesseract fails on images a few pixels across; no letter fits in them anyway.
        w, h = image.size
        return Page(number, "", "ocr", 0.0, width=w * 72.0 / dpi, height=h * 72.0 / dpi)
    result = ocr_image(image, lang, dpi, timeout)
    # Size of the upright page, in points.
    w, h = image.size
    if result.rotated in (90, 270):
        w, h = h, w
    return Page(
        number=number,
        text=result.text,
        method="ocr",
        confidence=round(result.confidence, 4),
        width=w * 72.0 / dpi,
        height=h * 72.0 / dpi,
        lines=result.lines,
    )
