"""Numbers and periods as Dutch policy documents write them (core.numbers): the readings the
kengetallen, their streefwaarden and the rules invalid-number and invalid-period rest on."""

import pytest

from normtoets.core.numbers import Period, decimals, parse_number, parse_period


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("2,5", 2.5),  # the Dutch decimal comma
        ("85%", 85.0),  # a percent sign: the unit says what the number counts
        ("85 %", 85.0),
        ("85 procent", 85.0),
        ("€ 600.000,-", 600_000.0),  # currency, thousands and the trailing ",-"
        ("€600.000", 600_000.0),
        ("EUR 100", 100.0),
        ("1.100.000", 1_100_000.0),  # points group thousands
        ("600.000", 600_000.0),
        ("1.234", 1234.0),  # one point with three digits after it: thousands, as Dutch
        ("2.5", 2.5),  # one point, not three digits after it: a decimal, as YAML writes
        ("0.5", 0.5),
        ("1.234,56", 1234.56),  # both: the last one is the decimal sign
        ("1,234.56", 1234.56),
        ("−3", -3.0),  # U+2212, the minus sign of typeset documents
        ("-3", -3.0),
        ("−2,5%", -2.5),
        ("-0,5", -0.5),
        ("+4", 4.0),
        ("1.000,-", 1000.0),
        (" 2,50 ", 2.5),
        ("\u00a085%", 85.0),  # a no-break space
    ],
)
def test_dutch_numbers(written: str, number: float) -> None:
    assert parse_number(written) == pytest.approx(number)


@pytest.mark.parametrize(("written", "number"), [(3, 3.0), (0, 0.0), (2.5, 2.5), (-1.25, -1.25)])
def test_yaml_numbers(written: float, number: float) -> None:
    result = parse_number(written)
    assert result == number and isinstance(result, float)


@pytest.mark.parametrize(
    "written",
    [
        "veertig",
        "",
        "   ",
        "1,,5",
        "12a",
        "1.2.3",
        "1.000.0",
        ",5",
        ".5",
        "€",
        "%",
        "n.v.t.",
        None,
        True,
        False,
    ],
)
def test_non_numbers_are_none(written: object) -> None:
    assert parse_number(written) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("written", "places"),
    [
        ("2,5", 1),
        ("2,50", 2),  # the precision the writer gave it, trailing zero and all
        ("0,125", 3),
        ("85%", 0),
        ("2,5%", 1),
        ("€ 2,50", 2),
        ("€ 600.000,-", 0),
        ("1.100.000", 0),  # thousands, not decimals
        ("1.234", 0),
        ("1.234,56", 2),
        ("2.5", 1),
        ("2.50", 2),
        ("−2,5", 1),
        (3, 0),
        (2.5, 1),
    ],
)
def test_decimals(written: float | int | str, places: int) -> None:
    assert decimals(written) == places


@pytest.mark.parametrize(("written", "places"), [("85,5 procent", 1), ("2,5 euro", 1)])
def test_decimals_of_a_number_with_its_unit_in_words(written: str, places: int) -> None:
    assert parse_number(written) is not None
    assert decimals(written) == places


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2019", Period(2019)),
        ("2021-Q3", Period(2021, 3)),
        ("2021-Q1", Period(2021, 1)),
        (" 2021 ", Period(2021)),
    ],
)
def test_periods(text: str, period: Period) -> None:
    assert parse_period(text) == period
    assert str(parse_period(text)) == text.strip()


@pytest.mark.parametrize(
    "text", ["21", "2021Q3", "2021-Q5", "2021-Q0", "2021-q3", "Q3-2021", "2021-3", "02021", ""]
)
def test_bad_periods(text: str) -> None:
    assert parse_period(text) is None


def test_period_order() -> None:
    """Quarters in order, 2021-Q4 before 2022-Q1; a year after its own quarters (its figure
    is known when the year is over) and before the next year's first quarter."""
    written = ["2022-Q1", "2021", "2021-Q4", "2020", "2021-Q1", "2022", "2021-Q3", "2021-Q2"]
    periods = [parse_period(t) for t in written]
    assert all(p is not None for p in periods)
    ordered = [str(p) for p in sorted(periods, key=lambda p: p.key)]  # type: ignore[union-attr]
    assert ordered == [
        "2020",
        "2021-Q1",
        "2021-Q2",
        "2021-Q3",
        "2021-Q4",
        "2021",
        "2022-Q1",
        "2022",
    ]
    assert Period(2021, 4).key < Period(2022, 1).key
    assert Period(2021, 4).key < Period(2021).key < Period(2022, 1).key
    assert Period(2020).key < Period(2021, 1).key
