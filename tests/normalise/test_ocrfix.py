"""Tests for Swedish OCR post-correction (the seed-003 test reads ../shared, skips without it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.normalise import ocrtokens
from pipeline.normalise.ocrfix import correct_text, damage_score, is_damaged

SEEDS = Path(__file__).resolve().parents[3] / "shared/gold/seeds"
# A damaged paragraph in the style of a scanned council answer (written for this test).
DAMAGED = (
    "Forvaltningen ar medveten om att manga barn far illa i omradet. Darfor ska "
    "socialtjansten och skolan starka samverkan och alla barn far bra stod for att "
    "klara skolan. Under nasta ar ska ett material tas fram och arbetet ska vara klart "
    "under ar 2024. Det géller aven fritidsgarden dar personalen &r pa plats."
)


def test_damaged_text_scores_as_damaged_and_clean_does_not() -> None:
    clean = (
        "Förvaltningen är medveten om att många barn far illa i området. Därför ska "
        "socialtjänsten och skolan stärka samverkan. Under nästa år ska ett material tas fram."
    )
    assert is_damaged(DAMAGED)
    assert not is_damaged(clean)
    assert damage_score(clean) < damage_score(DAMAGED)


def test_far_illa_stays_but_far_bra_becomes_far() -> None:
    out = correct_text(DAMAGED)
    assert "barn far illa" in out
    assert "barn får bra" in out


def test_ar_reads_as_ar_or_year_from_context() -> None:
    out = correct_text(DAMAGED)
    assert "Förvaltningen är medveten" in out
    assert "Under nästa år ska" in out
    assert "under år 2024" in out
    assert "personalen är på plats" in out


def test_numbers_identifiers_and_names_untouched() -> None:
    text = DAMAGED + " Dnr 2023/1234-5.2, KS 106-360/2016, 2024-01-16, 80 % av 1 200 elever. "
    text += "Ansvarig ar Tomas Ojanne pa Skarpnacks stadsdelsforvaltning."
    out = correct_text(text)
    assert re.findall(r"\d+", out) == re.findall(r"\d+", text)
    for kept in ("Dnr 2023/1234-5.2", "KS 106-360/2016", "2024-01-16", "Tomas Ojanne"):
        assert kept in out


@pytest.mark.parametrize(
    "name", ["interpellation_jonsson_skarholmen.txt", "yttrande_alvsjo_2016_motion.txt"]
)
def test_clean_text_unchanged_even_when_forced(name: str) -> None:
    path = SEEDS / name
    if not path.exists():
        pytest.skip("needs ../shared gold seeds")
    text = path.read_text(encoding="utf-8")
    assert correct_text(text) == text


@pytest.mark.skipif(not (SEEDS / "003_clean.txt").exists(), reason="needs ../shared gold seeds")
def test_seed_003_fixes_at_least_142_of_157() -> None:
    raw = (SEEDS / "svar_interpellation_ojanne_2023.txt").read_text(encoding="utf-8")
    clean = (SEEDS / "003_clean.txt").read_text(encoding="utf-8")
    out = correct_text(raw)
    fixed = wrong = over = 0
    for r, c, o in zip(raw.split(), clean.split(), out.split(), strict=True):
        if r != c:
            wrong += 1
            fixed += o == c
        else:
            over += o != r
    assert wrong == 157
    assert fixed >= 142
    assert over <= 1


def test_fast_damage_tokens_agree_with_the_full_tokenizer() -> None:

    text = DAMAGED + (
        " Dnr 2023/1234-5.2 och www.stad.se. Ärendet: KS 106-360/2016! Mötet 2024-01-16. "
        "Stadsdelsnämnden SoL ansvarar. 1 nytt år, f6ljas upp &r klart.\nNästa rad Gamla Stan."
    )
    full = [t.key for t in ocrtokens.tokens(text) if t.mode == "word" and len(t.key) >= 2]
    assert ocrtokens.word_keys(text) == full
    assert ocrtokens.protected_spans(text) == [m.span() for m in ocrtokens.PROTECT.finditer(text)]
