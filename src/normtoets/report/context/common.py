"""Shared pieces of the report context: Dutch formatting, score badges, front matter, framework.

Everything a template shows is worked out here (labels, colours, counts, note numbers, Dutch
dates and lists), so templates only format, and a house style can restyle without logic.
Text stays text: escaping is the template engine's job (autoescape), never done here.
"""

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from normtoets.core.anchors import slug
from normtoets.models import (
    UNITS,
    Assessment,
    Framework,
    Norm,
    Study,
    Theme,
    Unit,
)

MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip
STATUS_LABELS = {
    "concept": "Concept",
    "wederhoor": "Concept voor ambtelijk wederhoor",
    "definitief": "Definitief",
}
STATUS_MARKS = {"concept": "CONCEPT", "wederhoor": "CONCEPT – WEDERHOOR", "definitief": ""}
KIND_GROUPS = {
    "document": "Documenten",
    "interview": "Interviews",
    "email": "E-mails",
    "website": "Websites",
    "other": "Overige bronnen",
}
ADDRESSEES = {"raad": "Aan de gemeenteraad", "college": "Aan het college van B&W"}
# Above this many municipalities the comparison gives counts instead of lists of names.
NAMES_LIMIT = 20
# Norm columns per table of the score matrix: wider frameworks get the matrix in parts.
MATRIX_COLUMNS = 12

_COLOR = re.compile(r"^(#[0-9A-Fa-f]{3}|#[0-9A-Fa-f]{6}|[A-Za-z]{3,20})$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


# ---------------------------------------------------------------- small helpers


def dutch_date(value: dt.date | None) -> str | None:
    """6 september 2017 — no locale needed, so output is the same on every machine."""
    if value is None:
        return None
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def dutch_list(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"


_NUMBER_WORDS = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
                 "tien", "elf", "twaalf"]  # fmt: skip


def spelled_out_start(sentence: str) -> str:
    """A sentence that starts with a number starts with it in words ("Twee normen zijn …"),
    as Dutch text does; the rest capitalised as it is."""
    head, _, rest = sentence.partition(" ")
    if head.isdigit() and int(head) < len(_NUMBER_WORDS):
        head = _NUMBER_WORDS[int(head)]
    text = f"{head} {rest}" if rest else head
    return text[:1].upper() + text[1:]


def paragraphs(text: str | None) -> list[str]:
    """Paragraphs of a YAML text. Blank lines separate them; without any, each line is one
    (a folded `>` block turns a blank line into a single newline)."""
    if not text or not text.strip():
        return []
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return [" ".join(p.split()) for p in parts if p.strip()]


def safe_color(value: str, default: str = "#dddddd") -> str:
    """A colour from the framework goes into a style attribute: only #hex or a plain name."""
    return value if _COLOR.match(value.strip()) else default


def _rgb(color: str) -> tuple[float, float, float] | None:
    if not color.startswith("#"):
        return None
    digits = color[1:]
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    r, g, b = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def text_color(background: str) -> str:
    """Black or white, whichever contrasts more with the background (WCAG luminance)."""
    rgb = _rgb(background)
    if rgb is None:
        return "#000000"

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    # Contrast with black: (L+0.05)/0.05; with white: 1.05/(L+0.05).
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"


# ---------------------------------------------------------------- scores


def norm_anchor(norm_id: str, findings: bool = True) -> str:
    """Where a norm is discussed: its findings, or (in the bestuurlijke nota, which has no
    findings) its row in the overview of the summary."""
    return f"norm-{slug(norm_id)}" if findings else f"overzicht-{slug(norm_id)}"


@dataclass(frozen=True)
class Badge:
    """A score as shown: the code as text, its label, and the scale's colour."""

    code: str
    label: str
    color: str
    text_color: str
    meets: bool | None  # None: not assessed, not applicable, or a code outside the scale
    kind: str  # "level", "not-assessed", "not-applicable", "no-finding" or "unknown"
    rank: int | None  # 0 for the best level
    # A score that does not rest on the study's own research: its mark ("a", "o") and word.
    mark: str | None = None
    basis: str | None = None  # "afgeleid", "overgenomen"

    @property
    def verdict(self) -> str:
        """'voldaan', 'niet voldaan' or '–' for a table column."""
        if self.meets is None:
            return "–"
        return "voldaan" if self.meets else "niet voldaan"


def badge(framework: Framework, code: str | None) -> Badge:
    scale = framework.scale
    if code is None or scale.is_not_assessed(code):  # `is None` for the type checker
        nb = scale.not_assessed
        return Badge(nb.code, nb.label, "#ffffff", "#000000", None, "not-assessed", None)
    if scale.is_not_applicable(code):
        na = scale.not_applicable
        return Badge(na.code, na.label, "#ffffff", "#000000", None, "not-applicable", None)
    if scale.no_finding is not None and code == scale.no_finding.code:
        nf = scale.no_finding
        return Badge(nf.code, nf.label, "#ffffff", "#000000", nf.meets, "no-finding", None)
    level = scale.level(code)
    if level is None:
        return Badge(code, code, "#ffffff", "#000000", None, "unknown", None)
    color = safe_color(level.color)
    return Badge(
        level.code, level.label, color, text_color(color), level.meets, "level", scale.rank(code)
    )


@dataclass(frozen=True)
class LegendItem:
    badge: Badge
    verdict: str  # "telt als voldaan" / "telt als niet voldaan" / "telt niet mee"


def legend(framework: Framework) -> list[LegendItem]:
    scale = framework.scale
    items = [
        LegendItem(
            badge(framework, level.code),
            # A scale of defects counts findings, not norms met.
            _VERDICTS[level.meets] if scale.has_meeting else "telt als bevinding",
        )
        for level in scale.levels
    ]
    if scale.no_finding is not None:
        items.append(LegendItem(badge(framework, scale.no_finding.code),
                                _VERDICTS[scale.no_finding.meets]))  # fmt: skip
    items.append(LegendItem(badge(framework, scale.not_assessed.code), "telt niet mee"))
    items.append(LegendItem(badge(framework, scale.not_applicable.code), "telt niet mee"))
    return items


_VERDICTS = {True: "telt als voldaan", False: "telt als niet voldaan", None: "telt niet mee"}


# ---------------------------------------------------------------- front matter


@dataclass(frozen=True)
class Meta:
    """What the title page, <head> and running headers show."""

    title: str  # <title> and the PDF's title
    study_title: str
    subtitle: str | None
    volume: str | None  # "Bestuurlijke nota", "Nota van bevindingen", "Vergelijking…"
    rekenkamer: str | None
    municipality: str | None  # "Duiven", "Dantumadiel en Noardeast-Fryslân"; None: comparison
    researchers: list[str]
    authors: list[str]  # <meta name="author">, one each
    date: str | None  # Dutch, for the title page
    iso_date: str | None  # dcterms.created
    status: str
    status_label: str
    concept_mark: str  # "" when definitief
    framework_title: str
    framework_ref: str
    running_title: str  # left running header
    unit: Unit  # what the study audits: "gemeente", "scenario", …
    commissioned: bool  # researched by others than the rekenkamer: "in opdracht van"
    research_by: str | None  # who did the research, when not the rekenkamer itself
    names: tuple[str, ...] = ()  # proper names the hyphenator must not break
    where: str = ""  # "gemeente Duiven", "gemeenten Dantumadiel en Noardeast-Fryslân"
    plural: bool = False  # a joint assessment: "de gemeenten … voldoen"

    @property
    def concept(self) -> bool:
        return bool(self.concept_mark)


def date_of(assessment: Assessment | None, study: Study | None) -> dt.date | None:
    if assessment is not None and assessment.date is not None:
        return assessment.date
    return study.date if study is not None else None


def units_named(names: list[str], study: Study | None) -> tuple[Unit, str]:
    """The units' kind (their own when they share one, else the study's) and the phrase that
    names them: 'gemeente Duiven', 'gemeenten Dantumadiel en Noardeast-Fryslân', 'gemeente
    Aadorp en provincie Zuiderland'."""
    kinds = [study.unit_of(n) if study else UNITS["gemeente"] for n in names]
    if len({k.singular for k in kinds}) > 1:
        return (study.units if study else kinds[0]), dutch_list(
            [f"{k.singular} {n}" for k, n in zip(kinds, names, strict=True)]
        )
    unit = kinds[0] if kinds else (study.units if study else UNITS["gemeente"])
    return unit, f"{unit.plural if len(names) > 1 else unit.singular} {dutch_list(names)}"


def front_matter(
    framework: Framework,
    study: Study | None,
    *,
    municipalities: list[str],
    researchers: list[str],
    status: str,
    date: dt.date | None,
    volume: str | None,
) -> Meta:
    study_title = _study_title(framework, study)
    unit, where = units_named(municipalities, study) if municipalities else (
        study.units if study else UNITS["gemeente"], "")  # fmt: skip
    municipality = dutch_list(municipalities) or None
    rekenkamer = study.rekenkamer if study else None
    research_by = study.research_by if study else None
    return Meta(
        title=" – ".join(x for x in (study_title, where, volume) if x),
        study_title=study_title,
        subtitle=study.subtitle if study else None,
        volume=volume,
        rekenkamer=rekenkamer,
        municipality=municipality,
        researchers=researchers,
        authors=_authors(researchers, rekenkamer),
        date=_shown_date(date, study),
        iso_date=date.isoformat() if date else None,
        status=status,
        status_label=STATUS_LABELS.get(status, status),
        concept_mark=STATUS_MARKS.get(status, "CONCEPT"),
        framework_title=framework.title,
        framework_ref=str(framework.ref),
        running_title=" – ".join(x for x in (study_title, where) if x),
        unit=unit,
        commissioned=bool(research_by and research_by != rekenkamer),
        research_by=research_by,
        names=proper_names([*municipalities, rekenkamer, research_by, *researchers], study),
        where=where,
        plural=len(municipalities) > 1,
    )


def _authors(researchers: list[str], rekenkamer: str | None) -> list[str]:
    """<meta name="author">: the researchers, and the rekenkamer when it is not one of them."""
    if rekenkamer and rekenkamer not in researchers:
        return [*researchers, rekenkamer]
    return [*researchers]


def _shown_date(date: dt.date | None, study: Study | None) -> str | None:
    """The date in Dutch, else the study's year."""
    return dutch_date(date) or (str(study.year) if study and study.year else None)


def _study_title(framework: Framework, study: Study | None) -> str:
    if study:
        return study.title
    return f"Toetsing aan het {framework.title[:1].lower()}{framework.title[1:]}"


def proper_names(names: list[str | None], study: Study | None = None) -> tuple[str, ...]:
    """The names (and the study's municipalities), and each capitalised word of a name of
    several words ("Regioplan" of "Regioplan Beleidsonderzoek"), longest first."""
    found = {n for n in [*names, *(study.names if study else [])] if n}
    for name in list(found):
        found |= {w for w in re.findall(r"[A-Z][\w-]{3,}", name) if w != name}
    return tuple(sorted(found, key=len, reverse=True))


# ---------------------------------------------------------------- the framework


@dataclass(frozen=True)
class CriterionView:
    id: str
    letter: str  # "b" of "U2.b"
    text: str


@dataclass(frozen=True)
class NormView:
    id: str
    anchor: str  # its findings
    text: str
    short: str  # short title, else the text
    criteria: list[CriterionView]

    @property
    def overview(self) -> str:
        """Its row in the summary's overview table."""
        return norm_anchor(self.id, findings=False)


@dataclass(frozen=True)
class ThemeView:
    id: str
    anchor: str
    title: str
    description: list[str]
    norms: list[NormView]


def letter(criterion_id: str) -> str:
    return criterion_id.rsplit(".", 1)[-1]


def norm_view(norm: Norm) -> NormView:
    return NormView(
        norm.id,
        f"norm-{slug(norm.id)}",
        norm.text,
        norm.short or norm.text,
        [CriterionView(c.id, letter(c.id), c.text) for c in norm.criteria],
    )


def theme_view(theme: Theme) -> ThemeView:
    return ThemeView(
        theme.id,
        f"thema-{slug(theme.id)}",
        theme.title,
        paragraphs(theme.description),
        [norm_view(n) for n in theme.norms],
    )


@dataclass(frozen=True)
class QuestionView:
    id: str
    text: str
    norms: list[str]


@dataclass(frozen=True)
class FrameworkView:
    id: str
    version: str
    title: str
    source: str | None
    description: list[str]
    themes: list[ThemeView]
    questions: list[QuestionView]
    legend: list[LegendItem]
    norm_count: int
    has_meeting: bool = True  # a score can meet the norm (a scale of defects may have none)


def framework_view(framework: Framework) -> FrameworkView:
    return FrameworkView(
        framework.id,
        framework.version,
        framework.title,
        framework.source,
        paragraphs(framework.description),
        [theme_view(t) for t in framework.themes],
        [QuestionView(q.id, q.text, list(q.norms)) for q in framework.research_questions],
        legend(framework),
        sum(1 for _ in framework.norms()),
        framework.scale.has_meeting,
    )


def defect_counts(badges: list[Badge]) -> str:
    """On a scale of defects, what was found: 'bevindingen op 2 van de 9 normen
    (onvolkomenheid 1, aandachtspunt 1); op 7 geen bevinding'."""
    total = len(badges)
    found = sorted((b for b in badges if b.kind == "level"), key=lambda b: b.rank or 0)
    none = sum(1 for b in badges if b.kind == "no-finding")
    unassessed = sum(1 for b in badges if b.kind in ("not-assessed", "not-applicable"))
    if not found:
        text = (
            "geen bevinding op de norm" if total == 1 else f"geen bevindingen op de {total} normen"
        )
    else:
        levels = ", ".join(f"{label} {n}" for label, n in Counter(b.label for b in found).items())
        word = "een bevinding" if len(found) == 1 else "bevindingen"
        text = f"{word} op {len(found)} van de {total} normen ({levels})"
        text += f"; op {none} geen bevinding" if none else ""
    if unassessed:
        text += f"; {unassessed} niet beoordeeld of niet van toepassing"
    return text
