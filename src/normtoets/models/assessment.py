"""One municipality's scored framework (beoordeling)."""

import datetime as dt
import hashlib
import json
from enum import StrEnum

from pydantic import Field, field_validator, model_validator

from normtoets.core.i18n import _
from normtoets.core.names import joined, name_key
from normtoets.models.base import ID_PATTERN, Strict
from normtoets.models.framework import FrameworkRef
from normtoets.models.indicators import Indicator, IndicatorRecord
from normtoets.models.narrative import Narrative
from normtoets.models.scale import Scale


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
    note: str | None = Field(
        default=None, description="Toelichting voor de lezer, in de bronnenlijst van het rapport."
    )
    team_note: str | None = Field(
        default=None,
        description=(
            "Opmerking voor het onderzoeksteam; nooit in een definitief rapport (wel in "
            "status en in een concept)."
        ),
    )
    file: str | None = Field(
        default=None,
        description=(
            "Lokaal bestand met de tekst van de bron (.txt, .md of .pdf), relatief aan de map "
            "van de beoordeling of aan --sources; citaten worden erin opgezocht."
        ),
    )
    sha256: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 van `file`, om een gewijzigd bestand op te merken.",
    )
    via: str | None = Field(
        default=None,
        description=(
            "Id van een andere bron waarin deze bron wordt geciteerd (bijv. het rapport); "
            "citaten worden dan in de tekst van die bron opgezocht."
        ),
    )
    this_report: bool = Field(
        default=False,
        description=(
            "Deze bron is het rapport zelf (een overgenomen, gepubliceerd rapport): zij staat "
            "niet in de bronnenlijst, en een verwijzing ernaar wijst naar de eigen paragraaf."
        ),
    )


class Evidence(Strict):
    source: str = Field(description="Id van een bron uit `sources`.")
    page: str | None = Field(default=None, description="Pagina in de bron.")
    section: str | None = Field(default=None, description="Paragraaf of hoofdstuk in de bron.")
    quote: str | None = Field(
        default=None,
        description=(
            "De eigen woorden van de bron, letterlijk; het rapport zet ze tussen "
            "aanhalingstekens en validate zoekt ze op in de tekst van de bron."
        ),
    )
    note: str | None = Field(
        default=None,
        description=(
            "Wat de onderzoekers in de bron lazen, in eigen woorden: zonder aanhalingstekens, "
            "met de bron in de noot."
        ),
    )
    cited_at: str | None = Field(
        default=None,
        description=(
            "Waar het document van `via` dit citaat geeft, bijv. '§ 4.4': de noot zegt "
            "'geciteerd in …'."
        ),
    )
    team_note: str | None = Field(
        default=None,
        description=(
            "Opmerking voor het onderzoeksteam; nooit in een definitief rapport (wel in "
            "status en in een concept)."
        ),
    )

    @model_validator(mode="after")
    def _has_content(self) -> "Evidence":
        if not (self.quote or self.note):
            raise ValueError(_("evidence needs a quote or a note"))
        return self


class Outcome(StrEnum):
    """What ambtelijk wederhoor did to a finding."""

    gewijzigd = "gewijzigd"
    ongewijzigd = "ongewijzigd"
    verduidelijkt = "verduidelijkt"


class Response(Strict):
    """One reaction of the municipality's officials to a finding (ambtelijk wederhoor)."""

    date: dt.date | None = Field(default=None, description="Datum van de reactie.")
    by: str | None = Field(default=None, description="Wie reageerde, bijv. 'Gemeente Duiven'.")
    source: str | None = Field(default=None, description="Id van de bron met de reactie.")
    text: str = Field(description="De reactie (citaat of samenvatting).")
    reported_by: str | None = Field(
        default=None,
        description=(
            "Wie de reactie in eigen woorden weergeeft, als `text` niet de woorden van de "
            "gemeente zijn maar die van de onderzoekers (bijv. 'Regioplan Beleidsonderzoek'): "
            "het rapport zegt dan dat het hun weergave is."
        ),
    )
    outcome: Outcome = Field(description="gewijzigd, ongewijzigd of verduidelijkt.")
    previous_finding: str | None = Field(
        default=None, description="De bevinding zoals die vóór het wederhoor luidde."
    )
    note: str | None = Field(default=None, description="Hoe de rekenkamer de reactie verwerkte.")

    @model_validator(mode="after")
    def _keeps_old_text(self) -> "Response":
        if self.outcome is not Outcome.ongewijzigd and not self.previous_finding:
            raise ValueError(
                _(
                    "a response with outcome '{outcome}' keeps the old text in previous_finding"
                ).format(outcome=self.outcome)
            )
        return self


class Statement(Strict):
    """A formal text: the college's bestuurlijke reactie or the rekenkamer's nawoord."""

    date: dt.date | None = Field(default=None, description="Datum.")
    by: str | None = Field(default=None, description="Afzender, bijv. 'College van B&W'.")
    text: str = Field(description="De tekst; alinea's gescheiden door een lege regel.")


class CriterionJudgement(Strict):
    score: str = Field(description="Score op de schaal van het normenkader.")
    finding: str = Field(default="", description="Bevinding bij dit deelcriterium.")
    evidence: list[Evidence] = Field(default_factory=list, description="Bewijs.")


class BasisKind(StrEnum):
    """What a score rests on."""

    onderzoek = "onderzoek"  # the study's own research: the default
    overgenomen = "overgenomen"  # a score taken over from another report, which gives it
    afgeleid = "afgeleid"  # inferred by the researchers from a text that gives no score


class Basis(Strict):
    """Where a score comes from when not from the study's own research."""

    kind: BasisKind = Field(
        description=(
            "onderzoek (eigen onderzoek, de standaard), overgenomen (een score uit een ander "
            "rapport) of afgeleid (door de onderzoekers afgeleid uit een tekst die zelf geen "
            "score geeft)."
        )
    )
    source: str | None = Field(
        default=None,
        description="Id van de bron: het rapport waaruit de score komt, of de tekst waaruit "
        "hij is afgeleid. Verplicht bij overgenomen en afgeleid.",
    )

    @model_validator(mode="after")
    def _source_named(self) -> "Basis":
        if self.kind is not BasisKind.onderzoek and not self.source:
            raise ValueError(
                _("a score that is {kind} names the source it comes from (source:)").format(
                    kind=self.kind.value
                )
            )
        return self


class Judgement(Strict):
    score: str = Field(description="Score op de schaal van het normenkader.")
    basis: Basis | None = Field(
        default=None,
        description=(
            "Waar de score op rust als dat niet het eigen onderzoek is: overgenomen uit een "
            "ander rapport, of afgeleid uit een tekst die zelf geen score geeft (met de bron). "
            "Tabellen en vergelijkingen markeren zo'n score."
        ),
    )
    finding: str = Field(default="", description="Bevinding: de onderbouwing van de score.")
    evidence: list[Evidence] = Field(default_factory=list, description="Bewijs (citaten met bron).")
    criteria: dict[str, CriterionJudgement] = Field(
        default_factory=dict, description="Scores per deelcriterium, bijv. 'U2.b'."
    )
    motivation: str | None = Field(
        default=None,
        description="Waarom de normscore afwijkt van de rekenregel (rollup) van het normenkader.",
    )
    scored_by: str | None = Field(default=None, description="Onderzoeker die de score gaf.")
    reviewed_by: str | None = Field(
        default=None, description="Tweede onderzoeker die de score controleerde (vier ogen)."
    )
    reviewed_on: dt.date | None = Field(
        default=None, description="Datum van de review ('normtoets score --reviewed-by' zet die)."
    )
    review_covers: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{12}$",
        description=(
            "Vingerafdruk van wat de review dekte: score, bevinding, bewijs en deelcriteria. "
            "'normtoets score --reviewed-by' zet die; een latere wijziging maakt de review "
            "verouderd (edited-after-review)."
        ),
    )
    responses: list[Response] = Field(
        default_factory=list, description="Ambtelijk wederhoor op deze bevinding."
    )

    def fingerprint(self) -> str:
        """What a review covers: the score, finding, evidence and criteria, as 12 hex digits.
        Defaults are left out, so a field added to the format later changes no fingerprint."""
        covered = self.model_dump(
            mode="json", include=_REVIEWED, exclude_defaults=True, by_alias=True
        )
        text = json.dumps(covered, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]

    @property
    def review_stale(self) -> bool:
        """Reviewed, but changed since: the review records what it covered, and it differs."""
        return bool(self.reviewed_by) and self.review_covers not in (None, self.fingerprint())

    @property
    def basis_kind(self) -> BasisKind:
        return self.basis.kind if self.basis else BasisKind.onderzoek

    @property
    def reviewed(self) -> bool:
        """A reviewer is named and the review still covers the judgement as it is."""
        return bool(self.reviewed_by) and not self.review_stale


_REVIEWED = {"score", "basis", "finding", "evidence", "criteria"}


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
    reasoning: str | None = Field(
        default=None,
        description=(
            "De redenering die tot de aanbeveling leidt, in de woorden van het rapport; staat "
            "vóór de aanbeveling."
        ),
    )
    parts: list[RecommendationPart] = Field(default_factory=list, description="Onderdelen a, b, …")
    norms: list[str] = Field(default_factory=list, description="Normen waaruit zij volgt.")
    conclusions: list[str] = Field(
        default_factory=list, description="Ids van de conclusies waaruit zij volgt."
    )


class FollowUpStatus(StrEnum):
    """The Algemene Rekenkamer's stages of doorwerking."""

    geen_actie = "geen actie"
    overige_actie = "overige actie"
    wordt_uitgevoerd = "wordt uitgevoerd"
    uitgevoerd = "uitgevoerd"


class FollowUp(Strict):
    """What became of a recommendation of an earlier round (doorwerking)."""

    recommendation: str = Field(description="Id van de aanbeveling in de eerdere beoordeling.")
    adopted_by_raad: bool | None = Field(
        default=None, description="Heeft de raad de aanbeveling overgenomen?"
    )
    college_commitment: bool | None = Field(
        default=None, description="Heeft het college toegezegd haar uit te voeren?"
    )
    status: FollowUpStatus = Field(
        description="geen actie, overige actie, wordt uitgevoerd of uitgevoerd."
    )
    finding: str = Field(default="", description="Toelichting op de stand van zaken.")
    evidence: list[Evidence] = Field(default_factory=list, description="Bewijs.")


class Assessment(Strict):
    framework: FrameworkRef = Field(description="Normenkader en versie waartegen is getoetst.")
    chapters: list[Narrative] = Field(
        default_factory=list,
        description="Hoofdstukken met eigen tekst (Markdown) rond de hoofdstukken met bevindingen.",
    )
    municipality: str | None = Field(
        default=None, min_length=1, description="De beoordeelde gemeente."
    )
    municipalities: list[str] = Field(
        default_factory=list,
        description=(
            "Gezamenlijke beoordeling: de gemeenten (twee of meer) waarvoor deze ene beoordeling "
            "geldt, in plaats van `municipality` (bijv. bij een gemeenschappelijke "
            "rekenkamercommissie met één rapport voor twee gemeenten)."
        ),
    )
    study: str | None = Field(default=None, description="Id van het onderzoek (study.yaml).")
    researchers: list[str] = Field(default_factory=list, description="Onderzoekers.")
    rater: str | None = Field(
        default=None,
        description=(
            "Beoordelaar bij dubbele beoordeling: twee beoordelingen van één gemeente in één "
            "onderzoek met elk een andere `rater` zijn twee onafhankelijke beoordelingen."
        ),
    )
    date: dt.date | None = Field(
        default=None,
        description=(
            "Datum van de beoordeling; twee beoordelingen van één gemeente in één onderzoek met "
            "elk een andere datum zijn twee rondes."
        ),
    )
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
    review_note: str | None = Field(
        default=None,
        description=(
            "Waar de vier-ogen-review is vastgelegd als die niet per oordeel in dit bestand "
            "staat (bijv. bij een overgenomen, gepubliceerd rapport)."
        ),
    )
    college_response: Statement | None = Field(
        default=None, description="Bestuurlijke reactie van het college."
    )
    afterword: Statement | None = Field(
        default=None, description="Nawoord van de rekenkamer op de bestuurlijke reactie."
    )
    follow_up: list[FollowUp] = Field(
        default_factory=list,
        description="Doorwerking: wat is er geworden van de aanbevelingen van een eerdere ronde.",
    )
    indicators: list[Indicator] = Field(
        default_factory=list,
        description="Eigen kengetallen van deze eenheid, naast die van het normenkader.",
    )
    indicator_values: dict[str, IndicatorRecord] = Field(
        default_factory=dict,
        description=(
            "Per kengetal-id: de streefwaarde, de nulmeting en de gemeten waarden van deze eenheid."
        ),
    )

    @model_validator(mode="after")
    def _names_its_units(self) -> "Assessment":
        if (self.municipality is None) == (not self.municipalities):
            raise ValueError(
                _(
                    "an assessment names its municipality, or for a joint assessment its "
                    "municipalities: one of the two"
                )
            )
        return self

    @field_validator("municipalities")
    @classmethod
    def _joint_names_differ(cls, names: list[str]) -> list[str]:
        keys = [name_key(name) for name in names]
        if names and (len(keys) < 2 or len(set(keys)) != len(keys) or "" in keys):
            raise ValueError(_("a joint assessment names two or more different municipalities"))
        return names

    @property
    def unit_names(self) -> list[str]:
        """The units this assessment judges: one, or several for a joint assessment."""
        return [self.municipality] if self.municipality is not None else list(self.municipalities)

    def named_at(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Each unit's name with its place in the file, for a rule to point at."""
        if self.municipality is not None:
            return [(("municipality",), self.municipality)]
        return [(("municipalities", i), name) for i, name in enumerate(self.municipalities)]

    @property
    def joint(self) -> bool:
        """One assessment of several units: its judgements are one finding, not several."""
        return len(self.municipalities) > 1

    @property
    def units_key(self) -> str:
        """What every spelling of this assessment's units shares (`names.name_key`), in any
        order: two files with one key assess the same units."""
        return "\n".join(sorted(name_key(name) for name in self.unit_names))

    @property
    def name(self) -> str:
        """The units as one name: 'Duiven', or 'Dantumadiel and Noardeast-Fryslân'."""
        return joined(self.unit_names)

    def edited_after_review(self) -> list[str]:
        """The norms whose review no longer covers them: changed since."""
        return [norm_id for norm_id, j in self.judgements.items() if j.review_stale]

    def unreviewed(self, scale: Scale) -> list[str]:
        """The norms scored on the scale (not `nb`, not `nvt`) that name no reviewer, or whose
        review no longer covers them (changed since): the one meaning of "not yet reviewed",
        for the rule, `status` and the report."""
        return [
            norm_id
            for norm_id, judgement in self.judgements.items()
            if scale.is_scored(judgement.score) and not judgement.reviewed
        ]
