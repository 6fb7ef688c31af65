"""Which phrases can name a measure or title a document, and why the others cannot."""

from __future__ import annotations

import pytest

from pipeline.lexicon.rejects import not_title, unusable


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("3,5 miljoner kronor", "amount"),
        ("1 mil lång", "amount"),
        ("40.000:- per månad", "amount"),
        ("mnkr av resultatet", "amount"),
        ("2007-05-14 Reimer Thomsson", "dated"),
        ("de kommande åren", "dated"),
        ("kommande åren", "dated"),
        ("Amanda Grönlund (KD), vice ordförande i kommunstyrelsen", "person"),
        ("Douglas Lithborn (M", "person"),
        ("annat på våra skolor", "fragment"),
        ("mig med mindre än detta", "fragment"),
        ("återrapporteras till", "fragment"),
        ("Förslaget", "anaphor"),
        ("Polisen.", "anaphor"),
        ("medborgarna", "anaphor"),
        ("barn- och utbildningsförvaltningen", "anaphor"),
        ("Örebro kommun", "anaphor"),
    ],
)
def test_a_phrase_that_names_no_measure_says_why(name: str, kind: str) -> None:
    assert unusable(name) == kind


@pytest.mark.parametrize(
    "name",
    [
        "en handlingsplan för fältarbetet",
        "2.500 nya bostäder",
        "cykelbanorna i Visby",
        "metoden EST, Effektiv samordning för trygghet",
        "Fairtrade City-diplomering",
        # A sum inside a measure is part of what is done, not all of it.
        "800 000 kronor för rekrytering av tre värdar och en handledare",
        # Words the fragment list starts with, inside a name, are no fragment.
        "samverkan med polisen om trygghet",
        "förslaget om nattvandring",
        # A body inside a measure, or a common noun before "stad", is part of what is done.
        "samverkan med nämnden",
        "trygg stad",
    ],
)
def test_a_phrase_that_names_a_measure_passes(name: str) -> None:
    assert unusable(name) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Val av justerare", "agenda"),
        ("2 Val av protokolljusterare och tid för justering av protokollet", "agenda"),
        ("§ 2 Godkännande av dagordning", "agenda"),
        ("1 Informationsärende", "agenda"),
        ("Anmälan av inkomna skrivelser", "agenda"),
        ("Kakor (cookies)", "chrome"),
        ("Hoppa till innehåll", "chrome"),
        ("Other languages", "chrome"),
        ("Aktiviteter Vivalla2021-05-17T06:47:34+00:00", "chrome"),
        ("Yttrande V och MP.", "remark"),
        ("Yttrande D Daniel Bernmar (V) deltog inte i beslutet på grund av jäv.", "remark"),
    ],
)
def test_a_line_that_titles_no_document_says_why(line: str, kind: str) -> None:
    assert not_title(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Handlingsplan för fältarbete i Skärholmen",
        "Yttrande om budget 2024",
        "Yttrande över remiss om motion om trygghetsvandringar",
        "Justering av taxor för förskolan",
        "Meddelanden från kommunstyrelsen om sommarlov",
        "Söka bygglov",
        "Sammanträde 2011-11-24",
    ],
)
def test_a_line_that_can_title_a_document_passes(line: str) -> None:
    assert not_title(line) is None
