"""The gold corpus in corpus/gold: whole-document records, their texts and their genre and source."""

from __future__ import annotations

import csv
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.eval.devpaths import REPO

GOLD_DIR = REPO / "corpus" / "gold"
INDEX = "index.tsv"
LINKS = "links.tsv"
INDEX_COLUMNS = ("doc_id", "genre", "municipality", "host", "origin", "url")


@dataclass(frozen=True)
class GoldDoc:
    """One gold document: its id, text, record and where it came from."""

    doc_id: str
    genre: str
    municipality: str
    host: str
    origin: str
    text_path: Path
    record_path: Path

    def text(self) -> str:
        """The document text, as annotated."""
        return self.text_path.read_text(encoding="utf-8")

    def record(self) -> dict[str, Any]:
        """The gold SCHEMA record."""
        data: dict[str, Any] = json.loads(self.record_path.read_text(encoding="utf-8"))
        return data


def read_index(gold_dir: Path = GOLD_DIR) -> dict[str, dict[str, str]]:
    """The rows of ``index.tsv`` by doc_id."""
    path = gold_dir / INDEX
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["doc_id"]: r for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}


def load(gold_dir: Path = GOLD_DIR) -> list[GoldDoc]:
    """Every gold document listed in the index, in doc_id order."""
    out = []
    for doc_id, row in sorted(read_index(gold_dir).items()):
        out.append(
            GoldDoc(
                doc_id,
                row["genre"],
                row["municipality"],
                row["host"],
                row["origin"],
                gold_dir / f"{doc_id}.txt",
                gold_dir / f"{doc_id}.json",
            )
        )
    return out


@functools.lru_cache(maxsize=1)
def _genres() -> dict[str, str]:
    return {k: v["genre"] for k, v in read_index().items()}


def genre_of(doc_id: str) -> str:
    """The genre of a gold document ("unknown" when it is not in the index)."""
    return _genres().get(doc_id, "unknown")


def read_links(gold_dir: Path = GOLD_DIR) -> list[dict[str, str]]:
    """The rows of ``links.tsv``: commitment pairs across documents and their relation."""
    path = gold_dir / LINKS
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
