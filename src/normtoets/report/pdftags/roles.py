"""Which structure element an HTML element becomes, and what the boxes tell about it."""

from typing import Any

BLOCK_ROLES = {
    "section": "Sect",
    "nav": "Sect",
    "aside": "Sect",
    "article": "Art",
    "main": "Part",
    "header": "Div",
    "footer": "Div",
    "div": "Div",
    "address": "Div",
    "figure": "Div",
    "figcaption": "P",
    "p": "P",
    "pre": "P",
    "blockquote": "BlockQuote",
    "h1": "H1",
    "h2": "H2",
    "h3": "H3",
    "h4": "H4",
    "h5": "H5",
    "h6": "H6",
    "ul": "L",
    "ol": "L",
    "dl": "L",
    "li": "LI",
    "table": "Table",
    "caption": "Caption",
    "thead": "THead",
    "tbody": "TBody",
    "tfoot": "TFoot",
    "tr": "TR",
    "th": "TH",
    "td": "TD",
}
INLINE_ROLES = {"q": "Quote", "code": "Code", "kbd": "Code", "samp": "Code"}
FIGURES = {"img", "svg", "{http://www.w3.org/2000/svg}svg", "object", "embed"}
TABLE_ROLES = {"Table", "THead", "TBody", "TFoot", "TR", "TH", "TD"}
LIST_NUMBERING = {
    "decimal": "/Decimal",
    "decimal-leading-zero": "/Decimal",
    "lower-roman": "/LowerRoman",
    "upper-roman": "/UpperRoman",
    "lower-alpha": "/LowerAlpha",
    "lower-latin": "/LowerAlpha",
    "upper-alpha": "/UpperAlpha",
    "upper-latin": "/UpperAlpha",
    "disc": "/Disc",
    "circle": "/Circle",
    "square": "/Square",
}
# Inline elements that read as a paragraph when shown as a block (display: block).
PHRASING = {
    "span",
    "strong",
    "em",
    "b",
    "i",
    "small",
    "sub",
    "sup",
    "abbr",
    "cite",
    "dfn",
    "time",
    "mark",
    "label",
    "s",
    "u",
    "bdi",
    "bdo",
    "data",
    "var",
}


def list_style(box: Any) -> str:
    style = box.style["list_style_type"]
    return style if isinstance(style, str) else ""


def figure_alt(element: Any) -> str:
    if element.tag.endswith("svg"):
        for child in element:
            if isinstance(child.tag, str) and child.tag.endswith("title") and child.text:
                return str(child.text)
        return str(element.get("aria-label", ""))
    return str(element.get("alt", ""))
