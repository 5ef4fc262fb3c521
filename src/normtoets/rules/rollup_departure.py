"""rollup-departure (warning): a norm's score departs from the roll-up rule its framework
declares for the criteria (`rollup: all | weakest | majority`), and the judgement gives no
`motivation`. `judgement` (or no rule) leaves the weighing to the researcher."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.models import Judgement, Rollup, Scale, ScoreLevel
from normtoets.rules.base import Context, Problem

CODE = "rollup-departure"
SEVERITY = Severity.warning


def rule_text(rule: Rollup) -> str:
    """What the roll-up rule says, in words."""
    if rule is Rollup.all:
        return _("the norm is met only when every criterion is met")
    if rule is Rollup.weakest:
        return _("the norm score is the lowest criterion score")
    return _("the norm is met when more than half of the criteria are met")


def departure(rule: Rollup, scale: Scale, judgement: Judgement) -> str | None:
    """What the rule expects, when the score departs from it; None when it agrees."""
    norm_level = scale.level(judgement.score)
    levels = [
        level for c in judgement.criteria.values() if (level := scale.level(c.score)) is not None
    ]
    if norm_level is None or not levels:
        return None
    if rule is Rollup.weakest:
        weakest: ScoreLevel = max(levels, key=lambda level: scale.rank(level.code) or 0)
        return None if weakest.code == norm_level.code else f"'{weakest.code}'"
    met = sum(level.meets for level in levels)
    expected = met == len(levels) if rule is Rollup.all else met * 2 > len(levels)
    if expected == norm_level.meets:
        return None
    return _("a score that meets the norm") if expected else _("a score that fails the norm")


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.framework is None or ctx.assessment is None:
        return
    for norm_id, judgement in ctx.assessment.judgements.items():
        norm = ctx.framework.norm(norm_id)
        if norm is None or norm.rollup in (None, Rollup.judgement) or judgement.motivation:
            continue
        expected = departure(norm.rollup, ctx.framework.scale, judgement)
        if expected:
            yield Problem(
                ("judgements", norm_id, "score"),
                _(
                    "norm {norm} is scored '{score}', but its roll-up rule '{rule}' "
                    "({explanation}) gives {expected}"
                ).format(
                    norm=norm_id,
                    score=judgement.score,
                    rule=norm.rollup,
                    explanation=rule_text(norm.rollup),
                    expected=expected,
                ),
                _("correct the score, or say why it departs in `motivation`"),
            )
