"""The comparison says only what the evidence carries: counts and shares over the norms assessed,
coverage beside them, no ranking of municipalities assessed on different numbers of norms
without saying so, and every score that is not the study's own research marked as such."""

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import STUDY, Run


def text_of(html: str) -> str:
    """The words, tags as spaces, none before punctuation."""
    html = re.sub(r"<style.*?</style>", "", html, flags=re.S)
    return re.sub(r" ([,.;:)])", r"\1", " ".join(re.sub(r"<[^>]+>", " ", html).split()))


@pytest.fixture
def study(tmp_path: Path) -> Path:
    folder = tmp_path / "studie"
    shutil.copytree(STUDY, folder)
    return folder


def _report(study: Path) -> str:
    result = Run(study)("report", ".", "--compare", "--html", "-o", "v.html")
    assert result.exit_code == 0, result.stderr
    return (study / "v.html").read_text(encoding="utf-8")


def _chapter(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    end = html.find('<h1 id="', start + 10)
    return text_of(html[start : end if end > 0 else None])


def test_the_first_paragraph_says_what_each_municipalitys_scores_rest_on(study: Path) -> None:
    html = _report(study)
    first = re.search(r'<h1 id="inleiding"[^>]*>.*?</h1>\s*<p>(.*?)</p>', html, re.S)
    assert first is not None
    text = " ".join(text_of(first.group(1)).split())
    assert "Doesburg en Westervoort zijn op 1 van de 10 normen beoordeeld (B1); die score is " \
        "door de onderzoekers afgeleid uit ‘" in text  # fmt: skip
    assert "Duiven is op alle 10 normen beoordeeld, in het eigen onderzoek." in text
    assert "verschillen ze niet van elkaar; van die 3 scores zijn er 2 afgeleid." in text


def test_norms_met_are_counted_over_the_norms_assessed_and_not_ranked(study: Path) -> None:
    text = " ".join(_chapter(_report(study), "voldaan").split())
    assert "Niet gerangschikt, in de volgorde van het onderzoek" in text
    assert "van meeste naar minste" not in text
    rows = re.findall(
        r"(Doesburg|Duiven|Westervoort) (\d+ van 10) (\d+) (\d+) (\S+ \(\d+ van \d+\))", text
    )
    assert rows == [
        ("Doesburg", "1 van 10", "1", "0", "100% (1 van 1)"),
        ("Duiven", "10 van 10", "7", "3", "70% (7 van 10)"),
        ("Westervoort", "1 van 10", "1", "0", "100% (1 van 1)"),
    ]


def test_a_minimum_coverage_ranks_those_above_it_and_lists_the_rest(study: Path) -> None:
    path = study / "study.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("municipalities: [", "min_coverage: 0.8\nmunicipalities: [", 1))
    text = " ".join(_chapter(_report(study), "voldaan").split())
    assert "alleen de gemeenten die op ten minste 80% van de normen zijn beoordeeld" in text
    assert "daarna, niet gerangschikt, de gemeenten met minder" in text


def test_equal_coverage_is_ranked_and_says_so(study: Path) -> None:
    for name in ("doesburg.yaml", "westervoort.yaml"):
        (study / name).unlink()
    path = study / "study.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "municipalities: [Doesburg, Duiven, Westervoort]", "municipalities: [Duiven]"))  # fmt: skip
    text = " ".join(_chapter(_report(study), "voldaan").split())
    assert (
        "Gerangschikt naar het aandeel voldaan: alle gemeenten zijn op dezelfde 10 normen" in text
    )


def test_a_derived_score_is_marked_in_every_table_with_its_source(study: Path) -> None:
    html = _report(study)
    matrix = html[
        html.index('<table class="matrix">') : html.index(
            "</table>", html.index('<table class="matrix">')
        )
    ]
    assert matrix.count('<sup class="basis-mark" title="afgeleid">a</sup>') == 2
    legend = " ".join(text_of(html[html.index('<ul class="basis-legend">') :]).split())
    assert legend.startswith("a afgeleid: door de onderzoekers afgeleid uit een tekst die zelf")
    assert "Doesburg B1, Westervoort B1 uit ‘" in legend
    same = " ".join(_chapter(html, "verschillen").split())
    assert "(waarvan 2 afgeleid: Doesburg, Westervoort)" in same
    assert "die vergelijking rust deels op scores die niet uit het eigen onderzoek komen" in same
    own = Run(study)("report", "doesburg.yaml", "--html", "-o", "d.html")
    assert own.exit_code == 0, own.stderr
    text = " ".join(text_of((study / "d.html").read_text(encoding="utf-8")).split())
    assert (
        "Deze score is door de onderzoekers afgeleid uit een tekst die zelf geen score geeft"
        in text
    )


def test_compare_marks_them_in_every_format(study: Path) -> None:
    run = Run(study)
    table = run("compare", ".")
    assert "++ (a)" in table.stdout and "(a) derived by the researchers" in table.stdout
    data = json.loads(run("compare", ".", "-f", "json").stdout)
    assert data["basis"] == {
        "Doesburg": {"B1": {"kind": "afgeleid", "source": "leermomenten"}},
        "Westervoort": {"B1": {"kind": "afgeleid", "source": "leermomenten"}},
    }
    assert data["scores"]["Doesburg"]["B1"] == "++"  # the score itself unchanged
    rows = list(csv.DictReader(io.StringIO(run("compare", ".", "-f", "csv").stdout)))
    b1 = next(r for r in rows if r["norm"] == "B1" and not r["criterion"])
    assert b1["Doesburg"] == "++"
    assert b1["basis"] == "Doesburg: afgeleid (leermomenten); Westervoort: afgeleid (leermomenten)"
    assert "`++ (a)`" in run("compare", ".", "-f", "markdown").stdout


def test_a_basis_names_a_known_source(study: Path) -> None:
    path = study / "doesburg.yaml"
    derived = "basis: {kind: afgeleid, source: leermomenten}"
    path.write_text(path.read_text(encoding="utf-8").replace(derived, derived.replace(
        "leermomenten", "notitie")))  # fmt: skip
    result = Run(study)("validate", "doesburg.yaml")
    assert result.exit_code == 1 and "[unknown-source]" in result.stdout
    path.write_text(path.read_text(encoding="utf-8").replace(
        "basis: {kind: afgeleid, source: notitie}", "basis: {kind: afgeleid}"))  # fmt: skip
    result = Run(study)("validate", "doesburg.yaml")
    assert result.exit_code == 1 and "names the source it comes from" in result.stdout
