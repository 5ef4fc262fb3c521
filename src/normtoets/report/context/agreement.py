"""The double scoring of a study in the words of a report's method section: who scored
independently, how much twice, how much alike, and Krippendorff's alpha with its reading. One
municipality's report says it of its own scorings, the comparison of all of them together."""

from dataclasses import dataclass

from normtoets.analysis.agreement import Agreement, pooled
from normtoets.analysis.reliability import MIN_JUDGEMENTS
from normtoets.report.context.common import dutch_list


@dataclass(frozen=True)
class DoubleScoring:
    raters: str  # "An de Vries en Bo Jansen"
    municipalities: int  # how many municipalities were scored twice
    norms: int  # norms with a score from at least two raters
    criteria: int
    compared: int
    equal: int
    alpha: str | None  # "0,93"
    interval: str | None  # "0,73–1,00"
    reading: str  # what Krippendorff's bounds say about it


READINGS = {
    "reliable": (
        "voldoende om op te vertrouwen (de ondergrens van het interval is ten minste 0,800)"
    ),
    "tentative": (
        "alleen voldoende voor voorlopige conclusies (de ondergrens van het interval is ten "
        "minste 0,667, maar lager dan 0,800)"
    ),
    "unreliable": (
        "onvoldoende om op te vertrouwen (de ondergrens van het interval is lager dan 0,667)"
    ),
    "too-few": (
        f"te weinig oordelen om te beoordelen (minder dan {MIN_JUDGEMENTS} oordelen die ten "
        "minste twee beoordelaars op de schaal scoorden)"
    ),
    "undefined": "",
}


def _decimal(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def double_scoring_view(agreements: list[Agreement]) -> DoubleScoring | None:
    """None without any double scoring; else the figures over every judgement of them all."""
    if not agreements:
        return None
    figures = agreements[0].overall if len(agreements) == 1 else pooled(agreements)
    compared = [row for a in agreements for row in a.rows if row.compared]
    raters = list(dict.fromkeys(r for a in agreements for r in a.raters))
    return DoubleScoring(
        dutch_list(raters),
        len(agreements),
        sum(not row.is_criterion for row in compared),
        sum(row.is_criterion for row in compared),
        figures.compared,
        figures.agreed,
        _decimal(figures.alpha) if figures.alpha is not None else None,
        "–".join(map(_decimal, figures.interval)) if figures.interval else None,
        READINGS[figures.reading],
    )
