"""Server-side rendering: the autoescaping Jinja2 environment, URL helpers and marked-up text."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from pipeline.lexicon.time_roles import is_start
from pipeline.link.reasons import reason_parts
from pipeline.store.documents import known_municipality
from pipeline.web import labels, overview

HERE = Path(__file__).resolve().parent


def measure_url(measure_id: str) -> str:
    """Path of a measure page."""
    return "/measures/" + quote(measure_id, safe=":")


def doc_url(doc_id: str, anchor: str = "") -> str:
    """Path of a document page, optionally opening at a commitment ('c-3')."""
    return "/documents/" + quote(doc_id, safe=":") + (f"#{anchor}" if anchor else "")


def actor_url(actor_id: str, municipality: str | None = None) -> str:
    """Path of an actor page, as it is in one municipality when one is given."""
    path = "/actors/" + quote(actor_id, safe=":")
    return f"{path}?kommun={quote(municipality)}" if municipality else path


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """'?a=1&b=2' from the non-empty values of params updated with changes."""
    merged = {**params, **changes}
    kept = {k: v for k, v in merged.items() if v not in (None, "", 0)}
    return "?" + urlencode(kept) if kept else ""


def marked_text(text: str, commitments: list[dict[str, Any]]) -> Markup:
    """The document text, escaped, with each commitment sentence in <mark id="c-N">."""
    spans = sorted(
        (c for c in commitments if c.get("char_start") is not None and c.get("char_end")),
        key=lambda c: (c["char_start"], c["n"]),
    )
    out: list[str] = []
    pos = 0
    last = -1  # where the latest mark stands in ``out``
    for c in spans:
        start, end = max(int(c["char_start"]), pos), min(int(c["char_end"]), len(text))
        if end <= start:
            # Several records of one sentence ("X har genomförts av A, Y av B"): the sentence
            # is marked once, and every record's anchor opens there.
            if last >= 0:
                out.insert(last, f'<span id="c-{int(c["n"])}" class="anchor"></span>')
                last += 1
            continue
        key = c.get("status") if c.get("status") in labels.STATUS_LABELS else "not_assessed"
        out.append(str(escape(text[pos:start])))
        last = len(out)
        out.append(
            f'<mark id="c-{int(c["n"])}" class="commitment st-{key}">'
            f"{escape(text[start:end])}</mark>"
        )
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


@cache
def environment() -> Environment:
    """The one template environment; autoescape is always on."""
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        STATUS_LABELS=labels.STATUS_LABELS,
        STATUS_ICONS=labels.STATUS_ICONS,
        STATUS_HELP=labels.STATUS_HELP,
        FLAG_LABELS=labels.FLAG_LABELS,
        IDENTIFIER_LABELS=labels.IDENTIFIER_LABELS,
        measure_url=measure_url,
        doc_url=doc_url,
        actor_url=actor_url,
        query_string=query_string,
        status_key=labels.status_key,
        reason_parts=reason_parts,
        commitment_anchor=labels.commitment_anchor,
        doc_name=labels.doc_name,
        statement_label=labels.statement_label,
        # A time something starts or takes effect is shown, but not as a due date.
        is_start=is_start,
        places=labels.places,
        bars=overview.bars,
        SHOWN_GROUPS=overview.SHOWN,
    )
    env.filters.update(
        capfirst=labels.capfirst,
        sv_date=labels.swedish_date,
        place=lambda m: known_municipality(m) or "–",
        doc_type=labels.doc_type_label,
        status_label=labels.status_label,
        actor_kind=lambda k: labels.ACTOR_KIND_LABELS.get(k or "", k or ""),
        extraction=lambda k: labels.EXTRACTION_LABELS.get(k or "", k or "–"),
    )
    return env


def render(template: str, **context: Any) -> bytes:
    """A page as UTF-8 bytes."""
    return environment().get_template(template).render(**context).encode("utf-8")


@cache
def stylesheet() -> bytes:
    """The one stylesheet, read once at start-up (never a path taken from a request)."""
    return (HERE / "static" / "style.css").read_bytes()


@cache
def icon() -> bytes:
    """The tab icon, read once (a browser asks for one on every page; a 404 fills its log)."""
    return (HERE / "static" / "icon.svg").read_bytes()
