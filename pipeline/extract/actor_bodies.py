"""Rule-based organisations and places: council bodies, sector actors, parties and areas."""

from __future__ import annotations

import re

from pipeline.lexicon.gazetteers import (
    AMBIGUOUS_PLACES,
    NOT_GROUP_ACRONYMS,
    SECTOR,
    Gazetteers,
    is_org_word,
    load,
)
from pipeline.records import Actor

LETTERS = "A-Za-zÅÄÖåäöÉéÜü"
WORD_RE = re.compile(rf"[{LETTERS}]+")
COORD_RE = re.compile(rf"(?:[{LETTERS}]+-,?[ \t]+(?:[{LETTERS}]+-,?[ \t]+)*(?:och|eller)[ \t]+)$")
DEF_ADJ_RE = re.compile(rf"\b(?:[Dd]en|[Dd]et|[Dd]e)[ \t]+([{LETTERS}]+[ae])[ \t]+$")
INDEF_ADJ_RE = re.compile(r"\b(?:[Ee]n|[Ee]tt)[ \t]+(?P<adj>[a-zåäö]+)[ \t]+$")
IN_PLACE_RE = re.compile(r"^[ \t]+i[ \t]+")
ACRONYM_GROUP_RE = re.compile(
    r"\b(?P<acr>[A-ZÅÄÖ]{3,6})(?:[ \t]*\([^()\n]{1,80}\))?[ \t]+"
    r"(?P<areas>[A-ZÅÄÖ][\w-]+(?:[ \t]*/[ \t]*[A-ZÅÄÖ][\w-]+)+)"
)
ACRONYM_PAREN_RE = re.compile(r"\((?P<acr>[A-ZÅÄÖ]{3,6})\)")
ORGISH_PHRASE = re.compile(r"samverkan|grupp|team|råd|nämnd|förvaltning|förbund|enhet|center")
VO_RE = re.compile(
    r"\b[Vv]erksamhetsområde(?:t)?[ \t]+(?!för\b|från\b|och\b)[a-zåäö]+"
    r"(?:,[ \t]+[a-zåäö]+)*[ \t]+och[ \t]+[a-zåäö]+"
)
POLICE_RE = re.compile(
    r"\b(?:[a-zåäö]*polis(?:område|kontor|region|funktion|station)(?:et|en|n|t)?|"
    r"[Pp]olisregion[ \t]+[A-ZÅÄÖ]\w+)\b"
)
TOWN_ORG_RE = re.compile(
    r"\b(?P<place>[A-ZÅÄÖ][\w-]+(?:[ \t][A-ZÅÄÖ][\w-]+)?)[ \t]+"
    r"(?P<head>stad|kommun|stadsdel|läns landsting|läns landstings|landsting)\b"
)
REGION_RE = re.compile(r"\bRegion[ \t]+(?P<place>[A-ZÅÄÖ][\w-]+?(?:[ \t]+län)?)s?\b")

TOKEN_RE = re.compile(r"[\w-]{5,}")
SECTOR_RE = re.compile(r"(?<![\w-])(" + "|".join(SECTOR) + r")(?![\w-])", re.IGNORECASE)


def _initial(text: str, start: int) -> bool:
    """True at a sentence, line or heading start."""
    before = text[max(0, start - 12) : start].rstrip(" \t*#-")
    return not before or before[-1] in ".!?:\n>" or before.endswith("\f")


def _strip_genitive(word: str) -> str:
    """Organisation heads printed in the genitive: utbildningsförvaltningens -> ...ningen."""
    if word.endswith("s") and is_org_word(word[:-1]):
        return word[:-1]
    return word


def find_bodies(text: str) -> tuple[list[Actor], list[tuple[int, int]]]:
    """Organisation mentions, plus spans of places that only name a body (Stockholms stad)."""
    g = load()
    owned: list[tuple[int, int]] = []
    out = _head_noun_bodies(text, g, owned)
    out += _phrase_bodies(text, g)
    out += _sector_bodies(text)
    out += [
        Actor(m.group(1), "organisation", g.party_names[m.group(1)], None, m.start(), m.end(1))
        for m in g.party_name_re.finditer(text)
    ]
    out += _place_bodies(text, g, owned)
    out += _police_bodies(text, g)
    out += [
        Actor(m.group(0), "organisation", None, None, m.start(), m.end())
        for m in VO_RE.finditer(text)
    ]
    out.extend(_acronym_orgs(text))
    out.extend(_genitive_bodies(text))
    return out, owned


def _in_place(text: str, end: int, g: Gazetteers) -> int:
    """Extend a body's end over "i Malmö" when a known place follows it."""
    tail = IN_PLACE_RE.match(text[end : end + 8])
    if tail:
        pm = g.place_re.match(text, end + tail.end())
        if pm and not pm.group(2):
            return pm.end(1)
    return end


def _name_start(text: str, start: int, g: Gazetteers, owned: list[tuple[int, int]]) -> int:
    """Where a body's name begins: before coordinated heads, a place, or an adjective."""
    name_start = start
    coord = COORD_RE.search(text, max(0, start - 80), start)
    if coord and coord.end() == start:
        name_start = coord.start()
    prev = re.search(
        rf"([A-ZÅÄÖ][{LETTERS}-]+?)(s?)[ \t]+$", text[max(0, name_start - 40) : name_start]
    )
    if prev and prev.group(1) in g.places:
        owned.append(
            (
                name_start - len(prev.group(0)),
                name_start - len(prev.group(0)) + len(prev.group(1)),
            )
        )
        return name_start - len(prev.group(0))
    adj = DEF_ADJ_RE.search(text[max(0, name_start - 40) : name_start])
    window = max(0, name_start - 40)
    indef = INDEF_ADJ_RE.search(text[window:name_start])
    if adj:
        return name_start - len(adj.group(0))
    if indef:
        return window + indef.start("adj")
    return name_start


def _head_noun_bodies(text: str, g: Gazetteers, owned: list[tuple[int, int]]) -> list[Actor]:
    """Bodies named by an organisation head noun: "socialnämnden", "Stockholms stadsdelsnämnd"."""
    out = []
    for m in TOKEN_RE.finditer(text):
        word = m.group(0)
        low = word.lower()
        if not (low.endswith(g.org_suffixes) or low[:-1].endswith(g.org_suffixes)):
            continue
        head = _strip_genitive(word)
        if not is_org_word(head):
            continue
        start = m.start()
        name_start = _name_start(text, start, g, owned)
        end = _in_place(text, start + len(head), g)
        out.append(Actor(text[name_start:end], "organisation", None, None, name_start, end))
    return out


def _phrase_bodies(text: str, g: Gazetteers) -> list[Actor]:
    """Bodies the gazetteer lists as phrases ("kommunstyrelsen", "den politiska majoriteten")."""
    out = []
    lower_phrases: dict[str, str] = {}
    for phrase in g.org_phrases:
        if phrase.lower() not in lower_phrases or phrase[:1].islower():
            lower_phrases[phrase.lower()] = phrase
    for m in g.org_phrase_re.finditer(text):
        name = m.group(1)
        canon = lower_phrases.get(name.lower(), name)
        if canon[:1].isupper() and name != canon and not name.isupper():
            continue
        s = m.start()
        if canon.lower() in ("majoriteten", "oppositionen"):
            adj = DEF_ADJ_RE.search(text[max(0, s - 40) : s])
            if not adj:
                continue
            s -= len(adj.group(0))
        out.append(Actor(text[s : m.end(1)], "organisation", None, None, s, m.end(1)))
    return out


def _sector_bodies(text: str) -> list[Actor]:
    """Sectors that act as bodies ("skolan", "socialtjänsten"), under their base form."""
    out = []
    for m in SECTOR_RE.finditer(text):
        sector = SECTOR.get(m.group(1).lower())
        if sector and (m.group(1).islower() or _initial(text, m.start())):
            out.append(Actor(sector, "organisation", None, None, m.start(), m.end()))
    return out


def _place_bodies(text: str, g: Gazetteers, owned: list[tuple[int, int]]) -> list[Actor]:
    """A place that names its council ("Malmö stad", "Region Skåne"); the place is owned."""
    out = []
    for m in TOWN_ORG_RE.finditer(text):
        place = m.group("place")
        base = place[:-1] if place.endswith("s") and place[:-1] in g.places else place
        if base not in g.places:
            continue
        name = m.group(0).replace("läns landstings", "läns landsting")
        owned.append((m.start(), m.start() + len(base)))
        out.append(Actor(name, "organisation", None, None, m.start(), m.start() + len(name)))
    for m in REGION_RE.finditer(text):
        owned.append((m.start("place"), m.end("place")))
        name = f"Region {m.group('place')}"
        out.append(Actor(name, "organisation", None, None, m.start(), m.start() + len(name)))
    return out


def _police_bodies(text: str, g: Gazetteers) -> list[Actor]:
    """The police, with a leading adjective and a following place ("lokalpolisen i Rinkeby")."""
    out = []
    for m in POLICE_RE.finditer(text):
        adj = DEF_ADJ_RE.search(text[max(0, m.start() - 40) : m.start()])
        s = m.start() - len(adj.group(0)) if adj else m.start()
        end = _in_place(text, m.end(), g)
        out.append(Actor(text[s:end], "organisation", None, None, s, end))
    return out


# A body's own sub-body: "Socialnämndens arbetsutskott", "stadsdelens socialtjänst". The
# head stands in its indefinite form after the genitive, so it is tested with its article.
_GENITIVE_BODY_RE = re.compile(rf"(?<![\w-])([{LETTERS}-]{{4,}}s)[ \t]+([a-zåäö-]{{4,}})\b")
_GENERIC_OWNERS = frozenset(
    ["nämnden", "styrelsen", "förvaltningen", "stadsdelen", "kommunen", "regionen", "staden"]
)


def _genitive_bodies(text: str) -> list[Actor]:
    """Sub-bodies named through their owner's genitive, as one organisation."""
    out = []
    for m in _GENITIVE_BODY_RE.finditer(text):
        owner, head = m.group(1)[:-1], m.group(2)
        if not (is_org_word(owner) or owner.lower() in _GENERIC_OWNERS):
            continue
        if any(is_org_word(head + article) for article in ("en", "et", "n", "t")):
            out.append(Actor(m.group(0), "organisation", None, None, m.start(), m.end()))
    return out


def _acronym_orgs(text: str) -> list[Actor]:
    """Groups known by an acronym: 'samverkan skola, ... (SSPF)', 'SSPF Bredäng/Sätra'."""
    out: list[Actor] = []
    g = load()
    for m in ACRONYM_PAREN_RE.finditer(text):
        acr = m.group("acr")
        if acr in g.party_abbrevs or acr in NOT_GROUP_ACRONYMS:
            continue
        phrase = re.split(r"[().]", text[max(0, m.start() - 80) : m.start()])[-1].lower()
        if len(phrase.strip()) < 3:
            continue
        words = WORD_RE.findall(phrase)
        if words and is_org_word(words[-1]):
            continue
        if any(phrase.rstrip().endswith(p.lower()) for p in g.org_phrases):
            continue
        if ORGISH_PHRASE.search(phrase):
            out.append(Actor(acr, "organisation", None, None, m.start("acr"), m.end("acr")))
    for m in ACRONYM_GROUP_RE.finditer(text):
        areas = [a.strip() for a in m.group("areas").split("/")]
        if all(a in g.places for a in areas):
            name = f"{m.group('acr')} {'/'.join(areas)}"
            out.append(Actor(name, "organisation", None, None, m.start(), m.end()))
    return out


def find_places(text: str, owned: list[tuple[int, int]]) -> list[Actor]:
    """Gazetteer places outside body names and outside longer proper names."""
    g = load()
    out: list[Actor] = []
    for m in g.place_re.finditer(text):
        name = m.group(1)
        s, e = m.start(1), m.end(1)
        if any(a <= s < b for a, b in owned):
            continue
        if name in AMBIGUOUS_PLACES and _initial(text, s):
            continue
        before = re.search(r"([A-ZÅÄÖ][\w-]*)[ \t]+$", text[max(0, s - 30) : s])
        if (
            before
            and before.group(1) not in g.places
            and not _initial(text, s - len(before.group(0)))
        ) and before.group(1) not in ("Till", "I", "Från", "Inom", "Stadsdelen"):
            continue
        after = re.match(r"[ \t]+([A-ZÅÄÖ][a-zåäö]+)", text[m.end() : m.end() + 30])
        if after and after.group(1) not in g.places and not m.group(2):
            continue
        out.append(Actor(name, "place", None, None, s, e))
    for m in STREET_RE.finditer(text):
        s, e = m.start(), m.end()
        if not any(a <= s < b for a, b in owned) and not any(p.char_start == s for p in out):
            out.append(Actor(m.group(0), "place", None, None, s, e))
    return out


# Streets, squares, quays, parks and centres are places whatever the gazetteer knows:
# their names end in what they are ("Sandhamnsgatan", "Strömkajen", "Tensta centrum").
STREET_RE = re.compile(
    r"(?<![\w-])(?:(?:Södra|Norra|Västra|Östra|Stora|Lilla|Sankt|Norr|Söder|Gamla|Nya)[ \t]+)?"
    r"(?:[A-ZÅÄÖ][a-zåäöé]{2,}(?:gatan|vägen|gränd|kajen|hamnen|torg|torget|parken|strand|"
    r"backen|badet|allén|leden|fältet|gärdet|stråket)"
    r"|[A-ZÅÄÖ][a-zåäöé]{2,}[ \t]+centrum)(?![\w-])"
)
