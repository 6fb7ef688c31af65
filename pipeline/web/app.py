"""The web app: FastAPI routes over the page handlers, Swedish errors, the guard around it all."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.responses import Response as StarletteResponse

from pipeline.web.api_routes import router as api_router
from pipeline.web.dispatch import site_of
from pipeline.web.guard import Guard
from pipeline.web.page_routes import page_router
from pipeline.web.responses import HttpError, Response, error_response, to_asgi
from pipeline.web.site import Site

DESCRIPTION = (
    "Read-only API over the measures, statements and documents in the store. "
    "Every endpoint answers GET and HEAD only."
)
MESSAGES = {404: "Sidan finns inte.", 405: "Sidan kan bara läsas.", 400: "Ogiltig fråga."}
# Nothing about a request leaves the machine: no tracing, metrics or exporters.
NO_TELEMETRY: Any = {
    "tracing": False,
    "metrics": False,
    "logs": False,
    "operation_spans": False,
    "auto_configure": False,
}


def _error(request: Request, status: int, message: str) -> StarletteResponse:
    api = request.url.path.startswith("/api/")
    resp = error_response(status, message, api=api, as_of=site_of(request).as_of())
    return to_asgi(resp, {"Allow": "GET, HEAD"} if status == 405 else None)


async def _on_http_error(request: Request, exc: Exception) -> StarletteResponse:
    assert isinstance(exc, HttpError)
    return _error(request, exc.status, exc.message)


async def _on_framework_error(request: Request, exc: Exception) -> StarletteResponse:
    status = exc.status_code if isinstance(exc, HTTPException) else 400
    return _error(request, status, MESSAGES.get(status, "Sidan kan inte visas."))


async def _on_crash(request: Request, exc: Exception) -> StarletteResponse:
    return _error(request, 500, "Något gick fel på servern.")


class _App(FastAPI):
    """FastAPI whose OpenAPI document lists only answers the app gives."""

    def openapi(self) -> dict[str, Any]:
        """The generated document without FastAPI's 422: bad values are a 400 or 404 here."""
        spec = super().openapi()
        for path in spec["paths"].values():
            for operation in path.values():
                operation["responses"].pop("422", None)
        for name in ("HTTPValidationError", "ValidationError"):
            spec.get("components", {}).get("schemas", {}).pop(name, None)
        return spec


def _fastapi(site: Site) -> FastAPI:
    app = _App(
        title="Löftesgrafen",
        version="1",
        description=DESCRIPTION,
        openapi_url="/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN: not offline, not CSP-safe
        redoc_url=None,
        redirect_slashes=False,  # the guard already treats '/measures/' as '/measures'
        telemetry=NO_TELEMETRY,
        exception_handlers={
            HttpError: _on_http_error,
            HTTPException: _on_framework_error,
            RequestValidationError: _on_framework_error,
            500: _on_crash,
        },
    )
    app.state.site = site
    app.include_router(api_router)
    app.include_router(page_router())

    @app.get("/api/openapi.json", include_in_schema=False)
    async def api_openapi() -> JSONResponse:
        return JSONResponse(app.openapi())

    return app


def create_app(site: Site) -> Guard:
    """The ASGI app over ``site``, ready for uvicorn."""

    def error(status: int, message: str, api: bool) -> Response:
        return error_response(status, message, api=api, as_of=site.as_of())

    return Guard(_fastapi(site), error)
