"""unknown-criterion (error): a criterion score under a judgement names a criterion the
framework does not define, or one that belongs to another norm."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.rules.base import Context, Problem
from normtoets.rules.suggest import Hints

CODE = "unknown-criterion"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.framework is None or ctx.assessment is None:
        return
    fw, hints = ctx.framework, Hints()
    for norm_id, judgement in ctx.assessment.judgements.items():
        norm = fw.norm(norm_id)
        if norm is None:
            continue  # reported by unknown-norm
        own = [c.id for c in norm.criteria]
        known = set(own)
        for criterion_id in judgement.criteria:
            if criterion_id in known:
                continue
            path = ("judgements", norm_id, "criteria", criterion_id)
            owner = fw.norm_of_criterion(criterion_id)
            if owner:
                yield Problem(
                    path,
                    f"criterion '{criterion_id}' belongs to norm {owner.id}, not to {norm_id}",
                    f"move it under judgements.{owner.id}.criteria",
                    at_key=True,
                )
            else:
                hint = (
                    hints.closest(criterion_id, own) if own else f"norm {norm_id} has no criteria"
                )
                yield Problem(
                    path,
                    f"unknown criterion '{criterion_id}' for norm {norm_id}",
                    hint,
                    at_key=True,
                )
