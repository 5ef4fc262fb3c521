"""The report's story in the researchers' words: chapters of Markdown text (an introduction,
the research approach, a description of the policy and the practice) around the chapters of
findings. A citation `[@source]`, `[@source, p. 9]` or `[@source, § 4.4]` becomes a numbered
source note, like the notes of the evidence."""

import re
from typing import Literal

from pydantic import Field

from normtoets.models.base import ID_PATTERN, Strict

# The chapters of a municipality's report that a narrative chapter can follow (`after`), in
# their order; the report's chapter builders make them (a test keeps the two lists equal).
REPORT_CHAPTERS = (
    "samenvatting",
    "onderzoek",
    "normenkader",
    "bevindingen",
    "kengetallen",
    "onderzoeksvragen",
    "conclusies",
    "aanbevelingen",
    "doorwerking",
    "bestuurlijke-reactie",
    "nawoord",
)

# [@bron] or [@bron, p. 9]: the source id, then where in it (free text up to the bracket).
CITATION = re.compile(r"\[@(?P<source>[A-Za-z0-9][A-Za-z0-9_.-]*)(?:,\s*(?P<where>[^\]]+))?\]")
# [#id]: a reference to a chapter, a section, a norm or a recommendation of the report, printed
# with the number the report gives it ("hoofdstuk 8", "§ 6.1", "norm B5", "aanbeveling 5").
REFERENCE = re.compile(r"\[#(?P<id>[A-Za-z0-9][A-Za-z0-9_.-]*)\]")
# [^1] and, as a paragraph of its own, "[^1]: the note's text": a footnote of the own text.
FOOTNOTE_REF = re.compile(r"\[\^(?P<label>[A-Za-z0-9_-]+)\](?!:)")
FOOTNOTE_DEF = re.compile(
    r"^\[\^(?P<label>[A-Za-z0-9_-]+)\]:[ \t]*(?P<text>.*(?:\n(?![ \t]*\n).*)*)\n?", re.M
)


def footnotes(text: str) -> tuple[str, dict[str, str]]:
    """The text without its footnote paragraphs, and each footnote's text by its label."""
    found = {m["label"]: " ".join(m["text"].split()) for m in FOOTNOTE_DEF.finditer(text)}
    return FOOTNOTE_DEF.sub("", text), found


class Narrative(Strict):
    id: str = Field(pattern=ID_PATTERN, description="Id van het hoofdstuk (ook het anker).")
    title: str = Field(description="Titel van het hoofdstuk.")
    text: str = Field(
        default="",
        description=(
            "De tekst in Markdown (alinea's, opsommingen, ## tussenkopjes; geen HTML). "
            "Bronverwijzingen als [@bron] of [@bron, p. 9] worden genummerde noten."
        ),
    )
    after: str | None = Field(
        default=None,
        description=(
            "Id van het hoofdstuk waarna dit hoofdstuk komt (bijv. 'samenvatting', "
            "'normenkader'); zonder: vóór de bevindingen."
        ),
    )
    findings: list[str] = Field(
        default_factory=list,
        description=(
            "Ids van thema's waarvan de toetsing (scores en onderbouwing) in dit hoofdstuk "
            "staat, na de tekst, in plaats van in het hoofdstuk Bevindingen."
        ),
    )
    kind: Literal["text", "method"] = Field(
        default="text",
        description=(
            "'method': dit hoofdstuk is de onderzoeksverantwoording (vragen, normen, methoden, "
            "gesprekken, periode) en vervangt de verantwoording die normtoets anders maakt."
        ),
    )
