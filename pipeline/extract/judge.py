"""Judging one sentence: do the rules and the trained scorer agree it commits, and to what?"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from pipeline.extract import commitment_model
from pipeline.extract.deadlines import core as deadlines
from pipeline.extract.status import (
    CONFIDENCE,
    PROPOSAL_DOCS,
    Cue,
    decide_status,
    excluded,
    find_cues,
    main_cue,
)
from pipeline.lang import postag
from pipeline.lexicon.background import LIST_AHEAD, PROMISE_MAKING
from pipeline.lexicon.decisions import DECIDED_TO_PROPOSE, DECISION_SECTION, NOT_DECISION_PASSIVE
from pipeline.records import Deadline

# A trained sentence scorer may be plugged in here: it gets the sentence, returns P(commitment).
SentenceScorer = Callable[[str], float]
_scorer: SentenceScorer | None = None
_PAST_ORDER = re.compile(r"(?:gav|gavs|fick|uppdrog|beslutade|beslöt)\b", re.I)
_UNDER_PROPOSAL = re.compile(r"\b(?:i\s+förslaget|förslaget\s+(?:ska|innebär|innehåller))\b", re.I)
_CONTENTLESS = re.compile(r"(?::|\bföljande\s*[.:]?)\s*$", re.I)
_PAST_DECISION = re.compile(r"\b(?:har\s+(?:\w+\s+)?beslutat|beslutade|beslöt)\b", re.I)

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


def deadline_of(sentence: str, ref: date | None) -> Deadline | None:
    """The deadline a sentence names, normalised against the document date."""
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
    d = deadline_of(sentence, ref)
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


_WORDS = re.compile(r"[\wåäöÅÄÖé-]+")
_PRETERITE_PASSIVE = re.compile(r"(?:des|tes|ades|ddes|ttes)$")


def _decided(sentence: str, section: str) -> list[Cue]:
    """Under a decision heading, a main verb in the present s-passive is the decision cue.

    "Kommunstyrelsens förslag till kommunfullmäktige / Stall byggs om och nytt ridhus
    byggs": council decisions are written this way, with no modal and no "beslutar".
    """
    if not section or len(section) > 80 or not DECISION_SECTION.search(section):
        return []  # a long "section" is a sentence taken for a heading, not a decision head
    tagger = postag.load()
    words = list(_WORDS.finditer(sentence))
    if tagger is None or not words:
        return []
    for m, tag in zip(words, tagger.tag([w.group(0) for w in words]), strict=True):
        if tag.startswith(("VERB.Fin", "AUX")):
            word = m.group(0).casefold()
            passive = word.endswith("s") and not _PRETERITE_PASSIVE.search(word)
            if not passive or word in NOT_DECISION_PASSIVE:
                return []  # the main clause's verb is no decision in the passive
            return [Cue("decision", "beslutas", m.start(), m.end())]
    return []


def judge(
    sentence: str, doc_type: str, section: str, ref: date | None
) -> tuple[Cue, str, float] | None:
    """The main cue, status and confidence of a sentence that commits, or None."""
    exclusion = excluded(sentence, doc_type)
    model = active_model()
    if exclusion and (model is None or model.rescue is None):
        return None
    cues = find_cues(sentence, doc_type) or _decided(sentence, section)
    if not cues:
        return _admitted(sentence, doc_type, section, exclusion, model)
    cue = main_cue(cues)
    p: float | None = None
    if model is not None:
        shape = sentence if model.uses_shape else ""
        rules = commitment_model.rule_terms(
            doc_type, section, cue.family, cue.label, exclusion, shape
        )
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
    if status in ("done", "in_progress") and PROMISE_MAKING.search(sentence):
        if not LIST_AHEAD.search(sentence):
            return None  # how the promise itself was drawn up is its procedure, not its work
        # "Följande löften har tagits fram: X ska genomföras": the item's own cue decides.
        rest = [c for c in cues if c.start >= cue.end]
        status = decide_status(rest, doc_type, section) if rest else "pledged"
    if status == "done" and _history(sentence, ref):
        return None  # what was done decades ago is the backdrop, not this period's work
    if cue.label == "börjar" and not _future(sentence, ref):
        return None
    past_order = _PAST_ORDER.match(sentence[cue.start : cue.end + 1])
    ordered = cue.family in ("assignment", "decision") and past_order
    # An assignment given earlier stays pledged: that it was given says nothing of whether
    # it was carried out (taking it as done, as before, cost cross-genre status accuracy
    # 0.864 -> 0.858). A body that decided only to propose a measure has proposed it.
    if ordered and status == "pledged" and DECIDED_TO_PROPOSE.search(sentence[cue.end :]):
        return "proposed"
    if status == "pledged" and doc_type not in PROPOSAL_DOCS and _UNDER_PROPOSAL.search(sentence):
        status = "proposed"  # the pledge is part of a proposal still to be decided
    return status


# The cue of a sentence the scorer admitted without one: the measure and the agent are then
# read from the whole sentence ("Minst tre trygghetsvandringar per år i centrum").
NO_CUE = Cue("none", "none", 0, 0)


def _admitted(
    sentence: str,
    doc_type: str,
    section: str,
    exclusion: str | None,
    model: commitment_model.LinearScorer | None,
) -> tuple[Cue, str, float] | None:
    """A sentence no cue matched, kept when the trained scorer is sure it commits.

    Promises written as noun phrases or imperatives (medborgarlöften, action lists) and
    reports in words the cue tables lack are found this way; the status is learned too.
    """
    if model is None or model.admit is None or exclusion:
        return None
    shape = sentence if model.uses_shape else ""
    rules = commitment_model.rule_terms(doc_type, section, None, None, None, shape)
    p = model.probability(sentence, rules)
    if p < model.admit:
        return None
    status = model.status.predict(sentence, rules) if model.status else "pledged"
    if doc_type in PROPOSAL_DOCS and status in ("in_progress", "done"):
        return None  # a proposer's account of past work is background
    return NO_CUE, status, p
