"""Two `score` runs on one file at the same moment: both edits land, or one is refused with a
message. An edit that reported success is never missing afterwards."""

import multiprocessing
import sys
from pathlib import Path

import pytest

from conftest import ACCEPTANCE
from normtoets.authoring.scoring import Edit, apply
from normtoets.loading.session import Session

NORMS = ACCEPTANCE / "norms"
PAIRS = 60
TEXT = """\
framework: {id: mini, version: "1"}   # het kader
municipality: Testdorp
status: concept
judgements:
  B1:
    score: "+"
    finding: begin   # eerste
  B2:
    score: "+"
    finding: begin   # tweede
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork")


def _worker(path: Path, norm: str, barrier, results) -> None:  # type: ignore[no-untyped-def]
    for i in range(PAIRS):
        barrier.wait()
        value = f"{norm}-ronde-{i}"
        try:
            refused = apply(path, Edit(norm, finding=value), Session([NORMS])).refusals
            ok = not refused
        except Exception as exc:  # a refusal with a message (e.g. the lock's timeout)
            ok, value = False, f"{type(exc).__name__}: {exc}"
        results.put((i, norm, ok, value))
        barrier.wait()  # the checker reads the file between rounds


def test_concurrent_edits_never_lose_one(tmp_path: Path) -> None:
    path = tmp_path / "testdorp.yaml"
    path.write_text(TEXT)
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(3)
    results = context.Queue()
    workers = [
        context.Process(target=_worker, args=(path, norm, barrier, results))
        for norm in ("B1", "B2")
    ]
    for worker in workers:
        worker.start()
    lost, succeeded = [], 0
    try:
        for _ in range(PAIRS):
            barrier.wait()
            barrier.wait()
            model = Session([NORMS]).load_all([path])[0].model
            for _ in range(2):
                i, norm, ok, value = results.get(timeout=30)
                if ok:
                    succeeded += 1
                    if model.judgements[norm].finding != value:
                        lost.append((i, norm, value, model.judgements[norm].finding))
    finally:
        for worker in workers:
            worker.join(timeout=30)
    assert lost == []
    assert succeeded == 2 * PAIRS  # the lock makes the second wait, not fail
    text = path.read_text()
    assert "# het kader" in text and "# eerste" in text and "# tweede" in text
