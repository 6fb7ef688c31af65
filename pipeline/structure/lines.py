"""Line view of a normalised text: offsets plus a markdown-free form of each line."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MD_MARKS = re.compile(r"\*\*|__|<\/?b>|<br\s*/?>|^\s*#{1,6}\s*|\s*#{1,6}\s*$")
_SPACES = re.compile(r"[ \t\u00a0]+")
HEAD_CHARS = 700


@dataclass(frozen=True)
class Line:
    """One line of the text: its clean form, offsets of the raw line, and markdown heading level."""

    clean: str
    start: int
    end: int
    heading: int = 0

    @property
    def blank(self) -> bool:
        """True when the line holds nothing after cleaning."""
        return not self.clean


def clean_line(raw: str) -> str:
    """Drop markdown emphasis, heading marks and html residue, and squeeze spaces."""
    return _SPACES.sub(" ", _MD_MARKS.sub("", raw)).strip()


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with its offsets; form feeds count as line breaks."""
    out: list[Line] = []
    pos = 0
    for raw in re.split(r"\n|\f", text):
        m = re.match(r"\s*(#{1,6})\s", raw)
        out.append(Line(clean_line(raw), pos, pos + len(raw), len(m.group(1)) if m else 0))
        pos += len(raw) + 1
    return out


def content_lines(lines: list[Line]) -> list[Line]:
    """The non-blank lines, in order."""
    return [ln for ln in lines if not ln.blank]


def head_lines(lines: list[Line], limit: int = HEAD_CHARS) -> list[Line]:
    """Non-blank lines that start within the first ``limit`` characters."""
    return [ln for ln in lines if not ln.blank and ln.start < limit]


def paragraph_of(lines: list[Line], index: int) -> list[Line]:
    """The run of non-blank lines that contains ``lines[index]``."""
    lo = index
    while lo > 0 and not lines[lo - 1].blank:
        lo -= 1
    hi = index
    while hi + 1 < len(lines) and not lines[hi + 1].blank:
        hi += 1
    return lines[lo : hi + 1]


def head_text(text: str, limit: int = HEAD_CHARS) -> str:
    """The opening of the text with markdown removed, for rules and features."""
    return "\n".join(clean_line(x) for x in text[:limit].splitlines())
