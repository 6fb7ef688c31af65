"""Löftesgrafen: read Swedish council records and track pledged measures to their follow-up."""

from __future__ import annotations

from pipeline.api import DEFAULT_DB, evaluate, extract_file, extract_text, ingest

__version__ = "0.1.0"

extract = extract_text

__all__ = ["DEFAULT_DB", "evaluate", "extract", "extract_file", "extract_text", "ingest"]
