"""Ingest: sniff a source file and read it into pages of raw text (`pipeline.ingest` is the API)."""

from __future__ import annotations

import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import LofteError
from pipeline.ingest.image import finish_image, ingest_image, read_frames
from pipeline.ingest.pdf import check_eof, finish_pdf, ingest_pdf, read_pages
from pipeline.ingest.text import ingest_text
from pipeline.ingest.timelimit import Deadline, TimeLimitExceeded, time_limit
from pipeline.records import Ingested, Options, Page

# Some pages of a document and the notes made while reading them.
PagePart = tuple[list[Page], list[str]]

# Extension -> the kind of content it promises.
EXPECTED = {
    ".pdf": "pdf",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
IMAGE_FORMATS = ("png", "jpeg", "tiff")
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"II+\x00", "tiff"),
    (b"MM\x00+", "tiff"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"PK\x03\x04", "zip (office document?)"),
    (b"\xd0\xcf\x11\xe0", "ole (old office document?)"),
    (b"{\\rtf", "rtf"),
)
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ", b"<title")
SNIFF_BYTES = 4096
# Past these a document is refused (E007) rather than left to run into the time limit:
# extraction costs about 60 s per million characters, and a council document of 1,500 pages
# holds some 5 million.
MAX_TEXT_BYTES = 50_000_000
MAX_TEXT_CHARS = 5_000_000


def sniff(head: bytes) -> str:
    """What the first bytes of a file hold: pdf, png, jpeg, tiff, html, text, binary, ..."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(_TEXT_BOMS[1:]):
        return "text"  # UTF-16: NUL bytes are expected there
    body = head[3:] if head.startswith(_TEXT_BOMS[0]) else head
    lowered = body[:2048].lstrip().lower()
    if any(marker in lowered for marker in _HTML_MARKERS):
        return "html"
    controls = sum(1 for b in body if b < 32 and b not in (9, 10, 11, 12, 13, 27))
    if body.count(0) > 0.3 * len(body) and body.count(0) < 0.6 * len(body):
        return "text"  # BOM-less UTF-16; the decoder checks it properly
    return "binary" if controls > 0.02 * max(len(body), 1) else "text"


def _read(path: Path) -> tuple[bytes, int]:
    try:
        # A FIFO would block the open and a device never ends: only regular files are read.
        if not stat.S_ISREG(path.stat().st_mode):
            raise LofteError("E001", "not a regular file (a pipe, device or socket)", path=path)
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
            fh.seek(0, 2)
            size = fh.tell()
    except IsADirectoryError as exc:
        raise LofteError("E001", "is a directory", path=path) from exc
    except OSError as exc:
        raise LofteError("E001", exc.strerror or str(exc), path=path) from exc
    return head, size


def _kind(path: Path, head: bytes) -> tuple[str, str]:
    """(reader, detected format) for ``path``, or a LofteError for mismatches."""
    ext = path.suffix.lower()
    found = sniff(head)
    expected = EXPECTED.get(ext)
    if expected is None:
        if ext:
            raise LofteError("E002", f"extension {ext} ({found} content)", path=path)
        # No extension at all: the content decides.
        if found == "pdf" or found in IMAGE_FORMATS:
            return ("pdf" if found == "pdf" else "image"), found
        if found in ("html", "text"):
            return found, found
        raise LofteError("E002", f"no extension and {found} content", path=path)
    if expected == "pdf":
        if found == "pdf":
            return "pdf", "pdf"
        if found == "binary":
            raise LofteError("E004", "no PDF header: not a PDF or badly damaged", path=path)
        raise LofteError("E006", f"{ext} file holds {found}", path=path)
    if expected == "image":
        if found in IMAGE_FORMATS:
            return "image", found
        raise LofteError("E006", f"{ext} file holds {found}", path=path)
    # Text-like files: a .txt holding HTML stays raw text (the normaliser deals with tags);
    # binary content is left to the decoder, which reports E010.
    if found not in ("html", "text", "binary"):
        raise LofteError("E006", f"{ext} file holds {found}", path=path)
    return expected, found


@contextmanager
def _guarded(path: Path, opts: Options) -> Iterator[Deadline]:
    """Run a read under the document time limit, turning every failure into a LofteError."""
    try:
        with time_limit(opts.doc_timeout) as deadline:
            yield deadline
    except TimeLimitExceeded as exc:
        raise LofteError("E008", f"{exc} (limit {opts.doc_timeout:g} s)", path=path) from None
    except LofteError:
        raise
    except MemoryError as exc:
        raise LofteError("E007", "out of memory", path=path) from exc
    except Exception as exc:  # a reader bug must not crash the batch; report it with the file
        raise LofteError("E012", f"ingest: {type(exc).__name__}: {exc}", path=path) from exc


def ingest_file(path: Path, opts: Options) -> Ingested:
    """Read ``path`` into pages of raw text; every failure is a :class:`LofteError`.

    The whole file gets at most ``opts.doc_timeout`` seconds (E008). In a process's main
    thread a SIGALRM timer enforces this even inside a looping parser; elsewhere the limit
    is checked between pages and caps each tesseract call.
    """
    path = Path(path)
    head, size = _read(path)
    if size == 0:
        raise LofteError("E003", path=path)
    reader, fmt = _kind(path, head)
    with _guarded(path, opts) as deadline:
        if reader == "pdf":
            return _bounded(path, ingest_pdf(path, opts, deadline))
        if reader == "image":
            return _bounded(path, ingest_image(path, opts, deadline, fmt))
        if size > MAX_TEXT_BYTES:
            mb = size / 1e6
            detail = f"a text file of {mb:,.0f} MB; the limit is {MAX_TEXT_BYTES / 1e6:,.0f} MB"
            raise LofteError("E007", detail, path=path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise LofteError("E001", exc.strerror or str(exc), path=path) from exc
        return _bounded(path, ingest_text(path, data, reader))
    raise AssertionError("unreachable")  # pragma: no cover


def _bounded(path: Path, ingested: Ingested) -> Ingested:
    """``ingested`` unless its text is past MAX_TEXT_CHARS (E007)."""
    chars = sum(len(page.text) for page in ingested.pages)
    if chars > MAX_TEXT_CHARS:
        detail = f"{chars:,} characters of text; the limit is {MAX_TEXT_CHARS:,}"
        raise LofteError("E007", detail, path=path)
    return ingested


def paged_format(path: Path) -> str | None:
    """``pdf`` or the image format when ``path`` can be read page by page, else None.

    None also for files that will fail: the whole-file read reports those with their code.
    """
    try:
        head, size = _read(Path(path))
        reader, fmt = _kind(Path(path), head)
    except LofteError:
        return None
    if size == 0 or reader not in ("pdf", "image"):
        return None
    return fmt


def read_part(path: Path, fmt: str, numbers: Sequence[int], opts: Options) -> PagePart:
    """Pages ``numbers`` of a PDF or multi-page image, exactly as a whole-file read gives them.

    Raises :class:`LofteError` like :func:`ingest_file`; the part has its own time limit.
    """
    path = Path(path)
    with _guarded(path, opts) as deadline:
        if fmt == "pdf":
            check_eof(path)
            return read_pages(path, opts, deadline, numbers)
        return read_frames(path, opts, deadline, numbers)
    raise AssertionError("unreachable")  # pragma: no cover


def assemble(path: Path, fmt: str, parts: Sequence[PagePart]) -> Ingested:
    """One Ingested record from parts in page order, with the whole-file read's checks."""
    pages = [page for part in parts for page in part[0]]
    notes = [note for part in parts for note in part[1]]
    if fmt == "pdf":
        return _bounded(Path(path), finish_pdf(Path(path), pages, notes))
    return _bounded(Path(path), finish_image(Path(path), fmt, pages, notes))
