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
