"""Which local file holds a source's text (shared by the checkable-evidence rules)."""

from collections.abc import Iterator
from pathlib import Path

from normtoets.models import Source
from normtoets.rules.base import Context
from normtoets.sourcetexts.files import Location, SourceFile


def located(ctx: Context) -> Iterator[tuple[int, Source, Location]]:
    """Each source that names a `file`, with where that name leads."""
    if ctx.assessment is None:
        return
    for i, source in enumerate(ctx.assessment.sources):
        if source.file is not None:
            yield i, source, ctx.source_files.find(source.file, ctx.base_dir)


def with_files(ctx: Context) -> Iterator[tuple[int, Source, Path | None]]:
    """Each source that names a `file`, with the file to read (None: not found, or outside)."""
    for i, source, location in located(ctx):
        yield i, source, location.path


def carriers(ctx: Context) -> dict[str, tuple[Source, SourceFile]]:
    """Source id → the source whose file carries its quotes (itself if it names a file, else
    the end of its `via` chain) with that file; only ids whose file is found and readable
    (other rules say why not). Every source is walked once, however long the chains."""
    if ctx.assessment is None:
        return {}
    out: dict[str, tuple[Source, SourceFile]] = {}
    for source_id, end in _chain_ends(ctx.assessment.sources).items():
        carrier = _with_file(ctx, end)
        if carrier is not None:
            out[source_id] = carrier
    return out


def _chain_ends(listed: list[Source]) -> dict[str, Source | None]:
    """Source id → the source with the file at the end of its `via` chain (itself when it
    names a file); None for a chain that breaks off, runs in a circle or ends without a file.
    A source already resolved ends every later walk that reaches it."""
    sources = {s.id: s for s in listed}
    ends: dict[str, Source | None] = {}  # id → the source with the file, None when there is none
    for start in sources:
        walked: dict[str, None] = {}  # this walk's ids, in order: a cycle ends at a repeat
        current = sources.get(start)
        while (
            current is not None
            and current.id not in ends
            and current.id not in walked
            and current.file is None
            and current.via
        ):
            walked[current.id] = None
            current = sources.get(current.via)
        if current is None or current.id in walked:
            end = None
        elif current.id in ends:
            end = ends[current.id]
        else:
            end = current if current.file is not None else None
            ends[current.id] = end
        for source_id in walked:
            ends[source_id] = end
    return ends


def _with_file(ctx: Context, end: Source | None) -> tuple[Source, SourceFile] | None:
    """The chain's end with its file, when that file is found and its text readable."""
    if end is None or end.file is None:
        return None
    path = ctx.source_files.locate(end.file, ctx.base_dir)
    read = ctx.source_files.read(path) if path is not None else None
    if read is not None and read.text is not None:
        return end, read
    return None
