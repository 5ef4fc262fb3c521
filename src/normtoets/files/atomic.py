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
        _replace(target, data)
    except (RunError, OSError) as exc:
        error = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise RunError(
            _("cannot write {path}: {error}; nothing was changed").format(path=path, error=error)
        ) from None


def _replace(target: Path, data: bytes) -> None:
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
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_folder(target.parent)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))
