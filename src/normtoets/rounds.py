"""Load what `diff` and `report --since` work on: two rounds of one municipality, validated.

Both files are checked like `validate` does; diff's own problems (a follow-up naming an
unknown recommendation, a recommendation without follow-up, rounds that cannot be compared)
become Diagnostics at their place in the NEW file.
"""

from dataclasses import dataclass
from pathlib import Path

from normtoets import diff
from normtoets.diagnostics import Diagnostic, has_errors
from normtoets.errors import UsageError
from normtoets.models import Assessment, Framework, Study
from normtoets.workspace import Loaded, Workspace


@dataclass(frozen=True)
class Rounds:
    diff: diff.Diff
    old_study: Study | None
    new_study: Study | None
    warnings: list[Diagnostic]  # diff's own (missing-follow-up)


def _assessment(workspace: Workspace, path: Path) -> Loaded:
    if not path.exists():
        raise UsageError(f"path not found: {path}")
    if not path.is_file():
        raise UsageError(f"{path} is a folder, not an assessment file")
    loaded = workspace.load(path)
    if loaded.kind != "assessment":
        raise UsageError(f"{path} is a {loaded.kind}, not an assessment")
    return loaded


def _placed(loaded: Loaded, problem: diff.Problem) -> Diagnostic:
    line, column = loaded.doc.position(problem.path) if loaded.doc else (1, 1)
    return Diagnostic(
        loaded.name, line, column, problem.severity, problem.code, problem.message, problem.hint
    )


def load(
    old_path: Path, new_path: Path, norms_dirs: list[Path] | None = None
) -> tuple[Rounds | None, list[Diagnostic]]:
    """Everything valid and comparable: Rounds. Otherwise None and the diagnostics."""
    workspace = Workspace(norms_dirs)
    old, new = _assessment(workspace, old_path), _assessment(workspace, new_path)
    diagnostics = sorted({d for item in (old, new) for d in workspace.check(item)})
    if has_errors(diagnostics):
        return None, diagnostics
    old_model: Assessment = old.model
    new_model: Assessment = new.model
    old_framework: Framework | None = workspace.framework(old_model.framework)
    new_framework: Framework | None = workspace.framework(new_model.framework)
    assert old_framework and new_framework  # an unknown framework is an error above
    try:
        result = diff.build(old_model, old_framework, new_model, new_framework)
    except diff.DiffError as exc:
        return None, [*diagnostics, _placed(new, exc.problem)]
    own = sorted(_placed(new, p) for p in result.problems)
    if has_errors(own):
        return None, [*diagnostics, *own]
    rounds = Rounds(result, workspace.study_for(old.path), workspace.study_for(new.path), own)
    return rounds, diagnostics
