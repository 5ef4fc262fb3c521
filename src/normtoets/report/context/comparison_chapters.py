"""The chapters of the comparison report, one builder each, in the report's order."""

from normtoets.report.context.chapters import Builder, Chapter, TocEntry
from normtoets.report.context.comparison import (
    Shared,
    lessons,
    matrix_parts,
    met_chapter,
    profiles,
)
from normtoets.report.context.kengetallen import comparison_numbers


def inleiding(s: Shared) -> Chapter:
    return Chapter("inleiding", "Inleiding")


def scoreoverzicht(s: Shared) -> Chapter:
    return Chapter("scoreoverzicht", "Scoreoverzicht", matrix_parts(s))


def voldaan(s: Shared) -> Chapter | None:
    if not s.framework.scale.has_meeting:
        return None  # a scale of defects: no score meets a norm, so there is nothing to count
    return Chapter("voldaan", f"Voldaan per {s.comparison.unit.singular}", met_chapter(s))


def verschillen(s: Shared) -> Chapter:
    toc = [TocEntry(f"verschillen-{t.theme.anchor}", t.theme.title) for t in s.themes]
    return Chapter("verschillen", "Verschillen per norm", s.themes, toc=toc)


def lessen(s: Shared) -> Chapter | None:
    found = lessons(s)
    return None if found is None else Chapter("lessen", "Leermomenten", found)


def kengetallen(s: Shared) -> Chapter | None:
    """Only when the study has kengetallen."""
    view = comparison_numbers(s.framework, s.assessments, s.study, s.anchors)
    return None if view is None else Chapter("kengetallen", "Kengetallen", view)


def gemeenten(s: Shared) -> Chapter:
    units = s.comparison.unit.plural
    return Chapter("gemeenten", f"De {units}", profiles(s))


CHAPTERS: list[Builder] = [
    Builder("inleiding", inleiding),
    Builder("scoreoverzicht", scoreoverzicht),
    Builder("voldaan", voldaan),
    Builder("verschillen", verschillen),
    Builder("lessen", lessen),
    Builder("kengetallen", kengetallen),
    Builder("gemeenten", gemeenten),
]
