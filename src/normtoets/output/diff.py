"""The doorwerking (diff of two rounds) as a rich table, JSON, Markdown or CSV.

Codes and words carry the meaning, so the table reads the same without colour.
"""

import csv
import io
import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from normtoets.analysis.comparison import first_sentence
from normtoets.analysis.diff import (
    CHANGE_LABELS,
    Change,
    CriterionChange,
    Diff,
    NormChange,
    RecommendationFollowUp,
    status_of,
    yes_no,
)
from normtoets.models import Assessment, Evidence, Framework

CHANGE_STYLES = {Change.better: "green", Change.worse: "red", Change.same: "", Change.new: "cyan"}


def _round(assessment: Assessment, framework: Framework) -> str:
    date = assessment.date.isoformat() if assessment.date else "datum onbekend"
    return f"{framework.ref}, {date}, {assessment.status.value}"


def _code(framework: Framework, score: str | None, exists: bool) -> str:
    """The score as written; nb when not assessed; empty when the norm has no counterpart."""
    if not exists:
        return ""
    return score if score is not None else framework.scale.not_assessed.code


def _old(diff: Diff, row: NormChange | CriterionChange) -> str:
    return _code(diff.old_framework, row.old, row.old_id is not None)


def _new(diff: Diff, row: NormChange | CriterionChange) -> str:
    return _code(diff.new_framework, row.new, row.id is not None)


def _norm_label(row: NormChange | CriterionChange) -> str:
    if row.id is None:
        return str(row.old_id)
    if row.old_id is not None and row.old_id != row.id:
        return f"{row.id} (was {row.old_id})"
    return row.id


def _rows(row: NormChange, criteria: bool) -> list[tuple[NormChange | CriterionChange, bool]]:
    """The norm, then (with criteria) each of its criteria; the flag marks a criterion row."""
    return [(row, False), *((c, True) for c in (row.criteria if criteria else ()))]


def _label(row: NormChange | CriterionChange) -> str:
    return row.label if isinstance(row, NormChange) else row.text


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- table


def render_table(console: Console, diff: Diff, *, criteria: bool = False) -> None:
    console.print(Text(f"Doorwerking {diff.municipality}", style="bold"))
    console.print(Text(f"vorige ronde: {_round(diff.old, diff.old_framework)}"), highlight=False)
    console.print(Text(f"huidige ronde: {_round(diff.new, diff.new_framework)}"), highlight=False)
    for theme, rows in diff.themes():
        table = Table(title=theme.title, title_justify="left", title_style="bold")
        table.add_column("norm", no_wrap=True)
        table.add_column("vorige", justify="center")
        table.add_column("huidige", justify="center")
        table.add_column("verandering", no_wrap=True)
        table.add_column("omschrijving", overflow="fold", ratio=1, min_width=16)
        for row, is_criterion in (r for norm in rows for r in _rows(norm, criteria)):
            table.add_row(
                f"  {_norm_label(row)}" if is_criterion else _norm_label(row),
                _old(diff, row),
                _new(diff, row),
                Text(CHANGE_LABELS[row.change], style=CHANGE_STYLES.get(row.change, "dim")),
                _label(row),
            )
        console.print(table)
    table = Table(
        title="Aanbevelingen van de vorige ronde", title_justify="left", title_style="bold"
    )
    # Two-line headings and wrapping cells: the table must fit 80 columns without cropping.
    for name in ("nr", "aan", "raad\nneemt over", "college\nzegt toe", "status"):
        table.add_column(name, no_wrap=name in ("nr", "aan"))
    table.add_column("toelichting", overflow="fold", ratio=1, min_width=16)
    for pair in diff.recommendations:
        follow_up = pair.follow_up
        table.add_row(
            pair.recommendation.id,
            pair.recommendation.to.value,
            yes_no(follow_up.adopted_by_raad if follow_up else None),
            yes_no(follow_up.college_commitment if follow_up else None),
            Text(status_of(pair), style="" if follow_up else "dim"),
            _one_line(follow_up.finding) if follow_up else "",
        )
    console.print(table)


# ---------------------------------------------------------------- JSON


def _evidence(evidence: Evidence) -> dict[str, str]:
    return {k: v for k, v in evidence.model_dump(mode="json").items() if v is not None}


def _recommendation(pair: RecommendationFollowUp) -> dict[str, Any]:
    rec, follow_up = pair.recommendation, pair.follow_up
    return {
        "id": rec.id,
        "to": rec.to.value,
        "text": _one_line(rec.text),
        "follow_up": None
        if follow_up is None
        else {
            "adopted_by_raad": follow_up.adopted_by_raad,
            "college_commitment": follow_up.college_commitment,
            "status": follow_up.status.value,
            "finding": _one_line(follow_up.finding),
            "evidence": [_evidence(e) for e in follow_up.evidence],
        },
    }


def _round_json(assessment: Assessment, framework: Framework) -> dict[str, Any]:
    return {
        "framework": {"id": framework.id, "version": framework.version},
        "date": assessment.date.isoformat() if assessment.date else None,
        "status": assessment.status.value,
    }


def as_json(diff: Diff) -> dict[str, Any]:
    """The machine-readable contract documented in the README (keep stable)."""
    return {
        "municipality": diff.municipality,
        "old": _round_json(diff.old, diff.old_framework),
        "new": _round_json(diff.new, diff.new_framework),
        "norms": [
            {
                "theme": row.theme.id,
                "id": row.id,
                "old_id": row.old_id,
                "old": row.old,
                "new": row.new,
                "change": row.change.value,
                "criteria": [
                    {
                        "id": c.id,
                        "old_id": c.old_id,
                        "old": c.old,
                        "new": c.new,
                        "change": c.change.value,
                    }
                    for c in row.criteria
                ],
            }
            for row in diff.norms
        ],
        "recommendations": [_recommendation(pair) for pair in diff.recommendations],
    }


def to_json(diff: Diff) -> str:
    return json.dumps(as_json(diff), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- CSV

CSV_COLUMNS = [
    "kind", "id", "old_id", "old", "new", "change",
    "to", "adopted_by_raad", "college_commitment", "status", "finding",
]  # fmt: skip


def _yes_no_csv(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def to_csv(diff: Diff, *, criteria: bool = False) -> str:
    """One row per norm (with criteria: and per criterion) and per recommendation; `kind`
    tells them apart."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row, is_criterion in (r for norm in diff.norms for r in _rows(norm, criteria)):
        writer.writerow(
            ["criterion" if is_criterion else "norm", row.id or "", row.old_id or "",
             _old(diff, row), _new(diff, row), row.change.value, "", "", "", "", ""]
        )  # fmt: skip
    for pair in diff.recommendations:
        follow_up = pair.follow_up
        writer.writerow(
            [
                "recommendation",
                pair.recommendation.id,
                "",
                "",
                "",
                "",
                pair.recommendation.to.value,
                _yes_no_csv(follow_up.adopted_by_raad if follow_up else None),
                _yes_no_csv(follow_up.college_commitment if follow_up else None),
                status_of(pair),
                _one_line(follow_up.finding) if follow_up else "",
            ]
        )
    return out.getvalue()


# ---------------------------------------------------------------- Markdown


def _md(text: str) -> str:
    return _one_line(text).replace("|", "\\|")


def _cell(code: str) -> str:
    return f"`{code}`" if code else ""


def to_markdown(diff: Diff, *, criteria: bool = False) -> str:
    lines = [
        f"# Doorwerking {_md(diff.municipality)}",
        "",
        f"- vorige ronde: {_md(_round(diff.old, diff.old_framework))}",
        f"- huidige ronde: {_md(_round(diff.new, diff.new_framework))}",
        "",
    ]
    for theme, rows in diff.themes():
        lines += [
            f"## {_md(theme.title)}",
            "",
            "| norm | vorige | huidige | verandering | omschrijving |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {'↳ ' if is_criterion else ''}{_norm_label(row)} | {_cell(_old(diff, row))} | "
            f"{_cell(_new(diff, row))} | {CHANGE_LABELS[row.change]} | {_md(_label(row))} |"
            for norm in rows
            for row, is_criterion in _rows(norm, criteria)
        ]
        lines.append("")
    lines += [
        "## Aanbevelingen van de vorige ronde",
        "",
        "| nr | aan | aanbeveling | raad neemt over | college zegt toe | status | toelichting |",
        "|---|---|---|---|---|---|---|",
    ]
    for pair in diff.recommendations:
        follow_up = pair.follow_up
        lines.append(
            f"| {pair.recommendation.id} | {pair.recommendation.to.value} | "
            f"{_md(first_sentence(pair.recommendation.text))} | "
            f"{yes_no(follow_up.adopted_by_raad if follow_up else None)} | "
            f"{yes_no(follow_up.college_commitment if follow_up else None)} | "
            f"{status_of(pair)} | {_md(follow_up.finding) if follow_up else ''} |"
        )
    lines.append("")
    return "\n".join(lines)
