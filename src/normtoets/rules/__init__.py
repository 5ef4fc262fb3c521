"""Semantic rules. Each module has CODE, SEVERITY, a docstring that is its documentation and
`check`, a generator of Problems: `check(context)` for one file (RULES), `check(members)` for
the assessments of one study together (STUDY_RULES), yielding each Problem with the index of
the member it is in. The registry turns them into Diagnostics."""

from collections.abc import Iterator, Sequence
from types import ModuleType

from normtoets.core.diagnostics import Diagnostic
from normtoets.models import Assessment
from normtoets.rules import (
    chapter_placement,
    conclusion_without_basis,
    double_scoring_missing,
    duplicate_id,
    duplicate_municipality,
    edited_after_review,
    framework_mismatch,
    invalid_number,
    invalid_period,
    invalid_score,
    invisible_character,
    missing_assessment,
    missing_judgement,
    municipality_not_in_study,
    own_text_references,
    quote_not_found,
    recommendation_without_conclusion,
    rollup_departure,
    score_contradiction,
    self_review,
    source_changed,
    source_file_missing,
    source_outside,
    source_unreadable,
    unknown_conclusion,
    unknown_criterion,
    unknown_framework,
    unknown_indicator,
    unknown_norm,
    unknown_question,
    unknown_source,
    unknown_whole,
    unparsed_target,
    unreviewed_judgement,
    untestable_target,
    unused_source,
)
from normtoets.rules.base import Context, Member, Problem
from normtoets.yamlio.read import Document

RULES: list[ModuleType] = [
    unknown_framework,
    framework_mismatch,
    duplicate_id,
    unknown_norm,
    unknown_criterion,
    unknown_question,
    invalid_score,
    unknown_source,
    unused_source,
    source_outside,
    source_file_missing,
    source_unreadable,
    source_changed,
    quote_not_found,
    missing_judgement,
    score_contradiction,
    municipality_not_in_study,
    unknown_conclusion,
    conclusion_without_basis,
    recommendation_without_conclusion,
    rollup_departure,
    self_review,
    edited_after_review,
    unreviewed_judgement,
    invisible_character,
    chapter_placement,
    own_text_references,
    double_scoring_missing,
    missing_assessment,
    unknown_whole,
    unknown_indicator,
    invalid_period,
    invalid_number,
    unparsed_target,
    untestable_target,
]


# Across the files of one study (one folder); the file-level rules have run on each.
STUDY_RULES: list[ModuleType] = [duplicate_municipality]


def place(rule: ModuleType, doc: Document, problem: Problem) -> Diagnostic:
    """A rule's Problem as a Diagnostic at its place in `doc`."""
    return doc.place(problem, rule.CODE, rule.SEVERITY)


def run(context: Context, doc: Document) -> Iterator[Diagnostic]:
    for rule in RULES:
        for problem in rule.check(context):
            yield place(rule, doc, problem)


def run_study(files: Sequence[tuple[Document, Assessment]]) -> Iterator[Diagnostic]:
    """The study rules over the valid assessments of one study, in file name order."""
    members = [Member(doc.name, assessment) for doc, assessment in files]
    for rule in STUDY_RULES:
        for index, problem in rule.check(members):
            yield place(rule, files[index][0], problem)


__all__ = ["RULES", "STUDY_RULES", "Context", "Member", "Problem", "place", "run", "run_study"]
