"""A rich table for a pipe or a file: as wide as it needs, plain, without trailing spaces.
rich lays a table out for 80 columns when it cannot ask a terminal, and cuts its cells."""

import io

from rich.console import Console
from rich.table import Table


def print_plain(console: Console, table: Table) -> None:
    wide = Console(file=io.StringIO(), width=100_000, color_system=None, highlight=False)
    wide.print(table)
    lines = wide.file.getvalue().splitlines()  # type: ignore[attr-defined]
    console.file.write("".join(line.rstrip() + "\n" for line in lines))
