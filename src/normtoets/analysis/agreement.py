"""Double scoring: two or more independent scorings of one municipality set side by side, with
how far they agree, per theme and overall (analysis/reliability computes the figures).

Every norm and criterion of the framework is a judgement. A rater's `nb` (or no judgement at
all) is a missing value: left out of every figure, and counted. `nvt` is a category of its own:
two raters who both find a norm not applicable agree, one `nvt` against a score is a
difference. Alpha and weighted kappa assume an order, which `nvt` is not part of: they are
computed over the judgements that at least two raters scored on the scale.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from normtoets.analysis import reliability
from normtoets.models import Assessment, CriterionJudgement, Framework, Judgement, Scale, Theme


@dataclass(frozen=True)
class Scoring:
    """One rater's scoring: who (the `rater`, else the file name) and the file."""

    rater: str
    name: str
    assessment: Assessment


@dataclass(frozen=True)
class Row:
    """One norm or criterion: each rater's score (None: not assessed) and finding."""

    id: str
    label: str
    theme: Theme
    norm_id: str
    is_criterion: bool
    scores: tuple[str | None, ...]
    findings: tuple[str, ...]

    @property
    def given(self) -> list[str]:
        return [s for s in self.scores if s is not None]

    @property
    def compared(self) -> bool:
        """At least two raters gave a value (a level or nvt)."""
        return len(self.given) >= 2

    @property
    def agreed(self) -> bool:
        """Every rater gave the same value (nb counts as a value here: all nb agree)."""
        return len(set(self.scores)) == 1

    @property
    def differs(self) -> bool:
        """At least two different values among those given: a point for the consensus meeting."""
        return len(set(self.given)) > 1


@dataclass(frozen=True)
class Figures:
    judgements: int  # norms and criteria in the group
    compared: int  # with a value (level or nvt) from at least two raters
    agreed: int  # of those, every value the same
    not_assessed: int  # with `nb` (or nothing) from at least one rater
    not_applicable: int  # with `nvt` from at least one rater
    ordinal: int  # scored on the scale by at least two raters: what alpha is computed over
    alpha: float | None
    interval: tuple[float, float] | None
    kappa: float | None  # two raters only

    @property
    def share(self) -> float | None:
        return self.agreed / self.compared if self.compared else None

    @property
    def reading(self) -> str:
        return reliability.reading(self.alpha, self.interval, self.ordinal)


@dataclass(frozen=True)
class Agreement:
    framework: Framework
    municipality: str
    scorings: list[Scoring]
    rows: list[Row]
    themes: list[tuple[Theme, Figures]]
    overall: Figures

    @property
    def raters(self) -> list[str]:
        return [s.rater for s in self.scorings]

    @property
    def disagreements(self) -> list[Row]:
        return [row for row in self.rows if row.differs]


def _rows(framework: Framework, scorings: list[Scoring]) -> list[Row]:
    scale = framework.scale
    rows = []
    for theme in framework.themes:
        for norm in theme.norms:
            judgements = [s.assessment.judgements.get(norm.id) for s in scorings]
            rows.append(
                Row(
                    norm.id,
                    norm.short or norm.text,
                    theme,
                    norm.id,
                    False,
                    _scores(scale, judgements),
                    _findings(judgements),
                )
            )
            for criterion in norm.criteria:
                parts = [j.criteria.get(criterion.id) if j else None for j in judgements]
                rows.append(
                    Row(
                        criterion.id,
                        criterion.text,
                        theme,
                        norm.id,
                        True,
                        _scores(scale, parts),
                        _findings(parts),
                    )
                )
    return rows


def _scores(
    scale: Scale, judged: Sequence[Judgement | CriterionJudgement | None]
) -> tuple[str | None, ...]:
    """Each rater's score, None where the rater gave `nb` or no judgement at all."""

    def value(score: str | None) -> str | None:
        return None if scale.is_not_assessed(score) else score

    return tuple(value(j.score if j else None) for j in judged)


def _findings(judged: Sequence[Judgement | CriterionJudgement | None]) -> tuple[str, ...]:
    """Each rater's finding, empty where the rater gave no judgement."""
    return tuple(j.finding if j else "" for j in judged)


def figures(framework: Framework, rows: list[Row], raters: int) -> Figures:
    scale = framework.scale
    ranks = [tuple(scale.rank(s) if s else None for s in row.scores) for row in rows]
    ordinal = reliability.pairable(ranks)
    alpha = reliability.alpha_ordinal(ranks)
    kappa = None
    if raters == 2:
        pairs = [(a, b) for a, b in ranks if a is not None and b is not None]
        kappa = reliability.weighted_kappa(pairs, len(scale.levels))
    agreed, compared = reliability.exact_agreement([row.scores for row in rows])
    return Figures(
        judgements=len(rows),
        compared=compared,
        agreed=agreed,
        not_assessed=sum(None in row.scores for row in rows),
        not_applicable=sum(scale.not_applicable.code in row.scores for row in rows),
        ordinal=len(ordinal),
        alpha=alpha,
        interval=reliability.bootstrap_interval(ranks, reliability.alpha_ordinal)
        if alpha is not None
        else None,
        kappa=kappa,
    )


def build(framework: Framework, scorings: list[Scoring]) -> Agreement:
    """The scorings must be of one municipality and this framework (the caller checks)."""
    rows = _rows(framework, scorings)
    themes = [
        (theme, figures(framework, [r for r in rows if r.theme is theme], len(scorings)))
        for theme in framework.themes
    ]
    return Agreement(
        framework,
        scorings[0].assessment.name,
        scorings,
        rows,
        themes,
        figures(framework, rows, len(scorings)),
    )


def pooled(agreements: list[Agreement]) -> Figures:
    """The figures over every judgement of several municipalities' double scorings together
    (one framework); weighted kappa only when every one has exactly two raters."""
    rows = [row for a in agreements for row in a.rows]
    raters = {len(a.scorings) for a in agreements}
    return figures(agreements[0].framework, rows, raters.pop() if len(raters) == 1 else 0)
