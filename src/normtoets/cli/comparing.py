"""compare and diff: municipalities side by side, rounds one after the other."""

# Deferred imports: normtoets.analysis, normtoets.loading, normtoets.output — each command loads
# only the library it runs, so `validate` starts without the report's Jinja and WeasyPrint and
# `compare` without openpyxl (measured in benchmarks/, docs/reference/performance.md).

from pathlib import Path
from typing import Annotated

import typer

from normtoets.cli.common import (
    ForceOption,
    NormsOption,
    OutputOption,
    TableFormat,
    TableFormatOption,
    app,
    destination,
    emit_result,
    fail_with,
    guarded,
    selected,
    warn,
)
from normtoets.cli.helptext import Command
from normtoets.core.errors import UsageError
from normtoets.core.i18n import _


@app.command(
    cls=Command,
    short_help=_("Municipalities side by side, norm by norm."),
    help=_("Municipalities side by side, norm by norm, with who can serve as an example."),
)
@guarded
def compare(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH...", help=_("A study folder, or assessment files.")),
    ],
    norms: NormsOption = None,
    output_format: TableFormatOption = TableFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    criteria: Annotated[
        bool, typer.Option("--criteria", help=_("Add the criterion rows."))
    ] = False,
    only_differences: Annotated[
        bool,
        typer.Option("--only-differences", help=_("Only rows where municipalities differ.")),
    ] = False,
    lessons: Annotated[
        bool,
        typer.Option(
            "--lessons", help=_("Add per norm who can serve as an example for the others.")
        ),
    ] = False,
    mean: Annotated[
        bool,
        typer.Option("--mean", help=_("Add the mean per theme (needs numeric scale values).")),
    ] = False,
) -> None:
    """compare: the comparison in the format asked for."""
    from normtoets.analysis import comparison as comparing
    from normtoets.output.formats import View

    output = destination(output, [*paths, *(norms or [])], force)
    selection = selected(paths, norms)
    if mean and any(level.value is None for level in selection.framework.scale.levels):
        raise UsageError(
            _("--mean needs a numeric value for every scale level of {framework}").format(
                framework=selection.framework.ref
            )
        )
    result = comparing.build(selection.framework, selection.assessments, selection.study)
    view = View(criteria=criteria, only_differences=only_differences, lessons=lessons, mean=mean)
    emit_result("comparison", output_format.value, result, view, output)


@app.command(
    "diff",
    cls=Command,
    short_help=_("Two rounds of one municipality: the doorwerking."),
    help=_("Doorwerking: two rounds of one municipality, norm by norm, with each follow-up."),
)
@guarded
def diff_rounds(
    old: Annotated[
        Path, typer.Argument(metavar="OLD", help=_("The assessment of the earlier round."))
    ],
    new: Annotated[
        Path, typer.Argument(metavar="NEW", help=_("The assessment of the later round."))
    ],
    norms: NormsOption = None,
    output_format: TableFormatOption = TableFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    criteria: Annotated[
        bool,
        typer.Option("--criteria", help=_("Add the criterion rows (JSON always has them).")),
    ] = False,
) -> None:
    """diff: the two rounds in the format asked for."""
    from normtoets.loading import rounds
    from normtoets.output.formats import View

    output = destination(output, [old, new, *(norms or [])], force)
    loaded, diagnostics = rounds.load(old, new, norms)
    if loaded is None:
        fail_with(diagnostics)
    warn(diagnostics, loaded.warnings)
    emit_result("diff", output_format.value, loaded.diff, View(criteria=criteria), output)
