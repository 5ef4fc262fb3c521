"""The chapters of one municipality's report, one builder each, in the report's order. A
volume keeps the chapters it lists (municipality.VOLUMES); a builder returns None when its
chapter has nothing to show (a definitief report leaves out an empty Nawoord; a concept shows
it with a placeholder, so the reader sees what is still to come)."""

import re
from collections import Counter
from dataclasses import dataclass

from normtoets.report.context.agreement import DoubleScoring, double_scoring_view
from normtoets.report.context.chapters import Builder, Chapter, TocEntry
from normtoets.report.context.common import ADDRESSEES, dutch_list, paragraphs
from normtoets.report.context.kengetallen import numbers_view
from normtoets.report.context.municipality import (
    ConclusionView,
    Correction,
    PartView,
    Recommendations,
    RecommendationView,
    Shared,
    answers,
    norm_scores,
)
from normtoets.report.context.notes import source_groups
from normtoets.report.context.process import statement_view


def samenvatting(s: Shared) -> Chapter:
    title = "Samenvatting" if s.volume == "rapport" else "Centrale boodschap"
    return Chapter("samenvatting", title, paragraphs(s.assessment.summary))


@dataclass(frozen=True)
class Method:
    """The research approach normtoets writes when the researchers give none of their own:
    what was assessed, against which framework, on which sources."""

    summary: list[str]  # the study's own summary
    themes: int
    norms: int
    sources: str | None  # "4 documenten, 2 interviews en 1 e-mail"
    double_scoring: DoubleScoring | None


_KINDS = {
    "document": ("document", "documenten"),
    "interview": ("interview", "interviews"),
    "email": ("e-mail", "e-mails"),
    "website": ("website", "websites"),
    "other": ("andere bron", "andere bronnen"),
}


def _source_counts(s: Shared) -> str | None:
    counts = Counter(src.kind for src in s.sources if src.listed)
    parts = [
        f"{counts[kind]} {one if counts[kind] == 1 else many}"
        for kind, (one, many) in _KINDS.items()
        if counts[kind]
    ]
    return dutch_list(parts) if parts else None


def onderzoek(s: Shared) -> Chapter:
    method = Method(
        paragraphs(s.study.summary) if s.study else [],
        len(s.framework.themes),
        sum(1 for _ in s.framework.norms()),
        _source_counts(s),
        double_scoring_view([s.agreement] if s.agreement else []),
    )
    return Chapter("onderzoek", "Het onderzoek", method)


def normenkader(s: Shared) -> Chapter:
    return Chapter("normenkader", "Het normenkader")


def bevindingen(s: Shared) -> Chapter | None:
    """The findings of the themes no chapter of own text carries; None when all are carried."""
    themes = [t for t in s.themes if t.theme.id not in s.carried]
    if not themes:
        return None
    toc = [TocEntry(t.theme.anchor, t.theme.title) for t in themes]
    return Chapter("bevindingen", "Bevindingen", themes, toc=toc)


def kengetallen(s: Shared) -> Chapter | None:
    """Only when the unit has kengetallen with a streefwaarde or a value."""
    view = numbers_view(s.framework, s.assessment, s.study, s.spreads)
    if view is None:
        return None
    toc = [TocEntry(g.anchor, g.heading) for g in view.groups]
    return Chapter("kengetallen", "Kengetallen", view, toc=toc if len(toc) > 1 else [])


def onderzoeksvragen(s: Shared) -> Chapter:
    views = answers(s.framework, s.assessment, s.has_findings)
    return Chapter("onderzoeksvragen", "Antwoorden op de onderzoeksvragen", views)


def conclusies(s: Shared) -> Chapter:
    views = [
        ConclusionView(
            c.id,
            paragraphs(c.text),
            norm_scores(s.framework, s.assessment, list(c.norms), s.has_findings),
            s.conclusion_refs[c.id].number,
            s.conclusion_refs[c.id].anchor,
        )
        for c in s.assessment.conclusions
    ]
    return Chapter("conclusies", "Conclusies", views)


# "Aan de raad:", "Aan het college van B&W:", "Aan de gemeenteraad:": the text names its addressee.
_NAMES_ADDRESSEE = re.compile(r"\s*aan (de|het) (gemeente)?(raad|college)\b", re.IGNORECASE)


def aanbevelingen(s: Shared) -> Chapter:
    views = [
        RecommendationView(
            r.id,
            paragraphs(r.text),
            [PartView(p.id, " ".join(p.text.split())) for p in r.parts],
            norm_scores(s.framework, s.assessment, list(r.norms), s.has_findings),
            [s.conclusion_refs[c] for c in r.conclusions if c in s.conclusion_refs],
            ADDRESSEES[r.to.value],
            bool(_NAMES_ADDRESSEE.match(r.text)),
            paragraphs(r.reasoning),
        )
        for r in s.assessment.recommendations
    ]
    data = Recommendations(views, len({v.to_title for v in views}))
    return Chapter("aanbevelingen", "Aanbevelingen", data)


def doorwerking(s: Shared) -> Chapter | None:
    """Only with an earlier round (`report NEW --since OLD`)."""
    return None if s.doorwerking is None else Chapter("doorwerking", "Doorwerking", s.doorwerking)


def bestuurlijke_reactie(s: Shared) -> Chapter | None:
    response = statement_view(s.assessment.college_response)
    if response is None and not s.concept:
        return None
    return Chapter("bestuurlijke-reactie", "Bestuurlijke reactie", response)


def nawoord(s: Shared) -> Chapter | None:
    afterword = statement_view(s.assessment.afterword)
    if afterword is None and not s.concept:
        return None
    return Chapter("nawoord", "Nawoord", afterword)


def bronnen(s: Shared) -> Chapter:
    return Chapter("bronnen", "Bronnenlijst", source_groups(s.sources), appendix=True)


def correcties(s: Shared) -> Chapter | None:
    corrections = [
        Correction(f.norm, response, f.finding)
        for t in s.themes
        for f in t.findings
        for response in f.responses
        if response.corrected
    ]
    if not corrections and not s.concept:
        return None
    title = "Feitelijke correcties na ambtelijk wederhoor"
    return Chapter("correcties", title, corrections, appendix=True)


CHAPTERS: list[Builder] = [
    Builder("samenvatting", samenvatting),
    Builder("onderzoek", onderzoek),
    Builder("normenkader", normenkader),
    Builder("bevindingen", bevindingen),
    Builder("kengetallen", kengetallen),
    Builder("onderzoeksvragen", onderzoeksvragen),
    Builder("conclusies", conclusies),
    Builder("aanbevelingen", aanbevelingen),
    Builder("doorwerking", doorwerking),
    Builder("bestuurlijke-reactie", bestuurlijke_reactie),
    Builder("nawoord", nawoord),
    Builder("bronnen", bronnen),
    Builder("correcties", correcties),
]
