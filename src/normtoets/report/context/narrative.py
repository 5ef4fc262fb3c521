"""A chapter of the researchers' own text: Markdown to HTML, its citations numbered notes.

Raw HTML in the text is not passed on (markdown-it with html off: it is printed as text), so
a chapter can only hold what Markdown makes. `#` and `##` become the chapter's sections (h2),
`###` a level below (h3); the sections are entries in the contents. Each section's notes follow
that section, so a note stands near its citation, not pages later at the chapter's end.
"""

import re
from dataclasses import dataclass, replace

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from normtoets.core.anchors import section_anchor
from normtoets.models import CITATION, Narrative
from normtoets.models.narrative import FOOTNOTE_REF, REFERENCE, footnotes
from normtoets.report.context.chapters import TocEntry
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
# Where a [#id] reference stood: resolved once the report's chapters are numbered (resolved).
_REF_OPEN, _REF_CLOSE = "\ue002", "\ue003"
_REF_MARKER = re.compile(f"{_REF_OPEN}([^{_REF_CLOSE}]+){_REF_CLOSE}")
_NOTED = re.compile(f"{CITATION.pattern}|{FOOTNOTE_REF.pattern}")
# A passage in another language, [to the point]{lang=en}: marked through the renderer, then a
# <span lang="en"> (WCAG 3.1.2: a screen reader reads it in that language).
LANGUAGE_SPAN = re.compile(
    r"\[(?P<text>[^\[\]]+)\]\{lang=(?P<lang>[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*)\}"
)
_LANG_OPEN, _LANG_MID, _LANG_CLOSE = "\ue004", "\ue005", "\ue006"
_LANG_MARKER = re.compile(f"{_LANG_OPEN}([a-zA-Z0-9-]+){_LANG_MID}")


def _languages(html: str) -> str:
    """The marked passages as spans with their language."""
    return _LANG_MARKER.sub(r'<span lang="\1">', html).replace(_LANG_CLOSE, "</span>")


def resolved(view: "NarrativeView", labels: dict[str, tuple[str, str]]) -> "NarrativeView":
    """The view with each [#id] printed as the report numbers it, linked: `labels` maps an id
    to (anchor, "hoofdstuk 8"). An unknown id prints as written (validate reports it)."""

    def one(match: re.Match[str]) -> str:
        found = labels.get(match.group(1))
        if found is None:
            return f"[#{escape(match.group(1))}]"
        anchor, label = found
        return f'<a class="xref" href="#{escape(anchor)}">{escape(label)}</a>'

    parts = [replace(p, html=Markup(_REF_MARKER.sub(one, str(p.html)))) for p in view.parts]
    return replace(view, parts=parts)


def narrative_view(chapter: Narrative, notes: Notes, names: tuple[str, ...] = ()) -> NarrativeView:
    cited: list[tuple[Note, bool]] = []  # each citation's note, and whether it was new there

    def cite(match: re.Match[str]) -> str:
        note = notes.cite_at(match.group("source"), match.group("where"))
        if note is None:  # this report itself: its own text, no note
            return ""
        cited.append((note, notes.last_was_new))
        return f"{_OPEN}{len(cited) - 1}{_CLOSE}"

    def footnote(match: re.Match[str]) -> str:
        text = own_notes.get(match.group("label"))
        if text is None:  # validate says so (unknown-reference); the report prints nothing
            return ""
        cited.append((notes.footnote(text), True))
        return f"{_OPEN}{len(cited) - 1}{_CLOSE}"

    def ref(match: re.Match[str]) -> str:
        note = cited[int(match.group(1))][0]
        return (f'<a class="note-ref" href="#{escape(note.anchor)}" '
                f'aria-label="{escape(note.spoken)}">[{note.number}]</a>')  # fmt: skip

    body, own_notes = footnotes(chapter.text)
    # Citations and footnotes in the order they stand: one pattern, so numbers follow the text.
    text = _NOTED.sub(lambda m: cite(m) if m.group("source") else footnote(m), body)
    text = REFERENCE.sub(lambda m: f"{_REF_OPEN}{m.group('id')}{_REF_CLOSE}", text)
    text = LANGUAGE_SPAN.sub(
        lambda m: f"{_LANG_OPEN}{m.group('lang')}{_LANG_MID}{m.group('text')}{_LANG_CLOSE}", text
    )
    parser = MarkdownIt("commonmark", {"html": False})
    tokens = parser.parse(text)
    sections: list[TocEntry] = []
    starts = [0]  # where each part begins: the text before the first section, then each h2
    for i, token in enumerate(tokens):
        if token.type in ("heading_open", "heading_close"):
            token.tag = _HEADINGS[token.tag]
        if token.type == "heading_open" and token.tag == "h2":
            title = _MARKER.sub("", tokens[i + 1].content).strip()
            anchor = section_anchor(chapter.id, title)
            token.attrSet("id", anchor)
            sections.append(TocEntry(anchor, title))
            starts.append(i)
    titles: list[str | None] = [None, *(s.title for s in sections)]
    parts = []
    for start, end, heading in zip(starts, [*starts[1:], len(tokens)], titles, strict=True):
        html = parser.renderer.render(tokens[start:end], parser.options, {})
        new = {note.number: note for note, first in (cited[int(i)] for i in _MARKER.findall(html))
               if first}  # fmt: skip
        own = [new[number] for number in sorted(new)]
        if html.strip():
            parts.append(Part(protect(_languages(_MARKER.sub(ref, html)), names), own, heading))
    return NarrativeView(parts, sections, chapter.kind == "method")
