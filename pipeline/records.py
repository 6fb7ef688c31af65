"""Typed records that flow through the stages, with lossless JSON round-trips."""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar, Union

T = TypeVar("T")

DOC_TYPES = (
    "interpellation",
    "interpellationssvar",
    "skrivelse",
    "motion",
    "tjansteutlatande",
    "yttrande",
    "protokoll",
    "uppfoljning",
    "other",
)
# The status vocabulary, in the order a measure moves through it; every stage uses these.
STATUSES = ("proposed", "pledged", "in_progress", "done", "cancelled")
CLOSED = ("done", "cancelled")
# How far a measure has come: a cancellation is as final as completion.
PROGRESS = {"proposed": 0, "pledged": 1, "in_progress": 2, "done": 3, "cancelled": 3}
# What follow-up says about a measure, beside its status (`lofte status --status stalled`).
ASSESSMENTS = ("stalled", "not_assessed", "assessed")
# Every value a status filter takes: a status, overdue, or an assessment.
STATUS_FILTERS = (*STATUSES, "overdue", *ASSESSMENTS)
ACTOR_KINDS = ("person", "organisation", "place")
METHODS = ("pdf-text", "ocr", "text")


@dataclass(frozen=True)
class Options:
    """Per-run settings every stage may read; nothing here changes between documents."""

    password: str | None = None
    ocr_timeout: float = 120.0
    doc_timeout: float = 600.0
    max_pixels: int = 120_000_000
    ocr_lang: str = "swe"
    dpi: int = 300


@dataclass
class LineBox:
    """One printed line of a page with its position in points (0,0 = top left)."""

    text: str
    x0: float = 0.0
    top: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0


@dataclass
class Page:
    """Text of one page, how it was obtained and how sure we are of it."""

    number: int
    text: str
    method: str
    confidence: float = 1.0
    width: float = 0.0
    height: float = 0.0
    lines: list[LineBox] = field(default_factory=list)


@dataclass
class Ingested:
    """Result of the ingest stage: pages of raw text plus what was detected."""

    pages: list[Page]
    source_format: str
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def raw_text(self) -> str:
        """All pages joined by form feeds: the coordinate system for offsets."""
        return "\f".join(p.text for p in self.pages)


@dataclass
class Segment:
    """Normalised text [start, start+length) came from raw [raw_start, raw_end)."""

    start: int
    length: int
    raw_start: int
    raw_end: int


@dataclass
class Normalised:
    """Clean text plus a map from its offsets back to the raw ingested text."""

    text: str
    segments: list[Segment]
    ocr_corrected: bool = False
    corrections: int = 0
    damage_score: float = 0.0


@dataclass
class Identifier:
    """A Popolo-style identifier: dnr, motion number, interpellation number."""

    scheme: str
    identifier: str


@dataclass
class Actor:
    """A person, organisation or place as printed in one document."""

    name: str
    kind: str
    party: str | None = None
    role: str | None = None
    char_start: int | None = None
    char_end: int | None = None


@dataclass
class Section:
    """A titled section of the normalised text."""

    title: str
    kind: str
    start: int
    end: int


@dataclass
class Structure:
    """What the document is: type, own date, identifiers, parties and references."""

    doc_type: str = "other"
    doc_type_source: str = "default"
    date: str | None = None
    title: str | None = None
    identifiers: list[Identifier] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    authors: list[Actor] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


@dataclass
class Deadline:
    """A due time as printed and as an ISO interval (either end may be open)."""

    text: str
    start: str | None = None
    end: str | None = None


@dataclass
class Commitment:
    """One pledged, proposed or reported measure, anchored in the normalised text."""

    sentence: str
    measure: str
    responsible: str | None
    deadline: Deadline | None
    status: str
    char_start: int = 0
    char_end: int = 0
    page: int = 1
    cue: str = ""
    confidence: float = 1.0


@dataclass
class Extraction:
    """Actors and commitments found in one document."""

    actors: list[Actor] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)


@dataclass
class MeasureKey:
    """The per-document link artifact: how one commitment is keyed for linking."""

    commitment: int
    key: str
    lemmas: list[str]


@dataclass
class Document:
    """The record every stage reads and returns; later stages fill later fields."""

    doc_id: str
    source: str
    sha256: str
    ingested: Ingested | None = None
    normalised: Normalised | None = None
    structure: Structure | None = None
    extraction: Extraction | None = None
    links: list[MeasureKey] | None = None
    graph: dict[str, Any] | None = None


def to_dict(obj: Any) -> Any:
    """Turn a record (or list of records) into JSON-ready builtins."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a record of type ``cls`` from what :func:`to_dict` produced."""
    return typing.cast(T, _build(cls, data))


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _build(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(args[0], data) if len(args) == 1 else data
    if origin is list:
        (inner,) = typing.get_args(tp)
        return [_build(inner, x) for x in data]
    if origin is dict:
        return dict(data)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp)}
        kwargs = {k: _build(hints[k], v) for k, v in data.items() if k in names}
        return tp(**kwargs)
    return data
