"""The output formats of each kind of result, in one place.

A new format is one renderer per kind of result and one entry here; the commands look their
format up by name. `draw` renders a table for the terminal (rich, coloured); `text` renders the
rest; `data` renders a file that is not text (a spreadsheet). A drawn table written to a file is
plain text of `width` columns; the comparison's tables, piped or written, are as wide as they
need, without box or padding columns.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.console import Console

from normtoets.core.errors import UsageError
from normtoets.core.i18n import _
from normtoets.output import agreement, comparison, diff, progress, register, workbook
from normtoets.output.csvtext import csv_text


@dataclass(frozen=True)
class View:
    """What the user asked to see (the options of compare and diff)."""

    criteria: bool = False
    only_differences: bool = False
    lessons: bool = False
    mean: bool = False


@dataclass(frozen=True)
class Format:
    name: str
    text: Callable[[Any, View], str] | None = None
    draw: Callable[[Console, Any, View], None] | None = None
    width: int = 100
    data: Callable[[Any, View], bytes] | None = None


def _draw_comparison(console: Console, result: Any, view: View) -> None:
    comparison.render_table(
        console,
        result,
        criteria=view.criteria,
        mean=view.mean,
        only_differences=view.only_differences,
    )
    if view.lessons:
        comparison.render_lessons(console, result)


def _colours(framework: Any) -> dict[str, str]:
    return {level.code: level.color for level in framework.scale.levels}


def _comparison_workbook(result: Any, view: View) -> bytes:
    table = comparison.to_table(
        result, criteria=view.criteria, only_differences=view.only_differences
    )
    return workbook.table_workbook(table, _("comparison"), _colours(result.framework))


def _diff_workbook(result: Any, view: View) -> bytes:
    table = diff.to_table(result, criteria=view.criteria)
    return workbook.table_workbook(table, _("doorwerking"), _colours(result.new_framework))


FORMATS: dict[str, dict[str, Format]] = {
    "comparison": {
        "table": Format("table", draw=_draw_comparison, width=120),
        "json": Format("json", text=lambda r, v: comparison.to_json(r)),
        "csv": Format(
            "csv",
            text=lambda r, v: csv_text(
                comparison.to_table(r, criteria=v.criteria, only_differences=v.only_differences)
            ),
        ),
        "markdown": Format(
            "markdown",
            text=lambda r, v: comparison.to_markdown(
                r,
                criteria=v.criteria,
                mean=v.mean,
                only_differences=v.only_differences,
                with_lessons=v.lessons,
            ),
        ),
        "xlsx": Format("xlsx", data=_comparison_workbook),
    },
    "diff": {
        "table": Format("table", draw=lambda c, r, v: diff.render_table(c, r, criteria=v.criteria)),
        "json": Format("json", text=lambda r, v: diff.to_json(r)),
        "csv": Format("csv", text=lambda r, v: csv_text(diff.to_table(r, criteria=v.criteria))),
        "markdown": Format("markdown", text=lambda r, v: diff.to_markdown(r, criteria=v.criteria)),
        "xlsx": Format("xlsx", data=_diff_workbook),
    },
    "agreement": {
        "table": Format("table", draw=lambda c, r, v: agreement.render_table(c, r), width=120),
        "json": Format("json", text=lambda r, v: agreement.to_json(r)),
        "csv": Format("csv", text=lambda r, v: csv_text(agreement.to_table(r))),
        "markdown": Format("markdown", text=lambda r, v: agreement.to_markdown(r)),
        "xlsx": Format(
            "xlsx",
            data=lambda r, v: workbook.table_workbook(
                agreement.to_table(r), _("agreement"), _colours(r.framework)
            ),
        ),
    },
    "register": {
        "table": Format("table", draw=lambda c, r, v: register.render_table(c, r), width=160),
        "json": Format("json", text=lambda r, v: register.to_json(r)),
        "csv": Format("csv", text=lambda r, v: csv_text(register.to_table(r))),
        "markdown": Format("markdown", text=lambda r, v: register.to_markdown(r)),
        "xlsx": Format(
            "xlsx",
            data=lambda r, v: workbook.table_workbook(register.to_table(r), _("recommendations")),
        ),
    },
    "status": {
        "table": Format("table", draw=lambda c, r, v: progress.render_table(c, r)),
        "json": Format("json", text=lambda r, v: progress.render_json(r)),
        "xlsx": Format(
            "xlsx", data=lambda r, v: workbook.table_workbook(progress.to_table(r), _("status"))
        ),
    },
}


def names(kind: str) -> list[str]:
    return list(FORMATS[kind])


def lookup(kind: str, name: str) -> Format:
    found = FORMATS[kind].get(name)
    if found is None:
        raise UsageError(
            _("--format {name} is not available here; choose {names}").format(
                name=name, names=", ".join(names(kind))
            )
        )
    return found
