"""The command line itself: help, version, text output, exit codes, internal errors."""

from pathlib import Path

import pytest

from conftest import ACCEPTANCE
from normtoets import __version__

CASE = ACCEPTANCE / "bad" / "invalid-score.yaml"
NORMS = ACCEPTANCE / "norms"


def test_help_lists_commands(run) -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "validate" in result.stdout


def test_version(run) -> None:
    assert run("--version").stdout.strip() == f"normtoets {__version__}"


def test_text_format_is_one_line_per_problem(run) -> None:
    result = run("validate", "--norms", NORMS, CASE, env={"NO_COLOR": "1"})
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "tests/acceptance/bad/invalid-score.yaml:21:12: error [invalid-score] score '- -' is not "
        "in the scale ('++', '+', '-', '--', 'nb', 'nvt') (did you mean '--'?)"
    )
    assert lines[-1] == "1 error in 1 file"
    assert "\x1b[" not in result.stdout
    assert result.exit_code == 1


def test_clean_run_says_so(run) -> None:
    result = run("validate", "--norms", NORMS, ACCEPTANCE / "good")
    assert result.stdout.strip() == "no problems in 3 files"
    assert result.exit_code == 0


def test_no_paths_and_no_folders_is_a_usage_error(tmp_path: Path) -> None:
    from conftest import Run

    result = Run(tmp_path)("validate")
    assert result.exit_code == 2
    assert "no ./norms or ./assessments" in result.stderr


@pytest.fixture
def broken_validate(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret finding text")

    monkeypatch.setattr("normtoets.loading.validate.validate", explode)


def test_internal_error_has_no_traceback(run, broken_validate: None) -> None:
    result = run("validate", CASE)
    assert result.exit_code == 3
    assert "internal error" in result.stderr
    assert "Traceback" not in result.stderr


def test_internal_error_traceback_with_debug(run, broken_validate: None, capsys) -> None:
    result = run("--debug", "validate", CASE)
    assert result.exit_code == 3
    assert "Traceback" in capsys.readouterr().err + result.stderr
