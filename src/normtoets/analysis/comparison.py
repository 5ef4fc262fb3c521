"""The comparison of municipalities norm by norm: a pure function from models to a matrix.

The CLI renders it (table, CSV, Markdown, JSON) and the comparison report reuses it.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from normtoets.core.i18n import _
from normtoets.core.names import name_key
from normtoets.models import (
    UNITS,
    Assessment,
    Basis,
    BasisKind,
    Criterion,
    CriterionJudgement,
    Framework,
    Judgement,
    Lesson,
    Norm,
    Study,
    Theme,
    Unit,
)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“‘'\"(])")


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""


@dataclass(frozen=True)
class Row:
    """One norm or criterion across municipalities. A score of None means not assessed."""

    id: str
    text: str
    label: str  # the norm's short title where the framework gives one, else its text
    theme: Theme
    norm_id: str  # its own id for a norm row; the parent norm's for a criterion row
    is_criterion: bool
    scores: dict[str, str | None]
    best: list[str]  # municipalities with the best score; all of them on a tie
    differs: bool  # at least two different scores among those assessed
    examples: dict[str, str] = field(default_factory=dict)  # best municipality → first sentence
    scored: int = 0  # municipalities scored on the scale here (not nb, not nvt)
    # Scores that do not rest on the study's own research: municipality → their basis.
    bases: dict[str, Basis] = field(default_factory=dict)

    @property
    def compared(self) -> bool:
        """At least two municipalities scored on the scale: only then is there a difference
        or an agreement to speak of."""
        return self.scored >= 2

    @property
    def assessed(self) -> dict[str, str]:
        return {m: s for m, s in self.scores.items() if s is not None}


@dataclass(frozen=True)
class Rollup:
    """Per theme and municipality: how often each scale level occurs."""

    theme: Theme
    counts: dict[str, Counter[str]]
    means: dict[str, float | None]


@dataclass(frozen=True)
class Comparison:
    framework: Framework
    municipalities: list[str]
    rows: list[Row]  # norms in framework order, each followed by its criteria
    rollups: list[Rollup]
    lessons: list[Lesson] = field(default_factory=list)  # the study's own, with their example
    unit: Unit = field(default_factory=lambda: UNITS["gemeente"])  # what the study audits

    def norm_rows(self) -> list[Row]:
        return [row for row in self.rows if not row.is_criterion]

    def rows_of(self, theme: Theme, criteria: bool = False) -> list[Row]:
        return [r for r in self.rows if r.theme is theme and (criteria or not r.is_criterion)]

    def to_json(self) -> dict[str, Any]:
        """The machine-readable contract of DESIGN.md (keep stable)."""
        norms = self.norm_rows()
        criteria = [row for row in self.rows if row.is_criterion]
        return {
            "framework": {"id": self.framework.id, "version": self.framework.version},
            "municipalities": self.municipalities,
            "norms": [row.id for row in norms],
            "scores": {m: {row.id: row.scores[m] for row in norms} for m in self.municipalities},
            "criteria": {
                m: {row.id: row.scores[m] for row in criteria if row.scores[m] is not None}
                for m in self.municipalities
            },
            # Only the scores that do not rest on the study's own research.
            "basis": {
                m: {
                    row.id: {"kind": basis.kind.value, "source": basis.source}
                    for row in norms
                    if (basis := row.bases.get(m)) is not None
                }
                for m in self.municipalities
                if any(m in row.bases for row in norms)
            },
        }


def _score(framework: Framework, raw: str | None) -> str | None:
    """The code as written, or None for 'not assessed' (absent, or the scale's own code)."""
    return None if framework.scale.is_not_assessed(raw) else raw


def _row(
    framework: Framework,
    theme: Theme,
    item: Norm | Criterion,
    norm_id: str,
    judged: dict[str, Judgement | CriterionJudgement | None],
) -> Row:
    """One norm or criterion across municipalities, with who scores best and whether they differ."""
    scores = {m: _score(framework, j.score if j else None) for m, j in judged.items()}
    ranked = {m: framework.scale.rank(s) for m, s in scores.items() if s is not None}
    ranks = {m: r for m, r in ranked.items() if r is not None}
    top = min(ranks.values(), default=None)
    best = [m for m, r in ranks.items() if r == top]
    differs = len(set(ranks.values())) > 1
    # An example for the others: it meets the norm, and scores better than another.
    examples = _examples(framework, best, scores, judged) if differs else {}
    return Row(item.id, item.text, _label(item), theme, norm_id, item.id != norm_id, scores, best,
               differs, examples, len(ranks), _bases(scores, judged))  # fmt: skip


def _label(item: Norm | Criterion) -> str:
    """The norm's short title where the framework gives one, else its text."""
    return item.short or item.text if isinstance(item, Norm) else item.text


def _examples(
    framework: Framework,
    best: list[str],
    scores: dict[str, str | None],
    judged: dict[str, Judgement | CriterionJudgement | None],
) -> dict[str, str]:
    """The best-scoring municipalities whose score meets the norm, each with the first sentence
    of its finding."""
    return {
        m: first_sentence(j.finding)
        for m in best
        if framework.scale.meets(scores[m]) and (j := judged[m])
    }


def _bases(
    scores: dict[str, str | None], judged: dict[str, Judgement | CriterionJudgement | None]
) -> dict[str, Basis]:
    """The scores that do not rest on the study's own research, with their basis (only a norm's
    judgement has one; an unassessed score needs none)."""
    return {
        m: j.basis
        for m, j in judged.items()
        if isinstance(j, Judgement) and j.basis and j.basis.kind is not BasisKind.onderzoek
        and scores[m] is not None
    }  # fmt: skip


def _mean(framework: Framework, codes: list[str]) -> float | None:
    values = [
        lvl.value for c in codes if (lvl := framework.scale.level(c)) and lvl.value is not None
    ]
    return sum(values) / len(values) if values else None


def build(
    framework: Framework, assessments: list[Assessment], study: Study | None = None
) -> Comparison:
    """Compare assessments of one framework. Order: the study's list, then the rest by name."""
    assessments = _in_study_order(assessments, study)
    names = [a.municipality for a in assessments]
    _check_one_each(names)
    rows: list[Row] = []
    rollups: list[Rollup] = []
    for theme in framework.themes:
        theme_rows = [
            row for norm in theme.norms for row in _norm_rows(framework, theme, norm, assessments)
        ]
        rows += theme_rows
        rollups.append(_rollup(framework, theme, theme_rows, names))
    lessons = [*study.general_lessons, *study.mutual_lessons] if study else []
    return Comparison(
        framework, names, rows, rollups, lessons, study.units if study else UNITS["gemeente"]
    )


def _in_study_order(assessments: list[Assessment], study: Study | None) -> list[Assessment]:
    """The study's municipalities in its order, then the rest by name."""
    order = study.municipalities if study else []
    place: dict[str, int] = {}  # a dict, not list.index: that was files × municipalities
    for i, name in enumerate(order):
        place.setdefault(name_key(name), i)
    return sorted(
        assessments,
        key=lambda a: (place.get(name_key(a.municipality), len(order)), a.municipality),
    )


def _check_one_each(names: list[str]) -> None:
    """Refuse a second assessment of one municipality (any spelling)."""
    # Keyed by name in build: a second assessment of one municipality would silently replace
    # the first (selection refuses it with a diagnostic; this guards other callers).
    keys = [name_key(name) for name in names]
    if len(set(keys)) != len(keys):
        twice = sorted({n for n, k in zip(names, keys, strict=True) if keys.count(k) > 1})
        raise ValueError(
            _("one assessment per municipality: {names}").format(names=", ".join(twice))
        )


def _norm_rows(
    framework: Framework, theme: Theme, norm: Norm, assessments: list[Assessment]
) -> list[Row]:
    """The norm's row, followed by one per criterion."""
    judgements = {a.municipality: a.judgements.get(norm.id) for a in assessments}
    rows = [_row(framework, theme, norm, norm.id, dict(judgements))]
    for criterion in norm.criteria:
        judged = {m: j.criteria.get(criterion.id) if j else None
                  for m, j in judgements.items()}  # fmt: skip
        rows.append(_row(framework, theme, criterion, norm.id, dict(judged)))
    return rows


def _rollup(framework: Framework, theme: Theme, rows: list[Row], names: list[str]) -> Rollup:
    """Per municipality, the codes it was given on the theme's norms (criteria do not count):
    how often each occurs, and their mean."""
    theme_codes = {
        m: [score for row in rows if not row.is_criterion and (score := row.scores[m]) is not None]
        for m in names
    }
    return Rollup(
        theme,
        {m: Counter(codes) for m, codes in theme_codes.items()},
        {m: _mean(framework, codes) for m, codes in theme_codes.items()},
    )
