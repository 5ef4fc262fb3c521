"""Kengetallen (analysis.kengetallen, the rules on them, `normtoets kengetallen`): every kind of
streefwaarde met and not met, why one cannot be tested, the benchmark against a plain
computation, a joint assessment counted once, the rules through `validate`, and the command's
formats, on small studies in tmp_path and on examples/samen-sterk."""

import csv
import io
import json
import math
import random
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from conftest import ACCEPTANCE, DUTCH, REPO, diagnostics_of
from normtoets.analysis.kengetallen import Cell, Status, benchmark, build, cell
from normtoets.loading.selection import select
from normtoets.models.indicators import Better, Indicator, IndicatorRecord
from normtoets.models.targets import Untestable
from normtoets.output.kengetallen import rests_on

MINI = (ACCEPTANCE / "norms" / "mini.yaml").read_text()
SAMEN_STERK = REPO / "examples" / "samen-sterk"

# ------------------------------------------------------------------------------ small studies

STUDY = """\
id: mini-study
title: Mini-onderzoek
rekenkamer: Rekenkamer Testdorp
framework: {id: mini, version: "1"}
municipalities: [%s]
"""

HEAD = """\
framework: {id: mini, version: "1"}
%s
study: mini-study
status: concept
judgements:
  B1: {score: nb}
  B2: {score: nb}
  U1: {score: nb}
"""

INDICATORS = """\
indicators:
  - {id: K1, text: Wachttijd Wmo, unit: dagen, better: lower, frequency: jaar, target: "maximaal 42 dagen"}
  - {id: K2, text: Tevredenheid, unit: "%", better: higher, target: "85%"}
  - {id: K3, text: Aantal maatwerkvoorzieningen, target: "Daling van 5%"}
  - {id: K4, text: Aantal meldingen}
"""  # noqa: E501

# Testdorp: values out of order, the latest (2023) tested. Aadorp and Beekdorp: one joint
# assessment. Proefstad: only an older K1 value, so not in 2023's benchmark.
UNITS = {
    "testdorp.yaml": (
        "municipality: Testdorp",
        """\
indicator_values:
  K1:
    values:
      - {period: "2023", value: "38,5"}
      - {period: "2022", value: 40}
  K2:
    values:
      - {period: "2023", value: "86%"}
  K3:
    baseline: {period: "2019", value: 100}
    values:
      - {period: "2023", value: "95"}
  K4:
    values:
      - {period: "2023", value: "1.100"}
""",
    ),
    "aadorp-beekdorp.yaml": (
        "municipalities: [Aadorp, Beekdorp]",
        """\
indicator_values:
  K1:
    values:
      - {period: "2023", value: 50}
  K2:
    values:
      - {period: "2022", value: "90%"}
      - {period: "2023", value: "80%"}
""",
    ),
    "proefstad.yaml": (
        "municipality: Proefstad",
        """\
indicator_values:
  K1:
    values:
      - {period: "2022", value: 30}
""",
    ),
}


def write_study(
    root: Path,
    indicators: str = INDICATORS,
    units: dict[str, tuple[str, str]] = UNITS,
    names: str = "Testdorp, Aadorp, Beekdorp, Proefstad",
) -> tuple[Path, Path]:
    """norms/mini.yaml (the acceptance framework with `indicators`) and a study folder."""
    norms, study = root / "norms", root / "study"
    norms.mkdir()
    study.mkdir()
    (norms / "mini.yaml").write_text(MINI + indicators)
    (study / "study.yaml").write_text(STUDY % names)
    for name, (unit, body) in units.items():
        (study / name).write_text(HEAD % unit + body)
    return norms, study


def line_col(text: str, marker: str, token: str | None = None) -> str:
    """'line:column' of `token` on the one line holding `marker` (1-based, as diagnostics)."""
    found = [(n, line) for n, line in enumerate(text.splitlines(), 1) if marker in line]
    assert len(found) == 1, (marker, found)
    number, line = found[0]
    return f"{number}:{line.index(token or marker) + 1}"


# ------------------------------------------------------------------------------ one cell


def ind(
    target: str | None = None, better: Better = "neither", unit: str | None = None
) -> Indicator:
    return Indicator(id="K1", text="Kengetal", unit=unit, better=better, target=target)


def rec(
    values: list[tuple[str, Any]] = (),  # type: ignore[assignment]
    baseline: Any = None,
    target: str | None = None,
    base_period: str = "2019",
) -> IndicatorRecord:
    data: dict[str, Any] = {"values": [{"period": p, "value": v} for p, v in values]}
    if baseline is not None:
        data["baseline"] = {"period": base_period, "value": baseline}
    if target is not None:
        data["target"] = target
    return IndicatorRecord.model_validate(data)


# target, better, unit, baseline, value, status, against
MET_OR_NOT = [
    # level, in the indicator's better direction
    ("85%", "higher", "%", None, "85%", Status.met, 85.0),
    ("85%", "higher", "%", None, "84,9%", Status.not_met, 85.0),
    ("2,5 uur gemiddeld", "lower", "uur", None, "2,4", Status.met, 2.5),
    ("2,5 uur gemiddeld", "lower", "uur", None, "2,6", Status.not_met, 2.5),
    # level with minimaal / maximaal: no better needed
    ("minimaal 80%", "neither", "%", None, "80%", Status.met, 80.0),
    ("minimaal 80%", "neither", "%", None, "79,9%", Status.not_met, 80.0),
    ("maximaal 10 dagen", "neither", "dagen", None, 10, Status.met, 10.0),
    ("maximaal 10 dagen", "neither", "dagen", None, 11, Status.not_met, 10.0),
    ("maximaal 10 dagen", "higher", "dagen", None, 11, Status.not_met, 10.0),  # bound wins
    # change, relative (5 % of the baseline) and in procentpunt
    ("Daling van 5%", "neither", None, 100, 95, Status.met, 95.0),
    ("Daling van 5%", "neither", None, 100, 96, Status.not_met, 95.0),
    ("Daling van 5%", "neither", None, "1.100.000", "1.045.000", Status.met, 1_045_000.0),
    ("Toename van 5%", "neither", None, "1.100.000", "1.154.999", Status.not_met, 1_155_000.0),
    ("Toename van 3 procentpunt", "neither", "%", "40%", "43%", Status.met, 43.0),
    ("Toename van 3 procentpunt", "neither", "%", "40%", "42,5%", Status.not_met, 43.0),
    ("Stijging met 200", "neither", None, 1000, 1200, Status.met, 1200.0),
    # direction: strictly past the baseline
    ("Toename", "neither", None, 10, 11, Status.met, 10.0),
    ("Toename", "neither", None, 10, 10, Status.not_met, 10.0),
    ("Daling", "neither", None, 10, 9, Status.met, 10.0),
    ("Daling", "neither", None, 10, 11, Status.not_met, 10.0),
    ("Verkorting", "neither", "dagen", "12,5", 12, Status.met, 12.5),
    ("Verkorting", "neither", "dagen", "12,5", 13, Status.not_met, 12.5),
    ("Verbetering", "higher", None, 70, 71, Status.met, 70.0),
    ("Verbetering", "higher", None, 70, 69, Status.not_met, 70.0),
    ("Verbetering", "lower", None, 70, 69, Status.met, 70.0),
    ("Verbetering", "lower", None, 70, 71, Status.not_met, 70.0),
    # same: equal as precisely as the baseline is written
    ("Blijft gelijk", "neither", "%", "85%", "85,4%", Status.met, 85.0),
    ("Blijft gelijk", "neither", "%", "85%", "85,6%", Status.not_met, 85.0),
    ("Blijft gelijk", "neither", "%", "85%", "84,5%", Status.met, 85.0),
    ("Blijft gelijk", "neither", None, "2,50", "2,504", Status.met, 2.5),
    ("Blijft gelijk", "neither", None, "2,50", "2,506", Status.not_met, 2.5),
    ("Blijft gelijk", "neither", None, "2,5", "2,54", Status.met, 2.5),
    # limit: 100 for an indicator in %, or the bound written
    ("Geen overschrijding", "neither", "%", None, "100%", Status.met, 100.0),
    ("Geen overschrijding", "neither", "%", None, "100,1%", Status.not_met, 100.0),
    ("Binnen de begroting", "neither", "%", None, "97,3%", Status.met, 100.0),
    ("Niet meer dan € 600.000", "neither", "€", None, "€ 600.000,-", Status.met, 600_000.0),
    ("Niet meer dan € 600.000", "neither", "€", None, "€ 600.001", Status.not_met, 600_000.0),
]


@pytest.mark.parametrize(
    ("target", "better", "unit", "baseline", "value", "status", "against"), MET_OR_NOT
)
def test_every_kind_met_and_not(
    target: str,
    better: Better,
    unit: str | None,
    baseline: Any,
    value: Any,
    status: Status,
    against: float,
) -> None:
    made = cell(ind(target, better, unit), rec([("2023", value)], baseline))
    assert made.status is status, made
    assert made.why is None and made.test is not None
    assert made.test.against == pytest.approx(against)


def test_a_units_own_target_wins() -> None:
    made = cell(ind("85%", "higher", "%"), rec([("2023", "80%")], 100, target="Daling van 5%"))
    assert made.target is not None and made.target.text == "Daling van 5%"
    assert made.status is Status.met and made.test is not None and made.test.against == 95.0


# target, better, unit, baseline, why
UNTESTABLE = [
    ("Daling van 5%", "neither", None, None, Untestable.no_baseline),
    ("Toename van 3 procentpunt", "higher", "%", None, Untestable.no_baseline),
    ("Toename", "higher", None, None, Untestable.no_baseline),
    ("Verkorting", "lower", None, None, Untestable.no_baseline),
    ("Verbetering", "higher", None, None, Untestable.no_baseline),
    ("Blijft gelijk", "neither", None, None, Untestable.no_baseline),
    ("85%", "neither", "%", None, Untestable.no_better),
    ("2,5 uur gemiddeld", "neither", "uur", None, Untestable.no_better),
    ("Verbetering", "neither", None, 70, Untestable.no_better),
    ("Geen overschrijding", "neither", "€", None, Untestable.no_bound),
    ("Geen overschrijding", "lower", None, None, Untestable.no_bound),
    ("Binnen de begroting", "neither", None, None, Untestable.no_bound),
    ("zo hoog mogelijk", "higher", "%", None, Untestable.unreadable),
]


@pytest.mark.parametrize(("target", "better", "unit", "baseline", "why"), UNTESTABLE)
@pytest.mark.parametrize("values", [[], [("2023", 12)]], ids=["no value", "a value"])
def test_untestable_whatever_is_measured(
    target: str,
    better: Better,
    unit: str | None,
    baseline: Any,
    why: Untestable,
    values: list[tuple[str, Any]],
) -> None:
    made = cell(ind(target, better, unit), rec(values, baseline))
    assert (made.status, made.why, made.test) == (Status.untestable, why, None)


def test_a_baseline_period_without_its_value_is_no_baseline() -> None:
    record = IndicatorRecord.model_validate(
        {"baseline": {"period": "2019"}, "values": [{"period": "2023", "value": 90}]}
    )
    made = cell(ind("Daling van 5%"), record)
    assert (made.status, made.why) == (Status.untestable, Untestable.no_baseline)
    assert made.baseline is None and str(made.baseline_period) == "2019"
    assert made.latest is not None and made.latest.number == 90.0


@pytest.mark.parametrize(
    "record",
    [None, rec(), rec([("2023", "veertig"), ("23", 40)])],
    ids=["no record", "no values", "only unreadable values"],
)
def test_a_target_without_a_value_is_undetermined(record: IndicatorRecord | None) -> None:
    made = cell(ind("85%", "higher", "%"), record)
    assert made.status is Status.undetermined
    assert (made.why, made.test, made.latest) == (None, None, None)


def test_no_target() -> None:
    made = cell(ind(None, "higher", "%"), rec([("2023", 80)]))
    assert (made.status, made.target, made.why, made.test) == (Status.no_target, None, None, None)
    assert made.latest is not None and made.latest.number == 80.0


def test_the_latest_value_is_of_the_latest_period() -> None:
    """Written out of order; a year after its own quarters; unreadable ones left out."""
    values = [
        ("2023-Q1", 5),
        ("2021", 9),
        ("2024", "veertig"),
        ("2022-Q4", 7),
        ("2022", 8),
        ("24", 1),
        ("2025-Q5", 1),
        ("2021-Q3", "1,,5"),
    ]
    made = cell(ind("maximaal 6"), rec(values))
    assert [str(v.period) for v in made.values] == ["2021", "2022-Q4", "2022", "2023-Q1"]
    assert made.latest is not None
    assert (str(made.latest.period), made.latest.number) == ("2023-Q1", 5.0)
    assert made.status is Status.met  # tested on 5, not on 8 (listed later) or 9 (the first)
    year_last = cell(ind("maximaal 6"), rec([("2023", 9), ("2023-Q4", 5)]))
    assert year_last.latest is not None and str(year_last.latest.period) == "2023"
    assert year_last.status is Status.not_met


def test_same_with_a_baseline_in_procent() -> None:
    assert cell(ind("Blijft gelijk"), rec([("2023", "85,54")], "85,5%")).status is Status.met
    assert cell(ind("Blijft gelijk"), rec([("2023", "85,54")], "85,5 procent")).status is (
        Status.met
    )


def test_more_than_a_level() -> None:
    made = cell(ind("Meer dan 80%", "higher", "%"), rec([("2023", "85%")], "50%"))
    assert made.status is Status.met and made.test is not None and made.test.against == 80.0


def test_what_a_status_rests_on() -> None:
    assert rests_on(cell(ind("85%", "higher", "%"), rec([("2023", "86%")]))) == (
        "2023: 86, target at least 85"
    )
    assert rests_on(cell(ind("Daling van 5%"), rec([("2023-Q2", "96,5")], 100))) == (
        "2023-Q2: 96.5, target at most 95"
    )
    assert rests_on(cell(ind("Blijft gelijk"), rec([("2023", "2,5")], "2,50"))) == (
        "2023: 2.5, target equal to 2.5"
    )
    assert rests_on(cell(ind("Toename"), rec([], 10))) == ""  # undetermined: nothing yet


def test_rests_on_a_direction_that_is_not_met() -> None:
    made = cell(ind("Toename"), rec([("2023", 10)], 10))
    assert made.status is Status.not_met
    assert "at least 10" not in rests_on(made)


# ------------------------------------------------------------------------------ benchmark


def quartile(ordered: list[float], p: float) -> float:
    """The inclusive quantile by hand: linear between the two values around (n-1)·p."""
    h = (len(ordered) - 1) * p
    low = math.floor(h)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (h - low) * (ordered[high] - ordered[low])


def cells_of(indicator: Indicator, values: dict[str, list[tuple[str, Any]]]) -> dict[str, Cell]:
    return {unit: cell(indicator, rec(vals)) for unit, vals in values.items()}


@pytest.mark.parametrize("seed", range(12))
def test_benchmark_against_a_plain_computation(seed: int) -> None:
    rng = random.Random(seed)
    size = rng.randint(2, 15)
    numbers = [rng.choice([rng.randint(0, 12), round(rng.uniform(0, 100), 1)]) for _ in range(size)]
    better: Better = rng.choice(["higher", "lower"])
    indicator = ind(None, better)
    written = {f"U{i:02}": [("2023", str(n).replace(".", ","))] for i, n in enumerate(numbers)}
    made = benchmark(indicator, cells_of(indicator, written))
    assert made is not None
    ordered = sorted(numbers)
    assert (str(made.period), made.n, made.min, made.max) == ("2023", size, ordered[0], ordered[-1])
    assert [made.q1, made.median, made.q3] == pytest.approx(
        [quartile(ordered, 0.25), quartile(ordered, 0.5), quartile(ordered, 0.75)]
    )
    assert [made.q1, made.median, made.q3] == pytest.approx(
        statistics.quantiles(numbers, n=4, method="inclusive")
    )
    assert made.median == pytest.approx(statistics.median(numbers))
    for i, number in enumerate(numbers):
        ahead = sum(1 for n in numbers if (n > number if better == "higher" else n < number))
        assert made.places[f"U{i:02}"] == 1 + ahead


@pytest.mark.parametrize(
    ("better", "places"),
    [
        ("higher", {"A": 1, "B": 2, "C": 2, "D": 4}),
        ("lower", {"A": 4, "B": 2, "C": 2, "D": 1}),
        ("neither", {}),
    ],
)
def test_places(better: Better, places: dict[str, int]) -> None:
    indicator = ind(None, better)
    values = {"A": [("2023", 10)], "B": [("2023", "8")], "C": [("2023", "8,0")], "D": [("2023", 5)]}
    made = benchmark(indicator, cells_of(indicator, values))
    assert made is not None and made.places == places
    assert (made.n, made.min, made.max, made.median) == (4, 5.0, 10.0, 8.0)


def test_one_value() -> None:
    indicator = ind(None, "higher")
    made = benchmark(indicator, cells_of(indicator, {"A": [("2023", "2,5")]}))
    assert made is not None
    assert (made.n, made.places) == (1, {"A": 1})
    assert {made.median, made.q1, made.q3, made.min, made.max} == {2.5}


def test_benchmark_period_is_the_latest_any_unit_has() -> None:
    """B's latest value is older, C's is a quarter of the year: neither is counted."""
    indicator = ind(None, "lower")
    values = {
        "A": [("2022", 4), ("2023", 6)],
        "B": [("2022", 1)],
        "C": [("2023-Q4", 2)],
        "D": [("2023", 3), ("2021", 9)],
        "E": [],
    }
    made = benchmark(indicator, cells_of(indicator, values))
    assert made is not None
    assert (str(made.period), made.n, made.min, made.max) == ("2023", 2, 3.0, 6.0)
    assert made.places == {"D": 1, "A": 2}
    quarters = {"A": [("2023-Q4", 5)], "B": [("2024-Q1", 7)]}
    latest = benchmark(indicator, cells_of(indicator, quarters))
    assert latest is not None and (str(latest.period), latest.n) == ("2024-Q1", 1)


def test_no_benchmark_without_values() -> None:
    indicator = ind("85%", "higher")
    assert benchmark(indicator, cells_of(indicator, {"A": [], "B": [("x", 3)]})) is None
    assert benchmark(indicator, {}) is None


# ------------------------------------------------------------------------------ a study


@pytest.fixture
def study(tmp_path: Path) -> tuple[Path, Path]:
    return write_study(tmp_path)


def test_joint_assessment_counted_once(study: tuple[Path, Path]) -> None:
    norms, folder = study
    selection, diagnostics = select([folder], [norms])
    assert selection is not None, diagnostics
    data = build(selection.framework, selection.assessments, selection.study).to_json()
    assert data["units"] == ["Testdorp", "Aadorp", "Beekdorp", "Proefstad"]
    assert data["joint"] == [["Aadorp", "Beekdorp"]]
    assert data["values"]["Aadorp"] == data["values"]["Beekdorp"]
    assert data["values"]["Aadorp"]["K1"]["value"] == 50.0
    assert data["values"]["Aadorp"]["K2"] == {
        "period": "2023",
        "value": 80.0,
        "baseline": None,
        "target": {"text": "85%", "kind": "level"},
        "status": "not_met",
        "why": None,
        "against": 85.0,
    }
    k1, k2 = data["benchmark"]["K1"], data["benchmark"]["K2"]
    # K1 in 2023: Testdorp 38,5 and the joint 50, once; Proefstad's 2022 value is older
    assert (k1["period"], k1["n"], k1["min"], k1["max"]) == ("2023", 2, 38.5, 50.0)
    assert k1["places"] == {"Testdorp": 1, "Aadorp": 2, "Beekdorp": 2}
    assert (k2["n"], k2["places"]) == (2, {"Testdorp": 1, "Aadorp": 2, "Beekdorp": 2})
    assert (data["benchmark"]["K3"]["n"], data["benchmark"]["K3"]["places"]) == (1, {})
    assert data["benchmark"]["K4"]["places"] == {}  # better: neither
    # shared indicators are every unit's; the statuses of Testdorp and Proefstad
    assert {u: set(v) for u, v in data["values"].items()} == {
        unit: {"K1", "K2", "K3", "K4"} for unit in data["units"]
    }
    statuses = {u: {k: c["status"] for k, c in v.items()} for u, v in data["values"].items()}
    assert statuses["Testdorp"] == {"K1": "met", "K2": "met", "K3": "met", "K4": "no_target"}
    assert statuses["Proefstad"] == {
        "K1": "met",
        "K2": "undetermined",
        "K3": "untestable",
        "K4": "no_target",
    }
    assert data["values"]["Proefstad"]["K3"]["why"] == "no_baseline"
    assert data["values"]["Testdorp"]["K3"]["baseline"] == {"period": "2019", "value": 100.0}
    assert data["values"]["Testdorp"]["K4"]["value"] == 1100.0  # "1.100": thousands


def test_joint_assessment_first_in_the_study_order(tmp_path: Path) -> None:
    """The joint assessment named after its other unit in the study: still one place, once."""
    _norms, folder = write_study(tmp_path, names="Beekdorp, Proefstad, Testdorp, Aadorp")
    selection, diagnostics = select([folder], [tmp_path / "norms"])
    assert selection is not None, diagnostics
    result = build(selection.framework, selection.assessments, selection.study)
    assert result.units == ["Beekdorp", "Proefstad", "Testdorp", "Aadorp"]
    k1 = result.benchmarks["K1"]
    assert k1.n == 2 and k1.places == {"Beekdorp": 2, "Testdorp": 1, "Aadorp": 2}


# ------------------------------------------------------------------------------ the rules

FRAMEWORK_INDICATORS = """\
indicators:
  - {id: K1, text: Wachttijd Wmo, unit: dagen, better: lower, frequency: jaar, target: "maximaal 42 dagen"}
  - {id: K2, text: Tevredenheid, unit: "%", better: higher, target: "85%"}
  - {id: K3, text: Aantal maatwerkvoorzieningen, target: "Daling van 5%"}
  - {id: K4, text: Aantal ervaringsdeskundigen, target: "Toename"}
  - {id: K5, text: Kosten, unit: "€", target: "Geen overschrijding"}
  - {id: K6, text: Bereik, unit: "%", target: "85%"}
"""  # noqa: E501

BAD = """\
indicators:
  - {id: K8, text: Eigen kengetal, target: "zo hoog mogelijk"}
indicator_values:
  K1:
    baseline: {period: "2019-Q2", value: 40}
    values:
      - {period: "2021Q3", value: 38}
      - {period: "2022-Q1", value: 37}
      - {period: "2023", value: "veertig"}
      - {period: "2023", value: "36"}
  K2:
    target: "beter dan vorig jaar"
    values:
      - {period: "2023", value: "85%"}
  K3:
    baseline: {period: "2019", value: "1,,5"}
  K9:
    values:
      - {period: "2023", value: 12}
"""


def validate(run, *args: object) -> tuple[list[dict], int]:  # type: ignore[no-untyped-def,type-arg]
    result = run("validate", "--format", "json", *args)
    return diagnostics_of(result), result.exit_code


def test_rules_on_kengetallen(run, tmp_path: Path) -> None:
    norms, folder = write_study(
        tmp_path,
        FRAMEWORK_INDICATORS,
        {"testdorp.yaml": ("municipality: Testdorp", BAD)},
        names="Testdorp",
    )
    path = folder / "testdorp.yaml"
    text = path.read_text()
    found, code = validate(run, "--norms", norms, path)
    assert code == 1
    assert {d["file"] for d in found} == {str(path)}
    q = '"'
    assert sorted((f"{d['line']}:{d['column']}", d["code"]) for d in found) == sorted(
        [
            (line_col(text, "K8, text", q + "zo hoog"), "unparsed-target"),
            (line_col(text, q + "beter dan"), "unparsed-target"),
            (line_col(text, "2019-Q2", q + "2019-Q2"), "invalid-period"),  # a quarter, per year
            (line_col(text, "2021Q3", q + "2021Q3"), "invalid-period"),  # malformed
            (line_col(text, "2022-Q1", q + "2022-Q1"), "invalid-period"),  # a quarter, per year
            (line_col(text, q + "36" + q, q + "2023"), "invalid-period"),  # 2023 twice: the 2nd
            (line_col(text, "veertig", q + "veertig"), "invalid-number"),
            (line_col(text, "1,,5", q + "1,,5"), "invalid-number"),
            (line_col(text, "  K9:", "K9"), "unknown-indicator"),
            (line_col(text, "indicator_values:"), "untestable-target"),
        ]
    )
    severities = {d["code"]: d["severity"] for d in found}
    assert severities == {
        "unparsed-target": "error",
        "invalid-period": "error",
        "invalid-number": "error",
        "unknown-indicator": "error",
        "untestable-target": "info",
    }
    messages = {d["message"] for d in found}
    assert "kengetal 'K1' has two values for 2023" in messages
    assert "'veertig' is not a number" in messages
    (info,) = (d for d in found if d["code"] == "untestable-target")
    # K8 (its own), K1…K6: 7 with a target; K2's and K8's are unreadable (unparsed-target)
    assert info["message"] == (
        "4 of the 7 streefwaarden cannot be tested: K3 (no baseline value), K4 (no baseline "
        "value), K5 (no bound), K6 (not said which way is better)"
    )


def test_only_untestable_targets_exit_zero(run, tmp_path: Path) -> None:
    body = 'indicator_values:\n  K2:\n    values:\n      - {period: "2023", value: 90}\n'
    norms, folder = write_study(
        tmp_path,
        INDICATORS,
        {"testdorp.yaml": ("municipality: Testdorp", body)},
        names="Testdorp",
    )
    found, code = validate(run, "--norms", norms, folder)
    where = line_col((folder / "testdorp.yaml").read_text(), "indicator_values:")
    assert code == 0
    assert [(d["code"], d["severity"], f"{d['line']}:{d['column']}") for d in found] == [
        ("untestable-target", "info", where)
    ]
    assert found[0]["message"] == (
        "1 of the 3 streefwaarden cannot be tested: K3 (no baseline value)"
    )
    clean = 'indicator_values:\n  K3:\n    baseline: {period: "2019", value: 10}\n'
    (folder / "testdorp.yaml").write_text(HEAD % "municipality: Testdorp" + clean)
    assert validate(run, "--norms", norms, folder) == ([], 0)


def test_unparsed_target_in_the_framework(run, tmp_path: Path) -> None:
    """Reported once, at the framework's line, not in every assessment that uses it."""
    indicators = INDICATORS.replace('target: "85%"', 'target: "zo hoog mogelijk"')
    norms, folder = write_study(tmp_path, indicators)
    framework = norms / "mini.yaml"
    found, code = validate(run, framework)
    where = line_col(framework.read_text(), "zo hoog mogelijk", '"zo hoog')
    assert code == 1
    assert [(f"{d['line']}:{d['column']}", d["code"]) for d in found] == [
        (where, "unparsed-target")
    ]
    assert "'zo hoog mogelijk'" in found[0]["message"]
    in_study, _code = validate(run, "--norms", norms, folder)
    assert "unparsed-target" not in {d["code"] for d in in_study}


def test_kengetallen_refuses_files_with_errors(run, tmp_path: Path) -> None:
    """The rules' errors (here an unreadable target, a bad period and number) stop the
    command, as validate reports them: no numbers from a file that does not hold."""
    norms, folder = write_study(
        tmp_path,
        FRAMEWORK_INDICATORS,
        {"testdorp.yaml": ("municipality: Testdorp", BAD)},
        names="Testdorp",
    )
    result = run("kengetallen", "--norms", norms, "-f", "json", folder)
    assert result.exit_code == 1 and result.stdout == ""
    assert "[invalid-period]" in result.stderr and "[unparsed-target]" in result.stderr


# ------------------------------------------------------------------------------ the command

CONTRACT = {"indicators", "units", "values", "benchmark", "joint"}
VALUE_KEYS = {"period", "value", "baseline", "target", "status", "why", "against"}
BENCHMARK_KEYS = {"period", "n", "median", "q1", "q3", "min", "max", "places"}
# The columns of csv and xlsx: one row per unit and indicator
COLUMNS = [
    "unit", "indicator", "period", "value", "baseline", "target", "status", "place", "rests_on",
]  # fmt: skip


def test_json_contract(run, study: tuple[Path, Path]) -> None:
    norms, folder = study
    result = run("kengetallen", "--norms", norms, "--format", "json", folder)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == CONTRACT
    assert [set(i) for i in data["indicators"]] == [{"id", "text", "unit", "better"}] * 4
    assert data["indicators"][1] == {
        "id": "K2",
        "text": "Tevredenheid",
        "unit": "%",
        "better": "higher",
    }
    assert data["units"] == ["Testdorp", "Aadorp", "Beekdorp", "Proefstad"]
    for cells in data["values"].values():
        for value in cells.values():
            assert set(value) == VALUE_KEYS
            assert value["target"] is None or set(value["target"]) == {"text", "kind"}
            assert value["baseline"] is None or set(value["baseline"]) == {"period", "value"}
    assert set(data["benchmark"]) == {"K1", "K2", "K3", "K4"}
    assert all(set(b) == BENCHMARK_KEYS for b in data["benchmark"].values())
    assert data["values"]["Testdorp"]["K1"] == {
        "period": "2023",
        "value": 38.5,
        "baseline": None,
        "target": {"text": "maximaal 42 dagen", "kind": "level"},
        "status": "met",
        "why": None,
        "against": 42.0,
    }
    assert data["joint"] == [["Aadorp", "Beekdorp"]]


def test_csv_in_dutch(run, study: tuple[Path, Path]) -> None:
    norms, folder = study
    result = run("kengetallen", "--norms", norms, "-f", "csv", folder, env=DUTCH)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == COLUMNS
    assert len(rows) == 1 + 4 * 4
    by = {(r[0], r[1]): dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    testdorp = by["Testdorp", "K1"]
    assert (testdorp["period"], testdorp["value"], testdorp["place"]) == ("2023", "38,5", "1 van 2")
    assert "38,5" in testdorp["rests_on"] and "38.5" not in result.stdout
    assert by["Testdorp", "K3"]["baseline"] == "2019: 100"
    assert by["Testdorp", "K4"]["value"] == "1.100"
    assert by["Aadorp", "K1"]["place"] == by["Beekdorp", "K1"]["place"] == "2 van 2"
    assert by["Proefstad", "K1"]["place"] == ""  # its value is older than the benchmark's
    english = run("kengetallen", "--norms", norms, "-f", "csv", folder)
    assert "38.5" in english.stdout and '"38,5"' not in english.stdout


@pytest.mark.parametrize("env", [DUTCH, {}], ids=["nl", "en"])
def test_a_value_near_a_whole_number(run, tmp_path: Path, env: dict[str, str]) -> None:
    body = """\
indicator_values:
  K4:
    values:
      - {period: "2023", value: "1,999"}
  K2:
    values:
      - {period: "2023", value: "0,001"}
"""
    norms, folder = write_study(
        tmp_path,
        INDICATORS,
        {"testdorp.yaml": ("municipality: Testdorp", body)},
        names="Testdorp",
    )
    result = run("kengetallen", "--norms", norms, "-f", "csv", folder, env=env)
    assert result.exit_code == 0, result.output
    values = {r[1]: r[3] for r in list(csv.reader(io.StringIO(result.stdout)))[1:]}
    assert (values["K4"], values["K2"]) == ("2", "0")


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_table_and_markdown(run, study: tuple[Path, Path], fmt: str) -> None:
    norms, folder = study
    result = run(
        "kengetallen", "--norms", norms, "-f", fmt, folder, env={"NO_COLOR": "1", "COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    for word in (
        "K1 Wachttijd Wmo",
        "Testdorp",
        "Aadorp",
        "Beekdorp",
        "Proefstad",
        "38.5",
        "maximaal 42 dagen",
        "n=2",
    ):
        assert word in result.stdout, word


def test_xlsx(run, study: tuple[Path, Path], tmp_path: Path) -> None:
    norms, folder = study
    target = tmp_path / "kengetallen.xlsx"
    result = run("kengetallen", "--norms", norms, "-f", "xlsx", "-o", target, folder)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    sheet = book.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    rows = [r for r in rows if any(c not in (None, "") for c in r)]
    assert rows[0] == COLUMNS
    assert len(rows) == 1 + 4 * 4  # a row per unit and indicator, and the header
    assert Counter(r[0] for r in rows[1:]) == dict.fromkeys(
        ["Testdorp", "Aadorp", "Beekdorp", "Proefstad"], 4
    )


def test_samen_sterk(run) -> None:
    """Table 2 of a real policy: 26 streefwaarden, no baseline values, no values measured."""
    result = run("kengetallen", "--norms", REPO / "norms", "-f", "json", SAMEN_STERK)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["units"] == ["Duiven", "Westervoort"]
    assert data["joint"] == [["Duiven", "Westervoort"]]
    assert data["benchmark"] == {}
    for unit in ("Duiven", "Westervoort"):
        cells = data["values"][unit]
        assert len(cells) == 26
        assert Counter(c["status"] for c in cells.values()) == {"untestable": 23, "undetermined": 3}
        assert Counter(c["why"] for c in cells.values() if c["why"]) == {
            "no_baseline": 20,
            "no_better": 2,
            "no_bound": 1,
        }
        assert {k for k, c in cells.items() if c["status"] == "undetermined"} == {
            "K02",
            "K22",
            "K24",
        }
        assert all(c["value"] is None and c["period"] is None for c in cells.values())
        assert all(c["target"]["kind"] is not None for c in cells.values())
