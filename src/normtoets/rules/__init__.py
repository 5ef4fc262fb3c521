"""Semantic rules. Each module has CODE, SEVERITY, a docstring that is its documentation and
`check(context)`, a generator of Problems. The registry turns them into Diagnostics."""

from collections.abc import Iterator
from types import ModuleType

from normtoets.diagnostics import Diagnostic
from normtoets.rules import (
    duplicate_id,
    framework_mismatch,
    invalid_score,
    missing_judgement,
    municipality_not_in_study,
    score_contradiction,
    unknown_criterion,
    unknown_framework,
    unknown_norm,
    unknown_question,
    unknown_source,
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
    missing_judgement,
    score_contradiction,
    municipality_not_in_study,
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
