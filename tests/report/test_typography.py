"""Dutch typography in the rendered reports: lists end in "en", numbers at a sentence start in
words, one citation style (numbered notes) throughout, recommendations in their own order."""

import io
import re

import pytest
from pypdf import PdfReader

from normtoets.report.context.common import dutch_list, spelled_out_start


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("2 normen zijn nieuw", "Twee normen zijn nieuw"),
        ("1 norm is vervallen", "Een norm is vervallen"),
        ("12 normen zijn nieuw", "Twaalf normen zijn nieuw"),
        ("13 normen zijn nieuw", "13 normen zijn nieuw"),  # long numbers stay digits
        ("normen zijn nieuw", "Normen zijn nieuw"),
    ],
)
def test_a_sentence_does_not_start_with_a_digit(sentence: str, expected: str) -> None:
    assert spelled_out_start(sentence) == expected


def test_a_dutch_list_ends_in_en() -> None:
    assert dutch_list(["a", "b", "c"]) == "a, b en c"
    assert dutch_list(["a"]) == "a"


def _text(html: str) -> str:
    """The text as seen: without the scores' labels for assistive technology."""
    seen = re.sub(r'<span class="at-label">[^<]*</span>', "", html)
    return " ".join(re.sub(r"<[^>]+>", "", seen).split())


def test_the_met_scores_are_listed_with_en(bundled_html: dict[str, str]) -> None:
    # The bundled study switches the tally off (report: {tally: false}); the follow-up has it.
    assert "Een norm telt als voldaan bij de scores ++ en +." in _text(bundled_html["doorwerking"])


def test_doorwerking_cites_with_numbered_notes_only(bundled_html: dict[str, str]) -> None:
    html = bundled_html["doorwerking"]
    chapter = html[html.index('id="doorwerking"') :]
    chapter = chapter[: chapter.index("</section>")]
    assert "(bron:" not in chapter
    refs = re.findall(r'class="note-ref" href="#(noot-\d+)"', chapter)
    assert refs, "the follow-up evidence has no notes"
    assert all(f'id="{ref}"' in html for ref in refs)
    # The doorwerking's notes continue the report's numbering: no number used twice.
    numbers = [int(n) for n in re.findall(r'<li id="noot-(\d+)"', html)]
    assert numbers and numbers == sorted(set(numbers))


def test_no_sentence_of_the_moves_starts_with_a_digit(bundled_html: dict[str, str]) -> None:
    text = _text(bundled_html["doorwerking"])
    assert not re.search(r"[.!?] \d+ (norm|normen) ", text)


def _runs(pdf: bytes) -> list[list[tuple[float, float, str]]]:
    """Per page, each run of text with where it starts: (x, y, text)."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        runs: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, font, size, runs=runs) -> None:  # type: ignore[no-untyped-def]
            if text.strip():
                runs.append(
                    (round(tm[4] * cm[0] + cm[4], 1), round(tm[5] * cm[3] + cm[5], 1), text)
                )

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


@pytest.mark.parametrize(
    ("label", "first", "last"),
    [(r"OV\d+ ", "OV1 ", "OV10 "), (r"[a-h]\. ", "a. ", "h. ")],
    ids=["research questions", "parts of a recommendation"],
)
def test_a_hanging_label_lines_up_first_and_wrapped_lines(
    duiven_pdf: bytes, label: str, first: str, last: str
) -> None:
    """ "OV2 Is daarbij …" and its wrapped line start at one x: the space after the label must
    not push the first line a space further in."""
    pattern = re.compile(label)
    for runs in _runs(duiven_pdf):
        labels = [(x, y) for x, y, text in runs if pattern.fullmatch(text)]
        if not any(text == first for *_, text in runs) or len(labels) < 3:
            continue
        label_x = labels[0][0]
        top, bottom = labels[0][1], labels[-1][1] - 30  # the last item may wrap twice
        lines = [x for x, y, text in runs if bottom < y <= top and label_x + 1 < x < label_x + 40
                 and not pattern.fullmatch(text)]  # fmt: skip
        assert len(lines) > len(labels) and len(set(lines)) == 1, sorted(set(lines))
        return
    pytest.fail(f"no list with {first!r} … {last!r} found")
