"""Models → plain values for the report templates. Pure: no I/O, no Jinja2, no WeasyPrint.

Everything a template shows is worked out here (labels, colours, counts, note numbers, Dutch
dates and lists), so templates only format, and a house style can restyle without logic.
Text stays text: escaping is the template engine's job (autoescape), never done here.
"""

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from normtoets import compare
from normtoets.models import (
    Assessment,
    Evidence,
    Framework,
    Judgement,
    Lesson,
    Norm,
    Source,
    Study,
    Theme,
)

MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip
STATUS_LABELS = {
    "concept": "Concept",
    "wederhoor": "Concept voor ambtelijk wederhoor",
    "definitief": "Definitief",
}
STATUS_MARKS = {"concept": "CONCEPT", "wederhoor": "CONCEPT – WEDERHOOR", "definitief": ""}
KIND_LABELS = {
    "document": "document",
    "interview": "interview",
    "email": "e-mail",
    "website": "website",
    "other": "overig",
}
KIND_GROUPS = {
    "document": "Documenten",
    "interview": "Interviews",
    "email": "E-mails",
    "website": "Websites",
    "other": "Overige bronnen",
}
ADDRESSEES = {"raad": "Aan de gemeenteraad", "college": "Aan het college van B&W"}
# Above this many municipalities the comparison gives counts instead of lists of names.
NAMES_LIMIT = 20
# Norm columns per table of the score matrix: wider frameworks get the matrix in parts.
MATRIX_COLUMNS = 12

_COLOR = re.compile(r"^(#[0-9A-Fa-f]{3}|#[0-9A-Fa-f]{6}|[A-Za-z]{3,20})$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


# ---------------------------------------------------------------- small helpers


def dutch_date(value: dt.date | None) -> str | None:
    """6 september 2017 — no locale needed, so output is the same on every machine."""
    if value is None:
        return None
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def dutch_list(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"


def paragraphs(text: str | None) -> list[str]:
    """Paragraphs of a YAML text. Blank lines separate them; without any, each line is one
    (a folded `>` block turns a blank line into a single newline)."""
    if not text or not text.strip():
        return []
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return [" ".join(p.split()) for p in parts if p.strip()]


def safe_color(value: str, default: str = "#dddddd") -> str:
    """A colour from the framework goes into a style attribute: only #hex or a plain name."""
    return value if _COLOR.match(value.strip()) else default


def _rgb(color: str) -> tuple[float, float, float] | None:
    if not color.startswith("#"):
        return None
    digits = color[1:]
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    r, g, b = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def text_color(background: str) -> str:
    """Black or white, whichever contrasts more with the background (WCAG luminance)."""
    rgb = _rgb(background)
    if rgb is None:
        return "#000000"

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    # Contrast with black: (L+0.05)/0.05; with white: 1.05/(L+0.05).
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"


def slug(value: str) -> str:
    """An HTML id from a model id (ids already match [A-Za-z0-9._-]; this is a safety net)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", value).strip("-") or "x"


# ---------------------------------------------------------------- scores


@dataclass(frozen=True)
class Badge:
    """A score as shown: the code as text, its label, and the scale's colour."""

    code: str
    label: str
    color: str
    text_color: str
    meets: bool | None  # None: not assessed, not applicable, or a code outside the scale
    kind: str  # "level", "not-assessed", "not-applicable" or "unknown"
    rank: int | None  # 0 for the best level

    @property
    def verdict(self) -> str:
        """'voldaan', 'niet voldaan' or '–' for a table column."""
        if self.meets is None:
            return "–"
        return "voldaan" if self.meets else "niet voldaan"


def badge(framework: Framework, code: str | None) -> Badge:
    scale = framework.scale
    if code is None or code == scale.not_assessed.code:
        nb = scale.not_assessed
        return Badge(nb.code, nb.label, "#ffffff", "#000000", None, "not-assessed", None)
    if code == scale.not_applicable.code:
        na = scale.not_applicable
        return Badge(na.code, na.label, "#ffffff", "#000000", None, "not-applicable", None)
    level = scale.level(code)
    if level is None:
        return Badge(code, code, "#ffffff", "#000000", None, "unknown", None)
    color = safe_color(level.color)
    return Badge(
        level.code, level.label, color, text_color(color), level.meets, "level", scale.rank(code)
    )


@dataclass(frozen=True)
class LegendItem:
    badge: Badge
    verdict: str  # "telt als voldaan" / "telt als niet voldaan" / "telt niet mee"


def legend(framework: Framework) -> list[LegendItem]:
    scale = framework.scale
    items = [
        LegendItem(
            badge(framework, level.code),
            "telt als voldaan" if level.meets else "telt als niet voldaan",
        )
        for level in scale.levels
    ]
    items.append(LegendItem(badge(framework, scale.not_assessed.code), "telt niet mee"))
    items.append(LegendItem(badge(framework, scale.not_applicable.code), "telt niet mee"))
    return items


# ---------------------------------------------------------------- front matter


@dataclass(frozen=True)
class Meta:
    """What the title page, <head> and running headers show."""

    title: str  # <title> and the PDF's title
    study_title: str
    subtitle: str | None
    volume: str | None  # "Bestuurlijke nota", "Nota van bevindingen", "Vergelijking…"
    rekenkamer: str | None
    municipality: str | None  # None for the comparison
    researchers: list[str]
    authors: list[str]  # <meta name="author">, one each
    date: str | None  # Dutch, for the title page
    iso_date: str | None  # dcterms.created
    status: str
    status_label: str
    concept_mark: str  # "" when definitief
    framework_title: str
    framework_ref: str
    running_title: str  # left running header

    @property
    def concept(self) -> bool:
        return bool(self.concept_mark)


def _date_of(assessment: Assessment | None, study: Study | None) -> dt.date | None:
    if assessment is not None and assessment.date is not None:
        return assessment.date
    return study.date if study is not None else None


def _meta(
    framework: Framework,
    study: Study | None,
    *,
    municipality: str | None,
    researchers: list[str],
    status: str,
    date: dt.date | None,
    volume: str | None,
) -> Meta:
    study_title = (
        study.title
        if study
        else f"Toetsing aan het {framework.title[:1].lower()}{framework.title[1:]}"
    )
    where = f"gemeente {municipality}" if municipality else None
    title = " – ".join(x for x in (study_title, where, volume) if x)
    rekenkamer = study.rekenkamer if study else None
    authors = [*researchers]
    if rekenkamer and rekenkamer not in authors:
        authors.append(rekenkamer)
    shown_date = dutch_date(date) or (str(study.year) if study and study.year else None)
    return Meta(
        title=title,
        study_title=study_title,
        subtitle=study.subtitle if study else None,
        volume=volume,
        rekenkamer=rekenkamer,
        municipality=municipality,
        researchers=researchers,
        authors=authors,
        date=shown_date,
        iso_date=date.isoformat() if date else None,
        status=status,
        status_label=STATUS_LABELS.get(status, status),
        concept_mark=STATUS_MARKS.get(status, "CONCEPT"),
        framework_title=framework.title,
        framework_ref=str(framework.ref),
        running_title=" – ".join(x for x in (study_title, where) if x),
    )


# ---------------------------------------------------------------- the framework


@dataclass(frozen=True)
class CriterionView:
    id: str
    letter: str  # "b" of "U2.b"
    text: str


@dataclass(frozen=True)
class NormView:
    id: str
    anchor: str  # its findings
    text: str
    short: str  # short title, else the text
    criteria: list[CriterionView]

    @property
    def overview(self) -> str:
        """Its row in the summary's overview table."""
        return norm_anchor(self.id, findings=False)


@dataclass(frozen=True)
class ThemeView:
    id: str
    anchor: str
    title: str
    description: list[str]
    norms: list[NormView]


def _letter(criterion_id: str) -> str:
    return criterion_id.rsplit(".", 1)[-1]


def _norm_view(norm: Norm) -> NormView:
    return NormView(
        norm.id,
        f"norm-{slug(norm.id)}",
        norm.text,
        norm.short or norm.text,
        [CriterionView(c.id, _letter(c.id), c.text) for c in norm.criteria],
    )


def _theme_view(theme: Theme) -> ThemeView:
    return ThemeView(
        theme.id,
        f"thema-{slug(theme.id)}",
        theme.title,
        paragraphs(theme.description),
        [_norm_view(n) for n in theme.norms],
    )


@dataclass(frozen=True)
class QuestionView:
    id: str
    text: str
    norms: list[str]


@dataclass(frozen=True)
class FrameworkView:
    id: str
    version: str
    title: str
    source: str | None
    description: list[str]
    themes: list[ThemeView]
    questions: list[QuestionView]
    legend: list[LegendItem]
    norm_count: int


def framework_view(framework: Framework) -> FrameworkView:
    return FrameworkView(
        framework.id,
        framework.version,
        framework.title,
        framework.source,
        paragraphs(framework.description),
        [_theme_view(t) for t in framework.themes],
        [QuestionView(q.id, q.text, list(q.norms)) for q in framework.research_questions],
        legend(framework),
        sum(1 for _ in framework.norms()),
    )


# ---------------------------------------------------------------- one municipality


@dataclass(frozen=True)
class SourceView:
    id: str
    anchor: str
    kind: str
    kind_label: str
    title: str
    author: str | None
    date: str | None
    url: str | None  # shown as text, never a link: nothing is fetched
    note: str | None


@dataclass(frozen=True)
class SourceGroup:
    kind: str
    title: str
    sources: list[SourceView]


@dataclass(frozen=True)
class Note:
    """One numbered source note: [n] after a quote, and its line in the notes list."""

    number: int
    anchor: str
    source: SourceView | None  # None: the id is not in `sources` (validate reports that)
    source_id: str
    page: str | None
    section: str | None

    @property
    def reference(self) -> str:
        """'p. 9, § 4.1' — where in the source."""
        parts = []
        if self.page:
            parts.append(f"p. {self.page}")
        if self.section:
            parts.append(f"§ {self.section}")
        return ", ".join(parts)


@dataclass(frozen=True)
class EvidenceView:
    quote: str | None
    note: str | None
    ref: Note


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

    @property
    def notes(self) -> list[Note]:
        """The notes of this norm and its criteria, in number order."""
        refs = [e.ref for e in self.evidence]
        refs += [e.ref for c in self.criteria for e in c.evidence]
        return sorted(refs, key=lambda n: n.number)


@dataclass(frozen=True)
class ThemeFindings:
    theme: ThemeView
    findings: list[Finding]
    met: list[Finding]
    not_met: list[Finding]
    unscored: list[Finding]

    @property
    def sentence(self) -> str:
        """One plain sentence: how many norms are met."""
        scored = len(self.met) + len(self.not_met)
        total = len(self.findings)
        if scored == 0:
            return f"Geen van de {total} normen is beoordeeld."
        if total == 1:
            return "De norm is voldaan." if self.met else "De norm is niet voldaan."
        text = f"Voldaan aan {len(self.met)} van de {total} normen"
        if len(self.unscored):
            text += f" ({len(self.unscored)} niet beoordeeld of niet van toepassing)"
        return text + "."


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


@dataclass(frozen=True)
class RecommendationGroup:
    to: str
    title: str
    recommendations: list[RecommendationView]


@dataclass(frozen=True)
class Totals:
    met: int
    not_met: int
    unscored: int
    total: int


@dataclass(frozen=True)
class MunicipalityReport:
    meta: Meta
    volume: str  # "rapport", "bestuurlijke-nota" or "nota-van-bevindingen"
    sections: list[str]  # which parts this volume has, in order
    framework: FrameworkView
    study_summary: list[str]
    summary: list[str]  # the assessment's own central message
    themes: list[ThemeFindings]
    totals: Totals
    answers: list[AnswerView]
    conclusions: list[ConclusionView]
    recommendations: list[RecommendationGroup]
    recommendation_count: int
    sources: list[SourceGroup]
    notes: list[Note]

    def has(self, section: str) -> bool:
        return section in self.sections


VOLUMES: dict[str, tuple[str | None, list[str]]] = {
    "rapport": (
        None,
        [
            "samenvatting",
            "onderzoek",
            "normenkader",
            "bevindingen",
            "onderzoeksvragen",
            "conclusies",
            "aanbevelingen",
            "bronnen",
        ],
    ),
    "bestuurlijke-nota": (
        "Bestuurlijke nota",
        ["samenvatting", "onderzoek", "conclusies", "aanbevelingen"],
    ),
    "nota-van-bevindingen": (
        "Nota van bevindingen",
        ["onderzoek", "normenkader", "bevindingen", "onderzoeksvragen", "bronnen"],
    ),
}


class _Notes:
    """Numbers source notes in reading order, one per piece of evidence."""

    def __init__(self, sources: dict[str, SourceView]) -> None:
        self.sources = sources
        self.notes: list[Note] = []

    def add(self, evidence: Evidence) -> EvidenceView:
        number = len(self.notes) + 1
        note = Note(
            number,
            f"noot-{number}",
            self.sources.get(evidence.source),
            evidence.source,
            evidence.page,
            evidence.section,
        )
        self.notes.append(note)
        quote = " ".join(evidence.quote.split()) if evidence.quote else None
        remark = " ".join(evidence.note.split()) if evidence.note else None
        return EvidenceView(quote, remark, note)


def _source_view(source: Source) -> SourceView:
    return SourceView(
        source.id,
        f"bron-{slug(source.id)}",
        source.kind.value,
        KIND_LABELS.get(source.kind.value, source.kind.value),
        " ".join(source.title.split()),
        source.author,
        dutch_date(source.date),
        source.url,
        " ".join(source.note.split()) if source.note else None,
    )


def _source_groups(sources: list[SourceView]) -> list[SourceGroup]:
    groups = []
    for kind, title in KIND_GROUPS.items():
        members = [s for s in sources if s.kind == kind]
        if members:
            groups.append(SourceGroup(kind, title, members))
    return groups


def _finding(
    framework: Framework, theme: Theme, norm: Norm, judgement: Judgement | None, notes: _Notes
) -> Finding:
    view = _norm_view(norm)
    if judgement is None:
        return Finding(view, theme.id, badge(framework, None), [], [], [], False)
    evidence = [notes.add(e) for e in judgement.evidence]
    criteria = []
    if judgement.criteria:
        for criterion in norm.criteria:
            cj = judgement.criteria.get(criterion.id)
            criteria.append(
                CriterionScore(
                    criterion.id,
                    _letter(criterion.id),
                    criterion.text,
                    badge(framework, cj.score if cj else None),
                    paragraphs(cj.finding) if cj else [],
                    [notes.add(e) for e in cj.evidence] if cj else [],
                )
            )
    return Finding(
        view,
        theme.id,
        badge(framework, judgement.score),
        paragraphs(judgement.finding),
        evidence,
        criteria,
        True,
    )


def norm_anchor(norm_id: str, findings: bool = True) -> str:
    """Where a norm is discussed: its findings, or (in the bestuurlijke nota, which has no
    findings) its row in the overview of the summary."""
    return f"norm-{slug(norm_id)}" if findings else f"overzicht-{slug(norm_id)}"


def _norm_scores(
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
                badge(framework, judgement.score if judgement else None),
            )
        )
    return out


def _answers(
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
        norm_ids: list[str] = []
        for qid in ids:
            norm_ids += [n for n in questions[qid].norms if n not in norm_ids]
        views.append(
            AnswerView(
                [QuestionView(q, questions[q].text, list(questions[q].norms)) for q in ids],
                paragraphs(text),
                _norm_scores(framework, assessment, norm_ids, findings),
                f"vraag-{slug(ids[0])}",
            )
        )
    return views


def municipality(
    framework: Framework,
    assessment: Assessment,
    study: Study | None,
    volume: str = "rapport",
) -> MunicipalityReport:
    """The context of one municipality's report (or one of its two volumes)."""
    volume_title, sections = VOLUMES[volume]
    meta = _meta(
        framework,
        study,
        municipality=assessment.municipality,
        researchers=list(assessment.researchers or (study.researchers if study else [])),
        status=assessment.status.value,
        date=_date_of(assessment, study),
        volume=volume_title,
    )
    has_findings = "bevindingen" in sections
    sources = [_source_view(s) for s in assessment.sources]
    notes = _Notes({s.id: s for s in sources})
    themes = []
    for theme in framework.themes:
        findings = [
            _finding(framework, theme, n, assessment.judgements.get(n.id), notes)
            for n in theme.norms
        ]
        themes.append(
            ThemeFindings(
                _theme_view(theme),
                findings,
                [f for f in findings if f.badge.meets is True],
                [f for f in findings if f.badge.meets is False],
                [f for f in findings if f.badge.meets is None],
            )
        )
    all_findings = [f for t in themes for f in t.findings]
    totals = Totals(
        sum(len(t.met) for t in themes),
        sum(len(t.not_met) for t in themes),
        sum(len(t.unscored) for t in themes),
        len(all_findings),
    )
    groups = []
    for to, title in ADDRESSEES.items():
        recs = [
            RecommendationView(
                r.id,
                paragraphs(r.text),
                [PartView(p.id, " ".join(p.text.split())) for p in r.parts],
                _norm_scores(framework, assessment, list(r.norms), has_findings),
            )
            for r in assessment.recommendations
            if r.to.value == to
        ]
        if recs:
            groups.append(RecommendationGroup(to, title, recs))
    return MunicipalityReport(
        meta=meta,
        volume=volume,
        sections=sections,
        framework=framework_view(framework),
        study_summary=paragraphs(study.summary) if study else [],
        summary=paragraphs(assessment.summary),
        themes=themes,
        totals=totals,
        answers=_answers(framework, assessment, has_findings),
        conclusions=[
            ConclusionView(
                c.id,
                paragraphs(c.text),
                _norm_scores(framework, assessment, list(c.norms), has_findings),
            )
            for c in assessment.conclusions
        ],
        recommendations=groups,
        recommendation_count=len(assessment.recommendations),
        sources=_source_groups(sources),
        notes=notes.notes,
    )


# ---------------------------------------------------------------- the comparison


@dataclass(frozen=True)
class MatrixColumn:
    id: str
    anchor: str
    short: str
    differs: bool


@dataclass(frozen=True)
class MatrixGroup:
    """A theme's columns within one part of the matrix."""

    title: str
    columns: list[MatrixColumn]


@dataclass(frozen=True)
class MatrixRow:
    municipality: str
    anchor: str
    cells: list[Badge]
    met: int
    scored: int


@dataclass(frozen=True)
class MatrixPart:
    """One table: all municipalities as rows, at most MATRIX_COLUMNS norms as columns."""

    number: int
    groups: list[MatrixGroup]
    rows: list[MatrixRow]

    @property
    def columns(self) -> list[MatrixColumn]:
        return [c for g in self.groups for c in g.columns]


@dataclass(frozen=True)
class LevelCount:
    badge: Badge
    count: int
    municipalities: list[str]  # empty above NAMES_LIMIT: the count says enough


@dataclass(frozen=True)
class Example:
    municipality: str
    sentence: str


@dataclass(frozen=True)
class RowComparison:
    """One norm (or criterion) across municipalities."""

    id: str
    anchor: str
    text: str
    short: str
    is_criterion: bool
    differs: bool
    distribution: list[LevelCount]  # only levels that occur
    best: list[str]
    examples: list[Example]  # at most NAMES_LIMIT
    more_examples: int  # how many examples were left out
    assessed: int  # municipalities with a score (not "niet beoordeeld")
    common: Badge | None  # the one score every assessed municipality has, if so


@dataclass(frozen=True)
class NormComparison:
    norm: RowComparison
    criteria: list[RowComparison]  # only those that differ

    @property
    def differs(self) -> bool:
        return self.norm.differs or bool(self.criteria)


@dataclass(frozen=True)
class ThemeComparison:
    theme: ThemeView
    norms: list[NormComparison]

    @property
    def differing(self) -> list[NormComparison]:
        return [n for n in self.norms if n.differs]

    @property
    def same(self) -> list[NormComparison]:
        return [n for n in self.norms if not n.differs]


@dataclass(frozen=True)
class LessonView:
    title: str | None
    text: list[str]
    norms: list[MatrixColumn]
    example: str | None
    example_anchor: str | None


@dataclass(frozen=True)
class MunicipalityProfile:
    name: str
    anchor: str
    status_label: str
    concept: bool
    counts: list[LevelCount]  # every level of the scale, plus not assessed / not applicable
    met: int
    scored: int
    total: int
    summary: list[str]
    examples: list[str]  # norm ids where this municipality can serve as an example


@dataclass(frozen=True)
class ComparisonReport:
    meta: Meta
    framework: FrameworkView
    study_summary: list[str]
    municipalities: list[str]
    matrix: list[MatrixPart]
    themes: list[ThemeComparison]
    general_lessons: list[LessonView]
    mutual_lessons: list[LessonView]
    profiles: list[MunicipalityProfile]
    concepts: list[str]  # municipalities whose assessment is not definitief
    differing_count: int
    lessons_source: str | None  # where the study's lessons come from
    names_limit: int = field(default=NAMES_LIMIT)

    @property
    def many(self) -> bool:
        return len(self.municipalities) > self.names_limit


def _municipality_anchor(name: str, index: int) -> str:
    return f"gemeente-{index + 1}-{slug(name)}"


def _row_comparison(framework: Framework, row: compare.Row) -> RowComparison:
    by_code: dict[str | None, list[str]] = {}
    for m, score in row.scores.items():
        by_code.setdefault(score, []).append(m)
    scale = framework.scale
    distribution = []
    for code in [*scale.codes, *sorted(c for c in by_code if c and c not in scale.codes)]:
        key: str | None = None if code == scale.not_assessed.code else code
        names = by_code.get(key, [])
        if names:
            distribution.append(
                LevelCount(
                    badge(framework, key),
                    len(names),
                    names if len(names) <= NAMES_LIMIT else [],
                )
            )
    examples = [Example(m, s) for m, s in row.examples.items()]
    assessed = {s for s in row.scores.values() if s is not None}
    return RowComparison(
        row.id,
        f"vergelijking-{slug(row.id)}",
        row.text,
        row.label,
        row.is_criterion,
        row.differs,
        distribution,
        list(row.best),
        examples[:NAMES_LIMIT],
        max(0, len(examples) - NAMES_LIMIT),
        sum(1 for s in row.scores.values() if s is not None),
        badge(framework, next(iter(assessed))) if len(assessed) == 1 else None,
    )


def _lesson(framework: Framework, lesson: Lesson, anchors: dict[str, str]) -> LessonView:
    norms = []
    for norm_id in lesson.norms:
        norm = framework.norm(norm_id)
        short = (norm.short or norm.text) if norm else norm_id
        norms.append(MatrixColumn(norm_id, f"vergelijking-{slug(norm_id)}", short, False))
    return LessonView(
        lesson.title,
        paragraphs(lesson.text),
        norms,
        lesson.example,
        anchors.get(lesson.example) if lesson.example else None,
    )


def _chunks(
    columns: list[tuple[str, MatrixColumn]], size: int
) -> list[list[tuple[str, MatrixColumn]]]:
    """Split the columns in parts of at most `size`, preferring to cut between themes."""
    parts: list[list[tuple[str, MatrixColumn]]] = []
    current: list[tuple[str, MatrixColumn]] = []
    themes_in = [t for t, _ in columns]
    for i, item in enumerate(columns):
        theme = item[0]
        if current and len(current) >= size:
            parts.append(current)
            current = []
        elif current and theme != current[-1][0]:
            # A new theme starts: begin a new part if the whole theme would not fit.
            remaining = themes_in[i:].count(theme)
            if len(current) + min(remaining, size) > size:
                parts.append(current)
                current = []
        current.append(item)
    if current:
        parts.append(current)
    return parts


def comparison(
    framework: Framework, assessments: list[Assessment], study: Study | None
) -> ComparisonReport:
    """The context of the comparison report, on top of compare.build."""
    matrix = compare.build(framework, assessments, study)
    names = matrix.municipalities
    by_name = {a.municipality: a for a in assessments}
    anchors = {m: _municipality_anchor(m, i) for i, m in enumerate(names)}
    statuses = {a.municipality: a.status.value for a in assessments}
    concepts = [m for m in names if statuses.get(m) != "definitief"]
    status = "definitief" if not concepts else "concept"
    researchers = list(study.researchers) if study else []
    dates = [a.date for a in assessments if a.date is not None]
    date = study.date if study and study.date else (max(dates) if dates else None)
    meta = _meta(
        framework,
        study,
        municipality=None,
        researchers=researchers,
        status=status,
        date=date,
        volume="Vergelijking van de gemeenten",
    )
    meta = replace(meta, running_title=f"{meta.study_title} – vergelijking")

    rows = {r.id: r for r in matrix.rows}
    norm_rows = matrix.norm_rows()

    # The matrix: municipalities as rows (any number fits, header repeats per page),
    # norms as columns, cut in parts when a framework has many norms.
    columns = [
        (
            row.theme.title,
            MatrixColumn(row.id, f"vergelijking-{slug(row.id)}", row.label, row.differs),
        )
        for row in norm_rows
    ]
    parts = []
    for number, chunk in enumerate(_chunks(columns, MATRIX_COLUMNS), start=1):
        groups: list[MatrixGroup] = []
        for theme_title, column in chunk:
            if groups and groups[-1].title == theme_title:
                groups[-1].columns.append(column)
            else:
                groups.append(MatrixGroup(theme_title, [column]))
        ids = [c.id for _, c in chunk]
        part_rows = []
        for m in names:
            cells = [badge(framework, rows[i].scores[m]) for i in ids]
            part_rows.append(
                MatrixRow(
                    m,
                    anchors[m],
                    cells,
                    sum(1 for b in cells if b.meets is True),
                    sum(1 for b in cells if b.meets is not None),
                )
            )
        parts.append(MatrixPart(number, groups, part_rows))

    themes = []
    for theme in framework.themes:
        norms = []
        for norm in theme.norms:
            criteria = [
                _row_comparison(framework, rows[c.id])
                for c in norm.criteria
                if c.id in rows and rows[c.id].differs
            ]
            norms.append(NormComparison(_row_comparison(framework, rows[norm.id]), criteria))
        themes.append(ThemeComparison(_theme_view(theme), norms))

    scale = framework.scale
    profiles = []
    for m in names:
        assessment = by_name[m]
        codes = Counter(rows[r.id].scores[m] for r in norm_rows)
        counts = [
            LevelCount(badge(framework, level.code), codes[level.code], [])
            for level in scale.levels
        ]
        counts.append(LevelCount(badge(framework, None), codes[None], []))
        counts.append(
            LevelCount(
                badge(framework, scale.not_applicable.code), codes[scale.not_applicable.code], []
            )
        )
        met = sum(c.count for c in counts if c.badge.meets is True)
        scored = sum(c.count for c in counts if c.badge.meets is not None)
        profiles.append(
            MunicipalityProfile(
                m,
                anchors[m],
                STATUS_LABELS.get(statuses[m], statuses[m]),
                statuses[m] != "definitief",
                counts,
                met,
                scored,
                len(norm_rows),
                paragraphs(assessment.summary),
                [r.id for r in norm_rows if m in r.examples],
            )
        )

    return ComparisonReport(
        meta=meta,
        framework=framework_view(framework),
        study_summary=paragraphs(study.summary) if study else [],
        municipalities=names,
        matrix=parts,
        themes=themes,
        general_lessons=[
            _lesson(framework, x, anchors) for x in (study.general_lessons if study else [])
        ],
        mutual_lessons=[
            _lesson(framework, x, anchors) for x in (study.mutual_lessons if study else [])
        ],
        profiles=profiles,
        concepts=concepts,
        differing_count=sum(1 for t in themes for n in t.norms if n.differs),
        lessons_source=" ".join(study.source.split()) if study and study.source else None,
    )
