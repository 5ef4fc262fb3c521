"""The output formats of each kind of result, in one place.

A new format is one renderer per kind of result and one entry in its kind's table here; the
commands look their format up by name. `draw` renders a table for the terminal (rich, coloured);
`text` renders the rest; `data` renders a file that is not text (a spreadsheet). A drawn table
written to a file is plain text of `width` columns; the comparison's tables, piped or written,
are as wide as they need, without box or padding columns. Each kind's table imports only its
own renderers: `status` needs none of the comparison's.
"""

# Deferred imports: normtoets.output — each kind of result loads only its own renderers: status
# needs none of the comparison's.

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from normtoets.core.errors import UsageError
from normtoets.core.i18n import _
from normtoets.output import workbook
from normtoets.output.csvtext import csv_text

if TYPE_CHECKING:
    from rich.console import Console


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
    draw: "Callable[[Console, Any, View], None] | None" = None
    width: int = 100
    data: Callable[[Any, View], bytes] | None = None


def _colours(framework: Any) -> dict[str, str]:
    return {level.code: level.color for level in framework.scale.levels}


def _comparison() -> dict[str, Format]:
    from normtoets.output import comparison

    def draw(console: "Console", result: Any, view: View) -> None:
        comparison.render_table(
            console,
            result,
            criteria=view.criteria,
            mean=view.mean,
            only_differences=view.only_differences,
        )
        if view.lessons:
            comparison.render_lessons(console, result)

    def table(result: Any, view: View) -> list[list[Any]]:
        return comparison.to_table(
            result, criteria=view.criteria, only_differences=view.only_differences
        )

    return {
        "table": Format("table", draw=draw, width=120),
        "json": Format("json", text=lambda r, v: comparison.to_json(r)),
        "csv": Format("csv", text=lambda r, v: csv_text(table(r, v))),
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
        "xlsx": Format(
            "xlsx",
            data=lambda r, v: workbook.table_workbook(
                table(r, v), _("comparison"), _colours(r.framework)
            ),
        ),
    }


def _diff() -> dict[str, Format]:
    from normtoets.output import diff

    return {
        "table": Format("table", draw=lambda c, r, v: diff.render_table(c, r, criteria=v.criteria)),
        "json": Format("json", text=lambda r, v: diff.to_json(r)),
        "csv": Format("csv", text=lambda r, v: csv_text(diff.to_table(r, criteria=v.criteria))),
        "markdown": Format("markdown", text=lambda r, v: diff.to_markdown(r, criteria=v.criteria)),
        "xlsx": Format(
            "xlsx",
            data=lambda r, v: workbook.table_workbook(
                diff.to_table(r, criteria=v.criteria),
                _("doorwerking"),
                _colours(r.new_framework),
            ),
        ),
    }


def _agreement() -> dict[str, Format]:
    from normtoets.output import agreement

    return {
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
    }


def _register() -> dict[str, Format]:
    from normtoets.output import register

    return {
        "table": Format("table", draw=lambda c, r, v: register.render_table(c, r), width=160),
        "json": Format("json", text=lambda r, v: register.to_json(r)),
        "csv": Format("csv", text=lambda r, v: csv_text(register.to_table(r))),
        "markdown": Format("markdown", text=lambda r, v: register.to_markdown(r)),
        "xlsx": Format(
            "xlsx",
            data=lambda r, v: workbook.table_workbook(register.to_table(r), _("recommendations")),
        ),
    }


def _status() -> dict[str, Format]:
    from normtoets.output import progress

    return {
        "table": Format("table", draw=lambda c, r, v: progress.render_table(c, r)),
        "json": Format("json", text=lambda r, v: progress.render_json(r)),
        "xlsx": Format(
            "xlsx", data=lambda r, v: workbook.table_workbook(progress.to_table(r), _("status"))
        ),
    }


def _kengetallen() -> dict[str, Format]:
    from normtoets.output import kengetallen

    return {
        "table": Format("table", draw=lambda c, r, v: kengetallen.render_table(c, r), width=140),
        "json": Format("json", text=lambda r, v: kengetallen.to_json(r)),
        "csv": Format("csv", text=lambda r, v: csv_text(kengetallen.csv_rows(r))),
        "markdown": Format("markdown", text=lambda r, v: kengetallen.to_markdown(r)),
        "xlsx": Format(
            "xlsx",
            data=lambda r, v: workbook.table_workbook(kengetallen.to_table(r), _("kengetallen")),
        ),
    }


KINDS: dict[str, Callable[[], dict[str, Format]]] = {
    "comparison": _comparison,
    "diff": _diff,
    "agreement": _agreement,
    "register": _register,
    "status": _status,
    "kengetallen": _kengetallen,
}


def formats(kind: str) -> dict[str, Format]:
    return KINDS[kind]()


def names(kind: str) -> list[str]:
    return list(formats(kind))


def lookup(kind: str, name: str) -> Format:
    found = formats(kind).get(name)
    if found is None:
        raise UsageError(
            _("--format {name} is not available here; choose {names}").format(
                name=name, names=", ".join(names(kind))
            )
        )
    return found
