"""missing-assessment (error): a municipality the study lists has no assessment in the study's
folder or below it (the `double_scoring` folder left out), in any spelling of its name
(`names.name_key`). Without it, `compare` and the comparison report would leave the municipality
out without a word, and say they compare one municipality fewer."""

from collections.abc import Iterator
from pathlib import Path

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.core.names import name_key
from normtoets.rules.base import Context, Problem

CODE = "missing-assessment"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    study = ctx.study
    if ctx.kind != "study" or study is None or ctx.assessed is None:
        return
    folder = ctx.base_dir or Path()
    for at, municipality in study.named_at():
        if name_key(municipality) in ctx.assessed:
            continue
        yield Problem(
            at,
            _(
                "{municipality} is listed, but no assessment of it was found in {folder} or a "
                "folder below it"
            ).format(municipality=municipality, folder=folder),
            _(
                'add its file (normtoets new assessment {folder} --municipality "{municipality}"), '
                "move it into this folder, or take the name off the list"
            ).format(folder=folder, municipality=municipality),
        )
