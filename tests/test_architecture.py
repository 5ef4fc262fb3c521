"""The layers (pyproject's import-linter contract, run by `make lint`) cover every module;
third-party libraries stay in the one layer that needs them."""

import ast
import tomllib
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "normtoets"


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(
                node.module if node.module.startswith("normtoets") else node.module.split(".")[0]
            )
    return names


def modules_importing(name: str) -> set[str]:
    return {
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if any(i == name or i.startswith(name + ".") for i in imports_of(p))
    }


def test_only_cli_imports_typer() -> None:
    assert {m for m in modules_importing("typer") if not m.startswith("cli/")} == set()


def test_only_output_and_cli_import_rich() -> None:
    assert {m for m in modules_importing("rich") if not m.startswith(("output/", "cli/"))} == set()


def test_models_never_see_yaml() -> None:
    for path in (SRC / "models").glob("*.py"):
        assert "ruamel" not in imports_of(path), path


def test_weasyprint_only_where_pdf_is_written() -> None:
    # pdftags builds the PDF's structure tree while pdf.py writes it, and is imported there only.
    assert modules_importing("weasyprint") <= {"report/pdf.py", "report/pdftags.py"}
    assert modules_importing("normtoets.report.pdftags") <= {"report/pdf.py"}


def test_every_module_is_in_a_layer_of_the_contract() -> None:
    config = tomllib.loads((SRC.parents[1] / "pyproject.toml").read_text())
    [contract] = config["tool"]["importlinter"]["contracts"]
    layers = {name.strip() for layer in contract["layers"] for name in layer.split("|")}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts in (("__init__",), ("__main__",)):
            continue
        assert f"normtoets.{parts[0]}" in layers, path
