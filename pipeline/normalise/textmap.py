"""Build normalised text while remembering where every piece came from in the raw text."""

from __future__ import annotations

import bisect

from pipeline.records import Segment


class TextBuilder:
    """Append-only builder of normalised text with a segment map back to raw offsets.

    ``copy`` keeps raw characters one-to-one; ``replace`` emits new text standing for
    a raw span (a corrected word, a joined hyphenation, a dropped header).
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0

    def copy(self, raw: str, start: int, end: int) -> None:
        """Emit raw[start:end] unchanged."""
        if end <= start:
            return
        self._emit(raw[start:end], start, end, exact=True)

    def replace(self, text: str, raw_start: int, raw_end: int) -> None:
        """Emit ``text`` as the stand-in for raw[raw_start:raw_end] (either may be empty)."""
        self._emit(text, raw_start, raw_end, exact=False)

    def _emit(self, text: str, raw_start: int, raw_end: int, exact: bool) -> None:
        if not text:
            return
        last = self._segments[-1] if self._segments else None
        # Merge adjacent exact copies so the map stays small on clean text.
        if (
            exact
            and last is not None
            and last.length == last.raw_end - last.raw_start
            and last.raw_end == raw_start
            and last.start + last.length == self._length
        ):
            last.length += len(text)
            last.raw_end = raw_end
        else:
            self._segments.append(Segment(self._length, len(text), raw_start, raw_end))
        self._parts.append(text)
        self._length += len(text)

    @property
    def text(self) -> str:
        """The normalised text built so far."""
        return "".join(self._parts)

    @property
    def segments(self) -> list[Segment]:
        """The segment map built so far."""
        return self._segments


def to_raw(segments: list[Segment], offset: int, *, end: bool = False) -> int:
    """Map a normalised offset to a raw offset.

    Inside an exact copy the mapping is one-to-one; inside a replacement the start maps
    to the replaced span's start and an ``end`` offset maps to its end.
    """
    if not segments:
        return offset
    starts = [s.start for s in segments]
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0:
        return segments[0].raw_start
    seg = segments[i]
    if end and offset == seg.start and i > 0:
        seg = segments[i - 1]
        offset_in = seg.length
    else:
        offset_in = offset - seg.start
    if seg.length == seg.raw_end - seg.raw_start:
        return seg.raw_start + min(offset_in, seg.length)
    if offset_in <= 0:
        return seg.raw_start
    return seg.raw_end if (end or offset_in >= seg.length) else seg.raw_start


def raw_span(segments: list[Segment], start: int, end: int) -> tuple[int, int]:
    """Map a normalised span [start, end) to the raw span it came from."""
    return to_raw(segments, start), to_raw(segments, end, end=True)


def page_of(raw_text: str, raw_offset: int) -> int:
    """1-based page number of a raw offset (pages are separated by form feeds)."""
    return raw_text.count("\f", 0, max(0, raw_offset)) + 1
