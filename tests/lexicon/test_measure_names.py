"""Which phrases can name a measure: not a sum, a date, a politician, a fragment or a pointer."""

from __future__ import annotations

import pytest

from pipeline.lexicon.measure_names import unusable


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
    ],
)
def test_a_phrase_that_names_a_measure_passes(name: str) -> None:
    assert unusable(name) is None
