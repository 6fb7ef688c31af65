"""A measure the state, the EU or a state inquiry acts on is not the municipality's own."""

from __future__ import annotations

import pytest

from pipeline.lexicon.outside import outside


@pytest.mark.parametrize(
    "sentence",
    [
        "Regeringen beslutade i december 2023 att tillsätta en särskild utredare.",
        "I utredningen föreslås följande. Försök med direktval i en geografisk nämnd.",
        "För att göra resor hållbara föreslår EU-kommissionen en uppdatering av ITS-direktivet.",
        "Lagändringarna föreslås träda i kraft den 1 juli 2026.",
        "Förslaget innebär bland annat att kommunerna ska analysera behoven av livsmedel.",
        "Medlemsländerna ska säkerställa att urbana noder är rustade.",
    ],
)
def test_the_state_or_the_eu_acting_is_outside(sentence: str) -> None:
    assert outside(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # The council acts; the state is only named.
        "Staden ska vidta åtgärder enligt regeringens åtgärdsprogram.",
        "Kommunen skrev på EU-kommissionens borgmästaravtal.",
        "Kommunstyrelsen ska yttra sig över utredningen senast den 1 mars.",
        "Inför uppsättning av kamera ska kontakt alltid tas med Länsstyrelsen.",
        "Av utredningen framgår att kommunen ska bygga en ny förskola i Norrby.",
        # A joint pledge of a council and the police is the council's.
        "Kommunen och polisen ska genomföra trygghetsvandringar.",
    ],
)
def test_the_council_acting_is_its_own(sentence: str) -> None:
    assert not outside(sentence)


def test_a_responsible_that_is_a_state_body_is_outside() -> None:
    assert outside("Ett uppdrag ska ges om en nationell plan.", "Regeringen")
    assert not outside("Ett uppdrag ska ges om en nationell plan.", "Kommunstyrelsen")
