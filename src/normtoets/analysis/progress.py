"""`status`: how far each assessment is — what a researcher checks before handing it in."""

from dataclasses import asdict, dataclass, field
from typing import Any

from normtoets.models import UNITS, Assessment, Framework, Status, Unit
from normtoets.models.references import cited_sources
from normtoets.models.targets import Untestable, targets_of


@dataclass(frozen=True)
class Progress:
    file: str
    municipality: str
    status: str
    norms_scored: int
    norms_total: int
    criteria_scored: int
    criteria_total: int
    without_finding: list[str]  # scored norms whose finding is empty
    without_evidence: list[str]  # scored norms without any evidence
    unused_sources: list[str]
    # scored norms without reviewed_by (none when review_note covers it), and those changed after
    # their review (a review_note does not cover a review the file records)
    unreviewed: list[str]
    responses: int  # norms with ambtelijk wederhoor recorded
    wederhoor_pending: list[str]  # steps of wederhoor still open
    unit: Unit = field(default_factory=lambda: UNITS["gemeente"])  # what the study audits
    # Streefwaarden of kengetallen that cannot be tested (a finding, not open work), of `targets`.
    untestable_targets: list[str] = field(default_factory=list)
    targets: int = 0

    @property
    def complete(self) -> bool:
        return (
            self.norms_scored == self.norms_total
            and self.criteria_scored == self.criteria_total
            and not (self.without_finding or self.without_evidence or self.unused_sources)
            and not (self.unreviewed or self.wederhoor_pending)
        )

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "unit": self.unit.singular, "complete": self.complete}


def wederhoor_pending(assessment: Assessment) -> list[str]:
    """The wederhoor steps still open. Before `wederhoor` nothing is owed yet; once the college
    has reacted, the rekenkamer owes its nawoord."""
    pending = []
    if assessment.status is Status.wederhoor:
        if not any(j.responses for j in assessment.judgements.values()):
            pending.append("ambtelijk")
        if assessment.college_response is None:
            pending.append("bestuurlijk")
    if assessment.college_response is not None and assessment.afterword is None:
        pending.append("nawoord")
    return pending


def progress(
    file: str, framework: Framework, assessment: Assessment, unit: Unit | None = None
) -> Progress:
    judgements = assessment.judgements
    scored = _scored_norms(framework, assessment)
    found = _with_finding(framework, assessment, scored)
    criteria_scored = _criteria_scored(framework, assessment)
    cited = cited_sources(assessment)
    targets = _targets(framework, assessment)
    return Progress(
        file=file,
        municipality=assessment.name,
        status=assessment.status.value,
        norms_scored=len(scored),
        norms_total=sum(1 for _ in framework.norms()),
        criteria_scored=criteria_scored,
        criteria_total=sum(1 for _ in framework.criteria()),
        without_finding=[n for n in found if not judgements[n].finding.strip()],
        without_evidence=[n for n in found if not judgements[n].evidence],
        unused_sources=[s.id for s in assessment.sources if s.id not in cited],
        unreviewed=assessment.edited_after_review()
        if assessment.review_note
        else assessment.unreviewed(framework.scale),
        responses=sum(1 for j in judgements.values() if j.responses),
        wederhoor_pending=wederhoor_pending(assessment),
        unit=unit or UNITS["gemeente"],
        untestable_targets=[ind for ind, why in targets if why is not None],
        targets=len(targets),
    )


def _targets(framework: Framework, assessment: Assessment) -> list[tuple[str, Untestable | None]]:
    """The streefwaarden of the unit's kengetallen that can be read, with why they cannot be
    tested (None: they can)."""
    return [(ind.id, why) for ind, why in targets_of(framework, assessment)
            if why is not Untestable.unreadable]  # fmt: skip


def _scored_norms(framework: Framework, assessment: Assessment) -> list[str]:
    """The norms done with, in framework order: scored on the scale or judged not applicable
    (`nvt`); `nb` is still open. On a scale of defects a norm without a judgement has no
    finding, and is done with too."""
    judgements, scale = assessment.judgements, framework.scale
    unjudged = scale.unjudged()
    return [
        n.id
        for n in framework.norms()
        if not scale.is_not_assessed(j.score if (j := judgements.get(n.id)) else unjudged)
    ]


def _with_finding(framework: Framework, assessment: Assessment, scored: list[str]) -> list[str]:
    """The norms done with that owe a finding and evidence: not those with no finding (on a
    scale of defects, written or left out)."""
    judgements = assessment.judgements
    return [n for n in scored if n in judgements
            and not framework.scale.is_no_finding(judgements[n].score)]  # fmt: skip


def _criteria_scored(framework: Framework, assessment: Assessment) -> int:
    """How many criteria are done with, as norms are (see _scored_norms)."""
    judgements = assessment.judgements
    return sum(
        1
        for n in framework.norms()
        for c in n.criteria
        if n.id in judgements
        and (cj := judgements[n.id].criteria.get(c.id))
        and not framework.scale.is_not_assessed(cj.score)
    )
