"""report: the rekenkamer report as PDF, HTML or Word document (DOCX)."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from normtoets.cli.common import (
    ForceOption,
    NormsOption,
    app,
    destination,
    fail_with,
    guarded,
    warn,
)
from normtoets.cli.helptext import Command
from normtoets.core.errors import UsageError
from normtoets.core.i18n import _

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
    norms: NormsOption = None,
) -> None:
    """report: the municipality's, the comparison's or the register's report, validated first."""
    import normtoets.report as reports
    from normtoets.core.diagnostics import has_errors
    from normtoets.loading.scorings import double_scoring, study_double_scorings
    from normtoets.loading.selection import select
    from normtoets.loading.session import Session
    from normtoets.report.batch import report_bytes

    if templates is not None and not templates.is_dir():
        raise UsageError(_("templates folder not found: {folder}").format(folder=templates))
    if register:
        if compare or split or since or each or jobs is not None:
            raise UsageError(_("--register is a report of its own"))
        _report_register(path, output, html, force, templates, norms)
        return
    if each:
        if compare or split or since:
            raise UsageError(_("--each is the report of every municipality alone"))
        from normtoets.cli.report_each import report_each

        report_each(path, output, "html" if html else "pdf", force, templates, norms, jobs)
        return
    if jobs is not None:
        raise UsageError(_("--jobs is for --each"))
    if path.is_dir() and not compare:
        raise UsageError(
            _(
                "{path} is a folder: add --compare for the comparison report, or --each for "
                "the report of every municipality"
            ).format(path=path)
        )
    if compare and split:
        raise UsageError(_("--split is for the report of one municipality"))
    if compare and since:
        raise UsageError(_("--since is for the report of one municipality"))
    inputs = [path, *([since] if since else []), *([templates] if templates else [])]
    files = [
        (volume, name, kind, destination(name, [*inputs, *(norms or [])], force))
        for volume, name, kind in _report_files(output, html, split)
    ]
    session = Session(norms)  # one for both: the later round is loaded and checked once
    selection, diagnostics = select([path], session=session)
    if selection is None:
        fail_with(diagnostics, _("No report was written."))
        return
    earlier, found = None, [diagnostics]
    if since is not None:
        from normtoets.loading import rounds

        earlier, problems = rounds.load(since, path, session=session)
        if earlier is None:
            fail_with(problems, _("No report was written."))
            return
        found += [problems, earlier.warnings]
    warn(*found)
    if compare:
        agreements, problems = study_double_scorings(selection, session)
        if has_errors(problems):
            fail_with(problems, _("No report was written."))
        rendered: str | dict[str, str] = reports.comparison_html(
            selection.framework,
            selection.assessments,
            selection.study,
            templates=templates,
            agreements=agreements,
        )
    else:
        if len(selection.assessments) != 1:
            raise UsageError(_("a municipality report takes one assessment file"))
        agreement, problems = double_scoring(
            selection.study, selection.paths[0].parent, selection.assessments[0].municipality,
            session,
        )  # fmt: skip
        if has_errors(problems):
            fail_with(problems, _("No report was written."))
        rendered = reports.municipality_html(
            selection.framework,
            selection.assessments[0],
            selection.study,
            templates=templates,
            split=split,
            since=earlier.diff if earlier else None,
            since_study=earlier.old_study if earlier else None,
            agreement=agreement,
        )
    # The loaded files are not needed for the layout, which is where the memory peaks: let
    # them go first (a comparison of 342 held ~90 MB of them through WeasyPrint's layout).
    del selection, earlier, session
    import gc

    gc.collect()
    # Every volume made before any is written: a refusal in the second writes nothing at all.
    made = [
        (
            name,
            target,
            report_bytes(
                rendered if isinstance(rendered, str) else rendered[str(volume)], kind, templates
            ),
        )
        for volume, name, kind, target in files
    ]
    _write_all(made)


def _write_all(made: list[tuple[Path, Path | None, bytes]]) -> None:
    """Each report's bytes to its file (saying so), or to standard output."""
    for name, target, data in made:
        _write_report(data, target)
        if target is not None:
            typer.echo(_("wrote {file}").format(file=name))


def _report_register(
    path: Path,
    output: Path,
    html: bool,
    force: bool,
    templates: Path | None,
    norms: list[Path] | None,
) -> None:
    """report --register: the register of recommendations over the folders of studies."""
    import normtoets.report as reports
    from normtoets.loading.register import load_register
    from normtoets.loading.session import Session
    from normtoets.report.batch import report_bytes

    inputs = [path, *([templates] if templates else []), *(norms or [])]
    files = [
        (name, kind, destination(name, inputs, force))
        for _volume, name, kind in _report_files(output, html, split=False)
    ]
    loaded, diagnostics = load_register([path], Session(norms))
    if loaded is None:
        fail_with(diagnostics, _("No report was written."))
        return
    warn(diagnostics)
    if not loaded.entries:  # an empty chart and empty tables are no report
        raise UsageError(_("no recommendations in {path}: no report was written").format(path=path))
    rendered = reports.register_html(loaded, templates=templates)
    _write_all(
        [(name, target, report_bytes(rendered, kind, templates)) for name, kind, target in files]
    )
