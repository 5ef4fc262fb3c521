"""A chapter of the researchers' own text: Markdown to HTML, its citations numbered notes.

Raw HTML in the text is not passed on (markdown-it with html off: it is printed as text), so
a chapter can only hold what Markdown makes. `#` and `##` become the chapter's sections (h2),
`###` a level below (h3); the sections are entries in the contents. Each section's notes follow
that section, so a note stands near its citation, not pages later at the chapter's end.
"""

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from normtoets.models import CITATION, Narrative
from normtoets.report.context.chapters import TocEntry
from normtoets.report.context.common import slug
from normtoets.report.context.notes import Note, Notes
from normtoets.report.context.typography import protect

# Private-use characters mark where a citation stood, through the Markdown renderer.
_OPEN, _CLOSE = "\ue000", "\ue001"
_HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}


@dataclass(frozen=True)
class Part:
    """The text before the first section, or one section: its HTML and the notes it cites."""

    html: Markup
    notes: list[Note]  # in number order, for the notes list after it
    title: str | None  # the section's title; None for the text before the first


@dataclass(frozen=True)
class NarrativeView:
    parts: list[Part]
    sections: list[TocEntry]
    method: bool  # the research approach


_MARKER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")


def narrative_view(chapter: Narrative, notes: Notes, names: tuple[str, ...] = ()) -> NarrativeView:
    cited: list[Note] = []

    def cite(match: re.Match[str]) -> str:
        cited.append(notes.cite_at(match.group("source"), match.group("where")))
        return f"{_OPEN}{len(cited) - 1}{_CLOSE}"

    def ref(match: re.Match[str]) -> str:
        note = cited[int(match.group(1))]
        return f'<a class="note-ref" href="#{escape(note.anchor)}">[{note.number}]</a>'

    text = CITATION.sub(cite, chapter.text)
    parser = MarkdownIt("commonmark", {"html": False})
    tokens = parser.parse(text)
    sections: list[TocEntry] = []
    starts = [0]  # where each part begins: the text before the first section, then each h2
    for i, token in enumerate(tokens):
        if token.type in ("heading_open", "heading_close"):
            token.tag = _HEADINGS[token.tag]
        if token.type == "heading_open" and token.tag == "h2":
            title = _MARKER.sub("", tokens[i + 1].content).strip()
            anchor = f"{chapter.id}-{slug(title)}"
            token.attrSet("id", anchor)
            sections.append(TocEntry(anchor, title))
            starts.append(i)
    titles: list[str | None] = [None, *(s.title for s in sections)]
    parts = []
    for start, end, heading in zip(starts, [*starts[1:], len(tokens)], titles, strict=True):
        html = parser.renderer.render(tokens[start:end], parser.options, {})
        own = [cited[int(i)] for i in _MARKER.findall(html)]
        if html.strip():
            parts.append(Part(protect(_MARKER.sub(ref, html), names), own, heading))
    return NarrativeView(parts, sections, chapter.kind == "method")
