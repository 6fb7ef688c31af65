"""Fixtures of the web tests: a store of the seeds and a hostile document, its server, Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.run.executors import SerialExecutor
from pipeline.run.runner import run
from pipeline.store.core import Store

from ..conftest import SEEDS
from .helpers import CHROMIUM, HOSTILE, serving


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the five seeds plus one hostile document."""
    tmp = tmp_path_factory.mktemp("web")
    hostile = tmp / "in" / "fientlig_skrivelse.txt"
    hostile.parent.mkdir()
    hostile.write_text(HOSTILE, encoding="utf-8")
    path = tmp / "web.db"
    with Store(path) as store:
        report = run([SEEDS, hostile.parent], store, SerialExecutor(), on_error=lambda _: None)
    assert report.failed == 0
    return path


@pytest.fixture(scope="module")
def base(db: Path) -> Iterator[str]:
    """Base URL of a server on an ephemeral loopback port."""
    with serving(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright (never downloads a browser)."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield b
        b.close()
