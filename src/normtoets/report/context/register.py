"""The context of "Stand van zaken aanbevelingen", the register of recommendations as the
chapter for a rekenkamer's jaarverslag: the counts per year and status as a chart with its
table, then every recommendation per study."""

from dataclasses import dataclass

from normtoets.analysis.register import STATUSES, UNKNOWN, Entry, Register
from normtoets.report.charts import Series, StackedBars
from normtoets.report.context.common import dutch_list

# The statuses in the order of the chart, each with a colour a reader without colour vision
# can tell apart by lightness too; the numbers are in every bar and in the table anyway.
COLOURS = {
    "uitgevoerd": "#1b7837",
    "wordt uitgevoerd": "#a6dba0",
    "overige actie": "#fee08b",
    "geen actie": "#b2182b",
    UNKNOWN: "#d9d9d9",
}
ORDER = ["uitgevoerd", "wordt uitgevoerd", "overige actie", "geen actie", UNKNOWN]
assert set(ORDER) == set(STATUSES)


@dataclass(frozen=True)
class RegisterMeta:
    """What <head>, the title page and the running header show."""

    title: str
    rekenkamer: str | None
    subtitle: str | None
    authors: list[str]
    running_title: str
    iso_date: None = None
    concept_mark: str = ""

    @property
    def concept(self) -> bool:
        return False


@dataclass(frozen=True)
class YearRow:
    year: str
    counts: list[int]  # in ORDER
    total: int


@dataclass(frozen=True)
class RecommendationRow:
    municipality: str
    number: str
    to: str
    text: str
    status: str
    adopted: str  # "ja", "nee" or ""
    commitment: str
    since: str  # the year of the follow-up that gave the status


@dataclass(frozen=True)
class StudyGroup:
    anchor: str
    title: str
    year: str
    rows: list[RecommendationRow]


@dataclass(frozen=True)
class RegisterReport:
    meta: RegisterMeta
    total: int
    studies: int
    first_year: str
    last_year: str
    statuses: list[str]
    years: list[YearRow]
    chart: StackedBars
    groups: list[StudyGroup]


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("ja" if value else "nee")


def _row(entry: Entry) -> RecommendationRow:
    follow_up, later = entry.follow_up, entry.follow_up_round
    return RecommendationRow(
        dutch_list(entry.round.assessment.unit_names),
        entry.recommendation.id,
        entry.recommendation.to.value,
        " ".join(entry.recommendation.text.split()),
        entry.status,
        _yes_no(follow_up.adopted_by_raad if follow_up else None),
        _yes_no(follow_up.college_commitment if follow_up else None),
        str(later.year) if later and later.year else "",
    )


def _groups(register: Register) -> list[StudyGroup]:
    found: dict[tuple[int, str], list[Entry]] = {}
    for entry in register.entries:
        found.setdefault((entry.round.year or 0, entry.study_title), []).append(entry)
    return [
        StudyGroup(f"onderzoek-{i}", title, str(year or ""), [_row(e) for e in entries])
        for i, ((year, title), entries) in enumerate(found.items(), 1)
    ]


def _description(years: list[YearRow]) -> str:
    parts = []
    for row in years:
        counts = [f"{n} {status}" for status, n in zip(ORDER, row.counts, strict=True) if n]
        parts.append(f"{row.year}: {dutch_list(counts)} (samen {row.total})")
    return "; ".join(parts) + "."


def register(register: Register) -> RegisterReport:
    counts = register.counts()
    years = [
        YearRow(str(year or "onbekend jaar"), [c[s] for s in ORDER], sum(c.values()))
        for year, c in counts.items()
    ]
    rekenkamers = sorted({e.round.study.rekenkamer for e in register.entries if e.round.study})
    known = [y for y in counts if y is not None]
    first, last = (str(min(known)), str(max(known))) if known else ("", "")
    chart = StackedBars(
        "stand-per-jaar",
        "Stand van zaken van de aanbevelingen per jaar van het rapport, als gestapelde staven; "
        "de aantallen staan in de tabel eronder.",
        _description(years),
        [Series(status, COLOURS[status]) for status in ORDER],
        [(row.year, row.counts) for row in years],
    )
    title = "Stand van zaken aanbevelingen"
    return RegisterReport(
        meta=RegisterMeta(
            title=f"{title} {first}–{last}" if first != last else f"{title} {first}".strip(),
            rekenkamer=dutch_list(rekenkamers) if rekenkamers else None,
            subtitle=f"Aanbevelingen uit de rapporten van {first} tot en met {last}"
            if first != last
            else None,
            authors=rekenkamers,
            running_title=title,
        ),
        total=len(register.entries),
        studies=len({(e.round.year, e.study_title) for e in register.entries}),
        first_year=first,
        last_year=last,
        statuses=ORDER,
        years=years,
        chart=chart,
        groups=_groups(register),
    )
