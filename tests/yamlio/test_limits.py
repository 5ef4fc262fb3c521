"""The limits of docs/reference/limits.md that files meet: items per list or mapping, norms
and criteria per framework. Past a limit: one error at the first item too many, exit 1."""

from pathlib import Path

import pytest

from conftest import diagnostics_of
from normtoets.loading.framework_limits import MAX_CRITERIA, MAX_NORMS
from normtoets.yamlio.document import MAX_ITEMS
from normtoets.yamlio.nodes import safe_to_compose

SCALE = (
    "scale:\n  levels:\n"
    '    - {code: "+", label: voldoet, meets: true}\n'
    '    - {code: "-", label: voldoet niet, meets: false}\n'
)


def validate(run, path: Path) -> tuple[int, list[dict]]:  # type: ignore[no-untyped-def]
    result = run("validate", "--format", "json", path)
    return result.exit_code, diagnostics_of(result)


def only(found: list[dict], code: str) -> dict:
    match = [d for d in found if d["code"] == code]
    assert len(match) == 1, found
    return match[0]


# ------------------------------------------------------------------- items per list or mapping


# An anchor-like '&x' in a comment sends the file down the careful (event) parser; the quick
# (compose) parser takes the rest. Both must agree.
CAREFUL = "# zie &x\n"
assert not safe_to_compose(CAREFUL) and safe_to_compose("# P&O\n")


def block_list(count: int, careful: bool = False) -> str:
    head = CAREFUL if careful else ""
    return head + "researchers:\n" + "".join(f"  - r{i}\n" for i in range(count))


@pytest.mark.parametrize("careful", [False, True], ids=["quick", "careful"])
def test_a_list_past_the_limit(run, tmp_path: Path, careful: bool) -> None:
    path = tmp_path / "lang.yaml"
    path.write_text(block_list(MAX_ITEMS + 1, careful), encoding="utf-8")
    code, found = validate(run, path)
    assert code == 1
    problem = only(found, "too-many-items")
    assert (problem["line"], problem["column"]) == (MAX_ITEMS + 2 + careful, 5)
    assert problem["message"] == (
        f"list has more than {MAX_ITEMS:,} items; normtoets reads lists of up to {MAX_ITEMS:,}"
    )
    assert len(found) == 1  # the file is not checked further


@pytest.mark.parametrize("careful", [False, True], ids=["quick", "careful"])
def test_a_flow_list_and_a_mapping_past_the_limit(run, tmp_path: Path, careful: bool) -> None:
    head = CAREFUL if careful else ""
    path = tmp_path / "plat.yaml"
    path.write_text(head + "a: [" + ", ".join("x" * (MAX_ITEMS + 1)) + "]\n", encoding="utf-8")
    problem = only(validate(run, path)[1], "too-many-items")
    assert (problem["line"], problem["column"]) == (1 + careful, 5 + 3 * MAX_ITEMS)
    keys = "".join(f"  N{i}: {{score: nb}}\n" for i in range(MAX_ITEMS + 1))
    path.write_text(head + "judgements:\n" + keys, encoding="utf-8")
    problem = only(validate(run, path)[1], "too-many-items")
    assert problem["line"] == MAX_ITEMS + 2 + careful
    assert problem["message"] == (
        f"mapping has more than {MAX_ITEMS:,} keys; normtoets reads mappings of up to {MAX_ITEMS:,}"
    )


def test_a_list_at_the_limit_is_read(run, tmp_path: Path) -> None:
    path = tmp_path / "vol.yaml"
    path.write_text(block_list(MAX_ITEMS), encoding="utf-8")
    assert "too-many-items" not in {d["code"] for d in validate(run, path)[1]}


# ----------------------------------------------------------------- norms and criteria per framework


def framework(norms: int, criteria_per_norm: int = 0) -> str:
    lines = ["id: groot", 'version: "1"', "title: Groot", SCALE.rstrip(), "themes:"]
    for i in range(norms):
        if i % 100 == 0:
            lines += [f"  - id: t{i}", f"    title: Thema {i}", "    norms:"]
        criteria = ", ".join(f"{{id: N{i}.{j}, text: c}}" for j in range(criteria_per_norm))
        lines.append(f"      - {{id: N{i}, text: Norm., criteria: [{criteria}]}}")
    return "\n".join(lines) + "\n"


def test_a_framework_past_the_norm_limit(run, tmp_path: Path) -> None:
    path = tmp_path / "groot.yaml"
    path.write_text(framework(MAX_NORMS + 1), encoding="utf-8")
    code, found = validate(run, path)
    assert code == 1
    problem = only(found, "too-many-norms")
    # norm i stands on line 9 + i, after 8 lines of header and 3 per theme of 100 norms
    assert (problem["line"], problem["column"]) == (9 + MAX_NORMS + 3 * (MAX_NORMS // 100 + 1), 9)
    assert problem["message"] == (
        f"framework has {MAX_NORMS + 1:,} norms; normtoets reads frameworks of up to "
        f"{MAX_NORMS:,} norms"
    )


def test_a_framework_past_the_criterion_limit(run, tmp_path: Path) -> None:
    per_norm = MAX_CRITERIA // 100 + 1
    path = tmp_path / "groot.yaml"
    path.write_text(framework(100, per_norm), encoding="utf-8")
    code, found = validate(run, path)
    assert code == 1
    problem = only(found, "too-many-criteria")
    assert problem["message"] == (
        f"framework has {100 * per_norm:,} criteria; normtoets reads frameworks of up to "
        f"{MAX_CRITERIA:,} criteria"
    )
    first_too_many = MAX_CRITERIA // per_norm  # the norm holding criterion MAX_CRITERIA + 1
    assert problem["line"] == 9 + first_too_many + 3


def test_a_framework_at_the_limits_is_read(run, tmp_path: Path) -> None:
    path = tmp_path / "groot.yaml"
    path.write_text(framework(MAX_NORMS, MAX_CRITERIA // MAX_NORMS), encoding="utf-8")
    assert validate(run, path) == (0, [])


def test_an_assessment_of_a_refused_framework_is_not_checked_against_it(
    run, tmp_path: Path
) -> None:
    norms = tmp_path / "norms"
    norms.mkdir()
    (norms / "groot.yaml").write_text(framework(MAX_NORMS + 1), encoding="utf-8")
    path = tmp_path / "a.yaml"
    path.write_text(
        'framework: {id: groot, version: "1"}\nmunicipality: X\nstatus: concept\n',
        encoding="utf-8",
    )
    result = run("validate", "--format", "json", "--norms", norms, path)
    assert result.exit_code == 1
    codes = {d["code"] for d in diagnostics_of(result)}
    assert codes == {"too-many-norms", "unknown-framework"}
