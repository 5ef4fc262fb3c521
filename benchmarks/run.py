"""Benchmarks at national scale: one command, one table of seconds and ratios.

    python benchmarks/run.py [--count 342] [--repeat 5] [--skip-pdf]

Every figure is the median of --repeat runs of a fresh process, measured in this run, so the
ratios compare like with like on this machine; the commands of a group run in turn, round by
round, so a machine that gets busier during the run slows baseline and subject alike. Peers
that are not installed are skipped (`pip install -e ".[bench]"` brings check-jsonschema and
yamllint).
"""

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from subprocess import DEVNULL

ROOT = Path(__file__).resolve().parents[1]
# What normtoets cannot do without: the interactive commands are measured against its import.
STACK_IMPORT = "import typer, rich, pydantic, ruamel.yaml"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate  # noqa: E402

PEAK_RSS = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
    "stdout=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def tool(name: str) -> str | None:
    path = BIN / name
    return str(path) if path.exists() else shutil.which(name)


def run_once(cmd: list[str], ok_codes: tuple[int, ...] = (0, 1)) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    seconds = time.perf_counter() - start
    if done.returncode not in ok_codes:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr.decode()}")
    return seconds


class Timing(float):
    """A median in seconds that keeps its rounds, so a ratio can show its spread."""

    runs: list[float]

    def __new__(cls, runs: list[float]) -> "Timing":
        timing = super().__new__(cls, statistics.median(runs))
        timing.runs = runs
        return timing


def timed_together(cmds: list[list[str]], repeat: int) -> list[Timing]:
    """Medians of `repeat` rounds in which every command runs once, in turn: a machine that
    gets busier or quieter during the run then slows baseline and subject alike."""
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(repeat):
        for i, cmd in enumerate(cmds):
            times[i].append(run_once(cmd))
    return [Timing(t) for t in times]


def spread(seconds: float, base: float) -> str:
    """The lowest and highest ratio of one round's subject to the same round's baseline."""
    runs, base_runs = getattr(seconds, "runs", None), getattr(base, "runs", None)
    if not runs or not base_runs or len(runs) != len(base_runs) or len(runs) < 2:
        return ""
    ratios = [a / b for a, b in zip(runs, base_runs, strict=True)]
    return f" ({min(ratios):.2f}–{max(ratios):.2f})"


def peak_mb(cmd: list[str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, *cmd], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return int(out.stdout.strip()) / 1024


def row(
    table: list[tuple[str, float, str]],
    name: str,
    seconds: float,
    base: float | None,
    base_name: str,
) -> None:
    ratio = f"{seconds / base:.2f}×{spread(seconds, base)} {base_name}" if base else ""
    table.append((name, seconds, ratio))
    print(f"  {name:<52} {seconds:8.3f} s  {ratio}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="normtoets benchmarks")
    parser.add_argument("--count", type=int, default=342)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-pdf", action="store_true", help="leave out the PDF figures")
    parser.add_argument(
        "--only",
        choices=["interactive", "office", "each", "reports", "kengetallen"],
        help="run one group of figures alone (reports: the PDFs and report --each)",
    )
    args = parser.parse_args()
    py = sys.executable
    normtoets = [py, "-m", "normtoets"]
    work = Path(tempfile.mkdtemp(prefix="normtoets-bench-"))
    # A wheel's modules are compiled when pip installs it; a machine with
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module in every run.
    subprocess.run([py, "-m", "compileall", "-q", str(ROOT / "src")], check=True, stdout=DEVNULL)
    try:
        figures(args, py, normtoets, work)
    finally:  # the generated studies and outputs: hundreds of megabytes
        shutil.rmtree(work, ignore_errors=True)


def figures(args: argparse.Namespace, py: str, normtoets: list[str], work: Path) -> None:
    study = work / "study"
    files = generate(study, args.count, 2019, ROOT / "norms" / "regioplan-sociaal-domein.yaml")
    print(f"{len(files)} fictional assessments in {study}; median of {args.repeat} runs\n")
    table: list[tuple[str, float, str]] = []
    if args.only == "interactive":
        interactive_figures(table, normtoets, work, max(args.repeat, 9))
        return
    if args.only == "office":
        office_figures(table, normtoets, work, study, args.repeat)
        return
    if args.only == "each":
        each_figures(table, normtoets, work, args.repeat)
        return
    if args.only == "reports":
        pdf_figures(table, normtoets, work, study, args.repeat)
        each_figures(table, normtoets, work, args.repeat)
        return
    if args.only == "kengetallen":
        kengetallen_figures(table, normtoets, work, args.count, args.repeat)
        return

    print("validate")
    checker, yamllint = tool("check-jsonschema"), tool("yamllint")
    group = {
        "floor": [py, str(ROOT / "benchmarks" / "floor.py"), str(study)],
        "validate": [*normtoets, "validate", "--format", "json", str(study)],
        # in the same rounds, so compare/validate divides medians of the same moments
        "compare": [*normtoets, "compare", "--format", "json", str(study)],
    }
    if checker:
        schema = str(ROOT / "schemas" / "assessment.schema.json")
        group["check-jsonschema"] = [checker, "--schemafile", schema, *map(str, files)]
    if yamllint:
        group["yamllint"] = [yamllint, "-f", "parsable", str(study)]
    seconds = dict(zip(group, timed_together(list(group.values()), args.repeat), strict=True))
    floor, validate = seconds["floor"], seconds["validate"]
    row(table, "C-loader parse alone (floor)", floor, None, "")
    row(table, f"normtoets validate ({len(files)} files)", validate, floor, "floor")
    if checker:
        # check-jsonschema parses with ruamel.yaml's typ="safe": C-based only with ruamel.yaml.clib
        clib = importlib.util.find_spec("_ruamel_yaml") is not None
        print(f"  (ruamel.yaml C extension for check-jsonschema: {'yes' if clib else 'NO'})")
        peer = seconds["check-jsonschema"]
        row(table, "check-jsonschema --schemafile (same files)", peer, None, "")
        row(table, "normtoets validate vs check-jsonschema", validate, peer, "check-jsonschema")
    if yamllint:
        lint = seconds["yamllint"]
        row(table, "yamllint (same files)", lint, None, "")
        row(table, "normtoets validate vs yamllint", validate, lint, "yamllint")

    print("compare")
    compare = seconds["compare"]
    row(
        table,
        f"normtoets compare ({len(files)} files, whole command)",
        compare,
        validate,
        "validate",
    )
    inproc = subprocess.run(
        [
            py,
            "-c",
            "import sys, time; from pathlib import Path;"
            "from normtoets.loading.selection import select;"
            "from normtoets.analysis import comparison as compare;"
            "s, _ = select([Path(sys.argv[1])]); t = time.perf_counter();"
            "[compare.build(s.framework, s.assessments, s.study) for _ in range(5)];"
            "print((time.perf_counter() - t) / 5)",
            str(study),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    row(table, "compare.build alone, beyond loading", float(inproc.stdout), None, "")

    print("start-up")
    bare, floor_imports, helped = timed_together(
        [[py, "-c", "pass"], [py, "-c", "import typer, rich"], [*normtoets, "--help"]],
        args.repeat,
    )
    row(table, "python -c pass", bare, None, "")
    row(table, "python -c 'import typer, rich'", floor_imports, bare, "python")
    row(table, "normtoets --help", helped, floor_imports, "typer+rich import")
    interactive_figures(table, normtoets, work, max(args.repeat, 9))

    office_figures(table, normtoets, work, study, args.repeat)
    kengetallen_figures(table, normtoets, work, args.count, args.repeat)
    cost_figures(table, args.repeat, pdf=not args.skip_pdf)
    if not args.skip_pdf:
        pdf_figures(table, normtoets, work, study, args.repeat)
        each_figures(table, normtoets, work, args.repeat)


def interactive_figures(
    table: list[tuple[str, float, str]], normtoets: list[str], work: Path, repeat: int
) -> None:
    """The commands a researcher types all day, on the bundled study, against the import of
    the stack normtoets cannot do without (typer, rich, pydantic, ruamel.yaml): every run does
    the whole work; `score` edits a copy (setting the value it has: the whole edit and proof)."""
    print("interactive (bundled study)")
    study = work / "bundled"
    shutil.copytree(ROOT / "assessments" / "integraal-werken-sociaal-domein", study)
    commands = {
        "validate": ["validate", str(study)],
        "status": ["status", str(study)],
        "compare": ["compare", str(study)],
        "score duiven.yaml B4 ++": ["score", str(study / "duiven.yaml"), "B4", "++"],
    }
    runs = [[sys.executable, "-c", STACK_IMPORT]]
    runs += [[*normtoets, *cmd] for cmd in commands.values()]
    base, *timings = timed_together(runs, repeat)
    row(table, f"python -c '{STACK_IMPORT}'", base, None, "")
    for name, seconds in zip(commands, timings, strict=True):
        row(table, f"normtoets {name}", seconds, base, "stack import")


def kengetallen_figures(
    table: list[tuple[str, float, str]], normtoets: list[str], work: Path, count: int, repeat: int
) -> None:
    """kengetallen over `count` generated municipalities with 26 kengetallen of 8 quarters,
    against validate of the same files: both load and check every file; kengetallen then
    reads every number and target and writes the result."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from kengetallen_data import with_kengetallen

    print(f"kengetallen ({count} municipalities × 26 kengetallen × 8 quarters)")
    study = work / "kengetallen-study"
    generate(study, count, 2019, ROOT / "norms" / "regioplan-sociaal-domein.yaml")
    norms = with_kengetallen(study)
    common = [str(study), "--norms", str(norms)]
    out = ["--force", "-o"]
    validate, as_json, as_csv = timed_together(
        [
            [*normtoets, "validate", *common],
            [*normtoets, "kengetallen", *common, "-f", "json", *out, str(work / "k.json")],
            [*normtoets, "kengetallen", *common, "-f", "csv", *out, str(work / "k.csv")],
        ],
        repeat,
    )
    row(table, "normtoets validate (baseline)", validate, None, "")
    row(table, "normtoets kengetallen --format json", as_json, validate, "validate")
    row(table, "normtoets kengetallen --format csv", as_csv, validate, "validate")


def office_figures(
    table: list[tuple[str, float, str]], normtoets: list[str], work: Path, study: Path, repeat: int
) -> None:
    """The scoring workbook: export, and import of an unchanged workbook (every cell read,
    compared and found equal, nothing written), against compare --format csv: the same
    files loaded and checked, the same table written."""
    print("office")
    workbook, table_file = work / "scoren.xlsx", work / "vergelijking.csv"
    run_once([*normtoets, "export", str(study), "-o", str(workbook), "--force"])
    baseline = [*normtoets, "compare", "--format", "csv", "-o", str(table_file), "--force"]
    compare, export, imported = timed_together(
        [
            [*baseline, str(study)],
            [*normtoets, "export", str(study), "-o", str(work / "again.xlsx"), "--force"],
            [*normtoets, "import", str(workbook)],
        ],
        repeat,
    )
    row(table, "normtoets compare --format csv (baseline)", compare, None, "")
    row(table, "normtoets export (scoring workbook)", export, compare, "compare csv")
    row(table, "normtoets import, no change", imported, compare, "compare csv")


def each_figures(
    table: list[tuple[str, float, str]], normtoets: list[str], work: Path, repeat: int
) -> None:
    """report --each over 40 generated municipalities: in parallel over the cores, against
    the same reports rendered one after another in one process (--jobs 1); the files of
    both must be the same bytes."""
    import filecmp

    print("report --each (40 municipalities, PDF)")
    study = work / "each-study"
    generate(study, 40, 2019, ROOT / "norms" / "regioplan-sociaal-domein.yaml")
    serial, parallel = work / "each-serial", work / "each-parallel"
    cores = len(os.sched_getaffinity(0))
    each = [*normtoets, "report", str(study), "--each", "--force", "-o"]
    one, many = timed_together(
        [[*each, str(serial), "--jobs", "1"], [*each, str(parallel)]],
        min(repeat, 3),  # a minute a run
    )
    names = sorted(p.name for p in serial.iterdir())
    same = all(filecmp.cmp(serial / n, parallel / n, shallow=False) for n in names)
    row(table, "report --each --jobs 1 (one after another)", one, None, "")
    row(table, f"report --each ({cores} cores; bytes identical: {same})", many, one, "--jobs 1")


def cost_figures(table: list[tuple[str, float, str]], repeat: int, pdf: bool) -> None:
    """Hostile input at n and 10n items (benchmarks/cost.py, start-up left out): ≈10× is
    linear, ≈100× quadratic. Then the inputs that set the limits, now refused."""
    print("cost bounded by input size (the fastest of --repeat runs in one process)")
    cmd = [sys.executable, str(ROOT / "benchmarks" / "cost.py"), "--json", "--repeat", str(repeat)]
    done = subprocess.run([*cmd, *(["--pdf"] if pdf else [])], capture_output=True, text=True,
                          cwd=ROOT, check=True)  # fmt: skip
    results = json.loads(done.stdout)
    for r in results["linear"]:
        n = r["n"]
        row(table, f"{r['case']}, n={n:,}", r["small"], None, "")
        row(table, f"{r['case']}, n={10 * n:,}", r["large"], r["small"], f"n={n:,} (≈10: linear)")
    for r in results["refused"]:
        row(table, r["case"], r["seconds"], None, "")


def pdf_figures(
    table: list[tuple[str, float, str]], normtoets: list[str], work: Path, study: Path, repeat: int
) -> None:
    py = sys.executable
    duiven = ROOT / "assessments" / "integraal-werken-sociaal-domein" / "duiven.yaml"
    print("reports")
    html = work / "duiven.html"
    (html_only,) = timed_together(
        [[*normtoets, "report", str(duiven), "-o", str(html), "--force"]], repeat
    )
    row(table, "Duiven report, HTML alone", html_only, None, "")
    pdf, weasy = timed_together(
        [
            [*normtoets, "report", str(duiven), "-o", str(work / "duiven.pdf"), "--force"],
            [py, str(ROOT / "benchmarks" / "weasy_alone.py"), str(html), str(work / "weasy.pdf")],
        ],
        repeat,
    )
    row(table, "WeasyPrint alone on the same HTML (with import)", weasy, None, "")
    row(table, "Duiven report, PDF (whole command)", pdf, weasy, "WeasyPrint alone")
    big_html = work / "vergelijking.html"
    subprocess.run(
        [*normtoets, "report", str(study), "--compare", "-o", str(big_html)], check=True, cwd=ROOT
    )
    big = [*normtoets, "report", str(study), "--compare", "-o", str(work / "vergelijking.pdf"),
           "--force"]  # fmt: skip
    big_weasy_cmd = [
        py,
        str(ROOT / "benchmarks" / "weasy_alone.py"),
        str(big_html),
        str(work / "weasy-big.pdf"),
    ]
    big_pdf, big_weasy = timed_together([big, big_weasy_cmd], repeat)
    row(table, f"WeasyPrint alone, {study.name} comparison HTML", big_weasy, None, "")
    row(
        table,
        "comparison PDF of all municipalities",
        big_pdf,
        big_weasy,
        "WeasyPrint alone",
    )
    ours, theirs = peak_mb(big), peak_mb(big_weasy_cmd)
    print(f"  {'comparison PDF peak memory, WeasyPrint alone':<52} {theirs:8.0f} MB")
    print(f"  {'comparison PDF peak memory, normtoets':<52} {ours:8.0f} MB  {ours / theirs:.2f}×")


if __name__ == "__main__":
    main()
