"""framework-mismatch (error): an assessment is scored against another framework or version
than its study (`study.yaml` in the same folder) names."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem

CODE = "framework-mismatch"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment and ctx.study and ctx.assessment.framework != ctx.study.framework:
        yield Problem(
            ("framework",),
            _("assessment uses framework {framework}, but its study uses {study}").format(
                framework=ctx.assessment.framework, study=ctx.study.framework
            ),
        )
