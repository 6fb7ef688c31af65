"""Strong rules for the document type, read off the head (title lines, header fields)."""

from __future__ import annotations

import re

from pipeline.structure.lines import clean_line

_I = re.IGNORECASE | re.MULTILINE

# Meeting records: protocol headers, agenda pages of the meeting portals, single-§ pages.
_PROTOCOL = re.compile(
    r"\b(?:sammanträdes-?\s*protokoll|protokoll\s+nr|utdrag\s+ur\s+protokoll|protokollsutdrag"
    r"|justerandes\s+sign|snabbprotokoll)\b"
    r"|^\s*(?:\d\s+)?(?:[\w-]+\s+){0,3}PROTOKOLL\b"
    r"|^\s*P\s?R\s?O\s?T\s?O\s?K\s?O\s?L\s?L\b"
    r"|^\s*Protokoll\s*$"
    r"|\bplats\s+och\s+(?:sammanträdes)?tid\b[\s\S]{0,600}\b(?:beslutande|närvarande|ledamöter)\b"
    r"|din\s+position:.*>\s*sammanträde"
    r"|^\s*sammanträde\s+\d{4}-\d\d-\d\d\s*$"
    r"|^\s*möte\s+\d{4}-\d\d-\d\d\s*$"
    r"|^\s*beslut\s+i\s+(?:kommunstyrelsen|kommunfullmäktige|\w+nämnden)\b"
    r"|hoppa över navigering[\s\S]{0,200}(?:\bval av justerare|§\s*\d+)"
    r"|^\s*(?:närvarande|beslutande)(?:\s+ledamöter)?\s*:?\s*$"
    r"|^\s*(?:[-•]\s*)?\d{1,2}\s*\n+\s*val\s+av\s+justerare"
    r"|^\s*§\s*\d+\b"
    # The notice of a meeting with its agenda is read as the meeting's record (SCHEMA types
    # have no "kallelse"; the gold annotators put every one under protokoll).
    r"|^\s*(?:\(\d\)\s*)?(?:\d\s+){0,2}(?:utskicksdatum\s+\(\d\)\s+)?(?:KUNGÖRELSE|KALLELSE|K A L L E L S E)\b"
    r"|\bkallas\s+till\s+sammanträde\b|^\s*kallelse\s+(?:till|och)\b|\bkallelse\s+och\s+föredragningslista\b"
    r"|^\s*[\wåäö]+(?:\s+[\wåäö]+)?\s+kallelse\s+sida\b",
    _I,
)
# Notices and lists that are neither records of a meeting nor case documents.
_OTHER = re.compile(
    r"\banmälningslis\s?ta\b|^\s*e-förslag\b|^\s*medborgarförslag\b|^\s*reservation\b"
    r"|^\s*svar på medborgarförslag\b|^\s*fråga\s+(?:från|till|gällande|angående|om)\b"
    r"|^\s*presskonferens\b|\bpresskonferens inför\b"
    # Plans and budgets are no SCHEMA type of their own: a title line that names one.
    r"|^\s*(?:[\wåäö-]+\s+){0,3}(?:(?:nämnds|detalj)?budget(?:skrivelse)?|verksamhetsplan"
    r"|handlingsplan|plan\s+med\s+budget|mål\s+och\s+(?:budget|uppdrag))\b",
    _I,
)
_ANSWER = re.compile(
    r"^\s*(?:svar\s+på\s+interpellation|interpellationssvar)\b"
    r"|^\s*(?:[\w ]+:\s*)?svar\s+på\s+interpellation\s+(?:från|av|till|om)\b",
    _I,
)
_INTERPELLATION = re.compile(
    r"^\s*interpellation\s*(?:$|från|till|gällande|angående|om|av|\d{4}:\d+|till\s)", _I
)
_MOTION = re.compile(
    r"^\s*(?:[\w-]+\s+)?motion(?:en)?\s*(?::\s*$|$|\s+(?:om|angående|gällande|till|av|från|"
    r"\d{4}:\d+)\b)",
    _I,
)
_SKRIVELSE = re.compile(
    r"^\s*(?:skrivelse|ledamotsinitiativ|nämndinitiativ)\s+(?:angående|om|gällande|från|av|"
    r"rörande|till)\b",
    _I,
)
_YTTRANDE = re.compile(
    r"^\s*yttrande\b|\byttrande\s+över\b|^\s*remiss(?:svar)?\s+(?:från|om|av|angående)\b"
    r"|\bsvar\s+på\s+remiss(?:en)?\b|\bremitterat\b[^.]{0,200}\bför\s+yttrande\b"
    r"|\bfått\s+möjlighet\s+(?:[\wåäö]+\s+){0,3}att\s+yttra\s+sig\b|^\s*remiss\s*$",
    _I,
)
_REMISS_TITLE = re.compile(r"\bRemiss från [A-ZÅÄÖ]")
_FOLLOWUP = re.compile(
    r"\b(?:års|tertial|delårs|kvartals|månads|läges|uppföljnings|revisions)rapport\b"
    r"|\bårsredovisning\b|^\s*(?:\d\s+)?(?:\d{4}\s+)?Å\s?R\s?S\s?R\s?E\s?D\s?O\s?V\s?I\s?S\s?N"
    r"|\bverksamhetsberättelse\b|\bårsanalys\b|\bdelårsbokslut\b|\binternkontroll\w*\b"
    r"|\buppföljning\s+av\s+budget\b|\bbokslut\b",
    _I,
)
_CASE_PAPER = re.compile(
    r"\btjänsteutlåtande\b|\btjänsteskrivelse\b|^\s*(?:\d\s+)?utlåtande\s+\d{4}"
    r"|^\s*(?:\d\s+)?PM\s+\d{4}:\d+|^\s*handläggare\b|förvaltningens\s+förslag\s+till\s+beslut"
    r"|^\s*svar\s+på\s+(?:skrivelse|motion|nämndinitiativ|ledamotsinitiativ)\b",
    _I,
)
_INTERPELLANT = re.compile(r"\binterpellant(?:en|erna)?\b", re.IGNORECASE)
_SIGNED = re.compile(r"^\s*[A-ZÅÄÖ][a-zåäö]+\s+den\s+\d{1,2}\s+[a-zåäö]+\s+\d{4}\s*$", re.MULTILINE)


# A numbered agenda item's text ("2. Kommunfullmäktige beslutade … i samband med
# Årsredovisning 2021 …") names the documents an item is about, not this document's kind.
_NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}\.\s+.*$", re.MULTILINE)


def _title_zone(head: str, n_lines: int = 6) -> str:
    """The first few non-blank lines of the head, where a document names its own kind."""
    lines = [ln for ln in (clean_line(x) for x in head.splitlines()) if ln]
    return "\n".join(lines[:n_lines])


def rule_doctype(text: str, head_chars: int = 600) -> str | None:
    """The document type when a strong rule fires on the head, else None."""
    head = "\n".join(clean_line(x) for x in text[:head_chars].splitlines())
    zone = _title_zone(head)
    first = zone.split("\n", 1)[0] if zone else ""
    if _PROTOCOL.search(head) and not _MOTION.search(first) and not _INTERPELLATION.search(first):
        return "protokoll"
    if _OTHER.search(zone):
        return "other"
    if _ANSWER.search(zone):
        return "interpellationssvar"
    if _INTERPELLATION.search(zone):
        return "interpellation"
    if _MOTION.search(zone):
        return "motion"
    if _SKRIVELSE.search(zone):
        return "skrivelse"
    if _YTTRANDE.search(head) or _REMISS_TITLE.search(head):
        return "yttrande"
    if _FOLLOWUP.search(_NUMBERED_ITEM.sub("", zone)):
        return "uppfoljning"
    if _CASE_PAPER.search(head):
        return "tjansteutlatande"
    if _INTERPELLANT.search(text) and _SIGNED.search(text[-800:]):
        return "interpellationssvar"
    return None
