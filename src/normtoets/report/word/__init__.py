"""The report as an editable Word document, made from the same rendered HTML as the PDF.

python-docx (and lxml, which it brings) are imported here only: a run that writes no DOCX
never loads them.
"""

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt, RGBColor

from normtoets.report.html import stylesheets
from normtoets.report.pdf import source_moment
from normtoets.report.word import css, ooxml
from normtoets.report.word.notes import NOTE_REFERENCE, NOTE_REFERENCE_ID, NOTE_TEXT, NOTE_TEXT_ID
from normtoets.report.word.numbering import number_headings
from normtoets.report.word.writer import (
    CONTENT_WIDTH,
    LANGUAGE,
    NOTE_STYLE,
    RECOMMENDATION_STYLE,
    Writer,
    parse,
)

HEADING_COLOUR = "12355B"  # report.css's heading blue
CONCEPT_COLOUR = "A50F15"  # report.css's concept red


@dataclass
class Metadata:
    title: str
    authors: list[str]
    description: str
    created: datetime | None
    concept: str | None  # the concept mark ("CONCEPT") while the report is not final
    running: str


def metadata(root: Any) -> Metadata:
    """What the HTML's <head> and title page say about the report."""

    def meta(name: str) -> list[str]:
        return [m.get("content", "") for m in root.xpath(f"//head/meta[@name='{name}']")]

    created = None
    for value in meta("dcterms.created")[:1]:
        try:
            created = datetime.fromisoformat(value).replace(tzinfo=UTC)
        except ValueError:
            created = None
    cover = (root.xpath("//section[contains(@class, 'cover')]") or [None])[0]
    body_classes = (root.find("body").get("class") or "").split()
    concept = None
    if "concept" in body_classes:
        concept = (cover.get("data-concept") if cover is not None else None) or "CONCEPT"
    return Metadata(
        title=(root.findtext(".//head/title") or "").strip(),
        authors=meta("author"),
        description=(meta("description") or [""])[0],
        created=created,
        concept=concept,
        running=cover.get("data-running", "") if cover is not None else "",
    )


def _page(document: Document) -> None:
    """A4 with report.css's margins."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(24), Mm(24)
    section.left_margin, section.right_margin = Mm(24), Mm(22)
    section.header_distance = section.footer_distance = Mm(12)


def _styles(document: Document) -> None:
    ooxml.language(document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr")[0], LANGUAGE)
    ooxml.dutch_settings(document.settings.element, LANGUAGE)
    document.styles["Normal"].font.size = Pt(10)
    for name in (NOTE_STYLE, NOTE_TEXT):  # a note, small as in the PDF
        notes = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=name == NOTE_TEXT)
        notes.base_style = document.styles["Normal"]
        notes.font.size = Pt(8)
        notes.paragraph_format.space_after = Pt(2)
    document.styles[NOTE_TEXT].element.styleId = NOTE_TEXT_ID
    mark = document.styles.add_style(NOTE_REFERENCE, WD_STYLE_TYPE.CHARACTER, builtin=True)
    mark.element.styleId = NOTE_REFERENCE_ID
    mark.font.superscript = True
    recommendation = document.styles.add_style(RECOMMENDATION_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    recommendation.base_style = document.styles["Normal"]
    recommendation.font.bold = True
    recommendation.paragraph_format.keep_with_next = True
    recommendation.paragraph_format.space_before = Pt(8)
    recommendation.paragraph_format.space_after = Pt(2)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4", "Title", "TOC Heading"):
        document.styles[name].font.color.rgb = RGBColor.from_string(HEADING_COLOUR)
    recommendation.font.color.rgb = RGBColor.from_string(HEADING_COLOUR)
    ooxml.note_settings(document.settings.element)


def _header_and_footer(document: Document, about: Metadata) -> None:
    """The running title and CONCEPT above, 'pagina X van Y' below; the title page
    carries CONCEPT alone."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    headers = ((section.header, about.running), (section.first_page_header, ""))
    for header, running in headers:
        paragraph = header.paragraphs[0]
        paragraph.paragraph_format.tab_stops.add_tab_stop(CONTENT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
        paragraph.add_run(running).font.size = Pt(7.5)
        if about.concept:
            mark = paragraph.add_run(f"\t{about.concept}")
            mark.bold = True
            mark.font.color.rgb = RGBColor.from_string(CONCEPT_COLOUR)
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.tab_stops.add_tab_stop(CONTENT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run("\tpagina ")
    ooxml.simple_field(footer, "PAGE", "1")
    footer.add_run(" van ")
    ooxml.simple_field(footer, "NUMPAGES", "1")
    for run in footer.runs:
        run.font.size = Pt(7.5)


def _properties(document: Document, about: Metadata) -> None:
    properties = document.core_properties
    properties.title = about.title
    properties.author = "; ".join(about.authors)
    properties.subject = about.description
    properties.language = LANGUAGE
    properties.keywords = "rekenkamer; normenkader"
    properties.comments = ""
    properties.category = "concept" if about.concept else ""
    properties.last_modified_by = "normtoets"
    properties.revision = 1
    # The report's date; else SOURCE_DATE_EPOCH (a reproducible build); else now.
    moment = about.created or source_moment() or datetime.now(UTC).replace(microsecond=0)
    properties.created = properties.modified = moment
    properties.last_printed = moment


def docx_bytes(html: str, templates: Path | None = None) -> bytes:
    """The report's HTML (as `report` renders it) as a .docx file's bytes."""
    root = parse(html)
    css.mark(root, stylesheets(templates))
    numbers = number_headings(root)
    document = docx.Document()
    about = metadata(root)
    _page(document)
    _styles(document)
    _header_and_footer(document, about)
    _properties(document, about)
    Writer(root, numbers, document).children(root.find("body"), document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


__all__ = ["docx_bytes"]
