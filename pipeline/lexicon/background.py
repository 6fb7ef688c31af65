"""Lexicon of background: how a promise or plan itself came about, which is no measure done."""

from __future__ import annotations

import re

from pipeline.lang.rx import guarded

_I = re.IGNORECASE

# The document that promises, and the groundwork it rests on: a medborgarlöfte or plan
# "has been drawn up in dialogue with residents", "the dialogue was held in September".
# That is the case's own procedure, like a remiss or a justering, not work carried out.
# A plan is left out: "Handlingsplanen har tagits fram" is often the very measure promised.
_PROMISE = r"(?:medborgarlöfte\w*|löfte(?:t|na|n)?|lägesbild\w*|samverkansöverenskommelse\w*)"
_GROUNDWORK = (
    r"(?:medborgardialog\w*|medarbetardialog\w*|trygghetsdialog\w*|dialogmöte\w*|"
    r"trygghetsundersökning\w*|trygghetsmätning\w*|trygghetsenkät\w*|webbenkät\w*|enkät\w*)"
)
_MADE = r"(?:tagits\s+fram|tagit\s+fram|togs\s+fram|arbetats\s+fram|förlängts|grundar\s+sig)"
PROMISE_MAKING = guarded(
    rf"\b{_PROMISE}\b[^.]{{0,60}}\b{_MADE}\b"
    rf"|\b{_MADE}\b[^.]{{0,40}}\b(?:detta|ett|det|en|de|dessa)\s+(?:gemensam\w*\s+)?{_PROMISE}\b"
    rf"|\b{_GROUNDWORK}\b",
    _I,
)
# ... unless it heads the list of what was promised ("följande medborgarlöften har tagits
# fram: …"): then each item is a pledge.
LIST_AHEAD = guarded(r"\bföljande\b", _I)
