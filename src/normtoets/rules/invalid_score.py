"""invalid-score (error): a norm or criterion score that is not a code of the framework's
scale. The hint names the nearest code: `- -` → "did you mean '--'?"."""

from collections.abc import Iterator

from normtoets.core.diagnostics import PathKey, Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem
from normtoets.rules.suggest import Hints

CODE = "invalid-score"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.framework is None or ctx.assessment is None:
        return
    scale = ctx.framework.scale
    codes = scale.codes
    known, hints = set(codes), Hints()
    labels = {level.label: level.code for level in scale.levels}
    specials = (scale.not_assessed, scale.not_applicable, *filter(None, [scale.no_finding]))
    labels |= {s.label: s.code for s in specials}
    allowed = ", ".join(f"'{c}'" for c in codes)
    for norm_id, judgement in ctx.assessment.judgements.items():
        scored: list[tuple[PathKey, str]] = [(("judgements", norm_id, "score"), judgement.score)]
        scored += [
            (("judgements", norm_id, "criteria", cid, "score"), c.score)
            for cid, c in judgement.criteria.items()
        ]
        for path, score in scored:
            if score not in known:
                hint = hints.closest_score(score, codes, labels)
                message = _("score '{score}' is not in the scale ({allowed})")
                yield Problem(path, message.format(score=score, allowed=allowed), hint)
