"""The read-only web page: HTTP behaviour, escaping, accessibility, and a real headless Chromium.

The browser tests use Debian's /usr/bin/chromium through Playwright's Python package and skip
cleanly when either is missing. Screenshots go to test-output/screenshots/.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from pipeline.cli.main import main
from pipeline.errors import LofteError
from pipeline.read.query import find_measures
from pipeline.run.executors import SerialExecutor
from pipeline.run.runner import run
from pipeline.store.core import Store
from pipeline.web import is_local, make_server, measures_data
from pipeline.web.labels import STATUS_LABELS

from ..conftest import REPO, SEEDS
from .helpers import AS_OF, _shot, fetch, field_work, get_json, serving


def test_search_finds_the_field_work_plan_overdue_with_due_date(base: str) -> None:
    m = field_work(base)
    assert m["due"] == "2024-12-31"
    assert m["overdue"] is True and m["status_label"] == "Sista datum passerat"
    assert m["url"] == "/measures/" + m["id"]
    # Case and å/ä/ö blind: the same measure whichever way it is typed.
    again = get_json(f"{base}/api/measures?q=FALTARBETE")["items"]
    assert m["id"] in {x["id"] for x in again}


def test_measure_api_links_each_statement_to_its_sentence(base: str) -> None:
    m = get_json(f"{base}/api/measures/{field_work(base)['id']}")
    assert m["statements"], m
    s = m["statements"][0]
    path, anchor = s["source_url"].split("#")
    assert path == "/documents/svar_interpellation_ojanne_2023"
    doc = get_json(base + "/api" + path)
    c = next(c for c in doc["commitments"] if f"c-{c['n']}" == anchor)
    assert doc["text"][c["char_start"] : c["char_end"]] == s["sentence"]
    assert "source" not in doc  # the server's file path is not published


def test_openapi_describes_the_api(base: str) -> None:
    spec = get_json(f"{base}/api/openapi.json")
    assert spec["openapi"].startswith("3.")
    assert {"/api/measures", "/api/measures/{id}", "/api/documents/{id}"} <= set(spec["paths"])


def test_filters_narrow_the_list(base: str) -> None:
    done = get_json(f"{base}/api/measures?status=done")["items"]
    assert done and all(m["status_key"] == "done" for m in done)
    every = get_json(f"{base}/api/measures?limit=500")
    assert every["total"] > len(done)
    y2016 = get_json(f"{base}/api/measures?year=2016")["items"]
    assert y2016 and all(m["sources"] == ["yttrande_alvsjo_2016_motion"] for m in y2016)
    organ = quote("Älvsjö stadsdelsnämnd")
    alvsjo = get_json(f"{base}/api/measures?organ={organ}")["items"]
    assert alvsjo and all("yttrande_alvsjo_2016_motion" in m["sources"] for m in alvsjo)


@pytest.mark.parametrize("q", ["", "fältarbete", "samverkan skola", "av", "SOCIALTJÄNST"])
@pytest.mark.parametrize("actor", ["", "förskolan"])
def test_a_page_and_its_total_agree_with_the_full_search(db: Path, q: str, actor: str) -> None:
    # A page of results is fetched with a limit and its total counted in SQL.
    with Store(db, readonly=True) as s:
        full = find_measures(
            s, q or None, as_of=AS_OF, actor=actor or None, with_statements=False, order="recent"
        )
        f = measures_data.Filters(q=q, actor=actor, limit=2, offset=1)
        page, total = measures_data.list_measures(s, f, AS_OF, {})
        assert total == len(full)
        assert [v.id for v in page] == [v.id for v in full[1:3]]


@pytest.mark.parametrize(
    "path",
    [
        "/api/measures?status=bogus",
        "/api/measures?year=20x",
        "/api/measures?limit=0",
        "/api/measures?offset=-1",
        "/measures?page=x",
        "/measures?page=0",
    ],
)
def test_bad_filter_values_are_400(base: str, path: str) -> None:
    status, _, _ = fetch(base + path)
    assert status == 400


# -- security -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/documents/..%2F..%2Fetc%2Fpasswd",
        "/documents/../../etc/passwd",
        "/documents/%3Cscript%3E",
        "/measures/a%00b",
        "/static/../pipeline/cli/main.py",
        "/static/style.css/../../pyproject.toml",
        "/api/documents/..",
        "/api/measures/measure:finns-inte",
        "/nothing-here",
    ],
)
def test_bad_ids_and_paths_are_404(base: str, path: str) -> None:
    status, _, body = fetch(base + path)
    assert status == 404
    assert b"[tool." not in body and b"root:" not in body


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_only_get_and_head(base: str, method: str) -> None:
    status, headers, _ = fetch(f"{base}/measures", method)
    assert status == 405 and headers["Allow"] == "GET, HEAD"


def test_head_has_headers_and_no_body(base: str) -> None:
    status, headers, body = fetch(f"{base}/measures", "HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0


def test_security_headers(base: str) -> None:
    for path in ("/", "/api/measures", "/nothing-here"):
        _, headers, _ = fetch(base + path)
        assert "script-src 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"


class _Tags(HTMLParser):
    """Every element and attribute name a browser would build from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.attrs: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.attrs.update(k for k, _ in attrs)


def test_hostile_document_is_shown_as_text(base: str) -> None:
    pages = ["/documents/fientlig_skrivelse", "/documents", "/measures?q=skolvägar"]
    hostile = get_json(f"{base}/api/measures?q={quote('skolvägar')}")["items"]
    assert hostile, "the hostile document's commitment should be a measure"
    pages.append("/measures/" + hostile[0]["id"])
    for path in pages:
        status, _, body = fetch(base + quote(path, safe="/:?="))
        html = body.decode("utf-8")
        assert status == 200, path
        tags = _Tags()
        tags.feed(html)
        assert not {"script", "img"} & tags.names, path
        assert not [a for a in tags.attrs if a.startswith("on")], path
    doc_html = fetch(f"{base}/documents/fientlig_skrivelse")[2].decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc_html
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in doc_html


def test_remote_bind_needs_explicit_flag(db: Path) -> None:
    assert is_local("127.0.0.1") and is_local("localhost") and is_local("::1")
    assert not is_local("0.0.0.0") and not is_local("192.0.2.7")
    with pytest.raises(LofteError):
        make_server(db, "0.0.0.0", 0)
    assert main(["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "0"]) == 2


# -- accessibility ------------------------------------------------------------------------------


class _A11y(HTMLParser):
    """Collects what the accessibility checks need from one page."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.headings: list[int] = []
        self.controls: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self.badges: list[str] = []
        self._badge_depth = 0
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            self.controls.append(a)
        if tag == "label" and a.get("for"):
            self.label_for.add(str(a["for"]))
        if tag == "span":
            self._depth += 1
            if "badge" in (a.get("class") or "").split():
                self.badges.append("")
                self._badge_depth = self._depth

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            if self._depth == self._badge_depth:
                self._badge_depth = 0
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._badge_depth:
            self.badges[-1] += data


def test_pages_pass_basic_accessibility_checks(base: str) -> None:
    m = field_work(base)
    paths = [
        "/",
        "/measures",
        "/measures?q=f%C3%A4ltarbete",
        m["url"],
        "/documents",
        "/documents/svar_interpellation_ojanne_2023",
        "/actors/actor:per-alexander-ojanne",
        "/nothing-here",
    ]
    labels = set(STATUS_LABELS.values())
    for path in paths:
        p = _A11y()
        p.feed(fetch(base + path)[2].decode("utf-8"))
        assert p.lang == "sv", path
        assert p.headings and p.headings[0] == 1 and p.headings.count(1) == 1, path
        for prev, cur in zip(p.headings, p.headings[1:], strict=False):
            assert cur <= prev + 1, f"{path}: h{prev} then h{cur}"
        for c in p.controls:
            assert c.get("id") in p.label_for or c.get("aria-label"), (path, c)
        # Status is a word as well as a colour: every badge carries a Swedish status label.
        for text in p.badges:
            assert any(label in text for label in labels), (path, text)
    start = _A11y()
    start.feed(fetch(base + "/")[2].decode())
    assert len(start.badges) == len(labels)


# -- a real browser ------------------------------------------------------------------------------


def test_browser_search_open_plan_and_follow_source(base: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 860}, java_script_enabled=False)
    page.goto(base + "/")
    _shot(page, "01-start")
    page.get_by_label("Sök åtgärd").fill("fältarbete")
    page.get_by_role("button", name="Sök").click()
    page.wait_for_url(re.compile(r"/measures\?q="))
    _shot(page, "02-search")
    page.get_by_role("link", name="handlingsplan för fältarbetet").click()
    page.wait_for_url(re.compile(r"/measures/measure:"))
    facts = page.locator("dl.facts")
    assert "Sista datum passerat" in facts.inner_text()
    assert "31 december 2024" in facts.inner_text()
    quote_text = page.locator("blockquote").first.inner_text().strip("”\n ")
    _shot(page, "03-measure", to_content=True)
    page.get_by_role(
        "link", name=re.compile(r"Interpellationssvar, Stockholm, 22 november 2023")
    ).first.click()
    page.wait_for_url(re.compile(r"/documents/svar_interpellation_ojanne_2023#c-\d+$"))
    target = page.locator("mark:target")
    assert target.count() == 1
    assert target.inner_text().strip() == quote_text
    assert "svar_interpellation_ojanne_2023" in page.url
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 860, box  # scrolled to the quoted sentence
    # The linked sentence stands out from the other marked sentences.
    colours = page.evaluate(
        "() => [...document.querySelectorAll('mark')].map(m => getComputedStyle(m).outlineStyle)"
    )
    assert colours.count("solid") == 1
    _shot(page, "04-source-highlighted")
    page.close()


def test_browser_runs_no_script_from_a_hostile_document(base: str, browser: Any) -> None:
    page = browser.new_page()  # JavaScript on, so an injected script would run
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    hostile = get_json(f"{base}/api/measures?q={quote('skolvägar')}")["items"][0]
    for path in ["/documents/fientlig_skrivelse", hostile["url"], "/measures?q=skolv%C3%A4gar"]:
        page.goto(base + path)
        page.wait_for_load_state("load")
        assert page.evaluate("() => document.querySelectorAll('script, img').length") == 0
    page.goto(base + "/documents/fientlig_skrivelse")
    assert "<script>alert(1)</script>" in page.locator(".text").inner_text()
    _shot(page, "05-hostile-document")
    page.wait_for_timeout(200)
    assert dialogs == []
    page.close()


def test_readme_screenshot_is_present() -> None:
    shot = REPO / "docs" / "screenshot-measure.png"
    if not shot.exists():
        pytest.skip("docs/screenshot-measure.png not added yet")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size < 400_000


def test_start_page_says_when_measures_await_linking(tmp_path: Path) -> None:
    # Batches stored with --no-link: the page must not pass stale measures off as current.
    path = tmp_path / "stale.db"
    files = sorted(SEEDS.glob("*.txt"))
    with Store(path) as store:
        run(files[:2], store, SerialExecutor(), on_error=lambda _: None)
        run(files[2:], store, SerialExecutor(), on_error=lambda _: None, link=False)
    notice = "lofte link"
    for stale in (True, False):
        with serving(path) as url:
            _, _, body = fetch(url + "/")
        assert (notice in body.decode("utf-8")) is stale
        assert main(["link", "--db", str(path)]) == 0


def test_a_page_past_the_last_says_so_and_links_the_first(base: str) -> None:
    status, _, body = fetch(base + "/measures?page=99")
    text = body.decode()
    assert status == 200 and "Sidan 99 finns inte" in text
    assert 'href="/measures?page=1"' in text or 'href="/measures"' in text


def test_the_tab_icon_is_served_where_browsers_look(base: str) -> None:
    for path in ("/static/icon.svg", "/favicon.ico"):
        status, headers, body = fetch(base + path)
        assert status == 200 and headers["Content-Type"].startswith("image/svg+xml"), path
        assert body.startswith(b"<svg")
    assert 'rel="icon" href="/static/icon.svg"' in fetch(base + "/")[2].decode()


def test_the_list_is_sorted_latest_first_by_default_and_as_asked(base: str) -> None:
    recent = get_json(f"{base}/api/measures?limit=500")["items"]
    seen = [m["last_seen"] for m in recent if m["last_seen"]]
    assert seen == sorted(seen, reverse=True)
    due = [m["due"] for m in get_json(f"{base}/api/measures?limit=500&sort=due")["items"]]
    dated = [d for d in due if d]
    assert dated and dated == sorted(dated) and due[: len(dated)] == dated
    names = get_json(f"{base}/api/measures?limit=500&sort=name")["items"]
    assert {m["id"] for m in names} == {m["id"] for m in recent}
    assert fetch(f"{base}/measures?sort=random")[0] == 400
