"""The quick path's guard (nodes.safe_to_compose) decides exactly as the regex scan it replaced:
that scan is kept here as the reference and both judge the same generated texts."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from normtoets.yamlio.nodes import safe_to_compose

_SPECIAL = re.compile(r"[&*!](?<![^\s\[{,][&*!])\S")
_DEEP_BLOCK = re.compile(r"^ {17}|^ *(?:- +){5}", re.M)
_INNERMOST = re.compile(r"\[[^\[\]{}]*\]|\{[^\[\]{}]*\}")


def reference(text: str) -> bool:
    if _SPECIAL.search(text) or _DEEP_BLOCK.search(text):
        return False
    rest = text
    for _step in range(8):
        if "[" not in rest and "{" not in rest:
            return True
        rest, removed = _INNERMOST.subn("", rest)
        if not removed:
            return False
    return "[" not in rest and "{" not in rest


# Short runs of the characters the guard looks at, so deep nesting and long runs do occur.
pieces = st.sampled_from(["[", "]", "{", "}", "- ", "-  ", " " * 4, " " * 17, "\n", "a", "&a",
                          "*", "P&C", "!t", ": ", "\"", ","])  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.lists(pieces, max_size=60).map("".join))
def test_the_guard_agrees_with_the_regex_scan(text: str) -> None:
    assert safe_to_compose(text) == reference(text)


AT_THE_LIMITS = ["[" * 8 + "]" * 8, "[" * 9 + "]" * 9, "- " * 4 + "x", "- " * 5 + "x",
                 " " * 16 + "x", " " * 17 + "x", "a: [}", "a: {]", "x: ]", "a: &b c",
                 "P&C"]  # fmt: skip


def test_examples_at_the_limits() -> None:
    for text in AT_THE_LIMITS:
        assert safe_to_compose(text) == reference(text), text


def test_the_composer_refuses_an_alias_the_guard_would_have_stopped() -> None:
    import pytest

    from normtoets.yamlio.document import Document, Stop
    from normtoets.yamlio.nodes import compose

    with pytest.raises(Stop) as stopped:
        compose("a: &x [1, 2]\nb: *x\n", Document("f.yaml", None), [])
    assert stopped.value.diagnostic.code == "alias"
    assert (stopped.value.diagnostic.line, stopped.value.diagnostic.column) == (1, 4)
