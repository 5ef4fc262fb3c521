"""Contract tests: the private internals of libraries that normtoets relies on.

Three modules reach past a library's public API, each for a reason its docstring gives:
report/pdftags/ takes the place of WeasyPrint's tagging step, report/sandbox.py hooks into
Jinja2's code generator, yamlio/nodes.py subclasses ruamel.yaml's C parser. An upgrade may
move what they rely on, silently (a PDF without its structure tree, a template limit that no
longer holds, a slower parse) or loudly. Each test here names the internal, the module that
relies on it and the version it was written against, and fails with that message first.
"""

import importlib.metadata
import inspect
from typing import Any

import pytest

# The versions each contract was written against (pyproject.toml pins WeasyPrint to 70.x).
WRITTEN_AGAINST = {"weasyprint": "70.0", "jinja2": "3.1.6", "ruamel.yaml": "0.19.1"}


def moved(library: str, internal: str, where: str, how: str) -> str:
    installed = importlib.metadata.version(library)
    return (
        f"{library} {installed}: {internal} {how}. normtoets relies on it in {where}, written"
        f" against {library} {WRITTEN_AGAINST[library]}: adapt {where} to the new version (or"
        f" pin {library} to {WRITTEN_AGAINST[library]}), then this test."
    )


# ------------------------------------------------------------------------------ WeasyPrint


def test_weasyprint_tags_through_a_replaceable_add_tags() -> None:
    """pdftags.installed() replaces weasyprint.pdf.add_tags for one PDF; WeasyPrint must look
    it up there when it writes a PDF/UA document, with the arguments pdftags.add_tags takes."""
    import weasyprint.pdf as target
    from weasyprint import HTML

    from normtoets.report import pdftags

    where = "src/normtoets/report/pdftags/builder.py"
    original = getattr(target, "add_tags", None)
    assert original is not None, moved("weasyprint", "weasyprint.pdf.add_tags", where, "is gone")
    names = list(inspect.signature(original).parameters)
    assert names == ["pdf", "document", "pdf_version", "page_streams"], moved(
        "weasyprint", "weasyprint.pdf.add_tags", where, f"now takes {names}"
    )
    seen: list[tuple[Any, ...]] = []
    with pdftags.installed():
        assert target.add_tags is pdftags.add_tags
        target.add_tags = lambda *args: seen.append(args)  # type: ignore[assignment]
        HTML(string="<p>x</p>").write_pdf(pdf_variant="pdf/ua-1")
    assert target.add_tags is original, "pdftags.installed() must put WeasyPrint's back"
    assert len(seen) == 1, moved(
        "weasyprint",
        "weasyprint.pdf.add_tags",
        where,
        "is no longer called through the module when a PDF/UA-1 document is written",
    )


def test_weasyprint_hands_over_boxes_and_marked_content() -> None:
    """What pdftags.builder.Builder reads from the arguments: each page's box tree
    (`page._page_box`), each stream's marked content by box (`stream._tags`, box → {"tag",
    "mcid"}) and its operators (`stream.stream`, property lists with /MCID among them)."""
    import pydyf
    import weasyprint.pdf as target
    from weasyprint import HTML

    where = "src/normtoets/report/pdftags/builder.py"
    seen: list[tuple[Any, ...]] = []
    original = target.add_tags
    target.add_tags = lambda *args: seen.append(args)  # type: ignore[assignment]
    try:
        HTML(string="<p>x</p>").write_pdf(pdf_variant="pdf/ua-1")
    finally:
        target.add_tags = original
    _pdf, document, _version, streams = seen[0]
    page, stream = document.pages[0], streams[0]
    assert hasattr(page, "_page_box"), moved(
        "weasyprint", "Page._page_box", where, "is gone (the laid-out box tree of a page)"
    )
    tags = getattr(stream, "_tags", None)
    assert isinstance(tags, dict) and tags, moved(
        "weasyprint", "Stream._tags", where, "no longer maps boxes to their marked content"
    )
    assert all(set(v) >= {"tag", "mcid"} for v in tags.values()), moved(
        "weasyprint", "Stream._tags", where, "values no longer hold 'tag' and 'mcid'"
    )
    properties = [i for i in stream.stream if isinstance(i, pydyf.Dictionary) and "MCID" in i]
    assert properties, moved(
        "weasyprint", "Stream.stream", where, "holds no marked-content property lists"
    )


def test_weasyprint_absolute_placeholder_keeps_its_box() -> None:
    from weasyprint.layout.absolute import AbsolutePlaceholder

    where = "src/normtoets/report/pdftags/builder.py"
    placeholder = AbsolutePlaceholder(object())
    assert hasattr(placeholder, "_box"), moved(
        "weasyprint", "AbsolutePlaceholder._box", where, "is gone (the box it stands for)"
    )


# ---------------------------------------------------------------------------------- Jinja2


def test_jinja_generates_concatenation_through_the_hook() -> None:
    """report/sandbox.py subclasses jinja2.compiler.CodeGenerator (visit_Concat) and sets it as
    the environment's code_generator_class, so `a ~ b` is checked like the other operators."""
    from jinja2.compiler import CodeGenerator

    from normtoets.report.sandbox import LimitedEnvironment

    where = "src/normtoets/report/sandbox.py"
    assert hasattr(CodeGenerator, "visit_Concat"), moved(
        "jinja2", "CodeGenerator.visit_Concat", where, "is gone"
    )
    source = LimitedEnvironment().compile("{{ x ~ 'b' }}", raw=True)
    assert "environment.checked_concat(" in source, moved(
        "jinja2",
        "Environment.code_generator_class",
        where,
        "no longer makes the compiled template call the subclass's visit_Concat",
    )


def test_jinja_routes_intercepted_operators_to_call_binop() -> None:
    from jinja2.sandbox import SandboxedEnvironment

    from normtoets.report.sandbox import LimitedEnvironment

    where = "src/normtoets/report/sandbox.py"
    assert "intercepted_binops" in vars(SandboxedEnvironment), moved(
        "jinja2", "SandboxedEnvironment.intercepted_binops", where, "is gone"
    )
    calls: list[str] = []

    class Counting(LimitedEnvironment):
        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            calls.append(operator)
            return super().call_binop(context, operator, left, right)

    assert Counting().from_string("{{ 'a' * 3 }}{{ 1 + 2 }}").render() == "aaa3"
    assert calls == ["*", "+"], moved(
        "jinja2", "SandboxedEnvironment.call_binop", where, "is not called for '*' and '+'"
    )


# ----------------------------------------------------------------------------- ruamel.yaml


def test_ruamel_c_parser_composes_through_the_hooks() -> None:
    """yamlio/nodes.py's _Composer subclasses ruamel.yaml's CParser and replaces resolve,
    descend_resolver and ascend_resolver, which the C composer calls for every node."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode

    from normtoets.yamlio import nodes

    if not hasattr(nodes, "_Composer"):
        pytest.skip("no C parser on this machine: the pure-Python path has no private coupling")
    where = "src/normtoets/yamlio/nodes.py"
    calls: list[str] = []

    class Counting(nodes._Composer):
        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            calls.append("resolve")
            return super().resolve(kind, value, implicit)

        def descend_resolver(self, parent: Any, index: Any) -> Any:
            calls.append("descend")

        def ascend_resolver(self) -> Any:
            calls.append("ascend")

    loader = Counting("a: [1]\n")
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    for hook in ("resolve", "descend", "ascend"):
        assert hook in calls, moved(
            "ruamel.yaml", f"CParser's call of {hook}", where, "no longer happens while composing"
        )
    assert isinstance(root, MappingNode)
    key, value = root.value[0]
    # A resolver of the C loader would type the plain 1 an int; _Composer's says str.
    assert value.value[0].tag == "tag:yaml.org,2002:str", moved(
        "ruamel.yaml", "CParser.resolve", where, "no longer gives the node its tag"
    )
    assert isinstance(key, ScalarNode) and (key.start_mark.line, key.start_mark.column) == (0, 0)


def test_typer_click_usage_errors_as_cli_usage_errors_reads_them() -> None:
    """cli/usage_errors.py replaces UsageError.show of the click typer carries and reads its
    English messages back into their parts: the messages must still be worded so."""
    from typer._click import exceptions

    from normtoets.cli.usage_errors import _MESSAGES

    assert callable(exceptions.UsageError.show) and callable(exceptions.ClickException.show)
    said = [
        exceptions.NoSuchOption("--x", possibilities=["--y"]).format_message(),
        exceptions.BadParameter("'a' is not a valid integer.", param_hint="'--n'").format_message(),
        exceptions.MissingParameter(param_hint="'PATH'", param_type="argument").format_message(),
    ]
    assert said == ["No such option: --x (Possible options: --y)",
                    "Invalid value for '--n': 'a' is not a valid integer.",
                    "Missing argument 'PATH'."]  # fmt: skip
    assert all(any(p.fullmatch(text) for p, _ in _MESSAGES) for text in said)
