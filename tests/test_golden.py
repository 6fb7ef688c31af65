"""Golden files: extraction of every corpus/gold document must equal its stored record."""

from __future__ import annotations

import difflib
import importlib.util
import json
from pathlib import Path

import pytest

from pipeline import api
from pipeline.eval import gold
from pipeline.eval.score import Report

GOLDEN = Path(__file__).parent / "golden"
_spec = importlib.util.spec_from_file_location(
    "update_golden", Path(__file__).parents[1] / "scripts" / "update_golden.py"
)
assert _spec and _spec.loader
update_golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(update_golden)

DOCS = gold.load()


@pytest.fixture(scope="module")
def extracted() -> dict[str, dict]:
    """Every gold document extracted once for the module."""
    return {d.doc_id: api.extract_file(d.text_path) for d in DOCS}


def test_every_gold_document_has_a_golden_record() -> None:
    stored = {p.stem for p in (GOLDEN / "extract").glob("*.json")}
    assert stored == {d.doc_id for d in DOCS}


def test_extraction_equals_the_golden_records(extracted: dict[str, dict]) -> None:
    diffs = []
    for doc_id, pred in extracted.items():
        want = (GOLDEN / "extract" / f"{doc_id}.json").read_text(encoding="utf-8")
        got = update_golden.dumps(pred)
        if got != want:
            diff = difflib.unified_diff(
                want.splitlines(), got.splitlines(), f"golden/{doc_id}", "now", lineterm="", n=1
            )
            diffs.append("\n".join(list(diff)[:40]))
    assert not diffs, (
        f"{len(diffs)} records changed; accept with `python scripts/update_golden.py` if meant:\n"
        + "\n\n".join(diffs[:5])
    )


def test_scores_on_the_gold_corpus_are_the_stored_ones(extracted: dict[str, dict]) -> None:
    report = Report()
    for d in DOCS:
        report.add(extracted[d.doc_id], d.record())
    want = json.loads((GOLDEN / "evaluate.json").read_text(encoding="utf-8"))
    assert report.summary() == want
