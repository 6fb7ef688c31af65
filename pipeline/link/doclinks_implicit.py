"""Implicit answers: an interpellationssvar and its interpellation, and answers to one question."""

from __future__ import annotations

from collections import defaultdict

from pipeline.lang.slugs import fold
from pipeline.link.doclinks_base import (
    ANSWER_MARK,
    ANSWER_TYPES,
    NUMBERED,
    DocInfo,
    DocLink,
    asked_by,
    jaccard,
    lead_words,
    name_tokens,
    not_after,
    persons,
    refs,
    title_words,
    words,
)

_MIN_SHARED_WORDS = 3
_SAME_QUESTION_JACCARD = 0.5
_INTERPELLATION_DAYS = 365
_QUESTION_DAYS = 730


def interpellation_answers(docs: list[DocInfo]) -> list[DocLink]:
    """An interpellationssvar signed by P answers the most similar interpellation to P."""
    to_person: dict[str, list[DocInfo]] = defaultdict(list)
    for q in docs:
        if q.doc_type == "interpellation":
            for r in {fold(x) for x in q.recipients}:
                to_person[r].append(q)
    pairs: list[tuple[float, str, DocInfo, DocInfo, str, list[str]]] = []
    for a in docs:
        if a.doc_type != "interpellationssvar":
            continue
        aw = lead_words(a)
        for signer in a.authors:
            for q in to_person.get(fold(signer), []):
                if q is a or not not_after(q.date, a.date, _INTERPELLATION_DAYS):
                    continue
                qw = lead_words(q)
                shared = [qw[w] for w in qw if w in aw]
                if len(shared) >= _MIN_SHARED_WORDS:
                    pairs.append((jaccard(set(aw), set(qw)), a.doc_id, a, q, signer, shared))
    # one answer per interpellation and vice versa, best matches first
    pairs.sort(key=lambda p: (-p[0], p[1], p[3].doc_id))
    used: set[str] = set()
    out = []
    for _, _, a, q, to, shared in pairs:
        if a.doc_id in used or q.doc_id in used:
            continue
        used |= {a.doc_id, q.doc_id}
        reason = f"answers interpellation to {to}; shared words: {', '.join(shared[:8])}"
        out.append(DocLink(a.doc_id, q.doc_id, "responds_to", reason))
    return out


def same_question(docs: list[DocInfo]) -> list[DocLink]:
    """A tjänsteutlåtande/yttrande answering "skrivelse från X" also answers X's question."""
    by_author: dict[str, list[DocInfo]] = defaultdict(list)
    for q in docs:
        for n in {fold(x) for x in q.authors}:
            by_author[n].append(q)
    out = []
    for a in docs:
        if a.doc_type not in ("tjansteutlatande", "yttrande"):
            continue
        for phrase in refs(a):
            asked = asked_by(phrase)
            if asked is None:
                continue
            kind, names = asked
            numbers = set(NUMBERED.findall(phrase))
            topics = [t for t in (a.title, phrase) if t]
            candidates = {q.doc_id: q for n in names for q in by_author.get(fold(n), [])}
            for q in candidates.values():
                out.extend(_question_link(a, q, kind, names, numbers, topics, phrase))
    return out


def _question_link(
    a: DocInfo,
    q: DocInfo,
    kind: str,
    names: list[str],
    numbers: set[str],
    topics: list[str],
    phrase: str,
) -> list[DocLink]:
    if q is a or q.doc_type in ANSWER_TYPES:
        return []
    by = [n for n in names if fold(n) in {fold(x) for x in q.authors}]
    if not by or not not_after(q.date, a.date, _QUESTION_DAYS):
        return []
    # a printed number names one document: another number or none means another question
    if numbers and not numbers & {i.identifier for i in q.identifiers}:
        return []
    qw = title_words(q)
    drop = name_tokens(names + a.authors)
    best, shared = 0.0, []
    for t in topics:
        tw = words(ANSWER_MARK.split(t)[-1], drop | name_tokens(persons(t)))
        score = jaccard(set(tw), set(qw))
        if score > best:
            best, shared = score, [qw[w] for w in qw if w in tw]
    if best < _SAME_QUESTION_JACCARD:
        return []
    reason = (
        f"answers {kind} from {by[0]}; {q.doc_type} by the same author on the same question; "
        f"title words: {', '.join(shared)}"
    )
    return [DocLink(a.doc_id, q.doc_id, "responds_to", reason, phrase)]
