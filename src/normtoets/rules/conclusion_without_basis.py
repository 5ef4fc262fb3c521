"""conclusion-without-basis (warning): a conclusion cites no norm, or cites a norm that has no
judgement (finding) in this assessment. Every conclusion rests on findings: research question
→ norms → findings → conclusions → recommendations, with no gap in the chain."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem

CODE = "conclusion-without-basis"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None:
        return
    judged = ctx.assessment.judgements
    known = {n.id for n in ctx.framework.norms()} if ctx.framework else set(judged)
    for i, conclusion in enumerate(ctx.assessment.conclusions):
        if not conclusion.norms:
            yield Problem(
                ("conclusions", i, "id"),
                _("conclusion {id} cites no norm, so no finding supports it").format(
                    id=conclusion.id
                ),
                _("list the norms whose findings lead to it in `norms`"),
            )
            continue
        for j, norm_id in enumerate(conclusion.norms):
            if norm_id in known and norm_id not in judged:
                yield Problem(
                    ("conclusions", i, "norms", j),
                    _(
                        "conclusion {conclusion} cites norm {norm}, which has no finding here"
                    ).format(conclusion=conclusion.id, norm=norm_id),
                )
