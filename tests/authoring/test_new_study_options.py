"""new study --unit, --research-by and --year: written into study.yaml only when given."""

from pathlib import Path

import pytest

from conftest import ACCEPTANCE, diagnostics_of

NORMS = ACCEPTANCE / "norms"


def _new_study(run, folder: Path, *options: str):  # type: ignore[no-untyped-def]
    return run("new", "study", folder, "--title", "Jeugdhulp", "--rekenkamer", "Rekenkamer Noord",
               "--municipality", "Provincie Noord", "--framework", "mini@1", "--norms", NORMS,
               *options)  # fmt: skip


def test_the_options_land_in_study_yaml_and_validate(run, tmp_path: Path) -> None:
    folder = tmp_path / "onderzoek"
    result = _new_study(run, folder, "--unit", "provincie", "--research-by", "Bureau X",
                        "--year", "2024")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    text = (folder / "study.yaml").read_text(encoding="utf-8")
    assert 'research_by: "Bureau X"\n' in text
    assert "year: 2024\n" in text
    assert 'unit: "provincie"\n' in text
    made = run("new", "assessment", folder, "--municipality", "Provincie Noord", "--norms", NORMS)
    assert made.exit_code == 0, made.stderr
    assert diagnostics_of(run("validate", "--norms", NORMS, "-f", "json", folder)) == []
    from normtoets.loading.session import Session
    from normtoets.models import Study

    study = Session([NORMS]).load(folder / "study.yaml").model
    assert isinstance(study, Study)
    assert (study.unit, study.research_by, study.year) == ("provincie", "Bureau X", 2024)
    assert study.units.plural == "provincies"


def test_a_unit_of_two_words(run, tmp_path: Path) -> None:
    folder = tmp_path / "gr"
    assert _new_study(run, folder, "--unit", "gemeenschappelijke regeling").exit_code == 0
    assert 'unit: "gemeenschappelijke regeling"\n' in (folder / "study.yaml").read_text()
    made = run("new", "assessment", folder, "--municipality", "Provincie Noord", "--norms", NORMS)
    assert made.exit_code == 0, made.stderr
    assert diagnostics_of(run("validate", "--norms", NORMS, "-f", "json", folder)) == []


def test_without_the_options_no_such_keys(run, tmp_path: Path) -> None:
    folder = tmp_path / "onderzoek"
    assert _new_study(run, folder).exit_code == 0
    keys = [line.split(":")[0] for line in (folder / "study.yaml").read_text().splitlines()]
    assert not {"unit", "research_by", "year"} & set(keys)


def test_an_unknown_unit_lists_the_allowed_ones(run, tmp_path: Path) -> None:
    folder = tmp_path / "onderzoek"
    result = _new_study(run, folder, "--unit", "land")
    assert result.exit_code == 2
    assert "'land'" in result.stderr
    for word in ["gemeente", "provincie", "waterschap", "gemeenschappelijke regeling", "scenario"]:
        assert word in result.stderr
    assert not (folder / "study.yaml").exists()


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--year", "1899"], "--year"),
        (["--year", "2101"], "--year"),
        (["--year", "twintig"], "--year"),
        (["--research-by", "Bureau\nX"], "--research-by holds a line break"),
        (["--research-by", "Bureau\x1b[31mX"], "--research-by holds a control character"),
    ],
)
def test_a_bad_year_or_name_is_a_usage_error(
    run, tmp_path: Path, options: list[str], words: str
) -> None:
    folder = tmp_path / "onderzoek"
    result = _new_study(run, folder, *options)
    assert result.exit_code == 2
    assert words in result.stderr
    assert not (folder / "study.yaml").exists()
