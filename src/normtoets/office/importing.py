"""`import`: a scoring workbook made by `export`, back into the YAML files.

Every cell that differs from what was exported becomes an edit through `score`'s splice editor
(comments, layout and key order kept; each file's edits proved together). A workbook that is
not the one `export` made (sheets or rows added, removed or renamed, merged cells, formulas, a
macro workbook) is refused, as is an edit of a value that also changed in the YAML since the
export (a conflict): then nothing is written, to any file.
"""

import contextlib
import hashlib
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from normtoets.authoring.scoring import Edit, editable_target, prepare, write_unchanged_since
from normtoets.core.diagnostics import Diagnostic, Severity
from normtoets.core.i18n import _
from normtoets.files.lock import locked
from normtoets.loading.session import Session
from normtoets.models import Assessment
from normtoets.office.export import shown_digest
from normtoets.office.layout import (
    COLUMNS,
    EDITABLE,
    LAYOUT_VERSION,
    LETTERS,
    MARK,
    META_SHEET,
    OVERVIEW_SHEET,
    THEME_ROW,
)

_NORM_ONLY = {c.key for c in COLUMNS if c.norm_only}


@dataclass(frozen=True)
class Record:
    """What the hidden sheet says of one municipality's sheet."""

    sheet: str
    path: Path  # found from the workbook's folder or the current one
    sha256: str
    rows: list[str]
    values: dict[str, list[str | None]]
    criteria: set[str]
    shown: dict[str, str]  # digest of each row's norm text and evidence at export


@dataclass(frozen=True)
class CellEdit:
    cell: str  # 'Duiven!C7'
    target: str
    key: str
    old: str | None  # the value in the YAML now
    new: str


@dataclass
class FilePlan:
    record: Record
    edits: list[CellEdit] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    workbook: str
    plans: list[FilePlan]
    problems: list[Diagnostic]

    @property
    def changed(self) -> list[FilePlan]:
        return [plan for plan in self.plans if plan.edits]


class _Refusals:
    def __init__(self, workbook: Path) -> None:
        self.name = str(workbook)
        self.found: list[Diagnostic] = []

    def at(self, where: str | None, code: str, message: str, hint: str | None = None) -> None:
        """A problem at a cell ('Duiven!C7'), a sheet, or the workbook (None)."""
        file = f"{self.name}:{where}" if where else self.name
        self.found.append(Diagnostic(file, 0, 0, Severity.error, code, message, hint))


def _text(value: Any) -> str | None:
    """A cell's value as the text the YAML would hold; None for an empty cell."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return str(value).replace("\r\n", "\n")


def _merged_sheets(path: Path) -> set[str]:
    """The sheets with merged cells (openpyxl's read-only mode does not report them)."""
    from xml.etree import ElementTree

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    with zipfile.ZipFile(path) as archive:
        sheets = ElementTree.fromstring(archive.read("xl/workbook.xml")).iter(f"{main}sheet")
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target", "") for r in rels}
        merged = set()
        for sheet in sheets:
            part = targets.get(sheet.get(rel), "").lstrip("/")
            part = part if part.startswith("xl/") else f"xl/{part}"
            if part in archive.namelist() and b"<mergeCell " in archive.read(part):
                merged.add(sheet.get("name", ""))
        return merged


def _open(path: Path, refusals: _Refusals) -> Any:
    from openpyxl import load_workbook

    def macros() -> None:
        refusals.at(
            None,
            "not-an-export",
            _("a workbook with macros is never imported"),
            _("save it as .xlsx (without macros) and import that"),
        )

    if path.suffix.lower() in (".xlsm", ".xltm"):
        macros()
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            if any(n.endswith("vbaProject.bin") for n in archive.namelist()):
                macros()
                return None
        return load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        refusals.at(
            None, "not-an-export", _("not a readable .xlsx workbook: {error}").format(error=exc)
        )
        return None


def _records(book: Any, workbook: Path, refusals: _Refusals) -> list[Record]:
    if META_SHEET not in book.sheetnames:
        refusals.at(
            None,
            "not-an-export",
            _("this workbook was not made by normtoets export"),
            _("import only a workbook that 'normtoets export' wrote"),
        )
        return []
    lines = [[_text(v) for v in row] for row in book[META_SHEET].iter_rows(values_only=True)]
    if not lines or lines[0][:2] != [MARK, LAYOUT_VERSION]:
        refusals.at(
            META_SHEET,
            "not-an-export",
            _("the hidden sheet that records the export is not as export wrote it"),
        )
        return []
    records = []
    for line in lines[1:]:
        if not line or line[0] != "sheet" or len(line) < 6:
            continue
        _kind, sheet, relative, given, digest, *chunks = line
        candidates = [workbook.parent / (relative or ""), Path(given or "")]
        path = next((c for c in candidates if c.is_file()), candidates[0])
        try:
            data = json.loads("".join(chunk or "" for chunk in chunks))
            records.append(
                Record(sheet or "", path, digest or "", data["rows"], data["values"],
                       set(data["criteria"]), data["shown"])
            )  # fmt: skip
        except (json.JSONDecodeError, KeyError, TypeError):
            refusals.at(
                META_SHEET,
                "not-an-export",
                _("the hidden sheet that records the export was changed"),
            )
            return []
    return records


def _cells(sheet: Any) -> Iterator[tuple[int, list[Any]]]:
    """Each row's cells (1-based row numbers), without trailing empty rows."""
    pending: list[tuple[int, list[Any]]] = []
    for number, row in enumerate(sheet.iter_rows(max_col=len(COLUMNS)), start=1):
        cells = list(row)
        if all(getattr(c, "value", None) in (None, "") for c in cells):
            pending.append((number, cells))
            continue
        yield from pending
        pending = []
        yield number, cells


def _read_sheet(
    book: Any, record: Record, refusals: _Refusals
) -> dict[str, dict[str, tuple[str, str | None]]] | None:
    """id → field → (cell, value) of one municipality's sheet; None when its shape changed."""
    sheet = book[record.sheet]
    values: dict[str, dict[str, tuple[str, str | None]]] = {}
    expected = iter(record.rows)
    formulas = False
    for number, cells in _cells(sheet):
        if number == 1:
            continue
        row_id = _text(cells[0].value if cells else None) or THEME_ROW
        want = next(expected, None)
        if want is None or row_id != want:
            refusals.at(
                f"{record.sheet}!A{number}",
                "workbook-changed",
                _(
                    "rows were added, removed or moved in sheet '{sheet}' (row {row}: "
                    "expected {expected}, found {found})"
                ).format(
                    sheet=record.sheet,
                    row=number,
                    expected=want or _("no row"),
                    found=row_id or _("a theme row"),
                ),
                _(
                    "export again, and change only the score, finding, who scored and "
                    "reviewed, and the motivation"
                ),
            )
            return None
        fields: dict[str, tuple[str, str | None]] = {}
        for index, column in enumerate(COLUMNS):
            cell = cells[index] if index < len(cells) else None
            where = f"{record.sheet}!{LETTERS[column.key]}{number}"
            if getattr(cell, "data_type", None) == "f":
                refusals.at(
                    where,
                    "formula-in-workbook",
                    _("a formula cannot be imported; type the value itself"),
                )
                formulas = True
            fields[column.key] = (where, _text(getattr(cell, "value", None)))
        values[row_id] = fields
    if formulas:
        return None
    missing = next(expected, None)
    if missing is not None:
        refusals.at(
            record.sheet,
            "workbook-changed",
            _("rows were removed from sheet '{sheet}' ({id} is missing)").format(
                sheet=record.sheet, id=missing or _("a theme row")
            ),
            _("export again, and change only the editable cells"),
        )
        return None
    return values


def _current(session: Session, path: Path) -> dict[str, list[str | None]] | None:
    """The editable values the YAML holds now (as export would write them)."""
    from normtoets.office.export import rows

    loaded = session.load(path)
    model = loaded.model
    if not isinstance(model, Assessment):
        return None
    framework = session.framework(model.framework)
    if framework is None:
        return None
    return {
        row.id: [row.values[key] for key in EDITABLE]
        for row in rows(framework, model)
        if row.id != THEME_ROW
    }


def _plan(
    record: Record,
    sheet: dict[str, dict[str, tuple[str, str | None]]],
    session: Session,
    refusals: _Refusals,
) -> FilePlan:
    """The edits of one file: what changed in the sheet since the export, checked against what
    changed in the YAML since then."""
    plan = FilePlan(record)
    changed_file = hashlib.sha256(record.path.read_bytes()).hexdigest() != record.sha256
    now = _current(session, record.path) if changed_file else record.values
    if now is None:
        refusals.at(
            record.sheet,
            "not-an-assessment",
            _("{path} no longer loads as an assessment; run normtoets validate").format(
                path=record.path
            ),
        )
        return plan
    for row_id, exported in record.values.items():
        fields = sheet[row_id]
        current = now.get(row_id, [None] * len(EDITABLE))
        _locked_changed(record, row_id, fields, refusals)
        for index, key in enumerate(EDITABLE):
            where, value = fields[key]
            if value == exported[index]:
                continue  # not edited in the workbook
            if value == current[index]:
                continue  # edited the same way on both sides
            if current[index] != exported[index]:
                refusals.at(
                    where,
                    "import-conflict",
                    _(
                        "{id} {field}: changed in the workbook to {new} and in {path} "
                        "since the export to {yaml}"
                    ).format(
                        id=row_id,
                        field=key,
                        new=shown(value),
                        path=record.path,
                        yaml=shown(current[index]),
                    ),
                    _("settle it in the YAML file, export again and redo the edit"),
                )
                continue
            if value is None:
                refusals.at(
                    where,
                    "cannot-remove",
                    _(
                        "{id} {field}: an emptied cell cannot remove a value; choose "
                        "'niet beoordeeld' for a score, or edit the YAML file"
                    ).format(id=row_id, field=key),
                )
                continue
            if key in _NORM_ONLY and row_id in record.criteria:
                refusals.at(
                    where,
                    "norm-only-field",
                    _("{id} is a criterion: {field} is recorded per norm").format(
                        id=row_id, field=key
                    ),
                )
                continue
            plan.edits.append(CellEdit(where, row_id, key, current[index], value))
    return plan


def _locked_changed(
    record: Record, row_id: str, fields: dict[str, tuple[str, str | None]], refusals: _Refusals
) -> None:
    """Norm texts and evidence are shown, not imported: an edit there would be lost unsaid."""
    shown = [fields.get(key, ("", None))[1] for key in ("text", "evidence")]
    if shown_digest(*shown) != record.shown.get(row_id):
        refusals.at(
            fields["text"][0],
            "locked-cell-changed",
            _(
                "{id}: the norm text or the evidence was changed; these are shown, not imported"
            ).format(id=row_id),
            _("add evidence with normtoets score --evidence, or in the YAML file"),
        )


def shown(value: str | None) -> str:
    if value is None:
        return _("(empty)")
    return repr(value if len(value) <= 60 else value[:57] + "...")


def _scale_problems(plan: FilePlan, session: Session, refusals: _Refusals) -> None:
    loaded = session.load(plan.record.path)
    model = loaded.model
    if not isinstance(model, Assessment):
        return
    framework = session.framework(model.framework)
    if framework is None:
        return
    codes = framework.scale.codes
    for edit in plan.edits:
        if edit.key == "score" and edit.new not in codes:
            refusals.at(
                edit.cell,
                "invalid-score",
                _("{id}: '{score}' is not a score of the scale ({codes})").format(
                    id=edit.target, score=edit.new, codes=", ".join(codes)
                ),
            )


def _edits(plan: FilePlan) -> list[Edit]:
    by_target: dict[str, dict[str, str]] = {}
    for edit in plan.edits:
        by_target.setdefault(edit.target, {})[edit.key] = edit.new
    return [_edit_of(target, fields) for target, fields in by_target.items()]


def plan(workbook: Path, session: Session) -> Outcome:
    """What importing `workbook` would change, and what refuses it."""
    refusals = _Refusals(workbook)
    book = _open(workbook, refusals)
    if book is None:
        return Outcome(str(workbook), [], refusals.found)
    try:
        records = _records(book, workbook, refusals)
        known = {r.sheet for r in records} | {META_SHEET, OVERVIEW_SHEET}
        for name in book.sheetnames:
            if name not in known:
                refusals.at(
                    name,
                    "workbook-changed",
                    _("sheet '{sheet}' was added or renamed after the export").format(sheet=name),
                )
        merged = _merged_sheets(workbook)
        plans = []
        for record in records:
            if record.sheet not in book.sheetnames:
                refusals.at(
                    record.sheet,
                    "workbook-changed",
                    _("sheet '{sheet}' was removed or renamed after the export").format(
                        sheet=record.sheet
                    ),
                )
                continue
            if record.sheet in merged:
                refusals.at(
                    record.sheet,
                    "merged-cells",
                    _("sheet '{sheet}' has merged cells").format(sheet=record.sheet),
                    _("unmerge them: each value has its own cell"),
                )
                continue
            if not record.path.is_file():
                refusals.at(
                    record.sheet,
                    "file-not-found",
                    _(
                        "{path} not found (paths are taken from the workbook's folder, "
                        "then from the current folder)"
                    ).format(path=record.path),
                )
                continue
            sheet = _read_sheet(book, record, refusals)
            if sheet is not None:
                plans.append(_plan(record, sheet, session, refusals))
    finally:
        book.close()
    for found in plans:
        if found.edits:
            _scale_problems(found, session, refusals)
    return Outcome(str(workbook), plans, refusals.found)


def write(outcome: Outcome, session: Session) -> list[Diagnostic]:
    """Make every planned edit, all files or none: each file's edits are proved before any
    file is written, under every file's lock."""
    changed = outcome.changed
    with contextlib.ExitStack() as stack:
        targets = [editable_target(p.record.path) for p in changed]
        for target in sorted(set(targets)):
            stack.enter_context(locked(target))
        prepared = []
        refused: list[Diagnostic] = []
        for found, target in zip(changed, targets, strict=True):
            raw = target.read_bytes()
            result = prepare(found.record.path, raw, _edits(found), session)
            if isinstance(result, list):
                refused += _attributed(outcome.workbook, found, raw, result, session)
            else:
                prepared.append((target, raw, result, found.record.path))
        if refused:
            return refused
        for target, raw, new, shown in prepared:
            write_unchanged_since(target, raw, new, shown)
    return []


def _attributed(
    workbook: str, found: FilePlan, raw: bytes, diagnostics: list[Diagnostic], session: Session
) -> list[Diagnostic]:
    """A refused file's problems at the cells whose edit alone causes them; as the YAML's
    problems where only the edits together do."""
    located = []
    for edit in found.edits:
        alone = prepare(
            found.record.path, raw, [_edit_of(edit.target, {edit.key: edit.new})], session
        )
        if isinstance(alone, list):
            located += [
                Diagnostic(
                    f"{workbook}:{edit.cell}",
                    0,
                    0,
                    d.severity,
                    d.code,
                    f"{d.message} ({d.file}:{d.line}:{d.column})",
                    d.hint,
                )
                for d in alone
            ]
    return located or diagnostics


def _edit_of(target: str, fields: dict[str, str]) -> Edit:
    return Edit(
        target,
        score=fields.get("score"),
        finding=fields.get("finding"),
        scored_by=fields.get("scored_by"),
        reviewed_by=fields.get("reviewed_by"),
        motivation=fields.get("motivation"),
    )
