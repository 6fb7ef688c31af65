"""Tests for actor extraction; the seed scoring test reads ../shared/gold/seeds (skips if absent)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from pipeline.eval.devpaths import GOLD_SEEDS
from pipeline.extract import actor_ner
from pipeline.extract.actors import find_actors
from pipeline.lexicon.gazetteers import is_org_word, load, role_of
from pipeline.records import Actor, Structure

ROOT = Path(__file__).resolve().parents[2]
SEEDS = GOLD_SEEDS


def _by_name(text: str, structure: Structure | None = None) -> dict[tuple[str, str], Actor]:
    return {(a.kind, a.name): a for a in find_actors(text, structure or Structure())}


def test_party_in_parentheses_upper_and_lower_case() -> None:
    text = (
        "Isabella Jernbeck (m), Sverker Littorin (kd), Bengt Sylvan (fp) och\n"
        "Sivert Svärling (s) biträdde förslaget."
    )
    got = _by_name(text)
    assert got[("person", "Isabella Jernbeck")].party == "M"
    assert got[("person", "Sverker Littorin")].party == "KD"
    assert got[("person", "Bengt Sylvan")].party == "FP"
    assert got[("person", "Sivert Svärling")].party == "S"


def test_interpellation_header_gives_interpellant_and_addressed_title() -> None:
    text = (
        "Interpellation från Jan Jönsson (L) till Alexander Ojanne (S) angående samverkan\n\n"
        "- Vad ämnar socialborgarrådet vidta för åtgärder?"
    )
    got = _by_name(text)
    assert got[("person", "Jan Jönsson")].role == "interpellant"
    assert got[("person", "Alexander Ojanne")].role == "socialborgarråd"
    assert got[("person", "Alexander Ojanne")].party == "S"


def test_motion_authors_with_multiword_surname() -> None:
    text = (
        "Kommunstyrelsen har remitterat motion (2016:28), inlämnad av Lotta Edholm (L) och "
        "Isabel Smedberg Palmqvist (L) om samverkan mellan skola och socialtjänst."
    )
    got = _by_name(text)
    assert got[("person", "Lotta Edholm")].role == "motionär"
    isabel = got[("person", "Isabel Smedberg Palmqvist")]
    assert (isabel.party, isabel.role) == ("L", "motionär")
    assert text[isabel.char_start : isabel.char_end] == "Isabel Smedberg Palmqvist"


def test_signature_block_and_handlaggare_label() -> None:
    text = (
        "Handläggare\nMadeleine Hagerth\nTelefon: 08-508 21 051\n\nTill\nÄlvsjö stadsdelsnämnd\n\n"
        "Per Kjellander\nStadsdelsdirektör\n\nGöran Sjödin\nVerksamhetsområdeschef\n"
    )
    got = _by_name(text)
    assert got[("person", "Madeleine Hagerth")].role == "handläggare"
    assert got[("person", "Per Kjellander")].role == "stadsdelsdirektör"
    assert got[("person", "Göran Sjödin")].role == "verksamhetsområdeschef"
    assert ("organisation", "Älvsjö stadsdelsnämnd") in got
    assert ("place", "Älvsjö") not in got


def test_party_then_title_line_and_title_before_name() -> None:
    text = (
        "Ulf Kristersson (m)\nSocialborgarråd\n\n"
        "Föredragande borgarrådet Olle Burell anför följande.\n"
        "Ordföranden Jan Jönsson (fp) utsågs att justera med ledamoten Liliane Svensson (s)."
    )
    got = _by_name(text)
    assert got[("person", "Ulf Kristersson")].role == "socialborgarråd"
    assert got[("person", "Olle Burell")].role == "borgarråd"
    assert got[("person", "Jan Jönsson")].role == "ordförande"
    assert got[("person", "Liliane Svensson")].role == "ledamot"


def test_unnamed_role_holders_are_not_persons() -> None:
    text = "Interpellanten lyfter vikten av samverkan. Stadsdelsdirektörerna och rektorer deltar."
    assert not [a for a in find_actors(text, Structure()) if a.kind == "person"]


def test_bodies_by_suffix_genitive_and_coordination() -> None:
    text = (
        "Utbildningsnämnden godkänner utbildningsförvaltningens tjänsteutlåtande. Ärendet har "
        "beretts inom grundskoleavdelningen och remitterats till kultur- och fritidsnämnden, "
        "Stadsrevisionen och Funktionshinderrådet. Förvaltningen föreslår att nämnden beslutar."
    )
    names = {a.name.casefold() for a in find_actors(text, Structure()) if a.kind == "organisation"}
    assert {
        "utbildningsnämnden",
        "utbildningsförvaltningen",
        "grundskoleavdelningen",
        "kultur- och fritidsnämnden",
        "stadsrevisionen",
        "funktionshinderrådet",
    } <= names
    assert "förvaltningen" not in names and "nämnden" not in names


def test_places_from_gazetteer_but_not_inside_body_names() -> None:
    text = (
        "Stockholms stad och Region Stockholm samverkar. Det gäller Bredäng och Sätra, "
        "liksom projektet Framtid Stockholm. Skolorna i Vänersborg deltar."
    )
    got = _by_name(text)
    assert ("organisation", "Stockholms stad") in got
    assert ("organisation", "Region Stockholm") in got
    assert {("place", "Bredäng"), ("place", "Sätra"), ("place", "Vänersborg")} <= set(got)
    assert ("place", "Stockholm") not in got


def test_sector_actors_and_party_as_organisation() -> None:
    text = "Nu har det kommit till Liberalernas kännedom att skolan, socialtjänsten och polisen brister."
    got = _by_name(text)
    assert got[("organisation", "Liberalerna")].party == "L"
    for name in ("skolan", "socialtjänsten", "polisen"):
        assert ("organisation", name) in got


def test_bare_definite_head_joins_the_named_body() -> None:
    text = "Till Älvsjö stadsdelsnämnd. Stadsdelsnämnden överlämnar tjänsteutlåtandet."
    orgs = [a.name for a in find_actors(text, Structure()) if a.kind == "organisation"]
    assert orgs == ["Älvsjö stadsdelsnämnd"]


def test_structure_authors_are_used_when_present() -> None:
    text = "Stockholm den 22 november 2023\n\nAnna Nordin\n"
    author = Actor("Anna Nordin", "person", "S", "socialborgarråd")
    got = _by_name(text, Structure(authors=[author]))
    person = got[("person", "Anna Nordin")]
    assert (person.party, person.role) == ("S", "socialborgarråd")
    assert text[person.char_start : person.char_end] == "Anna Nordin"


def test_one_actor_per_name_and_kind_with_first_offset() -> None:
    text = "Jan Jönsson (L) skriver. Senare svarar Jönsson igen. Jan Jönsson m.fl. (L) yrkar."
    persons = [a for a in find_actors(text, Structure()) if a.kind == "person"]
    assert len(persons) == 1 and persons[0].char_start == 0 and persons[0].party == "L"


def test_gazetteers_cover_all_municipalities_and_roles() -> None:
    g = load()
    kommuner = (ROOT / "pipeline/lexicon/data/gazetteers/kommuner.txt").read_text(encoding="utf-8")
    assert len([x for x in kommuner.splitlines() if x and not x.startswith("#")]) == 290
    assert {"Skärholmen", "Rinkeby-Kista", "Angered", "Rosengård", "Kiruna"} <= g.places
    assert role_of("Socialborgarrådet") == "socialborgarråd"
    assert role_of("Grundskoledirektör") == "grundskoledirektör"
    assert is_org_word("stadsledningskontoret") and not is_org_word("socialborgarrådet")


def test_rules_only_fallback_without_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(actor_ner, "_model", lambda: None)
    got = _by_name("Ulf Kristersson (m)\nSocialborgarråd\n")
    assert got[("person", "Ulf Kristersson")].party == "M"


@pytest.mark.skipif(not actor_ner.available(), reason="NER model not trained")
def test_ner_adds_an_unmarked_person_in_running_text() -> None:
    text = "Vid mötet deltog även Karin Lidén från förvaltningen och redogjorde för läget."
    assert ("person", "Karin Lidén") in _by_name(text)


def _eval_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("eval_actors", ROOT / "scripts/eval_actors.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared gold seeds absent")
def test_seed_scores_meet_targets() -> None:
    res = _eval_module().evaluate(SEEDS)
    assert res["person"]["f1"] >= 0.92
    assert res["party"]["acc"] >= 0.98
    assert res["organisation"]["f1"] >= 0.75
    assert res["place"]["f1"] >= 0.75


def test_a_title_printed_after_the_name_is_the_role() -> None:
    text = (
        "Förhinder anmäls till Karin Holm, nämndsekreterare\nTelefon: 08-508 00 000\n\n"
        "Beslutande: Per Lindqvist (S), ordförande, och Eva Strand (M)."
    )
    found = _by_name(text)
    assert found[("person", "Karin Holm")].role == "nämndsekreterare"
    assert found[("person", "Per Lindqvist")].role == "ordförande"
    assert found[("person", "Eva Strand")].role is None


def test_an_agenda_word_before_a_party_code_is_no_person() -> None:
    # Agenda lines mark the preparing office in brackets: "Remiss (S)" is no Mr Remiss.
    text = "5 Folkhälsoprogram för Stockholms stad. Remiss (S)\n6 Bly i transpondrar. Skrivelse (M)"
    assert not [k for k in _by_name(text) if k[0] == "person"]


def test_streets_quays_parks_and_centres_are_places() -> None:
    text = (
        "Bygglovet gäller Kvarngatan 4 vid Södra Fiskhamnen. Parkeringen flyttas till "
        "Ekbackens centrum och Lindparken får nya bänkar."
    )
    places = {k[1] for k in _by_name(text) if k[0] == "place"}
    assert {"Kvarngatan", "Södra Fiskhamnen", "Ekbackens centrum", "Lindparken"} <= places


def test_a_sub_body_named_through_its_owner_is_one_organisation() -> None:
    text = "Kulturnämndens arbetsutskott föreslår att nämndens pensionärsråd hörs."
    orgs = {k[1] for k in _by_name(text) if k[0] == "organisation"}
    assert "Kulturnämndens arbetsutskott" in orgs
    assert "Kulturnämnden" not in orgs
