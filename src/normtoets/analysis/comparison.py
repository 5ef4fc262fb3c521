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
    # Findings scored on the scale here (not nb, nvt or no finding): a joint assessment of
    # several municipalities is one finding, counted once.
    scored: int = 0
    # Scores that do not rest on the study's own research: municipality → their basis.
    bases: dict[str, Basis] = field(default_factory=dict)

    @property
    def compared(self) -> bool:
        """At least two findings scored on the scale: only then is there a difference or an
        agreement to speak of (the units of one joint assessment share one finding)."""
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
    unit: Unit = field(default_factory=lambda: UNITS["gemeente"])  # the word for them all
    # The units of each joint assessment (one finding for several), in the order above.
    joint: list[list[str]] = field(default_factory=list)
    kinds: dict[str, Unit] = field(default_factory=dict)  # each unit's own word
    wholes: dict[str, str] = field(default_factory=dict)  # part → the unit it is part of

    def kind(self, name: str) -> Unit:
        return self.kinds.get(name, self.unit)

    def joint_with(self, name: str) -> list[str]:
        """The other units of `name`'s joint assessment; empty for an assessment of one."""
        group = next((g for g in self.joint if name in g), [])
        return [other for other in group if other != name]

    def parts_of(self, name: str) -> list[str]:
        return [part for part, whole in self.wholes.items() if whole == name]

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
            "basis": self._basis_json(norms),
            # Added with the joint assessments: one finding for several units, each unit's
            # kind, and part → whole.
            "joint": [list(group) for group in self.joint],
            "kinds": {m: self.kind(m).singular for m in self.municipalities},
            "parts": dict(self.wholes),
        }

    def _basis_json(self, norms: list[Row]) -> dict[str, dict[str, dict[str, str | None]]]:
        """Only the scores that do not rest on the study's own research."""
        return {
            m: {
                row.id: {"kind": basis.kind.value, "source": basis.source}
                for row in norms
                if (basis := row.bases.get(m)) is not None
            }
            for m in self.municipalities
            if any(m in row.bases for row in norms)
        }


def _score(framework: Framework, raw: str | None, absent: str | None = None) -> str | None:
    """The code as written; `absent` for no judgement at all; None for 'not assessed'."""
    if raw is None:
        return absent
    return None if framework.scale.is_not_assessed(raw) else raw


def _row(
    framework: Framework,
    theme: Theme,
    item: Norm | Criterion,
    norm_id: str,
    judged: dict[str, Judgement | CriterionJudgement | None],
    owners: dict[str, int],
) -> Row:
    """One norm or criterion across municipalities, with who scores best and whether they
    differ. `owners`: each municipality's assessment, so a joint one counts as one finding."""
    # No judgement on a scale of defects is no finding; on a criterion, not assessed.
    absent = framework.scale.unjudged() if item.id == norm_id else None
    scores = {m: _score(framework, j.score if j else None, absent) for m, j in judged.items()}
    ranked = {m: framework.scale.rank(s) for m, s in scores.items() if s is not None}
    ranks = {m: r for m, r in ranked.items() if r is not None}
    top = min(ranks.values(), default=None)
    best = [m for m, r in ranks.items() if r == top]
    # Units of one joint assessment share their score: a difference is always with another.
    differs = len(set(ranks.values())) > 1
    # An example for the others: it meets the norm, and scores better than another.
    examples = _examples(framework, best, scores, judged) if differs else {}
    scored = len({owners[m] for m in ranks})
    return Row(item.id, item.text, _label(item), theme, norm_id, item.id != norm_id, scores, best,
               differs, examples, scored, _bases(scores, judged))  # fmt: skip


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
    """Compare assessments of one framework, one column per unit (each unit of a joint
    assessment its own). Order: the study's list, then the rest by name; a part follows the
    unit it is part of."""
    owned = [(name, i) for i, a in enumerate(assessments) for name in a.unit_names]
    _check_one_each([name for name, _ in owned])
    wholes = _wholes([name for name, _ in owned], study)
    owned = _in_study_order(owned, study, wholes)
    names = [name for name, _ in owned]
    owners = dict(owned)
    rows, rollups = _rows_and_rollups(framework, assessments, owners)
    lessons = [*study.general_lessons, *study.mutual_lessons] if study else []
    kinds = {name: study.unit_of(name) for name in names} if study else {}
    return Comparison(
        framework, names, rows, rollups, lessons, _collective(kinds, study),
        [[n for n in names if owners[n] == i] for i, a in enumerate(assessments) if a.joint],
        kinds, wholes,
    )  # fmt: skip


def _rows_and_rollups(
    framework: Framework, assessments: list[Assessment], owners: dict[str, int]
) -> tuple[list[Row], list[Rollup]]:
    """Theme by theme: its rows (norms, each followed by its criteria) and its rollup."""
    rows: list[Row] = []
    rollups: list[Rollup] = []
    for theme in framework.themes:
        theme_rows = [
            row
            for norm in theme.norms
            for row in _norm_rows(framework, theme, norm, assessments, owners)
        ]
        rows += theme_rows
        rollups.append(_rollup(framework, theme, theme_rows, list(owners)))
    return rows, rollups


# The word for units of several kinds together ("4 gemeenten en 2 provincies" are eenheden).
MIXED = Unit(singular="eenheid", plural="eenheden")


def _collective(kinds: dict[str, Unit], study: Study | None) -> Unit:
    """The one word for all the units compared: their kind when they share one."""
    found = list({unit.singular: unit for unit in kinds.values()}.values())
    if len(found) == 1:
        return found[0]
    return MIXED if found else (study.units if study else UNITS["gemeente"])


def _wholes(names: list[str], study: Study | None) -> dict[str, str]:
    """Part → whole, for the parts whose whole is compared too (as the part spells it)."""
    if study is None:
        return {}
    keyed = {name_key(n): n for n in names}
    found = {}
    for name in names:
        whole = study.whole_of(name)
        if whole is not None and name_key(whole) in keyed:
            found[name] = keyed[name_key(whole)]
    return found


def _in_study_order(
    owned: list[tuple[str, int]], study: Study | None, wholes: dict[str, str]
) -> list[tuple[str, int]]:
    """The study's units in its order, then the rest by name; each part right after its
    whole (and that whole's earlier parts)."""
    order = study.names if study else []
    place: dict[str, int] = {}  # a dict, not list.index: that was files × municipalities
    for i, name in enumerate(order):
        place.setdefault(name_key(name), i)
    ordered = sorted(owned, key=lambda item: (place.get(name_key(item[0]), len(order)), item[0]))
    parts: dict[str, list[tuple[str, int]]] = {}
    for item in ordered:
        if item[0] in wholes:
            parts.setdefault(wholes[item[0]], []).append(item)
    out: list[tuple[str, int]] = []

    def with_parts(item: tuple[str, int]) -> None:
        out.append(item)
        for part in parts.get(item[0], []):
            with_parts(part)  # ends: a unit in a circle of wholes is no one's root

    for item in ordered:
        if item[0] not in wholes:
            with_parts(item)
    placed = {name for name, _ in out}
    out += [item for item in ordered if item[0] not in placed]  # a circle (the rule says so)
    return out


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
    framework: Framework,
    theme: Theme,
    norm: Norm,
    assessments: list[Assessment],
    owners: dict[str, int],
) -> list[Row]:
    """The norm's row, followed by one per criterion; `owners` in the comparison's order."""
    judgements = {m: assessments[i].judgements.get(norm.id) for m, i in owners.items()}
    rows = [_row(framework, theme, norm, norm.id, dict(judgements), owners)]
    for criterion in norm.criteria:
        judged = {m: j.criteria.get(criterion.id) if j else None
                  for m, j in judgements.items()}  # fmt: skip
        rows.append(_row(framework, theme, criterion, norm.id, dict(judged), owners))
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
