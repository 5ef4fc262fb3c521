"""Strip the noise pybabel writes into a .po header: dates, placeholders, its own version.

`make catalog` runs it after `pybabel update`, so that running the target again on unchanged
code leaves the catalog byte for byte as it was. Usage: python tools/clean_po_header.py FILE.po
"""

import re
import sys
from pathlib import Path

# Header fields that change on every run or hold only pybabel's placeholders.
DROPPED = (
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Report-Msgid-Bugs-To",
    "Generated-By",
)
_FIELD = re.compile(r'^"(?P<name>[A-Za-z-]+):\s*(?P<value>.*)\\n"$')


def clean(text: str) -> str:
    head, separator, rest = text.partition("\n\n")  # the header entry ends at the first blank
    lines = []
    for line in head.splitlines():
        field = _FIELD.match(line)
        if field and field["name"] in DROPPED:
            continue
        if field and field["name"] == "Project-Id-Version":
            line = '"Project-Id-Version: normtoets\\n"'
        lines.append(line)
    return "\n".join(lines) + separator + rest


def main(paths: list[str]) -> None:
    for name in paths:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        cleaned = clean(text)
        if cleaned != text:
            path.write_text(cleaned, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
