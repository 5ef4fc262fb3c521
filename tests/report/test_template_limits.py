"""A house style's template cannot make the report cost without bound: values, numbers, the
HTML and (on Linux) memory are capped, and going past a cap is exit 2 with nothing written."""

from pathlib import Path

import pytest

from conftest import ACCEPTANCE
from normtoets.report import sandbox

NORMS = ACCEPTANCE / "norms"
TESTDORP = ACCEPTANCE / "good" / "testdorp.yaml"


def render(run, tmp_path: Path, template: str, suffix: str = ".html"):  # type: ignore[no-untyped-def]
    templates, out = tmp_path / "templates", tmp_path / "out"
    templates.mkdir()
    out.mkdir()
    (templates / "municipality.html.j2").write_text(template, encoding="utf-8")
    target = out / f"r{suffix}"
    result = run("report", TESTDORP, "--norms", NORMS, "--templates", templates, "-o", target)
    assert list(out.iterdir()) == [] or result.exit_code == 0
    return result


def refused(result, *needles: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    for needle in needles:
        assert needle in message, message
    assert "Traceback" not in result.output and "internal error" not in message


IDS = ["str", "list", "power", "huge-exponent", "product", "plus", "percent", "star", "method",
       "filter", "indent", "concat"]  # fmt: skip


@pytest.mark.parametrize(
    "template, needle",
    [
        ("{{ 'A' * 10**10 }}", "'*' would make a value of 10,000,000,000 characters"),
        ("<p>\n{{ ['x'] * 10**9 }}", "'*' would make a value of 1,000,000,000 characters"),
        ("{{ 10 ** 1000000 }}", "'**' would make a number of more than 4,096 bits"),
        ("{{ 2 ** (10 ** 400) }}", "'**' would make a number of more than 4,096 bits"),
        ("{{ 2 ** 4000 * 2 ** 4000 }}", "'*' would make a number of more than 4,096 bits"),
        ("{% set s = 'A' * 8000000 %}{{ s + s }}", "'+' would make a value of 16,000,000"),
        ("{{ '%9999999999s' % 'a' }}", "'%' would make a value of 10,000,000,011"),
        ("{{ '%*s' % (9, 'a') }}", "'%' with a width taken from the arguments"),
        ("{{ 'A'.center(10**10) }}", "'center' would make a value of 10,000,000,000"),
        ("{{ 'A'|center(10000000000) }}", "'|center' would make a value of 10,000,000,000"),
        ("{{ 'A'|indent(width=10**10) }}", "'|indent' would make a value of 10,000,000,000"),
        (
            "{% set ns = namespace(s='AAAAAAAA') %}{% for i in range(40) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
            "'~' would make a value of 16,777,216 characters",
        ),
    ],
    ids=IDS,
)
def test_a_value_past_the_limit_is_refused(run, tmp_path: Path, template: str, needle: str) -> None:
    result = render(run, tmp_path, template)
    refused(result, "template municipality.html.j2, line", needle)


def test_the_line_is_the_templates(run, tmp_path: Path) -> None:
    refused(render(run, tmp_path, "<p>\n\n{{ 'A' * 10**10 }}"), "municipality.html.j2, line 3:")


def test_html_past_the_limit_is_refused(run, tmp_path: Path) -> None:
    template = "{% for i in range(100) %}{{ 'A' * 100000 }}{% endfor %}"
    result = render(run, tmp_path, template, ".pdf")
    refused(result, f"the report's HTML would be longer than {sandbox.MAX_OUTPUT:,} characters")


def test_memory_past_the_budget_is_refused(run, tmp_path: Path) -> None:
    """What no check foresees: replace() multiplies; the memory budget stops it."""
    with sandbox.memory_budget() as active:
        pass
    if not active:
        pytest.skip("no RLIMIT_DATA on this platform: the memory budget is not enforced")
    template = "{{ ('A' * 2000000)|replace('A', 'A' * 1000) }}"
    result = render(run, tmp_path, template)
    refused(result, "rendering municipality.html.j2 needs more than 1,024 MiB of memory")


def test_the_memory_budget_is_lifted_afterwards() -> None:
    resource = pytest.importorskip("resource")
    before = resource.getrlimit(resource.RLIMIT_DATA)
    with sandbox.memory_budget(64 * 1024**2) as active:
        if active:
            with pytest.raises(MemoryError):
                bytearray(256 * 1024**2)
    assert resource.getrlimit(resource.RLIMIT_DATA) == before
    assert len(bytearray(256 * 1024**2)) == 256 * 1024**2


def test_a_generous_template_still_renders(run, tmp_path: Path) -> None:
    template = (
        "{% set ns = namespace(s='AB') %}{% for i in range(10) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}<p>{{ ns.s|length }} {{ 'x' * 1000 }} {{ 2 ** 64 }} {{ '%5.2f' % 3.14159 }}"
        "{{ 'a'|center(80) }} {{ [1, 2] + [3] }} {{ r.meta.municipality }}</p>"
    )
    result = render(run, tmp_path, template)
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "r.html").read_text()
    assert "2048 " + "x" * 1000 in html and "18446744073709551616" in html and " 3.14" in html
