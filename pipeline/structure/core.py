"""Structure: document type, own date, title, identifiers, parties, sections and references."""

from __future__ import annotations

from pipeline.lexicon import genres
from pipeline.records import Structure
from pipeline.structure import doctype
from pipeline.structure.dates import own_date
from pipeline.structure.ids import identifiers, references
from pipeline.structure.inline_title import inline_title
from pipeline.structure.lines import HEAD_CHARS, head_lines, head_text, split_lines
from pipeline.structure.people import authors, recipients
from pipeline.structure.sections import answer_subtitle, find_title, sections, title_text

# The header block and title of long single-line extractions can run past HEAD_CHARS.
_ID_HEAD_CHARS = 1200


def analyse(text: str) -> Structure:
    """Describe the document whose normalised text is ``text``."""
    lines = split_lines(text)
    head = head_text(text, HEAD_CHARS)
    doc_type, source = doctype.classify(text)
    title_line = find_title(lines)
    title = title_text(lines, title_line) if title_line else inline_title(text)
    found_sections = sections(lines, len(text), title_line)
    ids = identifiers(head_text(text, _ID_HEAD_CHARS), text, genres.has(doc_type, "minutes"))
    return Structure(
        doc_type=doc_type,
        doc_type_source=source,
        date=own_date(lines, head_lines(lines), len(text)),
        title=title,
        identifiers=ids,
        references=_with_subtitle(
            answer_subtitle(lines, title_line), references(title, text, found_sections, ids)
        ),
        recipients=recipients(text, lines, head),
        authors=authors(text, lines, head, doc_type),
        sections=found_sections,
    )


def _with_subtitle(subtitle: str | None, refs: list[str]) -> list[str]:
    # "Svar på skrivelse från X" under the title names the answered document: keep it first.
    if subtitle is None or subtitle.casefold() in {r.casefold() for r in refs}:
        return refs
    return [subtitle, *refs]
