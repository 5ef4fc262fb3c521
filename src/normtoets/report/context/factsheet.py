"""The factsheet of one participant of a study (`report --factsheet`, with `--each` one per
participant): at most four pages with its scores, norm by norm, and its kengetallen against
the other units of the study, as a table and as strips. The same parts as the report's
(theme_findings, numbers_view), shorter: no findings' text, no line charts."""

from dataclasses import dataclass

from normtoets.analysis.kengetallen import build
from normtoets.models import Assessment, Framework, Study
from normtoets.models.study import ReportOptions
from normtoets.report.charts import Strips
from normtoets.report.context.common import (
    FrameworkView,
    Meta,
    date_of,
    framework_view,
    front_matter,
)
from normtoets.report.context.kengetallen import (
    STRIP_MINIMUM,
    NumbersView,
    Spreads,
    cells_of,
    numbers_view,
    spread_description,
    spreads,
    strip_row,
)
from normtoets.report.context.municipality import ThemeFindings, Totals, theme_findings, totals_of
from normtoets.report.context.notes import Notes, source_view


@dataclass(frozen=True)
class Factsheet:
    meta: Meta
    framework: FrameworkView
    themes: list[ThemeFindings]
    totals: Totals
    numbers: NumbersView | None  # None: no kengetallen with a streefwaarde or a value
    strips: list[Strips]  # the kengetallen with a spread to show, a strip each
    options: ReportOptions


STRIPS_PER_FIGURE = 13  # a figure does not break across pages: two of them fill about one


def _strips(
    framework: Framework,
    assessment: Assessment,
    study: Study | None,
    given: Spreads | None,
    view: NumbersView,
) -> list[Strips]:
    """The kengetallen with a spread of at least STRIP_MINIMUM units, one strip each, on
    figures of at most STRIPS_PER_FIGURE strips."""
    unit = assessment.unit_names[0]
    found = given if given is not None else spreads(build(framework, [assessment], study), unit)
    rows = [
        (cell, spread)
        for cell in cells_of(framework, assessment, study)
        if (spread := found.get(cell.indicator.id)) is not None and spread.of.n >= STRIP_MINIMUM
    ]
    count = -(-len(rows) // STRIPS_PER_FIGURE)  # figures of about equal length
    size = -(-len(rows) // count) if count else 1
    charts = []
    for i in range(0, len(rows), size):
        part = rows[i : i + size]
        which = f" ({i // size + 1} van {count})" if count > 1 else ""
        title = (
            f"De kengetallen van {view.where} tussen die van de {view.units.plural}{which}: per "
            f"kengetal een strook van de laagste tot de hoogste waarde, {view.where} "
            f"gemarkeerd; de getallen staan in de tabel."
        )
        charts.append(
            Strips(
                f"stroken-{i // size + 1}",
                title,
                spread_description(part, view.where),
                [strip_row(cell, spread, cell.indicator.id) for cell, spread in part],
                view.where,
                view.units.singular,
            )
        )
    return charts


def factsheet(
    framework: Framework,
    assessment: Assessment,
    study: Study | None,
    given: Spreads | None = None,
) -> Factsheet:
    """The factsheet's context; `given`: the study's spreads with this unit's places (None:
    this unit alone, without places or strips)."""
    meta = front_matter(
        framework,
        study,
        municipalities=list(assessment.unit_names),
        researchers=list(assessment.researchers or (study.researchers if study else [])),
        status=assessment.status.value,
        date=date_of(assessment, study),
        volume="Factsheet",
    )
    notes = Notes([source_view(s) for s in assessment.sources], assessment.sources)
    themes = [theme_findings(framework, t, assessment, notes) for t in framework.themes]
    numbers = numbers_view(framework, assessment, study, given)
    return Factsheet(
        meta,
        framework_view(framework),
        themes,
        totals_of(themes),
        numbers,
        _strips(framework, assessment, study, given, numbers) if numbers else [],
        study.report if study else ReportOptions(),
    )
