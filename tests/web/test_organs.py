"""The stadsdel-or-nämnd filter lists councils and districts, not streets or glitches."""

from __future__ import annotations

from pipeline.web.organs import _named


def test_streets_towns_and_glitches_are_left_out_and_generic_names_get_their_town() -> None:
    organs = {
        "a": {"Socialnämnden", "Socialnämndens", "Socialnämndennämnden", "KOMMUNSTYRELSEN"},
        "b": {"Socialnämnden", "Skärholmens stadsdelsnämnd", "Stadsdelsnämnden"},
        "c": {"Bromma stadsdelsnämnd", "Kommunfullmäktige i Danderyd"},
    }
    places = {"a": {"Storgatan", "Sverige", "Malmö"}, "b": {"Skärholmen"}, "c": {"Danderyd"}}
    munis = {"a": "Malmö", "b": "Stockholm", "c": "Danderyd"}
    got = _named(organs, places, munis)
    assert got["a"] == ["Kommunstyrelsen, Malmö", "Socialnämnden, Malmö"]
    assert got["b"] == ["Skärholmen", "Skärholmens stadsdelsnämnd", "Socialnämnden, Stockholm"]
    assert got["c"] == ["Bromma stadsdelsnämnd", "Kommunfullmäktige i Danderyd"]


def test_no_municipality_leaves_the_name_as_it_is() -> None:
    got = _named({"a": {"Socialnämnden"}}, {}, {"a": "unknown (not named in text)"})
    assert got["a"] == ["Socialnämnden"]
