"""recommendation-without-conclusion (warning): a recommendation follows from no conclusion
(its `conclusions` list is empty), a gap in the chain from findings to recommendations."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem

CODE = "recommendation-without-conclusion"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None:
        return
    for i, recommendation in enumerate(ctx.assessment.recommendations):
        if not recommendation.conclusions:
            yield Problem(
                ("recommendations", i, "id"),
                _("recommendation {id} follows from no conclusion").format(id=recommendation.id),
                _("name the conclusions it follows from in `conclusions`"),
            )
