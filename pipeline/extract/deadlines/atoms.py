"""Calendar arithmetic for time-expression atoms: one regex match to a dated interval."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pipeline.extract.deadlines.grammar import MONTHS, NUMBER_WORDS, ORDINALS

Interval = tuple[date | None, date | None]
Maker = Callable[[int], tuple[date, date]]

_SEASONS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "vår": ((1, 1), (6, 30)),
    "höst": ((7, 1), (12, 31)),
    "sommar": ((6, 1), (8, 31)),
    "försommar": ((6, 1), (6, 30)),
    "sensommar": ((8, 1), (8, 31)),
}
_DEADLINE_VAGUE = ("snarast", "så snart", "så fort", "omgående", "skyndsamt", "inom kort")
_DEADLINE_VAGUE2 = ("i närtid", "inom en snar framtid")


@dataclass
class Atom:
    """What one atom says before its governing prefix is applied."""

    kind: str
    interval: Interval = (None, None)
    make: Maker | None = None  # interval for a given year when the text prints no year
    needs_gov: bool = False
    forced_past: bool = False
    deadline_vague: bool = False


def month_end(y: int, m: int) -> date:
    """Last day of month ``m`` of year ``y``."""
    return date(y, m, calendar.monthrange(y, m)[1])


def _month(m: int) -> Maker:
    return lambda y: (date(y, m, 1), month_end(y, m))


def _day(m: int, d: int) -> Maker:
    return lambda y: (date(y, m, d), date(y, m, d))


def _week(n: int) -> Maker:
    return lambda y: (date.fromisocalendar(y, n, 1), date.fromisocalendar(y, n, 7))


def _span(a: tuple[int, int], b: tuple[int, int], wrap: bool = False) -> Maker:
    return lambda y: (
        date(y - 1 if wrap else y, *a),
        date(y, b[0], min(b[1], month_end(y, b[0]).day)),
    )


def _season_key(word: str) -> str:
    w = word.lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
    for key, name in (("forsommar", "försommar"), ("sensommar", "sensommar"), ("sommar", "sommar")):
        if key in w:
            return name
    if "vint" in w:
        return "vint"
    return "vår" if w.startswith("v") else "höst"


def season_maker(word: str) -> Maker:
    """Interval maker for a season or term word (vårterminen, hösten, vintern, vt, ht)."""
    key = _season_key(word)
    if key == "vint":
        return lambda y: (date(y - 1, 12, 1), month_end(y, 2))
    a, b = _SEASONS[key]
    return _span(a, b)


def _year2(y1: int, raw: str | None) -> int | None:
    if not raw:
        return None
    v = int(raw)
    return v if v >= 100 else (y1 // 100) * 100 + v


def add_units(d: date, n: int, unit: str) -> date:
    """``d`` moved ``n`` years, months, weeks or days forward (clamping month ends)."""
    u = unit.lower()
    if u.startswith("dag"):
        return d + timedelta(days=n)
    if u.startswith("veck"):
        return d + timedelta(weeks=n)
    months = n * 12 if u.startswith(("år", "ar")) else n
    total = d.month - 1 + months
    y, m = d.year + total // 12, total % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _number(raw: str) -> int:
    raw = " ".join(raw.lower().split())
    return int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 1)


def _ordinal(raw: str | None, last: int) -> int:
    if raw is None:
        return 1
    r = raw.lower()
    return last if r == "sista" else ORDINALS.get(r, 1)


def _fixed(make: Maker, year: str | None, kind: str, needs_gov: bool = False) -> Atom:
    if year:
        return Atom(kind, make(int(year)))
    return Atom(kind, make=make, needs_gov=needs_gov)


def interpret(m: re.Match[str], ref: date | None) -> Atom | None:
    """The atom for an ``ATOM_RE`` match, or None when its numbers are no calendar date."""
    try:
        for read in (_calendar_atom, _season_atom, _period_atom, _year_atom, _other_atom):
            atom = read(m.group, ref)
            if atom is not _NO_MATCH:
                return atom
    except (ValueError, KeyError):
        return None
    return None


# Returned by a reader when none of its alternatives matched (None means "no date").
_NO_MATCH = Atom("none")
Group = Callable[[str], Any]


def _calendar_atom(g: Group, ref: date | None) -> Atom | None:
    """Dates and months: 2024-03-01, 1/3 2024, 1 mars, mars 2024, i mars."""
    if g("iso"):
        d = date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
        return Atom("day", (d, d))
    if g("dmy"):
        d = date(int(g("dmy_y")), int(g("dmy_m")), int(g("dmy_d")))
        return Atom("day", (d, d))
    if g("dm"):
        mk = _day(MONTHS[g("dm_m").lower().rstrip(".")], int(g("dm_d")))
        mk(2000)  # leap year: rejects 31 april but keeps 29 februari
        if g("dm_iar") and ref is not None:
            return Atom("day", mk(ref.year))
        return _fixed(mk, g("dm_y"), "day")
    if g("mo"):
        has_manad = "nad" in g("mo").lower()
        return _fixed(_month(MONTHS[g("mo_m").lower()]), g("mo_y"), "month", not has_manad)
    if g("mab"):
        return _fixed(_month(MONTHS[g("mab_m").lower()]), g("mab_y"), "month")
    return _NO_MATCH


def _season_atom(g: Group, ref: date | None) -> Atom | None:
    """Seasons and terms: i våras, VT 24, hösten 2024, under våren."""
    if g("sepast"):
        return Atom("season", make=season_maker(g("sepast_s")), forced_past=True)
    if g("vtht"):
        y = _year2(2000, g("vtht_y")) or 2000
        return Atom("season", season_maker(g("vtht_s"))(y))
    if g("se"):
        mk = season_maker(g("se_s"))
        if g("se_y") and g("se_y2"):
            return Atom("season", mk(_year2(int(g("se_y")), g("se_y2")) or 0))
        return _fixed(mk, g("se_y"), "season", True)
    if g("sebare"):
        return Atom("season", make=season_maker(g("sebare_s")))
    return _NO_MATCH


def _period_atom(g: Group, ref: date | None) -> Atom | None:
    """Parts of a year: quarters, tertials, half-years and weeks."""
    if g("q"):
        n = int(g("q_n") or g("q_q") or _ordinal(g("q_o"), 4))
        return _fixed(_span((3 * n - 2, 1), (3 * n, 31)), g("q_y"), "quarter")
    if g("t"):
        n = int(g("t_n") or _ordinal(g("t_o"), 3))
        return _fixed(_span((4 * n - 3, 1), (4 * n, 31)), g("t_y"), "tertial")
    if g("h"):
        n = min(2, _ordinal(g("h_o"), 2))
        return _fixed(_span((6 * n - 5, 1), (6 * n, 31)), g("h_y"), "halfyear")
    if g("w"):
        return _fixed(_week(int(g("w_n"))), g("w_y"), "week")
    return _NO_MATCH


def _year_atom(g: Group, ref: date | None) -> Atom | None:
    """Years: år 2024, läsåret 2024/25, 2024–2026, vid årsskiftet, senast 2025."""
    if g("yn"):
        y1 = int(g("yn_y"))
        y2 = _year2(y1, g("yn_y2"))
        if g("yn_noun").lower().startswith(("läs", "las")):
            return Atom("schoolyear", (date(y1, 7, 1), date(y2 or y1 + 1, 6, 30)))
        if y2 and y2 > y1:
            return Atom("range", (date(y1, 1, 1), date(y2, 12, 31)))
        return Atom("year", (date(y1, 1, 1), date(y1, 12, 31)))
    if g("ask"):
        if g("ask_y"):
            y = int(g("ask_y")) if g("ask_y2") else int(g("ask_y")) - 1
            return Atom("year_end", (date(y, 12, 1), date(y, 12, 31)))
        return Atom("year_end", make=lambda y: (date(y, 12, 1), date(y, 12, 31)))
    if g("by"):
        y1 = int(g("by_y"))
        y2 = int(g("by_y2")) if g("by_y2") else y1
        if y2 < y1:
            return None
        return Atom("year" if y2 == y1 else "range", (date(y1, 1, 1), date(y2, 12, 31)), None, True)
    return _NO_MATCH


def _other_atom(g: Group, ref: date | None) -> Atom | None:
    """Relative and vague times: nästa år, inom två månader, snarast, på sikt."""
    if g("rel"):
        return _relative(g("rel_w"), ref)
    if g("dur"):
        if ref is None:
            return Atom("relative")
        end = add_units(ref, _number(g("dur_n")), g("dur_u"))
        return Atom("relative", (ref, end))
    if g("vague"):
        w = " ".join(g("vague").lower().split())
        dl = w.startswith(_DEADLINE_VAGUE) or w in _DEADLINE_VAGUE2
        return Atom("vague", deadline_vague=dl)
    return _NO_MATCH


def _relative(word: str, ref: date | None) -> Atom:
    w = " ".join(word.lower().split()).replace("ä", "a").replace("å", "a").replace("ö", "o")
    if w.startswith(("forra", "foregaende")) or "gangna" in w:
        offset, past = -1, True
    elif re.match(r"n\w?sta|nastkommande|kommande|det kommande", w):
        offset, past = 1, False
    else:
        offset, past = 0, False
    atom = Atom("relative", forced_past=past, needs_gov=(w == "aret"))
    if ref is not None:
        y = ref.year + offset
        atom.interval = (date(y, 1, 1), date(y, 12, 31))
    return atom


def resolve_year(make: Maker, ref: date | None, mode: str = "due") -> Interval:
    """Pick the year for a year-less expression, relative to the document date ``ref``.

    mode "due": the first occurrence that has not ended more than 30 days before ``ref`` (a
    protocol's "senast under september" in October is this September, "i februari" in a
    December document is next February); "past": the last one that has started by ``ref``;
    "nearest": the one closest to ``ref`` ("per april", a reporting date, in a June report).
    """
    if ref is None:
        return (None, None)
    cands: list[tuple[date, date]] = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(make(y))
        except ValueError:
            continue
    if not cands:
        return (None, None)
    if mode == "past":
        started = [c for c in cands if c[0] <= ref]
        return started[-1] if started else cands[0]
    if mode == "nearest":
        return min(cands, key=lambda c: max((c[0] - ref).days, (ref - c[1]).days, 0))
    limit = ref - timedelta(days=30)
    for c in cands:
        if c[1] >= limit:
            return c
    return cands[-1]


def modify(interval: Interval, mod: str) -> Interval:
    """Narrow an interval to its beginning, middle or end third ("i slutet av 2024")."""
    s, e = interval
    if s is None or e is None:
        return interval
    m = mod.lower()
    if m.startswith("utg"):
        return (e, e)
    third = timedelta(days=max(0, ((e - s).days + 1) // 3 - 1))
    if m.startswith("b"):
        return (s, s + third)
    if m.startswith("m"):
        mid = s + timedelta(days=((e - s).days + 1) // 3)
        return (mid, mid + third)
    return (e - third, e)
