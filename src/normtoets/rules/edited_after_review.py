"""edited-after-review (warning): a norm's score, finding, evidence or criteria changed after its
review. `normtoets score --reviewed-by` records what a review covered (`review_covers`, a
fingerprint, and `reviewed_on`); when the judgement no longer matches, the reviewer never saw
what it says now. Until it is reviewed again it counts as not reviewed: for
unreviewed-judgement, for `status` and in the report, which then names no reviewer."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem

CODE = "edited-after-review"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None:
        return
    for norm_id, judgement in ctx.assessment.judgements.items():
        if not judgement.review_stale:
            continue
        when = (
            _(" on {date}").format(date=judgement.reviewed_on.isoformat())
            if judgement.reviewed_on
            else ""
        )
        yield Problem(
            ("judgements", norm_id, "reviewed_by"),
            _(
                "{norm} was changed after {reviewer} reviewed it{when}: the review covers an "
                "earlier score, finding, evidence or criteria"
            ).format(norm=norm_id, reviewer=judgement.reviewed_by, when=when),
            _("have it reviewed again: normtoets score FILE {norm} --reviewed-by NAME").format(
                norm=norm_id
            ),
        )
