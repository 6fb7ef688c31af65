"""Which sentence units stand under a proposal's lead-in ("X föreslår att KF beslutar följande")."""

from __future__ import annotations

import re

from pipeline.extract.sentences import Unit

# A lead-in that hands the following items to a proposal: the proposing verb, then the
# unit ends on what is to be decided ("… beslutar följande.", "… yrkade vi följande:",
# "… med följande tillägg"). The items after it are what is proposed, however firmly each
# is worded ("Utdelningen ska användas …", "Fullmäktige uppdrar åt …").
_LEAD = re.compile(
    r"\b(?:föreslår|föreslog|föreslås|yrkar|yrkade|yrkande[nt]?|hemställer|hemställde)\b"
    r"[^.;]{0,160}?(?:\bbesluta[r]?(?:\s+(?:enligt\s+)?följande)?|\bföljande(?:\s+tillägg)?)"
    r"\s*[.:]?\s*$",
    re.IGNORECASE,
)
# A heading that opens or goes on with a proposal ("Bifall till beslutsförslaget med
# följande tillägg", "Förslag till beslut", "Yrkande").
_PROPOSAL_HEADING = re.compile(
    r"förslag\s+till\s+beslut|beslutsförslag|\byrkande|med\s+följande\s+tillägg|hemställan",
    re.IGNORECASE,
)
# What a body itself decides ends the proposal: its decision is no longer a proposal.
_DECISION = re.compile(
    r"^(?:\S+\s+){0,4}?(?:beslutar|beslutade|beslöt)\b|^(?:\S+s\s+)?beslut\s*:?$",
    re.IGNORECASE,
)
# An item marker left as a unit of its own ("6.", "2 SID 2 (151) 6.", "b)"), with which a
# numbered list goes on in a new paragraph or on a new page.
_ITEM_MARK = re.compile(r"(?:^|\s)(?:\d{1,2}|[a-h])[.)]$")


def proposal_units(units: list[Unit]) -> set[int]:
    """Indexes of the units in ``units`` that are items of a proposal's lead-in."""
    inside: set[int] = set()
    active = False
    paragraph = -1
    for i, unit in enumerate(units):
        text = unit.text.strip()
        if unit.kind == "heading":
            active, paragraph = bool(_PROPOSAL_HEADING.search(text)), unit.paragraph
            continue
        if _LEAD.search(text):
            active, paragraph = True, unit.paragraph
            continue
        if _DECISION.search(text):
            active = False
        if active and unit.paragraph != paragraph:
            # A new paragraph goes on with the list only as another item.
            if unit.kind in ("bullet", "leadin") or _ITEM_MARK.search(text):
                paragraph = unit.paragraph
            else:
                active = False
        if active:
            inside.add(i)
    return inside
