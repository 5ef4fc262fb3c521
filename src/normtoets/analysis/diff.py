"""Doorwerking: two rounds of one municipality, norm by norm and recommendation by recommendation.

Pure: models in, a Diff out. The follow-up records live in the NEW assessment and name the
recommendations of the OLD one. Loading, validation and positions are `rounds`' job; rendering
is `output.diff`'s and the report's.
"""

from dataclasses import dataclass
from enum import StrEnum

from normtoets.core.diagnostics import Problem, Severity
from normtoets.core.i18n import _
from normtoets.models import (
    Assessment,
    Criterion,
    FollowUp,
    Framework,
    Norm,
    Recommendation,
    Scale,
    Theme,
)


class Change(StrEnum):
    better = "better"
    same = "same"
    worse = "worse"
    new = "new"  # the norm did not exist in the old framework version
    dropped = "dropped"  # an old norm without counterpart in the new version
    not_comparable = "not comparable"  # niet beoordeeld or niet van toepassing on either side


@dataclass(frozen=True)
class CriterionChange:
    """One lettered criterion of a norm across the two rounds; None scores as for norms."""

    id: str | None  # id in the new framework; None when dropped
    old_id: str | None  # id in the old framework; None when new
    text: str
    old: str | None
    new: str | None
    change: Change


@dataclass(frozen=True)
class NormChange:
    """One norm across the two rounds. A score of None: no judgement (niet beoordeeld)."""

    theme: Theme  # the new framework's theme; the old one's for a dropped norm
    id: str | None  # id in the new framework; None when dropped
    old_id: str | None  # id in the old framework; None when new
    text: str
    label: str  # the norm's short title where the framework gives one, else its text
    old: str | None
    new: str | None
    change: Change
    criteria: tuple[CriterionChange, ...] = ()  # the new norm's order; dropped ones last


@dataclass(frozen=True)
class RecommendationFollowUp:
    """An old recommendation and what became of it; follow_up None: nothing recorded."""

    recommendation: Recommendation
    follow_up: FollowUp | None


@dataclass(frozen=True)
class Diff:
    old: Assessment
    old_framework: Framework
    new: Assessment
    new_framework: Framework
    # new framework order, grouped by theme, a row per old norm merged into one; dropped last
    norms: list[NormChange]
    recommendations: list[RecommendationFollowUp]  # in the old assessment's order
    problems: list[Problem]  # unknown-recommendation (error), missing-follow-up (warning)

    @property
    def municipality(self) -> str:
        return self.new.name

    def themes(self) -> list[tuple[Theme, list[NormChange]]]:
        """The norm changes grouped by theme, in order of first appearance."""
        groups: dict[int, tuple[Theme, list[NormChange]]] = {}
        for change in self.norms:
            groups.setdefault(id(change.theme), (change.theme, []))[1].append(change)
        return list(groups.values())


class DiffError(Exception):
    """The two assessments cannot be compared; carries the problem to report."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def incompatibility(
    old: Assessment, old_framework: Framework, new: Assessment, new_framework: Framework
) -> Problem | None:
    """Why the two rounds cannot be compared, or None when they can."""
    if old.units_key != new.units_key:
        return Problem(
            new.named_at()[0][0][:1],
            _("assessment is of {municipality}, but the earlier one is of {earlier}").format(
                municipality=new.name, earlier=old.name
            ),
            _("diff compares two rounds of one municipality"),
            severity=Severity.error,
            code="municipality-mismatch",
        )
    if old_framework.id != new_framework.id or (
        old_framework.version != new_framework.version
        and not any(m.version == old_framework.version for m in new_framework.maps_from)
    ):
        return Problem(
            ("framework",),
            _(
                "assessment uses framework {framework}, but the earlier one uses {earlier}, and "
                "{framework} has no maps_from for it"
            ).format(framework=new_framework.ref, earlier=old_framework.ref),
            _(
                "add {maps_from} to framework {framework}, or compare rounds scored against one "
                "version"
            ).format(
                maps_from=f'`maps_from: [{{version: "{old_framework.version}"}}]`',
                framework=new_framework.ref,
            ),
            severity=Severity.error,
            code="rounds-not-comparable",
        )
    return None


def norm_map(old_framework: Framework, new_framework: Framework) -> dict[str, str]:
    """Old norm id → new norm id: the version map's entries, identity for ids in both. Several
    old norms may map onto one new norm (two norms merged)."""
    if old_framework.version == new_framework.version:
        return {n.id: n.id for n in old_framework.norms()}
    renamed = next(
        (m.norms for m in new_framework.maps_from if m.version == old_framework.version), {}
    )
    new_ids = {n.id for n in new_framework.norms()}
    taken = {target for source, target in renamed.items() if target in new_ids}
    mapping: dict[str, str] = {}
    for norm in old_framework.norms():
        if norm.id in renamed:
            if renamed[norm.id] in new_ids:
                mapping[norm.id] = renamed[norm.id]
        elif norm.id in new_ids and norm.id not in taken:
            mapping[norm.id] = norm.id
    return mapping


def _position(scale: Scale, code: str) -> float | None:
    """0 for the best level, 1 for the worst; None for codes that are not a level."""
    rank = scale.rank(code)
    if rank is None:
        return None
    return rank / (len(scale.levels) - 1) if len(scale.levels) > 1 else 0.0


def compare_scores(
    old_framework: Framework, old: str | None, new_framework: Framework, new: str | None
) -> Change:
    """Better, same or worse by rank. With one set of codes both are ranked on the new scale;
    otherwise each on its own scale, as a position between best (0) and worst (1)."""
    if old is None or new is None:
        return Change.not_comparable
    same_codes = [lvl.code for lvl in old_framework.scale.levels] == [
        lvl.code for lvl in new_framework.scale.levels
    ]
    before = _position(new_framework.scale if same_codes else old_framework.scale, old)
    after = _position(new_framework.scale, new)
    if before is None or after is None:
        return Change.not_comparable
    if after < before:
        return Change.better
    return Change.worse if after > before else Change.same


def _score(framework: Framework, assessment: Assessment, norm_id: str | None) -> str | None:
    judgement = assessment.judgements.get(norm_id) if norm_id else None
    if judgement is None or framework.scale.is_not_assessed(judgement.score):
        return None
    return judgement.score


def _criterion_score(
    framework: Framework, assessment: Assessment, norm_id: str, criterion_id: str
) -> str | None:
    judgement = assessment.judgements.get(norm_id)
    judged = judgement.criteria.get(criterion_id) if judgement else None
    if judged is None or framework.scale.is_not_assessed(judged.score):
        return None
    return judged.score


def _suffix(criterion: Criterion, norm: Norm) -> str:
    """What follows the norm id in the criterion's id: '.a' of 'B2.a'; '' when it does not."""
    return criterion.id[len(norm.id) :] if criterion.id.startswith(norm.id) else ""


def match_criteria(old_norm: Norm | None, new_norm: Norm | None) -> dict[str, str]:
    """New criterion id → old criterion id: the same id, failing that the same suffix after
    the norm id (B2.a ↔ B3.a when B2 became B3). Each old criterion is matched once."""
    if old_norm is None or new_norm is None:
        return {}
    old_ids = {c.id for c in old_norm.criteria}
    matched = {c.id: c.id for c in new_norm.criteria if c.id in old_ids}
    by_suffix: dict[str, str] = {}
    for criterion in old_norm.criteria:
        if criterion.id not in matched.values():
            by_suffix.setdefault(_suffix(criterion, old_norm), criterion.id)
    for criterion in new_norm.criteria:
        suffix = _suffix(criterion, new_norm)
        if criterion.id not in matched and suffix and suffix in by_suffix:
            matched[criterion.id] = by_suffix.pop(suffix)
    return matched


def _criterion_changes(
    old: Assessment,
    old_framework: Framework,
    old_norm: Norm | None,
    new: Assessment,
    new_framework: Framework,
    new_norm: Norm | None,
) -> tuple[CriterionChange, ...]:
    """The criteria of a norm in both rounds: the new norm's order, unmatched old ones last.
    A new norm's criteria are all new, a dropped norm's all dropped."""
    matched = match_criteria(old_norm, new_norm)
    changes = []
    if new_norm is not None:
        for criterion in new_norm.criteria:
            old_id = matched.get(criterion.id)
            before = (
                _criterion_score(old_framework, old, old_norm.id, old_id)
                if old_norm and old_id
                else None
            )
            after = _criterion_score(new_framework, new, new_norm.id, criterion.id)
            change = (
                Change.new
                if old_id is None
                else compare_scores(old_framework, before, new_framework, after)
            )
            changes.append(
                CriterionChange(criterion.id, old_id, criterion.text, before, after, change)
            )
    if old_norm is not None:
        for criterion in old_norm.criteria:
            if criterion.id not in matched.values():
                before = _criterion_score(old_framework, old, old_norm.id, criterion.id)
                changes.append(
                    CriterionChange(
                        None, criterion.id, criterion.text, before, None, Change.dropped
                    )
                )
    return tuple(changes)


def _norm_changes(
    old: Assessment, old_framework: Framework, new: Assessment, new_framework: Framework
) -> list[NormChange]:
    mapping = norm_map(old_framework, new_framework)
    # Several old norms may be merged into one new norm: a row for each, so no score is lost.
    new_to_old: dict[str, list[str | None]] = {}
    for source, target in mapping.items():
        new_to_old.setdefault(target, []).append(source)
    changes = []
    for theme in new_framework.themes:
        for norm, old_id in ((n, o) for n in theme.norms for o in new_to_old.get(n.id, [None])):
            before = _score(old_framework, old, old_id)
            after = _score(new_framework, new, norm.id)
            change = (
                Change.new
                if old_id is None
                else compare_scores(old_framework, before, new_framework, after)
            )
            old_norm = old_framework.norm(old_id) if old_id else None
            criteria = _criterion_changes(old, old_framework, old_norm, new, new_framework, norm)
            label = norm.short or norm.text
            changes.append(
                NormChange(
                    theme, norm.id, old_id, norm.text, label, before, after, change, criteria
                )
            )
    for theme in old_framework.themes:
        for norm in theme.norms:
            if norm.id not in mapping:
                before = _score(old_framework, old, norm.id)
                criteria = _criterion_changes(old, old_framework, norm, new, new_framework, None)
                changes.append(
                    NormChange(
                        theme,
                        None,
                        norm.id,
                        norm.text,
                        norm.short or norm.text,
                        before,
                        None,
                        Change.dropped,
                        criteria,
                    )
                )
    return changes


def _follow_ups(
    old: Assessment, new: Assessment
) -> tuple[list[RecommendationFollowUp], list[Problem]]:
    known = {r.id for r in old.recommendations}
    problems: list[Problem] = []
    found: dict[str, FollowUp] = {}
    for index, follow_up in enumerate(new.follow_up):
        if follow_up.recommendation not in known:
            problems.append(
                Problem(
                    ("follow_up", index, "recommendation"),
                    _(
                        "follow-up names recommendation '{id}', which the earlier assessment of "
                        "{municipality} does not have"
                    ).format(id=follow_up.recommendation, municipality=old.name),
                    _("its recommendations: {ids}").format(
                        ids=", ".join(sorted(known)) or _("none")
                    ),
                    severity=Severity.error,
                    code="unknown-recommendation",
                )
            )
        found.setdefault(follow_up.recommendation, follow_up)
    pairs = [RecommendationFollowUp(r, found.get(r.id)) for r in old.recommendations]
    for pair in pairs:
        if pair.follow_up is None:
            problems.append(
                Problem(
                    ("follow_up",),
                    _("no follow-up for recommendation '{id}' of the earlier assessment").format(
                        id=pair.recommendation.id
                    ),
                    _("add it under `follow_up` with its status"),
                    severity=Severity.warning,
                    code="missing-follow-up",
                )
            )
    return pairs, problems


def build(
    old: Assessment, old_framework: Framework, new: Assessment, new_framework: Framework
) -> Diff:
    """The doorwerking from OLD to NEW. Raises DiffError when they cannot be compared."""
    problem = incompatibility(old, old_framework, new, new_framework)
    if problem is not None:
        raise DiffError(problem)
    pairs, problems = _follow_ups(old, new)
    return Diff(
        old,
        old_framework,
        new,
        new_framework,
        _norm_changes(old, old_framework, new, new_framework),
        pairs,
        problems,
    )


# Dutch labels for the report, which is Dutch whatever the locale; JSON keeps the values above.
# The command line has its own, in the user's language (output.diff.change_label, yes_no).
CHANGE_LABELS = {
    Change.better: "beter",
    Change.same: "gelijk",
    Change.worse: "slechter",
    Change.new: "nieuw",
    Change.dropped: "vervallen",
    Change.not_comparable: "niet vergelijkbaar",
}
UNKNOWN = "onbekend"


def yes_no(value: bool | None) -> str:
    """ja, nee or onbekend (not recorded)."""
    return UNKNOWN if value is None else ("ja" if value else "nee")


def status_of(pair: RecommendationFollowUp) -> str:
    """The follow-up's status as written, or onbekend when none is recorded."""
    return pair.follow_up.status.value if pair.follow_up else UNKNOWN
