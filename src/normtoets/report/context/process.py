"""The rekenkamer process in the report: review (vier ogen), ambtelijk wederhoor and the
bestuurlijke reactie with the nawoord. Pure, like the rest of the context."""

from dataclasses import dataclass

from normtoets.models import Judgement, Outcome, Response, Statement
from normtoets.report.context.common import dutch_date, paragraphs

OUTCOME_LABELS = {
    Outcome.gewijzigd: "bevinding aangepast",
    Outcome.ongewijzigd: "bevinding ongewijzigd",
    Outcome.verduidelijkt: "bevinding verduidelijkt",
}


@dataclass(frozen=True)
class ResponseView:
    """One ambtelijk wederhoor response, as shown under the finding it reacts to."""

    anchor: str  # its row in the appendix of corrections (when it is listed there)
    by: str | None
    date: str | None
    text: list[str]
    outcome: str  # "gewijzigd", "ongewijzigd" or "verduidelijkt"
    outcome_label: str  # "bevinding aangepast", …
    previous_finding: list[str]
    note: list[str]  # how the rekenkamer processed it
    source_title: str | None  # the source that holds the response, when listed
    source_anchor: str | None
    reported_by: str | None = None  # the text is this researcher's account, not the reaction

    @property
    def corrected(self) -> bool:
        """Changed or clarified: the finding's text changed, so the appendix lists it."""
        return self.outcome != Outcome.ongewijzigd.value

    @property
    def heading(self) -> str:
        """'Gemeente Duiven, 3 juli 2019' — who reacted and when, as far as known."""
        return ", ".join(x for x in (self.by, self.date) if x)


def response_view(
    response: Response, anchor: str, source: tuple[str, str] | None = None
) -> ResponseView:
    """`source`: title and anchor of the listed source the response cites, if any."""
    return ResponseView(
        anchor,
        response.by,
        dutch_date(response.date),
        paragraphs(response.text),
        response.outcome.value,
        OUTCOME_LABELS[response.outcome],
        paragraphs(response.previous_finding),
        paragraphs(response.note),
        source[0] if source else None,
        source[1] if source else None,
        response.reported_by,
    )


def review_line(judgement: Judgement, has_score: bool = True) -> str:
    """'Beoordeeld door A, gereviewd door B.' — who scored and who checked (vier ogen). A review
    the judgement was changed after is not printed as one: the reviewer never saw it. A norm
    without a score on the scale (nb, nvt) owes no review: nothing, unless someone is named."""
    if not has_score and not (judgement.scored_by or judgement.reviewed_by):
        return ""
    scored = f"Beoordeeld door {judgement.scored_by}" if judgement.scored_by else None
    if judgement.review_stale:
        stale = "na de review gewijzigd en nog niet opnieuw gereviewd."
        return f"{scored}; {stale}" if scored else f"{stale[:1].upper()}{stale[1:]}"
    if judgement.reviewed_by:
        reviewed = f"gereviewd door {judgement.reviewed_by}"
        return f"{scored}, {reviewed}." if scored else f"{reviewed[:1].upper()}{reviewed[1:]}."
    return f"{scored}; nog niet gereviewd." if scored else "Nog niet gereviewd."


@dataclass(frozen=True)
class StatementView:
    """The bestuurlijke reactie or the nawoord."""

    by: str | None
    date: str | None
    text: list[str]

    @property
    def signature(self) -> str:
        """'College van B&W, 3 september 2019' — sender and date, as far as known."""
        return ", ".join(x for x in (self.by, self.date) if x)


def statement_view(statement: Statement | None) -> StatementView | None:
    if statement is None:
        return None
    return StatementView(statement.by, dutch_date(statement.date), paragraphs(statement.text))
