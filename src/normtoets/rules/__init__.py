"""Semantic rules. Each module has CODE, SEVERITY, a docstring that is its documentation and
`check(context)`, a generator of Problems. The registry turns them into Diagnostics."""

from collections.abc import Iterator
from types import ModuleType

from normtoets.diagnostics import Diagnostic
from normtoets.rules import (
    conclusion_without_basis,
    duplicate_id,
    framework_mismatch,
    invalid_score,
    missing_judgement,
    municipality_not_in_study,
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
    unknown_norm,
    unknown_question,
    unknown_source,
    unreviewed_judgement,
    unused_source,
)
from normtoets.rules.base import Context, Problem
from normtoets.yamlsource import Document

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
    unreviewed_judgement,
]


def run(context: Context, doc: Document) -> Iterator[Diagnostic]:
    for rule in RULES:
        for problem in rule.check(context):
            line, column = doc.position(problem.path, key=problem.at_key)
            yield Diagnostic(
                doc.name,
                line,
                column,
                problem.severity or rule.SEVERITY,
                rule.CODE,
                problem.message,
                problem.hint,
            )


__all__ = ["RULES", "Context", "Problem", "run"]
