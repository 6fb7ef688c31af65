"""Find the files a batch names: walk folders, skip what is not a document, report the rest."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.errors import LofteError

DOCUMENT_SUFFIXES = frozenset(
    {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".txt", ".md", ".markdown", ".html", ".htm"}
)
# Marker file: `lofte ingest DIR` does not walk a folder that holds it (labels, not documents).
SKIP_MARKER = ".lofte-skip"
# Files that live beside documents in a corpus folder but are not documents.
_NOT_DOCUMENTS = frozenset(
    {".py", ".json", ".tsv", ".csv", ".yaml", ".yml", ".toml", ".gz", ".cfg"}
)
_NOT_DOCUMENT_NAMES = ("README", "LICENSE", "MODEL_CARD", "GUIDE", "CHANGELOG")

Found = tuple[Path, LofteError | None]


def expand(paths: Iterable[str | Path]) -> Iterator[Found]:
    """Files to ingest, each with the error that already rules it out (or None).

    Folders are walked in sorted order. A subfolder that cannot be read, or a folder link
    that leads back into the walk, is reported with E001 instead of being passed over.
    """
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(_walk(p), key=lambda found: found[0])
        elif p.is_file():
            yield p, _type_error(p)
        elif p.is_symlink():
            yield p, LofteError("E001", "a broken or looping symbolic link", p)
        else:
            yield p, LofteError("E001", "no such file", p)


def _walk(root: Path) -> Iterator[Found]:
    """Every candidate file under ``root``, following folder links once each."""
    problems: list[OSError] = []
    seen: set[tuple[int, int]] = set()
    for top, dirs, names in os.walk(root, onerror=problems.append, followlinks=True):
        here = Path(top)
        st = here.stat()
        if (st.st_dev, st.st_ino) in seen:
            # A link back to a folder already walked: its files are in the batch once.
            dirs[:] = []
            yield here, LofteError("E001", "folder link leads back into the walk; skipped", here)
            continue
        seen.add((st.st_dev, st.st_ino))
        if (here / SKIP_MARKER).exists():
            # A folder that says it holds labels (gold records, annotations) is not walked.
            dirs[:] = []
            continue
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            f = here / name
            if _wanted(f):
                yield f, _file_error(f)
    for exc in problems:
        where = Path(exc.filename) if exc.filename else root
        yield where, LofteError("E001", f"folder not read: {exc.strerror or exc}", where)


def _wanted(f: Path) -> bool:
    """Whether ``f`` in a walked folder is meant as a document at all."""
    if f.name.startswith("."):
        return False
    if f.name.upper().startswith(_NOT_DOCUMENT_NAMES):
        return False
    return f.suffix.lower() not in _NOT_DOCUMENTS


def _file_error(f: Path) -> LofteError | None:
    if not f.is_file():
        if f.is_symlink() and not f.exists():
            return LofteError("E001", "a broken or looping symbolic link", f)
        # A pipe, socket or device among the documents is not read (it could block).
        return LofteError("E001", "not a regular file", f)
    return _type_error(f)


def _type_error(path: Path) -> LofteError | None:
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        return None
    return LofteError("E002", path.suffix or "no extension", path)
