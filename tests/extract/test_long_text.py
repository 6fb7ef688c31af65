"""Text without sentence ends: cut into bounded sentences, read with the same clause rules."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import status
from pipeline.extract.commitments import find_commitments
from pipeline.extract.sentences import MAX_SENTENCE, split_sentences
from pipeline.lexicon.cues import BOUNDARY, SUBORDINATE
from pipeline.records import Structure

RUN_ON = "Nämnden ska ta fram en handlingsplan under 2024 och förvaltningen ska redovisa den, "


def test_a_text_without_sentence_ends_is_cut_into_bounded_pieces_that_cover_it() -> None:
    text = RUN_ON * 400  # 34,000 characters, not one full stop
    spans = split_sentences(text)
    assert len(spans) > 10
    assert max(b - a for a, b in spans) <= MAX_SENTENCE
    # Nothing is lost and nothing read twice: the pieces tile the text but for spaces.
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")
    # Cuts fall after a comma where there is one.
    assert all(text[a - 2 : a] == ", " for a, _ in spans[1:])


def test_ordinary_sentences_are_not_cut() -> None:
    text = "Nämnden ska ta fram en plan. " + "Förvaltningen ska redovisa den, " * 60 + "i år."
    assert len(split_sentences(text)) == 2


def _reference_subordinate(sentence: str, pos: int) -> bool:
    """The clause rule as first written: the text since the last boundary before ``pos``."""
    head = sentence[:pos]
    bounds = [m.end() for m in BOUNDARY.finditer(head)]
    clause = head[bounds[-1] :] if bounds else head
    return bool(SUBORDINATE.search(clause))


WORDS = ["för att", "nämnden", "ska", "och", ",", "hur", "samt", "planen", "om", "när", "att"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_the_indexed_clause_rule_agrees_with_the_first_one(words: list[str]) -> None:
    sentence = " ".join(words)
    clauses = status._Clauses(sentence)
    for m in re.finditer(r"\bska\b", sentence):
        assert clauses.subordinate(m.start()) == _reference_subordinate(sentence, m.start())


def test_every_pledge_of_a_long_run_on_text_is_found() -> None:
    text = RUN_ON * 120  # about 10,000 characters on one line
    found = find_commitments(text, Structure(doc_type="svar"), [])
    assert found, "a run-on text still holds commitments"
    assert all(len(c.sentence) <= MAX_SENTENCE for c in found)
