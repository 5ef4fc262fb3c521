"""new framework --from: a normenkader kept as a table becomes an ordinary framework file."""

from pathlib import Path

import openpyxl
import pytest

from conftest import REPO, Run
from normtoets.loading.session import Session
from normtoets.models import Framework

EXAMPLES = REPO / "examples" / "normenkader"
BUNDLED = REPO / "norms" / "regioplan-sociaal-domein.yaml"
TITLE = "Normenkader integraal werken in het sociaal domein"


def _framework(path: Path) -> Framework:
    model = Session().load(path).model
    assert isinstance(model, Framework)
    return model


@pytest.mark.parametrize("table", ["normenkader.xlsx", "normenkader.csv"])
def test_the_example_tables_give_the_bundled_framework(tmp_path: Path, table: str) -> None:
    """The examples are the bundled normenkader as a table: read back, the same framework
    (themes, norms, short titles, criteria, research questions with their norms, scale)."""
    out = tmp_path / "kader.yaml"
    result = Run(tmp_path)("new", "framework", out, "--from", EXAMPLES / table,
                           "--id", "regioplan-kopie", "--version", "2019",
                           "--title", TITLE)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    made, bundled = _framework(out), _framework(BUNDLED)
    assert made.themes == bundled.themes
    if table.endswith(".xlsx"):
        assert made.research_questions == bundled.research_questions
        assert made.scale == bundled.scale
    else:  # one table: questions in the order first named, the default four levels
        by_id = {q.id: q for q in made.research_questions}
        assert [by_id[q.id] for q in bundled.research_questions] == bundled.research_questions
        assert made.scale == bundled.scale  # the default levels are Regioplan's
    assert Run(tmp_path)("validate", out).exit_code == 0
    again = Run(tmp_path)("new", "framework", out, "--from", EXAMPLES / table, "--id", "x",
                          "--version", "1", "--title", "X")  # fmt: skip
    assert again.exit_code == 2 and "never overwrites" in again.stderr


def _table(
    tmp_path: Path, rows: list[list[object]], scale: list[list[object]] | None = None
) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Normen"
    for row in rows:
        sheet.append(row)
    if scale is not None:
        extra = book.create_sheet("Schaal")
        for row in scale:
            extra.append(row)
    path = tmp_path / "tabel.xlsx"
    book.save(path)
    return path


HEAD = ["thema", "norm", "normtekst", "criterium", "criteriumtekst", "onderzoeksvraag"]


@pytest.mark.parametrize(
    ("rows", "scale", "place", "words"),
    [
        ([HEAD, ["Beleid", "B1", "", "", "", ""]], None, "Normen!C2", "no text"),
        ([HEAD, ["Beleid", "B1", "x", "", "", ""], ["Beleid", "B1", "y", "", "", ""]], None,
         "Normen!B3", "each id once"),
        ([HEAD, ["", "", "", "a", "tekst", ""]], None, "Normen!D2", "above every norm"),
        ([["thema", "norm", "normtekst", "kleur"]], None, "Normen!D1", "unknown column"),
        ([["thema", "normtekst"]], None, "Normen!1", "no column 'norm'"),
        ([HEAD, ["Beleid", "B1", "x", "", "", "OV1"]], None, "Normen!1", "never given a text"),
        ([HEAD, ["Beleid", "B1", "x", "", "", ""]], [["code", "omschrijving", "voldaan"],
         ["+", "goed", "misschien"]], "Schaal!C2", "'ja' or 'nee'"),
    ],
)  # fmt: skip
def test_a_bad_table_is_refused_at_its_cell(
    tmp_path: Path, rows: list, scale: list | None, place: str, words: str
) -> None:
    table = _table(tmp_path, rows, scale)
    result = Run(tmp_path)("new", "framework", "kader.yaml", "--from", table, "--id", "k",
                           "--version", "1", "--title", "K")  # fmt: skip
    assert result.exit_code == 1, result.stdout
    assert f"tabel.xlsx:{place}: error [framework-table]" in result.stderr
    assert words in result.stderr
    assert not (tmp_path / "kader.yaml").exists()


def test_only_a_table_and_a_yaml_name(tmp_path: Path) -> None:
    run = Run(tmp_path)
    (tmp_path / "kader.txt").write_text("x")
    args = ["--id", "k", "--version", "1", "--title", "K"]
    assert run("new", "framework", "k.yaml", "--from", "kader.txt", *args).exit_code == 2
    table = _table(tmp_path, [HEAD, ["Beleid", "B1", "x", "", "", ""]])
    assert run("new", "framework", "k.txt", "--from", table, *args).exit_code == 2
    assert run("new", "framework", "k.yaml", "--from", table, *args).exit_code == 0


def test_the_klankbordgroep_scenarios_compare() -> None:
    """Westervoort's case: criteria per operational line from a workbook, three scenarios."""
    folder = REPO / "examples" / "westervoort-klankbordgroep"
    result = Run(REPO)("compare", folder, "--norms", folder / "norms", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[0]
    assert "Scenario A,Scenario B,Scenario C" in header
    assert len(result.stdout.splitlines()) == 26  # 5 lines × 5 aspects
