"""source-outside (error): a source's `file` leads outside the assessment's folder and every
`--sources DIR` — through `../`, an absolute path or a symbolic link. The file is not read, so
no hint can show text from elsewhere on the machine; its quotes are not checked."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem
from normtoets.rules.source_files import located

CODE = "source-outside"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    for i, source, location in located(ctx):
        if location.path is None and location.outside:
            searched = ", ".join(str(d) for d in ctx.source_files.searched(ctx.base_dir))
            yield Problem(
                ("sources", i, "file"),
                _(
                    "file '{file}' of source '{source}' lies outside the assessment's folder "
                    "and the --sources folders; it is not read"
                ).format(file=source.file, source=source.id),
                _("copy it into {folders}, or add its folder with --sources DIR").format(
                    folders=searched
                ),
            )
