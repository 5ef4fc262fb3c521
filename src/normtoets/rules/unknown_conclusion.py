"""unknown-conclusion (error): a recommendation names a conclusion id the assessment does not
define."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem
from normtoets.rules.suggest import Hints

CODE = "unknown-conclusion"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None:
        return
    ids = [c.id for c in ctx.assessment.conclusions]
    known, hints = set(ids), Hints()
    for i, recommendation in enumerate(ctx.assessment.recommendations):
        for j, conclusion in enumerate(recommendation.conclusions):
            if conclusion not in known:
                yield Problem(
                    ("recommendations", i, "conclusions", j),
                    _("unknown conclusion '{id}'").format(id=conclusion),
                    hints.closest(conclusion, ids),
                )
