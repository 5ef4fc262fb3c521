"""Cost bounded by input size: each command on hostile input of n and of 10n items, timed in
one process so start-up is left out. Linear work takes ≈10× as long at 10n; a quadratic path
≈100×.

    python benchmarks/cost.py [--repeat 3] [--pdf] [--json]

Sizes stay within normtoets' limits (10,000 items per list, 1,000 norms) and the run cheap:
about 20 s, plus about 25 s with --pdf (WeasyPrint lays out a report of 30 and of 300 norms).
"""

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate  # noqa: E402
from hostile import many_norms, many_sources  # noqa: E402
from kengetallen_data import with_kengetallen  # noqa: E402

from normtoets import report  # noqa: E402
from normtoets.authoring import scoring  # noqa: E402
from normtoets.loading.selection import select  # noqa: E402
from normtoets.loading.session import Session  # noqa: E402
from normtoets.loading.validate import validate  # noqa: E402
from normtoets.report.sandbox import TemplateLimit  # noqa: E402

BUNDLED = ROOT / "norms" / "regioplan-sociaal-domein.yaml"


def seconds(work: Callable[[], Any], repeat: int) -> float:
    """The fastest of `repeat` runs: the one a busy machine disturbed least."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def validating_sources(folder: Path, n: int) -> Callable[[], Any]:
    path = many_sources(folder, n)
    return lambda: validate([path])


def validating_norms(folder: Path, n: int) -> Callable[[], Any]:
    norms, path = many_norms(folder, n)
    return lambda: validate([norms, path], [norms])


def scoring_norms(folder: Path, n: int) -> Callable[[], Any]:
    norms, path = many_norms(folder, n)
    edit = scoring.Edit(f"N{n - 1}", "-")
    return lambda: scoring.apply(path, edit, Session([norms]))


def municipality_report(folder: Path, n: int, pdf: bool = False) -> Callable[[], Any]:
    norms, path = many_norms(folder, n)

    def work() -> None:
        selection, diagnostics = select([path], [norms])
        assert selection is not None, diagnostics
        html = report.municipality_html(selection.framework, selection.assessments[0], None)
        assert isinstance(html, str)
        if pdf:
            from normtoets.report.pdf import pdf_bytes

            pdf_bytes(html)

    return work


def comparison_report(folder: Path, n: int) -> Callable[[], Any]:
    generate(folder, n, 2019, BUNDLED)

    def work() -> None:
        selection, diagnostics = select([folder])
        assert selection is not None, diagnostics
        report.comparison_html(selection.framework, selection.assessments, selection.study)

    return work


def kengetallen(folder: Path, n: int) -> Callable[[], Any]:
    """n municipalities × 26 kengetallen × 8 quarters: loaded, checked, built, as JSON."""
    from normtoets.analysis import kengetallen as numbers
    from normtoets.output.kengetallen import to_json

    generate(folder, n, 2019, BUNDLED)
    norms = with_kengetallen(folder)

    def work() -> None:
        selection, diagnostics = select([folder], [norms])
        assert selection is not None, diagnostics
        to_json(numbers.build(selection.framework, selection.assessments, selection.study))

    return work


CASES: list[tuple[str, Callable[[Path, int], Callable[[], Any]], int]] = [
    ("validate, sources in a via chain", validating_sources, 1_000),
    ("validate, framework of n norms + assessment", validating_norms, 100),
    ("score, framework of n norms", scoring_norms, 100),
    ("report HTML, n norms", municipality_report, 100),
    ("comparison report HTML, n municipalities", comparison_report, 34),
    ("kengetallen JSON, n municipalities × 26 × 8", kengetallen, 34),
]
PDF_CASE = ("report PDF, n norms", lambda f, n: municipality_report(f, n, pdf=True), 30)


def refused(folder: Path) -> list[dict[str, Any]]:
    """The inputs of the issue that set the limits, now refused with a diagnostic."""
    sources = many_sources(folder / "sources", 40_000, cited=False)
    norms, assessment = many_norms(folder / "norms", 10_000)
    out = []
    for name, paths, code in [
        ("validate 40,000 sources (1.7 MB)", [sources], "too-many-items"),
        ("validate a framework of 10,000 norms", [norms, assessment], "too-many-norms"),
    ]:
        start = time.perf_counter()
        found = validate(paths).diagnostics
        took = time.perf_counter() - start
        assert code in {d.code for d in found}, found[:3]
        out.append({"case": f"{name}: {code}", "seconds": took})
    templates = folder / "templates"
    templates.mkdir()
    (templates / "municipality.html.j2").write_text("{{ 'A' * 10**10 }}", encoding="utf-8")
    small_norms, small = many_norms(folder / "small", 10)
    selection, _ = select([small], [small_norms])
    assert selection is not None
    start = time.perf_counter()
    try:
        report.municipality_html(selection.framework, selection.assessments[0], None,
                                 templates=templates)  # fmt: skip
    except TemplateLimit:
        out.append(
            {"case": "template {{ 'A' * 10**10 }}: refused", "seconds": time.perf_counter() - start}
        )
    else:
        raise AssertionError("the template was rendered")
    return out


def measure(pdf: bool, repeat: int) -> dict[str, list[dict[str, Any]]]:
    work = Path(tempfile.mkdtemp(prefix="normtoets-cost-"))
    out: list[dict[str, Any]] = []
    for name, make, n in [*CASES, *([PDF_CASE] if pdf else [])]:
        small, large = make(work / f"{len(out)}-small", n), make(work / f"{len(out)}-large", 10 * n)
        small()  # warm up: imports, compiled templates
        out.append(
            {
                "case": name,
                "n": n,
                "small": seconds(small, repeat),
                "large": seconds(large, 1 if make is PDF_CASE[1] else repeat),
            }
        )
    return {"linear": out, "refused": refused(work / "refused")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pdf", action="store_true", help="add the PDF of n and 10n norms")
    parser.add_argument("--json", action="store_true", help="print JSON (for run.py)")
    args = parser.parse_args()
    results = measure(args.pdf, args.repeat)
    if args.json:
        print(json.dumps(results))
        return
    for r in results["linear"]:
        print(
            f"{r['case']:<46} n={r['n']:<6,} {r['small']:7.3f} s  10n {r['large']:7.3f} s  "
            f"{r['large'] / r['small']:5.1f}×"
        )
    for r in results["refused"]:
        print(f"{r['case']:<60} {r['seconds']:7.3f} s")


if __name__ == "__main__":
    main()
