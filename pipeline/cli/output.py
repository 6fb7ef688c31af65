"""How the CLI prints measures: the status table, flags and one measure's timeline."""

from __future__ import annotations

from typing import Any

from pipeline.lexicon.wording import group, word
from pipeline.link.reasons import reason_line

# The status table's columns, and how wide a cell may grow before it is cut.
TABLE_COLUMNS = ["label", "status", "due", "flags", "sources"]
TABLE_WIDTHS = {"label": 60, "flags": 48, "sources": 50}


def flags(v: Any, lang: str = "en") -> str:
    """The warnings a reader should see beside a measure: overdue, stalled, motion undecided."""
    out = []
    if v.overdue:
        out.append("overdue")
    if v.assessment == "stalled":
        out.append("stalled")
    elif v.assessment == "not_assessed":
        out.append("not_assessed")
    if v.motion_flag:
        out.append("motion")
    shown = [word(f"flag.{key}", lang) for key in out]
    if getattr(v, "quiet_since", None):
        shown.append(f"{word('flag.quiet', lang)} {v.quiet_since}")
    return ", ".join(shown)


def status_word(key: str, lang: str) -> str:
    """A status key as a person reads it; a key the word list lacks is shown as it is."""
    return group("status", lang).get(key, key)


def _flag(value: Any) -> str:
    return "true" if value else "false"


def rows(views: list[Any]) -> list[dict[str, Any]]:
    """One flat row per measure, as the CSV shows it.

    The field names and values are the JSON's: ``label``, and ``true``/``false`` flags; the
    flags column keeps the English words whatever ``--lang`` says, so scripts can match it.
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


def status_table(views: list[Any], lang: str) -> str:
    """The `lofte status` table: headers, status and flags in ``lang``."""
    shown = rows(views)
    for row, v in zip(shown, views, strict=True):
        row["status"], row["flags"] = status_word(v.status, lang), flags(v, lang)
    headers = {c: word(f"cli.col.{c}", lang) for c in TABLE_COLUMNS}
    return table(shown, TABLE_COLUMNS, TABLE_WIDTHS, headers)


def count_line(total: int, shown: int, query: str | None, lang: str) -> str:
    """'462 measure(s), showing the first 200 (--limit 0 for all)', in ``lang``."""
    line = word("cli.count_one" if total == 1 else "cli.count", lang, n=total)
    if query:
        line += " " + word("cli.matching", lang, query=repr(query))
    if shown < total:
        line += ", " + word("cli.showing", lang, n=shown)
    return line


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


def print_measure(v: Any, lang: str = "en") -> None:
    """One measure's status line, then each statement with its date, quote and why it joined."""
    print(f"{v.label}  [{v.id}]")
    # The words of `lofte status`: the status as stated, and OVERDUE etc. as flags beside it.
    print(
        f"  {word('cli.status', lang)}: {status_word(v.status, lang)}   "
        f"{word('cli.due', lang)}: {v.due or '-'}   "
        f"{word('cli.flags', lang)}: {flags(v, lang) or '-'}   "
        f"{word('cli.responsible', lang)}: {v.responsible or '-'}"
    )
    if v.motion_flag:
        print(f"  {word('flag.motion', lang)}: {word('cli.motion_why', lang)}")
    for s in v.statements:
        _print_statement(s, lang)
    print()


def _print_statement(s: Any, lang: str) -> None:
    page = word("cli.page", lang, page=s.page or "?")
    stalled = "  " + word("cli.no_progress", lang) if s.stalled else ""
    status = status_word(s.status, lang)
    print(f"  {s.doc_date or '????-??-??'}  {status:<11} {s.doc_id} {page}{stalled}")
    where = f" ({s.municipality})" if s.municipality else ""
    if s.doc_title or where:
        print(f"      {word('cli.document', lang)}: {s.doc_title or s.doc_id}{where}")
    if s.doc_url:
        print(f"      {word('cli.address', lang)}: {s.doc_url}")
    print(f"      “{s.quote}”")
    print(f"      {word('cli.linked', lang)}: {reason_line(s.reason, lang)}")
