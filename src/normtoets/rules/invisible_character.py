"""invisible-character (warning): a name holds a format character nobody can see (Unicode
category Cf) that is not already refused as a hidden-character error — a soft hyphen, say. Pasted
from a word processor or a website, it makes one name look like another. normtoets ignores it
when it compares names (`names.name_key`), but a report or spreadsheet may not. Checked in the
municipality, researchers, `rater`, `scored_by` and `reviewed_by` of an assessment, and in the
municipalities, researchers and lessons' `example` of a study."""

import unicodedata
from collections.abc import Iterator

from normtoets.core.controlchars import HIDDEN
from normtoets.core.diagnostics import PathKey, Severity
from normtoets.core.i18n import _
from normtoets.core.names import invisible
from normtoets.models import Assessment, Study
from normtoets.rules.base import Context, Problem

CODE = "invisible-character"
SEVERITY = Severity.warning


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def _assessment_names(assessment: Assessment) -> Iterator[tuple[PathKey, str]]:
    yield from assessment.named_at()
    for i, researcher in enumerate(assessment.researchers):
        yield ("researchers", i), researcher
    if assessment.rater:
        yield ("rater",), assessment.rater
    for norm_id, judgement in assessment.judgements.items():
        if judgement.scored_by:
            yield ("judgements", norm_id, "scored_by"), judgement.scored_by
        if judgement.reviewed_by:
            yield ("judgements", norm_id, "reviewed_by"), judgement.reviewed_by


def _study_names(study: Study) -> Iterator[tuple[PathKey, str]]:
    yield from study.named_at()
    for i, member in enumerate(study.municipalities):
        if not isinstance(member, str) and member.part_of:
            yield ("municipalities", i, "part_of"), member.part_of
    for i, researcher in enumerate(study.researchers):
        yield ("researchers", i), researcher
    for field in ("general_lessons", "mutual_lessons"):
        for i, lesson in enumerate(getattr(study, field)):
            if lesson.example:
                yield (field, i, "example"), lesson.example


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.kind == "assessment" and ctx.assessment is not None:
        names = _assessment_names(ctx.assessment)
    elif ctx.kind == "study" and ctx.study is not None:
        names = _study_names(ctx.study)
    else:
        return
    for path, name in names:
        # bidi controls and zero-width characters are hidden-character errors already
        found = list(dict.fromkeys(c for c in invisible(name) if not HIDDEN.match(c)))
        if not found:
            continue
        shown = "".join(f"⟨{_code(c)}⟩" if c in found else c for c in name)
        listed = ", ".join(f"{_code(c)} {unicodedata.name(c, 'FORMAT CHARACTER')}" for c in found)
        yield Problem(
            path,
            _("'{name}' contains an invisible character: {characters}").format(
                name=shown, characters=listed
            ),
            _(
                "retype the name without it: an invisible character makes one name look like "
                "another"
            ),
        )
