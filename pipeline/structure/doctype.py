"""Document type: strong head rules first, else a TF-IDF linear model trained on real texts."""

from __future__ import annotations

import contextlib
import logging
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline import paths
from pipeline.records import DOC_TYPES
from pipeline.structure.doctype_rules import rule_doctype
from pipeline.structure.lines import clean_line

MODEL_PATH = paths.DOCTYPE_MODEL
HEAD_CHARS = 600
_BODY_HEAD, _BODY_TAIL = 3000, 1000
_NUMBERS = re.compile(r"\d")
_log = logging.getLogger(__name__)
_lock = threading.Lock()
_cache: dict[str, Any] = {}
# A model installed by `use_model` (evaluation folds): it replaces the saved one in this process.
_NO_OVERRIDE = object()
_override: Any = _NO_OVERRIDE


def head_view(text: str) -> str:
    """The opening of a document as the model sees it: clean, lower-cased, digits folded."""
    head = " ".join(clean_line(x) for x in text[:HEAD_CHARS].splitlines())
    return _NUMBERS.sub("0", head.lower())


def body_view(text: str) -> str:
    """Opening and closing of a document (long texts are cut, so training and use agree)."""
    part = text if len(text) <= _BODY_HEAD + _BODY_TAIL else text[:_BODY_HEAD] + text[-_BODY_TAIL:]
    return _NUMBERS.sub("0", " ".join(clean_line(x) for x in part.splitlines()).lower())


def build_model() -> Any:
    """An untrained scikit-learn pipeline: char n-grams of the head + word n-grams of the body."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, make_pipeline
    from sklearn.svm import LinearSVC

    features = FeatureUnion(
        [
            (
                "head_chars",
                TfidfVectorizer(
                    preprocessor=head_view,
                    analyzer="char_wb",
                    ngram_range=(2, 5),
                    min_df=2,
                    sublinear_tf=True,
                    max_features=20000,
                ),
            ),
            (
                "body_words",
                TfidfVectorizer(
                    preprocessor=body_view,
                    analyzer="word",
                    token_pattern=r"(?u)\b\w\w+\b",
                    ngram_range=(1, 2),
                    min_df=2,
                    sublinear_tf=True,
                    max_features=20000,
                ),
            ),
        ]
    )
    return make_pipeline(features, LinearSVC(C=0.5, class_weight="balanced"))


def load_model(path: Path = MODEL_PATH) -> Any | None:
    """The saved classifier, loaded once per process; None when missing or unreadable."""
    key = str(path)
    with _lock:
        if key not in _cache:
            _cache[key] = _read(path)
        return _cache[key]


def _read(path: Path) -> Any | None:
    if not path.exists():
        return None
    try:
        import joblib

        bundle = joblib.load(path)
    except Exception as exc:  # an unreadable or version-incompatible pickle must not stop a run
        _log.warning("doctype model %s not usable (%s); rules only", path, exc)
        return None
    return bundle.get("model") if isinstance(bundle, dict) else bundle


@contextlib.contextmanager
def use_model(model: Any | None) -> Iterator[None]:
    """Classify with ``model`` (None: rules alone) instead of the saved model, inside the block."""
    global _override
    before, _override = _override, model
    try:
        yield
    finally:
        _override = before


def model_doctype(text: str, model: Any | None = None) -> str | None:
    """The model's type for ``text``, or None when no model is available."""
    clf = (
        model if model is not None else _override if _override is not _NO_OVERRIDE else load_model()
    )
    if clf is None:
        return None
    label = str(clf.predict([text])[0])
    return label if label in DOC_TYPES else None


def classify(text: str, model: Any | None = None) -> tuple[str, str]:
    """(doc_type, source): a strong rule wins, else the model, else ("other", "default")."""
    ruled = rule_doctype(text, HEAD_CHARS)
    if ruled:
        return ruled, "rule"
    predicted = model_doctype(text, model)
    if predicted:
        return predicted, "model"
    return "other", "default"
