"""How the CLI prints measures: the status table, flags and one measure's timeline."""

from __future__ import annotations

from typing import Any


def flags(v: Any) -> str:
    """The warnings a reader should see beside a measure: overdue, stalled, motion undecided."""
    out = []
    if v.overdue:
        out.append("OVERDUE")
    if v.assessment == "stalled":
        out.append("stalled")
    elif v.assessment == "not_assessed":
        out.append("not assessed")
    if v.motion_flag:
        out.append("motion >1 yr undecided")
    return ", ".join(out)


def _flag(value: Any) -> str:
    return "true" if value else "false"


def rows(views: list[Any]) -> list[dict[str, Any]]:
    """One flat row per measure, as the table and CSV show it.

    The field names and values are the JSON's: ``label``, and ``true``/``false`` flags.
    """
    return [
        {
            "id": v.id,
            "label": v.label,
            "status": v.status,
            "due": v.due or "",
            "overdue": _flag(v.overdue),
            "assessment": v.assessment,
            "motion_flag": _flag(v.motion_flag),
            "flags": flags(v),
            "responsible": v.responsible or "",
            "sources": ", ".join(v.sources),
        }
        for v in views
    ]


def table(
    rows: list[dict[str, Any]],
    cols: list[str],
    widths: dict[str, int],
    headers: dict[str, str] | None = None,
) -> str:
    """A plain-text table; cells wider than ``widths`` are cut with an ellipsis."""
    names = {c: (headers or {}).get(c, c).upper() for c in cols}

    def cut(s: str, w: int) -> str:
        return s if len(s) <= w else s[: w - 1] + "…"

    w = {
        c: min(widths.get(c, 999), max([len(names[c])] + [len(str(r[c])) for r in rows]))
        for c in cols
    }
    lines = ["  ".join(names[c].ljust(w[c]) for c in cols), "  ".join("-" * w[c] for c in cols)]
    lines += ["  ".join(cut(str(r[c]), w[c]).ljust(w[c]) for c in cols) for r in rows]
    return "\n".join(line.rstrip() for line in lines)


def print_measure(v: Any) -> None:
    """One measure's status line, then each statement with its date, quote and why it joined."""
    print(f"{v.label}  [{v.id}]")
    # The words of `lofte status`: the status as stated, and OVERDUE etc. as flags beside it.
    print(
        f"  status: {v.status}   due: {v.due or '-'}   flags: {flags(v) or '-'}   "
        f"responsible: {v.responsible or '-'}"
    )
    if v.motion_flag:
        print("  motion >1 yr undecided: no decision a year after it was filed (KL 5 kap. 35 §)")
    for s in v.statements:
        page = f"p.{s.page}" if s.page else "p.?"
        stalled = "  (reports no progress)" if s.stalled else ""
        print(f"  {s.doc_date or '????-??-??'}  {s.status:<11} {s.doc_id} {page}{stalled}")
        where = f" ({s.municipality})" if s.municipality else ""
        if s.doc_title or where:
            print(f"      document: {s.doc_title or s.doc_id}{where}")
        if s.doc_url:
            print(f"      address: {s.doc_url}")
        print(f"      “{s.quote}”")
        print(f"      linked: {s.reason}")
    print()
