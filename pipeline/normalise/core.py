"""Normalise: clean raw pages into one text, fix OCR damage, and map offsets back to raw."""

from __future__ import annotations

import bisect

from pipeline.normalise import ocrfix
from pipeline.normalise.clean import char_edits, markup_edits, nfc_edits, page_edits
from pipeline.normalise.lines import line_edits
from pipeline.normalise.textmap import TextBuilder
from pipeline.records import Ingested, Normalised

Edit = tuple[int, int, str]
MAX_MARKUP_ROUNDS = 3


class Tracked:
    """Text under successive edit passes that remembers each character's raw origin.

    ``src[i] >= 0`` is the raw offset of an unchanged character; ``src[i] < 0`` names a
    replacement group ``~src[i]`` standing for a raw span.
    """

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.text = raw
        self.src: list[int] = list(range(len(raw)))
        self.groups: list[tuple[int, int]] = []

    def _raw_bounds(self, start: int, end: int) -> tuple[int, int]:
        if start == end:
            if start < len(self.src):
                p = self._span(self.src[start])[0]
            elif self.src:
                p = self._span(self.src[-1])[1]
            else:
                p = 0
            return p, p
        lo = min(self._span(s)[0] for s in self.src[start:end])
        hi = max(self._span(s)[1] for s in self.src[start:end])
        return lo, hi

    def _span(self, s: int) -> tuple[int, int]:
        return (s, s + 1) if s >= 0 else self.groups[~s]

    def apply(self, edits: list[Edit]) -> None:
        """Apply sorted, non-overlapping (start, end, replacement) edits to the current text."""
        if not edits:
            return
        parts: list[str] = []
        src: list[int] = []
        pos = 0
        for start, end, new in edits:
            if start < pos:
                continue  # overlapping edit: the earlier one wins
            parts.append(self.text[pos:start])
            src.extend(self.src[pos:start])
            if new:
                self.groups.append(self._raw_bounds(start, end))
                parts.append(new)
                src.extend([~(len(self.groups) - 1)] * len(new))
            pos = end
        parts.append(self.text[pos:])
        src.extend(self.src[pos:])
        self.text = "".join(parts)
        self.src = src

    def build(self) -> TextBuilder:
        """Emit the current text into a TextBuilder: copies for raw runs, replaces for groups."""
        b = TextBuilder()
        text, src = self.text, self.src
        i, n = 0, len(text)
        while i < n:
            s = src[i]
            j = i + 1
            if s >= 0:
                while j < n and src[j] == src[j - 1] + 1:
                    j += 1
                b.copy(self.raw, s, s + (j - i))
            else:
                while j < n and src[j] == s:
                    j += 1
                lo, hi = self.groups[~s]
                b.replace(text[i:j], lo, hi)
            i = j
        return b


def _ocr_spans(ingested: Ingested, tracked: Tracked) -> list[tuple[int, int]]:
    """Normalised spans of the pages that came through OCR."""
    starts: list[int] = []
    base = 0
    for page in ingested.pages:
        starts.append(base)
        base += len(page.text) + 1
    is_ocr_page = [p.method == "ocr" for p in ingested.pages]
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, s in enumerate(tracked.src):
        raw = s if s >= 0 else tracked.groups[~s][0]
        is_ocr = is_ocr_page[max(0, bisect.bisect_right(starts, raw) - 1)]
        if is_ocr and start is None:
            start = i
        elif not is_ocr and start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(tracked.src)))
    return spans


def normalise(ingested: Ingested) -> Normalised:
    """Clean the ingested pages into one text with an offset map back to the raw text."""
    tracked = Tracked(ingested.raw_text)
    tracked.apply(char_edits(tracked.text))
    tracked.apply(nfc_edits(tracked.text))
    for _ in range(MAX_MARKUP_ROUNDS):
        edits = markup_edits(tracked.text)
        if not edits:
            break
        tracked.apply(edits)
    # Page furniture is judged on cleaned lines; form feeds survive the passes above.
    tracked.apply(page_edits(tracked.text, ingested.pages))
    tracked.apply(line_edits(tracked.text))

    damage = ocrfix.damage_score(tracked.text)
    corrections: list[ocrfix.Correction] = []
    if damage >= ocrfix.DAMAGE_THRESHOLD:
        corrections = ocrfix.correct(tracked.text)
    elif any(p.method == "ocr" for p in ingested.pages):
        corrections = ocrfix.correct(tracked.text, _ocr_spans(ingested, tracked))
    tracked.apply([(c.start, c.end, c.text) for c in corrections])
    if corrections:
        # Corrected words ("ar" -> "är") can change how lines join; settle them again.
        tracked.apply(line_edits(tracked.text))

    b = tracked.build()
    return Normalised(
        text=b.text,
        segments=b.segments,
        ocr_corrected=bool(corrections),
        corrections=len(corrections),
        damage_score=round(damage, 4),
    )
