"""Write a file so that a crash midway leaves the old one intact: temp file, fsync, rename.

A symlink is followed (its target gets the content, the link stays); an existing file keeps its
mode, owner and group. Every failure leaves the old file as it was and no temporary file behind.
"""

import contextlib
import os
import tempfile
from pathlib import Path

from normtoets.core.errors import RunError
from normtoets.core.i18n import _


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable: a crash right after it keeps the new file."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _keep_owner(tmp: str, uid: int, gid: int) -> None:
    """Give the new file the old one's owner and group (root can; a member of the group can
    keep the group); refuse when that cannot be done rather than take the file from its owner."""
    if (uid, gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.chown(tmp, -1 if uid == os.geteuid() else uid, gid)
    except PermissionError:
        raise RunError(
            _(
                "the file belongs to another user or group, and replacing it would take that "
                "away; ask its owner to make this change"
            )
        ) from None


def write_bytes(path: Path, data: bytes) -> None:
    """Replace or create the file at `path` (symlinks followed), or raise RunError."""
    target = Path(os.path.realpath(path))
    try:
        tmp = _stage(target, data)
        _rename(tmp, target)
    except (RunError, OSError) as exc:
        raise RunError(
            _("cannot write {path}: {error}; nothing was changed").format(
                path=path, error=_reason(exc)
            )
        ) from None
    _fsync_folder(target.parent)


def _reason(exc: Exception) -> object:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else exc


def _stage(target: Path, data: bytes) -> str:
    """A temporary file beside `target` holding `data`, on disk, with the mode, owner and
    group `target` has (or the umask allows); removed again if any step fails."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    mode = info.st_mode & 0o7777 if info else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)  # mkstemp makes 0600; keep what the file had or the umask allows
        if info is not None:
            _keep_owner(tmp, info.st_uid, info.st_gid)
            os.chmod(tmp, mode)  # a change of owner clears set-id bits
    except BaseException:
        _discard(tmp)
        raise
    return tmp


def _rename(tmp: str, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def replace_all(changes: list[tuple[Path, bytes, bytes]]) -> None:
    """Replace several files, all or none: each (target, the bytes it must still hold, its new
    bytes). Every new file is on disk beside its target, and every target checked, before the
    first rename; a rename that fails puts back the files already replaced, from their old
    bytes. Raises RunError naming what was and was not changed."""
    staged: list[str] = []
    try:
        for target, _old, new in changes:
            staged.append(_stage(target, new))
    except (RunError, OSError) as exc:
        for tmp in staged:
            _discard(tmp)
        failed = changes[len(staged)][0]
        raise RunError(
            _("cannot write {path}: {error}; no file was changed").format(
                path=failed, error=_reason(exc)
            )
        ) from None
    for target, old, _new in changes:
        if target.read_bytes() != old:  # changed by something that does not take the lock
            for tmp in staged:
                _discard(tmp)
            raise RunError(
                _(
                    "{path} changed while normtoets was editing it; no file was changed. Run it "
                    "again"
                ).format(path=target)
            )
    done: list[tuple[Path, bytes]] = []
    for index, ((target, old, _new), tmp) in enumerate(zip(changes, staged, strict=True)):
        try:
            _rename(tmp, target)
        except OSError as exc:
            for rest in staged[index + 1 :]:
                _discard(rest)
            raise RunError(_undone(target, exc, done)) from None
        done.append((target, old))
    for folder in dict.fromkeys(target.parent for target, _old, _new in changes):
        _fsync_folder(folder)


def _undone(failed: Path, exc: OSError, done: list[tuple[Path, bytes]]) -> str:
    """Put back the files already replaced; say what holds what."""
    lost = []
    for target, old in done:
        try:
            write_bytes(target, old)
        except RunError:
            lost.append(target)
    message = _("cannot write {path}: {error}").format(path=failed, error=_reason(exc))
    if not lost:
        return message + "; " + _("no file was changed")
    return (
        message
        + "; "
        + _("these files hold the new values and could not be put back: {paths}").format(
            paths=", ".join(str(p) for p in lost)
        )
    )
