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


def table_description(table_properties: Any, text: str) -> None:
    """The description of the table's alternative text (Table Properties, Alt Text)."""
    _put(table_properties, _element("w:tblDescription", val=text), ("tblPrChange",))


def bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    """A bookmark at the paragraph's start: where a link to `name` goes."""
    start = _element("w:bookmarkStart", id=str(number), name=name)
    properties = paragraph._p.pPr
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph._p.insert(0, start)
    start.addnext(_element("w:bookmarkEnd", id=str(number)))


def bookmark_around(run: Any, name: str, number: int) -> None:
    """A bookmark around one run (w:r): what a cross-reference to a note refers to."""
    run.addprevious(_element("w:bookmarkStart", id=str(number), name=name))
    run.addnext(_element("w:bookmarkEnd", id=str(number)))


def hyperlink(
    paragraph: Paragraph,
    *,
    anchor: str | None = None,
    r_id: str | None = None,
    tip: str | None = None,
) -> Any:
    """An empty w:hyperlink at the end of the paragraph; its runs are moved into it. `tip` is
    its screen tip, what a screen reader may say of it beside its text."""
    link = _element("w:hyperlink")
    if anchor is not None:
        link.set(qn("w:anchor"), anchor)
        link.set(qn("w:history"), "1")
    if r_id is not None:
        link.set(qn("r:id"), r_id)
    if tip:
        link.set(qn("w:tooltip"), tip[:255])
    paragraph._p.append(link)
    return link


def field_start(paragraph: Paragraph, instruction: str, *, dirty: bool = True) -> None:
    """Begin a complex field (the contents): its shown result follows, then field_end.
    A dirty field is brought up to date when the document is opened."""
    begin = _element("w:fldChar", fldCharType="begin")
    if dirty:
        begin.set(qn("w:dirty"), "true")
    paragraph.add_run()._r.append(begin)
    code = _element("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="separate"))


def field_end(paragraph: Paragraph) -> None:
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="end"))


def note_cross_reference(paragraph: Paragraph, bookmark_name: str, shown: str) -> None:
    """A note cited again: Word's cross-reference to it (NOTEREF), its number set as a note
    reference (\\f) and a link to the note (\\h), as Insert > Cross-reference makes it."""
    field_start(paragraph, f"NOTEREF {bookmark_name} \\f \\h", dirty=False)
    paragraph.add_run(shown).style = "footnote reference"
    field_end(paragraph)


def simple_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A field Word and LibreOffice keep current themselves, such as PAGE and NUMPAGES."""
    field = _element("w:fldSimple", instr=instruction)
    paragraph._p.append(field)
    field.append(paragraph.add_run(shown)._r)


ALL_SCRIPTS = ("val", "eastAsia", "bidi")


def language(run_properties: Any, tag: str, names: tuple[str, ...] = ALL_SCRIPTS) -> None:
    """The language of the text (spelling, hyphenation, what a screen reader speaks); a
    passage in another language sets its Latin script's only (names=("val",))."""
    found = run_properties.find(qn("w:lang"))
    if found is None:
        found = _element("w:lang")
        _put(run_properties, found, ("eastAsianLayout", "specVanish", "oMath"))
    for name in names:
        found.set(qn(f"w:{name}"), tag)


def number(paragraph: Paragraph, num_id: int, level: int) -> None:
    """The paragraph an item of list `num_id` at `level` (0 the outermost)."""
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = level
    numbering.get_or_add_numId().val = num_id


def note_settings(settings: Any) -> None:
    """The separator and continuation separator notes (ids -1 and 0), as Word lists them."""
    properties = _element("w:footnotePr")
    for special in ("-1", "0"):
        properties.append(_element("w:footnote", id=special))
    _put(settings, properties, _AFTER_UPDATE_FIELDS[2:])


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
