"""unknown-reference (error): a chapter of own text refers to what the report does not have: a
`[#id]` that is no chapter, section, norm, conclusion or recommendation of the report, or a
footnote `[^1]` without its paragraph `[^1]: …`. literal-reference (warning): the text, outside
its footnotes, names a place of the report by hand ("hoofdstuk 3", "het zesde hoofdstuk",
"§ 6.1", "p. 3", "tabel 2", "figuur"), which the report's own numbering does not keep: write
`[#id]`, which prints the number the report gives it ("hoofdstuk 8", with a link). A number
that belongs to another document stays: one followed by "van" and that document ("hoofdstuk 3
van de nota"), or in a sentence that cites its source (`[@nota, p. 9]`). unused-footnote
(warning): a footnote's paragraph that no `[^…]` refers to."""

import re
from collections.abc import Iterator

from normtoets.core.anchors import section_anchor, slug
from normtoets.core.diagnostics import PathKey, Severity
from normtoets.core.i18n import _
from normtoets.models.narrative import (
    CITATION,
    FOOTNOTE_DEF,
    FOOTNOTE_REF,
    REFERENCE,
    REPORT_CHAPTERS,
    Narrative,
    footnotes,
)
from normtoets.rules.base import Context, Problem
from normtoets.rules.suggest import closest

CODE = "unknown-reference"
SEVERITY = Severity.error

_BUILT_IN = (*REPORT_CHAPTERS, "bronnen", "correcties", "vragen")
_ORDINAL = "eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende"
_LITERAL = re.compile(
    r"\b(?:hoofdstuk|paragraaf|bijlage|tabel|figuur)\s+\d+(?:\.\d+)*"
    rf"|\b(?:{_ORDINAL})(?:\s+en\s+laatste)?\s+hoofdstuk\b"
    r"|§\s*\d+(?:\.\d+)*|\bp(?:agina\s+|\.\s?)\d+|\bfiguur\b",
    re.IGNORECASE,
)
_OTHER_DOCUMENT = re.compile(r"\s+van\s+(?!dit\s+rapport|deze\s+rapportage|dit\s+onderzoek)", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“‘(\[]|$)")  # not "p. 9"
_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*\s*$", re.M)


def _known(ctx: Context, chapters: list[Narrative]) -> set[str]:
    ids = set(_BUILT_IN)
    for chapter in chapters:
        ids.add(chapter.id)
        ids.add(f"{chapter.id}-scores")
        for heading in _HEADING.finditer(footnotes(chapter.text)[0]):
            title = FOOTNOTE_REF.sub("", CITATION.sub("", heading["title"])).strip()
            ids.add(section_anchor(chapter.id, title))
    if ctx.framework is not None:
        ids |= {n.id for n in ctx.framework.norms()}
        ids |= {f"thema-{slug(t.id)}" for t in ctx.framework.themes}
    if ctx.assessment is not None:
        ids |= {f"conclusie-{c.id}" for c in ctx.assessment.conclusions}
        ids |= {f"aanbeveling-{r.id}" for r in ctx.assessment.recommendations}
    return ids


def _line(text: str, at: int) -> int:
    """Lines below the value's start: a block text starts on the line after its key."""
    return (1 if "\n" in text else 0) + text.count("\n", 0, at)


def _sentence(text: str, at: int) -> str:
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text, 0, at))]
    end = _SENTENCE_END.search(text, at)
    return text[starts[-1] : end.start() if end else len(text)]


def _literals(text: str, path: PathKey) -> Iterator[Problem]:
    # Not in citations (where in a source) nor in footnotes, which may speak of the original's
    # figures and pages (why one is not in this report, say).
    spans = [*CITATION.finditer(text), *FOOTNOTE_REF.finditer(text), *FOOTNOTE_DEF.finditer(text)]
    cited = [(m.start(), m.end()) for m in spans]
    for match in _LITERAL.finditer(text):
        if any(start <= match.start() < end for start, end in cited):
            continue  # where in a source: the citation's own business
        if _OTHER_DOCUMENT.match(text, match.end()) or "[@" in _sentence(text, match.start()):
            continue  # a place in another document
        yield Problem(
            path,
            _(
                "'{words}' names a place in the report by hand; the report numbers its chapters, "
                "sections and figures itself"
            ).format(words=match.group(0)),
            _(
                "write [#id] with the id of the chapter, section, norm or recommendation: it "
                "prints the report's own number, with a link"
            ),
            severity=Severity.warning,
            code="literal-reference",
            line_offset=_line(text, match.start()),
        )


def _of_chapter(chapter: Narrative, path: PathKey, known: set[str]) -> Iterator[Problem]:
    text = chapter.text
    _body, defined = footnotes(text)
    used = set()
    for match in REFERENCE.finditer(text):
        if match["id"] not in known:
            yield Problem(
                path,
                _("[#{id}] refers to nothing in the report").format(id=match["id"]),
                closest(match["id"], sorted(known)),
                line_offset=_line(text, match.start()),
            )
    for match in FOOTNOTE_REF.finditer(text):
        used.add(match["label"])
        if match["label"] not in defined:
            yield Problem(
                path,
                _("footnote [^{label}] has no text").format(label=match["label"]),
                _("add a paragraph of its own: [^{label}]: the note's text").format(
                    label=match["label"]
                ),
                line_offset=_line(text, match.start()),
            )
    for label in defined.keys() - used:
        yield Problem(
            path,
            _("footnote [^{label}] is not referred to in the text").format(label=label),
            severity=Severity.warning,
            code="unused-footnote",
        )
    yield from _literals(text, path)


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.kind == "assessment" and ctx.assessment is not None:
        own = ctx.assessment.chapters
        chapters = [*(ctx.study.chapters if ctx.study else []), *own]
    elif ctx.kind == "study" and ctx.study is not None:
        own = chapters = ctx.study.chapters
    else:
        return
    known = _known(ctx, chapters)
    if ctx.kind == "study":  # the recommendations are each assessment's own
        known |= {"aanbeveling-*"}
    for i, chapter in enumerate(own):
        for problem in _of_chapter(chapter, ("chapters", i, "text"), known):
            if ctx.kind == "study" and problem.message.startswith("[#aanbeveling-"):
                continue
            yield problem
