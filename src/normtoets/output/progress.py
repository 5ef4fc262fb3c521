"""`status` as a table of counts with a total line, then what is open per municipality; or JSON."""

import json
from typing import Any

from rich.console import Console
from rich.table import Table

from normtoets.analysis.progress import Progress
from normtoets.core.controlchars import visible
from normtoets.core.i18n import _
from normtoets.output.units import unit_word


def _columns(rows: list[Progress]) -> tuple[str, ...]:
    units = {r.unit for r in rows}
    unit = unit_word(units.pop()) if len(units) == 1 else _("unit")
    return (unit, _("status"), _("norms"), _("criteria"), _("open points"))


def _open_items(r: Progress) -> list[tuple[str, list[str]]]:
    """What is still open, by kind and id: the list a researcher works through."""
    named = (
        (_("without finding"), r.without_finding),
        (_("without evidence"), r.without_evidence),
        (_("source never cited"), r.unused_sources),
        (_("not reviewed"), r.unreviewed),
        (_("wederhoor still open"), r.wederhoor_pending),
    )
    return [(label, ids) for label, ids in named if ids]


def _open_count(r: Progress) -> int:
    return sum(len(ids) for _, ids in _open_items(r))


def render_table(console: Console, rows: list[Progress]) -> None:
    """Counts in the table (it fits 80 columns), then the open points per municipality."""
    table = Table(title=_("Progress"), title_justify="left")
    for i, name in enumerate(_columns(rows)):
        table.add_column(name, no_wrap=True, justify="left" if i < 2 else "right")
    for r in rows:
        table.add_row(
            visible(r.municipality), r.status, f"{r.norms_scored}/{r.norms_total}",
            f"{r.criteria_scored}/{r.criteria_total}", str(_open_count(r)),
        )  # fmt: skip
    table.add_section()
    table.add_row(
        _("total ({count})").format(count=len(rows)),
        _("{count} complete").format(count=sum(r.complete for r in rows)),
        f"{sum(r.norms_scored for r in rows)}/{sum(r.norms_total for r in rows)}",
        f"{sum(r.criteria_scored for r in rows)}/{sum(r.criteria_total for r in rows)}",
        str(sum(_open_count(r) for r in rows)),
    )  # fmt: skip
    console.print(table)
    for r in rows:  # each municipality once, with everything open
        if items := _open_items(r):
            said = "; ".join(f"{label}: {', '.join(ids)}" for label, ids in items)
            console.print(visible(f"{r.municipality}: {said}"), highlight=False, markup=False,
                          soft_wrap=True)  # fmt: skip
    for r in rows:
        if r.untestable_targets:
            console.print(visible(untestable_line(r)), highlight=False, markup=False)


def untestable_line(r: Progress) -> str:
    """A finding, not open work: '…: 23 of the 26 streefwaarden cannot be tested (K01, …)'."""
    return _("{unit}: {count} of the {total} streefwaarden cannot be tested ({ids})").format(
        unit=r.municipality, count=len(r.untestable_targets), total=r.targets,
        ids=", ".join(r.untestable_targets))  # fmt: skip


def render_json(rows: list[Progress]) -> str:
    return json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ["file", "municipality", "status", "norms_scored", "norms_total",
               "criteria_scored", "criteria_total", "open_points", "open"]  # fmt: skip


def to_table(rows: list[Progress]) -> list[list[Any]]:
    """A row per assessment: the counts of the table, and what is open in words."""
    table: list[list[Any]] = [CSV_COLUMNS]
    for r in rows:
        table.append(
            [r.file, r.municipality, r.status, r.norms_scored, r.norms_total, r.criteria_scored,
             r.criteria_total, _open_count(r),
             "; ".join(f"{label}: {', '.join(ids)}" for label, ids in _open_items(r))]
        )  # fmt: skip
    return table
