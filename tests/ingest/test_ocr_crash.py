"""Fault injection for OCR: a Tesseract that crashes is one coded line, and the batch goes on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytesseract
import pytest

from pipeline.errors import LofteError
from pipeline.ingest.reader import ingest_file
from pipeline.records import Options
from pipeline.run.executors import SerialExecutor
from pipeline.run.runner import run
from pipeline.store.core import Store

from .test_ocr import PAGE_ONE, needs_font, text_image


def _crashing_tesseract(tmp_path: Path, how: str) -> str:
    """A stand-in binary that dies the way a broken engine does (signal or garbage)."""
    script = tmp_path / "tesseract"
    script.write_text(f"#!/bin/sh\n{how}\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


@needs_font
@pytest.mark.parametrize(
    "how",
    [
        "kill -SEGV $$",  # the engine segfaults mid-page
        'echo "Error: out of memory" >&2; exit 134',  # it aborts with a message
        "exit 0",  # it exits cleanly but writes nothing
    ],
)
def test_a_crashing_engine_is_one_coded_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    image = tmp_path / "scan.png"
    text_image(PAGE_ONE).save(image)
    monkeypatch.setattr(
        pytesseract.pytesseract, "tesseract_cmd", _crashing_tesseract(tmp_path, how)
    )
    with pytest.raises(LofteError) as err:
        ingest_file(image, Options(ocr_timeout=20))
    assert err.value.code in ("E009", "E011")
    line = err.value.one_line()
    assert "scan.png" in line and "\n" not in line


@needs_font
def test_the_rest_of_the_batch_goes_on_when_ocr_crashes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    text_image(PAGE_ONE).save(docs / "scan.png")
    shutil.copy(
        Path(__file__).resolve().parents[2]
        / "corpus"
        / "seeds"
        / sorted(
            p.name for p in (Path(__file__).resolve().parents[2] / "corpus" / "seeds").glob("*.txt")
        )[0],
        docs / "born_digital.txt",
    )
    monkeypatch.setattr(
        pytesseract.pytesseract, "tesseract_cmd", _crashing_tesseract(tmp_path, "kill -SEGV $$")
    )
    lines: list[str] = []
    with Store(tmp_path / "s.db") as store:
        report = run([docs], store, SerialExecutor(), on_error=lines.append)
        assert report.error_codes == ["E009"]
        assert len(lines) == 1 and "scan.png" in lines[0]
        assert [r["doc_id"] for r in store.documents()] == ["born_digital"]
