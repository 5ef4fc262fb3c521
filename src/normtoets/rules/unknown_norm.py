"""unknown-norm (error): a norm id that the framework does not define — a judgement key, or a
norm named by a research question, conclusion, recommendation or lesson."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem
from normtoets.rules.suggest import Hints

CODE = "unknown-norm"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    fw = ctx.framework
    if fw is None:
        return
    norm_ids = [n.id for n in fw.norms()]
    known, hints = set(norm_ids), Hints()

    def unknown(
        norm_id: str, path: tuple[str | int, ...], at_key: bool = False
    ) -> Iterator[Problem]:
        if norm_id not in known:
            owner = fw.norm_of_criterion(norm_id)
            hint = (
                _(
                    "'{norm}' is a criterion of {owner}; score it under judgements.{owner}.criteria"
                ).format(norm=norm_id, owner=owner.id)
                if owner
                else hints.closest(norm_id, norm_ids)
            )
            message = _("unknown norm '{norm}' in framework {framework}")
            yield Problem(path, message.format(norm=norm_id, framework=fw.ref), hint, at_key=at_key)

    def named(items: list[list[str]], field: str) -> Iterator[Problem]:
        for i, norms in enumerate(items):
            for j, norm_id in enumerate(norms):
                yield from unknown(norm_id, (field, i, "norms", j))

    if ctx.kind == "framework":
        yield from named([q.norms for q in fw.research_questions], "research_questions")
    if ctx.kind == "assessment" and ctx.assessment:
        a = ctx.assessment
        for norm_id in a.judgements:
            yield from unknown(norm_id, ("judgements", norm_id), at_key=True)
        yield from named([c.norms for c in a.conclusions], "conclusions")
        yield from named([r.norms for r in a.recommendations], "recommendations")
    if ctx.kind == "study" and ctx.study:
        yield from named([lesson.norms for lesson in ctx.study.general_lessons], "general_lessons")
        yield from named([lesson.norms for lesson in ctx.study.mutual_lessons], "mutual_lessons")
