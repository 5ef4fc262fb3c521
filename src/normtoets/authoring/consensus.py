"""`agree --consensus`: the assessment the consensus meeting starts from.

A judgement every rater scored alike keeps that score, the first rater's finding and every
rater's evidence; any other judgement is `nb`, with each rater's score and finding as comments
above it, to be settled in the meeting. The sources are every rater's (by id, the first
description wins). The file is new: an existing one is never replaced. Before it is written the
text is parsed back and checked: its scores must be the ones intended, and it must validate.
"""

import json
import re
from pathlib import Path
from typing import Any

from normtoets.analysis.agreement import Agreement, Row
from normtoets.authoring.scaffold import comment_lines, create_new, refuse_existing
from normtoets.core.diagnostics import Diagnostic, Severity
from normtoets.core.errors import RunError
from normtoets.core.i18n import _
from normtoets.loading.session import Session
from normtoets.models import Assessment

_PLAIN_ID = re.compile(r"[A-Za-z][A-Za-z0-9._-]*")  # never a number
_WORDS = {"y", "yes", "n", "no", "on", "off", "true", "false", "null"}  # booleans in YAML 1.1
_BREAKS = {"\u0085": "\\N", "\u2028": "\\L", "\u2029": "\\P"}  # YAML's own escapes for them


def _key(text: str) -> str:
    """An id as a plain key where YAML reads it as that text; quoted otherwise ("1", "yes")."""
    plain = _PLAIN_ID.fullmatch(text) and text.lower() not in _WORDS
    return text if plain else _quoted(text)


def _quoted(value: Any) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's), or a JSON flow mapping."""
    text = json.dumps(value, ensure_ascii=False)
    for char, escape in _BREAKS.items():
        text = text.replace(char, escape)
    return text


def _sources(agreement: Agreement) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for scoring in agreement.scorings:
        for source in scoring.assessment.sources:
            found.setdefault(source.id, source.model_dump(mode="json", exclude_defaults=True))
    return list(found.values())


def _evidence(agreement: Agreement, row: Row) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for scoring in agreement.scorings:
        judgement = scoring.assessment.judgements.get(row.norm_id)
        if judgement is not None and row.is_criterion:
            judgement = judgement.criteria.get(row.id)  # type: ignore[assignment]
        for item in judgement.evidence if judgement else []:
            dumped = item.model_dump(mode="json", exclude_defaults=True)
            if dumped not in found:
                found.append(dumped)
    return found


def _open(row: Row) -> bool:
    """Left nb for the meeting while some rater gave it a value: a difference, or a judgement
    not every rater assessed."""
    return not row.agreed and bool(row.given)


def _differences(agreement: Agreement, row: Row, indent: str) -> list[str]:
    scores = "; ".join(
        f"{rater}: {score or 'nb'}"
        for rater, score in zip(agreement.raters, row.scores, strict=True)
    )
    lines = comment_lines(_("{id} differs: {scores}").format(id=row.id, scores=scores), indent)
    by_finding: dict[str, list[str]] = {}  # a finding two raters share is shown once
    for rater, finding in zip(agreement.raters, row.findings, strict=True):
        if finding.strip():
            by_finding.setdefault(" ".join(finding.split()), []).append(rater)
    for finding, raters in by_finding.items():
        lines += comment_lines(f"{', '.join(raters)}: {finding}", indent)
    return lines


def _judgement(agreement: Agreement, row: Row, indent: str) -> tuple[list[str], str]:
    """The lines of one judgement's fields, and the score it gets."""
    nb = agreement.framework.scale.not_assessed.code
    score = row.scores[0] if row.agreed and row.scores[0] is not None else nb
    lines = [f"{indent}score: {_quoted(score)}"]
    if score != nb and row.findings[0].strip():
        lines.append(f"{indent}finding: {_quoted(row.findings[0])}")
    evidence = _evidence(agreement, row)
    if evidence:
        lines.append(f"{indent}evidence:")
        lines += [f"{indent}  - {_quoted(item)}" for item in evidence]
    return lines, score


def _researchers(agreement: Agreement) -> list[str]:
    """Every rater's researchers, then the raters themselves, each once, in order."""
    everyone = [r for s in agreement.scorings for r in s.assessment.researchers]
    everyone += [s.assessment.rater for s in agreement.scorings if s.assessment.rater]
    return list(dict.fromkeys(everyone))


def _norm(agreement: Agreement, row: Row, intended: dict[str, str]) -> list[str]:
    """One norm's judgement with its criteria's, each under the raters' differences while it
    is open; records in `intended` the score each gets."""
    lines: list[str] = []
    norm_lines, intended[row.id] = _judgement(agreement, row, "    ")
    criteria = [r for r in agreement.rows if r.is_criterion and r.norm_id == row.id]
    if _open(row):
        lines += _differences(agreement, row, "  ")
    lines += [f"  {_key(row.id)}:", *norm_lines]
    if criteria:
        lines.append("    criteria:")
    for criterion in criteria:
        if _open(criterion):
            lines += _differences(agreement, criterion, "      ")
        criterion_lines, intended[criterion.id] = _judgement(agreement, criterion, "        ")
        lines += [f"      {_key(criterion.id)}:", *criterion_lines]
    return lines


def consensus_text(agreement: Agreement) -> tuple[str, dict[str, str]]:
    """The new file's text, and the score it gives each judgement (to check it against)."""
    first = agreement.scorings[0].assessment
    files = ", ".join(s.name for s in agreement.scorings)
    lines = comment_lines(
        _(
            "Consensus assessment of {municipality}, made by normtoets agree from {count} "
            "independent scorings ({files}). Scores all raters gave alike are kept; at a "
            "difference the score is nb, with each rater's score and finding as comments above "
            "it. Settle those in the consensus meeting."
        ).format(municipality=first.name, count=len(agreement.scorings), files=files),
        "",
    )
    researchers = _researchers(agreement)
    fw = agreement.framework
    lines += [
        f"framework: {{id: {_quoted(fw.id)}, version: {_quoted(fw.version)}}}",
        *(
            [f"municipality: {_quoted(first.municipality)}"]
            if first.municipality is not None
            else [f"municipalities: {_quoted(first.municipalities)}"]
        ),
        *([f"study: {_quoted(first.study)}"] if first.study else []),
        f"researchers: {_quoted(researchers)}",
        "status: concept",
        "sources:" if _sources(agreement) else "sources: []",
        *(f"  - {_quoted(source)}" for source in _sources(agreement)),
        "judgements:",
    ]
    intended: dict[str, str] = {}
    for row in agreement.rows:
        if not row.is_criterion:
            lines += _norm(agreement, row, intended)
    return "\n".join(lines) + "\n", intended


def _scores(assessment: Assessment) -> dict[str, str]:
    found = {}
    for norm_id, judgement in assessment.judgements.items():
        found[norm_id] = judgement.score
        found |= {cid: c.score for cid, c in judgement.criteria.items()}
    return found


def write_consensus(path: Path, agreement: Agreement, session: Session) -> list[Diagnostic]:
    """Write the consensus file; its errors (nothing written) if it would not validate."""
    refuse_existing(path)
    text, intended = consensus_text(agreement)
    loaded = session.from_text(path, text)
    errors = [d for d in session.check(loaded) if d.severity is Severity.error]
    if errors:
        return errors
    if not isinstance(loaded.model, Assessment) or _scores(loaded.model) != intended:
        raise RunError(_("the consensus file would not hold the intended scores; nothing written"))
    create_new(path, text.rstrip("\n").split("\n"))
    return []
