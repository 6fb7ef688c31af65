"""The README's screenshots, taken in headless Chromium from a running `lofte serve`.

Usage: python scripts/readme_screenshots.py --base http://127.0.0.1:8765 [--out docs]

Run it over a store of the bundled corpus (`lofte ingest corpus/ --db X`, then `lofte serve
--db X`) after a change to what the pages show; it writes screenshot-measure.png (the field-
work action plan's page), screenshot-overview.png (the start page) and screenshot-phone.png
(the measures list at 390 px).
"""

from __future__ import annotations

import argparse
import json
import urllib.request
from pathlib import Path
from urllib.parse import quote

CHROMIUM = "/usr/bin/chromium"


def _first_measure(base: str, q: str) -> str:
    with urllib.request.urlopen(f"{base}/api/measures?q={quote(q)}&limit=1") as r:
        return str(json.load(r)["items"][0]["url"])


def main(argv: list[str] | None = None) -> int:
    """Take the three screenshots."""
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="http://127.0.0.1:8765")
    ap.add_argument("--out", type=Path, default=Path("docs"))
    a = ap.parse_args(argv)
    plan = _first_measure(a.base, "handlingsplan fältarbetet")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 735})
        page.goto(a.base + plan)
        page.screenshot(path=str(a.out / "screenshot-measure.png"))
        page = browser.new_page(viewport={"width": 1060, "height": 1700})
        page.goto(a.base + "/")
        page.screenshot(path=str(a.out / "screenshot-overview.png"))
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(a.base + "/measures")
        # The list, not the filter form above it, is what the phone picture is about.
        page.evaluate(
            "() => window.scrollTo(0, document.querySelector('.result-count').offsetTop - 8)"
        )
        page.screenshot(path=str(a.out / "screenshot-phone.png"))
        browser.close()
    for name in ("measure", "overview", "phone"):
        print(a.out / f"screenshot-{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
