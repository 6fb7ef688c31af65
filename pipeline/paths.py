"""Where the trained models and bundled data live: every path to models/ is built here."""

from __future__ import annotations

from pathlib import Path

# The checkout: models/ and corpus/ sit beside the pipeline package (an editable install).
REPO = Path(__file__).resolve().parent.parent
MODELS = REPO / "models"
CORPUS = REPO / "corpus"
# Data files shipped inside the package (installed as package data).
LEXICON_DATA = Path(__file__).resolve().parent / "lexicon" / "data"

# The embedded store every command uses unless given --db (relative to the working folder).
DEFAULT_DB = "lofte.db"

DOCTYPE_MODEL = MODELS / "doctype" / "doctype.joblib"
COMMITMENT_MODEL = MODELS / "commitment" / "model.joblib"
NER_MODEL = MODELS / "ner" / "model"
SPACY_SV = MODELS / "spacy_sv"
LEMMA_OVERRIDES = SPACY_SV / "lemma_overrides.tsv"
OCR_LEXICON = MODELS / "lexicon"
GAZETTEERS = LEXICON_DATA / "gazetteers"
