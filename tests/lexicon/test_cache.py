"""The parsed-table cache: same value as parsing, rebuilt when the source changes or breaks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.lexicon import cache


@pytest.fixture
def src(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LOFTE_CACHE", str(tmp_path / "cache"))
    f = tmp_path / "words.tsv"
    f.write_text("a\t1\nb\t2\n", encoding="utf-8")
    return f


def _builder(f: Path, calls: list[int]) -> Callable[[], dict[str, int]]:
    def build() -> dict[str, int]:
        calls.append(1)
        return {k: int(v) for k, v in (line.split("\t") for line in f.read_text().splitlines())}

    return build


def test_second_load_comes_from_the_cache(src: Path) -> None:
    calls: list[int] = []
    first = cache.cached("t", [src], _builder(src, calls))
    second = cache.cached("t", [src], _builder(src, calls))
    assert first == second == {"a": 1, "b": 2}
    assert len(calls) == 1


def test_a_changed_source_is_parsed_again(src: Path) -> None:
    calls: list[int] = []
    cache.cached("t", [src], _builder(src, calls))
    src.write_text("a\t1\nb\t3\n", encoding="utf-8")
    assert cache.cached("t", [src], _builder(src, calls)) == {"a": 1, "b": 3}
    assert len(calls) == 2


def test_a_damaged_cache_file_is_rebuilt(src: Path) -> None:
    calls: list[int] = []
    cache.cached("t", [src], _builder(src, calls))
    (stored,) = cache.cache_dir().iterdir()
    stored.write_bytes(b"\x00garbage")
    assert cache.cached("t", [src], _builder(src, calls)) == {"a": 1, "b": 2}
    assert len(calls) == 2


def test_an_unwritable_cache_only_costs_time(src: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = src.parent / "not_a_dir"
    blocker.write_text("x")
    monkeypatch.setenv("LOFTE_CACHE", str(blocker / "cache"))
    calls: list[int] = []
    for _ in range(2):
        assert cache.cached("t", [src], _builder(src, calls)) == {"a": 1, "b": 2}
    assert len(calls) == 2


def test_off_turns_the_cache_off(src: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOFTE_CACHE", "off")
    calls: list[int] = []
    for _ in range(2):
        cache.cached("t", [src], _builder(src, calls))
    assert len(calls) == 2
