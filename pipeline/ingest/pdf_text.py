"""Text-layer quality of a PDF page: real words versus unmapped glyphs and symbol soup."""

from __future__ import annotations

import re
import unicodedata

CID = re.compile(r"\(cid:\d+\)")
# An unmapped glyph touching a letter stands for a missing letter ("f(cid:3)r" = "för"); a
# free-standing one is usually a bullet or symbol, and harmless.
IN_WORD_CID = re.compile(r"(?<=[^\W\d_])\(cid:\d+\)|\(cid:\d+\)(?=[^\W\d_])")
_VOWELS = set("aeiouyåäöéèüáàâêæøAEIOUYÅÄÖÉÈÜÁÀÂÊÆØ")
# Spacing accents that some PDF producers draw as separate glyphs beside the base letter.
# Only the Swedish pairs: a lone acute is far more often an apostrophe ("don´t").
_SPACING_MARKS = {"¨": "\u0308", "˚": "\u030a"}
_SPLIT_ACCENT = re.compile(r"([aouAOU]) ?(¨)|(¨) ?([aouAOU])|([aA]) ?(˚)|(˚) ?([aA])")

# A page needs at least this many real words before its text layer is trusted as a page of text.
MIN_REAL_WORDS = 3
# Below this share of word-like tokens the layer is garbage (wrong font encoding, symbols).
MIN_QUALITY = 0.5
# Letters lost to unmapped glyphs: Swedish å/ä/ö alone are about 4% of letters.
MAX_LOST_LETTERS = 0.005


def is_real_word(token: str) -> bool:
    """A token with two or more letters, mostly letters, and a vowel: what text is made of."""
    core = token.strip(".,;:!?()[]{}\"'«»”“’-–—/")
    letters = sum(ch.isalpha() for ch in core)
    if letters < 2 or letters < 0.7 * len(core):
        return False
    return any(ch in _VOWELS for ch in core) or core.isupper()


def _is_neutral(token: str) -> bool:
    """Numbers, dates, dnr, initials and party letters: neither words nor garbage."""
    core = token.strip(".,;:!?()[]{}\"'«»”“’-–—/§")
    return len(core) <= 3 or any(ch.isdigit() for ch in core)


def text_quality(text: str) -> tuple[float, int, int]:
    """(quality 0..1, real words, unmapped glyphs) of a page's extracted text.

    Quality is the share of real words among the tokens that are words or garbage, each
    ``(cid:N)`` glyph counting as garbage; 1.0 when nothing is there to judge.
    """
    cids = len(CID.findall(text))
    tokens = CID.sub(" ", text).split()
    real = sum(is_real_word(t) for t in tokens)
    bad = cids + sum(1 for t in tokens if not is_real_word(t) and not _is_neutral(t))
    if real + bad == 0:
        return 1.0, 0, 0
    return real / (real + bad), real, cids


def is_garbage(text: str) -> bool:
    """True when the text layer is mostly unmapped glyphs, lost letters, or not words at all."""
    quality, real, cids = text_quality(text)
    if cids and cids >= real:
        return True
    lost = len(IN_WORD_CID.findall(text))
    letters = sum(ch.isalpha() for ch in CID.sub("", text))
    if lost >= 3 and lost > MAX_LOST_LETTERS * (letters + lost):
        return True
    # A lone page number or stamp is too little to judge; the caller weighs it against images.
    return len(text.split()) >= MIN_REAL_WORDS and quality < MIN_QUALITY


def fix_split_accents(text: str) -> str:
    """Join ¨ and ˚ drawn as separate glyphs ("a¨" or "¨a") to their letter, then NFC."""

    def join(m: re.Match[str]) -> str:
        groups = [g for g in m.groups() if g]
        base, mark = (groups[1], groups[0]) if groups[0] in _SPACING_MARKS else tuple(groups)
        composed = unicodedata.normalize("NFC", base + _SPACING_MARKS[mark])
        return composed if len(composed) == 1 else m.group(0)

    if "¨" in text or "˚" in text:
        text = _SPLIT_ACCENT.sub(join, text)
    return unicodedata.normalize("NFC", text)
