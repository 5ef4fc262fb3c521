"""Run by the system's python3, which has LibreOffice's UNO bridge (python3-uno):

    python3 lo_row_heights.py WORKBOOK.xlsx PROFILE_DIR

opens the workbook in LibreOffice Calc and prints, as JSON, per sheet and row the height the
workbook gives the row and the height Calc finds it needs for its text (its "optimal row
height", with Calc's own fonts and line breaking), both in points."""

import contextlib
import json
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> PropertyValue:
    found = PropertyValue()
    found.Name, found.Value = name, value
    return found


def _connect(profile: Path) -> tuple[subprocess.Popen[bytes], object]:
    pipe = f"normtoets{int(time.time() * 1000)}"
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
         "--norestore", f"--accept=pipe,name={pipe};urp;"],
    )  # fmt: skip
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    for _ in range(120):
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:  # not listening yet
            time.sleep(0.5)
    else:
        office.kill()
        raise SystemExit("LibreOffice did not start")
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    return office, desktop


def main() -> None:
    workbook, profile = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    office, desktop = _connect(profile)
    try:
        document = desktop.loadComponentFromURL(
            workbook.as_uri(), "_blank", 0, (_prop("Hidden", True),)
        )
        out: dict[str, list[tuple[float, float]]] = {}
        for sheet in document.Sheets:
            used = sheet.createCursor()
            used.gotoEndOfUsedArea(False)
            last = used.RangeAddress.EndRow
            rows = []
            for index in range(last + 1):
                row = sheet.Rows.getByIndex(index)
                given = row.Height / 100 / 25.4 * 72  # 1/100 mm → pt
                row.OptimalHeight = True
                needed = row.Height / 100 / 25.4 * 72
                rows.append((round(given, 1), round(needed, 1)))
            out[sheet.Name] = rows
        document.close(True)
        print(json.dumps(out))
    finally:
        with contextlib.suppress(Exception):  # already gone
            desktop.terminate()
        office.wait(timeout=30)


if __name__ == "__main__":
    main()
