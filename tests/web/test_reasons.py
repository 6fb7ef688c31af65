"""Every status and flag has a reason in plain Swedish, with the statement it rests on."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import quote

from pipeline.web.labels import STATUS_LABELS
from pipeline.web.reasons import coverage_reason, flag_reasons, status_reason

from .helpers import fetch, get_json

# The reason line of a measure whose due date passed with no later report.
OVERDUE = "Sista datum passerat: sista datum var 31 december 2024, och inget"


def _s(status: str, date: str | None, deadline: str | None = None) -> SimpleNamespace:
    return SimpleNamespace(
        commitment_id=f"commitment:d:{status}",
        status=status,
        doc_date=date,
        doc_type="protokoll",
        sentence=f"Nämnden {status}.",
        deadline_end=deadline,
        municipality="Norrby",
    )


def _view(status: str, statements: list[SimpleNamespace], **kw: object) -> SimpleNamespace:
    fields = {"status": status, "shown_status": status, "due": None, "assessment": "assessed"}
    return SimpleNamespace(**{**fields, "statements": statements, **kw})


def test_every_status_gets_a_reason_naming_it() -> None:
    for key in STATUS_LABELS:
        if key in ("overdue", "not_assessed"):
            continue
        why = status_reason(_view(key, [_s("proposed", "2020-01-01"), _s(key, "2022-03-04")]))
        assert why.text.startswith(STATUS_LABELS[key] + ":")
        assert why.statement.status == key and "4 mars 2022" in why.text


def test_overdue_quotes_the_statement_that_set_the_deadline() -> None:
    pledge = _s("pledged", "2023-11-22", deadline="2024-12-31")
    later = _s("pledged", "2024-02-01")
    view = _view("pledged", [pledge, later], shown_status="overdue", due="2024-12-31")
    why = status_reason(view)
    assert why.text.startswith(OVERDUE)
    assert why.statement is pledge and "22 november 2023" in why.text


def test_flags_have_reasons() -> None:
    view = _view("pledged", [_s("pledged", None)], assessment="not_assessed", motion_flag=True)
    got = flag_reasons(view)
    assert got[0].startswith("Inget senare dokument:") and "kommunallagen" in got[1]
    assert "utan datum" in status_reason(view).text


def test_measure_page_and_json_give_the_reason(base: str) -> None:
    plan = get_json(f"{base}/api/measures?q={quote('fältarbete')}")["items"][0]
    full = get_json(base + "/api" + plan["url"])
    why = full["status_reason"]
    assert why["text"].startswith(OVERDUE)
    assert "handlingsplan" in why["quote"]
    _, _, body = fetch(base + plan["url"])
    assert OVERDUE in body.decode()


def test_an_unfollowed_status_says_how_far_the_collection_reaches() -> None:
    view = _view("pledged", [_s("pledged", "2023-11-22")], assessment="not_assessed")
    view.last_seen = "2023-11-22"
    later = coverage_reason(view, {"Norrby": "2025-08-28"})
    assert later == (
        "Samlingen har dokument från Norrby fram till 28 augusti 2025, "
        "och inget av dem nämner åtgärden igen."
    )
    # A collection that ends with the statement cannot tell whether it was kept.
    same = coverage_reason(view, {"Norrby": "2023-11-22"})
    assert same and "utanför den" in same and "22 november 2023" in same
    # A followed or finished measure needs no such line, nor one from an unknown place.
    assert coverage_reason(view, {}) is None
    view.assessment = "assessed"
    assert coverage_reason(view, {"Norrby": "2025-08-28"}) is None
    done = _view("done", [_s("done", "2023-11-22")], assessment="not_assessed")
    done.last_seen = "2023-11-22"
    assert coverage_reason(done, {"Norrby": "2025-08-28"}) is None


def test_the_measure_page_and_json_say_how_far_the_collection_reaches(base: str) -> None:
    plan = get_json(f"{base}/api/measures?q={quote('fältarbete')}")["items"][0]
    why = get_json(base + "/api" + plan["url"])["status_reason"]
    assert why["coverage"] and why["coverage"].startswith("Samlingen har ")
    _, _, body = fetch(base + plan["url"])
    assert '<p class="coverage">Samlingen har ' in body.decode()


def test_the_measure_json_names_files_without_the_servers_paths(base: str) -> None:
    plan = get_json(f"{base}/api/measures?q={quote('fältarbete')}")["items"][0]
    full = get_json(base + "/api" + plan["url"])
    sources = [s["source"] for s in full["statements"]]
    assert sources and all(s and "/" not in s and s.endswith(".txt") for s in sources), sources
