"""Inputs ingest refuses with their own code and a message in our words."""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from pipeline.errors import LofteError
from pipeline.ingest import reader
from pipeline.ingest.reader import ingest_file
from pipeline.records import Options

OPTS = Options(dpi=300, doc_timeout=60.0)
SENTENCE = "Nämnden ska rusta upp lekplatsen i Tallunden under 2025.\n"


def refusal(path: Path, opts: Options = OPTS) -> LofteError:
    with pytest.raises(LofteError) as info:
        ingest_file(path, opts)
    return info.value


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = struct.pack(">I", zlib.crc32(kind + body))
    return struct.pack(">I", len(body)) + kind + body + crc


def test_a_truncated_png_is_a_damaged_image(tmp_path: Path) -> None:
    buf = io.BytesIO()
    Image.effect_noise((600, 400), 60).save(buf, "PNG")
    path = tmp_path / "cut.png"
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    err = refusal(path)
    assert err.code == "E014"
    assert "cut.png" in err.one_line()


def test_a_bomb_is_refused_with_its_size_and_our_limit(tmp_path: Path) -> None:
    ihdr = struct.pack(">IIBBBBB", 50_000, 50_000, 8, 0, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IEND", b"")
    path = tmp_path / "bomb.png"
    path.write_bytes(png)
    err = refusal(path, Options(max_pixels=100_000_000))
    assert err.code == "E007"
    assert "2,500,000,000 pixels" in err.detail
    assert "the limit is 100,000,000" in err.detail
    assert "decompression bomb" not in err.one_line()


def test_text_past_the_character_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "long.txt"
    path.write_text(SENTENCE * 100, encoding="utf-8")
    assert ingest_file(path, OPTS).raw_text.startswith("Nämnden")
    monkeypatch.setattr(reader, "MAX_TEXT_CHARS", 1000)
    err = refusal(path)
    assert err.code == "E007"
    assert "5,700 characters" in err.detail and "1,000" in err.detail


def test_a_text_file_past_the_byte_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(SENTENCE * 100, encoding="utf-8")
    monkeypatch.setattr(reader, "MAX_TEXT_BYTES", 1000)

    def never(self: Path) -> bytes:
        raise AssertionError("a file past the limit was read")

    monkeypatch.setattr(Path, "read_bytes", never)
    assert refusal(path).code == "E007"


def test_pipes_and_devices_are_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    # Opening a FIFO with no writer would block this test forever; the stat check comes first.
    assert refusal(fifo).code == "E001"
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    err = refusal(link)
    assert err.code == "E001" and "not a regular file" in err.detail
