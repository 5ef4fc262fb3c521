"""Cost bounded by input size: ten times the items is about ten times the work.

Work is counted, not timed: the number of Python lines executed (normtoets, its libraries and
the compiled templates) while validating, scoring or rendering hostile but valid input at n
and 10n items. Linear work gives a ratio near 10 (a sort adds a little); a quadratic path gives
near 100. C code (the YAML parser, pydantic) is not counted; it is linear.
"""

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from conftest import ACCEPTANCE
from normtoets import report
from normtoets.authoring import scoring
from normtoets.loading.selection import select
from normtoets.loading.session import Session
from normtoets.loading.validate import validate
from normtoets.rules.suggest import MAX_HINTS

NORMS = ACCEPTANCE / "norms"
LINEAR = 15  # the largest ratio of work at 10n to work at n that still counts as linear


def steps(work: Callable[[], Any]) -> int:
    """Python lines executed by `work()`, in every module."""
    count = 0

    def line(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return line

    def call(frame: FrameType, event: str, arg: Any) -> Any:
        return line

    previous = sys.gettrace()
    sys.settrace(call)
    try:
        work()
    finally:
        sys.settrace(previous)
    return count


def ratio(make: Callable[[Path, int], Callable[[], Any]], tmp_path: Path, n: int) -> float:
    small, large = make(tmp_path / "small", n), make(tmp_path / "large", 10 * n)
    small()  # warm up: imports, compiled templates
    return steps(large) / steps(small)


# ---------------------------------------------------------------------------- hostile input


def many_sources(folder: Path, n: int) -> Path:
    """n sources in one long `via` chain ending in a file; n quotes; n unknown sources."""
    folder.mkdir(parents=True)
    (folder / "nota.txt").write_text("De gemeente werkt samen met de huisartsen.\n")
    chain = [f"  - {{id: s{i}, kind: document, title: t, via: s{i + 1}}}" for i in range(n - 1)]
    evidence = [f'      - {{source: s{i}, quote: "citaat {i}"}}' for i in range(n)]
    evidence += [f"      - {{source: x{i}, note: n}}" for i in range(n)]
    text = "\n".join(
        [
            'framework: {id: mini, version: "1"}',
            "municipality: Testdorp",
            "status: concept",
            "sources:",
            *chain,
            f"  - {{id: s{n - 1}, kind: document, title: t, file: nota.txt}}",
            "judgements:",
            "  B1:",
            '    score: "+"',
            "    evidence:",
            *evidence,
        ]
    )
    path = folder / "testdorp.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def many_norms(folder: Path, n: int) -> tuple[Path, Path]:
    """A framework of n norms with two criteria each and n research questions; an assessment
    judging every norm, with unknown norms and criteria of other norms, answers, conclusions."""
    norms = folder / "norms"
    norms.mkdir(parents=True)
    framework = [
        "id: groot",
        'version: "1"',
        "title: Groot",
        "scale:",
        "  levels:",
        '    - {code: "+", label: voldoet, meets: true, value: 1}',
        '    - {code: "-", label: voldoet niet, meets: false, value: -1}',
        "themes:",
    ]
    for i in range(n):
        if i % 10 == 0:
            framework += [f"  - id: t{i}", f"    title: Thema {i}", "    norms:"]
        framework.append(
            f"      - {{id: N{i}, text: Norm {i}., rollup: all, "
            f"criteria: [{{id: N{i}.a, text: a}}, {{id: N{i}.b, text: b}}]}}"
        )
    framework.append("research_questions:")
    framework += [f"  - {{id: Q{i}, text: Vraag {i}, norms: [N{i}]}}" for i in range(n)]
    (norms / "groot.yaml").write_text("\n".join(framework) + "\n", encoding="utf-8")
    assessment = [
        'framework: {id: groot, version: "1"}',
        "municipality: Testdorp",
        "status: concept",
        "judgements:",
    ]
    for i in range(n):
        other = (i + 1) % n
        assessment.append(
            f'  N{i}: {{score: "-", finding: Bevinding {i}., criteria: '
            f'{{N{i}.a: {{score: "+"}}, N{other}.b: {{score: "+"}}}}}}'
        )
    assessment += [f'  N{i}.a: {{score: "+"}}' for i in range(n)]  # criteria, not norms
    assessment.append("answers:")
    assessment += [f"  - {{questions: [Q{i}, X{i}], text: Antwoord.}}" for i in range(n)]
    assessment.append("conclusions:")
    assessment += [f"  - {{id: C{i}, text: Conclusie., norms: [N{i}, M{i}]}}" for i in range(n)]
    path = folder / "testdorp.yaml"
    path.write_text("\n".join(assessment) + "\n", encoding="utf-8")
    return norms, path


def valid_norms(folder: Path, n: int) -> tuple[Path, Path]:
    """The framework of many_norms with an assessment that is valid: reports render it."""
    norms, path = many_norms(folder, n)
    judged = [f'  N{i}: {{score: "+", finding: Bevinding {i}.}}' for i in range(n)]
    path.write_text(
        'framework: {id: groot, version: "1"}\nmunicipality: Testdorp\nstatus: concept\n'
        "judgements:\n" + "\n".join(judged) + "\n",
        encoding="utf-8",
    )
    return norms, path


def many_themes(folder: Path, n: int) -> tuple[Path, Path, Path]:
    """n themes of one norm each, n questions; two rounds of one municipality with n
    conclusions, n recommendations and, in the later round, n follow-ups."""
    norms = folder / "norms"
    norms.mkdir(parents=True)
    framework = [
        "id: thema",
        'version: "1"',
        "title: Thema's",
        "scale:",
        "  levels:",
        '    - {code: "+", label: voldoet, meets: true, value: 1}',
        '    - {code: "-", label: voldoet niet, meets: false, value: -1}',
        "themes:",
    ]
    for i in range(n):
        framework += [
            f"  - {{id: t{i}, title: Thema {i}, norms: [{{id: N{i}, text: Norm {i}., "
            f"criteria: [{{id: N{i}.a, text: a}}, {{id: N{i}.b, text: b}}]}}]}}"
        ]
    framework.append("research_questions:")
    framework += [f"  - {{id: Q{i}, text: Vraag {i}, norms: [N{i}]}}" for i in range(n)]
    (norms / "thema.yaml").write_text("\n".join(framework) + "\n", encoding="utf-8")

    def round_(name: str, follow_up: bool) -> Path:
        lines = [
            'framework: {id: thema, version: "1"}',
            "municipality: Testdorp",
            "status: concept",
            "sources:",
            "  - {id: nota, kind: document, title: Nota}",
            "judgements:",
        ]
        for i in range(n):
            score = "+-"[(i + follow_up) % 2]
            lines += [
                f'  N{i}: {{score: "{score}", finding: Bevinding {i}. Meer., criteria: '
                f'{{N{i}.a: {{score: "{score}"}}}}, evidence: [{{source: nota, note: n}}]}}'
            ]
        lines.append("answers:")
        lines += [f"  - {{questions: [Q{i}], text: Antwoord {i}.}}" for i in range(n)]
        lines.append("conclusions:")
        lines += [f"  - {{id: C{i}, text: Conclusie {i}., norms: [N{i}]}}" for i in range(n)]
        lines.append("recommendations:")
        lines += [
            f'  - {{id: "{i}", to: raad, text: Doe {i}., norms: [N{i}], conclusions: [C{i}]}}'
            for i in range(n)
        ]
        if follow_up:
            lines.append("follow_up:")
            lines += [f'  - {{recommendation: "{i}", status: uitgevoerd}}' for i in range(n)]
        path = folder / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return norms, round_("2019.yaml", False), round_("2023.yaml", True)


# ---------------------------------------------------------------------------- the commands


def validating_sources(folder: Path, n: int) -> Callable[[], Any]:
    path = many_sources(folder, n)
    return lambda: validate([path], [NORMS])


def validating_norms(folder: Path, n: int) -> Callable[[], Any]:
    norms, path = many_norms(folder, n)
    return lambda: validate([norms, path], [norms])


def scoring_norms(folder: Path, n: int) -> Callable[[], Any]:
    norms, path = valid_norms(folder, n)
    edit = scoring.Edit(f"N{n - 1}", "-")
    return lambda: scoring.apply(path, edit, Session([norms]))


def reporting_norms(folder: Path, n: int) -> Callable[[], Any]:
    norms, path = valid_norms(folder, n)

    def work() -> None:
        selection, diagnostics = select([path], [norms])
        assert selection is not None, diagnostics
        one = selection.assessments[0]
        report.municipality_html(selection.framework, one, None)
        report.comparison_html(selection.framework, [one], None)

    return work


def every_command(folder: Path, n: int) -> Callable[[], Any]:
    """compare, diff and status in every format, and both reports with Doorwerking."""
    import io

    from rich.console import Console

    from normtoets.analysis import comparison as compare
    from normtoets.analysis.progress import progress
    from normtoets.loading import rounds
    from normtoets.output import comparison as compared
    from normtoets.output import diff as diffed
    from normtoets.output import progress as progressed
    from normtoets.output.csvtext import csv_text

    norms, old, new = many_themes(folder, n)

    def work() -> None:
        selection, diagnostics = select([new], [norms])
        assert selection is not None, diagnostics
        one, framework = selection.assessments[0], selection.framework
        result = compare.build(framework, selection.assessments, None)
        console = Console(file=io.StringIO(), width=120)
        compared.render_table(console, result, criteria=True, mean=True, only_differences=False)
        csv_text(compared.to_table(result, criteria=True, only_differences=False))
        compared.to_markdown(
            result, criteria=True, mean=True, only_differences=False, with_lessons=True
        )
        compared.to_json(result)
        loaded, diagnostics = rounds.load(old, new, [norms])
        assert loaded is not None, diagnostics
        diffed.render_table(console, loaded.diff, criteria=True)
        csv_text(diffed.to_table(loaded.diff, criteria=True))
        diffed.to_markdown(loaded.diff, criteria=True)
        diffed.to_json(loaded.diff)
        progressed.render_json([progress("x", framework, one)])
        progressed.render_table(console, [progress("x", framework, one)])
        report.municipality_html(framework, one, None, since=loaded.diff, split=True)
        report.comparison_html(framework, [one], None)

    return work


@pytest.mark.parametrize(
    "make, n",
    [
        (validating_sources, 150),
        (validating_norms, 60),
        (scoring_norms, 60),
        (reporting_norms, 30),
        (every_command, 15),
    ],
    ids=["validate-sources", "validate-norms", "score-norms", "report-norms", "every-command"],
)
def test_work_grows_linearly(make, n: int, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    measured = ratio(make, tmp_path, n)
    print(f"{make.__name__}: {measured:.1f}")
    assert measured < LINEAR


def test_the_hostile_inputs_are_what_they_claim(tmp_path: Path) -> None:
    """The sources case reaches the hints and the via chain; the norms case every rule."""
    found = validate([many_sources(tmp_path / "s", 5)], [NORMS]).diagnostics
    assert {d.code for d in found} == {"unknown-source", "quote-not-found", "missing-judgement"}
    assert sum(d.code == "quote-not-found" for d in found) == 5
    norms, path = many_norms(tmp_path / "n", 5)
    codes = {d.code for d in validate([norms, path], [norms]).diagnostics}
    assert codes == {
        "unknown-norm",
        "unknown-criterion",
        "unknown-question",
        "rollup-departure",
    }
    norms, path = valid_norms(tmp_path / "v", 5)
    assert [d.code for d in validate([norms, path], [norms]).diagnostics] == []


def test_did_you_mean_hints_stop_after_the_limit(tmp_path: Path) -> None:
    """Each hint compares with every known id: a file full of unknown ids gets the first few."""
    found = validate([many_sources(tmp_path / "s", MAX_HINTS + 5)], [NORMS]).diagnostics
    hints = [d.hint for d in found if d.code == "unknown-source"]
    assert len(hints) == MAX_HINTS + 5
    assert all(h and h.startswith("did you mean") for h in hints[:MAX_HINTS])
    assert hints[MAX_HINTS:] == ["add it under 'sources'"] * 5
