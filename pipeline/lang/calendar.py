"""Swedish month names and their abbreviations, shared by document dates and deadlines."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
# Full month names in calendar order, for printing dates in Swedish.
MONTH_NAMES: tuple[str, ...] = tuple(
    max((k for k, v in MONTHS.items() if v == m), key=len) for m in range(1, 13)
)

__all__ = ["MONTHS", "MONTH_NAMES"]
