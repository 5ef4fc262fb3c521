"""One registry of output formats: every format a command offers has a renderer there."""

from normtoets.cli.common import TableFormat
from normtoets.output.formats import KINDS, formats, names


def test_every_offered_format_is_registered() -> None:
    for kind in ("comparison", "diff"):
        assert set(names(kind)) == {f.value for f in TableFormat}, kind
    for kind in KINDS:
        for name, found in formats(kind).items():
            assert found.name == name
            renderers = [found.text, found.draw, found.data]
            assert sum(r is not None for r in renderers) == 1, (kind, name)


def test_xlsx_is_a_styled_sheet_of_the_csv_table() -> None:
    """The spreadsheet holds the table's rows, the header frozen and filterable, each score
    code in its scale colour and still written in the cell."""
    import io

    import openpyxl

    from normtoets.output.workbook import table_workbook

    rows = [["norm", "Duiven", "Doesburg"], ["B1", "++", "--"], ["B2", "+", "nb"]]
    data = table_workbook(rows, "vergelijking", {"++": "#1b7837", "--": "#b2182b"})
    sheet = openpyxl.load_workbook(io.BytesIO(data))["vergelijking"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["norm", "Duiven", "Doesburg"], ["B1", "++", "--"], ["B2", "+", "nb"]
    ]  # fmt: skip
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:C3"
    assert sheet["B2"].fill.fgColor.rgb.endswith("1B7837") and sheet["B2"].data_type == "s"
    assert sheet["B3"].fill.fill_type is None
