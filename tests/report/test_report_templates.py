"""`report --templates DIR`: a house style uses files inside DIR only, symlinks resolved.

A template, an include, the stylesheet or an asset that leads outside the folder (a symlink, or
`../` in a name) stops the report with exit 2 before anything is written.
"""

from pathlib import Path

import pytest

from conftest import ACCEPTANCE

NORMS = ACCEPTANCE / "norms"
TESTDORP = ACCEPTANCE / "good" / "testdorp.yaml"
SECRET = "GEHEIM-7f3a"


def chapter(house: Path, body: str) -> None:
    """A house style's own chapter Samenvatting: it replaces the bundled one."""
    (house / "chapters" / "municipality").mkdir(parents=True, exist_ok=True)
    (house / "chapters" / "municipality" / "samenvatting.html.j2").write_text(
        body, encoding="utf-8"
    )


@pytest.fixture
def house(tmp_path: Path) -> Path:
    """An empty templates folder, with secrets beside it (outside)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.html.j2").write_text(f"<p>{SECRET}</p>", encoding="utf-8")
    (outside / "secret.css").write_text(f'body::after {{ content: "{SECRET}" }}', encoding="utf-8")
    (outside / "logo.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>", encoding="utf-8"
    )
    templates = tmp_path / "templates"
    templates.mkdir()
    return templates


def report(run, templates: Path, target: Path):  # type: ignore[no-untyped-def]
    return run("report", TESTDORP, "--norms", NORMS, "--templates", templates, "-o", target)


def refused(result, target: Path, what: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    assert f"{what} leads outside the templates folder" in " ".join(result.stderr.split())
    assert SECRET not in result.output
    assert "Traceback" not in result.output and "internal error" not in result.stderr
    assert list(target.parent.iterdir()) == []


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_symlinked_template_is_refused(run, house: Path, out: Path) -> None:
    (house / "municipality.html.j2").symlink_to(house.parent / "outside" / "secret.html.j2")
    refused(report(run, house, out / "r.html"), out / "r.html", "template 'municipality.html.j2'")


def test_symlinked_include_is_refused(run, house: Path, out: Path) -> None:
    chapter(house, '{% include "deel.html.j2" %}')
    (house / "deel.html.j2").symlink_to(house.parent / "outside" / "secret.html.j2")
    refused(report(run, house, out / "r.html"), out / "r.html", "template 'deel.html.j2'")


def test_symlinked_folder_is_refused(run, house: Path, out: Path) -> None:
    chapter(house, '{% include "delen/secret.html.j2" %}')
    (house / "delen").symlink_to(house.parent / "outside")
    refused(report(run, house, out / "r.html"), out / "r.html", "template 'delen/secret.html.j2'")


def test_dotdot_in_an_include_name_is_refused(run, house: Path, out: Path) -> None:
    chapter(house, '{% include "../outside/secret.html.j2" %}')
    result = report(run, house, out / "r.html")
    refused(result, out / "r.html", "template '../outside/secret.html.j2'")


@pytest.mark.parametrize("suffix", [".html", ".pdf"])
def test_symlinked_stylesheet_is_refused(run, house: Path, out: Path, suffix: str) -> None:
    (house / "report.css").symlink_to(house.parent / "outside" / "secret.css")
    target = out / f"r{suffix}"
    refused(report(run, house, target), target, "stylesheet 'report.css'")


def test_symlinked_asset_is_refused(run, house: Path, out: Path) -> None:
    chapter(house, '<img src="logo.svg" alt="Logo">')
    (house / "logo.svg").symlink_to(house.parent / "outside" / "logo.svg")
    refused(report(run, house, out / "r.pdf"), out / "r.pdf", "file 'logo.svg'")


def test_files_inside_the_folder_still_work(run, house: Path, out: Path) -> None:
    """A symlink that stays inside the folder is fine, and so is the folder being a symlink."""
    (house / "eigen").mkdir()
    (house / "eigen" / "logo.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>", encoding="utf-8"
    )
    (house / "logo.svg").symlink_to(house / "eigen" / "logo.svg")
    (house / "report.css").write_text("h1 { color: black }", encoding="utf-8")
    chapter(house, '<img src="logo.svg" alt="Logo">')
    link = house.parent / "huisstijl"
    link.symlink_to(house)
    result = report(run, link, out / "r.pdf")
    assert result.exit_code == 0, result.output
    assert (out / "r.pdf").read_bytes().startswith(b"%PDF-")


def test_symlinked_asset_of_the_stylesheet_through_a_linked_folder(
    run, house: Path, out: Path
) -> None:
    """The folder named through a symlink, the stylesheet's image a symlink out of it."""
    (house / "report.css").write_text("body { background: url(logo.svg) }", encoding="utf-8")
    (house / "logo.svg").symlink_to(house.parent / "outside" / "logo.svg")
    link = house.parent / "huisstijl"
    link.symlink_to(house)
    refused(report(run, link, out / "r.pdf"), out / "r.pdf", "file 'logo.svg'")
