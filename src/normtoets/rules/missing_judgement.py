"""missing-judgement (warning in a concept or during wederhoor, error when definitief): a norm
of the framework has no judgement. Write `score: <not-assessed code>` to record on purpose that
a norm was not assessed. On a scale of defects (`no_finding` in the scale) a norm without a
judgement has no finding, which is no mistake: the rule is silent there."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.models.assessment import Status
from normtoets.rules.base import Context, Problem

CODE = "missing-judgement"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.framework is None or ctx.assessment is None:
        return
    if ctx.framework.scale.no_finding is not None:
        return  # a scale of defects: a norm the study does not mention has no finding
    final = ctx.assessment.status is Status.definitief
    not_assessed = ctx.framework.scale.not_assessed.code
    for norm in ctx.framework.norms():
        if norm.id not in ctx.assessment.judgements:
            yield Problem(
                ("judgements",),
                _("norm {norm} has no judgement").format(norm=norm.id),
                _("add judgements.{norm}, with score '{code}' if it was not assessed").format(
                    norm=norm.id, code=not_assessed
                ),
                severity=Severity.error if final else None,
                at_key=True,
            )
