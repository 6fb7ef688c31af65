"""Tests for the normalise stage (the seed-003 offset test reads ../shared and skips without it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.normalise.core import normalise
from pipeline.normalise.textmap import raw_span
from pipeline.records import Ingested, LineBox, Page

SEED_003 = (
    Path(__file__).resolve().parents[3] / "shared/gold/seeds/svar_interpellation_ojanne_2023.txt"
)


def norm(*pages: str, method: str = "text") -> str:
    return normalise(Ingested([Page(i + 1, p, method) for i, p in enumerate(pages)], "text")).text


def test_line_end_hyphenation_joins_split_words() -> None:
    assert norm("Vi tackar Sylves-\nter för arbetet.") == "Vi tackar Sylvester för arbetet."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Vi väger för-\noch nackdelar.", "Vi väger för- och nackdelar."),
        ("Samverkan mellan skol-\noch socialtjänst.", "Samverkan mellan skol- och socialtjänst."),
        (
            "Chefer på myndighets-\noch förebyggarsidan.",
            "Chefer på myndighets- och förebyggarsidan.",
        ),
        ("Samverkan skola-\nsocialtjänst fungerar.", "Samverkan skola-socialtjänst fungerar."),
    ],
)
def test_hyphen_kept_before_conjunction_or_between_two_words(raw: str, expected: str) -> None:
    assert norm(raw) == expected


def test_wrapped_lines_join_but_headings_lists_and_signatures_stay() -> None:
    raw = (
        "Bakgrund\n\n"
        "Nämnden har under året arbetat med att stärka samverkan mellan\n"
        "skolan och socialtjänsten i stadsdelen.\n\n"
        "Förslag till beslut\n"
        "- Nämnden godkänner rapporten\n"
        "- Nämnden lägger informationen till handlingarna\n"
        "1. Första punkten\n"
        "a) delpunkt\n\n"
        "Stockholm den 22 november 2023\n"
        "Alexander Ojanne\n"
        "socialborgarråd\n"
    )
    out = norm(raw)
    assert "mellan skolan och socialtjänsten" in out
    assert "Bakgrund\n\nNämnden" in out
    assert "Förslag till beslut\n- Nämnden godkänner rapporten\n- Nämnden lägger" in out
    assert "\n1. Första punkten\na) delpunkt" in out
    assert "Stockholm den 22 november 2023\nAlexander Ojanne\nsocialborgarråd" in out


def test_markup_residue_removed() -> None:
    raw = "## Rubrik\n\n**Beslut**: nämnden <b>godkänner</b> förslaget.<br>Ny&nbsp;rad __här__."
    assert norm(raw) == "Rubrik\n\nBeslut: nämnden godkänner förslaget.\nNy rad här."


def test_invisible_characters_and_nfc() -> None:
    raw = "Sam\u00adverkan\u200b i\u00a0Ska\u0308rholmen"
    assert norm(raw) == "Samverkan i Skärholmen"


def test_read_more_splice_repaired_and_portal_furniture_dropped() -> None:
    raw = (
        "Hoppa över navigering\n"
        "Din position: Hem > Stockholms stad > Nämnden > Sammanträde 2006-06-15\n"
        "Medborgarna är välkomna att disku Läs mer...tera med politikerna.\n"
        "Vi använder cookies på denna webbplats för att förbättra din upplevelse."
    )
    assert norm(raw) == "Medborgarna är välkomna att diskutera med politikerna."


def test_repeated_header_footer_and_page_numbers_removed() -> None:
    body = [
        "Nämnden beslutar att godkänna rapporten.",
        "Förvaltningen får i uppdrag att återkomma.",
        "Ärendet avslutas härmed.",
    ]
    pages = [
        f"Stockholms stad\nUtbildningsförvaltningen\n{text}\nSida {i + 1} (3)"
        for i, text in enumerate(body)
    ]
    out = norm(*pages)
    assert out == "\n\n".join(body)


def test_header_found_by_line_position() -> None:
    def page(n: int, text: str) -> Page:
        lines = [LineBox("Tjänsteutlåtande", top=20, bottom=30), LineBox(text, top=300, bottom=310)]
        return Page(n, f"Tjänsteutlåtande\n{text}", "pdf-text", width=595, height=842, lines=lines)

    ing = Ingested([page(1, "Första sidan."), page(2, "Andra sidan."), page(3, "Tredje.")], "pdf")
    assert normalise(ing).text == "Första sidan.\n\nAndra sidan.\n\nTredje."


def test_offset_map_points_at_raw_text() -> None:
    raw = "Vi ska **stärka** sam-\nverkan.\fSida 2\nNästa sida."
    n = normalise(
        Ingested([Page(1, raw.split("\f")[0], "text"), Page(2, raw.split("\f")[1], "text")], "t")
    )
    start = n.text.index("stärka")
    a, b = raw_span(n.segments, start, start + len("stärka"))
    assert raw[a:b] == "stärka"
    start = n.text.index("samverkan")
    a, b = raw_span(n.segments, start, start + len("samverkan"))
    assert raw[a:b] == "sam-\nverkan"


@pytest.mark.skipif(not SEED_003.exists(), reason="needs ../shared gold seeds")
def test_seed_003_sentences_map_back_to_raw_spans() -> None:
    raw = SEED_003.read_text(encoding="utf-8")
    n = normalise(Ingested([Page(1, raw, "text")], "text"))
    assert n.damage_score > 0.05 and n.ocr_corrected
    sentence = "Med utgångspunkt i analysen ska en handlingsplan tas fram"
    start = n.text.index(sentence)
    a, b = raw_span(n.segments, start, start + len(sentence))
    assert raw[a:b] == "Med\nutgangspunkt i analysen ska en handlingsplan tas fram"
    # Every sentence maps to a raw span with the same words up to OCR damage.
    for m in re.finditer(r"[^.\n]+", n.text):
        a, b = raw_span(n.segments, m.start(), m.end())
        assert len(raw[a:b].split()) == len(m.group().split())


WORDS = st.sampled_from(
    ["och", "för-", "Sylves-", "ter", "2024-05-01", "123", "**", "<b>", "&nbsp;", "Läs mer...",
     "ar", "pa", "far", "Stockholm", "den", "1.", "-", "•", "\t", "Sida 2 (5)", "är", "illa"]
)  # fmt: skip
SEPS = st.sampled_from([" ", "\n", "\n\n", "  ", "\u00ad", "\f"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(WORDS, SEPS), max_size=40))
def test_normalise_is_idempotent(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in parts)
    once = norm(*text.split("\f"))
    assert norm(once) == once


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_no_input_raises_and_map_is_consistent(text: str) -> None:
    n = normalise(Ingested([Page(1, text, "ocr")], "text"))
    covered = sum(s.length for s in n.segments)
    assert covered == len(n.text)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.dates().map(lambda d: d.isoformat()) | st.integers(0, 10**6).map(str), min_size=1),
    st.sampled_from(["text", "ocr"]),
)
def test_digits_and_iso_dates_survive(tokens: list[str], method: str) -> None:
    text = " ".join(f"beslut {t} ar" for t in tokens)
    out = norm(text, method=method)
    assert re.findall(r"\d+", out) == re.findall(r"\d+", text)
