"""The cross-genre evaluation: folds keep groups apart, and --json prints the promised keys."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.eval import gold

SCRIPT = Path(__file__).parents[2] / "scripts" / "eval_cross_genre.py"
_spec = importlib.util.spec_from_file_location("eval_cross_genre", SCRIPT)
assert _spec and _spec.loader
ecg = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = ecg
_spec.loader.exec_module(ecg)

KEYS = {
    "commit_P",
    "commit_R",
    "commit_F1",
    "forward_R",
    "status_acc",
    "deadline_exact",
    "measure_ok",
    "responsible_acc",
    "doc_type_acc",
    "date_acc",
    "title_acc",
    "person_F1",
    "organisation_F1",
    "docs",
    "commitments",
    "by_genre",
}


def test_genre_folds_hold_out_one_whole_genre_each() -> None:
    docs = gold.load()
    folds = ecg.folds(docs, "genre")
    assert sorted(name for name, _ in folds) == sorted({d.genre for d in docs})
    assert sum(len(held) for _, held in folds) == len(docs)
    for name, held in folds:
        assert {d.genre for d in held} == {name}


def test_source_folds_never_split_a_municipality() -> None:
    docs = gold.load()
    folds = ecg.folds(docs, "source")
    seen: dict[str, str] = {}
    for name, held in folds:
        for d in held:
            assert seen.setdefault(d.municipality, name) == name
    assert sum(len(held) for _, held in folds) == len(docs)


def test_training_units_are_labelled_by_the_gold_commitments() -> None:
    doc = next(d for d in gold.load() if d.doc_id == "svar_interpellation_ojanne_2023")
    rows = ecg.unit_rows(doc)
    positives = [(s, status) for s, _, label, status in rows if label]
    assert any("handlingsplan" in s for s, _ in positives)
    assert not any(s.rstrip().endswith("?") for s, _ in positives)
    # Each positive carries the status of the gold commitment it matched; negatives none.
    assert all(
        status in ("proposed", "pledged", "in_progress", "done", "cancelled")
        for _, status in positives
    )
    assert all(status == "" for _, _, label, status in rows if not label)


@pytest.mark.slow
def test_json_output_has_the_headline_keys() -> None:
    out = subprocess.run(
        [sys.executable, str(SCRIPT), "--json", "--grouping", "genre"],
        capture_output=True,
        text=True,
        check=True,
        timeout=1200,
    )
    data = json.loads(out.stdout)
    assert set(data) >= KEYS
    assert data["docs"] == len(gold.load())
    assert set(data["by_genre"]) == {d.genre for d in gold.load()}
    assert 0.0 <= data["commit_F1"] <= 1.0
