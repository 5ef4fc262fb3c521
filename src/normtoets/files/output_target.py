"""Where a command may write its result (`--output`).

Refused always: one of the command's inputs (also through a symlink or a hard link), a YAML
file or anything normtoets would read as one, a folder, a device, pipe or socket. Refused
without `--force`: any other existing file. `-` and `/dev/stdout` are standard output.
A symlink is followed: its target gets the new content, the link stays.
"""

import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from normtoets.core.errors import UsageError
from normtoets.core.i18n import _

STREAMS = ("-", "/dev/stdout")
YAML_SUFFIXES = (".yaml", ".yml")
# The top-level keys of a framework, study or assessment: a file holding one is the user's data.
_NORMTOETS_KEYS = re.compile(
    rb"^(?:\xef\xbb\xbf)?(?:framework|municipality|judgements|themes|municipalities|scale)\s*:",
    re.MULTILINE,
)
_SNIFF_BYTES = 64 * 1024


def is_stream(output: Path | str) -> bool:
    return str(output) in STREAMS


def _looks_like_normtoets_yaml(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return False
    return _NORMTOETS_KEYS.search(head) is not None


def _same_file(path: Path, inputs: Iterable[Path]) -> bool:
    for item in inputs:
        try:
            if os.path.samefile(path, item):
                return True
        except OSError:  # an input that does not exist (yet) cannot be overwritten
            continue
    return False


def target(output: Path, *, inputs: Iterable[Path] = (), force: bool = False) -> Path | None:
    """The file to write for `--output`, symlinks followed; None for standard output.

    Raises UsageError (exit 2) for every output that must not be written.
    """
    if is_stream(output):
        return None
    resolved = Path(os.path.realpath(output))
    info = _status(output, resolved)
    if info is not None:
        _refuse_unwritable(output, resolved, info, inputs)
    if resolved.suffix.lower() in YAML_SUFFIXES or (
        info is not None and _looks_like_normtoets_yaml(resolved)
    ):
        raise UsageError(
            _(
                "{output}: normtoets never writes its output to a YAML file or over one (YAML "
                "files are read as frameworks, studies and assessments); choose another name"
            ).format(output=output)
        )
    if info is not None and not force:
        raise UsageError(
            _("{output} exists already; add --force to replace it").format(output=output)
        )
    return resolved


def _status(output: Path, resolved: Path) -> os.stat_result | None:
    """What is at the resolved path; None when nothing is there (yet)."""
    try:
        return resolved.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UsageError(f"{output}: {exc.strerror or exc}") from None


def _refuse_unwritable(
    output: Path, resolved: Path, info: os.stat_result, inputs: Iterable[Path]
) -> None:
    """Refuse what is there already and may never be replaced, with or without --force: a
    folder, a device, pipe or socket, or one of the command's inputs."""
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(
            _("{output} is a folder; give a file name for the output").format(output=output)
        )
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(
            _(
                "{output} is not a regular file (a device, pipe or socket); use '-' to write to "
                "standard output"
            ).format(output=output)
        )
    if _same_file(resolved, inputs):
        raise UsageError(
            _("{output} is one of this command's inputs; choose another output file").format(
                output=output
            )
        )


def inputs_of(paths: Iterable[Path]) -> list[Path]:
    """The files a command reads from its path arguments: files, and the files in folders."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += [p for p in path.rglob("*") if p.is_file()]
        else:
            found.append(path)
    return found
