"""`lofte serve`: prints its URL, answers, stops on Ctrl-C; refuses what it cannot serve."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.errors import ExitCode, LofteError
from pipeline.web import make_server, url_of

from ..conftest import REPO
from .helpers import fetch


def test_serve_prints_its_url_answers_and_stops_on_ctrl_c(db: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "serve", "--db", str(db), "--port", "0"],
        cwd=REPO,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert m and int(m.group(1)) > 0, line  # port 0 picked a free port
        assert fetch(m.group(0) + "api/overview")[0] == 200
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == ExitCode.INTERRUPTED
        assert "GET /api/overview" in proc.stderr.read()  # one line per request
    finally:
        proc.kill()
        proc.wait()


def test_a_missing_store_is_e020_and_a_taken_port_e032(db: Path, tmp_path: Path) -> None:
    with pytest.raises(LofteError) as missing:
        make_server(tmp_path / "none.db", "127.0.0.1", 0)
    assert missing.value.code == "E020"
    assert main(["serve", "--db", str(tmp_path / "none.db"), "--port", "0"]) != 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(LofteError) as busy:
            make_server(db, "127.0.0.1", port)
    assert busy.value.code == "E032"


def test_a_server_that_never_ran_closes_cleanly(db: Path) -> None:
    server = make_server(db, "127.0.0.1", 0, quiet=True)
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url_of(server))
    server.shutdown()  # returns at once: nothing to wait for
    server.server_close()
