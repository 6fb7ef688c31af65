"""Identifiers (diarienummer, motion, interpellation and § numbers) and cited documents."""

from __future__ import annotations

import re

from pipeline.records import Identifier, Section
from pipeline.structure.dates import DATE_RE

# A dnr value: optional body prefix, then digits with / - : separators ("KS 106-360/2016",
# "2023/BUN 0214", "SLK-2023-01047", "0086, 2008", "T2012-050-05828").
_DNR_VALUE = (
    r"(?:[A-ZÅÄÖ]{1,6}[ -]?/?)?\d[\d]*(?:\s?[-/:.]\s?(?:[A-ZÅÄÖ]{1,6}\s?)?\d+)*"
    r"(?:[ -]\d{2,4}(?![\d/]))?(?:,\s?(?:19|20)\d{2}\b)?"
)
_DNR_KEYED = re.compile(
    r"\b(?:dnr|diarienummer|diarienr|ärendenummer|ärendenr|ärende\s+nr|vår\s+beteckning)"
    r"[ \t]*[.:]?[ \t]*(?:nr[ \t]*)?(?P<v>" + _DNR_VALUE + ")",
    re.IGNORECASE,
)
_DNR_BARE = re.compile(
    r"(?<![\w/-])(?P<v>[A-ZÅÄÖ]{2,5}\s?\d{1,4}-\d{1,6}/(?:19|20)\d{2}"
    r"|[A-ZÅÄÖ]{2,5}\s?(?:19|20)\d{2}/\d{2,6}(?:-\d{1,3})?"
    r"|[A-ZÅÄÖ]{2,5}[ -](?:19|20)\d{2}-\d{2,6}"
    r"|[A-ZÅÄÖ]{2,5}/(?:19|20)\d{2}:\d{1,5}"
    r"|[A-ZÅÄÖ]{2,5}\s\d{2}/\d{3,5})(?![\w/-])"
)
_NOT_DNR = re.compile(r"^(?:SOU|DS|PROP|SFS|ISBN|ISO|EU)\b", re.IGNORECASE)
_NUMBERED = re.compile(
    r"\b(?P<kind>motion(?:en)?|interpellation(?:en)?|skrivelse(?:n)?|utlåtande|pm)\s*"
    r"(?:nr\.?\s*)?\(?(?P<num>(?:19|20)\d{2}:\d{1,4})\)?",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"^[ \t•*-]*(?:[A-ZÅÄÖ]{1,5} )?§§? ?(?P<n>\d{1,4})\b", re.MULTILINE)
_CITED_NUMBER = re.compile(
    r"\b(?:motion|interpellation|skrivelse)\s*\((?:19|20)\d{2}:\d{1,4}\)"
    r"|\b(?:motion|interpellation|skrivelse)\s+(?:19|20)\d{2}:\d{1,4}\b",
    re.IGNORECASE,
)
_ANSWERS = re.compile(
    r"\b(?:yttrande\s+över|svar\s+på|remiss\s+(?:om|av)|angående|besvarande\s+av)\b", re.IGNORECASE
)
_ATTACHED_DOC = re.compile(
    r"^(?:Skrivelse|Motion|Interpellation|Remiss|Medborgarförslag|Nämndinitiativ)\s+"
    r"(?:från|av)\s+.{5,}\s(?:angående|om|gällande|rörande)\s+.{5,}$"
)
_NAMED_STANDARD = re.compile(
    r"(?<![.!?]\s)(?<!^)\b(?P<n>[A-ZÅÄÖ][a-zåäö]{3,}(?:standarden|modellen|programmet|strategin)"
    r"(?:\s+för\s+[a-zåäö]{4,})?)\b",
    re.MULTILINE,
)
_SCHEMES = {"motion": "motion", "interpellation": "interpellation", "skrivelse": "skrivelse"}


def _clean_value(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip(" ,.;:-")


def identifiers(head: str, text: str, is_protocol: bool) -> list[Identifier]:
    """Every identifier printed in the head, plus § numbers when the text is a protocol."""
    out: list[Identifier] = []
    seen: set[tuple[str, str]] = set()

    def add(scheme: str, value: str) -> None:
        value = _clean_value(value)
        if DATE_RE.fullmatch(value) or not re.search(r"\d", value):
            return
        if (scheme, value) not in seen:
            seen.add((scheme, value))
            out.append(Identifier(scheme, value))

    bare_spans: list[tuple[int, int]] = []
    for m in _DNR_KEYED.finditer(head):
        add("dnr", m.group("v"))
        bare_spans.append(m.span("v"))
    for m in _DNR_BARE.finditer(head):
        inside = any(a <= m.start() < b for a, b in bare_spans)
        if not inside and not _NOT_DNR.match(m.group("v")):
            add("dnr", m.group("v"))
    for m in _NUMBERED.finditer(head):
        kind = m.group("kind").lower()
        scheme = next((v for k, v in _SCHEMES.items() if kind.startswith(k)), "dnr")
        add(scheme, m.group("num"))
    if is_protocol:
        for m in _PARAGRAPH.finditer(text[:20000]):
            add("paragraph", "§ " + m.group("n"))
    return out


def references(
    title: str | None, text: str, sections: list[Section], own: list[Identifier]
) -> list[str]:
    """Documents the text answers or cites, as printed; the document's own dnr is left out."""
    out: list[str] = []

    def add(value: str) -> None:
        value = _clean_value(value)
        if value and value.lower() not in {o.lower() for o in out}:
            out.append(value)

    if title and _ANSWERS.search(title):
        for m in _CITED_NUMBER.finditer(title):
            add(m.group(0))
        for m in _DNR_BARE.finditer(title):
            if not _NOT_DNR.match(m.group("v")):
                add(m.group("v"))
    for m in _CITED_NUMBER.finditer(text):
        add(m.group(0))
    for sec in sections:
        if sec.kind == "attachment":
            for line in text[sec.start : sec.end].splitlines()[1:]:
                line = re.sub(r"[*#_]", "", line).strip()
                if _ATTACHED_DOC.match(line):
                    add(line)
    for m in _NAMED_STANDARD.finditer(text):
        add(m.group("n"))
    own_values = {i.identifier for i in own if i.scheme == "dnr"} - _title_ids(title)
    return [r for r in out if r not in own_values]


def _title_ids(title: str | None) -> set[str]:
    if not title:
        return set()
    return {_clean_value(m.group("v")) for m in _DNR_BARE.finditer(title)}
