"""Command line: parses options, calls the library, renders. Nothing else imports typer.

One module per group of commands; `common` holds what they share."""

import gc
import sys
from typing import Any

from normtoets.cli import (  # noqa: F401 - registers the commands
    agreeing,
    authoring,
    checking,
    comparing,
    indicators,
    office,
    recommendations,
    reporting,
)
from normtoets.cli.common import EXIT_BROKEN_PIPE, app, quiet_stdout

__all__ = ["app", "main"]

# The order of `normtoets --help`: the main job first, the helpers last. A command this list
# does not name (a new one) comes after them: adding a command needs no edit here.
HELP_ORDER = ["validate", "compare", "diff", "agree", "report", "aanbevelingen", "status",
              "score", "export", "import", "frameworks", "schema"]  # fmt: skip


def help_rank(command: Any) -> int:
    name = str(command.name or getattr(command.callback, "__name__", ""))
    return HELP_ORDER.index(name) if name in HELP_ORDER else len(HELP_ORDER)


app.registered_commands.sort(key=help_rank)


def main() -> None:
    try:
        try:
            app()
        finally:
            sys.stdout.flush()  # here, not at exit, so a closed pipe is caught below
    except BrokenPipeError:
        quiet_stdout()
        sys.exit(EXIT_BROKEN_PIPE)
    finally:
        # The process ends here: spare the interpreter's last collection a walk over every
        # object still alive (0.1 s after a report). Every file is closed by now: output files
        # are written whole and atomically.
        gc.freeze()
