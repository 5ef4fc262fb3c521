"""source-file-missing (warning): a source's `file` is in none of the searched folders — the
assessment's folder, then each `--sources DIR`. Its quotes are then not checked, which `--strict`
should not let pass unseen: a misspelled name would switch the check off without a word. Not an
error: a clone of the repository may not carry the documents. Reported once per source, naming
the folders searched; a file of a similar name in them is offered."""

from collections.abc import Iterator
from pathlib import Path

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem
from normtoets.rules.source_files import located
from normtoets.rules.suggest import closest
from normtoets.sourcetexts.files import PDF_SUFFIX, TEXT_SUFFIXES

CODE = "source-file-missing"
SEVERITY = Severity.warning
_READABLE = (*TEXT_SUFFIXES, PDF_SUFFIX)
_LISTED = 2_000  # names looked at per folder for a hint: a folder of documents, not a disk


def _names_in(folders: list[Path]) -> list[str]:
    names: list[str] = []
    for folder in folders:
        try:
            found = [p.name for _, p in zip(range(_LISTED), folder.iterdir(), strict=False)]
        except OSError:
            continue
        names += [n for n in found if n.lower().endswith(_READABLE)]
    return names


def check(ctx: Context) -> Iterator[Problem]:
    for i, source, location in located(ctx):
        if location.path is not None or location.outside:
            continue
        folders = ctx.source_files.searched(ctx.base_dir)
        searched = ", ".join(str(d) for d in folders) or "."
        similar = closest(Path(source.file or "").name, _names_in(folders))
        yield Problem(
            ("sources", i, "file"),
            _(
                "file '{file}' of source '{source}' not found in {folders}; its quotes are not "
                "checked"
            ).format(file=source.file, source=source.id, folders=searched),
            similar
            or _("correct the file name, or give the folder that holds it with --sources DIR"),
        )
