"""The rekenkamer reports (Dutch): one municipality, or the comparison of a study.

Models → context (report.context, pure) → HTML (report.html, Jinja2) → PDF (report.pdf,
WeasyPrint, imported there only and lazily).
"""

from pathlib import Path

from normtoets.analysis.agreement import Agreement
from normtoets.analysis.diff import Diff
from normtoets.analysis.register import Register
from normtoets.models import Assessment, Framework, Study
from normtoets.report import context
from normtoets.report.context.factsheet import factsheet
from normtoets.report.context.kengetallen import Spreads
from normtoets.report.html import render

MUNICIPALITY_TEMPLATE = "municipality.html.j2"
FACTSHEET_TEMPLATE = "factsheet.html.j2"
COMPARISON_TEMPLATE = "comparison.html.j2"
REGISTER_TEMPLATE = "register.html.j2"
SPLIT_VOLUMES = ("bestuurlijke-nota", "nota-van-bevindingen")


def municipality_html(
    framework: Framework,
    assessment: Assessment,
    study: Study | None,
    *,
    templates: Path | None = None,
    split: bool = False,
    since: Diff | None = None,
    since_study: Study | None = None,
    agreement: Agreement | None = None,
    spreads: Spreads | None = None,
) -> str | dict[str, str]:
    """One volume as HTML, or with `split` the two volumes keyed by their file-name part.

    With `since` (the diff from an earlier round) the chapter Doorwerking is added; in two
    volumes, to the bestuurlijke nota. With `agreement` (the study's double scoring of this
    municipality) the chapter on the research says how far the scorings agreed. With
    `spreads` (the study's kengetallen over its units) the chapter Kengetallen gives this
    municipality's place among them.
    """
    later = context.doorwerking(since, since_study, study) if since is not None else None
    volumes = SPLIT_VOLUMES if split else ("rapport",)
    made = {
        volume: render(
            MUNICIPALITY_TEMPLATE,
            templates,
            r=context.municipality(framework, assessment, study, volume, later, agreement, spreads),
        )
        for volume in volumes
    }
    return made if split else made["rapport"]


def factsheet_html(
    framework: Framework,
    assessment: Assessment,
    study: Study | None,
    *,
    templates: Path | None = None,
    spreads: Spreads | None = None,
) -> str:
    """One participant's factsheet: its scores, and its kengetallen against the study's other
    units (`spreads`; None: this one alone)."""
    return render(FACTSHEET_TEMPLATE, templates, r=factsheet(framework, assessment, study, spreads))


def comparison_html(
    framework: Framework,
    assessments: list[Assessment],
    study: Study | None,
    *,
    templates: Path | None = None,
    agreements: list[Agreement] | None = None,
) -> str:
    """The comparison report; with `agreements` (the study's double scorings) its introduction
    says how far they agreed."""
    report = context.comparison(framework, assessments, study, agreements)
    return render(COMPARISON_TEMPLATE, templates, r=report)


def register_html(register: Register, *, templates: Path | None = None) -> str:
    """ "Stand van zaken aanbevelingen": the register of recommendations for the jaarverslag."""
    return render(REGISTER_TEMPLATE, templates, r=context.register(register))


__all__ = ["comparison_html", "factsheet_html", "municipality_html", "register_html"]
