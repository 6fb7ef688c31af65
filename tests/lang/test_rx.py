"""The first-character guard on compiled patterns changes speed, never matches."""

from __future__ import annotations

import re

import pytest

from pipeline.lang.rx import guarded
from pipeline.lexicon.cues import CUES, PROCEDURE, QUESTION

TEXTS = [
    "Förvaltningen ska ta fram en plan. Vill veta hur? Ärendet remitteras.",
    "KOMMUNSTYRELSEN BESLUTAR att uppdra åt nämnden att återkomma med en rapport.",
    "Frågan är om åtgärderna genomförs, och protokollet justeras.",
    "",
]


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"\b(?:ska|skall)\b", re.I),
        (r"\?\s*$|\bvill\s+veta\b|\b(?:frågar|undrar)\b", re.I),
        (r"(?:nämnd|förvaltning)(?:en)?", 0),
        (r"\w+\s+ska", 0),  # unbounded first character: compiled as is
        (r"(?i)\bska\b", 0),  # inline global flag must stay first
    ],
)
def test_guarded_matches_exactly_like_re(pattern: str, flags: int) -> None:
    plain, fast = re.compile(pattern, flags), guarded(pattern, flags)
    for text in TEXTS:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_lexicon_patterns_are_guarded() -> None:
    assert QUESTION.pattern.startswith("(?=[")
    assert PROCEDURE.pattern.startswith("(?=[")
    assert all(pat.pattern.startswith("(?=[") for _, _, pat in CUES)
