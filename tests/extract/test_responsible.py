"""Responsible actor: lead-in subjects, assignees in other shapes, a proposal's doer, mentions.

Every sentence here is invented for the test; none is taken from the gold.
"""

from __future__ import annotations

from pipeline.extract.commitments import find_commitments
from pipeline.extract.mentions import actor_hits
from pipeline.records import Actor, Commitment, Structure


def _org(*names: str) -> list[Actor]:
    return [Actor(name=n, kind="organisation") for n in names]


def _person(*names: str) -> list[Actor]:
    return [Actor(name=n, kind="person") for n in names]


def _resp(
    text: str, actors: list[Actor] | None = None, doc_type: str = "other"
) -> list[str | None]:
    found: list[Commitment] = find_commitments(text, Structure(doc_type=doc_type), actors or [])
    assert found, text
    return [c.responsible for c in found]


def test_a_promising_lead_in_gives_its_subject_to_every_item() -> None:
    text = (
        "Lokalpolisområde Norrby åtar sig under perioden 2025–2026 att:\n"
        "- Polisen ska genomföra fotpatruller i centrum varje fredag.\n"
        "- Genomföra två trafikinsatser vid skolorna.\n"
    )
    assert set(_resp(text, doc_type="medborgarlofte")) == {"Lokalpolisområde Norrby"}


def test_an_inverted_lead_in_subject_is_found_after_the_verb() -> None:
    text = (
        "Gällande belysning kommer Norrby Energi även att:\n"
        "- Byta ut armaturerna längs gång- och cykelvägen under 2025.\n"
    )
    assert _resp(text, _org("Norrby Energi"), "medborgarlofte") == ["Norrby Energi"]


def test_a_pronoun_opening_a_lead_in_is_no_subject() -> None:
    text = "Detta ska ske genom att:\n- Genomföra tio föräldramöten om droger under året.\n"
    assert _resp(text, doc_type="medborgarlofte") != ["Detta"]


def test_together_with_in_a_promise_list_makes_two_doers() -> None:
    text = (
        "Polisen lovar att:\n"
        "- tillsammans med kommunen genomföra en trygghetsvandring i Norrby under våren.\n"
    )
    assert _resp(text, _org("polisen"), "medborgarlofte") == ["polisen och kommunen"]


def test_together_with_outside_a_promise_list_keeps_the_subject() -> None:
    text = (
        "Polisen ska tillsammans med kommunen genomföra en trygghetsvandring i Norrby under våren."
    )
    assert _resp(text, _org("polisen"), "medborgarlofte") == ["polisen"]


def test_the_body_that_gets_the_task_is_responsible() -> None:
    text = (
        "Kommunstyrelsen föreslår att kommunfullmäktige beslutar att nämnderna får i uppdrag "
        "att minska sina lokalkostnader under 2025."
    )
    assert _resp(text) == ["nämnderna"]


def test_a_task_holder_in_the_genitive_is_responsible() -> None:
    text = "I samordnarnas uppdrag ingår att:\n- ta fram en gemensam lägesbild varje kvartal.\n"
    assert _resp(text, doc_type="press") == ["samordnarna"]


def test_the_recipient_of_granted_money_is_responsible() -> None:
    text = "Kommunfullmäktige beslutar medge kulturnämnden 2,5 miljoner kronor för en ny konsthall."
    assert _resp(text, doc_type="protokoll") == ["kulturnämnden"]


def test_a_proposal_names_the_subject_of_its_att_clause() -> None:
    text = "Anna Berg (C) föreslår i en motion att tekniska nämnden ska utreda en ny busslinje."
    assert _resp(text, _person("Anna Berg"), "motion") == ["tekniska nämnden"]


def test_a_proposal_with_an_infinitive_names_the_body_it_is_put_to() -> None:
    text = "Anna Berg (C) yrkar i en motion till kommunfullmäktige att ändra reglerna för bidrag."
    assert _resp(text, _person("Anna Berg"), "motion") == ["kommunfullmäktige"]


def test_a_person_proposing_a_passive_measure_names_no_doer() -> None:
    text = (
        "Anna Berg har i ett medborgarförslag föreslagit att gångvägen vid skolan ska asfalteras."
    )
    assert _resp(text, _person("Anna Berg"), "protokoll") == [None]


def test_a_fronted_adverbial_puts_the_subject_after_the_finite_verb() -> None:
    text = "Under hösten har kulturförvaltningen genomfört tre workshoppar med unga i Norrby."
    assert _resp(text, doc_type="uppfoljning") == ["kulturförvaltningen"]


def test_work_done_by_named_bodies_is_theirs() -> None:
    text = "Inventeringen av gatubelysningen har genomförts av Norrby Energi och Norrbyhem."
    assert _resp(text, _org("Norrby kommun"), "uppfoljning") == ["Norrby Energi och Norrbyhem"]


def test_a_firm_named_with_an_ampersand_keeps_its_whole_name() -> None:
    text = "En granskning av rutinerna har genomförts av Lindqvist & Partner."
    assert _resp(text, _org("Lindqvist & Partner"), "uppfoljning") == ["Lindqvist & Partner"]


def test_a_passive_subject_is_not_responsible_for_itself() -> None:
    # What was made ("Fritidsteam har startats") did not make itself: no responsible is named.
    made = "Fritidsteam har startats för att nå fler unga."
    found = find_commitments(made, Structure(doc_type="interpellationssvar"), _org("fritidsteam"))
    assert [(c.measure, c.responsible) for c in found] == [("Fritidsteam", None)]
    # An active subject that the measure was read as still does what the sentence says.
    doer = "Fritidsteam Norrby ska arbeta med unga på kvällstid."
    assert _resp(doer, _org("Fritidsteam Norrby")) == ["Fritidsteam Norrby"]


def test_a_known_name_is_matched_as_a_whole_word_only() -> None:
    hits = actor_hits("Lokalpolisområde Norrby ska patrullera", _org("polisområde"))
    assert hits == []
    assert actor_hits("Ett polisområde ska patrullera", _org("polisområde"))[0][2] == "polisområde"


def test_the_body_given_a_task_in_the_passive_is_responsible() -> None:
    # Two tasks: the first "ges" must not reach over its own "i uppdrag" to the second.
    text = (
        "Motionären yrkar på att kommunstyrelsen ges i uppdrag att rusta upp kamerorna i "
        "centrum och att kommunstyrelsen ges i uppdrag att utreda fler kameror under 2016."
    )
    assert set(_resp(text, _org("kommunstyrelsen"))) == {"kommunstyrelsen"}


def test_a_body_given_a_task_by_name_is_responsible() -> None:
    text = (
        "Partierna i Norrby stadsdelsnämnd har ställt sig bakom en gemensam skrivelse där de ger "
        "förvaltningen i uppdrag att, i samråd med polisen, utreda hur Norrby kan bli tryggare."
    )
    assert _resp(text, _org("Norrby stadsdelsnämnd", "förvaltningen")) == ["förvaltningen"]


def test_the_paragraphs_actor_is_not_the_doer_of_a_measure_about_it() -> None:
    actors = _org("förskolan", "kommunen")
    about = (
        "Förskolan är en viktig verksamhet för barnen. "
        "Under nästa år ska ett stödmaterial för samverkan mellan socialtjänsten, elevhälsan "
        "och förskolan tas fram."
    )
    assert _resp(about, actors, "interpellationssvar")[-1] is None
    # "möjligheterna för kommunen att …": the object of "för" is who does it.
    doer = (
        "Kommunen är en viktig aktör för tryggheten. "
        "Under nästa år ska möjligheterna för kommunen att bekosta fler kameror ses över."
    )
    assert _resp(doer, actors, "interpellationssvar")[-1] == "kommunen"


def test_an_actor_said_to_be_left_out_is_not_the_paragraphs_actor() -> None:
    actors = _org("förskolan")
    text = (
        "Förslagen gäller skolans och socialtjänstens uppgifter. Förskolan omfattas inte av "
        "förslagen. Under nästa år ska en ny rutin för uppgiftsutbyte tas fram."
    )
    assert _resp(text, actors, "interpellationssvar")[-1] is None


def test_the_body_whose_work_is_the_subject_does_it() -> None:
    # Clearly synthetic. The paragraph opens on another actor, which used to take the measure.
    text = (
        "Skolsociala team finns på alla skolor i Norrby. "
        "Socialtjänstens närvaro i skolan och fritidsklubbarna ska utökas under 2026.\n"
    )
    assert _resp(text, _org("Skolsociala team", "socialtjänsten"), "interpellationssvar")[-1] == (
        "socialtjänsten"
    )
    both = "Polisens och kommunens arbete ska bedrivas med fokus på Norrby centrum.\n"
    assert _resp(both, _org("Norrby kommun", "polisen"), "medborgarlofte") == [
        "polisen och Norrby kommun"
    ]
