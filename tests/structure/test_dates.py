"""Document dates: attest lines, sammanträdestid, a dated line past a long head (invented texts)."""

from __future__ import annotations

from pipeline.structure.core import analyse
from pipeline.structure.doctype_rules import rule_doctype


def test_the_attest_line_is_not_the_meeting_date() -> None:
    text = (
        "Kommunfullmäktige\n\nJusteringens plats och tid Kommunhuset, torsdagen den 19 december 2030\n\n"
        "Måndagen den 16 december 2030 kl. 18:00\n\n§ 1 Val av justerare\n"
    )
    assert analyse(text).date == "2030-12-16"


def test_sammantradestid_dates_the_minutes() -> None:
    text = "Byns kommun\n\nSammanträdestid 2030-04-29 kl. 13:00\n\nJusteringen 2030-05-13\n"
    assert analyse(text).date == "2030-04-29"


def test_a_date_alone_on_a_line_after_a_long_head() -> None:
    head = "".join(f"Rad {k} i en lång inledning utan datum.\n\n" for k in range(30))
    assert analyse(head + "2030-10-17\n\n" + "Mer text. " * 200).date == "2030-10-17"


def test_a_budget_title_is_other() -> None:
    assert rule_doctype("Nämndsbudget 2031\n\nNämnden har ...") == "other"
    assert rule_doctype("Årsredovisning 2030\n\nKommunen ...") == "uppfoljning"
