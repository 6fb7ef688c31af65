"""Typed pandas DataFrames from plain rows: explicit dtypes, ISO dates as ``datetime64[ns]``.

pandas is imported inside the functions so that importing :mod:`pipeline` (and so the CLI)
stays fast; only the researcher-facing :class:`pipeline.read.corpus.Corpus` calls these.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from pipeline.records import ACTOR_KINDS, DOC_TYPES, STATUSES

if TYPE_CHECKING:
    import pandas as pd

# Column kinds. Categories with a fixed vocabulary list it so that value_counts() and
# groupby() show every status or type, also those with zero rows.
STRING = "string"
INT = "Int64"
FLOAT = "Float64"
BOOL = "bool"
DATE = "date"
STATUS = "status"
SHOWN_STATUS = "shown_status"
DOC_TYPE = "doc_type"
ACTOR_KIND = "actor_kind"
CATEGORY = "category"
# A Python list per cell (e.g. a measure's source documents): iterate it, never split it.
LIST = "object"

_VOCAB: dict[str, tuple[str, ...]] = {
    STATUS: STATUSES,
    SHOWN_STATUS: (*STATUSES, "overdue"),
    DOC_TYPE: DOC_TYPES,
    ACTOR_KIND: ACTOR_KINDS,
}

Schema = Mapping[str, str]


def frame(rows: Iterable[Mapping[str, Any]], schema: Schema) -> pd.DataFrame:
    """A DataFrame with exactly ``schema``'s columns, in order, each cast to its kind."""
    import pandas as pd

    rows = list(rows)
    data = {col: pd.Series([r.get(col) for r in rows], dtype=object) for col in schema}
    df = pd.DataFrame(data, columns=list(schema), index=pd.RangeIndex(len(rows)))
    for col, kind in schema.items():
        df[col] = cast(df[col], kind)
    return df


def cast(s: pd.Series, kind: str) -> pd.Series:
    """One column converted to the pandas dtype of its kind (missing values stay missing)."""
    import pandas as pd

    if kind == DATE:
        # ISO8601 accepts "2024", "2024-06" and full dates alike; anything else becomes NaT.
        parsed = pd.to_datetime(s.astype(object), errors="coerce", format="ISO8601")
        return parsed.astype("datetime64[ns]")
    if kind == BOOL:
        return s.map(lambda v: bool(v) if v is not None and v == v else False).astype(bool)
    if kind in (INT, FLOAT):
        return pd.to_numeric(s, errors="coerce").astype(kind)
    if kind == STRING:
        return s.map(lambda v: None if v is None else str(v)).astype("string")
    if kind in _VOCAB or kind == CATEGORY:
        known = list(_VOCAB.get(kind, ()))
        # New values (a status another stage adds later) extend the vocabulary, never vanish.
        extra = sorted({str(v) for v in s if v is not None and v == v and str(v) not in known})
        cats = known + extra if known else extra
        values = s.map(lambda v: None if v is None or v != v else str(v))
        return values.astype(pd.CategoricalDtype(cats, ordered=False))
    if kind == "object":
        return s
    raise ValueError(f"unknown column kind {kind!r}")


def infer_kind(values: Iterable[Any]) -> str:
    """The column kind for values of an attribute without a declared schema."""
    seen = [v for v in values if v is not None]
    if not seen:
        return STRING
    if all(isinstance(v, bool) for v in seen):
        return BOOL
    if all(isinstance(v, int) and not isinstance(v, bool) for v in seen):
        return INT
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in seen):
        return FLOAT
    if all(isinstance(v, str) for v in seen):
        return STRING
    return "object"


def as_date(value: str | date | datetime | None) -> date | None:
    """``as_of`` given as ISO text, a date, a datetime or a pandas Timestamp."""
    if value is None:
        return None
    if isinstance(value, datetime):  # pandas.Timestamp is a datetime too
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def joined(values: Iterable[Any], sep: str = "; ") -> str | None:
    """Names joined for a single string cell (None when there are none)."""
    out = [str(v) for v in values if v]
    return sep.join(dict.fromkeys(out)) if out else None
