"""Tests for the saved Swedish council spaCy pipeline (models/spacy_sv) and its components."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import pipeline.extract.spacy_components  # noqa: F401  (registers the factories)
from pipeline.lang.lemmas import lemma

MODEL = Path(__file__).resolve().parents[2] / "models" / "spacy_sv"


@pytest.fixture(scope="module")
def nlp() -> Language:
    if not (MODEL / "meta.json").exists():
        pytest.skip("models/spacy_sv not built (python models/spacy_sv/build_pipeline.py)")
    return spacy.load(MODEL)


def _tokens(nlp: Language, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text)]


def test_abbreviations_and_identifiers_stay_whole(nlp: Language) -> None:
    toks = _tokens(nlp, "Skolor m.fl. aktörer, bl.a. polisen, t.ex. i läsåret 2023/24 enligt §12.")
    for kept in ("m.fl.", "bl.a.", "t.ex.", "2023/24", "§", "12"):
        assert kept in toks
    assert _tokens(nlp, "Ärendet KS 106-360/2016 bereds.")[1:3] == ["KS", "106-360/2016"]
    assert _tokens(nlp, "Dnr: 2023/1234")[:2] == ["Dnr", ":"]


def test_bullet_list_items_are_sentences(nlp: Language) -> None:
    text = "Nämnden föreslår att\n- en handlingsplan tas fram\n- fältarbetet utökas under 2024\n"
    sents = [s.text.strip() for s in nlp(text).sents]
    assert "- en handlingsplan tas fram" in sents or "en handlingsplan tas fram" in sents
    assert any(s.endswith("fältarbetet utökas under 2024") for s in sents)
    assert len(sents) == 3


def test_signature_block_is_not_glued_to_the_last_sentence(nlp: Language) -> None:
    text = "Arbetet ska vara klart under 2024.\n\nAnna Svensson\nUtbildningsdirektör\n"
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0] == "Arbetet ska vara klart under 2024."
    assert all("Anna Svensson" not in s for s in sents[:1])
    assert any("Anna Svensson" in s for s in sents[1:])


def test_ocr_line_break_inside_a_sentence_does_not_split_it(nlp: Language) -> None:
    text = (
        "Förvaltningen kommer att ta fram en plan för\ntrygghetsvandringar i området. Nästa steg."
    )
    sents = [s.text for s in nlp(text).sents]
    assert len(sents) == 2


def test_lemma_overrides_and_compound_heads(nlp: Language) -> None:
    doc = nlp("Fältarbetet och trygghetsvandringar i Utbildningsnämnden")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["Fältarbetet"] == "fältarbete"
    assert lemmas["trygghetsvandringar"] == "trygghetsvandring"
    assert lemmas["Utbildningsnämnden"] == "utbildningsnämnd"
    assert lemma("kommunfullmäktige") == "kommunfullmäktige"


def test_ruler_finds_bodies_and_party_tagged_persons(nlp: Language) -> None:
    doc = nlp("Utbildningsnämnden svarar på interpellationen från Jan Jönsson (L) om Skärholmen.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Utbildningsnämnden", "ORG") in ents
    assert ("Jan Jönsson", "PER") in ents
    person = next(e for e in doc.ents if e.text == "Jan Jönsson")
    assert person._.party == "L"
    assert ("Skärholmen", "LOC") in ents
