"""Stable, readable ids for graph nodes: Swedish-aware folding into URL-safe slugs."""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "æ": "ae", "ø": "o"})
_NON = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Casefold and drop diacritics the way Swedish users search (å/ä→a, ö→o)."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slugify(text: str, max_len: int = 80) -> str:
    """A lowercase ASCII slug such as ``handlingsplan-for-faltarbetet``."""
    slug = _NON.sub("-", fold(text)).strip("-")
    return slug[:max_len].rstrip("-") or "x"


_ORDER = {"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}", "é": "e", "ü": "y"}


def sort_key(text: str) -> str:
    """Collation key in Swedish alphabetical order: a–z, then å, ä, ö; case-blind."""
    low = unicodedata.normalize("NFC", text).casefold()
    return "".join(_ORDER.get(c, c) for c in low)
