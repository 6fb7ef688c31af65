"""The `lofte` command line: a thin layer over pipeline.api."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from pipeline import api
from pipeline.errors import CATALOGUE, ExitCode, LofteError, describe
from pipeline.run.stages import Options

STATUS_CHOICES = (
    "proposed",
    "pledged",
    "in_progress",
    "done",
    "cancelled",
    "overdue",
    "stalled",
    "not_assessed",
    "assessed",
)
EPILOG = (
    "Exit codes: 0 ok, 1 some files failed, 2 usage, 3 store error, 4 nothing found. "
    "`lofte errors` lists the error codes."
)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text}") from exc


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per task."""
    p = argparse.ArgumentParser(
        prog="lofte",
        description="Löftesgrafen: track pledged measures in Swedish council records.",
        epilog=EPILOG,
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def db(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--db", default=api.DEFAULT_DB, help="SQLite store (default: %(default)s)")

    sp = sub.add_parser("ingest", help="read documents into the store", epilog=EPILOG)
    sp.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    db(sp)
    sp.add_argument(
        "--jobs", "-j", type=int, default=None, help="worker processes (default: all cores)"
    )
    grp = sp.add_mutually_exclusive_group()
    grp.add_argument("--dask-scheduler", metavar="tcp://HOST:PORT", help="run on a Dask cluster")
    grp.add_argument("--dask", choices=["local"], help="run on a local Dask cluster")
    sp.add_argument("--password", help="password for encrypted PDFs")
    sp.add_argument("--ocr-timeout", type=float, default=120.0, help="seconds per OCR page")
    sp.add_argument("--timeout", type=float, default=600.0, help="seconds per document")
    sp.add_argument("--no-progress", action="store_true", help="no progress bar")
    sp.add_argument(
        "--no-link",
        action="store_true",
        help="store the documents but leave linking measures to `lofte link` (many batches)",
    )

    sp = sub.add_parser("link", help="relink measures across all stored documents")
    db(sp)

    sp = sub.add_parser("status", help="measures with status, due date and source", epilog=EPILOG)
    sp.add_argument("query", nargs="?", help="search words, e.g. fältarbete")
    db(sp)
    sp.add_argument("--as-of", type=_iso_date, default=None, help="judge overdue at this date")
    sp.add_argument(
        "--status", choices=STATUS_CHOICES, help="latest status, overdue, or an assessment"
    )
    sp.add_argument("--actor", help="responsible actor contains this")
    sp.add_argument("--format", choices=["table", "json", "csv"], default="table")
    sp.add_argument(
        "--limit", type=int, default=200, help="show at most N measures (0: all; default 200)"
    )

    sp = sub.add_parser("show", help="one measure's timeline with quotes and sources")
    sp.add_argument("measure", help="measure id or search words")
    db(sp)
    sp.add_argument("--as-of", type=_iso_date, default=None)

    sp = sub.add_parser("extract", help="write one SCHEMA.md JSON per input file")
    sp.add_argument("files", nargs="+", metavar="FILE")
    sp.add_argument("-o", "--out", required=True, metavar="DIR")
    sp.add_argument("--password")

    sp = sub.add_parser("evaluate", help="score extraction against gold annotations")
    sp.add_argument(
        "--gold", required=True, metavar="DIR", help="folder of <stem>.txt + <stem>.json"
    )
    sp.add_argument("--details", action="store_true", help="list misses per document")

    sp = sub.add_parser("export", help="export the commitment graph")
    sp.add_argument(
        "--format", "-f", required=True, choices=["graphml", "gexf", "json", "csv", "neo4j"]
    )
    sp.add_argument("-o", "--out", required=True, metavar="PATH")
    db(sp)
    sp.add_argument("--as-of", type=_iso_date, default=None)

    sp = sub.add_parser("text", help="print a document's text (normalised, or --raw)")
    sp.add_argument("file")
    sp.add_argument("--raw", action="store_true", help="what ingest produced, before normalising")
    sp.add_argument("--password")

    sp = sub.add_parser("serve", help="read-only web page and JSON API over the store")
    db(sp)
    sp.add_argument("--host", default="127.0.0.1", help="bind address (default: %(default)s)")
    sp.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    sp.add_argument(
        "--allow-remote", action="store_true", help="allow a --host that other machines can reach"
    )

    sub.add_parser("errors", help="list the error codes")
    return p


class _Progress:
    """Adapter from the runner's progress callback to a tqdm bar on stderr."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None

    def __call__(self, n: int) -> None:
        if not self.enabled:
            return
        if n < 0:
            from tqdm import tqdm

            self.bar = tqdm(total=-n, unit="doc", desc="ingest", file=sys.stderr, leave=True)
        elif self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def cmd_ingest(a: argparse.Namespace) -> int:
    opts = Options(password=a.password, ocr_timeout=a.ocr_timeout, doc_timeout=a.timeout)
    bar = _Progress(not a.no_progress)

    def on_error(line: str) -> None:
        (bar.bar.write if bar.bar is not None else print)(line, file=sys.stderr)

    try:
        report = api.ingest(
            a.paths,
            a.db,
            a.jobs,
            a.dask_scheduler or a.dask,
            opts,
            progress=bar,
            on_error=on_error,
            link=not a.no_link,
        )
    finally:
        bar.close()
    print(
        f"ingested {report.processed} file(s), {report.skipped} unchanged, {report.failed} failed "
        f"-> {a.db}",
        file=sys.stderr,
    )
    return ExitCode.SOME_FAILED if report.failed else ExitCode.OK


def cmd_link(a: argparse.Namespace) -> int:
    n = api.link(a.db)
    print(f"linked {n} measure(s) -> {a.db}", file=sys.stderr)
    return ExitCode.OK


def _flags(v: Any) -> str:
    flags = []
    if v.overdue:
        flags.append("OVERDUE")
    if v.assessment == "stalled":
        flags.append("stalled")
    elif v.assessment == "not_assessed":
        flags.append("not assessed")
    if v.motion_flag:
        flags.append("motion >1 yr undecided")
    return ", ".join(flags)


def _rows(views: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "id": v.id,
            "measure": v.label,
            "status": v.status,
            "due": v.due or "",
            "overdue": "OVERDUE" if v.overdue else "",
            "assessment": v.assessment,
            "motion_flag": "yes" if v.motion_flag else "",
            "flags": _flags(v),
            "responsible": v.responsible or "",
            "sources": ", ".join(v.sources),
        }
        for v in views
    ]


def _table(rows: list[dict[str, Any]], cols: list[str], widths: dict[str, int]) -> str:
    def cut(s: str, w: int) -> str:
        return s if len(s) <= w else s[: w - 1] + "…"

    w = {c: min(widths.get(c, 999), max([len(c)] + [len(str(r[c])) for r in rows])) for c in cols}
    lines = ["  ".join(c.upper().ljust(w[c]) for c in cols), "  ".join("-" * w[c] for c in cols)]
    lines += ["  ".join(cut(str(r[c]), w[c]).ljust(w[c]) for c in cols) for r in rows]
    return "\n".join(line.rstrip() for line in lines)


def cmd_status(a: argparse.Namespace) -> int:
    from pipeline.read.query import as_dict, count_measures, find_measures
    from pipeline.store.core import Store

    limit = a.limit if a.limit > 0 else None
    with Store(a.db, readonly=True) as store:
        if store.measures_stale():
            print("note: documents were added with --no-link; run `lofte link`", file=sys.stderr)
        shown = find_measures(
            store,
            a.query,
            as_of=a.as_of,
            status=a.status,
            actor=a.actor,
            with_statements=a.format == "json",
            limit=limit,
        )
        total = len(shown)
        if limit and total == limit:
            total = count_measures(store, a.query, as_of=a.as_of, status=a.status, actor=a.actor)
    rows = _rows(shown)
    if a.format == "json":
        # One measure per line: readable, and the C encoder keeps big answers fast.
        items = [json.dumps(as_dict(v), ensure_ascii=False) for v in shown]
        print("[\n" + ",\n".join(items) + "\n]" if items else "[]")
    elif a.format == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["id"])
        w.writeheader()
        w.writerows(rows)
    else:
        print(
            _table(
                rows,
                ["measure", "status", "due", "flags", "sources"],
                {"measure": 60, "flags": 30, "sources": 50},
            )
        )
        more = f", showing the first {len(shown)} (--limit 0 for all)" if len(shown) < total else ""
        print(f"{total} measure(s)" + (f" matching {a.query!r}" if a.query else "") + more)
    return ExitCode.OK if shown or not a.query else ExitCode.NOTHING_TO_DO


def _print_measure(v: Any) -> None:
    print(f"{v.label}  [{v.id}]")
    print(
        f"  status: {v.shown_status}   due: {v.due or '-'}   "
        f"assessment: {v.assessment.replace('_', ' ')}   responsible: {v.responsible or '-'}"
    )
    if v.motion_flag:
        print("  flag: motion without a decision one year after it was filed (KL 5 kap. 35 §)")
    for s in v.statements:
        page = f"p.{s.page}" if s.page else "p.?"
        stalled = "  (reports no progress)" if s.stalled else ""
        print(f"  {s.doc_date or '????-??-??'}  {s.status:<11} {s.doc_id} {page}{stalled}")
        if s.doc_title:
            print(f"      document: {s.doc_title}")
        print(f"      “{s.quote}”")
        print(f"      linked: {s.reason}")
    print()


def cmd_show(a: argparse.Namespace) -> int:
    from pipeline.read.query import find_measures, get_measure
    from pipeline.store.core import Store

    with Store(a.db, readonly=True) as store:
        one = get_measure(store, a.measure, a.as_of)
        views = [one] if one else find_measures(store, a.measure, as_of=a.as_of, limit=5)
    if not views:
        raise LofteError("E031", a.measure)
    for v in views:
        _print_measure(v)
    return ExitCode.OK


def cmd_extract(a: argparse.Namespace) -> int:
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for f in a.files:
        try:
            rec = api.extract_file(f, Options(password=a.password))
        except LofteError as exc:
            exc.path = exc.path or f
            print(LofteError(exc.code, exc.detail, f).one_line(), file=sys.stderr)
            failed += 1
            continue
        target = out / f"{rec['doc_id']}.json"
        target.write_text(json.dumps(rec, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return ExitCode.SOME_FAILED if failed else ExitCode.OK


def cmd_evaluate(a: argparse.Namespace) -> int:
    report = api.evaluate(a.gold)
    print(report.table())
    if a.details:
        for d in report.per_doc:
            print(f"\n== {d['doc_id']}")
            for key, val in d.items():
                if key != "doc_id" and val:
                    print(f"  {key}: {val}")
    return ExitCode.OK


def cmd_export(a: argparse.Namespace) -> int:
    from pipeline.graph.build import build_graph
    from pipeline.graph.export import export
    from pipeline.store.core import Store

    with Store(a.db, readonly=True) as store:
        g = build_graph(store, a.as_of)
    target = export(g, a.format, a.out)
    print(
        f"wrote {a.format} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges) to {target}",
        file=sys.stderr,
    )
    return ExitCode.OK


def cmd_text(a: argparse.Namespace) -> int:
    from pipeline.run.runner import process_path

    doc = process_path(Path(a.file), Options(password=a.password))
    if a.raw:
        assert doc.ingested is not None
        sys.stdout.write(doc.ingested.raw_text + "\n")
    else:
        from pipeline.normalise.pagetext import paged_text

        assert doc.ingested is not None and doc.normalised is not None
        sys.stdout.write(paged_text(doc.ingested, doc.normalised) + "\n")
    return ExitCode.OK


def cmd_serve(a: argparse.Namespace) -> int:
    from pipeline.web import make_server, url_of

    server = make_server(a.db, a.host, a.port, allow_remote=a.allow_remote)
    print(f"Löftesgrafen: {url_of(server)}/ (read-only; Ctrl-C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return ExitCode.OK


def cmd_errors(a: argparse.Namespace) -> int:
    for code in CATALOGUE:
        print(describe(code))
    return ExitCode.OK


COMMANDS = {
    "ingest": cmd_ingest,
    "link": cmd_link,
    "status": cmd_status,
    "show": cmd_show,
    "extract": cmd_extract,
    "evaluate": cmd_evaluate,
    "export": cmd_export,
    "text": cmd_text,
    "serve": cmd_serve,
    "errors": cmd_errors,
}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `lofte` console script."""
    args = build_parser().parse_args(argv)
    try:
        return int(COMMANDS[args.command](args))
    except LofteError as exc:
        print(exc.one_line(), file=sys.stderr)
        return int(ExitCode.STORE if exc.code == "E020" else ExitCode.USAGE)
    except KeyboardInterrupt:
        return int(ExitCode.INTERRUPTED)


if __name__ == "__main__":
    sys.exit(main())
