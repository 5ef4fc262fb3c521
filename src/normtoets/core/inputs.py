"""Every look a run takes at the file system, so that its result can be reused while none of
them would see anything different (cli/resultcache).

Loading, rules and source texts read files and folders only through these functions. While a
`Recording` is active each call notes what it saw: a file's SHA-256, whether a path is a file or
a folder, a folder's listing, where a path resolves to. `unchanged(observations)` takes every
look again and says whether all see the same.
"""

import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
Observation = tuple[str, str, str]  # (what was looked at, path, what was seen)

_active: list[dict[Observation, None]] = []  # the recordings open now, innermost last


@contextmanager
def recording() -> Iterator[dict[Observation, None]]:
    """Note every look taken inside the block, in order, once each."""
    seen: dict[Observation, None] = {}
    _active.append(seen)
    try:
        yield seen
    finally:
        _active.remove(seen)


def _note(kind: str, path: Path | str, seen: str) -> None:
    for observations in _active:
        observations[(kind, os.path.abspath(path), seen)] = None


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _looked(kind: str, path: Path, look: Callable[[], T], seen: Callable[[T], str] = str) -> T:
    """Take a look and note what it saw; an OSError is noted too (a file that becomes
    readable changes a run) and raised."""
    try:
        found = look()
    except OSError as exc:
        _note(kind, path, f"error {exc.errno}")
        raise
    _note(kind, path, seen(found))
    return found


def read_bytes(path: Path) -> bytes:
    return _looked("bytes", path, path.read_bytes, _digest)


def size(path: Path) -> int:
    """The file's size in bytes (a file too large to read is judged by its size alone)."""
    return _looked("size", path, lambda: path.stat().st_size)


def is_file(path: Path) -> bool:
    return _looked("is_file", path, path.is_file)


def is_dir(path: Path) -> bool:
    return _looked("is_dir", path, path.is_dir)


def exists(path: Path) -> bool:
    return _looked("exists", path, path.exists)


def resolve(path: Path) -> Path:
    """Symlinks resolved; errors (a NUL in the name, a loop) are the caller's to handle."""
    return _looked("resolve", path, path.resolve)


def files_below(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Files with these suffixes anywhere below `folder`, hidden folders and files left out, in
    a stable order."""
    found = sorted(
        p
        for p in folder.rglob("*")
        if p.suffix in suffixes
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.is_file()
    )
    _note(f"below {' '.join(suffixes)}", folder, _listing(folder, found))
    return found


def glob(folder: Path, pattern: str) -> list[Path]:
    found = sorted(folder.glob(pattern))
    _note(f"glob {pattern}", folder, _listing(folder, found))
    return found


def _listing(folder: Path, paths: list[Path]) -> str:
    """The names found, relative to the folder (which was given relative or absolute)."""
    names = "\0".join(str(p.relative_to(folder)) for p in paths)
    return _digest(names.encode("utf-8", "surrogateescape"))


def _look_again(kind: str, path: Path) -> str:
    """What the same look sees now, as `_note` would have written it."""
    try:
        if kind == "bytes":
            return _digest(path.read_bytes())
        if kind == "size":
            return str(path.stat().st_size)
    except OSError as exc:
        return f"error {exc.errno}"
    if kind in ("is_file", "is_dir", "exists"):
        return str(getattr(path, kind)())
    if kind == "resolve":
        return str(path.resolve())
    if kind.startswith("below "):
        return _listing(path, files_below(path, tuple(kind.split()[1:])))
    if kind.startswith("glob "):
        return _listing(path, sorted(path.glob(kind.removeprefix("glob "))))
    raise ValueError(kind)


def unchanged(observations: list[Observation]) -> bool:
    """True when every look sees what it saw before."""
    try:
        return all(_look_again(kind, Path(path)) == seen for kind, path, seen in observations)
    except (OSError, ValueError, RuntimeError):  # a folder gone, a symlink loop: not the same
        return False
