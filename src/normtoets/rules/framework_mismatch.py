"""framework-mismatch (error): an assessment is scored against another framework or version
than its study (`study.yaml` in the same folder) names."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.rules.base import Context, Problem

CODE = "framework-mismatch"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment and ctx.study and ctx.assessment.framework != ctx.study.framework:
        yield Problem(
            ("framework",),
            f"assessment uses framework {ctx.assessment.framework}, "
            f"but its study uses {ctx.study.framework}",
        )
