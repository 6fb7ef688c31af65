"""Sentence units of Swedish council text: sentences, headings, bullets with their lead-in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lexicon.cues import CUES, wordset

# Abbreviations whose final period does not end a sentence (casefolded, without that period).
ABBREVIATIONS = wordset(
    """
    m.fl bl.a t.ex dnr ca resp enl s.k fr.o.m t.o.m kl nr jfr d.v.s dvs o.s.v osv m.m mm etc
    p.g.a pga f.d t.ex.s t.v fr.a o.d m.a.p mht s.a.s ang bet avd bil ev f ff inkl jur kap
    mfl milj mkr tkr kr st tel tfn forts adr c:a e.d e.kr f.kr forv förv f.n hr kom kommunf
    leg ordf prop sek sekr sid s tf u.a v vol ö.h ä.k obs skr uppl aug sept okt nov dec jan
    feb mar apr jun jul resp. ang. ex
    """
)
# List marks: dashes, bullets and the symbols web pages and press services use for them.
_BULLET = re.compile(
    r"^[ \t]*(?:[-–—*](?=\s)|[•▪●◦·■□◆◇○►▸▶➢➤✓✔✅☑]|🔹|🔸|🔷|🔶|➡️?|→|\d{1,2}[.)](?=\s)"
    r"|[a-h][.)](?=\s))[ \t]*"
)
_ATT_ITEM = re.compile(r"^[ \t]*att\d*[ \t]+\S")
_HEADING_MARK = re.compile(r"^\s*(?:#{1,6}\s|\*\*)")
_TERMINAL = re.compile(r"[.!?:;]\s*$")
# A candidate sentence end: terminal punctuation, optional closing quote/bracket, then space.
_END = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+|$)|(?<=[a-zåäö]{3}[.!?])(?=[A-ZÅÄÖ][a-zåäö]{2,})")
# An agenda flattened onto one line ends each item on its diarienummer ("… Dnr 113-1903/2009
# Kommunstyrelsen; …"): the number, then a capital, closes the item though no period does.
_ITEM_END = re.compile(r"\b[Dd]nr\.?\s*[\d.:-]+/\d{2,4}(?=\s+[A-ZÅÄÖ][a-zåäö])")
_LEADIN_END = re.compile(r"(?:\batt|:|\bföljande\s*[.:]?)\s*$", re.IGNORECASE)


@dataclass
class Unit:
    """One sentence-like unit: its text (whitespace-normalised) and span in the source."""

    text: str
    start: int
    end: int
    kind: str  # "sentence", "heading", "bullet", "leadin"
    paragraph: int
    leadin: str = ""


def squash(text: str) -> str:
    """Whitespace-normalised text: runs of whitespace become one space, ends trimmed."""
    return " ".join(text.replace("**", " ").split())


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of blocks separated by blank lines."""
    spans = []
    pos = 0
    for m in re.finditer(r"\n[ \t\f\r\u00a0]*\n", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    spans = [(a, b) for a, b in spans if text[a:b].strip()]
    # A blank line inside a sentence (page break, web layout): the next block goes on in
    # lower case after a block without final punctuation.
    joined: list[tuple[int, int]] = []
    for a, b in spans:
        if joined:
            prev = text[joined[-1][0] : joined[-1][1]].rstrip()
            nxt = text[a:b].lstrip()
            if prev and prev[-1] not in ".!?:;" and nxt[:1].islower() and not _ATT_ITEM.match(nxt):
                joined[-1] = (joined[-1][0], b)
                continue
        joined.append((a, b))
    return joined


def _lines(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    pos = a
    for ln in text[a:b].split("\n"):
        if ln.strip():
            out.append((pos, pos + len(ln)))
        pos += len(ln) + 1
    return out


def _is_heading(line: str, nxt: str | None) -> bool:
    """A line printed as a title: markdown heading, or short, unpunctuated, then a new start."""
    s = line.strip()
    if _HEADING_MARK.match(line):
        return True
    if _TERMINAL.search(s) or s.endswith(","):
        return False
    if nxt is None:
        return len(s) < 90
    n = nxt.strip()
    starts_new = bool(n) and (n[0].isupper() or n[0].isdigit() or bool(_BULLET.match(nxt)))
    return starts_new and (len(s) < 55 or len(s.split()) <= 7)


_LAST_WORD = re.compile(r"(\S+)\.$")
_NEXT_CHAR = re.compile(r"\s*(\S)")
# Look-behind window for the word before a period; longer words are re-read in full.
_WINDOW = 64


def _ends_abbreviation(chunk: str, end: int) -> bool:
    """Whether the period at chunk[end-1] closes an abbreviation, initial or ordinal."""
    # Only a window before the period is searched: a search from the chunk start for
    # every period made long paragraphs quadratic.
    w0 = max(0, end - _WINDOW)
    m = _LAST_WORD.search(chunk, w0, end)
    if m and m.start() == w0 and w0 > 0:
        m = _LAST_WORD.search(chunk, 0, end)
    if not m:
        return False
    word = m.group(1).lstrip("(\"'”“").casefold()
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha() and m.group(1)[-1].isupper():  # initials "J. Jönsson"
        return True
    if re.fullmatch(r"(?:[a-zåäö]\.)+[a-zåäö]", word):  # dotted forms not listed
        return True
    if not word.isdigit():
        return False
    before = chunk[: m.start()].rstrip()
    # "§ 12." and "kap. 3." keep the paragraph sign's clause together.
    return before.endswith("§") or before.endswith("kap.")


def split_sentences(chunk: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans (absolute, trimmed) in a run of running text."""
    spans = []
    pos = 0
    marks = [(m.start(), m.end()) for m in _END.finditer(chunk)]
    items = {m.end() for m in _ITEM_END.finditer(chunk)}
    for start, end in sorted([*marks, *((e, e) for e in items)], key=lambda t: t[1]):
        if end <= pos:
            continue
        dot = start - 1 if start == end else start
        if end not in items and chunk[dot] == "." and _ends_abbreviation(chunk, dot + 1):
            continue
        nxt = _NEXT_CHAR.match(chunk, end)
        first = nxt.group(1) if nxt else ""
        if first and not (first.isupper() or first.isdigit() or first in '"”“§(-–•'):
            continue
        spans.append((pos, end))
        pos = end
    spans.append((pos, len(chunk)))
    out = []
    for x, y in spans:
        for a, b in _bounded(chunk, x, y):
            seg = chunk[a:b]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg.rstrip())
            if seg.strip():
                out.append((offset + a + lead, offset + a + trail))
    return out


# The longest sentence in the bundled and shared corpora is about 1,500 characters. A longer
# one is text without sentence ends (a flattened table, an OCR run-on, hostile input); cut
# into pieces of at most this much, every later rule runs in time linear in the text.
MAX_SENTENCE = 2500


def _bounded(chunk: str, a: int, b: int) -> list[tuple[int, int]]:
    """``(a, b)``, or pieces of it no longer than MAX_SENTENCE cut after a comma or a space."""
    pieces = []
    while b - a > MAX_SENTENCE:
        lo = a + MAX_SENTENCE // 2
        window = chunk[lo : a + MAX_SENTENCE]
        # The last comma or semicolon in the second half, else the last space, else anywhere.
        at = max(window.rfind(", "), window.rfind("; "))
        at = at + 2 if at >= 0 else max(window.rfind(" "), window.rfind("\n")) + 1
        cut = lo + (at if at > 0 else len(window))
        pieces.append((a, cut))
        a = cut
    pieces.append((a, b))
    return pieces


# A list printed inline: "… följande. - Första punkten - Andra punkten".
_INLINE_BULLET = re.compile(r"(?<=[.:;])\s+[-–•]\s+(?=[A-ZÅÄÖ])")


def _running(text: str, start: int, end: int, p_index: int) -> list[Unit]:
    """Sentence units of a run of running text lines; inline bullets become bullet units."""
    cuts = [(m.start(), m.end()) for m in _INLINE_BULLET.finditer(text, start, end)]
    bounds = [(start, cuts[0][0] if cuts else end)]
    bounds += [(c[1], cuts[i + 1][0] if i + 1 < len(cuts) else end) for i, c in enumerate(cuts)]
    units = []
    for k, (a0, b0) in enumerate(bounds):
        for j, (a, b) in enumerate(split_sentences(text[a0:b0], a0)):
            kind = "bullet" if k > 0 and j == 0 else "sentence"
            units.append(Unit(squash(text[a:b]), a, b, kind, p_index))
    return units


def _continues(item: str, nxt: str) -> bool:
    """Whether line ``nxt`` continues a wrapped list item that reads ``item`` so far."""
    if _BULLET.match(nxt) or _ATT_ITEM.match(nxt):
        return False
    return nxt.lstrip()[:1].islower() or not _TERMINAL.search(item.rstrip())


def split_units(text: str) -> list[Unit]:
    """All units of ``text`` in order; bullets after a lead-in carry that lead-in."""
    units: list[Unit] = []
    for p_index, (pa, pb) in enumerate(_paragraphs(text)):
        lines = _lines(text, pa, pb)
        run: list[int] = []  # [start, end] of the running text being collected
        i = 0
        while i < len(lines):
            la, lb = lines[i]
            line = text[la:lb]
            nxt = text[lines[i + 1][0] : lines[i + 1][1]] if i + 1 < len(lines) else None
            bullet = _BULLET.match(line)
            i += 1
            if (bullet and line[bullet.end() :].strip()) or _ATT_ITEM.match(line):
                if run:
                    units.extend(_running(text, run[0], run[1], p_index))
                    run = []
                # A wrapped item goes on over lines that are not items themselves.
                while i < len(lines) and _continues(text[la:lb], text[lines[i][0] : lines[i][1]]):
                    lb = lines[i][1]
                    i += 1
                body_start = la + (bullet.end() if bullet else len(line) - len(line.lstrip()))
                # A bullet holding several sentences: the first is the item, the rest run on.
                for k, (a, b) in enumerate(split_sentences(text[body_start:lb], body_start)):
                    kind = "bullet" if k == 0 else "sentence"
                    units.append(Unit(squash(text[a:b]), a, b, kind, p_index))
                continue
            if not run and _is_heading(line, nxt):
                s = la + len(line) - len(line.lstrip())
                units.append(Unit(squash(line), s, lb, "heading", p_index))
                continue
            run = [run[0] if run else la, lb]
        if run:
            units.extend(_running(text, run[0], run[1], p_index))
    _attach_leadins(units)
    return units


def _cued(text: str) -> bool:
    """Whether ``text`` holds a commitment cue ("Det här lovar polisen", "Kommunen ska")."""
    return any(pat.search(text) for _, _, pat in CUES)


def _attach_leadins(units: list[Unit]) -> None:
    """Give each bullet the sentence that introduces its list (ending in 'att' or ':'), or
    the heading above it when that heading promises ("Det här lovar polisen")."""
    current = ""
    for i, u in enumerate(units):
        if u.kind == "bullet":
            u.leadin = current
            continue
        current = ""
        nxt = units[i + 1] if i + 1 < len(units) else None
        if (
            nxt is not None
            and nxt.kind == "bullet"
            and (
                _LEADIN_END.search(u.text)
                or (u.kind == "heading" and _cued(u.text))
                or re.search(
                    r"\b(?:beslutar|besluta|beslöt|föreslår|yrkar|hemställer|yrkande)\b",
                    u.text,
                    re.I,
                )
            )
        ):
            current = u.text.rstrip(":").rstrip()
            u.kind = "leadin"


def bullet_sentence(unit: Unit) -> str:
    """The sentence a bullet stands for: lead-in and bullet joined by a single space."""
    if not unit.leadin:
        return unit.text
    return f"{unit.leadin} {unit.text}"
