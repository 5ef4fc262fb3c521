"""Walk every evidence item of an assessment with its path (shared by the source rules)."""

from collections.abc import Iterator

from normtoets.models import Assessment, Evidence
from normtoets.yamlsource import PathKey


def all_evidence(assessment: Assessment) -> Iterator[tuple[PathKey, Evidence]]:
    for norm_id, judgement in assessment.judgements.items():
        base: PathKey = ("judgements", norm_id)
        for i, item in enumerate(judgement.evidence):
            yield (*base, "evidence", i), item
        for cid, criterion in judgement.criteria.items():
            for i, item in enumerate(criterion.evidence):
                yield (*base, "criteria", cid, "evidence", i), item
