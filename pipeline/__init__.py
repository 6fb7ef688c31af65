"""Löftesgrafen: read Swedish council records and track pledged measures to their follow-up.

The public API, for scripts and notebooks:

- :func:`ingest` reads files and folders into a SQLite store (``link=False`` for all but the
  last of many batches, then :func:`link` once);
- :func:`open` opens a store as a :class:`~pipeline.read.corpus.Corpus` with ``measures()``,
  ``commitments()``, ``actors()``, ``documents()`` (pandas DataFrames), ``graph()``
  (networkx) and ``timeline(measure_id)``;
- :func:`extract` (alias of :func:`extract_text`) and :func:`extract_file` turn one text or
  file into the SCHEMA.md record without a store;
- :func:`evaluate` scores extraction against gold annotations.
"""

from __future__ import annotations

# The stage packages named like API functions (ingest, link, extract) are imported first:
# importing a package binds its name on `pipeline`, and stages now load on first use, so a
# later first import would replace the function `pipeline.ingest` with the package.
import pipeline.extract
import pipeline.ingest
import pipeline.link  # noqa: F401
from pipeline.api import DEFAULT_DB, evaluate, extract_file, extract_text, ingest, link
from pipeline.read.corpus import Corpus
from pipeline.read.corpus import open as open  # re-exported as pipeline.open

__version__ = "0.1.0"

extract = extract_text

# `open` is deliberately left out: a star import must not shadow the builtin open().
__all__ = [
    "DEFAULT_DB",
    "Corpus",
    "evaluate",
    "extract",
    "extract_file",
    "extract_text",
    "ingest",
    "link",
]
