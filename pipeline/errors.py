"""The error catalogue: stable codes users can search for, and documented exit codes."""

from __future__ import annotations

import enum
from pathlib import Path


class ExitCode(enum.IntEnum):
    """Process exit codes of the ``lofte`` command."""

    OK = 0
    SOME_FAILED = 1
    USAGE = 2
    STORE = 3
    NOTHING_TO_DO = 4
    INTERRUPTED = 130


# code -> (short title, hint). Codes never change meaning once published.
CATALOGUE: dict[str, tuple[str, str]] = {
    "E001": ("file not found or unreadable", "check the path and its permissions"),
    "E002": ("unsupported file type", "give .pdf, .png, .jpg, .tif, .txt, .md or .html"),
    "E003": ("empty file", "the file has zero bytes"),
    "E004": ("corrupt or truncated PDF", "re-download the file or export it again"),
    "E005": ("encrypted PDF", "pass --password, or decrypt the file first"),
    "E006": ("file content does not match its extension", "rename it to what it holds"),
    "E007": (
        "too large for memory",
        "the image, page or text would exhaust memory: downscale or split it (--worker-memory)",
    ),
    "E008": ("timed out", "the document took longer than the per-document limit"),
    "E009": ("OCR failed", "is tesseract with the 'swe' language installed?"),
    "E010": ("text could not be decoded", "the bytes are not text in a known encoding"),
    "E011": ("no usable text", "the document yielded no readable Swedish text"),
    "E012": ("stage failed", "an internal error; please report it with the file"),
    "E013": (
        "worker process died",
        "the process reading this file was killed (out of memory?); the rest went on",
    ),
    "E014": (
        "damaged or truncated image",
        "the image file is cut short or broken: scan or export it again",
    ),
    "E020": ("store error", "the SQLite file is locked, read-only or damaged"),
    "E021": ("export failed", "nothing was written; see the message"),
    "E022": (
        "store made by an older version",
        "run `lofte link --db FILE` once to upgrade it; reading never writes",
    ),
    "E030": ("bad gold directory", "it needs <stem>.txt files with <stem>.json beside them"),
    "E031": ("no such measure", "try `lofte status` to list measure ids"),
    "E032": ("bad argument", "see --help"),
}


class LofteError(Exception):
    """An error with a catalogue code, optionally about one file."""

    def __init__(self, code: str, detail: str = "", path: str | Path | None = None) -> None:
        if code not in CATALOGUE:
            raise ValueError(f"unknown error code {code}")
        self.code = code
        self.detail = detail
        self.path = str(path) if path is not None else None
        super().__init__(self.one_line())

    @property
    def title(self) -> str:
        """The catalogue's short title for this code."""
        return CATALOGUE[self.code][0]

    def one_line(self) -> str:
        """The single line shown to users: code, path, what happened."""
        where = f"{self.path}: " if self.path else ""
        detail = f" ({self.detail})" if self.detail else ""
        return f"error {self.code}: {where}{self.title}{detail}"


def describe(code: str) -> str:
    """Title and hint for a code, for `lofte errors` and the README."""
    title, hint = CATALOGUE[code]
    return f"{code}  {title}: {hint}"
