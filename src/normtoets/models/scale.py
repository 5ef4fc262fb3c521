"""The score scale is data in the framework: nothing in the code knows `++`."""

from pydantic import Field, model_validator

from normtoets.core.i18n import _
from normtoets.models.base import Strict


class ScoreLevel(Strict):
    code: str = Field(
        min_length=1, description="De score zoals de onderzoeker hem schrijft, bijv. '++'."
    )
    label: str = Field(description="Nederlandse omschrijving, bijv. 'voldoet volledig'.")
    meets: bool = Field(description="Of de norm met deze score als 'voldaan' telt.")
    value: float | None = Field(
        default=None, description="Numerieke waarde; alleen nodig voor een gemiddelde (--mean)."
    )
    color: str = Field(default="#dddddd", description="Achtergrondkleur in tabellen (CSS-kleur).")


class SpecialLevel(Strict):
    code: str = Field(min_length=1, description="Code, bijv. 'nb'.")
    label: str = Field(description="Omschrijving, bijv. 'niet beoordeeld'.")


class NoFinding(SpecialLevel):
    """A scale of defects: the study reports only problems, so a norm it does not mention
    has no finding. That is neither 'niet beoordeeld' nor 'voldaan', unless `meets` says so."""

    meets: bool | None = Field(
        default=None,
        description=(
            "Of 'geen bevinding' als voldaan telt (true), als niet voldaan (false), of geen "
            "van beide (weglaten: de standaard)."
        ),
    )


class Scale(Strict):
    levels: list[ScoreLevel] = Field(
        min_length=1, description="De scoreniveaus, van beste naar slechtste."
    )
    not_assessed: SpecialLevel = Field(
        default=SpecialLevel(code="nb", label="niet beoordeeld"),
        description="Code voor 'niet beoordeeld'.",
    )
    not_applicable: SpecialLevel = Field(
        default=SpecialLevel(code="nvt", label="niet van toepassing"),
        description="Code voor 'niet van toepassing'.",
    )
    no_finding: NoFinding | None = Field(
        default=None,
        description=(
            "Voor een schaal van tekortkomingen (een onderzoek dat alleen problemen meldt): de "
            "code voor 'geen bevinding', bijv. {code: gb, label: geen bevinding}. Een norm "
            "zonder oordeel heeft dan geen bevinding, niet 'niet beoordeeld'."
        ),
    )

    @model_validator(mode="after")
    def _codes_unique(self) -> "Scale":
        codes = self.codes
        if len(set(codes)) != len(codes):
            raise ValueError(_("every score code in the scale must be unique"))
        return self

    @property
    def codes(self) -> list[str]:
        """Every code a researcher may write, levels first."""
        extra = [self.no_finding.code] if self.no_finding else []
        return [level.code for level in self.levels] + [
            self.not_assessed.code,
            self.not_applicable.code,
            *extra,
        ]

    @property
    def has_meeting(self) -> bool:
        """Whether a score on this scale can meet the norm at all: a scale of defects may
        have no such notion, and then no count of 'voldaan' and no example means anything."""
        return any(level.meets for level in self.levels) or bool(
            self.no_finding and self.no_finding.meets
        )

    def unjudged(self) -> str | None:
        """What a norm without a judgement has: no finding on a scale of defects (the study
        names only problems), else nothing (None: not assessed)."""
        return self.no_finding.code if self.no_finding else None

    def _ranks(self) -> dict[str, int]:
        """Code → rank, built once per levels list: level() is asked once per score, and a
        scan each time cost scores × levels (the first of a repeated code wins, as a scan did).
        A copy with other levels builds its own (model_copy copies the cache too)."""
        cached: tuple[list[ScoreLevel], dict[str, int]] | None = self.__dict__.get("_by_code")
        if cached is None or cached[0] is not self.levels:
            ranks: dict[str, int] = {}
            for i, level in enumerate(self.levels):
                ranks.setdefault(level.code, i)
            cached = (self.levels, ranks)
            self.__dict__["_by_code"] = cached  # frozen: only the model's fields are guarded
        return cached[1]

    def level(self, code: str) -> ScoreLevel | None:
        rank = self._ranks().get(code)
        return None if rank is None else self.levels[rank]

    def rank(self, code: str) -> int | None:
        """0 for the best level; None for unscored codes."""
        return self._ranks().get(code)

    # The meanings of a score, defined here once: every rule, table and report asks the scale.

    def is_scored(self, code: str | None) -> bool:
        """A level of the scale: not `nb`, not `nvt`, not missing."""
        return code is not None and self.level(code) is not None

    def is_not_assessed(self, code: str | None) -> bool:
        """`nb`, or no judgement at all."""
        return code is None or code == self.not_assessed.code

    def is_not_applicable(self, code: str | None) -> bool:
        return code == self.not_applicable.code

    def is_no_finding(self, code: str | None) -> bool:
        return self.no_finding is not None and code == self.no_finding.code

    def meets(self, code: str | None) -> bool | None:
        """Whether the norm counts as met; None for a code that is not a level (and for 'geen
        bevinding', unless the scale says how it counts)."""
        if self.no_finding is not None and code == self.no_finding.code:
            return self.no_finding.meets
        level = self.level(code) if code is not None else None
        return None if level is None else level.meets

    def label(self, code: str | None) -> str:
        if code is None or self.is_not_assessed(code):  # `is None` for the type checker
            return self.not_assessed.label
        if code == self.not_applicable.code:
            return self.not_applicable.label
        if self.no_finding is not None and code == self.no_finding.code:
            return self.no_finding.label
        level = self.level(code)
        return level.label if level else code
