"""Small-angle deskew of scanned pages by projection profiles, before Tesseract sees them.

Tesseract's automatic layout (--psm 3) drops whole paragraphs of a page scanned 1-2
degrees askew (measured with scripts/eval_ocr.py), so pages are straightened first.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

# Scanner skew beyond this is rare; larger angles are more likely layout (tables, stamps).
MAX_ANGLE = 5.0
# Below this the page is straight enough; rotating would only blur it.
MIN_ANGLE = 0.2
# Ink pixels used for the estimate: plenty for a stable profile, cheap to rotate.
SAMPLE = 60_000


def _score(xs: np.ndarray, ys: np.ndarray, angle: float) -> float:
    """Sharpness of the row profile when the ink is turned by ``angle`` degrees (PIL sense)."""
    rad = np.deg2rad(angle)
    # PIL's rotate(angle) turns counter-clockwise on screen (y grows downwards).
    rows = np.round(ys * np.cos(rad) - xs * np.sin(rad)).astype(np.int64)
    counts = np.bincount(rows - rows.min())
    return float(np.dot(counts, counts))


def estimate_skew(image: Image.Image) -> float:
    """Degrees to pass to ``Image.rotate`` to make the text lines horizontal (0.0 if unsure)."""
    gray = image.convert("L")
    factor = max(1, min(gray.size) // 1000)
    small = np.asarray(gray.reduce(factor) if factor > 1 else gray)
    ys, xs = np.nonzero(small < 128)
    if len(xs) < 500:
        return 0.0
    if len(xs) > SAMPLE:
        pick = np.random.default_rng(0).choice(len(xs), SAMPLE, replace=False)
        xs, ys = xs[pick], ys[pick]
    xs = xs.astype(np.float64)
    ys = ys.astype(np.float64)
    coarse = np.arange(-MAX_ANGLE, MAX_ANGLE + 1e-9, 0.25)
    best = max(coarse, key=lambda a: _score(xs, ys, float(a)))
    fine = np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05)
    angle = float(max(fine, key=lambda a: _score(xs, ys, float(a))))
    if abs(angle) < MIN_ANGLE or abs(angle) >= MAX_ANGLE:
        return 0.0
    # A flat profile means no lines to align (a photo, a blank page): leave it.
    if _score(xs, ys, angle) < 1.05 * _score(xs, ys, 0.0):
        return 0.0
    return round(angle, 2)


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    """The image straightened (white fill) and the angle applied."""
    angle = estimate_skew(image)
    if not angle:
        return image, 0.0
    fill = 255 if image.mode in ("L", "1") else (255, 255, 255)
    rotated = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)
    return rotated, angle
