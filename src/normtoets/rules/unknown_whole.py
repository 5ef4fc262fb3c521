"""unknown-whole (error): a unit of the study is `part_of` a unit the study does not list (in
any spelling of the name, `names.name_key`), of itself, or of a unit that is in turn part of
it (a circle). The comparison shows a part under its whole, so the whole must be a unit of
the study: list it, even when only its parts were assessed."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.core.names import name_key
from normtoets.models import Study
from normtoets.rules.base import Context, Problem
from normtoets.rules.suggest import closest

CODE = "unknown-whole"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    study = ctx.study
    if ctx.kind != "study" or study is None:
        return
    names = study.names
    listed = {name_key(name) for name in names}
    for i, member in enumerate(study.municipalities):
        if isinstance(member, str) or member.part_of is None:
            continue
        at = ("municipalities", i, "part_of")
        if name_key(member.part_of) not in listed:
            yield Problem(
                at,
                _("{unit} is part of '{whole}', which the study does not list").format(
                    unit=member.name, whole=member.part_of
                ),
                closest(member.part_of, names)
                or _("add '{whole}' to the study's municipalities").format(whole=member.part_of),
            )
        elif _in_circle(study, member.name):
            yield Problem(
                at,
                _("{unit} is part of itself, through part_of").format(unit=member.name),
                _("a unit is part of one larger unit, never of one of its own parts"),
            )


def _in_circle(study: Study, name: str) -> bool:
    """Following part_of from `name` leads back to it."""
    seen: set[str] = set()
    current = study.whole_of(name)
    while current is not None and name_key(current) not in seen:
        if name_key(current) == name_key(name):
            return True
        seen.add(name_key(current))
        current = study.whole_of(current)
    return False
