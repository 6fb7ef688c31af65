"""Deadlines: Swedish time expressions found in text and normalised to date intervals.

Conventions beyond SCHEMA.md: `före`/`innan`/`inför` X give (None, day before X starts),
so `före sommaren` is (None, 05-31); `efter` X gives (day after X, None); `vid årsskiftet`
is 12-01..12-31 of the closing year; `vintern 2024` is 2023-12-01..2024-02-29; `läsåret
2024/25` is 2024-07-01..2025-06-30; `i början/mitten/slutet av` X is the matching third of X.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from pipeline.extract.deadlines.atoms import Atom, Interval, interpret, modify, resolve_year
from pipeline.extract.deadlines.grammar import (
    ATOM_RE,
    BACK_RE,
    OCR_NASTA_RE,
    TRIGGER_WORDS,
    UNIT_AFTER_RE,
    WORD_RE,
    YEAR_LEAD_RE,
)
from pipeline.extract.deadlines.past import is_past
from pipeline.lexicon.time_roles import dates_other_thing


@dataclass
class TimeExpression:
    """A time expression found in text, with its interval normalised to dates."""

    text: str
    start: int
    end: int
    interval_start: date | None
    interval_end: date | None
    kind: str
    past: bool = False


_YEAR_GOVERNORS = re.compile(
    r"^(?:senast.*|till.*|t\.?\s?o\.?\s?m\.?|tom|fram.*|[äa]nda.*|fr[åa]n\s+och\s+med|fr\.?\s?o\.?\s?m\.?|from"
    r"|med\s+start.*|under|inf[öo]r|f[öo]re|innan|efter|sedan|mellan|redan.*|tills|per)$",
    re.IGNORECASE,
)
_BY_PREFIX = re.compile(r"^(?:senast|f[öo]re|innan|inf[öo]r)\b", re.IGNORECASE)
_BEFORE_PREFIX = re.compile(r"^(?:f[öo]re|innan|inf[öo]r)$", re.IGNORECASE)
_FROM_PREFIX = re.compile(r"^(?:fr[åa]n|fr\.|from|med\s+start)", re.IGNORECASE)
_TO_PREFIX = re.compile(r"^(?:till|t\.?\s?o\.?\s?m|tom|fram|[äa]nda)", re.IGNORECASE)
_VAR_FOLLOW = re.compile(
    r"\s*(?:$|[.,;:!?)]|(?:ska|skall|kommer|har|och|så|är|blir|planeras|påbörjas|genomförs|"
    r"pågår|startar|beräknas|\d{4})\b)",
    re.IGNORECASE,
)
_DASH_GAP = re.compile(r"[ \t]*[-–—][ \t]*")
_MERGE_GAP = re.compile(r"[ \t]*(?:[-–—]|och)?[ \t]*|\s+")
_NOT_DEADLINE_VAGUE = "vague"


@dataclass
class _Hit:
    start: int
    end: int
    atom_start: int
    pre: str
    atom: Atom
    interval: Interval
    kind: str
    past: bool
    dash_joined: bool = False


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def _apply_prefix(hit_interval: Interval, kind: str, pre: str) -> tuple[Interval, str]:
    s, e = hit_interval
    if not pre:
        return hit_interval, kind
    if _BEFORE_PREFIX.match(pre):
        return (None, s - timedelta(days=1) if s else None), "deadline_by"
    if pre.startswith("senast"):
        return (None, e), "deadline_by"
    if pre == "efter":
        return (e + timedelta(days=1) if e else None, None), "after"
    if _FROM_PREFIX.match(pre):
        return hit_interval, "from_date"
    return hit_interval, kind


def _ocr_nasta(word: str) -> bool:
    """OCR forms of "nästa" ("nésta"); checked by hand because it runs on every word."""
    return (
        len(word) == 5
        and word[0] in "nN"
        and word.endswith("sta")
        and bool(OCR_NASTA_RE.match(word))
    )


def _atoms(text: str) -> Iterator[re.Match[str]]:
    """ATOM_RE matches, tried only at words that can begin an atom."""
    pos = 0
    for w in WORD_RE.finditer(text):
        if w.start() < pos:
            continue
        word = w.group(0)
        if not (word[0].isdigit() or word.lower() in TRIGGER_WORDS or _ocr_nasta(word)):
            continue
        m = ATOM_RE.match(text, w.start())
        if m is not None:
            pos = m.end()
            yield m


def _scan(text: str, ref: date | None) -> list[_Hit]:
    hits: list[_Hit] = []
    last_end = -1
    for m in _atoms(text):
        atom = interpret(m, ref)
        if atom is None:
            continue
        a0, a1 = m.start(), m.end()
        back = BACK_RE.search(text, max(0, a0 - 90), a0)
        pre = _norm(back.group("pre") or back.group("evpre")) if back else ""
        mod = back.group("mod") if back else None
        start = back.start() if back and back.start() < a0 else a0
        dash_joined = bool(last_end >= 0 and not pre and _DASH_GAP.fullmatch(text, last_end, a0))
        if m.group("by"):
            if UNIT_AFTER_RE.match(text, a1):
                continue
            if not (_YEAR_GOVERNORS.match(pre) or dash_joined or mod):
                if not YEAR_LEAD_RE.search(text, max(0, a0 - 40), a0):
                    continue
                start = a0  # the lead word ("klart", "infördes") is no part of the time
        elif atom.needs_gov and not (pre or dash_joined):
            continue
        if m.group("rel") and atom.needs_gov and pre != "under":
            continue
        is_var = m.group("sebare") and m.group("sebare_s").lower() in ("vår", "var")
        if is_var and not _VAR_FOLLOW.match(text, a1):
            continue  # "i vår kommun" is possessive, not the spring
        past = pre == "sedan" or atom.forced_past or is_past(text, start, a1)
        interval = atom.interval
        if atom.make is not None:
            mode = "past" if past else "nearest" if pre.startswith("per") else "due"
            interval = resolve_year(atom.make, ref, mode)
        if mod:
            interval = modify(interval, mod)
        interval, kind = _apply_prefix(interval, atom.kind, pre)
        hits.append(_Hit(start, a1, a0, pre, atom, interval, kind, past, dash_joined))
        last_end = a1
    return hits


def _merge(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Join "från och med X till och med Y", "mellan X och Y" and "X – Y" into one range."""
    out: list[_Hit] = []
    for h in hits:
        if out:
            a = out[-1]
            gap_ok = _MERGE_GAP.fullmatch(text, a.end, h.start) is not None
            from_to = _FROM_PREFIX.match(a.pre) and _TO_PREFIX.match(h.pre)
            between = a.pre == "mellan" and not h.pre
            joinable = a.kind not in ("vague", "range") and h.kind != "vague"
            if gap_ok and joinable and (from_to or between or h.dash_joined):
                s = a.interval[0]
                end = h.interval[1]
                if a.atom.make is not None and end is not None:
                    # "20 februari - 20 april 2014": the first date takes the printed year;
                    # "årsskiftet - 2000-01-01" reaches back into the year before.
                    for year in (end.year, end.year - 1):
                        with contextlib.suppress(ValueError):
                            s = a.atom.make(year)[0]
                        if s is None or s <= end:
                            break
                if s is not None and end is not None and s > end:
                    out.append(h)  # no reading makes one range of the two: keep them apart
                    continue
                out[-1] = _Hit(
                    a.start,
                    h.end,
                    a.atom_start,
                    a.pre,
                    a.atom,
                    (s, h.interval[1]),
                    "range",
                    a.past and h.past,
                )
                continue
        out.append(h)
    return out


def find_time_expressions(text: str, ref: date | None) -> list[TimeExpression]:
    """All time expressions in ``text``, normalised against the document date ``ref``."""
    if not text:
        return []
    hits = _merge(text, _scan(text, ref))
    return [
        TimeExpression(
            text[h.start : h.end], h.start, h.end, h.interval[0], h.interval[1], h.kind, h.past
        )
        for h in hits
    ]


_SOFT_VAGUE = re.compile(
    r"^(?:nu|numera|i\s+dag|idag|fram[öo]ver|p[åa]\s.*sikt|tills\s*vidare)$", re.IGNORECASE
)


def _score(e: TimeExpression) -> int:
    low = e.text.lower()
    if e.kind == "deadline_by":
        return 6
    if e.kind == "vague":
        return 1
    if low.startswith(("till", "fram till", "t.o.m", "tom ", "inom")) or e.kind == "relative":
        return 5
    if low.startswith(("under", "i ", "vid", "per")):
        return 4
    if e.kind in ("from_date", "after"):
        return 2
    return 3


def pick_deadline(sentence: str, ref: date | None) -> TimeExpression | None:
    """The expression that gives the due time of ``sentence``, or None.

    Past and started times are skipped, and so are vague words that set no due time
    (`nu`, `framöver`) and dates of other things (lexicon/data/time_roles.tsv); `snarast` is
    kept with an open interval.
    """
    best: TimeExpression | None = None
    for e in find_time_expressions(sentence, ref):
        if e.past or (e.kind == "vague" and _SOFT_VAGUE.match(" ".join(e.text.split()))):
            continue
        if dates_other_thing(sentence, e.start, e.text):
            continue  # the date of a skrivelse, a meeting or a report, not of the measure
        if best is None or _score(e) > _score(best):
            best = e
    return best


def parse_date(text: str) -> date | None:
    """A single printed date ("22 november 2023", "den 1 januari 2009", "2016-09-08")."""
    s = text.strip()
    m = ATOM_RE.match(s)
    if m is None or not (m.group("iso") or m.group("dmy") or (m.group("dm") and m.group("dm_y"))):
        return None
    if s[m.end() :].strip(" .,"):
        return None
    atom = interpret(m, None)
    return atom.interval[0] if atom is not None and atom.kind == "day" else None
