"""The context of the chapter "Doorwerking" (`report NEW --since OLD`): what became of the
recommendations of the earlier round, and how each norm's score moved since."""

from collections import Counter
from dataclasses import dataclass, field, replace

from normtoets.analysis.diff import (
    CHANGE_LABELS,
    Change,
    CriterionChange,
    Diff,
    NormChange,
    status_of,
    yes_no,
)
from normtoets.models import Assessment, Evidence, FollowUpStatus, Study
from normtoets.report.context.common import (
    Badge,
    badge,
    date_of,
    dutch_date,
    dutch_list,
    paragraphs,
    spelled_out_start,
)
from normtoets.report.context.notes import EvidenceView, Note, Notes, listed

TO = {"raad": "gemeenteraad", "college": "college van B&W"}


@dataclass(frozen=True)
class CriterionMove:
    id: str  # the current id; the old one for a dropped criterion
    was: str | None  # the old id when the criterion was renumbered
    text: str
    old: Badge | None  # None: the criterion did not exist in the earlier round
    new: Badge | None  # None: the criterion no longer exists
    change: str
    kind: str


@dataclass(frozen=True)
class NormMove:
    id: str  # the current id; the old one for a dropped norm
    was: str | None  # the old id when the norm was renumbered
    short: str
    old: Badge | None  # None: the norm did not exist in the earlier round
    new: Badge | None  # None: the norm no longer exists
    change: str  # beter, gelijk, slechter, nieuw, vervallen, niet vergelijkbaar
    kind: str  # the Change value with '-' for spaces, for a CSS class
    criteria: list[CriterionMove]  # empty unless a round scored one of its criteria


@dataclass(frozen=True)
class ThemeMoves:
    title: str
    norms: list[NormMove]


@dataclass(frozen=True)
class FollowUpView:
    id: str
    to: str  # "gemeenteraad" or "college van B&W"
    text: list[str]
    parts: list[tuple[str, str]]
    recorded: bool  # False: the later round records no follow-up
    adopted_by_raad: str  # ja, nee, onbekend
    college_commitment: str
    status: str
    finding: list[str]
    raw_evidence: list[Evidence]  # numbered as notes where the chapter stands in the report
    evidence: list[EvidenceView] = field(default_factory=list)

    @property
    def notes(self) -> list[Note]:
        return listed(self.evidence)


@dataclass(frozen=True)
class DoorwerkingView:
    old_round: str  # "2019", "6 september 2017" or "datum onbekend"
    new_round: str
    themes: list[ThemeMoves]
    moves: str  # one sentence: on how many norms better, same, worse
    recommendations: list[FollowUpView]
    tally: str  # one sentence: how many recommendations per status


def _round(assessment: Assessment, study: Study | None) -> str:
    shown = dutch_date(date_of(assessment, study))
    if shown is None and study is not None and study.year:
        shown = str(study.year)
    return shown or "datum onbekend"


def _criterion_move(diff: Diff, row: CriterionChange) -> CriterionMove:
    return CriterionMove(
        id=row.id or row.old_id or "",
        was=row.old_id if row.id and row.old_id and row.old_id != row.id else None,
        text=" ".join(row.text.split()),
        old=badge(diff.old_framework, row.old) if row.old_id else None,
        new=badge(diff.new_framework, row.new) if row.id else None,
        change=CHANGE_LABELS[row.change],
        kind=row.change.value.replace(" ", "-"),
    )


def _move(diff: Diff, row: NormChange) -> NormMove:
    # Like the findings, criteria only where a round scored them: rows of nb against nb say
    # nothing.
    scored = any(c.old is not None or c.new is not None for c in row.criteria)
    return NormMove(
        id=row.id or row.old_id or "",
        was=row.old_id if row.id and row.old_id and row.old_id != row.id else None,
        short=row.label,
        old=badge(diff.old_framework, row.old) if row.old_id else None,
        new=badge(diff.new_framework, row.new) if row.id else None,
        change=CHANGE_LABELS[row.change],
        kind=row.change.value.replace(" ", "-"),
        criteria=[_criterion_move(diff, c) for c in row.criteria] if scored else [],
    )


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _moves_sentence(diff: Diff) -> str:
    counts = Counter(row.change for row in diff.norms)
    parts = [
        f"op {_count(counts[c], 'norm', 'normen')} {CHANGE_LABELS[c]}"
        for c in (Change.better, Change.same, Change.worse)
        if counts[c]
    ]
    text = f"Ten opzichte van de vorige ronde scoort de gemeente {dutch_list(parts)}."
    if not parts:
        text = "Op geen enkele norm zijn de scores van beide rondes te vergelijken."
    rest = [
        f"{_count(counts[c], 'norm is', 'normen zijn')} {CHANGE_LABELS[c]}"
        for c in (Change.not_comparable, Change.new, Change.dropped)
        if counts[c]
    ]
    return f"{text} {spelled_out_start(dutch_list(rest))}." if rest else text


def _tally(diff: Diff) -> str:
    statuses = Counter(status_of(pair) for pair in diff.recommendations)
    order = [s.value for s in reversed(FollowUpStatus)] + ["onbekend"]
    parts = [f"{statuses[s]}× {s}" for s in order if statuses[s]]
    total = _count(len(diff.recommendations), "aanbeveling", "aanbevelingen")
    return f"Stand van de {total}: {dutch_list(parts)}." if parts else ""


def numbered(view: DoorwerkingView, notes: Notes) -> DoorwerkingView:
    """The chapter with its evidence as numbered notes, in the report's numbering."""
    return replace(
        view,
        recommendations=[
            replace(f, evidence=[notes.add(e) for e in f.raw_evidence])
            for f in view.recommendations
        ],
    )


def doorwerking(
    diff: Diff, old_study: Study | None = None, new_study: Study | None = None
) -> DoorwerkingView:
    """The chapter's context: both rounds' dates, the norms by theme, each recommendation."""
    follow_ups = []
    for pair in diff.recommendations:
        rec, follow_up = pair.recommendation, pair.follow_up
        follow_ups.append(
            FollowUpView(
                id=rec.id,
                to=TO[rec.to.value],
                text=paragraphs(rec.text),
                parts=[(p.id, " ".join(p.text.split())) for p in rec.parts],
                recorded=follow_up is not None,
                adopted_by_raad=yes_no(follow_up.adopted_by_raad if follow_up else None),
                college_commitment=yes_no(follow_up.college_commitment if follow_up else None),
                status=status_of(pair),
                finding=paragraphs(follow_up.finding) if follow_up else [],
                raw_evidence=list(follow_up.evidence) if follow_up else [],
            )
        )
    return DoorwerkingView(
        old_round=_round(diff.old, old_study),
        new_round=_round(diff.new, new_study),
        themes=[
            ThemeMoves(
                theme.title
                if any(row.change is not Change.dropped for row in rows)
                else f"{theme.title} – vervallen normen",
                [_move(diff, row) for row in rows],
            )
            for theme, rows in diff.themes()
        ],
        moves=_moves_sentence(diff),
        recommendations=follow_ups,
        tally=_tally(diff),
    )
