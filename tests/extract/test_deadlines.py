"""Tests for pipeline.extract.deadlines.core: a table of real time expressions plus properties.

The table tests/data/deadline_expressions.tsv holds fragments of ../shared/corpus_real
and ../shared/gold/seeds texts; the check that each fragment is really printed there reads
../shared and is skipped when that directory is absent.
"""

from __future__ import annotations

import csv
import string
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.eval.devpaths import SHARED
from pipeline.extract.deadlines.core import (
    TimeExpression,
    find_time_expressions,
    parse_date,
    pick_deadline,
)

TABLE = Path(__file__).parents[1] / "data" / "deadline_expressions.tsv"
MONTH_NAMES = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


def _load() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _load()


def _d(s: str) -> date | None:
    return None if s in ("", "null") else date.fromisoformat(s)


def check_row(row: dict[str, str]) -> str | None:
    """None when the row passes, else a description of what was found instead."""
    ref = _d(row["ref_date"])
    found = find_time_expressions(row["text"], ref)
    want = " ".join(row["expected_text"].split())
    exprs = [e for e in found if " ".join(e.text.split()) == want]
    if not exprs:
        return f"no expression {want!r}; got {[e.text for e in found]}"
    e = exprs[0]
    got = (e.interval_start, e.interval_end, e.past)
    expected = (_d(row["start"]), _d(row["end"]), row["past"] == "1")
    if got != expected:
        return f"{want!r}: got {got}, expected {expected}"
    return None


def test_table_is_large_and_real() -> None:
    assert len(ROWS) >= 127
    corpus_rows = [
        r for r in ROWS if not (SHARED / "gold" / "seeds" / f"{r['doc_id']}.txt").exists()
    ]
    assert len(corpus_rows) >= 120
    if not SHARED.exists():
        pytest.skip("../shared not available")
    for r in ROWS:
        for d in (SHARED / "corpus_real", SHARED / "gold" / "seeds"):
            f = d / f"{r['doc_id']}.txt"
            if f.exists():
                assert r["text"] in " ".join(f.read_text(encoding="utf-8").split()), r
                break
        else:
            pytest.fail(f"unknown doc {r['doc_id']}")


def test_table_pass_rate() -> None:
    failures = [(r["doc_id"], r["text"][:60], msg) for r in ROWS if (msg := check_row(r))]
    for f in failures:
        print("FAIL", *f, sep=" | ")
    rate = 1 - len(failures) / len(ROWS)
    print(f"pass rate {rate:.3f} ({len(ROWS) - len(failures)}/{len(ROWS)})")
    assert rate >= 0.95


SEED_DOCS = {
    "tu_utbildningsnamnden_2024_samhandling",
    "skrivelse_2008_arbetsgrupp",
    "svar_interpellation_ojanne_2023",
    "yttrande_alvsjo_2016_motion",
}


@pytest.mark.parametrize(
    "row", [r for r in ROWS if r["doc_id"] in SEED_DOCS], ids=lambda r: r["expected_text"]
)
def test_seed_rows_must_pass(row: dict[str, str]) -> None:
    assert check_row(row) is None, check_row(row)


# --- focused cases -----------------------------------------------------------------------


def test_february_in_december_document_is_next_year() -> None:
    e = pick_deadline("Rapporten ska lämnas till nämnden i februari.", date(2023, 12, 5))
    assert e is not None and e.text == "i februari"
    assert (e.interval_start, e.interval_end) == (date(2024, 2, 1), date(2024, 2, 29))


def test_month_without_ref_keeps_text_but_no_interval() -> None:
    e = pick_deadline("Under nästa år ska en plan tas fram.", None)
    assert e is not None and e.text == "Under nästa år"
    assert e.interval_start is None and e.interval_end is None


def test_seed_deadlines_are_picked() -> None:
    ref = date(2023, 11, 22)
    e = pick_deadline("Under nästa år ska ett stödmaterial för samverkan tas fram.", ref)
    assert e is not None and (e.interval_start, e.interval_end) == (
        date(2024, 1, 1),
        date(2024, 12, 31),
    )
    e = pick_deadline("Den ska implementeras under år 2024.", ref)
    assert e is not None and e.text == "under år 2024"


def test_past_times_are_not_deadlines() -> None:
    ref = date(2024, 1, 25)
    for s in (
        "Under hösten 2022 påbörjades ett gemensamt utvecklingsarbete.",
        "Under året har även Skärholmens stadsdel rekryterat nya chefer.",
        "De vakanser som har funnits har sedan slutet av sommaren 2023 tillsatts.",
        "Det gäller även de riktlinjer som infördes 2013.",
    ):
        exprs = find_time_expressions(s, ref)
        assert exprs and all(e.past for e in exprs), s
        assert pick_deadline(s, ref) is None, s


def test_future_after_past_in_same_sentence() -> None:
    s = "Arbetet påbörjades 2022 och ska vara klart senast den 31 oktober 2024."
    e = pick_deadline(s, date(2023, 5, 1))
    assert e is not None and e.text == "senast den 31 oktober 2024"
    assert (e.interval_start, e.interval_end) == (None, date(2024, 10, 31))


def test_snarast_is_a_deadline_but_nu_and_framover_are_not() -> None:
    e = pick_deadline("Nämnden ska återkomma snarast med förslag.", date(2008, 2, 14))
    assert e is not None and e.text == "snarast" and e.kind == "vague"
    assert e.interval_start is None and e.interval_end is None
    assert pick_deadline("Den ska nu följas upp och revideras.", date(2023, 11, 22)) is None
    assert pick_deadline("Framöver ska även förskolor involveras.", date(2023, 11, 22)) is None


def test_quarters_tertials_seasons() -> None:
    ref = date(2017, 6, 1)
    cases = {
        "under första kvartalet 2018": (date(2018, 1, 1), date(2018, 3, 31)),
        "kvartal 4 2017": (date(2017, 10, 1), date(2017, 12, 31)),
        "Q1 2018": (date(2018, 1, 1), date(2018, 3, 31)),
        "tertial 2 2016": (date(2016, 5, 1), date(2016, 8, 31)),
        "under våren 2024": (date(2024, 1, 1), date(2024, 6, 30)),
        "till sommaren": (date(2017, 6, 1), date(2017, 8, 31)),
        "i höst": (date(2017, 7, 1), date(2017, 12, 31)),
        "före sommaren 2025": (None, date(2025, 5, 31)),
        "inom två år": (ref, date(2019, 6, 1)),
    }
    for text, want in cases.items():
        e = pick_deadline(f"Planen ska vara klar {text}.", ref)
        assert e is not None and e.text == text, (text, e)
        assert (e.interval_start, e.interval_end) == want, text


def test_relative_and_year_end_forms() -> None:
    ref = date(2023, 11, 22)
    cases = {
        "vid årsskiftet": (date(2023, 12, 1), date(2023, 12, 31)),
        "senast vid årsskiftet": (None, date(2023, 12, 31)),
        "under vintern": (date(2023, 12, 1), date(2024, 2, 29)),
        "under vårterminen": (date(2024, 1, 1), date(2024, 6, 30)),
        "inom tre månader": (ref, date(2024, 2, 22)),
        "i år": (date(2023, 1, 1), date(2023, 12, 31)),
        "kommande år": (date(2024, 1, 1), date(2024, 12, 31)),
        "fram till januari 2019": (date(2019, 1, 1), date(2019, 1, 31)),
        "senast 8 sept. 2016": (None, date(2016, 9, 8)),
        "under andra tertialet": (date(2024, 5, 1), date(2024, 8, 31)),
        "Under nasta ar": (date(2024, 1, 1), date(2024, 12, 31)),
    }
    for text, want in cases.items():
        e = pick_deadline(f"Arbetet ska vara klart {text}.", ref)
        assert e is not None and e.text == text, (text, e)
        assert (e.interval_start, e.interval_end) == want, text


def test_month_range_takes_the_printed_year() -> None:
    e = find_time_expressions("Granskningen genomfördes i februari-mars 2020.", date(2021, 10, 20))
    assert [(x.text, x.interval_start, x.interval_end, x.past) for x in e] == [
        ("i februari-mars 2020", date(2020, 2, 1), date(2020, 3, 31), True)
    ]


def test_possessive_var_is_not_spring() -> None:
    assert find_time_expressions("Vi ser det i vår kommun varje dag.", date(2023, 1, 5)) == []


def test_bare_numbers_are_not_years() -> None:
    assert (
        find_time_expressions("Kostnaden blir under 2000 kronor per elev.", date(2023, 1, 5)) == []
    )
    assert find_time_expressions("Dnr KS 2016/123 och SFS 2010:800.", date(2023, 1, 5)) == []


# --- properties ---------------------------------------------------------------------------

DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@given(DATES)
def test_parse_date_iso_roundtrip(d: date) -> None:
    assert parse_date(d.isoformat()) == d


@given(DATES, st.booleans())
def test_parse_date_long_form(d: date, with_den: bool) -> None:
    text = f"{'den ' if with_den else ''}{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"
    assert parse_date(text) == d


SWEDISH_BITS = st.sampled_from(
    [
        "under",
        "år",
        "2024",
        "senast",
        "den",
        "31",
        "oktober",
        "i",
        "höst",
        "nästa",
        "kvartal",
        "första",
        "-",
        "–",
        "/",
        ".",
        ",",
        "snarast",
        "från och med",
        "till och med",
        "vår",
        "2016-09-08",
        "sedan",
        "har",
        "påbörjades",
        "årsskiftet",
        "inom",
        "två",
        "månader",
        "Q4",
    ]
)
TEXTS = st.one_of(
    st.text(alphabet=string.printable + "åäöÅÄÖé–", max_size=200),
    st.lists(SWEDISH_BITS, max_size=30).map(" ".join),
)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.one_of(st.none(), DATES))
def test_find_never_raises_and_spans_are_consistent(text: str, ref: date | None) -> None:
    for e in find_time_expressions(text, ref):
        assert isinstance(e, TimeExpression)
        assert text[e.start : e.end] == e.text
        if e.interval_start is not None and e.interval_end is not None:
            assert e.interval_start <= e.interval_end
    pick_deadline(text, ref)


def test_a_range_from_the_turn_of_the_year_starts_in_the_year_before() -> None:
    # Found by hypothesis: the start took the end's year and came after the end.
    (e,) = find_time_expressions("årsskiftet – 2000-01-01", None)
    assert e.interval_start is not None and e.interval_end is not None
    assert e.interval_start <= e.interval_end == date(2000, 1, 1)
