"""The measure as a ranked span: which spans may name a measure, and how the ranker picks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.extract import measure_phrase, measure_span
from pipeline.extract.status import find_cues, main_cue
from pipeline.lang import postag
from pipeline.lexicon.rejects import unusable

SENTENCE = "Kommunen ska senast 2026 bygga 2.500 nya bostäder i centrum och de ska vara billiga."


def _spans(sentence: str, deadline: str = "") -> list[measure_span.Span]:
    cue = main_cue(find_cues(sentence, "other"))
    return [
        s
        for s in measure_span.candidates(sentence, cue.start, cue.end, cue.family, "", 0, deadline)
        if s.first >= 0
    ]


def test_no_candidate_holds_a_finite_verb_the_deadline_or_a_dangling_word() -> None:
    tagger = postag.load()
    assert tagger is not None
    spans = _spans(SENTENCE, "senast 2026")
    assert spans
    texts = {s.text for s in spans}
    assert "2.500 nya bostäder" in texts
    for text in texts:
        assert "ska" not in text.split() and "2026" not in text
        words = text.split()
        tags = tagger.tag(words)
        assert tags[0] not in ("ADP", "CCONJ", "SCONJ")
        assert tags[-1] not in ("ADP", "CCONJ", "DET", "PRON")


def test_a_verb_with_an_action_noun_gives_a_nominalised_candidate() -> None:
    texts = {s.text for s in _spans("Nämnden ska utreda behovet av fler platser.")}
    assert "utredning av behovet av fler platser" in texts


@pytest.fixture
def ranker() -> Iterator[None]:
    yield
    measure_span.set_ranker()


def test_the_ranker_picks_the_span_its_weights_prefer(ranker: None) -> None:
    cue = main_cue(find_cues(SENTENCE, "other"))
    weights = {"l=bostäder": 2.0, "f=nya": 1.0, "f=2": 1.5}
    pick = measure_span.SpanRanker({"weights": weights}).choose(
        SENTENCE, cue.start, cue.end, cue.family, "rules' reading"
    )
    assert pick == "2.500 nya bostäder"
    rule_first = measure_span.SpanRanker({"weights": {"cand=rule": 9.0}})
    assert rule_first.choose(SENTENCE, cue.start, cue.end, cue.family, "bostäder") == "bostäder"


def test_without_a_ranker_the_rules_choose(ranker: None) -> None:
    measure_span.set_ranker(None)
    assert measure_span.active_ranker() is None
    measure_span.set_ranker()
    assert measure_span.active_ranker() is not None


def test_a_saved_ranker_reads_back_the_same(tmp_path: Path) -> None:
    r = measure_span.SpanRanker({"weights": {"b": 1.0, "a": -0.5}})
    path = tmp_path / "m.json"
    r.save(path)
    back = measure_span.load.__wrapped__(path)
    assert back is not None and back.weights == {"a": -0.5, "b": 1.0}
    assert measure_span.load.__wrapped__(tmp_path / "none.json") is None


@pytest.mark.parametrize(
    ("measure", "trimmed"),
    [
        ("på att öka tryggheten vid torget", "öka tryggheten vid torget"),
        ("med att förbättra belysningen i parken", "förbättra belysningen i parken"),
        ("fler trygghetskameror och", "fler trygghetskameror"),
        ("”Röda linjen”", "”Röda linjen”"),  # a quoted name keeps its opening word
        ("ny handlingsplan för fältarbetet", "ny handlingsplan för fältarbetet"),
        ("med", ""),
    ],
)
def test_a_chosen_measure_loses_the_joining_words_at_its_edges(measure: str, trimmed: str) -> None:
    if postag.load() is None:
        pytest.skip("no tagger model")
    assert measure_phrase.trim_edges(measure) == trimmed


@pytest.mark.parametrize(
    ("measure", "sentence", "expected"),
    [
        (
            "höjs med 5 procent",
            "Nämnden föreslår att taxan för parkering höjs med 5 procent.",
            "taxan för parkering höjs med 5 procent",
        ),
        (
            "utreds",
            "Vi yrkar att kostnaderna för snöröjningen utreds.",
            "kostnaderna för snöröjningen utreds",
        ),
        ("fler kameror", "Vi vill att kommunen sätter upp fler kameror.", "fler kameror"),
    ],
)
def test_a_measure_opening_on_its_passive_verb_gets_its_subject(
    measure: str, sentence: str, expected: str
) -> None:
    if postag.load() is None:
        pytest.skip("no tagger model")
    assert measure_phrase.with_subject(measure, sentence) == expected


def test_the_ranker_passes_over_a_span_that_names_no_measure(ranker: None) -> None:
    cue = main_cue(find_cues(SENTENCE, "other"))
    rule_first = measure_span.SpanRanker({"weights": {"cand=rule": 9.0}})
    pick = rule_first.choose(SENTENCE, cue.start, cue.end, cue.family, "Förslaget")
    assert pick != "Förslaget"
    assert unusable(pick) is None
