"""validate, status and compare reuse an earlier run's output only while nothing it depends on
has changed: every test here changes one thing and expects exactly a fresh run's output."""

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import ACCEPTANCE, DUTCH, REPO, STUDY
from normtoets.loading import validate as validate_module


@pytest.fixture
def study(tmp_path: Path) -> Path:
    folder = tmp_path / "study"
    shutil.copytree(STUDY, folder)
    return folder


@pytest.fixture
def cache() -> Path:
    return Path(os.environ["NORMTOETS_CACHE_DIR"]) / "results"


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.json")) if cache.is_dir() else []


def outcome(result) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    return result.exit_code, result.stdout, result.stderr


def fresh(run_in, folder: Path, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    return outcome(run_in(folder)(*args, "--no-cache"))


def no_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the files were read again")

    monkeypatch.setattr(validate_module, "validate", refuse)


def test_a_repeated_validate_prints_the_kept_output_without_reading_the_files(
    run_in, study: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = outcome(run_in(study.parent)("validate", "study"))
    assert len(entries(cache)) == 1
    no_loading(monkeypatch)
    assert outcome(run_in(study.parent)("validate", "study")) == first


def test_no_cache_neither_reads_nor_keeps(run_in, study: Path, cache: Path) -> None:
    fresh(run_in, study.parent, "validate", "study")
    assert entries(cache) == []


def test_an_edited_file_is_read_again(run_in, study: Path) -> None:
    run = run_in(study.parent)
    before = outcome(run("validate", "study"))
    duiven = study / "duiven.yaml"
    duiven.write_text(duiven.read_text().replace('score: "++"', 'score: "+++"', 1))
    after = outcome(run("validate", "study"))
    assert after != before
    assert after[0] == 1 and "invalid-score" in after[1]
    assert after == fresh(run_in, study.parent, "validate", "study")


def test_a_new_file_in_the_folder_is_read(run_in, study: Path) -> None:
    run = run_in(study.parent)
    run("validate", "study")
    shutil.copy(ACCEPTANCE / "bad" / "invalid-score.yaml", study / "extra.yaml")
    after = outcome(run("validate", "study"))
    assert "extra.yaml" in after[1]
    assert after == fresh(run_in, study.parent, "validate", "study")


def test_a_source_file_that_appears_is_read(run_in, study: Path) -> None:
    run = run_in(study.parent)
    before = outcome(run("validate", "study"))
    missing = "000_e4af09980460e3c8.txt"
    assert missing in before[1]
    (study / missing).write_text("Leermomenten.\n", encoding="utf-8")
    after = outcome(run("validate", "study"))
    assert after != before
    assert after == fresh(run_in, study.parent, "validate", "study")


def test_a_framework_folder_is_looked_at_again(run_in, study: Path) -> None:
    norms = study.parent / "extra-norms"
    norms.mkdir()
    run = run_in(study.parent)
    args = ("validate", "study", "--norms", "extra-norms")
    before = outcome(run(*args))
    broken = norms / "eigen.yaml"
    broken.write_text("themes: [\n", encoding="utf-8")
    added = outcome(run(*args))
    assert added != before and "eigen.yaml" in added[1]
    broken.write_text("themes: []\n", encoding="utf-8")
    edited = outcome(run(*args))
    assert edited != added
    assert edited == fresh(run_in, study.parent, *args)


def test_the_language_is_part_of_the_key(run_in, study: Path) -> None:
    run = run_in(study.parent)
    english = outcome(run("validate", "study"))
    dutch = outcome(run("validate", "study", env=DUTCH))
    assert "meldingen" in dutch[1] and dutch != english


def test_options_are_part_of_the_key(run_in, study: Path) -> None:
    run = run_in(study.parent)
    table = outcome(run("compare", "study"))
    as_json = outcome(run("compare", "study", "--format", "json"))
    assert as_json != table and json.loads(as_json[1])


def test_errors_replay_with_their_exit_code_and_stderr(run_in, tmp_path: Path) -> None:
    shutil.copy(ACCEPTANCE / "bad" / "invalid-score.yaml", tmp_path / "a.yaml")
    run = run_in(tmp_path)
    first = outcome(run("compare", "a.yaml"))
    assert first[0] == 1 and first[2]
    assert outcome(run("compare", "a.yaml")) == first


def test_a_written_output_file_is_not_kept(run_in, study: Path, cache: Path) -> None:
    run = run_in(study.parent)
    run("compare", "study", "--format", "csv", "--output", "out.csv")
    run("status", "study", "--output", "status.json", "--format", "json")
    assert entries(cache) == []


def test_a_damaged_entry_is_ignored_and_replaced(run_in, study: Path, cache: Path) -> None:
    run = run_in(study.parent)
    first = outcome(run("validate", "study"))
    for damage in (
        b"",
        b"{not json",
        b'{"observations": 3}',
        b"\xff\xfe",
        json.dumps({"observations": [], "stdout": "forged\n", "stderr": "", "exit": "0"}).encode(),
    ):
        (entry,) = entries(cache)
        entry.write_bytes(damage)
        assert outcome(run("validate", "study")) == first


def test_an_unusable_cache_folder_only_costs_time(
    run_in, study: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    monkeypatch.setenv("NORMTOETS_CACHE_DIR", str(blocked))
    run = run_in(study.parent)
    assert outcome(run("validate", "study")) == fresh(run_in, study.parent, "validate", "study")
    assert blocked.read_text() == ""


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX owners and modes")
def test_a_folder_others_can_write_is_not_trusted(
    run_in, study: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = run_in(study.parent)
    first = outcome(run("validate", "study"))
    (entry,) = entries(cache)
    forged = json.loads(entry.read_text())
    forged["stdout"] = "0 problems\n"
    entry.write_text(json.dumps(forged))
    cache.chmod(0o777)
    assert outcome(run("validate", "study")) == first


def test_the_cache_can_be_turned_off(
    run_in, study: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NORMTOETS_NO_CACHE", "1")
    run_in(study.parent)("validate", "study")
    assert entries(cache) == []


@pytest.mark.parametrize("name", sorted(p.name for p in (ACCEPTANCE / "bad").glob("*.yaml")))
def test_a_kept_run_equals_a_fresh_one_for_every_bad_file(run_in, name: str) -> None:
    run = run_in(ACCEPTANCE / "bad")
    first, again = outcome(run("validate", name)), outcome(run("validate", name))
    assert first == again == fresh(run_in, ACCEPTANCE / "bad", "validate", name)


def test_the_bundled_study_compares_the_same_from_the_cache(run) -> None:  # type: ignore[no-untyped-def]
    first = outcome(run("compare", STUDY, "--criteria", "--lessons"))
    assert outcome(run("compare", STUDY, "--criteria", "--lessons")) == first
    assert first == fresh(lambda _: run, REPO, "compare", str(STUDY), "--criteria", "--lessons")
