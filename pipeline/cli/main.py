"""The `lofte` console script: parse, dispatch to a command, turn errors into exit codes."""

from __future__ import annotations

import os
import sys

from pipeline.cli.commands import COMMANDS
from pipeline.cli.language import chosen
from pipeline.cli.parser import build_parser
from pipeline.errors import ExitCode, LofteError

# Store errors get their own exit code, so a script can tell them from a bad argument.
_STORE_CODES = frozenset({"E020", "E022"})


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `lofte` console script."""
    args = build_parser().parse_args(argv)
    args.lang = chosen(args.lang)
    if args.verbose:
        # Through the environment, so that spawned workers see it too.
        os.environ["LOFTE_VERBOSE"] = "1"
    try:
        code = int(COMMANDS[args.command](args))
        sys.stdout.flush()  # here, so a closed pipe is caught below and not at exit
        return code
    except LofteError as exc:
        print(exc.one_line(), file=sys.stderr)
        return int(ExitCode.STORE if exc.code in _STORE_CODES else ExitCode.USAGE)
    except KeyboardInterrupt:
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`lofte status | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return int(ExitCode.OK)


if __name__ == "__main__":
    sys.exit(main())
