"""self-review (error): a judgement is reviewed by the researcher who scored it. Four eyes
means two people: the reviewer must be someone else. Names are compared as `names.name_key`
does: case, spacing, accents written decomposed and invisible characters do not count."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.core.names import same_name
from normtoets.rules.base import Context, Problem

CODE = "self-review"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None:
        return
    for norm_id, judgement in ctx.assessment.judgements.items():
        scorer, reviewer = judgement.scored_by, judgement.reviewed_by
        if scorer and reviewer and same_name(scorer, reviewer):
            yield Problem(
                ("judgements", norm_id, "reviewed_by"),
                _("norm {norm} is reviewed by the researcher who scored it ({reviewer})").format(
                    norm=norm_id, reviewer=reviewer
                ),
                _("a second researcher reviews the score (four-eyes principle)"),
            )
