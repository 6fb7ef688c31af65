"""A command loads only what its stages need: reading the store or raw text starts fast."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipeline.store.core import Store

# Libraries that cost most of a second or more to import, and that reading never needs.
HEAVY = ("sklearn", "spacy", "pandas", "pytesseract", "networkx", "pdfplumber", "scipy")


def _loaded_after(code: str) -> set[str]:
    """Top-level modules imported by a fresh interpreter that runs ``code``."""
    probe = f"{code}\nimport sys\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return set(out.stdout.split())


def test_importing_the_cli_loads_no_heavy_library() -> None:
    loaded = _loaded_after("import pipeline.cli.main")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_status_on_a_store_loads_no_model_or_linker(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    with Store(db):
        pass
    code = (
        "from pipeline.cli.main import main\n"
        f"main(['status', '--db', {str(db)!r}])\n"
        f"main(['status', 'plan', '--db', {str(db)!r}])"
    )
    loaded = _loaded_after(code)
    assert "sqlite3" in loaded  # the store was read
    assert not loaded & {"sklearn", "spacy", "pytesseract", "pdfplumber", "scipy"}


def test_raw_text_of_a_text_file_runs_ingest_only(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Nämnden ska ta fram en plan under 2025.\n", encoding="utf-8")
    code = f"from pipeline import api\nprint(api.document_text({str(f)!r}, raw=True))"
    loaded = _loaded_after(code)
    # No extraction, no linking, no graph, no OCR engine: only the text reader ran.
    assert not loaded & {"sklearn", "spacy", "networkx", "scipy", "pytesseract", "pandas"}


def test_loading_a_stage_keeps_the_api_functions() -> None:
    code = (
        "import pipeline, pipeline.ingest.reader, pipeline.link.measures\n"
        "import pipeline.extract.commitments\n"
        "assert callable(pipeline.ingest) and callable(pipeline.link)\n"
        "assert callable(pipeline.extract)"
    )
    _loaded_after(code)
