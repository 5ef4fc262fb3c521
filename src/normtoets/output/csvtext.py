"""Every CSV file normtoets writes, written one way: safe to open in a spreadsheet program.

Excel and LibreOffice read a field that starts with `=`, `+`, `-` or `@` as a formula and run it
when the file is opened (`=HYPERLINK("http://…"&A1,"klik")` sends a cell's content away). As
OWASP's "CSV Injection" page advises, such a field, and one starting with a tab or a carriage
return, gets a leading apostrophe, which spreadsheet programs show and never evaluate. Two kinds
of field keep their first character, because no program reads them as a formula and a reader
needs them as they are: a score made of plus and minus signs only (`+`, `-`, `--`), and a plain
number (`-0,125`).
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_INERT = re.compile(r"[+-]+|[+-]?\d+(?:[.,]\d+)*%?")


def neutralised(value: Any) -> str:
    """The field as text that no spreadsheet program evaluates."""
    text = "" if value is None else str(value)
    if text.startswith(_TRIGGERS) and not _INERT.fullmatch(text):
        return "'" + text
    return text


def csv_text(rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([neutralised(value) for value in row])
    return buffer.getvalue()
