"""The stadsdel-or-nämnd filter lists councils and districts, not streets or glitches."""

from __future__ import annotations

from pipeline.web.organs import _named, organ_key


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
    # The municipality said in the name is said the one way the filter says it.
    assert got["c"] == ["Bromma stadsdelsnämnd", "Kommunfullmäktige, Danderyd"]


def test_one_organ_written_three_ways_is_one_filter_entry() -> None:
    organs = {
        "a": {"Malmö kommunfullmäktige", "Grundskole-förvaltningen"},
        "b": {"Kommunfullmäktige", "Grundskoleförvaltningen"},
        "c": {"Kommunfullmäktige i Malmö"},
    }
    munis = {"a": "Malmö", "b": "Malmö", "c": "Malmö"}
    got = _named(organs, {}, munis)
    assert {organ_key(n) for names in got.values() for n in names} == {
        organ_key("Kommunfullmäktige, Malmö"),
        organ_key("Grundskoleförvaltningen, Malmö"),
    }
    assert got["c"] == ["Kommunfullmäktige, Malmö"]


def test_no_municipality_leaves_the_name_as_it_is() -> None:
    got = _named({"a": {"Socialnämnden"}}, {}, {"a": "unknown (not named in text)"})
    assert got["a"] == ["Socialnämnden"]


def test_overview_groups_add_up_and_fold_case() -> None:
    from pipeline.read.query import MeasureView
    from pipeline.web.overview import UNKNOWN, bars, overview

    def view(
        mid: str, status: str, source: str, responsible: str | None, seen: str | None
    ) -> MeasureView:
        v = MeasureView.__new__(MeasureView)
        v.__dict__.update(
            id=mid,
            status=status,
            shown_status=status,
            sources=[source],
            responsible=responsible,
            first_seen=seen,
            overdue=status == "overdue",
        )
        return v

    views = [
        view("a", "pledged", "d1", "polisen", "2024-01-01"),
        view("b", "overdue", "d1", "Polisen", "2023-05-01"),
        view("c", "done", "d2", None, None),
    ]
    got = overview(views, {"d1": "Malmö", "d2": "unknown (not named in text)"}, {"d2": "V"})
    muni = {r["name"]: r for r in got["municipality"]}
    assert muni["Malmö"]["total"] == 2 and muni["Malmö"]["counts"]["overdue"] == 1
    assert muni[UNKNOWN]["counts"]["done"] == 1
    assert [r["name"] for r in got["responsible"]] == ["Polisen", UNKNOWN]
    assert [r["name"] for r in got["year"]] == ["2024", "2023", UNKNOWN]
    # The one measure of a known party comes first, though more have none.
    assert [(r["name"], r["total"]) for r in got["party"]] == [
        ("Vänsterpartiet (V)", 1),
        (UNKNOWN, 2),
    ]
    pieces = bars(muni["Malmö"])
    assert [k for k, _, _ in pieces] == ["pledged", "overdue"]
    assert sum(w for _, _, w in pieces) == 100.0
