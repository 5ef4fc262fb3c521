"""chapter-placement (error): a chapter of the assessment's own text cannot be placed: `after`
names no chapter of the report, `findings` names a theme the framework lacks or a theme
another chapter carries already, or two chapters share an id."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.models.narrative import REPORT_CHAPTERS
from normtoets.rules.base import Context, Problem

CODE = "chapter-placement"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    chapters = (
        ctx.assessment.chapters if ctx.assessment else ctx.study.chapters if ctx.study else []
    )
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
                f"chapter id '{chapter.id}' is taken by another chapter of the report",
                "give the chapter an id of its own",
            )
        if chapter.after is not None and (
            chapter.after not in known or chapter.after == chapter.id
        ):
            yield Problem(
                ("chapters", i, "after"),
                f"chapter '{chapter.id}' comes after '{chapter.after}', which is no chapter "
                "of the report",
                f"the report's chapters: {', '.join(known)}",
            )
        for j, theme in enumerate(chapter.findings):
            if themes is not None and theme not in themes:
                yield Problem(
                    ("chapters", i, "findings", j),
                    f"chapter '{chapter.id}' carries the findings of theme '{theme}', which "
                    "the framework lacks",
                    f"the themes: {', '.join(sorted(themes))}",
                )
            elif theme in carried:
                yield Problem(
                    ("chapters", i, "findings", j),
                    f"the findings of theme '{theme}' are in chapter '{carried[theme]}' already",
                )
            carried.setdefault(theme, chapter.id)
