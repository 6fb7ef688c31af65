"""The JSON API's answers as typed models: FastAPI writes the OpenAPI document from these."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, Field

from pipeline.read.query import ORDERS, SCOPES
from pipeline.web.labels import STATUS_LABELS
from pipeline.web.measures_data import (
    DEFAULT_SCOPE,
    DEFAULT_SORT,
    MAX_LIMIT,
    MAX_OFFSET,
    PAGE_SIZE,
)

StatusKey = Annotated[str, Field(json_schema_extra={"enum": list(STATUS_LABELS)})]
StatusLabel = Annotated[str, Field(json_schema_extra={"enum": list(STATUS_LABELS.values())})]
Day = Annotated[str | None, Field(description="ISO date, YYYY-MM-DD")]


class ApiError(BaseModel):
    """What every failed /api request answers."""

    error: str = Field(description="what went wrong, in Swedish")
    status: int = Field(description="the HTTP status again")


class MeasureSummary(BaseModel):
    """A measure as the list shows it: its status now, due date and sources."""

    id: str = Field(examples=["measure:handlingsplan-for-faltarbetet"])
    label: str
    status: str = Field(description="what the latest evidence says")
    shown_status: StatusKey = Field(description="'overdue' when the due date has passed")
    status_key: StatusKey
    status_label: StatusLabel
    due: Day
    overdue: bool
    closed: bool = Field(description="done or cancelled: no longer due")
    first_seen: Day
    last_seen: Day
    responsible: str | None
    sources: list[str] = Field(description="ids of the documents that speak of it")
    assessment: str = Field(description="'not_assessed' when nothing followed the pledge")
    motion_flag: bool = Field(description="a motion left undecided past the year the law allows")
    statement_count: int
    quiet_since: Day = Field(
        description="in progress and not heard of since this date, over a year before as_of"
    )
    outside: bool = Field(
        description="the state, the EU or a state inquiry acts, not the municipality; "
        "left out of lists unless scope=all"
    )
    url: str = Field(description="path of the measure's page")


class MeasurePage(BaseModel):
    """One page of the measures matching the filters."""

    as_of: date
    total: int = Field(description="matches in all, not only on this page")
    limit: int
    offset: int
    items: list[MeasureSummary]


class Statement(BaseModel):
    """One thing a document said about a measure, where it said it and why it was linked."""

    commitment_id: str
    n: int = Field(description="the commitment's number within its document")
    doc_id: str
    doc_date: Day
    doc_type: str | None
    doc_title: str | None
    doc_url: str | None
    status: str
    status_label: str
    sentence: str
    quote: str = Field(description="the sentence as printed: what to cite")
    page: int | None
    deadline_text: str | None
    deadline_end: Day
    reason: str = Field(description="why it was linked to the measure")
    measure: str | None
    responsible: str | None
    municipality: str | None
    source: str | None = Field(
        description="the name of the file the document was read from (never the server's path)"
    )
    score: float | None
    stalled: bool
    source_url: str = Field(description="opens the document at the quoted sentence")


class StatusReason(BaseModel):
    """Why the measure has its status, in plain Swedish, and the statement it rests on."""

    text: str
    commitment_id: str | None
    quote: str | None
    flags: list[str] = Field(description="a reason for each flag (not assessed, motion)")
    coverage: str | None = Field(
        None, description="how far the collection reaches after the last statement, if unfollowed"
    )


class Measure(MeasureSummary):
    """One measure with its timeline of statements."""

    as_of: date
    statements: list[Statement]
    status_reason: StatusReason


class Group(BaseModel):
    """Measures by status in one municipality, responsible body or year."""

    name: str
    total: int
    counts: dict[str, int] = Field(description="measures per status")
    shares: dict[str, float] = Field(description="share of the total per status")


class Overview(BaseModel):
    """Counts and shares by status per municipality, responsible body, party and year."""

    as_of: date
    statuses: list[StatusKey]
    municipality: list[Group]
    responsible: list[Group]
    party: list[Group] = Field(description="by the party of whoever wrote the first document")
    year: list[Group]


class Commitment(BaseModel):
    """A sentence that commits someone to a measure; char_start/char_end index the text."""

    id: str
    n: int
    doc_id: str
    doc_date: Day
    doc_type: str | None
    sentence: str
    measure: str | None
    measure_key: str | None
    measure_id: str | None
    measure_label: str | None = Field(None, description="on an actor's commitments")
    doc_title: str | None = Field(None, description="on an actor's commitments")
    municipality: str | None = Field(None, description="on an actor's commitments")
    doc_year: int | None = Field(None, description="on an actor's commitments: when undated")
    doc_pages: int | None = Field(
        None, description="on an actor's commitments: pages of its source"
    )
    copies: int | None = Field(None, description="on an actor's: stored files saying it")
    lemmas: str | None
    responsible: str | None
    status: str
    deadline_text: str | None
    deadline_start: Day
    deadline_end: Day
    page: int | None
    char_start: int | None
    char_end: int | None
    url: str | None = Field(None, description="on a document's commitments: opens it there")


class ActorLink(BaseModel):
    """An actor a document names."""

    id: str
    name: str
    url: str


class Document(BaseModel):
    """One document: metadata, structure, normalised text and its commitments."""

    doc_id: str
    url: str
    sha256: str
    source_name: str = Field(description="the file's name (never the server's path)")
    doc_type: str | None
    date: Day
    year: int | None
    title: str | None = Field(description="the title as printed, if the text prints one")
    name: str | None = Field(
        description="what a reader calls it: the printed title, else type, body, place and date"
    )
    body: str | None = Field(description="the issuing body, as its source list names it")
    pages: int | None
    extraction: str | None = Field(description="how the text was read: text, ocr, ...")
    municipality: str | None
    structure: dict[str, Any] = Field(description="title, identifiers, references, sections")
    actors: dict[str, list[ActorLink]] = Field(description="by role: mentions, authored_by, ...")
    commitments: list[Commitment]
    text: str = Field(description="the normalised text")


class DocumentRef(BaseModel):
    """A document an actor appears in."""

    doc_id: str
    title: str | None = Field(description="what a reader calls it (see Document.name)")
    printed: str | None = Field(description="the title as printed, if the text prints one")
    date: Day
    type: str | None
    municipality: str | None
    sha256: str
    copies: int = Field(description="how many stored files hold this text (a text and its scan)")


class Actor(BaseModel):
    """One actor: the commitments they are responsible for, those they signed, documents."""

    id: str
    url: str
    attrs: dict[str, Any] = Field(description="name, kind, party, roles, aliases")
    municipalities: list[str] = Field(description="of the documents naming the actor")
    municipality: str | None = Field(
        description="the one municipality the lists are cut to (?kommun=), or null for all"
    )
    commitments: list[Commitment] = Field(description="naming the actor as responsible")
    authored: list[Commitment] = Field(description="in documents the actor signed")
    documents: dict[str, list[DocumentRef]] = Field(description="by role: mentions, ...")


class MeasureQuery(BaseModel):
    """The filters of /api/measures (checked by the same rules as the list page's)."""

    q: str = Field("", max_length=200, description="search words (case and å/ä/ö blind)")
    status: StatusKey = Field("", description="shown status")
    actor: str = Field("", max_length=200, description="responsible actor contains")
    organ: str = Field("", max_length=200, description="stadsdel or nämnd of a source")
    municipality: str = Field("", max_length=200, description="municipality of a source (any case)")
    year: str = Field("", pattern=r"^\d{4}$", description="due or discussed that year")
    sort: str = Field(
        DEFAULT_SORT,
        json_schema_extra={"enum": list(ORDERS)},
        description="latest statement, earliest due date, or name (Swedish order)",
    )
    scope: str = Field(
        DEFAULT_SCOPE,
        json_schema_extra={"enum": list(SCOPES)},
        description="the municipality's own measures, or all, the state's and the EU's too",
    )
    limit: int = Field(PAGE_SIZE, ge=1, le=MAX_LIMIT, description="page size")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="skip this many")


def query_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    """OpenAPI query parameters from a model's fields (the routes check the values)."""
    props = model.model_json_schema()["properties"]
    return [
        {
            "name": name,
            "in": "query",
            "required": False,
            "description": prop.pop("description", ""),
            "schema": prop,
        }
        for name, prop in props.items()
    ]
