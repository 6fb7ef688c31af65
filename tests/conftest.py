"""Shared fixtures: paths to the bundled corpus and to ../shared when it is beside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.eval import devpaths

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
SEEDS = CORPUS / "seeds"
SHARED = devpaths.SHARED
GOLD = devpaths.GOLD_SEEDS


@pytest.fixture
def gold_dir() -> Path:
    """The gold seed folder in ../shared (tests that need it say so by using this)."""
    if not GOLD.is_dir():
        pytest.skip("../shared/gold/seeds is not beside the repository")
    return GOLD


@pytest.fixture
def seed_texts() -> dict[str, str]:
    """The five bundled seed texts by stem."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def ingest_texts(tmp: Path, texts: dict[str, str], sources: str = "") -> Path:
    """A store of these texts (stem -> text) and an optional sources.tsv, as `lofte ingest`."""
    from pipeline.cli.main import main

    folder = tmp / "in"
    folder.mkdir()
    for stem, text in texts.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    if sources:
        (folder / "sources.tsv").write_text(sources, encoding="utf-8")
    db = tmp / "s.db"
    assert main(["ingest", str(folder), "--db", str(db), "--jobs", "1", "--no-progress"]) == 0
    return db
