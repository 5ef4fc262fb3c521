"""The scoring workbook's layout, shared by export and import: which column holds what, which
cells a researcher may edit, and the hidden sheet that records what was exported."""

import hashlib
from dataclasses import dataclass

META_SHEET = "normtoets"  # hidden: the files, their hashes and the values at export
OVERVIEW_SHEET = "Overzicht"
MARK = "normtoets-export"
# 2: every cell that is not editable is recorded (a digest of what export wrote), so import
# names any other edit at its cell, the overview's included.
LAYOUT_VERSION = "2"
CHUNK = 30_000  # characters per meta cell (a cell holds 32,767)


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # Dutch: the workbook is a document for the team, like the report
    width: float
    editable: bool
    norm_only: bool = False  # recorded per norm, not per criterion


COLUMNS = (
    Column("id", "Id", 9, editable=False),
    Column("text", "Norm / deelcriterium", 48, editable=False),
    Column("score", "Score", 9, editable=True),
    Column("finding", "Bevinding", 60, editable=True),
    Column("scored_by", "Gescoord door", 16, editable=True, norm_only=True),
    Column("reviewed_by", "Gereviewd door", 16, editable=True, norm_only=True),
    Column("motivation", "Motivering", 36, editable=True, norm_only=True),
    Column("evidence", "Bewijs (bron, vindplaats, citaat)", 60, editable=False),
)
EDITABLE = tuple(c.key for c in COLUMNS if c.editable)
LETTERS = {c.key: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}
THEME_ROW = ""  # the id column of a theme's heading row


def sheet_name(name: str, taken: set[str]) -> str:
    """A municipality's name as a sheet name: at most 31 characters, none of []:*?/\\, unique."""
    cleaned = "".join("_" if char in "[]:*?/\\" else char for char in name).strip("'") or "blad"
    base = cleaned[:31]
    candidate, number = base, 2
    while candidate.casefold() in taken or candidate.casefold() in {
        META_SHEET.casefold(),
        OVERVIEW_SHEET.casefold(),
    }:
        suffix = f" ({number})"
        candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.casefold())
    return candidate


def cell_digest(text: str | None) -> str | None:
    """What import compares to see that a cell it does not read is as export wrote it."""
    if not text:
        return None
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def column_letter(index: int) -> str:
    """The spreadsheet letters of a 0-based column index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
