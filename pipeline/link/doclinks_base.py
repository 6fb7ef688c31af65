"""Shared pieces of document linking: the DocInfo/DocLink records and text helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pipeline.lang.slugs import fold
from pipeline.lexicon import genres
from pipeline.lexicon.words import stopwords
from pipeline.records import Identifier

ANSWER_TYPES = genres.with_trait("answers")
LEAD_CHARS = 2500
_WORD = re.compile(r"[^\W\d_]{3,}")
# Function words, document-kind words and council boilerplate say nothing about the topic,
# so two titles must share other words to be about the same question.
_STOP = frozenset(fold(w) for w in stopwords("title_topic"))
# Inflection endings, longest first: stripping them from folded words lets "skolan" meet
# "skola" and OCR'd "gangvagar" meet "gångvägar" without a dictionary.
_ENDING_LIST = "arnas ernas ornas arna erna orna ande ende ens ets ans ars ers ors en et na ar er or an a e n s"
_ENDINGS = _ENDING_LIST.split()
_MIN_STEM = 4
# A person as printed in a heading: two to four capitalised words ("Isabel Smedberg Palmqvist").
_NAME = r"[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?"
_PERSON = re.compile(rf"\b{_NAME}(?:\s+{_NAME}){{1,3}}\b")
# "skrivelse från X", "motion väckt av X och Y", "interpellation av X": who asked.
ASKED_BY = re.compile(
    r"\b(?P<kind>skrivelse|motion|interpellation|medborgarförslag|nämndinitiativ|"
    r"ledamotsinitiativ|fråga)\w*\s*(?:\((?:19|20)\d{2}:\d{1,4}\)\s*)?"
    r"(?:från|av|väckt\s+av|inlämnad\s+av|ställd\s+av)\s+"
    rf"(?P<names>{_NAME}(?:\s+{_NAME}){{1,3}}(?:\s*(?:\([^)]*\)\s*)?(?:,|och)\s*"
    rf"{_NAME}(?:\s+{_NAME}){{1,3}})*)",
    re.IGNORECASE,
)
# What an answer says it answers: "Svar på …", "Yttrande över …", "remiss om motion …".
ANSWER_MARK = re.compile(
    r"\b(?:svar\s+på|yttrande\s+över|besvarande\s+av|remiss\s+(?:om|av|från|avseende)|"
    r"remissvar\s+(?:om|på|över|avseende))\b",
    re.IGNORECASE,
)
# A printed number of a motion, interpellation or skrivelse ("2016:28").
NUMBERED = re.compile(r"(?<![\d:])(?:19|20)\d{2}:\d{1,4}(?![\d:])")
_KINDS = {
    "skrivelse": "skrivelse",
    "motion": "motion",
    "interpellation": "interpellation",
}


def words(text: str, drop: set[str] | None = None) -> dict[str, str]:
    """Topic words of ``text`` as folded stem → first printed form, minus ``drop`` tokens."""
    out: dict[str, str] = {}
    drop = drop or set()
    for w in _WORD.findall(text):
        f = fold(w)
        if f in _STOP or f in drop:
            continue
        out.setdefault(stem(f), w)
    return out


def stem(folded: str) -> str:
    """A folded word without its inflection ending (a crude, symmetric Swedish stemmer)."""
    for end in _ENDINGS:
        if folded.endswith(end) and len(folded) - len(end) >= _MIN_STEM:
            return folded[: -len(end)]
    return folded


def name_tokens(names: list[str]) -> set[str]:
    """Folded tokens of person names, so that names do not count as topic words."""
    return {fold(t) for n in names for t in n.split()}


def jaccard(a: set[str], b: set[str]) -> float:
    """Token Jaccard similarity; 0 when either side is empty."""
    return len(a & b) / len(a | b) if a and b else 0.0


def persons(text: str) -> list[str]:
    """Capitalised two-to-four-word person names printed in ``text``."""
    return [m.group(0) for m in _PERSON.finditer(text)]


def asked_by(text: str) -> tuple[str, list[str]] | None:
    """(kind, askers) of "skrivelse/motion/interpellation från X (och Y)", if printed."""
    m = ASKED_BY.search(text)
    if m is None:
        return None
    return m.group("kind").casefold(), persons(m.group("names"))


def kind_named(text: str) -> str | None:
    """The document type a reference names first (skrivelse, motion, interpellation)."""
    m = re.search(r"\b(skrivelse|motion|interpellation)", text, re.IGNORECASE)
    return _KINDS[m.group(1).casefold()] if m else None


def id_key(value: str) -> str:
    """An identifier folded and without spaces, so printed variants compare equal."""
    return re.sub(r"\s+", "", fold(value))


def contains_id(text_key: str, key: str) -> bool:
    """True when identifier ``key`` occurs in ``text_key`` as a whole token."""
    start = text_key.find(key)
    while start >= 0:
        before = text_key[start - 1] if start else " "
        end = start + len(key)
        after = text_key[end] if end < len(text_key) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = text_key.find(key, start + 1)
    return False


def digit_runs(text: str) -> set[str]:
    """Every run of digits: the index key for identifier look-up."""
    return set(re.findall(r"\d+", text))


def iso(value: str | None) -> date | None:
    """A date from an ISO string, or None."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def not_after(target: str | None, source: str | None, window_days: int | None = None) -> bool:
    """True unless ``target`` is dated after ``source`` (or more than the window before it)."""
    t, s = iso(target), iso(source)
    if t is None or s is None:
        return True
    if t > s:
        return False
    return window_days is None or (s - t).days <= window_days


@dataclass
class DocInfo:
    """What linking needs to know about one stored document."""

    doc_id: str
    doc_type: str = "other"
    date: str | None = None
    title: str | None = None
    identifiers: list[Identifier] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    lead: str = ""


@dataclass(frozen=True)
class DocLink:
    """One document → document edge with the evidence for it."""

    source: str
    target: str
    kind: str
    reason: str
    reference: str = ""


def refs(d: DocInfo) -> list[str]:
    """The references of ``d``, plus its title when the title says what it answers."""
    out = list(d.references)
    if d.title and ANSWER_MARK.search(d.title) and d.title not in out:
        out.append(d.title)
    return out


def answer_phrases(d: DocInfo) -> list[str]:
    """Title and references that say what ``d`` answers ("Svar på …", "Yttrande över …")."""
    return [t for t in [d.title or "", *d.references] if ANSWER_MARK.search(t)]


def title_words(d: DocInfo) -> dict[str, str]:
    """Topic words of the title, without the names of the people it mentions."""
    drop = name_tokens(d.authors + d.recipients + persons(d.title or ""))
    return words(d.title or "", drop)


def lead_words(d: DocInfo) -> dict[str, str]:
    """Topic words of the title and the opening of the text."""
    drop = name_tokens(d.authors + d.recipients)
    return words(f"{d.title or ''}\n{d.lead[:LEAD_CHARS]}", drop)
