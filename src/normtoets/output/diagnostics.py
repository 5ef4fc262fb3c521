"""Diagnostics as text lines (`file:line:col: severity [code] message`) or a JSON list."""

# Deferred imports: rich — only a terminal gets colour; piped or JSON output starts without rich.

import json
import os
from collections import Counter
from typing import TextIO

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


def _parts(d: Diagnostic) -> tuple[str, str, str, str]:
    """Place, severity, code and message, hint: every text escaped where a terminal would obey
    it (file names and messages can quote the data). A workbook's cell is its place
    ('werk.xlsx:Duiven!C7'): no line and column."""
    place = f"{d.file}:{d.line}:{d.column}" if d.line else d.file
    hint = visible(f" ({d.hint})") if d.hint else ""
    return f"{visible(place)}: ", d.severity.value, visible(f" [{d.code}] {d.message}"), hint


def _styled(stream: TextIO) -> bool:
    """Colours for a terminal (or when FORCE_COLOR asks); plain lines, written without rich,
    for a pipe or a file: the same text, and the common case of a script or an editor costs
    no terminal library."""
    return bool(os.environ.get("FORCE_COLOR")) or stream.isatty()


def render_text(stream: TextIO, diagnostics: list[Diagnostic], files: int) -> None:
    if not _styled(stream):
        for d in diagnostics:
            stream.write("".join(_parts(d)) + "\n")
        stream.write(summary(diagnostics, files) + "\n")
        stream.flush()
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream)
    for d in diagnostics:
        place, severity, message, hint = _parts(d)
        line = Text(place, style="bold")
        line.append(severity, style=STYLES[d.severity])
        line.append(message)
        if hint:
            line.append(hint, style="dim")
        console.print(line, soft_wrap=True, highlight=False)
    console.print(Text(summary(diagnostics, files)), highlight=False)


def render_json(diagnostics: list[Diagnostic]) -> str:
    return json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2)
