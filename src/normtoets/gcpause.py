"""Pause Python's cyclic garbage collector while a batch of files is loaded."""

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
