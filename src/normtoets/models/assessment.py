"""One municipality's scored framework (beoordeling)."""

import datetime as dt
from enum import StrEnum

from pydantic import Field, model_validator

from normtoets.models.base import Strict
from normtoets.models.framework import ID_PATTERN, FrameworkRef


class Status(StrEnum):
    concept = "concept"
    wederhoor = "wederhoor"
    definitief = "definitief"


class SourceKind(StrEnum):
    document = "document"
    interview = "interview"
    email = "email"
    website = "website"
    other = "other"


class Addressee(StrEnum):
    raad = "raad"
    college = "college"


class Source(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Id waarmee bewijs naar deze bron verwijst.")
    kind: SourceKind = Field(description="Soort bron: document, interview, email, website, other.")
    title: str = Field(description="Titel of omschrijving van de bron.")
    author: str | None = Field(default=None, description="Auteur of afzender.")
    date: dt.date | None = Field(default=None, description="Datum van de bron.")
    url: str | None = Field(default=None, description="Vindplaats (wordt nooit opgehaald).")
    note: str | None = Field(default=None, description="Toelichting.")


class Evidence(Strict):
    source: str = Field(description="Id van een bron uit `sources`.")
    page: str | None = Field(default=None, description="Pagina in de bron.")
    section: str | None = Field(default=None, description="Paragraaf of hoofdstuk in de bron.")
    quote: str | None = Field(default=None, description="Letterlijk citaat uit de bron.")
    note: str | None = Field(default=None, description="Waarneming of parafrase.")

    @model_validator(mode="after")
    def _has_content(self) -> "Evidence":
        if not (self.quote or self.note):
            raise ValueError("evidence needs a quote or a note")
        return self


class CriterionJudgement(Strict):
    score: str = Field(description="Score op de schaal van het normenkader.")
    finding: str = Field(default="", description="Bevinding bij dit deelcriterium.")
    evidence: list[Evidence] = Field(default_factory=list, description="Bewijs.")


class Judgement(Strict):
    score: str = Field(description="Score op de schaal van het normenkader.")
    finding: str = Field(default="", description="Bevinding: de onderbouwing van de score.")
    evidence: list[Evidence] = Field(default_factory=list, description="Bewijs (citaten met bron).")
    criteria: dict[str, CriterionJudgement] = Field(
        default_factory=dict, description="Scores per deelcriterium, bijv. 'U2.b'."
    )


class Answer(Strict):
    questions: list[str] = Field(
        min_length=1, description="Ids van de beantwoorde onderzoeksvragen."
    )
    text: str = Field(description="Het antwoord.")


class Conclusion(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Id van de conclusie.")
    text: str = Field(description="De conclusie.")
    norms: list[str] = Field(default_factory=list, description="Normen waarop zij steunt.")


class RecommendationPart(Strict):
    id: str = Field(description="Letter van het onderdeel, bijv. 'a'.")
    text: str = Field(description="Tekst van het onderdeel.")


class Recommendation(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Nummer van de aanbeveling.")
    to: Addressee = Field(description="Aan wie: raad of college.")
    text: str = Field(description="De aanbeveling.")
    parts: list[RecommendationPart] = Field(default_factory=list, description="Onderdelen a, b, …")
    norms: list[str] = Field(default_factory=list, description="Normen waaruit zij volgt.")


class Assessment(Strict):
    framework: FrameworkRef = Field(description="Normenkader en versie waartegen is getoetst.")
    municipality: str = Field(min_length=1, description="De beoordeelde gemeente.")
    study: str | None = Field(default=None, description="Id van het onderzoek (study.yaml).")
    researchers: list[str] = Field(default_factory=list, description="Onderzoekers.")
    date: dt.date | None = Field(default=None, description="Datum van de beoordeling.")
    status: Status = Field(description="concept, wederhoor of definitief.")
    summary: str | None = Field(default=None, description="Centrale boodschap of samenvatting.")
    sources: list[Source] = Field(
        default_factory=list, description="Bronnen waarnaar bewijs verwijst."
    )
    judgements: dict[str, Judgement] = Field(
        default_factory=dict, description="Oordeel per norm-id."
    )
    answers: list[Answer] = Field(
        default_factory=list, description="Antwoorden op onderzoeksvragen."
    )
    conclusions: list[Conclusion] = Field(default_factory=list, description="Conclusies.")
    recommendations: list[Recommendation] = Field(
        default_factory=list, description="Aanbevelingen aan raad of college."
    )
