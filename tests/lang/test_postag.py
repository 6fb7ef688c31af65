"""The part-of-speech tagger trained on Talbanken: tags council Swedish, degrades to None."""

from __future__ import annotations

from pathlib import Path

from pipeline.lang import postag


def test_a_pledge_is_tagged_auxiliary_infinitive_noun() -> None:
    tagger = postag.load()
    assert tagger is not None
    tags = tagger.tag(["Nämnden", "ska", "genomföra", "en", "utredning", "av", "lokalerna"])
    assert tags[0] == "NOUN"
    assert tags[1].startswith("AUX")
    assert tags[2] == "VERB.Inf"
    assert tags[3] == "DET"
    assert tags[4] == "NOUN"


def test_one_tag_per_word_and_none_for_no_words() -> None:
    tagger = postag.load()
    assert tagger is not None
    words = ["Under", "hösten", "genomfördes", "två", "utbildningsinsatser", "."]
    assert len(tagger.tag(words)) == len(words)
    assert tagger.tag([]) == []


def test_a_missing_or_broken_model_file_gives_no_tagger(tmp_path: Path) -> None:
    assert postag.load(tmp_path / "absent.joblib") is None
    broken = tmp_path / "broken.joblib"
    broken.write_bytes(b"not a model")
    assert postag.load(broken) is None


def test_closed_classes_hold_only_their_listed_words() -> None:
    tagger = postag.load()
    assert tagger is not None and tagger.closed
    det = tagger.tags.index("DET")
    assert "en" in tagger.closed[det]
    # Unknown capitalised council words at the start of an item read like articles to the
    # word features alone; the closed list keeps them out of DET and PRON.
    for word in ("Delårsbokslut", "Riktlinjerna", "Verksamhetsplanen"):
        tag = tagger.tag([word, "för", "2026", "godkänns", "."])[0]
        assert tag not in ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "PART"), (word, tag)


def test_a_sentence_is_tagged_once_and_callers_cannot_change_the_cache() -> None:
    tagger = postag.load()
    assert tagger is not None
    words = ["Kommunen", "ska", "bygga", "en", "skola"]
    first = tagger.tag(words)
    first[0] = "X"
    assert tagger.tag(words)[0] != "X"
