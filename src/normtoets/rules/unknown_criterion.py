"""unknown-criterion (error): a criterion score under a judgement names a criterion the
framework does not define, or one that belongs to another norm."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
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
                    _("criterion '{criterion}' belongs to norm {owner}, not to {norm}").format(
                        criterion=criterion_id, owner=owner.id, norm=norm_id
                    ),
                    _("move it under judgements.{owner}.criteria").format(owner=owner.id),
                    at_key=True,
                )
            else:
                hint = (
                    hints.closest(criterion_id, own)
                    if own
                    else _("norm {norm} has no criteria").format(norm=norm_id)
                )
                yield Problem(
                    path,
                    _("unknown criterion '{criterion}' for norm {norm}").format(
                        criterion=criterion_id, norm=norm_id
                    ),
                    hint,
                    at_key=True,
                )
