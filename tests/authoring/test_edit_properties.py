"""Property tests: a score edit keeps every other byte; generated files round-trip the model."""

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import ACCEPTANCE, REPO
from normtoets.loading.session import Session
from normtoets.models import Assessment
from normtoets.yamlio.splice import set_scalar

TEXT = (ACCEPTANCE / "good" / "testdorp.yaml").read_text(encoding="utf-8")
TARGETS = [["judgements", n, "score"] for n in ("B1", "B2", "U1")] + [
    ["judgements", "U1", "criteria", c, "score"] for c in ("U1.a", "U1.b")
]
CODES = ["++", "+", "-", "--", "nb", "nvt"]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(TARGETS), st.sampled_from(CODES)), min_size=1, max_size=6)
)
def test_score_edits_keep_all_other_lines(edits: list[tuple[list[str], str]]) -> None:
    text = TEXT
    for path, code in edits:
        text = set_scalar(text, path, code)
    before, after = TEXT.splitlines(), text.splitlines()
    assert len(before) == len(after)
    for old, new in zip(before, after, strict=True):
        if old != new:
            assert "score:" in old and old.split("score:")[0] == new.split("score:")[0]
    final = dict((tuple(p), c) for p, c in edits)
    model = Session([ACCEPTANCE / "norms"]).from_text(Path("x.yaml"), text).model
    assert isinstance(model, Assessment)
    for path, code in final.items():
        judgement = model.judgements[path[1]]
        got = judgement.criteria[path[3]].score if "criteria" in path else judgement.score
        assert got == code


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_generated_assessments_round_trip(tmp_path_factory, seed: int) -> None:  # type: ignore[no-untyped-def]
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    out = tmp_path_factory.mktemp("gen")
    [path] = generate(out, 1, seed, ACCEPTANCE / "norms" / "mini.yaml")
    session = Session([ACCEPTANCE / "norms"])
    model = session.load(path).model
    assert isinstance(model, Assessment)
    dumped = io.StringIO()
    YAML(typ="safe", pure=True).dump(model.model_dump(mode="json", exclude_none=True), dumped)
    again = session.from_text(out / "again.yaml", dumped.getvalue()).model
    assert again == model
