"""How normtoets runs Python's cyclic garbage collector where it measurably costs time: while a
batch of files loads, and while WeasyPrint lays out a report (benchmarks/run.py)."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Each file makes ~600 YAML nodes and a model; every few hundred objects the collector
    runs and rescans what earlier files left alive. On 342 files that was 40 % of `validate`.
    Nodes and models form no reference cycles, so reference counting frees them; the few
    cycles a batch makes (caught exceptions) are collected once the pause ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # Enabling alone would start at once a collection over everything the batch made,
            # all of it alive (0.12 s for 342 files). Freezing and unfreezing moves it into
            # the oldest generation with the counts reset, without scanning it.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


# WeasyPrint makes millions of short-lived objects; at the default threshold (700) the
# collector runs every few hundred of them. 50 000 took the 342-municipality comparison from
# 19.9 s to 15.3 s for ~100 MB more peak memory (benchmarks/run.py measures both).
SPACED_THRESHOLD = 50_000


@contextmanager
def collections_spaced_out() -> Iterator[None]:
    """Collect less often while WeasyPrint lays out, and leave what existed before (modules,
    models, templates) out of those collections; restore both afterwards."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(SPACED_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        # The layout's reference cycles, collected while only the layout's objects are
        # scanned (the rest is still frozen). After unfreeze they would wait in the oldest
        # generation for a rare full collection: `report --each --jobs 1` grew to 1.2 GB
        # over 40 reports that way.
        gc.collect()
        gc.unfreeze()
