"""A run computes what it prints: no earlier run's output is ever replayed (issue: a kept result
said "geen problemen" for a file reached through a symlink after the file broke)."""

import shutil
from pathlib import Path

from conftest import STUDY, Run


def test_validate_through_a_symlinked_path_sees_the_file_as_it_is_now(tmp_path: Path) -> None:
    real = tmp_path / "real"
    shutil.copytree(STUDY, real)
    (real / "sub").mkdir()
    (tmp_path / "lk").mkdir()
    (tmp_path / "lk" / "sub").symlink_to(real / "sub")
    name = "lk/sub/../duiven.yaml"  # the kernel reads real/duiven.yaml
    run = Run(tmp_path)
    first = run("validate", name, "--norms", STUDY.parents[1] / "norms")
    assert first.exit_code == 0, first.output
    path = real / "duiven.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('score: "++"', 'score: "+++"', 1))
    again = run("validate", name, "--norms", STUDY.parents[1] / "norms")
    assert again.exit_code == 1
    assert "[invalid-score]" in again.stdout


def test_no_option_or_variable_of_a_result_cache_is_left() -> None:
    result = Run(STUDY)("validate", "--help")
    assert "--no-cache" not in result.stdout
    src = Path(__file__).resolve().parents[2] / "src" / "normtoets"
    assert not [p for p in src.rglob("*.py") if "NORMTOETS_CACHE" in p.read_text()]
