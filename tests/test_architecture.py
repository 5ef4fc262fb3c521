"""The layers (pyproject's import-linter contract, run by `make lint`) cover every module;
third-party libraries stay in the one layer that needs them."""

import ast
import re
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
    def outside_pdftags(name: str) -> set[str]:
        return {m for m in modules_importing(name) if not m.startswith("report/pdftags/")}

    assert outside_pdftags("weasyprint") <= {"report/pdf.py"}
    assert outside_pdftags("normtoets.report.pdftags") <= {"report/pdf.py"}


def test_every_module_is_in_a_layer_of_the_contract() -> None:
    config = tomllib.loads((SRC.parents[1] / "pyproject.toml").read_text())
    [contract] = config["tool"]["importlinter"]["contracts"]
    layers = {name.strip() for layer in contract["layers"] for name in layer.split("|")}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts in (("__init__",), ("__main__",)):
            continue
        assert f"normtoets.{parts[0]}" in layers, path


def test_a_new_command_needs_no_ordering_list() -> None:
    """A command HELP_ORDER does not name is listed after the others, not an import error."""
    from typer.models import CommandInfo

    from normtoets.cli import HELP_ORDER, help_rank

    new = CommandInfo(name="nieuw", callback=lambda: None)
    ranks = [help_rank(CommandInfo(name=name)) for name in HELP_ORDER]
    assert ranks == sorted(ranks) and help_rank(new) == len(HELP_ORDER)


def _import_graph() -> dict[str, set[str]]:
    """Module → the normtoets modules it imports, at the top or inside a function."""

    def name_of(path: Path) -> str:
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    modules = {name_of(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("normtoets"):
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    found.add(full if full in modules else str(node.module))
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("normtoets")}
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def test_no_circle_through_any_import() -> None:
    """import-linter sees module-level imports only; an import inside a function can close a
    circle it does not see. Every strongly connected group of modules is one module alone."""
    graph = _import_graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == module:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    assert circles == []


def test_one_pipeline_makes_every_report() -> None:
    """`report` in all its modes and every report of --each go through report/pipeline: only
    it turns a loaded study into a report's HTML."""
    makers = {"municipality_html", "factsheet_html", "comparison_html", "register_html"}
    callers = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            called = node.func if isinstance(node, ast.Call) else None
            name = getattr(called, "attr", None) or getattr(called, "id", None)
            if name in makers:
                callers.add(str(path.relative_to(SRC)))
    assert callers == {"report/pipeline.py"}


def test_every_import_inside_a_function_says_why() -> None:
    """An import inside a function defers a library (WeasyPrint, openpyxl, python-docx, pypdf,
    rich, Jinja2) or a part of normtoets a command may not need, so a run loads only what it
    uses. Each says so: a comment on its line or above its run of imports, or the module's
    `# Deferred imports: NAME, NAME — why` line naming its top-level package (normtoets'
    modules by their first two names: normtoets.report)."""
    silent = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text()
        lines = text.splitlines()
        declared = {
            name.strip()
            for names in re.findall(r"^# Deferred imports: (.*?) —\s", text, re.M | re.S)
            for name in names.replace("\n#", " ").split(",")
        }
        for function in ast.walk(ast.parse(text)):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if not isinstance(node, ast.Import | ast.ImportFrom):
                    continue
                module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
                parts = (module or "").split(".")
                package = ".".join(parts[:2]) if parts[0] == "normtoets" else parts[0]
                above = node.lineno - 2
                while above >= 0 and lines[above].strip().startswith(("from ", "import ")):
                    above -= 1
                commented = "#" in lines[node.lineno - 1] or (
                    above >= 0 and lines[above].strip().startswith("#")
                )
                if not commented and package not in declared:
                    silent.append(f"{path.relative_to(SRC)}:{node.lineno} {module}")
    assert silent == [], "\n".join(silent)


def test_no_function_above_complexity_15() -> None:
    """Radon's cyclomatic complexity (every if, for, and/or, conditional expression and
    comprehension clause counts; a nested function is measured on its own). Above 15 a
    function does more than one thing: split it, or argue here why not."""
    from radon.complexity import cc_visit
    from radon.visitors import Class

    def functions(blocks):  # type: ignore[no-untyped-def]
        for block in blocks:
            if isinstance(block, Class):
                yield from functions(block.methods)
            else:
                yield block
                yield from functions(block.closures)

    argued: dict[str, str] = {}  # "path:function": why it may stay above 15
    measured = [
        (f"{path.relative_to(SRC)}:{block.name}", block.complexity)
        for path in SRC.rglob("*.py")
        for block in functions(cc_visit(path.read_text()))
    ]
    assert len(measured) > 900
    assert [f"{name} {n}" for name, n in measured if n > 15 and name not in argued] == []
