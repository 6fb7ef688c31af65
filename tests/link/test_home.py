"""A document's municipality from the places and bodies it names (pipeline.link.home)."""

from __future__ import annotations

from pipeline.link.home import home_municipality


def org(name: str) -> dict[str, str]:
    return {"kind": "organisation", "name": name}


def test_a_city_district_counts_for_its_city() -> None:
    actors = [org("Skärholmens stadsdelsförvaltning"), org("Skärholmens stadsdelsnämnd")]
    assert home_municipality(None, actors) == "Stockholm"


def test_the_commonest_municipality_wins_when_it_is_clear() -> None:
    actors = [org("Malmö stad"), {"kind": "place", "name": "Malmö"}, org("Lunds kommun")]
    assert home_municipality("Yttrande", actors) == "Malmö"


def test_two_towns_named_equally_give_none() -> None:
    assert home_municipality(None, [org("Malmö stad"), org("Lunds kommun")]) is None


def test_persons_and_unknown_names_say_nothing() -> None:
    actors = [{"kind": "person", "name": "Malmö"}, org("Polisen")]
    assert home_municipality(None, actors) is None
