"""`status` as a table with a total line, or JSON."""

import json

from rich.console import Console
from rich.table import Table

from normtoets.progress import Progress

COLUMNS = ("gemeente", "status", "normen", "criteria", "geen bevinding", "geen bewijs",
           "bron ongebruikt", "niet gereviewd", "wederhoor open")  # fmt: skip


def _ids(ids: list[str]) -> str:
    return f"{len(ids)} ({', '.join(ids)})" if ids else "0"


def render_table(console: Console, rows: list[Progress]) -> None:
    table = Table(title="Voortgang", title_justify="left")
    for name in COLUMNS:
        table.add_column(name, overflow="fold")
    for r in rows:
        table.add_row(
            r.municipality, r.status, f"{r.norms_scored}/{r.norms_total}",
            f"{r.criteria_scored}/{r.criteria_total}", _ids(r.without_finding),
            _ids(r.without_evidence), _ids(r.unused_sources), _ids(r.unreviewed),
            ", ".join(r.wederhoor_pending) or "-",
        )  # fmt: skip
    table.add_section()
    table.add_row(
        f"totaal ({len(rows)})", f"{sum(r.complete for r in rows)} compleet",
        f"{sum(r.norms_scored for r in rows)}/{sum(r.norms_total for r in rows)}",
        f"{sum(r.criteria_scored for r in rows)}/{sum(r.criteria_total for r in rows)}",
        str(sum(len(r.without_finding) for r in rows)),
        str(sum(len(r.without_evidence) for r in rows)),
        str(sum(len(r.unused_sources) for r in rows)),
        str(sum(len(r.unreviewed) for r in rows)),
        str(sum(bool(r.wederhoor_pending) for r in rows)),
    )  # fmt: skip
    console.print(table)


def render_json(rows: list[Progress]) -> str:
    return json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2) + "\n"
