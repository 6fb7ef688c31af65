"""The genre table: every document type listed once, traits read the way the rules use them."""

from __future__ import annotations

import pytest

from pipeline.lexicon import genres
from pipeline.records import DOC_TYPES


def test_every_document_type_is_listed_once() -> None:
    rows = [
        line.split("\t")[0]
        for line in genres.GENRES.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert sorted(rows) == sorted(DOC_TYPES)


def test_traits_group_the_genres_as_council_practice_does() -> None:
    assert genres.with_trait("proposes") == {"motion", "interpellation", "skrivelse"}
    # Whoever proposes does not answer; minutes both answer and decide.
    assert not genres.with_trait("proposes") & genres.with_trait("answers")
    assert genres.has("protokoll", "minutes") and genres.has("protokoll", "decides")
    assert genres.has("uppfoljning", "narrates_done") and not genres.has(None, "answers")


def test_an_unknown_trait_is_refused() -> None:
    with pytest.raises(KeyError, match="no genre trait"):
        genres.with_trait("is_long")
