"""self-review (error): a judgement is reviewed by the researcher who scored it. Four eyes
means two people: the reviewer must be someone else."""

from collections.abc import Iterator

from normtoets.diagnostics import Severity
from normtoets.rules.base import Context, Problem

CODE = "self-review"
SEVERITY = Severity.error


def same_person(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None:
        return
    for norm_id, judgement in ctx.assessment.judgements.items():
        scorer, reviewer = judgement.scored_by, judgement.reviewed_by
        if scorer and reviewer and same_person(scorer, reviewer):
            yield Problem(
                ("judgements", norm_id, "reviewed_by"),
                f"norm {norm_id} is reviewed by the researcher who scored it ({reviewer})",
                "a second researcher reviews the score (four-eyes principle)",
            )
