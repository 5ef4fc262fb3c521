"""report: the rekenkamer report as PDF, HTML or Word document (DOCX)."""

# Deferred imports: normtoets.cli, normtoets.files, normtoets.report — each command loads only the
# library it runs, so `validate` starts without the report's Jinja and WeasyPrint and `compare`
# without openpyxl (measured in benchmarks/, docs/reference/performance.md).

import gc
import sys
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
from normtoets.core.i18n import _

if TYPE_CHECKING:
    from normtoets.report.pipeline import Kind, Request

REPORT_SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".docx": "docx"}


def _report_files(output: Path, as_html: bool, split: bool) -> list[tuple[str | None, Path, str]]:
    """(volume, file name, "pdf", "html" or "docx") of each file the report writes, before
    any check."""
    from normtoets.files.output_target import is_stream
    from normtoets.report import SPLIT_VOLUMES

    if is_stream(output):
        if split:
            raise UsageError(_("--split writes two files: give a file name, not standard output"))
        return [(None, output, "html" if as_html else "pdf")]
    suffix = output.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise UsageError(
            _(
                "{output}: a report is written as .pdf, .html (--html) or .docx; normtoets "
                "does not write '{suffix}' files"
            ).format(output=output, suffix=output.suffix or output.name)
        )
    if as_html and REPORT_SUFFIXES[suffix] == "docx":
        raise UsageError(
            _("--html writes HTML: give a .html file, not {output}").format(output=output)
        )
    if as_html and REPORT_SUFFIXES[suffix] == "pdf":
        output = output.with_suffix(".html")
    kind = REPORT_SUFFIXES[output.suffix.lower()]
    if not split:
        return [(None, output, kind)]
    return [
        (volume, output.with_name(f"{output.stem}-{volume}{output.suffix}"), kind)
        for volume in SPLIT_VOLUMES
    ]


def _write_report(data: bytes, target: Path | None) -> None:
    """To `target`, or (None) standard output."""
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        from normtoets.files.atomic import write_bytes

        write_bytes(target, data)


@app.command(
    cls=Command,
    short_help=_("The rekenkamer report as PDF, HTML or Word document."),
    help=_("Render the rekenkamer report (Dutch): one municipality, or the comparison."),
)
@guarded
def report(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH", help=_("An assessment file, or a study folder with --compare.")
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help=_("The .pdf, .html or .docx file to write ('-': stdout)."),
        ),
    ],
    force: ForceOption = False,
    compare: Annotated[
        bool, typer.Option("--compare", help=_("The comparison report of a study folder."))
    ] = False,
    html: Annotated[bool, typer.Option("--html", help=_("Write the HTML alone."))] = False,
    split: Annotated[
        bool,
        typer.Option("--split", help=_("Two volumes: bestuurlijke nota and nota van bevindingen.")),
    ] = False,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            metavar="DIR",
            help=_("Your own templates/CSS, used before the bundled ones."),
        ),
    ] = None,
    since: Annotated[
        Path | None,
        typer.Option(
            "--since",
            metavar="FILE",
            help=_("The earlier round's assessment: adds 'Doorwerking'."),
        ),
    ] = None,
    each: Annotated[
        bool,
        typer.Option(
            "--each",
            help=_("Every municipality's report of a study folder, into the folder --output."),
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            metavar="N",
            min=1,
            help=_("With --each: reports rendered at once (default: the machine's cores)."),
        ),
    ] = None,
    register: Annotated[
        bool,
        typer.Option(
            "--register",
            help=_(
                "'Stand van zaken aanbevelingen' over PATH, folders of studies: the register "
                "of recommendations with a chart per year."
            ),
        ),
    ] = False,
    factsheet: Annotated[
        bool,
        typer.Option(
            "--factsheet",
            help=_(
                "A factsheet of at most four pages: the scores and the kengetallen against the "
                "study's other units; with --each, one per municipality."
            ),
        ),
    ] = False,
    norms: NormsOption = None,
) -> None:
    """report: the municipality's, the comparison's or the register's report, validated first."""
    if templates is not None and not templates.is_dir():
        raise UsageError(_("templates folder not found: {folder}").format(folder=templates))
    kind = _kind(path, compare=compare, register=register, each=each, split=split, since=since)
    if factsheet:
        kind = _factsheet(kind, split=split, since=since)
    if each:
        from normtoets.cli.report_each import report_each

        report_each(path, output, "html" if html else "pdf", force, templates, norms, jobs,
                    factsheet)  # fmt: skip
        return
    if jobs is not None:
        raise UsageError(_("--jobs is for --each"))
    from normtoets.report.pipeline import Request

    request = Request(path, kind, templates, tuple(norms or ()), since, split)
    _make(request, output, html, force)


def _kind(
    path: Path, *, compare: bool, register: bool, each: bool, split: bool, since: Path | None
) -> "Kind":
    """What the options ask a report of, or the usage error that says they do not fit."""
    from normtoets.report.pipeline import Kind

    if register:
        if compare or split or since or each:
            raise UsageError(_("--register is a report of its own"))
        return Kind.register
    if each:
        if compare or split or since:
            raise UsageError(_("--each is the report of every municipality alone"))
        return Kind.municipality
    _check_one_or_comparison(path, compare=compare, split=split, since=since)
    return Kind.comparison if compare else Kind.municipality


def _factsheet(kind: "Kind", *, split: bool, since: Path | None) -> "Kind":
    """--factsheet: the factsheet of one municipality (or with --each, of each)."""
    from normtoets.report.pipeline import Kind

    if kind is not Kind.municipality or split or since:
        raise UsageError(
            _(
                "--factsheet is of one municipality: not with --compare, --register, --split "
                "or --since"
            )
        )
    return Kind.factsheet


def _check_one_or_comparison(path: Path, *, compare: bool, split: bool, since: Path | None) -> None:
    """The usage errors of a municipality's report or the comparison: --split and --since
    are for the first, a folder is for the second."""
    if compare and split:
        raise UsageError(_("--split is for the report of one municipality"))
    if compare and since:
        raise UsageError(_("--since is for the report of one municipality"))
    if path.is_dir() and not compare:
        raise UsageError(
            _(
                "{path} is a folder: add --compare for the comparison report, or --each for "
                "the report of every municipality"
            ).format(path=path)
        )


def _make(request: "Request", output: Path, html: bool, force: bool) -> None:
    """The one pipeline (report/pipeline): every file checked before anything is loaded,
    every volume made before any is written, so a refusal writes nothing at all."""
    from normtoets.report.pipeline import render, report_bytes

    inputs = [request.path, *([request.since] if request.since else [])]
    inputs += [*([request.templates] if request.templates else []), *request.norms]
    files = [
        (volume, name, kind, destination(name, inputs, force))
        for volume, name, kind in _report_files(output, html, request.split)
    ]
    made = render(request)
    if made.errors:
        fail_with(made.errors, _("No report was written."))
    warn(made.warnings)
    # The loaded files are not needed for the layout, where the memory peaks: let them go
    # first (a comparison of 342 held ~90 MB of them through WeasyPrint's layout).
    gc.collect()
    _write_all(
        [
            (name, target, report_bytes(made.html[volume], kind, request.templates))
            for volume, name, kind, target in files
        ]
    )


def _write_all(made: list[tuple[Path, Path | None, bytes]]) -> None:
    """Each report's bytes to its file (saying so), or to standard output."""
    for name, target, data in made:
        _write_report(data, target)
        if target is not None:
            written(name)
