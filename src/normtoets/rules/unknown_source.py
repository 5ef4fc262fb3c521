"""unknown-source (error): evidence, a wederhoor response (`responses[].source`), a source's
`via`, a citation `[@id]` in a chapter's text or a kengetal's value names a source id that is
not listed under `sources`."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
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
            hint = hints.closest(source_id, ids) or _("add it under 'sources'")
            message = (
                _("evidence cites unknown source '{source}'")
                if "evidence" in path
                else _("response names unknown source '{source}'")
                if "responses" in path
                else _("the chapter's text cites unknown source '{source}'")
                if "chapters" in path
                else _("a value of a kengetal names unknown source '{source}'")
                if "indicator_values" in path
                else _("'via' names unknown source '{source}'")
            )
            yield Problem(path, message.format(source=source_id), hint)
