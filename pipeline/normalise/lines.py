"""Line structure for normalise: join wrapped lines and hyphenations, keep real breaks."""

from __future__ import annotations

import itertools
import re

from pipeline.lexicon.words import stopwords
from pipeline.normalise.ocrfix_lexicon import lexicon

Edit = tuple[int, int, str]

LIST_ITEM = re.compile(r"^(?:[-–—•*▪◦·●○■□➢►]\s|\d{1,3}[.)]\s|[a-zåäö][.)]\s|\(\w{1,3}\)\s|§)")
NUMBERED_HEAD = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?\s+[A-ZÅÄÖ]")
TABLE = re.compile(r"\t|\S {3,}\S")
SIGNATURE_START = re.compile(
    r"^[A-ZÅÄÖ][\wåäöÅÄÖ-]+(?: [A-ZÅÄÖ][\wåäö-]+)? (?:den )?\d{1,2} [a-zåäö]+ \d{4}\b"
    r"|^[A-ZÅÄÖ][\wåäö-]+,? (?:den )?\d{4}-\d{2}-\d{2}\b"
)
NAME_LINE = re.compile(
    r"^(?:[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?\.?\s+){1,3}"
    r"[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?(?:\s*\([A-ZÅÄÖa-zåäö]{1,4}\))?,?$"
)
TERMINAL = ".!?:;"
# Words that cannot end a sentence or a heading: a line ending in one continues below.
FUNCTION_WORDS = stopwords("line_end")
KEEP_HYPHEN_NEXT = frozenset({"och", "eller", "samt", "resp", "respektive", "som", "till"})
WORD_END = re.compile(r"([A-Za-zÀ-ÖØ-öø-ÿ]+)-$")
WORD_START = re.compile(r"^([A-Za-zÀ-ÖØ-öø-ÿ]+)")


def _is_table(line: str) -> bool:
    return bool(TABLE.search(line))


def _is_name_line(line: str) -> bool:
    return len(line) <= 48 and bool(NAME_LINE.match(line))


def _last_word(line: str) -> str:
    m = re.search(r"([A-Za-zÀ-ÖØ-öø-ÿ]+)\W*$", line)
    return m.group(1) if m else ""


def hyphen_join(cur: str, nxt: str) -> str | None:
    """How a line ending in a hyphen joins the next: "" (drop), "-", "- ", or None (keep)."""
    m = WORD_END.search(cur)
    if m is None:
        return None  # "2023-" or a spaced dash: not a word split across lines
    n = WORD_START.match(nxt)
    if nxt.startswith(","):
        return "-"
    if n is None:
        return None
    left, right = m.group(1), n.group(1)
    if right.lower() in KEEP_HYPHEN_NEXT:
        return "- "
    if right[0].isupper() or left.isupper() or any(c.isdigit() for c in left):
        return "-"
    lex = lexicon()
    joined = (left + right).lower()
    if lex.known(joined):
        return ""
    if lex.known(left.lower()) and lex.known(right.lower()) and len(left) > 1:
        # "skola-\nsocialtjänst": two words, not one word hyphenated by the typesetter.
        return "-"
    return ""


def should_join(cur: str, nxt: str) -> bool:
    """True if ``nxt`` continues the paragraph line ``cur`` (wrapped text)."""
    if _is_table(cur) or _is_table(nxt) or LIST_ITEM.match(nxt) or SIGNATURE_START.match(nxt):
        return False
    if _is_name_line(cur) or NUMBERED_HEAD.match(nxt):
        return False
    letters = [c for c in cur if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters):
        return False  # an all-caps heading
    first = nxt[0]
    if first.islower() or (first == "(" and nxt[1:2].islower()):
        # Lowercase continuation: wrapped, unless the line closed a sentence or a label.
        return cur[-1] not in "!?:;" and not (cur[-1] == "." and _last_word(cur).istitle())
    if cur[-1] in TERMINAL or cur[-1] == ",":
        return False
    last = _last_word(cur)
    if not cur.endswith(last) or last.lower() not in FUNCTION_WORDS or last[0].isupper():
        return False
    return first.isupper() or first.isdigit()


def line_edits(text: str) -> list[Edit]:
    """Edits that strip lines, join wrapped ones and keep one blank line between paragraphs."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw_line in text.split("\n"):
        start, end = pos, pos + len(raw_line)
        pos = end + 1
        s = start
        while s < end and text[s] in " \t":
            s += 1
        e = end
        while e > s and text[e - 1] in " \t":
            e -= 1
        if e > s:
            lines.append((s, e))
    edits: list[Edit] = []
    if not lines:
        return [(0, len(text), "")] if text else []
    if lines[0][0] > 0:
        edits.append((0, lines[0][0], ""))
    for (s1, e1), (s2, e2) in itertools.pairwise(lines):
        cur, nxt = text[s1:e1], text[s2:e2]
        gap_start = e1
        if text.count("\n", e1, s2) >= 2:
            sep = "\n\n"
        elif cur.endswith("-") and (h := hyphen_join(cur, nxt)) is not None:
            gap_start, sep = e1 - 1, h
        elif should_join(cur, nxt):
            sep = " "
        else:
            sep = "\n"
        if text[gap_start:s2] != sep:
            edits.append((gap_start, s2, sep))
    if lines[-1][1] < len(text):
        edits.append((lines[-1][1], len(text), ""))
    return edits
