"""Property: a `score` edit on any layout — comments on every line, every scalar style, with or
without a final newline, CRLF, BOM — gives the original data with exactly the intended change
and every comment in place, or is refused with the file byte-identical.

The layouts are generated here with their data known, and the result is read back with
ruamel's pure-Python loader, independently of normtoets' own parser and proof.
"""

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import ACCEPTANCE
from normtoets.authoring.scoring import Edit, apply
from normtoets.core.errors import RunError, UsageError
from normtoets.loading.session import Session

NORMS = ACCEPTANCE / "norms"
CODES = ["++", "+", "-", "--", "nb", "nvt"]
PLAIN_SAFE = re.compile("[A-Za-zé][A-Za-zé .,\u00a0—-]*")
WORDS = ["beleid", "integraal", "Duiven", "sociaal-domein", "één", "#7", "a: b", "'t", '"x"', "—"]

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(" ".join)
free_text = st.text(
    alphabet=st.sampled_from([*"ab é-#:'\"\n\t ,.", "\u00a0", "—"]), min_size=0, max_size=120
)


class Layout:
    """YAML text built line by line, with the comments it holds, in order."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.comments: list[str] = []
        self.count = 0

    def line(self, text: str, comment: bool) -> None:
        if comment:
            self.count += 1
            note = f"# c{self.count} {'#' if self.count % 3 == 0 else 'noot'}"
            self.comments.append(note)
            text = f"{text}   {note}" if text.strip() else f"{text}{note}"
        self.lines.append(text)


@st.composite
def scalar_lines(draw: Any, key: str, indent: str, value: str) -> list[tuple[str, bool]]:
    """`key: value` in a style that can carry the value; (line, may carry a comment)."""
    styles = ["double"]
    if value and value == value.strip() and "\n" not in value:
        if PLAIN_SAFE.fullmatch(value):
            styles.append("plain")
        styles.append("single")
    if value and value == value.strip() and not {"\n", "\t"} & set(value) and "  " not in value:
        styles.append("folded")
    style = draw(st.sampled_from(styles))
    if style == "plain":
        return [(f"{indent}{key}: {value}", True)]
    if style == "single":
        return [(f"{indent}{key}: '{value.replace(chr(39), chr(39) * 2)}'", True)]
    if style == "folded":
        words_ = value.split(" ")
        cut = draw(st.integers(1, max(1, len(words_))))
        body = [" ".join(words_[:cut]), " ".join(words_[cut:])]
        return [(f"{indent}{key}: >-", True)] + [
            (f"{indent}  {part}", False) for part in body if part
        ]
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return [(f'{indent}{key}: "{escaped.replace(chr(9), chr(92) + "t")}"', True)]


@st.composite
def assessments(draw: Any) -> tuple[str, Any, list[str]]:
    out = Layout()
    data: dict[str, Any] = {
        "framework": {"id": "mini", "version": "1"},
        "municipality": "Testdorp",
        "status": "concept",
        "sources": [{"id": "nota", "kind": "document", "title": "Nota"}],
        "judgements": {},
    }
    out.line("", comment=True)
    out.line('framework: {id: mini, version: "1"}', comment=draw(st.booleans()))
    out.line("municipality: Testdorp", comment=True)
    out.line("status: concept", comment=True)
    out.line("sources:", comment=True)
    out.line("  - {id: nota, kind: document, title: Nota}", comment=True)
    out.line("judgements:", comment=True)
    for norm in draw(st.lists(st.sampled_from(["B1", "B2", "U1"]), unique=True, min_size=1)):
        judgement: dict[str, Any] = {"score": draw(st.sampled_from(CODES))}
        data["judgements"][norm] = judgement
        if draw(st.booleans()):
            out.line(f'  {norm}: {{score: "{judgement["score"]}"}}', comment=True)
            continue
        out.line(f"  {norm}:", comment=True)
        out.line(f'    score: "{judgement["score"]}"', comment=True)
        if draw(st.booleans()):
            judgement["finding"] = draw(st.one_of(words, free_text))
            for text, comment in draw(scalar_lines("finding", "    ", judgement["finding"])):
                out.line(text, comment=comment)
        if draw(st.booleans()):
            judgement["evidence"] = [{"source": "nota", "quote": "integraal"}]
            out.line("    evidence:", comment=True)
            out.line('      - {source: nota, quote: "integraal"}', comment=True)
        if draw(st.booleans()):
            out.line("", comment=False)
    if not data["judgements"]:
        data["judgements"] = None  # `judgements:` with nothing below
    text = "\n".join(out.lines)
    if draw(st.booleans()):
        text += "\n"
    return text, data, out.comments


edits = st.builds(
    Edit,
    target=st.sampled_from(["B1", "B2", "U1", "U1.a"]),
    score=st.none() | st.sampled_from(CODES),
    finding=st.none() | words | free_text,
    scored_by=st.none() | st.sampled_from(["Anna", "Bram de Wit"]),
    reviewed_by=st.none() | st.sampled_from(["Bram de Wit", "Chris"]),
)


def intended(data: Any, edit: Edit) -> Any:
    judgements = data["judgements"]
    if edit.target == "U1.a":
        place = judgements.setdefault("U1", {}).setdefault("criteria", {}).setdefault("U1.a", {})
    else:
        place = judgements.setdefault(edit.target, {})
    for key in ("score", "finding", "scored_by", "reviewed_by"):
        if getattr(edit, key) is not None:
            place[key] = getattr(edit, key)
    return data


def without_review_record(after: Any, before: Any, edit: Edit) -> Any:
    """`after` less what a review records beside `reviewed_by` (the date, what it covered),
    checked: written with a review, or when an edit changes a norm reviewed without a record."""
    for norm_id, judgement in after.get("judgements", {}).items():
        old = before.get("judgements", {}).get(norm_id, {}) or {}
        for key in ("reviewed_on", "review_covers"):
            if key in judgement and key not in old:
                assert judgement.get("reviewed_by"), (norm_id, judgement)
                value = judgement.pop(key)
                if key == "review_covers":
                    assert re.fullmatch("[0-9a-f]{12}", value)
                else:
                    assert value == dt.date.today().isoformat() and edit.reviewed_by
    return after


def read_back(raw: bytes) -> Any:
    return YAML(typ="safe", pure=True).load(io.StringIO(raw.decode("utf-8-sig")))


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(assessments(), edits, st.booleans(), st.booleans())
def test_an_edit_changes_exactly_what_it_says_or_nothing(
    tmp_path: Path, case: tuple[str, Any, list[str]], edit: Edit, crlf: bool, bom: bool
) -> None:
    text, data, comments = case
    assert read_back(text.encode()) == data  # the generator is right about its own data
    if crlf:
        text = text.replace("\n", "\r\n")
    raw = (b"\xef\xbb\xbf" if bom else b"") + text.encode()
    path = tmp_path / "testdorp.yaml"
    path.write_bytes(raw)
    try:
        refused = apply(path, edit, Session([NORMS])).refusals
    except (UsageError, RunError):
        refused = ["refused"]  # type: ignore[list-item]
    after = path.read_bytes()
    if refused or all(
        getattr(edit, k) is None for k in ("score", "finding", "scored_by", "reviewed_by")
    ):
        if refused:
            assert after == raw
        return
    assert without_review_record(read_back(after), data, edit) == intended(data, edit)
    decoded = after.decode("utf-8-sig")
    at = 0
    for comment in comments:
        found = decoded.find(comment, at)
        assert found >= 0, (comment, decoded)
        at = found + len(comment)
    assert after.startswith(b"\xef\xbb\xbf") == bom
    assert (b"\r\n" in after) == crlf or b"\n" not in after
    assert decoded.endswith(("\n", "\r\n")) == text.endswith("\n")
