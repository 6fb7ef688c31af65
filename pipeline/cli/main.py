"""The `lofte` console script: parse, dispatch to a command, turn errors into exit codes."""

from __future__ import annotations

import os
import sys

from pipeline.cli.commands import COMMANDS
from pipeline.cli.parser import build_parser
from pipeline.errors import ExitCode, LofteError

# Store errors get their own exit code, so a script can tell them from a bad argument.
_STORE_CODES = frozenset({"E020", "E022"})


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `lofte` console script."""
    args = build_parser().parse_args(argv)
    if args.verbose:
        # Through the environment, so that spawned workers see it too.
        os.environ["LOFTE_VERBOSE"] = "1"
    try:
        return int(COMMANDS[args.command](args))
    except LofteError as exc:
        print(exc.one_line(), file=sys.stderr)
        return int(ExitCode.STORE if exc.code in _STORE_CODES else ExitCode.USAGE)
    except KeyboardInterrupt:
        return int(ExitCode.INTERRUPTED)


if __name__ == "__main__":
    sys.exit(main())
