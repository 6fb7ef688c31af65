"""Regex compilation with a first-character guard, so long word alternations scan fast."""

from __future__ import annotations

import importlib
import re
from typing import Any

# The parser behind ``re`` (Python 3.11+ names it re._parser); only read, never patched.
_p: Any = getattr(re, "_parser", None) or importlib.import_module("sre_parse")
_c: Any = getattr(re, "_constants", None) or importlib.import_module("sre_constants")

_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_MAX_FIRST = 40


def _first(items: Any) -> tuple[set[str] | None, bool]:
    """(first characters of a sequence, whether it can match empty); None if unbounded."""
    chars: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            chars.add(chr(av))
            return chars, False
        if op is _c.IN:
            for sub_op, sub_av in av:
                if sub_op is _c.LITERAL:
                    chars.add(chr(sub_av))
                elif sub_op is _c.RANGE and sub_av[1] - sub_av[0] < _MAX_FIRST:
                    chars.update(chr(x) for x in range(sub_av[0], sub_av[1] + 1))
                else:
                    return None, False
            return chars, False
        if op is _c.SUBPATTERN:
            sub, empty = _first(av[-1])
        elif op is _c.BRANCH:
            sub, empty = set(), False
            for alt in av[1]:
                alt_first, alt_empty = _first(alt)
                if alt_first is None:
                    return None, False
                sub |= alt_first
                empty = empty or alt_empty
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            sub, empty = _first(av[2])
            empty = empty or av[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        chars |= sub
        if not empty:
            return chars, False
    return chars, True


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` with a lookahead on its possible first characters.

    The lookahead changes no match: it only lets the engine skip, with one set test,
    the positions where none of a long alternation's words can start.
    """
    try:
        first, empty = _first(_p.parse(pattern, flags))
    except (re.error, TypeError, AttributeError):
        first, empty = None, True
    if first is None or empty or not first or len(first) > _MAX_FIRST:
        return re.compile(pattern, flags)
    if flags & re.IGNORECASE:
        first = first | {c.upper() for c in first} | {c.lower() for c in first}
    cls = "".join(re.escape(c) for c in sorted(first))
    try:
        return re.compile(f"(?=[{cls}])(?:{pattern})", flags)
    except re.error:  # e.g. inline global flags, which must open the pattern
        return re.compile(pattern, flags)
