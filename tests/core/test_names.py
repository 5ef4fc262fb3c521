"""Names written two ways are one name: Unicode normalisation, case, spacing and invisible
characters never make one person two reviewers, or one municipality two."""

import unicodedata
from pathlib import Path

import pytest

from conftest import ACCEPTANCE, diagnostics_of
from normtoets.core.names import invisible, name_key, same_name

NORMS = ACCEPTANCE / "norms"
TESTDORP = (ACCEPTANCE / "good" / "testdorp.yaml").read_text()
NFD = unicodedata.normalize("NFD", "José Müller")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("José Müller", NFD),
        ("José Müller", "jose\u0301 MÜLLER"),
        ("José Müller", "  José   Müller "),
        ("José Müller", "José\u00a0Müller"),  # a no-break space is a space
        ("José Müller", "Jo\u200bsé Müller"),  # zero-width space
        ("José Müller", "José Mül\u00adler"),  # soft hyphen
        ("José Müller", "\ufeffJosé Müller"),  # BOM
        ("José Müller", "José\u200d Müller\u2060"),  # zero-width joiner, word joiner
        ("José Müller", "José Mü\u200cller"),  # zero-width non-joiner
        ("Duiven", "duiven"),
    ],
)
def test_one_name_written_two_ways(a: str, b: str) -> None:
    assert same_name(a, b) and name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("José Müller", "Jose Muller"), ("Jan Jansen", "JanJansen")])
def test_different_names_stay_different(a: str, b: str) -> None:
    assert not same_name(a, b)


def test_invisible_lists_the_characters() -> None:
    assert invisible("Jo\u200bsé\u00ad") == ["\u200b", "\u00ad"]
    assert invisible(NFD) == []  # a combining accent is visible


def validate(run, tmp_path: Path, text: str) -> list[dict]:  # type: ignore[no-untyped-def]
    path = tmp_path / "testdorp.yaml"
    path.write_text(text.replace("study: mini-study\n", ""), encoding="utf-8")
    return diagnostics_of(run("validate", "--norms", NORMS, "--format", "json", path))


@pytest.mark.parametrize(
    "reviewer", [NFD, "Jo\u200bsé Müller", "José Mül\u00adler", "JOSÉ MÜLLER", "José Müller\u2060"]
)
def test_self_review_sees_through_spelling(run, tmp_path: Path, reviewer: str) -> None:
    b2 = 'scored_by: An de Vries\n    reviewed_by: Bo Jansen\n    score: "--"'
    text = TESTDORP.replace(
        b2, f'scored_by: José Müller\n    reviewed_by: "{reviewer}"\n    score: "--"'
    )
    assert reviewer in text
    found = [(d["code"], d["line"], d["column"]) for d in validate(run, tmp_path, text)]
    assert ("self-review", 19, 18) in found  # the line of reviewed_by


def study(folder: Path, municipalities: str) -> None:
    text = (ACCEPTANCE / "good" / "study.yaml").read_text(encoding="utf-8")
    text = text.replace("[Testdorp, Proefstad]", municipalities)
    (folder / "study.yaml").write_text(text, encoding="utf-8")


def listed_only(result) -> list[dict]:  # type: ignore[no-untyped-def]
    """The diagnostics of a study folder holding only study.yaml, less missing-assessment."""
    return [d for d in diagnostics_of(result) if d["code"] != "missing-assessment"]


def test_municipality_listed_in_another_spelling_is_in_the_study(run, tmp_path: Path) -> None:
    study(tmp_path, "[Testdörp]")  # its assessment is found in the other spelling too
    nfd = unicodedata.normalize("NFD", "testdörp")
    (tmp_path / "testdorp.yaml").write_text(
        TESTDORP.replace("municipality: Testdorp", f"municipality: {nfd}"), encoding="utf-8"
    )
    found = diagnostics_of(run("validate", "--norms", NORMS, "-f", "json", tmp_path))
    assert [d["code"] for d in found] == []


def test_study_listing_one_municipality_twice(run, tmp_path: Path) -> None:
    study(tmp_path, '[Testdorp, Proefstad, " testdorp"]')
    found = listed_only(run("validate", "--norms", NORMS, "-f", "json", tmp_path))
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("duplicate-id", 5, 39)]


def test_diff_of_one_municipality_written_two_ways(run, tmp_path: Path) -> None:
    from analysis.test_diff import NORMS as DIFF_NORMS
    from analysis.test_diff import OLD, SAME_VERSION

    new = tmp_path / "testdorp.yaml"
    text = SAME_VERSION.read_text(encoding="utf-8")
    new.write_text(text.replace("municipality: Testdorp", "municipality: TESTDORP"), "utf-8")
    result = run("diff", *DIFF_NORMS, "-f", "json", OLD, new)
    assert result.exit_code == 0, result.output


def test_a_soft_hyphen_in_a_name_warns_at_the_value(run, tmp_path: Path) -> None:
    u1 = 'scored_by: An de Vries\n    reviewed_by: Bo Jansen\n    score: "+"'
    text = TESTDORP.replace(u1, u1.replace("An de", "An\u00ad de"))  # a literal one
    assert "\u00ad" in text
    found = validate(run, tmp_path, text)
    assert [(d["code"], d["severity"], d["line"], d["column"]) for d in found] == [
        ("invisible-character", "warning", 25, 16)
    ]
    assert "U+00AD SOFT HYPHEN" in found[0]["message"]
    assert "An⟨U+00AD⟩ de Vries" in found[0]["message"]  # shown, so the reader can see it


def test_a_zero_width_space_in_a_name_is_a_hidden_character_error(run, tmp_path: Path) -> None:
    u1 = 'scored_by: An de Vries\n    reviewed_by: Bo Jansen\n    score: "+"'
    text = TESTDORP.replace(u1, u1.replace("An de", "An\u200b de"))
    found = validate(run, tmp_path, text)
    assert [(d["code"], d["severity"], d["line"], d["column"]) for d in found] == [
        ("hidden-character", "error", 25, 16)
    ]
    assert "U+200B ZERO WIDTH SPACE" in found[0]["message"]


def test_hidden_character_in_a_study(run, tmp_path: Path) -> None:
    study(tmp_path, "[Testdorp, Proef\ufeffstad]")
    found = listed_only(run("validate", "--norms", NORMS, "-f", "json", tmp_path))
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("hidden-character", 5, 28)]
    assert "U+FEFF ZERO WIDTH NO-BREAK SPACE" in found[0]["message"]


def test_hidden_character_in_a_rater(run, tmp_path: Path) -> None:
    text = TESTDORP.replace("status: definitief", "rater: An de\u200c Vries\nstatus: definitief")
    found = validate(run, tmp_path, text)
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("hidden-character", 5, 8)]


def test_a_lesson_example_in_another_spelling_links_to_its_municipality(
    run, tmp_path: Path
) -> None:
    import shutil

    folder = tmp_path / "studie"
    shutil.copytree(ACCEPTANCE.parent / "fixtures" / "compare", folder)
    text = (folder / "study.yaml").read_text().replace("example: Testdorp", "example: TESTDORP")
    (folder / "study.yaml").write_text(text)
    target = tmp_path / "vergelijking.html"
    assert run("report", "--norms", NORMS, folder, "--compare", "-o", target).exit_code == 0
    assert 'Voorbeeld: <a href="#gemeente-1-Testdorp">TESTDORP</a>' in target.read_text()
