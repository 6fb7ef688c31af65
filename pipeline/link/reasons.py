"""Why a statement joined its measure: the linker's reason line, and the same in a reader's words."""

from __future__ import annotations

import re
from typing import Any

from pipeline.lexicon.wording import word

ONLY = "only statement"
FIRST = "first statement"
THROUGH = "joined through the measure's other statements (an earlier one came later)"
_JOINED = re.compile(
    r"joined with (?P<cid>\S+) \(score (?P<score>[\d.]+): measure phrase (?P<sm>[\d.]+), "
    r"context (?P<sc>[\d.]+); shared words: (?P<words>[^;]*);"
)
_PLAIN = {ONLY: "reason.only", FIRST: "reason.first", THROUGH: "reason.through"}


def joined(a: Any, b: Any, score: float, sm: float, sc: float, shared: set[str]) -> str:
    """The reason line stored when statement ``b`` joins the measure of statement ``a``."""
    words = ", ".join(sorted(shared)[:6]) or "-"
    when = f"{a['doc_date'] or '?'} → {b['doc_date'] or '?'}"
    return (
        f"joined with {a['id']} (score {score:.2f}: measure phrase {sm:.2f}, "
        f"context {sc:.2f}; shared words: {words}; no place, body or time conflict; {when})"
    )


def _num(x: str, lang: str) -> str:
    # Swedish writes a decimal comma.
    return x.replace(".", ",") if lang == "sv" else x


def reason_parts(reason: str, lang: str = "sv") -> dict[str, str]:
    """A stored reason as text, the commitment it names (an id, or '') and the text after it.

    A page links the commitment; the command line prints its id. An unknown line is shown
    as it is, so a reason written by another version of the linker is never lost.
    """
    reason = reason.strip()
    m = _JOINED.match(reason)
    if m:
        n = {k: _num(m.group(k), lang) for k in ("score", "sm", "sc")}
        return {
            "text": word("reason.joined", lang),
            "commitment": m.group("cid"),
            "after": " " + word("reason.joined_after", lang, words=m.group("words"), **n),
        }
    key = _PLAIN.get(reason)
    if key:
        return {"text": word(key, lang), "commitment": "", "after": ""}
    return {"text": reason, "commitment": "", "after": ""}


def reason_line(reason: str, lang: str) -> str:
    """A stored reason as one line of text, the commitment named by its id."""
    p = reason_parts(reason, lang)
    return " ".join(x for x in (p["text"], p["commitment"]) if x) + p["after"]
