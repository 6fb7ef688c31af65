"""spaCy components of the Swedish council pipeline in models/spacy_sv (import before loading).

``spacy.load("models/spacy_sv")`` needs these factories registered, so import this module
first. The components wrap the same logic the fast extraction path calls directly:
sentence units from ``pipeline.extract.sentences``, lemmas from ``pipeline.lang.lemmas``, and patterns
from the gazetteers in ``pipeline/lexicon/data/gazetteers``.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_prefix_regex

from pipeline.extract.sentences import split_units
from pipeline.lang.lemmas import lemmatize, read_overrides
from pipeline.lexicon.gazetteers import load as load_gazetteers

# Abbreviations kept as one token (each also capitalised at a sentence start).
ABBREVIATIONS = ("m.fl.", "bl.a.", "t.ex.", "d.v.s.", "fr.o.m.", "t.o.m.", "s.k.", "p.g.a.")
DIARY_WORDS = ("dnr", "Dnr", "DNR", "dnr.", "Dnr.", "Dnr:")
# Case and diary numbers stay one token: "106-360/2016", "2023/24", "2023/KS 0310" -> 2.
IDENTIFIER = re.compile(r"^\d+(?:[-/.:]\d+)*(?:/\d{2,4})$|^\d{1,4}(?:-\d+)+$")

_MARKER_ONLY = re.compile(r"[ \t]*(?:[-–—*•▪●◦·]|\d{1,2}[.)]|[a-h][.)])[ \t]*$")

if not Span.has_extension("party"):
    Span.set_extension("party", default=None)


def customise_tokenizer(nlp: Language) -> None:
    """Special cases for abbreviations, 'dnr' and '§', and whole identifiers."""
    tok: Any = nlp.tokenizer
    for abbr in ABBREVIATIONS:
        for form in {abbr, abbr[:1].upper() + abbr[1:]}:
            tok.add_special_case(form, [{"ORTH": form}])
    for word in DIARY_WORDS:
        if word.endswith(":"):
            tok.add_special_case(word, [{"ORTH": word[:-1]}, {"ORTH": ":"}])
        else:
            tok.add_special_case(word, [{"ORTH": word}])
    # "§" is its own token even when printed against the number ("§12").
    prefixes = ["§", *list(nlp.Defaults.prefixes or [])]
    tok.prefix_search = compile_prefix_regex(prefixes).search
    tok.token_match = IDENTIFIER.match


@Language.component("lofte_sentences")
def lofte_sentences(doc: Doc) -> Doc:
    """Sentence starts from ``pipeline.extract.sentences.split_units``.

    That splitter survives OCR line breaks, bullet lists, att-clauses and signature blocks:
    every heading, bullet and signature line starts its own sentence.
    """
    if not len(doc):
        return doc
    idxs = [tok.idx for tok in doc]
    flags = [False] * len(doc)
    flags[0] = True
    text = doc.text
    for unit in split_units(text):
        start = unit.start
        line = text.rfind("\n", 0, start) + 1
        if _MARKER_ONLY.match(text, line, start):
            start = line  # a bullet's marker belongs to its item
        # The token holding the unit's first character starts a sentence.
        flags[max(0, bisect.bisect_right(idxs, start) - 1)] = True
    for tok, flag in zip(doc, flags, strict=True):
        tok.is_sent_start = flag
    return doc


class LofteLemmatizer:
    """Lemmas from the domain override table, then simplemma, then compound heads."""

    def __init__(self, overrides: dict[str, str] | None = None) -> None:
        self.overrides: dict[str, str] = dict(overrides or {})
        self._places = load_gazetteers().places

    def __call__(self, doc: Doc) -> Doc:
        """Set ``token.lemma_`` on every token."""
        for tok in doc:
            if tok.is_punct or tok.is_space or tok.like_num:
                tok.lemma_ = tok.text
            elif tok.text in self._places:
                tok.lemma_ = tok.text  # proper names are their own lemma
            else:
                tok.lemma_ = lemmatize(tok.text, self.overrides)
        return doc

    def to_disk(self, path: str | Path, exclude: Any = ()) -> None:
        """Save the override table as a TSV inside the pipeline folder."""
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        lines = [f"{k}\t{v}" for k, v in sorted(self.overrides.items())]
        (p / "lemma_overrides.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, exclude: Any = ()) -> LofteLemmatizer:
        """Load the override table saved by ``to_disk``."""
        self.overrides = read_overrides(Path(path) / "lemma_overrides.tsv")
        return self


@Language.factory("lofte_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> LofteLemmatizer:
    """The lemmatizer component (its table is filled by the build script or from disk)."""
    return LofteLemmatizer()


@Language.component("lofte_party_trim")
def lofte_party_trim(doc: Doc) -> Doc:
    """Ruler matches 'Jan Jönsson (L)': keep the name as PER, the party in ``span._.party``."""
    ents = []
    for ent in doc.ents:
        if ent.label_ == "PER" and len(ent) >= 4 and ent[-1].text == ")" and ent[-3].text == "(":
            span = Span(doc, ent.start, ent.end - 3, label="PER")
            span._.party = ent[-2].text.upper()
            ents.append(span)
        else:
            ents.append(ent)
    doc.ents = ents
    return doc


def ruler_patterns() -> list[dict[str, Any]]:
    """Entity-ruler patterns generated from the council gazetteers."""
    g = load_gazetteers()
    pats: list[dict[str, Any]] = []
    for place in sorted(g.places):
        pats.append({"label": "LOC", "pattern": place, "id": "place"})
    for name in sorted(g.party_names):
        pats.append({"label": "ORG", "pattern": name, "id": "party"})
    for phrase in g.org_phrases:
        if phrase[:1].isupper():
            pats.append({"label": "ORG", "pattern": phrase, "id": "body"})
        else:
            pats.append({"label": "ORG", "pattern": [{"LOWER": w} for w in phrase.split()]})
    # Bodies written as one compound: Utbildningsnämnden, Skarpnäcks stadsdelsförvaltning.
    suffix = "|".join(re.escape(s) for s in g.org_suffixes)
    body = {"LOWER": {"REGEX": rf"^\w{{2,}}(?:{suffix})s?$"}, "IS_TITLE": True}
    pats.append({"label": "ORG", "pattern": [body], "id": "body"})
    pats.append({"label": "ORG", "pattern": [{"IS_TITLE": True}, body], "id": "body"})
    # Titles: Utbildningsdirektör, socialborgarråd (the name after them is the NER's).
    roles = sorted({r for r in g.role_map})
    pats.append({"label": "ROLE", "pattern": [{"LOWER": {"IN": roles}}], "id": "role"})
    role_suffix = "|".join(re.escape(s) for s in g.role_suffixes)
    pats.append(
        {"label": "ROLE", "pattern": [{"LOWER": {"REGEX": rf"^\w+(?:{role_suffix})(?:en|n|et)?$"}}]}
    )
    # "Förnamn Efternamn (L)": a given name, a capitalised surname and a party in brackets.
    first = sorted(g.first_names)
    parties = sorted({p for a in g.party_abbrevs for p in (a, a.lower(), a.capitalize())})
    person: list[dict[str, Any]] = [{"TEXT": {"IN": first}}, {"IS_TITLE": True, "OP": "+"}]
    party: list[dict[str, Any]] = [{"ORTH": "("}, {"TEXT": {"IN": parties}}, {"ORTH": ")"}]
    pats.append({"label": "PER", "pattern": person + party, "id": "person_party"})
    return pats
