"""Inter-rater reliability: Krippendorff's alpha for ordinal data, Cohen's weighted kappa, exact
agreement, and a bootstrap interval. Plain Python: a study has tens of judgements, not millions.

Values are ranks on an ordered scale (0 = best level); None is a missing value (not assessed,
or not a level of the scale). Checked against the published worked examples in
tests/analysis/test_reliability.py (Krippendorff 2011; Altman 1991) and against the
`krippendorff` package on random data.
"""

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

Unit = Sequence[int | None]  # one judgement: every rater's value

RELIABLE = 0.800  # Krippendorff (2004): rely on data with alpha ≥ 0.800,
TENTATIVE = 0.667  # and draw only tentative conclusions from 0.667 ≤ alpha < 0.800
# Below this many judgements scored on the scale by at least two raters, one difference pulls
# the interval's lower bound under 0.667 however alike the rest (8 judgements spread over four
# levels, one adjacent difference: 0.664; 10: 0.763; tests/analysis/test_reliability.py): the
# reading would speak of the number of judgements, not of the agreement.
MIN_JUDGEMENTS = 10


def pairable(units: Sequence[Unit]) -> list[list[int]]:
    """The units with at least two values; only these can show agreement or not."""
    found = [[v for v in unit if v is not None] for unit in units]
    return [values for values in found if len(values) >= 2]


def alpha_ordinal(units: Sequence[Unit]) -> float | None:
    """Krippendorff's alpha with the ordinal difference function (Krippendorff 2011, "Computing
    Krippendorff's Alpha-Reliability", sections C and E); None when the values do not vary
    (every pairable value the same) or nothing is pairable."""
    coincidences: defaultdict[tuple[int, int], float] = defaultdict(float)
    for values in pairable(units):
        counts = Counter(values)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_k - 1) if c == k else n_c * n_k
                coincidences[(c, k)] += pairs / (len(values) - 1)
    totals: defaultdict[int, float] = defaultdict(float)
    for (c, _k), count in coincidences.items():
        totals[c] += count
    n = sum(totals.values())
    if n <= 1:
        return None
    order = sorted(totals)
    position = {value: i for i, value in enumerate(order)}
    running = [0.0]
    for value in order:
        running.append(running[-1] + totals[value])

    def squared_difference(c: int, k: int) -> float:
        low, high = sorted((position[c], position[k]))
        between = running[high + 1] - running[low]  # n_g for every value from c to k
        return (between - (totals[c] + totals[k]) / 2) ** 2

    observed = sum(count * squared_difference(c, k) for (c, k), count in coincidences.items())
    expected = sum(
        totals[c] * totals[k] * squared_difference(c, k) for c in order for k in order
    ) / (n - 1)
    return None if expected == 0 else 1 - observed / expected


def weighted_kappa(pairs: Sequence[tuple[int, int]], levels: int) -> float | None:
    """Cohen's weighted kappa with linear weights (|i − j| / (levels − 1)) for two raters;
    None when it is undefined (no pairs, or every value in one category)."""
    if not pairs or levels < 2:
        return None
    n = len(pairs)
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    observed = sum(abs(a - b) for a, b in pairs) / n
    expected = sum(first[i] * second[j] * abs(i - j) for i in first for j in second) / (n * n)
    if expected == 0:
        return None
    return 1 - observed / expected  # the weights' common factor 1/(levels − 1) cancels


def exact_agreement(units: Sequence[Sequence[str | None]]) -> tuple[int, int]:
    """(units where every given value is the same, units with at least two values)."""
    compared = [[v for v in unit if v is not None] for unit in units]
    compared = [values for values in compared if len(values) >= 2]
    return sum(len(set(values)) == 1 for values in compared), len(compared)


def bootstrap_interval(
    units: Sequence[Unit],
    statistic: Callable[[Sequence[Unit]], float | None],
    resamples: int = 2000,
    seed: int = 20190101,
) -> tuple[float, float] | None:
    """The 2.5th and 97.5th percentile of the statistic over units drawn with replacement (the
    same seed every run: the same report twice gives the same interval). None with fewer than
    two pairable units or when most draws leave the statistic undefined."""
    usable = [unit for unit in units if len([v for v in unit if v is not None]) >= 2]
    if len(usable) < 2:
        return None
    draw = random.Random(seed)
    found = sorted(
        value
        for _ in range(resamples)
        if (value := statistic(draw.choices(usable, k=len(usable)))) is not None
    )
    if len(found) < resamples / 2:
        return None
    return found[int(0.025 * len(found))], found[min(len(found) - 1, int(0.975 * len(found)))]


def reading(alpha: float | None, interval: tuple[float, float] | None, judgements: int) -> str:
    """Krippendorff's bounds read on the lower bound of alpha's interval, as Hayes and
    Krippendorff (2007) judge alpha against the smallest acceptable value by its bootstrapped
    distribution: "reliable", "tentative" or "unreliable"; "too-few" below MIN_JUDGEMENTS or
    without an interval; "undefined" without alpha."""
    if alpha is None:
        return "undefined"
    if judgements < MIN_JUDGEMENTS or interval is None:
        return "too-few"
    low = interval[0]
    if low >= RELIABLE:
        return "reliable"
    return "tentative" if low >= TENTATIVE else "unreliable"
