"""Dutch typography in the rendered reports: lists end in "en", numbers at a sentence start in
words, one citation style (numbered notes) throughout, recommendations in their own order."""

import re

import pytest

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
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def test_the_met_scores_are_listed_with_en(bundled_html: dict[str, str]) -> None:
    assert "Een norm telt als voldaan bij de scores ++ en +." in _text(bundled_html["duiven"])


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
