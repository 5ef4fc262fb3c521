"""`import` of a table of values: each row sets one kengetal's value for one period in the
assessment of its unit, through `score`'s editor, all files or none.

The study is loaded as `kengetallen` loads it (loading.selection.select), and each row's unit
found among its assessments (a unit of a joint assessment writes into that file). Then the
files with rows are locked, read once, and only under the locks are the rows set against what
each file holds: a period the file has is replaced when its value differs (by number: "2,5" and
2.5 are one value) and left alone when not; a new period is added to the end of
`indicator_values.ID.values`, with `indicator_values:`, the ID and `values:` made where missing.
Each file's edits are spliced into its text (yamlio/splice.py) and proved (yamlio/proof.py):
parsed again, it differs from the original in exactly those values, keeps every comment and
adds no error. Every new file is on disk before the first one replaces its old version
(files/atomic.replace_all). Any problem: no file is written.
"""

import contextlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from normtoets.authoring.scoring import editable_target
from normtoets.core.diagnostics import Diagnostic, Severity
from normtoets.core.i18n import _, integer
from normtoets.core.names import joined, name_key
from normtoets.core.numbers import parse_number, parse_period
from normtoets.files.atomic import replace_all
from normtoets.files.lock import locked
from normtoets.loading.selection import Selection, select
from normtoets.loading.session import Loaded, Session, display_name
from normtoets.models import Assessment, Framework
from normtoets.models.indicators import Indicator, Measurement, Written
from normtoets.office.values_table import Row, Spot, ValuesTable
from normtoets.rules.suggest import closest
from normtoets.yamlio.document import MAX_BYTES, plain
from normtoets.yamlio.proof import Change, expected, new_diagnostics, unintended
from normtoets.yamlio.read import decode
from normtoets.yamlio.scalar import double_quoted
from normtoets.yamlio.splice import EditError, append_item, set_written

SOURCE = "source"  # the key of a value's source in the YAML
# A study of more units than this is not listed in full in the hint of an unknown unit.
_LISTED_UNITS = 12


@dataclass(frozen=True)
class ValueEdit:
    """One value set, or one period added (`index` None), in one file."""

    spot: Spot  # the row's value cell
    indicator: str
    period: str
    index: int | None  # the entry of indicator_values.ID.values; None: a new one, appended
    old: Written | None
    new: Written
    old_source: str | None = None
    new_source: str | None = None  # None: the source stays as it is

    @property
    def value_changes(self) -> bool:
        return self.index is None or not same_value(self.old, self.new)

    @property
    def source_changes(self) -> bool:
        return self.index is not None and self.new_source not in (None, self.old_source)

    def shown(self) -> list[tuple[str | None, Written | None, Written | None]]:
        """What the edit changes, as (the key of the entry, old, new); the value's key None."""
        found: list[tuple[str | None, Written | None, Written | None]] = []
        if self.value_changes:
            found.append((None, self.old, self.new))
        if self.source_changes:
            found.append((SOURCE, self.old_source, self.new_source))
        return found


@dataclass
class FilePlan:
    path: Path  # as the study lists it
    rows: list[Row] = field(default_factory=list)
    edits: list[ValueEdit] = field(default_factory=list)
    loaded: Loaded | None = None  # the file as read under its lock


@dataclass(frozen=True)
class Outcome:
    plans: list[FilePlan]
    problems: list[Diagnostic]
    written: bool = False

    @property
    def changed(self) -> list[FilePlan]:
        return [plan for plan in self.plans if plan.edits]


def same_value(old: Written | None, new: Written) -> bool:
    """One value however written: 40 and "40,0", "85%" and 85 (what analysis reads)."""
    if type(old) is type(new) and old == new:
        return True
    number = parse_number(old)
    return number is not None and number == parse_number(new)


def shown(value: Written | None) -> str:
    if value is None:
        return _("(none)")
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:57] + "...")
    return str(value)


def run(table: ValuesTable, study: Path, session: Session, root: Path, *, dry_run: bool) -> Outcome:
    """Import the table's rows into the assessments of `study` (with `dry_run`, only find what
    would change); every file written must lie inside `root`. The problems in table order."""
    outcome = _run(table, study, session, root, dry_run=dry_run)
    problems = sorted(outcome.problems, key=_in_table_order)
    return Outcome(outcome.plans, problems, outcome.written)


_CELL = re.compile(r"!([A-Z]+)([0-9]+)$")


def _in_table_order(d: Diagnostic) -> tuple[str, int, int, int]:
    """By line and column in a CSV file, by row and column in a workbook ('Waarden!D12')."""
    cell = _CELL.search(d.file)
    if cell is None:
        return (d.file, d.line, 0, d.column)
    letters, row = cell.groups()
    return (d.file[: cell.start()], int(row), len(letters), int(letters, 36))


def _run(
    table: ValuesTable, study: Path, session: Session, root: Path, *, dry_run: bool
) -> Outcome:
    problems = list(table.problems)
    selection, diagnostics = select([study], session=session)
    if selection is None:
        return Outcome([], problems + [d for d in diagnostics if d.severity is Severity.error])
    plans = _by_file(table.rows, selection, study, root, problems)
    targets = [editable_target(plan.path) for plan in plans]
    with contextlib.ExitStack() as stack:
        for target in sorted(set(targets)):
            stack.enter_context(locked(target))
        raws = [_read(target, plan, problems) for target, plan in zip(targets, plans, strict=True)]
        for plan, raw in zip(plans, raws, strict=True):
            if raw is not None:
                _plan(plan, raw, selection.framework, session, problems)
        if problems or not any(plan.edits for plan in plans):
            return Outcome(plans, problems)
        changes = _changes(plans, targets, raws, session, problems)
        if problems or dry_run:
            return Outcome(plans, problems)
        replace_all(changes)
    return Outcome(plans, [], written=True)


def _changes(
    plans: list[FilePlan],
    targets: list[Path],
    raws: list[bytes | None],
    session: Session,
    problems: list[Diagnostic],
) -> list[tuple[Path, bytes, bytes]]:
    """Each edited file as replace_all takes it (target, its bytes now, its new bytes), its
    edits proved; a refused file's problems added to `problems`."""
    changes = []
    for plan, target, raw in zip(plans, targets, raws, strict=True):
        if plan.edits and raw is not None:
            new = _proved(plan, raw, session, problems)
            if new is not None:
                changes.append((target, raw, new))
    return changes


class _Units:
    """The study's units by name key, each with the assessment that holds it."""

    def __init__(self, selection: Selection) -> None:
        self.files: dict[str, int] = {}
        self.names: list[str] = []
        for index, assessment in enumerate(selection.assessments):
            for unit in assessment.unit_names:
                self.files.setdefault(name_key(unit), index)
                self.names.append(unit)

    def unknown(self, row: Row, study: Path) -> Diagnostic:
        hint = closest(row.unit, self.names)
        if hint is None and len(self.names) <= _LISTED_UNITS:
            hint = _("the units of the study: {units}").format(units=", ".join(self.names))
        return row.spots["unit"].error(
            "unknown-unit",
            _("no assessment of '{unit}' in {study}").format(unit=row.unit, study=study),
            hint,
        )


def _by_file(
    rows: list[Row], selection: Selection, study: Path, root: Path, problems: list[Diagnostic]
) -> list[FilePlan]:
    """The rows of each assessment file, in the order of the study; an unknown unit, and a
    file outside `root`, refused."""
    units = _Units(selection)
    plans: dict[int, FilePlan] = {}
    for row in rows:
        index = units.files.get(name_key(row.unit))
        if index is None:
            problems.append(units.unknown(row, study))
            continue
        plans.setdefault(index, FilePlan(selection.paths[index])).rows.append(row)
    kept = []
    for _index, plan in sorted(plans.items()):
        if Path(os.path.realpath(plan.path)).is_relative_to(root):
            kept.append(plan)
            continue
        problems.append(
            plan.rows[0]
            .spots["unit"]
            .error(
                "outside-study",
                _(
                    "{path} lies outside {root}; import reads and writes only files inside the "
                    "folder it runs in"
                ).format(path=plan.path, root=root),
                _("run import in the study's folder, or in a folder above it"),
            )
        )
    return kept


def _read(target: Path, plan: FilePlan, problems: list[Diagnostic]) -> bytes | None:
    """The file's bytes, read once under its lock; None when it grew past what a file may be."""
    size = target.stat().st_size
    if size <= MAX_BYTES:
        return target.read_bytes()
    problems.append(
        Diagnostic(
            display_name(plan.path),
            0,
            0,
            Severity.error,
            "file-too-large",
            _("{path} is {size} bytes; an assessment file has at most {max}").format(
                path=plan.path, size=integer(size), max=integer(MAX_BYTES)
            ),
        )
    )
    return None


def _plan(
    plan: FilePlan, raw: bytes, framework: Framework, session: Session, problems: list[Diagnostic]
) -> None:
    """The edits of one file, set against the bytes it holds now (read under its lock)."""
    name = display_name(plan.path)
    text, _decoded = decode(raw, name)
    plan.loaded = session.from_text(plan.path, text) if text is not None else None
    model = plan.loaded.model if plan.loaded is not None else None
    if not isinstance(model, Assessment) or session.framework(model.framework) is None:
        message = _("{path} no longer loads as an assessment; run normtoets validate")
        problems.append(
            Diagnostic(name, 1, 1, Severity.error, "not-an-assessment", message.format(path=name))
        )
        return
    indicators = {i.id: i for i in [*framework.indicators, *model.indicators]}
    sources = [s.id for s in model.sources]
    given: dict[tuple[str, str], Row] = {}
    for row in plan.rows:
        found = _row_problems(row, indicators, sources, plan.path)
        earlier = given.get((row.indicator, str(row.period)))
        if earlier is not None and not found:
            found = _joint_twice(earlier, row, plan.path)
            if found is None:
                continue  # the other unit of the joint assessment gave the same value
        if found:
            problems.append(found)
            continue
        given[(row.indicator, str(row.period))] = row
        edit = _edit(row, model)
        if edit is not None:
            plan.edits.append(edit)


def _row_problems(
    row: Row, indicators: dict[str, Indicator], sources: list[str], path: Path
) -> Diagnostic | None:
    """What the assessment does not know of a row: its kengetal, a quarter of a yearly one, its
    source."""
    indicator = indicators.get(row.indicator)
    if indicator is None:
        return row.spots["indicator"].error(
            "unknown-indicator",
            _("unknown kengetal '{indicator}' for {unit} ({path})").format(
                indicator=row.indicator, unit=row.unit, path=path
            ),
            closest(row.indicator, list(indicators))
            or _("define it under 'indicators' in the framework or in this file"),
        )
    if indicator.frequency == "jaar" and row.period.quarter is not None:
        return row.spots["period"].error(
            "invalid-period",
            _(
                "kengetal '{indicator}' is measured per year, but this value is of a quarter: "
                "{period}"
            ).format(indicator=row.indicator, period=row.period),
        )
    if row.source is not None and row.source not in sources:
        return row.spots["source"].error(
            "unknown-source",
            _("'{source}' is not a source of {path}").format(source=row.source, path=path),
            closest(row.source, sources) or _("add it under 'sources' in {path}").format(path=path),
        )
    return None


def _joint_twice(earlier: Row, row: Row, path: Path) -> Diagnostic | None:
    """Two units of one joint assessment that give one kengetal and period: refused unless they
    give the same value and source."""
    if same_value(earlier.value, row.value) and earlier.source == row.source:
        return None
    return row.spots["unit"].error(
        "duplicate-row",
        _(
            "{units} share one assessment, {path}, and this row gives {indicator} {period} "
            "another value"
        ).format(
            units=joined([earlier.unit, row.unit]),
            path=path,
            indicator=row.indicator,
            period=row.period,
        ),
        _("the first is at {place}").format(place=earlier.spots["unit"]),
    )


def _period_key(written: str) -> str:
    period = parse_period(written)
    return str(period) if period is not None else written


def _edit(row: Row, model: Assessment) -> ValueEdit | None:
    """What the row changes in the assessment: None when it holds that value already."""
    record = model.indicator_values.get(row.indicator)
    values: list[Measurement] = record.values if record is not None else []
    period = str(row.period)
    index = next((i for i, m in enumerate(values) if _period_key(m.period) == period), None)
    spot = row.spots["value"]
    if index is None:
        return ValueEdit(spot, row.indicator, period, None, None, row.value, None, row.source)
    now = values[index]
    edit = ValueEdit(
        spot, row.indicator, period, index, now.value, row.value, now.source, row.source
    )
    return edit if edit.value_changes or edit.source_changes else None


def _written(value: Written) -> str:
    """A value as YAML text that reads back as it: a number as a number, a text quoted."""
    if isinstance(value, str):
        return double_quoted(value)
    return str(value) if isinstance(value, int) else repr(value)


def _read_back(value: Written) -> Written:
    """What a reader of the file gets for the value as _written writes it."""
    return value if isinstance(value, str) else plain(_written(value))


def _spliced(text: str, edits: list[ValueEdit]) -> tuple[str, list[Change]]:
    """The text with every edit made, and the changes they intend (raises EditError)."""
    changes = []
    for edit in edits:
        listed = ("indicator_values", edit.indicator, "values")
        if edit.index is None:
            item = {"period": edit.period, "value": edit.new, SOURCE: edit.new_source}
            parts = [f"{k}: {_written(v)}" for k, v in item.items() if v is not None]
            text = append_item(text, listed, "{" + ", ".join(parts) + "}")
            data = {k: _read_back(v) for k, v in item.items() if v is not None}
            changes.append(Change(listed, data, append=True))
            continue
        base = (*listed, edit.index)
        if edit.value_changes:
            text = set_written(text, (*base, "value"), _written(edit.new))
            changes.append(Change((*base, "value"), _read_back(edit.new)))
        if edit.source_changes and edit.new_source is not None:
            text = set_written(text, (*base, SOURCE), double_quoted(edit.new_source))
            changes.append(Change((*base, SOURCE), edit.new_source))
    return text, changes


def _proved(
    plan: FilePlan, raw: bytes, session: Session, problems: list[Diagnostic]
) -> bytes | None:
    """The file's new bytes with every edit made and proved; None when refused (said in
    `problems`, at the rows whose edit alone is refused where there are such)."""
    refusals = _prepare(plan, raw, plan.edits, session)
    if isinstance(refusals, bytes):
        return refusals
    located = []
    for edit in plan.edits:
        alone = _prepare(plan, raw, [edit], session)
        if isinstance(alone, list):
            located += [
                edit.spot.error(d.code, f"{d.message} ({d.file}:{d.line}:{d.column})", d.hint)
                for d in alone
            ]
    problems += located or refusals
    return None


def _prepare(
    plan: FilePlan, raw: bytes, edits: list[ValueEdit], session: Session
) -> bytes | list[Diagnostic]:
    """The new bytes, proved as `score` proves its edits; or the diagnostics that refuse them."""
    before = plan.loaded
    assert before is not None and before.doc is not None  # planned: it loaded
    name = display_name(plan.path)
    text, _problems = decode(raw, name)
    assert text is not None  # planned: it decoded
    try:
        new_text, changes = _spliced(text, edits)
    except EditError as exc:
        message = _("cannot edit this file: {error}").format(error=exc)
        return [_refusal(name, "cannot-edit", message, _("make this change by hand in an editor"))]
    after = session.from_text(plan.path, new_text)
    added = new_diagnostics(session.check(before), before.doc, session.check(after), after.doc)
    errors = [d for d in added if d.severity is Severity.error]
    if errors:
        return errors
    assert after.doc is not None  # no new error: it parsed
    why = unintended(before.doc, text, after.doc, new_text, expected(before.doc.data, changes))
    if why:
        return [
            _refusal(
                name,
                "unsafe-edit",
                _("normtoets cannot make this edit safely: {reason}").format(reason=why),
                _("make this change by hand in an editor, and please report the file's layout"),
            )
        ]
    bom = raw[:3] if raw.startswith(b"\xef\xbb\xbf") else b""
    return bom + new_text.encode("utf-8")


def _refusal(name: str, code: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic(name, 1, 1, Severity.error, code, message, hint)
