"""kengetallen: the numbers of a study's units against their streefwaarden and each other."""

# Deferred imports: normtoets.analysis, normtoets.loading — each command loads only the library
# it runs (measured in benchmarks/, docs/reference/performance.md).

from dataclasses import replace
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
    guarded,
    selected,
)
from normtoets.cli.helptext import Command
from normtoets.core.i18n import _


@app.command(
    cls=Command,
    short_help=_("Kengetallen against their streefwaarden and each other."),
    help=_(
        "Kengetallen: per unit and indicator the latest value, the baseline, the streefwaarde "
        "and whether it is met (or why it cannot be tested), and per indicator the "
        "distribution over the units with each unit's place."
    ),
)
@guarded
def kengetallen(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH...", help=_("A study folder, or assessment files.")),
    ],
    norms: NormsOption = None,
    output_format: TableFormatOption = TableFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    group_by: Annotated[
        str | None,
        typer.Option(
            "--group-by",
            metavar="ATTRIBUTE",
            help=_(
                "Add the distribution per group of units with the same attribute in study.yaml "
                "(inwoners: the CBS size classes)."
            ),
        ),
    ] = None,
) -> None:
    """kengetallen: the result in the format asked for."""
    from normtoets.analysis import kengetallen as numbers

    output = destination(output, [*paths, *(norms or [])], force)
    selection = selected(paths, norms)
    result = numbers.build(selection.framework, selection.assessments, selection.study)
    if group_by is not None:
        result = replace(result, groups=numbers.grouped(result, selection.study, group_by))
    emit_result("kengetallen", output_format.value, result, None, output)
