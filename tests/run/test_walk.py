"""Walking the folders of a batch: what is read, what is skipped, what gets a coded line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.errors import LofteError
from pipeline.run import runner
from pipeline.run.executors import SerialExecutor
from pipeline.run.runner import run
from pipeline.run.walk import SKIP_MARKER, expand
from pipeline.store.core import Store

TEXT = "Kommunstyrelsen ska ta fram en handlingsplan mot nedskräpning under 2025."


def _codes(root: Path) -> dict[str, str | None]:
    return {
        f.relative_to(root).as_posix(): (err.code if err else None) for f, err in expand([root])
    }


def test_a_folder_with_the_skip_marker_is_not_walked(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Nämnden ska bygga en lekplats.", encoding="utf-8")
    (tmp_path / "labels" / "inner").mkdir(parents=True)
    (tmp_path / "labels" / SKIP_MARKER).write_text("", encoding="utf-8")
    (tmp_path / "labels" / "inner" / "b.txt").write_text("Ej ett dokument.", encoding="utf-8")
    walked = [f.relative_to(tmp_path).as_posix() for f, _ in expand([tmp_path])]
    assert walked == ["docs/a.txt"]
    # Named directly, a file inside is still read.
    assert [f for f, _ in expand([tmp_path / "labels" / "inner" / "b.txt"])]


def test_walk_is_sorted_and_skips_hidden_and_side_files(tmp_path: Path) -> None:
    for name in ("ö.txt", "a.txt", "README.md", "sources.tsv", ".hidden.txt", "b.docx"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text(TEXT, encoding="utf-8")
    assert _codes(tmp_path) == {"a.txt": None, "b.docx": "E002", "ö.txt": None}


def test_a_folder_link_back_into_the_walk_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    (tmp_path / "self").symlink_to("self")
    codes = _codes(tmp_path)
    assert codes == {"self": "E001", "sub/a.txt": None, "sub/loop": "E001"}


def test_pipes_and_broken_links_get_a_line_not_a_hang(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    os.mkfifo(docs / "pipe.txt")
    (docs / "gone.txt").symlink_to(docs / "nowhere.txt")
    (docs / "ok.txt").write_text(TEXT, encoding="utf-8")
    lines: list[str] = []
    with Store(tmp_path / "s.db") as store:
        report = run([docs], store, SerialExecutor(), on_error=lines.append)
        assert report.stored == 1
        assert sorted(report.error_codes) == ["E001", "E001"]
        assert any("pipe.txt" in line for line in lines)
        assert any("gone.txt" in line for line in lines)


def test_a_file_that_cannot_be_hashed_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Running as root, chmod cannot make a file unreadable: the read fails by injection.
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.txt", "locked.txt", "c.txt"):
        (docs / name).write_text(TEXT.replace("nedskräpning", name[0]), encoding="utf-8")
    real = runner.sha256_file

    def refuse(path: Path) -> str:
        if path.name == "locked.txt":
            raise LofteError("E001", "Permission denied", path)
        return real(path)

    monkeypatch.setattr(runner, "sha256_file", refuse)
    lines: list[str] = []
    with Store(tmp_path / "s.db") as store:
        report = run([docs], store, SerialExecutor(), on_error=lines.append)
        assert report.stored == 2
        assert report.error_codes == ["E001"]
    assert len(lines) == 1
    assert "E001" in lines[0] and "locked.txt" in lines[0] and "Permission denied" in lines[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_gets_a_line(tmp_path: Path) -> None:
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "closed").chmod(0)
    try:
        assert _codes(tmp_path) == {"closed": "E001"}
    finally:
        (tmp_path / "closed").chmod(0o755)


def test_two_files_of_one_stem_in_one_batch_are_two_documents(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "plan.md").write_text("# Plan\n\n" + TEXT, encoding="utf-8")
    (docs / "plan.html").write_text(f"<p>{TEXT.replace('2025', '2026')}</p>", encoding="utf-8")
    (docs / "kopia").mkdir()
    (docs / "kopia" / "plan.md").write_text("# Plan\n\n" + TEXT, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = run([docs], store, SerialExecutor())
        ids = sorted(d["doc_id"] for d in store.documents())
    assert report.stored == 3
    # The same bytes under the same name are one document; other bytes get their own id.
    assert len(ids) == 2 and ids[0] == "plan" and ids[1].startswith("plan-")
