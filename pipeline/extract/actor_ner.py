"""Statistical NER (small spaCy model in models/ner/model) for person names and places."""

from __future__ import annotations

import functools
import re
from typing import Any

from pipeline import paths
from pipeline.lexicon.gazetteers import CAP_STOP, is_org_word, load, looks_like_name, role_of
from pipeline.records import Actor

MODEL_DIR = paths.NER_MODEL
# Only lines with a capitalised word after their first word can hold a name the rules miss.
_CANDIDATE_RE = re.compile(
    r"\b(?=(?P<pair>[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäö]+)?[ \t]+[A-ZÅÄÖ][a-zåäöé]+))"
    r"|\b(?:i|på|från|till|inom|utanför)[ \t]+[A-ZÅÄÖ][a-zåäö]{2,}"
)
_NAME_TOKEN_RE = re.compile(r"^[A-ZÅÄÖÉÜ][a-zåäöéüøæ]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?$")
_MAX_CHARS = 400_000
_WINDOW = 60
_CONTEXT = 20
# News NER tags buildings, streets and campaigns as LOC; council places are areas.
_NOT_PLACE_ENDINGS = (
    "skolan",
    "skolans",
    "caféet",
    "kampanjen",
    "gruppen",
    "bron",
    "gatan",
    "gatans",
    "vägen",
    "vägens",
    "stigen",
    "gården",
    "gårdens",
    "huset",
    "torget",
    "plan",
    "allén",
    "leden",
)
_NOT_PLACE_WORDS = frozenset(
    ["Norra", "Södra", "Östra", "Västra", "Stora", "Lilla", "Nya", "Gamla", "Vård"]
)


@functools.lru_cache(maxsize=1)
def _model() -> Any | None:
    """The trained pipeline, loaded once per process; None when it is not installed."""
    if not (MODEL_DIR / "meta.json").exists():
        return None
    try:
        import spacy

        return spacy.load(MODEL_DIR)
    except (OSError, ValueError, ImportError):
        return None


def available() -> bool:
    """True if the trained model can be loaded."""
    return _model() is not None


def _candidate_chunks(text: str, known: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """Sentences holding a name-like pair of words or a capitalised word after a locative.

    Only such sentences can yield an actor the filters below would keep, so the model runs
    on a small share of the text (the pipeline's speed budget is ~20k words/s/core).
    """
    g = load()
    out: list[tuple[int, str]] = []
    last_end = -1
    for m in _CANDIDATE_RE.finditer(text, 0, _MAX_CHARS):
        pair = m.group("pair")
        end = m.end("pair") if pair else m.end()
        if end + _CONTEXT <= last_end:
            continue  # already inside a chunk, with context on its right
        if pair:
            p_start = m.start("pair")
            if not looks_like_name(pair.split()) or any(a <= p_start < b for a, b in known):
                continue
        else:
            word = m.group(0).split()[-1]
            if word in g.places or is_org_word(word) or word in g.party_names:
                continue
        start = m.start()
        s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
        e_dot, e_nl = text.find(". ", end), text.find("\n", end)
        ends = [x for x in (e_dot, e_nl) if x >= 0]
        e = min(ends) + 1 if ends else len(text)
        # The tagger looks a few tokens either side, so a window around the match tags it
        # as the whole sentence would, at a fraction of the cost.
        if start - s > _WINDOW:
            s = text.find(" ", start - _WINDOW, start) + 1 or start
        if e - end > _WINDOW:
            e = text.rfind(" ", end, end + _WINDOW) + 1 or e
        if out and s <= last_end:
            s = out.pop()[0]
            e = max(e, last_end)
        out.append((s, text[s:e]))
        last_end = e
    return out


def _person_ok(tokens: list[str]) -> bool:
    """A PER span from news NER is kept only if every token looks like part of a name."""
    g = load()
    if len(tokens) < 2 or len(tokens) > 4:
        return False
    for tok in tokens:
        if not _NAME_TOKEN_RE.match(tok) or tok in CAP_STOP or role_of(tok):
            return False
        if is_org_word(tok) or tok in g.party_names or (tok in g.places and tok != tokens[0]):
            return False
    if tokens[0].rstrip("s") in g.places and tokens[0] not in g.first_names:
        return False
    return looks_like_name(tokens)


def find_ner_actors(text: str, known: list[tuple[int, int]] | None = None) -> list[Actor]:
    """Persons (two to four name tokens) and places the model tags; empty without a model."""
    nlp = _model()
    if nlp is None:
        return []
    chunks = _candidate_chunks(text, known or [])
    if not chunks:
        return []
    # One batched pipe call per document: the parser then steps all chunks together.
    out: list[Actor] = []
    for (offset, _chunk), doc in zip(chunks, nlp.pipe([c for _, c in chunks]), strict=True):
        for ent in doc.ents:
            span = ent.text.strip(" \t\n,.:;()\"'*")
            if not span or "\n" in span:
                continue
            start = offset + ent.start_char + ent.text.find(span)
            if ent.label_ == "PER":
                span, start = _peel_span(span, start)
            if ent.label_ == "PER" and _person_ok(span.split()):
                out.append(Actor(span, "person", None, None, start, start + len(span)))
            elif ent.label_ == "LOC" and _place_ok(text, start, span):
                out.append(Actor(span, "place", None, None, start, start + len(span)))
    return out


def _peel_span(span: str, start: int) -> tuple[str, int]:
    """Drop leading capitalised non-name words ('Tjänstemän Anne Ek' -> 'Anne Ek')."""
    g = load()
    tokens = span.split()
    while len(tokens) > 2 and tokens[0] not in g.first_names and tokens[1] in g.first_names:
        cut = span.index(tokens[1], len(tokens[0]))
        span, start, tokens = span[cut:], start + cut, tokens[1:]
    return span, start


def _place_ok(text: str, start: int, span: str) -> bool:
    """A LOC outside the gazetteers counts after a locative preposition only."""
    tokens = span.split()
    if not tokens or len(tokens) > 3 or not all(_NAME_TOKEN_RE.match(t) for t in tokens):
        return False
    if any(is_org_word(t) or role_of(t) or t in CAP_STOP for t in tokens):
        return False
    if tokens[-1].lower().endswith(_NOT_PLACE_ENDINGS) or span in _NOT_PLACE_WORDS:
        return False
    if text[start + len(span) : start + len(span) + 1] == "-" or span.endswith("s"):
        return False
    return (
        re.search(r"\b(?:i|på|från|till|inom|utanför)[ \t]+$", text[max(0, start - 10) : start])
        is not None
    )
