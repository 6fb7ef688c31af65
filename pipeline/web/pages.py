"""Request handlers: each HTML page and its JSON twin, built from the same read functions."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from pipeline.lang.slugs import sort_key
from pipeline.read.query import MeasureView, as_dict
from pipeline.store import documents as documents_sql
from pipeline.store.core import Store
from pipeline.web import docs_data, labels, measures_data, reasons
from pipeline.web.feed import atom
from pipeline.web.measures_data import PAGE_SIZE
from pipeline.web.render import (
    actor_url,
    doc_url,
    marked_text,
    measure_url,
    query_string,
    render,
)
from pipeline.web.render import (
    icon as icon_bytes,
)
from pipeline.web.render import (
    stylesheet as css_bytes,
)
from pipeline.web.responses import HttpError, Response, json_response, parse_filters
from pipeline.web.site import Site


def _page(app: Site, store: Store, template: str, **context: Any) -> Response:
    context.setdefault("page", "")
    return Response(render(template, as_of=app.as_of().isoformat(), **context))


def index(app: Site, store: Store, params: dict[str, str]) -> Response:
    """Start page: search box, counts by status, recently overdue measures."""
    return _page(app, store, "index.html", title="Löftesgrafen", page="start", s=app.summary(store))


def measures(app: Site, store: Store, params: dict[str, str]) -> Response:
    """Measures list with filters and pages of PAGE_SIZE."""
    f = parse_filters(params, api=False)
    organs = app.organs(store)
    views, total, left_out = measures_data.listing(store, f, app.as_of(), organs)
    current = {
        "q": f.q,
        "status": f.status,
        "actor": f.actor,
        "municipality": f.municipality,
        "organ": f.organ,
        "year": f.year,
    }
    # The default order and scope are left out of the page's links, so they stay short.
    current["sort"] = "" if f.sort == measures_data.DEFAULT_SORT else f.sort
    current["scope"] = "" if f.scope == measures_data.DEFAULT_SCOPE else f.scope
    return _page(
        app,
        store,
        "measures.html",
        title="Åtgärder",
        page="measures",
        views=views,
        docs=_doc_meta(store, list(dict.fromkeys(s for v in views for s in v.sources))),
        total=total,
        left_out=left_out,
        filters=current,
        sort=f.sort,
        active=f.active(),
        page_no=f.offset // PAGE_SIZE + 1,
        pages=max(1, -(-total // PAGE_SIZE)),
        choices=app.summary(store),
    )


def _measure_or_404(app: Site, store: Store, measure_id: str) -> MeasureView:
    view = measures_data.measure_view(store, measure_id, app.as_of())
    if view is None:
        raise HttpError(404, "Åtgärden finns inte.")
    return view


def _doc_meta(store: Store, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
    return documents_sql.document_meta(store, doc_ids)


def measure(app: Site, store: Store, params: dict[str, str], id: str) -> Response:
    """A measure's status, due date, timeline of statements and actors."""
    view = _measure_or_404(app, store, id)
    responsible = docs_data.responsible_actors(store, view.sources)
    mine = {s.commitment_id for s in view.statements}
    responsible = {cid: a for cid, a in responsible.items() if cid in mine}
    actors = dict(responsible.values())
    return _page(
        app,
        store,
        "measure.html",
        title=view.label,
        page="measures",
        view=view,
        docs=_doc_meta(store, view.sources),
        responsible=responsible,
        actors=sorted(actors.items(), key=lambda a: sort_key(a[1])),
        authors=docs_data.authors(store, view.sources),
        reason=reasons.status_reason(view),
        flag_reasons=reasons.flag_reasons(view),
        coverage=_coverage(store, view),
    )


def _coverage(store: Store, view: MeasureView) -> str | None:
    """How far the collection reaches after the measure's last statement (reasons.py)."""
    places = [s.municipality or "" for s in view.statements]
    return reasons.coverage_reason(view, documents_sql.latest_dates(store, places))


def document_list(app: Site, store: Store, params: dict[str, str]) -> Response:
    """Every document, newest first, PAGE_SIZE to a page."""
    f = parse_filters(params, api=False)
    docs, total = docs_data.documents(store, PAGE_SIZE, f.offset)
    return _page(
        app,
        store,
        "documents.html",
        title="Dokument",
        page="documents",
        docs=docs,
        total=total,
        page_no=f.offset // PAGE_SIZE + 1,
        pages=max(1, -(-total // PAGE_SIZE)),
    )


def document(app: Site, store: Store, params: dict[str, str], id: str) -> Response:
    """A document's text with its commitments marked, its metadata and references."""
    d = docs_data.document_view(store, id)
    if d is None:
        raise HttpError(404, "Dokumentet finns inte.")
    return _page(
        app,
        store,
        "document.html",
        title=labels.doc_name({d["doc"]["doc_id"]: d["doc"]}, d["doc"]["doc_id"]),
        page="documents",
        d=d,
        text=marked_text(d["text"], d["commitments"]),
    )


def actor(app: Site, store: Store, params: dict[str, str], id: str) -> Response:
    """An actor's commitments and documents, in one municipality with ``?kommun=``."""
    a = docs_data.actor_view(store, id, params.get("kommun") or None)
    if a is None:
        raise HttpError(404, "Aktören finns inte.")
    name = a["attrs"].get("name", id)
    title = f"{name}, {a['municipality']}" if a["municipality"] else name
    return _page(app, store, "actor.html", title=title, a=a)


# -- JSON API -----------------------------------------------------------------------------------


_SUMMARY_FIELDS = [f.name for f in dataclasses.fields(MeasureView) if f.name != "statements"]


def _measure_json(view: MeasureView, *, full: bool) -> dict[str, Any]:
    if full:
        d = as_dict(view)
    else:  # the list: plain fields only, cheaper than the recursive conversion
        d = {name: getattr(view, name) for name in _SUMMARY_FIELDS}
        d["shown_status"] = view.shown_status
    key = labels.status_key(view)
    d.update(status_key=key, status_label=labels.status_label(key), url=measure_url(view.id))
    if full:
        why = reasons.status_reason(view)
        d["status_reason"] = {
            "text": why.text,
            "commitment_id": why.statement.commitment_id if why.statement else None,
            "quote": why.statement.sentence if why.statement else None,
            "flags": reasons.flag_reasons(view),
        }
    for s in d.get("statements", []):
        # The file's name says which file; the server's own path is nobody else's business.
        if s.get("source"):
            s["source"] = Path(s["source"]).name
        doc_id, anchor = labels.commitment_anchor(s["commitment_id"])
        s["source_url"] = doc_url(doc_id, anchor)
        s["status_label"] = labels.status_label(s["status"])
    return d


def api_measures(app: Site, store: Store, params: dict[str, str]) -> Response:
    """JSON of the measures list (same filters as the page, plus limit/offset)."""
    f = parse_filters(params, api=True)
    organs = app.organs(store) if f.organ else {}
    views, total = measures_data.list_measures(store, f, app.as_of(), organs)
    return json_response(
        {
            "as_of": app.as_of().isoformat(),
            "total": total,
            "limit": f.limit,
            "offset": f.offset,
            "items": [_measure_json(v, full=False) for v in views],
        }
    )


ATOM_TYPE = "application/atom+xml; charset=utf-8"


def feed(app: Site, store: Store, params: dict[str, str]) -> Response:
    """Atom feed of status changes of the measures matching the list's filters."""
    f = parse_filters(params, api=False)
    views = measures_data.feed_measures(store, f, app.as_of(), app.organs(store) if f.organ else {})
    asked = ", ".join(f"{k}={v}" for k, v in params.items() if k != "page" and v)
    title = "Löftesgrafen: statusändringar" + (f" ({asked})" if asked else "")
    href = "/feed.atom" + query_string(params, page=None)
    return Response(atom(title, href, views, app.as_of()), ATOM_TYPE)


def measure_feed(app: Site, store: Store, params: dict[str, str], id: str) -> Response:
    """Atom feed of one measure's status changes."""
    view = _measure_or_404(app, store, id)
    title = f"Löftesgrafen: {view.label}"
    return Response(
        atom(title, measure_url(view.id) + "/feed.atom", [view], app.as_of()), ATOM_TYPE
    )


def api_overview(app: Site, store: Store, params: dict[str, str]) -> Response:
    """JSON: counts and shares by status per municipality, responsible body and year."""
    return json_response({"as_of": app.as_of().isoformat(), **app.summary(store)["overview"]})


def api_measure(app: Site, store: Store, params: dict[str, str], id: str) -> Response:
    """JSON of one measure with its statements."""
    view = _measure_or_404(app, store, id)
    d = _measure_json(view, full=True)
    d["status_reason"]["coverage"] = _coverage(store, view)
    d["as_of"] = app.as_of().isoformat()
    return json_response(d)


def api_document(app: Site, store: Store, params: dict[str, str], id: str) -> Response:
    """JSON of one document: metadata, structure, normalised text and commitments."""
    d = docs_data.document_view(store, id)
    if d is None:
        raise HttpError(404, "Dokumentet finns inte.")
    doc = dict(d["doc"])
    doc.pop("source", None)  # the server's own file path is nobody else's business
    doc.pop("shown", None)  # the page's heading; "name" says the same for old stores too
    doc["name"] = doc.get("name") or doc.get("title")
    for c in d["commitments"]:
        c["url"] = doc_url(c["doc_id"], f"c-{c['n']}")
    return json_response(
        {
            **doc,
            "source_name": d["source_name"],
            "url": doc_url(doc["doc_id"]),
            "structure": d["structure"],
            "actors": {
                k: [{"id": a, "name": n, "url": actor_url(a)} for a, n in v]
                for k, v in d["actors"].items()
            },
            "commitments": d["commitments"],
            "text": d["text"],
        }
    )


def api_actor(app: Site, store: Store, params: dict[str, str], id: str) -> Response:
    """JSON of one actor: attributes, commitments and documents."""
    a = docs_data.actor_view(store, id, params.get("kommun") or None)
    if a is None:
        raise HttpError(404, "Aktören finns inte.")
    a["attrs"].pop("source", None)
    return json_response({**a, "url": actor_url(id)})


def stylesheet(app: Site, store: None, params: dict[str, str]) -> Response:
    """The stylesheet (held in memory; no request path ever reaches the file system)."""
    return Response(css_bytes(), "text/css; charset=utf-8")


def icon(app: Site, store: None, params: dict[str, str]) -> Response:
    """The tab icon, also at /favicon.ico, where browsers look when a page names none."""
    return Response(icon_bytes(), "image/svg+xml")
