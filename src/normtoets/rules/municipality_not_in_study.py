"""municipality-not-in-study (warning): an assessment's municipality (or one of the
municipalities of a joint assessment) is not one of the units its study (`study.yaml` in the
same folder) lists, in any spelling of the name (`names.name_key`)."""

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
    names = ctx.study.names
    listed = {name_key(m) for m in names}
    for at, name in ctx.assessment.named_at():
        if name_key(name) not in listed:
            yield Problem(
                at,
                _("municipality '{municipality}' is not listed in study '{study}'").format(
                    municipality=name, study=ctx.study.id
                ),
                closest(name, names),
            )
