"""The PDF structure tree (PDF/UA-1), built from WeasyPrint's layout.

WeasyPrint 70 tags each page on its own and from its boxes, not from the document: an element
that runs over a page break becomes two elements, anonymous boxes become elements of their own
(a list item's text outside its LBody, a hidden table caption wrapped in three row-less
tables), every text run becomes a Span, the running headers and page numbers become content
that no element of the tree reaches, every dot of a contents leader is tagged text, table
headers are mapped by a column count that ignores row spans, and a link's description is its
anchor id. None of that can be steered from the HTML or CSS, and a PDF on its own no longer
says which marked content came from which HTML element or which element continues on the next
page. So while normtoets writes a PDF, this package takes the place of WeasyPrint's tagging
step (`weasyprint.pdf.add_tags`, called with the laid-out document and the page content streams
before anything is serialised) and builds the tree from the HTML elements behind the boxes:

- one structure element per HTML element, however many pages and boxes it spans; marked
  content on another page than the element's /Pg is an MCR with its own /Pg;
- page furniture (margin boxes: running header, chapter, page number, CONCEPT), repeated table
  headers and contents leaders are artifacts (their BDC becomes /Artifact in the stream);
- tables: Caption first, rows only TR, cells TH/TD, /Scope on every TH, /Headers on every cell
  from the HTML table model (spans included), an /ID per header cell and an /IDTree;
- lists: L > LI > Lbl, LBody; a dl's dt and dd become one LI's Lbl and LBody;
- a link is one Link element with one annotation per line it covers (WeasyPrint adds one for
  every box inside it), whose /Contents says where it goes ("Naar B1 Integraal beleid,
  pagina 6");
- a line that ends at a space or a hyphenation point carries /ActualText with that space or a
  soft hyphen (U+00AD), and so does a run of white space drawn without a glyph: words never
  run together and no hyphen is written into a word.

The output is as deterministic as WeasyPrint's: nodes, MCIDs and IDs are numbered in document
order.

The package, by concern: `builder` walks the boxes and makes the elements, `roles` says which
element an HTML element becomes, `lines` gives the ends of lines their spaces and hyphens,
`tables` gives cells their scope and headers from the HTML table model (report/tables.py),
`links` keeps one annotation per line of a link and says where it goes, and `tree` holds the
elements and writes them into the PDF.
"""

import contextlib
from collections.abc import Iterator
from typing import Any

import weasyprint.pdf as weasyprint_pdf

from normtoets.report.pdftags.builder import Builder


@contextlib.contextmanager
def installed() -> Iterator[None]:
    """Let WeasyPrint write this package's structure tree instead of its own, for one PDF."""
    original = weasyprint_pdf.add_tags
    weasyprint_pdf.add_tags = add_tags
    try:
        yield
    finally:
        weasyprint_pdf.add_tags = original


def add_tags(pdf: Any, document: Any, pdf_version: Any, page_streams: list[Any]) -> None:
    """WeasyPrint's tagging step (same signature): the tree, ParentTree, IDTree, catalog keys."""
    Builder(pdf, document, page_streams).build()


__all__ = ["add_tags", "installed"]
