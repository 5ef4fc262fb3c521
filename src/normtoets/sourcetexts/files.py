"""The local files behind sources: where they are, their SHA-256 and their text, read once per run.

Only plain text, Markdown and PDF are read, and nothing is fetched from the network. pypdf is
imported only when a PDF is actually read, so validate stays fast without one.
"""

# Deferred imports: pypdf — only a source kept as a PDF needs it.

import hashlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from normtoets.core.i18n import _, integer
from normtoets.sourcetexts.quotes import SourceText

TEXT_SUFFIXES = (".txt", ".md")
PDF_SUFFIX = ".pdf"
MAX_TEXT_BYTES = 8 * 1024 * 1024  # a 300-page report as text is ~1 MB
MAX_PDF_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class SourceFile:
    """One file as read: its hash always, its text unless `problem` says why not."""

    path: Path
    sha256: str | None
    text: SourceText | None
    problem: str | None = None  # what the file is or lacks: "is not a .txt, .md or .pdf file"


def _decode(raw: bytes) -> tuple[str | None, str | None]:
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        byte = raw[exc.start : exc.start + 1].hex().upper()
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, _("is not valid UTF-8: byte 0x{byte} on line {line} cannot be decoded").format(
            byte=byte, line=line
        )


def _pdf_text(path: Path) -> tuple[str | None, str | None]:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not our problems
    try:
        pages = [page.extract_text() or "" for page in PdfReader(path).pages]
    except Exception as exc:  # pypdf raises many kinds on a damaged file; none may stop validate
        return None, _("cannot be read as PDF: {error}").format(
            error=f"{type(exc).__name__}: {exc}"
        )
    text = "\n".join(pages)
    if not text.strip():
        return None, _("has no text layer (a scanned PDF?); add a .txt extraction instead")
    return text, None


def read_source_file(path: Path) -> SourceFile:
    suffix = path.suffix.lower()
    if suffix not in (*TEXT_SUFFIXES, PDF_SUFFIX):
        return SourceFile(path, None, None, _("is not a .txt, .md or .pdf file"))
    limit = MAX_PDF_BYTES if suffix == PDF_SUFFIX else MAX_TEXT_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            too_large = _("is {size} bytes; the limit is {limit}")
            return SourceFile(
                path, None, None, too_large.format(size=integer(size), limit=integer(limit))
            )
        raw = path.read_bytes()
    except OSError as exc:
        unreadable = _("cannot be read: {error}").format(error=exc.strerror or exc)
        return SourceFile(path, None, None, unreadable)
    digest = hashlib.sha256(raw).hexdigest()
    text, problem = _pdf_text(path) if suffix == PDF_SUFFIX else _decode(raw)
    return SourceFile(path, digest, SourceText.of(text) if text is not None else None, problem)


@dataclass(frozen=True)
class Location:
    """Where a source's `file` leads: a file inside a searched folder, or nowhere it may."""

    path: Path | None  # the file to read, symlinks resolved; None when not found or outside
    outside: bool = False  # the name leads out of every searched folder: never read


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, ValueError, RuntimeError):  # a NUL in the name, a symlink loop
        return None


@dataclass
class SourceFiles:
    """Finds a source's file in the assessment's folder, then in each --sources folder; caches.

    A file is only read when it lies inside one of those folders once symlinks are resolved:
    `../`, an absolute path or a symlink must not lead validate (and its hints, which quote
    the text) to other files on the machine.
    """

    dirs: tuple[Path, ...] = ()
    _read: dict[str, SourceFile] = field(default_factory=dict)
    _found: dict[tuple[str, Path | None], Location] = field(default_factory=dict)

    def searched(self, base_dir: Path | None) -> list[Path]:
        return [d for d in (base_dir, *self.dirs) if d is not None]

    def find(self, name: str, base_dir: Path | None) -> Location:
        key = (name, base_dir)
        if key not in self._found:
            self._found[key] = self._find(name, base_dir)
        return self._found[key]

    def _find(self, name: str, base_dir: Path | None) -> Location:
        folders = self.searched(base_dir)
        roots = [root for folder in folders if (root := _resolved(folder)) is not None]
        outside = False
        for folder in folders:
            path = _resolved(folder / name)  # an absolute name stays itself
            if path is None:
                continue
            if not any(path.is_relative_to(root) for root in roots):
                outside = True
            elif path.is_file():
                return Location(path)
        return Location(None, outside)

    def locate(self, name: str, base_dir: Path | None) -> Path | None:
        return self.find(name, base_dir).path

    def read(self, path: Path) -> SourceFile:
        key = os.path.abspath(path)
        if key not in self._read:
            self._read[key] = read_source_file(path)
        return self._read[key]
