"""Reuse what validate, status and compare printed, while nothing they depend on has changed.

A run that checks the same files again (the researcher runs `validate` or `status` between
other commands) then costs a process start, a hash of each file it read, and the print: no
YAML, no models. Its entry in the user's cache folder holds the run's exact stdout, stderr and
exit code, with every look the run took at the file system (core/inputs: each file's SHA-256,
each folder's listing, each missing file); it is used only when every look sees the same again.
Its name hashes everything else the output depends on: the command and its options, the
current folder, normtoets' own files (version and every module), Python, the terminal (is it
one, its size, its colours, the language) and the date.

Safe to delete. An entry that cannot be read, or a cache folder that cannot be written, is the
same as no entry: the command runs. `--no-cache` neither reads nor writes one;
NORMTOETS_CACHE_DIR moves the folder; NORMTOETS_NO_CACHE=1 turns it off.
"""

import datetime as dt
import functools
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import typer

from normtoets import __version__
from normtoets.core import inputs

KEEP = 200  # entries; the oldest go first
_PACKAGE = Path(__file__).resolve().parents[1]
# What rich, click and normtoets read from the environment when they draw the output.
_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "TERM", "COLORTERM", "NO_COLOR",
                "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES",
                "TERM_PROGRAM", "PYTHONIOENCODING", "PYTHONUTF8")  # fmt: skip


def folder() -> Path | None:
    """The user's cache folder for normtoets; None when the cache is off."""
    if os.environ.get("NORMTOETS_NO_CACHE", "") not in ("", "0"):
        return None
    if given := os.environ.get("NORMTOETS_CACHE_DIR"):
        return Path(given)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "normtoets"


@functools.cache
def _program() -> str:
    """normtoets' version and the size and time of every file of the package: an edited
    module (a development install) is a new program."""
    stamps = [__version__, sys.version]
    for root, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            info = os.stat(os.path.join(root, name))
            stamps.append(f"{os.path.join(root, name)} {info.st_size} {info.st_mtime_ns}")
    return hashlib.sha256("\n".join(stamps).encode("utf-8", "surrogateescape")).hexdigest()


def _terminal_size() -> os.terminal_size | None:
    for stream in (sys.stdout, sys.stderr):
        try:
            return os.get_terminal_size(stream.fileno())
        except (OSError, ValueError, AttributeError):
            continue
    return None


def _terminal() -> list[Any]:
    ttys = [stream.isatty() for stream in (sys.stdout, sys.stderr)]
    size = _terminal_size() if any(ttys) else None
    encodings = [getattr(stream, "encoding", None) for stream in (sys.stdout, sys.stderr)]
    variables = {name: os.environ.get(name) for name in _ENVIRONMENT}
    variables |= {k: v for k, v in os.environ.items() if k.startswith("NORMTOETS_")}
    return [ttys, size, encodings, sorted(variables.items())]


def _key(command: str, options: dict[str, Any]) -> str:
    named = {name: repr(value) for name, value in sorted(options.items())}
    what = [command, named, os.getcwd(), _program(), _terminal(), dt.date.today().isoformat()]
    return hashlib.sha256(json.dumps(what, default=str).encode()).hexdigest()


def _well_formed(entry: Any) -> bool:
    looks = entry.get("observations") if isinstance(entry, dict) else None
    return (
        isinstance(looks, list)
        and all(isinstance(look, list) and len(look) == 3 for look in looks)
        and all(isinstance(part, str) for look in looks for part in look)
        and isinstance(entry["stdout"], str)
        and isinstance(entry["stderr"], str)
        and type(entry["exit"]) is int
    )


def _load(path: Path) -> dict[str, Any] | None:
    """The kept entry, if it is well-formed, in a private folder, and every look sees the same."""
    try:
        if not _private(path.parent):
            return None
        entry = json.loads(path.read_bytes())
        if not _well_formed(entry):
            return None
    except (OSError, ValueError, KeyError):
        return None
    return entry if inputs.unchanged([tuple(look) for look in entry["observations"]]) else None


def _private(path: Path) -> bool:
    """Only the user's own folder, which nobody else can write: an entry is replayed as it is."""
    if not hasattr(os, "geteuid"):
        return True
    info = path.stat()
    return info.st_uid == os.geteuid() and not info.st_mode & 0o022


def _store(path: Path, entry: dict[str, Any]) -> None:
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _private(path.parent):
            return
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(entry, handle, ensure_ascii=False)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(path.parent)
    except OSError:
        pass  # a full disk or a read-only home: the next run computes again


def _prune(entries: Path) -> None:
    found = sorted(entries.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    for old in found[:-KEEP]:
        old.unlink(missing_ok=True)


class _Copying:
    """A stream that passes everything on and keeps a copy (rich and click ask the real one
    whether it is a terminal, and its encoding)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.copy: list[str] = []

    def write(self, text: str) -> int:
        self.copy.append(text)
        return self._stream.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def _copied() -> Iterator[tuple[_Copying, _Copying]]:
    out, err = _Copying(sys.stdout), _Copying(sys.stderr)
    sys.stdout, sys.stderr = out, err
    try:
        yield out, err
    finally:
        sys.stdout, sys.stderr = out._stream, err._stream


def to_stdout(options: dict[str, Any]) -> bool:
    """Text on standard output: not a file (--output), not a spreadsheet's bytes."""
    return options.get("output") is None and str(options.get("output_format")) != "xlsx"


def reusable(command: str, when: Callable[[dict[str, Any]], bool]) -> Callable[..., Any]:
    """Decorate a command whose output depends only on its options and the files it reads;
    `when(options)` says whether this run's output can be kept (text on stdout, not a file)."""

    def decorate(run: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(run)
        def wrapper(**options: Any) -> None:
            base = folder()
            if base is None or options.get("no_cache") or not when(options):
                run(**options)
                return
            path = base / "results" / f"{_key(command, options)}.json"
            entry = _load(path)
            if entry is not None:
                sys.stdout.write(entry["stdout"])
                sys.stderr.write(entry["stderr"])
                raise typer.Exit(entry["exit"])
            with inputs.recording() as observations, _copied() as (out, err):
                try:
                    run(**options)
                    code = 0
                except typer.Exit as exc:
                    code = exc.exit_code
            looks = [list(look) for look in observations]
            _store(path, {"observations": looks, "exit": code, "stdout": "".join(out.copy),
                          "stderr": "".join(err.copy)})  # fmt: skip
            raise typer.Exit(code)

        return wrapper

    return decorate
