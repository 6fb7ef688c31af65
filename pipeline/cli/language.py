"""The language `lofte` speaks to a person: `--lang`, else the locale, else English."""

from __future__ import annotations

import os
from collections.abc import Mapping

# The POSIX order: the first of these that is set and not empty names the messages' locale.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
LOCALE_RULE = (
    "default: the locale, the first of " + ", ".join(LOCALE_VARIABLES) + " that is set; "
    "one starting with 'sv' is Swedish, anything else English"
)


def from_locale(environ: Mapping[str, str] | None = None) -> str:
    """'sv' if the first set locale variable starts with 'sv' (sv_SE.UTF-8, sv), else 'en'."""
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    return "en"


def chosen(lang: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The language asked for with ``--lang``, else the locale's."""
    return lang or from_locale(environ)
