"""A normenkader kept as a table (Excel or CSV) as a framework file.

The sheet `Normen` (or the first sheet, or the CSV) has a header row naming its columns, in
Dutch or English: thema, norm, normtekst, kort, criterium, criteriumtekst, onderzoeksvraag. A
row with a norm id starts a norm; a row with only a criterion adds one to the norm above; an
empty thema repeats the one above. `onderzoeksvraag` names the research questions a norm
answers, one per line or separated by ';': 'OV1: text' the first time, 'OV1' after that. A
sheet `Schaal` (code, omschrijving, voldaan, waarde, kleur) gives the scale, or a table of its own
with those columns (`--scale`: a CSV, or a workbook's sheet `Schaal` or first sheet); without
either, the four levels ++, +, -, -- with their usual labels. Every problem is placed at its
cell: FILE:Sheet!B7 in a workbook, FILE:LINE:COLUMN in a CSV file.
"""

# Deferred imports: openpyxl — 0.1 s to import, not needed for a CSV table.

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from normtoets.authoring.scaffold import quote, slug
from normtoets.core.diagnostics import Diagnostic, Severity
from normtoets.core.errors import UsageError
from normtoets.core.i18n import _
from normtoets.models.base import ID_PATTERN

NORMS_SHEET = "Normen"
SCALE_SHEET = "Schaal"
QUESTIONS_SHEET = "Onderzoeksvragen"
_ALIASES = {
    "theme": ("thema", "theme"),
    "theme_id": ("thema-id", "thema id", "theme id", "theme_id"),
    "norm": ("norm", "norm-id", "norm id", "id"),
    "text": ("normtekst", "norm tekst", "norm text", "tekst", "text"),
    "short": ("kort", "korte titel", "short", "titel"),
    "criterion": ("criterium", "deelcriterium", "criterion", "criterium-id"),
    "criterion_text": (
        "criteriumtekst",
        "deelcriterium tekst",
        "criterion text",
        "criterium tekst",
    ),
    "questions": ("onderzoeksvraag", "onderzoeksvragen", "research question", "research questions"),
}
_SCALE_ALIASES = {
    "code": ("code", "score"),
    "label": ("omschrijving", "label", "betekenis"),
    "meets": ("voldaan", "meets"),
    "value": ("waarde", "value"),
    "color": ("kleur", "color", "colour"),
}
DEFAULT_LEVELS = [
    {"code": "++", "label": "voldoet volledig", "meets": True, "value": 2, "color": "#1b7837"},
    {"code": "+", "label": "voldoet grotendeels", "meets": True, "value": 1, "color": "#a6dba0"},
    {
        "code": "-",
        "label": "voldoet grotendeels niet",
        "meets": False,
        "value": -1,
        "color": "#f4a582",
    },
    {"code": "--", "label": "voldoet niet", "meets": False, "value": -2, "color": "#b2182b"},
]
_QUESTION_ALIASES = {
    "id": ("id", "nummer", "vraag-id"),
    "text": ("onderzoeksvraag", "vraag", "question", "research question"),
}
_YES = {"ja", "yes", "true", "waar", "1", "x"}
_NO = {"nee", "no", "false", "onwaar", "0", ""}
_QUESTION = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?::\s*(.+))?$", re.DOTALL)


@dataclass
class Table:
    """A sheet's rows as text, each with its 1-based row number."""

    sheet: str  # '' for a CSV file
    rows: list[tuple[int, list[str]]]
    # A CSV file's: per row number, the line and column where each of its cells starts.
    places: dict[int, list[tuple[int, int]]] | None = None


@dataclass
class Built:
    themes: list[dict[str, Any]] = field(default_factory=list)
    questions: dict[str, dict[str, Any]] = field(default_factory=dict)
    levels: list[dict[str, Any]] = field(default_factory=list)
    default_scale: bool = False  # no scale given: DEFAULT_LEVELS


class _Problems:
    def __init__(self, name: str) -> None:
        self.name = name
        self.found: list[Diagnostic] = []

    def at(self, table: Table, row: int, column: int | None, message: str) -> None:
        if table.places is not None:  # a CSV file: its line and column, as an editor counts
            cells = table.places.get(row) or [(row, 1)]
            line, col = cells[column] if column is not None and column < len(cells) else cells[0]
            found = Diagnostic(self.name, line, col, Severity.error, "framework-table", message)
        else:
            cell = f"{_letter(column)}{row}" if column is not None else str(row)
            place = f"{self.name}:{table.sheet}!{cell}"
            found = Diagnostic(place, 0, 0, Severity.error, "framework-table", message)
        self.found.append(found)


def _letter(column: int | None) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter((column or 0) + 1))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").strip()


def _field_starts(raw: str, delimiter: str, quotechar: str | None) -> list[tuple[int, int]]:
    """Where each field of one CSV record starts: lines below the record's first, 1-based
    column. A delimiter or a line break inside quotes is part of the field."""
    starts, quoted, line, col = [(0, 1)], False, 0, 1
    for char in raw:
        if char == quotechar:
            quoted = not quoted  # a doubled quote inside quotes flips twice
        if char == "\n":
            line, col = line + 1, 1
            continue
        col += 1
        if char == delimiter and not quoted:
            starts.append((line, col))
    return starts


def _csv_table(path: Path) -> Table:
    """A CSV file as a table, with the line and column of each cell."""
    text = path.read_bytes().decode("utf-8-sig")
    dialect: type[csv.Dialect]
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:  # one column, or an empty file: the header reports what it lacks
        dialect = csv.excel
    consumed: list[str] = []

    def lines() -> Iterator[str]:
        for line in io.StringIO(text):
            consumed.append(line)
            yield line

    reader = csv.reader(lines(), dialect)
    rows: list[tuple[int, list[str]]] = []
    places: dict[int, list[tuple[int, int]]] = {}
    first = 1  # the line the next record starts on
    for number, record in enumerate(reader, 1):
        raw = "".join(consumed)
        consumed.clear()
        rows.append((number, [_cell(v) for v in record]))
        starts = _field_starts(raw, dialect.delimiter, dialect.quotechar)
        places[number] = [(first + below, col) for below, col in starts]
        first = reader.line_num + 1
    return Table("", rows, places)


def _sheet_table(book: Any, name: str) -> Table:
    rows = book[name].iter_rows(values_only=True)
    return Table(name, [(i, [_cell(v) for v in row]) for i, row in enumerate(rows, 1)])


def read_tables(path: Path) -> dict[str, Table | None]:
    """The tables by role: norms, scale and questions (None where there is none)."""
    if path.suffix.lower() == ".csv":
        return {"norms": _csv_table(path), "scale": None, "questions": None}
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        names = {name.casefold(): name for name in book.sheetnames}
        sheets = {
            "norms": names.get(NORMS_SHEET.casefold(), book.sheetnames[0]),
            "scale": names.get(SCALE_SHEET.casefold()),
            "questions": names.get(QUESTIONS_SHEET.casefold()),
        }
        return {
            role: None if name is None else _sheet_table(book, name)
            for role, name in sheets.items()
        }
    finally:
        book.close()


def read_scale(path: Path) -> Table:
    """A scale kept as a table of its own (--scale): the CSV file, or the workbook's sheet
    `Schaal`, else its first sheet."""
    if path.suffix.lower() == ".csv":
        return _csv_table(path)
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        names = {name.casefold(): name for name in book.sheetnames}
        return _sheet_table(book, names.get(SCALE_SHEET.casefold(), book.sheetnames[0]))
    finally:
        book.close()


def _question_list(table: Table | None, built: Built, problems: _Problems) -> None:
    """The sheet of research questions: their order and texts; norm rows then name ids."""
    if table is None:
        return
    start, columns = _header(table, _QUESTION_ALIASES, problems)
    if {"id", "text"} - set(columns):
        problems.at(table, start or 1, None, _("the header row needs the columns id and "
                                               "onderzoeksvraag"))  # fmt: skip
        return
    for number, row in table.rows:
        if number <= start or not any(row):
            continue
        qid, text = row[columns["id"]], row[columns["text"]] if columns["text"] < len(row) else ""
        if not _id_ok(qid) or qid in built.questions:
            problems.at(table, number, columns["id"],
                        _("'{id}' is not a usable id (letters, digits, '.', '-', '_'; "
                          "each id once)").format(id=qid))  # fmt: skip
            continue
        built.questions[qid] = {"id": qid, "text": text, "norms": []}


def _header(
    table: Table, aliases: dict[str, tuple[str, ...]], problems: _Problems
) -> tuple[int, dict[str, int]]:
    """The first non-empty row is the header: column key → index."""
    for number, row in table.rows:
        if not any(row):
            continue
        found: dict[str, int] = {}
        for index, title in enumerate(row):
            key = next((k for k, names in aliases.items() if title.casefold() in names), None)
            if key is None and title:
                problems.at(
                    table,
                    number,
                    index,
                    _("unknown column '{title}' (known: {known})").format(
                        title=title, known=", ".join(n[0] for n in aliases.values())
                    ),
                )
            elif key is not None:
                found[key] = index
        return number, found
    return 0, {}


def _unusable(identifier: str) -> str:
    return _("'{id}' is not a usable id (letters, digits, '.', '-', '_'; each id once)").format(
        id=identifier
    )


def _id_ok(value: str) -> bool:
    return re.fullmatch(ID_PATTERN, value) is not None


def _norms(table: Table, built: Built, problems: _Problems) -> None:
    start, columns = _header(table, _ALIASES, problems)
    for needed in ("theme", "norm", "text"):
        if needed not in columns:
            problems.at(
                table,
                start or 1,
                None,
                _("the header row has no column '{column}'").format(column=_ALIASES[needed][0]),
            )
    if problems.found:
        return
    reader = _NormRows(table, columns, built, problems)
    for number, row in table.rows:
        if number > start and any(row):
            reader.read(number, row)
    if not built.themes:
        problems.at(table, start or 1, None, _("the table holds no norms"))


class _NormRows:
    """The rows of the norms' sheet, read top to bottom: a theme title starts a theme (an empty
    one repeats the one above), a norm id a norm, a criterion id a criterion of that norm."""

    def __init__(
        self, table: Table, columns: dict[str, int], built: Built, problems: _Problems
    ) -> None:
        self.table, self.columns, self.built, self.problems = table, columns, built, problems
        self.seen: set[str] = set()
        self.theme: dict[str, Any] | None = None
        self.norm: dict[str, Any] | None = None
        self.row: list[str] = []
        self.number = 0

    def get(self, key: str) -> str:
        index = self.columns.get(key)
        return self.row[index] if index is not None and index < len(self.row) else ""

    def refuse(self, key: str | None, message: str) -> None:
        column = self.columns.get(key) if key is not None else None
        self.problems.at(self.table, self.number, column, message)

    def read(self, number: int, row: list[str]) -> None:
        self.number, self.row = number, row
        title, norm_id, criterion_id = self.get("theme"), self.get("norm"), self.get("criterion")
        if title and (self.theme is None or title != self.theme["title"]):
            self._theme(title)
        if norm_id and not self._norm(norm_id):
            return
        if criterion_id:
            self._criterion(criterion_id)
        elif not norm_id and not title:
            self.refuse(None, _("a row without a norm or a criterion"))

    def _theme(self, title: str) -> None:
        theme_id = self.get("theme_id") or slug(title)
        self.theme = next((t for t in self.built.themes if t["id"] == theme_id), None)
        if self.theme is None:
            self.theme = {"id": theme_id, "title": title, "norms": []}
            self.built.themes.append(self.theme)

    def _norm(self, norm_id: str) -> bool:
        """False when the row is refused."""
        if self.theme is None:
            self.refuse("theme", _("a norm needs a theme"))
            return False
        if not _id_ok(norm_id) or norm_id in self.seen:
            self.refuse("norm", _unusable(norm_id))
            return False
        self.seen.add(norm_id)
        text = self.get("text")
        if not text:
            self.refuse("text", _("norm {id} has no text").format(id=norm_id))
        self.norm = {"id": norm_id, "text": text, "criteria": []}
        if self.get("short"):
            self.norm["short"] = self.get("short")
        self.theme["norms"].append(self.norm)
        column = self.columns.get("questions")
        cell = self.get("questions")
        _questions(cell, norm_id, self.built, self.table, self.number, column, self.problems)
        return True

    def _criterion(self, criterion_id: str) -> None:
        if self.norm is None:
            message = _("criterion {id} stands above every norm").format(id=criterion_id)
            self.refuse("criterion", message)
            return
        full = criterion_id if "." in criterion_id else f"{self.norm['id']}.{criterion_id}"
        if not _id_ok(full) or full in self.seen:
            self.refuse("criterion", _unusable(full))
            return
        self.seen.add(full)
        text = self.get("criterion_text")
        if not text:
            key = "criterion_text" if "criterion_text" in self.columns else "criterion"
            self.refuse(key, _("criterion {id} has no text").format(id=full))
        self.norm["criteria"].append({"id": full, "text": text})


def _questions(
    cell: str,
    norm_id: str,
    built: Built,
    table: Table,
    row: int,
    column: int | None,
    problems: _Problems,
) -> None:
    for part in re.split(r"[;\n]", cell):
        if not part.strip():
            continue
        match = _QUESTION.match(part)
        if match is None:
            problems.at(
                table,
                row,
                column,
                _("'{text}' is not 'OV1: question' or 'OV1'").format(text=part.strip()),
            )
            continue
        qid, text = match.group(1), (match.group(2) or "").strip()
        question = built.questions.setdefault(qid, {"id": qid, "text": "", "norms": []})
        if text and question["text"] and text != question["text"]:
            problems.at(table, row, column, _("question {id} has two texts").format(id=qid))
        question["text"] = question["text"] or text
        if norm_id not in question["norms"]:
            question["norms"].append(norm_id)


def _scale(table: Table | None, built: Built, problems: _Problems) -> None:
    if table is None:
        built.levels = [dict(level) for level in DEFAULT_LEVELS]
        built.default_scale = True
        return
    start, columns = _header(table, _SCALE_ALIASES, problems)
    for needed in ("code", "label", "meets"):
        if needed not in columns:
            problems.at(
                table,
                start or 1,
                None,
                _("the header row has no column '{column}'").format(
                    column=_SCALE_ALIASES[needed][0]
                ),
            )
    if problems.found:
        return
    for number, row in table.rows:
        if number <= start or not any(row):
            continue
        level = _level(table, number, row, columns, problems)
        if level is not None:
            built.levels.append(level)
    if not built.levels and not problems.found:
        problems.at(table, start or 1, None, _("the scale has no levels"))


def _level(
    table: Table, number: int, row: list[str], columns: dict[str, int], problems: _Problems
) -> dict[str, Any] | None:
    """The level of one row of the scale; None when the row is refused. A bad value is
    refused, the level kept without it."""
    cells = {key: (row[i] if i < len(row) else "") for key, i in columns.items()}
    meets = cells["meets"].casefold()
    if meets not in _YES | _NO:
        problems.at(table, number, columns["meets"], _("voldaan is 'ja' or 'nee'"))
        return None
    level: dict[str, Any] = {
        "code": cells["code"],
        "label": cells["label"],
        "meets": meets in _YES,
    }
    if cells.get("value"):
        try:
            level["value"] = float(cells["value"].replace(",", "."))
        except ValueError:
            problems.at(table, number, columns["value"], _("waarde is a number"))
    if cells.get("color"):
        level["color"] = cells["color"]
    return level


def build(path: Path, scale: Path | None = None) -> tuple[Built, list[Diagnostic]]:
    """The framework of the table at `path`; its scale from `scale` (a table of its own) when
    given, else from the sheet `Schaal`, else the default levels."""
    problems = _Problems(str(path))
    tables = read_tables(path)
    sheet = tables["scale"]
    if scale is not None and sheet is not None:
        raise UsageError(
            _("{table} has a sheet '{sheet}' and --scale gives {scale}: give the scale once, in "
              "one of the two").format(table=path, sheet=sheet.sheet, scale=scale)
        )  # fmt: skip
    norms = tables["norms"]
    built = Built()
    _question_list(tables["questions"], built, problems)
    if norms is None:
        problems.found.append(
            Diagnostic(str(path), 0, 0, Severity.error, "framework-table", _("no sheet with norms"))
        )
        return built, problems.found
    _norms(norms, built, problems)
    for question in built.questions.values():
        if not question["text"]:
            problems.at(
                norms,
                1,
                None,
                _("question {id} is named but never given a text as '{id}: question'").format(
                    id=question["id"]
                ),
            )
    if scale is None:
        _scale(sheet, built, problems)
        return built, problems.found
    own = _Problems(str(scale))  # the scale's problems are placed in its own file
    _scale(read_scale(scale), built, own)
    return built, problems.found + own.found


def framework_yaml(built: Built, *, fid: str, version: str, title: str, origin: str) -> str:
    """The framework file: an ordinary framework, as one would write it by hand."""
    out = [
        f"# Made by 'normtoets new framework --from {origin}'; from now on this file is the",
        "# normenkader: edit it here, not in the table.",
        f"id: {quote(fid)}",
        f"version: {quote(version)}",
        f"title: {quote(title)}",
        "scale:",
        "  levels:",
    ]
    for level in built.levels:
        parts = [
            f"code: {quote(level['code'])}",
            f"label: {quote(level['label'])}",
            f"meets: {'true' if level['meets'] else 'false'}",
        ]
        if "value" in level:
            value = level["value"]
            parts.append(f"value: {int(value) if float(value).is_integer() else value}")
        if "color" in level:
            parts.append(f"color: {quote(level['color'])}")
        out.append("    - {" + ", ".join(parts) + "}")
    out += [
        "  not_assessed: {code: nb, label: niet beoordeeld}",
        "  not_applicable: {code: nvt, label: niet van toepassing}",
        "themes:",
    ]
    for theme in built.themes:
        out += [
            f"  - id: {quote(theme['id'])}",
            f"    title: {quote(theme['title'])}",
            "    norms:",
        ]
        for norm in theme["norms"]:
            out.append(f"      - id: {quote(norm['id'])}")
            if "short" in norm:
                out.append(f"        short: {quote(norm['short'])}")
            out.append(f"        text: {quote(norm['text'])}")
            if norm["criteria"]:
                out.append("        criteria:")
                out += [
                    f"          - {{id: {quote(c['id'])}, text: {quote(c['text'])}}}"
                    for c in norm["criteria"]
                ]
    if built.questions:
        out.append("research_questions:")
        for q in built.questions.values():
            out += [
                f"  - id: {quote(q['id'])}",
                f"    text: {quote(q['text'])}",
                f"    norms: [{', '.join(quote(n) for n in q['norms'])}]",
            ]
    return "\n".join(out) + "\n"
