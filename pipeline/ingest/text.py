"""Text ingest: detect the encoding (BOM, UTF-8, UTF-16, cp1252, latin-1) and strip markup."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from pipeline.errors import LofteError
from pipeline.ingest.markup import html_to_text, markdown_to_text
from pipeline.records import Ingested, Page

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
# C0 controls other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# More control characters than this share means the bytes were never text.
MAX_CONTROL_SHARE = 0.01


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is NUL, as in BOM-less UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    odd, even = sample[1::2], sample[0::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _declared(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _byte_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Decode error handler: a byte that is not UTF-8 is read as Windows-1252 (or Latin-1)."""
    assert isinstance(exc, UnicodeDecodeError)
    bad = exc.object[exc.start : exc.start + 1]
    return bad.decode("cp1252", errors="ignore") or bad.decode("latin-1"), exc.start + 1


codecs.register_error("lofte-cp1252", _byte_as_cp1252)


def _mostly_utf8(data: bytes) -> bool:
    """Whether bytes that fail strict UTF-8 still hold more valid UTF-8 letters than bad bytes.

    Such files are pieces of UTF-8 and Windows-1252 pasted together: decoding all of it as
    Windows-1252 would turn every "ä" of the UTF-8 part into "Ã¤".
    """
    good = len(_UTF8_MULTIBYTE.findall(data))
    if not good:
        return False
    bad = len(data.decode("utf-8", errors="replace")) - len(data.decode("utf-8", errors="ignore"))
    return good >= bad


def decode_text(data: bytes, path: Path, html: bool = False) -> tuple[str, str]:
    """(text, encoding name) of ``data``; raises E010 when it is not text in any known encoding."""
    candidates: list[str] = []
    for bom, name in _BOMS:
        if data.startswith(bom):
            candidates.append(name)
            break
    else:
        utf16 = _utf16_without_bom(data)
        if utf16:
            candidates.append(utf16)
        candidates.append("utf-8")
        declared = _declared(data) if html else None
        if declared and declared not in ("utf-8", "utf-16", "ascii"):
            candidates.append(declared)
        if _mostly_utf8(data):
            candidates.append("utf-8+cp1252")
        # Swedish text that is not UTF-8 is nearly always Windows-1252 or ISO 8859-1.
        candidates += ["cp1252", "latin-1"]
    for enc in candidates:
        try:
            if enc == "utf-8+cp1252":
                text = data.decode("utf-8", errors="lofte-cp1252")
            else:
                text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * max(len(text), 1):
            continue
        return text, "utf-8" if enc == "utf-8-sig" else enc
    raise LofteError("E010", "binary data or an unknown encoding", path=path)


def _pages(text: str) -> list[Page]:
    # A form feed is a page break (pdftotext writes them), so keep it as one.
    return [Page(n, chunk, "text", 1.0) for n, chunk in enumerate(text.split("\f"), start=1)]


def ingest_text(path: Path, data: bytes, kind: str) -> Ingested:
    """Decode a text, markdown or HTML file into pages of raw text (one page per form feed)."""
    text, encoding = decode_text(data, path, html=kind == "html")
    bom = any(data.startswith(mark) for mark, _ in _BOMS)
    notes = [f"encoding {encoding}" + (" with byte-order mark" if bom else "")]
    # Line ends are not content; offsets downstream count one character per break.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if kind == "html":
        text = html_to_text(text)
        notes.append("HTML markup removed")
    elif kind == "markdown":
        text = markdown_to_text(text)
        notes.append("markdown markup removed")
    if not any(ch.isalpha() for ch in text):
        raise LofteError("E011", "the file contains no letters", path=path)
    return Ingested(pages=_pages(text), source_format=kind, encoding=encoding, notes=notes)
