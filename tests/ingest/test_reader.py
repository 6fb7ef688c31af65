"""Ingest of real files: born-digital PDFs, encodings, markup, and every bad-input error code."""

from __future__ import annotations

import io
import struct
import threading
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib import pdfencrypt
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.errors import LofteError
from pipeline.ingest.reader import ingest_file, sniff
from pipeline.records import Ingested, Options

REPO = Path(__file__).resolve().parents[2]
DIGITAL = REPO / "corpus" / "pdf" / "skrivelse_2008_arbetsgrupp_digital.pdf"
OPTS = Options()


def simple_pdf(lines: list[str], pages: int = 1, footer: bool = True, **kwargs: object) -> bytes:
    """A born-digital PDF in Helvetica (WinAnsi covers å, ä and ö)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, **kwargs)  # type: ignore[arg-type]
    for n in range(pages):
        c.setFont("Helvetica", 12)
        for i, line in enumerate(lines):
            c.drawString(72, 770 - 18 * i, line)
        if footer:
            c.drawString(72, 40, f"Sida {n + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def write(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def code_of(path: Path, opts: Options = OPTS) -> str:
    with pytest.raises(LofteError) as info:
        ingest_file(path, opts)
    return info.value.code


LETTER = [
    "Kommunstyrelsen föreslår att fullmäktige beslutar",
    "att anta planen för skolans lokaler.",
]


# --- born-digital PDF -------------------------------------------------------------------


def test_born_digital_pdf_uses_the_text_layer_on_every_page() -> None:
    result = ingest_file(DIGITAL, OPTS)
    assert len(result.pages) >= 2
    assert {p.method for p in result.pages} == {"pdf-text"}
    assert not any("OCR" in note for note in result.notes)
    text = " ".join(result.raw_text.split())
    assert (
        "Skrivelse angående gemensam arbetsgrupp för samverkan mellan skola och socialtjänst"
        in text
    )
    assert "Till socialtjänstnämnden" in text
    assert result.raw_text.count("\f") == len(result.pages) - 1


def test_born_digital_lines_carry_positions_inside_the_page() -> None:
    page = ingest_file(DIGITAL, OPTS).pages[0]
    assert page.width == pytest.approx(595.3, abs=1) and page.height == pytest.approx(841.9, abs=1)
    assert page.lines[0].text == "2008-02-14"
    tops = [ln.top for ln in page.lines]
    assert tops == sorted(tops)
    assert all(0 <= ln.x0 < ln.x1 <= page.width and ln.bottom <= page.height for ln in page.lines)
    assert page.text == "\n".join(ln.text for ln in page.lines)
    assert page.confidence > 0.9


def test_repeated_footer_lines_are_recorded_per_page(tmp_path: Path) -> None:
    result = ingest_file(write(tmp_path, "a.pdf", simple_pdf(LETTER, pages=3)), OPTS)
    footers = [p.lines[-1] for p in result.pages]
    assert [f.text for f in footers] == ["Sida 1", "Sida 2", "Sida 3"]
    assert len({round(f.top) for f in footers}) == 1


def test_owner_password_only_pdf_opens_without_a_password(tmp_path: Path) -> None:
    enc = pdfencrypt.StandardEncryption("", ownerPassword="ägare", canModify=0, strength=128)
    result = ingest_file(write(tmp_path, "o.pdf", simple_pdf(LETTER, encrypt=enc)), OPTS)
    assert "föreslår" in result.raw_text


# --- text, markdown, HTML ---------------------------------------------------------------

SWEDISH = "Nämnden ska återkomma med förslag om öppna förskolor.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SWEDISH.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SWEDISH.encode("utf-8"), "utf-8"),
        (SWEDISH.encode("utf-16"), "utf-16"),
        (SWEDISH.encode("utf-16-le"), "utf-16-le"),
        ("Nämnden ska – enligt ”planen” – återkomma.".encode("cp1252"), "cp1252"),
        (SWEDISH.encode("latin-1") + b"\x81", "latin-1"),
    ],
)
def test_encodings_are_detected_and_reported(tmp_path: Path, data: bytes, encoding: str) -> None:
    result = ingest_file(write(tmp_path, "t.txt", data), OPTS)
    assert result.encoding == encoding
    assert any(encoding in note for note in result.notes)
    assert "Nämnden" in result.raw_text and "återkomma" in result.raw_text
    assert "\ufeff" not in result.raw_text
    assert {p.method for p in result.pages} == {"text"}


def test_form_feeds_in_text_are_page_breaks_and_crlf_becomes_lf(tmp_path: Path) -> None:
    result = ingest_file(write(tmp_path, "t.txt", "Sida ett\r\nrad två\fSida tre"), OPTS)
    assert [p.text for p in result.pages] == ["Sida ett\nrad två", "Sida tre"]


def test_plain_text_keeps_stray_tags_raw(tmp_path: Path) -> None:
    result = ingest_file(write(tmp_path, "t.txt", "Beslut<br>att <b>bifalla</b> motionen"), OPTS)
    assert result.raw_text == "Beslut<br>att <b>bifalla</b> motionen"
    assert result.source_format == "text"


HTML = """<!DOCTYPE html><html><head><title>Sidtitel</title>
<style>p { color: red }</style><script>var hidden = "skript text";</script></head>
<body><h1>Protokoll &amp; beslut</h1>
<p>Kommunfullm&auml;ktige   beslutar
att:</p>
<ul>
  <li>bygga en <b>ny</b> skola</li>
  <li>riva&nbsp;gamla huset</li>
</ul>
<h2>Bakgrund</h2><p>Text<br>ny rad</p></body></html>"""


def test_html_is_stripped_to_lines(tmp_path: Path) -> None:
    result = ingest_file(write(tmp_path, "p.html", HTML, "cp1252"), OPTS)
    lines = result.raw_text.split("\n")
    assert "Protokoll & beslut" in lines
    assert "Kommunfullmäktige beslutar att:" in lines
    assert "- bygga en ny skola" in lines and "- riva gamla huset" in lines
    assert "Bakgrund" in lines and "ny rad" in lines
    assert "skript" not in result.raw_text and "color" not in result.raw_text
    assert "<" not in result.raw_text
    assert result.source_format == "html"


def test_html_meta_charset_is_used_when_not_utf8(tmp_path: Path) -> None:
    doc = '<html><head><meta charset="iso-8859-1"></head><body><p>Gr\xf6na \xe5tg\xe4rder</p></body></html>'
    result = ingest_file(write(tmp_path, "p.htm", doc, "latin-1"), OPTS)
    assert result.raw_text == "Gröna åtgärder"


MARKDOWN = """# Motion om **lekplatser**

Vi föreslår att [nämnden](https://example.org) får i uppdrag att:

* rusta upp lekplatsen i _Tallunden_
* bygga en ny lekplats

## Yrkande
1. att bifalla motionen
"""


def test_markdown_is_stripped_to_lines(tmp_path: Path) -> None:
    result = ingest_file(write(tmp_path, "m.md", MARKDOWN), OPTS)
    lines = result.raw_text.split("\n")
    assert lines[0] == "Motion om lekplatser"
    assert "Vi föreslår att nämnden får i uppdrag att:" in lines
    assert "- rusta upp lekplatsen i Tallunden" in lines and "- bygga en ny lekplats" in lines
    assert "Yrkande" in lines and "1. att bifalla motionen" in lines
    assert "#" not in result.raw_text and "*" not in result.raw_text


# --- bad input --------------------------------------------------------------------------


def test_missing_file_and_directory_are_unreadable(tmp_path: Path) -> None:
    assert code_of(tmp_path / "nope.pdf") == "E001"
    (tmp_path / "dir.pdf").mkdir()
    assert code_of(tmp_path / "dir.pdf") == "E001"


def test_zero_byte_file_is_empty(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, "empty.pdf", b"")) == "E003"
    assert code_of(write(tmp_path, "empty.txt", b"")) == "E003"


def test_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    data = DIGITAL.read_bytes()
    assert code_of(write(tmp_path, "cut.pdf", data[: len(data) // 2])) == "E004"


def test_random_bytes_named_pdf_are_corrupt(tmp_path: Path) -> None:
    noise = bytes((i * 7919 + 13) % 256 for i in range(20_000))
    assert code_of(write(tmp_path, "noise.pdf", noise)) == "E004"
    damaged = b"%PDF-1.4\n" + noise + b"\n%%EOF\n"
    assert code_of(write(tmp_path, "damaged.pdf", damaged)) == "E004"


def test_html_saved_as_pdf_does_not_match_its_extension(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, "page.pdf", HTML)) == "E006"


def test_image_saved_as_text_does_not_match_its_extension(tmp_path: Path) -> None:
    buf = io.BytesIO()
    Image.new("L", (10, 10), 255).save(buf, "PNG")
    assert code_of(write(tmp_path, "notes.txt", buf.getvalue())) == "E006"
    assert code_of(write(tmp_path, "scan.png", "just text")) == "E006"


def test_encrypted_pdf_needs_the_right_password(tmp_path: Path) -> None:
    enc = pdfencrypt.StandardEncryption("hemligt", ownerPassword="ägare", strength=128)
    path = write(tmp_path, "secret.pdf", simple_pdf(LETTER, encrypt=enc))
    assert code_of(path) == "E005"
    assert code_of(path, Options(password="fel")) == "E005"
    result = ingest_file(path, Options(password="hemligt"))
    assert "Kommunstyrelsen föreslår" in result.raw_text
    assert result.pages[0].method == "pdf-text"


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` pixels, with no pixel data behind it."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def test_decompression_bomb_is_refused_from_the_header(tmp_path: Path) -> None:
    path = write(tmp_path, "bomb.png", png_header_only(50_000, 50_000))
    tracemalloc.start()
    try:
        assert code_of(path) == "E007"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000  # 2.5 gigapixels were never allocated


def test_image_just_over_the_pixel_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    Image.new("L", (1200, 1000), 255).save(path)
    assert code_of(path, Options(max_pixels=1_000_000)) == "E007"


def test_unsupported_extension(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, "minutes.docx", b"PK\x03\x04" + b"\0" * 100)) == "E002"
    assert code_of(write(tmp_path, "minutes.odt", "text")) == "E002"


def test_binary_garbage_in_a_text_file_is_undecodable(tmp_path: Path) -> None:
    garbage = bytes((i * 31 + 7) % 256 for i in range(5000))
    assert code_of(write(tmp_path, "g.txt", garbage)) == "E010"


def test_text_without_letters_is_not_usable(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, "n.txt", "12 34 56\n---\n")) == "E011"
    assert code_of(write(tmp_path, "ws.md", "  \n\n ")) == "E011"


def test_pdf_of_blank_pages_has_no_usable_text(tmp_path: Path) -> None:
    assert code_of(write(tmp_path, "blank.pdf", simple_pdf([], pages=2, footer=False))) == "E011"


def test_slow_pdf_times_out(tmp_path: Path) -> None:
    path = write(tmp_path, "long.pdf", simple_pdf(LETTER * 20, pages=150))
    start = time.monotonic()
    with pytest.raises(LofteError) as info:
        ingest_file(path, Options(doc_timeout=0.05))
    assert info.value.code == "E008"
    assert time.monotonic() - start < 2.0


def test_timeout_outside_the_main_thread_is_checked_between_pages(tmp_path: Path) -> None:
    path = write(tmp_path, "long.pdf", simple_pdf(LETTER * 20, pages=150))
    outcome: list[BaseException | Ingested] = []

    def run() -> None:
        try:
            outcome.append(ingest_file(path, Options(doc_timeout=0.05)))
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(30)
    assert isinstance(outcome[0], LofteError) and outcome[0].code == "E008"


def test_sniff_recognises_formats_by_content() -> None:
    assert sniff(b"%PDF-1.7\n") == "pdf"
    assert sniff(b"\x89PNG\r\n\x1a\n....") == "png"
    assert sniff(b"II*\x00....") == "tiff"
    assert sniff(b"  <!DOCTYPE html><html>") == "html"
    assert sniff("Hej på dig".encode()) == "text"
    assert sniff(bytes(range(256))) == "binary"
