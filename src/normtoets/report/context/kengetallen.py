"""Kengetallen in the reports: one unit's numbers against their streefwaarden and against the
study's other units (the chapter Kengetallen and the factsheet), and the units side by side
(the comparison's chapter). Built on analysis.kengetallen; every word here is Dutch, as the
reports are, whatever language the command line speaks.

Every status says what it rests on ("2023-Q4: 2,3; streefwaarde ten hoogste 2,5") or why it
cannot be tested; every chart has its numbers in words beside it.
"""

from dataclasses import dataclass, field

from normtoets.analysis.kengetallen import Benchmark, Cell, Kengetallen, Status, build
from normtoets.core.anchors import slug
from normtoets.models import UNITS, Assessment, Framework, Study, Unit
from normtoets.models.indicators import Indicator
from normtoets.models.targets import Bound, Kind, Untestable
from normtoets.report.charts import Line, Point, StripRow, Strips, dutch_number, figure
from normtoets.report.context.common import dutch_list

STATUS_WORDS = {
    Status.met: "behaald",
    Status.not_met: "niet behaald",
    Status.undetermined: "nog niet te bepalen",
    Status.untestable: "niet toetsbaar",
    Status.no_target: "geen streefwaarde",
}
WHY_WORDS = {
    Untestable.no_baseline: "geen nulmeting",
    Untestable.no_better: "niet gezegd welke kant beter is",
    Untestable.no_bound: "geen grens genoemd",
    Untestable.unreadable: "niet te lezen als waarde, verandering of grens",
}
# Why, after "N omdat …": the sentence that counts the streefwaarden that cannot be tested.
WHY_BECAUSE = {
    Untestable.no_baseline: "de nulmeting ontbreekt",
    Untestable.no_better: "niet is gezegd welke kant beter is",
    Untestable.no_bound: "er geen grens is genoemd",
    Untestable.unreadable: "de streefwaarde niet als waarde, verandering of grens te lezen is",
}
# A status as a mark that reads in black and white: the comparison's table of all units.
MARKS = {
    Status.met: "+",
    Status.not_met: "\u2212",
    Status.undetermined: "?",
    Status.untestable: "n.t.",
    Status.no_target: "",
}
STRIP_MINIMUM = 3  # a distribution of fewer units is no distribution to show
PERIODS_PER_TABLE = 8  # the table beside a line chart: more periods make two tables


def has_numbers(framework: Framework, assessment: Assessment) -> bool:
    """Whether the unit has kengetallen at all: the framework's, or its own, or values."""
    return bool(framework.indicators or assessment.indicators or assessment.indicator_values)


# ---------------------------------------------------------------- the others' numbers


@dataclass(frozen=True)
class Spread:
    """One indicator over the study's units (its benchmark: the latest period any of them has a
    value, a joint assessment once), with this unit's place: what one unit's report shows of
    the others."""

    of: Benchmark
    place: int | None  # this unit's, 1 the best; None: no direction, or no value in the period


# Per indicator id; {} when there is nothing to compare with.
Spreads = dict[str, Spread]


def spreads(result: Kengetallen, unit: str) -> Spreads:
    """The spread of every indicator with a value, with `unit`'s place in it."""
    return {ind_id: Spread(b, b.places.get(unit)) for ind_id, b in result.benchmarks.items()}


def study_spreads(
    framework: Framework, assessments: list[Assessment], study: Study | None
) -> dict[str, Spreads]:
    """Every unit's spreads over the assessments of this framework version, by unit name:
    computed once for all the reports of `--each`, as each report alone computes its own."""
    same = [a for a in assessments if a.framework == framework.ref]
    if not any(has_numbers(framework, a) for a in same):
        return {}
    result = build(framework, same, study)
    return {name: spreads(result, name) for name in result.units}


# ---------------------------------------------------------------- one unit


@dataclass(frozen=True)
class PeriodTable:
    """The numbers of a line chart, as a table beside it: at most eight periods a table."""

    periods: list[str]
    values: list[str]


@dataclass(frozen=True)
class IndicatorView:
    id: str
    anchor: str
    text: str  # "Doorlooptijd Wmo-aanvraag (dagen)"
    latest: str  # "52,4" or "–"
    period: str  # of the latest value: "2023-Q4", or ""
    baseline: str  # "58,1 (2021)", "onbekend (2019)" or "–"
    target: str  # as the policy writes it, or "–"
    status: str  # "behaald", "niet toetsbaar: geen nulmeting", …
    rests_on: str  # "2023-Q4: 52,4; streefwaarde ten hoogste 56"; "" when nothing to add
    place: str  # "2 van 40" or "–"
    spread: str  # median; middle half; lowest–highest: "55; 51,2–58,3; 44,1–66" or "–"
    computed: bool  # the figure held to is computed from the baseline: rests_on says more
    line: Line | None = None  # at least two values
    line_tables: list[PeriodTable] = field(default_factory=list)
    strip: Strips | None = None  # a spread of at least STRIP_MINIMUM units
    strip_words: str = ""  # the strip's numbers in a sentence


@dataclass(frozen=True)
class GroupView:
    title: str | None  # the indicator's group; None for those without one
    indicators: list[IndicatorView]
    anchor: str = ""

    @property
    def heading(self) -> str:
        return self.title[:1].upper() + self.title[1:] if self.title else "Overige kengetallen"


@dataclass(frozen=True)
class NumbersView:
    """The chapter Kengetallen of one unit (and the factsheet's part on its numbers)."""

    summary: list[str]  # sentences: how many streefwaarden cannot be tested, and why; values
    groups: list[GroupView]
    where: str  # "Duiven", "Duiven en Westervoort"
    units: Unit  # what the study's units are: "2 van 40 gemeenten"
    places: bool  # some indicator has a place among the units


def _text(indicator: Indicator) -> str:
    return indicator.text + (f" ({indicator.unit})" if indicator.unit else "")


def _change(cell: Cell) -> str:
    """How a change is measured from the baseline: 'de nulmeting 58,1 (2021) min 3%'."""
    target, base, unit = cell.target, cell.baseline, cell.indicator.unit
    assert target is not None and base is not None and cell.test is not None
    amount = dutch_number(target.amount or 0.0)
    size = (f"{amount}%" if target.relative else f"{amount} procentpunt"
            if (unit or "").strip() == "%" else amount)  # fmt: skip
    sign = "plus" if cell.test.bound is Bound.at_least else "min"
    return f"de nulmeting {figure(base.number, unit)} ({base.period}) {sign} {size}"


def held(cell: Cell) -> str:
    """What the latest value was held to: 'ten hoogste 2,5', 'lager dan de nulmeting 58,1',
    'gelijk aan de nulmeting 12', 'ten minste 56,4: de nulmeting 58,1 (2021) min 3%'."""
    test, target, unit = cell.test, cell.target, cell.indicator.unit
    assert test is not None and target is not None
    against = figure(test.against, unit)
    if test.bound is None:
        return f"gelijk aan de nulmeting {against}"
    up = test.bound is Bound.at_least
    if target.kind is Kind.direction:
        return f"{'hoger' if up else 'lager'} dan de nulmeting {against}"
    words = f"{'ten minste' if up else 'ten hoogste'} {against}"
    return f"{words}: {_change(cell)}" if target.kind is Kind.change else words


def status_word(cell: Cell) -> str:
    if cell.status is Status.untestable and cell.why is not None:
        return f"niet toetsbaar: {WHY_WORDS[cell.why]}"
    return STATUS_WORDS[cell.status]


def rests_on(cell: Cell) -> str:
    """What the status rests on: the value and what it was held to."""
    latest = cell.latest
    if cell.test is None or latest is None:
        return "nog geen waarde vastgelegd" if cell.status is Status.undetermined else ""
    value = figure(latest.number, cell.indicator.unit)
    return f"{latest.period}: {value}; streefwaarde {held(cell)}"


def _baseline(cell: Cell) -> str:
    if cell.baseline is not None:
        return f"{figure(cell.baseline.number, cell.indicator.unit)} ({cell.baseline.period})"
    return f"onbekend ({cell.baseline_period})" if cell.baseline_period else "–"


def _line(cell: Cell, where: str) -> tuple[Line | None, list[PeriodTable]]:
    """The values over the periods, the baseline first when it comes before them, with the
    streefwaarde the latest value was held to."""
    if len(cell.values) < 2:
        return None, []
    ind, unit = cell.indicator, cell.indicator.unit
    base = cell.baseline
    points = [Point(str(v.period), v.number) for v in cell.values]
    if base is not None and base.period.key < cell.values[0].period.key:
        points.insert(0, Point(str(base.period), base.number, baseline=True))
    target = cell.test.against if cell.test is not None else None
    label = f"streefwaarde {held(cell).split(':')[0]}" if cell.test is not None else ""
    words = "; ".join(
        f"{p.period}{' (nulmeting)' if p.baseline else ''}: {figure(p.value, unit)}" for p in points
    )
    title = (
        f"{ind.text} in {where}, {points[0].period} tot en met {points[-1].period}, als lijn"
        + (", met de streefwaarde als stippellijn" if target is not None else "")
        + "; de waarden staan in de tabel eronder."
    )
    description = words + (f"; streefwaarde {held(cell)}" if cell.test is not None else "") + "."
    line = Line(f"lijn-{slug(ind.id)}", title, description, points, target, label, unit)
    labels = [p.period + (" (nulmeting)" if p.baseline else "") for p in points]
    figures = [figure(p.value, unit) for p in points]
    count = -(-len(points) // PERIODS_PER_TABLE)  # tables of about equal length
    size = -(-len(points) // count)
    tables = [
        PeriodTable(labels[i : i + size], figures[i : i + size])
        for i in range(0, len(points), size)
    ]
    return line, tables


def _spread_text(spread: Spread | None, unit: str | None, latest: str) -> str:
    """'55; 51,2–58,3; 44,1–66', and the period when it is not that of the unit's latest
    value."""
    if spread is None or spread.of.n < 2:
        return "–"
    text = (
        f"{figure(spread.of.median, unit)}; {_range(spread.of.q1, spread.of.q3, unit)}; "
        f"{_range(spread.of.min, spread.of.max, unit)}"
    )
    return text if str(spread.of.period) == latest else f"{text} ({spread.of.period})"


def _range(low: float, high: float, unit: str | None) -> str:
    """'39,5–47,75'; with spaces around the dash between amounts in euros: '€ 1 – € 2'."""
    dash = " – " if (unit or "").strip() == "€" else "–"
    return f"{figure(low, unit)}{dash}{figure(high, unit)}"


def _place(spread: Spread | None) -> str:
    if spread is None or spread.place is None or spread.of.n < 2:
        return "–"
    return f"{spread.place} van {spread.of.n}"


def _own_value(cell: Cell, spread: Spread) -> float | None:
    return next((v.number for v in cell.values if v.period == spread.of.period), None)


def strip_row(cell: Cell, spread: Spread, label: str = "") -> StripRow:
    return StripRow(label, list(spread.of.values), spread.of.median, spread.of.q1, spread.of.q3,
                    _own_value(cell, spread), cell.indicator.unit)  # fmt: skip


def spread_words(cell: Cell, spread: Spread, where: str, units: Unit) -> str:
    """The strip's numbers in a sentence: the unit's value and place, then the distribution."""
    unit, ind = cell.indicator.unit, cell.indicator
    own = _own_value(cell, spread)
    if own is None:
        first = f"{where} heeft geen waarde over {spread.of.period}."
    else:
        first = f"{where}: {figure(own, unit)} over {spread.of.period}"
        if spread.place is not None:
            best = "hoogste" if ind.better == "higher" else "laagste"
            first += f", plaats {spread.place} van {spread.of.n} (1 is de {best} waarde)"
        first += "."
    return (
        f"{first} Over de {spread.of.n} {units.plural}: mediaan {figure(spread.of.median, unit)}, "
        f"de middelste helft van {figure(spread.of.q1, unit)} tot {figure(spread.of.q3, unit)}, "
        f"laagste {figure(spread.of.min, unit)}, hoogste {figure(spread.of.max, unit)}."
    )


def spread_description(rows: list[tuple[Cell, Spread]], where: str) -> str:
    """Every number of a strip (or of strips, one per indicator), for its <desc>."""
    parts = []
    for cell, spread in rows:
        unit = cell.indicator.unit
        own = _own_value(cell, spread)
        values = "; ".join(figure(v, unit) for v in spread.of.values)
        text = (
            f"{cell.indicator.id} over {spread.of.period}, {spread.of.n} waarden van laag naar "
            f"hoog: {values}. Mediaan {figure(spread.of.median, unit)}, middelste helft "
            f"{figure(spread.of.q1, unit)} tot {figure(spread.of.q3, unit)}."
        )
        if own is not None:
            place = f", plaats {spread.place} van {spread.of.n}" if spread.place is not None else ""
            text += f" {where}: {figure(own, unit)}{place}."
        parts.append(text)
    return " ".join(parts)


def _strip(cell: Cell, spread: Spread | None, where: str, units: Unit) -> tuple[Strips | None, str]:
    if spread is None or spread.of.n < STRIP_MINIMUM:
        return None, ""
    ind = cell.indicator
    title = (
        f"{ind.text} over {spread.of.period}: de waarden van {spread.of.n} {units.plural} op een "
        f"strook, {where} gemarkeerd; de getallen staan in de tekst eronder."
    )
    chart = Strips(f"strook-{slug(ind.id)}", title, spread_description([(cell, spread)], where),
                   [strip_row(cell, spread)], where, units.singular)  # fmt: skip
    return chart, spread_words(cell, spread, where, units)


def indicator_view(cell: Cell, spread: Spread | None, where: str, units: Unit) -> IndicatorView:
    ind, latest = cell.indicator, cell.latest
    line, tables = _line(cell, where)
    strip, words = _strip(cell, spread, where, units)
    return IndicatorView(
        ind.id,
        f"kengetal-{slug(ind.id)}",
        _text(ind),
        figure(latest.number, ind.unit) if latest else "–",
        str(latest.period) if latest else "",
        _baseline(cell),
        cell.target.text if cell.target else "–",
        status_word(cell),
        rests_on(cell),
        _place(spread),
        _spread_text(spread, ind.unit, str(latest.period) if latest else ""),
        cell.target is not None and cell.target.kind in (Kind.change, Kind.direction, Kind.same),
        line,
        tables,
        strip,
        words,
    )


def _counted(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def _untestable_sentence(targets: list[Cell]) -> str:
    """'23 van de 26 streefwaarden zijn niet toetsbaar: 20 omdat de nulmeting ontbreekt, …'."""
    total = len(targets)
    if not total:
        return "Bij geen van de kengetallen is een streefwaarde gegeven."
    whys = [c.why for c in targets if c.status is Status.untestable and c.why is not None]
    if not whys:
        return ("De streefwaarde is toetsbaar." if total == 1
                else f"Alle {total} streefwaarden zijn toetsbaar.")  # fmt: skip
    counts = {why: whys.count(why) for why in WHY_BECAUSE if why in whys}
    verb = _counted(len(whys), "is", "zijn")
    head = f"{len(whys)} van de {total} streefwaarden {verb} niet toetsbaar"
    if len(counts) == 1:
        return f"{head}, omdat {WHY_BECAUSE[next(iter(counts))]}."
    reasons = [f"{n} omdat {WHY_BECAUSE[why]}" for why, n in counts.items()]
    return f"{head}: {dutch_list(reasons)}."


def _values_sentence(cells: list[Cell]) -> str:
    """'Er zijn (nog) geen waarden vastgelegd.', or how the testable streefwaarden stand."""
    if not any(c.values for c in cells):
        return "Er zijn (nog) geen waarden vastgelegd."
    testable = [c for c in cells if c.status in (Status.met, Status.not_met, Status.undetermined)]
    if not testable:
        return "Geen van de streefwaarden is met de vastgelegde waarden te toetsen."
    counts = [
        (n, STATUS_WORDS[status])
        for status in (Status.met, Status.not_met, Status.undetermined)
        if (n := sum(1 for c in testable if c.status is status))
    ]
    what = _counted(len(testable), "streefwaarde", "streefwaarden")
    verb = _counted(counts[0][0], "is", "zijn")
    parts = dutch_list([f"{n} {word}" for n, word in counts])
    return f"Van de {len(testable)} toetsbare {what} {verb} {parts}, getoetst op de laatste waarde."


def numbers_view(
    framework: Framework,
    assessment: Assessment,
    study: Study | None,
    given: Spreads | None = None,
) -> NumbersView | None:
    """The unit's kengetallen with a streefwaarde or a value, per group, against `given` (the
    study's spreads, with this unit's places); without them, against this unit alone: no
    places, no strips. None when it has no kengetallen to show."""
    cells = cells_of(framework, assessment, study)
    if not cells:
        return None
    unit = assessment.unit_names[0]
    found = given if given is not None else spreads(build(framework, [assessment], study), unit)
    where = dutch_list(list(assessment.unit_names))
    units = study.units if study else UNITS["gemeente"]
    groups: dict[str | None, list[IndicatorView]] = {}
    for cell in cells:
        view = indicator_view(cell, found.get(cell.indicator.id), where, units)
        groups.setdefault(cell.indicator.group, []).append(view)
    targets = [c for c in cells if c.status is not Status.no_target]
    views = [
        GroupView(title, items, f"kengetallen-{i}")
        for i, (title, items) in enumerate(groups.items(), 1)
    ]
    flat = [i for g in views for i in g.indicators]
    return NumbersView(
        [_untestable_sentence(targets), _values_sentence(cells)],
        views,
        where,
        units,
        any(i.place != "–" for i in flat),
    )


def cells_of(framework: Framework, assessment: Assessment, study: Study | None) -> list[Cell]:
    """The unit's cells a report shows (with a streefwaarde or a value), in their order."""
    if not has_numbers(framework, assessment):
        return []
    result = build(framework, [assessment], study)
    return [c for c in result.cells.get(assessment.unit_names[0], {}).values()
            if c.status is not Status.no_target or c.values]  # fmt: skip


# ---------------------------------------------------------------- the units side by side


@dataclass(frozen=True)
class NumbersColumn:
    """One kengetal in the comparison: what it is, its streefwaarde, the period its values
    are compared in and the median there."""

    id: str
    text: str
    target: str  # as written; "verschilt per gemeente" when the units have their own
    period: str  # the latest period any unit has a value; "–" without values
    median: str  # "55,5 (42)": the median and over how many units; "–"


@dataclass(frozen=True)
class NumbersCell:
    value: str  # the unit's latest value, or "–"
    period: str  # its period when it is not the column's, else ""
    mark: str  # the status as a mark that reads in black and white (MARKS)
    status: str  # the status in words


@dataclass(frozen=True)
class NumbersRow:
    name: str
    anchor: str
    cells: list[NumbersCell]


@dataclass(frozen=True)
class NumbersPart:
    """One table: all units as rows, at most NUMBERS_COLUMNS kengetallen as columns."""

    number: int
    columns: list[NumbersColumn]
    rows: list[NumbersRow]


@dataclass(frozen=True)
class ComparisonNumbers:
    summary: list[str]
    key: list[NumbersColumn]
    parts: list[NumbersPart]
    legend: list[tuple[str, str]]  # mark, its meaning


NUMBERS_COLUMNS = 6  # kengetallen per table of the comparison: "1.234,56 (2022) n.t." fits


def _column(
    ind: Indicator, cells: dict[str, Cell], result: Kengetallen, units: Unit
) -> NumbersColumn:
    targets = {c.target.text if c.target else "–" for c in cells.values()}
    b = result.benchmarks.get(ind.id)
    return NumbersColumn(
        ind.id,
        _text(ind),
        targets.pop() if len(targets) == 1 else f"verschilt per {units.singular}",
        str(b.period) if b else "–",
        f"{figure(b.median, ind.unit)} ({b.n})" if b else "–",
    )


def _cell(cell: Cell | None, column: NumbersColumn) -> NumbersCell:
    if cell is None:
        return NumbersCell("–", "", "", "geen kengetal van deze eenheid")
    latest = cell.latest
    if latest is None:
        return NumbersCell("–", "", MARKS[cell.status], status_word(cell))
    period = str(latest.period)
    return NumbersCell(figure(latest.number, cell.indicator.unit),
                       period if period != column.period else "", MARKS[cell.status],
                       status_word(cell))  # fmt: skip


def _tally(cells: list[Cell]) -> list[tuple[int, str]]:
    """How many of the streefwaarden have each status, those that occur: (count, word)."""
    order = (Status.untestable, Status.met, Status.not_met, Status.undetermined)
    counted = [(sum(1 for c in cells if c.status is status), STATUS_WORDS[status])
               for status in order]  # fmt: skip
    return [(n, word) for n, word in counted if n]


def _comparison_summary(result: Kengetallen, units: Unit) -> list[str]:
    """The streefwaarden of all units together, a joint assessment once."""
    later = {name for group in result.joint for name in group[1:]}
    cells = [c for name, row in result.cells.items() if name not in later for c in row.values()]
    targets = [c for c in cells if c.status is not Status.no_target]
    counts = _tally(targets)
    sentences = []
    if counts:
        verb = _counted(counts[0][0], "is", "zijn")
        parts = dutch_list([f"{n} {word}" for n, word in counts])
        joint = " (een gezamenlijke beoordeling telt één keer)" if result.joint else ""
        sentences.append(
            f"Van de {len(targets)} streefwaarden van de {units.plural} samen{joint} {verb} er "
            f"{parts}."
        )
    if not any(c.values for c in cells):
        sentences.append("Er zijn (nog) geen waarden vastgelegd.")
    return sentences


def _numbers_row(
    result: Kengetallen, name: str, anchors: dict[str, str], columns: list[NumbersColumn]
) -> NumbersRow:
    own = result.cells[name]
    return NumbersRow(name, anchors.get(name, ""), [_cell(own.get(c.id), c) for c in columns])


def comparison_numbers(
    framework: Framework,
    assessments: list[Assessment],
    study: Study | None,
    anchors: dict[str, str],
) -> ComparisonNumbers | None:
    """Per unit (the rows) the latest value of every kengetal (the columns) with its status
    as a mark; None when the study has no kengetallen."""
    result = build(framework, assessments, study)
    if not result.indicators:
        return None
    units = study.units if study else UNITS["gemeente"]
    shown = [ind for ind in result.indicators if result.cells_of(ind.id)]
    columns = [_column(ind, result.cells_of(ind.id), result, units) for ind in shown]
    parts = []
    for start in range(0, len(columns), NUMBERS_COLUMNS):
        chunk = columns[start : start + NUMBERS_COLUMNS]
        rows = [_numbers_row(result, name, anchors, chunk) for name in result.units]
        parts.append(NumbersPart(start // NUMBERS_COLUMNS + 1, chunk, rows))
    legend = [(MARKS[s], STATUS_WORDS[s]) for s in Status if MARKS[s]]
    return ComparisonNumbers(_comparison_summary(result, units), columns, parts, legend)
