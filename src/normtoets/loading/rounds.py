"""Load what `diff` and `report --since` work on: two rounds of one municipality, validated.

Both files are checked like `validate` does; diff's own problems (a follow-up naming an
unknown recommendation, a recommendation without follow-up, rounds that cannot be compared or
are given in the wrong order) become Diagnostics at their place in the NEW file.
"""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from normtoets.analysis import diff
from normtoets.core.diagnostics import Diagnostic, Problem, Severity, has_errors
from normtoets.core.errors import UsageError
from normtoets.core.i18n import _
from normtoets.loading.session import Loaded, Session
from normtoets.models import Assessment, Framework, Study


@dataclass(frozen=True)
class Rounds:
    diff: diff.Diff
    old_study: Study | None
    new_study: Study | None
    warnings: list[Diagnostic]  # diff's own (missing-follow-up)


def _assessment(session: Session, path: Path) -> Loaded:
    if not path.exists():
        raise UsageError(_("path not found: {path}").format(path=path))
    if not path.is_file():
        raise UsageError(_("{path} is a folder, not an assessment file").format(path=path))
    loaded = session.load(path)
    if loaded.kind == "framework":
        raise UsageError(_("{path} is a framework, not an assessment").format(path=path))
    if loaded.kind == "study":
        raise UsageError(_("{path} is a study, not an assessment").format(path=path))
    return loaded


def _placed(loaded: Loaded, problem: Problem) -> Diagnostic:
    assert loaded.doc is not None  # only valid files get this far
    return loaded.doc.place(problem)


def _when(assessment: Assessment, study: Study | None) -> dt.date | int | None:
    """The round's date as the report shows it: the assessment's, else its study's date, else
    its study's year; None when none is known."""
    if assessment.date is not None:
        return assessment.date
    if study is not None:
        return study.date or study.year
    return None


def _year(when: dt.date | int) -> int:
    return when.year if isinstance(when, dt.date) else when


def _out_of_order(
    old: Loaded, old_study: Study | None, new: Loaded, new_study: Study | None
) -> Diagnostic | None:
    """NEW dated before OLD: the arguments are swapped. A missing date is no guess: no error;
    a year alone is compared as a year."""
    before, after = _when(old.model, old_study), _when(new.model, new_study)
    if before is None or after is None:
        return None
    if isinstance(before, dt.date) and isinstance(after, dt.date):
        swapped = after < before
    else:
        swapped = _year(after) < _year(before)
    if not swapped:
        return None
    return _placed(
        new,
        Problem(
            ("date",),
            _(
                "this later round is dated {date}, before the earlier round {file} ({earlier_date})"
            ).format(date=after, file=old.name, earlier_date=before),
            _("give the earlier round first: `diff OLD NEW`, `report NEW --since OLD`"),
            severity=Severity.error,
            code="rounds-out-of-order",
        ),
    )


def load(
    old_path: Path,
    new_path: Path,
    norms_dirs: list[Path] | None = None,
    *,
    session: Session | None = None,
) -> tuple[Rounds | None, list[Diagnostic]]:
    """Everything valid and comparable: Rounds and the files' warnings. Otherwise None and the
    diagnostics."""
    session = session or Session(norms_dirs)
    old, new = _assessment(session, old_path), _assessment(session, new_path)
    used = [item.model.framework for item in (old, new) if isinstance(item.model, Assessment)]
    diagnostics = sorted(
        {d for item in (old, new) for d in session.check(item)} | set(session.conflicts(used))
    )
    if has_errors(diagnostics):
        return None, diagnostics
    old_model: Assessment = old.model
    new_model: Assessment = new.model
    old_framework: Framework | None = session.framework(old_model.framework)
    new_framework: Framework | None = session.framework(new_model.framework)
    assert old_framework and new_framework  # an unknown framework is an error above
    try:
        result = diff.build(old_model, old_framework, new_model, new_framework)
    except diff.DiffError as exc:
        return None, [*diagnostics, _placed(new, exc.problem)]
    old_study, new_study = session.study_for(old.path), session.study_for(new.path)
    swapped = _out_of_order(old, old_study, new, new_study)
    if swapped is not None:  # the follow-ups of swapped rounds would only add noise
        return None, [*diagnostics, swapped]
    own = sorted(_placed(new, p) for p in result.problems)
    if has_errors(own):
        return None, [*diagnostics, *own]
    rounds = Rounds(result, old_study, new_study, own)
    return rounds, diagnostics
