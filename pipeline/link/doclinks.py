"""Cross-document links: which stored document answers (responds_to) or cites which."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from pipeline.lang.slugs import fold
from pipeline.lexicon import genres
from pipeline.link.doclinks_base import (
    ANSWER_MARK,
    ANSWER_TYPES,
    LEAD_CHARS,
    NUMBERED,
    DocInfo,
    DocLink,
    answer_phrases,
    contains_id,
    digit_runs,
    id_key,
    jaccard,
    kind_named,
    name_tokens,
    not_after,
    persons,
    refs,
    title_words,
    words,
)
from pipeline.link.doclinks_implicit import interpellation_answers, same_question
from pipeline.records import Identifier

__all__ = [
    "LEAD_CHARS",
    "DocInfo",
    "DocLink",
    "doc_infos",
    "info_from_structure",
    "resolve",
]

# In an answer these roles name the other side: whoever asked the question.
_ASKER_ROLES = frozenset({"interpellant", "motionär", "frågeställare", "förslagsställare"})
_NUMBER_SCHEMES = frozenset({"motion", "interpellation", "skrivelse"})
_TITLE_JACCARD = 0.6


def resolve(docs: list[DocInfo]) -> list[DocLink]:
    """Every responds_to / cites link between ``docs``, one per ordered pair, with reasons."""
    links: dict[tuple[str, str], DocLink] = {}

    def add(link: DocLink) -> None:
        if link.source != link.target and (link.source, link.target) not in links:
            links[(link.source, link.target)] = link

    ids = _id_index(docs)
    topics = _topic_index(docs)
    for d in docs:
        for ref in refs(d):
            found = _by_identifier(d, ref, ids)
            if not found and not NUMBERED.search(ref):
                found = _by_title(d, ref, topics)
            for link in found:
                add(link)
    for link in interpellation_answers(docs):
        add(link)
    for link in same_question(docs):
        add(link)
    return sorted(links.values(), key=lambda x: (x.source, x.target))


def _answers(d: DocInfo, ref: str, target: DocInfo) -> bool:
    """True when ``ref`` is what ``d`` answers rather than something it only cites."""
    if d.doc_type not in ANSWER_TYPES:
        return False
    if target.doc_type in ANSWER_TYPES and not genres.has(d.doc_type, "minutes"):
        return False
    if ANSWER_MARK.search(ref):
        return True
    phrases = answer_phrases(d)
    if any(fold(ref) in fold(p) for p in phrases):
        return True
    asked = {fold(n) for p in phrases for n in persons(p)}
    return bool(asked & {fold(n) for n in persons(ref)})


def _kind(answers: bool) -> str:
    return "responds_to" if answers else "cites"


def _id_index(docs: list[DocInfo]) -> dict[str, list[tuple[str, Identifier, DocInfo]]]:
    index: dict[str, list[tuple[str, Identifier, DocInfo]]] = defaultdict(list)
    for d in docs:
        for ident in d.identifiers:
            key = id_key(ident.identifier)
            if ident.scheme == "paragraph" or len(key) < 5:
                continue
            # a dnr's longest digit run is the cheapest key that every printed variant shares
            run = max(digit_runs(key), key=len, default="")
            if run:
                index[run].append((key, ident, d))
    return index


def _owns(ident: Identifier, target: DocInfo, d: DocInfo) -> bool:
    """A numbered identifier belongs to the document of that kind; a dnr to the case opener."""
    if ident.scheme in _NUMBER_SCHEMES:
        return target.doc_type == ident.scheme
    return target.doc_type not in ANSWER_TYPES or genres.has(d.doc_type, "minutes")


def _by_identifier(d: DocInfo, ref: str, index: dict[str, Any]) -> list[DocLink]:
    ref_key = id_key(ref)
    out: list[DocLink] = []
    for run in digit_runs(ref_key):
        for key, ident, target in index.get(run, []):
            if target is d or not contains_id(ref_key, key) or not _owns(ident, target, d):
                continue
            if not not_after(target.date, d.date):
                continue
            answers = _answers(d, ref, target)
            verb = "answers" if answers else "cites"
            reason = f"{verb} {target.doc_type} {ident.scheme} {ident.identifier} (printed: {ref})"
            out.append(DocLink(d.doc_id, target.doc_id, _kind(answers), reason, ref))
    return out


def _topic_index(docs: list[DocInfo]) -> dict[str, list[tuple[DocInfo, dict[str, str]]]]:
    index: dict[str, list[tuple[DocInfo, dict[str, str]]]] = defaultdict(list)
    for d in docs:
        tw = title_words(d)
        for w in tw:
            index[w].append((d, tw))
    return index


def _by_title(d: DocInfo, ref: str, index: dict[str, Any]) -> list[DocLink]:
    """A reference whose topic words match another document's title (kind must agree)."""
    rw = words(ANSWER_MARK.split(ref)[-1], name_tokens(persons(ref)))
    if len(rw) < 2:
        return []
    kind = kind_named(ref)
    best: list[tuple[float, DocInfo, dict[str, str]]] = []
    seen: set[str] = set()
    for w in rw:
        for target, tw in index.get(w, []):
            if target is d or target.doc_id in seen:
                continue
            seen.add(target.doc_id)
            score = jaccard(set(rw), set(tw))
            if score < _TITLE_JACCARD or (kind and kind != target.doc_type):
                continue
            if not not_after(target.date, d.date):
                continue
            best.append((score, target, tw))
    if not best:
        return []
    top = max(s for s, _, _ in best)
    out = []
    for score, target, tw in best:
        if score == top:
            answers = _answers(d, ref, target)
            shared = ", ".join(tw[w] for w in tw if w in rw)
            reason = f"{'answers' if answers else 'cites'} {ref}; title words: {shared}"
            out.append(DocLink(d.doc_id, target.doc_id, _kind(answers), reason, ref))
    return out


def info_from_structure(doc_id: str, st: dict[str, Any], lead: str = "") -> DocInfo:
    """A DocInfo from a stored structure artifact (the JSON of records.Structure)."""
    doc_type = st.get("doc_type") or "other"
    authors = [
        a["name"]
        for a in st.get("authors", [])
        if a.get("kind", "person") == "person"
        and not (doc_type in ANSWER_TYPES and (a.get("role") or "") in _ASKER_ROLES)
    ]
    return DocInfo(
        doc_id=doc_id,
        doc_type=doc_type,
        date=st.get("date"),
        title=st.get("title"),
        identifiers=[Identifier(i["scheme"], i["identifier"]) for i in st.get("identifiers", [])],
        references=list(st.get("references", [])),
        authors=authors,
        recipients=[r["name"] for r in st.get("recipients", [])],
        lead=lead,
    )


def doc_infos(rows: Iterable[tuple[str, dict[str, Any], str]]) -> list[DocInfo]:
    """A DocInfo per (doc id, structure artifact, opening text) row."""
    return [info_from_structure(doc_id, st, lead) for doc_id, st, lead in rows]
