"""municipality-not-in-study (warning): an assessment's municipality is not one of the
municipalities its study (`study.yaml` in the same folder) lists, in any spelling of the name
(`names.name_key`)."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.core.names import name_key
from normtoets.rules.base import Context, Problem
from normtoets.rules.suggest import closest

CODE = "municipality-not-in-study"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None or ctx.study is None:
        return
    listed = {name_key(m) for m in ctx.study.municipalities}
    if name_key(ctx.assessment.municipality) not in listed:
        yield Problem(
            ("municipality",),
            _("municipality '{municipality}' is not listed in study '{study}'").format(
                municipality=ctx.assessment.municipality, study=ctx.study.id
            ),
            closest(ctx.assessment.municipality, ctx.study.municipalities),
        )
