"""The comparison report's context, put together: the comparison of the municipalities, the
shared context its chapters are built from, and the sentences that say what it rests on.
(Apart from comparison.py, which its chapter builders import: no circle.)"""

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from normtoets.analysis import comparison as compare
from normtoets.analysis.agreement import Agreement
from normtoets.models import Assessment, Framework, Study
from normtoets.report.context import comparison_chapters
from normtoets.report.context.agreement import double_scoring_view
from normtoets.report.context.chapters import build
from normtoets.report.context.common import (
    NAMES_LIMIT,
    Meta,
    dutch_list,
    framework_view,
    front_matter,
    paragraphs,
)
from normtoets.report.context.comparison import (
    ComparisonReport,
    NormComparison,
    Shared,
    ThemeComparison,
    compared_themes,
    municipality_anchor,
    rests_on,
    units_text,
)


def comparison(
    framework: Framework,
    assessments: list[Assessment],
    study: Study | None,
    agreements: list[Agreement] | None = None,
) -> ComparisonReport:
    """The context of the comparison report, on top of compare.build; with `agreements` (the
    study's double scorings) a paragraph on how far they agreed, all together."""
    matrix = compare.build(framework, assessments, study)
    names = matrix.municipalities
    by_name = {name: a for a in assessments for name in a.unit_names}
    statuses = {name: a.status.value for name, a in by_name.items()}
    concepts = [m for m in names if statuses.get(m) != "definitief"]
    meta = _front_matter(framework, assessments, study, matrix, concepts)
    themes = compared_themes(framework, matrix, by_name)
    shared = Shared(
        framework,
        assessments,
        study,
        matrix,
        {m: municipality_anchor(m, i) for i, m in enumerate(names)},
        statuses,
        themes,
        by_name,
    )
    return ComparisonReport(
        meta=meta,
        framework=framework_view(framework),
        study_summary=paragraphs(study.summary) if study else [],
        municipalities=names,
        units_text=units_text(matrix, names),
        relations=_relations(matrix),
        joint=bool(matrix.joint),
        themes=themes,
        concepts=concepts,
        differing_count=_count(themes, lambda n: n.differs),
        compared_count=_count(themes, lambda n: n.norm.compared),
        foundation=_foundation(matrix, by_name),
        compared_bases=_compared_bases(themes),
        basis_notes=[note for t in themes for n in t.norms for note in n.norm.bases],
        chapters=build("comparison", comparison_chapters.CHAPTERS, shared),
        double_scoring=double_scoring_view(agreements or []),
    )


def _front_matter(
    framework: Framework,
    assessments: list[Assessment],
    study: Study | None,
    matrix: compare.Comparison,
    concepts: list[str],
) -> Meta:
    """Definitief only when every municipality's assessment is; dated by the study, else by
    the latest assessment."""
    dates = [a.date for a in assessments if a.date is not None]
    meta = front_matter(
        framework,
        study,
        municipalities=[],
        researchers=list(study.researchers) if study else [],
        status="definitief" if not concepts else "concept",
        date=study.date if study and study.date else (max(dates) if dates else None),
        volume=f"Vergelijking van de {matrix.unit.plural}",
    )
    return replace(meta, running_title=f"{meta.study_title} – vergelijking", unit=matrix.unit)


def _relations(matrix: compare.Comparison) -> list[str]:
    """What the reader must know to read the rows: which units share one joint assessment (one
    finding, not several that agree), and which are part of another."""
    sentences = [
        f"{dutch_list(group)} zijn gezamenlijk beoordeeld: hun scores zijn één oordeel, dat in "
        f"elke rij staat maar als één oordeel telt, nooit als {len(group)} oordelen die "
        f"overeenkomen."
        for group in matrix.joint
    ]
    wholes = dict.fromkeys(matrix.wholes.values())
    for whole in wholes:
        parts = matrix.parts_of(whole)
        verb, them = ("is een deel", "het deel") if len(parts) == 1 else ("zijn delen", "de delen")
        sentences.append(
            f"{dutch_list(parts)} {verb} van {whole}; het oordeel over {whole} geldt "
            f"{whole} als geheel en staat naast dat over {them}, niet erin."
        )
    return sentences


def _count(themes: list[ThemeComparison], counted: Callable[[NormComparison], bool]) -> int:
    return sum(1 for t in themes for n in t.norms if counted(n))


def _foundation(matrix: compare.Comparison, by_name: dict[str, Assessment]) -> list[str]:
    """Per group of municipalities, what their scores rest on: 'Duiven is op alle 10 normen
    beoordeeld, in het eigen onderzoek.' 'Doesburg en Westervoort zijn op 1 van de 10 normen
    beoordeeld (B1); die score is door de onderzoekers afgeleid uit ‘…’, dat zelf geen scores
    geeft.' Scores on the scale count (nb and nvt are no score)."""
    rows = matrix.norm_rows()
    scale, total = matrix.framework.scale, len(rows)
    groups: dict[tuple[int, tuple[str, ...], str], list[str]] = {}
    for m in matrix.municipalities:
        # On a scale of defects, a norm with no finding was assessed: nothing was found.
        scored = [r for r in rows if scale.is_scored(code := r.scores[m])
                  or scale.is_no_finding(code)]  # fmt: skip
        ids = tuple(r.id for r in scored) if len(scored) <= 3 else ()
        rest = rests_on(scored, m, by_name[m])
        groups.setdefault((len(scored), ids, rest), []).append(m)
    sentences = []
    for (count, ids, rest), names in groups.items():
        many = len(names) > 1
        who = (
            dutch_list(names) if len(names) <= NAMES_LIMIT else f"{len(names)} {matrix.unit.plural}"
        )
        verb = "zijn" if many else "is"
        if count == 0:
            sentences.append(f"{who} {verb} op geen van de {total} normen beoordeeld.")
            continue
        how_many = f"alle {total}" if count == total else f"{count} van de {total}"
        which = f" ({', '.join(ids)})" if ids and count < total else ""
        sentences.append(f"{who} {verb} op {how_many} normen beoordeeld{which}{rest}.")
    return sentences


def _compared_bases(themes: list[ThemeComparison]) -> str:
    """Of the scores on the norms at least two municipalities scored: how many rest on
    something else than the study's own research ('2 van die 3 scores zijn afgeleid')."""
    compared = [n.norm for t in themes for n in t.norms if n.norm.compared]
    notes = [note for row in compared for note in row.bases]
    if not notes:
        return ""
    total = sum(row.assessed for row in compared)
    words = Counter(note.word for note in notes)
    first = next(iter(words.values()))
    parts = " en ".join(f"{n} {word}" for word, n in words.items())
    return f"van die {total} scores {'is' if first == 1 else 'zijn'} er {parts}"
