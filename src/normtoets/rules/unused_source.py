"""unused-source (warning): a listed source is never cited by any evidence or wederhoor
response, and no other source names it as its `via`."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.models.references import cited_sources
from normtoets.rules.base import Context, Problem

CODE = "unused-source"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None:
        return
    cited = cited_sources(ctx.assessment)
    for i, source in enumerate(ctx.assessment.sources):
        if source.id not in cited:
            message = _("source '{source}' is never cited").format(source=source.id)
            yield Problem(("sources", i, "id"), message)
