"""`score` lands every value in its own field, keeps every comment a comment, and proves it:
after the splice the parsed file must differ from the original in exactly the intended values."""

import os
import shutil
import stat
from pathlib import Path

import pytest

from conftest import ACCEPTANCE
from normtoets.authoring import scoring
from normtoets.loading.session import Session

NORMS = ACCEPTANCE / "norms"

HEAD = """\
framework: {id: mini, version: "1"}
municipality: Testdorp
status: concept
sources:
  - {id: nota, kind: document, title: Nota}
judgements:
  B1:
    score: "+"
"""


def load(path: Path):  # type: ignore[no-untyped-def]
    model = Session([NORMS]).load(path).model
    assert model is not None, path
    return model


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "testdorp.yaml"
    path.write_bytes(text.encode())
    return path


def test_a_comment_after_the_finding_stays_a_comment(run, tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + "    finding: Kort. # TODO intern: niet publiceren\n")
    long = "De toegang werkt goed voor inwoners met meerdere vragen tegelijk. " * 3
    result = run("score", path, "B1", "--finding", long.strip(), "--norms", NORMS)
    assert result.exit_code == 0, result.output
    assert load(path).judgements["B1"].finding == long.strip()
    assert "# TODO intern: niet publiceren" in path.read_text()


def test_a_comment_on_a_block_header_survives(run, tmp_path: Path) -> None:
    text = HEAD + "    finding: >- # intern\n      Een oude bevinding.\n"
    path = write(tmp_path, text)
    assert run("score", path, "B1", "--finding", "Nieuw.", "--norms", NORMS).exit_code == 0
    assert load(path).judgements["B1"].finding == "Nieuw."
    assert "# intern" in path.read_text()


def test_line_breaks_and_spaces_of_a_finding_are_kept(run, tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + "    finding: Kort.\n")
    finding = "Eerste alinea,  met twee spaties.\n\nTweede alinea:\n  - een opsomming\n  - nog één"
    result = run("score", path, "B1", "--finding", finding, "--norms", NORMS)
    assert result.exit_code == 0, result.output
    assert load(path).judgements["B1"].finding == finding
    assert "    finding: |-\n" in path.read_text()


@pytest.mark.parametrize(
    "finding",
    [
        "Een samengesteld woord als sociaal-domeinbreed " * 4,
        "Zie https://www.duiven.nl/" + "heel-lang-pad/" * 12 + " voor de nota.",
        "  begint met spaties en eindigt ermee  ",
        "tien\u00a0procent, niet breken " * 5,
        "regel met\teen tab\nen een regel\n",
        "# geen commentaar maar tekst " * 4,
        "eindigt op twee regeleinden\n\n",
        "\n begint met een regeleinde",
    ],
)
def test_any_finding_reads_back_exactly(run, tmp_path: Path, finding: str) -> None:
    path = write(tmp_path, HEAD + "    finding: Kort.\n")
    result = run("score", path, "B1", "--finding", finding, "--norms", NORMS)
    assert result.exit_code == 0, result.output
    assert load(path).judgements["B1"].finding == finding


@pytest.mark.parametrize(
    "last", ["finding: >-\n      Het beleid is\n      integraal.", "finding: Kort."]
)
@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--reviewed-by", "Bram"], "reviewed_by"),
        (["--scored-by", "Anna"], "scored_by"),
        (["--evidence", "nota:3", "--quote", "integraal"], "evidence"),
    ],
)
def test_without_a_final_newline_values_land_in_their_field(
    run, tmp_path: Path, last: str, args: list[str], field: str
) -> None:
    path = write(tmp_path, HEAD + "    " + last)  # no final newline
    finding_before = load(path).judgements["B1"].finding
    result = run("score", path, "B1", *args, "--norms", NORMS)
    assert result.exit_code == 0, result.output
    judgement = load(path).judgements["B1"]
    assert judgement.finding == finding_before
    assert getattr(judgement, field)
    assert not path.read_text().endswith("\n")  # the file's own convention is kept


def test_adding_a_norm_to_a_file_without_final_newline(run, tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + "    finding: >-\n      Integraal.")
    result = run("score", path, "B2", "++", "--norms", NORMS)
    assert result.exit_code == 0, result.output
    model = load(path)
    assert model.judgements["B2"].score == "++"
    assert model.judgements["B1"].finding == "Integraal."


def test_a_new_error_like_an_old_one_is_still_refused(run, tmp_path: Path) -> None:
    text = HEAD + '    evidence:\n      - {source: brief, quote: "x"}\n  B2:\n    score: "+"\n'
    path = write(tmp_path, text)
    before = path.read_bytes()
    result = run("score", path, "B2", "--evidence", "brief", "--quote", "y", "--norms", NORMS)
    assert result.exit_code == 1, result.output
    assert "[unknown-source]" in result.stderr
    assert path.read_bytes() == before


def test_a_splice_that_changes_anything_else_is_refused(run, tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path, HEAD + "    finding: Kort. # intern\n")
    before = path.read_bytes()
    real = scoring.set_scalar

    def sloppy(text: str, key_path, value: str) -> str:  # type: ignore[no-untyped-def]
        return real(text, key_path, value).replace("Testdorp", "Proefstad")

    monkeypatch.setattr(scoring, "set_scalar", sloppy)
    result = run("score", path, "B1", "++", "--norms", NORMS)
    assert result.exit_code == 1
    assert "municipality" in result.stderr and "nothing was written" in result.stderr
    assert path.read_bytes() == before


def test_a_splice_that_loses_a_comment_is_refused(run, tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path, HEAD + "    finding: Kort. # intern\n")
    before = path.read_bytes()
    real = scoring.set_scalar

    def sloppy(text: str, key_path, value: str) -> str:  # type: ignore[no-untyped-def]
        return real(text, key_path, value).replace(" # intern", "")

    monkeypatch.setattr(scoring, "set_scalar", sloppy)
    result = run("score", path, "B1", "++", "--norms", NORMS)
    assert result.exit_code == 1
    assert "comment" in result.stderr
    assert path.read_bytes() == before


# Item 5: the file itself — links, owners, permissions.


def test_a_symlink_is_followed_and_stays_a_link(run, tmp_path: Path) -> None:
    real = write(tmp_path, HEAD)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    result = run("score", link, "B1", "++", "--norms", NORMS)
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert load(real).judgements["B1"].score == "++"


def test_a_read_only_file_is_refused(run, tmp_path: Path) -> None:
    path = write(tmp_path, HEAD)
    path.chmod(0o444)
    before = path.read_bytes()
    result = run("score", path, "B1", "++", "--norms", NORMS)
    assert result.exit_code == 1, result.output
    assert "read-only" in result.stderr
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_a_hard_linked_file_is_refused(run, tmp_path: Path) -> None:
    path = write(tmp_path, HEAD)
    os.link(path, tmp_path / "kopie.yaml")
    before = path.read_bytes()
    result = run("score", path, "B1", "++", "--norms", NORMS)
    assert result.exit_code == 1, result.output
    assert "hard link" in result.stderr
    assert path.read_bytes() == before
    assert path.stat().st_nlink == 2


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_owner_and_group_are_kept(run, tmp_path: Path) -> None:
    path = write(tmp_path, HEAD)
    os.chown(path, 1234, 2345)
    assert run("score", path, "B1", "++", "--norms", NORMS).exit_code == 0
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (1234, 2345)


def test_no_temporary_file_is_left_behind_on_refusal(run, tmp_path: Path) -> None:
    path = write(tmp_path, HEAD)
    run("score", path, "B1", "- -", "--norms", NORMS)
    run("score", path, "X9", "+", "--norms", NORMS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["testdorp.yaml"]


def test_bundled_assessment_copy_can_be_edited(run, tmp_path: Path) -> None:
    from conftest import STUDY

    folder = tmp_path / "studie"
    shutil.copytree(STUDY, folder)
    result = run("score", folder / "duiven.yaml", "B1", "--reviewed-by", "Bram de Wit")
    assert result.exit_code == 0, result.output


def test_text_that_is_not_utf8_is_refused(run, tmp_path: Path) -> None:
    path = write(tmp_path, HEAD)
    before = path.read_bytes()
    result = run("score", path, "B1", "--finding", "caf\udce9", "--norms", NORMS)
    assert result.exit_code == 2
    assert "not UTF-8" in result.stderr
    assert path.read_bytes() == before
