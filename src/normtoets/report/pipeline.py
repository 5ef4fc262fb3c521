"""The one way a report is made, whatever asks for it: load and check the files, select what
the report is of, build its context and render the HTML; then, per file, the PDF, the
standalone HTML or the Word document. `report FILE`, `--since`, `--split`, `--compare`,
`--register` and every report of `--each` go through `render` and `report_bytes`, so they
refuse the same things the same way and a report of `--each` is the bytes of the same report
made alone.
"""

# Deferred imports: normtoets.report — a PDF does not load the Word writer, an HTML report neither.

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import normtoets.report as reports
from normtoets.core.diagnostics import Diagnostic, Severity, has_errors
from normtoets.core.errors import UsageError
from normtoets.core.i18n import _
from normtoets.loading.members import checked_members
from normtoets.loading.scorings import double_scoring, study_double_scorings
from normtoets.loading.selection import Selection, select
from normtoets.loading.session import Session
from normtoets.report.context.kengetallen import Spreads, has_numbers, study_spreads


class Kind(StrEnum):
    """What the report is of."""

    municipality = "municipality"  # one assessment (with --since, --split)
    factsheet = "factsheet"  # one assessment in at most four pages: scores, kengetallen
    comparison = "comparison"  # a study's municipalities side by side
    register = "register"  # the recommendations of folders of studies


@dataclass(frozen=True)
class Request:
    path: Path
    kind: Kind = Kind.municipality
    templates: Path | None = None
    norms: tuple[Path, ...] = ()
    since: Path | None = None  # the earlier round's assessment: adds Doorwerking
    split: bool = False  # two volumes
    # The kengetallen against the study's other units when the caller has them (--each
    # computes them once for all); None: read from the study's folder, as a report alone does.
    spreads: Spreads | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Made:
    """The HTML of each volume (None: the whole report), or the errors that refuse it."""

    html: dict[str | None, str] = field(default_factory=dict)
    warnings: list[Diagnostic] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)


def _refused(diagnostics: list[Diagnostic]) -> Made:
    return Made(errors=[d for d in diagnostics if d.severity is Severity.error])


def render(request: Request) -> Made:
    """The report's HTML, from the files as they are now; nothing is written."""
    session = Session(list(request.norms) or None)
    if request.kind is Kind.register:
        return _register(request, session)
    selection, diagnostics = select([request.path], session=session)
    if selection is None:
        return _refused(diagnostics)
    if request.kind is Kind.comparison:
        return _comparison(request, selection, session, diagnostics)
    return _municipality(request, selection, session, diagnostics)


def _municipality(
    request: Request, selection: Selection, session: Session, diagnostics: list[Diagnostic]
) -> Made:
    if len(selection.assessments) != 1:
        raise UsageError(_("a municipality report takes one assessment file"))
    spreads = request.spreads if request.spreads is not None else _spreads(selection, session)
    if request.kind is Kind.factsheet:
        sheet = reports.factsheet_html(
            selection.framework,
            selection.assessments[0],
            selection.study,
            templates=request.templates,
            spreads=spreads,
        )
        return Made({None: sheet}, _warnings(diagnostics))
    warnings = [diagnostics]
    earlier = None
    if request.since is not None:
        from normtoets.loading import rounds  # the diff's analysis, for --since only

        earlier, problems = rounds.load(request.since, request.path, session=session)
        if earlier is None:
            return _refused(problems)
        warnings += [problems, earlier.warnings]
    agreement, problems = double_scoring(
        selection.study, selection.paths[0].parent, selection.assessments[0], session
    )
    if has_errors(problems):
        return _refused(problems)
    html = reports.municipality_html(
        selection.framework,
        selection.assessments[0],
        selection.study,
        templates=request.templates,
        split=request.split,
        since=earlier.diff if earlier else None,
        since_study=earlier.old_study if earlier else None,
        agreement=agreement,
        spreads=spreads,
    )
    volumes: dict[str | None, str] = (
        {None: html} if isinstance(html, str) else {name: text for name, text in html.items()}
    )
    return Made(volumes, _warnings(*warnings))


def _spreads(selection: Selection, session: Session) -> Spreads | None:
    """The assessment's kengetallen against the other units of its study: the assessments
    without an error in the study's folder (those `--each` reports on). None without a study
    or without kengetallen: the report shows this unit's numbers alone."""
    assessment = selection.assessments[0]
    if selection.study is None or not has_numbers(selection.framework, assessment):
        return None
    members = checked_members(selection.paths[0].parent, session).usable
    found = study_spreads(selection.framework, [m.model for m in members], selection.study)
    return found.get(assessment.unit_names[0], {})


def _comparison(
    request: Request, selection: Selection, session: Session, diagnostics: list[Diagnostic]
) -> Made:
    agreements, problems = study_double_scorings(selection, session)
    if has_errors(problems):
        return _refused(problems)
    html = reports.comparison_html(
        selection.framework,
        selection.assessments,
        selection.study,
        templates=request.templates,
        agreements=agreements,
    )
    return Made({None: html}, _warnings(diagnostics))


def _register(request: Request, session: Session) -> Made:
    from normtoets.loading.register import load_register  # the register's loading only

    loaded, diagnostics = load_register([request.path], session)
    if loaded is None:
        return _refused(diagnostics)
    if not loaded.entries:  # an empty chart and empty tables are no report
        raise UsageError(
            _("no recommendations in {path}: no report was written").format(path=request.path)
        )
    return Made({None: reports.register_html(loaded, templates=request.templates)}, diagnostics)


def _warnings(*found: list[Diagnostic]) -> list[Diagnostic]:
    """The warnings and infos of the files a report used, each once, in order."""
    return sorted({d for group in found for d in group if d.severity is not Severity.error})


def report_bytes(html: str, kind: str, templates: Path | None) -> bytes:
    """The standalone HTML, the Word document or the PDF of a rendered report."""
    if kind == "docx":
        from normtoets.report.word import docx_bytes  # python-docx: only for a Word file

        return docx_bytes(html, templates)
    if kind == "html":
        from normtoets.report.html import standalone

        return standalone(html, templates).encode("utf-8")
    from normtoets.report.pdf import pdf_bytes  # WeasyPrint: half a second to import

    return pdf_bytes(html, templates=templates)
