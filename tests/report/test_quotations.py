"""Whatever a report puts in quotation marks is the words of the source it names.

The documents, interviews and e-mails of the Duiven audit are known only through the report
of Regioplan (2019): their words are what that report itself prints in quotation marks. So every
passage the bundled Duiven PDF prints in quotation marks must be, fragment by fragment, inside
a passage the original report quotes, and its note must name a source other than the report:
the report's own sentences are never printed as a quotation of a municipality's document.
"""

import io
import json

import pytest
from pypdf import PdfReader

from conftest import REPO
from normtoets.report import context

from .conftest import Data
from .quotations import fragments, passages, pdf_text

QUOTED = REPO / "tests" / "fixtures" / "duiven" / "quoted-in-report.json"
ORIGINAL = REPO.parent / "shared" / "seeds" / "001_7762a16eb75e2e9e.txt"


def quoted_in_report() -> list[str]:
    return list(json.loads(QUOTED.read_text(encoding="utf-8"))["passages"])


@pytest.mark.skipif(not ORIGINAL.is_file(), reason="the source documents are not beside this clone")
def test_the_list_of_quoted_passages_is_the_reports_own() -> None:
    assert quoted_in_report() == [p for p, _ in passages(ORIGINAL.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def duiven_quotations(duiven: Data, duiven_pdf: bytes) -> list[tuple[str, int | None]]:
    title = duiven.study.title if duiven.study else ""
    running = (f"{title} – gemeente {duiven.assessments[0].municipality}",)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(duiven_pdf)).pages]
    return passages(pdf_text(pages, running))


def test_the_pdf_quotes_what_the_report_quotes(duiven_quotations: list) -> None:
    known = [fragment for p in quoted_in_report() for fragment in fragments(p)]
    assert len(duiven_quotations) > 40  # the check reads the PDF's quotations at all
    strays = [
        fragment
        for passage, _ in duiven_quotations
        for fragment in fragments(passage)
        if not any(fragment in k for k in known)
    ]
    assert strays == []


def test_a_quotation_never_names_the_report_itself(duiven: Data, duiven_quotations: list) -> None:
    r = context.municipality(duiven.framework, duiven.assessments[0], duiven.study)
    by_number = {note.number: note for note in r.notes}
    cited = [by_number[number] for _, number in duiven_quotations if number is not None]
    assert len(cited) > 20
    assert [n.number for n in cited if n.source is None or not n.source.listed] == []
