"""The words a person reads for each machine key, in Swedish and English (lexicon/data/wording.tsv)."""

from __future__ import annotations

import functools

from pipeline import paths
from pipeline.lexicon.tables import read_columns

WORDING = paths.LEXICON_DATA / "wording.tsv"
# The languages of the file's columns, in its order; English is also the fallback.
LANGS = ("sv", "en")


@functools.cache
def _table() -> dict[str, dict[str, str]]:
    return read_columns(WORDING, LANGS)


def word(key: str, lang: str, **fields: object) -> str:
    """The word or line for ``key`` ("status.pledged", "cli.count") in ``lang``, fields filled in."""
    if lang not in LANGS:
        raise KeyError(f"no language {lang!r}; known: {', '.join(LANGS)}")
    text = _table()[key][lang]
    return text.format(**fields) if fields else text


def group(name: str, lang: str) -> dict[str, str]:
    """Machine key -> word for one group ("status" -> {"pledged": "Utlovad", ...}), in file order."""
    if lang not in LANGS:
        raise KeyError(f"no language {lang!r}; known: {', '.join(LANGS)}")
    prefix = name + "."
    return {k[len(prefix) :]: v[lang] for k, v in _table().items() if k.startswith(prefix)}
