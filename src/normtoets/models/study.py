"""One audit (onderzoek): who did it for whom, which municipalities, and its lessons."""

import datetime as dt
from typing import Literal

from pydantic import Field

from normtoets.core.names import name_key
from normtoets.models.base import ID_PATTERN, Strict
from normtoets.models.framework import FrameworkRef
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


UnitWord = (
    Literal["gemeente", "provincie", "waterschap", "gemeenschappelijke regeling", "scenario"] | Unit
)


class Member(Strict):
    """A unit of the study that is more than its name: of another kind than the study's
    `unit`, or part of a larger unit of the study."""

    name: str = Field(min_length=1, description="Naam van de eenheid, bijv. 'Gelderland'.")
    unit: UnitWord | None = Field(
        default=None,
        description=(
            "Wat deze eenheid is, als dat niet de `unit` van het onderzoek is: gemeente, "
            "provincie, waterschap, gemeenschappelijke regeling, scenario, of {singular, "
            "plural, article}."
        ),
    )
    part_of: str | None = Field(
        default=None,
        description=(
            "Naam van de eenheid van dit onderzoek waarvan deze deel is (een uitvoeringsdienst "
            "van een ministerie, een lid van een gemeenschappelijke regeling): de vergelijking "
            "toont de delen onder het geheel, en een oordeel over het geheel als zodanig."
        ),
    )
    attributes: dict[str, float | int | str] = Field(
        default_factory=dict,
        description=(
            "Kenmerken van de eenheid om kengetallen per groep te vergelijken, bijv. "
            "{inwoners: 23000} (kengetallen --group-by inwoners: de grootteklassen van het CBS)."
        ),
    )


def _words(unit: UnitWord) -> Unit:
    return unit if isinstance(unit, Unit) else UNITS[unit]


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
    unit: UnitWord = Field(
        default="gemeente",
        description=(
            "Wat het onderzoek beoordeelt: gemeente (standaard), provincie, waterschap, "
            "gemeenschappelijke regeling, scenario, of {singular, plural, article}."
        ),
    )
    municipalities: list[str | Member] = Field(
        min_length=1,
        description=(
            "De onderzochte gemeenten (of andere eenheden, zie unit): een naam, of {name, unit, "
            "part_of} voor een eenheid van een andere soort of een deel van een andere eenheid."
        ),
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
        """The words for what this study audits, unless a member says otherwise."""
        return _words(self.unit)

    @property
    def members(self) -> list[Member]:
        """Every unit of the study as a Member, in the study's order."""
        return [m if isinstance(m, Member) else Member(name=m) for m in self.municipalities]

    @property
    def names(self) -> list[str]:
        """The names of the study's units, in its order."""
        return [m.name if isinstance(m, Member) else m for m in self.municipalities]

    def named_at(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Each unit's name with its place in the file, for a rule to point at."""
        return [
            (("municipalities", i, "name"), m.name) if isinstance(m, Member)
            else (("municipalities", i), m)
            for i, m in enumerate(self.municipalities)
        ]  # fmt: skip

    def member(self, name: str) -> Member | None:
        """The listed unit of this name, in any spelling (`names.name_key`)."""
        return self._by_key().get(name_key(name))

    def _by_key(self) -> dict[str, Member]:
        """Each unit by `name_key`, built once per list: a comparison asks for every unit's
        kind and whole, and a scan each time made 342 units cost 0.4 s (the first of a
        repeated name wins, as a scan did)."""
        cached: tuple[list[str | Member], dict[str, Member]] | None = self.__dict__.get("_keyed")
        if cached is None or cached[0] is not self.municipalities:
            index: dict[str, Member] = {}
            for member in self.members:
                index.setdefault(name_key(member.name), member)
            cached = (self.municipalities, index)
            self.__dict__["_keyed"] = cached  # frozen: only the model's fields are guarded
        return cached[1]

    def unit_of(self, name: str) -> Unit:
        """The words for one unit: its own kind, else the study's."""
        member = self.member(name)
        return _words(member.unit) if member and member.unit else self.units

    def whole_of(self, name: str) -> str | None:
        """The unit `name` is part of, as the study spells it; None for a unit on its own."""
        member = self.member(name)
        whole = self.member(member.part_of) if member and member.part_of else None
        return whole.name if whole else (member.part_of if member else None)
