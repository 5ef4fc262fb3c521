"""The comparison as a rich table, CSV, Markdown or JSON. Codes stay readable without colour."""

import json
from collections import Counter
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from normtoets.analysis.comparison import Comparison, Rollup, Row, first_sentence
from normtoets.core.i18n import _, number
from normtoets.core.names import joined
from normtoets.models import BasisKind
from normtoets.output.plain import print_plain
from normtoets.output.units import unit_word


def cell(comparison: Comparison, score: str | None) -> str:
    return score if score is not None else comparison.framework.scale.not_assessed.code


def marked(comparison: Comparison, row: Row, municipality: str) -> str:
    """The cell's code, with `(a)` or `(o)` when the score does not rest on the study's own
    research: afgeleid (inferred from a text that gives none) or overgenomen (taken over)."""
    code = cell(comparison, row.scores[municipality])
    basis = row.bases.get(municipality)
    return f"{code} ({MARKS[basis.kind]})" if basis else code


MARKS = {BasisKind.afgeleid: "a", BasisKind.overgenomen: "o"}


def basis_legend(comparison: Comparison, criteria: bool = False) -> list[str]:
    """One line per kind of basis that occurs: what the mark means and which scores have it,
    with their source."""
    lines = []
    rows = [r for r in comparison.rows if criteria or not r.is_criterion]
    for kind, mark in MARKS.items():
        found = [
            f"{m} {row.id} ({basis.source})"
            for row in rows
            for m, basis in row.bases.items()
            if basis.kind is kind
        ]
        if not found:
            continue
        meaning = (
            _("derived by the researchers from a text that gives no score")
            if kind is BasisKind.afgeleid
            else _("taken over from another report")
        )
        lines.append(f"({mark}) {meaning}: {', '.join(found)}")
    return lines


def units_legend(comparison: Comparison) -> list[str]:
    """What the columns' names alone do not say: joint assessments, each unit's kind when the
    units are of several kinds, and the parts of a whole."""
    lines = [
        _("joint: {names} share one assessment, one finding that counts once").format(
            names=joined(group)
        )
        for group in comparison.joint
    ]
    kinds = {m: comparison.kind(m) for m in comparison.municipalities}
    usual = Counter(unit.singular for unit in kinds.values()).most_common()
    if len(usual) > 1:
        others = [f"{m} ({unit_word(u)})" for m, u in kinds.items() if u.singular != usual[0][0]]
        lines.append(_("kinds: each a {unit}, except {others}").format(
            unit=unit_word(kinds[next(m for m, u in kinds.items() if u.singular == usual[0][0])]),
            others=joined(others)))  # fmt: skip
    lines += [
        _("part: {part} is part of {whole}").format(part=part, whole=whole)
        for part, whole in comparison.wholes.items()
    ]
    return lines


def rollup_text(comparison: Comparison, rollup: Rollup, municipality: str, mean: bool) -> str:
    counts = rollup.counts[municipality]
    scale = comparison.framework.scale
    order = [*scale.codes]
    parts = [f"{counts[c]}×{c}" for c in order if counts[c]]
    missing = len(rollup.theme.norms) - sum(counts.values())
    if missing:
        parts.append(f"{missing}×{scale.not_assessed.code}")
    text = " ".join(parts)
    value = rollup.means[municipality]
    if mean and value is not None:
        text += " " + _("(mean {value})").format(value=number(value, sign=True))
    return text


def _styled(comparison: Comparison, row: Row, municipality: str) -> Text:
    score = row.scores[municipality]
    level = comparison.framework.scale.level(score) if score else None
    if level is None:
        return Text(cell(comparison, score), style="dim")
    text = Text(f" {level.code} ", style=f"bold black on {level.color}")
    basis = row.bases.get(municipality)
    if basis is not None:
        text.append(f"({MARKS[basis.kind]})")
    return text


def render_table(
    console: Console, comparison: Comparison, *, criteria: bool, mean: bool, only_differences: bool
) -> None:
    """One table per theme: norms as rows, municipalities as columns, a roll-up row below."""
    fw = comparison.framework
    console.print(Text(f"{fw.title} ({fw.ref})", style="bold"), soft_wrap=not console.is_terminal)
    if only_differences and not _rows(comparison, criteria, only_differences):
        console.print(no_differences(comparison))  # said in words, not as empty tables
        return
    compact = not console.is_terminal
    for rollup in comparison.rollups:
        rows = _theme_rows(comparison, rollup, criteria, only_differences)
        table = _theme_table(comparison, rollup, rows, compact=compact, mean=mean)
        if compact:
            print_plain(console, table)
        else:
            console.print(table)
    for line in [*basis_legend(comparison, criteria), *units_legend(comparison)]:
        console.print(Text(line), highlight=False, soft_wrap=compact)


def _theme_rows(
    comparison: Comparison, rollup: Rollup, criteria: bool, only_differences: bool
) -> list[Row]:
    """The rows of the roll-up's theme that are shown, in framework order."""
    return [
        row
        for row in comparison.rows_of(rollup.theme, criteria)
        if row.differs or not only_differences
    ]


def _theme_table(
    comparison: Comparison, rollup: Rollup, rows: list[Row], *, compact: bool, mean: bool
) -> Table:
    """One theme's table: a row per norm (and criterion), then the roll-up row."""
    marks = not compact or any(row.differs for row in rows)
    table = Table(title=rollup.theme.title, title_justify="left", title_style="bold")
    if compact:  # for a pipe or a file: no box, no folding, no column that stays empty
        table.box, table.pad_edge, table.show_edge = None, False, False
    _add_columns(table, comparison, marks=marks, compact=compact)
    for row in rows:
        table.add_row(
            f"  {row.id}" if row.is_criterion else row.id,
            *(["≠" if row.differs else ""] if marks else []),
            *(_styled(comparison, row, m) for m in comparison.municipalities),
            row.label,
        )
    table.add_section()
    table.add_row(
        Text(_("total"), style="italic"),
        *([""] if marks else []),
        *(Text(rollup_text(comparison, rollup, m, mean), style="italic")
          for m in comparison.municipalities),
        "",
    )  # fmt: skip
    return table


def _add_columns(table: Table, comparison: Comparison, *, marks: bool, compact: bool) -> None:
    """Norm, the ≠ mark (when shown), one per municipality, and the norm's label."""
    table.add_column(_("norm"), no_wrap=True)
    if marks:
        table.add_column("", width=1)  # ≠ marks rows where municipalities differ
    for m in comparison.municipalities:
        table.add_column(m, justify="center", overflow="fold", no_wrap=compact)
    if compact:
        table.add_column("", no_wrap=True)
    else:
        table.add_column("", overflow="fold", ratio=1, min_width=16)


def lessons(comparison: Comparison) -> list[tuple[Row, str, str]]:
    """(row, municipality, first sentence of its finding) where one can serve as example; the
    units of a joint assessment once, together."""
    found = []
    for row in comparison.norm_rows():
        shown: set[str] = set()
        for m, sentence in row.examples.items():
            if m not in shown:
                group = [m, *(n for n in comparison.joint_with(m) if n in row.examples)]
                shown.update(group)
                found.append((row, m, sentence))
    return found


def example_name(comparison: Comparison, municipality: str) -> str:
    """'Duiven', or 'Aadorp and Beekveld (joint)' for a joint assessment."""
    joint = comparison.joint_with(municipality)
    if not joint:
        return municipality
    return _("{names} (joint)").format(names=joined([municipality, *joint]))


def no_examples(comparison: Comparison) -> str:
    """Why there is no example: no norm differs, or none where the better score meets it."""
    if not any(row.differs for row in comparison.norm_rows()):
        return no_differences(comparison)
    if not comparison.framework.scale.has_meeting:
        return _("No example: no score on this scale meets the norm.")
    return _("No example: where the {units} differ, no better score meets the norm.").format(
        units=unit_word(comparison.unit, plural=True)
    )


def no_differences(comparison: Comparison) -> str:
    return _("No norm on which the assessed {units} differ in score.").format(
        units=unit_word(comparison.unit, plural=True)
    )


def study_lessons(comparison: Comparison) -> list[str]:
    """The study's own lessons, one line each: norms, example municipality, title."""
    everyone = _("all {units}").format(units=unit_word(comparison.unit, plural=True))
    return [
        f"{', '.join(lesson.norms) or '–'}: {lesson.example or everyone} — "
        f"{lesson.title or first_sentence(lesson.text)}"
        for lesson in comparison.lessons
    ]


def render_lessons(console: Console, comparison: Comparison) -> None:
    found = lessons(comparison)
    console.print(Text(_("Example for the others"), style="bold"))
    if not found:
        console.print(no_examples(comparison))
    for row, municipality, sentence in found:
        line = Text(f"{row.id} ", style="bold")
        line.append(f"{example_name(comparison, municipality)} ({row.scores[municipality]}): ")
        line.append(sentence or _("(no finding)"))
        console.print(line)
    if comparison.lessons:
        console.print(Text(_("Lessons from the study"), style="bold"))
        for entry in study_lessons(comparison):
            console.print(Text(entry), highlight=False)


def _rows(comparison: Comparison, criteria: bool, only_differences: bool) -> list[Row]:
    return [
        r
        for r in comparison.rows
        if (criteria or not r.is_criterion) and (r.differs or not only_differences)
    ]


def to_table(comparison: Comparison, *, criteria: bool, only_differences: bool) -> list[list[Any]]:
    table: list[list[Any]] = [
        ["theme", "norm", "criterion", *comparison.municipalities, "differs", "best", "text",
         "basis"]
    ]  # fmt: skip
    for row in _rows(comparison, criteria, only_differences):
        table.append(
            [
                row.theme.id,
                row.norm_id,
                row.id if row.is_criterion else "",
                *(cell(comparison, row.scores[m]) for m in comparison.municipalities),
                _("yes") if row.differs else _("no"),
                "; ".join(row.best),  # names have spaces: "Bergen op Zoom"
                row.text,
                # the scores that do not rest on the study's own research, and their source
                "; ".join(f"{m}: {b.kind.value} ({b.source})" for m, b in row.bases.items()),
            ]
        )
    return table


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(
    comparison: Comparison,
    *,
    criteria: bool,
    mean: bool,
    only_differences: bool,
    with_lessons: bool,
) -> str:
    lines = [f"# {_md(comparison.framework.title)} ({comparison.framework.ref})", ""]
    nothing = only_differences and not _rows(comparison, criteria, only_differences)
    if nothing:
        lines += [no_differences(comparison), ""]
    for rollup in [] if nothing else comparison.rollups:
        rows = _theme_rows(comparison, rollup, criteria, only_differences)
        lines += _markdown_theme(comparison, rollup, rows, mean)
    legend = [*basis_legend(comparison, criteria), *units_legend(comparison)]
    if legend and not nothing:
        lines += [*(f"{_md(line)}  " for line in legend), ""]
    if with_lessons:
        lines += _markdown_lessons(comparison)
    return "\n".join(lines)


def _markdown_theme(
    comparison: Comparison, rollup: Rollup, rows: list[Row], mean: bool
) -> list[str]:
    """One theme's section: its heading, a table row per norm (and criterion), the roll-up."""
    names = comparison.municipalities
    lines = [
        f"## {_md(rollup.theme.title)}",
        "",
        "| " + _("norm") + " | | " + " | ".join(map(_md, names)) + " | " + _("text") + " |",
        "|---|---|" + "---|" * len(names) + "---|",
    ]
    for row in rows:
        label = f"↳ {row.id}" if row.is_criterion else row.id
        scores = " | ".join(f"`{marked(comparison, row, m)}`" for m in names)
        lines.append(f"| {label} | {'≠' if row.differs else ''} | {scores} | {_md(row.text)} |")
    totals = " | ".join(rollup_text(comparison, rollup, m, mean) for m in names)
    return [*lines, "| *" + _("total") + f"* | | {totals} | |", ""]


def _markdown_lessons(comparison: Comparison) -> list[str]:
    """The examples for the others, then the study's own lessons where it has any."""
    lines = ["## " + _("Example for the others"), ""]
    found = lessons(comparison)
    lines += [
        f"- **{row.id}** {_md(example_name(comparison, m))} (`{row.scores[m]}`): {_md(s)}"
        for row, m, s in found
    ]
    if not found:
        lines.append(no_examples(comparison))
    lines.append("")
    if comparison.lessons:
        lines += ["## " + _("Lessons from the study"), ""]
        lines += [f"- {_md(line)}" for line in study_lessons(comparison)]
        lines.append("")
    return lines


def to_json(comparison: Comparison) -> str:
    return json.dumps(comparison.to_json(), ensure_ascii=False, indent=2) + "\n"
