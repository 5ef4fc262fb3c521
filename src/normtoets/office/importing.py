"""`import`: a scoring workbook made by `export`, back into the YAML files, all or nothing.

Every cell that differs from what was exported becomes an edit through `score`'s splice editor
(comments, layout and key order kept; each file's edits proved together). The workbook is read
and checked first (workbook_read); then the files with edits are locked, read once, and only
under the locks are their edits set against what changed in the YAML since the export (a value
changed on both sides is a conflict) and proved. Every new file is on disk before the first one
replaces its old version (files/atomic.replace_all). Any refusal: no file is written.
"""

# Deferred imports: normtoets.office — export brings the workbook writer (openpyxl), needed only for
# the rows of a file that changed.

import contextlib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from normtoets.authoring.scoring import Edit, editable_target, prepare
from normtoets.core.diagnostics import Diagnostic
from normtoets.core.i18n import _
from normtoets.files.atomic import replace_all
from normtoets.files.lock import locked
from normtoets.loading.session import Session
from normtoets.models import Assessment
from normtoets.office.layout import COLUMNS, EDITABLE, META_SHEET, OVERVIEW_SHEET, THEME_ROW
from normtoets.office.workbook_read import (
    Record,
    Refusals,
    SheetValues,
    check_overview,
    merged_sheets,
    open_book,
    read_sheet,
    records,
)
from normtoets.yamlio.read import decode

_NORM_ONLY = {c.key for c in COLUMNS if c.norm_only}


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
    written: bool = False

    @property
    def changed(self) -> list[FilePlan]:
        return [plan for plan in self.plans if plan.edits]


def shown(value: str | None) -> str:
    if value is None:
        return _("(empty)")
    return repr(value if len(value) <= 60 else value[:57] + "...")


def _sheets(workbook: Path, root: Path, refusals: Refusals) -> list[tuple[Record, SheetValues]]:
    """Each municipality's sheet with its record; every problem of the workbook refused."""
    book = open_book(workbook, refusals)
    if book is None:
        return []
    found = []
    try:
        overview, recorded = records(book, workbook, root, refusals)
        known = {r.sheet for r in recorded} | {META_SHEET, OVERVIEW_SHEET}
        for name in book.sheetnames:
            if name not in known:
                refusals.at(
                    name,
                    "workbook-changed",
                    _("sheet '{sheet}' was added or renamed after the export").format(sheet=name),
                )
        check_overview(book, overview, refusals)
        merged = merged_sheets(workbook)
        for record in recorded:
            if record.sheet not in book.sheetnames:
                refusals.at(
                    record.sheet,
                    "workbook-changed",
                    _("sheet '{sheet}' was removed or renamed after the export").format(
                        sheet=record.sheet
                    ),
                )
            elif record.sheet in merged:
                refusals.at(
                    record.sheet,
                    "merged-cells",
                    _("sheet '{sheet}' has merged cells").format(sheet=record.sheet),
                    _("unmerge them: each value has its own cell"),
                )
            elif (values := read_sheet(book, record, refusals)) is not None:
                found.append((record, values))
    finally:
        book.close()
    return found


def _edited(record: Record, sheet: SheetValues) -> bool:
    return any(
        sheet[row_id][key][1] != exported[index]
        for row_id, exported in record.values.items()
        for index, key in enumerate(EDITABLE)
    )


@dataclass(frozen=True)
class _Now:
    values: dict[str, list[str | None]]  # the editable values, as export would write them
    codes: list[str]  # the scale's


def _now(session: Session, record: Record, raw: bytes) -> _Now | None:
    """What the file holds now (its bytes read under the lock); None when it no longer loads
    as an assessment."""
    from normtoets.office.export import rows

    text, _problems = decode(raw, str(record.path))
    model = session.from_text(record.path, text).model if text is not None else None
    framework = session.framework(model.framework) if isinstance(model, Assessment) else None
    if not isinstance(model, Assessment) or framework is None:
        return None
    if hashlib.sha256(raw).hexdigest() == record.sha256:
        return _Now(record.values, framework.scale.codes)
    values = {
        row.id: [row.values[key] for key in EDITABLE]
        for row in rows(framework, model)
        if row.id != THEME_ROW
    }
    return _Now(values, framework.scale.codes)


def _plan(
    record: Record, sheet: SheetValues, now: dict[str, list[str | None]], refusals: Refusals
) -> FilePlan:
    """The edits of one file: what changed in the sheet since the export, set against what
    changed in the YAML since then (`now`, read under the file's lock)."""
    plan = FilePlan(record)
    for row_id, exported in record.values.items():
        current = now.get(row_id, [None] * len(EDITABLE))
        for index, key in enumerate(EDITABLE):
            where, value = sheet[row_id][key]
            if value == exported[index] or value == current[index]:
                continue  # not edited in the workbook, or edited the same way on both sides
            problem = _refusal(record, row_id, key, value, current[index], exported[index])
            if problem is None:
                assert value is not None  # an emptied cell is refused
                plan.edits.append(CellEdit(where, row_id, key, current[index], value))
            else:
                refusals.at(where, *problem)
    return plan


def _refusal(
    record: Record, row_id: str, key: str, value: str | None, now: str | None, then: str | None
) -> tuple[str, str, str | None] | None:
    """Why one edited cell cannot be imported (code, message, hint), or None."""
    if now != then:
        return (
            "import-conflict",
            _(
                "{id} {field}: changed in the workbook to {new} and in {path} since the export "
                "to {yaml}"
            ).format(id=row_id, field=key, new=shown(value), path=record.path, yaml=shown(now)),
            _("settle it in the YAML file, export again and redo the edit"),
        )
    if value is None:
        return (
            "cannot-remove",
            _(
                "{id} {field}: an emptied cell cannot remove a value; choose 'niet beoordeeld' "
                "for a score, or edit the YAML file"
            ).format(id=row_id, field=key),
            None,
        )
    if key in _NORM_ONLY and row_id in record.criteria:
        return (
            "norm-only-field",
            _("{id} is a criterion: {field} is recorded per norm").format(id=row_id, field=key),
            None,
        )
    return None


def _scale_problems(plan: FilePlan, codes: list[str], refusals: Refusals) -> None:
    for edit in plan.edits:
        if edit.key == "score" and edit.new not in codes:
            refusals.at(
                edit.cell,
                "invalid-score",
                _("{id}: '{score}' is not a score of the scale ({codes})").format(
                    id=edit.target, score=edit.new, codes=", ".join(codes)
                ),
            )


def run(workbook: Path, session: Session, root: Path, *, dry_run: bool) -> Outcome:
    """Import `workbook` (or, with `dry_run`, only find what it would change): every file it
    names must lie inside `root`."""
    refusals = Refusals(workbook)
    sheets = [(r, s) for r, s in _sheets(workbook, root, refusals) if _edited(r, s)]
    if refusals.found or not sheets:
        return Outcome(str(workbook), [FilePlan(r) for r, _s in sheets], refusals.found)
    targets = [editable_target(record.path) for record, _sheet in sheets]
    with contextlib.ExitStack() as stack:
        for target in sorted(set(targets)):
            stack.enter_context(locked(target))
        raws = [target.read_bytes() for target in targets]  # read once, under the lock
        plans = _plans(sheets, raws, session, refusals)
        if refusals.found:
            return Outcome(str(workbook), plans, refusals.found)
        changes = _changes(workbook, plans, targets, raws, session, refusals)
        if refusals.found or dry_run:
            return Outcome(str(workbook), plans, refusals.found)
        replace_all(changes)
    return Outcome(str(workbook), plans, [], written=True)


def _plans(
    sheets: list[tuple[Record, SheetValues]],
    raws: list[bytes],
    session: Session,
    refusals: Refusals,
) -> list[FilePlan]:
    """Each file's edits, set against the bytes it holds now (`raws`, read under the locks);
    a file that no longer loads as an assessment is refused."""
    plans = []
    for (record, sheet), raw in zip(sheets, raws, strict=True):
        now = _now(session, record, raw)
        if now is None:
            refusals.at(
                record.sheet,
                "not-an-assessment",
                _("{path} no longer loads as an assessment; run normtoets validate").format(
                    path=record.path
                ),
            )
            continue
        plans.append(_plan(record, sheet, now.values, refusals))
        _scale_problems(plans[-1], now.codes, refusals)
    return plans


def _changes(
    workbook: Path,
    plans: list[FilePlan],
    targets: list[Path],
    raws: list[bytes],
    session: Session,
    refusals: Refusals,
) -> list[tuple[Path, bytes, bytes]]:
    """Each edited file as replace_all takes it (target, its bytes now, its new bytes), every
    file's edits proved; a refused file's problems added to `refusals`, at their cells."""
    changes = []
    for plan, target, raw in zip(plans, targets, raws, strict=True):
        if not plan.edits:
            continue
        prepared = prepare(plan.record.path, raw, _edits(plan), session)
        if prepared.data is None:
            refusals.found += _attributed(str(workbook), plan, raw, prepared.refusals, session)
        else:
            changes.append((target, raw, prepared.data))
    return changes


def _edits(plan: FilePlan) -> list[Edit]:
    by_target: dict[str, dict[str, str]] = {}
    for edit in plan.edits:
        by_target.setdefault(edit.target, {})[edit.key] = edit.new
    return [_edit_of(target, fields) for target, fields in by_target.items()]


def _attributed(
    workbook: str, found: FilePlan, raw: bytes, diagnostics: list[Diagnostic], session: Session
) -> list[Diagnostic]:
    """A refused file's problems at the cells whose edit alone causes them; as the YAML's
    problems where only the edits together do."""
    located = []
    for edit in found.edits:
        alone = prepare(
            found.record.path, raw, [_edit_of(edit.target, {edit.key: edit.new})], session
        ).refusals
        if alone:
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
