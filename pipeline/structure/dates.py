"""The document's own date: head date, place-and-date signing line, or a closing date."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lang.calendar import MONTHS
from pipeline.structure.lines import Line

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
# Press-release services print English month abbreviations first ("Jul 01, 2016").
_EN_MONTHS = {**MONTHS, "may": 5, "oct": 10}
_EN_ALT = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
DATE_RE = re.compile(
    r"(?<![\d-])(?P<iso>(?:19|20)\d{2})(?P<sep>[-. ])(?P<im>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<id>0[1-9]|[12]\d|3[01])(?![\d])"
    r"|(?<!\d)(?<!nr )(?<!nr\. )(?P<d>[1-9]|[12]\d|3[01])(?::[ae])?\s+(?P<m>"
    + _MONTH_ALT
    + r")\.?\s+"
    r"(?P<y>(?:19|20)\d{2})(?!\d)"
    r"|\b(?P<m2>"
    + _EN_ALT
    + r")\.?\s+(?P<d2>0?[1-9]|[12]\d|3[01]),\s+(?P<y2>(?:19|20)\d{2})(?!\d)",
    re.IGNORECASE,
)
# Cues just before a date: "own" cues make it the document's date, "other" cues make it a
# date the text merely mentions (deadlines, arrival, earlier decisions, attest, posting).
_OWN_STRONG = re.compile(
    r"(?:(?<!justeringens )(?<!justeringens\n)\b(?:plats och tid|tid och plats|tidpunkt)\b[^\n]{0,120}"
    r"|\b(?:sammanträdesdatum|sammanträdestid|datum|beslut i [\wåäö ]+)"
    # A web page's or press release's publishing line: "Publicerad 12:14, 12 feb 2020".
    r"|\b(?:publicera(?:d|t|des)|pressmeddelande)\b[^\n]{0,30}?)[\s:,.•]*(?:den\s+)?$",
    re.IGNORECASE,
)
_OWN_WEAK = re.compile(
    r"\b(?:sammanträde|möte|protokoll|dag|tid|(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?)"
    r"[\s:,.]*(?:den\s+)?$",
    re.IGNORECASE,
)
_OTHER_CUES = re.compile(
    r"\b(inkom\w*|beslutade?|behandla\w*|senast|juster\w*|anslag\w*|från och med|t\.?\s?o\.?\s?m\.?|"
    r"per|sedan|före|efter|utskick\w*|exp\.?\s*datum|v\d[\d.]*,|remiss\w*|gäller|"
    r"antogs|antagen|fastställ\w*|daterad|inlämnad|väckt|till och med|om|från|i)"
    r"[\s:,.]*(?:den\s+)?(?:\d{1,2}\s+\w+\s+)?$",
    re.IGNORECASE,
)
# A line that says where and when the minutes are signed: its date is the attest's, whatever
# weekday or "tid" follows ("Justeringens plats och tid Kommunhuset, torsdagen den 19 …").
_ATTEST_LINE = re.compile(
    r"^\W*(?:justeringens\s+plats|plats\s+och\s+tid\s+för\s+justering|justering(?:en)?\b)", re.I
)
_SIGN_LINE = re.compile(
    r"^(?P<place>[A-ZÅÄÖ][a-zåäöé]+(?:[ -][A-ZÅÄÖ][a-zåäöé]+)?),?\s+(?:den\s+)?(?P<date>.+?)\s*$"
)


@dataclass(frozen=True)
class FoundDate:
    """A date as printed, its ISO form and where it starts in the text."""

    iso: str
    text: str
    start: int


def to_iso(m: re.Match[str]) -> str | None:
    """ISO form of one DATE_RE match, or None when it is not a real calendar date."""
    if m.group("iso"):
        y, mo, d = int(m.group("iso")), int(m.group("im")), int(m.group("id"))
    elif m.group("m2"):
        y, mo, d = int(m.group("y2")), _EN_MONTHS[m.group("m2").lower()], int(m.group("d2"))
    else:
        y, mo, d = int(m.group("y")), MONTHS[m.group("m").lower()], int(m.group("d"))
    if d > (29 if mo == 2 else 30 if mo in (4, 6, 9, 11) else 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def parse_date(text: str) -> str | None:
    """ISO form of the first date printed in ``text`` ("22 november 2023", "2008-02-14")."""
    for m in DATE_RE.finditer(text):
        iso = to_iso(m)
        if iso:
            return iso
    return None


def dates_in(text: str, offset: int = 0) -> list[FoundDate]:
    """Every valid date printed in ``text``, with offsets shifted by ``offset``."""
    out = []
    for m in DATE_RE.finditer(text):
        iso = to_iso(m)
        if iso:
            out.append(FoundDate(iso, m.group(0), offset + m.start()))
    return out


def _cue(before: str) -> str:
    """'strong', 'own', 'other' or '' for the text printed just before a date on its line."""
    if _ATTEST_LINE.match(before):
        return "other"
    tail = before[-140:]
    other = _OTHER_CUES.search(tail[-60:])
    for kind, rx in (("strong", _OWN_STRONG), ("own", _OWN_WEAK)):
        own = rx.search(tail)
        if own and not (other and len(tail) - 60 + other.start() >= own.start()):
            return kind
    return "other" if other else ""


def _head_date(head: list[Line]) -> tuple[str | None, str | None]:
    """(strong, weak) head dates: strong ones are cued or stand alone on a header line."""
    weak: str | None = None
    for ln in head:
        for m in DATE_RE.finditer(ln.clean):
            iso = to_iso(m)
            if not iso:
                continue
            before, after = ln.clean[: m.start()], ln.clean[m.end() :]
            cue = _cue(before)
            if cue == "other":
                continue
            early = m.start() < 200 and not re.search(r"\b\w\w+[.!?]\s", before)
            alone = not before.strip(" ,:-–") and len(after) < 60
            if cue == "strong" or (cue == "own" and early) or (alone and len(ln.clean) < 80):
                return iso, weak
            listed = ln.clean[:1] in "•-*–" or re.match(r"\s*[a-zåäö]", after) is not None
            if weak is None and early and not listed and (m.start() < 100 or len(ln.clean) < 200):
                weak = iso
    return None, weak


def _signing_date(lines: list[Line]) -> str | None:
    """Date of the last "Stockholm den 22 november 2023"-style line outside the head."""
    for ln in reversed(lines):
        if ln.blank or len(ln.clean) > 60:
            continue
        m = _SIGN_LINE.match(ln.clean)
        if not m:
            continue
        d = DATE_RE.fullmatch(m.group("date").rstrip("."))
        if d:
            return to_iso(d)
    return None


def _closing_date(lines: list[Line], text_len: int) -> str | None:
    """A date standing alone, or in an attest row, among the last lines of the text."""
    for ln in reversed(lines):
        if ln.blank or ln.start < text_len - 600:
            continue
        m = DATE_RE.search(ln.clean)
        if m and len(ln.clean) < 80 and _cue(ln.clean[: m.start()]) != "other":
            rest = (ln.clean[: m.start()] + ln.clean[m.end() :]).strip()
            if not rest or "," in rest or "\t" in rest or len(rest.split()) <= 4:
                return to_iso(m)
    return None


def _dated_line(lines: list[Line], text_len: int) -> str | None:
    """A date alone on a short line in the first half ("2017-10-17", "Kommunfullmäktige
    2019-06-18"): the dating of a letter or an extract whose head is long."""
    for ln in lines:
        if ln.start > text_len / 2:
            break
        m = DATE_RE.search(ln.clean)
        if not m or len(ln.clean) > 40 or _cue(ln.clean[: m.start()]) == "other":
            continue
        rest = (ln.clean[: m.start()] + ln.clean[m.end() :]).strip(" ,:-–")
        if len(rest.split()) <= 2 and not re.search(r"\d", rest):
            return to_iso(m)
    return None


def own_date(lines: list[Line], head: list[Line], text_len: int) -> str | None:
    """The document's own date: cued head date, then signing line, then weaker evidence."""
    strong, weak = _head_date(head)
    if strong:
        return strong
    signed = _signing_date(lines)
    if signed:
        return signed
    return weak or _dated_line(lines, text_len) or _closing_date(lines, text_len)
