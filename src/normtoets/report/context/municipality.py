"""The context of the report on one municipality."""

from dataclasses import dataclass, field

from normtoets.analysis.agreement import Agreement
from normtoets.core.anchors import slug
from normtoets.models import (
    Assessment,
    BasisKind,
    Framework,
    Judgement,
    Norm,
    Study,
    Theme,
)
from normtoets.models.study import ReportOptions
from normtoets.report.context.basis import MEANINGS, marked
from normtoets.report.context.chapters import Chapter
from normtoets.report.context.common import (
    Badge,
    FrameworkView,
    Meta,
    NormView,
    QuestionView,
    ThemeView,
    badge,
    defect_counts,
    letter,
    norm_anchor,
    norm_view,
    paragraphs,
    theme_view,
)
from normtoets.report.context.doorwerking import DoorwerkingView
from normtoets.report.context.kengetallen import Spreads
from normtoets.report.context.notes import (
    EvidenceView,
    Note,
    Notes,
    SourceView,
    listed,
)
from normtoets.report.context.process import (
    ResponseView,
    response_view,
    review_line,
)

# ---------------------------------------------------------------- one municipality


@dataclass(frozen=True)
class CriterionScore:
    id: str
    letter: str
    text: str
    badge: Badge
    finding: list[str]
    evidence: list[EvidenceView]


@dataclass(frozen=True)
class Finding:
    """One norm: its text, the score, the argumentation, the evidence and criteria."""

    norm: NormView
    theme_id: str
    badge: Badge
    finding: list[str]
    evidence: list[EvidenceView]
    criteria: list[CriterionScore]  # empty when the judgement scores no criteria
    judged: bool  # False: the assessment has no judgement for this norm
    review: str | None = None  # "Beoordeeld door A, gereviewd door B."; None: not judged
    reviewed: bool = False
    responses: list[ResponseView] = field(default_factory=list)  # ambtelijk wederhoor
    # A score that does not rest on the study's own research: what it rests on, and the source.
    basis: str | None = None  # "Deze score is door de onderzoekers afgeleid uit"
    basis_source: SourceView | None = None

    @property
    def notes(self) -> list[Note]:
        """The notes first cited by this norm and its criteria, once each, in number order."""
        return listed([*self.evidence, *(e for c in self.criteria for e in c.evidence)])


@dataclass(frozen=True)
class ThemeFindings:
    theme: ThemeView
    findings: list[Finding]
    met: list[Finding]
    not_met: list[Finding]
    unscored: list[Finding]
    has_meeting: bool = True  # False on a scale of defects: count what was found instead

    @property
    def sentence(self) -> str:
        """One plain sentence: how many norms are met, or on a scale of defects what was
        found."""
        if not self.has_meeting:
            text = defect_counts([f.badge for f in self.findings])
            return text[:1].upper() + text[1:] + "."
        scored = len(self.met) + len(self.not_met)
        total = len(self.findings)
        if scored == 0:
            return f"Geen van de {total} normen is beoordeeld."
        if total == 1:
            return "De norm is voldaan." if self.met else "De norm is niet voldaan."
        if not self.unscored:
            return f"Voldaan aan {len(self.met)} van de {total} normen."
        return (
            f"Voldaan aan {len(self.met)} van {scored} beoordeelde "
            f"{'norm' if scored == 1 else 'normen'}; {len(self.unscored)} van de {total} "
            f"{'is' if len(self.unscored) == 1 else 'zijn'} niet beoordeeld of niet van toepassing."
        )


@dataclass(frozen=True)
class NormScore:
    """A norm's id, short title and score: for lists under questions and conclusions."""

    id: str
    anchor: str
    short: str
    badge: Badge


@dataclass(frozen=True)
class AnswerView:
    questions: list[QuestionView]
    text: list[str]  # paragraphs; empty when no answer is given
    norms: list[NormScore]  # the scores of the norms that answer these questions
    anchor: str


@dataclass(frozen=True)
class ConclusionView:
    id: str
    text: list[str]
    norms: list[NormScore]
    number: int  # as the numbered list in the report shows it
    anchor: str


@dataclass(frozen=True)
class ConclusionRef:
    """A conclusion a recommendation follows from: the chain findings → conclusions →
    recommendations, visible in the report."""

    number: int
    anchor: str


@dataclass(frozen=True)
class PartView:
    id: str
    text: str


@dataclass(frozen=True)
class RecommendationView:
    id: str
    text: list[str]
    parts: list[PartView]
    norms: list[NormScore]
    conclusions: list[ConclusionRef]
    to_title: str = ""  # "Aan de gemeenteraad"
    names_addressee: bool = False  # the text itself begins "Aan de raad: …"
    reasoning: list[str] = field(default_factory=list)  # what leads to it, before it


@dataclass(frozen=True)
class Correction:
    """A row of the appendix of factual corrections: a finding that wederhoor changed."""

    norm: NormView
    response: ResponseView
    finding: list[str]  # the finding as it reads now


@dataclass(frozen=True)
class Totals:
    met: int
    not_met: int
    unscored: int
    total: int
    defects: str = ""  # on a scale of defects: what was found, over all norms


def totals_of(themes: list[ThemeFindings]) -> Totals:
    """The tally over all themes: met, not met, unscored, all; on a scale of defects, what
    was found."""
    return Totals(
        sum(len(t.met) for t in themes),
        sum(len(t.not_met) for t in themes),
        sum(len(t.unscored) for t in themes),
        sum(len(t.findings) for t in themes),
        defect_counts([f.badge for t in themes for f in t.findings]),
    )


@dataclass(frozen=True)
class Recommendations:
    ordered: list[RecommendationView]  # in the report's own order
    addressees: int  # how many different ones: the raad, the college or both


@dataclass(frozen=True)
class Shared:
    """What every chapter of one municipality's report is built from."""

    framework: Framework
    assessment: Assessment
    study: Study | None
    volume: str
    concept: bool  # not yet definitief: the parts still to come are shown with a placeholder
    has_findings: bool  # this volume has the chapter Bevindingen: norms link there
    themes: list[ThemeFindings]  # every theme, in the framework's order
    carried: dict[str, str]  # theme id → the own chapter that carries its findings
    sources: list[SourceView]
    conclusion_refs: dict[str, ConclusionRef]
    doorwerking: DoorwerkingView | None
    agreement: Agreement | None  # the study's double scoring of this municipality
    # The study's kengetallen over its units, for this one's places (None: this unit alone).
    spreads: Spreads | None = None


@dataclass(frozen=True)
class MunicipalityReport:
    meta: Meta
    volume: str  # "rapport", "bestuurlijke-nota" or "nota-van-bevindingen"
    framework: FrameworkView
    themes: list[ThemeFindings]
    totals: Totals
    notes: list[Note]
    # The rekenkamer process: review, ambtelijk wederhoor, bestuurlijke reactie and nawoord.
    show_review: bool  # concept and wederhoor: the review box and a review line per norm
    unreviewed: list[NormScore]  # scored norms nobody reviewed (Assessment.unreviewed)
    review_note: list[str]
    chapters: list[Chapter]
    options: ReportOptions = field(default_factory=ReportOptions)  # what the study switched off

    def has(self, chapter_id: str) -> bool:
        return any(c.id == chapter_id for c in self.chapters)

    def chapter(self, chapter_id: str) -> Chapter | None:
        return next((c for c in self.chapters if c.id == chapter_id), None)


# The chapters of each volume: the whole report has every chapter (the builders decide whether
# one has something to show); the two volumes of --split, the ones they name.
VOLUMES: dict[str, tuple[str | None, set[str] | None]] = {
    "rapport": (None, None),
    "bestuurlijke-nota": (
        "Bestuurlijke nota",
        {
            "samenvatting",
            "onderzoek",
            "conclusies",
            "aanbevelingen",
            "doorwerking",
            "bestuurlijke-reactie",
            "nawoord",
        },
    ),
    "nota-van-bevindingen": (
        "Nota van bevindingen",
        {
            "onderzoek",
            "normenkader",
            "bevindingen",
            "kengetallen",
            "onderzoeksvragen",
            "bronnen",
            "correcties",
        },
    ),
}


def _responses(
    norm: Norm, judgement: Judgement, sources: dict[str, SourceView]
) -> list[ResponseView]:
    views = []
    for i, response in enumerate(judgement.responses, 1):
        source = sources.get(response.source) if response.source else None
        views.append(
            response_view(
                response,
                f"correctie-{slug(norm.id)}-{i}",
                (source.title, source.anchor) if source else None,
            )
        )
    return views


def _finding(
    framework: Framework, theme: Theme, norm: Norm, judgement: Judgement | None, notes: Notes
) -> Finding:
    view = norm_view(norm)
    if judgement is None:  # on a scale of defects: no finding; else not assessed
        return Finding(view, theme.id, badge(framework, framework.scale.unjudged()), [], [], [],
                       False)  # fmt: skip
    evidence = [notes.add(e) for e in judgement.evidence]
    criteria = []
    if judgement.criteria:
        for criterion in norm.criteria:
            cj = judgement.criteria.get(criterion.id)
            criteria.append(
                CriterionScore(
                    criterion.id,
                    letter(criterion.id),
                    criterion.text,
                    badge(framework, cj.score if cj else None),
                    paragraphs(cj.finding) if cj else [],
                    [notes.add(e) for e in cj.evidence] if cj else [],
                )
            )
    basis = judgement.basis if judgement.basis_kind is not BasisKind.onderzoek else None
    return Finding(
        view,
        theme.id,
        marked(badge(framework, judgement.score), basis),
        paragraphs(judgement.finding),
        evidence,
        criteria,
        True,
        review_line(judgement, framework.scale.is_scored(judgement.score)),
        judgement.reviewed,
        _responses(norm, judgement, notes.sources),
        f"Deze score is {MEANINGS[basis.kind]}:" if basis else None,
        notes.sources.get(basis.source or "") if basis else None,
    )


def norm_scores(
    framework: Framework, assessment: Assessment, norm_ids: list[str], findings: bool = True
) -> list[NormScore]:
    out = []
    for norm_id in norm_ids:
        norm = framework.norm(norm_id)
        judgement = assessment.judgements.get(norm_id)
        out.append(
            NormScore(
                norm_id,
                norm_anchor(norm_id, findings),
                (norm.short or norm.text) if norm else norm_id,
                badge(framework, judgement.score if judgement else framework.scale.unjudged()),
            )
        )
    return out


def answers(
    framework: Framework, assessment: Assessment, findings: bool = True
) -> list[AnswerView]:
    """The answers in the order of the framework's questions; unanswered questions too."""
    questions = {q.id: q for q in framework.research_questions}
    order = {q.id: i for i, q in enumerate(framework.research_questions)}
    groups: list[tuple[list[str], str | None]] = []
    answered: set[str] = set()
    for answer in assessment.answers:
        ids = [q for q in answer.questions if q in questions and q not in answered]
        if ids:
            groups.append((ids, answer.text))
            answered.update(ids)
    groups += [([q.id], None) for q in framework.research_questions if q.id not in answered]
    groups.sort(key=lambda g: min(order[q] for q in g[0]))
    views = []
    for ids, text in groups:
        norm_ids = list(dict.fromkeys(n for qid in ids for n in questions[qid].norms))
        views.append(
            AnswerView(
                [QuestionView(q, questions[q].text, list(questions[q].norms)) for q in ids],
                paragraphs(text),
                norm_scores(framework, assessment, norm_ids, findings),
                f"vraag-{slug(ids[0])}",
            )
        )
    return views


def theme_findings(
    framework: Framework, theme: Theme, assessment: Assessment, notes: Notes
) -> ThemeFindings:
    findings = [
        _finding(framework, theme, n, assessment.judgements.get(n.id), notes) for n in theme.norms
    ]
    return ThemeFindings(
        theme_view(theme),
        findings,
        [f for f in findings if f.badge.meets is True],
        [f for f in findings if f.badge.meets is False],
        [f for f in findings if f.badge.meets is None],
        framework.scale.has_meeting,
    )
