"""A per-user cache of tables parsed from model files, so each process loads them quickly.

Parsing the 360,000-word OCR lexicon from its gzip TSV takes about 2 s, and every command
and every worker process paid it. The parsed tables are kept in ``marshal`` form (plain
dicts, lists and numbers; loading it runs no code) under the user's cache folder, keyed by
the source files' content and the Python version, and rebuilt when either changes. A cache
that cannot be read or written is skipped silently: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

# Bump when the parsed form changes for the same source files.
FORMAT = "1"


def cache_dir() -> Path:
    """``$LOFTE_CACHE`` (``off`` turns the cache off), else ``$XDG_CACHE_HOME/loftesgrafen``, else ``~/.cache/loftesgrafen``."""
    if os.environ.get("LOFTE_CACHE"):
        return Path(os.environ["LOFTE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "loftesgrafen"


def key_of(name: str, sources: Sequence[Path]) -> str:
    """A name for the parsed form of ``sources``: their bytes, the format and Python's version."""
    h = hashlib.sha256(f"{name};{FORMAT};{sys.version_info[:2]}".encode())
    for src in sources:
        h.update(src.read_bytes())
    return f"{name}-{h.hexdigest()[:20]}.marshal"


def cached(name: str, sources: Sequence[Path], build: Callable[[], Any]) -> Any:
    """``build()``'s value, from the cache when the sources are unchanged since it was stored."""
    if os.environ.get("LOFTE_CACHE") == "off":
        return build()
    try:
        target = cache_dir() / key_of(name, sources)
    except OSError:
        return build()  # unreadable sources: let the parser report it
    try:
        return marshal.loads(target.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written beside the target and renamed, so a reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(value, fh)
        os.replace(tmp, target)
    except (OSError, ValueError):
        pass
    return value
