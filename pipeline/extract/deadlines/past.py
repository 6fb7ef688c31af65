"""Tense cues: does a time expression place a past or started action rather than a due time."""

from __future__ import annotations

import re

# Clause edges: punctuation and subordinators; an att-clause or som-clause has its own time.
_BOUNDARY_RE = re.compile(
    r"[.!?;:\n•]|,|\s[-–]\s|\b(?:som|när|där|att|eftersom|medan|men|vilket|vilka|samt)\b",
    re.IGNORECASE,
)

_IRREGULAR_PAST = (
    "blev|blevs|fick|gick|tog|togs|gav|gavs|kom|inkom|såg|sågs|fanns|hölls|höll|beslöt|beslöts|"
    "drog|lät|stod|skrev|skrevs|gjorde|gjordes|sade|sades|skulle|kunde|ville|hade|ägde|sköts|"
    "föll|låg|antog|antogs|valde|valdes|ställde|fyllde|hörde|förde|införde|genomförde|körde|"
    "lärde|kände|sände|använde|vände|nämnde|hände|gällde|skedde|lade|lades|sålde|såldes|"
    "bildade|startade|tillträdde|avgick|utsågs|utsåg|godkände|godkändes|inträffade|"
    "tagit|varit|blivit|kommit|inkommit|skrivit|gett|givit|fått|gjort|haft|"
    r"\w*(?:tog|togs|gav|gavs|drog|drogs|höll|hölls|stod|skrev|skrevs|gick|förts|gjorts|ställts|"
    r"lagts|sagts|valts|byggts|skickats)|återremitterat|återremitterad|remitterat|remitterad|"
    "justerat|justerad|bordlagt|bordlagd|anslaget|antagen|antaget|inlämnad|inlämnat|daterad|"
    "daterat|inkommen|inkommet"
)
_PAST_WORD_RE = re.compile(
    rf"\b(?:{_IRREGULAR_PAST}|\w+(?:ades|ade|dde|ddes|kte|pte|tte|xte|ktes|ptes|ttes)"
    r"|\w+[^n\W]des|\w{2,}(?:ats|its|tts)|var(?!\s+(?:sjätte|annan|tredje|fjärde|femte|sjunde|"
    r"åttonde|tionde|och|för|\d)))\b",
    re.IGNORECASE,
)
_PAST_STOP = frozenset(
    {
        "sjätte",
        "mötte",
        "planerade",
        "beräknade",
        "föreslagna",
        "berörda",
        "ökade",
        "minskade",
        "utökade",
        "förbättrade",
        "förändrade",
        "begränsade",
        "uppdaterade",
        "reviderade",
        "plats",
        "platts",
        "mats",
    }
)
# Before an -ade participle these make it an adjective ("de planerade", "för finansierade").
_DETERMINERS = frozenset(
    [
        "de",
        "den",
        "det",
        "dessa",
        "denna",
        "detta",
        "sina",
        "sin",
        "sitt",
        "våra",
        "vår",
        "vårt",
        "deras",
        "dess",
        "hans",
        "hennes",
        "ett",
        "en",
        "alla",
        "samtliga",
        "nya",
        "flera",
        "några",
        "för",
        "med",
        "av",
        "till",
        "i",
        "på",
        "om",
        "från",
        "under",
        "vid",
        "mot",
        "utan",
    ]
)

_PERFECT_AUX_RE = re.compile(r"\b(?:har|hade)\b", re.IGNORECASE)
_SUPINE_RE = re.compile(
    r"\b(?:gjort|haft|sagt|lagt|valt|ställt|byggt|köpt|fört|genomfört|infört|hört|känt|kunnat|"
    r"velat|fått|sett|varit|blivit|tagit|gett|givit|gjorts|"
    r"\w+(?:at|ats|it|its|tt|tts|ts|gt|kt|pt|ft|lt|rt))\b",
    re.IGNORECASE,
)
_SUPINE_STOP = frozenset(
    [
        "att",
        "ett",
        "nytt",
        "rätt",
        "sätt",
        "mitt",
        "sitt",
        "ditt",
        "litt",
        "lätt",
        "brett",
        "tätt",
        "fett",
        "blått",
        "kvitt",
        "platt",
        "resultat",
        "mandat",
        "kandidat",
        "format",
        "privat",
        "primat",
        "kredit",
        "profit",
        "plats",
        "mats",
        "slut",
        "what",
        "bit",
        "hit",
        "dit",
        "vit",
        "mycket",
        "ut",
        "tätt",
        "allt",
        "detta",
        "helt",
        "särskilt",
        "totalt",
        "snart",
        "kort",
        "start",
        "klart",
        "bort",
        "direkt",
        "exakt",
        "projekt",
        "effekt",
        "aspekt",
        "svart",
        "minst",
        "först",
        "främst",
        "mest",
        "samt",
        "eget",
    ]
)

# Participles that stand right before a date in headers: "Justerat den 7 december 2009",
# "Bordlagt 21 mars 2006", "inlämnad den 15 februari 2011".
_PARTICIPLE_RE = re.compile(
    r"\b(?:återremitterat|justerat|justerad|bordlagt|bordlagd|anslaget|anslagen|daterad|daterat|inlämnad|inlämnat|"
    r"inkommen|inkommet|antagen|antaget|beslutad|beslutat|fastställd|fastställt|undertecknad|"
    r"publicerad|publicerat|uppdaterad|uppdaterat|godkänd|godkänt|behandlad|behandlat|"
    r"avslutad|avslutat)[\s,:]*\Z",
    re.IGNORECASE,
)

_FUTURE_RE = re.compile(
    r"\b(?:ska|skall|kommer|avser|avses|planerar|planeras|planerad|planerat|bör|behöver|"
    r"beräknas|förväntas|väntas|ämnar|föreslås|föreslår|uppdrag|uppdras|uppdrar|gäller|pågår|"
    r"påbörjas|genomförs|införs|startar|börjar|inleds|sker|justeras|återrapporteras|redovisas|"
    r"lämnas|ges|blir|vill|önskar|yrkar|hemställer|beslutar|fastställs|godkänns|träda|träder|"
    r"behandlas|besvaras|ställs|kallas|sammanträder|verkställs|utreds|tas|genomför|gör)\b",
    re.IGNORECASE,
)


def _clause(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Span of the clause around ``text[start:end]``; flag: its left edge is "att" or a comma."""
    lo = max(0, start - 240)
    left, soft = lo, False
    for m in _BOUNDARY_RE.finditer(text, lo, start):
        left, soft = m.end(), m.group(0).lower() in ("att", ",")
    m2 = _BOUNDARY_RE.search(text, end, min(len(text), end + 240))
    right = m2.start() if m2 else min(len(text), end + 240)
    return left, right, soft


def _past_positions(text: str, left: int, right: int, start: int, end: int) -> list[int]:
    """Positions of past-tense cues in the clause, outside the expression itself."""
    out: list[int] = []
    for m in _PAST_WORD_RE.finditer(text, left, right):
        if start <= m.start() < end:
            continue
        word = m.group(0).lower()
        if word in _PAST_STOP or word.endswith(("plats", "områdes", "insats")):
            continue
        prev = text[max(left, m.start() - 12) : m.start()].split()
        if prev and prev[-1].lower() == "ha":
            continue  # "ska ha kommit in": future perfect
        if word.endswith(("ade", "dde")):
            before = text[max(left, m.start() - 30) : m.start()].split()
            if before and before[-1].lower() in _DETERMINERS:
                continue
        out.append(m.start())
    for aux in _PERFECT_AUX_RE.finditer(text, left, right):
        window_end = min(right, aux.end() + 80)
        words = 0
        for sup in re.finditer(r"\S+", text[aux.end() : window_end]):
            words += 1
            if words > 7:
                break
            token = sup.group(0).strip(",.").lower()
            if token in _SUPINE_STOP:
                continue
            if _SUPINE_RE.fullmatch(token):
                out.append(aux.start())
                out.append(aux.end() + sup.start())
                break
    return out


def _future_positions(text: str, left: int, right: int, start: int, end: int) -> list[int]:
    return [
        m.start() for m in _FUTURE_RE.finditer(text, left, right) if not start <= m.start() < end
    ]


def is_past(text: str, start: int, end: int) -> bool:
    """True when the nearest tense cue in the clause around ``text[start:end]`` is past."""
    if _PARTICIPLE_RE.search(text, max(0, start - 30), start):
        return True
    left, right, soft = _clause(text, start, end)
    past = _past_positions(text, left, right, start, end)
    future = _future_positions(text, left, right, start, end)
    if soft and not past and not future:
        # an infinitive att-clause or a comma-detached phrase takes the tense of what precedes
        left = _clause(text, max(0, left - 1), max(0, left - 1))[0]
        past = _past_positions(text, left, right, start, end)
        future = _future_positions(text, left, right, start, end)
    if not past:
        return False

    def dist(pos: int) -> int:
        return start - pos if pos < start else pos - end

    best_past = min(dist(p) for p in past)
    best_future = min((dist(p) for p in future), default=10**9)
    return best_past < best_future
