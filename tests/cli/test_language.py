"""`lofte --lang` and the locale rule: Swedish or English for people, English keys for scripts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from pipeline.cli.language import from_locale
from pipeline.cli.main import main

AS_OF = ["--as-of", "2025-06-01"]  # the field-work plan (due 2024-12-31) is overdue by then


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LC_MESSAGES": "sv_FI", "LANG": "en_GB.UTF-8"}, "sv"),
        ({"LC_ALL": "C", "LANG": "sv_SE.UTF-8"}, "en"),  # LC_ALL wins over LANG
        ({"LC_ALL": "", "LANG": "sv"}, "sv"),  # an empty variable is not set
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_first_set_locale_variable_decides(env: dict[str, str], lang: str) -> None:
    assert from_locale(env) == lang


def _status(
    capsys: pytest.CaptureFixture[str], db: Path, *after: str, before: tuple[str, ...] = ()
) -> str:
    assert main([*before, "status", "fältarbete", "--db", str(db), *AS_OF, *after]) == 0
    return capsys.readouterr().out


def test_a_swedish_locale_gets_the_web_pages_words(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    out = _status(capsys, db)
    header, *_ = out.splitlines()
    assert header.split()[:4] == ["ÅTGÄRD", "STATUS", "SISTA", "DATUM"] and "KÄLLOR" in header
    plan = next(x for x in out.splitlines() if x.startswith("handlingsplan för fältarbetet"))
    assert "Utlovad" in plan and "Sista datum passerat" in plan and "Inget senare dokument" in plan
    assert "OVERDUE" not in out and "pledged" not in out
    assert "åtgärder som matchar 'fältarbete'" in out.splitlines()[-1]


def test_lang_en_overrides_the_locale_before_or_after_the_command(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    for out in (_status(capsys, db, "--lang", "en"), _status(capsys, db, before=("--lang", "en"))):
        plan = next(x for x in out.splitlines() if x.startswith("handlingsplan för fältarbetet"))
        assert out.startswith("MEASURE") and "pledged" in plan and "OVERDUE" in plan
        assert "Utlovad" not in out


def test_json_and_csv_keep_the_english_keys_under_lang_sv(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = json.loads(_status(capsys, db, "--lang", "sv", "--format", "json"))
    plan = next(m for m in found if "handlingsplan" in m["label"])
    assert plan["status"] == "pledged" and plan["assessment"] == "not_assessed"
    assert {s["status"] for s in plan["statements"]} <= {"proposed", "pledged"}
    rows = list(csv.DictReader(io.StringIO(_status(capsys, db, "--lang", "sv", "--format", "csv"))))
    plan = next(r for r in rows if "handlingsplan" in r["label"])
    assert plan["status"] == "pledged" and plan["flags"] == "OVERDUE, not assessed"
    assert list(plan)[:3] == ["id", "label", "status"]


def test_show_speaks_swedish_with_lang_sv(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["--lang", "sv", "show", "handlingsplan för fältarbetet", "--db", str(db), *AS_OF])
        == 0
    )
    out = capsys.readouterr().out
    assert (
        "status: Utlovad   sista datum: 2024-12-31   flaggor: Sista datum passerat, Inget senare dokument"
        in out
    )
    assert "svar_interpellation_ojanne_2023 s.1" in out and "koppling:" in out


def test_help_documents_lang_and_the_locale_rule(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--lang {sv,en}" in out
    assert "LC_ALL, LC_MESSAGES, LANG" in out and "'sv' is Swedish" in out
    assert "JSON and CSV always keep the English keys" in out
