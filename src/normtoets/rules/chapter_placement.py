"""chapter-placement (error): a chapter of the assessment's own text cannot be placed: `after`
names no chapter of the report, `findings` names a theme the framework lacks or a theme
another chapter carries already, or two chapters share an id."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.models.narrative import REPORT_CHAPTERS, Narrative
from normtoets.rules.base import Context, Problem

CODE = "chapter-placement"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    owner = ctx.assessment or ctx.study
    chapters = owner.chapters if owner is not None else []
    if not chapters:
        return
    ids = [c.id for c in chapters]
    known = [*REPORT_CHAPTERS, *ids]
    themes = {t.id for t in ctx.framework.themes} if ctx.framework else None
    carried: dict[str, str] = {}
    for i, chapter in enumerate(chapters):
        if chapter.id in REPORT_CHAPTERS or ids.index(chapter.id) != i:
            yield Problem(
                ("chapters", i, "id"),
                _("chapter id '{id}' is taken by another chapter of the report").format(
                    id=chapter.id
                ),
                _("give the chapter an id of its own"),
            )
        after = chapter.after
        if after is not None and (after not in known or after == chapter.id):
            yield Problem(
                ("chapters", i, "after"),
                _("chapter '{id}' comes after '{after}', which is no chapter of the report").format(
                    id=chapter.id, after=after
                ),
                _("the report's chapters: {chapters}").format(chapters=", ".join(known)),
            )
        yield from _findings(i, chapter, themes, carried)


def _findings(
    i: int, chapter: Narrative, themes: set[str] | None, carried: dict[str, str]
) -> Iterator[Problem]:
    """The problems of the themes whose findings chapter i carries: a theme the framework
    lacks (when the framework is known), or one an earlier chapter carries already.
    `carried` (theme → the first chapter to carry it) grows with this chapter's themes."""
    for j, theme in enumerate(chapter.findings):
        if themes is not None and theme not in themes:
            yield Problem(
                ("chapters", i, "findings", j),
                _(
                    "chapter '{id}' carries the findings of theme '{theme}', which the "
                    "framework lacks"
                ).format(id=chapter.id, theme=theme),
                _("the themes: {themes}").format(themes=", ".join(sorted(themes))),
            )
        elif theme in carried:
            yield Problem(
                ("chapters", i, "findings", j),
                _("the findings of theme '{theme}' are in chapter '{chapter}' already").format(
                    theme=theme, chapter=carried[theme]
                ),
            )
        carried.setdefault(theme, chapter.id)
