"""The shared word list: one file gives the web page and `lofte` the same words."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.lexicon import wording
from pipeline.lexicon.tables import read_columns
from pipeline.records import DOC_TYPES, STATUSES


def test_every_status_and_document_type_has_a_word_in_each_language() -> None:
    for lang in wording.LANGS:
        statuses = wording.group("status", lang)
        # The start page's order, from promise to outcome.
        assert list(statuses) == [*STATUSES[:4], "overdue", "cancelled", "not_assessed"]
        assert set(wording.group("doc_type", lang)) == set(DOC_TYPES)
        assert set(wording.group("flag", lang)) == {
            *("overdue", "stalled", "not_assessed", "quiet", "motion")
        }


def test_the_swedish_words_are_the_web_pages() -> None:
    assert wording.group("status", "sv") == {
        "proposed": "Föreslagen",
        "pledged": "Utlovad",
        "in_progress": "Pågår",
        "done": "Genomförd",
        "overdue": "Sista datum passerat",
        "cancelled": "Avbruten",
        "not_assessed": "Inget senare dokument",
    }
    assert wording.word("flag.overdue", "sv") == "Sista datum passerat"
    assert wording.word("flag.overdue", "en") == "OVERDUE"
    assert wording.word("doc_type.tjansteutlatande", "sv") == "Tjänsteutlåtande"


def test_fields_are_filled_in_and_an_unknown_language_is_refused() -> None:
    assert wording.word("cli.count", "sv", n=3) == "3 åtgärder"
    with pytest.raises(KeyError, match="no language"):
        wording.word("status.done", "de")


def test_a_row_without_every_column_or_given_twice_is_an_error(tmp_path: Path) -> None:
    short = tmp_path / "short.tsv"
    short.write_text("# comment\na\tett\n", encoding="utf-8")
    with pytest.raises(ValueError, match="one value for each"):
        read_columns(short, ("sv", "en"))
    twice = tmp_path / "twice.tsv"
    twice.write_text("a\tett\tone\na\tett\tone\n", encoding="utf-8")
    with pytest.raises(ValueError, match="given twice"):
        read_columns(twice, ("sv", "en"))
