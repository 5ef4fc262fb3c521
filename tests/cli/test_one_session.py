"""One run, one loading session: each file parsed and rule-checked once, and the warnings of
the files used reach stderr in every command, once."""

import shutil
from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO, STUDY
from normtoets import rules
from normtoets.loading import session as session_module

LATER = REPO / "examples" / "doorwerking" / "duiven-2022.yaml"


@pytest.fixture
def counted(monkeypatch):  # type: ignore[no-untyped-def]
    parsed: Counter[str] = Counter()
    checked: Counter[str] = Counter()
    real_read, real_run = session_module.read, rules.run

    def read(path: Path, name: str | None = None):  # type: ignore[no-untyped-def]
        parsed[str(Path(path).resolve())] += 1
        return real_read(path, name)

    def run(context, doc):  # type: ignore[no-untyped-def]
        checked[Path(doc.name).name] += 1
        return real_run(context, doc)

    monkeypatch.setattr(session_module, "read", read)
    monkeypatch.setattr(session_module.rules, "run", run)
    return parsed, checked


def test_report_since_parses_and_checks_each_file_once(run, counted, tmp_path: Path) -> None:
    parsed, checked = counted
    result = run(
        "report", LATER, "--since", STUDY / "duiven.yaml", "--html", "-o", tmp_path / "r.html"
    )
    assert result.exit_code == 0, result.output
    assert parsed[str(LATER)] == 1 and parsed[str(STUDY / "duiven.yaml")] == 1
    assert max(parsed.values()) == 1, parsed
    assert checked["duiven-2022.yaml"] == 1 and checked["duiven.yaml"] == 1


def with_a_warning(tmp_path: Path) -> Path:
    """A copy of the bundled study with a warning: it cites every source it lists, so the copy
    leaves one uncited (unused-source)."""
    study = tmp_path / "study"
    shutil.copytree(STUDY, study)
    duiven = study / "duiven.yaml"
    duiven.write_text(duiven.read_text().replace(" [@casuistiek-goed-voor-elkaar]", ""))
    return study


def test_compare_shows_the_warnings_validate_shows(run, tmp_path: Path) -> None:
    study = with_a_warning(tmp_path)
    warned = [line for line in run("validate", study).stdout.splitlines() if ": warning [" in line]
    assert warned
    result = run("compare", study)
    assert result.exit_code == 0
    for line in warned:
        assert result.stderr.count(line) == 1, line


def test_report_since_shows_each_warning_once(run, tmp_path: Path) -> None:
    since = with_a_warning(tmp_path) / "duiven.yaml"
    result = run("report", LATER, "--since", since, "--html", "-o", tmp_path / "r.html")
    assert result.exit_code == 0
    lines = [line for line in result.stderr.splitlines() if ": warning [" in line]
    assert lines and len(lines) == len(set(lines))
