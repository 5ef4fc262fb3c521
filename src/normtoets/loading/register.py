"""Load what the register of recommendations works on: every round in the given folders of
studies, each valid, each with its study."""

from pathlib import Path

from normtoets.analysis.register import Register, Round, build
from normtoets.core.diagnostics import Diagnostic, has_errors
from normtoets.core.errors import UsageError
from normtoets.core.i18n import _
from normtoets.loading.selection import study_members
from normtoets.loading.session import Session
from normtoets.loading.validate import collect
from normtoets.models import Assessment


def load_register(paths: list[Path], session: Session) -> tuple[Register | None, list[Diagnostic]]:
    """The register and the files' warnings; or None and every problem (one invalid file
    stops it: a register with a gap would not say so)."""
    loaded = session.load_all(collect(paths))
    for item in loaded:
        session.register(item)
    diagnostics = sorted(
        {d for item in loaded if item.kind != "framework" for d in session.check(item)}
    )
    if has_errors(diagnostics):
        return None, diagnostics
    rounds = [
        Round(item.name, item.model, session.study_for(item.path))
        for item in study_members(loaded)
        if isinstance(item.model, Assessment)
    ]
    if not rounds:
        raise UsageError(
            _("no assessments found in {paths}").format(paths=", ".join(str(p) for p in paths))
        )
    return build(rounds), diagnostics
