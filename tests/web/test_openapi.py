"""The OpenAPI document is FastAPI's, generated from the response models, and tells the truth."""

from __future__ import annotations

import copy
import json
from typing import Any
from urllib.parse import quote

import pytest
from jsonschema import Draft202012Validator

from .helpers import fetch, field_work, get_json

API = {
    "/api/measures": "MeasurePage",
    "/api/overview": "Overview",
    "/api/measures/{id}": "Measure",
    "/api/documents/{id}": "Document",
    "/api/actors/{id}": "Actor",
}


def _strict(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with every described object closed: an undocumented field is then an error."""
    out = copy.deepcopy(spec)
    for schema in out["components"]["schemas"].values():
        if "properties" in schema:
            schema["additionalProperties"] = False
    return out


def test_both_addresses_serve_the_generated_document(base: str) -> None:
    spec = get_json(f"{base}/openapi.json")
    assert get_json(f"{base}/api/openapi.json") == spec
    assert spec["openapi"].startswith("3.1") and spec["info"]["title"] == "Löftesgrafen"
    assert set(spec["paths"]) == set(API)  # every JSON endpoint, and no HTML page
    for path, model in API.items():
        op = spec["paths"][path]["get"]
        assert set(spec["paths"][path]) == {"get"}
        ok = op["responses"]["200"]["content"]["application/json"]["schema"]
        assert ok == {"$ref": f"#/components/schemas/{model}"}, path
        assert "422" not in op["responses"]  # bad values are a 400 or a 404 here
        assert op["responses"]["404"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/ApiError"
        }
        if "{id}" in path:
            (param,) = [p for p in op["parameters"] if p["in"] == "path"]
            assert param["name"] == "id" and param["required"]
            # Only an actor's page takes a query: the municipality it is cut to.
            queries = {p["name"] for p in op["parameters"] if p["in"] == "query"}
            assert queries == ({"kommun"} if path.startswith("/api/actors") else set())


def test_schemas_come_from_the_models(base: str) -> None:
    spec = get_json(f"{base}/openapi.json")
    schemas = spec["components"]["schemas"]
    summary = schemas["MeasureSummary"]["properties"]
    for field in ("id", "label", "status", "status_key", "status_label", "due", "overdue", "url"):
        assert field in summary, field
    assert summary["overdue"]["type"] == "boolean"
    assert "Sista datum passerat" in summary["status_label"]["enum"]
    assert schemas["Measure"]["properties"]["statements"]["items"] == {
        "$ref": "#/components/schemas/Statement"
    }
    assert "source_url" in schemas["Statement"]["properties"]
    assert schemas["Overview"]["properties"]["municipality"]["items"] == {
        "$ref": "#/components/schemas/Group"
    }
    params = {p["name"]: p["schema"] for p in spec["paths"]["/api/measures"]["get"]["parameters"]}
    assert set(params) == {
        *(
            "q",
            "status",
            "actor",
            "municipality",
            "organ",
            "year",
            "sort",
            "scope",
            "limit",
            "offset",
        )
    }
    assert params["scope"]["enum"] == ["municipal", "all"]
    assert params["limit"]["type"] == "integer" and params["limit"]["maximum"] == 500
    assert not {"HTTPValidationError", "ValidationError"} & set(schemas)


def test_every_answer_matches_its_schema_field_for_field(base: str) -> None:
    spec = _strict(get_json(f"{base}/openapi.json"))
    m = field_work(base)
    measure = get_json(f"{base}/api/measures/{quote(m['id'])}")
    doc_id = measure["statements"][0]["doc_id"]
    document = get_json(f"{base}/api/documents/{quote(doc_id)}")
    actor_id = document["actors"]["mentions"][0]["id"]
    answers = {
        "MeasurePage": get_json(f"{base}/api/measures?limit=500"),
        "Measure": measure,
        "Overview": get_json(f"{base}/api/overview"),
        "Document": document,
        "Actor": get_json(f"{base}/api/actors/{quote(actor_id)}"),
        "ApiError": get_json_error(f"{base}/api/measures/measure:finns-inte"),
    }
    for model, data in answers.items():
        schema = {"$ref": f"#/components/schemas/{model}", "components": spec["components"]}
        errors = [e.message for e in Draft202012Validator(schema).iter_errors(data)]
        assert errors == [], (model, errors[:3])


def get_json_error(url: str) -> Any:
    """The JSON body of an /api error (a 404 here)."""
    status, headers, body = fetch(url)
    assert status == 404 and headers["Content-Type"].startswith("application/json")
    return json.loads(body)


@pytest.mark.parametrize("path", ["/docs", "/redoc", "/docs/oauth2-redirect", "/api/docs"])
def test_no_swagger_or_redoc_page(base: str, path: str) -> None:
    # Both load scripts from a CDN: against the CSP, and useless offline.
    status, headers, body = fetch(base + path)
    assert status == 404 and b"swagger" not in body.lower() and b"redoc" not in body.lower()
    assert "script-src 'none'" in headers["Content-Security-Policy"]
