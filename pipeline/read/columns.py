"""The columns of the researcher DataFrames and their dtypes, one schema per table.

Kinds are those of :mod:`pipeline.read.frames`: ``string``, ``Int64``, ``Float64``, ``bool``,
``datetime64[ns]`` dates, and ``category`` for closed vocabularies.
"""

from __future__ import annotations

from pipeline.read import frames as F

MEASURE_COLUMNS: dict[str, str] = {
    "id": F.STRING,
    "label": F.STRING,
    "status": F.STATUS,
    "shown_status": F.SHOWN_STATUS,
    "overdue": F.BOOL,
    "due": F.DATE,
    "first_seen": F.DATE,
    "last_seen": F.DATE,
    "statements": F.INT,
    "documents": F.INT,
    "responsible": F.STRING,
    "municipality": F.STRING,
    "sources": F.LIST,
}

COMMITMENT_COLUMNS: dict[str, str] = {
    "id": F.STRING,
    "doc_id": F.STRING,
    "n": F.INT,
    "doc_date": F.DATE,
    "doc_year": F.INT,
    "municipality": F.STRING,
    "doc_type": F.DOC_TYPE,
    "status": F.STATUS,
    "sentence": F.STRING,
    "measure": F.STRING,
    "measure_id": F.STRING,
    "measure_label": F.STRING,
    "link_reason": F.STRING,
    "link_score": F.FLOAT,
    "responsible": F.STRING,
    "deadline_text": F.STRING,
    "deadline_start": F.DATE,
    "deadline_end": F.DATE,
    "page": F.INT,
    "char_start": F.INT,
    "char_end": F.INT,
    "measure_key": F.STRING,
    "lemmas": F.STRING,
}

DOCUMENT_COLUMNS: dict[str, str] = {
    "doc_id": F.STRING,
    "doc_type": F.DOC_TYPE,
    "date": F.DATE,
    "title": F.STRING,
    "authors": F.STRING,
    "recipients": F.STRING,
    "commitments": F.INT,
    "pages": F.INT,
    "extraction": F.CATEGORY,
    "source": F.STRING,
    "sha256": F.STRING,
}

ACTOR_COLUMNS: dict[str, str] = {
    "id": F.STRING,
    "name": F.STRING,
    "actor_kind": F.ACTOR_KIND,
    "party": F.STRING,
    "roles": F.STRING,
    "aliases": F.STRING,
    "documents": F.INT,
    "authored": F.INT,
    "addressed": F.INT,
    "mentioned": F.INT,
    "responsible": F.INT,
    "authored_commitments": F.INT,
}

TIMELINE_COLUMNS: dict[str, str] = {
    "date": F.DATE,
    "doc_id": F.STRING,
    "doc_type": F.DOC_TYPE,
    "page": F.INT,
    "status": F.STATUS,
    "quote": F.STRING,
    "reason": F.STRING,
    "deadline_text": F.STRING,
    "deadline_end": F.DATE,
    "commitment_id": F.STRING,
}

# Optional columns whose kind cannot be told from their values alone.
KNOWN_EXTRAS: dict[str, str] = {"assessment": F.CATEGORY, "score": F.FLOAT}
