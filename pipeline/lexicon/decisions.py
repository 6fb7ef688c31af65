"""Lexicon of decision forms: headings over a decision, s-forms that decide nothing, lists of measures."""

from __future__ import annotations

import re

from pipeline.lang.rx import guarded
from pipeline.lexicon.cues import wordset

_I = re.IGNORECASE

# A heading over the decision a body takes or is asked to take: there a sentence whose
# verb is a present s-passive is the decision itself ("Taxan höjs med 8 procent").
DECISION_SECTION = guarded(
    r"\bförslag\s+till\s+(?:beslut|kommunfullmäktige|kommunstyrelsen|regionfullmäktige|"
    r"\w*nämnden)\b|\bbeslutsförslag\b|^\s*beslut\s*$|\bbeslut\s+i\s+korthet\b",
    _I,
)
# What a body decided to do is only to propose ("Styrelsen beslutade att vid stämman föreslå
# beslut om utökad borgensram"): the measure is then proposed, not done.
DECIDED_TO_PROPOSE = guarded(r"^\W*(?:\w+\W+){0,8}?(?:föreslå|föreslås)\b", _I)
# s-forms that are deponent or state verbs, never the passive of a decision.
NOT_DECISION_PASSIVE = wordset(
    """
    finns fanns behövs syns hörs känns lyckas hoppas minns trivs fattas saknas kallas
    ses anses förefaller verkas tycks visas märks upplevs nås
    överlämnas redovisas hänvisas framförs förutsätts noteras anmäls bordläggs återremitteras
    föredras behandlas informeras delges justeras sägs framgår bedöms beräknas uppskattas
    motsvaras påverkas omfattas
    """
)

# A list's lead-in that names what follows as measures ("Det krävs snabba åtgärder
# såsom:", "Satsningar som påbörjas 2017:"): its items are the measures, cue or not.
LISTED_MEASURES = guarded(
    r"\b(?:åtgärd(?:er|erna)|insats(?:er|erna)|satsning(?:ar|arna)|aktivitet(?:er|erna)|"
    r"förslag(?:en|et)?|löften(?:a)?|löftet|uppdrag(?:en)?)\b",
    _I,
)

# A lead-in that offers its items as a proposal or a demand, not a decision ("Så här ser
# förslaget ut i korthet:", "Det krävs snabba åtgärder såsom:"): the items are proposed.
PROPOSED_LEADIN = guarded(
    r"\bförslag(?:en|et)?\b|\bföreslår\b|\bvill\s+(?:vi|partiet)\b|\b(?:krävs|behövs)\b",
    _I,
)
# ... unless the lead-in reports the decision on it ("Nämnden beslutade enligt förslaget:").
DECIDED_LEADIN = guarded(r"\bbeslut(?:ar|ade|at)\b|\bbeslöt\b|\bfastställ\w*", _I)

# A funded item: the measure and its sum, as allocation lists and budget releases print
# them ("Mobila mötesplatser - 110 000 kr", "4 miljoner kronor till förstärkt krisberedskap").
_SUM = r"\d[\d\s.,]*\s*(?:kr|kronor|tkr|mkr|miljoner|miljarder|mnkr)(?:\s+kronor)?"
FUNDED_ITEM = guarded(
    rf"^(?:[^\d\W][^:]{{3,}}?)(?:\s+[-–—]\s+|\s*:\s*)(?:ca\s+|cirka\s+)?{_SUM}\.?$"
    rf"|^(?:ca\s+|cirka\s+|drygt\s+|närmare\s+)?{_SUM}\s+(?:till|för|i)\s+\S",
    _I,
)
