"""source-unreadable (warning): a source's `file` exists but gives no text: not a .txt, .md or
.pdf file, not UTF-8, too large (8 MiB text, 64 MiB PDF), a damaged PDF or one without a text
layer (a scan). Its quotes are then not checked."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem
from normtoets.rules.source_files import with_files

CODE = "source-unreadable"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Problem]:
    for i, source, path in with_files(ctx):
        if path is not None and (problem := ctx.source_files.read(path).problem):
            # `problem` says what the file is or lacks: "is not a .txt, .md or .pdf file".
            message = _("file '{file}' {problem}").format(file=source.file, problem=problem)
            yield Problem(("sources", i, "file"), message)
