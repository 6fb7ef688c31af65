"""Character, markup and page-furniture clean-up for normalise, expressed as text edits."""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections import Counter

from pipeline.normalise.ocrfix_lexicon import lexicon
from pipeline.records import Page

Edit = tuple[int, int, str]

LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x85\u2028\u2029]")
# Soft hyphen, zero-width and other invisible format/control characters.
INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\u180e\x00-\x08\x0e-\x1f\x7f]")
SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u2006\u2008-\u200a\u205f\u3000]")
LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"}
LIGATURE_RE = re.compile("[" + "".join(LIGATURES) + "]")
NON_SPACE = re.compile(r"[^\s]+")

TAG = re.compile(
    r"</?(?:b|i|u|em|strong|span|p|div|font|small|sup|sub|a|h[1-6]|li|ul|ol|td|tr|th|table)"
    r"\b[^<>\n\f]{0,200}>|<br\s*/?>",
    re.IGNORECASE,
)
ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,5});")
EMPHASIS = re.compile(r"\*\*|__")
HEADING_MARK = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")
READ_MORE = re.compile(r"(\w?)([ \t]*)Läs mer(?:\.\.\.|…|(?=[ \t]*(?:\n|\Z)))([ \t]*)(\w?)")
FURNITURE_LINE = re.compile(
    r"(?im)^[ \t]*(?:hoppa över navigering|till sidans huvudinnehåll|hoppa till (?:huvud)?innehåll"
    r"|gå till (?:huvud)?innehåll|transkript|download|ladda ner|skriv ut|dela(?: sidan)?|lyssna"
    r"|läs upp|till toppen|storlek:[^\n\f]*px[^\n\f]*|din position:[^\n\f]*|du är här:[^\n\f]*"
    r"|(?:nan|\d{1,2}):(?:nan|\d{2})\s*/\s*\d{1,2}:\d{2}"
    r"|[^\n\f]{0,200}\b(?:cookies|kakor)\b[^\n\f]{0,200}\b(?:använder|godkänn|accepter)[^\n\f]{0,200}"
    r"|[^\n\f]{0,200}\b(?:använder|godkänn|accepter)[^\n\f]{0,200}\b(?:cookies|kakor)\b[^\n\f]{0,200}"
    r")[ \t]*(?:\n|$)"
)
PAGE_NUMBER = re.compile(
    r"^(?:sida\s+)?\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|av\s+\d{1,4}|/\s*\d{1,4})$"
    r"|^[-–]\s*\d{1,4}\s*[-–]$|^sida\s+\d{1,4}$",
    re.IGNORECASE,
)
EDGE_LINES = 3


def char_edits(text: str) -> list[Edit]:
    """Line breaks to "\\n", invisible characters dropped, odd spaces to " ", ligatures split."""
    edits: list[Edit] = []
    for m in LINE_BREAKS.finditer(text):
        edits.append((m.start(), m.end(), "\n"))
    for m in INVISIBLE.finditer(text):
        edits.append((m.start(), m.end(), ""))
    for m in SPACES.finditer(text):
        edits.append((m.start(), m.end(), " "))
    for m in LIGATURE_RE.finditer(text):
        edits.append((m.start(), m.end(), LIGATURES[m.group()]))
    edits.sort()
    return edits


def nfc_edits(text: str) -> list[Edit]:
    """NFC per whitespace-free chunk (composition never crosses whitespace)."""
    if unicodedata.is_normalized("NFC", text):
        return []
    edits: list[Edit] = []
    for m in NON_SPACE.finditer(text):
        chunk = m.group()
        if not unicodedata.is_normalized("NFC", chunk):
            edits.append((m.start(), m.end(), unicodedata.normalize("NFC", chunk)))
    return edits


def _read_more(m: re.Match[str]) -> tuple[int, int, str]:
    """Repair a portal teaser cut: "disku Läs mer...tera" -> "diskutera"."""
    before, after = m.group(1), m.group(4)
    start = m.start(2) if before else m.start()
    end = m.end(3) if after else m.end()
    if not before or not after:
        return start, end, " " if before and after == "" and m.group(3) else ""
    if m.group(3):
        return start, end, " "
    text = m.string
    ws = re.search(r"\w+$", text[: m.start(2)])
    we = re.match(r"\w+", text[m.end(3) :])
    left = ws.group() if ws else before
    right = we.group() if we else after
    lex = lexicon()
    if right[0].isupper() and left[-1].islower():
        return start, end, " "
    joined = (left + right).lower()
    if lex.known(joined) or not (lex.known(left.lower()) and lex.known(right.lower())):
        return start, end, ""
    return start, end, " "


def markup_edits(text: str) -> list[Edit]:
    """Markup residue, HTML entities and web-portal furniture inside plain text."""
    edits: list[Edit] = []
    for m in TAG.finditer(text):
        edits.append((m.start(), m.end(), "\n" if m.group().lower().startswith("<br") else ""))
    for m in ENTITY.finditer(text):
        value = html.unescape(m.group())
        if value != m.group():
            edits.append((m.start(), m.end(), " " if value == "\xa0" else value))
    for m in EMPHASIS.finditer(text):
        edits.append((m.start(), m.end(), ""))
    for m in HEADING_MARK.finditer(text):
        edits.append((m.start(), m.end(), ""))
    for m in FURNITURE_LINE.finditer(text):
        edits.append((m.start(), m.end(), ""))
    # READ_MORE opens with optional groups, so it is tried everywhere: scan only when present.
    for m in READ_MORE.finditer(text) if "Läs mer" in text else ():
        edits.append(_read_more(m))
    return _drop_overlaps(edits)


def _drop_overlaps(edits: list[Edit]) -> list[Edit]:
    edits.sort(key=lambda e: (e[0], -e[1]))
    out: list[Edit] = []
    for e in edits:
        if out and e[0] < out[-1][1]:
            continue
        if out and e[0] == out[-1][1] == e[1] == out[-1][0]:
            continue
        out.append(e)
    return out


def _key(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.strip().lower()))


def _page_lines(text: str, base: int) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((base + pos, base + pos + len(line) + 1, line.strip()))
        pos += len(line) + 1
    return out


def _edge_lines(page: Page, lines: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The lines printed in the top or bottom margin: by position when known."""
    if page.lines and page.height > 0:
        margin = {
            b.text.strip()
            for b in page.lines
            if b.top < 0.08 * page.height or b.bottom > 0.92 * page.height
        }
        return [ln for ln in lines if ln[2] in margin]
    return lines[:EDGE_LINES] + [ln for ln in lines[-EDGE_LINES:] if ln not in lines[:EDGE_LINES]]


def page_edits(text: str, meta: list[Page]) -> list[Edit]:
    """Drop repeated headers/footers and page numbers; pages become separated by a blank line.

    ``text`` holds the pages joined by form feeds; ``meta`` gives their line positions when it
    has one entry per page.
    """
    texts = text.split("\f")
    if len(meta) == len(texts):
        pages = [
            Page(m.number, t, m.method, height=m.height, lines=m.lines)
            for m, t in zip(meta, texts, strict=True)
        ]
    else:
        pages = [Page(i + 1, t, "text") for i, t in enumerate(texts)]
    edits: list[Edit] = []
    base = 0
    all_lines: list[list[tuple[int, int, str]]] = []
    for i, page in enumerate(pages):
        all_lines.append(_page_lines(page.text, base))
        base += len(page.text)
        if i < len(pages) - 1:
            edits.append((base, base + 1, "\n\n"))
        base += 1
    counts: Counter[str] = Counter()
    for page, lines in zip(pages, all_lines, strict=True):
        counts.update({_key(ln[2]) for ln in _edge_lines(page, lines)})
    need = max(2, math.ceil(0.5 * len(pages)))
    multi = len(pages) > 1

    def furniture(line: str) -> bool:
        repeated = multi and counts[_key(line)] >= need and len(line) < 120
        bare_number = multi and line.isdigit() and len(line) <= 4
        return repeated or bare_number or bool(PAGE_NUMBER.match(line))

    for page, lines in zip(pages, all_lines, strict=True):
        # Removing a header exposes the next line as the edge: repeat until stable.
        remaining = list(lines)
        while True:
            drop = [ln for ln in _edge_lines(page, remaining) if furniture(ln[2])]
            if not drop:
                break
            remaining = [ln for ln in remaining if ln not in drop]
            for start, end, _line in drop:
                edits.append((start, min(end, _page_end(pages, start)), ""))
    return _drop_overlaps(edits)


def _page_end(pages: list[Page], offset: int) -> int:
    base = 0
    for page in pages:
        end = base + len(page.text)
        if offset <= end:
            return end
        base = end + 1
    return base
