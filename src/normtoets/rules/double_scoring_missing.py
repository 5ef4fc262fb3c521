"""double-scoring-missing (error): a study names a `double_scoring` folder that is not there
(it is looked up next to study.yaml). The reports would otherwise leave out the figures of the
double scoring without a word."""

from collections.abc import Iterator
from pathlib import Path

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem

CODE = "double-scoring-missing"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    study = ctx.study
    if ctx.kind != "study" or study is None or study.double_scoring is None:
        return
    folder = (ctx.base_dir or Path()) / study.double_scoring
    if not folder.is_dir():
        yield Problem(
            ("double_scoring",),
            _("folder '{folder}' of the double scoring not found").format(
                folder=study.double_scoring
            ),
            _("give the folder with the independent scorings, relative to study.yaml"),
        )
