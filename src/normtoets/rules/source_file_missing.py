"""source-file-missing (info): a source's `file` is in none of the searched folders — the
assessment's folder, then each `--sources DIR`. Not an error: a clone of the repository may
not carry the documents. Reported once per source; its quotes are then not checked."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
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
                f"file '{source.file}' of source '{source.id}' not found; quotes not checked",
                f"searched {searched}; add --sources DIR" if searched else "add --sources DIR",
            )
