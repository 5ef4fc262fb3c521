"""The scoring workbook opened in LibreOffice Calc: no row is lower than Calc finds its text
needs (Calc's own "optimal row height", with its fonts and line breaking), so no wrapped
finding or evidence runs over the rows below it on screen or on paper. A row at the most a
spreadsheet allows (409 pt) is as high as it can be."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import STUDY

SCRIPT = Path(__file__).with_name("lo_row_heights.py")
HOW = "apt-get install libreoffice-calc-nogui python3-uno"


def _calc_ready() -> bool:
    if shutil.which("soffice") is None or not Path("/usr/bin/python3").exists():
        return False
    probe = subprocess.run(["/usr/bin/python3", "-c", "import uno"], capture_output=True)
    calc = any(Path(p).exists() for p in ("/usr/lib/libreoffice/program/libsclo.so",))
    return probe.returncode == 0 and calc


def test_no_row_is_lower_than_calc_needs(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if not _calc_ready():
        message = f"LibreOffice Calc with python3-uno is not installed. To run: {HOW}"
        if os.environ.get("NORMTOETS_OFFICE_TESTS") == "required":
            pytest.fail(message)
        pytest.skip(message)
    workbook = tmp_path / "scoren.xlsx"
    assert run("export", STUDY, "-o", workbook).exit_code == 0
    done = subprocess.run(
        ["/usr/bin/python3", str(SCRIPT), str(workbook), str(tmp_path / "profile")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    heights = json.loads(done.stdout)
    short = [
        (sheet, number, given, needed)
        for sheet, rows in heights.items()
        for number, (given, needed) in enumerate(rows, start=1)
        if needed > given + 0.5 and given < 408.5
    ]
    assert short == []
    assert sum(1 for rows in heights.values() for given, _ in rows if given > 15.5) > 20
