"""validate, status, frameworks, schema: what is in the files."""

# Deferred imports: normtoets.analysis, normtoets.core, normtoets.loading, normtoets.models,
# normtoets.output — each command loads only the library it runs, so `validate` starts without the
# report's Jinja and WeasyPrint and `compare` without openpyxl (measured in benchmarks/,
# docs/reference/performance.md).

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from normtoets.cli.common import (
    DiagnosticFormat,
    ForceOption,
    NormsOption,
    OutputOption,
    SourcesOption,
    app,
    destination,
    emit_result,
    fail_with,
    guarded,
)
from normtoets.cli.helptext import Command
from normtoets.core.diagnostics import Diagnostic, Severity, has_errors
from normtoets.core.i18n import _, ngettext

if TYPE_CHECKING:
    from normtoets.analysis.progress import Progress
    from normtoets.loading.session import Loaded, Session


class StatusFormat(StrEnum):
    text = "text"
    json = "json"
    xlsx = "xlsx"


@app.command(
    cls=Command,
    short_help=_("Check the files; every problem as file:line:column."),
    help=_("Check frameworks, studies and assessments; report every problem as file:line:column."),
)
@guarded
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH...", help=_("Files or folders (default: ./norms and ./assessments).")
        ),
    ] = None,
    norms: NormsOption = None,
    output_format: Annotated[
        DiagnosticFormat,
        typer.Option("--format", "-f", metavar="text|json", help=_("Lines of text, or JSON.")),
    ] = DiagnosticFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help=_("Warnings fail the run too."))] = False,
    sources: SourcesOption = None,
) -> None:
    """validate: every file's problems, as text lines or JSON."""
    from normtoets.loading.validate import default_paths
    from normtoets.loading.validate import validate as run_validate
    from normtoets.output.diagnostics import render_json, render_text

    report = run_validate(paths or default_paths(), norms, sources)
    if output_format is DiagnosticFormat.json:
        sys.stdout.write(render_json(report.diagnostics) + "\n")
    else:
        render_text(sys.stdout, report.diagnostics, len(report.files))
    raise typer.Exit(1 if has_errors(report.diagnostics, strict) else 0)


class SchemaKind(StrEnum):
    framework = "framework"
    study = "study"
    assessment = "assessment"


@app.command(
    cls=Command,
    short_help=_("Print the JSON Schema of a file kind."),
    help=_("Print the JSON Schema of a file kind (for editors with the YAML language server)."),
)
@guarded
def schema(
    kind: Annotated[
        SchemaKind, typer.Argument(metavar="KIND", help=_("framework, study or assessment."))
    ],
) -> None:
    """schema: the JSON Schema generated from the models."""
    from normtoets.models.jsonschema import schema_text

    sys.stdout.write(schema_text(kind.value))


@app.command(
    cls=Command,
    short_help=_("Progress per assessment: what is still open."),
    help=_("Progress per assessment: norms scored, findings and evidence missing, unused sources."),
)
@guarded
def status(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH...", help=_("Assessment files or folders (default: ./assessments).")
        ),
    ] = None,
    norms: NormsOption = None,
    output_format: Annotated[
        StatusFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="text|json|xlsx",
            help=_("A table, JSON, or a spreadsheet (xlsx, with --output)."),
        ),
    ] = StatusFormat.text,
    output: OutputOption = None,
    force: ForceOption = False,
    strict: Annotated[
        bool, typer.Option("--strict", help=_("Exit 1 when any assessment is incomplete."))
    ] = False,
) -> None:
    """status: a row per assessment, then what is open; or JSON."""
    paths = paths or [Path("assessments")]
    target = destination(output, [*paths, *(norms or [])], force)
    rows, problems = _progress_rows(paths, norms)
    table = "table" if output_format is StatusFormat.text else output_format.value
    emit_result("status", table, rows, None, target)
    if problems:
        fail_with(problems)
    raise typer.Exit(1 if strict and not all(r.complete for r in rows) else 0)


def _progress_rows(
    paths: list[Path], norms: list[Path] | None
) -> tuple[list["Progress"], list[Diagnostic]]:
    """A progress row per assessment of `paths`, and the errors of the files that have none."""
    from normtoets.analysis.progress import progress
    from normtoets.loading.selection import study_members
    from normtoets.loading.session import Session
    from normtoets.loading.validate import collect

    session = Session(norms)
    loaded = session.load_all(collect(paths))
    for item in loaded:
        session.register(item)
    rows: list[Progress] = []
    problems: list[Diagnostic] = []
    for item in loaded:  # a study's own errors: a municipality listed without an assessment
        if item.kind == "study":
            problems += _errors(session, item)
    for item in study_members(loaded):
        framework = session.framework(item.model.framework) if item.model else None
        if item.model is None or framework is None:
            problems += _errors(session, item)
            continue
        study = session.study_for(item.path)
        unit = study.unit_of(item.model.unit_names[0]) if study else None
        rows.append(progress(item.name, framework, item.model, unit))
    return rows, problems


def _errors(session: "Session", item: "Loaded") -> list[Diagnostic]:
    """The errors of one file; status leaves its warnings to validate."""
    return [d for d in session.check(item) if d.severity is Severity.error]


@app.command(
    cls=Command,
    short_help=_("List the frameworks that were found."),
    help=_("List the frameworks found: bundled, in ./norms and in --norms folders."),
)
@guarded
def frameworks(norms: NormsOption = None) -> None:
    """frameworks: id@version, number of norms, title; a line each."""
    from normtoets.core.controlchars import visible
    from normtoets.loading.session import Session

    session = Session(norms)
    for framework in sorted(session.frameworks(), key=lambda f: (f.id, f.version)):
        count = len(list(framework.norms()))
        norms_text = ngettext("{count} norm", "{count} norms", count).format(count=count)
        line = f"{framework.id}@{framework.version}\t{norms_text}\t{framework.title}"
        typer.echo(visible(line))
    if session.broken:
        fail_with(session.broken_diagnostics(), _("These framework files could not be loaded."))
