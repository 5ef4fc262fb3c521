"""What the command line says to a new user: in Dutch by default (click's own messages too),
and pointing at the fix (issue: messages that mislead a new user)."""

import re
import shutil
from pathlib import Path

import pytest

from conftest import DUTCH, REPO, STUDY, Run

DOUBLE = REPO / "examples" / "dubbele-scoring"
ENGLISH_CLICK = ("Try '", "for help", "Missing argument", "No such option", "Usage:",
                 "[OPTIONS]", "Error:", "Invalid value", "requires an argument",
                 "does not take a value", "No such command", "Got unexpected")  # fmt: skip


@pytest.mark.parametrize(
    ("args", "dutch"),
    [
        (["compare"], "Argument 'PATH...' ontbreekt."),
        (["compare", "--format", "pdf", str(STUDY)], "'pdf' is niet een van"),
        (["compare", "-o"], "Optie '-o' heeft een waarde nodig."),
        (["compare", str(STUDY), "--lessons=3"], "Optie '--lessons' neemt geen waarde."),
        (["validate", "--strct"], "Onbekende optie: --strct"),
        (["comapre"], "Onbekende opdracht 'comapre'. Bedoelt u 'compare'"),
        (["new", "study", "x", "--year", "abc"], "'abc' is geen geheel getal"),
        (["compare", str(STUDY), "extra", "--nope"], "Onbekende optie: --nope"),
    ],
)
def test_click_speaks_dutch_by_default(run: Run, args: list[str], dutch: str) -> None:
    result = run(*args, env=DUTCH)
    assert result.exit_code == 2
    assert dutch in result.stderr
    assert "Fout: " in result.stderr
    assert not [words for words in ENGLISH_CLICK if words in result.stderr], result.stderr


def test_the_usage_line_and_hint_are_dutch(run: Run) -> None:
    result = run("compare", env=DUTCH)  # the runner calls the program 'root'
    assert "Gebruik: root compare [OPTIES] PATH..." in result.stderr
    assert "Zie 'root compare --help' voor hulp." in result.stderr
    assert "[OPTIES] OPDRACHT [ARGUMENTEN]..." in run("--help", env=DUTCH).stdout


def test_click_stays_english_in_english(run: Run) -> None:
    result = run("validate", "--strct")
    assert "Error: No such option: --strct (did you mean --sources, --strict?)" in result.stderr
    assert "Try 'root validate --help' for help." in result.stderr


def test_a_misspelled_option_of_score_is_no_score(run: Run, tmp_path: Path) -> None:
    """`--reviewd-by` was read as the score ('-' scores must reach the scale): now the nearest
    option is named, and the file is untouched."""
    path = tmp_path / "duiven.yaml"
    shutil.copy(STUDY / "duiven.yaml", path)
    before = path.read_bytes()
    result = run("score", path, "B4", "--reviewd-by", "Jan", env=DUTCH)
    assert result.exit_code == 2
    assert "Onbekende optie: --reviewd-by (bedoelt u --reviewed-by?)" in result.stderr
    assert path.read_bytes() == before
    assert run("score", path, "B4", "--", "--").exit_code == 0  # a score '--' still is one


def test_quote_without_evidence_says_they_go_together(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "duiven.yaml"
    shutil.copy(STUDY / "duiven.yaml", path)
    result = run("score", path, "B4", "--quote", "iets", env=DUTCH)
    assert result.exit_code == 2
    assert "--evidence en --quote horen bij elkaar" in result.stderr


def test_a_score_with_a_space_names_the_score_without(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "duiven.yaml"
    shutil.copy(STUDY / "duiven.yaml", path)
    result = run("score", path, "B4", "++ ", env=DUTCH)
    assert result.exit_code == 1
    assert "(zonder spaties: '++')" in result.stderr


def test_double_scoring_without_its_folder_is_named_by_validate(run: Run, tmp_path: Path) -> None:
    """Two raters' files in the study's own folder pass validate's error check but a
    comparison refuses them: validate warns, and both name the fix (double_scoring)."""
    for name in ("voorbeeldstad.a.yaml", "voorbeeldstad.b.yaml"):
        shutil.copy(DOUBLE / "dubbel" / name, tmp_path / name)
    study = (DOUBLE / "study.yaml").read_text(encoding="utf-8")
    (tmp_path / "study.yaml").write_text(study.replace("double_scoring: dubbel\n", ""),
                                         encoding="utf-8")  # fmt: skip
    checked = run("validate", tmp_path, env=DUTCH)
    assert checked.exit_code == 0
    assert "warning [duplicate-municipality]" in checked.stdout
    assert "double_scoring: MAP" in checked.stdout
    compared = run("compare", tmp_path, env=DUTCH)
    assert compared.exit_code == 1
    assert "double_scoring: MAP" in compared.stderr


def test_status_names_each_municipality_once(run: Run) -> None:
    table = run("status", DOUBLE, env=DUTCH).stdout
    assert table.count("Voorbeeldstad:") == 1
    assert "zonder bewijs: B1" in table and "niet gereviewd: B1" in table


def test_every_output_file_is_named_and_its_path_plain(run: Run, tmp_path: Path) -> None:
    a, b = DOUBLE / "dubbel" / "voorbeeldstad.a.yaml", DOUBLE / "dubbel" / "voorbeeldstad.b.yaml"
    out = tmp_path / "uit"
    out.mkdir()
    steps = [
        ["compare", STUDY, "-f", "csv"],
        ["compare", STUDY, "-f", "xlsx"],
        ["kengetallen", REPO / "examples" / "samen-sterk", "-f", "markdown"],
        ["agree", a, b, "-f", "markdown"],
        ["status", STUDY, "-f", "json"],
        ["aanbevelingen", STUDY, "-f", "markdown"],
        ["diff", STUDY / "duiven.yaml", REPO / "examples" / "doorwerking" / "duiven-2022.yaml",
         "-f", "markdown"],
    ]  # fmt: skip
    for i, step in enumerate(steps):
        target = out / ".." / f"stap-{i}.{'xlsx' if 'xlsx' in step else 'txt'}"
        result = run(*step, "-o", target, env=DUTCH)
        assert result.exit_code == 0, result.output
        assert f"{tmp_path / f'stap-{i}'}" in result.stderr and "geschreven" in result.stderr
        assert "/../" not in result.stderr and result.stdout == ""


def test_infos_are_shown_by_validate_not_repeated_at_every_step(run: Run) -> None:
    """The bundled study has one info (unreviewed-judgement): validate shows it; the commands
    after it do not, so a series of commands says it once. Warnings each command shows."""
    assert "info [unreviewed-judgement]" in run("validate", STUDY, env=DUTCH).stdout
    compared = run("compare", STUDY, "-f", "json", env=DUTCH)
    assert compared.stderr == ""


def test_agree_piped_keeps_every_column_whole(run: Run) -> None:
    a, b = DOUBLE / "dubbel" / "voorbeeldstad.a.yaml", DOUBLE / "dubbel" / "voorbeeldstad.b.yaml"
    table = run("agree", a, b, env=DUTCH).stdout
    assert "95%-interval" in table and "vergeleken" in table and "Informatievoorziening" in table
    assert "…" not in table.split("Verschillen")[0]


def test_yaml_syntax_errors_are_dutch(run: Run, tmp_path: Path) -> None:
    broken = tmp_path / "kapot.yaml"
    broken.write_text('a: [1, 2\nb: "open\n', encoding="utf-8")
    said = run("validate", broken, env=DUTCH).stdout
    assert "[yaml-syntax] de verwachte ',' of ']' ontbreekt bij het lezen van een lijst" in said
    assert "did not find" not in said and "while parsing" not in said


def test_no_review_line_under_a_norm_nobody_scored(tmp_path: Path) -> None:
    """'Nog niet gereviewd' stood under norms scored nb: a norm without a score owes no
    review. A scored norm without a reviewer still says so (in a concept, which shows them)."""
    from tests.report.test_own_chapters import TEXT, html_of

    text = TEXT.split("chapters:")[0].replace("status: definitief", "status: concept")
    text = text.replace("reviewed_by: Bo, scored_by: An}", "scored_by: An}", 1)  # B1
    html = html_of(tmp_path, text)
    sections = dict(zip(re.findall(r'id="norm-(\w+)"', html),
                        re.split(r'id="norm-\w+"', html)[1:], strict=False))  # fmt: skip
    assert "Beoordeeld door An; nog niet gereviewd." in sections["B1"]
    assert "gereviewd" not in sections["U1"].split("</section>")[0].lower()
