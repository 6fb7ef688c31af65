"""Build the Swedish council spaCy pipeline into models/spacy_sv (one command, offline).

Usage: .venv/bin/python models/spacy_sv/build_pipeline.py

spacy.blank("sv") + tokenizer special cases + lofte_sentences + lofte_lemmatizer (with
lemma_overrides.tsv) + the NER trained in models/ner/model + an entity_ruler fed by
pipeline/lexicon/data/gazetteers + lofte_party_trim. Nothing is downloaded. Load it with
``import pipeline.extract.spacy_components; spacy.load("models/spacy_sv")``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from pipeline.extract import spacy_components  # noqa: E402
from pipeline.lang.lemmas import read_overrides  # noqa: E402

NER_DIR = ROOT / "models" / "ner" / "model"
OUT = HERE


def build() -> spacy.language.Language:
    """The assembled pipeline (not yet saved)."""
    nlp = spacy.blank("sv")
    spacy_components.customise_tokenizer(nlp)
    nlp.add_pipe("lofte_sentences")
    lemmatizer: Any = nlp.add_pipe("lofte_lemmatizer")
    lemmatizer.overrides = read_overrides(HERE / "lemma_overrides.tsv")
    if (NER_DIR / "meta.json").exists():
        nlp.add_pipe("ner", source=spacy.load(NER_DIR))
    else:
        print(f"warning: {NER_DIR} missing; building without the statistical NER")
    ruler: Any = nlp.add_pipe(
        "entity_ruler", config={"overwrite_ents": True, "phrase_matcher_attr": None}
    )
    ruler.add_patterns(spacy_components.ruler_patterns())
    nlp.add_pipe("lofte_party_trim")
    nlp.meta["name"] = "sv_council"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["license"] = "CC BY 4.0 (NER weights, see MODEL_CARD.md)"
    nlp.meta["description"] = "Swedish council records: tokens, sentences, lemmas, entities"
    return nlp


def main() -> int:
    """Build and save, then reload the saved pipeline once as a check."""
    nlp = build()
    nlp.to_disk(OUT)
    again = spacy.load(OUT)
    doc = again("Utbildningsnämnden ger Jan Jönsson (L) i uppdrag att m.fl. ta fram en plan.")
    print("pipeline:", again.pipe_names)
    print("ents:", [(e.text, e.label_) for e in doc.ents])
    size = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"saved to {OUT} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
