"""Which local file holds a source's text (shared by the checkable-evidence rules)."""

from collections.abc import Iterator
from pathlib import Path

from normtoets.models import Source
from normtoets.rules.base import Context
from normtoets.sourcetext import Location, SourceFile


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


def text_of(ctx: Context, source_id: str) -> tuple[Source, SourceFile] | None:
    """The source whose file carries `source_id`'s quotes: itself if it has a file, else its
    `via` chain; None when no file is named, found or readable (other rules say which)."""
    if ctx.assessment is None:
        return None
    sources = {s.id: s for s in ctx.assessment.sources}
    seen: set[str] = set()
    source = sources.get(source_id)
    while source is not None and source.file is None and source.via and source.id not in seen:
        seen.add(source.id)
        source = sources.get(source.via)
    if source is None or source.file is None:
        return None
    path = ctx.source_files.locate(source.file, ctx.base_dir)
    if path is None:
        return None
    read = ctx.source_files.read(path)
    return (source, read) if read.text is not None else None
