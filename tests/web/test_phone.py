"""The web page at phone width: nothing scrolls sideways, long ids wrap between words."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from .helpers import _shot, get_json

PHONE = {"width": 390, "height": 844}


def _pages(url: str) -> list[str]:
    plan = get_json(f"{url}/api/measures?q={quote('fältarbete')}")["items"][0]
    return [
        "/",
        "/measures",
        "/measures?q=" + quote("fältarbete"),
        plan["url"],
        "/documents",
        "/documents/svar_interpellation_ojanne_2023",
        "/actors",
    ]


@pytest.mark.slow
def test_no_page_scrolls_sideways_at_390_px(base: str, browser: Any) -> None:
    page = browser.new_page(viewport=PHONE, java_script_enabled=False)
    wide = {}
    for path in _pages(base):
        page.goto(base + path)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[path] = width
    page.goto(base + "/measures")
    _shot(page, "06-phone-measures")
    page.close()
    assert wide == {}


def test_readme_phone_screenshot_is_present() -> None:
    from ..conftest import REPO

    shot = REPO / "docs" / "screenshot-phone.png"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size < 200_000


def test_readme_overview_screenshot_is_present() -> None:
    from ..conftest import REPO

    shot = REPO / "docs" / "screenshot-overview.png"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size < 200_000


# The widest word of each source cell against the cell's own width: a word wider than its
# cell has been broken mid-word. Only words of letters: the test store's hostile title has a
# long token of markup, which may break anywhere.
_WORDS_FIT = """() => {
  const ctx = document.createElement('canvas').getContext('2d');
  const bad = [];
  for (const a of document.querySelectorAll('table.measures a.src')) {
    const st = getComputedStyle(a);
    ctx.font = `${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
    const td = a.closest('td');
    const room = td.clientWidth - parseFloat(getComputedStyle(td).paddingLeft)
      - parseFloat(getComputedStyle(td).paddingRight);
    for (const w of a.textContent.split(/\\s+/)) {
      if (/^[\\p{L}-]+,?$/u.test(w) && ctx.measureText(w).width > room + 1) bad.push(w);
    }
  }
  return bad;
}"""


@pytest.mark.slow
def test_source_names_break_between_words_on_a_desktop(base: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, java_script_enabled=True)
    page.goto(base + "/measures")
    broken = page.evaluate(_WORDS_FIT)
    page.close()
    assert broken == []
