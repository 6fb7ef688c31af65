"""The CLI tests' store of the bundled seeds, and an English locale unless a test sets one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.cli.main import main

from ..conftest import SEEDS


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """`lofte` follows the locale: pin it, so a Swedish desktop does not change what is asserted."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield


@pytest.fixture(scope="session")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the seeds ingested (read only by the tests)."""
    path = tmp_path_factory.mktemp("cli") / "lofte.db"
    assert main(["ingest", str(SEEDS), "--db", str(path), "--jobs", "1", "--no-progress"]) == 0
    return path
