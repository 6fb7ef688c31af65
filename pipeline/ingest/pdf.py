"""PDF ingest: the pdfplumber text layer per page, OCR only where that layer is missing or garbage."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.page import Page as PlumberPage
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.errors import LofteError
from pipeline.ingest.pdf_text import MIN_REAL_WORDS, fix_split_accents, is_garbage, text_quality
from pipeline.ingest.timelimit import Deadline, TimeLimitExceeded
from pipeline.records import Ingested, LineBox, Options, Page

# pdfminer logs a warning for each damaged object it works around; they fell between our
# one coded line per file and said less. `lofte --verbose` (LOFTE_VERBOSE=1) shows them.
if not os.environ.get("LOFTE_VERBOSE"):
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

# Characters closer than this (points) join into one word; 3 keeps "för" whole even where
# producers place å/ä/ö as a separately positioned glyph, without merging real word gaps.
X_TOLERANCE = 3.0
# Glyphs within this vertical distance share a line; accents raised a little still belong.
Y_TOLERANCE = 3.0
# A scanned page is mostly one image; below this coverage a few words are a real text page.
SCAN_COVERAGE = 0.3
# Vector-drawn text (fonts converted to outlines) shows up as many curves and no chars.
OUTLINE_CURVES = 50
# Where the end-of-file marker must be; later bytes are junk appended by some servers.
EOF_WINDOW = 8192
# How much trailing padding (NULs, blanks) is looked past to find it.
PADDING_WINDOW = 1 << 20


def _cause(exc: BaseException) -> BaseException:
    """The pdfminer exception pdfplumber wrapped, or ``exc`` itself."""
    if not isinstance(exc, PdfminerException):
        return exc
    if exc.args and isinstance(exc.args[0], BaseException):
        return exc.args[0]
    return exc.__context__ or exc


def _open_error(exc: Exception, path: Path, opts: Options) -> LofteError:
    cause = _cause(exc)
    if isinstance(cause, PDFPasswordIncorrect):
        detail = "wrong password" if opts.password else "a password is required"
        return LofteError("E005", detail, path=path)
    if isinstance(cause, PDFEncryptionError):
        return LofteError("E005", f"unsupported encryption: {cause}", path=path)
    return LofteError("E004", f"{type(cause).__name__}: {cause}".strip(": "), path=path)


def _image_coverage(page: PlumberPage) -> float:
    area = float(page.width * page.height) or 1.0
    covered = 0.0
    for im in page.images:
        w = min(float(im["x1"]), float(page.width)) - max(float(im["x0"]), 0.0)
        h = min(float(im["bottom"]), float(page.height)) - max(float(im["top"]), 0.0)
        covered += max(w, 0.0) * max(h, 0.0)
    return min(covered / area, 1.0)


def _text_layer(page: PlumberPage) -> list[LineBox]:
    rows: list[dict[str, Any]] = page.extract_text_lines(
        x_tolerance=X_TOLERANCE, y_tolerance=Y_TOLERANCE, strip=True, return_chars=False
    )
    boxes = []
    for row in rows:
        text = fix_split_accents(str(row["text"]))
        if text.strip():
            boxes.append(
                LineBox(
                    text,
                    float(row["x0"]),
                    float(row["top"]),
                    float(row["x1"]),
                    float(row["bottom"]),
                )
            )
    return boxes


def ocr_reason(page: PlumberPage, text: str) -> str | None:
    """Why this page must be OCRed, or None when its text layer is to be used."""
    _, real, _ = text_quality(text)
    if not text.strip():
        if page.images or len(page.curves) >= OUTLINE_CURVES:
            return "no text layer"
        return None  # a blank page: nothing to read either way
    if is_garbage(text):
        return "garbage text layer"
    if real < MIN_REAL_WORDS and _image_coverage(page) >= SCAN_COVERAGE:
        return "image page with almost no text layer"
    return None


def _render(page: PlumberPage, opts: Options, path: Path) -> tuple[Any, float]:
    """Render at ``opts.dpi``, lowered so the bitmap stays within ``opts.max_pixels``."""
    dpi = float(opts.dpi)
    pixels = float(page.width * page.height) * (dpi / 72.0) ** 2
    if pixels > opts.max_pixels:
        dpi = dpi * (opts.max_pixels / pixels) ** 0.5
        if dpi < 72:
            raise LofteError("E007", f"page {page.page_number} is too large to render", path=path)
    try:
        return page.to_image(resolution=dpi).original, dpi
    except Exception as exc:  # pdfium reports damaged pages with assorted errors
        raise LofteError(
            "E009", f"page {page.page_number} could not be rendered: {exc}", path=path
        ) from exc


def _ocr(page: PlumberPage, opts: Options, deadline: Deadline, path: Path) -> tuple[Page, float]:
    # Tesseract's wrapper pulls in pandas (0.7 s); a born-digital PDF never needs it.
    from pipeline.ingest.ocr import OcrError, ocr_page

    image, dpi = _render(page, opts, path)
    try:
        result = ocr_page(
            page.page_number, image, opts.ocr_lang, dpi, deadline.cap(opts.ocr_timeout)
        )
    except OcrError as exc:
        code = "E008" if exc.timed_out else "E009"
        raise LofteError(code, f"page {page.page_number}: {exc}", path=path) from exc
    # Report the PDF's own page box, which the OCR line boxes are scaled to.
    if result.width and abs(result.width - float(page.width)) < 2:
        result.width, result.height = float(page.width), float(page.height)
    return result, dpi


def _one_page(
    page: PlumberPage, opts: Options, deadline: Deadline, path: Path, notes: list[str]
) -> Page:
    lines = _text_layer(page)
    text = "\n".join(line.text for line in lines)
    reason = ocr_reason(page, text)
    if reason is None:
        quality, _, _ = text_quality(text)
        return Page(
            page.page_number,
            text,
            "pdf-text",
            round(quality, 4),
            float(page.width),
            float(page.height),
            lines,
        )
    result, dpi = _ocr(page, opts, deadline, path)
    notes.append(f"page {page.page_number}: {reason}, OCR at {dpi:.0f} dpi")
    return result


def check_eof(path: Path) -> None:
    """Raise E004 when the file lacks an end-of-file marker (a truncated download)."""
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - PADDING_WINDOW))
        # Some servers pad a download with NULs or blanks; padding is not truncation.
        tail = fh.read().rstrip(b"\0\t\n\r\f \x1a")[-EOF_WINDOW:]
    if b"%%EOF" not in tail:
        raise LofteError("E004", "truncated: no end-of-file marker", path=path)


def read_pages(
    path: Path, opts: Options, deadline: Deadline, numbers: Sequence[int] | None = None
) -> tuple[list[Page], list[str]]:
    """Pages ``numbers`` (1-based, all when None) of the PDF and the notes made reading them.

    Checks ``deadline`` between pages. A page-range caller (the page fan-out) gets exactly
    the pages a whole-file read would give for those numbers.
    """
    notes: list[str] = []
    pages: list[Page] = []
    try:
        with pdfplumber.open(path, password=opts.password or "") as pdf:
            wanted = range(1, len(pdf.pages) + 1) if numbers is None else numbers
            if pdf.doc.encryption is not None and (numbers is None or 1 in numbers):
                notes.append(
                    "encrypted PDF opened" + (" with the given password" if opts.password else "")
                )
            for n in wanted:
                deadline.check()
                if not 1 <= n <= len(pdf.pages):
                    raise LofteError("E004", f"no page {n} in {len(pdf.pages)}", path=path)
                page = pdf.pages[n - 1]
                pages.append(_one_page(page, opts, deadline, path, notes))
                page.close()  # drop the page's parsed objects; long PDFs would pile them up
    except (LofteError, TimeLimitExceeded):
        raise
    except MemoryError as exc:
        raise LofteError("E007", "out of memory while parsing", path=path) from exc
    except RecursionError as exc:
        raise LofteError("E004", "nesting too deep", path=path) from exc
    except Exception as exc:  # pdfminer raises many unrelated types for damaged files
        raise _open_error(exc, path, opts) from exc
    return pages, notes


def finish_pdf(path: Path, pages: list[Page], notes: list[str]) -> Ingested:
    """The PDF's Ingested record from all its pages, or E011 when nothing is readable."""
    if not pages:
        raise LofteError("E011", "the PDF has no pages", path=path)
    if not any(ch.isalpha() for p in pages for ch in p.text):
        raise LofteError("E011", f"no letters on any of {len(pages)} page(s)", path=path)
    return Ingested(pages=pages, source_format="pdf", encoding=None, notes=notes)


def ingest_pdf(path: Path, opts: Options, deadline: Deadline) -> Ingested:
    """Read every page of the PDF at ``path``; checks ``deadline`` between pages."""
    check_eof(path)
    pages, notes = read_pages(path, opts, deadline)
    return finish_pdf(path, pages, notes)
