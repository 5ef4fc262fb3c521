"""unparsed-target (error): a streefwaarde (`target`, of a kengetal in the framework or of a
unit in `indicator_values`) that is none of the five kinds normtoets reads: a level (`85%`,
`2,5 uur gemiddeld`, `minimaal 80%`), a change (`Daling van 5%`), a direction (`Toename`,
`Verkorting`, `Verbetering`), `Blijft gelijk`, or a limit (`Geen overschrijding`, `Niet meer
dan € 600.000`). Write it as the policy writes it; if the policy's own words are none of
these, that is a finding: quote it in the assessment's text instead."""

from collections.abc import Iterator

from normtoets.core.diagnostics import PathKey, Severity
from normtoets.core.i18n import _
from normtoets.models.targets import parse_target
from normtoets.rules.base import Context, Problem

CODE = "unparsed-target"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    targets: list[tuple[PathKey, str]] = []
    if ctx.kind == "framework" and ctx.framework is not None:
        targets += [(("indicators", i, "target"), ind.target)
                    for i, ind in enumerate(ctx.framework.indicators) if ind.target]  # fmt: skip
    if ctx.assessment is not None:
        targets += [(("indicators", i, "target"), ind.target)
                    for i, ind in enumerate(ctx.assessment.indicators) if ind.target]  # fmt: skip
        targets += [(("indicator_values", ind, "target"), record.target)
                    for ind, record in ctx.assessment.indicator_values.items()
                    if record.target]  # fmt: skip
    for at, text in targets:
        if parse_target(text).kind is None:
            message = _(
                "streefwaarde '{target}' is not a level, change, direction, 'blijft gelijk' "
                "or limit"
            )
            hint = _(
                "for example '85%', 'Daling van 5%', 'Toename', 'Blijft gelijk', "
                "'Geen overschrijding'"
            )
            yield Problem(at, message.format(target=text), hint)
