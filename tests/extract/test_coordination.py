"""Coordinated att-clauses: one record per clause, and none where the clause is nested.

The sentences are written for the test, in the forms council texts use.
"""

from __future__ import annotations

import pytest

from pipeline.extract.coordination import clause_cues, clause_end
from pipeline.extract.status import find_cues, main_cue
from tests.extract.test_commitments import _find


def _clauses(sentence: str, doc_type: str = "protokoll") -> list[str]:
    cue = main_cue(find_cues(sentence, doc_type))
    cues = clause_cues(sentence, cue)
    return [sentence[c.start : clause_end(sentence, cues, k)].strip() for k, c in enumerate(cues)]


def test_samt_att_opens_a_second_clause() -> None:
    s = "Förvaltningen föreslår att taxan för bygglov höjs med fem procent samt att avgiften för tillsyn sänks."
    parts = _clauses(s)
    assert len(parts) == 2
    assert parts[0].endswith("fem procent")
    assert parts[1].startswith("samt att avgiften")


def test_att_after_the_addressee_still_governs() -> None:
    s = (
        "Ledamoten yrkar i en motion till nämnden att utreda en ny simhall i centrum "
        "och att bygga fler cykelparkeringar vid stationen."
    )
    assert len(_clauses(s)) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        # A purpose clause in between: its "och att" continues the purpose, not the cue.
        "Nämnden beslutar att anställa två fältassistenter för att minska oron och att öka tryggheten.",
        # A modal's coordinated infinitives are one measure.
        "Kommunen ska bygga en ny förskola och renovera den gamla skolan i Byn.",
        # Too little after the coordinator to be a measure.
        "Nämnden föreslår att planen antas för hela området samt att så sker.",
    ],
)
def test_no_split(sentence: str) -> None:
    assert len(_clauses(sentence)) == 1


def test_each_clause_is_its_own_record() -> None:
    text = (
        "Förslag till beslut\n\n"
        "Förvaltningen föreslår att nämnden inrättar en ungdomsråd i Byn samt att "
        "en ny fritidsgård öppnas vid torget under 2027.\n"
    )
    found = _find(text, "tjansteutlatande", "2026-03-01")
    assert len(found) == 2
    assert {c.sentence for c in found} == {found[0].sentence}
    assert all(c.status == "proposed" for c in found)
    # The second clause's date is its own.
    assert found[0].deadline is None
    assert found[1].deadline is not None and found[1].deadline.start == "2027-01-01"


def test_a_report_of_work_done_gives_each_passive_clause_its_own_measure_and_doer() -> None:
    s = (
        "En trafikutredning har genomförts av Berg & Son, en översyn av parkeringar och "
        "skyltar har genomförts av Ekdahl & Partner och en enkät har genomförts bland de boende."
    )
    assert _clauses(s, "other") == [
        "har genomförts av Berg & Son",
        "har genomförts av Ekdahl & Partner",
        "har genomförts bland de boende.",
    ]
    s = s.replace("en enkät har genomförts bland de boende", "en ny busslinje har inrättats")
    found = _find(s, "other")
    assert [(c.measure, c.responsible, c.status) for c in found] == [
        ("trafikutredning", "Berg & Son", "done"),
        ("översyn av parkeringar och skyltar", "Ekdahl & Partner", "done"),
        ("ny busslinje", None, "done"),
    ]


def test_a_verb_of_the_clause_before_is_no_part_of_the_next_subject() -> None:
    # "reviderats regelbundet av en styrgrupp och materialet" holds the first clause's verb:
    # the second clause opens at its last "och", on "materialet".
    s = (
        "I Norrby har planen följts upp och reviderats regelbundet av en styrgrupp och "
        "materialet har implementerats i skolorna."
    )
    assert _clauses(s, "other")[1] == "har implementerats i skolorna."
    first = _clauses(s, "other")[0]
    assert first.endswith("av en styrgrupp") and "materialet" not in first
