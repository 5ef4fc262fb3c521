"""Kengetallen: numbers measured per unit and period, each with a streefwaarde as the policy
writes it. The framework defines the indicators a study shares; an assessment may add its own
and holds its unit's values. Numbers and targets are kept as written ("2,5", "Daling van 5%"):
reading them is analysis.kengetallen's job, checking them the rules'."""

from enum import StrEnum
from typing import Literal

from pydantic import Field

from normtoets.models.base import ID_PATTERN, Strict

# Which way an indicator improves; neither: the policy does not say.
Better = Literal["higher", "lower", "neither"]


class Frequency(StrEnum):
    kwartaal = "kwartaal"
    jaar = "jaar"


# A value as the researcher writes it: a YAML number, or Dutch text ("2,5", "85%", "€ 600.000,-").
Written = float | int | str


class Indicator(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Id van het kengetal, bijv. 'K1'.")
    text: str = Field(description="Het kengetal zoals het beleid het noemt.")
    unit: str | None = Field(
        default=None, description="Eenheid van de waarden: '%', 'uur', 'aantal', '€', 'dagen'."
    )
    better: Better = Field(
        default="neither",
        description="Welke kant beter is: higher, lower of neither (niet gezegd).",
    )
    frequency: Frequency | None = Field(
        default=None, description="Hoe vaak het wordt gemeten: kwartaal of jaar."
    )
    group: str | None = Field(
        default=None, description="De groep waarin het beleid het noemt, bijv. een opgave."
    )
    norms: list[str] = Field(
        default_factory=list, description="Normen waarvoor het kengetal bewijs is."
    )
    target: str | None = Field(
        default=None,
        description=(
            "Streefwaarde voor elke eenheid, zoals het beleid haar schrijft ('85%', 'Daling van "
            "5%', 'Toename', 'Blijft gelijk', 'Geen overschrijding'); een beoordeling kan een "
            "eigen streefwaarde geven."
        ),
    )
    source: str | None = Field(default=None, description="Waar het kengetal vandaan komt.")


class Measurement(Strict):
    period: str = Field(description="Periode: een jaar ('2021') of kwartaal ('2021-Q3').")
    value: Written = Field(description="De waarde, bijv. 2.5, '2,5', '85%', '€ 600.000,-'.")
    source: str | None = Field(default=None, description="Id van de bron uit `sources`.")
    note: str | None = Field(default=None, description="Toelichting bij deze waarde.")


class Baseline(Strict):
    period: str = Field(description="Basisjaar of -kwartaal van de nulmeting, bijv. '2019'.")
    value: Written | None = Field(
        default=None, description="De waarde van de nulmeting; weglaten zolang die onbekend is."
    )
    source: str | None = Field(default=None, description="Id van de bron uit `sources`.")


class IndicatorRecord(Strict):
    """One unit's numbers for one indicator."""

    target: str | None = Field(
        default=None,
        description="Streefwaarde van deze eenheid, als die afwijkt van die van het kengetal.",
    )
    baseline: Baseline | None = Field(default=None, description="De nulmeting.")
    values: list[Measurement] = Field(default_factory=list, description="Gemeten waarden.")
    note: str | None = Field(default=None, description="Toelichting van de onderzoekers.")
