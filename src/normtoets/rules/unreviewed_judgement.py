"""unreviewed-judgement (error): a `definitief` assessment has a norm scored on the scale
(not `nb`, not `nvt`) without `reviewed_by`, or changed after its review (`Assessment.unreviewed`;
see edited-after-review). So `score` refuses to change a reviewed norm of a definitief
assessment unless the same command renews the review. A final report publishes
only reviewed scores. When the review is recorded outside the file (`review_note`, e.g. for a
published report taken over as data), one info diagnostic says so instead."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _, ngettext
from normtoets.models import Status
from normtoets.rules.base import Context, Problem

CODE = "unreviewed-judgement"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    assessment = ctx.assessment
    if assessment is None or ctx.framework is None or assessment.status is not Status.definitief:
        return
    unreviewed = assessment.unreviewed(ctx.framework.scale)
    if not unreviewed:
        return
    if assessment.review_note:
        yield Problem(
            ("review_note",),
            ngettext(
                "{count} judgement names no reviewer; the review is recorded elsewhere "
                "(review_note)",
                "{count} judgements name no reviewer; the review is recorded elsewhere "
                "(review_note)",
                len(unreviewed),
            ).format(count=len(unreviewed)),
            severity=Severity.info,
        )
        return
    for norm_id in unreviewed:
        if assessment.judgements[norm_id].review_stale:
            yield Problem(
                ("judgements", norm_id),
                _(
                    "norm {norm} was changed after its review, but the assessment is definitief"
                ).format(norm=norm_id),
                _(
                    "have it reviewed again (score FILE {norm} --reviewed-by NAME, in the same "
                    "command as the change), or set the status back to concept"
                ).format(norm=norm_id),
                at_key=True,
            )
            continue
        yield Problem(
            ("judgements", norm_id),
            _("norm {norm} has not been reviewed, but the assessment is definitief").format(
                norm=norm_id
            ),
            _("add reviewed_by (a second researcher), or set the status back to concept"),
            at_key=True,
        )
