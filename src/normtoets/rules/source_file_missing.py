"""source-file-missing (info): a source's `file` is in none of the searched folders — the
assessment's folder, then each `--sources DIR`. Not an error: a clone of the repository may
not carry the documents. Reported once per source; its quotes are then not checked."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem
from normtoets.rules.source_files import located

CODE = "source-file-missing"
SEVERITY = Severity.info


def check(ctx: Context) -> Iterator[Problem]:
    for i, source, location in located(ctx):
        if location.path is None and not location.outside:
            searched = ", ".join(str(d) for d in ctx.source_files.searched(ctx.base_dir))
            yield Problem(
                ("sources", i, "file"),
                _("file '{file}' of source '{source}' not found; quotes not checked").format(
                    file=source.file, source=source.id
                ),
                _("searched {folders}; add --sources DIR").format(folders=searched)
                if searched
                else _("add --sources DIR"),
            )
