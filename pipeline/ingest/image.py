"""Image ingest: PNG, JPEG and (multi-page) TIFF, each frame one OCRed page, bombs refused."""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from pipeline.errors import LofteError
from pipeline.ingest.timelimit import Deadline
from pipeline.records import Ingested, Options, Page

# Pillow warns about damaged metadata (EXIF) it reads past; our one coded line per file says
# what matters. `lofte --verbose` (LOFTE_VERBOSE=1) shows them.
if not os.environ.get("LOFTE_VERBOSE"):
    warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL\.")

# Scanner metadata outside this range is a placeholder (72 dpi screenshots, 1 dpi junk).
PLAUSIBLE_DPI = (100.0, 1200.0)


def _too_large(path: Path, size: tuple[int, int], opts: Options, frame: int) -> LofteError:
    w, h = size
    where = f"frame {frame + 1}: " if frame else ""
    detail = f"{where}{w:,}x{h:,} = {w * h:,} pixels; the limit is {opts.max_pixels:,}"
    return LofteError("E007", detail, path=path)


def _bomb(path: Path, exc: Exception, opts: Options) -> LofteError:
    """E007 in our words for Pillow's bomb refusal (its limit is twice ours for errors)."""
    found = re.search(r"\((\d+) pixels\)", str(exc))
    pixels = f"{int(found.group(1)):,} pixels" if found else "too many pixels"
    return LofteError("E007", f"{pixels}; the limit is {opts.max_pixels:,}", path=path)


def _frame_dpi(im: Image.Image, default: float) -> float:
    dpi: Any = im.info.get("dpi")
    try:
        value = float(dpi[0] if isinstance(dpi, tuple) else dpi)
    except (TypeError, ValueError, IndexError):
        return default
    return value if PLAUSIBLE_DPI[0] <= value <= PLAUSIBLE_DPI[1] else default


def _to_gray(frame: Image.Image) -> Image.Image:
    """An 8-bit grayscale copy; transparency becomes white paper, not black."""
    if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P" and "transparency" in frame.info):
        rgba = frame.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        frame = Image.alpha_composite(paper, rgba)
    if frame.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        # Deep grayscale: stretch to 8 bits instead of letting convert() clip at 255.
        extrema: Any = frame.getextrema()
        lo, hi = float(extrema[0]), float(extrema[1])
        span = (hi - lo) or 1.0
        return frame.point(lambda v: (v - lo) * 255.0 / span).convert("L")
    if frame.mode not in ("L", "1"):
        frame = frame.convert("RGB")
    return ImageOps.grayscale(frame) if frame.mode == "RGB" else frame


def _open(path: Path, opts: Options) -> Image.Image:
    """Open the image reading only its header, refusing decompression bombs."""
    Image.MAX_IMAGE_PIXELS = opts.max_pixels
    with warnings.catch_warnings():
        # Pillow only warns between the limit and twice the limit; that is still too large.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im = Image.open(path)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _bomb(path, exc, opts) from exc
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
            raise LofteError("E014", str(exc), path=path) from exc
    if im.size[0] * im.size[1] > opts.max_pixels:
        im.close()
        raise _too_large(path, im.size, opts, 0)
    return im


def frame_count(path: Path, opts: Options) -> int:
    """How many pages (frames) the image at ``path`` holds; LofteError if it cannot be read."""
    with _open(path, opts) as im:
        return int(getattr(im, "n_frames", 1))


def read_frames(
    path: Path, opts: Options, deadline: Deadline, numbers: Sequence[int] | None = None
) -> tuple[list[Page], list[str]]:
    """OCR frames ``numbers`` (1-based, all when None) into pages, with notes about them."""
    # Imported here so that reading text files never loads tesseract's wrapper and pandas.
    from pipeline.ingest.ocr import OcrError, ocr_page

    pages: list[Page] = []
    notes: list[str] = []
    with _open(path, opts) as im:
        frames = int(getattr(im, "n_frames", 1))
        for number in range(1, frames + 1) if numbers is None else numbers:
            n = number - 1
            deadline.check()
            try:
                if not 0 <= n < frames:
                    raise EOFError(f"no frame {number} in {frames}")
                im.seek(n)
                if im.size[0] * im.size[1] > opts.max_pixels:
                    raise _too_large(path, im.size, opts, n)
                dpi = _frame_dpi(im, float(opts.dpi))
                # Phone photos are stored sideways with an EXIF note saying so.
                frame = _to_gray(ImageOps.exif_transpose(im) if n == 0 else im)
            except (OSError, ValueError, SyntaxError, EOFError) as exc:
                raise LofteError("E014", f"frame {n + 1}: {exc}", path=path) from exc
            except MemoryError as exc:
                raise LofteError(
                    "E007", f"frame {n + 1} does not fit in memory", path=path
                ) from exc
            try:
                page = ocr_page(n + 1, frame, opts.ocr_lang, dpi, deadline.cap(opts.ocr_timeout))
            except OcrError as exc:
                code = "E008" if exc.timed_out else "E009"
                raise LofteError(code, f"page {n + 1}: {exc}", path=path) from exc
            pages.append(page)
            if dpi != float(opts.dpi):
                notes.append(f"page {n + 1}: image says {dpi:g} dpi")
    return pages, notes


def finish_image(path: Path, fmt: str, pages: list[Page], notes: list[str]) -> Ingested:
    """The image's Ingested record from all its pages, or E011 when OCR found no letters."""
    if not any(ch.isalpha() for p in pages for ch in p.text):
        raise LofteError("E011", "OCR found no letters", path=path)
    notes = [f"{fmt} image, {len(pages)} page(s) OCRed", *notes]
    return Ingested(pages=pages, source_format=fmt, encoding=None, notes=notes)


def ingest_image(path: Path, opts: Options, deadline: Deadline, fmt: str) -> Ingested:
    """OCR every frame of the image at ``path`` (one page per TIFF frame)."""
    pages, notes = read_frames(path, opts, deadline)
    return finish_image(path, fmt, pages, notes)
