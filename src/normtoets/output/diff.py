"""The doorwerking (diff of two rounds) as a rich table, JSON, Markdown or CSV.

Codes and words carry the meaning, so the table reads the same without colour.
"""

import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from normtoets.analysis.comparison import first_sentence
from normtoets.analysis.diff import (
    Change,
    CriterionChange,
    Diff,
    NormChange,
    RecommendationFollowUp,
)
from normtoets.core.i18n import _
from normtoets.models import Assessment, Evidence, Framework

CHANGE_STYLES = {Change.better: "green", Change.worse: "red", Change.same: "", Change.new: "cyan"}


def change_label(change: Change) -> str:
    """The change in words, in the user's language (JSON keeps the value: `better`, ...). The
    report has its own Dutch labels (analysis.diff.CHANGE_LABELS)."""
    labels = {
        Change.better: _("better"),
        Change.same: _("same"),
        Change.worse: _("worse"),
        Change.new: _("new"),
        Change.dropped: _("dropped"),
        Change.not_comparable: _("not comparable"),
    }
    return labels[change]


def yes_no(value: bool | None) -> str:
    """yes, no or unknown (not recorded), in the user's language."""
    return _("unknown") if value is None else (_("yes") if value else _("no"))


def status_of(pair: RecommendationFollowUp) -> str:
    """The follow-up's status as written, or unknown when none is recorded."""
    return pair.follow_up.status.value if pair.follow_up else _("unknown")


def _round(assessment: Assessment, framework: Framework) -> str:
    date = assessment.date.isoformat() if assessment.date else _("date unknown")
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
        return _("{id} (was {old_id})").format(id=row.id, old_id=row.old_id)
    return row.id


def _rows(row: NormChange, criteria: bool) -> list[tuple[NormChange | CriterionChange, bool]]:
    """The norm, then (with criteria) each of its criteria; the flag marks a criterion row."""
    return [(row, False), *((c, True) for c in (row.criteria if criteria else ()))]


def _label(row: NormChange | CriterionChange) -> str:
    return row.label if isinstance(row, NormChange) else row.text


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- table


def _heading(diff: Diff) -> str:
    return _("Doorwerking in {municipality}").format(municipality=diff.municipality)


def _earlier(diff: Diff) -> str:
    return _("earlier round: {round}").format(round=_round(diff.old, diff.old_framework))


def _current(diff: Diff) -> str:
    return _("current round: {round}").format(round=_round(diff.new, diff.new_framework))


def _recommendations_title() -> str:
    return _("Recommendations of the earlier round")


def render_table(console: Console, diff: Diff, *, criteria: bool = False) -> None:
    console.print(Text(_heading(diff), style="bold"))
    console.print(Text(_earlier(diff)), highlight=False)
    console.print(Text(_current(diff)), highlight=False)
    for theme, rows in diff.themes():
        table = Table(title=theme.title, title_justify="left", title_style="bold")
        table.add_column(_("norm"), no_wrap=True)
        table.add_column(_("earlier"), justify="center")
        table.add_column(_("current"), justify="center")
        table.add_column(_("change"), no_wrap=True)
        table.add_column(_("description"), overflow="fold", ratio=1, min_width=16)
        for row, is_criterion in (r for norm in rows for r in _rows(norm, criteria)):
            table.add_row(
                f"  {_norm_label(row)}" if is_criterion else _norm_label(row),
                _old(diff, row),
                _new(diff, row),
                Text(change_label(row.change), style=CHANGE_STYLES.get(row.change, "dim")),
                _label(row),
            )
        console.print(table)
    table = Table(title=_recommendations_title(), title_justify="left", title_style="bold")
    # Two-line headings and wrapping cells: the table must fit 80 columns without cropping.
    table.add_column(_("no."), no_wrap=True)
    table.add_column(_("to"), no_wrap=True)
    table.add_column(_("adopted\nby raad"))
    table.add_column(_("college\ncommits"))
    table.add_column(_("status"))
    table.add_column(_("explanation"), overflow="fold", ratio=1, min_width=16)
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
    """The machine-readable contract documented in docs/reference/commands.md (keep stable)."""
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
    return "" if value is None else yes_no(value)


def to_table(diff: Diff, *, criteria: bool = False) -> list[list[Any]]:
    """One row per norm (with criteria: and per criterion) and per recommendation; `kind`
    tells them apart."""
    table: list[list[Any]] = [CSV_COLUMNS]
    for row, is_criterion in (r for norm in diff.norms for r in _rows(norm, criteria)):
        table.append(
            [_("criterion") if is_criterion else _("norm"), row.id or "", row.old_id or "",
             _old(diff, row), _new(diff, row), change_label(row.change), "", "", "", "", ""]
        )  # fmt: skip
    for pair in diff.recommendations:
        follow_up = pair.follow_up
        table.append(
            [
                _("recommendation"),
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
    return table


# ---------------------------------------------------------------- Markdown


def _md(text: str) -> str:
    return _one_line(text).replace("|", "\\|")


def _cell(code: str) -> str:
    return f"`{code}`" if code else ""


def to_markdown(diff: Diff, *, criteria: bool = False) -> str:
    lines = [
        f"# {_md(_heading(diff))}",
        "",
        f"- {_md(_earlier(diff))}",
        f"- {_md(_current(diff))}",
        "",
    ]
    norm_heading = [_("norm"), _("earlier"), _("current"), _("change"), _("description")]
    for theme, rows in diff.themes():
        lines += [
            f"## {_md(theme.title)}",
            "",
            "| " + " | ".join(norm_heading) + " |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {'↳ ' if is_criterion else ''}{_norm_label(row)} | {_cell(_old(diff, row))} | "
            f"{_cell(_new(diff, row))} | {change_label(row.change)} | {_md(_label(row))} |"
            for norm in rows
            for row, is_criterion in _rows(norm, criteria)
        ]
        lines.append("")
    recommendation_heading = [
        _("no."), _("to"), _("recommendation"), _("adopted by raad"), _("college commits"),
        _("status"), _("explanation"),
    ]  # fmt: skip
    lines += [
        f"## {_recommendations_title()}",
        "",
        "| " + " | ".join(recommendation_heading) + " |",
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
