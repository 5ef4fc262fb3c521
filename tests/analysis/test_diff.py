"""diff: two rounds of one municipality (library and CLI), against small golden files."""

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import ACCEPTANCE, DUTCH, GOLDEN, REPO, golden
from normtoets.analysis import diff
from normtoets.loading import rounds
from normtoets.models import CriterionJudgement, Framework, Judgement

FIXTURE = REPO / "tests" / "fixtures" / "diff"
OLD = FIXTURE / "testdorp-2019.yaml"
SAME_VERSION = FIXTURE / "testdorp-2023.yaml"  # mini@1, like OLD
MAPPED = FIXTURE / "testdorp-2024.yaml"  # mini@3, which maps B2 of mini@1 onto B3
NORMS = ["--norms", ACCEPTANCE / "norms", "--norms", FIXTURE / "norms"]
PLAIN = {"NO_COLOR": "1", "COLUMNS": "100"}
PLAIN_DUTCH = {**PLAIN, **DUTCH}


def build(old: Path, new: Path) -> diff.Diff:
    loaded, diagnostics = rounds.load(old, new, [ACCEPTANCE / "norms", FIXTURE / "norms"])
    assert loaded is not None, diagnostics
    return loaded.diff


def changes(result: diff.Diff) -> dict[str | None, tuple[str | None, str]]:
    return {row.id or row.old_id: (row.old_id, row.change.value) for row in result.norms}


def test_same_version_norm_by_norm() -> None:
    result = build(OLD, SAME_VERSION)
    assert changes(result) == {
        "B1": ("B1", "worse"),  # ++ → +
        "B2": ("B2", "better"),  # -- → -
        "U1": ("U1", "not comparable"),  # + → nvt
    }
    assert [(p.recommendation.id, p.follow_up is not None) for p in result.recommendations] == [
        ("1", True),
        ("2", True),
    ]
    assert result.problems == []


def test_mapped_version_follows_maps_from() -> None:
    result = build(OLD, MAPPED)
    assert changes(result) == {
        "B1": ("B1", "same"),
        "B3": ("B2", "better"),  # renamed in mini@3
        "B4": (None, "new"),
        "U1": ("U1", "same"),
    }
    assert [row.theme.id for row in result.norms] == ["beleid"] * 3 + ["uitvoering"]


def test_dropped_norm_and_own_scales() -> None:
    earlier = build(OLD, SAME_VERSION)
    data = earlier.old_framework.model_dump(mode="json")
    data["version"] = "9"
    data["themes"] = data["themes"][:1]  # U1 is gone
    data["maps_from"] = [{"version": "1"}]
    data["scale"]["levels"] = [  # two levels with other codes
        {"code": "ja", "label": "voldoet", "meets": True},
        {"code": "nee", "label": "voldoet niet", "meets": False},
    ]
    later = type(earlier.old_framework).model_validate(data)
    assessment = earlier.old.model_copy(update={"judgements": {}})
    result = diff.build(earlier.old, earlier.old_framework, assessment, later)
    assert changes(result) == {
        "B1": ("B1", "not comparable"),
        "B2": ("B2", "not comparable"),
        "U1": ("U1", "dropped"),
    }
    assert result.norms[-1].old == "+" and result.norms[-1].new is None
    # Different level codes: each score ranked on its own scale, best 0 … worst 1.
    assert diff.compare_scores(earlier.old_framework, "-", later, "nee") is diff.Change.worse
    assert diff.compare_scores(earlier.old_framework, "+", later, "ja") is diff.Change.better
    assert diff.compare_scores(earlier.old_framework, "--", later, "nee") is diff.Change.same


# ---------------------------------------------------------------- criteria


def criteria(
    row: diff.NormChange,
) -> list[tuple[str | None, str | None, str | None, str | None, str]]:
    return [(c.id, c.old_id, c.old, c.new, c.change.value) for c in row.criteria]


def norm(result: diff.Diff, norm_id: str) -> diff.NormChange:
    return next(row for row in result.norms if (row.id or row.old_id) == norm_id)


def test_criteria_same_version() -> None:
    result = build(OLD, SAME_VERSION)
    # U1 is nvt in 2023 and scores no criteria: both criteria have nothing to compare with.
    assert criteria(norm(result, "U1")) == [
        ("U1.a", "U1.a", "+", None, "not comparable"),
        ("U1.b", "U1.b", "++", None, "not comparable"),
    ]
    assert norm(result, "B1").criteria == ()


def test_criteria_dropped_and_new() -> None:
    result = build(OLD, MAPPED)  # mini@3 keeps U1.a, drops U1.b and adds U1.c
    assert criteria(norm(result, "U1")) == [
        ("U1.a", "U1.a", "+", "++", "better"),
        ("U1.c", None, None, "+", "new"),
        (None, "U1.b", "++", None, "dropped"),  # unmatched old criteria come last
    ]


def test_criteria_of_a_mapped_norm_match_by_letter() -> None:
    earlier = build(OLD, SAME_VERSION)
    data = earlier.old_framework.model_dump(mode="json")
    data["themes"][0]["norms"][1]["criteria"] = [
        {"id": "B2.a", "text": "jaarlijks"},
        {"id": "B2.b", "text": "besproken in de raad"},
    ]
    old_framework = Framework.model_validate(data)
    data["version"] = "4"
    data["maps_from"] = [{"version": "1", "norms": {"B2": "B3"}}]
    data["themes"][0]["norms"][1] = {
        "id": "B3",
        "text": "Het beleid wordt periodiek geëvalueerd.",
        "criteria": [{"id": "B3.a", "text": "jaarlijks"}, {"id": "B3.c", "text": "openbaar"}],
    }
    new_framework = Framework.model_validate(data)
    old = earlier.old.model_copy(
        update={
            "judgements": {
                **earlier.old.judgements,
                "B2": Judgement(
                    score="--",
                    criteria={
                        "B2.a": CriterionJudgement(score="--"),
                        "B2.b": CriterionJudgement(score="-"),
                    },
                ),
            }
        }
    )
    new = earlier.old.model_copy(
        update={
            "judgements": {
                "B3": Judgement(
                    score="-",
                    criteria={
                        "B3.a": CriterionJudgement(score="-"),
                        "B3.c": CriterionJudgement(score="nb"),  # not assessed: None
                    },
                )
            }
        }
    )
    result = diff.build(old, old_framework, new, new_framework)
    assert criteria(norm(result, "B3")) == [
        ("B3.a", "B2.a", "--", "-", "better"),
        ("B3.c", None, None, None, "new"),
        (None, "B2.b", "-", None, "dropped"),
    ]
    assert diff.match_criteria(old_framework.norm("B2"), new_framework.norm("B3")) == {
        "B3.a": "B2.a"
    }


def test_criteria_in_every_format(run) -> None:
    result = run("diff", *NORMS, "--criteria", "--format", "markdown", OLD, MAPPED, env=PLAIN_DUTCH)
    assert result.exit_code == 0, result.output
    golden("diff-criteria.md", result.stdout)
    out = run("diff", *NORMS, "--criteria", "-f", "csv", OLD, MAPPED).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["id"], r["old_id"], r["change"]) for r in rows if r["kind"] == "criterion"] == [
        ("U1.a", "U1.a", "better"),
        ("U1.c", "", "new"),
        ("", "U1.b", "dropped"),
    ]
    table = run("diff", *NORMS, "--criteria", OLD, MAPPED, env=PLAIN).stdout
    assert "│   U1.a │" in table and "dropped" in table
    plain = run("diff", *NORMS, OLD, MAPPED, env=PLAIN).stdout
    assert "U1.a" not in plain  # criterion rows only on request


@pytest.mark.parametrize(
    ("fmt", "new", "name"),
    [
        ("table", SAME_VERSION, "diff.txt"),
        ("json", SAME_VERSION, "diff.json"),
        ("markdown", MAPPED, "diff.md"),
        ("csv", MAPPED, "diff.csv"),
    ],
)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_formats(run, fmt: str, new: Path, name: str, language: str) -> None:
    """In Dutch, the default, and in English (golden/en/); JSON is the same in both."""
    result = run("diff", *NORMS, "--format", fmt, OLD, new, env={**PLAIN, "LANGUAGE": language})
    assert result.exit_code == 0, result.output
    golden(name, result.stdout, GOLDEN if language == "nl" or fmt == "json" else GOLDEN / "en")


def test_json_contract(run) -> None:
    data = json.loads(run("diff", *NORMS, "-f", "json", OLD, MAPPED).stdout)
    assert set(data) == {"municipality", "old", "new", "norms", "recommendations"}
    assert data["new"]["framework"] == {"id": "mini", "version": "3"}
    assert data["norms"][1] == {
        "theme": "beleid", "id": "B3", "old_id": "B2", "old": "--", "new": "+", "change": "better",
        "criteria": [],
    }  # fmt: skip
    assert data["norms"][3]["criteria"] == [  # always, without --criteria
        {"id": "U1.a", "old_id": "U1.a", "old": "+", "new": "++", "change": "better"},
        {"id": "U1.c", "old_id": None, "old": None, "new": "+", "change": "new"},
        {"id": None, "old_id": "U1.b", "old": "++", "new": None, "change": "dropped"},
    ]
    assert data["recommendations"][1]["follow_up"] is None


def test_csv_opens_as_a_follow_up_list(run) -> None:
    rows = list(csv.DictReader(io.StringIO(run("diff", *NORMS, "-f", "csv", OLD, MAPPED).stdout)))
    follow_ups = [r for r in rows if r["kind"] == "recommendation"]
    assert [(r["id"], r["status"]) for r in follow_ups] == [("1", "uitgevoerd"), ("2", "unknown")]


def test_csv_in_dutch_keeps_its_header(run) -> None:
    out = run("diff", *NORMS, "-f", "csv", OLD, MAPPED, env=DUTCH).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == [
        "kind", "id", "old_id", "old", "new", "change",
        "to", "adopted_by_raad", "college_commitment", "status", "finding",
    ]  # fmt: skip
    assert [(r["kind"], r["change"], r["status"]) for r in rows] == [
        ("norm", "gelijk", ""), ("norm", "beter", ""), ("norm", "nieuw", ""),
        ("norm", "gelijk", ""), ("aanbeveling", "", "uitgevoerd"), ("aanbeveling", "", "onbekend"),
    ]  # fmt: skip
    same = run("diff", *NORMS, "-f", "csv", OLD, SAME_VERSION, env=DUTCH).stdout
    follow_up = next(r for r in csv.DictReader(io.StringIO(same)) if r["id"] == "1")
    assert (follow_up["adopted_by_raad"], follow_up["college_commitment"]) == ("ja", "nee")


def test_missing_follow_up_is_a_warning(run) -> None:
    result = run("diff", *NORMS, "-f", "csv", OLD, MAPPED, env=PLAIN)
    assert result.exit_code == 0
    line = MAPPED.read_text().splitlines().index("follow_up:") + 2  # its first item
    assert f"testdorp-2024.yaml:{line}:3: warning [missing-follow-up]" in result.stderr
    assert "recommendation '2'" in result.stderr


def test_unknown_recommendation(run, tmp_path: Path) -> None:
    text = SAME_VERSION.read_text().replace('recommendation: "2"', 'recommendation: "7"')
    (tmp_path / "testdorp.yaml").write_text(text)
    result = run("diff", *NORMS, OLD, tmp_path / "testdorp.yaml", env=PLAIN)
    assert result.exit_code == 1
    line = next(i for i, t in enumerate(text.splitlines(), 1) if '"7"' in t)
    assert f"testdorp.yaml:{line}:21: error [unknown-recommendation]" in result.stderr
    assert result.stdout == ""


def test_unmapped_version_is_refused(run, tmp_path: Path) -> None:
    text = SAME_VERSION.read_text().replace('version: "1"', 'version: "2"')
    (tmp_path / "testdorp.yaml").write_text(text)
    result = run("diff", *NORMS, OLD, tmp_path / "testdorp.yaml", env=PLAIN)
    assert result.exit_code == 1
    assert "rounds-not-comparable" in result.stderr
    assert "mini@2" in result.stderr and "mini@1" in result.stderr
    assert result.stdout == ""


def test_other_municipality_is_refused(run, tmp_path: Path) -> None:
    text = SAME_VERSION.read_text().replace("municipality: Testdorp", "municipality: Proefstad")
    (tmp_path / "proefstad.yaml").write_text(text)
    result = run("diff", *NORMS, OLD, tmp_path / "proefstad.yaml", env=PLAIN)
    assert result.exit_code == 1
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("municipality"))
    assert f"proefstad.yaml:{line}:15: error [municipality-mismatch]" in result.stderr
    assert "Proefstad" in result.stderr and "Testdorp" in result.stderr


def test_invalid_file_gives_the_diagnostics_of_validate(run) -> None:
    bad = ACCEPTANCE / "bad" / "invalid-score.yaml"
    result = run("diff", *NORMS, OLD, bad, env=PLAIN)
    assert result.exit_code == 1
    assert "[invalid-score]" in result.stderr
    assert result.stdout == ""


def test_output_file(run, tmp_path: Path) -> None:
    for fmt, name in (("markdown", "doorwerking.md"), ("table", "doorwerking.txt")):
        target = tmp_path / name
        result = run("diff", *NORMS, "-f", fmt, "-o", target, OLD, SAME_VERSION)
        assert result.exit_code == 0 and result.stdout == ""
        assert "Doorwerking in Testdorp" in target.read_text()


def test_not_an_assessment(run) -> None:
    result = run("diff", *NORMS, OLD, FIXTURE / "norms" / "mini-v3.yaml")
    assert result.exit_code == 2


# ---------------------------------------------------------------- report NEW --since OLD


def test_report_since_adds_the_chapter(run, tmp_path: Path) -> None:
    import pypdf

    target = tmp_path / "testdorp.pdf"
    result = run("report", *NORMS, SAME_VERSION, "--since", OLD, "-o", target)
    assert result.exit_code == 0, result.output
    text = "".join(page.extract_text() for page in pypdf.PdfReader(target).pages)
    assert "Doorwerking" in text
    assert "wordt uitgevoerd" in text and "geen actie" in text


def test_report_since_html_has_the_table(run, tmp_path: Path) -> None:
    target = tmp_path / "testdorp.html"
    assert run("report", *NORMS, SAME_VERSION, "--since", OLD, "-o", target).exit_code == 0
    html = target.read_text()
    assert '<h1 id="doorwerking" class="chapter">Doorwerking</h1>' in html
    assert 'href="#doorwerking"' in html  # its line in the table of contents
    table = html.split('class="scores two-rounds"', 1)[1].split("</table>", 1)[0]
    assert '<tr class="change-worse">' in table and "<td>slechter</td>" in table
    assert "31 mei 2019" in html and "30 juni 2023" in html  # both rounds' dates


def test_report_since_shows_criteria_under_their_norm(run, tmp_path: Path) -> None:
    target = tmp_path / "testdorp.html"
    assert run("report", *NORMS, MAPPED, "--since", OLD, "-o", target).exit_code == 0
    html = target.read_text()
    table = html.split("<caption>Uitvoering</caption>", 1)[1].split("</table>", 1)[0]
    rows = table.split("<tr")[2:]  # after the heading row: U1, then its criteria
    assert ">U1</th>" in rows[0]
    assert [row.split('"', 2)[1] for row in rows[1:]] == [
        "criterion change-better",
        "criterion change-new",
        "criterion change-dropped",
    ]
    assert "U1.a</th>" in rows[1] and "hulp is tijdig gestart" in rows[2] and "vervallen" in rows[3]
    assert html.count('class="criterion ') == 3  # no rows for norms without scored criteria


def test_report_without_since_is_unchanged(run, tmp_path: Path) -> None:
    target = tmp_path / "testdorp.html"
    assert run("report", *NORMS, SAME_VERSION, "-o", target).exit_code == 0
    assert "doorwerking" not in target.read_text().lower()


def test_report_since_split_puts_it_in_the_bestuurlijke_nota(run, tmp_path: Path) -> None:
    target = tmp_path / "t.html"
    assert (
        run("report", *NORMS, SAME_VERSION, "--since", OLD, "--split", "-o", target).exit_code == 0
    )
    assert 'id="doorwerking"' in (tmp_path / "t-bestuurlijke-nota.html").read_text()
    assert 'id="doorwerking"' not in (tmp_path / "t-nota-van-bevindingen.html").read_text()


def test_report_since_refuses_what_diff_refuses(run, tmp_path: Path) -> None:
    text = SAME_VERSION.read_text().replace('recommendation: "2"', 'recommendation: "7"')
    (tmp_path / "testdorp.yaml").write_text(text)
    target = tmp_path / "t.html"
    result = run("report", *NORMS, tmp_path / "testdorp.yaml", "--since", OLD, "-o", target)
    assert result.exit_code == 1 and "[unknown-recommendation]" in result.stderr
    assert not target.exists()


def test_report_since_is_for_one_municipality(run, tmp_path: Path) -> None:
    result = run("report", *NORMS, FIXTURE, "--compare", "--since", OLD, "-o", tmp_path / "x.pdf")
    assert result.exit_code == 2


def test_the_fictional_example_renders(run, tmp_path: Path) -> None:
    example = REPO / "examples" / "doorwerking" / "duiven-2022.yaml"
    duiven = REPO / "assessments" / "integraal-werken-sociaal-domein" / "duiven.yaml"
    assert run("validate", example.parent).exit_code == 0
    result = run("diff", "-f", "json", duiven, example)
    assert result.exit_code == 0, result.output
    statuses = [r["follow_up"]["status"] for r in json.loads(result.stdout)["recommendations"]]
    assert len(statuses) == 5 and len(set(statuses)) == 4  # every recommendation, mixed
    target = tmp_path / "doorwerking.html"
    assert run("report", example, "--since", duiven, "-o", target).exit_code == 0
    assert "Fictief voorbeeld" in target.read_text()


def test_no_doorwerking_chapter_without_since() -> None:
    from normtoets import report
    from normtoets.loading.selection import select

    selection, _ = select(
        [REPO / "assessments" / "integraal-werken-sociaal-domein" / "duiven.yaml"]
    )
    assert selection is not None
    html = report.municipality_html(selection.framework, selection.assessments[0], selection.study)
    assert isinstance(html, str)
    assert 'id="doorwerking"' not in html and "Doorwerking" not in html


def test_table_fits_80_columns_without_cropping(run) -> None:
    result = run("diff", *NORMS, OLD, SAME_VERSION, env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "vastgelegd." in result.stdout  # the end of the last toelichting is not cut off
