"""Help speaks the command line's language: metavars, not Python types; summaries whole."""

import re

import pytest

COMMANDS = [
    [], ["validate"], ["compare"], ["diff"], ["report"], ["status"], ["score"], ["frameworks"],
    ["schema"], ["new"], ["new", "study"], ["new", "assessment"],
]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "normtoets")
def test_help_shows_no_python_types(run, command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert not re.search(r"<[a-z_]+(\[[^\]]*\])?>|\{[a-z_.]+\}|list\[|Path\]", text), text
    assert "…" not in text
    assert "..." not in text.replace("PATH...", "").replace("[ARGS]...", ""), text
