"""Tesseract's Python wrapper, loaded once per process without pandas, fed uncompressed images."""

from __future__ import annotations

import sys
from types import ModuleType

from PIL import Image


def _load() -> ModuleType:
    """Import pytesseract while pandas, if not yet loaded, looks absent to it.

    pytesseract imports pandas whenever it is installed, only to offer data-frame output;
    that costs 0.4-0.7 s in every OCR worker, and this package only asks for dicts. The
    import machinery treats a ``None`` entry in ``sys.modules`` as "not installed".
    """
    hide = "pandas" not in sys.modules
    if hide:
        sys.modules["pandas"] = None  # type: ignore[assignment]
    try:
        import pytesseract
    finally:
        if hide:
            del sys.modules["pandas"]
    return pytesseract


pytesseract = _load()


def uncompressed(image: Image.Image) -> Image.Image:
    """``image`` marked to be handed to tesseract as PGM/PBM instead of PNG.

    pytesseract writes the image to a temporary file in its ``format``, PNG when unset;
    compressing a 300 dpi page to PNG takes 0.1-0.2 s, writing raw pixels a hundredth of it,
    and tesseract reads either the same way.
    """
    image.format = "PPM"
    return image
