"""One municipality's report context, put together: the chapters in reading order (built-in
and own text), the notes numbered as they are read, and every [#id] of own text printed with
the number the report gives it. (Apart from municipality.py, which its chapter builders import:
no circle.)"""

from dataclasses import dataclass, replace

from normtoets.analysis.agreement import Agreement
from normtoets.core.anchors import slug
from normtoets.models import Assessment, Framework, Narrative, Status, Study
from normtoets.models.study import ReportOptions
from normtoets.report.context import municipality_chapters
from normtoets.report.context.chapters import Chapter, TocEntry, build
from normtoets.report.context.common import (
    Meta,
    date_of,
    framework_view,
    front_matter,
    norm_anchor,
    paragraphs,
)
from normtoets.report.context.doorwerking import DoorwerkingView, numbered
from normtoets.report.context.kengetallen import Spreads
from normtoets.report.context.layout import Layout, layout
from normtoets.report.context.municipality import (
    VOLUMES,
    ConclusionRef,
    MunicipalityReport,
    Shared,
    ThemeFindings,
    norm_scores,
    theme_findings,
    totals_of,
)
from normtoets.report.context.narrative import NarrativeView, narrative_view, resolved
from normtoets.report.context.notes import Notes, source_view


def municipality(
    framework: Framework,
    assessment: Assessment,
    study: Study | None,
    volume: str = "rapport",
    doorwerking: DoorwerkingView | None = None,
    agreement: Agreement | None = None,
    spreads: Spreads | None = None,
) -> MunicipalityReport:
    """The context of one municipality's report (or one of its two volumes); with
    `doorwerking` (from an earlier round) the chapter Doorwerking too; with `agreement` (the
    study's double scoring) a paragraph on it in the chapter on the research; with `spreads`
    (the study's kengetallen over its units) the places and strips in the chapter
    Kengetallen."""
    volume_title, members = VOLUMES[volume]
    builders = [b for b in municipality_chapters.CHAPTERS if members is None or b.id in members]
    parts = [b.id for b in builders]
    meta = _front_matter(framework, assessment, study, volume_title)
    sources = [source_view(s) for s in assessment.sources]
    notes = Notes(sources, assessment.sources)
    order = layout(parts, [*(study.chapters if study else []), *assessment.chapters])
    reading = _Reading(framework, assessment, notes, meta.names)
    doorwerking = reading.read(order, doorwerking)
    themes = [reading.built[t.id] for t in framework.themes]
    shared = Shared(
        framework,
        assessment,
        study,
        volume,
        assessment.status is not Status.definitief,
        "bevindingen" in parts,
        themes,
        order.carried,
        sources,
        _conclusion_refs(assessment),
        doorwerking,
        agreement,
        spreads,
    )
    builtin = {c.id: c for c in build("municipality", builders, shared)}
    found = [
        reading.own_chapter(item) if isinstance(item, Narrative) else builtin.get(item)
        for item in order.order
    ]
    chapters = _with_references(
        [c for c in found if c is not None], framework, assessment, shared.has_findings
    )
    return MunicipalityReport(
        meta=meta,
        volume=volume,
        framework=framework_view(framework),
        themes=themes,
        totals=totals_of(themes),
        notes=notes.notes,
        show_review=shared.concept,
        unreviewed=norm_scores(
            framework, assessment, _unreviewed(assessment, framework), shared.has_findings
        ),
        review_note=paragraphs(assessment.review_note),
        chapters=chapters,
        options=study.report if study else ReportOptions(),
    )


def _front_matter(
    framework: Framework, assessment: Assessment, study: Study | None, volume_title: str | None
) -> Meta:
    researchers = assessment.researchers or (study.researchers if study else [])
    return front_matter(
        framework,
        study,
        municipalities=assessment.unit_names,
        researchers=list(researchers),
        status=assessment.status.value,
        date=date_of(assessment, study),
        volume=volume_title,
    )


class _Reading:
    """The report read in order, so its notes are numbered as a reader meets them: own text and
    findings, chapter after chapter; then the findings no chapter shows, for the summary."""

    def __init__(
        self, framework: Framework, assessment: Assessment, notes: Notes, names: tuple[str, ...]
    ) -> None:
        self.framework = framework
        self.assessment = assessment
        self.notes = notes
        self.names = names
        self.by_id = {theme.id: theme for theme in framework.themes}
        self.built: dict[str, ThemeFindings] = {}
        self.views: dict[str, NarrativeView] = {}

    def read(self, order: Layout, doorwerking: DoorwerkingView | None) -> DoorwerkingView | None:
        for item in order.order:
            if isinstance(item, Narrative):
                self.views[item.id] = narrative_view(item, self.notes, self.names)
                self.findings(item.findings)
            elif item == "bevindingen":
                self.findings([t for t in self.by_id if t not in order.carried])
            elif item == "doorwerking" and doorwerking is not None:
                doorwerking = numbered(doorwerking, self.notes)
        self.findings(list(self.by_id))
        return doorwerking

    def findings(self, theme_ids: list[str]) -> None:
        for theme_id in theme_ids:
            if theme_id in self.by_id and theme_id not in self.built:
                theme = self.by_id[theme_id]
                self.built[theme_id] = theme_findings(
                    self.framework, theme, self.assessment, self.notes
                )

    def own_chapter(self, item: Narrative) -> Chapter:
        carried = [self.built[t] for t in item.findings if t in self.built]
        return _own_chapter(item, self.views[item.id], carried)


def _conclusion_refs(assessment: Assessment) -> dict[str, ConclusionRef]:
    return {
        c.id: ConclusionRef(i, f"conclusie-{slug(c.id)}")
        for i, c in enumerate(assessment.conclusions, 1)
    }


def _unreviewed(assessment: Assessment, framework: Framework) -> list[str]:
    """A review_note covers reviews kept elsewhere, not one changed since."""
    if assessment.review_note:
        return assessment.edited_after_review()
    return assessment.unreviewed(framework.scale)


@dataclass(frozen=True)
class OwnChapter:
    """A chapter of the researchers' own text, and the findings it carries after the text."""

    text: NarrativeView
    themes: list[ThemeFindings]


def _sections(chapter: Chapter, framework: Framework) -> list[str]:
    """The anchors of a chapter of own text's `##` sections, in the order its template numbers
    them (report.css: § chapter.section): its text's sections, the research approach's two,
    the themes whose findings it carries."""
    own: OwnChapter = chapter.data
    anchors = [entry.anchor for entry in own.text.sections]
    if own.text.method:
        anchors.append(f"{chapter.id}-scores")
        if framework.research_questions:
            anchors.append("vragen")
    return anchors + [t.theme.anchor for t in own.themes]


def references(
    chapters: list[Chapter], framework: Framework, assessment: Assessment, findings: bool
) -> dict[str, tuple[str, str]]:
    """What a [#id] in own text prints, by id: the anchor and the words with the number the
    report gives it ("hoofdstuk 8", "§ 6.1", "bijlage 1", "norm B5", "aanbeveling 5")."""
    labels: dict[str, tuple[str, str]] = {}
    number = appendix = 0
    for chapter in chapters:
        if chapter.appendix:
            appendix += 1
            labels[chapter.id] = (chapter.id, f"bijlage {appendix}")
            continue
        if chapter.id == "samenvatting":  # unnumbered (report.css)
            labels[chapter.id] = (chapter.id, "de samenvatting")
            continue
        number += 1
        labels[chapter.id] = (chapter.id, f"hoofdstuk {number}")
        if chapter.template_id == "narrative":
            for k, anchor in enumerate(_sections(chapter, framework), 1):
                labels[anchor] = (anchor, f"§ {number}.{k}")
    for norm in framework.norms():
        labels.setdefault(norm.id, (norm_anchor(norm.id, findings), f"norm {norm.id}"))
    for i, c in enumerate(assessment.conclusions, 1):
        labels[f"conclusie-{c.id}"] = (f"conclusie-{slug(c.id)}", f"conclusie {i}")
    for r in assessment.recommendations:
        labels[f"aanbeveling-{r.id}"] = (f"aanbeveling-{slug(r.id)}", f"aanbeveling {r.id}")
    return labels


def _with_references(
    chapters: list[Chapter], framework: Framework, assessment: Assessment, findings: bool
) -> list[Chapter]:
    """The chapters of own text with each [#id] printed as the report numbers it."""
    labels = references(chapters, framework, assessment, findings)
    return [
        replace(c, data=replace(c.data, text=resolved(c.data.text, labels)))
        if c.template_id == "narrative"
        else c
        for c in chapters
    ]


def _own_chapter(narrative: Narrative, view: NarrativeView, themes: list[ThemeFindings]) -> Chapter:
    toc = [*view.sections, *(TocEntry(t.theme.anchor, t.theme.title) for t in themes)]
    return Chapter(
        narrative.id,
        narrative.title,
        OwnChapter(view, themes),
        toc=toc,
        report="municipality",
        template_id="narrative",
    )
