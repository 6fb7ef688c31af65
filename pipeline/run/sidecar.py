"""Source metadata beside the files: a ``sources.tsv`` giving each file's date, municipality, address, body."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.store.documents import known_municipality

SIDECAR = "sources.tsv"
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"^((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class SourceMeta:
    """What a source list says about one file (any field may be missing)."""

    date: str | None = None
    municipality: str | None = None
    url: str | None = None
    year: int | None = None  # from a date or a bare year: enough to tell 2012 from 2016
    body: str | None = None  # the organ that issued it ("Kommunfullmäktige"), for a title


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


@functools.lru_cache(maxsize=64)
def _read(path: str, mtime_ns: int) -> dict[str, SourceMeta]:
    """doc_id -> metadata from one sources.tsv (re-read when the file changes)."""
    out: dict[str, SourceMeta] = {}
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                doc_id = _clean(row.get("doc_id"))
                if not doc_id:
                    continue
                date = _clean(row.get("date"))
                year = _YEAR.match(date or "")
                out[doc_id] = SourceMeta(
                    # Only a whole day is a document date; "2018" says too little to order by.
                    date if date and _ISO_DAY.match(date) else None,
                    # "unknown (not named in text)" is the list saying it has none.
                    known_municipality(_clean(row.get("municipality"))),
                    _clean(row.get("url")),
                    int(year.group(1)) if year else None,
                    _clean(row.get("body")),
                )
    except (OSError, UnicodeDecodeError, csv.Error):
        # A broken source list must not stop the batch: the texts still say what they say.
        return {}
    return out


def meta_for(path: str | Path) -> SourceMeta:
    """The metadata the ``sources.tsv`` in a file's folder gives for it, keyed by file stem."""
    p = Path(path)
    sidecar = p.parent / SIDECAR
    try:
        mtime = sidecar.stat().st_mtime_ns
    except OSError:
        return SourceMeta()
    return _read(str(sidecar), mtime).get(p.stem, SourceMeta())
