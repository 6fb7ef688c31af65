"""Work said to be under way and not heard of for over a year carries the date of the news."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from pipeline.link.timeline import QUIET_AFTER, quiet_since

from ..conftest import ingest_texts

AS_OF = date(2026, 12, 7)


def test_old_news_of_work_under_way_is_dated() -> None:
    assert quiet_since("in_progress", "2023-11-22", AS_OF) == "2023-11-22"
    assert quiet_since("in_progress", "2026-06-01", AS_OF) is None
    # A pledge shows "Inget senare dokument" already; done work needs no news.
    assert quiet_since("pledged", "2023-11-22", AS_OF) is None
    assert quiet_since("done", "2023-11-22", AS_OF) is None
    assert quiet_since("in_progress", None, AS_OF) is None


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
def test_the_flag_holds_exactly_past_a_year(seen: date) -> None:
    got = quiet_since("in_progress", seen.isoformat(), AS_OF)
    assert (got is not None) == (seen + QUIET_AFTER < AS_OF)


def test_the_page_and_the_cli_show_the_date(tmp_path: Path) -> None:
    from pipeline import api
    from pipeline.cli.output import flags

    db = ingest_texts(
        tmp_path,
        {"lage": "Lägesrapport\n\nRenoveringen av Norrbyskolan pågår.\n\nNorrby den 3 mars 2022\n"},
    )
    (view,) = api.measures(db, as_of=AS_OF).shown
    assert view.status == "in_progress" and view.quiet_since == "2022-03-03"
    assert flags(view, "sv") == "Ingen ny uppgift sedan 2022-03-03"
