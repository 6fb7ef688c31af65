"""Every hostile input of scripts/make_hostile.py in one `lofte ingest` batch, as a user runs it."""

from __future__ import annotations

import importlib.util
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import REPO

_spec = importlib.util.spec_from_file_location("make_hostile", REPO / "scripts" / "make_hostile.py")
assert _spec is not None and _spec.loader is not None
make_hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_hostile)

LINE = re.compile(r"^error (E\d{3}): (.+?): ", re.M)


@pytest.mark.slow
def test_forty_hostile_inputs_in_one_batch(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    expected = make_hostile.make(folder)
    assert len(expected) >= 40
    db = tmp_path / "h.db"
    cmd = [sys.executable, "-m", "pipeline.cli.main", "ingest", str(folder), "--db", str(db)]
    started = time.monotonic()
    done = subprocess.run(
        [*cmd, "--jobs", "2", "--timeout", "30", "--no-progress"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
    )
    took = time.monotonic() - started
    assert done.returncode == 1, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and "Warning" not in done.stderr, done.stderr[-3000:]
    # The failures are printed as they happen and listed again at the end: take the first.
    got: dict[str, str] = {}
    for code, path in LINE.findall(done.stderr):
        got.setdefault(Path(path).name, code)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {Path(p).name for (p,) in conn.execute("SELECT source FROM documents")}
        n_docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    wrong = {}
    for name, accepted in expected.items():
        outcome = got.get(name) if name not in stored else None
        if name not in stored and name not in got:
            outcome = "no line and not stored"
        if outcome not in accepted:
            wrong[name] = (outcome, accepted)
    assert not wrong, wrong
    assert n_docs == len(stored)
    assert {name for name, codes in expected.items() if codes == {None}} <= stored
    # Each bad input ends within its limit: the whole batch is far below one 30 s limit each.
    assert took < 30 * 4, took
    summary = done.stderr.strip().splitlines()
    assert any(line.startswith(f"{n_docs} stored, 0 unchanged") for line in summary)
