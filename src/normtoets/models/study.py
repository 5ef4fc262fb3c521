"""One audit (onderzoek): who did it for whom, which municipalities, and its lessons."""

import datetime as dt
from typing import Literal

from pydantic import Field

from normtoets.models.base import Strict
from normtoets.models.framework import ID_PATTERN, FrameworkRef
from normtoets.models.narrative import Narrative


class Unit(Strict):
    """What a study audits, as the reports name it: a municipality by default."""

    singular: str = Field(min_length=1, description="Enkelvoud, bijv. 'gemeente'.")
    plural: str = Field(min_length=1, description="Meervoud, bijv. 'gemeenten'.")
    article: Literal["de", "het"] = Field(
        default="de", description="Lidwoord: 'de gemeente', 'het waterschap'."
    )


# The units a study can name by one word; another unit is given as {singular, plural, article}.
UNITS: dict[str, Unit] = {
    "gemeente": Unit(singular="gemeente", plural="gemeenten"),
    "provincie": Unit(singular="provincie", plural="provincies"),
    "waterschap": Unit(singular="waterschap", plural="waterschappen", article="het"),
    "gemeenschappelijke regeling": Unit(
        singular="gemeenschappelijke regeling", plural="gemeenschappelijke regelingen"
    ),
    "scenario": Unit(singular="scenario", plural="scenario's", article="het"),
}


class Lesson(Strict):
    title: str | None = Field(default=None, description="Korte titel van het leermoment.")
    text: str = Field(description="Het leermoment.")
    norms: list[str] = Field(default_factory=list, description="Normen waarop het slaat.")
    example: str | None = Field(
        default=None, description="Gemeente die hierin als voorbeeld kan dienen."
    )


class ReportOptions(Strict):
    """What the reports add to the researchers' text, each of which a study can switch off:
    a report taken over from a published one shows what that one shows."""

    tally: bool = Field(
        default=True,
        description=(
            "Tel in de samenvatting per thema en in totaal hoeveel beoordeelde normen voldaan "
            "zijn, met een kolom 'Voldaan' (ja/nee)."
        ),
    )
    conclusion_scores: bool = Field(
        default=True,
        description=(
            "Toon bij elke conclusie en aanbeveling de scores van de normen waarop zij steunt."
        ),
    )


class Study(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Id van het onderzoek.")
    title: str = Field(description="Titel van het onderzoek.")
    subtitle: str | None = Field(default=None, description="Ondertitel.")
    rekenkamer: str = Field(description="De rekenkamer(commissie) van het onderzoek.")
    researchers: list[str] = Field(
        default_factory=list, description="Onderzoekers of onderzoeksbureau."
    )
    research_by: str | None = Field(
        default=None,
        description=(
            "Wie het onderzoek deed, als dat niet de rekenkamer zelf is (bijv. een "
            "onderzoeksbureau): het rapport zegt dan 'in opdracht van' de rekenkamer."
        ),
    )
    chapters: list[Narrative] = Field(
        default_factory=list,
        description="Hoofdstukken met eigen tekst (Markdown) voor de rapporten van dit onderzoek.",
    )
    team_note: str | None = Field(
        default=None, description="Opmerking voor het onderzoeksteam; nooit in een rapport."
    )
    year: int | None = Field(default=None, description="Jaar van het onderzoek.")
    date: dt.date | None = Field(default=None, description="Datum van publicatie.")
    framework: FrameworkRef = Field(description="Het normenkader van het onderzoek.")
    unit: (
        Literal["gemeente", "provincie", "waterschap", "gemeenschappelijke regeling", "scenario"]
        | Unit
    ) = Field(
        default="gemeente",
        description=(
            "Wat het onderzoek beoordeelt: gemeente (standaard), provincie, waterschap, "
            "gemeenschappelijke regeling, scenario, of {singular, plural, article}."
        ),
    )
    municipalities: list[str] = Field(
        min_length=1, description="De onderzochte gemeenten (of andere eenheden, zie unit)."
    )
    summary: str | None = Field(default=None, description="Eigen samenvatting van het onderzoek.")
    report: ReportOptions = Field(
        default_factory=ReportOptions,
        description="Wat de rapporten aan de tekst van de onderzoekers toevoegen, en wat niet.",
    )
    min_coverage: float | None = Field(
        default=None,
        gt=0,
        le=1,
        description=(
            "Het deel van de normen (0 tot 1, bijv. 0.8) waarop een gemeente beoordeeld moet zijn "
            "om in een rangorde van de vergelijking mee te tellen. Zonder: een rangorde alleen "
            "als alle gemeenten op evenveel normen zijn beoordeeld."
        ),
    )
    general_lessons: list[Lesson] = Field(
        default_factory=list, description="Algemene leermomenten voor alle gemeenten."
    )
    mutual_lessons: list[Lesson] = Field(
        default_factory=list, description="Lessen die gemeenten van elkaar kunnen leren."
    )
    source: str | None = Field(default=None, description="Bronvermelding van de leermomenten.")
    follows_up: str | None = Field(
        default=None,
        description=(
            "Id van het eerdere onderzoek waarvan dit vervolgonderzoek de aanbevelingen volgt "
            "(`follow_up` in de beoordelingen); zonder dit: de laatste eerdere ronde van de "
            "gemeente tegen hetzelfde normenkader."
        ),
    )
    double_scoring: str | None = Field(
        default=None,
        description=(
            "Map (ten opzichte van study.yaml) met de onafhankelijke scoringen van gemeenten, "
            "elk met een eigen `rater`; het rapport van een gemeente noemt dan hoeveel oordelen "
            "dubbel zijn gescoord en hoe ver de scoringen overeenkwamen (normtoets agree)."
        ),
    )

    @property
    def units(self) -> Unit:
        """The words for what this study audits."""
        return self.unit if isinstance(self.unit, Unit) else UNITS[self.unit]
