"""Write the reference pages that are made from the code, so they cannot drift from it:
docs/reference/cli.md (every command and option with its help text) and
docs/reference/rule-codes.md (every rule module's code, severity and documentation, then the
codes of loading and of the checks across files, from tools/reference_codes.md).

    python tools/reference.py          # write them
    python tools/reference.py --check  # exit 1 when a page is not what the code makes

tests/test_docs.py runs the check.
"""

import inspect
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "docs" / "reference"


def _commands(group, prefix):  # type: ignore[no-untyped-def]
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", command


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def cli_page() -> str:
    import typer

    from normtoets.cli import app

    lines = [
        "# Command line",
        "",
        "Generated from the code by `tools/reference.py`: every command and option of",
        "`normtoets`, with the help text it prints (`normtoets COMMAND --help`). What each",
        "command does in full is in [Commands in detail](commands.md).",
        "",
    ]
    group = typer.main.get_command(app)
    for name, command in [("normtoets", group), *_commands(group, "normtoets")]:
        arguments = " ".join(
            (p.metavar or p.name or "").upper()
            for p in command.params
            if p.param_type_name != "option"
        )
        if command is group:
            arguments = "COMMAND …"
        lines += [
            f"## `{name}{' ' + arguments if arguments else ''}`",
            "",
            _cell(command.help or ""),
            "",
        ]
        options = [p for p in command.params if p.param_type_name == "option"]
        if options:
            lines += ["| option | value | meaning |", "|---|---|---|"]
            for option in options:
                names = ", ".join(f"`{o}`" for o in [*option.opts, *option.secondary_opts])
                metavar = _cell(option.metavar or option.type.name.upper())
                value = "" if option.is_flag else f"`{metavar}`"
                lines.append(f"| {names} | {value} | {_cell(option.help or '')} |")
            lines.append("")
    return "\n".join(lines)


def rules_page() -> str:
    from normtoets import rules

    lines = [
        "# Rule codes",
        "",
        "Every diagnostic has a stable code. The rules below are generated from the code by",
        "`tools/reference.py`: each is one module in `src/normtoets/rules/`, and its docstring",
        "is its documentation (`rules/own_text_references.py` reports three codes). The codes",
        "of loading and of the checks across files follow them.",
        "",
    ]
    for rule in sorted([*rules.RULES, *rules.STUDY_RULES], key=lambda r: r.CODE):
        doc = inspect.cleandoc(rule.__doc__ or "")
        head, _, rest = doc.partition(": ")
        lines += [f"## `{rule.CODE}`", "", f"*{head.removeprefix(rule.CODE).strip(' ()')}*", ""]
        lines += [rest[:1].upper() + rest[1:], ""]
    lines += [
        "",
        (ROOT / "tools" / "reference_codes.md")
        .read_text(encoding="utf-8")
        .split("-->", 1)[1]
        .strip(),
        "",
    ]
    return "\n".join(lines)


def pages() -> dict[Path, str]:
    return {PAGES / "cli.md": cli_page(), PAGES / "rule-codes.md": rules_page()}


def main() -> int:
    os.environ["LANGUAGE"] = "en"  # the reference is English; set before the commands load
    check = "--check" in sys.argv
    stale = []
    for path, text in pages().items():
        if check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path.relative_to(ROOT)))
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("not what the code makes; run python tools/reference.py:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
