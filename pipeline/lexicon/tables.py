"""The one reader of data tables: tagged keys, key-value pairs, columns and regex patterns."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from pathlib import Path


def read_table(
    path: Path, tags: Collection[str], keys: Collection[str] | None = None
) -> dict[str, frozenset[str]]:
    """Every tag of ``path`` with the keys it marks; an unknown tag or key is an error."""
    out: dict[str, set[str]] = {t: set() for t in tags}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, listed = line.split("\t")
        if keys is not None and key not in keys:
            raise ValueError(f"{path.name}: unknown key {key!r}")
        for tag in listed.split(","):
            if tag not in out:
                raise ValueError(f"{path.name}: unknown tag {tag!r} for {key!r}")
            out[tag].add(key)
    return {t: frozenset(k) for t, k in out.items()}


def lookup(table: dict[str, frozenset[str]], tag: str, kind: str) -> frozenset[str]:
    """The keys of one tag, or a KeyError that names the kind of tag and the known ones."""
    if tag not in table:
        raise KeyError(f"no {kind} {tag!r}; known: {', '.join(sorted(table))}")
    return table[tag]


def read_pairs(path: Path) -> dict[str, str]:
    """``key<TAB>value[<TAB>note]`` lines as key -> value; the first row of a key wins."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, value = line.split("\t")[:2]
        out.setdefault(key, value)
    return out


def read_patterns(path: Path, kinds: Collection[str]) -> dict[str, re.Pattern[str]]:
    """``kind<TAB>regex`` lines as one case-insensitive alternation per kind."""
    parts: dict[str, list[str]] = {k: [] for k in kinds}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, rx = line.split("\t")
        if kind not in parts:
            raise ValueError(f"{path.name}: unknown kind {kind!r}")
        parts[kind].append(f"(?:{rx})")
    # A kind with no rows matches nothing ((?!) never matches), so callers need no None case.
    return {k: re.compile("|".join(v) or "(?!)", re.IGNORECASE) for k, v in parts.items()}


def read_columns(path: Path, columns: Sequence[str]) -> dict[str, dict[str, str]]:
    """``key<TAB>value<TAB>...`` lines as key -> {column: value}, in the file's order.

    A row with too few or too many values, or a key given twice, is an error: every key
    must have a value in every column.
    """
    out: dict[str, dict[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, *values = line.split("\t")
        if len(values) != len(columns) or not all(values):
            raise ValueError(f"{path.name}: {key!r} needs one value for each of {columns}")
        if key in out:
            raise ValueError(f"{path.name}: {key!r} is given twice")
        out[key] = dict(zip(columns, values, strict=True))
    return out
