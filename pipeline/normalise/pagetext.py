"""Normalised text shown page by page: page boundaries mapped back through the segment map."""

from __future__ import annotations

from itertools import pairwise

from pipeline.records import Ingested, Normalised


def page_starts(ingested: Ingested, normalised: Normalised) -> list[int]:
    """Normalised offset where each page after the first begins (ascending, may repeat).

    A page begins at the first normalised character whose raw origin lies on that page;
    text made from a span crossing a page break (a word hyphenated over it) stays on the
    page where the span starts, so no word is cut in two.
    """
    raw_starts: list[int] = []
    at = 0
    for page in ingested.pages[:-1]:
        at += len(page.text) + 1  # the form feed
        raw_starts.append(at)
    out: list[int] = []
    segments = normalised.segments
    i = 0
    for r in raw_starts:
        while i < len(segments):
            seg = segments[i]
            exact = seg.length == seg.raw_end - seg.raw_start
            if seg.raw_start >= r:
                out.append(seg.start)
                break
            if exact and seg.raw_end > r:
                out.append(seg.start + (r - seg.raw_start))
                break
            i += 1
        else:
            out.append(len(normalised.text))
    if not segments:  # nothing was changed: offsets are raw offsets
        out = [min(r, len(normalised.text)) for r in raw_starts]
    return out


def paged_text(ingested: Ingested, normalised: Normalised) -> str:
    """The normalised text with pages separated by form feeds, as the raw text has them.

    The blank line that stands for a page break in the normalised text is dropped, so
    there is exactly one form feed per page break and page *n* is the *n*-th piece.
    """
    text = normalised.text
    cuts = [0, *page_starts(ingested, normalised), len(text)]
    return "\f".join(text[a:b].strip() for a, b in pairwise(cuts))
