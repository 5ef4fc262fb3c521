"""The few pieces of WordprocessingML python-docx has no API for.

Word refuses a document whose elements stand out of the schema's order, so each helper
inserts before the elements the schema puts after it.
"""

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

# What follows w:shd in run (w:rPr) and cell (w:tcPr) properties.
_AFTER_RUN_SHADING = ("fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout")
_AFTER_CELL_SHADING = ("noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
    "attachedSchema", "themeFontLang", "clrSchemeMapping",
)  # fmt: skip


def _element(tag: str, **attributes: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _put(parent: Any, child: Any, successors: tuple[str, ...]) -> None:
    """Replace parent's element of child's kind by child, in the schema's place."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    for name in successors:
        found = parent.find(qn(f"w:{name}"))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def shade_run(run_properties: Any, fill: str) -> None:
    _put(
        run_properties, _element("w:shd", val="clear", color="auto", fill=fill), _AFTER_RUN_SHADING
    )


def shade_cell(cell_properties: Any, fill: str) -> None:
    shading = _element("w:shd", val="clear", color="auto", fill=fill)
    _put(cell_properties, shading, _AFTER_CELL_SHADING)


def repeat_as_header(row_properties: Any) -> None:
    """The row is repeated at the top of each page the table runs over (and is a header)."""
    row_properties.append(_element("w:tblHeader"))


def keep_row_together(row_properties: Any) -> None:
    row_properties.append(_element("w:cantSplit"))


def table_title(table_properties: Any, text: str) -> None:
    """The table's caption as its title: what Word calls the table's alternative text."""
    _put(table_properties, _element("w:tblCaption", val=text[:255]), ("tblDescription",))


def bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    """A bookmark at the paragraph's start: where a link to `name` goes."""
    start = _element("w:bookmarkStart", id=str(number), name=name)
    properties = paragraph._p.pPr
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph._p.insert(0, start)
    start.addnext(_element("w:bookmarkEnd", id=str(number)))


def hyperlink(paragraph: Paragraph, *, anchor: str | None = None, r_id: str | None = None) -> Any:
    """An empty w:hyperlink at the end of the paragraph; its runs are moved into it."""
    link = _element("w:hyperlink")
    if anchor is not None:
        link.set(qn("w:anchor"), anchor)
        link.set(qn("w:history"), "1")
    if r_id is not None:
        link.set(qn("r:id"), r_id)
    paragraph._p.append(link)
    return link


def field_start(paragraph: Paragraph, instruction: str) -> None:
    """Begin a complex field (the contents): its shown result follows, then field_end."""
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="begin", dirty="true"))
    code = _element("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="separate"))


def field_end(paragraph: Paragraph) -> None:
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="end"))


def simple_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A field Word and LibreOffice keep current themselves, such as PAGE and NUMPAGES."""
    field = _element("w:fldSimple", instr=instruction)
    paragraph._p.append(field)
    field.append(paragraph.add_run(shown)._r)


def language(run_properties: Any, tag: str) -> None:
    """The language of the text (spelling, hyphenation, what a screen reader speaks)."""
    found = run_properties.find(qn("w:lang"))
    if found is None:
        found = _element("w:lang")
        _put(run_properties, found, ("eastAsianLayout", "specVanish", "oMath"))
    for name in ("val", "eastAsia", "bidi"):
        found.set(qn(f"w:{name}"), tag)


def dutch_settings(settings: Any, tag: str) -> None:
    """Ask to update the contents on opening; Dutch theme fonts, decimal comma, semicolon."""
    _put(settings, _element("w:updateFields", val="true"), _AFTER_UPDATE_FIELDS)
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), tag)
    for name, value in (("decimalSymbol", ","), ("listSeparator", ";")):
        found = settings.find(qn(f"w:{name}"))
        if found is not None:
            found.set(qn("w:val"), value)
