"""The gold corpus: complete, well-formed records whose sentences come from their texts."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from pipeline.eval import gold
from pipeline.records import ACTOR_KINDS, DOC_TYPES, STATUSES
from pipeline.run.walk import SKIP_MARKER, expand

DOCS = gold.load()
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _in_text(sentence: str, text: str) -> bool:
    """A substring of the text, or a lead-in + item: two pieces that each are."""
    s = _norm(sentence)
    if s in text:
        return True
    w = s.split()
    return any(" ".join(w[:i]) in text and " ".join(w[i:]) in text for i in range(2, len(w) - 1))


def test_the_corpus_is_as_large_and_as_varied_as_promised() -> None:
    records = [d.record() for d in DOCS]
    assert len(DOCS) >= 300
    assert len({d.genre for d in DOCS}) >= 8
    assert len({d.municipality for d in DOCS}) >= 60
    # The issue asked for 800; every available text is annotated and, under the adjudicated
    # rules (a löfte's own signing is no record), they hold 774. A floor guards against loss.
    assert sum(len(r["commitments"]) for r in records) >= 770


def test_every_listed_document_has_its_text_and_record() -> None:
    listed = {d.doc_id for d in DOCS}
    on_disk = {p.stem for p in gold.GOLD_DIR.glob("*.json")}
    assert listed == on_disk
    assert all(d.text_path.is_file() for d in DOCS)


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.doc_id)
def test_record_follows_the_schema(doc: gold.GoldDoc) -> None:
    rec = doc.record()
    text = _norm(doc.text())
    assert rec["doc_id"] == doc.doc_id
    assert rec["doc_type"] in DOC_TYPES
    assert rec["date"] is None or ISO.match(rec["date"])
    for a in rec["actors"]:
        assert set(a) == {"name", "kind", "party", "role"} and a["kind"] in ACTOR_KINDS
    for c in rec["commitments"]:
        assert set(c) == {"sentence", "measure", "responsible", "deadline", "status"}
        assert c["status"] in STATUSES
        assert len(c["measure"].strip()) >= 4
        if doc.origin != "seeds":  # seed 003 is an OCR scan: its sentences are corrected
            assert _in_text(c["sentence"], text), c["sentence"]
        d = c["deadline"]
        if d is not None:
            assert set(d) == {"text", "start", "end"}
            assert all(d[k] is None or ISO.match(d[k]) for k in ("start", "end"))


def test_links_point_at_existing_commitments() -> None:
    counts = {d.doc_id: len(d.record()["commitments"]) for d in DOCS}
    rows = gold.read_links()
    assert rows, "links.tsv is empty"
    relations = Counter(r["relation"] for r in rows)
    assert set(relations) <= {"same_measure", "followup", "different"}
    assert relations["different"] >= 30
    for r in rows:
        assert r["doc_a"] != r["doc_b"]
        assert 0 <= int(r["idx_a"]) < counts[r["doc_a"]], r
        assert 0 <= int(r["idx_b"]) < counts[r["doc_b"]], r


def test_ingest_does_not_walk_the_gold_folder() -> None:
    assert (gold.GOLD_DIR / SKIP_MARKER).is_file()
    walked = [f for f, _ in expand([gold.GOLD_DIR.parent])]
    assert walked and not any(gold.GOLD_DIR in f.parents for f in walked)


def test_the_older_sentence_labels_are_linked_to_the_gold() -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).parents[2] / "scripts" / "gold_crosswalk.py"
    spec = importlib.util.spec_from_file_location("gold_crosswalk", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows, tally = mod.crosswalk()
    assert tally["document not in gold"] == 0
    kept = [r for r in rows if r["gold_index"]]
    assert len(kept) >= 0.75 * len(rows)
    stored = (Path(__file__).parents[2] / "corpus" / "annotations" / "crosswalk.tsv").read_text(
        encoding="utf-8"
    )
    assert len(stored.splitlines()) == len(rows) + 1
