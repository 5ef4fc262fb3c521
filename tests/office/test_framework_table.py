"""new framework --from: a normenkader kept as a table becomes an ordinary framework file."""

from pathlib import Path

import openpyxl
import pytest

from conftest import DUTCH, REPO, Run
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


# --scale: the scale as a table of its own, read by the same code as the sheet 'Schaal'.
NORM_ROWS = [HEAD, ["Beleid", "B1", "Het beleid is integraal.", "", "", ""]]
ARGS = ["--id", "k", "--version", "1", "--title", "K"]
SCALE_CSV = (
    "code;omschrijving;voldaan;waarde;kleur\n"
    "V;voldoende;ja;1;#1b7837\n"
    "O;onvoldoende;nee;-1;#b2182b\n"
)


def _scale_workbook(path: Path, rows: list[list[object]], sheet: str | None = None) -> Path:
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Toelichting" if sheet else "Blad1"
    target = book.create_sheet(sheet) if sheet else first
    for row in rows:
        target.append(row)
    if sheet:
        first.append(["De schaal staat in het blad Schaal."])
    book.save(path)
    return path


@pytest.mark.parametrize("form", ["csv", "xlsx first sheet", "xlsx sheet Schaal"])
def test_a_scale_table_gives_the_levels(tmp_path: Path, form: str) -> None:
    if form == "csv":
        scale = tmp_path / "schaal.csv"
        scale.write_text(SCALE_CSV, encoding="utf-8")
    else:
        rows = [line.split(";") for line in SCALE_CSV.splitlines()]
        sheet = "Schaal" if form.endswith("Schaal") else None
        scale = _scale_workbook(tmp_path / "schaal.xlsx", rows, sheet)
    table = _table(tmp_path, NORM_ROWS)
    run = Run(tmp_path)
    result = run("new", "framework", "kader.yaml", "--from", table, "--scale", scale, *ARGS)
    assert result.exit_code == 0, result.stderr
    assert "no scale given" not in result.stderr
    levels = _framework(tmp_path / "kader.yaml").scale.levels
    assert [(lvl.code, lvl.label, lvl.meets, lvl.value) for lvl in levels] == [
        ("V", "voldoende", True, 1),
        ("O", "onvoldoende", False, -1),
    ]
    assert levels[0].color == "#1b7837"
    assert run("validate", "kader.yaml").exit_code == 0


@pytest.mark.parametrize(
    ("name", "content", "place"),
    [
        # a quoted cell with a line break and a delimiter: the line and column are the file's
        ("schaal.csv", 'code,omschrijving,voldaan\n++,"goed,\nheel goed",ja\n'
         '+,"redelijk, soms",misschien\n', "schaal.csv:4:20"),
        ("schaal.csv", "code;omschrijving;voldaan\r\n+;goed;ja\r\n-;slecht;soms\r\n",
         "schaal.csv:3:10"),
        ("schaal.xlsx", [["code", "omschrijving", "voldaan"], ["+", "goed", "ja"],
                         ["-", "slecht", "soms"]], "schaal.xlsx:Blad1!C3"),
    ],
)  # fmt: skip
def test_a_bad_scale_is_refused_at_its_cell(
    tmp_path: Path, name: str, content: str | list, place: str
) -> None:
    scale = tmp_path / name
    if isinstance(content, str):
        scale.write_bytes(content.encode())
    else:
        _scale_workbook(scale, content)
    table = _table(tmp_path, NORM_ROWS)
    result = Run(tmp_path)("new", "framework", "kader.yaml", "--from", table,
                           "--scale", name, *ARGS)  # fmt: skip
    assert result.exit_code == 1, result.stdout
    assert f"{place}: error [framework-table] voldaan is 'ja' or 'nee'" in result.stderr
    assert "Nothing was written." in result.stderr
    assert not (tmp_path / "kader.yaml").exists()


def test_a_scale_table_without_levels_or_columns_is_refused(tmp_path: Path) -> None:
    table = _table(tmp_path, NORM_ROWS)
    run = Run(tmp_path)
    (tmp_path / "leeg.csv").write_text("code,omschrijving,voldaan\n")
    (tmp_path / "half.csv").write_text("code,omschrijving\n+,goed\n")
    result = run("new", "framework", "kader.yaml", "--from", table, "--scale", "leeg.csv", *ARGS)
    assert result.exit_code == 1
    assert "leeg.csv:1:1: error [framework-table] the scale has no levels" in result.stderr
    result = run("new", "framework", "kader.yaml", "--from", table, "--scale", "half.csv", *ARGS)
    assert result.exit_code == 1
    assert "half.csv:1:1: error [framework-table] the header row has no column 'voldaan'" in (
        result.stderr
    )
    assert not (tmp_path / "kader.yaml").exists()


def test_without_a_scale_the_default_is_named(tmp_path: Path) -> None:
    """No --scale and no sheet Schaal: the four default levels, and a message that says so."""
    table = _table(tmp_path, NORM_ROWS)
    result = Run(tmp_path)("new", "framework", "kader.yaml", "--from", table, *ARGS)
    assert result.exit_code == 0, result.stderr
    assert (
        "normtoets: no scale given: the default scale ++, +, -, -- (meets: ++, +) was used; "
        "give --scale SCALE.csv for another" in result.stderr
    )
    assert "no scale given" not in result.stdout
    assert [lvl.code for lvl in _framework(tmp_path / "kader.yaml").scale.levels] == [
        "++", "+", "-", "--"
    ]  # fmt: skip
    dutch = Run(tmp_path)("new", "framework", "k2.yaml", "--from", table, *ARGS, env=DUTCH)
    assert dutch.exit_code == 0, dutch.stderr
    assert (
        "geen schaal opgegeven: de standaardschaal ++, +, -, -- (voldaan: ++, +) is gebruikt; "
        "geef --scale SCHAAL.csv voor een andere" in dutch.stderr
    )


def test_a_sheet_schaal_is_no_default(tmp_path: Path) -> None:
    scale = [["code", "omschrijving", "voldaan"], ["+", "goed", "ja"], ["-", "slecht", "nee"]]
    table = _table(tmp_path, NORM_ROWS, scale)
    result = Run(tmp_path)("new", "framework", "kader.yaml", "--from", table, *ARGS)
    assert result.exit_code == 0, result.stderr
    assert "no scale given" not in result.stderr


def test_a_sheet_schaal_and_scale_is_a_usage_error(tmp_path: Path) -> None:
    scale = [["code", "omschrijving", "voldaan"], ["+", "goed", "ja"], ["-", "slecht", "nee"]]
    table = _table(tmp_path, NORM_ROWS, scale)
    (tmp_path / "schaal.csv").write_text(SCALE_CSV)
    result = Run(tmp_path)("new", "framework", "kader.yaml", "--from", table,
                           "--scale", "schaal.csv", *ARGS)  # fmt: skip
    assert result.exit_code == 2
    assert "tabel.xlsx" in result.stderr and "'Schaal'" in result.stderr
    assert "schaal.csv" in result.stderr
    assert not (tmp_path / "kader.yaml").exists()


def test_scale_is_a_table_that_exists(tmp_path: Path) -> None:
    table = _table(tmp_path, NORM_ROWS)
    run = Run(tmp_path)
    (tmp_path / "schaal.txt").write_text(SCALE_CSV)
    for name, words in [("schaal.txt", "--scale reads a table"), ("geen.csv", "not found")]:
        result = run("new", "framework", "kader.yaml", "--from", table, "--scale", name, *ARGS)
        assert result.exit_code == 2 and words in result.stderr
    assert not (tmp_path / "kader.yaml").exists()


def test_a_csv_norm_table_is_refused_at_line_and_column(tmp_path: Path) -> None:
    """The CSV norm table places its problems like the scale: FILE:LINE:COLUMN."""
    (tmp_path / "kader.csv").write_text(
        'thema,norm,normtekst\nBeleid,B1,"Het beleid,\nintegraal"\nBeleid,B2,\n'
    )
    result = Run(tmp_path)("new", "framework", "kader.yaml", "--from", "kader.csv", *ARGS)
    assert result.exit_code == 1
    assert "kader.csv:4:11: error [framework-table] norm B2 has no text" in result.stderr
