"""The overview on the start page and at /api/overview: counts that add up, bars to look at."""

from __future__ import annotations

from .helpers import fetch, get_json


def test_overview_api_adds_up_to_every_measure(base: str) -> None:
    data = get_json(f"{base}/api/overview")
    total = get_json(f"{base}/api/measures?limit=1")["total"]
    for group in ("municipality", "responsible", "year"):
        rows = data[group]
        assert sum(r["total"] for r in rows) == total, group
        for r in rows:
            assert sum(r["counts"].values()) == r["total"]
            assert abs(sum(r["shares"].values()) - 1.0) < 0.01
    spec = get_json(f"{base}/api/openapi.json")
    assert "/api/overview" in spec["paths"]


def test_start_page_draws_a_bar_per_group(base: str) -> None:
    status, _, body = fetch(base + "/")
    page = body.decode()
    assert status == 200 and "Per kommun" in page and "Per år" in page
    assert page.count('<svg class="bar"') >= 3
    assert 'role="img"' in page and "<script" not in page


def test_lists_name_documents_by_title_not_file_id(base: str) -> None:
    from pipeline.web.labels import doc_name

    assert doc_name({}, "svar_interpellation_ojanne_2023") == "Svar interpellation ojanne 2023"
    assert doc_name({"d": {"title": " Motion om  lekplatser "}}, "d") == "Motion om lekplatser"
    _, _, body = fetch(base + "/measures?q=f%C3%A4ltarbete")
    page = body.decode()
    assert ">svar_interpellation_ojanne_2023<" not in page
    # The answer prints no title: it is named by what it is, where and when it is from.
    assert "Interpellationssvar, Stockholm, 22 november 2023" in page


def test_a_one_page_source_is_cited_without_a_page_number(base: str) -> None:
    # The seeds are plain text, one page each: "s. 1" would say nothing.
    item = get_json(f"{base}/api/measures?q=handlingsplan%20f%C3%A4ltarbetet&limit=1")["items"][0]
    _, _, body = fetch(base + item["url"])
    page = body.decode()
    assert "Interpellationssvar, Stockholm, 22 november 2023</a>" in page
    assert ", s. 1</a>" not in page
