"""unknown-source (error): evidence cites a source id that is not listed under `sources`."""

from collections.abc import Iterator

from normtoets.diagnostics import Severity
from normtoets.rules.base import Context, Problem
from normtoets.rules.evidence import all_evidence
from normtoets.rules.suggest import closest

CODE = "unknown-source"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None:
        return
    ids = [s.id for s in ctx.assessment.sources]
    for path, item in all_evidence(ctx.assessment):
        if item.source not in ids:
            hint = closest(item.source, ids) or "add it under 'sources'"
            yield Problem((*path, "source"), f"evidence cites unknown source '{item.source}'", hint)
