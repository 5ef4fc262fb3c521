"""source-changed (warning): a source's file no longer has the `sha256` recorded for it, so
the quotes may have been checked against another version of the document."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem
from normtoets.rules.source_files import with_files

CODE = "source-changed"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Problem]:
    for i, source, path in with_files(ctx):
        if path is None or source.sha256 is None:
            continue
        actual = ctx.source_files.read(path).sha256
        if actual is not None and actual != source.sha256:
            yield Problem(
                ("sources", i, "sha256"),
                _("file '{file}' of source '{source}' has changed: its SHA-256 differs").format(
                    file=source.file, source=source.id
                ),
                _("the file's sha256 is now {sha256}").format(sha256=actual),
            )
