"""The agreement statistics equal the published worked examples, and a second implementation
of Krippendorff's alpha on random data."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normtoets.analysis.reliability import (
    MIN_JUDGEMENTS,
    alpha_ordinal,
    bootstrap_interval,
    exact_agreement,
    reading,
    weighted_kappa,
)

N = None
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section E: four observers,
# twelve units, values 1–5, missing values. Published: ordinal alpha = 0.815.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
# Altman (1991), Practical Statistics for Medical Research, on kappa: two radiologists
# grading 85 xeromammograms as normal, benign, suspected cancer, cancer (rows: A, columns: B).
# Published: kappa 0.47, weighted kappa 0.57.
ALTMAN_1991 = [[21, 12, 0, 0], [4, 17, 1, 0], [3, 9, 15, 2], [0, 0, 0, 1]]


def units(observers: list[list[int | None]]) -> list[tuple[int | None, ...]]:
    return list(zip(*observers, strict=True))


def test_krippendorff_2011_ordinal_alpha() -> None:
    assert round(alpha_ordinal(units(KRIPPENDORFF_2011)), 3) == 0.815  # type: ignore[arg-type]


def test_altman_1991_weighted_kappa() -> None:
    pairs = [(i, j) for i, row in enumerate(ALTMAN_1991) for j, n in enumerate(row)
             for _ in range(n)]  # fmt: skip
    assert len(pairs) == 85
    assert round(weighted_kappa(pairs, 4), 2) == 0.57  # type: ignore[arg-type]


def test_undefined_without_variation_or_pairs() -> None:
    assert alpha_ordinal([(1, 1), (1, 1)]) is None
    assert alpha_ordinal([(1, None), (None, 2)]) is None
    assert weighted_kappa([(0, 0), (0, 0)], 4) is None
    assert weighted_kappa([], 4) is None
    assert reading(None, None, 30) == "undefined"


def test_perfect_agreement_is_one() -> None:
    assert alpha_ordinal([(0, 0), (1, 1), (3, 3)]) == 1
    assert weighted_kappa([(0, 0), (1, 1), (3, 3)], 4) == 1


def test_readings_are_on_the_lower_bound_of_the_interval() -> None:
    """Krippendorff's bounds, read on the interval: alpha 0.86 with 0.06–1.00 is not reliable."""
    assert [reading(0.95, (low, 1.0), 30) for low in (0.8, 0.7999, 0.667, 0.6669)] == [
        "reliable", "tentative", "tentative", "unreliable"]  # fmt: skip
    assert reading(0.86, (0.06, 1.0), 30) == "unreliable"
    assert reading(0.9, None, 30) == "too-few"  # no interval could be drawn


def test_too_few_judgements_are_not_read() -> None:
    """The minimum's argument: below it, one difference pulls the lower bound under 0.667
    however alike the rest; from it on, near-perfect data can be read as tentative."""
    assert MIN_JUDGEMENTS == 10
    assert reading(1.0, (1.0, 1.0), MIN_JUDGEMENTS - 1) == "too-few"

    def one_difference(n: int) -> tuple[float, float] | None:
        data = [(i % 4, i % 4) for i in range(n)]
        data[1] = (1, 2)
        return bootstrap_interval(data, alpha_ordinal)

    below, at = one_difference(8), one_difference(MIN_JUDGEMENTS)
    assert below is not None and below[0] < 0.667
    assert at is not None and at[0] >= 0.667


def test_exact_agreement_counts_units_with_two_values() -> None:
    assert exact_agreement([("+", "+"), ("+", "-"), ("+", None), ("nvt", "nvt")]) == (2, 3)


def test_bootstrap_interval_is_reproducible_and_brackets_alpha() -> None:
    data = units(KRIPPENDORFF_2011)
    first = bootstrap_interval(data, alpha_ordinal)
    assert first == bootstrap_interval(data, alpha_ordinal)
    assert first is not None and first[0] <= 0.815 <= first[1]
    assert bootstrap_interval(data[:1], alpha_ordinal) is None


values = st.one_of(st.none(), st.integers(0, 3))


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 4).flatmap(lambda m: st.lists(st.lists(values, min_size=m, max_size=m),
                                                    min_size=1, max_size=15)))  # fmt: skip
def test_alpha_equals_the_krippendorff_package(data: list[list[int | None]]) -> None:
    krippendorff = pytest.importorskip("krippendorff")
    np = pytest.importorskip("numpy")
    ours = alpha_ordinal(data)
    matrix = np.array([[np.nan if v is None else v for v in unit] for unit in data]).T
    try:
        with np.errstate(invalid="ignore", divide="ignore"):
            theirs = krippendorff.alpha(
                reliability_data=matrix, level_of_measurement="ordinal", value_domain=[0, 1, 2, 3]
            )
    except ValueError:  # fewer than two values, or one value only: undefined
        theirs = math.nan
    if ours is None:
        assert math.isnan(theirs) or not np.isfinite(theirs)
    else:
        assert ours == pytest.approx(theirs, abs=1e-9)
