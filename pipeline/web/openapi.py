"""The OpenAPI 3.1 description of the read-only JSON API, served at /api/openapi.json."""

from __future__ import annotations

from typing import Any

from pipeline.web.labels import STATUS_LABELS


def _param(name: str, where: str, desc: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "in": where,
        "required": where == "path",
        "description": desc,
        "schema": schema,
    }


_ID = {"type": "string", "pattern": r"^\w[\w .,:()+-]{0,199}$"}
_STR = {"type": "string", "maxLength": 200}
_NULL_STR = {"type": ["string", "null"]}


def _ok(desc: str, ref: str) -> dict[str, Any]:
    return {
        "200": {
            "description": desc,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
        },
        "404": {"description": "Finns inte (eller ogiltigt id)."},
    }


def _measure_props(statuses: list[str]) -> dict[str, Any]:
    return {
        "id": {"type": "string", "example": "measure:handlingsplan-for-faltarbetet"},
        "label": {"type": "string"},
        "status": {"type": "string", "description": "latest evidence"},
        "shown_status": {"type": "string", "description": "'overdue' when the due date passed"},
        "status_key": {"type": "string", "enum": statuses},
        "status_label": {"type": "string", "enum": list(STATUS_LABELS.values())},
        "due": _NULL_STR,
        "overdue": {"type": "boolean"},
        "first_seen": _NULL_STR,
        "last_seen": _NULL_STR,
        "responsible": _NULL_STR,
        "sources": {"type": "array", "items": {"type": "string"}},
        "url": {"type": "string"},
    }


def _statement() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "commitment_id": {"type": "string"},
            "doc_id": {"type": "string"},
            "doc_date": _NULL_STR,
            "status": {"type": "string"},
            "status_label": {"type": "string"},
            "sentence": {"type": "string"},
            "deadline_text": _NULL_STR,
            "deadline_end": _NULL_STR,
            "reason": {"type": "string", "description": "why it was linked to the measure"},
            "source_url": {"type": "string", "description": "opens the document at the quote"},
        },
    }


def _paths(statuses: list[str]) -> dict[str, Any]:
    return {
        "/api/measures": {
            "get": {
                "summary": "Search and filter measures",
                "parameters": [
                    _param("q", "query", "search words (case and å/ä/ö blind)", _STR),
                    _param("status", "query", "shown status", {"enum": statuses}),
                    _param("actor", "query", "responsible actor contains", _STR),
                    _param("organ", "query", "stadsdel or nämnd of a source", _STR),
                    _param("year", "query", "due or discussed that year", {"pattern": r"^\d{4}$"}),
                    _param(
                        "limit",
                        "query",
                        "page size",
                        {"type": "integer", "minimum": 1, "maximum": 500},
                    ),
                    _param("offset", "query", "skip this many", {"type": "integer", "minimum": 0}),
                ],
                "responses": {
                    "200": {
                        "description": "One page of matching measures",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/MeasurePage"}
                            }
                        },
                    },
                    "400": {"description": "A filter value is malformed."},
                },
            }
        },
        "/api/overview": {
            "get": {
                "summary": "Counts and shares by status per municipality, responsible body, year",
                "responses": _ok("The overview", "Overview"),
            }
        },
        "/api/measures/{id}": {
            "get": {
                "summary": "One measure with its timeline of statements",
                "parameters": [_param("id", "path", "measure id", _ID)],
                "responses": _ok("The measure", "Measure"),
            }
        },
        "/api/documents/{id}": {
            "get": {
                "summary": "One document: metadata, normalised text and commitments",
                "parameters": [_param("id", "path", "document id (file stem)", _ID)],
                "responses": _ok("The document", "Document"),
            }
        },
        "/api/actors/{id}": {
            "get": {
                "summary": "One actor: commitments they are responsible for, documents",
                "parameters": [_param("id", "path", "actor id, e.g. actor:org-polisen", _ID)],
                "responses": _ok("The actor", "Actor"),
            }
        },
    }


def _overview_schemas(statuses: list[str]) -> dict[str, Any]:
    """The /api/overview answer: one group row per municipality, body or year."""
    return {
        "Overview": {
            "type": "object",
            "properties": {
                "as_of": {"type": "string", "format": "date"},
                "statuses": {"type": "array", "items": {"enum": statuses}},
                **{
                    group: {"type": "array", "items": {"$ref": "#/components/schemas/Group"}}
                    for group in ("municipality", "responsible", "year")
                },
            },
        },
        "Group": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "total": {"type": "integer"},
                "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
                "shares": {"type": "object", "additionalProperties": {"type": "number"}},
            },
        },
    }


def _schemas(statuses: list[str]) -> dict[str, Any]:
    measure_props, statement = _measure_props(statuses), _statement()
    return {
        "schemas": {
            **_overview_schemas(statuses),
            "MeasureSummary": {"type": "object", "properties": measure_props},
            "Measure": {
                "type": "object",
                "properties": {
                    **measure_props,
                    "statements": {"type": "array", "items": statement},
                },
            },
            "MeasurePage": {
                "type": "object",
                "properties": {
                    "as_of": {"type": "string", "format": "date"},
                    "total": {"type": "integer"},
                    "limit": {"type": "integer"},
                    "offset": {"type": "integer"},
                    "items": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/MeasureSummary"},
                    },
                },
            },
            "Document": {
                "type": "object",
                "properties": {
                    "doc_id": {"type": "string"},
                    "doc_type": _NULL_STR,
                    "date": _NULL_STR,
                    "title": _NULL_STR,
                    "text": {"type": "string", "description": "normalised text"},
                    "commitments": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "description": "char_start/char_end index the text",
                        },
                    },
                    "structure": {"type": "object"},
                    "actors": {"type": "object"},
                },
            },
            "Actor": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "attrs": {"type": "object"},
                    "commitments": {"type": "array", "items": {"type": "object"}},
                    "documents": {"type": "object"},
                },
            },
        }
    }


def spec() -> dict[str, Any]:
    """The API description as a JSON-ready dict."""
    statuses = list(STATUS_LABELS)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Löftesgrafen",
            "version": "1",
            "description": "Read-only API over the measures, statements and documents in the "
            "store. Every endpoint answers GET and HEAD only.",
        },
        "paths": _paths(statuses),
        "components": _schemas(statuses),
    }
