"""Diagnostics as text lines (`file:line:col: severity [code] message`) or a JSON list."""

import json
from collections import Counter

from rich.console import Console
from rich.text import Text

from normtoets.core.controlchars import visible
from normtoets.core.diagnostics import Diagnostic, Severity
from normtoets.core.i18n import _, ngettext

STYLES = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}


def _counted(severity: Severity, count: int) -> str:
    if severity is Severity.error:
        return ngettext("{count} error", "{count} errors", count).format(count=count)
    if severity is Severity.warning:
        return ngettext("{count} warning", "{count} warnings", count).format(count=count)
    return ngettext("{count} info", "{count} infos", count).format(count=count)


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    """'2 errors, 1 warning in 1 file'. The lines above it keep the severity as the stable
    word (error, warning, info) that editors and CI match, like the code."""
    counts = Counter(d.severity for d in diagnostics)
    parts = [_counted(s, counts[s]) for s in Severity if counts[s]]
    found = ", ".join(parts) if parts else _("no problems")
    in_files = ngettext("{count} file", "{count} files", files).format(count=files)
    return _("{problems} in {files}").format(problems=found, files=in_files)


def render_text(console: Console, diagnostics: list[Diagnostic], files: int) -> None:
    for d in diagnostics:
        # File names and messages can quote the data: escape what a terminal would obey.
        # A workbook's cell is its place ('werk.xlsx:Duiven!C7'): no line and column.
        place = f"{d.file}:{d.line}:{d.column}" if d.line else d.file
        line = Text(f"{visible(place)}: ", style="bold")
        line.append(d.severity.value, style=STYLES[d.severity])
        line.append(visible(f" [{d.code}] {d.message}"))
        if d.hint:
            line.append(visible(f" ({d.hint})"), style="dim")
        console.print(line, soft_wrap=True, highlight=False)
    console.print(Text(summary(diagnostics, files)), highlight=False)


def render_json(diagnostics: list[Diagnostic]) -> str:
    return json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2)
