"""unknown-source (error): evidence, a wederhoor response (`responses[].source`), a source's
`via` or a citation `[@id]` in a chapter's text names a source id that is not listed under
`sources`."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.models.references import source_references
from normtoets.rules.base import Context, Problem
from normtoets.rules.suggest import Hints

CODE = "unknown-source"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None:
        return
    ids = [s.id for s in ctx.assessment.sources]
    known, hints = set(ids), Hints()
    for path, source_id in source_references(ctx.assessment):
        if source_id not in known:
            hint = hints.closest(source_id, ids) or "add it under 'sources'"
            what = (
                "evidence cites"
                if "evidence" in path
                else "response names"
                if "responses" in path
                else "the chapter's text cites"
                if "chapters" in path
                else "'via' names"
            )
            yield Problem(path, f"{what} unknown source '{source_id}'", hint)
