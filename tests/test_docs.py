"""Everything a user can type or see is documented in the README."""

import re
from pathlib import Path

import typer

from normtoets import rules
from normtoets.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()
LOADER_CODES = {
    "encoding", "empty-file", "file-too-large", "yaml-syntax", "multiple-documents", "alias",
    "too-deep", "yaml-tag", "duplicate-key", "unreadable",
    "missing-field", "unknown-field", "wrong-type", "invalid-value",
}  # fmt: skip


def test_quick_start_is_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    assert block.group(1).strip().splitlines() == ["make demo", "make test"]


def test_every_command_and_option_is_documented() -> None:
    command = typer.main.get_command(app)
    for name, sub in command.commands.items():  # type: ignore[attr-defined]
        assert f"normtoets {name}" in README, name
        for param in sub.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert f"`{opt}" in README, f"{name} {opt}"


def test_every_code_is_documented() -> None:
    for code in {rule.CODE for rule in rules.RULES} | LOADER_CODES:
        assert f"`{code}`" in README, code
