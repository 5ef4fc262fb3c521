"""unknown-indicator (error): an assessment records values for a kengetal (`indicator_values`)
that neither its framework's `indicators` nor its own `indicators` define."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem
from normtoets.rules.suggest import Hints

CODE = "unknown-indicator"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None or ctx.framework is None:
        return
    ids = [i.id for i in [*ctx.framework.indicators, *ctx.assessment.indicators]]
    known, hints = set(ids), Hints()
    for ind in ctx.assessment.indicator_values:
        if ind not in known:
            yield Problem(
                ("indicator_values", ind),
                _("values for unknown kengetal '{indicator}'").format(indicator=ind),
                hints.closest(ind, ids)
                or _("define it under 'indicators' in the framework or in this file"),
                at_key=True,
            )
