"""Sources and their numbered notes: the one citation style of the reports.

Whatever stands in quotation marks is a `quote`, the source's own words; a `note` is the
researchers' reading of the source and stands without them. Each carries a numbered note that
names the source and where in it: "Woonvisie 2025, p. 12", with "aangehaald in Titel, § 4.3"
when the quote is known through another listed document. One note for one source passage: the
same source and place cited again gets the same number, and its line stands once, after the
text that first cites it. Evidence from this report itself (a report taken over as data) gets
no note: it is the report's own text, and the paragraph numbers of the original ("§ 6.1") are
not this report's. Team notes never reach a report.
"""

from dataclasses import dataclass

from normtoets.core.anchors import slug
from normtoets.models import Evidence, Source
from normtoets.report.context.common import KIND_GROUPS, dutch_date


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
    quoted_in: str | None  # where another listed document quotes it: "Titel, § 4.4"
    text: str | None = None  # a footnote of the researchers' own text: the note is this text

    @property
    def spoken(self) -> str:
        """What a link to the note says to a screen reader: 'Naar noot 3: Beleidsnota, p. 9'
        (the visible '[3]' alone says nothing of where it goes)."""
        what = self.text or (self.source.title if self.source else self.source_id)
        what = " ".join(what.split())
        what = what if len(what) <= 80 else what[:79].rstrip() + "…"
        where = f", {self.where}" if self.where and not self.text else ""
        return f"Naar noot {self.number}: {what}{where}"


@dataclass(frozen=True)
class EvidenceView:
    quote: str | None  # the source's own words: printed in quotation marks
    note: str | None  # the researchers' reading: printed without them
    ref: Note | None  # None: this report's own text, which needs no note
    first: bool = True  # the first citation of its note: its line is listed after this text


def listed(views: list[EvidenceView]) -> list[Note]:
    """The lines of a notes list after these pieces of evidence: each note first cited here,
    once, in number order."""
    found = {v.ref.number: v.ref for v in views if v.ref is not None and v.first}
    return [found[number] for number in sorted(found)]


class Notes:
    """Numbers source notes in reading order: one per source passage, cited again by its
    number."""

    def __init__(self, sources: list[SourceView], raw: list[Source]) -> None:
        self.sources = {s.id: s for s in sources}
        self._via = {s.id: s.via for s in raw}
        self.notes: list[Note] = []
        self._by_passage: dict[tuple[str, str, str | None], Note] = {}
        self.last_was_new = False  # whether the last cite made a new note

    def cite(
        self, source_id: str, page: str | None, section: str | None, cited_at: str | None = None
    ) -> Note | None:
        return self._note(source_id, where(page, section), cited_at)

    def _note(self, source_id: str, where_text: str, cited_at: str | None) -> Note | None:
        source = self.sources.get(source_id)
        if source is not None and not source.listed:
            self.last_was_new = False
            return None  # this report's own text
        carrier = self.sources.get(self._via.get(source_id) or "")
        # Quoted in this report itself: it stands right here, and the original's paragraph
        # numbers are not this report's. Quoted in another listed document: say where.
        listed_carrier = cited_at and carrier is not None and carrier.listed
        quoted_in = f"{carrier.title}, {cited_at}" if listed_carrier and carrier else None
        key = (source_id, where_text, quoted_in)
        found = self._by_passage.get(key)
        self.last_was_new = found is None
        if found is not None:
            return found
        number = len(self.notes) + 1
        note = Note(number, f"noot-{number}", source, source_id, where_text, quoted_in)
        self.notes.append(note)
        self._by_passage[key] = note
        return note

    def footnote(self, text: str) -> Note:
        """A footnote of the own text (`[^1]`): numbered with the source notes."""
        number = len(self.notes) + 1
        note = Note(number, f"noot-{number}", None, "", "", None, text)
        self.notes.append(note)
        self.last_was_new = True
        return note

    def cite_at(self, source_id: str, where_text: str | None) -> Note | None:
        """A citation in running text: `[@source, p. 9]` gives "p. 9" as it is written."""
        return self._note(source_id, " ".join(where_text.split()) if where_text else "", None)

    def add(self, evidence: Evidence) -> EvidenceView:
        note = self.cite(evidence.source, evidence.page, evidence.section, evidence.cited_at)
        return EvidenceView(
            _one_line(evidence.quote), _one_line(evidence.note), note, self.last_was_new
        )
