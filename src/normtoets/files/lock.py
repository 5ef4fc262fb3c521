"""One editor at a time: an advisory lock on the file being edited, with a timeout.

The lock is taken on the file itself, so no lock file is left in a study folder. An edit
replaces the file by a new one (atomic rename); whoever waited on the old one takes the lock
again on the new one. Where the system has no `fcntl` (Windows), there is no lock and the
compare-and-swap check in `scoring` is what stops a lost edit.
"""

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from normtoets.core.errors import RunError
from normtoets.core.i18n import _, number

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

TIMEOUT_SECONDS = 10.0
_POLL_SECONDS = 0.02


@contextlib.contextmanager
def locked(path: Path, timeout: float = TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the lock on `path` (an existing file) for the block; RunError after `timeout`."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    deadline = time.monotonic() + timeout
    while True:
        fd = os.open(path, os.O_RDONLY)
        try:
            if _acquire(fd, deadline) and _still_the_file(fd, path):
                yield
                return
        finally:
            os.close(fd)  # closing releases the lock
        if time.monotonic() >= deadline:
            raise RunError(
                _(
                    "{path} is being edited by another normtoets run; waited {seconds} s. Try "
                    "again when it is done"
                ).format(path=path, seconds=number(timeout, 0))
            )


def _acquire(fd: int, deadline: float) -> bool:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(_POLL_SECONDS)


def _still_the_file(fd: int, path: Path) -> bool:
    """The lock holder before us may have replaced the file: then lock the new one."""
    try:
        current = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (current.st_dev, current.st_ino)
