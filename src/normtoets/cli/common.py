"""What every command shares: the app, the one place exceptions become exit codes, the
common options, and writing results to the terminal or a checked --output file."""

# Deferred imports: normtoets.core, normtoets.files, normtoets.output, rich — each command loads
# only the library it runs, so `validate` starts without the report's Jinja and WeasyPrint and
# `compare` without openpyxl (measured in benchmarks/, docs/reference/performance.md).

import functools
import io
import os
import sys
import traceback
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, ParamSpec

import typer

from normtoets import __version__
from normtoets.cli import usage_errors
from normtoets.cli.helptext import Group
from normtoets.core.diagnostics import Diagnostic, Severity
from normtoets.core.errors import RunError, UsageError
from normtoets.core.i18n import _

if TYPE_CHECKING:
    from rich.console import Console

    from normtoets.loading.selection import Selection

EXIT_INTERNAL = 3
EXIT_BROKEN_PIPE = 141  # what a shell reports for a writer stopped by SIGPIPE
PREFIX = "normtoets: "  # before every message on stderr that is not a diagnostic
P = ParamSpec("P")


_state = {"debug": False}


def quiet_stdout() -> None:
    """The reader went away (`| head`): send what is left, and the final flush, nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (a test runner's buffer)
        pass
    finally:
        os.close(devnull)


def guarded(command: Callable[P, None]) -> Callable[P, None]:
    """The one place that maps exceptions to exit codes (option errors are typer's: exit 2)."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except UsageError as exc:
            say(PREFIX + str(exc))
            raise typer.Exit(2) from None
        except RunError as exc:
            say(PREFIX + str(exc))
            raise typer.Exit(1) from None
        except (typer.Exit, typer.Abort):
            raise
        except BrokenPipeError:
            quiet_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except OSError as exc:  # the machine's, not a bug: a device error, a vanished folder
            where = f"{exc.filename}: " if exc.filename else ""
            say(PREFIX + where + str(exc.strerror or exc))
            raise typer.Exit(1) from None
        except Exception as exc:
            if _state["debug"]:
                traceback.print_exc()
            else:
                message = _(
                    "internal error: {error}\nThis is a bug in normtoets, not in your files. Run "
                    "again with --debug for a traceback and report it."
                ).format(error=f"{type(exc).__name__}: {exc}")
                say(PREFIX + message)
            raise typer.Exit(EXIT_INTERNAL) from None

    return run


usage_errors.install()  # click's own messages in the user's language

app = typer.Typer(
    cls=Group,
    help=_("Audit municipalities against a normenkader: validate, compare, report."),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,  # audit data must never leak into a traceback
    add_completion=True,
    # Plain help: typer's rich help imports Markdown support and draws panels, which made
    # `--help` cost 2.5× the typer+rich import floor (benchmarks/run.py); plain help is 1.2×.
    rich_markup_mode=None,
)


def say(message: str) -> None:
    """A message on stderr, as one line however long (a path is never broken), with what a
    terminal would obey escaped."""
    from normtoets.core.controlchars import visible

    sys.stderr.write(visible(message) + "\n")
    sys.stderr.flush()


def stderr() -> "Console":
    from rich.console import Console  # 17 ms: only where a message or a table is drawn

    return Console(stderr=True)


class DiagnosticFormat(StrEnum):
    text = "text"
    json = "json"


NormsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--norms", metavar="DIR", help=_("Extra folder with frameworks (normenkaders); repeatable.")
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"normtoets {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    debug: Annotated[
        bool, typer.Option("--debug", help=_("Show a traceback on internal errors."))
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_("Show the version.")),
    ] = False,
) -> None:
    _state["debug"] = debug


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


TableFormatOption = Annotated[
    TableFormat,
    typer.Option(
        "--format",
        "-f",
        metavar="table|json|csv|markdown|xlsx",
        help=_("The form of the output (xlsx with --output)."),
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help=_("Write to this file instead of stdout ('-': stdout)."),
    ),
]
SourcesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--sources",
        metavar="DIR",
        help=_("Folder with the sources' files (after the assessment's folder); repeatable."),
    ),
]
ForceOption = Annotated[
    bool,
    typer.Option(
        "--force", help=_("Replace an existing output file (never an input or a YAML file).")
    ),
]


def fail_with(diagnostics: list[Diagnostic], note: str | None = None) -> NoReturn:
    """Invalid input: the diagnostics of validate on stderr, exit 1."""
    from normtoets.output.diagnostics import render_text

    errors = [d for d in diagnostics if d.severity is Severity.error]
    render_text(sys.stderr, errors, len({d.file for d in errors}))
    if note:
        say(note)
    raise typer.Exit(1)


def destination(output: Path | None, inputs: list[Path], force: bool) -> Path | None:
    """The file --output names (checked: never an input, YAML, folder or device), or None
    for standard output."""
    if output is None:
        return None
    from normtoets.files.output_target import inputs_of, target

    return target(output, inputs=inputs_of(inputs), force=force)


def emit(text: str, output: Path | None) -> None:
    """Text to stdout, or to OUTPUT, saying so."""
    if output is None:
        sys.stdout.write(text)
    else:
        from normtoets.files.atomic import write_text

        write_text(output, text)
        written(output)


def written(path: Path) -> None:
    """'out/vergelijking.csv geschreven' on stderr: every file a command writes, named as it
    is (stdout carries only results)."""
    say(_("wrote {file}").format(file=shown(path)))


def shown(path: Path) -> str:
    """A path as the user reads it: `uit/../x.pdf` as `x.pdf` (the same file, unless a
    symbolic link is on the way, which os.path.normpath would lose: then as given)."""
    text = str(path)
    normal = os.path.normpath(text)
    if ".." in Path(text).parts and Path(text).resolve() != Path(normal).resolve():
        return text  # a symbolic link on the way: `..` means its parent, not ours
    here = os.getcwd()
    if os.path.isabs(normal) and os.path.commonpath([here, normal]) == here:
        return os.path.relpath(normal, here)  # written below the folder the command ran in
    return normal


def emit_bytes(data: bytes, output: Path | None) -> None:
    """A file that is not text: to OUTPUT, or to a pipe; never onto a terminal."""
    if output is not None:
        from normtoets.files.atomic import write_bytes

        write_bytes(output, data)
        written(output)
        return
    if sys.stdout.isatty():
        raise UsageError(_("a spreadsheet is not for the terminal: add --output FILE.xlsx"))
    sys.stdout.flush()
    sys.stdout.buffer.write(data)


def emit_result(kind: str, format_name: str, result: Any, view: Any, output: Path | None) -> None:
    """A result in the format asked for (output.formats), to the terminal or to OUTPUT.
    A table on the terminal is drawn by rich; written to a file, it is plain text."""
    from normtoets.output.formats import lookup

    found = lookup(kind, format_name)
    if found.data is not None:
        emit_bytes(found.data(result, view), output)
        return
    if found.text is not None:
        emit(found.text(result, view), output)
        return
    assert found.draw is not None
    from rich.console import Console

    if output is None:
        found.draw(Console(), result, view)
        return
    buffer = io.StringIO()
    found.draw(Console(file=buffer, width=found.width), result, view)
    emit(buffer.getvalue(), output)


def selected(paths: list[Path], norms: list[Path] | None) -> "Selection":
    """The assessments a command compares, checked as validate checks them: an error ends
    the run with the diagnostics, the warnings are shown and the run goes on."""
    from normtoets.loading.selection import select  # the library only when a command runs

    selection, diagnostics = select(paths, norms)
    if selection is None:
        fail_with(diagnostics)
    warn(diagnostics)
    return selection


def warn(*found: list[Diagnostic], infos: bool = False) -> None:
    """The warnings of the files a successful run used, on stderr, each once. Infos are for
    `validate` and `status` to show (and for an edit, `infos`: what it leaves to look at), so a
    run of several commands does not repeat them at every step."""
    from normtoets.output.diagnostics import render_text

    diagnostics = sorted({d for group in found for d in group if d.severity is not Severity.error})
    shown = (Severity.warning, Severity.info) if infos else (Severity.warning,)
    warnings = [d for d in diagnostics if d.severity in shown]
    if warnings:
        render_text(sys.stderr, warnings, len({d.file for d in warnings}))
