"""The six built-in stages, each a thin registered wrapper over its module's pure function.

Each wrapper imports its module when it first runs, not when the registry is filled: a
command pays only for the stages it runs (``lofte text --raw`` never loads spaCy, the
commitment model or networkx).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pipeline.records import Document, Extraction, Options
from pipeline.run.stages import register


def _need(doc: Document, field: str) -> None:
    if getattr(doc, field) is None:
        raise RuntimeError(f"{doc.doc_id}: stage input {field!r} missing")


# 3: unsure OCR words get a second look (pipeline/ingest/reread.py), so scanned pages read anew.
@register("ingest", version="3", fills="ingested")
def ingest_stage(doc: Document, opts: Options) -> Document:
    """Read the source file into pages of raw text."""
    from pipeline.ingest import reader

    return dataclasses.replace(doc, ingested=reader.ingest_file(Path(doc.source), opts))


@register("normalise", version="2", fills="normalised")
def normalise_stage(doc: Document, opts: Options) -> Document:
    """Clean the raw text, keeping a map back to raw offsets."""
    from pipeline.normalise import core as normalise

    _need(doc, "ingested")
    assert doc.ingested is not None
    return dataclasses.replace(doc, normalised=normalise.normalise(doc.ingested))


# 10: a numbered agenda item naming a report ("i samband med Årsredovisning 2021") does not
#     make a meeting page a follow-up.
# 9: a title ending on a preposition goes on after one blank line ("… gångvägar i" / "Vingåkers
#    kommun").
# 8: that name leaves out a date or type the title already gives ("Beslut i kommunstyrelsen
#    2024-06-12 (Protokoll)", not "… (Protokoll, 12 juni 2024)").
# 7: the name stored beside a printed title gives the document's type and date with it
#    ("Bristande samhandling … (Tjänsteutlåtande, 25 januari 2024)", structure/names.py).
# 6: a meeting page that opens on a numbered agenda has no title in its items' headings.
# 5, 4: a meeting's standing items, a cookie banner, a remark or a timestamp is no title.
# 3: titles inside flattened heads (pipeline/structure/inline_title.py).
@register("structure", version="10", fills="structure")
def structure_stage(doc: Document, opts: Options) -> Document:
    """Find document type, date, identifiers, authors and references."""
    from pipeline.structure import core as structure

    _need(doc, "normalised")
    assert doc.normalised is not None
    return dataclasses.replace(doc, structure=structure.analyse(doc.normalised.text))


# 24: a claim that something matters now ("är avgörande för …") is no commitment.
# 23: a report of work done gives each passive clause its own measure and doer ("X har
#     genomförts av A, Y har genomförts av B och Z har upprättats" -> three records).
# 22: reporting back ends a task's object ("genomlysa X och återkomma med förslag" -> X).
# 21: a task and its report in one document ("uppdrag att genomlysa nämndens ekonomi",
#     "genomlysningen av nämndens ekonomi") fold into one record at the later status.
# 20: a passive subject is not responsible for itself ("Skolsociala team har utvecklats"), and a
#     firm's name keeps its "&" ("av Starck & Partner", was "Starck").
# 19: a pronoun's definite antecedent ("Den ska nu följas upp" -> the handbook) is kept over
#     the ranker's spans; status participles ("genomförda") come off a measure's start, and a
#     predicate adjective ("viktig för medarbetarna") names no measure.
# 18: a sentence opening on a body's genitive ("Socialtjänstens närvaro ska utökas") gives that
#     body the measure.
# 17: a measure named by one long compound ("verksamhetsanpassningar görs") and restated with
#     more words in one document is one record; light verbs (görs, sker) tell no measure apart.
# 16: a responsible named only by its kind ("Skolan") is the body of that kind the text names
#     most (lexicon/data/anaphoric_bodies.tsv).
# 15: an actor a sentence leaves out ("Förskolan omfattas inte") is not the paragraph's actor.
# 14: the paragraph's actor is not the doer of a measure about it ("mellan ... och förskolan").
# 13: an assignment given earlier stays pledged; a decision only to propose is proposed.
# 12: the body given a task in the passive ("kommunstyrelsen ges i uppdrag") is responsible.
# 11: a neighbouring municipality's measure ("grannkommunen") is no commitment.
# 10: a flattened agenda ends each item on its diarienummer.
# 9: a bare body ("Örebro kommun") names no measure.
# 8: a measure is named by the best-ranked span that can name one (lexicon/data/measure_names.tsv).
# 7: dates of a skrivelse, meeting, decision or balance day are no deadlines; posts changing hands
#    ("tillträder") are no commitments (lexicon/data/time_roles.tsv, not_commitments.tsv).
# 6: street, quay, park and centre names are places; genitive sub-bodies are one body.
# 5: roles printed after names (", nämndsekreterare"); agenda words are no surnames.
# 4: proposal lead-ins and follow-on sentences; more procedure, norm and history exclusions.
@register("extract", version="24", fills="extraction")
def extract_stage(doc: Document, opts: Options) -> Document:
    """Find actors and commitments, and place each commitment on its page."""
    from pipeline.extract import actors, commitments
    from pipeline.normalise.textmap import page_of, to_raw

    _need(doc, "structure")
    assert doc.normalised is not None and doc.structure is not None
    text = doc.normalised.text
    found_actors = actors.find_actors(text, doc.structure)
    found = commitments.find_commitments(text, doc.structure, found_actors)
    if doc.ingested is not None:
        raw = doc.ingested.raw_text
        for c in found:
            c.page = page_of(raw, to_raw(doc.normalised.segments, c.char_start))
    return dataclasses.replace(doc, extraction=Extraction(found_actors, found))


@register("link", version="1", fills="links")
def link_stage(doc: Document, opts: Options) -> Document:
    """Key each commitment's measure so statements across documents can be joined."""
    from pipeline.link import keys as linking

    _need(doc, "extraction")
    assert doc.extraction is not None
    return dataclasses.replace(doc, links=linking.measure_keys(doc.extraction.commitments))


@register("graph", version="1", fills="graph")
def graph_stage(doc: Document, opts: Options) -> Document:
    """This document's nodes and edges; the corpus graph is the union of these."""
    from pipeline.graph import fragments

    _need(doc, "links")
    return dataclasses.replace(doc, graph=fragments.document_fragment(doc))
