"""Property tests over generated studies: export then import without edits changes no byte;
one random edit in the workbook changes exactly that value in the YAML."""

import sys

import openpyxl
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from conftest import REPO, Run
from normtoets.loading.session import Session
from normtoets.models import Assessment

FRAMEWORK = REPO / "norms" / "regioplan-sociaal-domein.yaml"
CODES = ["++", "+", "-", "--", "nb", "nvt"]
FIELDS = {"score": 2, "finding": 3, "motivation": 6}
TEXTS = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp", "Co", "Cn")),
    min_size=1,
    max_size=80,
).filter(lambda t: t.strip() == t and not t.startswith("="))  # "=…" typed is a formula


def _study(tmp_path_factory, seed: int, count: int):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    out = tmp_path_factory.mktemp("studie")
    paths = generate(out, count, seed, FRAMEWORK)
    assert Run(out.parent)("export", out.name, "-o", f"{out.name}.xlsx").exit_code == 0
    return out, paths, out.parent / f"{out.name}.xlsx"


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 10_000), count=st.integers(1, 4))
def test_export_then_import_changes_no_byte(tmp_path_factory, seed: int, count: int) -> None:  # type: ignore[no-untyped-def]
    out, paths, workbook = _study(tmp_path_factory, seed, count)
    before = [p.read_bytes() for p in paths]
    book = openpyxl.load_workbook(workbook)  # saved again, as a spreadsheet program does
    book.save(workbook)
    result = Run(out.parent)("import", workbook.name)
    assert result.exit_code == 0, result.stderr
    assert "no changes" in result.stdout
    assert [p.read_bytes() for p in paths] == before


# No shrinking: each example renders a workbook; the failing example is printed as it is.
@settings(max_examples=12, deadline=None, phases=[Phase.explicit, Phase.generate])
@given(
    seed=st.integers(0, 10_000),
    field=st.sampled_from(sorted(FIELDS)),
    code=st.sampled_from(CODES),
    text=TEXTS,
    pick=st.integers(0, 1_000),
)
def test_one_edit_changes_exactly_that_value(  # type: ignore[no-untyped-def]
    tmp_path_factory, seed: int, field: str, code: str, text: str, pick: int
) -> None:
    out, paths, workbook = _study(tmp_path_factory, seed, 1)
    session = Session()
    before = session.load(paths[0]).model
    assert isinstance(before, Assessment)
    book = openpyxl.load_workbook(workbook)
    sheet = book.worksheets[1]
    norms = [row for row in sheet.iter_rows(min_row=2) if row[0].value in before.judgements]
    row = norms[pick % len(norms)]
    norm = row[0].value
    value = code if field == "score" else text
    row[FIELDS[field]].value = value
    book.save(workbook)
    result = Run(out.parent)("import", workbook.name)
    assert result.exit_code == 0, result.stderr
    after = Session().load(paths[0]).model
    assert isinstance(after, Assessment)
    judgements = dict(before.judgements)
    then, now = before.judgements[norm], after.judgements[norm]
    # What a review records moves with the edit: renewed by a reviewer's name, else fixed at
    # what an unrecorded review covered (authoring/scoring._review_stamps).
    if field == "reviewed_by":
        assert now.review_covers == now.fingerprint()
    elif (
        then.reviewed_by
        and then.review_covers is None
        and field in ("score", "finding")  # what a review covers
        and getattr(then, field) != value
    ):
        assert now.review_covers == then.fingerprint()  # an edit of what was reviewed
    record = {"reviewed_on": now.reviewed_on, "review_covers": now.review_covers}
    judgements[norm] = then.model_copy(update={field: value, **record})
    assert after == before.model_copy(update={"judgements": judgements})
