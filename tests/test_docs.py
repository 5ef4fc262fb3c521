"""The README is short and opens with the two commands; the handbook documents everything a
user can type or see, and its reference pages are what the code makes."""

import re
import subprocess
import sys
from pathlib import Path

import typer

from normtoets import rules
from normtoets.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference"
CLI_PAGE = (REFERENCE / "cli.md").read_text(encoding="utf-8")
CODES_PAGE = (REFERENCE / "rule-codes.md").read_text(encoding="utf-8")
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


def test_readme_is_a_map_not_the_manual() -> None:
    assert len(README.splitlines()) <= 150


def test_readme_and_handbook_links_lead_to_files() -> None:
    for page in [ROOT / "README.md", *DOCS.rglob("*.md")]:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if "://" in target:
                continue
            assert (page.parent / target).exists(), f"{page.relative_to(ROOT)}: {target}"


def test_every_page_is_in_the_handbooks_contents() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in DOCS.rglob("*.md"):
        assert str(page.relative_to(DOCS)) in nav, page


def commands(group, prefix: str = "normtoets"):  # type: ignore[no-untyped-def]
    for name, sub in group.commands.items():
        if hasattr(sub, "commands"):
            yield from commands(sub, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", sub


def test_every_command_and_option_has_its_reference() -> None:
    found = list(commands(typer.main.get_command(app)))
    assert len(found) >= 8
    detail = (REFERENCE / "commands.md").read_text(encoding="utf-8")
    for name, command in found:
        assert f"## `{name}" in CLI_PAGE, name
        assert name in detail, f"{name} has no section in Commands in detail"
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert f"`{opt}`" in CLI_PAGE, f"{name} {opt}"


def test_every_code_has_its_reference() -> None:
    codes = {rule.CODE for rule in [*rules.RULES, *rules.STUDY_RULES]}
    for code in codes:
        assert f"## `{code}`" in CODES_PAGE, code
    for code in LOADER_CODES | CROSS_FILE_CODES:
        assert f"`{code}`" in CODES_PAGE, code


def test_reference_pages_are_what_the_code_makes() -> None:
    """tools/reference.py writes docs/reference/cli.md and rule-codes.md; run it after changing
    a command, an option, its help or a rule."""
    check = [sys.executable, str(ROOT / "tools" / "reference.py"), "--check"]
    result = subprocess.run(check, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
