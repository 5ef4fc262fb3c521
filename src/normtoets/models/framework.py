"""The normenkader: themes, norms, criteria, a scale and research questions."""

from collections.abc import Iterator
from enum import StrEnum

from pydantic import Field

from normtoets.models.base import ID_PATTERN, Strict
from normtoets.models.indicators import Indicator
from normtoets.models.scale import Scale


class FrameworkRef(Strict):
    id: str = Field(description="Id van het normenkader.")
    version: str = Field(description="Versie van het normenkader waartegen is getoetst.")

    def __str__(self) -> str:
        return f"{self.id}@{self.version}"


class Rollup(StrEnum):
    """How a norm's criterion scores combine into the norm score."""

    all = "all"  # the norm is met only when every scored criterion is met
    weakest = "weakest"  # the norm score is the lowest criterion score
    majority = "majority"  # the norm is met when more than half of the criteria are met
    judgement = "judgement"  # the researcher weighs them; no rule to check


class Criterion(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Id van het deelcriterium, bijv. 'U2.b'.")
    text: str = Field(description="Tekst van het deelcriterium.")


class Norm(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Id van de norm, bijv. 'B1'.")
    text: str = Field(description="De norm zoals die in het normenkader staat.")
    short: str | None = Field(default=None, description="Korte titel voor tabellen.")
    criteria: list[Criterion] = Field(default_factory=list, description="Deelcriteria (a, b, …).")
    rollup: Rollup | None = Field(
        default=None,
        description=(
            "Hoe de deelcriteria de normscore bepalen: all, weakest, majority of judgement."
        ),
    )


class Theme(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Id van het thema, bijv. 'beleid'.")
    title: str = Field(description="Titel van het thema.")
    description: str | None = Field(default=None, description="Toelichting.")
    norms: list[Norm] = Field(min_length=1, description="De normen binnen dit thema.")


class ResearchQuestion(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Id van de onderzoeksvraag, bijv. 'OV1'.")
    text: str = Field(description="De onderzoeksvraag.")
    norms: list[str] = Field(
        default_factory=list, description="Normen die deze vraag beantwoorden."
    )


class VersionMap(Strict):
    version: str = Field(description="Een eerdere versie van dit normenkader.")
    norms: dict[str, str] = Field(
        default_factory=dict,
        description="Oude norm-id → nieuwe norm-id, voor ids die zijn veranderd.",
    )


class Framework(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Id van het normenkader.")
    version: str = Field(
        description="Versie; een beoordeling noemt de versie waartegen is getoetst."
    )
    title: str = Field(description="Titel van het normenkader.")
    source: str | None = Field(default=None, description="Bronvermelding van het normenkader.")
    description: str | None = Field(default=None, description="Toelichting.")
    scale: Scale = Field(description="De scoreschaal.")
    themes: list[Theme] = Field(min_length=1, description="Thema's met hun normen.")
    research_questions: list[ResearchQuestion] = Field(
        default_factory=list, description="Onderzoeksvragen, gekoppeld aan normen."
    )
    indicators: list[Indicator] = Field(
        default_factory=list,
        description="Kengetallen die elke eenheid van een onderzoek met dit normenkader meet.",
    )
    maps_from: list[VersionMap] = Field(
        default_factory=list,
        description="Eerdere versies waarmee `diff` beoordelingen mag vergelijken.",
    )

    @property
    def ref(self) -> FrameworkRef:
        return FrameworkRef(id=self.id, version=self.version)

    def norms(self) -> Iterator[Norm]:
        for theme in self.themes:
            yield from theme.norms

    def criteria(self) -> Iterator[Criterion]:
        for norm in self.norms():
            yield from norm.criteria

    def _index(self) -> "_Index":
        """Norms, criteria and questions by id, built once: rules and reports look them up
        once per judgement, and a scan each time made a framework of n norms cost n². Built
        anew for a copy with other themes or questions (model_copy copies the cache too)."""
        index: _Index | None = self.__dict__.get("_by_id")
        if index is None or not index.covers(self):
            index = _Index(self)
            self.__dict__["_by_id"] = index  # frozen: only the model's fields are guarded
        return index

    def norm(self, norm_id: str) -> Norm | None:
        return self._index().norms.get(norm_id)

    def norm_of_criterion(self, criterion_id: str) -> Norm | None:
        return self._index().criteria.get(criterion_id)

    def question(self, question_id: str) -> ResearchQuestion | None:
        return self._index().questions.get(question_id)


class _Index:
    """A framework's ids → what they name; the first of a repeated id wins, as a scan did."""

    def __init__(self, framework: Framework) -> None:
        self.themes, self.questions_list = framework.themes, framework.research_questions
        self.norms: dict[str, Norm] = {}
        self.criteria: dict[str, Norm] = {}
        for norm in framework.norms():
            self.norms.setdefault(norm.id, norm)
            for criterion in norm.criteria:
                self.criteria.setdefault(criterion.id, norm)
        self.questions: dict[str, ResearchQuestion] = {}
        for question in framework.research_questions:
            self.questions.setdefault(question.id, question)

    def covers(self, framework: Framework) -> bool:
        return (
            self.themes is framework.themes and self.questions_list is framework.research_questions
        )
