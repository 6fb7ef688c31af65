"""A document's shown name: the printed title first, else what, whose, where and when."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.structure.names import long_date, shown_name


def test_printed_title_wins_with_what_and_when_beside_it() -> None:
    doc = {"title": "  Svar på  motion ", "doc_type": "protokoll", "date": "2024-02-29"}
    assert shown_name(doc) == "Svar på motion (Protokoll, 29 februari 2024)"
    assert shown_name({"title": "Svar på motion", "doc_type": "other", "year": 2019}) == (
        "Svar på motion (2019)"
    )
    assert shown_name({"title": "Svar på motion"}) == "Svar på motion"


def test_what_the_title_says_is_not_said_again_beside_it() -> None:
    doc = {"title": "Beslut i kommunstyrelsen 2024-06-12", "doc_type": "protokoll"}
    assert (
        shown_name(doc | {"date": "2024-06-12"})
        == "Beslut i kommunstyrelsen 2024-06-12 (Protokoll)"
    )
    doc = {"title": "Sammanfattning av mötet 12 juni 2024", "doc_type": "protokoll"}
    assert (
        shown_name(doc | {"date": "2024-06-12"})
        == "Sammanfattning av mötet 12 juni 2024 (Protokoll)"
    )
    doc = {"title": "Motion om lekplatser i Norrby", "doc_type": "motion", "date": "2024-06-12"}
    assert shown_name(doc) == "Motion om lekplatser i Norrby (12 juni 2024)"
    # Another day in the title is not this document's date: both are shown.
    doc = {"title": "Svar på motion från 2023-05-04", "doc_type": "protokoll", "date": "2024-02-29"}
    assert shown_name(doc) == "Svar på motion från 2023-05-04 (Protokoll, 29 februari 2024)"


def test_a_title_that_only_dates_a_meeting_gets_its_body_and_place() -> None:
    doc = {"title": "Sammanträde 2023-11-22", "body": "Kommunstyrelsen", "municipality": "Tyresö"}
    assert shown_name(doc) == "Sammanträde 2023-11-22, Kommunstyrelsen, Tyresö"
    assert shown_name({"title": "Sammanträde om parker", "municipality": "Tyresö"}) == (
        "Sammanträde om parker"
    )


def test_untitled_document_is_named_by_type_body_place_and_date() -> None:
    doc = {
        "doc_type": "protokoll",
        "body": "Kommunfullmäktige",
        "municipality": "Malmö",
        "date": "2024-02-29",
    }
    assert shown_name(doc) == "Protokoll, Kommunfullmäktige, Malmö, 29 februari 2024"
    assert shown_name(doc, "en") == "Minutes, Kommunfullmäktige, Malmö, 29 februari 2024"


def test_unknown_type_reads_as_a_document_and_a_year_stands_for_a_date() -> None:
    doc = {"doc_type": "other", "municipality": "Danderyd", "year": 2006}
    assert shown_name(doc) == "Dokument, Danderyd, 2006"


def test_place_is_not_written_twice_when_the_body_names_it() -> None:
    doc = {"doc_type": "protokoll", "body": "Malmö stads kommunstyrelse", "municipality": "Malmö"}
    assert shown_name(doc) == "Protokoll, Malmö stads kommunstyrelse"


def test_nothing_known_leaves_the_file_name_to_the_caller() -> None:
    assert shown_name({"doc_type": "motion"}) is None


@given(st.dates())
def test_long_date_reads_every_day(day) -> None:  # type: ignore[no-untyped-def]
    text = long_date(day.isoformat())
    assert text is not None
    assert text.startswith(f"{day.day} ") and text.endswith(f" {day.year:04d}")
    assert long_date(day.isoformat()[:7]) is None
