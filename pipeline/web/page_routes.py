"""The HTML pages' routes (left out of the OpenAPI document: it describes the JSON API)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Request
from starlette.responses import Response

from pipeline.web import pages
from pipeline.web.dispatch import answer
from pipeline.web.site import Handler

PAGES: list[tuple[str, Handler]] = [
    ("/", pages.index),
    ("/measures", pages.measures),
    ("/measures/{id}", pages.measure),
    ("/measures/{id}/feed.atom", pages.measure_feed),
    ("/feed.atom", pages.feed),
    ("/documents", pages.document_list),
    ("/documents/{id}", pages.document),
    ("/actors/{id}", pages.actor),
]


def _endpoint(handler: Handler, *, store: bool = True) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        return await answer(request, handler, store=store)

    endpoint.__name__ = handler.__name__
    return endpoint


def page_router() -> APIRouter:
    """A router with every page and the stylesheet."""
    router = APIRouter(include_in_schema=False)
    for path, handler in PAGES:
        router.add_api_route(path, _endpoint(handler), methods=["GET"])
    router.add_api_route(
        "/static/style.css",
        _endpoint(pages.stylesheet, store=False),
        methods=["GET"],
    )
    for path in ("/static/icon.svg", "/favicon.ico"):
        router.add_api_route(path, _endpoint(pages.icon, store=False), methods=["GET"])
    return router
