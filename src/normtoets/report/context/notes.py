"""Sources and their numbered notes: the one citation style of the reports.

Whatever stands in quotation marks is a `quote`, the source's own words; a `note` is the
researchers' reading of the source and stands without them. Each carries a numbered note that
names the source and where in it: "Woonvisie 2025, p. 12", with "aangehaald in § 4.3" when the
quote is known through another document, or "Zie § 6.1" when the source is this report itself.
Team notes never reach a report.
"""

from dataclasses import dataclass, replace

from normtoets.models import Evidence, Source
from normtoets.report.context.common import KIND_GROUPS, dutch_date, slug


@dataclass(frozen=True)
class SourceView:
    id: str
    anchor: str
    kind: str
    title: str
    author: str | None
    date: str | None
    url: str | None  # shown as text, never a link: nothing is fetched
    note: str | None  # for the reader; a team note is never here
    listed: bool  # in the bronnenlijst; not when the source is this report itself


@dataclass(frozen=True)
class SourceGroup:
    kind: str
    title: str
    sources: list[SourceView]


def _one_line(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


def source_view(source: Source) -> SourceView:
    return SourceView(
        source.id,
        f"bron-{slug(source.id)}",
        source.kind.value,
        " ".join(source.title.split()),
        source.author,
        dutch_date(source.date),
        source.url,
        _one_line(source.note),
        not source.this_report,
    )


def source_groups(sources: list[SourceView]) -> list[SourceGroup]:
    """The bronnenlijst: the listed sources by kind."""
    groups = []
    for kind, title in KIND_GROUPS.items():
        members = [s for s in sources if s.kind == kind and s.listed]
        if members:
            groups.append(SourceGroup(kind, title, members))
    return groups


def _section(value: str) -> str:
    return value if value.startswith(("§", "hoofdstuk", "bijlage")) else f"§ {value}"


def where(page: str | None, section: str | None) -> str:
    """'p. 9, § 4.1': where in a source."""
    parts = [f"p. {page}"] if page else []
    if section:
        parts.append(_section(section))
    return ", ".join(parts)


@dataclass(frozen=True)
class Note:
    """One numbered source note: [n] after a text, and its line in a notes list."""

    number: int
    anchor: str
    source: SourceView | None  # None: the id is not in `sources` (validate reports that)
    source_id: str
    where: str  # "p. 9, § 4.1"; "" when the evidence says nothing more precise
    quoted_in: str | None  # where another document quotes it: "§ 4.4" or "Titel, § 4.4"
    own: bool  # the source is this report: the note is a cross-reference to its paragraph


@dataclass(frozen=True)
class EvidenceView:
    quote: str | None  # the source's own words: printed in quotation marks
    note: str | None  # the researchers' reading: printed without them
    ref: Note


class Notes:
    """Numbers source notes in reading order, one per piece of evidence or citation."""

    def __init__(self, sources: list[SourceView], raw: list[Source]) -> None:
        self.sources = {s.id: s for s in sources}
        self._via = {s.id: s.via for s in raw}
        self.notes: list[Note] = []

    def cite(
        self, source_id: str, page: str | None, section: str | None, cited_at: str | None = None
    ) -> Note:
        number = len(self.notes) + 1
        source = self.sources.get(source_id)
        carrier = self.sources.get(self._via.get(source_id) or "")
        quoted_in = None
        if cited_at and carrier is not None:
            quoted_in = _section(cited_at) if not carrier.listed else f"{carrier.title}, {cited_at}"
        note = Note(
            number,
            f"noot-{number}",
            source,
            source_id,
            where(page, section),
            quoted_in,
            source is not None and not source.listed,
        )
        self.notes.append(note)
        return note

    def cite_at(self, source_id: str, where_text: str | None) -> Note:
        """A citation in running text: `[@source, p. 9]` gives "p. 9" as it is written."""
        note = self.cite(source_id, None, None)
        if where_text:
            note = replace(note, where=" ".join(where_text.split()))
            self.notes[-1] = note
        return note

    def add(self, evidence: Evidence) -> EvidenceView:
        note = self.cite(evidence.source, evidence.page, evidence.section, evidence.cited_at)
        return EvidenceView(_one_line(evidence.quote), _one_line(evidence.note), note)
