"""The status query: Swedish-aware search, filters, as-of dates, limits and batching."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.lang.search import stem
from pipeline.read.query import count_measures, find_measures, statements_for
from pipeline.store.core import Store


def _measure(mid: str, label: str, **kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": mid,
        "label": label,
        "status": "pledged",
        "due": None,
        "first_seen": "2023-11-22",
        "last_seen": "2023-11-22",
        "statements": 1,
        "responsible": None,
        "search": label,
        "sort_key": label.casefold(),
        "sources": "doc1",
    }
    return {**base, **kw}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "q.db")
    s.replace_measures(
        [
            _measure("measure:a", "handlingsplan för fältarbetet", due="2024-12-31"),
            _measure(
                "measure:b",
                "snöröjning av gång- och cykelvägar",
                status="done",
                closed=1,
                due="2020-01-01",
                responsible="Tekniska nämnden",
                search="snöröjning av gång- och cykelvägar Tekniska nämnden",
            ),
            _measure("measure:c", "ny lekplats i Ådala", assessment="stalled"),
            _measure(
                "measure:d", "översyn av VA-taxan", first_seen="2026-01-01", last_seen="2026-01-01"
            ),
        ],
        [],
    )
    return s


def _ids(store: Store, query: str | None, **kw: object) -> list[str]:
    return [v.id for v in find_measures(store, query, as_of=date(2025, 6, 1), **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "query",
    ["fältarbete", "FÄLTARBETET", "faltarbetet", "handlingsplaner", "fältarbetsplan", "plan"],
)
def test_search_folds_case_diacritics_inflection_and_compounds(store: Store, query: str) -> None:
    assert "measure:a" in _ids(store, query)


def test_every_word_must_match_and_unknown_words_find_nothing(store: Store) -> None:
    assert _ids(store, "snöröjningen cykelvägarna") == ["measure:b"]
    assert _ids(store, "snöröjning fältarbete") == []
    assert _ids(store, "rymdhiss") == []


def test_a_function_word_is_not_a_compound_part(tmp_path: Path) -> None:
    with Store(tmp_path / "f.db") as s:
        s.replace_measures(
            [
                _measure("measure:h", "handlingar som finns på Internet"),
                _measure("measure:i", "finska skolor inte stängda"),
            ],
            [],
        )
        # "finnsinte" split as finns + inte matched "inte" inside "Internet".
        assert [v.id for v in find_measures(s, "finnsinte")] == []
        # A real compound still splits: handling(s) + internet.
        assert [v.id for v in find_measures(s, "handlingsinternet")] == ["measure:h"]


def test_status_actor_and_assessment_filters(store: Store) -> None:
    assert _ids(store, None, status="overdue") == ["measure:a"]
    assert _ids(store, None, status="done") == ["measure:b"]
    assert _ids(store, None, status="stalled") == ["measure:c"]
    assert _ids(store, None, actor="tekniska") == ["measure:b"]


def test_an_overdue_pledge_is_found_under_overdue_only(store: Store) -> None:
    # measure:a is pledged with a due date that has passed: its badge says overdue.
    assert _ids(store, None, status="pledged") == ["measure:c"]
    assert count_measures(store, None, as_of=date(2025, 6, 1), status="pledged") == 1
    by_status = {
        key: count_measures(store, None, as_of=date(2025, 6, 1), status=key)
        for key in ("proposed", "pledged", "in_progress", "done", "cancelled", "overdue")
    }
    assert sum(by_status.values()) == count_measures(store, None, as_of=date(2025, 6, 1))


def test_measures_first_seen_after_as_of_are_left_out(store: Store) -> None:
    assert "measure:d" not in _ids(store, None)
    found = find_measures(store, "VA-taxan", as_of=date(2026, 6, 1))
    assert [v.id for v in found] == ["measure:d"]


def test_limit_and_count_agree(store: Store) -> None:
    assert len(_ids(store, None, limit=2)) == 2
    assert count_measures(store, None, as_of=date(2025, 6, 1)) == 3
    assert count_measures(store, None, as_of=date(2025, 6, 1), status="overdue") == 1


def test_results_in_swedish_alphabetical_order(store: Store) -> None:
    assert _ids(store, None) == ["measure:a", "measure:c", "measure:b"]


def test_statements_for_many_measures_in_one_call(tmp_path: Path) -> None:
    s = Store(tmp_path / "s.db")
    with s.transaction() as c:
        for n, (doc, day) in enumerate([("x", "2024-05-01"), ("y", "2023-01-01")]):
            c.execute(
                "INSERT INTO commitments(id, doc_id, n, sentence, status, doc_date) "
                "VALUES(?,?,?,?,?,?)",
                (f"commitment:{doc}:0", doc, 0, f"Mening {n}.", "pledged", day),
            )
    s.replace_measures(
        [_measure("measure:m", "m")],
        [("commitment:x:0", "measure:m", "joined"), ("commitment:y:0", "measure:m", "first")],
    )
    got = statements_for(s, ["measure:m", "measure:none"])
    assert [st.doc_id for st in got["measure:m"]] == ["y", "x"] and got["measure:none"] == []


def test_stem_strips_swedish_inflection() -> None:
    assert stem("fältarbetet") == "faltarbet"
    assert stem("snöröjningen") == "snorojning"
    assert stem("plan") == "plan"
