"""What an assessment cites: every evidence item with its path, every place that names a source,
the sources in use. Used by the source rules, `status` and the reports."""

from collections.abc import Iterator

from normtoets.core.diagnostics import PathKey
from normtoets.models.assessment import Assessment, Evidence
from normtoets.models.narrative import CITATION, Narrative


def all_evidence(assessment: Assessment) -> Iterator[tuple[PathKey, Evidence]]:
    for norm_id, judgement in assessment.judgements.items():
        base: PathKey = ("judgements", norm_id)
        for i, item in enumerate(judgement.evidence):
            yield (*base, "evidence", i), item
        for cid, criterion in judgement.criteria.items():
            for i, item in enumerate(criterion.evidence):
                yield (*base, "criteria", cid, "evidence", i), item
    for f, follow_up in enumerate(assessment.follow_up):
        for i, item in enumerate(follow_up.evidence):
            yield ("follow_up", f, "evidence", i), item


def citations(chapters: list[Narrative], base: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Every [@source] in the chapters' text, at the path of that text."""
    for i, chapter in enumerate(chapters):
        for match in CITATION.finditer(chapter.text):
            yield (*base, "chapters", i, "text"), match.group("source")


def source_references(assessment: Assessment) -> Iterator[tuple[PathKey, str]]:
    """Every place that names a source id: evidence, a score's basis, wederhoor responses,
    `via`, the citations in the chapters' text, and the sources of kengetallen's values."""
    yield from citations(assessment.chapters)
    for path, item in all_evidence(assessment):
        yield (*path, "source"), item.source
    for norm_id, judgement in assessment.judgements.items():
        if judgement.basis is not None and judgement.basis.source is not None:
            yield ("judgements", norm_id, "basis", "source"), judgement.basis.source
        for i, response in enumerate(judgement.responses):
            if response.source is not None:
                yield ("judgements", norm_id, "responses", i, "source"), response.source
    for i, source in enumerate(assessment.sources):
        if source.via is not None:
            yield ("sources", i, "via"), source.via
    for ind, record in assessment.indicator_values.items():
        if record.baseline is not None and record.baseline.source is not None:
            yield ("indicator_values", ind, "baseline", "source"), record.baseline.source
        for i, value in enumerate(record.values):
            if value.source is not None:
                yield ("indicator_values", ind, "values", i, "source"), value.source


def cited_sources(assessment: Assessment) -> set[str]:
    """Source ids in use: cited by evidence or a response, or carrying another source's quotes."""
    return {source_id for _, source_id in source_references(assessment)}
