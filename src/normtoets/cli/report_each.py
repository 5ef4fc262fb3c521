"""report STUDY --each -o DIR: the report (or --factsheet: the factsheet) of every municipality
of a study, in parallel."""

# Deferred imports: normtoets.authoring, normtoets.files, normtoets.loading, normtoets.output,
# normtoets.report, rich —
# each command loads only the library it runs, so `validate` starts without the report's Jinja and
# WeasyPrint and `compare` without openpyxl (measured in benchmarks/,
# docs/reference/performance.md).

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from normtoets.cli.common import destination, fail_with, shown, stderr, warn
from normtoets.cli.common import written as written_file
from normtoets.core.diagnostics import Diagnostic
from normtoets.core.errors import UsageError
from normtoets.core.i18n import _, ngettext

if TYPE_CHECKING:
    from rich.console import Console

    from normtoets.loading.session import Loaded, Session
    from normtoets.report.batch import Job, Outcome
    from normtoets.report.context.kengetallen import Spreads


def _jobs(
    study: Path,
    output: Path,
    kind: str,
    force: bool,
    templates: Path | None,
    norms: list[Path],
    factsheet: bool = False,
) -> tuple[list["Job"], list[Diagnostic]]:
    """The reports to render, and the diagnostics of the assessments that cannot be.

    The whole study is checked first, as `compare` checks it: an error in one assessment
    leaves that one out; an error in the study file or the framework stops everything."""
    from normtoets.report.batch import Job

    assessments, errors, spreads = _checked(study, norms)
    suffix = ("-factsheet" if factsheet else "") + {"pdf": ".pdf", "html": ".html",
                                                    "docx": ".docx"}[kind]  # fmt: skip
    jobs: list[Job] = []
    seen: dict[Path, Path] = {}
    inputs = [study, *([templates] if templates else []), *norms]
    for item in assessments:
        targets = []
        for name in _names(output, item, suffix):
            if name in seen:
                raise UsageError(
                    _("{first} and {second} would both be written as {file}").format(
                        first=seen[name], second=item.path, file=name
                    )
                )
            seen[name] = item.path
            target = destination(name, inputs, force)
            assert target is not None
            targets.append(target)
        jobs.append(Job(item.path, targets[0], kind, templates, tuple(norms), tuple(targets[1:]),
                        factsheet, spreads.get(item.path)))  # fmt: skip
    return jobs, errors


def _names(output: Path, item: "Loaded", suffix: str) -> list[Path]:
    """The report's file, named as its assessment; for a joint assessment one for each of its
    municipalities, named as the municipality: each participant gets the joint report."""
    from normtoets.authoring.scaffold import slug

    if not item.model.joint:
        return [output / f"{item.path.stem}{suffix}"]
    return [output / f"{slug(name)}{suffix}" for name in item.model.unit_names]


def _checked(
    study: Path, norms: list[Path]
) -> tuple[list["Loaded"], list[Diagnostic], dict[Path, "Spreads"]]:
    """The study's assessments without an error, the errors of the others, and the spreads
    of the kengetallen of each (by its path); an error outside the assessments fails the run,
    the warnings of what is reported are shown."""
    from normtoets.loading.members import checked_members
    from normtoets.loading.session import Session

    session = Session(norms or None)
    found = checked_members(study, session)
    names = {i.name for i in found.assessments} | {str(i.path) for i in found.assessments}
    if any(d.file not in names for d in found.errors):
        fail_with(found.diagnostics, _("No report was written."))
    failing = {d.file for d in found.errors}
    warn([d for d in found.diagnostics if d.file not in failing])
    return found.usable, found.errors, _spreads(study, found.usable, session)


def _spreads(study: Path, usable: list["Loaded"], session: "Session") -> dict[Path, "Spreads"]:
    """Each assessment's kengetallen against the study's other units, computed once for all
    (as its report made alone computes them from the same folder): only for the assessments
    in the study's own folder, the others compute their own."""
    from normtoets.report.context.kengetallen import study_spreads

    here = [i for i in usable if i.path.parent.resolve() == study.resolve()]
    if session.study_in(study) is None:
        return {}
    found: dict[Path, Spreads] = {}
    tables: dict[tuple[str, str], dict[str, Spreads]] = {}
    for item in here:
        ref = item.model.framework
        framework = session.framework(ref)
        if framework is None:
            continue
        key = (ref.id, ref.version)
        if key not in tables:
            models = [i.model for i in usable]
            tables[key] = study_spreads(framework, models, session.study_in(study))
        found[item.path] = tables[key].get(item.model.unit_names[0], {})
    return found


def report_each(
    study: Path,
    output: Path,
    kind: str,
    force: bool,
    templates: Path | None,
    norms: list[Path] | None,
    workers: int | None,
    factsheet: bool = False,
) -> None:
    """Every municipality's report (or with `factsheet` its factsheet) into `output`."""
    _check_folders(study, output)
    jobs, invalid = _jobs(study, output, kind, force, templates, list(norms or []), factsheet)
    _make_folder(output)
    console = stderr()
    outcomes = _render(jobs, workers, console)
    written = [o for o in outcomes if o.error is None]
    files = [target for outcome in written for target in outcome.job.targets]
    if len(files) <= NAMED:  # a few: each by name; many: counted, with their folder
        for target in files:
            written_file(target)
    _tell_failures(outcomes, invalid, console)
    failed = len(outcomes) - len(written) + len({d.file for d in invalid})
    tally = _tally(len(files), failed) + ("" if len(files) <= NAMED else f" ({shown(output)})")
    console.print(tally, highlight=False, markup=False)
    if failed:
        raise typer.Exit(1)


NAMED = 10  # files --each names one by one; more are counted in the closing line


def _check_folders(study: Path, output: Path) -> None:
    """The usage errors of the study folder and the output folder, before anything is read."""
    if not study.is_dir():
        raise UsageError(_("--each takes a study folder, not {path}").format(path=study))
    from normtoets.files.output_target import is_stream

    if is_stream(output):
        raise UsageError(
            _("--each writes a file per municipality: give a folder, not standard output")
        )
    if output.exists() and not output.is_dir():
        raise UsageError(
            _("{output} is not a folder: --each writes a report per municipality into one").format(
                output=output
            )
        )
    if output.is_symlink() and not output.exists():
        raise UsageError(
            _(
                "{output} is a symbolic link to {target}, which does not exist: create that "
                "folder, or name another one"
            ).format(output=output, target=os.readlink(output))
        )


def _make_folder(output: Path) -> None:
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            _("cannot create the folder {output}: {error}").format(
                output=output, error=exc.strerror or exc
            )
        ) from None


def _render(jobs: list["Job"], workers: int | None, console: "Console") -> list["Outcome"]:
    """Every report rendered (`workers` at once), with a progress bar on stderr."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from normtoets.report.batch import default_jobs, render_all

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task(_("reports"), total=len(jobs))
        return render_all(jobs, workers or default_jobs(), lambda _o: bar.advance(task))


def _tell_failures(
    outcomes: list["Outcome"], invalid: list[Diagnostic], console: "Console"
) -> None:
    """The errors of the assessments left out, then why each failed report failed."""
    from normtoets.output.diagnostics import render_text

    if invalid:
        render_text(sys.stderr, invalid, len({d.file for d in invalid}))
    for outcome in outcomes:
        if outcome.error is not None:
            console.print(
                _("{file}: no report: {reason}").format(
                    file=outcome.job.assessment, reason=outcome.error
                ),
                highlight=False,
                markup=False,
                soft_wrap=True,
            )


def _tally(written: int, failed: int) -> str:
    """The closing line: the reports written, and those failed when any did."""
    return ngettext("{count} report written", "{count} reports written", written).format(
        count=written
    ) + (
        ", " + ngettext("{count} failed", "{count} failed", failed).format(count=failed)
        if failed
        else ""
    )
