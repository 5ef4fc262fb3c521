"""Shared data for the report tests. Each PDF is rendered once per session: WeasyPrint is slow.

Golden files are rewritten, never edited by hand: `UPDATE_GOLDEN=1 pytest tests/report`.
(pytest_addoption only works in the root conftest, hence the environment variable.)
"""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import golden as root_golden
from normtoets import report
from normtoets.loading.selection import select
from normtoets.models import Assessment, Framework, Study
from normtoets.report.pdf import pdf_bytes

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
MINI_NORMS = REPO / "tests" / "acceptance" / "norms"
STUDY = REPO / "assessments" / "integraal-werken-sociaal-domein"
DUIVEN = STUDY / "duiven.yaml"


def golden(name: str, actual: str) -> None:
    """The root golden check, on this folder's golden files."""
    root_golden(name, actual, GOLDEN)


def normalize(text: str) -> str:
    """PDF text as comparable text: hyphenation at line ends undone, whitespace collapsed.

    Hyphens are dropped everywhere (on both sides of a comparison): a word broken at its own
    hyphen ("transformatie-|agenda") cannot be told apart from a hyphenated one.
    """
    text = text.replace("\u00ad", "").replace("\u2060", "")
    text = re.sub(r"[-\u2010]\s*\n\s*", "", text)  # WeasyPrint hyphenates with U+2010
    text = re.sub(r"[-\u2010]", "", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Data:
    framework: Framework
    assessments: list[Assessment]
    study: Study | None

    def one(self, name: str) -> Assessment:
        return next(a for a in self.assessments if a.municipality == name)


def load(paths: list[Path], norms: list[Path] | None = None) -> Data:
    selection, diagnostics = select(paths, norms)
    assert selection is not None, diagnostics
    return Data(selection.framework, selection.assessments, selection.study)


@pytest.fixture(scope="session")
def mini() -> Data:
    return load([FIXTURES], [MINI_NORMS])


@pytest.fixture(scope="session")
def duiven() -> Data:
    if not DUIVEN.is_file():
        pytest.skip("the bundled Duiven assessment is not there (yet)")
    return load([DUIVEN])


@pytest.fixture(scope="session")
def duiven_html(duiven: Data) -> str:
    html = report.municipality_html(duiven.framework, duiven.assessments[0], duiven.study)
    assert isinstance(html, str)
    return html


@pytest.fixture(scope="session")
def duiven_pdf(duiven_html: str) -> bytes:
    return pdf_bytes(duiven_html)


@pytest.fixture(scope="session")
def mini_html(mini: Data) -> str:
    html = report.municipality_html(mini.framework, mini.one("Testdorp"), mini.study)
    assert isinstance(html, str)
    return html


@pytest.fixture(scope="session")
def mini_pdf(mini_html: str) -> bytes:
    return pdf_bytes(mini_html)


@pytest.fixture(scope="session")
def comparison_html(mini: Data) -> str:
    return report.comparison_html(mini.framework, mini.assessments, mini.study)


@pytest.fixture(scope="session")
def comparison_pdf(comparison_html: str) -> bytes:
    return pdf_bytes(comparison_html)


# ------------------------------------------------------------ every report normtoets renders

DOORWERKING = REPO / "examples" / "doorwerking" / "duiven-2022.yaml"
REGISTER = REPO / "examples" / "register"
KENGETALLEN = HERE / "kengetallen" / "studie"  # four municipalities with values (fictional)
KENGETALLEN_NORMS = HERE / "kengetallen" / "norms"


def kengetallen_html() -> dict[str, str]:
    """The reports with kengetallen, made by the pipeline as `report` makes them: Aadorp's
    report (a line and a strip per kengetal), the comparison and Aadorp's factsheet."""
    from normtoets.report.pipeline import Kind, Request, render

    made = {}
    for name, path, kind in [
        ("kengetallen", KENGETALLEN / "aadorp.yaml", Kind.municipality),
        ("kengetallen-vergelijking", KENGETALLEN, Kind.comparison),
        ("factsheet", KENGETALLEN / "aadorp.yaml", Kind.factsheet),
    ]:
        result = render(Request(path, kind, norms=(KENGETALLEN_NORMS,)))
        assert result.errors == [], result.errors
        made[name] = result.html[None]
    return made


@pytest.fixture(scope="session")
def bundled_html(duiven: Data, duiven_html: str) -> dict[str, str]:
    """The HTML of every bundled report: Duiven, the study's comparison, the doorwerking
    example, the two volumes of --split, the register of the fictional examples, and the
    reports with kengetallen (a municipality's, the comparison, a factsheet)."""
    from normtoets.loading import rounds
    from normtoets.loading.register import load_register
    from normtoets.loading.session import Session

    study = load([STUDY])
    later = load([DOORWERKING])
    earlier, problems = rounds.load(DUIVEN, DOORWERKING)
    assert earlier is not None, problems
    doorwerking = report.municipality_html(
        later.framework,
        later.assessments[0],
        later.study,
        since=earlier.diff,
        since_study=earlier.old_study,
    )
    volumes = report.municipality_html(
        duiven.framework, duiven.assessments[0], duiven.study, split=True
    )
    assert isinstance(doorwerking, str) and isinstance(volumes, dict)
    registered, problems = load_register([REGISTER], Session())
    assert registered is not None, problems
    return {
        "duiven": duiven_html,
        "vergelijking": report.comparison_html(study.framework, study.assessments, study.study),
        "doorwerking": doorwerking,
        **volumes,
        "register": report.register_html(registered),
        **kengetallen_html(),
    }


class Rendered:
    """PDFs rendered on first use, once per session."""

    def __init__(self, html: dict[str, str], known: dict[str, bytes]) -> None:
        self.html = html
        self.pdfs = dict(known)

    def __call__(self, name: str) -> bytes:
        if name not in self.pdfs:
            self.pdfs[name] = pdf_bytes(self.html[name])
        return self.pdfs[name]


@pytest.fixture(scope="session")
def bundled_pdf(bundled_html: dict[str, str], duiven_pdf: bytes) -> Rendered:
    return Rendered(bundled_html, {"duiven": duiven_pdf})


@pytest.fixture(scope="session")
def national_study(tmp_path_factory: pytest.TempPathFactory) -> Data:
    """The benchmark's generated study of 342 fictional municipalities (a few seconds)."""
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    study = tmp_path_factory.mktemp("national") / "study"
    generate(study, 342, 2019, REPO / "norms" / "regioplan-sociaal-domein.yaml")
    data = load([study])
    assert len(data.assessments) == 342
    return data
