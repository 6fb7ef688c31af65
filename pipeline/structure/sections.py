"""Section headings (Sammanfattning, Bakgrund, Förslag till beslut …) and the document title."""

from __future__ import annotations

import re

from pipeline.lexicon.rejects import not_title
from pipeline.records import Section
from pipeline.structure.dates import DATE_RE
from pipeline.structure.lines import Line, paragraph_of

# Heading text → section kind; the first pattern that matches the whole line wins.
_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("summary", re.compile(r"sammanfattning|sammandrag|inledning|ärendebeskrivning", re.I)),
    (
        "proposal",
        re.compile(
            r"(?:[\wåäö]+s\s+)?(?:förslag\s+till\s+beslut|beslutsförslag|förslag\s+till\s+"
            r"(?:kommunfullmäktige|kommunstyrelsen|nämnden)|förslag|hemställan|yrkande[n]?|"
            r"yrkanden|att-satser|motionärens?\s+förslag|jag\s+föreslår)",
            re.I,
        ),
    ),
    ("decision", re.compile(r"(?:[\wåäö]+s\s+)?beslut|protokollsanteckning(?:ar)?", re.I)),
    (
        "background",
        re.compile(
            r"bakgrund(?:\s*/\s*ärendet)?|ärendet(?:\s*/\s*bakgrund)?|beskrivning\s+av\s+ärendet|"
            r"remissen|motionen|skrivelsen|interpellationen|uppdraget|nuläge(?:t)?|"
            r"bakgrund\s+och\s+\w+",
            re.I,
        ),
    ),
    ("preparation", re.compile(r"ärendets\s+beredning|beredning|samverkan|remissvar", re.I)),
    (
        "assessment",
        re.compile(
            r"(?:[\wåäö]+s\s+)?(?:synpunkter(?:\s+och\s+förslag)?|bedömning|överväganden|"
            r"analys|konsekvenser|ekonomiska\s+konsekvenser|kommentar(?:er)?|slutsats(?:er)?|"
            r"yttrande|svar)",
            re.I,
        ),
    ),
    ("attachment", re.compile(r"bilag(?:a|or|a/or)(?:\s*\d+)?|bifogade\s+handlingar", re.I)),
]
_HEADING_SHAPE = re.compile(r"^[A-ZÅÄÖ0-9][^.!?]{1,70}$")
_HEADER_FIELD = re.compile(
    r"^(?:handläggare|telefon|tel\.?|e-?post|till|datum|dnr|diarienummer|sid(?:a)?\s*\d|"
    r"\(\d\)|\d+\s*\(\d+\)|hoppa över navigering|din position|utskrivet från|"
    r"tjänsteutlåtande|tjänsteskrivelse|bilaga\s*\d?|kontaktperson|vår beteckning|"
    r"er beteckning|justerandes|utdragsbestyrkande|nan:nan|\d\d:\d\d)\b",
    re.I,
)
_TITLE_START = re.compile(
    r"^(?:interpellation|svar\s+på|yttrande|skrivelse|motion|remiss|ledamotsinitiativ|"
    r"nämndinitiativ|fråga|medborgarförslag|tjänsteutlåtande\s+om|förslag\s+(?:om|till))\b",
    re.I,
)
# A line saying what the document answers; printed under the real title it is a subtitle.
ANSWER_LINE = re.compile(
    r"^(?:svar\s+på|yttrande\s+över|yttrande\s*[-–]|besvarande\s+av|remissvar\b|"
    r"remiss\s+(?:om|av|från))\s*",
    re.I,
)
# An agenda item's number on a line of its own ("2.   2", "§ 14"): a meeting page's list.
_ITEM_NUMBER = re.compile(r"(?:\d{1,3}\.\s*\d{0,3}|§\s*\d{1,3})")
_PARTY_TAIL = re.compile(r"\((?:[A-ZÅÄÖa-zåäö]{1,3}|m\.?fl\.?)\)\s*$")


def section_kind(heading: str) -> str | None:
    """The kind of a heading line, or None when it is not a known section heading."""
    text = heading.strip(" :")
    for kind, rx in _KINDS:
        if rx.fullmatch(text):
            return kind
    return None


def sections(lines: list[Line], text_len: int, title_line: Line | None = None) -> list[Section]:
    """Known headings (and markdown headings) as sections running to the next heading."""
    starts: list[tuple[Line, str]] = []
    for i, ln in enumerate(lines):
        if ln.blank or ln is title_line or not _HEADING_SHAPE.match(ln.clean):
            continue
        kind = section_kind(ln.clean)
        if kind is None and ln.heading:
            kind = "other"
        if kind is None:
            continue
        follows = lines[i + 1] if i + 1 < len(lines) else None
        if not ln.heading and follows is not None and not follows.blank:
            # a known word at the start of a running paragraph is not a heading
            nxt = follows.clean
            if nxt[:1].islower() or (len(ln.clean) > 40 and not nxt):
                continue
        starts.append((ln, kind))
    out = []
    for j, (ln, kind) in enumerate(starts):
        end = starts[j + 1][0].start if j + 1 < len(starts) else text_len
        out.append(Section(ln.clean.strip(" :"), kind, ln.start, end))
    return out


def _is_header_line(ln: Line) -> bool:
    c = ln.clean
    return bool(
        _HEADER_FIELD.match(c)
        or DATE_RE.fullmatch(c)
        or re.fullmatch(r"[\d\s/:.,()§-]+", c)
        or re.search(r"\b\d+\s?\(\d+\)\s*$", c)
        or re.search(r"@|\bTelefon\b|\b08-\d", c)
        or (c.isupper() and len(c) < 60)
        or c.startswith(("•", "▪", "●", "- "))
    )


def find_title(lines: list[Line]) -> Line | None:
    """The title line: a markdown heading, a document-kind line, or the first heading-like line."""
    content = [(i, ln) for i, ln in enumerate(lines) if not ln.blank][:25]
    # A meeting's standing items and a web page's furniture are never the title; they are
    # passed over, but still count towards how far down the title is looked for.
    passed = {i for i, ln in content if not_title(ln.clean)} | _agenda_items(content)
    for i, ln in content:
        if i not in passed and ln.heading and section_kind(ln.clean) is None and len(ln.clean) > 8:
            return ln
    for k, (_, ln) in enumerate(content[:12]):
        if content[k][0] not in passed and _TITLE_START.match(ln.clean) and len(ln.clean) > 12:
            above = _title_above(lines, content, k) if ANSWER_LINE.match(ln.clean) else None
            return above or ln
    for i, ln in content[:12]:
        if len(ln.clean) > 200:
            return None
        if i in passed or _is_header_line(ln) or section_kind(ln.clean) is not None:
            continue
        if len(ln.clean) < 12:
            continue
        para = paragraph_of(lines, i)
        single = len(para) == 1 or (para[0] is ln and len(para) <= 3 and len(ln.clean) < 100)
        if single and len(ln.clean) <= 200 and not ln.clean.endswith((".", ",", ":")):
            return ln
        return None
    return None


def _agenda_items(content: list[tuple[int, Line]]) -> set[int]:
    """Lines printed under an item number, when the page opens on a numbered agenda.

    A meeting page lists its items ("1. Val av justerare", "2. Information och test …");
    each is one item's heading, and the first of them is no more the page's title than
    the last. A single numbered line is only a numbered heading, so two are required.
    """
    numbers = [k for k, (_, ln) in enumerate(content) if _ITEM_NUMBER.fullmatch(ln.clean)]
    if len(numbers) < 2:
        return set()
    return {content[k + 1][0] for k in numbers if k + 1 < len(content)}


def _title_above(lines: list[Line], content: list[tuple[int, Line]], k: int) -> Line | None:
    """The heading paragraph printed just above an answer line, which is then its subtitle."""
    if k == 0:
        return None
    i = content[k - 1][0]
    if i + 1 >= len(lines) or not lines[i + 1].blank:
        return None  # the answer line continues the paragraph above, so nothing sits above it
    para = paragraph_of(lines, i)
    first = para[0]
    words = " ".join(p.clean for p in para)
    if len(para) > 3 or len(words) > 200 or len(words.split()) < 3:
        return None
    if any(_is_header_line(p) or section_kind(p.clean) is not None for p in para):
        return None
    if words.endswith((".", ",", ":")) or _PARTY_TAIL.search(words) or DATE_RE.search(words):
        return None
    if not re.match(r"[A-ZÅÄÖ0-9]", first.clean) or re.search(r"[.!?]\s", words):
        return None
    if _TITLE_START.match(first.clean):
        return None
    return first


def answer_subtitle(lines: list[Line], title: Line | None) -> str | None:
    """The "Svar på …"/"Yttrande över …" line printed right under the title, if any."""
    if title is None:
        return None
    idx = lines.index(title)
    blank_seen = False
    for ln in lines[idx + 1 : idx + 8]:
        if ln.blank:
            blank_seen = True
            continue
        if ANSWER_LINE.match(ln.clean) and len(ln.clean) <= 200:
            return ln.clean
        if blank_seen:
            return None
    return None


def title_text(lines: list[Line], title: Line) -> str:
    """The title as printed, continued over wrapped lines of the same paragraph."""
    idx = lines.index(title)
    parts = [title.clean]
    skipped = False
    for nxt in lines[idx + 1 : idx + 5]:
        joins = parts[-1].endswith(("-", " om", " att", " och", " för", " i", " av"))
        if nxt.blank:
            # "Motion om fler gångvägar i" / blank / "Vingåkers kommun": a title that ends on
            # a preposition goes on after one blank line, which a scan or export put there.
            if joins and not skipped:
                skipped = True
                continue
            break
        if section_kind(nxt.clean) or _is_header_line(nxt):
            break
        if skipped and (len(nxt.clean) > 60 or re.search(r"[.!?:]", nxt.clean)):
            break  # after a blank, only a title's last words, not the text's first paragraph
        if not (joins or nxt.clean[:1].islower()) or len(" ".join(parts)) > 200:
            break
        parts.append(nxt.clean)
        skipped = False
    out = parts[0]
    for p in parts[1:]:
        out = out[:-1] + p if out.endswith("-") and p[:1].islower() else out + " " + p
    return out.strip()
