"""score-contradiction (warning): a norm's score contradicts its criterion scores — every
scored criterion meets the norm (by the scale's `meets`) while the norm score does not, or the
other way round. Norms whose framework declares a roll-up rule are checked by
rollup-departure instead; a `motivation` silences both."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem

CODE = "score-contradiction"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.framework is None or ctx.assessment is None:
        return
    scale = ctx.framework.scale
    for norm_id, judgement in ctx.assessment.judgements.items():
        norm = ctx.framework.norm(norm_id)
        if judgement.motivation or (norm is not None and norm.rollup is not None):
            continue
        norm_level = scale.level(judgement.score)
        levels = [scale.level(c.score) for c in judgement.criteria.values()]
        met = {level.meets for level in levels if level}
        if norm_level is None or len(met) != 1 or norm_level.meets in met:
            continue
        message = (
            _("norm {norm} is scored '{score}' ({label}) but all its scored criteria meet the norm")
            if met == {True}
            else _(
                "norm {norm} is scored '{score}' ({label}) but all its scored criteria fail the "
                "norm"
            )
        )
        yield Problem(
            ("judgements", norm_id, "score"),
            message.format(norm=norm_id, score=judgement.score, label=norm_level.label),
            _("check the scores, or explain the difference in the finding"),
        )
