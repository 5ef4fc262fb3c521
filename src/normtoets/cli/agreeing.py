"""agree: independent scorings of one municipality side by side, and how far they agree."""

# Deferred imports: normtoets.analysis, normtoets.authoring, normtoets.loading — each command loads
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
    warn,
)
from normtoets.cli.helptext import Command
from normtoets.core.i18n import _


@app.command(
    cls=Command,
    short_help=_("Double scoring: how far independent scorings agree."),
    help=_(
        "Double scoring: the scores of two or more independent scorings of one municipality side "
        "by side, Krippendorff's alpha, weighted kappa and exact agreement per theme, and every "
        "difference with each rater's finding."
    ),
)
@guarded
def agree(
    scorings: Annotated[
        list[Path],
        typer.Argument(
            metavar="SCORING...",
            help=_("Two or more assessment files of one municipality, each with its own `rater`."),
        ),
    ],
    norms: NormsOption = None,
    output_format: TableFormatOption = TableFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    consensus: Annotated[
        Path | None,
        typer.Option(
            "--consensus",
            metavar="OUT.yaml",
            help=_(
                "Also write the assessment for the consensus meeting: equal scores kept, "
                "differences nb with each rater's score and finding as comments (a new file)."
            ),
        ),
    ] = None,
) -> None:
    """agree: the agreement in the format asked for; --consensus writes the meeting's file."""
    from normtoets.analysis.agreement import build
    from normtoets.authoring.consensus import write_consensus
    from normtoets.loading.scorings import load_scorings
    from normtoets.loading.session import Session

    output = destination(output, [*scorings, *(norms or [])], force)
    session = Session(norms)
    loaded, diagnostics = load_scorings(scorings, session)
    if loaded is None:
        fail_with(diagnostics)
        return
    warn(diagnostics)
    result = build(loaded.framework, loaded.scorings)
    if consensus is not None:
        refused = write_consensus(consensus, result, session)
        if refused:
            fail_with(refused, _("{file} was not written.").format(file=consensus))
    emit_result("agreement", output_format.value, result, None, output)
