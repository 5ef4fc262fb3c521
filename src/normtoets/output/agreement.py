"""The agreement of double scoring as a rich table, JSON, CSV or Markdown: the figures per theme
and overall, then every difference with each rater's score and finding, for the consensus
meeting."""

import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from normtoets.analysis.agreement import Agreement, Figures, Row
from normtoets.core.i18n import _, number
from normtoets.output.plain import print_plain


def _ratio(value: float | None) -> str:
    return "–" if value is None else number(value, 3)


def _percent(figures: Figures) -> str:
    share = figures.share
    return "–" if share is None else f"{number(100 * share, 0)}%"


def _interval(figures: Figures) -> str:
    if figures.interval is None:
        return ""
    low, high = figures.interval
    return f"{number(low, 3)}–{number(high, 3)}"


def reading(figures: Figures) -> str:
    """Krippendorff's reading of alpha, in a word (the note below the table gives the bounds)."""
    return {
        "reliable": _("reliable"),
        "tentative": _("tentative"),
        "unreliable": _("unreliable"),
        "too-few": _("too few"),
        "undefined": "–",
    }[figures.reading]


def _groups(agreement: Agreement) -> list[tuple[str, Figures]]:
    return [(theme.title, f) for theme, f in agreement.themes] + [(_("overall"), agreement.overall)]


def _heading(agreement: Agreement) -> str:
    return _("{municipality}: {count} scorings ({raters}), framework {framework}").format(
        municipality=agreement.municipality,
        count=len(agreement.scorings),
        raters=", ".join(agreement.raters),
        framework=agreement.framework.ref,
    )


def _headers(agreement: Agreement) -> list[str]:
    headers = [_("theme"), _("compared"), _("equal"), "nb", "nvt", "α", _("95% interval")]
    if len(agreement.scorings) == 2:
        headers.append("κw")
    return [*headers, _("reading")]


def _figure_cells(agreement: Agreement, title: str, f: Figures) -> list[str]:
    equal = f"{f.agreed} ({_percent(f)})" if f.compared else "0"
    cells = [title, str(f.compared), equal, str(f.not_assessed), str(f.not_applicable),
             _ratio(f.alpha), _interval(f)]  # fmt: skip
    if len(agreement.scorings) == 2:
        cells.append(_ratio(f.kappa))
    return [*cells, reading(f)]


def render_table(console: Console, agreement: Agreement) -> None:
    console.print(Text(_heading(agreement), style="bold"), soft_wrap=not console.is_terminal)
    table = Table(show_lines=False)
    headers = _headers(agreement)
    for i, header in enumerate(headers):
        table.add_column(header, justify="left" if i in (0, len(headers) - 1) else "right")
    for title, f in _groups(agreement):
        table.add_row(*_figure_cells(agreement, title, f))
    if console.is_terminal:
        console.print(table)
    else:  # a pipe or a file: every column whole, not cut at 80 characters
        print_plain(console, table)
    console.print(_method_note())
    differences = agreement.disagreements
    if not differences:
        console.print(_("No differences: every judgement scored alike."))
        return
    console.print(Text(_("Differences ({count})").format(count=len(differences)), style="bold"))
    for row in differences:
        scores = "  ".join(f"{rater}: {score or 'nb'}" for rater, score in zip(
            agreement.raters, row.scores, strict=True))  # fmt: skip
        console.print(Text(f"{row.id}  {row.label}", style="bold"), soft_wrap=True)
        console.print(f"  {scores}", highlight=False, markup=False)
        for rater, finding in zip(agreement.raters, row.findings, strict=True):
            console.print(f"  {rater}: {_one_line(finding) or '—'}", highlight=False, markup=False)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _method_note() -> str:
    return _(
        "compared: judgements with a value from at least two raters; equal: all of them the "
        "same. nb: judgements at least one rater did not assess, left out; nvt: a category of "
        "its own, outside α. α: Krippendorff's alpha (ordinal) over the judgements at least two "
        "raters scored on the scale, with a bootstrap interval (2,000 draws); κw: Cohen's "
        "weighted kappa (linear). Krippendorff's reading, on the interval's lower bound: "
        "reliable from 0.800, tentative conclusions only from 0.667; too few: fewer than 10 "
        "judgements scored on the scale by at least two raters."
    )


def to_json(agreement: Agreement) -> str:
    def figures(f: Figures) -> dict[str, Any]:
        return {
            "judgements": f.judgements,
            "compared": f.compared,
            "agreed": f.agreed,
            "agreement": f.share,
            "not_assessed": f.not_assessed,
            "not_applicable": f.not_applicable,
            "ordinal": f.ordinal,
            "alpha": f.alpha,
            "alpha_interval": list(f.interval) if f.interval else None,
            "kappa_weighted": f.kappa,
            "reading": f.reading,
        }

    def row(r: Row) -> dict[str, Any]:
        return {
            "id": r.id,
            "theme": r.theme.id,
            "norm": r.norm_id,
            "scores": dict(zip(agreement.raters, r.scores, strict=True)),
            "findings": dict(zip(agreement.raters, r.findings, strict=True)),
        }

    data = {
        "municipality": agreement.municipality,
        "framework": {"id": agreement.framework.id, "version": agreement.framework.version},
        "raters": [{"rater": s.rater, "file": s.name} for s in agreement.scorings],
        "themes": {theme.id: figures(f) for theme, f in agreement.themes},
        "overall": figures(agreement.overall),
        "differences": [row(r) for r in agreement.disagreements],
        "judgements": [row(r) for r in agreement.rows],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_table(agreement: Agreement) -> list[list[Any]]:
    """A row per judgement: each rater's score side by side, and whether they differ."""
    table: list[list[Any]] = [[_("theme"), _("norm"), _("id"), *agreement.raters, _("differs")]]
    for r in agreement.rows:
        scores = [s or "nb" for s in r.scores]
        table.append([r.theme.id, r.norm_id, r.id, *scores, _("yes") if r.differs else ""])
    return table


def _cell(text: str) -> str:
    return _one_line(text).replace("|", "\\|")


def to_markdown(agreement: Agreement) -> str:
    headers = _headers(agreement)
    lines = [f"## {_cell(_heading(agreement))}", "", "| " + " | ".join(headers) + " |",
             "|" + "---|" * len(headers)]  # fmt: skip
    for title, f in _groups(agreement):
        lines.append("| " + " | ".join(_cell(c) for c in _figure_cells(agreement, title, f)) + " |")
    lines += ["", _method_note(), ""]
    differences = agreement.disagreements
    if not differences:
        return "\n".join([*lines, _("No differences: every judgement scored alike."), ""])
    lines += [f"### {_('Differences ({count})').format(count=len(differences))}", ""]
    for r in differences:
        lines.append(f"**{r.id}** {_cell(r.label)}")
        lines.append("")
        for rater, score, finding in zip(agreement.raters, r.scores, r.findings, strict=True):
            lines.append(f"- {_cell(rater)}: **{score or 'nb'}** — {_cell(finding) or '—'}")
        lines.append("")
    return "\n".join(lines)
