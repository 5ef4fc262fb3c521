"""Diagnostics as text lines (`file:line:col: severity [code] message`) or a JSON list."""

import json
from collections import Counter

from rich.console import Console
from rich.text import Text

from normtoets.core.controlchars import visible
from normtoets.core.diagnostics import Diagnostic, Severity

STYLES = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    counts = Counter(d.severity for d in diagnostics)
    parts = [_plural(counts[s], s.value) for s in Severity if counts[s]]
    found = ", ".join(parts) if parts else "no problems"
    return f"{found} in {_plural(files, 'file')}"


def render_text(console: Console, diagnostics: list[Diagnostic], files: int) -> None:
    for d in diagnostics:
        # File names and messages can quote the data: escape what a terminal would obey.
        line = Text(f"{visible(d.file)}:{d.line}:{d.column}: ", style="bold")
        line.append(d.severity.value, style=STYLES[d.severity])
        line.append(visible(f" [{d.code}] {d.message}"))
        if d.hint:
            line.append(visible(f" ({d.hint})"), style="dim")
        console.print(line, soft_wrap=True, highlight=False)
    console.print(Text(summary(diagnostics, files)), highlight=False)


def render_json(diagnostics: list[Diagnostic]) -> str:
    return json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2)
