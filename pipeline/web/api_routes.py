"""The JSON API's routes, typed so FastAPI describes each answer in the OpenAPI document.

The handlers in pages.py build the JSON; the response models document it (tests check the
two agree) without a second conversion on every request.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from starlette.responses import Response

from pipeline.web import models, pages
from pipeline.web.dispatch import answer

Id = Annotated[
    str,
    Path(
        description="letters (å, ä, ö too), digits and ` .,:()+-`; never '/' or '..'",
        json_schema_extra={"pattern": r"^\w[\w .,:()+-]{0,199}$"},
    ),
]


def _error(description: str) -> dict[str, Any]:
    return {"model": models.ApiError, "description": description}


router = APIRouter(
    prefix="/api",
    responses={
        404: _error("Finns inte (eller ogiltigt id)."),
        503: _error("Databasen kan inte läsas."),
    },
)


@router.get(
    "/measures",
    response_model=models.MeasurePage,
    summary="Search and filter measures",
    responses={400: _error("A filter value is malformed, or too many parameters.")},
    openapi_extra={"parameters": models.query_parameters(models.MeasureQuery)},
)
async def measures(request: Request) -> Response:
    """The measures list's filters (q, status, actor, municipality, organ, year), limit, offset."""
    return await answer(request, pages.api_measures)


@router.get(
    "/overview",
    response_model=models.Overview,
    summary="Counts and shares by status per municipality, responsible body, party, year",
)
async def overview(request: Request) -> Response:
    """The start page's overview as numbers."""
    return await answer(request, pages.api_overview)


@router.get(
    "/measures/{id}",
    response_model=models.Measure,
    summary="One measure with its timeline of statements",
)
async def measure(request: Request, id: Id) -> Response:
    """Each statement links to the sentence it quotes (`source_url`)."""
    return await answer(request, pages.api_measure)


@router.get(
    "/documents/{id}",
    response_model=models.Document,
    summary="One document: metadata, normalised text and commitments",
)
async def document(request: Request, id: Id) -> Response:
    """The id is the file's stem, as in the measures' `sources`."""
    return await answer(request, pages.api_document)


@router.get(
    "/actors/{id}",
    response_model=models.Actor,
    summary="One actor: commitments they are responsible for, documents",
    openapi_extra={
        "parameters": [
            {
                "name": "kommun",
                "in": "query",
                "required": False,
                "schema": {"type": "string"},
                "description": "only this municipality's entries (a body's name is shared)",
            }
        ]
    },
)
async def actor(request: Request, id: Id) -> Response:
    """The id as the documents' `actors` give it, e.g. actor:org-polisen; `?kommun=` cuts it."""
    return await answer(request, pages.api_actor)
