"""What real studies of samenwerkende rekenkamers need: a joint assessment of several
municipalities (one finding, counted once), units of another kind among the municipalities (a
provincie), a unit that is part of another (a dienst of a ministerie), and a scale of defects
that names only problems (no judgement is 'geen bevinding', not 'niet beoordeeld').

Each test builds a small study in tmp_path and shows one thing, through the CLI as a user runs it
and, where that is simpler, through the library (compare.build and the HTML of the reports)."""

import html as html_text
import json
import re
import textwrap
from pathlib import Path

import pytest

from conftest import DUTCH, REPO, Run, diagnostics_of
from normtoets.analysis import comparison as compare
from normtoets.loading.selection import select
from normtoets.report import comparison_html, municipality_html

EXAMPLE = REPO / "examples" / "gezamenlijk-onderzoek"

# A normal scale: ++ and + meet the norm, - and -- do not.
KADER = """\
id: kader
version: "1"
title: Klein normenkader
scale:
  levels:
    - {code: "++", label: voldoet volledig, meets: true, value: 2, color: "#1b7837"}
    - {code: "+", label: voldoet grotendeels, meets: true, value: 1, color: "#a6dba0"}
    - {code: "-", label: voldoet grotendeels niet, meets: false, value: -1, color: "#f4a582"}
    - {code: "--", label: voldoet niet, meets: false, value: -2, color: "#b2182b"}
themes:
  - id: beleid
    title: Beleid
    norms:
      - {id: N1, text: Het beleid is vastgesteld.}
      - {id: N2, text: Het beleid wordt geëvalueerd.}
"""

# A scale of defects: no level meets a norm, and a norm left out has no finding.
GEBREKEN = """\
id: gebreken
version: "1"
title: Gebrekenkader
scale:
  levels:
    - {code: eo, label: ernstige onvolkomenheid, meets: false, color: "#b2182b"}
    - {code: o, label: onvolkomenheid, meets: false, color: "#ef8a62"}
  no_finding: {code: gb, label: geen bevinding}
themes:
  - id: beheer
    title: Beheer
    norms:
      - {id: D1, text: Het beleid is actueel.}
      - {id: D2, text: Incidenten worden afgehandeld.}
      - {id: D3, text: Toegang wordt gecontroleerd.}
"""


@pytest.fixture
def norms(tmp_path: Path) -> Path:
    folder = tmp_path / "norms"
    folder.mkdir()
    (folder / "kader.yaml").write_text(KADER, encoding="utf-8")
    (folder / "gebreken.yaml").write_text(GEBREKEN, encoding="utf-8")
    return folder


def make_study(folder: Path, members: str, framework: str = "kader") -> Path:
    """A study folder with study.yaml; `members` is the YAML of its `municipalities` list."""
    folder.mkdir(parents=True)
    (folder / "study.yaml").write_text(
        textwrap.dedent(f"""\
            id: proef
            title: Proefonderzoek
            rekenkamer: Rekenkamer Proef
            framework: {{id: {framework}, version: "1"}}
            municipalities:
            """)
        + textwrap.indent(textwrap.dedent(members).strip() + "\n", "  "),
        encoding="utf-8",
    )
    return folder


def add_assessment(
    folder: Path, file: str, unit: str, judgements: str = "", framework: str = "kader"
) -> Path:
    """One concept assessment. `unit`: its `municipality:` or `municipalities:` line(s);
    `judgements`: the YAML under `judgements:`, one norm a line."""
    body = textwrap.indent(textwrap.dedent(judgements).strip(), "  ")
    path = folder / file
    path.write_text(
        f'framework: {{id: {framework}, version: "1"}}\n'
        f"{textwrap.dedent(unit).strip()}\n"
        "study: proef\n"
        "status: concept\n" + (f"judgements:\n{body}\n" if body else "judgements: {}\n"),
        encoding="utf-8",
    )
    return path


def compare_json(run: Run, folder: Path, norms: Path) -> dict:
    result = run("compare", "--norms", norms, "-f", "json", folder)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def matrix(folder: Path, norms: Path) -> compare.Comparison:
    selection, diagnostics = select([folder], [norms])
    assert selection is not None, diagnostics
    return compare.build(selection.framework, selection.assessments, selection.study)


def comparison_page(folder: Path, norms: Path) -> str:
    """The comparison report's HTML (no PDF)."""
    selection, diagnostics = select([folder], [norms])
    assert selection is not None, diagnostics
    return comparison_html(selection.framework, selection.assessments, selection.study)


def visible(page: str) -> str:
    """The text a reader sees: tags left out (and the scores' labels for assistive technology,
    which are not shown), entities read, whitespace as single spaces."""
    page = re.sub(r'<span class="at-label">[^<]*</span>', "", page)
    text = html_text.unescape(re.sub(r"<[^>]+>", " ", page))
    return " ".join(text.split())


def element(page: str, tag: str, css_class: str) -> str:
    """The first <tag class="css_class">…</tag> of the page ('' when there is none)."""
    found = re.search(rf'<{tag} class="{css_class}">.*?</{tag}>', page, re.S)
    return found.group(0) if found else ""


def intro(page: str) -> str:
    """The visible text of the chapter Inleiding."""
    text = visible(page)
    start = text.index("Deze vergelijking zet de scores")
    return text[start : text.index("Scoreoverzicht", start)]


# ---------------------------------------------------------------- joint assessments


@pytest.fixture
def joint(tmp_path: Path) -> Path:
    """A and B share one assessment (++ on both norms); C scores -- on N1 and nb on N2: so N1
    has two findings that differ, N2 only the joint one."""
    folder = make_study(tmp_path / "gezamenlijk", "[A, B, C]")
    add_assessment(
        folder,
        "ab.yaml",
        "municipalities: [A, B]",
        """
        N1: {score: "++", finding: Het beleid is in 2024 vastgesteld. Het is openbaar.}
        N2: {score: "++", finding: Het beleid is geëvalueerd.}
        """,
    )
    add_assessment(
        folder,
        "c.yaml",
        "municipality: C",
        """
        N1: {score: "--", finding: Er is geen beleid.}
        N2: {score: nb}
        """,
    )
    return folder


def test_a_joint_assessment_validates_clean(run: Run, joint: Path, norms: Path) -> None:
    result = run("validate", "--norms", norms, "-f", "json", joint)
    assert result.exit_code == 0, result.output
    assert [d for d in diagnostics_of(result) if d["severity"] != "info"] == []


def test_a_joint_assessment_gives_each_unit_its_column(run: Run, joint: Path, norms: Path) -> None:
    data = compare_json(run, joint, norms)
    assert data["municipalities"] == ["A", "B", "C"]
    assert data["scores"]["A"] == data["scores"]["B"] == {"N1": "++", "N2": "++"}
    assert data["joint"] == [["A", "B"]]
    # The keys from before joint assessments keep their shape.
    assert data["framework"] == {"id": "kader", "version": "1"}
    assert data["norms"] == ["N1", "N2"]
    assert data["scores"]["C"] == {"N1": "--", "N2": None}
    assert set(data["scores"]) == set(data["criteria"]) == {"A", "B", "C"}
    assert all(criteria == {} for criteria in data["criteria"].values())
    assert data["basis"] == {}


def test_a_joint_assessment_is_one_finding(joint: Path, norms: Path) -> None:
    rows = {row.id: row for row in matrix(joint, norms).rows}
    assert rows["N1"].scored == 2  # A+B once, and C: not 3
    assert rows["N1"].compared and rows["N1"].differs
    assert rows["N2"].scored == 1  # only the joint finding: not two that agree
    assert not rows["N2"].compared and not rows["N2"].differs


def test_a_norm_only_the_joint_assessment_scored_is_not_compared(
    tmp_path: Path, norms: Path
) -> None:
    """N1: A+B and C agree (two findings); N2: only A+B scored it. N2 is no norm without
    difference, and the introduction counts one compared norm, not two."""
    folder = make_study(tmp_path / "gezamenlijk", "[A, B, C]")
    add_assessment(
        folder, "ab.yaml", "municipalities: [A, B]", 'N1: {score: "++"}\nN2: {score: "++"}'
    )
    add_assessment(folder, "c.yaml", "municipality: C", 'N1: {score: "++"}\nN2: {score: nb}')
    page = comparison_page(folder, norms)
    uncompared = visible(element(page, "p", "uncompared"))
    assert uncompared.startswith("Niet te vergelijken"), uncompared
    assert "N2" in uncompared and "N1" not in uncompared
    same = visible(element(page, "table", "same"))
    assert "N1" in same and "N2" not in same
    text = intro(page)
    assert (
        "Op de enige norm waarop ten minste twee gemeenten een score hebben, verschillen ze "
        "niet van elkaar" in text
    ), text
    assert "Op de 2 normen" not in text


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_a_joint_example_is_named_once(run: Run, joint: Path, norms: Path, fmt: str) -> None:
    result = run(
        "compare", "--norms", norms, "-f", fmt, "--lessons", joint,
        env={**DUTCH, "NO_COLOR": "1", "COLUMNS": "200"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lessons = result.stdout[result.stdout.index("Voorbeeld voor de anderen") :]
    examples = [line for line in lessons.splitlines() if "N1" in line]
    assert len(examples) == 1, lessons
    assert "A en B (gezamenlijk)" in examples[0]
    assert lessons.count("A en B (gezamenlijk)") == 1
    # Neither A nor B is named on its own, as the example or as a second one.
    assert not re.search(r"\b[AB]\b", lessons.replace("A en B (gezamenlijk)", "")), lessons


@pytest.mark.parametrize(
    "unit",
    [
        pytest.param("municipalities: [A]", id="one-name"),
        pytest.param("municipalities: [A, A]", id="twice"),
        pytest.param('municipalities: [A, " a "]', id="twice-other-case"),
        pytest.param('municipalities: ["Súdwest", "su\u0301dwest"]', id="twice-other-form"),
        pytest.param("municipality: C\nmunicipalities: [A, B]", id="both-keys"),
    ],
)
def test_a_wrong_joint_list_is_an_error_with_its_place(
    run: Run, tmp_path: Path, norms: Path, unit: str
) -> None:
    folder = make_study(tmp_path / "fout", '[A, B, C, "Súdwest"]')
    path = add_assessment(folder, "fout.yaml", unit, 'N1: {score: "+"}\nN2: {score: "+"}')
    result = run("validate", "--norms", norms, "-f", "json", folder)
    assert result.exit_code == 1, result.output
    errors = [d for d in diagnostics_of(result) if d["file"].endswith("fout.yaml")]
    assert [d["severity"] for d in errors] == ["error"], errors
    assert errors[0]["line"] >= 1 and errors[0]["column"] >= 1
    text = run("validate", "--norms", norms, folder)
    assert text.exit_code == 1
    assert re.search(rf"^{re.escape(str(path))}:\d+:\d+: error ", text.stdout, re.M), text.stdout


def test_a_joint_and_a_separate_assessment_of_one_municipality(
    run: Run, joint: Path, norms: Path
) -> None:
    add_assessment(joint, "zz-a.yaml", "municipality: A", 'N1: {score: "+"}\nN2: {score: "+"}')
    result = run("validate", "--norms", norms, "-f", "json", joint)
    assert result.exit_code == 1, result.output
    twice = [d for d in diagnostics_of(result) if d["code"] == "duplicate-municipality"]
    assert len(twice) == 1, twice
    assert twice[0]["severity"] == "error"
    assert twice[0]["message"].startswith("A is assessed twice"), twice[0]
    assert twice[0]["file"].endswith("zz-a.yaml")
    refused = run("compare", "--norms", norms, "-f", "json", joint)
    assert refused.exit_code != 0 and refused.stdout == ""
    assert "[duplicate-municipality] A " in refused.stderr, refused.stderr


# ---------------------------------------------------------------- units of another kind


@pytest.fixture
def kinds(tmp_path: Path) -> Path:
    folder = make_study(
        tmp_path / "soorten",
        """
        - A
        - {name: Gelderland, unit: provincie}
        - B
        - C
        """,
    )
    for name in ["A", "Gelderland", "B", "C"]:
        add_assessment(
            folder, f"{name.lower()}.yaml", f"municipality: {name}",
            'N1: {score: "+", finding: Goed.}\nN2: {score: "-", finding: Matig.}',
        )  # fmt: skip
    return folder


def test_a_provincie_among_gemeenten_in_the_report(kinds: Path, norms: Path) -> None:
    page = comparison_page(kinds, norms)
    assert "de scores van 3 gemeenten en 1 provincie naast elkaar" in intro(page)
    rows = re.findall(r'<th scope="row" class="municipality[^"]*">(.*?)</th>', page, re.S)
    assert [visible(row) for row in rows] == ["A", "Gelderland (provincie)", "B", "C"]


def test_a_provincie_among_gemeenten_in_compare(run: Run, kinds: Path, norms: Path) -> None:
    data = compare_json(run, kinds, norms)
    assert data["kinds"] == {
        "A": "gemeente", "Gelderland": "provincie", "B": "gemeente", "C": "gemeente"
    }  # fmt: skip
    for fmt in ["table", "markdown"]:
        result = run(
            "compare", "--norms", norms, "-f", fmt, kinds,
            env={**DUTCH, "NO_COLOR": "1", "COLUMNS": "200"},
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        legend = [line for line in result.stdout.splitlines() if line.startswith("soorten:")]
        assert [line.rstrip() for line in legend] == [
            "soorten: elk een gemeente, behalve Gelderland (provincie)"
        ], result.stdout


# ---------------------------------------------------------------- a part of another unit


def test_a_part_follows_its_whole_and_keeps_its_own_scores(
    run: Run, tmp_path: Path, norms: Path
) -> None:
    folder = make_study(
        tmp_path / "delen",
        """
        - {name: IND, part_of: Ministerie}
        - A
        - Ministerie
        """,
    )
    add_assessment(folder, "ind.yaml", "municipality: IND", 'N1: {score: "-"}')
    add_assessment(folder, "a.yaml", "municipality: A", 'N1: {score: "+"}\nN2: {score: "+"}')
    add_assessment(
        folder, "ministerie.yaml", "municipality: Ministerie",
        'N1: {score: "+"}\nN2: {score: "++", finding: Goed geregeld.}',
    )  # fmt: skip
    data = compare_json(run, folder, norms)
    assert data["municipalities"] == ["A", "Ministerie", "IND"]
    assert data["parts"] == {"IND": "Ministerie"}
    assert data["scores"]["Ministerie"]["N2"] == "++"
    assert data["scores"]["IND"] == {"N1": "-", "N2": None}  # the whole's score not copied


# ---------------------------------------------------------------- a scale of defects


def defects(tmp_path: Path, *, explicit_nb: bool) -> Path:
    """P: o on D1, nothing on D2 and D3. Q: eo on D1 and D2; D3 left out, or `nb`."""
    folder = make_study(tmp_path / "gebreken", "[P, Q]", framework="gebreken")
    add_assessment(
        folder, "p.yaml", "municipality: P",
        "D1: {score: o, finding: Het beleid is verouderd.}", framework="gebreken",
    )  # fmt: skip
    q = "D1: {score: eo, finding: Er is geen beleid.}\nD2: {score: eo, finding: Niets.}"
    add_assessment(
        folder, "q.yaml", "municipality: Q",
        q + ("\nD3: {score: nb}" if explicit_nb else ""), framework="gebreken",
    )  # fmt: skip
    return folder


def test_no_judgement_on_a_scale_of_defects_is_no_mistake(
    run: Run, tmp_path: Path, norms: Path
) -> None:
    folder = defects(tmp_path, explicit_nb=False)
    result = run("validate", "--norms", norms, "-f", "json", folder)
    assert result.exit_code == 0, result.output
    assert [d for d in diagnostics_of(result) if d["code"] == "missing-judgement"] == []
    assert [d for d in diagnostics_of(result) if d["severity"] != "info"] == []


def test_no_judgement_on_a_scale_of_defects_is_no_finding(
    run: Run, tmp_path: Path, norms: Path
) -> None:
    data = compare_json(run, defects(tmp_path, explicit_nb=True), norms)
    assert data["scores"] == {
        "P": {"D1": "o", "D2": "gb", "D3": "gb"},
        "Q": {"D1": "eo", "D2": "eo", "D3": None},  # an explicit nb stays not assessed
    }


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_lessons_on_a_scale_of_defects_do_not_deny_a_difference(
    run: Run, tmp_path: Path, norms: Path, fmt: str
) -> None:
    folder = defects(tmp_path, explicit_nb=False)
    assert matrix(folder, norms).rows[0].differs  # D1: o against eo
    result = run("compare", "--norms", norms, "-f", fmt, "--lessons", folder)
    assert result.exit_code == 0, result.output
    assert "≠" in result.stdout
    assert "No norm on which" not in result.stdout, result.stdout
    assert "no score on this scale meets the norm" in result.stdout  # why there is no example


def _not_assessed_said(page: str) -> int:
    """How often the report says 'niet beoordeeld', leaving out the legend of the scale (which
    names every code, used or not)."""
    return visible(page.replace(element(page, "table", "legend"), "")).count("niet beoordeeld")


def test_the_comparison_report_on_a_scale_of_defects(tmp_path: Path, norms: Path) -> None:
    page = comparison_page(defects(tmp_path / "zonder", explicit_nb=False), norms)
    text = visible(page)
    assert _not_assessed_said(page) == 0, text
    assert 'class="cell cell-not-assessed"' not in page
    assert page.count('class="cell cell-no-finding"') == 3  # P: D2, D3; Q: D3
    assert "Kan als voorbeeld dienen" not in text
    assert "Voldaan per" not in text
    assert "De schaal meldt alleen tekortkomingen" in intro(page)
    # The same study with Q's D3 written as nb: that one is said to be not assessed.
    marked = comparison_page(defects(tmp_path / "met", explicit_nb=True), norms)
    assert _not_assessed_said(marked) >= 1
    assert marked.count('class="cell cell-not-assessed"') == 1
    assert marked.count('class="cell cell-no-finding"') == 2


def test_the_municipality_report_on_a_scale_of_defects(tmp_path: Path, norms: Path) -> None:
    selection, diagnostics = select([defects(tmp_path, explicit_nb=False) / "p.yaml"], [norms])
    assert selection is not None, diagnostics
    page = municipality_html(selection.framework, selection.assessments[0], selection.study)
    assert isinstance(page, str)
    text = visible(page)
    assert "geen bevinding" in text
    assert "op 2 geen bevinding" in text  # D2 and D3
    assert "voldoet aan 0" not in text
    assert _not_assessed_said(page) == 0, text


# ---------------------------------------------------------------- the bundled example


def test_the_bundled_example_validates(run: Run) -> None:
    result = run("validate", "--norms", EXAMPLE / "norms", "-f", "json", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert [d for d in diagnostics_of(result) if d["severity"] != "info"] == []


def test_the_bundled_example_comparison_report() -> None:
    text = visible(comparison_page(EXAMPLE, EXAMPLE / "norms"))
    assert "4 gemeenten, 1 provincie en 1 provinciale dienst" in text
    assert "Aadorp en Beekveld zijn gezamenlijk beoordeeld" in text


def test_status_counts_no_finding_as_done_on_a_scale_of_defects(run: Run) -> None:
    """A norm the study does not mention has no finding: not open work. Only Dijkhuizen's
    explicit nb is open; the kinds differ, so the column is headed 'unit'."""
    result = run("status", "--norms", EXAMPLE / "norms", "-f", "json", EXAMPLE)
    assert result.exit_code == 0, result.output
    rows = {r["municipality"]: r for r in json.loads(result.stdout)}
    assert rows["Aadorp and Beekveld"]["norms_scored"] == 6
    assert rows["Aadorp and Beekveld"]["without_finding"] == []
    assert rows["Dijkhuizen"]["norms_scored"] == 5
    assert rows["Zuiderland"]["unit"] == "provincie"
    header = next(line for line in run("status", "--norms", EXAMPLE / "norms", EXAMPLE)
                  .stdout.splitlines() if "status" in line and "norms" in line)  # fmt: skip
    assert header.strip("┃ ").split()[0] == "unit", header


NATIONAL = REPO / "examples" / "landelijk-onderzoek"


def test_kengetallen_per_cbs_size_class(run: Run) -> None:
    """--group-by inwoners: every unit in one CBS class, each class's benchmark over its own."""
    result = run("kengetallen", "--norms", NATIONAL / "norms", "-f", "json", "--group-by",
                 "inwoners", NATIONAL)  # fmt: skip
    assert result.exit_code == 0, result.output
    groups = json.loads(result.stdout)["groups"]
    assert groups["attribute"] == "inwoners"
    assert sum(len(units) for units in groups["units"].values()) == 42
    assert set(groups["units"]) <= {"< 5.000", "5.000–10.000", "10.000–20.000", "20.000–50.000",
                                    "50.000–100.000", "100.000–150.000", "150.000–250.000",
                                    "≥ 250.000"}  # fmt: skip
    for group, units in groups["units"].items():
        assert groups["benchmark"][group]["K1"]["n"] == len(units)


def test_status_counts_the_untestable_streefwaarden(run: Run) -> None:
    samen = REPO / "examples" / "samen-sterk"
    rows = json.loads(run("status", "-f", "json", samen).stdout)
    assert rows[0]["untestable_targets"][:3] == ["K01", "K03", "K04"]
    assert (len(rows[0]["untestable_targets"]), rows[0]["targets"]) == (23, 26)
