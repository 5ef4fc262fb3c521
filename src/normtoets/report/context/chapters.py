"""A report is a list of chapters, each made by one builder. A builder looks at the report's
shared context and returns its chapter (title, contents entries, its own data) or None when
the chapter has nothing to show in this report. The template of a chapter is
`chapters/<report>/<id>.html.j2`; a house style replaces a chapter by putting its own file
there.

Adding a chapter: one builder in the report's CHAPTERS list and one template.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    title: str


@dataclass(frozen=True)
class Chapter:
    id: str  # its anchor, and the name of its template
    title: str
    data: Any = None
    appendix: bool = False
    toc: list[TocEntry] = field(default_factory=list)  # second-level entries in the contents
    report: str = ""  # "municipality" or "comparison": the folder of its template
    template_id: str | None = None  # a template other than the id's (own text: "narrative")

    @property
    def template(self) -> str:
        return f"chapters/{self.report}/{self.template_id or self.id}.html.j2"


@dataclass(frozen=True)
class Builder:
    """The builder of one chapter: its id (known before it builds) and the function."""

    id: str
    make: Callable[[Any], Chapter | None]


def build(report: str, builders: Sequence[Builder], shared: Any) -> list[Chapter]:
    """The chapters the builders make for this report, in their order."""
    return [
        replace(chapter, report=report)
        for builder in builders
        if (chapter := builder.make(shared)) is not None
    ]
