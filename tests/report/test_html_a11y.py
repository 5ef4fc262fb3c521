"""The HTML reports in a real browser: axe-core's WCAG 2.1 A and AA rules and its best
practices report nothing, the page reflows at 320 CSS px (WCAG 1.4.10: only the score matrix
scrolls, inside its own frame), there is one `main` landmark and a viewport, and every link
reached with Tab shows its focus.

tests/browser/check.mjs drives Debian's Chromium with playwright-core; both npm packages are
pinned in tests/browser/package-lock.json. Without Chromium or the packages these tests skip
and say how to get them; CI installs both and sets NORMTOETS_BROWSER_TESTS=required, which
turns the skip into a failure.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from normtoets import report
from normtoets.report.html import screen_stylesheets, standalone, stylesheets
from normtoets.report.pdf import pdf_bytes

from .conftest import REPO, Data

BROWSER = REPO / "tests" / "browser"
HOW = (
    "apt-get install -y chromium nodejs npm && npm ci --prefix tests/browser, then run pytest again"
)
REPORTS = [
    "duiven",
    "vergelijking",
    "doorwerking",
    "bestuurlijke-nota",
    "nota-van-bevindingen",
    "register",
    "kengetallen",
    "kengetallen-vergelijking",
    "factsheet",
    "mini",
    "mini-vergelijking",
]


def _missing() -> str | None:
    if shutil.which("node") is None:
        return "Node.js is not installed"
    for package in ("axe-core", "playwright-core"):
        if not (BROWSER / "node_modules" / package).is_dir():
            return f"the npm package {package} is not installed in tests/browser"
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        return f"Chromium is not at {chromium}"
    return None


def run_browser(files: list[Path]) -> dict[str, Any]:
    missing = _missing()
    if missing:
        message = f"browser checks not run: {missing}. To run them: {HOW}"
        if os.environ.get("NORMTOETS_BROWSER_TESTS") == "required":
            pytest.fail(message)
        pytest.skip(message)
    done = subprocess.run(
        ["node", str(BROWSER / "check.mjs"), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results: dict[str, Any] = json.loads(done.stdout)
    return results


@pytest.fixture(scope="session")
def browser_results(
    bundled_html: dict[str, str],
    mini_html: str,
    comparison_html: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("html")
    pages = {**bundled_html, "mini": mini_html, "mini-vergelijking": comparison_html}
    files = []
    for name in REPORTS:
        target = folder / f"{name}.html"
        target.write_text(standalone(pages[name]), encoding="utf-8")
        files.append(target)
    results = run_browser(files)
    return {Path(file).stem: result for file, result in results.items() if file.endswith(".html")}


def assert_web_page(result: dict[str, Any], contents: bool = True) -> None:
    """`contents`: the page has a table of contents (a factsheet is read top to bottom)."""
    for width in ("1280", "320"):
        assert result["axe"][width] == [], f"axe at {width} px"
        assert result["pageScroll"][width] == 0, f"the page scrolls sideways at {width} px"
        assert result["overflow"][width] == [], f"wider than the window at {width} px"
    assert result["landmarks"] == {
        "main": 1,
        "viewport": "width=device-width, initial-scale=1",
        "lang": "nl",
    }
    entries = result["toc"]["entries"]
    assert bool(entries) == contents and all(kind == heading for kind, heading in entries), entries
    if contents:
        assert result["toc"]["unlisted"] == []
    # Every entry of the table of contents is a stop, and the longer reports have more.
    assert len(result["focus"]) >= min(10, len(entries))
    assert all(stop["visible"] for stop in result["focus"]), result["focus"]
    assert {stop["tag"] for stop in result["focus"]} <= {"a", "div"}


@pytest.mark.slow  # starts Chromium: 20 s
@pytest.mark.parametrize("name", REPORTS)
def test_html_report_is_wcag_21_aa_in_a_browser(name: str, browser_results: dict[str, Any]) -> None:
    assert_web_page(browser_results[name], contents=name != "factsheet")


@pytest.mark.slow
def test_html_comparison_of_342_municipalities(national_study: Data, tmp_path: Path) -> None:
    data = national_study
    html = report.comparison_html(data.framework, data.assessments, data.study)
    target = tmp_path / "national.html"
    target.write_text(standalone(html), encoding="utf-8")
    (result,) = [r for f, r in run_browser([target]).items() if f.endswith(".html")]
    assert_web_page(result)


# ------------------------------------------------------------ the screen stylesheet and print


def test_screen_stylesheet_is_for_screens_only() -> None:
    """Every rule of screen.css sits in an @media screen block, and WeasyPrint never gets it."""
    (sheet,) = screen_stylesheets()
    css = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
    depth, outside = 0, ""
    for char in css:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0:
            outside += char
    blocks = [b.strip() for b in outside.split("@") if b.strip()]
    assert blocks and all(b.startswith("media screen") for b in blocks), blocks
    assert sheet not in stylesheets()


def test_printing_the_web_page_prints_the_report(mini_html: str, mini_pdf: bytes) -> None:
    """The HTML report with its screen stylesheet, printed, is the PDF: same pages, same text."""
    printed = pdf_bytes(standalone(mini_html))
    ours, theirs = page_texts(printed), page_texts(mini_pdf)
    assert len(ours) == len(theirs)
    assert ours == theirs


def test_house_style_screen_css_comes_last(tmp_path: Path) -> None:
    (tmp_path / "screen.css").write_text("@media screen { body { color: #000 } }", "utf-8")
    sheets = screen_stylesheets(tmp_path)
    assert sheets[-1] == tmp_path / "screen.css" and len(sheets) == 2
    html = standalone("<html><head></head><body></body></html>", tmp_path)
    assert html.index("@page") < html.index("toc-chapter") < html.index("body { color: #000 }")


def page_texts(data: bytes) -> list[str]:
    import io

    return [
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages
    ]
