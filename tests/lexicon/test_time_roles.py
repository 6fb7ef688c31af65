"""Time expressions that date something else than the measure: events, balance days, starts."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract.deadlines.core import pick_deadline
from pipeline.extract.status import excluded
from pipeline.lexicon.rejects import not_commitment
from pipeline.lexicon.time_roles import dates_other_thing, is_start
from pipeline.link.timeline import summarise

REF = date(2017, 5, 2)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The date of the skrivelse, the motion's meeting or an earlier decision: no deadline.
        (
            "Carin Jämtin (s) föreslår i en skrivelse den 4 maj 2009 att staden kartlägger stråken.",
            None,
        ),
        (
            "Två ledamöter föreslår i motion, väckt vid kommunfullmäktiges sammanträde den 27 mars "
            "2017, att trygghetsvakter ska anställas.",
            None,
        ),
        (
            "Kommunstyrelsen ska påbörja utvecklingen av ett besökscentrum, i enlighet med beslutet "
            "i kommunfullmäktige den 24 november 2010.",
            None,
        ),
        ("Delårsbokslut per den 31 augusti 2016 för Stockholms stad godkänns.", None),
        # A meeting or report the work is due at is a deadline all the same.
        (
            "Uppdraget ska återrapporteras till kommunstyrelsens sammanträde 4 oktober 2017.",
            "till kommunstyrelsens sammanträde 4 oktober 2017",
        ),
        ("En fördjupad analys görs i delårsrapporten per augusti.", "per augusti"),
        ("Samtliga nämnder ska redovisa till kommunfullmäktige i oktober 2017.", "i oktober 2017"),
        ("Rutinen ska redovisas senast den 31 oktober 2017.", "senast den 31 oktober 2017"),
    ],
)
def test_only_the_measures_own_time_is_its_deadline(sentence: str, expected: str | None) -> None:
    got = pick_deadline(sentence, REF)
    assert (got.text if got else None) == expected


def test_the_lead_words_an_expression_took_in_count_as_before_it() -> None:
    s = "föreslår i motion, väckt vid kommunfullmäktiges sammanträde den 27 mars 2017, att"
    t = "vid kommunfullmäktiges sammanträde den 27 mars 2017"
    assert dates_other_thing(s, s.index(t), t)


@pytest.mark.parametrize(
    ("sentence", "text", "start"),
    [
        ("Lagändringarna föreslås träda i kraft den 1 juli 2026.", "den 1 juli 2026", True),
        ("En VA-taxa som ska gälla från 1 januari 2022.", "från 1 januari 2022", True),
        (
            "Taxan höjs med 8 procent från och med 1 januari 2022.",
            "från och med 1 januari 2022",
            True,
        ),
        ("Insatserna genomförs med start i november 2022.", "med start i november 2022", True),
        (
            "Den nya grundskolechefen börjar sitt uppdrag till terminsstart i januari 2024.",
            "till terminsstart i januari 2024",
            True,
        ),
        ("Arbetet med planen börjar i januari 2024.", "i januari 2024", False),
        ("En handlingsplan ska tas fram under år 2024.", "under år 2024", False),
        ("Planen ska vara klar senast den 1 juli 2024.", "senast den 1 juli 2024", False),
    ],
)
def test_a_time_something_takes_effect_is_a_start(sentence: str, text: str, start: bool) -> None:
    assert is_start(sentence, text) is start


def _statement(sentence: str, text: str, end: str) -> dict[str, str]:
    return {
        "doc_id": "a",
        "doc_date": "2021-12-16",
        "status": "proposed",
        "sentence": sentence,
        "deadline_text": text,
        "deadline_end": end,
    }


def test_a_start_date_is_no_due_date_so_nothing_is_late_on_it() -> None:
    start = _statement(
        "Taxan höjs från och med 1 januari 2022.", "från och med 1 januari 2022", "2022-01-01"
    )
    assert summarise([start]).due is None
    due = _statement("Taxan ska ses över under 2022.", "under 2022", "2022-12-31")
    assert summarise([start, due]).due == "2022-12-31"


def test_a_post_changing_hands_is_no_commitment() -> None:
    assert not_commitment("1 april tillträder ny förvaltningschef Anita Hedström") == "personnel"
    assert excluded("1 april tillträder ny förvaltningschef Anita Hedström", "protokoll")
    # A chief starting as a step of an action plan is a measure (the seed gold says so).
    assert not excluded(
        "Den nya grundskolechefen börjar sitt uppdrag i januari 2024.", "tjansteutlatande"
    )
    assert not_commitment("En handlingsplan ska tas fram under 2024.") is None


def test_a_neighbours_measure_is_no_commitment_but_one_done_together_is() -> None:
    neighbour = "Sedan tidigare i år har grannkommunen Haninge också infört ordningsvakter."
    assert not_commitment(neighbour) == "elsewhere"
    assert excluded(neighbour, "press")
    together = "Kommunen undertecknade klimatkontraktet tillsammans med åtta andra kommuner."
    assert not_commitment(together) is None


def test_a_claim_that_something_matters_is_no_commitment() -> None:
    claim = "I budgeten fastställs det att Norrbys vattenförsörjning är avgörande för tillväxten."
    assert not_commitment(claim) == "claim"
    assert excluded(claim, "protokoll")
    # A report of a thing made, said to have mattered, is a report of it (seed gold).
    assert not_commitment("Den framtagna handboken har varit viktig för medarbetarna.") is None
    # A measure described by what it matters for is still a measure.
    assert not_commitment("Nämnden ska ta fram en plan som är avgörande för tillväxten.") is None
