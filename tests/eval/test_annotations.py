"""Validate corpus/annotations/{sentences,heldout}.tsv; the source check reads ../shared/corpus_real.

The hand-labelled sentences train and cross-validate the commitment classifier, so a
malformed row or a sentence that drifted from its source text silently corrupts scores.
The source check is skipped when the shared corpus is absent.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from pipeline.eval.devpaths import CORPUS_REAL
from pipeline.records import STATUSES as RECORD_STATUSES

ROOT = Path(__file__).resolve().parents[2]
TSV = ROOT / "corpus" / "annotations" / "sentences.tsv"
HELDOUT = ROOT / "corpus" / "annotations" / "heldout.tsv"
BOTH = pytest.mark.parametrize("tsv", [TSV, HELDOUT], ids=["sentences", "heldout"])
CORPUS = CORPUS_REAL
HEADER = [
    "doc_id",
    "sent_id",
    "sentence",
    "label",
    "status",
    "measure",
    "responsible",
    "deadline_text",
    "note",
]
STATUSES = set(RECORD_STATUSES)
SEED_SOURCES = {
    "interpellation_jonsson_skarholmen",
    "tu_utbildningsnamnden_2024_samhandling",
    "skrivelse_2008_arbetsgrupp",
    "svar_interpellation_ojanne_2023",
    "yttrande_alvsjo_2016_motion",
}


def _norm(text: str) -> str:
    """Collapse whitespace runs to one space, as the annotation guide prescribes."""
    return re.sub(r"\s+", " ", text).strip()


def _rows(tsv: Path = TSV) -> list[dict[str, str]]:
    """Parse the TSV strictly: exact header, nine fields on every line, no quoting."""
    lines = tsv.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "file must end with a newline"
    assert lines[0].split("\t") == HEADER
    rows = []
    for i, line in enumerate(lines[1:-1], start=2):
        fields = line.split("\t")
        assert len(fields) == len(HEADER), f"line {i} has {len(fields)} fields"
        rows.append(dict(zip(HEADER, fields, strict=True)))
    return rows


def _occurs(sentence: str, source: str) -> bool:
    """A unit is a substring, or a lead-in + bullet whose two parts are both substrings."""
    if sentence in source:
        return True
    cuts = [m.start() for m in re.finditer(" ", sentence)]
    return any(sentence[:c] in source and sentence[c + 1 :] in source for c in cuts)


def test_rows_parse_and_are_enough() -> None:
    """The file parses and holds at least 400 labelled sentences."""
    assert len(_rows()) >= 400


@BOTH
def test_labels_and_status_fields_are_consistent(tsv: Path) -> None:
    """Positives carry a valid status and a measure; negatives leave those fields empty."""
    for row in _rows(tsv):
        assert row["label"] in {"0", "1"}, row
        assert row["sentence"] == _norm(row["sentence"]) and row["sentence"], row
        if row["label"] == "1":
            assert row["status"] in STATUSES, row
            assert row["measure"].strip(), row
        else:
            assert not (row["status"] or row["measure"] or row["responsible"]), row
            assert not row["deadline_text"], row


@BOTH
def test_sent_ids_run_in_order_per_document(tsv: Path) -> None:
    """Each document's sentences are numbered 1..n in reading order, with no seed document."""
    by_doc: dict[str, list[int]] = {}
    for row in _rows(tsv):
        by_doc.setdefault(row["doc_id"], []).append(int(row["sent_id"]))
    for doc_id, ids in by_doc.items():
        assert ids == list(range(1, len(ids) + 1)), doc_id
    assert not SEED_SOURCES & set(by_doc)


def test_positives_are_a_healthy_share() -> None:
    """Enough positives for cross-validation, and more than one status represented."""
    rows = _rows()
    statuses = Counter(r["status"] for r in rows if r["label"] == "1")
    assert sum(statuses.values()) >= 120
    assert len(statuses) >= 3


@BOTH
def test_deadline_text_is_printed_in_sentence(tsv: Path) -> None:
    """A deadline is copied as printed, so it must occur in its own sentence."""
    for row in _rows(tsv):
        if row["deadline_text"]:
            assert row["deadline_text"] in row["sentence"], row


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus_real not available")
@BOTH
def test_every_sentence_occurs_in_its_source(tsv: Path) -> None:
    """Every unit is copied from its whitespace-normalised source text."""
    sources: dict[str, str] = {}
    for row in _rows(tsv):
        doc_id = row["doc_id"]
        if doc_id not in sources:
            sources[doc_id] = _norm((CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8"))
        assert _occurs(row["sentence"], sources[doc_id]), row


def test_heldout_documents_are_not_in_the_training_file() -> None:
    """The held-out set measures unseen documents only if no document is in both files."""
    train = {r["doc_id"] for r in _rows(TSV)}
    heldout = {r["doc_id"] for r in _rows(HELDOUT)}
    assert heldout and not train & heldout


def test_heldout_gold_records_cover_the_heldout_documents() -> None:
    """One SCHEMA record (without commitments) per held-out document, with valid kinds."""
    gold_dir = HELDOUT.parent / "heldout_gold"
    docs = {r["doc_id"] for r in _rows(HELDOUT)}
    assert {p.stem for p in gold_dir.glob("*.json")} == docs
    for path in gold_dir.glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        assert set(record) == {"doc_id", "doc_type", "date", "title", "references", "actors"}
        assert record["doc_id"] == path.stem
        assert {a["kind"] for a in record["actors"]} <= {"person", "organisation", "place"}
