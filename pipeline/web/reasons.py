"""Why a measure has its status, in plain Swedish, with the statement the status rests on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.web.labels import FLAG_LABELS, STATUS_LABELS, doc_type_label, status_key, swedish_date


@dataclass
class Reason:
    """A status's reason: one sentence, and the statement quoted for it (if any)."""

    text: str
    statement: Any = None


# "i ett protokoll": the indefinite form each document type takes after "i".
_ARTICLE = {"motion": "en", "interpellation": "en", "skrivelse": "en", "uppfoljning": "en"}


def _said(s: Any) -> str:
    """ "ett protokoll den 3 mars 2024": which kind of document said it, and when."""
    if s.doc_type and s.doc_type != "other":
        kind = f"{_ARTICLE.get(s.doc_type, 'ett')} {doc_type_label(s.doc_type).lower()}"
    else:
        kind = "ett dokument"
    when = f" den {swedish_date(s.doc_date)}" if s.doc_date else " utan datum"
    return f"{kind}{when}"


def _latest(statements: list[Any], status: str | None = None) -> Any:
    """The latest statement (with ``status``, if given); undated ones count as earliest."""
    chosen = [s for s in statements if status is None or s.status == status]
    return max(chosen, key=lambda s: s.doc_date or "", default=None)


def status_reason(view: Any) -> Reason:
    """The reason a reader can check for the badge ``view`` shows, and its evidence."""
    key = status_key(view)
    label = STATUS_LABELS[key]
    statements = list(getattr(view, "statements", []) or [])
    if key == "overdue":
        dated = [s for s in statements if s.deadline_end == view.due] or statements
        s = _latest(dated)
        text = (
            f"{label}: sista datum var {swedish_date(view.due)}, och inget senare "
            "dokument säger att åtgärden är genomförd eller avbruten."
        )
        return Reason(text + (f" Tidsgränsen kommer från {_said(s)}:" if s else ""), s)
    s = _latest(statements, view.status) or _latest(statements)
    if s is None:
        return Reason(f"{label}: inga uttalanden finns sparade om åtgärden.")
    texts = {
        "proposed": "åtgärden har föreslagits men inget beslut eller löfte har setts; senast i",
        "pledged": "åtgärden har utlovats och inget senare dokument säger hur det har gått; i",
        "in_progress": "det senaste uttalandet säger att arbetet pågår; i",
        "done": "ett uttalande säger att åtgärden är genomförd; i",
        "cancelled": "ett uttalande säger att åtgärden har avbrutits eller inte blir av; i",
    }
    lead = texts.get(key, "så säger det senaste uttalandet; i")
    text = f"{label}: {lead} {_said(s)}:"
    if view.due and key in ("proposed", "pledged", "in_progress"):
        text = text[:-1] + f", med sista datum {swedish_date(view.due)}:"
    return Reason(text, s)


def flag_reasons(view: Any) -> list[str]:
    """Plain-Swedish reasons for the flags beside the badge: not assessed, stalled, motion."""
    out = []
    if getattr(view, "assessment", None) == "not_assessed" and status_key(view) != "not_assessed":
        n = len(getattr(view, "statements", []) or [])
        out.append(
            f"{FLAG_LABELS['not_assessed']}: bara "
            + ("det första uttalandet" if n <= 1 else f"{n} uttalanden från samma tillfälle")
            + " finns, så det går inte att se hur det har gått."
        )
    if getattr(view, "assessment", None) == "stalled":
        out.append(
            f"{FLAG_LABELS['stalled']}: en uppföljning säger att inget har hänt (påbörjats, avvaktar)."
        )
    if getattr(view, "quiet_since", None):
        out.append(
            f"{FLAG_LABELS['quiet']} {swedish_date(view.quiet_since)}: då sades arbetet pågå, "
            "och inget senare dokument säger hur det har gått."
        )
    if getattr(view, "motion_flag", False):
        out.append("Motionen har inte besvarats inom ett år (kommunallagen 5 kap. 35 §).")
    return out


def coverage_reason(view: Any, latest: dict[str, str]) -> str | None:
    """What the collection holds after a measure's last statement, for a status no one followed.

    "Inget senare dokument" reads as "nothing happened" unless the reader knows how far the
    collection reaches: a promise from 2023 in a collection that ends in 2023 may well have
    been kept. ``latest`` maps a municipality to its newest stored document's date.
    """
    if status_key(view) in ("done", "cancelled") or not view.last_seen:
        return None
    if getattr(view, "assessment", None) != "not_assessed" and not getattr(
        view, "quiet_since", None
    ):
        return None
    last = _latest([s for s in view.statements if s.municipality])
    place = last.municipality if last else None
    newest = latest.get(place or "")
    if not place or not newest:
        return None
    if newest <= view.last_seen:
        return (
            f"Samlingen har inget dokument från {place} som är senare än {swedish_date(view.last_seen)}, "
            "så ett senare besked om åtgärden kan finnas utanför den."
        )
    return (
        f"Samlingen har dokument från {place} fram till {swedish_date(newest)}, "
        "och inget av dem nämner åtgärden igen."
    )
