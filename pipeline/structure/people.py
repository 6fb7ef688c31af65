"""Authors and recipients: handläggare, signatories, interpellants, motionärer, Till-blocks."""

from __future__ import annotations

import re

from pipeline.lexicon import genres
from pipeline.records import Actor
from pipeline.structure.lines import Line

_STOP = r"(?!(?:Telefon|Tel|Till|Datum|Dnr|Sid|Sida|Handläggare|Kontaktperson|Bilaga|Stockholm)\b)"
_TOKEN = _STOP + r"[A-ZÅÄÖÉ][a-zåäöéèüø]+(?:-[A-ZÅÄÖ][a-zåäöéèü]+)?"
NAME = _TOKEN + r"(?: (?:af |von |de |van )?" + _TOKEN + r"){1,3}"
PARTY = r"\( ?(?:båda |alla |samtliga )?(?P<party>[A-Za-zÅÄÖåäö]{1,4}) ?\)"
_NAME_PARTY = re.compile(r"(?P<name>" + NAME + r")(?: ?,? ?" + PARTY + r")?")
_NAME_LINE = re.compile(r"^(?P<name>" + NAME + r")\s*(?:,?\s*" + PARTY + r")?\s*$")
_ROLE_WORD = (
    r"(?:direktör|chef|råd|ordförande|ordf\.?|sekreterare|handläggare|arkitekt|strateg|controller"
    r"|utredare|samordnare|ansvarig|ledare|ingenjör|jurist|revisor|inspektör|specialist|rektor"
    r"|sakkunnig|assistent|ekonom|analytiker|planerare|konsulent|kurator|expert|ombudsman"
    r"|registrator|förvaltare|föredragande|trädgårdsmästare)"
)
_ROLE_LINE = re.compile(
    r"^(?P<role>(?:(?:tf|t\.f|bitr|biträdande|vice|1:e|2:e|förste)\.?\s+)?[A-ZÅÄÖa-zåäö][\wåäö-]*"
    + _ROLE_WORD
    + r"(?:\s+[\wåäö-]+){0,2})\s*$",
    re.IGNORECASE,
)
_HANDLAGGARE = re.compile(r"\bhandläggare\s*:?\s*\n?\s*(?P<name>" + NAME + r")", re.IGNORECASE)
_SIGN_PLACE = re.compile(r"^[A-ZÅÄÖ][a-zåäöé]+(?:[ -][A-ZÅÄÖ][a-zåäöé]+)?,?\s+(?:den\s+)?\d")
_BY = re.compile(
    r"\b(?P<kind>interpellation|motion(?:en)?(?: ?\(\d{4}:\d+\))?|skrivelse|inlämnad|väckt)"
    r" +(?:från|av) +(?=[A-ZÅÄÖ])|\b(?P<kind2>motionären) +är +(?=[A-ZÅÄÖ])",
    re.IGNORECASE,
)
_LIST_SEP = re.compile(r" ?(?:,|\boch\b|\bsamt\b) ?(?:(?:och|samt) )?")
_ORG = re.compile(
    r"(?P<org>(?:[A-ZÅÄÖa-zåäö][\wåäö-]*\s+(?:och\s+)?){0,5}?[\wåäöÅÄÖ-]*"
    r"(?:nämnd|styrelse|fullmäktige|förvaltning|kontor|utskott|revisorer|revision)[\wåäö]*"
    r"(?:\s+i\s+[A-ZÅÄÖ][\wåäö-]+)?)"
)
_TILL = re.compile(r"^\s*till\b\s*(?P<rest>.*)$", re.IGNORECASE)


def norm_party(raw: str | None) -> str | None:
    """Party abbreviation upper-cased as printed: (fp) → FP, (L) → L."""
    return raw.upper() if raw else None


def _actor(name: str, kind: str, party: str | None, role: str | None, start: int | None) -> Actor:
    end = start + len(name) if start is not None else None
    return Actor(name, kind, norm_party(party), role.lower() if role else None, start, end)


def _names_after(text: str, pos: int) -> list[tuple[str, str | None, int]]:
    """A list of persons starting at ``pos``: "A (L) och B (L)", "A och B (båda mp)"."""
    found: list[tuple[str, str | None, int]] = []
    while True:
        m = _NAME_PARTY.match(text, pos)
        if not m:
            break
        found.append((m.group("name"), m.group("party"), m.start()))
        sep = _LIST_SEP.match(text, m.end())
        if not sep or sep.end() == m.end():
            break
        pos = sep.end()
    last_party = found[-1][1] if found else None
    return [(n, p or last_party, s) for n, p, s in found]


def authors(text: str, lines: list[Line], head: str, doc_type: str) -> list[Actor]:
    """Who wrote or signed the document, with party and role as printed."""
    out: list[Actor] = []
    for m in _HANDLAGGARE.finditer(head):
        out.append(_actor(m.group("name"), "person", None, "handläggare", m.start("name")))
    for m in _BY.finditer(head):
        kind = (m.group("kind") or m.group("kind2")).lower()
        if kind.startswith("skrivelse") and doc_type != "skrivelse":
            continue
        if (
            kind in ("inlämnad", "väckt")
            and "motion" not in head[max(0, m.start() - 80) : m.start()].lower()
        ):
            continue
        role = "interpellant" if kind.startswith("interpellation") else None
        role = "motionär" if kind.startswith(("motion", "inlämnad", "väckt")) else role
        for name, party, start in _names_after(head, m.end()):
            out.append(_actor(name, "person", party, role, start))
    content = [(k, ln) for k, ln in enumerate(lines) if not ln.blank]
    tail_from = len(text) * 0.4
    for i, (k, ln) in enumerate(content):
        nm = _NAME_LINE.match(ln.clean)
        if not nm or _ROLE_LINE.match(ln.clean):
            continue
        nxt = content[i + 1] if i + 1 < len(content) else None
        role_m = _ROLE_LINE.match(nxt[1].clean) if nxt and nxt[0] == k + 1 else None
        signed = i > 0 and _SIGN_PLACE.match(content[i - 1][1].clean) is not None
        minutes = genres.has(doc_type, "minutes")
        party_alone = nm.group("party") and ln.start >= tail_from and not minutes
        if role_m or signed or party_alone:
            role = role_m.group("role") if role_m else None
            out.append(_actor(nm.group("name"), "person", nm.group("party"), role, ln.start))
    return _dedupe(_locate(out, text))


def _locate(actors: list[Actor], text: str) -> list[Actor]:
    """Point each actor's offsets at its name in ``text`` (from its hint onwards if it has one)."""
    for a in actors:
        at = text.find(a.name, a.char_start or 0)
        at = at if at >= 0 else text.find(a.name)
        a.char_start, a.char_end = (at, at + len(a.name)) if at >= 0 else (None, None)
    return actors


def recipients(text: str, lines: list[Line], head: str) -> list[Actor]:
    """Whom the document is addressed to: the Till-block, or an interpellation's addressee."""
    out: list[Actor] = []
    head_ls = [ln for ln in lines if not ln.blank and ln.start < len(head)]
    for i, ln in enumerate(head_ls):
        m = _TILL.match(ln.clean)
        if not m:
            continue
        rest = m.group("rest") or (head_ls[i + 1].clean if i + 1 < len(head_ls) else "")
        start = ln.start if m.group("rest") else head_ls[i + 1].start if i + 1 < len(head_ls) else 0
        out.extend(_addressee(rest, start))
    inter = re.search(r"^\s*interpellation\b[^\n]*?\btill\s+(?=\S)", head, re.IGNORECASE | re.M)
    if inter:
        out.extend(_addressee(head[inter.end() :].split("\n", 1)[0], inter.end()))
    return _dedupe(_locate(out, text))


def _addressee(rest: str, start: int) -> list[Actor]:
    person = re.match(r"(?P<role>[a-zåäö\w-]*\s*ordförande\s+)?" + _NAME_PARTY.pattern, rest)
    if person and (person.group("party") or person.group("role")):
        role = person.group("role").strip() if person.group("role") else None
        return [_actor(person.group("name"), "person", person.group("party"), role, start)]
    pre = re.match(r"(?:[\wåäö]+\s+)?ordförande(?:n)?\s+(?:i\s+)?", rest, re.IGNORECASE)
    org = _ORG.match(rest, pre.end() if pre else 0)
    if org:
        name = org.group("org").strip()
        return [_actor(name, "organisation", None, None, start)]
    return []


def _dedupe(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for a in actors:
        old = seen.get(a.name)
        if old is None:
            seen[a.name] = a
        else:
            old.party = old.party or a.party
            old.role = old.role or a.role
    return list(seen.values())
