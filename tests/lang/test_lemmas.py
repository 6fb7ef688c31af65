"""Lemmas: the domain override table, simplemma, and compound heads."""

from __future__ import annotations

from pathlib import Path

from pipeline.lang.lemmas import lemma, lemmatize, read_overrides


def test_override_table_wins_over_the_dictionary() -> None:
    assert lemma("kommunfullmäktige") == "kommunfullmäktige"  # simplemma: kommunfullmäktig
    assert lemma("Uppdraget") == "uppdrag"
    assert lemma("fältarbetet") == "fältarbete"
    assert lemmatize("nämnden", {"nämnden": "x"}) == "x"


def test_unknown_compounds_take_the_lemma_of_their_head() -> None:
    assert lemma("utbildningsnämnden") == "utbildningsnämnd"
    assert lemma("trygghetsvandringar") == "trygghetsvandring"


def test_plain_words_use_simplemma() -> None:
    assert lemma("åtgärderna") == "åtgärd"
    assert lemma("förskolor") == "förskola"


def test_override_file_format(tmp_path: Path) -> None:
    f = tmp_path / "t.tsv"
    f.write_text("# comment\nFältet\tfält\n\nbad line\n", encoding="utf-8")
    assert read_overrides(f) == {"fältet": "fält"}
