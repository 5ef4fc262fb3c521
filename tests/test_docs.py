"""Everything a user can type or see is documented in the README."""

import re
from pathlib import Path

import typer

from normtoets import rules
from normtoets.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()
LOADER_CODES = {
    "encoding", "empty-file", "file-too-large", "yaml-syntax", "multiple-documents", "alias",
    "too-deep", "too-many-items", "yaml-tag", "duplicate-key", "unreadable",
    "too-many-norms", "too-many-criteria",
    "missing-field", "unknown-field", "wrong-type", "invalid-value",
}  # fmt: skip
# Codes of checks across files, outside the rule modules.
CROSS_FILE_CODES = {
    "duplicate-framework", "rounds-out-of-order", "municipality-mismatch", "unknown-recommendation",
    "missing-follow-up",
}  # fmt: skip


def test_quick_start_is_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    assert block.group(1).strip().splitlines() == ["make demo", "make test"]


def commands(group, prefix: str = "normtoets"):  # type: ignore[no-untyped-def]
    for name, sub in group.commands.items():
        if hasattr(sub, "commands"):
            yield from commands(sub, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", sub


def test_every_command_and_option_is_documented() -> None:
    found = list(commands(typer.main.get_command(app)))
    assert len(found) >= 8
    for name, command in found:
        assert name in README, name
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert f"`{opt}" in README, f"{name} {opt}"


def test_every_code_is_documented() -> None:
    codes = {rule.CODE for rule in [*rules.RULES, *rules.STUDY_RULES]}
    for code in codes | LOADER_CODES | CROSS_FILE_CODES:
        assert f"`{code}`" in README, code
