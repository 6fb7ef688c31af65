"""The rules' measure phrase: what a decision names, and what may stand for a pronoun."""

from __future__ import annotations

from pipeline.extract.measure_phrase import measure_of
from pipeline.extract.status import Cue


def _passive(s: str) -> Cue:
    at = s.index("godkänns")
    return Cue("decision", "beslutas", at, at + len("godkänns"))


def test_a_passive_decision_item_names_its_subject_not_its_list_number() -> None:
    s = "Verksamhetsplanen för 2027 för Byns förskolor godkänns."
    assert (
        measure_of(s, _passive(s), antecedent="1")
        == "Verksamhetsplanen för 2027 för Byns förskolor"
    )


def test_a_pronoun_takes_a_word_antecedent_only() -> None:
    cue = Cue("future", "ska", 4, 7)
    assert (
        measure_of("Den ska följas upp.", cue, antecedent="handlingsplanen")
        == "uppföljning av handlingsplanen"
    )
    assert measure_of("Den ska följas upp.", cue, antecedent="2.") != "2."


def test_a_status_participle_is_no_part_of_the_measure_name() -> None:
    from pipeline.extract.measure_phrase import trim_edges

    assert trim_edges("genomförda genomlysningen av tekniska nämndens ekonomi") == (
        "genomlysningen av tekniska nämndens ekonomi"
    )
    # A participle alone is left: trimming it would leave nothing to name.
    assert trim_edges("genomförda") == "genomförda"


def test_reporting_back_on_a_task_is_no_part_of_its_object() -> None:
    from pipeline.extract.noun_phrases import object_after

    # "… och återkomma med förslag" is what follows the task, not what the task is about.
    task = "parkförvaltningens ekonomi och återkomma med förslag till fullmäktige"
    assert object_after(task) == "parkförvaltningens ekonomi"
    assert object_after("trafiken samt därefter återrapportera till nämnden") == "trafiken"
    # A second verb of another kind may be the other half of one measure: it stays.
    both = "gemensamma informationstillfällen och samverka mot bedrägerier mot äldre"
    assert object_after(both) == both
