"""What a score rests on, in the report's words: a mark beside the code of a score that does not
rest on the study's own research, and the sentences that say so. One place for the marks, so
every table and legend agrees."""

from dataclasses import dataclass, replace

from normtoets.models import Assessment, Basis, BasisKind
from normtoets.report.context.common import Badge

MARKS = {BasisKind.afgeleid: "a", BasisKind.overgenomen: "o"}
WORDS = {BasisKind.afgeleid: "afgeleid", BasisKind.overgenomen: "overgenomen"}
MEANINGS = {
    BasisKind.afgeleid: "door de onderzoekers afgeleid uit een tekst die zelf geen score geeft",
    BasisKind.overgenomen: "overgenomen uit een ander rapport",
}


def marked(b: Badge, basis: Basis | None) -> Badge:
    """The badge with the mark of its basis; as it was for the study's own research."""
    if basis is None or basis.kind is BasisKind.onderzoek:
        return b
    return replace(b, mark=MARKS[basis.kind], basis=WORDS[basis.kind])


def source_title(assessment: Assessment, basis: Basis) -> str:
    """The title of the source a score comes from, quoted as a title: ‘De leermomenten’."""
    found = next((s for s in assessment.sources if s.id == basis.source), None)
    return f"‘{' '.join(found.title.split())}’" if found else str(basis.source)


@dataclass(frozen=True)
class BasisNote:
    """One score that does not rest on the study's own research, for a legend."""

    mark: str
    municipality: str
    norm_id: str
    anchor: str  # the norm in the report
    word: str  # "afgeleid"
    source: str  # ‘De leermomenten’


def sentence(kind: BasisKind, count: int, sources: list[str]) -> str:
    """'die score is afgeleid uit ‘De leermomenten’, dat zelf geen scores geeft'."""
    what = "die score is" if count == 1 else f"die {count} scores zijn"
    where = " en ".join(dict.fromkeys(sources))
    if kind is BasisKind.afgeleid:
        gives = (
            "dat zelf geen scores geeft" if len(set(sources)) == 1 else "die zelf geen scores geven"
        )
        return f"{what} door de onderzoekers afgeleid uit {where}, {gives}"
    return f"{what} overgenomen uit {where}"
