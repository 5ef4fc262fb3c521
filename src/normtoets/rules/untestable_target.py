"""untestable-target (info): streefwaarden of this unit that cannot be tested, whatever is
measured: a change, a direction or 'blijft gelijk' without a baseline value (nulmeting), a
level or 'verbetering' of a kengetal that does not say which way is better (`better`), a limit
that names no bound. No mistake in the file, but evidence for a norm on SMART goals: `status`
and the report count them. One line per file, naming each."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import ngettext
from normtoets.models.targets import Untestable, targets_of, why_words
from normtoets.rules.base import Context, Problem

CODE = "untestable-target"
SEVERITY = Severity.info


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None or ctx.framework is None:
        return
    with_target = targets_of(ctx.framework, ctx.assessment)
    found = [(ind, why) for ind, why in with_target if why not in (None, Untestable.unreadable)]
    if not found:
        return
    words = why_words()
    listed = ", ".join(f"{ind.id} ({words[why]})" for ind, why in found if why)
    yield Problem(
        ("indicator_values",) if ctx.assessment.indicator_values else (),
        ngettext(
            "{count} of the {total} streefwaarden cannot be tested: {list}",
            "{count} of the {total} streefwaarden cannot be tested: {list}",
            len(found),
        ).format(count=len(found), total=len(with_target), list=listed),
        at_key=bool(ctx.assessment.indicator_values),
    )
