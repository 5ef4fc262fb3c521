"""The context of the comparison report."""

from collections import Counter
from dataclasses import dataclass, field

from normtoets.analysis import comparison as compare
from normtoets.core.anchors import slug
from normtoets.core.names import name_key
from normtoets.models import (
    Assessment,
    BasisKind,
    Framework,
    Lesson,
    Study,
    Unit,
)
from normtoets.report.charts import Series, StackedBars
from normtoets.report.context.agreement import DoubleScoring
from normtoets.report.context.basis import (
    MARKS,
    WORDS,
    BasisNote,
    marked,
    sentence,
    source_title,
)
from normtoets.report.context.chapters import Chapter
from normtoets.report.context.common import (
    MATRIX_COLUMNS,
    NAMES_LIMIT,
    STATUS_LABELS,
    Badge,
    FrameworkView,
    Meta,
    ThemeView,
    badge,
    defect_counts,
    dutch_list,
    paragraphs,
    safe_color,
    theme_view,
)

# ---------------------------------------------------------------- the comparison


@dataclass(frozen=True)
class MatrixColumn:
    id: str
    anchor: str
    short: str
    differs: bool


@dataclass(frozen=True)
class MatrixGroup:
    """A theme's columns within one part of the matrix."""

    title: str
    columns: list[MatrixColumn]


@dataclass(frozen=True)
class MatrixRow:
    municipality: str
    anchor: str
    cells: list[Badge]
    met: int
    scored: int
    note: str = ""  # "provincie", "gezamenlijk met Westervoort", "deel van Ministerie …"
    part: bool = False  # part of the unit in a row above it


@dataclass(frozen=True)
class MatrixPart:
    """One table: all municipalities as rows, at most MATRIX_COLUMNS norms as columns."""

    number: int
    groups: list[MatrixGroup]
    rows: list[MatrixRow]

    @property
    def columns(self) -> list[MatrixColumn]:
        return [c for g in self.groups for c in g.columns]


@dataclass(frozen=True)
class LevelCount:
    badge: Badge
    count: int
    municipalities: list[str]  # empty above NAMES_LIMIT: the count says enough


@dataclass(frozen=True)
class Example:
    municipality: str
    sentence: str


@dataclass(frozen=True)
class RowComparison:
    """One norm (or criterion) across municipalities."""

    id: str
    anchor: str
    text: str
    short: str
    is_criterion: bool
    differs: bool
    distribution: list[LevelCount]  # only levels that occur
    best: list[str]
    examples: list[Example]  # at most NAMES_LIMIT
    more_examples: int  # how many examples were left out
    assessed: int  # municipalities with a score (not "niet beoordeeld")
    common: Badge | None  # the one score every assessed municipality has, if so
    compared: bool  # at least two scored on the scale: a difference or agreement to speak of
    bases: list[BasisNote] = field(default_factory=list)  # scores not from own research

    @property
    def bases_text(self) -> str:
        """'2 afgeleid': how many of the scores rest on something else than own research."""
        counts = Counter(note.word for note in self.bases)
        return ", ".join(f"{n} {word}" for word, n in counts.items())


@dataclass(frozen=True)
class NormComparison:
    norm: RowComparison
    criteria: list[RowComparison]  # only those that differ

    @property
    def differs(self) -> bool:
        return self.norm.differs or bool(self.criteria)


@dataclass(frozen=True)
class ThemeComparison:
    theme: ThemeView
    norms: list[NormComparison]

    @property
    def differing(self) -> list[NormComparison]:
        return [n for n in self.norms if n.differs]

    @property
    def same(self) -> list[NormComparison]:
        """Norms at least two assessed, without a difference."""
        return [n for n in self.norms if not n.differs and n.norm.compared]

    @property
    def uncompared(self) -> list[NormComparison]:
        """Norms scored by one municipality or none: nothing to compare."""
        return [n for n in self.norms if not n.differs and not n.norm.compared]


@dataclass(frozen=True)
class LessonView:
    title: str | None
    text: list[str]
    norms: list[MatrixColumn]
    example: str | None
    example_anchor: str | None


@dataclass(frozen=True)
class MunicipalityProfile:
    name: str
    note: str  # as MatrixRow.note
    defects: str  # on a scale of defects, what was found; "" otherwise
    anchor: str
    status_label: str
    concept: bool
    counts: list[LevelCount]  # every level of the scale, plus not assessed / not applicable
    met: int
    scored: int
    total: int
    summary: list[str]
    examples: list[str]  # norm ids where this municipality can serve as an example
    rests_on: str = ""  # "Die score is door de onderzoekers afgeleid uit ‘…’." or ""


@dataclass(frozen=True)
class Lessons:
    general: list[LessonView]
    mutual: list[LessonView]
    source: str | None  # where the study's lessons come from


@dataclass(frozen=True)
class Shared:
    """What every chapter of the comparison report is built from."""

    framework: Framework
    assessments: list[Assessment]
    study: Study | None
    comparison: compare.Comparison
    anchors: dict[str, str]  # municipality → its anchor in the chapter De gemeenten
    statuses: dict[str, str]
    themes: list[ThemeComparison]
    by_name: dict[str, Assessment] = field(default_factory=dict)


@dataclass(frozen=True)
class ComparisonReport:
    meta: Meta
    framework: FrameworkView
    study_summary: list[str]
    municipalities: list[str]
    units_text: str  # "4 gemeenten en 2 provincies"
    relations: list[str]  # joint assessments and parts, one sentence each
    joint: bool  # some units share one joint assessment
    themes: list[ThemeComparison]
    concepts: list[str]  # municipalities whose assessment is not definitief
    differing_count: int
    compared_count: int  # norms scored by at least two municipalities
    foundation: list[str]  # per municipality: how many norms assessed, and what that rests on
    compared_bases: str  # "2 van die 3 scores zijn afgeleid": of the scores compared
    basis_notes: list[BasisNote]  # every score not from the study's own research
    chapters: list[Chapter]
    names_limit: int = field(default=NAMES_LIMIT)

    @property
    def many(self) -> bool:
        return len(self.municipalities) > self.names_limit

    def has(self, chapter_id: str) -> bool:
        return any(c.id == chapter_id for c in self.chapters)

    def chapter(self, chapter_id: str) -> Chapter | None:
        return next((c for c in self.chapters if c.id == chapter_id), None)

    double_scoring: DoubleScoring | None = None


def municipality_anchor(name: str, index: int) -> str:
    return f"gemeente-{index + 1}-{slug(name)}"


def units_text(matrix: compare.Comparison, names: list[str]) -> str:
    """'3 gemeenten', '1 gemeente', '4 gemeenten en 2 provincies': counted per kind."""
    counts: dict[str, tuple[int, Unit]] = {}
    for name in names:
        unit = matrix.kind(name)
        counts[unit.singular] = (counts.get(unit.singular, (0, unit))[0] + 1, unit)
    return dutch_list(
        [f"{n} {unit.singular if n == 1 else unit.plural}" for n, unit in counts.values()]
    )


def unit_note(matrix: compare.Comparison, name: str) -> str:
    """What a row's name alone does not say: its kind where it differs from most units', a
    joint assessment, the unit it is part of."""
    kinds = Counter(matrix.kind(n).singular for n in matrix.municipalities)
    notes = []
    if len(kinds) > 1 and matrix.kind(name).singular != kinds.most_common(1)[0][0]:
        notes.append(matrix.kind(name).singular)
    if joint := matrix.joint_with(name):
        notes.append(f"gezamenlijk met {dutch_list(joint)}")
    if name in matrix.wholes:
        notes.append(f"deel van {matrix.wholes[name]}")
    return ", ".join(notes)


def collapsed(matrix: compare.Comparison, names: list[str]) -> list[str]:
    """The names, with the units of one joint assessment as one: 'Dantumadiel en
    Noardeast-Fryslân (gezamenlijk)', at the place of the first."""
    return [shown for shown, _first in _grouped(matrix, names)]


def _grouped(matrix: compare.Comparison, names: list[str]) -> list[tuple[str, str]]:
    """(the name as shown, the first unit) per assessment among `names`."""
    out, seen = [], set()
    for name in names:
        if name in seen:
            continue
        group = [name, *(n for n in matrix.joint_with(name) if n in names)]
        seen.update(group)
        out.append((f"{dutch_list(group)} (gezamenlijk)" if len(group) > 1 else name, name))
    return out


def _basis_notes(row: compare.Row, by_name: dict[str, Assessment]) -> list[BasisNote]:
    return [
        BasisNote(MARKS[b.kind], m, row.id, f"vergelijking-{slug(row.norm_id)}", WORDS[b.kind],
                  source_title(by_name[m], b))
        for m, b in row.bases.items()
    ]  # fmt: skip


def _row_comparison(
    framework: Framework,
    row: compare.Row,
    by_name: dict[str, Assessment],
    matrix: compare.Comparison,
) -> RowComparison:
    by_code: dict[str | None, list[str]] = {}
    for m, score in row.scores.items():
        by_code.setdefault(score, []).append(m)
    scale = framework.scale
    distribution = []
    codes = scale.codes
    known = set(codes)
    for code in [*codes, *sorted(c for c in by_code if c and c not in known)]:
        key: str | None = None if scale.is_not_assessed(code) else code
        names = by_code.get(key, [])
        if names:
            distribution.append(
                LevelCount(
                    badge(framework, key),
                    len(names),
                    collapsed(matrix, names) if len(names) <= NAMES_LIMIT else [],
                )
            )
    # One example per finding: the units of a joint assessment share theirs.
    examples = [
        Example(shown, row.examples[first]) for shown, first in _grouped(matrix, list(row.examples))
    ]
    assessed = {s for s in row.scores.values() if s is not None}
    return RowComparison(
        row.id,
        f"vergelijking-{slug(row.id)}",
        row.text,
        row.label,
        row.is_criterion,
        row.differs,
        distribution,
        list(row.best),
        examples[:NAMES_LIMIT],
        max(0, len(examples) - NAMES_LIMIT),
        sum(1 for s in row.scores.values() if s is not None),
        badge(framework, next(iter(assessed))) if len(assessed) == 1 else None,
        row.compared,
        _basis_notes(row, by_name),
    )


def _lesson(framework: Framework, lesson: Lesson, anchors: dict[str, str]) -> LessonView:
    """`anchors`: by `names.name_key` of the municipality."""
    norms = []
    for norm_id in lesson.norms:
        norm = framework.norm(norm_id)
        short = (norm.short or norm.text) if norm else norm_id
        norms.append(MatrixColumn(norm_id, f"vergelijking-{slug(norm_id)}", short, False))
    return LessonView(
        lesson.title,
        paragraphs(lesson.text),
        norms,
        lesson.example,
        anchors.get(name_key(lesson.example)) if lesson.example else None,
    )


def _chunks(
    columns: list[tuple[str, MatrixColumn]], size: int
) -> list[list[tuple[str, MatrixColumn]]]:
    """Split the columns in parts of at most `size`, preferring to cut between themes."""
    parts: list[list[tuple[str, MatrixColumn]]] = []
    current: list[tuple[str, MatrixColumn]] = []
    left = Counter(t for t, _ in columns)  # columns of each theme still to place
    for item in columns:
        theme = item[0]
        full = len(current) >= size
        # A new theme starts: begin a new part if the whole theme would not fit.
        starts = theme != current[-1][0] if current else False
        if current and (full or (starts and len(current) + min(left[theme], size) > size)):
            parts.append(current)
            current = []
        current.append(item)
        left[theme] -= 1
    if current:
        parts.append(current)
    return parts


def rests_on(scored: list[compare.Row], municipality: str, assessment: Assessment) -> str:
    """', in het eigen onderzoek' or '; die score is afgeleid uit ‘…’' for one municipality."""
    by_kind: dict[BasisKind, list[str]] = {}
    for row in scored:
        basis = row.bases.get(municipality)
        if basis is not None:
            by_kind.setdefault(basis.kind, []).append(source_title(assessment, basis))
    if not by_kind:
        return ", in het eigen onderzoek"
    parts = []
    for kind, sources in by_kind.items():
        part = sentence(kind, len(sources), sources)
        if len(sources) < len(scored):
            part = part.replace("die score is", "één daarvan is", 1).replace(
                f"die {len(sources)} scores zijn", f"{len(sources)} daarvan zijn", 1
            )
        parts.append(part)
    return "; " + "; ".join(parts)


def compared_themes(
    framework: Framework, matrix: compare.Comparison, by_name: dict[str, Assessment]
) -> list[ThemeComparison]:
    """Per theme, each norm compared across the municipalities, with its differing criteria."""
    rows = {r.id: r for r in matrix.rows}
    themes = []
    for theme in framework.themes:
        norms = []
        for norm in theme.norms:
            criteria = [
                _row_comparison(framework, rows[c.id], by_name, matrix)
                for c in norm.criteria
                if c.id in rows and rows[c.id].differs
            ]
            norm_row = _row_comparison(framework, rows[norm.id], by_name, matrix)
            norms.append(NormComparison(norm_row, criteria))
        themes.append(ThemeComparison(theme_view(theme), norms))
    return themes


def matrix_parts(s: Shared) -> list[MatrixPart]:
    """The score matrix: municipalities as rows (any number fits, the header repeats on every
    page), norms as columns, cut in parts when a framework has many norms."""
    framework, rows = s.framework, {r.id: r for r in s.comparison.rows}
    columns = [
        (
            row.theme.title,
            MatrixColumn(row.id, f"vergelijking-{slug(row.id)}", row.label, row.differs),
        )
        for row in s.comparison.norm_rows()
    ]
    parts = []
    for number, chunk in enumerate(_chunks(columns, MATRIX_COLUMNS), start=1):
        groups: list[MatrixGroup] = []
        for theme_title, column in chunk:
            if groups and groups[-1].title == theme_title:
                groups[-1].columns.append(column)
            else:
                groups.append(MatrixGroup(theme_title, [column]))
        ids = [c.id for _, c in chunk]
        part_rows = []
        for m in s.comparison.municipalities:
            cells = [marked(badge(framework, rows[i].scores[m]), rows[i].bases.get(m)) for i in ids]
            part_rows.append(
                MatrixRow(
                    m,
                    s.anchors[m],
                    cells,
                    sum(1 for b in cells if b.meets is True),
                    sum(1 for b in cells if b.meets is not None),
                    unit_note(s.comparison, m),
                    m in s.comparison.wholes,
                )
            )
        parts.append(MatrixPart(number, groups, part_rows))
    return parts


def profiles(s: Shared) -> list[MunicipalityProfile]:
    """Per municipality: its counts per level, how many norms it meets, its own summary."""
    framework, scale = s.framework, s.framework.scale
    by_name = {name: a for a in s.assessments for name in a.unit_names}
    norm_rows = s.comparison.norm_rows()
    out = []
    for m in s.comparison.municipalities:
        counts = _level_counts(framework, Counter(r.scores[m] for r in norm_rows))
        out.append(
            MunicipalityProfile(
                m,
                unit_note(s.comparison, m),
                _defects(framework, [r.scores[m] for r in norm_rows]),
                s.anchors[m],
                STATUS_LABELS.get(s.statuses[m], s.statuses[m]),
                s.statuses[m] != "definitief",
                counts,
                sum(c.count for c in counts if c.badge.meets is True),
                sum(c.count for c in counts if c.badge.meets is not None),
                len(norm_rows),
                paragraphs(by_name[m].summary),
                [r.id for r in norm_rows if m in r.examples],
                _rests_on_sentence(
                    [r for r in norm_rows if scale.is_scored(r.scores[m])], m, by_name[m]
                ),
            )
        )
    return out


def _defects(framework: Framework, codes: list[str | None]) -> str:
    """On a scale of defects, what was found; "" on a scale that can meet the norm."""
    if framework.scale.has_meeting:
        return ""
    return defect_counts([badge(framework, code) for code in codes])


def _level_counts(framework: Framework, codes: Counter[str | None]) -> list[LevelCount]:
    """How often each code occurs: every level of the scale, then no finding (on a scale of
    defects), not assessed and not applicable."""
    scale = framework.scale
    specials = [*(s.code for s in filter(None, [scale.no_finding])), None,
                scale.not_applicable.code]  # fmt: skip
    return [
        LevelCount(badge(framework, code), codes[code], [])
        for code in [*(level.code for level in scale.levels), *specials]
    ]


def _rests_on_sentence(scored: list[compare.Row], municipality: str, assessment: Assessment) -> str:
    """The profile's sentence on what the scores rest on; empty for the study's own research."""
    clause = rests_on(scored, municipality, assessment)
    if not clause.startswith("; "):
        return ""
    text = clause[2:]
    return text[:1].upper() + text[1:] + "."


def lessons(s: Shared) -> Lessons | None:
    """The study's lessons, each example linked to its municipality; None without any."""
    study = s.study
    if study is None or not (study.general_lessons or study.mutual_lessons):
        return None
    keyed = {name_key(m): anchor for m, anchor in s.anchors.items()}  # a lesson's spelling
    return Lessons(
        [_lesson(s.framework, x, keyed) for x in study.general_lessons],
        [_lesson(s.framework, x, keyed) for x in study.mutual_lessons],
        " ".join(study.source.split()) if study.source else None,
    )


@dataclass(frozen=True)
class MetRow:
    name: str
    anchor: str
    met: int
    not_met: int
    open: int  # not assessed or not applicable
    assessed: int  # scored on the scale: what `met` and `share` are counted over
    total: int
    share: str  # "70%" of the norms assessed; "–" when none was

    @property
    def coverage(self) -> str:
        return f"{self.assessed} van {self.total}"


@dataclass(frozen=True)
class MetPart:
    chart: StackedBars
    rows: list[MetRow]


@dataclass(frozen=True)
class MetChapter:
    """Norms met per municipality, counted over the norms each was assessed on, with whether
    (and among whom) the order is a ranking."""

    parts: list[MetPart]
    ranked: bool  # ordered by share of the assessed norms met (else in the study's order)
    order: str  # the sentence that says how the rows are ordered, and why
    unranked: list[str]  # below the study's min_coverage: listed after the ranked ones


MET_PER_CHART = 40  # bars per figure: an SVG cannot break across pages


def _met_row(p: MunicipalityProfile) -> MetRow:
    share = f"{round(100 * p.met / p.scored)}%" if p.scored else "–"
    return MetRow(p.name, p.anchor, p.met, p.scored - p.met, p.total - p.scored, p.scored,
                  p.total, share)  # fmt: skip


def _ordered(s: Shared, rows: list[MetRow]) -> tuple[list[MetRow], bool, str, list[str]]:
    """Rank by the share of the assessed norms met only among municipalities that can be
    compared so: all assessed on as many norms, or each on at least the study's min_coverage
    (the rest follow, unranked). Otherwise keep the study's order and say why."""
    units = s.comparison.unit.plural
    minimum = s.study.min_coverage if s.study else None
    if minimum is not None:
        return _ordered_by_coverage(rows, minimum, units)
    if rows and len({r.assessed for r in rows}) == 1 and rows[0].assessed:
        order = (
            f"Gerangschikt naar het aandeel voldaan: alle {units} zijn op dezelfde "
            f"{rows[0].assessed} normen beoordeeld."
            if rows[0].assessed == rows[0].total
            else f"Gerangschikt naar het aandeel voldaan: alle {units} zijn op "
            f"{rows[0].assessed} van de {rows[0].total} normen beoordeeld."
        )
        return _by_share(rows), True, order, []
    order = (
        f"Niet gerangschikt, in de volgorde van het onderzoek: de {units} zijn op een "
        f"verschillend aantal normen beoordeeld, dus een rangorde zou vooral laten zien hoeveel "
        f"er van elk is beoordeeld. Het aandeel voldaan is steeds van de beoordeelde normen."
    )
    return rows, False, order, []


def _by_share(found: list[MetRow]) -> list[MetRow]:
    """Highest share of the assessed norms met first; on a tie, more assessed, then by name."""
    return sorted(found, key=lambda r: (-r.met / r.assessed, -r.assessed, name_key(r.name)))


def _ordered_by_coverage(
    rows: list[MetRow], minimum: float, units: str
) -> tuple[list[MetRow], bool, str, list[str]]:
    """_ordered for a study with a min_coverage: those assessed on at least that share of the
    norms ranked, the rest after them in the study's order."""
    need = minimum * (rows[0].total if rows else 0)
    ranked = [r for r in rows if r.assessed and r.assessed >= need]
    rest = [r for r in rows if r not in ranked]
    percent = f"{round(100 * minimum)}%"
    order = (
        f"Gerangschikt naar het aandeel voldaan van de normen waarop zij zijn beoordeeld, "
        f"alleen de {units} die op ten minste {percent} van de normen zijn beoordeeld"
    )
    if rest:
        order += f"; daarna, niet gerangschikt, de {units} met minder"
    return [*_by_share(ranked), *rest], bool(ranked), order + ".", [r.name for r in rest]


def met_chapter(s: Shared) -> MetChapter:
    """Per municipality the norms met, over the norms assessed, as charts of at most
    MET_PER_CHART bars, each with its table. The colours are the scale's: its best level that
    meets the norm, its worst level, and grey for what was not scored."""
    levels = s.framework.scale.levels
    met_color = safe_color(next((lv.color for lv in levels if lv.meets), "#1b7837"))
    not_met_color = safe_color(levels[-1].color)
    units = s.comparison.unit
    rows, ranked, order, unranked = _ordered(s, [_met_row(p) for p in profiles(s)])
    series = [Series("voldaan", met_color), Series("niet voldaan", not_met_color),
              Series("niet beoordeeld of n.v.t.", "#d9d9d9")]  # fmt: skip
    how = (
        "naar aandeel voldaan van de beoordeelde normen"
        if ranked
        else "in de volgorde van het onderzoek"
    )
    parts = []
    for start in range(0, len(rows), MET_PER_CHART):
        chunk = rows[start : start + MET_PER_CHART]
        first, last = start + 1, start + len(chunk)
        which = f" ({first}–{last} van {len(rows)})" if len(rows) > MET_PER_CHART else ""
        description = "; ".join(
            f"{r.name}: {r.met} voldaan, {r.not_met} niet voldaan, {r.open} niet beoordeeld"
            for r in chunk
        )
        chart = StackedBars(
            f"voldaan-{first}",
            f"Aantal normen waaraan elke {units.singular} voldoet, {how}{which}, als gestapelde "
            f"staven; de aantallen staan in de tabel eronder.",
            description + ".",
            series,
            [(r.name, [r.met, r.not_met, r.open]) for r in chunk],
        )
        parts.append(MetPart(chart, chunk))
    return MetChapter(parts, ranked, order, unranked)
