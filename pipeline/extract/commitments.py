"""Commitments: sentences that pledge, propose or report a measure, one record per measure."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from pipeline.extract import commitment_model
from pipeline.extract.deadlines import core as deadlines
from pipeline.extract.measure_phrase import measure_of
from pipeline.extract.proposal_scope import proposal_units
from pipeline.extract.responsible import responsible_of
from pipeline.extract.restatements import merge_restatements
from pipeline.extract.sentences import Unit, bullet_sentence, split_units
from pipeline.extract.status import (
    CONFIDENCE,
    PROPOSAL_DOCS,
    Cue,
    decide_status,
    excluded,
    find_cues,
    main_cue,
)
from pipeline.lang import lemmas
from pipeline.records import Actor, Commitment, Deadline, Structure
from pipeline.structure.doctype_rules import rule_doctype

# A trained sentence scorer may be plugged in here: it gets the sentence, returns P(commitment).
SentenceScorer = Callable[[str], float]
_scorer: SentenceScorer | None = None
_PAST_ORDER = re.compile(r"(?:gav|gavs|fick|uppdrog|beslutade|beslöt)\b", re.I)
_UNDER_PROPOSAL = re.compile(r"\b(?:i\s+förslaget|förslaget\s+(?:ska|innebär|innehåller))\b", re.I)
# A sentence that goes on about the measure just proposed, naming it by its kind: its "ska"
# is part of the proposal ("… ge nämnden i uppdrag att utreda X. Uppdraget ska
# återrapporteras …"), not a pledge of its own.
_FOLLOW_ON = re.compile(
    r"(?:Uppdraget|Uppdragen|Utredningen|Arbetet|Översynen|Förslaget|Åtgärden|Åtgärderna|"
    r"Satsningen|Planen|Handlingsplanen|Programmet|Utdelningen|Medlen|Beloppet|Detta|Dessa)"
    r"\s+(?:ska|skall)\b"
)
_CONTENTLESS = re.compile(r"(?::|\bföljande\s*[.:]?)\s*$", re.I)
_PAST_DECISION = re.compile(r"\b(?:har\s+(?:\w+\s+)?beslutat|beslutade|beslöt)\b", re.I)
_SUMMARY = re.compile(r"\b(?:sammanfattning|sammandrag|sammanfattat|ärendet\s+i\s+korthet)\b", re.I)


# The trained veto model: "default" loads models/commitment/model.joblib lazily.
_model: commitment_model.LinearScorer | str | None = "default"


def set_scorer(scorer: SentenceScorer | None) -> None:
    """Install (or remove) a learned sentence scorer that is blended into ``confidence``."""
    global _scorer
    _scorer = scorer


def set_model(model: commitment_model.LinearScorer | str | None = "default") -> None:
    """Use ``model`` as the veto classifier (None: rules alone; "default": the saved model)."""
    global _model
    _model = model


def active_model() -> commitment_model.LinearScorer | None:
    """The veto classifier in use, or None when extraction runs on rules alone."""
    if isinstance(_model, str):
        return commitment_model.load()
    return _model


def warm_up() -> None:
    """Load the trained classifier and the lemma dictionary once per worker process."""
    active_model()
    lemmas.lemma("nämnderna")  # simplemma reads its Swedish dictionary on first use


def effective_doc_type(text: str, structure: Structure) -> str:
    """The structure's doc type, or a rule reading of the text head when it says 'other'."""
    if structure.doc_type and structure.doc_type != "other":
        return structure.doc_type
    return rule_doctype(text) or "other"


def _section_title(unit: Unit, structure: Structure, last_heading: Unit | None) -> str:
    """The nearest heading above ``unit``: a sub-heading inside a section wins over it."""
    for s in structure.sections:
        if s.start <= unit.start < s.end:
            if last_heading is not None and last_heading.start > s.start:
                return last_heading.text
            return s.title
    return last_heading.text if last_heading is not None else ""


def _ref_date(structure: Structure) -> date | None:
    try:
        return date.fromisoformat(structure.date) if structure.date else None
    except ValueError:
        return None


def _deadline(sentence: str, ref: date | None) -> Deadline | None:
    pick: Any = getattr(deadlines, "pick_deadline", None)
    if pick is None:
        return None
    te = pick(sentence, ref)
    if te is None:
        return None
    start = te.interval_start.isoformat() if te.interval_start else None
    end = te.interval_end.isoformat() if te.interval_end else None
    return Deadline(te.text, start, end)


def _future(sentence: str, ref: date | None) -> bool:
    """Whether ``sentence`` names a due time after the document date (present-for-future)."""
    d = _deadline(sentence, ref)
    if ref is None or d is None:
        return False
    when = d.end or d.start
    return when is not None and when >= ref.isoformat()


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Work done over a decade before the document is its history, not a measure it follows up;
# answers do cite work from six or seven years back as done ("2010 … tecknade …").
HISTORY_YEARS = 10


def _history(sentence: str, ref: date | None) -> bool:
    """Whether every year ``sentence`` names lies well before the document date."""
    years = [int(y) for y in _YEAR.findall(sentence)]
    return ref is not None and bool(years) and max(years) < ref.year - HISTORY_YEARS


def _paragraph_text(units: list[Unit], index: int) -> str:
    return " ".join(u.text for u in units if u.paragraph == index and u.kind == "sentence")


def find_commitments(text: str, structure: Structure, actors: list[Actor]) -> list[Commitment]:
    """Every commitment in the normalised ``text``, one record per measure."""
    doc_type = effective_doc_type(text, structure)
    ref = _ref_date(structure)
    units = split_units(text)
    found: list[tuple[Commitment, bool]] = []
    last: tuple[int, str] | None = None  # paragraph and status of the previous sentence's find
    for unit, sentence, section in sentence_units(units, structure):
        summary = bool(_SUMMARY.search(section))
        made = _commitment(sentence, unit, doc_type, section, ref, actors, units)
        for c in made:
            follows = last == (unit.paragraph, "proposed") and _FOLLOW_ON.match(sentence)
            if follows and c.status == "pledged":
                c.status = "proposed"  # "Uppdraget ska återrapporteras …" goes with it
            found.append((c, summary))
        last = (unit.paragraph, made[-1].status) if made else None
    return merge_restatements(found)


def sentence_units(units: list[Unit], structure: Structure) -> list[tuple[Unit, str, str]]:
    """(unit, sentence, section title) for every unit that may hold a commitment."""
    out: list[tuple[Unit, str, str]] = []
    heading: Unit | None = None
    proposed = proposal_units(units)
    for i, unit in enumerate(units):
        if unit.kind == "heading":
            heading = unit
            continue
        if unit.kind == "leadin":
            continue
        sentence = bullet_sentence(unit)
        if len(sentence.split()) < 3:
            continue
        section = _section_title(unit, structure, heading)
        if i in proposed:
            # An item of an inline lead-in reads as if under a "Förslag till beslut" heading.
            section = "Förslag till beslut"
        out.append((unit, sentence, section))
    return out


def _judged(
    sentence: str, doc_type: str, section: str, ref: date | None
) -> tuple[Cue, str, float] | None:
    """The main cue, status and confidence of a sentence that commits, or None."""
    exclusion = excluded(sentence, doc_type)
    model = active_model()
    if exclusion and (model is None or model.rescue is None):
        return None
    cues = find_cues(sentence, doc_type)
    if not cues:
        return None
    cue = main_cue(cues)
    p: float | None = None
    if model is not None:
        rules = commitment_model.rule_terms(doc_type, section, cue.family, cue.label, exclusion)
        p = model.probability(sentence, rules)
        if exclusion and (model.rescue is None or p < model.rescue):
            return None  # an exclusion stands unless the classifier is confident it is wrong
    status = _status(sentence, cue, cues, doc_type, section, ref)
    if status is None:
        return None
    confidence = CONFIDENCE[cue.family]
    if model is not None and p is not None:
        if p < model.veto:
            return None  # the classifier vetoes a rule match that reads like background
        confidence = 0.5 * confidence + 0.5 * p
    if _scorer is not None:
        confidence = 0.5 * confidence + 0.5 * _scorer(sentence)
    return cue, status, confidence


def _status(
    sentence: str, cue: Cue, cues: list[Cue], doc_type: str, section: str, ref: date | None
) -> str | None:
    """The status the cues give, corrected for the genre and tense; None for background."""
    status = decide_status(cues, doc_type, section)
    if doc_type in PROPOSAL_DOCS and status in ("in_progress", "done"):
        return None  # a proposer's account of past work is background
    if cue.family not in ("done", "progress") and _CONTENTLESS.search(sentence):
        return None  # a lead-in whose list did not follow carries no measure
    if doc_type in PROPOSAL_DOCS and cue.family == "decision" and _PAST_DECISION.search(sentence):
        return None  # a decision a proposer cites is background
    if status == "done" and _history(sentence, ref):
        return None  # what was done decades ago is the backdrop, not this period's work
    if cue.label == "börjar" and not _future(sentence, ref):
        return None
    past_order = _PAST_ORDER.match(sentence[cue.start : cue.end + 1])
    ordered = cue.family in ("assignment", "decision") and past_order
    if status == "pledged" and ordered and _deadline(sentence, ref) is None:
        status = "done"  # an assignment given earlier, with nothing left due
    if status == "pledged" and doc_type not in PROPOSAL_DOCS and _UNDER_PROPOSAL.search(sentence):
        status = "proposed"  # the pledge is part of a proposal still to be decided
    return status


def _commitment(
    sentence: str,
    unit: Unit,
    doc_type: str,
    section: str,
    ref: date | None,
    actors: list[Actor],
    units: list[Unit],
) -> list[Commitment]:
    judged = _judged(sentence, doc_type, section, ref)
    if judged is None:
        return []
    cue, status, confidence = judged
    paragraph = _paragraph_text(units, unit.paragraph)
    measure = _with_topic(
        measure_of(sentence, cue, _antecedent(units, unit)) or sentence, paragraph
    )
    # Times of finished work say when it was done, never when it is due.
    deadline = None if status == "done" else _deadline(sentence, ref)
    return [
        Commitment(
            sentence=sentence,
            measure=measure,
            responsible=responsible_of(sentence, cue, actors, paragraph),
            deadline=deadline,
            status=status,
            char_start=unit.start,
            char_end=unit.end,
            cue=cue.label,
            confidence=round(confidence, 3),
        )
    ]


_TOPIC = re.compile(
    r"^(?:när|vad)\s+det\s+gäller\s+((?:[\wåäö-]+\s+){0,3}?[\wåäö-]+?)"
    r"(?=\s*,|\s+(?:pågår|är|har|finns|så|kommer|ska|bedriver|arbetar)\b)",
    re.I,
)


def _with_topic(measure: str, paragraph: str) -> str:
    """A bare noun measure gets the paragraph's topic: 'handlingsplan' -> '… för fältarbetet'.

    Council answers often open a paragraph with "När det gäller X" and then name measures
    without repeating X; the topic is what tells this plan from every other plan.
    """
    words = measure.split()
    if len(words) > 2 or (
        len(words) == 2 and words[0].casefold() not in ("en", "ett", "ny", "nya")
    ):
        return measure
    m = _TOPIC.match(paragraph)
    if not m or m.group(1).casefold() in measure.casefold():
        return measure
    return f"{words[-1]} för {m.group(1)}"


def _antecedent(units: list[Unit], unit: Unit) -> str:
    """The subject noun of the sentence before ``unit`` in its paragraph, for pronouns."""
    i = units.index(unit)
    if i == 0 or units[i - 1].paragraph != unit.paragraph or units[i - 1].kind != "sentence":
        return ""
    m = re.match(
        r"^(?:(?:den|det|de|en|ett)\s+)?(?:[\wåäö]+(?:a|e)\s+)?([\wåäö-]+)", units[i - 1].text, re.I
    )
    return m.group(1) if m else ""
