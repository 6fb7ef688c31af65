"""The offset map must send every normalised span back to the raw text it came from."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalise.textmap import TextBuilder, page_of, raw_span, to_raw


def _squeeze(raw: str) -> TextBuilder:
    """Collapse runs of spaces, the simplest normalisation with a non-trivial map."""
    b = TextBuilder()
    i = 0
    while i < len(raw):
        if raw[i] == " ":
            j = i
            while j < len(raw) and raw[j] == " ":
                j += 1
            b.replace(" ", i, j)
            i = j
        else:
            b.copy(raw, i, i + 1)
            i += 1
    return b


def test_words_map_back_exactly() -> None:
    raw = "En   handlingsplan  ska   tas fram"
    b = _squeeze(raw)
    assert b.text == "En handlingsplan ska tas fram"
    start = b.text.index("handlingsplan")
    s, e = raw_span(b.segments, start, start + len("handlingsplan"))
    assert raw[s:e] == "handlingsplan"


def test_replacement_maps_to_whole_replaced_span() -> None:
    b = TextBuilder()
    raw = "Dérfor ar"
    b.replace("Därför", 0, 6)
    b.copy(raw, 6, 7)
    b.replace("är", 7, 9)
    assert b.text == "Därför är"
    assert raw_span(b.segments, 0, 6) == (0, 6)
    assert raw_span(b.segments, 7, 9) == (7, 9)


def test_page_of_counts_form_feeds() -> None:
    raw = "sida ett\fsida två\fsida tre"
    assert page_of(raw, 0) == 1
    assert page_of(raw, raw.index("två")) == 2
    assert page_of(raw, len(raw) - 1) == 3


@given(st.text(alphabet="ab åäö\n", max_size=60))
def test_every_kept_character_maps_to_itself(raw: str) -> None:
    b = _squeeze(raw)
    text = b.text
    for k, ch in enumerate(text):
        if ch != " ":
            assert raw[to_raw(b.segments, k)] == ch
