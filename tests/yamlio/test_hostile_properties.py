"""Property tests: no input makes validate raise, and every diagnostic points inside the file."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import ACCEPTANCE
from normtoets.loading.session import Session
from normtoets.yamlio.read import lines_of

NORMS = ACCEPTANCE / "norms"
SEED_FILES = [ACCEPTANCE / "good" / "testdorp.yaml", ACCEPTANCE / "good" / "study.yaml",
              NORMS / "mini.yaml"]  # fmt: skip
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORKSPACE = Session([NORMS])


def check_text(text: str, name: str = "fuzz.yaml") -> None:
    loaded = WORKSPACE.from_text(Path(name), text)
    diagnostics = WORKSPACE.check(loaded)
    lines = lines_of(text)
    for d in diagnostics:
        assert 1 <= d.line <= len(lines), d
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, d
        assert d.code and d.message


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEED_FILES)).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        chunk = draw(
            st.text(alphabet=st.sampled_from(list(":-[]{}&*!#'\"\n\t ,|>?%@`aZ9é")), max_size=6)
        )
        if op == "insert":
            text = text[:at] + chunk + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        else:
            text = text[:at] + chunk + text[at + len(chunk) :]
    return text


@SETTINGS
@given(mutated())
def test_mutated_bundled_files_never_crash(text: str) -> None:
    check_text(text)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(min_size=1, max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@SETTINGS
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "framework",
                "municipality",
                "status",
                "judgements",
                "sources",
                "answers",
                "themes",
                "scale",
                "x",
            ]
        ),
        yaml_values,
        max_size=6,
    )
)
def test_random_documents_never_crash(data: dict) -> None:  # type: ignore[type-arg]
    import io

    out = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, out)
    check_text(out.getvalue())


@SETTINGS
@given(st.text(max_size=200))
def test_random_text_never_crashes(text: str) -> None:
    check_text(text)
