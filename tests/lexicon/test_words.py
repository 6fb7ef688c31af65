"""The stopword table: one file, one loader, each use its own list."""

from __future__ import annotations

import pytest

from pipeline.lexicon import words


def test_every_use_has_words_and_the_lists_differ_on_purpose() -> None:
    lists = {use: words.stopwords(use) for use in words.USES}
    assert all(lists.values())
    # "ska" ends no line of its own, yet a title about "ska" is no topic: the uses disagree.
    assert "ska" in lists["line_end"] and "ska" in lists["measure_key"]
    assert "utredning" in lists["same_measure"] and "utredning" not in lists["line_end"]
    assert "interpellation" in lists["title_topic"] and "interpellation" not in lists["measure_key"]


def test_an_unknown_use_is_refused() -> None:
    with pytest.raises(KeyError, match="no stopword use"):
        words.stopwords("everything")


def test_the_file_names_only_known_uses() -> None:
    for line in words.STOPWORDS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, uses = line.split("\t")
            assert word == word.strip() and set(uses.split(",")) <= words.USES
