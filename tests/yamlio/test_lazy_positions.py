"""The quick parse keeps its node tree and finds a position when asked; that must be the
position the full tables give, for every path in every file and for paths that are absent."""

from pathlib import Path

import pytest

from conftest import ACCEPTANCE, REPO
from normtoets.yamlio import events
from normtoets.yamlio.document import Document
from normtoets.yamlio.read import parse

FILES = sorted(
    [*ACCEPTANCE.rglob("*.yaml"), *(REPO / "assessments").rglob("*.yaml"),
     *(REPO / "norms").glob("*.yaml"), *(REPO / "examples").rglob("*.yaml")]
)  # fmt: skip


def table_position(values, keys, path, key):  # type: ignore[no-untyped-def]
    while True:
        found = (keys.get(path) if key else None) or values.get(path)
        if found:
            return found
        if not path:
            return (1, 1)
        path = path[:-1]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_positions_on_demand_equal_the_tables(path: Path) -> None:
    doc, _problems = parse(path.read_text(encoding="utf-8", errors="replace"), path.name)
    if doc is None or doc.pending is None:
        pytest.skip("not parsed on the quick path")
    pending = doc.pending
    values, keys = pending.tables()
    asked = [*values, *keys]
    asked += [(*p, "absent") for p in asked[:50]] + [(*p, 10_000) for p in asked[:50]]
    for where in asked:
        for key in (False, True):
            assert pending.position(where, key) == table_position(values, keys, where, key)
    for where in asked[:20]:  # the first few found in the nodes, then in the tables
        assert doc.position(where, key=True) == table_position(values, keys, where, True)
    careful = Document(path.name, None)  # the careful parser fills its tables as it goes
    events.walk(events.events(path.read_text(encoding="utf-8")), careful, [])
    assert (careful.values, careful.keys) == (values, keys)
    assert careful.data == doc.data
    assert doc.values == values and doc.keys == keys
    assert doc.pending is None
