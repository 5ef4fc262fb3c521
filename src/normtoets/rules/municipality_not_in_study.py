"""municipality-not-in-study (warning): an assessment's municipality is not one of the
municipalities its study (`study.yaml` in the same folder) lists."""

from collections.abc import Iterator

from normtoets.diagnostics import Severity
from normtoets.rules.base import Context, Problem
from normtoets.rules.suggest import closest

CODE = "municipality-not-in-study"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None or ctx.study is None:
        return
    if ctx.assessment.municipality not in ctx.study.municipalities:
        yield Problem(
            ("municipality",),
            f"municipality '{ctx.assessment.municipality}' is not listed in study '{ctx.study.id}'",
            closest(ctx.assessment.municipality, ctx.study.municipalities),
        )
