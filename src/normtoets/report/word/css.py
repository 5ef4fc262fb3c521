"""What the report's stylesheets say that a Word document must also know.

Which lists carry no bullet or number of their own (their items hold their label, such as
"[12]" or "a."), which are numbered other than 1, 2, 3 (a., b., c.) and which elements are
never shown: read from report.css (the house style's on top of the bundled one), so a house
style that changes a list changes the DOCX too.
"""

from pathlib import Path

import cssselect2
import tinycss2
from lxml import html as lxml_html

UNLISTED = "data-unlisted"
HIDDEN = "data-hidden"
LIST_STYLE = "data-list-style"  # a numbered list's list-style-type: lower-alpha, upper-roman, …
_NUMBERED = frozenset(
    ["decimal", "lower-alpha", "lower-latin", "upper-alpha", "upper-latin", "lower-roman",
     "upper-roman"]
)  # fmt: skip
# Read by screen readers only (report.css clips it to nothing); the DOCX leaves it out, except
# a table's caption, which becomes the table's title (its alternative text).
VISUALLY_HIDDEN = "visually-hidden"


def _declarations(rule: tinycss2.ast.QualifiedRule) -> dict[str, str]:
    found = {}
    for declaration in tinycss2.parse_declaration_list(
        rule.content, skip_whitespace=True, skip_comments=True
    ):
        if declaration.type == "declaration":
            found[declaration.lower_name] = tinycss2.serialize(declaration.value).strip().lower()
    return found


def _marks(declarations: dict[str, str]) -> list[tuple[str, str]]:
    marks = []
    for name in ("list-style", "list-style-type"):
        first = (declarations.get(name, "").split() or [""])[0]
        if first == "none":
            marks.append((UNLISTED, ""))
        elif first in _NUMBERED:
            marks.append((LIST_STYLE, first))
    if declarations.get("display") == "none":
        marks.append((HIDDEN, ""))
    return marks


def mark(root: lxml_html.HtmlElement, stylesheets: list[Path]) -> None:
    """Set data-unlisted / data-list-style / data-hidden on the elements report.css styles so.

    Only top-level rules count: @media screen is the web page's, @page the PDF's.
    """
    wrapper = cssselect2.ElementWrapper.from_html_root(root)
    for sheet in stylesheets:
        rules = tinycss2.parse_stylesheet(
            sheet.read_text(encoding="utf-8"), skip_whitespace=True, skip_comments=True
        )
        for rule in rules:
            if rule.type != "qualified-rule":
                continue
            marks = _marks(_declarations(rule))
            if not marks:
                continue
            try:
                selectors = cssselect2.compile_selector_list(rule.prelude)
            except cssselect2.SelectorError:
                continue  # a selector cssselect2 does not know styles nothing here
            for selector in selectors:
                if selector.pseudo_element is not None:
                    continue
                for element in wrapper.iter_subtree():
                    if selector.test(element):
                        for name, value in marks:
                            element.etree_element.set(name, value)
