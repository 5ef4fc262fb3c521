"""The report's source notes as Word footnotes.

The PDF prints a section's notes right after it, small, under a short rule: a note stands near
its citation, not pages later (templates/chapters/municipality/narrative.html.j2). Word's
nearest is the footnote, at the foot of the page that cites it; an endnote would gather them all
at the end of the document. python-docx has no API for notes: the part /word/footnotes.xml is
made here, with the separator and continuation separator Word requires (ids -1 and 0).
"""

from typing import Any

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.table import CT_Tbl
from docx.parts.story import StoryPart
from docx.shared import Mm
from docx.table import Table
from docx.text.paragraph import Paragraph

NOTE_TEXT = "footnote text"  # Word's built-in styles, by their names
NOTE_REFERENCE = "footnote reference"
NOTE_TEXT_ID, NOTE_REFERENCE_ID = "FootnoteText", "FootnoteReference"
_SEPARATORS = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240"'
    ' w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


class NoteBox:
    """One footnote as the writer's box: its paragraphs go into the w:footnote; their links
    and styles resolve through the footnotes part."""

    def __init__(self, element: Any, part: StoryPart) -> None:
        self.element = element
        self.part = part

    def add_paragraph(self, style: str | None = None) -> Paragraph:
        """A paragraph of the note; the first opens with the note's own number."""
        first = not len(self.element)
        paragraph = Paragraph(OxmlElement("w:p"), self)
        self.element.append(paragraph._p)
        paragraph.style = style or NOTE_TEXT
        if first:
            mark = paragraph.add_run()
            mark.style = NOTE_REFERENCE
            mark._r.append(OxmlElement("w:footnoteRef"))
            paragraph.add_run(" ")
        return paragraph

    def add_table(self, rows: int, cols: int) -> Table:
        table = CT_Tbl.new_tbl(rows, cols, Mm(150))
        self.element.append(table)
        return Table(table, self)


class Footnotes:
    """The document's footnotes part, made on the first note."""

    def __init__(self, document_part: Any) -> None:
        self.document_part = document_part
        self.part: StoryPart | None = None
        self.count = 0

    def _part(self) -> StoryPart:
        if self.part is None:
            self.part = StoryPart(
                PackURI("/word/footnotes.xml"),
                CONTENT_TYPE.WML_FOOTNOTES,
                parse_xml(_SEPARATORS),
                self.document_part.package,
            )
            self.document_part.relate_to(self.part, RELATIONSHIP_TYPE.FOOTNOTES)
        return self.part

    def add(self) -> tuple[int, NoteBox]:
        """A new, empty footnote: its id, and the box its text goes into."""
        part = self._part()
        self.count += 1
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(self.count))
        part.element.append(note)
        return self.count, NoteBox(note, part)


def add_reference(paragraph: Paragraph, number: int) -> Any:
    """The reference to footnote `number` in the text: its w:r."""
    run = paragraph.add_run()
    run.style = NOTE_REFERENCE
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(number))
    run._r.append(reference)
    return run._r
