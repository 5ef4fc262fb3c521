"""Kengetallen over a study: per unit and indicator the latest value, the baseline, the
streefwaarde read and tested, and per indicator the distribution over the units (benchmark).
A pure function from models to a result; the CLI renders it, the reports reuse it.

Every status says what it rests on: the value and period it was tested on, the figure the
target held it to, or why it could not be tested. A joint assessment's units share one set of
numbers, counted once in a benchmark.
"""

import statistics
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from normtoets.core.names import name_key
from normtoets.core.numbers import Period, parse_number, parse_period
from normtoets.models import Assessment, Framework, Study
from normtoets.models.indicators import Indicator, IndicatorRecord, Measurement
from normtoets.models.targets import Target, Test, Untestable, parse_target, test, untestable


class Status(StrEnum):
    met = "met"  # behaald
    not_met = "not_met"  # niet behaald
    undetermined = "undetermined"  # nog niet te bepalen: no value yet
    untestable = "untestable"  # niet toetsbaar, whatever is measured (see `why`)
    no_target = "no_target"  # no streefwaarde given


@dataclass(frozen=True)
class Value:
    period: Period
    number: float
    written: float | int | str
    source: str | None = None


@dataclass(frozen=True)
class Cell:
    """One unit's numbers for one indicator."""

    indicator: Indicator
    target: Target | None
    baseline: Value | None
    baseline_period: Period | None  # also when its value is not known yet
    values: list[Value]  # in period order
    status: Status
    why: Untestable | None = None  # for untestable
    test: Test | None = None  # for met / not_met: what the latest value was held to

    @property
    def latest(self) -> Value | None:
        return self.values[-1] if self.values else None


@dataclass(frozen=True)
class Benchmark:
    """One indicator over the units with a value in its latest period (a joint assessment
    once)."""

    period: Period
    n: int
    median: float
    q1: float
    q3: float
    min: float
    max: float
    places: dict[str, int] = field(default_factory=dict)  # unit → 1 for the best; ties share
    values: tuple[float, ...] = ()  # the n values counted, from low to high


@dataclass(frozen=True)
class Grouped:
    """The benchmarks per group of units (`kengetallen --group-by ATTRIBUTE`)."""

    attribute: str
    units: dict[str, list[str]]  # group → its units; "–" for units without the attribute
    benchmarks: dict[str, dict[str, Benchmark]]  # group → indicator → benchmark

    def to_json(self) -> dict[str, Any]:
        return {
            "attribute": self.attribute,
            "units": self.units,
            "benchmark": {g: {i: _benchmark_json(b) for i, b in found.items()}
                          for g, found in self.benchmarks.items()},
        }  # fmt: skip


@dataclass(frozen=True)
class Kengetallen:
    indicators: list[Indicator]
    units: list[str]
    cells: dict[str, dict[str, Cell]]  # unit → indicator id → cell (only where it applies)
    benchmarks: dict[str, Benchmark]  # only indicators with a value
    joint: list[list[str]] = field(default_factory=list)
    groups: Grouped | None = None  # with --group-by

    def cells_of(self, indicator_id: str) -> dict[str, Cell]:
        return {u: c[indicator_id] for u, c in self.cells.items() if indicator_id in c}

    def untestable(self, unit: str) -> list[Cell]:
        return [c for c in self.cells.get(unit, {}).values() if c.status is Status.untestable]

    def with_target(self, unit: str) -> list[Cell]:
        return [c for c in self.cells.get(unit, {}).values() if c.status is not Status.no_target]

    def to_json(self) -> dict[str, Any]:
        """The machine-readable contract (docs/reference/files.md, kengetallen)."""
        return {
            "indicators": [
                {"id": i.id, "text": i.text, "unit": i.unit, "better": i.better}
                for i in self.indicators
            ],
            "units": self.units,
            "values": {
                unit: {ind: _cell_json(cell) for ind, cell in cells.items()}
                for unit, cells in self.cells.items()
            },
            "benchmark": {ind: _benchmark_json(b) for ind, b in self.benchmarks.items()},
            "joint": self.joint,
            **({"groups": self.groups.to_json()} if self.groups else {}),
        }


def _cell_json(cell: Cell) -> dict[str, Any]:
    latest = cell.latest
    return {
        "period": str(latest.period) if latest else None,
        "value": latest.number if latest else None,
        "baseline": None if cell.baseline is None else {
            "period": str(cell.baseline.period), "value": cell.baseline.number},
        "target": None if cell.target is None else {
            "text": cell.target.text, "kind": cell.target.kind.value if cell.target.kind else None},
        "status": cell.status.value,
        "why": cell.why.value if cell.why else None,
        "against": cell.test.against if cell.test else None,
    }  # fmt: skip


def _benchmark_json(b: Benchmark) -> dict[str, Any]:
    return {"period": str(b.period), "n": b.n, "median": b.median, "q1": b.q1, "q3": b.q3,
            "min": b.min, "max": b.max, "places": b.places}  # fmt: skip


def indicators_of(framework: Framework, assessments: list[Assessment]) -> list[Indicator]:
    """The framework's indicators, then the units' own, each id once (the first wins)."""
    found: dict[str, Indicator] = {}
    for indicator in [*framework.indicators, *(i for a in assessments for i in a.indicators)]:
        found.setdefault(indicator.id, indicator)
    return list(found.values())


def build(
    framework: Framework, assessments: list[Assessment], study: Study | None = None
) -> Kengetallen:
    """Every unit's cells (the units of a joint assessment share theirs), in the study's
    order, and the benchmark of each indicator with a value."""
    indicators = indicators_of(framework, assessments)
    order = {name_key(n): i for i, n in enumerate(study.names)} if study else {}
    owned = sorted(
        ((name, a) for a in assessments for name in a.unit_names),
        key=lambda item: (order.get(name_key(item[0]), len(order)), item[0]),
    )
    shared = {i.id for i in framework.indicators}
    made = {id(a): _cells(indicators, shared, a) for a in assessments}
    cells = {name: made[id(a)] for name, a in owned}
    benchmarks = _benchmarks(indicators, cells, owned)
    joint = [list(a.unit_names) for a in assessments if a.joint]
    return Kengetallen(indicators, [name for name, _ in owned], cells, benchmarks, joint)


def _benchmarks(
    indicators: list[Indicator],
    cells: dict[str, dict[str, Cell]],
    owned: list[tuple[str, Assessment]],
) -> dict[str, Benchmark]:
    """Each indicator's benchmark over the assessments (a joint one once, by its first unit);
    the other units of a joint assessment share its place."""
    firsts = {id(a): name for name, a in reversed(owned)}
    found: dict[str, Benchmark] = {}
    for ind in indicators:
        made = benchmark(ind, {n: cells[n][ind.id] for n in firsts.values() if ind.id in cells[n]})
        if made is not None:
            made.places.update({n: made.places[firsts[id(a)]] for n, a in owned
                                if firsts[id(a)] in made.places})  # fmt: skip
            found[ind.id] = made
    return found


def _cells(
    indicators: list[Indicator], shared: set[str], assessment: Assessment
) -> dict[str, Cell]:
    """The assessment's cells: every shared indicator, and its own (defined or with values)."""
    own = {i.id for i in assessment.indicators} | set(assessment.indicator_values)
    return {
        ind.id: cell(ind, assessment.indicator_values.get(ind.id))
        for ind in indicators
        if ind.id in shared or ind.id in own
    }


def _value(m: Measurement) -> Value | None:
    period, number = parse_period(m.period), parse_number(m.value)
    return None if period is None or number is None else Value(period, number, m.value, m.source)


def cell(indicator: Indicator, record: IndicatorRecord | None) -> Cell:
    """One unit's numbers for one indicator, its target read and tested on the latest value.
    Values that cannot be read are left out (the rules report them)."""
    values = sorted(
        (v for m in (record.values if record else []) if (v := _value(m)) is not None),
        key=lambda v: v.period.key,
    )
    written = (record.target if record else None) or indicator.target
    target = parse_target(written) if written else None
    baseline, base_period = _baseline(record)
    made = Cell(indicator, target, baseline, base_period, values, Status.no_target)
    if target is None:
        return made
    why = untestable(indicator, target, baseline.number if baseline else None)
    if why is not None:
        return replace(made, status=Status.untestable, why=why)
    if not values:
        return replace(made, status=Status.undetermined)
    tested = test(indicator, target, values[-1].number, baseline.number if baseline else None,
                  baseline.written if baseline else None)  # fmt: skip
    return replace(made, status=Status.met if tested.met else Status.not_met, test=tested)


def _baseline(record: IndicatorRecord | None) -> tuple[Value | None, Period | None]:
    """The baseline as a value (None while its value is unknown), and its period."""
    base = record.baseline if record else None
    if base is None:
        return None, None
    period = parse_period(base.period)
    number = parse_number(base.value) if base.value is not None else None
    if period is None or number is None or base.value is None:
        return None, period
    return Value(period, number, base.value, base.source), period


def benchmark(indicator: Indicator, cells: dict[str, Cell]) -> Benchmark | None:
    """The distribution of the values in the latest period any unit has one; None without."""
    latest = [c.latest for c in cells.values() if c.latest is not None]
    if not latest:
        return None
    period = max((v.period for v in latest), key=lambda p: p.key)
    at = {u: v.number for u, c in cells.items() for v in c.values if v.period == period}
    numbers = sorted(at.values())
    if len(numbers) > 1:
        q1, median, q3 = statistics.quantiles(numbers, n=4, method="inclusive")
    else:
        q1 = median = q3 = numbers[0]
    return Benchmark(period, len(numbers), median, q1, q3, numbers[0], numbers[-1],
                     _places(indicator, at), tuple(numbers))  # fmt: skip


def _places(indicator: Indicator, at: dict[str, float]) -> dict[str, int]:
    """1 for the best value, ties sharing a place (1, 2, 2, 4); none when the indicator does
    not say which way is better."""
    if indicator.better == "neither":
        return {}
    ordered = sorted(at.values(), reverse=indicator.better == "higher")
    first: dict[float, int] = {}
    for i, number in enumerate(ordered, start=1):
        first.setdefault(number, i)
    return {unit: first[number] for unit, number in at.items()}


# The CBS's size classes of municipalities (gemeentegrootteklassen), by number of inhabitants.
CBS_CLASSES = [(5_000, "< 5.000"), (10_000, "5.000–10.000"), (20_000, "10.000–20.000"),
               (50_000, "20.000–50.000"), (100_000, "50.000–100.000"),
               (150_000, "100.000–150.000"), (250_000, "150.000–250.000")]  # fmt: skip
INHABITANTS = "inwoners"


def group_of(value: float | int | str | None, attribute: str) -> str | None:
    """The group a unit's attribute puts it in: a CBS size class for `inwoners`, else the
    value itself; None without one."""
    if value is None:
        return None
    if attribute == INHABITANTS:
        number = parse_number(value)
        if number is None:
            return None
        return next((label for bound, label in CBS_CLASSES if number < bound), "≥ 250.000")
    return str(value)


def grouped(result: Kengetallen, study: Study | None, attribute: str) -> Grouped:
    """The benchmarks per group of units with the same attribute (or CBS class)."""
    groups: dict[str, list[str]] = {}
    for unit in result.units:
        member = study.member(unit) if study else None
        label = group_of(member.attributes.get(attribute) if member else None, attribute)
        groups.setdefault(label or "–", []).append(unit)
    firsts = {id(result.cells[u]): u for u in reversed(result.units)}  # a joint one once
    benchmarks = {
        label: {
            ind.id: found
            for ind in result.indicators
            if (found := benchmark(ind, {u: result.cells[u][ind.id] for u in units
                                         if u in firsts.values() and ind.id in result.cells[u]}))
        }
        for label, units in groups.items()
    }  # fmt: skip
    return Grouped(attribute, groups, benchmarks)
