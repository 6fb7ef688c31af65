"""Text decoding: files that mix UTF-8 with Windows-1252 bytes read as the writer meant."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from pipeline.ingest.text import decode_text

SWEDISH = st.text(alphabet="abcåäöÅÄÖé ,.", min_size=1, max_size=40)
WHERE = Path("blandad.txt")


def test_a_cp1252_paragraph_inside_utf8_keeps_both_readable() -> None:
    data = (
        "Nämnden ska åtgärda bristerna.\n".encode()
        + "Förskolan på Öster får nya lokaler – 2025.\n".encode("cp1252")
        + "Därefter följs arbetet upp.".encode()
    )
    text, encoding = decode_text(data, WHERE)
    assert text == (
        "Nämnden ska åtgärda bristerna.\n"
        "Förskolan på Öster får nya lokaler – 2025.\n"
        "Därefter följs arbetet upp."
    )
    assert encoding == "utf-8+cp1252"
    assert "Ã" not in text


@given(SWEDISH, SWEDISH)
def test_mixed_pieces_decode_to_what_was_written(utf8: str, legacy: str) -> None:
    # Enough UTF-8 letters around the legacy piece that the file is mostly UTF-8.
    lead = "Åtgärd för ökad trygghet: "
    data = (lead + utf8).encode() + legacy.encode("cp1252")
    text, _ = decode_text(data, WHERE)
    if sum(ch in "åäöÅÄÖé" for ch in legacy) <= sum(ch in "åäöÅÄÖé" for ch in lead + utf8):
        assert text == lead + utf8 + legacy


def test_pure_cp1252_is_still_cp1252() -> None:
    text, encoding = decode_text("Förskolan på Öster".encode("cp1252"), WHERE)
    assert (text, encoding) == ("Förskolan på Öster", "cp1252")
