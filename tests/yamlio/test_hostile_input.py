"""Bad and hostile input: a diagnostic or a clean exit 2, never a traceback, within a second."""

import os
import time
from pathlib import Path

import pytest

from conftest import diagnostics_of
from normtoets.yamlio.read import MAX_BYTES

ALIAS_BOMB = "\n".join(
    ["a: &a [x, x, x, x, x, x, x, x, x]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)]
)


def check(run, tmp_path: Path, content: bytes, code: str, line: int = 1) -> dict:  # type: ignore[no-untyped-def]
    path = tmp_path / "hostile.yaml"
    path.write_bytes(content)
    start = time.perf_counter()
    result = run("validate", "--format", "json", path)
    assert time.perf_counter() - start < 1.0
    assert result.exit_code == 1
    match = [d for d in diagnostics_of(result) if d["code"] == code]
    assert match, diagnostics_of(result)
    assert match[0]["line"] == line
    return match[0]


def test_alias_bomb(run, tmp_path: Path) -> None:
    check(run, tmp_path, ALIAS_BOMB.encode(), "alias")


def test_latin1_bytes(run, tmp_path: Path) -> None:
    found = check(
        run,
        tmp_path,
        "municipality: Duiven\nfinding: geëvalueerd\n".encode("cp1252"),
        "encoding",
        line=2,
    )
    assert found["column"] == 12
    assert "0xEB" in found["message"]
    assert "Windows-1252" in found["hint"]


def test_utf16(run, tmp_path: Path) -> None:
    check(run, tmp_path, "municipality: Duiven\n".encode("utf-16"), "encoding")


def test_bom_is_accepted(run, tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfmunicipality: Duiven\n")
    found = diagnostics_of(run("validate", "--format", "json", path))
    assert "encoding" not in {d["code"] for d in found}
    assert found[0]["code"] == "missing-field"


def test_nul_byte(run, tmp_path: Path) -> None:
    check(run, tmp_path, b"municipality: Dui\x00ven\n", "yaml-syntax")


def test_deep_nesting(run, tmp_path: Path) -> None:
    check(run, tmp_path, b"a: " + b"[" * 100_000 + b"]" * 100_000, "too-deep")


def test_deep_block_nesting(run, tmp_path: Path) -> None:
    text = "".join(f"{'  ' * i}k{i}:\n" for i in range(200))
    check(run, tmp_path, text.encode(), "too-deep", line=33)


def test_python_tag_is_not_executed(run, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payload = f'!!python/object/apply:os.system ["touch {marker}"]\n'
    check(run, tmp_path, payload.encode(), "yaml-tag")
    assert not marker.exists()


def test_file_too_large(run, tmp_path: Path) -> None:
    check(run, tmp_path, b"# " + b"x" * MAX_BYTES + b"\n", "file-too-large")


@pytest.mark.parametrize("content", [b"[]", b"just text", b"42", b"~"])
def test_not_a_mapping(run, tmp_path: Path, content: bytes) -> None:
    found = check(run, tmp_path, content, "wrong-type")
    assert "must be a mapping" in found["message"]


def test_missing_path_exits_2(run, tmp_path: Path) -> None:
    result = run("validate", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert "path not found" in result.stderr
    assert "Traceback" not in result.output


def test_bad_option_exits_2(run) -> None:
    result = run("validate", "--format", "xml")
    assert result.exit_code == 2


def test_unreadable_file(run, tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text("a: 1\n")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: every file is readable")
        found = diagnostics_of(run("validate", "--format", "json", path))
        assert found[0]["code"] == "unreadable"
    finally:
        path.chmod(0o644)
