"""Shared by the rules on kengetallen: each value an assessment records, with its place."""

from collections.abc import Iterator

from normtoets.core.diagnostics import PathKey
from normtoets.models import Assessment
from normtoets.models.indicators import Written


def written_values(assessment: Assessment) -> Iterator[tuple[str, PathKey, str, Written | None]]:
    """(indicator id, place of the entry, its period, its value) for every baseline and value."""
    for ind, record in assessment.indicator_values.items():
        if record.baseline is not None:
            base: PathKey = ("indicator_values", ind, "baseline")
            yield ind, base, record.baseline.period, record.baseline.value
        for i, value in enumerate(record.values):
            yield ind, ("indicator_values", ind, "values", i), value.period, value.value
