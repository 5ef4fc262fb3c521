"""Kengetallen as a rich table, CSV, Markdown, JSON or a spreadsheet: per indicator and unit
the latest value, the baseline, the streefwaarde, the status and the place among the units;
per indicator the distribution. Numbers in the command line's language (2,5 in Dutch)."""

import functools
import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from normtoets.analysis.kengetallen import Benchmark, Cell, Kengetallen, Status
from normtoets.core.i18n import _, language
from normtoets.models.targets import why_words


def _figure(value: float | None) -> str:
    """A value as the language writes it, without trailing zeros: 2,5 · 85 · 600.000."""
    if value is None:
        return "–"
    dutch = language() == "nl"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", "." if dutch else ",")
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if text in ("-0", "0"):
        text = "0"
    return text.translate(_DUTCH) if dutch else text


_DUTCH = str.maketrans(",.", ".,")


@functools.lru_cache(maxsize=4)
def _words(lang: str) -> dict[str, str]:
    """The words of this output, looked up once per language (a study has 10,000 cells)."""
    del lang  # the cache key: `_` reads the language itself
    return {
        Status.met: _("met"),
        Status.not_met: _("not met"),
        Status.undetermined: _("not yet to tell"),
        Status.untestable: _("cannot be tested"),
        Status.no_target: _("no target"),
        "why": _("cannot be tested: {why}"),
        "at_least": _("at least {figure}"),
        "at_most": _("at most {figure}"),
        "equal": _("equal to {figure}"),
        "more": _("more than {figure}"),
        "less": _("less than {figure}"),
        "rests_on": _("{period}: {value}, target {held}"),
        "place": _("{place} of {n}"),
        **{str(why): word for why, word in why_words().items()},
    }


def status_word(cell: Cell) -> str:
    """'met', 'not met', 'undetermined', 'cannot be tested: no baseline value', 'no target'."""
    words = _words(language())
    if cell.status is Status.untestable and cell.why is not None:
        return words["why"].format(why=words[str(cell.why)])
    return words[cell.status]


def rests_on(cell: Cell) -> str:
    """What the status rests on: '2023-Q4: 2,3, target at most 2,5'."""
    latest = cell.latest
    if cell.test is None or latest is None:
        return ""
    words = _words(language())
    bound = cell.test.bound.value if cell.test.bound is not None else "equal"
    if cell.test.strict:  # a direction: past the baseline, not up to it
        bound = "more" if bound == "at_least" else "less"
    held = words[bound].format(figure=_figure(cell.test.against))
    return words["rests_on"].format(period=latest.period, value=_figure(latest.number), held=held)


def _place(result: Kengetallen, unit: str, indicator_id: str) -> str:
    b = result.benchmarks.get(indicator_id)
    if b is None or unit not in b.places:
        return ""
    return _words(language())["place"].format(place=b.places[unit], n=b.n)


HEAD = ("unit", "indicator", "period", "value", "baseline", "target", "status", "place")


def to_table(result: Kengetallen) -> list[list[Any]]:
    """One row per unit and indicator; raw numbers for a spreadsheet."""
    rows: list[list[Any]] = [[*HEAD, "rests_on"]]
    for unit, cells in result.cells.items():
        for ind_id, cell in cells.items():
            latest, base = cell.latest, cell.baseline
            rows.append([
                unit, ind_id, str(latest.period) if latest else "",
                latest.number if latest else "",
                f"{base.period}: {_figure(base.number)}" if base else
                (f"{cell.baseline_period}: ?" if cell.baseline_period else ""),
                cell.target.text if cell.target else "", status_word(cell),
                _place(result, unit, ind_id), rests_on(cell),
            ])  # fmt: skip
    return rows


def csv_rows(result: Kengetallen) -> list[list[Any]]:
    """As to_table, the numbers in the language's notation (a Dutch spreadsheet reads 2,5)."""
    rows = to_table(result)
    return [rows[0], *([*r[:3], _figure(r[3]) if r[3] != "" else "", *r[4:]] for r in rows[1:])]


def to_json(result: Kengetallen) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"


def summary(result: Kengetallen) -> list[str]:
    """Per unit: how many streefwaarden cannot be tested, and how many are met."""
    lines = []
    for unit in result.units:
        targets = result.with_target(unit)
        if not targets:
            continue
        counts = {s: sum(1 for c in targets if c.status is s) for s in Status}
        text = _(
            "{unit}: {untestable} of the {total} streefwaarden cannot be tested; "
            "{met} met, {not_met} not met, {open} not yet to tell"
        )
        lines.append(text.format(
            unit=unit, untestable=counts[Status.untestable], total=len(targets),
            met=counts[Status.met], not_met=counts[Status.not_met],
            open=counts[Status.undetermined]))  # fmt: skip
    return lines


def _benchmark_line(ind_id: str, b: Benchmark) -> str:
    text = _(
        "{indicator} ({period}, n={n}): median {median}, quartiles {q1}–{q3}, min {min}, max {max}"
    )
    return text.format(indicator=ind_id, period=b.period, n=b.n, median=_figure(b.median),
                       q1=_figure(b.q1), q3=_figure(b.q3), min=_figure(b.min),
                       max=_figure(b.max))  # fmt: skip


def benchmark_lines(result: Kengetallen) -> list[str]:
    """Per indicator its distribution; with --group-by, then per group."""
    lines = [_benchmark_line(ind_id, b) for ind_id, b in result.benchmarks.items()]
    if result.groups is not None:
        for group, found in result.groups.benchmarks.items():
            lines.append(_("{attribute} {group} ({count}):").format(
                attribute=result.groups.attribute, group=group,
                count=len(result.groups.units[group])))  # fmt: skip
            lines += [f"  {_benchmark_line(ind_id, b)}" for ind_id, b in found.items()]
    return lines


def render_table(console: Console, result: Kengetallen) -> None:
    """Per indicator a table of the units; then the distributions and the summary."""
    for indicator in result.indicators:
        cells = result.cells_of(indicator.id)
        if not cells:
            continue
        title = f"{indicator.id} {indicator.text}" + (f" ({indicator.unit})" if indicator.unit
                                                       else "")  # fmt: skip
        table = Table(title=title, title_justify="left", title_style="bold")
        for head in (_("unit"), _("period"), _("value"), _("baseline"), _("target"),
                     _("status"), _("place")):  # fmt: skip
            table.add_column(head, overflow="fold")
        for unit, cell in cells.items():
            row = to_table_row(result, unit, indicator.id, cell)
            table.add_row(*row)
        console.print(table)
    for line in benchmark_lines(result):
        console.print(Text(line), highlight=False)
    for line in summary(result):
        console.print(Text(line), highlight=False)


def to_table_row(result: Kengetallen, unit: str, ind_id: str, cell: Cell) -> list[str]:
    latest, base = cell.latest, cell.baseline
    baseline = (f"{base.period}: {_figure(base.number)}" if base
                else f"{cell.baseline_period}: ?" if cell.baseline_period else "–")  # fmt: skip
    return [unit, str(latest.period) if latest else "–",
            _figure(latest.number) if latest else "–", baseline,
            cell.target.text if cell.target else "–", status_word(cell),
            _place(result, unit, ind_id)]  # fmt: skip


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(result: Kengetallen) -> str:
    lines = ["# " + _("Kengetallen"), ""]
    for indicator in result.indicators:
        cells = result.cells_of(indicator.id)
        if not cells:
            continue
        unit = f" ({indicator.unit})" if indicator.unit else ""
        lines += [f"## {indicator.id} {_md(indicator.text)}{_md(unit)}", ""]
        heads = [_("unit"), _("period"), _("value"), _("baseline"), _("target"), _("status"),
                 _("place")]  # fmt: skip
        lines += ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
        for name, cell in cells.items():
            row = to_table_row(result, name, indicator.id, cell)
            lines.append("| " + " | ".join(_md(c) for c in row) + " |")
        if (b := result.benchmarks.get(indicator.id)) is not None:
            lines += ["", _md(_benchmark_line(indicator.id, b))]
        lines.append("")
    if result.groups is not None:
        lines += [f"- {_md(line.strip())}" for line in benchmark_lines(result)
                  if line.startswith(" ") or line.endswith(":")] + [""]  # fmt: skip
    lines += [f"- {_md(line)}" for line in summary(result)]
    return "\n".join(lines) + "\n"
