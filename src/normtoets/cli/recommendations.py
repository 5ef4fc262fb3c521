"""aanbevelingen: the register of recommendations over every study of a rekenkamer."""

# Deferred imports: normtoets.analysis, normtoets.loading — each command loads only the library it
# runs, so `validate` starts without the report's Jinja and WeasyPrint and `compare` without
# openpyxl (measured in benchmarks/, docs/reference/performance.md).

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
from normtoets.core.errors import UsageError
from normtoets.core.i18n import _


@app.command(
    "aanbevelingen",
    cls=Command,
    short_help=_("The register of recommendations: what became of each."),
    help=_(
        "The register of recommendations over folders of studies: every recommendation with its "
        "study, municipality, year and addressee, and its latest follow-up from a later round."
    ),
)
@guarded
def recommendations(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH...", help=_("Folders of studies, or files (default: ./assessments).")
        ),
    ] = None,
    norms: NormsOption = None,
    output_format: TableFormatOption = TableFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    municipality: Annotated[
        str | None,
        typer.Option("--municipality", metavar="NAME", help=_("Only this municipality's.")),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            metavar="STATUS",
            help=_(
                "Only with this status: geen actie, overige actie, wordt uitgevoerd, "
                "uitgevoerd or onbekend; repeatable."
            ),
        ),
    ] = None,
    since: Annotated[
        int | None,
        typer.Option("--since", metavar="YEAR", help=_("Only those made in YEAR or later.")),
    ] = None,
    older_than: Annotated[
        int | None,
        typer.Option(
            "--older-than",
            metavar="YEARS",
            min=0,
            help=_("Only those made at least YEARS years ago (follow-up is asked after two)."),
        ),
    ] = None,
) -> None:
    """aanbevelingen: the register in the format asked for."""
    from normtoets.analysis.register import STATUSES, filtered
    from normtoets.loading.register import load_register
    from normtoets.loading.session import Session

    paths = paths or [Path("assessments")]
    for given in status or []:
        if given not in STATUSES:
            raise UsageError(
                _("unknown status '{status}'; choose {statuses}").format(
                    status=given, statuses=", ".join(STATUSES)
                )
            )
    output = destination(output, [*paths, *(norms or [])], force)
    register, diagnostics = load_register(paths, Session(norms))
    if register is None:
        fail_with(diagnostics)
        return
    warn(diagnostics)
    chosen = filtered(
        register, municipality=municipality, statuses=status, since=since, older_than=older_than
    )
    emit_result("register", output_format.value, chosen, None, output)
