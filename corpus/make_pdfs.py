"""Build the corpus PDFs (one born-digital, one image-only scan) from seed texts, deterministically.

Run from the repository root with the project's Python: ``python corpus/make_pdfs.py``.
Seed texts are read from ``corpus/seeds/`` when present, else from ``../shared/gold/seeds``
(the shared, read-only material beside the repository). The helpers here are also used by
``scripts/eval_ocr.py`` to render evaluation scans.
"""

from __future__ import annotations

import io
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from pipeline.eval.devpaths import GOLD_SEEDS  # noqa: E402

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FIXED_DATE = time.gmtime(1_704_067_200)  # 2024-01-01, so rebuilds are byte-identical
SCAN_DPI = 300


def seed_dir() -> Path:
    """Where the seed texts are: the repo copy if present, else the shared gold seeds."""
    local = REPO / "corpus" / "seeds"
    if local.is_dir() and any(local.glob("*.txt")):
        return local
    return GOLD_SEEDS


def paper_lines(text: str) -> list[str]:
    """The seed's non-empty lines as they would be printed: markdown residue removed."""
    out: list[str] = []
    for line in text.splitlines():
        line = re.sub(r"^\s*#+\s*", "", line).replace("**", "").strip()
        if line:
            out.append(line)
    return out


def _font() -> tuple[str, str]:
    """Regular and bold font names; DejaVu (full Unicode) when installed, else Helvetica."""
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
        return "DejaVuSans", "DejaVuSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def text_to_pdf(lines: Sequence[str], title: str = "", font_size: float = 11.0) -> bytes:
    """A born-digital A4 PDF: one paragraph per line, wrapped, as many pages as needed."""
    regular, bold = _font()
    body = ParagraphStyle("body", fontName=regular, fontSize=font_size, leading=font_size * 1.35)
    item = ParagraphStyle("item", parent=body, leftIndent=14, firstLineIndent=-14)
    head = ParagraphStyle("head", parent=body, fontName=bold, fontSize=font_size + 1)
    story: list[object] = []
    for n, line in enumerate(lines):
        # A short line without final punctuation followed by text reads as a heading.
        is_head = len(line) < 90 and not line.endswith((".", ":", "?", ",")) and n + 1 < len(lines)
        style = item if line.startswith("- ") else head if is_head else body
        story.append(Paragraph(escape(line), style))
        story.append(Spacer(1, font_size * 0.6))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=2.5 * cm,
        bottomMargin=2.5 * cm,
        title=title,
        invariant=1,
    )
    doc.build(story)
    return buf.getvalue()


def pdf_to_images(pdf: bytes, dpi: int = SCAN_DPI) -> list[Image.Image]:
    """Render every page of ``pdf`` to a grayscale image at ``dpi``."""
    doc = pdfium.PdfDocument(pdf)
    try:
        return [
            doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            for i in range(len(doc))
        ]
    finally:
        doc.close()


def binarise(image: Image.Image, threshold: int = 150) -> Image.Image:
    """A 1-bit copy, as an office scanner in black-and-white mode would produce."""
    return image.convert("L").point(lambda v: 255 if v > threshold else 0, mode="1")


def images_to_pdf(images: Sequence[Image.Image], path: Path, dpi: int = SCAN_DPI) -> None:
    """Wrap page images as an image-only PDF (no text layer) with fixed metadata."""
    path.parent.mkdir(parents=True, exist_ok=True)
    first, rest = images[0], list(images[1:])
    first.save(
        path,
        "PDF",
        resolution=float(dpi),
        save_all=True,
        append_images=rest,
        creationDate=FIXED_DATE,
        modDate=FIXED_DATE,
        producer="lofte corpus/make_pdfs.py",
    )


def main() -> int:
    """Write the corpus PDFs and print their sizes."""
    seeds = seed_dir()
    if not seeds.is_dir():
        print(f"no seed texts in {seeds}", file=sys.stderr)
        return 1
    digital_src = (seeds / "skrivelse_2008_arbetsgrupp.txt").read_text(encoding="utf-8")
    digital = REPO / "corpus" / "pdf" / "skrivelse_2008_arbetsgrupp_digital.pdf"
    digital.parent.mkdir(parents=True, exist_ok=True)
    digital.write_bytes(text_to_pdf(paper_lines(digital_src), title="Skrivelse"))

    scan_src = (seeds / "interpellation_jonsson_skarholmen.txt").read_text(encoding="utf-8")
    scan = REPO / "corpus" / "scans" / "interpellation_jonsson_skarholmen_scan.pdf"
    pages = pdf_to_images(text_to_pdf(paper_lines(scan_src), title="Interpellation"))
    images_to_pdf([binarise(p) for p in pages], scan)

    for path in (digital, scan):
        print(f"{path.relative_to(REPO)}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
