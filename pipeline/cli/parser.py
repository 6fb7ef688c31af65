"""The `lofte` argument parser: one small builder per sub-command, so `--help` stays complete."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from pipeline import api
from pipeline.cli.language import LOCALE_RULE
from pipeline.lexicon.wording import LANGS
from pipeline.records import STATUS_FILTERS

if TYPE_CHECKING:
    Sub = argparse._SubParsersAction[argparse.ArgumentParser]

EXPORT_FORMATS = ("graphml", "gexf", "json", "csv", "neo4j")
EPILOG = (
    "Exit codes: 0 ok, 1 some files failed, 2 usage, 3 store error, 4 nothing found. "
    "`lofte errors` lists the error codes."
)


def iso_date(text: str) -> date:
    """An ISO date from the command line, or a usage error that says what was expected."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text}") from exc


def count(text: str) -> int:
    """A whole number of zero or more, or a usage error."""
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {text}") from exc
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text}")
    return value


LANG_HELP = (
    f"language of what a person reads (tables, `show`, counts): sv or en ({LOCALE_RULE}); "
    "JSON and CSV always keep the English keys"
)
AS_OF_HELP = "judge overdue as on this date, YYYY-MM-DD (default: today)"
PASSWORD_HELP = "password for encrypted PDFs"


def _db(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--db", default=api.DEFAULT_DB, help="SQLite store (default: %(default)s)")


def _ingest(sub: Sub) -> None:
    sp = sub.add_parser("ingest", help="read documents into the store", epilog=EPILOG)
    sp.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    _db(sp)
    sp.add_argument(
        "--jobs", "-j", type=int, default=None, help="worker processes (default: all cores)"
    )
    grp = sp.add_mutually_exclusive_group()
    grp.add_argument("--dask-scheduler", metavar="tcp://HOST:PORT", help="run on a Dask cluster")
    grp.add_argument("--dask", choices=["local"], help="run on a local Dask cluster")
    sp.add_argument("--password", help=PASSWORD_HELP)
    sp.add_argument("--ocr-timeout", type=float, default=120.0, help="seconds per OCR page")
    sp.add_argument("--timeout", type=float, default=600.0, help="seconds per document")
    sp.add_argument(
        "--worker-memory",
        type=int,
        default=1024,
        metavar="MB",
        help="resident memory a worker may use before its document fails with E007 (1024)",
    )
    sp.add_argument("--no-progress", action="store_true", help="no progress bar")
    sp.add_argument(
        "--no-link",
        action="store_true",
        help="store the documents but leave linking measures to `lofte link` (many batches)",
    )


def _reading(sub: Sub) -> None:
    sp = sub.add_parser(
        "link", help="link statements stored with --no-link into measures, or relink all"
    )
    _db(sp)
    sp.add_argument(
        "--full",
        action="store_true",
        help="relink every stored statement, not only the new ones (slower on a big store)",
    )

    sp = sub.add_parser("status", help="measures with status, due date and source", epilog=EPILOG)
    sp.add_argument("query", nargs="?", help="search words, e.g. fältarbete")
    _db(sp)
    sp.add_argument("--as-of", type=iso_date, default=None, help=AS_OF_HELP)
    sp.add_argument(
        "--status",
        choices=STATUS_FILTERS,
        help="the status shown (an overdue pledge shows as overdue), or an assessment",
    )
    sp.add_argument("--actor", help="responsible actor contains this")
    sp.add_argument(
        "--scope",
        choices=["all", "municipal"],
        default="all",
        help="municipal: leave out what the state, the EU or a state inquiry does (default all)",
    )
    sp.add_argument(
        "--format", choices=["table", "json", "csv"], default="table", help="output (table)"
    )
    sp.add_argument(
        "--limit", type=count, default=200, help="show at most N measures (0: all; default 200)"
    )

    sp = sub.add_parser("show", help="one measure's timeline with quotes and sources")
    sp.add_argument("measure", help="measure id or search words")
    _db(sp)
    sp.add_argument("--as-of", type=iso_date, default=None, help=AS_OF_HELP)


def _documents(sub: Sub) -> None:
    sp = sub.add_parser("extract", help="write one SCHEMA.md JSON per input file")
    sp.add_argument("files", nargs="+", metavar="FILE", help="documents to read")
    sp.add_argument(
        "-o", "--out", required=True, metavar="DIR", help="folder for the <doc_id>.json files"
    )
    sp.add_argument("--password", help=PASSWORD_HELP)

    sp = sub.add_parser("evaluate", help="score extraction against gold annotations")
    sp.add_argument(
        "--gold", required=True, metavar="DIR", help="folder of <stem>.txt + <stem>.json"
    )
    sp.add_argument("--details", action="store_true", help="list misses per document")

    sp = sub.add_parser("export", help="export the commitment graph")
    sp.add_argument("--format", "-f", required=True, choices=EXPORT_FORMATS, help="file format")
    sp.add_argument(
        "-o",
        "--out",
        required=True,
        metavar="PATH",
        help="file to write (a folder for csv and neo4j)",
    )
    _db(sp)
    sp.add_argument("--as-of", type=iso_date, default=None, help=AS_OF_HELP)

    sp = sub.add_parser("text", help="print a document's text (normalised, or --raw)")
    sp.add_argument("file", help="a PDF, image, text, markdown or HTML file")
    sp.add_argument("--raw", action="store_true", help="what ingest produced, before normalising")
    sp.add_argument("--password", help=PASSWORD_HELP)


def _serving(sub: Sub) -> None:
    sp = sub.add_parser("serve", help="read-only web page and JSON API over the store")
    _db(sp)
    sp.add_argument("--host", default="127.0.0.1", help="bind address (default: %(default)s)")
    sp.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    sp.add_argument(
        "--allow-remote", action="store_true", help="allow a --host that other machines can reach"
    )
    sub.add_parser("errors", help="list the error codes")


def _lang(p: argparse.ArgumentParser, default: str | None) -> None:
    # Before or after the command (`lofte --lang sv status`, `lofte status --lang sv`); a
    # command's own flag only counts when given, so it does not undo the global one.
    p.add_argument("--lang", choices=LANGS, default=default, help=LANG_HELP)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("loftesgrafen")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "(not installed)"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per task."""
    p = argparse.ArgumentParser(
        prog="lofte",
        description="Löftesgrafen: track pledged measures in Swedish council records. "
        "It speaks Swedish or English (--lang sv|en), by default in the locale's language.",
        epilog=EPILOG,
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    p.add_argument(
        "--verbose",
        action="store_true",
        help="also show the PDF parser's warnings about damaged objects (LOFTE_VERBOSE=1)",
    )
    _lang(p, None)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    # The order here is the order `lofte --help` lists the commands in.
    _ingest(sub)
    _reading(sub)
    _documents(sub)
    _serving(sub)
    for command in sub.choices.values():
        _lang(command, argparse.SUPPRESS)
    return p
