"""Load what `compare` and `report` work on: assessments of one framework, with their study."""

import os
from dataclasses import dataclass
from pathlib import Path

from normtoets.core.diagnostics import Diagnostic, Problem, Severity, has_errors
from normtoets.core.errors import UsageError
from normtoets.core.i18n import _
from normtoets.loading.session import Loaded, Session
from normtoets.loading.validate import collect
from normtoets.models import Assessment, Framework, Study
from normtoets.rules import Member, duplicate_municipality, place


@dataclass(frozen=True)
class Selection:
    framework: Framework
    study: Study | None
    assessments: list[Assessment]
    names: list[str]  # file name of each assessment, for messages
    paths: list[Path]  # the file of each assessment


def _twice(assessments: list[Loaded]) -> list[Diagnostic]:
    """A comparison has one column per municipality: any second assessment of one is refused,
    even a declared round or rater (duplicate_municipality.in_comparison)."""
    ordered = sorted(assessments, key=lambda item: (item.path.parent, item.path.name))
    members = [Member(item.name, item.model) for item in ordered]
    return [
        place(duplicate_municipality, doc, problem)
        for index, problem in duplicate_municipality.in_comparison(members)
        if (doc := ordered[index].doc) is not None
    ]


def study_members(loaded: list[Loaded]) -> list[Loaded]:
    """The assessments among `loaded`, less those in a loaded study's `double_scoring` folder:
    the raters' own scorings are input to `agree`, not the study's assessments."""
    aside = [
        os.path.join(os.path.abspath(item.path.parent), item.model.double_scoring, "")
        for item in loaded
        if isinstance(item.model, Study) and item.model.double_scoring
    ]
    return [
        item
        for item in loaded
        if item.kind == "assessment" and not os.path.abspath(item.path).startswith(tuple(aside))
    ]


def _checked(session: Session, loaded: list[Loaded]) -> list[Diagnostic]:
    """Every file's diagnostics, the study's across its files and the frameworks' conflicts."""
    used = [i.model.framework for i in loaded if isinstance(i.model, Assessment | Study)]
    return sorted(
        {d for item in loaded if item.kind != "framework" for d in session.check(item)}
        | set(session.check_studies(loaded))
        | set(session.conflicts(used))
    )


def _mixed_frameworks(assessments: list[Loaded]) -> list[Diagnostic]:
    """A comparison holds assessments of one framework version: the first one that differs."""
    first = assessments[0]
    ref = first.model.framework
    for item in assessments[1:]:
        if item.model.framework != ref:
            assert item.doc is not None  # valid: it has a document
            mismatch = item.doc.place(
                Problem(
                    ("framework",),
                    _("assessment uses framework {framework}, but {file} uses {other}").format(
                        framework=item.model.framework, file=first.name, other=ref
                    ),
                    _("compare assessments scored against one framework version"),
                    severity=Severity.error,
                    code="mixed-frameworks",
                )
            )
            return [mismatch]
    return []


def _load(session: Session, paths: list[Path]) -> tuple[list[Loaded], list[Loaded]]:
    """Every file loaded and its frameworks registered; the study's assessments apart (not
    those of its double scoring folder)."""
    # One file named twice (a relative and an absolute path) is loaded once: keep it once.
    loaded = list({id(item): item for item in session.load_all(collect(paths))}.values())
    for item in loaded:
        session.register(item)
    assessments = study_members(loaded)
    loaded = [item for item in loaded if item.kind != "assessment" or item in assessments]
    return loaded, assessments


def select(
    paths: list[Path], norms_dirs: list[Path] | None = None, *, session: Session | None = None
) -> tuple[Selection | None, list[Diagnostic]]:
    """Everything valid: a Selection and the warnings. Any error: None and the diagnostics."""
    session = session or Session(norms_dirs)
    loaded, assessments = _load(session, paths)
    if not assessments:
        raise UsageError(
            _("no assessments found in {paths}").format(paths=", ".join(str(p) for p in paths))
        )
    diagnostics = _checked(session, loaded)
    if has_errors(diagnostics):
        return None, diagnostics
    refused = _twice(assessments) or _mixed_frameworks(assessments)
    if refused:
        return None, [*diagnostics, *refused]
    first = assessments[0]
    ref = first.model.framework
    framework = session.framework(ref)
    assert framework is not None  # an unknown framework is an error above
    studies = [item.model for item in loaded if item.kind == "study"]
    study = studies[0] if studies else session.study_for(first.path)
    return Selection(
        framework,
        study,
        [a.model for a in assessments],
        [a.name for a in assessments],
        [a.path for a in assessments],
    ), diagnostics
