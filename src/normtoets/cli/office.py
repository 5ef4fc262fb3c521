"""export and import: the scoring workbook for colleagues who work in Excel."""

# Deferred imports: normtoets.files, normtoets.loading, normtoets.office — each command loads only
# the library it runs, so `validate` starts without the report's Jinja and WeasyPrint and `compare`
# without openpyxl (measured in benchmarks/, docs/reference/performance.md); office brings openpyxl.

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from normtoets.cli.common import (
    ForceOption,
    NormsOption,
    app,
    destination,
    fail_with,
    guarded,
    warn,
    written,
)
from normtoets.cli.helptext import Command
from normtoets.core.errors import UsageError
from normtoets.core.i18n import _, ngettext

if TYPE_CHECKING:
    from normtoets.loading.session import Session
    from normtoets.office import values_table


@app.command(
    cls=Command,
    short_help=_("A scoring workbook (xlsx) of a study's assessments."),
    help=_(
        "Write a scoring workbook (xlsx): a sheet per municipality with a drop-down of the "
        "scale's scores, an overview of the scores, and a hidden record of the export that "
        "'normtoets import' checks."
    ),
)
@guarded
def export(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH...", help=_("A study folder, or assessment files.")),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="FILE.xlsx", help=_("The workbook to write.")),
    ],
    norms: NormsOption = None,
    force: ForceOption = False,
) -> None:
    """export: the workbook, written atomically."""
    from normtoets.files.atomic import write_bytes
    from normtoets.loading.selection import select
    from normtoets.office.export import export as build

    if output.suffix.lower() != ".xlsx":
        raise UsageError(_("export writes an .xlsx workbook: name the output FILE.xlsx"))
    target = destination(output, [*paths, *(norms or [])], force)
    if target is None:
        raise UsageError(_("a workbook is written to a file: name it with --output FILE.xlsx"))
    selection, diagnostics = select(paths, norms)
    if selection is None:
        fail_with(diagnostics)
        return
    warn(diagnostics)
    write_bytes(target, build(selection, selection.paths, target))
    written(output)


@app.command(
    "import",
    cls=Command,
    short_help=_("A scoring workbook's edits, or a table of values, into the YAML files."),
    help=_(
        "Bring the edits of a workbook made by 'normtoets export' into the YAML files, through "
        "the same checked editor as 'score'. A conflict or a changed workbook writes nothing."
        "\n\nOr bring in a table of kengetallen's values (.csv, or an .xlsx that export did "
        "not make) with the columns eenheid, kengetal, periode, waarde and optionally bron: "
        "each row sets the value of that period in the unit's assessment of STUDY (a folder; "
        "default the current one). A problem in any row writes nothing."
    ),
)
@guarded
def import_workbook(
    workbook: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help=_("The workbook export wrote, or a table of values (.csv or .xlsx)."),
        ),
    ],
    study: Annotated[
        Path | None,
        typer.Argument(
            metavar="[STUDY]",
            help=_("With a table of values: the study folder (default: the current folder)."),
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=_("Show what would change; write nothing."))
    ] = False,
    norms: NormsOption = None,
) -> None:
    """import: every edited cell an edit, all files or none."""
    from normtoets.loading.session import Session
    from normtoets.office import importing, values_table

    if not workbook.is_file():
        raise UsageError(_("path not found: {path}").format(path=workbook))
    session = Session(norms)
    table = values_table.read(workbook)
    if table is not None:
        _import_values(table, study or Path("."), session, dry_run=dry_run)
        return
    if study is not None:
        raise UsageError(
            _("a workbook made by 'normtoets export' names its own files: give no STUDY")
        )
    root = Path.cwd().resolve()
    outcome = importing.run(workbook, session, root, dry_run=dry_run)
    if outcome.problems:
        fail_with(outcome.problems, _("Nothing was written."))
    if not outcome.changed:
        typer.echo(_("no changes: the workbook holds what the files hold"))
        return
    for found in outcome.changed:
        for edit in found.edits:
            typer.echo(
                f"{found.record.path}: {edit.target} {edit.key}: "
                f"{importing.shown(edit.old)} → {importing.shown(edit.new)}"
            )
    _files_updated([str(found.record.path) for found in outcome.changed], outcome.written)


def _import_values(
    table: "values_table.ValuesTable", study: Path, session: "Session", *, dry_run: bool
) -> None:
    """import of a table of values: each change listed, all files or none."""
    from normtoets.office import values_import

    outcome = values_import.run(table, study, session, Path.cwd().resolve(), dry_run=dry_run)
    if outcome.problems:
        fail_with(outcome.problems, _("Nothing was written."))
    if not outcome.changed:
        typer.echo(_("no changes: the table holds what the files hold"))
        return
    shown = values_import.shown
    for plan in outcome.changed:
        for edit in plan.edits:
            for key, old, new in edit.shown():
                where = " ".join(str(p) for p in (edit.indicator, edit.period, key) if p)
                typer.echo(f"{plan.path}: {where}: {shown(old)} → {shown(new)}")
    _files_updated([str(plan.path) for plan in outcome.changed], outcome.written)


def _files_updated(files: list[str], wrote: bool) -> None:
    """The files an import wrote, or with --dry-run would write."""
    if not wrote:
        typer.echo(
            _("--dry-run: nothing was written; an import would write: {files}").format(
                files=", ".join(files)
            )
        )
        return
    count = len(files)
    typer.echo(
        ngettext("{count} file updated: {files}", "{count} files updated: {files}", count).format(
            count=count, files=", ".join(files)
        )
    )
