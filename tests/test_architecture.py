"""Imports point down: cli → output/validate/compare/report → rules → models, yamlsource."""

import ast
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
    assert modules_importing("typer") <= {"cli.py"}


def test_only_output_and_cli_import_rich() -> None:
    assert {m for m in modules_importing("rich") if not m.startswith("output/")} <= {"cli.py"}


def test_models_never_see_yaml_or_rules() -> None:
    for path in (SRC / "models").glob("*.py"):
        assert not imports_of(path) & {"ruamel", "normtoets.rules", "normtoets.yamlsource"}, path


def test_weasyprint_only_where_pdf_is_written() -> None:
    # pdftags builds the PDF's structure tree while pdf.py writes it, and is imported there only.
    assert modules_importing("weasyprint") <= {"report/pdf.py", "report/pdftags.py"}
    assert modules_importing("normtoets.report.pdftags") <= {"report/pdf.py"}


def test_rules_do_not_import_cli_or_output() -> None:
    for path in (SRC / "rules").glob("*.py"):
        assert not {
            i for i in imports_of(path) if i.startswith(("normtoets.cli", "normtoets.output"))
        }
