"""OCR tokens: which words of a page post-correction scores and which it must leave alone."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Letters plus the glyphs OCR puts where ä/å/ö/i/l stood ("&r", "4r", "f6ljas", "1dngsiktigt").
TOKEN = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ&|!]*[A-Za-zÀ-ÖØ-öø-ÿ&][0-9A-Za-zÀ-ÖØ-öø-ÿ&]*|\d+")
BREAK = re.compile(r"[.!?;:\n()\[\]\"”“]")
# Identifiers, dates, times, amounts and addresses are never touched.
PROTECT = re.compile(
    r"\S*\d[\d\-/:.,]*[-/:.]\d\S*|\S+@\S+|(?:https?://|www\.)\S+|\b[A-ZÅÄÖ]{2,}\d*\b"
)
# Whitespace-free chunks that can hold a PROTECT match (PROTECT never spans whitespace).
_PROTECT_CHUNK = re.compile(r"(?<!\S)\S*?(?:\d|@|www\.|https?://|[A-ZÅÄÖ]{2})\S*")
# Confusable capitals OCR drops into lowercase words ("stadsOvergripande").
MID_CAPS = "OAÅÄÖ"
OCR_DIGITS = "0146"  # digits OCR emits for o/ö, i/l, ä and ö


@dataclass
class Tok:
    """A token of the page, how correction treats it, and where sentences break."""

    start: int
    end: int
    raw: str
    key: str  # lowercase form to look up, or "<num>"
    mode: str  # "skip", "word", "name", "one"
    initial: bool
    brk_before: bool


def protected_spans(text: str) -> list[tuple[int, int]]:
    """PROTECT's spans, scanning only the chunks that can hold one (same result, faster)."""
    out: list[tuple[int, int]] = []
    for chunk in _PROTECT_CHUNK.finditer(text):
        out.extend(m.span() for m in PROTECT.finditer(text, chunk.start(), chunk.end()))
    return out


def tokens(text: str) -> list[Tok]:
    """Every token of ``text``, marked "word", "name", "one" (a lone 1) or "skip"."""
    spans = protected_spans(text)
    toks: list[Tok] = []
    pi = 0
    last_end = 0
    for m in TOKEN.finditer(text):
        s, e = m.span()
        raw = m.group()
        while pi < len(spans) and spans[pi][1] <= s:
            pi += 1
        gap = text[last_end:s]
        brk = bool(BREAK.search(gap)) or not toks
        initial = brk or not toks
        last_end = e
        in_prot = pi < len(spans) and spans[pi][0] < e and s < spans[pi][1]
        if raw.isdigit():
            mode = "one" if raw == "1" and not in_prot else "skip"
            toks.append(Tok(s, e, raw, "<num>", mode, initial, brk))
            continue
        mode = "word"
        body = raw[1:]
        digits = [c for c in raw if c.isdigit()]
        if in_prot or (raw.isupper() and len(raw) > 1) or "|" in raw or "!" in raw[:-1]:
            mode = "skip"
        elif not any(c.isalpha() for c in raw) or raw[-1].isdigit():
            mode = "skip"  # a lone "&", or a footnote mark as in "Dokument1"
        elif any(c not in OCR_DIGITS for c in digits) or len(digits) > 2:
            mode = "skip"  # real numbers and codes, not glyph slips
        elif any(c.isupper() and c not in MID_CAPS for c in body):
            mode = "skip"  # CamelCase and acronyms such as "SoL"
        elif raw[0].isupper() and not initial:
            mode = "name"
        key = raw.lower().rstrip("!")
        toks.append(Tok(s, e, raw, key, mode, initial, brk))
    return toks


_SHAPES: dict[str, int] = {}


def _shape(raw: str) -> int:
    """How ``tokens`` would treat ``raw`` out of context: 0 never a scored word,
    1 a scored word unless protected, 2 a scored word only at a sentence start."""
    shape = _SHAPES.get(raw)
    if shape is not None:
        return shape
    digits = [c for c in raw if c.isdigit()]
    if (
        raw.isdigit()
        or len(raw.lower().rstrip("!")) < 2
        or (raw.isupper() and len(raw) > 1)
        or "|" in raw
        or "!" in raw[:-1]
        or not any(c.isalpha() for c in raw)
        or raw[-1].isdigit()
        or any(c not in OCR_DIGITS for c in digits)
        or len(digits) > 2
        or any(c.isupper() and c not in MID_CAPS for c in raw[1:])
    ):
        shape = 0
    else:
        shape = 2 if raw[0].isupper() else 1
    if len(_SHAPES) < 500_000:
        _SHAPES[raw] = shape
    return shape


def word_keys(text: str) -> list[str]:
    """The keys of the tokens ``tokens`` marks "word" (2+ chars), without building tokens.

    damage_score runs on every document, so this single pass with a per-form cache keeps
    clean text cheap; ``test_ocrfix`` checks it agrees with ``tokens``.
    """
    protected = protected_spans(text)
    n_prot = len(protected)
    brk_search = BREAK.search
    keys: list[str] = []
    pi = 0
    prev_end = -1
    for m in TOKEN.finditer(text):
        raw = m.group()
        shape = _SHAPES.get(raw)
        if shape is None:
            shape = _shape(raw)
        if shape:
            s, e = m.span()
            while pi < n_prot and protected[pi][1] <= s:
                pi += 1
            in_prot = pi < n_prot and protected[pi][0] < e
            if not in_prot and (
                shape == 1 or prev_end < 0 or brk_search(text, prev_end, s) is not None
            ):
                keys.append(raw.lower().rstrip("!"))
            prev_end = e
        else:
            prev_end = m.end()
    return keys
