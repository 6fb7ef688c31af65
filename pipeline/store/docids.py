"""Document ids that are safe in a URL, a shell, a CSV cell and a Neo4j import file."""

from __future__ import annotations

import re
import unicodedata

# Letters (Swedish ones included), digits, '_', '.', '-': everything else becomes '_'.
_UNSAFE = re.compile(r"[^\w.\-]+")
MAX_LENGTH = 120
FALLBACK = "dokument"


def safe_doc_id(stem: str) -> str:
    """``stem`` as a document id: same letters, no spaces, controls, bidi marks or specials.

    A file name may hold a newline, '#', '?', '=' or U+202E; as an id that breaks links
    on the web page, lines of the CSV export and options of the CLI (a leading '-').
    """
    text = unicodedata.normalize("NFC", stem)
    # Controls (newline, tab) part words like a space; format characters (bidi overrides,
    # zero-width joiners) sit inside words and carry no letters.
    text = "".join(
        " " if unicodedata.category(ch) == "Cc" else ch
        for ch in text
        if unicodedata.category(ch) != "Cf"
    )
    text = _UNSAFE.sub("_", text).strip("._-")
    return text[:MAX_LENGTH].rstrip("._-") or FALLBACK
