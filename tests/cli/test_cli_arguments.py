"""Arguments a user gets wrong, and the flags every command line tool has."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.cli.parser import build_parser


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("lofte ")


def test_a_negative_limit_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["status", "--limit", "-1"])
    assert done.value.code == 2
    assert "must be 0 or more" in capsys.readouterr().err


def test_every_option_says_what_it_does() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    missing = [
        f"{name} {'/'.join(action.option_strings) or action.dest}"
        for name, command in sub.choices.items()  # type: ignore[union-attr]
        for action in command._actions
        if action.help is None and action.dest != "help"
    ]
    assert missing == []


def test_an_empty_file_is_not_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "tom.db"
    empty.touch()
    assert main(["status", "plan", "--db", str(empty)]) == 3
    err = capsys.readouterr().err
    assert "E020" in err and "tom.db" in err and "Traceback" not in err


def test_show_and_status_speak_one_vocabulary_and_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    import subprocess
    import sys

    from ..conftest import REPO, SEEDS

    db = tmp_path / "s.db"
    lofte = [sys.executable, "-m", "pipeline.cli.main"]
    subprocess.run(
        [*lofte, "ingest", str(SEEDS), "--db", str(db), "--jobs", "1", "--no-progress"],
        check=True,
        cwd=REPO,
        capture_output=True,
    )
    show = subprocess.run(
        [*lofte, "show", "fältarbete", "--db", str(db), "--as-of", "2025-06-01"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert "status: pledged   due: 2024-12-31   flags: OVERDUE, not assessed" in show.stdout
    # `lofte show ... | head -1`: the reader leaves after one line.
    piped = subprocess.run(
        " ".join([*lofte, "show", "a", "--db", str(db)]) + " | head -1",
        shell=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert "Traceback" not in piped.stderr and "BrokenPipe" not in piped.stderr
