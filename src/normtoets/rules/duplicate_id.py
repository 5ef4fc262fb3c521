"""duplicate-id (error): the same id is used twice where ids must be unique: themes, norms,
criteria and research questions in a framework; sources, conclusions and recommendations in
an assessment; municipalities in a study (the same name in any spelling, `names.name_key`)."""

from collections.abc import Callable, Iterable, Iterator

from normtoets.core.diagnostics import PathKey, Severity
from normtoets.core.i18n import _
from normtoets.core.names import name_key
from normtoets.models import Assessment, Framework, Study
from normtoets.rules.base import Context, Problem

CODE = "duplicate-id"
SEVERITY = Severity.error


def _repeats(
    items: Iterable[tuple[str, PathKey]], message: str, key: Callable[[str], str] = str
) -> Iterator[Problem]:
    """`message` names the item as {id}."""
    seen: set[str] = set()
    for item_id, path in items:
        if key(item_id) in seen:
            yield Problem(path, message.format(id=item_id))
        seen.add(key(item_id))


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.kind == "framework" and ctx.framework:
        yield from _in_framework(ctx.framework)
    if ctx.kind == "assessment" and ctx.assessment:
        yield from _in_assessment(ctx.assessment)
    if ctx.kind == "study" and ctx.study:
        yield from _in_study(ctx.study)


def _in_framework(fw: Framework) -> Iterator[Problem]:
    """Themes; norms and criteria together (a criterion's id may not be a norm's); research
    questions."""
    yield from _repeats(
        ((t.id, ("themes", i, "id")) for i, t in enumerate(fw.themes)),
        _("theme id '{id}' is used more than once"),
    )
    norms: list[tuple[str, PathKey]] = [
        (n.id, ("themes", i, "norms", j, "id"))
        for i, t in enumerate(fw.themes)
        for j, n in enumerate(t.norms)
    ]
    criteria: list[tuple[str, PathKey]] = [
        (c.id, ("themes", i, "norms", j, "criteria", k, "id"))
        for i, t in enumerate(fw.themes)
        for j, n in enumerate(t.norms)
        for k, c in enumerate(n.criteria)
    ]
    yield from _repeats(norms + criteria, _("norm or criterion id '{id}' is used more than once"))
    yield from _repeats(
        ((q.id, ("research_questions", i, "id")) for i, q in enumerate(fw.research_questions)),
        _("research question id '{id}' is used more than once"),
    )


def _in_assessment(a: Assessment) -> Iterator[Problem]:
    yield from _repeats(
        ((s.id, ("sources", i, "id")) for i, s in enumerate(a.sources)),
        _("source id '{id}' is used more than once"),
    )
    yield from _repeats(
        ((c.id, ("conclusions", i, "id")) for i, c in enumerate(a.conclusions)),
        _("conclusion id '{id}' is used more than once"),
    )
    yield from _repeats(
        ((r.id, ("recommendations", i, "id")) for i, r in enumerate(a.recommendations)),
        _("recommendation id '{id}' is used more than once"),
    )


def _in_study(study: Study) -> Iterator[Problem]:
    """Municipalities: the same name in any spelling is the same municipality."""
    yield from _repeats(
        ((name, at) for at, name in study.named_at()),
        _("municipality id '{id}' is used more than once"),
        name_key,
    )
