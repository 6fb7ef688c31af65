"""Write the hostile inputs of tests/data/hostile/: damaged, odd and huge files, and good ones.

Usage: python scripts/make_hostile.py [FOLDER]   (default tests/data/hostile, not committed)

Each input has the codes `lofte ingest` may end it with (``None``: stored). The list is in
``hostile_inputs.tsv`` beside them; tests/run/test_hostile_batch.py ingests them in one batch.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / "tests" / "data" / "hostile"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

LETTER = (
    "Svar på interpellation om trygghet i centrum\n\n"
    "Kommunstyrelsen ska ta fram en handlingsplan för ökad trygghet under år 2025.\n"
    "Förvaltningen återkommer med en uppföljning i december.\n\n"
    "Västerås den 3 mars 2024\nAnna Åberg (S)\n"
)
Maker = Callable[[Path], None]
INPUTS: list[tuple[str, str, Maker]] = []  # (file name, accepted codes, maker)


def hostile(name: str, codes: str) -> Callable[[Maker], Maker]:
    """Register a maker of ``name``; ``codes`` is 'ok' or codes like 'E004' or 'ok|E008'."""

    def register(fn: Maker) -> Maker:
        INPUTS.append((name, codes, fn))
        return fn

    return register


def _bytes(data: bytes) -> Maker:
    return lambda path: path.write_bytes(data)


def _pdf(
    lines: list[str], pages: int = 1, size: tuple[float, float] = (595, 842), **kw: object
) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=size, **kw)  # type: ignore[arg-type]
    for _ in range(pages):
        y = size[1] - 72
        for line in lines:
            c.drawString(72, y, line)
            y -= 16
        c.showPage()
    c.save()
    return buf.getvalue()


def _png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def _text_image(text: str) -> Image.Image:
    im = Image.new("L", (2480, 1000), 255)
    font = ImageFont.truetype(str(FONT), 42) if FONT.exists() else ImageFont.load_default()
    ImageDraw.Draw(im).multiline_text((120, 120), text, fill=0, font=font, spacing=18)
    return im


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = struct.pack(">I", zlib.crc32(kind + body))
    return struct.pack(">I", len(body)) + kind + body + crc


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IEND", b"")


NOISE = bytes((i * 7919 + 13) % 256 for i in range(30_000))
LINES = LETTER.splitlines()

# --- good documents, some in odd shapes ------------------------------------------------
hostile("god_utf8.txt", "ok")(_bytes(LETTER.encode()))
hostile("god_cp1252.txt", "ok")(_bytes(LETTER.encode("cp1252")))
hostile("god_utf16.txt", "ok")(_bytes(LETTER.encode("utf-16")))
hostile("god_utf16_utan_bom.txt", "ok")(_bytes(LETTER.encode("utf-16-le")))
hostile("god_blandad_kodning.txt", "ok")(
    _bytes(LETTER.encode() + "Nämnden får i uppdrag att åtgärda bristerna.".encode("cp1252"))
)
hostile("god_crlf.txt", "ok")(_bytes(LETTER.replace("\n", "\r\n").encode()))
hostile("god.md", "ok")(_bytes(("# Motion\n\n**" + LETTER + "**\n").encode()))
hostile("god.html", "ok")(_bytes(f"<html><body><p>{LETTER}</p></body></html>".encode()))
hostile("god_ljuger_om_teckenkod.html", "ok")(
    _bytes(f'<html><head><meta charset="utf-8"></head><p>{LETTER}</p>'.encode("cp1252"))
)
hostile("god_digital.pdf", "ok")(_bytes(_pdf(LINES)))
hostile("god_skrapsvans.pdf", "ok")(_bytes(_pdf(LINES) + b"\n" + b"\0" * 20_000))
hostile("god_skannad.png", "ok")(_bytes(_png(_text_image(LETTER))))
hostile("rad\nbrytning.txt", "ok")(_bytes(LETTER.encode()))
hostile("-ledande-streck.txt", "ok")(_bytes(LETTER.encode()))
hostile("lika=med.txt", "ok")(_bytes(LETTER.encode()))
hostile("hö\u202egervänd.txt", "ok")(_bytes(LETTER.encode()))
hostile("mellan slag#och?frågor.txt", "ok")(_bytes(LETTER.encode()))
hostile("nästlad_html.html", "ok")(_bytes(("<div>" * 50_000 + LETTER + "</div>" * 50_000).encode()))
# Long text without a sentence end: linear extraction, but under load it may need its limit.
hostile("en_rad_200k.txt", "ok|E008")(_bytes(("åtgärd för trygghet, " * 10_000).encode()))

# --- refused: empty, damaged, mislabelled ---------------------------------------------
hostile("tom.txt", "E003")(_bytes(b""))
hostile("tom.pdf", "E003")(_bytes(b""))
hostile("avklippt.pdf", "E004")(lambda p: p.write_bytes(_pdf(LINES)[:700]))
hostile("brus.pdf", "E004")(_bytes(NOISE))
hostile("brus_med_huvud.pdf", "E004")(_bytes(b"%PDF-1.4\n" + NOISE + b"\n%%EOF\n"))
hostile("djup_nästling.pdf", "E004")(
    _bytes(b"%PDF-1.4\n1 0 obj\n" + b"[" * 200_000 + b"]" * 200_000 + b"\nendobj\n%%EOF\n")
)
hostile("krypterad.pdf", "E005")(
    _bytes(_pdf(LINES, encrypt=pdfencrypt.StandardEncryption("hemligt", strength=128)))
)
hostile("html_som.pdf", "E006")(_bytes(f"<html><p>{LETTER}</p></html>".encode()))
hostile("bild_som.txt", "E006")(_bytes(_png(Image.new("L", (20, 20), 255))))
hostile("text_som.png", "E006")(_bytes(LETTER.encode()))
hostile("rtf_som.txt", "E006")(_bytes(b"{\\rtf1\\ansi " + LETTER.encode() + b"}"))
hostile("bomb.png", "E007")(_bytes(_png_header(50_000, 50_000)))
hostile("nästan_bomb.png", "E007")(_bytes(_png_header(12_000, 11_000)))
hostile("för_lång_text.txt", "E007")(_bytes(("Nämnden ska. " * 420_000).encode()))
hostile("avklippt.png", "E014")(
    lambda p: p.write_bytes(_png(Image.effect_noise((800, 600), 60))[:9000])
)
hostile("avklippt.jpg", "E014")(
    lambda p: p.write_bytes(_jpeg(Image.effect_noise((800, 600), 60))[:5000])
)
hostile("skräp.tif", "E014")(_bytes(b"II*\x00" + NOISE[:4000]))
hostile("binär.txt", "E010")(_bytes(NOISE))
hostile("bara_siffror.txt", "E011")(_bytes(b"12 34 56\n--- 78\n"))
hostile("bara_blanksteg.md", "E011")(_bytes(b" \n\n\t \n"))
hostile("tomma_sidor.pdf", "E011")(_bytes(_pdf([], pages=3)))
hostile("vit.png", "E011")(_bytes(_png(Image.new("L", (1200, 800), 255))))
hostile("en_pixel.png", "E011")(_bytes(_png(Image.new("L", (1, 1), 0))))
hostile("bara_skript.html", "E011")(
    _bytes(b"<html><script>var a = 1;</script><style>p{}</style></html>")
)
hostile("bild.gif", "E002")(_bytes(b"GIF89a" + NOISE[:200]))
hostile("protokoll.docx", "E002")(_bytes(b"PK\x03\x04" + NOISE[:500]))
hostile("utan_filändelse", "E002")(_bytes(NOISE[:2000]))


def _jpeg(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.convert("L").save(buf, "JPEG")
    return buf.getvalue()


def _specials(folder: Path) -> list[tuple[str, str]]:
    """Files that are not plain bytes: a pipe, a device, broken and looping links."""
    made = []
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "rör.txt")
        made.append(("rör.txt", "E001"))
    (folder / "noll.txt").symlink_to("/dev/zero")
    (folder / "trasig_länk.txt").symlink_to(folder / "finns_inte.txt")
    (folder / "slinga.txt").symlink_to("slinga.txt")
    (folder / "mapp_slinga").symlink_to(".")
    made += [("noll.txt", "E001"), ("trasig_länk.txt", "E001"), ("slinga.txt", "E001")]
    made.append(("mapp_slinga", "E001"))
    return made


def make(folder: Path = DEFAULT) -> dict[str, set[str | None]]:
    """Write every hostile input into a fresh ``folder``; file name -> accepted codes."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    expected: list[tuple[str, str]] = []
    for name, codes, maker in INPUTS:
        maker(folder / name)
        expected.append((name, codes))
    expected += _specials(folder)
    rows = [f"{name!r}\t{codes}" for name, codes in expected]
    (folder / "hostile_inputs.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return {name: {None if c == "ok" else c for c in codes.split("|")} for name, codes in expected}


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    made = make(target)
    print(f"{len(made)} hostile inputs in {target}")
