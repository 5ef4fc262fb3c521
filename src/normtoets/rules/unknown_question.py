"""unknown-question (error): an answer names a research question the framework does not
define."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem
from normtoets.rules.suggest import Hints

CODE = "unknown-question"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.framework is None or ctx.assessment is None:
        return
    ids = [q.id for q in ctx.framework.research_questions]
    known, hints = set(ids), Hints()
    for i, answer in enumerate(ctx.assessment.answers):
        for j, question in enumerate(answer.questions):
            if question not in known:
                yield Problem(
                    ("answers", i, "questions", j),
                    _("unknown research question '{id}'").format(id=question),
                    hints.closest(question, ids),
                )
