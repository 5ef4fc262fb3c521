"""The register of recommendations as a rich table, CSV, JSON or Markdown: a row per
recommendation with its latest status, then the counts per year and status."""

import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from normtoets.analysis.comparison import first_sentence
from normtoets.analysis.register import STATUSES, Entry, Register
from normtoets.core.i18n import _

COLUMNS = ["year", "study", "municipality", "recommendation", "to", "status", "adopted_by_raad",
           "college_commitment", "follow_up_year", "text", "file"]  # fmt: skip


def _yes_no(value: bool | None) -> str:
    return "" if value is None else (_("yes") if value else _("no"))


def _row(entry: Entry) -> dict[str, Any]:
    follow_up, later = entry.follow_up, entry.follow_up_round
    return {
        "year": entry.round.year,
        "study": entry.study_title,
        "municipality": entry.municipality,
        "recommendation": entry.recommendation.id,
        "to": entry.recommendation.to.value,
        "status": entry.status,
        "adopted_by_raad": follow_up.adopted_by_raad if follow_up else None,
        "college_commitment": follow_up.college_commitment if follow_up else None,
        "follow_up_year": later.year if later else None,
        "text": " ".join(entry.recommendation.text.split()),
        "file": entry.round.name,
    }


def _headers() -> list[str]:
    return [_("year"), _("study"), _("municipality"), _("no."), _("to"), _("status"),
            _("adopted by the raad"), _("college commitment"), _("followed up"),
            _("recommendation"), _("file")]  # fmt: skip


def _cells(entry: Entry) -> list[str]:
    row = _row(entry)
    return [
        ""
        if row[key] is None
        else _yes_no(row[key])
        if isinstance(row[key], bool)
        else str(row[key])
        for key in COLUMNS
    ]


def render_table(console: Console, register: Register) -> None:
    if not register.entries:
        console.print(_("No recommendations found."))
        return
    table = Table(show_lines=True)
    for header in [_("year"), _("study"), _("municipality"), _("no."), _("to"), _("status"),
                   _("recommendation")]:  # fmt: skip
        table.add_column(header)
    for entry in register.entries:
        row = _row(entry)
        table.add_row(str(row["year"] or ""), row["study"], row["municipality"],
                      row["recommendation"], row["to"], row["status"],
                      first_sentence(row["text"]))  # fmt: skip
    console.print(table)
    render_counts(console, register)


def render_counts(console: Console, register: Register) -> None:
    table = Table(title=_("Per year and status"), title_justify="left")
    table.add_column(_("year"))
    for status in STATUSES:
        table.add_column(status, justify="right")
    table.add_column(_("total"), justify="right")
    for year, counts in register.counts().items():
        table.add_row(str(year or "–"), *(str(counts[s]) for s in STATUSES),
                      str(sum(counts.values())))  # fmt: skip
    console.print(table)
    for later, follow_up in register.unmatched:
        console.print(
            Text(
                _("{file}: follow-up of recommendation {id} matches no earlier round").format(
                    file=later.name, id=follow_up.recommendation
                ),
                style="yellow",
            )
        )


def to_json(register: Register) -> str:
    data = {
        "recommendations": [_row(e) for e in register.entries],
        "counts": {
            str(year or ""): {s: counts[s] for s in STATUSES}
            for year, counts in register.counts().items()
        },
        "unmatched": [
            {"file": later.name, "recommendation": f.recommendation}
            for later, f in register.unmatched
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_table(register: Register) -> list[list[Any]]:
    table: list[list[Any]] = [_headers()]
    for entry in register.entries:
        table.append(_cells(entry))
    return table


def _md(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def to_markdown(register: Register) -> str:
    headers = [_("year"), _("study"), _("municipality"), _("no."), _("to"), _("status"),
               _("recommendation")]  # fmt: skip
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for entry in register.entries:
        row = _row(entry)
        cells = [str(row["year"] or ""), row["study"], row["municipality"], row["recommendation"],
                 row["to"], row["status"], row["text"]]  # fmt: skip
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    lines += ["", f"**{_('Per year and status')}**", "",
              "| " + " | ".join([_("year"), *STATUSES, _("total")]) + " |",
              "|" + "---|" * (len(STATUSES) + 2)]  # fmt: skip
    for year, counts in register.counts().items():
        cells = [str(year or "–"), *(str(counts[s]) for s in STATUSES), str(sum(counts.values()))]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
