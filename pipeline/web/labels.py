"""Swedish wording for the web page: status badges, document types and linking reasons."""

from __future__ import annotations

from typing import Any

from pipeline.lexicon import wording
from pipeline.link.naming import shown_label
from pipeline.structure.names import long_date

# The words are the shared list's (lexicon/data/wording.tsv), which `lofte --lang sv` prints too.
# Order is the order users read the start page in: from promise to outcome.
STATUS_LABELS: dict[str, str] = wording.group("status", "sv")
# The warnings beside a badge: overdue, stalled, not assessed, motion undecided.
FLAG_LABELS: dict[str, str] = wording.group("flag", "sv")
IDENTIFIER_LABELS: dict[str, str] = wording.group("identifier", "sv")
# A glyph beside the word so the badge reads without colour and without the word's language.
STATUS_ICONS: dict[str, str] = {
    "proposed": "○",
    "pledged": "◎",
    "in_progress": "▶",
    "done": "✓",
    "overdue": "!",
    "cancelled": "✕",
    "not_assessed": "–",
}
STATUS_HELP: dict[str, str] = {
    "proposed": "Någon har föreslagit åtgärden, men den är inte beslutad eller utlovad.",
    "pledged": "Åtgärden är utlovad eller beslutad men ännu inte rapporterad som påbörjad.",
    "in_progress": "Arbetet med åtgärden pågår enligt senaste uttalandet.",
    "done": "Åtgärden är rapporterad som genomförd.",
    "overdue": "Sista datum har passerat utan att åtgärden rapporterats som genomförd.",
    "cancelled": "Åtgärden har avbrutits eller avslagits.",
    "not_assessed": "Bara förslaget eller löftet finns, inget senare dokument följer upp det; de räknas också under sin status.",
}
DOC_TYPE_LABELS: dict[str, str] = wording.group("doc_type", "sv")
ACTOR_KIND_LABELS: dict[str, str] = {
    "person": "Person",
    "organisation": "Organisation",
    "place": "Plats",
}
EXTRACTION_LABELS: dict[str, str] = {
    "text": "digital text",
    "pdf-text": "PDF med textlager",
    "ocr": "skannad, tolkad med OCR",
    "mixed": "blandat (text och OCR)",
}


def status_key(view: Any) -> str:
    """The badge a measure or statement gets: its shown status, or 'not_assessed'."""
    shown = getattr(view, "shown_status", None) or getattr(view, "status", None)
    return shown if shown in STATUS_LABELS else "not_assessed"


def status_label(key: str | None) -> str:
    """Swedish label of a status key."""
    return STATUS_LABELS.get(key or "", STATUS_LABELS["not_assessed"])


def doc_type_label(doc_type: str | None) -> str:
    """Swedish name of a document type."""
    return DOC_TYPE_LABELS.get(
        doc_type or "other", (doc_type or DOC_TYPE_LABELS["other"]).capitalize()
    )


def capfirst(text: str | None) -> str:
    """``text`` with a capital first letter, the rest as printed ("grupperna" -> "Grupperna").

    A list reads as a list when each entry starts the same way; the sources write one body
    as "Grupperna" at a sentence's start and "grupperna" inside it.
    """
    text = text or ""
    return text[:1].upper() + text[1:]


def statement_label(measure: str | None, sentence: str) -> str:
    """A statement as the measures list would name it: its measure, or a quote of it.

    The raw extracted phrase ("det även") is a reading aid for the linker, not a name; the
    list shows a quote where it does not read as one, and a document's page must agree.
    """
    row = {"measure": measure, "sentence": sentence, "lemmas": measure}
    return capfirst(shown_label([row], frozenset()))


def swedish_date(iso: str | None) -> str:
    """'2024-12-31' as '31 december 2024'; partial or odd values are shown as given."""
    if not iso:
        return "–"
    return long_date(iso) or iso


def commitment_anchor(commitment_id: str) -> tuple[str, str]:
    """(doc_id, 'c-N') of a commitment id such as 'commitment:doc:3'."""
    body = commitment_id.split(":", 1)[-1]
    doc_id, _, n = body.rpartition(":")
    return doc_id, f"c-{n}"


def places(meta: dict[str, dict[str, Any]], doc_ids: list[str]) -> str:
    """The municipalities of these documents, each once in order, or '–' when none is known."""
    names = [(meta.get(d) or {}).get("municipality") for d in doc_ids]
    return ", ".join(dict.fromkeys(n for n in names if n)) or "–"


def doc_name(meta: dict[str, dict[str, Any]], doc_id: str) -> str:
    """What a reader sees for a document: its title, else its file name made readable."""
    title = " ".join(str((meta.get(doc_id) or {}).get("title") or "").split())
    if title:
        return title
    words = doc_id.replace("_", " ").replace("-", " ").split()
    return capfirst(" ".join(words) or doc_id)
