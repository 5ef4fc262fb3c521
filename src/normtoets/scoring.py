"""`score`: set a norm's or criterion's score, finding or evidence, or who scored and reviewed a
norm, in place; or refuse.

The edit is made on the text (see textedit), the result is validated as a whole, and only a
result without new errors is written, atomically. A refused edit leaves the file untouched.
"""

import codecs
from dataclasses import dataclass
from pathlib import Path

from normtoets.atomic import write_bytes
from normtoets.diagnostics import Diagnostic, Severity
from normtoets.errors import UsageError
from normtoets.models import Assessment
from normtoets.rules.suggest import closest
from normtoets.textedit import EditError, append_item, flow, set_scalar
from normtoets.workspace import Workspace
from normtoets.yamlsource import decode


@dataclass(frozen=True)
class Edit:
    target: str  # a norm id or a criterion id
    score: str | None = None
    finding: str | None = None
    source: str | None = None
    page: str | None = None
    quote: str | None = None
    scored_by: str | None = None
    reviewed_by: str | None = None

    @property
    def signs(self) -> bool:
        return self.scored_by is not None or self.reviewed_by is not None


def _errors(diagnostics: list[Diagnostic]) -> set[tuple[str, str]]:
    return {(d.code, d.message) for d in diagnostics if d.severity is Severity.error}


def _refuse(name: str, code: str, message: str, hint: str | None = None) -> list[Diagnostic]:
    return [Diagnostic(name, 1, 1, Severity.error, code, message, hint)]


def apply(path: Path, edit: Edit, workspace: Workspace) -> list[Diagnostic]:
    """Write the edit, or return the diagnostics that refuse it (the file then stays as it was)."""
    loaded = workspace.load(path)
    before = workspace.check(loaded)
    assessment = loaded.model
    if not isinstance(assessment, Assessment) or loaded.doc is None:
        return [d for d in before if d.severity is Severity.error] or _refuse(
            loaded.name, "not-an-assessment", "score edits assessment files only"
        )
    framework = workspace.framework(assessment.framework)
    if framework is None:
        return [d for d in before if d.code == "unknown-framework"]
    owner = framework.norm_of_criterion(edit.target)
    if framework.norm(edit.target):
        base = ["judgements", edit.target]
    elif owner and edit.signs:
        raise UsageError(
            f"{edit.target} is a criterion: who scored and reviewed is recorded per norm "
            f"({owner.id})"
        )
    elif owner:
        base = ["judgements", owner.id, "criteria", edit.target]
    else:
        known = [n.id for n in framework.norms()] + [c.id for c in framework.criteria()]
        return _refuse(
            loaded.name,
            "unknown-norm",
            f"unknown norm or criterion '{edit.target}' in framework {framework.ref}",
            closest(edit.target, known),
        )
    raw = path.read_bytes()
    text, problems = decode(raw, loaded.name)
    if text is None:
        return problems
    try:
        if edit.score is not None:
            text = set_scalar(text, [*base, "score"], edit.score)
        if edit.finding is not None:
            text = set_scalar(text, [*base, "finding"], edit.finding)
        if edit.scored_by is not None:
            text = set_scalar(text, [*base, "scored_by"], edit.scored_by)
        if edit.reviewed_by is not None:
            text = set_scalar(text, [*base, "reviewed_by"], edit.reviewed_by)
        if edit.source is not None:
            item = flow({"source": edit.source, "page": edit.page, "quote": edit.quote})
            text = append_item(text, [*base, "evidence"], item)
    except EditError as exc:
        return _refuse(
            loaded.name,
            "cannot-edit",
            f"cannot edit this file: {exc}",
            "make this change by hand in an editor",
        )
    after = workspace.check(workspace.from_text(path, text))
    new_errors = _errors(after) - _errors(before)
    if new_errors:
        return [d for d in after if (d.code, d.message) in new_errors]
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    write_bytes(path, bom + text.encode("utf-8"))
    return []
