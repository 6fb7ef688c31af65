"""One function per `lofte` sub-command: parse nothing, call `pipeline.api`, print the answer."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline import api
from pipeline.cli import output
from pipeline.errors import CATALOGUE, ExitCode, LofteError, describe
from pipeline.lexicon.wording import word
from pipeline.records import Options

if TYPE_CHECKING:
    from pipeline.run.runner import RunReport


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
    """`lofte ingest`: files and folders into the store, with a progress bar."""
    opts = Options(password=a.password, ocr_timeout=a.ocr_timeout, doc_timeout=a.timeout)
    bar = _Progress(not a.no_progress)

    def on_error(line: str) -> None:
        # Through the bar, so an error line does not tear the bar apart.
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
            worker_memory_mb=a.worker_memory,
        )
    finally:
        bar.close()
    _summary(report, a.db, a.lang)
    return ExitCode.SOME_FAILED if report.failed else ExitCode.OK


def _summary(report: RunReport, db: str, lang: str) -> None:
    """Stored, unchanged and failed counted apart, then the failures again, by code."""
    counts = {"stored": report.stored, "skipped": report.skipped, "failed": report.failed}
    print(word("cli.ingested", lang, db=db, **counts), file=sys.stderr)
    if report.failed:
        codes = Counter(report.error_codes)
        by_code = ", ".join(f"{c} x{n}" for c, n in sorted(codes.items()))
        print(f"{word('cli.failed', lang)}: {by_code}", file=sys.stderr)
        for line in report.errors:
            print(f"  {line}", file=sys.stderr)


def cmd_link(a: argparse.Namespace) -> int:
    """`lofte link`: link new statements into measures (after batches stored with --no-link)."""
    n = api.link(a.db, full=a.full)
    print(word("cli.relinked", a.lang, n=n, db=a.db), file=sys.stderr)
    return ExitCode.OK


def cmd_status(a: argparse.Namespace) -> int:
    """`lofte status`: the measures table, or JSON or CSV of it."""
    found = api.measures(
        a.db,
        a.query,
        as_of=a.as_of,
        status=a.status,
        actor=a.actor,
        with_statements=a.format == "json",
        limit=a.limit if a.limit > 0 else None,
        scope=a.scope,
    )
    if found.stale:
        print(word("cli.stale", a.lang), file=sys.stderr)
    shown = found.shown
    if a.format == "json":
        # One measure per line: readable, and the C encoder keeps big answers fast.
        from pipeline.read.query import as_dict

        items = [json.dumps(as_dict(v), ensure_ascii=False) for v in shown]
        print("[\n" + ",\n".join(items) + "\n]" if items else "[]")
    elif a.format == "csv":
        # The machine vocabulary, whatever --lang says: scripts read this.
        rows = output.rows(shown)
        w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["id"])
        w.writeheader()
        w.writerows(rows)
    else:
        print(output.status_table(shown, a.lang))
        print(output.count_line(found.total, len(shown), a.query, a.lang))
    # Nothing matching what was asked is exit 4, so a script can tell it from a hit.
    asked = a.query or a.actor or a.status
    return ExitCode.OK if shown or not asked else ExitCode.NOTHING_TO_DO


def cmd_show(a: argparse.Namespace) -> int:
    """`lofte show`: one measure's timeline with quotes and sources."""
    for v in api.measure(a.db, a.measure, a.as_of):
        output.print_measure(v, a.lang)
    return ExitCode.OK


def cmd_extract(a: argparse.Namespace) -> int:
    """`lofte extract`: one SCHEMA.md JSON per file; a bad file is one line, the rest go on."""
    out = Path(a.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LofteError("E021", f"cannot make the output folder: {exc.strerror}", out) from exc
    failed = 0
    for f in a.files:
        try:
            rec = api.extract_file(f, Options(password=a.password))
            target = out / f"{rec['doc_id']}.json"
            text = json.dumps(rec, ensure_ascii=False, indent=2) + "\n"
            try:
                target.write_text(text, encoding="utf-8")
            except OSError as exc:
                raise LofteError("E021", f"{target}: {exc.strerror}") from exc
        except LofteError as exc:
            print(LofteError(exc.code, exc.detail, f).one_line(), file=sys.stderr)
            failed += 1
    return ExitCode.SOME_FAILED if failed else ExitCode.OK


def cmd_evaluate(a: argparse.Namespace) -> int:
    """`lofte evaluate`: the score table, and with --details the misses per document."""
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
    """`lofte export`: the graph in one of the registered formats."""
    target, nodes, edges = api.export(a.db, a.format, a.out, a.as_of)
    counts = {"nodes": nodes, "edges": edges}
    print(word("cli.exported", a.lang, format=a.format, target=target, **counts), file=sys.stderr)
    return ExitCode.OK


def cmd_text(a: argparse.Namespace) -> int:
    """`lofte text`: a document's text as the extractor reads it, or --raw as ingest read it."""
    sys.stdout.write(api.document_text(a.file, a.raw, Options(password=a.password)) + "\n")
    return ExitCode.OK


def cmd_serve(a: argparse.Namespace) -> int:
    """`lofte serve`: the read-only web page until Ctrl-C."""
    from pipeline.web import make_server, url_of

    server = make_server(a.db, a.host, a.port, allow_remote=a.allow_remote)
    print(word("cli.serving", a.lang, url=url_of(server)), file=sys.stderr)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return ExitCode.OK


def cmd_errors(a: argparse.Namespace) -> int:
    """`lofte errors`: the error catalogue."""
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
