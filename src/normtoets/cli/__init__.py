"""Command line: parses options, calls the library, renders. Nothing else imports typer.

One module per group of commands; `common` holds what they share."""

import gc
import sys

from normtoets.cli import (  # noqa: F401 - registers the commands
    agreeing,
    authoring,
    checking,
    comparing,
    office,
    recommendations,
    reporting,
)
from normtoets.cli.common import EXIT_BROKEN_PIPE, app, quiet_stdout

__all__ = ["app", "main"]

# The order of `normtoets --help`: the main job first, the helpers last.
_ORDER = ["validate", "compare", "diff", "agree", "report", "aanbevelingen", "status", "score",
          "export", "import", "frameworks", "schema"]  # fmt: skip
app.registered_commands.sort(
    key=lambda c: _ORDER.index(str(c.name or getattr(c.callback, "__name__", "")))
)


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
