"""`export`: a study's assessments as one scoring workbook.

A sheet per municipality (norm and criterion rows under their theme; score from a drop-down of
the scale's codes; finding, who scored and reviewed, motivation editable; the rest locked), an
overview sheet with the score matrix in the scale's colours, and a hidden sheet recording each
file's path, SHA-256 and the values exported, so `import` knows what changed on either side,
and a digest of every cell that is not editable, so `import` names any edit of one at its cell.
"""

# Deferred imports: openpyxl — 0.1 s to import, needed only when a workbook is written.

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from normtoets import __version__
from normtoets.loading.selection import Selection
from normtoets.models import Assessment, Framework
from normtoets.models.assessment import Evidence
from normtoets.office.layout import (
    CHUNK,
    COLUMNS,
    EDITABLE,
    LAYOUT_VERSION,
    MARK,
    META_SHEET,
    OVERVIEW_SHEET,
    THEME_ROW,
    Column,
    cell_digest,
    column_letter,
    sheet_name,
)
from normtoets.output import workbook as wb


@dataclass(frozen=True)
class Row:
    id: str  # THEME_ROW for a theme's heading
    text: str
    values: dict[str, str | None]  # the editable fields
    evidence: str
    is_criterion: bool = False


def _evidence(items: list[Evidence]) -> str:
    lines = []
    for item in items:
        where = ", ".join(
            part
            for part in (item.page and f"p. {item.page}", item.section and f"§ {item.section}")
            if part
        )
        line = item.source + (f", {where}" if where else "")
        if item.quote:
            line += f": “{item.quote}”"
        lines.append(line)
    return "\n".join(lines)


def rows(framework: Framework, assessment: Assessment) -> Iterator[Row]:
    """The rows of a municipality's sheet, in the framework's order."""
    for theme in framework.themes:
        yield Row(THEME_ROW, theme.title, {}, "")
        for norm in theme.norms:
            judgement = assessment.judgements.get(norm.id)
            values: dict[str, str | None] = dict.fromkeys(EDITABLE)
            if judgement is not None:
                values.update(
                    score=judgement.score,
                    finding=judgement.finding or None,
                    scored_by=judgement.scored_by,
                    reviewed_by=judgement.reviewed_by,
                    motivation=judgement.motivation,
                )
            label = f"{norm.short}: {norm.text}" if norm.short else norm.text
            yield Row(norm.id, label, values, _evidence(judgement.evidence) if judgement else "")
            for criterion in norm.criteria:
                found = judgement.criteria.get(criterion.id) if judgement else None
                values = dict.fromkeys(EDITABLE)
                if found is not None:
                    values.update(score=found.score, finding=found.finding or None)
                evidence = _evidence(found.evidence) if found else ""
                yield Row(criterion.id, criterion.text, values, evidence, is_criterion=True)


class _Styles:
    """Cell styles made once: openpyxl keeps one style record per distinct style anyway."""

    def __init__(self, framework: Framework) -> None:
        from openpyxl.styles import Alignment, Font, Protection

        self.colours = {level.code: level.color for level in framework.scale.levels}
        top = Alignment(vertical="top", wrap_text=True)
        self.header = wb.header_style()
        self.theme = {"font": Font(bold=True), "fill": wb.fill(wb.THEME_COLOUR), "alignment": top}
        self.locked = {"alignment": top}
        self.editable = {"alignment": top, "protection": Protection(locked=False)}
        self.criterion_id = {"alignment": Alignment(vertical="top", indent=1)}
        self._scores: dict[str | None, dict[str, Any]] = {}

    def score(self, code: str | None) -> dict[str, Any]:
        if code not in self._scores:  # one dict per code: its style record is found once
            protection = self.editable["protection"]
            self._scores[code] = {**wb.score_style(code, self.colours), "protection": protection}
        return self._scores[code]


def _print_setup(sheet: Any) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _score_list(sheet: Any, framework: Framework, last_row: int) -> None:
    """The score column as a drop-down of exactly the scale's codes (nb and nvt included)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    codes = framework.scale.codes
    listed = ",".join(codes)
    if any("," in c or '"' in c for c in codes) or len(listed) > 250:
        return  # a list Excel cannot hold inline; import checks every score anyway
    scale = framework.scale
    labels = [f"{lv.code} {lv.label}" for lv in scale.levels]
    labels += [f"{s.code} {s.label}" for s in (scale.not_assessed, scale.not_applicable)]
    check = DataValidation(
        type="list",
        formula1=f'"{listed}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Score",
        error="Kies een score van de schaal: " + "; ".join(labels),
    )
    check.add(f"C2:C{max(last_row, 2)}")
    sheet.data_validations.append(check)


_EDITABLE_COLUMNS = frozenset(i for i, c in enumerate(COLUMNS) if c.editable)


class _Locked:
    """The digest of every non-empty cell a researcher may not edit, by its place ('B7'); and
    each row as high as its wrapped texts need in columns of `widths` (a row of one line keeps
    the default height), so no text runs over the rows below it on screen or on paper."""

    def __init__(self, widths: list[float] | None = None) -> None:
        self.cells: dict[str, str] = {}
        self.rows = 0
        self.widths = widths or []

    def append(self, sheet: Any, cells: list[Any], editable: frozenset[int] = frozenset()) -> None:
        self.rows += 1
        for index, cell in enumerate(cells):
            if cell is not None and index not in editable and (digest := cell_digest(cell.value)):
                self.cells[f"{column_letter(index)}{self.rows}"] = digest
        values = [cell.value if cell is not None else None for cell in cells]
        height = wb.row_height([str(v) if v is not None else None for v in values], self.widths)
        if height is not None:  # read by the write-only sheet as the row is written
            sheet.row_dimensions[self.rows].height = height
        sheet.append(cells)


def _municipality_sheet(
    book: Any, title: str, framework: Framework, assessment: Assessment, styles: _Styles, file: str
) -> dict[str, Any]:
    """Write one municipality's sheet; return what import needs to know of it: its row ids,
    the values exported, which rows are criteria, and the digests of its locked cells."""
    sheet = wb.new_sheet(book, title)
    wb.set_widths(sheet, [c.width for c in COLUMNS])
    sheet.freeze_panes = "C2"
    _print_setup(sheet)
    sheet.protection.sheet = True
    sheet.protection.autoFilter = False
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    locked = _Locked([c.width for c in COLUMNS])
    locked.append(sheet, [wb.text(sheet, c.header, styles.header) for c in COLUMNS])
    ids: list[str] = []
    values: dict[str, list[str | None]] = {}
    criteria: list[str] = []
    for row in rows(framework, assessment):
        ids.append(row.id)
        if row.id == THEME_ROW:
            locked.append(
                sheet,
                [
                    wb.text(sheet, None, styles.theme),
                    wb.text(sheet, row.text, styles.theme),
                    *(wb.text(sheet, None, styles.theme) for _ in COLUMNS[2:]),
                ],
            )
            continue
        values[row.id] = [row.values[key] for key in EDITABLE]
        if row.is_criterion:
            criteria.append(row.id)
        cells = [_cell(sheet, row, column, styles, file) for column in COLUMNS]
        locked.append(sheet, cells, _EDITABLE_COLUMNS)
    _score_list(sheet, framework, len(ids) + 1)
    return {"rows": ids, "values": values, "criteria": criteria, "locked": locked.cells}


def _cell(sheet: Any, row: Row, column: Column, styles: _Styles, file: str) -> Any:
    """One norm's or criterion's cell in `column`; None where it has no cell (locked)."""
    where = f"{file} {row.id} {column.key}"
    if column.key == "id":
        style = styles.criterion_id if row.is_criterion else styles.locked
        return wb.text(sheet, row.id, style)
    if column.key == "text":
        return wb.text(sheet, row.text, styles.locked, where=where)
    if column.key == "evidence":  # no evidence: no cell (locked, as any)
        evidence = row.evidence or None
        return evidence and wb.text(sheet, evidence, styles.locked, where=where)
    if column.key == "score":
        code = row.values["score"]
        return wb.text(sheet, code, styles.score(code), where=where)
    if column.norm_only and row.is_criterion:
        return None  # no cell: locked, as every cell not written
    return wb.text(sheet, row.values[column.key], styles.editable, where=where)


def _overview(
    book: Any, selection: Selection, titles: list[str], styles: _Styles
) -> dict[str, str]:
    """The score matrix: a row per norm, a column per municipality, coloured by the scale.
    Returns the digests of its cells: none is read back, every one is locked."""
    from openpyxl.styles import Font

    framework, study = selection.framework, selection.study
    sheet = wb.new_sheet(book, OVERVIEW_SHEET)
    theme_width = min(30, max([12, *(len(t.title) + 2 for t in framework.themes)]))  # not cut
    widths: list[float] = [theme_width, 9, 40, *(max(9, min(24, len(t) + 2)) for t in titles)]
    wb.set_widths(sheet, widths)
    sheet.freeze_panes = "D5"
    _print_setup(sheet)
    sheet.print_title_rows = "4:4"
    bold = {"font": Font(bold=True, size=13)}
    locked = _Locked()
    sheet.row_dimensions[1].height = 18  # the title's 13 pt, with room
    locked.append(sheet, [wb.text(sheet, study.title if study else framework.title, bold)])
    locked.append(
        sheet,
        [wb.text(sheet, f"Normenkader: {framework.title} ({framework.id}@{framework.version})")],
    )
    locked.append(sheet, [])
    locked.widths = widths  # the title lines above run on unwrapped; the table's rows wrap
    head = ["Thema", "Norm", "Omschrijving", *(a.name for a in selection.assessments)]
    locked.append(sheet, [wb.text(sheet, value, styles.header) for value in head])
    for theme in framework.themes:
        for norm in theme.norms:
            scores = [
                (j.score if (j := a.judgements.get(norm.id)) else None)
                for a in selection.assessments
            ]
            locked.append(
                sheet,
                [
                    wb.text(sheet, theme.title),
                    wb.text(sheet, norm.id),
                    wb.text(sheet, norm.short or norm.text),
                    *(wb.text(sheet, s, wb.score_style(s, styles.colours)) for s in scores),
                ],
            )
    locked.append(sheet, [])
    locked.append(sheet, [wb.text(sheet, "Schaal", {"font": Font(bold=True)})])
    scale = framework.scale
    for level in scale.levels:
        locked.append(
            sheet,
            [
                wb.text(sheet, level.code, wb.score_style(level.code, styles.colours)),
                wb.text(sheet, level.label),
            ],
        )
    for special in (scale.not_assessed, scale.not_applicable):
        locked.append(sheet, [wb.text(sheet, special.code), wb.text(sheet, special.label)])
    return locked.cells


def _chunks(data: Any) -> list[str]:
    """JSON in pieces a cell can hold."""
    text = json.dumps(data, ensure_ascii=False)
    return [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)]


def _meta(book: Any, records: list[list[str]]) -> None:
    sheet = wb.new_sheet(book, META_SHEET)
    sheet.sheet_state = "hidden"
    sheet.append(
        [wb.text(sheet, MARK), wb.text(sheet, LAYOUT_VERSION), wb.text(sheet, __version__)]
    )
    for record in records:
        sheet.append([wb.text(sheet, value) for value in record])


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def export(selection: Selection, paths: list[Path], target: Path) -> bytes:
    """The workbook's bytes. `paths` are the assessments' files, in the selection's order;
    `target` is where the workbook will be written (its paths are recorded relative to it)."""
    framework = selection.framework
    styles = _Styles(framework)
    book = wb.workbook()
    taken: set[str] = set()
    titles = [sheet_name(a.name, taken) for a in selection.assessments]
    overview = _overview(book, selection, [a.name for a in selection.assessments], styles)
    records = [["overview", *_chunks(overview)]]
    for title, assessment, path in zip(titles, selection.assessments, paths, strict=True):
        recorded = _municipality_sheet(book, title, framework, assessment, styles, str(path))
        relative = os.path.relpath(os.path.abspath(path), os.path.dirname(os.path.abspath(target)))
        records.append(["sheet", title, relative, str(path), sha256(path), *_chunks(recorded)])
    _meta(book, records)
    return wb.to_bytes(book)
