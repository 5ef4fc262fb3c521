"""The assessments of a study folder that can be reported on, checked as `compare` checks them:
each file, the study across its files, the frameworks. `report --each` renders a report for
each one without an error; one municipality's report compares its kengetallen with theirs, so
a report made alone and the same report made by `--each` compare with the same units."""

from dataclasses import dataclass
from pathlib import Path

from normtoets.core.diagnostics import Diagnostic, Severity
from normtoets.loading.selection import select, study_members
from normtoets.loading.session import Loaded, Session
from normtoets.loading.validate import collect


@dataclass(frozen=True)
class Members:
    assessments: list[Loaded]  # every assessment of the study (not its double scoring folder)
    usable: list[Loaded]  # those without an error
    errors: list[Diagnostic]  # every error found, in the assessments and outside them
    diagnostics: list[Diagnostic]  # everything found


def checked_members(folder: Path, session: Session) -> Members:
    """The study's assessments, and which of them have no error."""
    _selection, diagnostics = select([folder], session=session)
    assessments = study_members(session.load_all(collect([folder])))
    errors = [d for d in diagnostics if d.severity is Severity.error]
    failing = {d.file for d in errors}
    usable = [i for i in assessments if i.name not in failing and str(i.path) not in failing]
    return Members(assessments, usable, errors, diagnostics)
