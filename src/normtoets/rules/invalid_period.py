"""invalid-period (error): a kengetal's value or baseline has a period that is not a year
(`2021`) or a quarter (`2021-Q3`), a quarter for a kengetal measured per year, or a period
that occurs twice among one kengetal's values."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.core.numbers import parse_period
from normtoets.rules.base import Context, Problem
from normtoets.rules.indicator_values import written_values

CODE = "invalid-period"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None or ctx.framework is None:
        return
    defined = {i.id: i for i in [*ctx.framework.indicators, *ctx.assessment.indicators]}
    seen: set[tuple[str, str]] = set()
    for ind, at, period, _value in written_values(ctx.assessment):
        parsed = parse_period(period)
        where = (*at, "period")
        if parsed is None:
            yield Problem(where, _("period '{period}' is not a year (2021) or a quarter "
                                   "(2021-Q3)").format(period=period))  # fmt: skip
            continue
        yearly = (indicator := defined.get(ind)) is not None and indicator.frequency == "jaar"
        if yearly and parsed.quarter is not None:
            yield Problem(where, _("kengetal '{indicator}' is measured per year, but this value "
                                   "is of a quarter: {period}").format(
                                       indicator=ind, period=period))  # fmt: skip
        if "values" in at:
            if (ind, str(parsed)) in seen:
                yield Problem(where, _("kengetal '{indicator}' has two values for {period}")
                              .format(indicator=ind, period=parsed))  # fmt: skip
            seen.add((ind, str(parsed)))
