"""Streefwaarden as policies write them (models.targets): read into one of five kinds, why one
cannot be tested, and the test itself. The statuses a unit gets are in
tests/analysis/test_kengetallen.py."""

from collections import Counter

import pytest

from conftest import REPO
from normtoets.loading.selection import select
from normtoets.models import targets
from normtoets.models.indicators import Better, Indicator
from normtoets.models.targets import Bound, Kind, Untestable, Way, parse_target, untestable

SAMEN_STERK = REPO / "examples" / "samen-sterk"


def samen_sterk_targets() -> dict[str, str]:
    """Table 2 of "Samen sterk!": indicator id → its streefwaarde, as the example records it."""
    selection, diagnostics = select([SAMEN_STERK], [REPO / "norms"])
    assert selection is not None, diagnostics
    (assessment,) = selection.assessments
    return {i.id: i.target for i in assessment.indicators if i.target is not None}


def indicator(better: Better = "neither", unit: str | None = None) -> Indicator:
    return Indicator(id="K1", text="Kengetal", unit=unit, better=better)


def test_every_target_of_samen_sterk_is_read() -> None:
    targets = samen_sterk_targets()
    assert len(targets) == 26
    kinds = {ind: parse_target(text).kind for ind, text in targets.items()}
    assert None not in kinds.values(), [targets[i] for i, k in kinds.items() if k is None]
    assert Counter(kinds.values()) == {
        Kind.level: 5,  # 2,5 uur gemiddeld; 85%; 10%; 75%; 95%
        Kind.change: 11,  # Daling van 3/5/10/15%, Toename van 5%
        Kind.direction: 6,  # Toename ×3, Verbetering, Verkorting, Daling
        Kind.same: 3,  # Blijft gelijk
        Kind.limit: 1,  # Geen overschrijding
    }
    assert kinds["K01"] is Kind.level and kinds["K25"] is Kind.limit
    assert kinds["K14"] is Kind.direction and kinds["K16"] is Kind.direction


@pytest.mark.parametrize(
    ("text", "kind", "amount", "way", "bound", "relative"),
    [
        ("2,5 Uur gemiddeld", Kind.level, 2.5, None, None, False),
        ("85%", Kind.level, 85.0, None, None, False),
        ("minimaal 80%", Kind.level, 80.0, None, Bound.at_least, False),
        ("ten minste 80%", Kind.level, 80.0, None, Bound.at_least, False),
        ("maximaal 10 dagen", Kind.level, 10.0, None, Bound.at_most, False),
        ("Daling van 5%", Kind.change, 5.0, Way.down, None, True),
        ("Daling van 2,5%", Kind.change, 2.5, Way.down, None, True),
        ("Daling van 5 procent", Kind.change, 5.0, Way.down, None, True),
        ("Toename van 5%", Kind.change, 5.0, Way.up, None, True),
        ("Toename van 3 procentpunt", Kind.change, 3.0, Way.up, None, False),
        ("Afname van 10 procentpunten", Kind.change, 10.0, Way.down, None, False),
        ("Stijging met 200", Kind.change, 200.0, Way.up, None, False),
        ("Toename", Kind.direction, None, Way.up, None, False),
        ("Daling", Kind.direction, None, Way.down, None, False),
        ("Verkorting", Kind.direction, None, Way.down, None, False),
        ("Verbetering", Kind.direction, None, Way.better, None, False),
        ("Blijft gelijk", Kind.same, None, None, None, False),
        ("Stabiel", Kind.same, None, None, None, False),
        ("Geen overschrijding", Kind.limit, None, None, Bound.at_most, False),
        ("Binnen de begroting", Kind.limit, None, None, Bound.at_most, False),
        ("Niet meer dan € 600.000", Kind.limit, 600_000.0, None, Bound.at_most, False),
    ],
)
def test_parse(
    text: str,
    kind: Kind,
    amount: float | None,
    way: Way | None,
    bound: Bound | None,
    relative: bool,
) -> None:
    target = parse_target(text)
    assert (target.text, target.kind, target.amount, target.way, target.bound, target.relative) == (
        text,
        kind,
        amount,
        way,
        bound,
        relative,
    )


@pytest.mark.parametrize("text", ["zo hoog mogelijk", "verbetering van 5%", "", "   ", "goed"])
def test_not_read_as_any_kind(text: str) -> None:
    """'verbetering van 5%': up or down would be a guess."""
    assert parse_target(text).kind is None


@pytest.mark.parametrize(
    ("text", "amount", "bound"),
    [("meer dan 80%", 80.0, Bound.at_least), ("minder dan 10 dagen", 10.0, Bound.at_most)],
)
def test_more_than_is_a_level(text: str, amount: float, bound: Bound) -> None:
    target = parse_target(text)
    assert (target.kind, target.amount, target.bound) == (Kind.level, amount, bound)


@pytest.mark.parametrize(
    ("text", "better", "unit", "baseline", "why"),
    [
        ("Daling van 5%", "lower", None, None, Untestable.no_baseline),
        ("Toename", "neither", None, None, Untestable.no_baseline),
        ("Verbetering", "higher", None, None, Untestable.no_baseline),
        ("Blijft gelijk", "neither", None, None, Untestable.no_baseline),
        ("85%", "neither", "%", None, Untestable.no_better),
        ("2,5 uur gemiddeld", "neither", "uur", 3.0, Untestable.no_better),
        ("Verbetering", "neither", None, 10.0, Untestable.no_better),
        ("Geen overschrijding", "neither", "€", None, Untestable.no_bound),
        ("Binnen de begroting", "lower", None, None, Untestable.no_bound),
        ("zo hoog mogelijk", "higher", "%", 10.0, Untestable.unreadable),
        # testable, once a value is measured
        ("85%", "higher", "%", None, None),
        ("minimaal 80%", "neither", "%", None, None),  # the bound says which way
        ("maximaal 10 dagen", "neither", "dagen", None, None),
        ("Daling van 5%", "neither", None, 100.0, None),
        ("Toename", "neither", None, 0.0, None),  # a baseline of 0 is a baseline
        ("Verbetering", "lower", None, 10.0, None),
        ("Blijft gelijk", "neither", None, 85.0, None),
        ("Geen overschrijding", "neither", "%", None, None),
        ("Geen overschrijding", "neither", " % ", None, None),
        ("Niet meer dan € 600.000", "neither", "€", None, None),
    ],
)
def test_untestable(
    text: str, better: Better, unit: str | None, baseline: float | None, why: Untestable | None
) -> None:
    assert untestable(indicator(better, unit), parse_target(text), baseline) is why


@pytest.mark.parametrize(
    ("text", "better", "unit", "value", "baseline", "met", "against", "bound"),
    [
        ("85%", "higher", "%", 85.0, None, True, 85.0, Bound.at_least),
        ("85%", "higher", "%", 84.9, None, False, 85.0, Bound.at_least),
        ("2,5 uur", "lower", "uur", 2.5, None, True, 2.5, Bound.at_most),
        ("2,5 uur", "lower", "uur", 2.6, None, False, 2.5, Bound.at_most),
        ("Daling van 5%", "neither", None, 95.0, 100.0, True, 95.0, Bound.at_most),
        ("Daling van 5%", "neither", None, 96.0, 100.0, False, 95.0, Bound.at_most),
        ("Toename van 3 procentpunt", "neither", "%", 43.0, 40.0, True, 43.0, Bound.at_least),
        ("Toename van 3 procentpunt", "neither", "%", 42.9, 40.0, False, 43.0, Bound.at_least),
        ("Toename", "neither", None, 11.0, 10.0, True, 10.0, Bound.at_least),
        ("Toename", "neither", None, 10.0, 10.0, False, 10.0, Bound.at_least),  # strictly
        ("Verbetering", "lower", None, 9.0, 10.0, True, 10.0, Bound.at_most),
        ("Geen overschrijding", "neither", "%", 100.0, None, True, 100.0, Bound.at_most),
        (
            "Niet meer dan € 600.000",
            "neither",
            "€",
            600_001.0,
            None,
            False,
            600_000.0,
            Bound.at_most,
        ),
    ],
)
def test_met_or_not(
    text: str,
    better: Better,
    unit: str | None,
    value: float,
    baseline: float | None,
    met: bool,
    against: float,
    bound: Bound,
) -> None:
    target = parse_target(text)
    ind = indicator(better, unit)
    assert untestable(ind, target, baseline) is None
    result = targets.test(ind, target, value, baseline)
    assert (result.met, result.against, result.bound) == (met, pytest.approx(against), bound)


def test_same_is_equal_as_precisely_as_the_baseline_is_written() -> None:
    ind, same = indicator(), parse_target("Blijft gelijk")
    assert targets.test(ind, same, 85.4, 85.0, "85%").met
    assert not targets.test(ind, same, 85.6, 85.0, "85%").met
    assert targets.test(ind, same, 2.504, 2.5, "2,50").met
    assert not targets.test(ind, same, 2.506, 2.5, "2,50").met
    assert targets.test(ind, same, 2.54, 2.5, "2,5").met
    assert not targets.test(ind, same, 2.56, 2.5, "2,5").met
    assert targets.test(ind, same, 85.04, 85.0).met  # no text: as the number is written (85.0)…
    assert not targets.test(ind, same, 85.06, 85.0).met  # …one decimal
    result = targets.test(ind, same, 85.0, 85.0, "85%")
    assert (result.against, result.bound) == (85.0, None)
