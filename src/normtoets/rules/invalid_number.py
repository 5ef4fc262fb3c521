"""invalid-number (error): a kengetal's value or baseline value is not a number as Dutch
policy writes one: `2,5`, `85%`, `€ 600.000,-`, `1.100.000`, or a YAML number."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.core.numbers import parse_number
from normtoets.rules.base import Context, Problem
from normtoets.rules.indicator_values import written_values

CODE = "invalid-number"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None:
        return
    for _ind, at, _period, value in written_values(ctx.assessment):
        if value is not None and parse_number(value) is None:
            yield Problem(
                (*at, "value"),
                _("'{value}' is not a number").format(value=value),
                _("write it as 2,5 or 85% or € 600.000,-"),
            )
