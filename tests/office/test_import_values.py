"""import of a table of values (kengetallen): a CSV file or a workbook with the columns eenheid,
kengetal, periode, waarde and bron, into the study's assessments through score's proven editor;
all files or none, every problem at its cell, no byte changed without an edit."""

import os
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from conftest import Run
from normtoets.files import atomic
from normtoets.yamlio.read import parse

FRAMEWORK = """\
id: kader
version: "1"
title: Kader met kengetallen
scale:
  levels:
    - {code: "+", label: voldoet, meets: true}
    - {code: "-", label: voldoet niet, meets: false}
themes:
  - id: beleid
    title: Beleid
    norms:
      - {id: B1, text: Het beleid is integraal.}
indicators:
  - {id: K1, text: Wachttijd Wmo, unit: dagen, better: lower, frequency: jaar}
  - {id: K2, text: Tevredenheid, unit: "%", better: higher}
"""

STUDY = """\
id: studie
title: Studie
rekenkamer: Rekenkamer Test
framework: {id: kader, version: "1"}
municipalities: [Duiven, Westervoort, Zevenaar]
"""

DUIVEN = """\
framework: {id: kader, version: "1"}
municipality: Duiven
study: studie
status: concept
sources:
  - {id: monitor, kind: document, title: Monitor}
  - {id: cbs, kind: website, title: CBS}
judgements:
  B1: {score: "+"}  # voorlopig
indicator_values:
  # De wachttijd uit de monitor.
  K1:
    values:
      - {period: "2021", value: 40, source: monitor}  # eerste meting
      - {period: "2022", value: "38,5", source: monitor}
"""

SAMEN = """\
framework: {id: kader, version: "1"}
municipalities: [Westervoort, Zevenaar]
study: studie
status: concept
sources:
  - {id: monitor, kind: document, title: Monitor}
judgements:
  B1: {score: "-"}
"""

FILES = ("studie/duiven.yaml", "studie/samen.yaml")
HEADER = "eenheid;kengetal;periode;waarde;bron\n"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A study of three units, Westervoort and Zevenaar in one joint assessment; the framework
    in ./norms."""
    (tmp_path / "norms").mkdir()
    (tmp_path / "norms" / "kader.yaml").write_text(FRAMEWORK, encoding="utf-8")
    (tmp_path / "studie").mkdir()
    (tmp_path / "studie" / "study.yaml").write_text(STUDY, encoding="utf-8")
    (tmp_path / "studie" / "duiven.yaml").write_text(DUIVEN, encoding="utf-8")
    (tmp_path / "studie" / "samen.yaml").write_text(SAMEN, encoding="utf-8")
    return tmp_path


def _bytes(work: Path) -> dict[str, bytes]:
    return {name: (work / name).read_bytes() for name in FILES}


def _data(work: Path, name: str) -> Any:
    doc, problems = parse((work / name).read_text(encoding="utf-8"), name)
    assert doc is not None, problems
    return doc.data


def _table(work: Path, text: str, name: str = "waarden.csv") -> str:
    (work / name).write_text(text, encoding="utf-8")
    return name


def _import(work: Path, *args: str) -> Any:
    return Run(work)("import", *args)


def _flat(stderr: str) -> str:
    return " ".join(stderr.split())


# ----------------------------------------------------------------------------- no edit, one edit


def test_a_table_that_holds_what_the_files_hold_changes_no_byte(work: Path) -> None:
    """40 and 40,0 are one number, as "38,5" and 38.5 are: no edit."""
    table = _table(work, HEADER + "Duiven;K1;2021;40,0;monitor\nDuiven;K1;2022;38,5\n")
    before = _bytes(work)
    result = _import(work, table, "studie")
    assert result.exit_code == 0, result.stderr
    assert "no changes" in result.stdout
    assert _bytes(work) == before
    assert not list(work.rglob(".*.tmp"))


def test_one_changed_value_changes_exactly_that_value(work: Path) -> None:
    table = _table(work, HEADER + "Duiven;K1;2021;40\nDuiven;K1;2022;37,5\n")
    before = (work / FILES[0]).read_text(encoding="utf-8")
    want = _data(work, FILES[0])
    result = _import(work, table, "studie")
    assert result.exit_code == 0, result.stderr
    assert "studie/duiven.yaml: K1 2022: '38,5' → '37,5'" in result.stdout
    assert "1 file updated: studie/duiven.yaml" in result.stdout
    want["indicator_values"]["K1"]["values"][1]["value"] = "37,5"
    assert _data(work, FILES[0]) == want
    after = (work / FILES[0]).read_text(encoding="utf-8")
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new)
    changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    assert [new[i] for i in changed] == ['      - {period: "2022", value: "37,5", source: monitor}']
    assert "# De wachttijd uit de monitor." in after and "# eerste meting" in after
    assert (work / FILES[1]).read_text(encoding="utf-8") == SAMEN


def test_a_new_period_is_appended_and_a_new_indicator_made(work: Path) -> None:
    table = _table(work, HEADER + "Duiven;K1;2023;36;cbs\nDuiven;K2;2023-Q1;85%;\n")
    want = _data(work, FILES[0])
    result = _import(work, table, "studie")
    assert result.exit_code == 0, result.stderr
    assert "studie/duiven.yaml: K1 2023: (none) → '36'" in result.stdout
    want["indicator_values"]["K1"]["values"].append(
        {"period": "2023", "value": "36", "source": "cbs"}
    )
    want["indicator_values"]["K2"] = {"values": [{"period": "2023-Q1", "value": "85%"}]}
    assert _data(work, FILES[0]) == want
    text = (work / FILES[0]).read_text(encoding="utf-8")
    assert text.startswith(DUIVEN.split("indicator_values:")[0])
    assert "# eerste meting" in text and "# voorlopig" in text


def test_flow_layouts_keep_their_form(work: Path) -> None:
    """A source joins the braces of an entry without one; a list written in a flow mapping
    grows inside its brackets."""
    path = work / FILES[0]
    path.write_text(
        DUIVEN.replace('"38,5", source: monitor}', '"38,5"}')
        + '  K2: {values: [{period: "2020", value: 1}]}  # één regel\n',
        encoding="utf-8",
    )
    want = _data(work, FILES[0])
    table = _table(work, HEADER + "Duiven;K1;2022;38,5;cbs\nDuiven;K2;2021;2\nDuiven;K2;2020;3\n")
    result = _import(work, table, "studie")
    assert result.exit_code == 0, result.stderr
    assert "K1 2022 source: (none) → 'cbs'" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert '      - {period: "2022", value: "38,5", source: "cbs"}\n' in text
    assert '  K2: {values: [{period: "2020", value: "3"}, {period: "2021", value: "2"}]}' in text
    assert "# één regel" in text
    want["indicator_values"]["K1"]["values"][1]["source"] = "cbs"
    want["indicator_values"]["K2"]["values"] = [
        {"period": "2020", "value": "3"},
        {"period": "2021", "value": "2"},
    ]
    assert _data(work, FILES[0]) == want


def test_a_unit_of_a_joint_assessment_writes_into_that_file(work: Path) -> None:
    """Both units of the joint file may give the value, once it is the same."""
    table = _table(
        work, HEADER + "Zevenaar;K2;2023-Q1;85%;monitor\nwestervoort;K2;2023-Q1;85%;monitor\n"
    )
    result = _import(work, table, "studie")
    assert result.exit_code == 0, result.stderr
    assert _data(work, FILES[1])["indicator_values"] == {
        "K2": {"values": [{"period": "2023-Q1", "value": "85%", "source": "monitor"}]}
    }
    assert (work / FILES[1]).read_text(encoding="utf-8").startswith(SAMEN)
    assert (work / FILES[0]).read_text(encoding="utf-8") == DUIVEN


def test_two_values_for_one_joint_assessment_are_refused(work: Path) -> None:
    table = _table(work, HEADER + "Zevenaar;K2;2023;85%\nWestervoort;K2;2023;80%\n")
    before = _bytes(work)
    result = _import(work, table, "studie")
    assert result.exit_code == 1
    assert "waarden.csv:3:1: error [duplicate-row]" in _flat(result.stderr)
    assert "waarden.csv:2:1" in result.stderr  # where the first one is
    assert _bytes(work) == before


# ----------------------------------------------------------------------------- the table's forms


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("eenheid;kengetal;periode;waarde\nDuiven;K1;2022;37,5\nDuiven;K1;2023;1.100\n",
         ["37,5", "1.100"]),
        ('eenheid,kengetal,periode,waarde\nDuiven,K1,2022,"37,5"\nDuiven,K1,2023,36.5\n',
         ["37,5", "36.5"]),
        ("Unit\tIndicator\tPeriod\tValue\nDuiven\tK1\t2022\t37,5\nDuiven\tK1\t2023\t36\n",
         ["37,5", "36"]),
    ],
    ids=["semicolon", "comma", "tab"],
)  # fmt: skip
def test_a_csv_file_of_either_kind_keeps_each_value_as_written(
    work: Path, text: str, values: list[str]
) -> None:
    table = _table(work, text)
    result = _import(work, table, "studie")
    assert result.exit_code == 0, result.stderr
    found = _data(work, FILES[0])["indicator_values"]["K1"]["values"]
    assert [v["value"] for v in found] == [40, *values]


def test_a_csv_file_with_a_byte_order_mark(work: Path) -> None:
    (work / "waarden.csv").write_bytes(b"\xef\xbb\xbf" + (HEADER + "Duiven;K1;2023;36\n").encode())
    result = _import(work, "waarden.csv", "studie")
    assert result.exit_code == 0, result.stderr
    assert _data(work, FILES[0])["indicator_values"]["K1"]["values"][2]["value"] == "36"


def _workbook(work: Path, rows: list[list[Any]], sheet: str = "Waarden") -> str:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = sheet
    for row in rows:
        first.append(row)
    book.save(work / "waarden.xlsx")
    return "waarden.xlsx"


def test_a_workbook_keeps_numbers_as_numbers_and_text_as_text(work: Path) -> None:
    table = _workbook(
        work,
        [
            ["Eenheid", "Kengetal", "Periode", "Waarde", "Bron"],
            ["Duiven", "K1", 2022, 37.5, None],
            ["Duiven", "K1", 2023, 36, "cbs"],
            ["Duiven", "K2", "2023-Q2", 0.855, None],  # shown as 85,5%: below
            ["Zevenaar", "K2", "2023", "2,5", None],
            ["Duiven", "K2", "2024", 0.1 + 0.2, None],  # as Excel shows it: 0,3
        ],
    )
    book = openpyxl.load_workbook(work / table)
    book["Waarden"]["D4"].number_format = "0.0%"
    book.save(work / table)
    result = _import(work, table, "studie")
    assert result.exit_code == 0, result.stderr
    duiven = _data(work, FILES[0])["indicator_values"]
    assert duiven["K1"]["values"][1:] == [
        {"period": "2022", "value": 37.5, "source": "monitor"},
        {"period": "2023", "value": 36, "source": "cbs"},
    ]
    assert duiven["K2"]["values"] == [
        {"period": "2023-Q2", "value": "85,5%"},
        {"period": "2024", "value": 0.3},
    ]
    assert _data(work, FILES[1])["indicator_values"]["K2"]["values"] == [
        {"period": "2023", "value": "2,5"}
    ]
    text = (work / FILES[0]).read_text(encoding="utf-8")
    assert "value: 37.5, source: monitor}" in text and "value: 36," in text


def test_a_workbook_made_by_export_is_still_the_scoring_import(work: Path) -> None:
    exported = Run(work)("export", "studie", "-o", "werk.xlsx")
    assert exported.exit_code == 0, exported.stderr
    result = _import(work, "werk.xlsx")
    assert result.exit_code == 0, result.stderr
    assert "the workbook holds what the files hold" in result.stdout
    with_study = _import(work, "werk.xlsx", "studie")
    assert with_study.exit_code == 2
    assert "names its own files" in with_study.stderr


def test_the_study_defaults_to_the_current_folder(work: Path) -> None:
    _table(work / "studie", HEADER + "Duiven;K1;2023;36\n")
    result = Run(work / "studie")("import", "waarden.csv", "--norms", "../norms")
    assert result.exit_code == 0, result.stderr
    assert "1 file updated: duiven.yaml" in result.stdout


# ----------------------------------------------------------------------------- errors


BAD_ROWS = [
    ("Duivn;K1;2023;36", "3:1", "unknown-unit", "did you mean 'Duiven'?"),
    ("Doesburg;K1;2023;36", "3:1", "unknown-unit", "Duiven, Westervoort, Zevenaar"),
    ("Duiven;K9;2023;36", "3:8", "unknown-indicator", "'K9'"),
    ("Duiven;k1;2023;36", "3:8", "unknown-indicator", "did you mean 'K1'?"),
    ("Duiven;K1;23;36", "3:11", "invalid-period", "'23'"),
    ("Duiven;K1;2023-Q1;36", "3:11", "invalid-period", "per year"),
    ("Duiven;K1;2023;veel", "3:16", "invalid-number", "'veel'"),
    ("Duiven;K1;2020;40", "3:1", "duplicate-row", "waarden.csv:2:1"),
    ("Duiven;K1;;36", "3:11", "empty-cell", "periode"),
    ("Duiven;;2023;36", "3:8", "empty-cell", "kengetal"),
    ("Duiven;K1;2023;36;nergens", "3:19", "unknown-source", "'nergens'"),
    ("Duiven;K1;2023;36;cbss", "3:19", "unknown-source", "did you mean 'cbs'?"),
]


@pytest.mark.parametrize(("row", "place", "code", "said"), BAD_ROWS)
def test_a_bad_row_is_named_at_its_cell_and_nothing_written(
    work: Path, row: str, place: str, code: str, said: str
) -> None:
    """Line 2 is a good edit of Duiven; line 3 is wrong: neither is written."""
    table = _table(work, HEADER + f"Duiven;K1;2020;39\n{row}\n")
    before = _bytes(work)
    for args in ([table, "studie", "--dry-run"], [table, "studie"]):
        result = _import(work, *args)
        assert result.exit_code == 1, result.stdout
        flat = _flat(result.stderr)
        assert f"waarden.csv:{place}: error [{code}]" in flat
        assert said in flat
        assert "Nothing was written." in result.stderr
    assert _bytes(work) == before


def test_every_bad_cell_is_named_at_once(work: Path) -> None:
    table = _table(work, HEADER + "Duivn;K1;2023;36\nDuiven;K9;20;x\n")
    result = _import(work, table, "studie")
    flat = _flat(result.stderr)
    for found in ("3:11: error [invalid-period]", "3:14: error [invalid-number]"):
        assert f"waarden.csv:{found}" in flat
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("text", "place", "said"),
    [
        ("eenheid;kengetal;waarde\nDuiven;K1;36\n", "1:1", "no column 'periode'"),
        ("eenheid;kengetal;periode;waarde;opmerking\n", "1:33", "unknown column 'opmerking'"),
        ("", "1:1", "no column 'eenheid'"),
    ],
)
def test_a_header_without_its_columns_is_refused(
    work: Path, text: str, place: str, said: str
) -> None:
    table = _table(work, text)
    result = _import(work, table, "studie")
    assert result.exit_code == 1
    assert f"waarden.csv:{place}: error [values-table]" in _flat(result.stderr)
    assert said in result.stderr


def test_a_workbook_names_the_cell(work: Path) -> None:
    table = _workbook(
        work,
        [
            ["eenheid", "kengetal", "periode", "waarde"],
            ["Duiven", "K1", 2022, 37.5],
            ["Duiven", "K1", 2023, "veel"],
            ["Duiven", "K1", 2024, True],
            ["Duiven", "K1", 2025, None],
        ],
    )
    before = _bytes(work)
    result = _import(work, table, "studie")
    assert result.exit_code == 1
    flat = _flat(result.stderr)
    assert "waarden.xlsx:Waarden!D3: error [invalid-number]" in flat
    assert "waarden.xlsx:Waarden!D4: error [invalid-number]" in flat
    assert "waarden.xlsx:Waarden!D5: error [empty-cell]" in flat
    assert _bytes(work) == before


def test_a_csv_file_that_is_not_utf8_is_refused_with_a_way_out(work: Path) -> None:
    (work / "waarden.csv").write_bytes((HEADER + "Dûiven;K1;2023;36\n").encode("cp1252"))
    result = _import(work, "waarden.csv", "studie")
    assert result.exit_code == 1
    flat = _flat(result.stderr)
    assert "waarden.csv:2:2: error [values-table]" in flat and "CSV UTF-8" in flat


def test_a_huge_table_is_refused_by_its_size_before_it_is_read(work: Path) -> None:
    with (work / "waarden.csv").open("wb") as handle:  # sparse: a gigabyte that takes no disk
        handle.truncate(1024**3)
    result = _import(work, "waarden.csv", "studie")
    assert result.exit_code == 1
    assert "[table-too-large]" in result.stderr


def test_a_study_outside_the_folder_import_runs_in_is_never_written(work: Path) -> None:
    inside = work / "binnen"
    inside.mkdir()
    _table(inside, HEADER + "Duiven;K1;2023;36\n")
    before = _bytes(work)
    result = Run(inside)("import", "waarden.csv", "../studie", "--norms", "../norms")
    assert result.exit_code == 1
    assert "[outside-study]" in result.stderr
    assert _bytes(work) == before


# ----------------------------------------------------------------------------- dry run, all or none


def test_dry_run_lists_every_change_and_writes_nothing(work: Path) -> None:
    table = _table(
        work, HEADER + "Duiven;K1;2022;37,5;cbs\nDuiven;K1;2023;36\nZevenaar;K2;2023;80%\n"
    )
    before = _bytes(work)
    result = _import(work, table, "studie", "--dry-run")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "studie/duiven.yaml: K1 2022: '38,5' → '37,5'" in out
    assert "studie/duiven.yaml: K1 2022 source: 'monitor' → 'cbs'" in out
    assert "studie/duiven.yaml: K1 2023: (none) → '36'" in out
    assert "studie/samen.yaml: K2 2023: (none) → '80%'" in out
    assert "would write: studie/duiven.yaml, studie/samen.yaml" in out
    assert _bytes(work) == before
    real = _import(work, table, "studie")
    assert real.exit_code == 0, real.stderr
    assert "2 files updated: studie/duiven.yaml, studie/samen.yaml" in real.stdout
    again = _import(work, table, "studie")
    assert again.exit_code == 0 and "no changes" in again.stdout


def test_a_second_file_that_fails_to_write_leaves_both_unchanged(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = _table(work, HEADER + "Duiven;K1;2023;36\nZevenaar;K2;2023;80%\n")
    before = _bytes(work)
    real, renames = os.replace, []

    def failing_second(source, target):  # type: ignore[no-untyped-def]
        renames.append(target)
        if len(renames) == 2:
            raise OSError(28, "No space left on device")
        return real(source, target)

    monkeypatch.setattr(atomic.os, "replace", failing_second)
    result = _import(work, table, "studie")
    assert result.exit_code == 1
    assert "No space left on device; no file was changed" in result.stderr
    assert len(renames) == 3  # the first, the failing second, the first put back
    assert _bytes(work) == before
    assert not list(work.rglob(".*.tmp"))
