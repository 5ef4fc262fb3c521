"""The rendered report HTML, element by element, into a python-docx document.

The DOCX is the HTML report in Word's terms, not a second report: the same templates (a
house style's included) decide the text, so the PDF, the HTML and the DOCX cannot disagree.
Headings become Word's built-in heading styles (navigation, contents), tables keep their
header rows on every page, the score badges keep their scale colour with the code as text.
"""

import re
from dataclasses import dataclass, replace
from typing import Any

from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import html as lxml_html

from normtoets.report import tables
from normtoets.report.word import ooxml
from normtoets.report.word.css import HIDDEN, UNLISTED, VISUALLY_HIDDEN

BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "svg",
        "table",
        "ul",
    ]
)
HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
# The title page's lines in Word's own styles; any other class is an ordinary paragraph.
COVER_STYLES = {
    "cover-title": "Title",
    "cover-subtitle": "Subtitle",
    "cover-municipality": "Subtitle",
    "cover-volume": "Subtitle",
}
CONTENT_WIDTH = Mm(164)  # A4 less the margins of report.css's @page (24 + 22 mm)
LIST_INDENT = Mm(6)
NOTE_STYLE = "Bronvermelding"
CHARACTER_MM = 2.6  # an average character at 10 pt in a wide font (DejaVu), bold included
CELL_PADDING_MM = 5.5  # Table Grid's cell margins, left and right, and a little air
_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's white space: a no-break space is text
_COLOUR = re.compile(r"(?<![-\w])(background-color|color)\s*:\s*#([0-9a-fA-F]{6})")
_BOOKMARK_CHARACTERS = re.compile(r"[^A-Za-z0-9_]")
# Links a Word document may carry; any other (javascript:, file:) stays plain text.
_WEB_LINKS = ("https://", "http://", "mailto:")


def classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


def text_of(element: Any) -> str:
    return _SPACE.sub(" ", element.text_content()).strip()


@dataclass(frozen=True)
class Look:
    """How a piece of inline text looks."""

    bold: bool = False
    italic: bool = False
    superscript: bool = False
    colour: str | None = None
    fill: str | None = None
    link: str | None = None  # "#id" inside the report, or an external URL


@dataclass
class Piece:
    text: str
    look: Look


class Writer:
    """Writes one report's HTML body into a document (Writer(…).children(body, document))."""

    def __init__(self, root: Any, numbers: dict[str, str]) -> None:
        self.numbers = numbers  # heading id → its chapter or paragraph number
        self.targets = {
            href[1:] for href in root.xpath("//a/@href") if href.startswith("#") and len(href) > 1
        }
        self.bookmarks: dict[str, str] = {}
        self.pending_bookmarks: list[str] = []
        self.break_before = False
        self.styles: list[str] = []  # paragraph style of the enclosing block (a quotation)
        self.lists: list[dict[str, Any]] = []  # the enclosing list items

    # ---------------------------------------------------------------- block level

    def children(self, element: Any, box: Any, look: Look = Look()) -> None:
        """The element's content into box (the document or a table cell)."""
        pieces = self.text(element.text, look)
        for child in element:
            if isinstance(child.tag, str) and not self.hidden(child):
                if child.tag in BLOCKS:
                    self.flush(pieces, box)
                    pieces = []
                    self.block(child, box, look)
                else:
                    pieces += self.inline(child, look)
            pieces += self.text(child.tail, look)
        self.flush(pieces, box)

    def block(self, element: Any, box: Any, look: Look) -> None:
        identifier = element.get("id")
        if identifier in self.targets:
            self.pending_bookmarks.append(identifier)
        tag, kind = element.tag, classes(element)
        if "chapter-section" in kind:
            self.break_before = True
        if tag == "nav" and "toc" in kind:
            self.contents(element, box)
        elif tag in HEADING_LEVEL:
            self.heading(element, box)
        elif tag == "p":
            self.flush(self.inline_content(element, look), box, _cover_style(kind))
        elif tag in ("ul", "ol"):
            self.items(element, box, look)
        elif tag == "table":
            self.table(element, box)
        elif tag == "blockquote":
            self.styles.append("Quote")
            self.children(element, box, look)
            self.styles.pop()
        elif tag == "dt":
            self.flush(self.inline_content(element, replace(look, bold=True)), box)
        elif tag == "dd":
            self.lists.append({"indent": LIST_INDENT, "label": None})
            self.children(element, box, look)
            self.lists.pop()
        elif tag == "svg":
            self._chart(element, box, look)
        elif tag != "hr":
            self.children(element, box, look)

    def _chart(self, svg: Any, box: Any, look: Look) -> None:
        """A chart as its text alternative, its title; the table after it has the numbers."""
        title = next((c.text for c in svg if c.tag == "title" and c.text), "")
        self.flush(self.text(f"Grafiek: {title}", replace(look, italic=True)), box)

    def heading(self, element: Any, box: Any) -> None:
        kind = classes(element)
        if "cover-title" in kind:
            style = "Title"
        elif "toc-title" in kind:
            style = "TOC Heading"
        else:
            style = f"Heading {HEADING_LEVEL[element.tag]}"
        pieces = self.text(element.get("data-number", ""), Look())
        self.flush(pieces + self.inline_content(element, Look()), box, style)

    def contents(self, nav: Any, box: Any) -> None:
        """The table of contents as Word's contents field, showing the report's own list
        (with chapter numbers) until Word or LibreOffice updates it with page numbers."""
        self.break_before = True
        for title in nav.xpath("./h1|./h2"):
            self.heading(title, box)
        entries = []
        for item in nav.xpath(".//li"):
            links = item.xpath(".//a[@href]")
            target = links[0].get("href", "")[1:] if links else ""
            level = 2 if "toc-level-2" in classes(item) else 1
            entries.append((level, self.numbers.get(target, "") + text_of(item)))
        paragraphs = []
        for level, text in entries or [(1, "")]:
            paragraph = self.paragraph(box, None)
            paragraph.paragraph_format.left_indent = LIST_INDENT * (level - 1)
            paragraphs.append((paragraph, level, text))
        ooxml.field_start(paragraphs[0][0], 'TOC \\o "1-3" \\h \\z \\u')
        for paragraph, level, text in paragraphs:
            paragraph.add_run(text).bold = level == 1
        ooxml.field_end(paragraphs[-1][0])
        self.break_before = True

    def items(self, element: Any, box: Any, look: Look) -> None:
        numbered = element.tag == "ol" and element.get(UNLISTED) is None
        bulleted = element.tag == "ul" and element.get(UNLISTED) is None
        number = int(element.get("start", "1")) if element.get("start", "1").isdigit() else 1
        notes = "notes" in classes(element)
        if notes:  # the numbered source notes, small as in the PDF
            self.styles.append(NOTE_STYLE)
        for item in element:
            if not isinstance(item.tag, str) or item.tag != "li" or self.hidden(item):
                continue
            if item.get("id") in self.targets:
                self.pending_bookmarks.append(item.get("id"))
            label = f"{number}." if numbered else ("•" if bulleted else None)
            self.lists.append({"indent": LIST_INDENT, "label": label, "hanging": True})
            self.children(item, box, look)
            self.lists.pop()
            number += 1
        if notes:
            self.styles.pop()

    def table(self, element: Any, box: Any) -> None:
        model = tables.grid(element)
        if not model.rows:
            return
        captions = element.xpath("./caption")
        for caption in captions:
            if VISUALLY_HIDDEN not in classes(caption):
                self.flush(self.inline_content(caption, Look(bold=True)), box, "Caption")
        if self.break_before:  # a table that opens a chapter: the break goes before it
            self.paragraph(box, None)
        table = box.add_table(rows=len(model.rows), cols=max(model.columns, 1))
        table.style = "Table Grid"
        if captions:  # what Word offers a screen reader as the table's title
            ooxml.table_title(table._tbl.tblPr, text_of(captions[0]))
        for row, source in zip(table.rows, model.rows, strict=True):
            properties = row._tr.get_or_add_trPr()
            ooxml.keep_row_together(properties)
            if source.group == "thead":
                ooxml.repeat_as_header(properties)
        for placed in model.cells:
            cell = table.cell(placed.row, placed.column)
            if placed.rowspan > 1 or placed.colspan > 1:
                last = table.cell(
                    placed.row + placed.rowspan - 1, placed.column + placed.colspan - 1
                )
                cell = cell.merge(last)
            self.cell(cell, placed.element)
        widths = column_widths(model)
        table.autofit = False
        for index, width in enumerate(widths):
            table.columns[index].width = width
            for cell in table.columns[index].cells:
                cell.width = width

    def cell(self, cell: _Cell, source: Any) -> None:
        """A table cell; shaded in the scale's colour where the cell is a score: coloured
        itself (a score matrix) or holding nothing but a score badge."""
        own = colours(source)
        badge = only_badge(source)
        fill = own.get("background-color") or (colours(badge) if badge is not None else {}).get(
            "background-color"
        )
        if fill:
            ooxml.shade_cell(cell._tc.get_or_add_tcPr(), fill)
        saved, self.lists, self.styles = self.lists, [], []
        self.children(source, cell, Look(bold=source.tag == "th", colour=own.get("color")))
        self.lists, self.styles = saved, []
        paragraphs = cell.paragraphs
        if len(paragraphs) > 1 and not paragraphs[0].text:
            paragraphs[0]._p.getparent().remove(paragraphs[0]._p)
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.space_after = Pt(2)

    # ---------------------------------------------------------------- paragraphs

    def paragraph(self, box: Any, style: str | None) -> Paragraph:
        style = style or (self.styles[-1] if self.styles else None)
        paragraph: Paragraph = box.add_paragraph(style=style)
        if self.break_before:
            paragraph.paragraph_format.page_break_before = True
            self.break_before = False
        for identifier in self.pending_bookmarks:
            self.bookmark(paragraph, identifier)
        self.pending_bookmarks = []
        if self.lists:
            layout = paragraph.paragraph_format
            layout.left_indent = sum((item["indent"] for item in self.lists), Mm(0))
            top = self.lists[-1]
            if top.get("hanging"):
                layout.first_line_indent = -top["indent"]
                label = top["label"]
                paragraph.add_run(f"{label}\t" if label else "")
                if label:
                    layout.tab_stops.add_tab_stop(layout.left_indent)
                top["hanging"] = False  # the item's later paragraphs align with its text
        return paragraph

    def flush(self, pieces: list[Piece], box: Any, style: str | None = None) -> None:
        """A paragraph of the pieces, their white space collapsed as HTML does."""
        pieces = collapse(pieces)
        if not pieces:
            return
        paragraph = self.paragraph(box, style)
        for piece in pieces:
            self.run(paragraph, piece)

    def run(self, paragraph: Paragraph, piece: Piece) -> None:
        look = piece.look
        link = None
        if look.link and look.link.startswith("#"):
            anchor = self.bookmark_name(look.link[1:])
            link = ooxml.hyperlink(paragraph, anchor=anchor)
        elif look.link and look.link.lower().startswith(_WEB_LINKS):
            part = paragraph.part
            r_id = part.relate_to(look.link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
            link = ooxml.hyperlink(paragraph, r_id=r_id)
        lines = piece.text.split("\n")
        run = paragraph.add_run(lines[0])
        for line in lines[1:]:
            run.add_break(WD_BREAK.LINE)
            run.add_text(line)
        run.bold = look.bold or None
        run.italic = look.italic or None
        if look.superscript:
            run.font.superscript = True
        if look.colour:
            run.font.color.rgb = RGBColor.from_string(look.colour)
        elif link is not None and look.link and not look.link.startswith("#"):
            run.font.color.rgb = RGBColor.from_string("12355B")
            run.font.underline = True
        if look.fill:
            ooxml.shade_run(run._r.get_or_add_rPr(), look.fill)
        if link is not None:
            link.append(run._r)

    # ---------------------------------------------------------------- inline level

    def inline_content(self, element: Any, look: Look) -> list[Piece]:
        pieces = self.text(element.text, look)
        for child in element:
            if isinstance(child.tag, str) and not self.hidden(child):
                pieces += self.inline(child, look)
            pieces += self.text(child.tail, look)
        return pieces

    def inline(self, element: Any, look: Look) -> list[Piece]:
        tag, kind = element.tag, classes(element)
        if element.get("id") in self.targets:
            self.pending_bookmarks.append(element.get("id"))
        if tag == "br":
            return [Piece("\n", look)]
        if tag in ("strong", "b", "th"):
            look = replace(look, bold=True)
        elif tag in ("em", "i", "cite"):
            look = replace(look, italic=True)
        elif tag == "sup":
            look = replace(look, superscript=True)
        elif tag == "a" and element.get("href"):
            look = replace(look, link=element.get("href"))
        elif tag == "q":  # report.css: quotes "“" "”", italic
            inner = self.inline_content(element, replace(look, italic=True))
            return [Piece("“", look), *inner, Piece("”", look)]
        if "badge" in kind:
            shown = colours(element)
            look = replace(
                look, bold=True, colour=shown.get("color"), fill=shown.get("background-color")
            )
            return [Piece(f"\u00a0{text_of(element)}\u00a0", look)]
        if tag in BLOCKS:  # a block inside a paragraph: its text, inline
            return [Piece(" ", look), *self.inline_content(element, look), Piece(" ", look)]
        return self.inline_content(element, look)

    def text(self, text: str | None, look: Look) -> list[Piece]:
        return [Piece(text, look)] if text else []

    def hidden(self, element: Any) -> bool:
        if element.get(HIDDEN) is not None or element.tag in ("script", "style", "template"):
            return True
        return VISUALLY_HIDDEN in classes(element) and element.tag != "caption"

    # ---------------------------------------------------------------- links

    def bookmark_name(self, identifier: str) -> str:
        """Word's bookmark names: a letter first, then letters, digits and _, at most 40."""
        if identifier not in self.bookmarks:
            base = "_".join(["n", _BOOKMARK_CHARACTERS.sub("_", identifier)])[:34]
            self.bookmarks[identifier] = f"{base}_{len(self.bookmarks)}"
        return self.bookmarks[identifier]

    def bookmark(self, paragraph: Paragraph, identifier: str) -> None:
        ooxml.bookmark(paragraph, self.bookmark_name(identifier), len(self.bookmarks))


def collapse(pieces: list[Piece]) -> list[Piece]:
    """HTML's white space: runs of it one space, none at the start or end of a line."""
    out: list[Piece] = []
    space_before = True  # at the start of the paragraph or after a space or line break
    for piece in pieces:
        text = piece.text if piece.text == "\n" else _SPACE.sub(" ", piece.text)
        if text == "\n":
            if out and out[-1].text.endswith(" "):
                out[-1].text = out[-1].text[:-1]
            out.append(Piece("\n", piece.look))
            space_before = True
            continue
        if space_before:
            text = text.lstrip(" ")
        if text:
            out.append(Piece(text, piece.look))
            space_before = text.endswith(" ")
    while out and out[-1].text.endswith(" "):
        out[-1].text = out[-1].text.rstrip(" ")
        if not out[-1].text:
            out.pop()
    return out if any(piece.text.strip() for piece in out) else []


def _cover_style(kind: set[str]) -> str | None:
    """The Word style of a title page line (by its class); None for an ordinary paragraph."""
    return next((COVER_STYLES[c] for c in kind if c in COVER_STYLES), None)


def colours(element: Any) -> dict[str, str]:
    """The background-color and color an element's style attribute gives, as RRGGBB."""
    return {name: value.upper() for name, value in _COLOUR.findall(element.get("style", ""))}


def only_badge(cell: Any) -> Any:
    """The cell's score badge when the badge is all the cell shows (a matrix of scores)."""
    badges = cell.xpath(".//span[contains(concat(' ', @class, ' '), ' badge ')]")
    if len(badges) == 1 and text_of(badges[0]) == text_of(cell):
        return badges[0]
    return None


def column_widths(model: tables.Grid) -> list[int]:
    """Widths shared out as a browser's automatic table layout does: no column narrower
    than its longest word, the room left to the columns with the longest text."""
    columns = max(model.columns, 1)
    longest = [1] * columns
    word = [1] * columns
    for cell in model.cells:
        if cell.colspan == 1:
            text = text_of(cell.element)
            longest[cell.column] = max(longest[cell.column], min(len(text), 60))
            word[cell.column] = max(
                word[cell.column], min(max(map(len, text.split()), default=1), 20)
            )
    least = [Mm(CHARACTER_MM * n + CELL_PADDING_MM) for n in word]
    wanted = [Mm(CHARACTER_MM * n + CELL_PADDING_MM) for n in longest]
    if sum(least) >= CONTENT_WIDTH:
        return [int(CONTENT_WIDTH * w / sum(least)) for w in least]
    if sum(wanted) <= CONTENT_WIDTH:  # tables span the page (report.css: width 100%)
        return [int(CONTENT_WIDTH * w / sum(wanted)) for w in wanted]
    room = CONTENT_WIDTH - sum(least)
    extra = [w - m for w, m in zip(wanted, least, strict=True)]
    return [int(m + room * e / sum(extra)) for m, e in zip(least, extra, strict=True)]


def parse(html: str) -> Any:
    return lxml_html.document_fromstring(html)
