"""Titles found inside flattened heads, where the whole page arrived on one line."""

from __future__ import annotations

import pytest

from pipeline.structure.core import analyse
from pipeline.structure.inline_title import inline_title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "1 Utlåtande 2021:88 RV (Dnr 123-456/2020) Fler bänkar längs Årstaviken Motion "
            "(2020:14) av Anna Berg (C) Kommunstyrelsen föreslår att kommunfullmäktige beslutar "
            "följande.",
            "Fler bänkar längs Årstaviken",
        ),
        (
            "1 PM 2019:40 RIII (Dnr 334-1/2019) Trygga skolvägar i ytterstaden Skrivelse av "
            "Per Ek (S) Borgarrådsberedningen föreslår att kommunstyrelsen beslutar följande.",
            "Trygga skolvägar i ytterstaden",
        ),
        (
            "1 SAMMANTRÄDESPROTOKOLL KOMMUNSTYRELSEN 14 (22) 7 Svar på motion om belysning "
            "längs cykelvägen till Norrby Dnr 2019/311 INLEDNING Motionären föreslår belysning.",
            "Svar på motion om belysning längs cykelvägen till Norrby",
        ),
        (
            "VÄXJÖ KOMMUN Kommunledningsförvaltningen 2018-03-02 SID 1 (3) TJÄNSTESKRIVELSE "
            "Ny plan för fritidsgårdarna Sammanfattning Förvaltningen har tagit fram en plan.",
            "Ny plan för fritidsgårdarna",
        ),
        (
            "Motionen:\nBättre skolmat åt alla!\n\nSkolmaten är viktig för barnen.",
            "Bättre skolmat åt alla!",
        ),
    ],
)
def test_a_title_inside_a_flattened_head_is_found(text: str, title: str) -> None:
    assert inline_title(text) == title
    assert analyse(text).title == title


def test_running_text_has_no_inline_title() -> None:
    text = (
        "Förvaltningen har under året arbetat med trygghet i skolan. Svar på frågor från "
        "föräldrar har lämnats löpande. Arbetet fortsätter under hösten."
    )
    assert inline_title(text) is None


def test_a_title_on_its_own_line_wins_over_the_inline_search() -> None:
    text = "Motion om fler lekplatser\n\nVi föreslår fler lekplatser. Svar på motion om X Dnr 1."
    assert analyse(text).title == "Motion om fler lekplatser"
