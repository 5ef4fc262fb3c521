"""Chapter and paragraph numbers, as report.css counts them for the PDF.

The PDF numbers its headings with CSS counters (h1.chapter 1, 2, …; appendices "Bijlage 1";
the paragraphs of chapters of own text 4.1, 4.2, …); Word has no CSS, so the numbers are
counted here once, the same way, and written into the heading's text.
"""

from typing import Any

NUMBER = "data-number"


def _classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split())


def number_headings(root: Any) -> dict[str, str]:
    """Set data-number on each numbered heading; return heading id → its number."""
    numbers: dict[str, str] = {}
    chapter = appendix = section = 0
    for heading in root.iter("h1", "h2"):
        kind, number = _classes(heading), ""
        if heading.tag == "h1" and "chapter" in kind:
            section = 0
            if "appendix" in kind:
                appendix += 1
                number = f"Bijlage {appendix}"
            elif "unnumbered" not in kind:
                chapter += 1
                number = str(chapter)
        elif heading.tag == "h2" and any(
            "own-text" in _classes(a) for a in heading.iterancestors()
        ):
            section += 1
            number = f"{chapter}.{section}"
        if number:
            heading.set(NUMBER, f"{number}  ")
            if heading.get("id"):
                numbers[heading.get("id")] = f"{number}  "
    return numbers
