import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

# The suite runs in English, the source text, so that its assertions read as the code does;
# tests of the Dutch default and of the choice of language set the variable themselves. Set
# before normtoets is imported: the help texts are translated when the commands are defined.
os.environ["LANGUAGE"] = "en"

from normtoets.cli import app

REPO = Path(__file__).resolve().parents[1]
ACCEPTANCE = REPO / "tests" / "acceptance"
STUDY = REPO / "assessments" / "integraal-werken-sociaal-domein"
GOLDEN = REPO / "tests" / "golden"


def golden(name: str, actual: str, folder: Path = GOLDEN) -> None:
    """The one golden-file check: `actual` equals folder/NAME. `UPDATE_GOLDEN=1 pytest` writes
    the file instead; review the change with `git diff` before you commit it."""
    path = folder / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"{path} missing: run UPDATE_GOLDEN=1 pytest"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


class Run:
    """The CLI as a user runs it, in a chosen folder; stdout and stderr kept apart."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd

    def __call__(self, *args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        runner = CliRunner()
        with pytest.MonkeyPatch.context() as mp:
            mp.chdir(self.cwd)
            return runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in English, whatever an earlier one set."""
    monkeypatch.setenv("LANGUAGE", "en")


DUTCH = {"LANGUAGE": "nl"}  # env= for a run in the default language


@pytest.fixture
def run() -> Run:
    """Runs in the repository root, like the README's commands."""
    return Run(REPO)


@pytest.fixture
def run_in(tmp_path: Path) -> Callable[[Path], Run]:
    return Run


def diagnostics_of(result) -> list[dict]:  # type: ignore[no-untyped-def]
    return json.loads(result.stdout)
