"""Load what `agree` works on: two or more independent scorings of one municipality against
one framework, each valid, each by another rater."""

from dataclasses import dataclass
from pathlib import Path

from normtoets.analysis.agreement import Agreement, Scoring, build
from normtoets.core.diagnostics import Diagnostic, Problem, Severity, has_errors
from normtoets.core.errors import UsageError
from normtoets.core.i18n import _
from normtoets.core.names import same_name
from normtoets.files.listing import files_below
from normtoets.loading.selection import Selection
from normtoets.loading.session import YAML_SUFFIXES, Loaded, Session
from normtoets.models import Assessment, Framework, Study


@dataclass(frozen=True)
class Scorings:
    framework: Framework
    scorings: list[Scoring]


def _refused(loaded: Loaded, path: tuple[str, ...], message: str, hint: str) -> Diagnostic:
    assert loaded.doc is not None  # valid files only get this far
    problem = Problem(path, message, hint, severity=Severity.error, code="scorings-not-comparable")
    return loaded.doc.place(problem)


def _mismatches(loaded: list[Loaded]) -> list[Diagnostic]:
    first = loaded[0]
    found = []
    for item in loaded[1:]:
        a, b = first.model, item.model
        if a.framework != b.framework:
            found.append(_refused(item, ("framework",), _(
                "scored against {framework}, but {file} against {other}"
            ).format(framework=b.framework, file=first.name, other=a.framework),
                _("double scoring compares scorings against one framework version")))  # fmt: skip
        if a.units_key != b.units_key:
            found.append(_refused(item, ("municipality",), _(
                "scores {municipality}, but {file} scores {other}"
            ).format(municipality=b.name, file=first.name, other=a.name),
                _("double scoring compares scorings of one municipality")))  # fmt: skip
    return found


def _same_rater(loaded: list[Loaded], raters: list[str]) -> list[Diagnostic]:
    found = []
    for i, item in enumerate(loaded):
        earlier = next((j for j in range(i) if same_name(raters[j], raters[i])), None)
        if earlier is not None:
            found.append(_refused(item, ("rater",), _(
                "{rater} made {file} as well: one rater's two scorings are not independent"
            ).format(rater=raters[i], file=loaded[earlier].name),
                _("give each scoring its own `rater`")))  # fmt: skip
    return found


def load_scorings(paths: list[Path], session: Session) -> tuple[Scorings | None, list[Diagnostic]]:
    """The scorings in the order given; or None and every problem found."""
    if len(paths) < 2:
        raise UsageError(_("give at least two scorings of one municipality"))
    for path in paths:
        if not path.is_file():
            raise UsageError(_("path not found: {path}").format(path=path))
    loaded = session.load_all(paths)
    for item in loaded:
        if item.kind != "assessment":
            raise UsageError(_("{path} is not an assessment").format(path=item.path))
    diagnostics = sorted({d for item in loaded for d in session.check(item)})
    if has_errors(diagnostics):
        return None, diagnostics
    raters = [item.model.rater or item.path.name for item in loaded]
    refused = _mismatches(loaded) + _same_rater(loaded, raters)
    if refused:
        return None, [*diagnostics, *refused]
    model = loaded[0].model
    assert isinstance(model, Assessment)
    framework = session.framework(model.framework)
    assert framework is not None  # an unknown framework is an error above
    scorings = [
        Scoring(rater, item.name, item.model) for rater, item in zip(raters, loaded, strict=True)
    ]
    return Scorings(framework, scorings), diagnostics


def _scorings_by_municipality(
    study: Study | None, study_dir: Path, session: Session
) -> dict[str, list[Path]]:
    """The files in the study's `double_scoring` folder, by the key of their units;
    empty when the study names no folder or it is not there (double-scoring-missing says so)."""
    if study is None or study.double_scoring is None:
        return {}
    folder = study_dir / study.double_scoring
    if not folder.is_dir():
        return {}
    found: dict[str, list[Path]] = {}
    for item in session.load_all(files_below(folder, YAML_SUFFIXES)):
        if isinstance(item.model, Assessment):
            found.setdefault(item.model.units_key, []).append(item.path)
    return found


def _agreement(paths: list[Path], session: Session) -> tuple[Agreement | None, list[Diagnostic]]:
    """None with fewer than two scorings; problems in them are the caller's to refuse."""
    if len(paths) < 2:
        return None, []
    loaded, diagnostics = load_scorings(paths, session)
    if loaded is None:
        return None, diagnostics
    return build(loaded.framework, loaded.scorings), diagnostics


def double_scoring(
    study: Study | None, study_dir: Path, assessment: Assessment, session: Session
) -> tuple[Agreement | None, list[Diagnostic]]:
    """The agreement of a study's independent scorings of the assessment's units (in the
    study's `double_scoring` folder); None when there are fewer than two."""
    found = _scorings_by_municipality(study, study_dir, session)
    return _agreement(found.get(assessment.units_key, []), session)


def study_double_scorings(
    selection: Selection, session: Session
) -> tuple[list[Agreement], list[Diagnostic]]:
    """The double scoring of every municipality of a selection that has one; each folder of
    scorings is read once, however many municipalities it serves."""
    folders: dict[Path, dict[str, list[Path]]] = {}
    found: list[Agreement] = []
    problems: list[Diagnostic] = []
    for assessment, path in zip(selection.assessments, selection.paths, strict=True):
        if path.parent not in folders:
            folders[path.parent] = _scorings_by_municipality(selection.study, path.parent, session)
        paths = folders[path.parent].get(assessment.units_key, [])
        agreement, own = _agreement(paths, session)
        problems += own
        if agreement is not None:
            found.append(agreement)
    return found, problems
