"""Commitments: sentences that pledge, propose or report a measure, one record per measure."""

from __future__ import annotations

import re
from datetime import date

from pipeline.extract import antecedents, measure_span
from pipeline.extract.coordination import clause_cues, clause_end
from pipeline.extract.judge import active_model, deadline_of, judge

# The scorer switches live in judge; they are re-exported here, where callers look for them.
from pipeline.extract.judge import set_model as set_model
from pipeline.extract.judge import set_scorer as set_scorer
from pipeline.extract.measure_phrase import measure_of, with_subject, with_topic
from pipeline.extract.proposal_scope import proposal_units
from pipeline.extract.responsible import names_itself, responsible_of
from pipeline.extract.restatements import merge_restatements
from pipeline.extract.sentences import Unit, bullet_sentence, split_units
from pipeline.extract.status import CONFIDENCE, Cue, decide_status, excluded
from pipeline.lang import lemmas
from pipeline.lang.calendar import MONTHS
from pipeline.lexicon import genres
from pipeline.lexicon.cues import PROPOSAL_DOCS
from pipeline.lexicon.decisions import (
    DECIDED_LEADIN,
    FUNDED_ITEM,
    LISTED_MEASURES,
    PROPOSED_LEADIN,
)
from pipeline.records import Actor, Commitment, Structure
from pipeline.structure.doctype_rules import rule_doctype

# A sentence that goes on about the measure just proposed, naming it by its kind: its "ska"
# is part of the proposal ("… ge nämnden i uppdrag att utreda X. Uppdraget ska
# återrapporteras …"), not a pledge of its own.
_FOLLOW_ON = re.compile(
    r"(?:Uppdraget|Uppdragen|Utredningen|Arbetet|Översynen|Förslaget|Åtgärden|Åtgärderna|"
    r"Satsningen|Planen|Handlingsplanen|Programmet|Utdelningen|Medlen|Beloppet|Detta|Dessa)"
    r"\s+(?:ska|skall)\b"
)
# "… beslutar följande: 1." — a lead-in whose first item was cut off names no measure.
_BARE_LEADIN = re.compile(r":\s*(?:\d{1,2}|[a-z])[.)]\s*$")
_SUMMARY = re.compile(r"\b(?:sammanfattning|sammandrag|sammanfattat|ärendet\s+i\s+korthet)\b", re.I)


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


class _Units:
    """A document's units with each paragraph's text and each unit's place, found once.

    Looking either up per commitment made extraction quadratic in the units of a paragraph.
    """

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        texts: dict[int, list[str]] = {}
        for u in units:
            if u.kind == "sentence":
                texts.setdefault(u.paragraph, []).append(u.text)
        self.paragraphs = {k: " ".join(v) for k, v in texts.items()}
        self.place = {id(u): i for i, u in enumerate(units)}

    def paragraph(self, index: int) -> str:
        """The running sentences of paragraph ``index``, joined."""
        return self.paragraphs.get(index, "")

    def before(self, unit: Unit) -> Unit | None:
        """The unit just before ``unit``, if any."""
        i = self.place[id(unit)]
        return self.units[i - 1] if i else None


def find_commitments(text: str, structure: Structure, actors: list[Actor]) -> list[Commitment]:
    """Every commitment in the normalised ``text``, one record per measure."""
    doc_type = effective_doc_type(text, structure)
    ref = _ref_date(structure)
    units = split_units(text)
    indexed = _Units(units)
    found: list[tuple[Commitment, bool]] = []
    last: tuple[int, str] | None = None  # paragraph and status of the previous sentence's find
    for unit, sentence, section in sentence_units(units, structure):
        summary = bool(_SUMMARY.search(section))
        made = _commitment(sentence, unit, doc_type, section, ref, actors, indexed)
        for c in made:
            follows = last == (unit.paragraph, "proposed") and _FOLLOW_ON.match(sentence)
            if follows and c.status == "pledged":
                c.status = "proposed"  # "Uppdraget ska återrapporteras …" goes with it
            found.append((c, summary))
        last = (unit.paragraph, made[-1].status) if made else None
    merged = merge_restatements(found)
    antecedents.resolve(merged, text)
    if genres.has(doc_type, "issuer_acts"):
        _issuer_acts(merged, actors)
    return merged


def _issuer_acts(found: list[Commitment], actors: list[Actor]) -> None:
    """Give the publisher's pledges with no named doer to the first body the text names."""
    issuer = next((a.name for a in actors if a.kind == "organisation"), None)
    for c in found:
        if c.responsible is None and c.status in ("pledged", "in_progress", "done"):
            c.responsible = issuer


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


def _commitment(
    sentence: str,
    unit: Unit,
    doc_type: str,
    section: str,
    ref: date | None,
    actors: list[Actor],
    units: _Units,
) -> list[Commitment]:
    if _BARE_LEADIN.search(sentence):
        return []
    judged = (
        judge(sentence, doc_type, section, ref)
        or _listed(unit, doc_type, section)
        or _funded(unit, doc_type, section)
    )
    if judged is None:
        return []
    cue, status, confidence = judged
    paragraph = units.paragraph(unit.paragraph)
    responsible = responsible_of(sentence, cue, actors, paragraph, unit.leadin)
    clauses = clause_cues(sentence, cue)
    out = []
    for k, clause in enumerate(clauses):
        # Each coordinated clause is a measure of its own, read up to the next one.
        upto = sentence[: clause_end(sentence, clauses, k)]
        own = upto if k == 0 else sentence[: cue.start] + upto[clause.start :]
        who = responsible
        if clause.opens >= 0:  # a clause with its own subject and doer, read on its own
            upto = own = upto[clause.opens :]
            clause = Cue(
                cue.family, cue.label, clause.start - clause.opens, clause.end - clause.opens
            )
            who = responsible_of(upto, clause, actors, paragraph, unit.leadin)
        elif k:  # a later att-clause is read on its own, its "samt att" as its cue
            upto = upto[clause.start :]
            clause = Cue(cue.family, cue.label, 0, clause.end - clause.start)
        elif len(clauses) > 1 and clauses[1].opens >= 0:
            who = responsible_of(upto, clause, actors, paragraph, unit.leadin)
        measure = with_topic(_measure(upto, clause, unit, units) or sentence, paragraph)
        # Times of finished work say when it was done, never when it is due.
        deadline = None if status == "done" else deadline_of(own, ref)
        out.append(
            Commitment(
                sentence=sentence,
                measure=measure,
                responsible=None if names_itself(who, measure, sentence) else who,
                deadline=deadline,
                status=status,
                char_start=unit.start,
                char_end=unit.end,
                cue=cue.label,
                confidence=round(confidence, 3),
            )
        )
    return out


def _listed(unit: Unit, doc_type: str, section: str) -> tuple[Cue, str, float] | None:
    """An item of a list whose lead-in names its items as measures, with no cue of its own.

    "Det krävs snabba åtgärder såsom: Väktare på de allmänna platserna": the lead-in says
    what the items are; the status is the one a pledge gets in this genre and section.
    """
    if unit.kind != "bullet" or not unit.leadin or not LISTED_MEASURES.search(unit.leadin):
        return None
    if excluded(bullet_sentence(unit), doc_type):
        return None
    content = [w for w in re.findall(r"[^\W\d]+", unit.text) if w.casefold() not in MONTHS]
    if len(content) < 2:
        return None  # a date or a one-word topic ("Nedskräpning") is no measure
    cue = Cue("future", "listad åtgärd", 0, len(unit.leadin))
    status = "proposed" if _offered(unit) else decide_status([cue], doc_type, section)
    return cue, status, CONFIDENCE["demand"]


def _offered(unit: Unit) -> bool:
    """Whether the unit's lead-in offers its items as a proposal or demand, not a decision."""
    lead = unit.leadin or ""
    return bool(PROPOSED_LEADIN.search(lead)) and not DECIDED_LEADIN.search(lead)


def _funded(unit: Unit, doc_type: str, section: str) -> tuple[Cue, str, float] | None:
    """A list item or line that names a measure and the sum it gets, with no cue."""
    if unit.kind not in ("bullet", "sentence") or not FUNDED_ITEM.search(unit.text):
        return None
    if excluded(unit.text, doc_type):
        return None
    cue = Cue("future", "finansierad åtgärd", 0, 0)
    status = "done" if genres.has(doc_type, "narrates_done") else "pledged"
    if doc_type in PROPOSAL_DOCS or "förslag" in section.casefold() or _offered(unit):
        status = "proposed"
    return cue, status, CONFIDENCE["demand"]


def _measure(sentence: str, cue: Cue, unit: Unit, units: _Units) -> str:
    """The measure span the trained ranker prefers, among the rules' reading and the spans."""
    antecedent = _antecedent(units, unit)
    rule = measure_of(sentence, cue, antecedent)
    ranker = measure_span.active_ranker()
    # A pronoun's stand-in comes from the sentence before, which the ranker's spans cannot
    # reach: "Den ska nu följas upp" names the handbook, not what the revision will include.
    if ranker is None or (
        _definite_noun(antecedent) and antecedent in rule and antecedent not in sentence
    ):
        return rule
    item = len(unit.leadin) + 1 if unit.leadin else 0
    due = deadline_of(sentence, None)
    chosen = ranker.choose(
        sentence, cue.start, cue.end, cue.family, rule, item, due.text if due else ""
    )
    return with_subject(chosen, sentence)


def _definite_noun(word: str) -> bool:
    """Whether ``word`` reads as a definite noun ("handboken"), the kind a pronoun points to."""
    return bool(re.fullmatch(r"[a-zåäö-]{3,}(?:en|et|na)", word.casefold()))


def _antecedent(units: _Units, unit: Unit) -> str:
    """The subject noun of the sentence before ``unit`` in its paragraph, for pronouns."""
    prev = units.before(unit)
    if prev is None or prev.paragraph != unit.paragraph or prev.kind != "sentence":
        return ""
    m = re.match(
        r"^(?:(?:den|det|de|en|ett)\s+)?(?:[\wåäö]+(?:a|e)\s+)?([\wåäö-]+)", prev.text, re.I
    )
    return m.group(1) if m else ""
