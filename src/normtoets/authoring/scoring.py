"""`score`: set a norm's or criterion's score, finding or evidence, or who scored and reviewed a
norm, in place; or refuse.

The edit is made on the text (yamlio/splice.py), the result is validated as a whole and proved
to change exactly the intended values (yamlio/proof.py); only then is it written, atomically,
under a lock (files/atomic.py, files/lock.py). A refused edit leaves the file untouched.
"""

import codecs
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from normtoets.core.diagnostics import Diagnostic, Problem, Severity
from normtoets.core.errors import RunError, UsageError
from normtoets.core.i18n import _
from normtoets.files.atomic import write_bytes
from normtoets.files.lock import locked
from normtoets.loading.session import Loaded, Session, display_name
from normtoets.models import Assessment, Framework
from normtoets.rules.base import Context
from normtoets.rules.source_files import carriers
from normtoets.rules.suggest import closest
from normtoets.yamlio.document import Document
from normtoets.yamlio.proof import Change, expected, new_diagnostics, unintended, within
from normtoets.yamlio.read import decode
from normtoets.yamlio.splice import EditError, append_item, flow, set_scalar


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
    motivation: str | None = None

    @property
    def signs(self) -> bool:
        """Sets what is recorded per norm only: who scored, who reviewed, the motivation."""
        return any(v is not None for v in (self.scored_by, self.reviewed_by, self.motivation))


def _refuse(name: str, code: str, message: str, hint: str | None = None) -> list[Diagnostic]:
    return [Diagnostic(name, 1, 1, Severity.error, code, message, hint)]


def _editable(path: Path) -> None:
    """Refuse a file that an atomic replace would harm: read-only, or one of several names
    of the same file (hard links would be split)."""
    info = path.stat()
    read_only = not info.st_mode & 0o222 or not os.access(path, os.W_OK)
    if read_only:
        raise RunError(
            _("{path} is read-only; make it writable first if you mean to edit it").format(
                path=path
            )
        )
    if info.st_nlink > 1:
        raise RunError(
            _(
                "{path} has {count} names (hard links); replacing it would split them. Edit it "
                "by hand, or remove the other links"
            ).format(path=path, count=info.st_nlink)
        )


def _base(framework: Framework, edit: Edit) -> list[str] | None:
    """The path of the judgement the edit is about; None for an id the framework lacks."""
    owner = framework.norm_of_criterion(edit.target)
    if framework.norm(edit.target):
        return ["judgements", edit.target]
    if owner and edit.signs:
        raise UsageError(
            _(
                "{criterion} is a criterion: who scored and reviewed, and the motivation, are "
                "recorded per norm ({norm})"
            ).format(criterion=edit.target, norm=owner.id)
        )
    if owner:
        return ["judgements", owner.id, "criteria", edit.target]
    return None


def _changes(base: list[str], edit: Edit) -> list[Change]:
    """The values the edit sets, as paths in the file."""
    fields = [
        ("score", edit.score),
        ("finding", edit.finding),
        ("scored_by", edit.scored_by),
        ("reviewed_by", edit.reviewed_by),
        ("motivation", edit.motivation),
    ]
    changes = [Change((*base, key), value) for key, value in fields if value is not None]
    if edit.source is not None:
        item = {"source": edit.source, "page": edit.page, "quote": edit.quote}
        item = {k: v for k, v in item.items() if v is not None}
        changes.append(Change((*base, "evidence"), item, append=True))
    return changes


def _splice(text: str, changes: list[Change]) -> str:
    for change in changes:
        if change.append:
            text = append_item(text, list(change.path), flow(change.value))
        else:
            text = set_scalar(text, list(change.path), change.value)
    return text


@dataclass(frozen=True)
class Prepared:
    """An edit made and proved (`data`: the new bytes), or refused (`refusals`). `notices` are
    the warnings and infos the edit adds, said at once: a quote not found in its source, a
    review the edit leaves behind."""

    data: bytes | None
    refusals: list[Diagnostic]
    notices: list[Diagnostic]


def apply(path: Path, edit: Edit | list[Edit], session: Session) -> Prepared:
    """Write the edit (or edits, all or none), or refuse it (the file then stays as it was).

    The file is locked from read to write; a symlink is followed and its target edited.
    """
    target = editable_target(path)
    with locked(target):
        raw = target.read_bytes()
        prepared = prepare(path, raw, edit if isinstance(edit, list) else [edit], session)
        if prepared.data is not None:
            write_unchanged_since(target, raw, prepared.data, path)
    return prepared


def editable_target(path: Path) -> Path:
    """The file an edit of `path` writes: a symlink's target; refused when an atomic replace
    would harm it."""
    target = Path(os.path.realpath(path))
    _editable(target)
    return target


def write_unchanged_since(target: Path, raw: bytes, new: bytes, shown: Path) -> None:
    """Write `new` over `target`, which must still hold `raw` (the caller holds its lock)."""
    if target.read_bytes() != raw:  # changed by something that does not take the lock
        raise RunError(
            _("{path} changed while normtoets was editing it; run the edit again").format(
                path=shown
            )
        )
    write_bytes(target, new)


def _refused(diagnostics: list[Diagnostic]) -> Prepared:
    return Prepared(None, diagnostics, [])


def _norm_of(framework: Framework, target: str) -> str:
    owner = framework.norm_of_criterion(target)
    return owner.id if owner else target


def _touches_a_review(before: Assessment, edits: list[Edit], framework: Framework) -> bool:
    """An edit that renews a review, or changes a norm reviewed before reviews were recorded."""
    if any(e.reviewed_by is not None for e in edits):
        return True
    for edit in edits:
        then = before.judgements.get(_norm_of(framework, edit.target))
        if then is not None and then.reviewed_by and then.review_covers is None:
            return True
    return False


def _review_stamps(
    before: Assessment, after: Assessment, edits: list[Edit], framework: Framework
) -> list[Change]:
    """What a review records of the judgements these edits touch. `--reviewed-by` renews the
    review: today's date and a fingerprint of the judgement as the edit leaves it. Any other
    edit of a judgement reviewed before normtoets recorded what reviews cover fixes that record
    at the judgement as it was, so the review shows as covering the earlier version."""
    changes = []
    for norm_id in dict.fromkeys(_norm_of(framework, e.target) for e in edits):
        then, now = before.judgements.get(norm_id), after.judgements.get(norm_id)
        if now is None:
            continue
        base = ("judgements", norm_id)
        mine = [e for e in edits if _norm_of(framework, e.target) == norm_id]
        if any(e.reviewed_by is not None for e in mine):
            changes.append(Change((*base, "reviewed_on"), dt.date.today().isoformat()))
            changes.append(Change((*base, "review_covers"), now.fingerprint()))
        elif (
            then is not None
            and then.reviewed_by
            and then.review_covers is None
            and then.fingerprint() != now.fingerprint()
        ):
            changes.append(Change((*base, "review_covers"), then.fingerprint()))
    return changes


def _unchecked_because(assessment: Assessment, source_id: str, context: Context) -> str:
    """Why a quote of this source could not be looked up in its text."""
    sources = {s.id: s for s in assessment.sources}
    current, seen = sources.get(source_id), set()
    while current is not None and current.file is None and current.via and current.id not in seen:
        seen.add(current.id)
        current = sources.get(current.via)
    if current is None or current.file is None:
        return _(
            "source '{source}' names no file with its text (file:), nor a source that does (via:)"
        ).format(source=source_id)
    if context.source_files.locate(current.file, context.base_dir) is None:
        folders = ", ".join(str(d) for d in context.source_files.searched(context.base_dir))
        return _("file '{file}' of source '{source}' was not found in {folders}").format(
            file=current.file, source=current.id, folders=folders or "."
        )
    return _("the file of source '{source}' could not be read").format(source=current.id)


def _quote_notices(
    after: Loaded, edits: list[Edit], framework: Framework, session: Session
) -> list[Diagnostic]:
    """For each quote the edits add whose source text could not be read: said at once, at the
    quote (a quote that was read and not found is quote-not-found's)."""
    context = session.context(after)
    model = after.model
    if context is None or not isinstance(model, Assessment) or after.doc is None:
        return []
    readable = carriers(context)
    notices = []
    for edit in edits:
        if edit.quote is None or edit.source is None or edit.source in readable:
            continue
        base = _base(framework, edit)
        assert base is not None  # an unknown target is refused before
        judgement = model.judgements[base[1]]
        items = judgement.criteria[base[3]].evidence if len(base) > 2 else judgement.evidence
        problem = Problem(
            (*base, "evidence", len(items) - 1, "quote"),
            _("the quote was not checked: {reason}").format(
                reason=_unchecked_because(model, edit.source, context)
            ),
            severity=Severity.info,
            code="quote-not-checked",
        )
        notices.append(after.doc.place(problem))
    return notices


class _Refusal(Exception):
    """Raised by a step of prepare(): the diagnostics that refuse the edit."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__()
        self.diagnostics = diagnostics


def prepare(path: Path, raw: bytes, edits: list[Edit], session: Session) -> Prepared:
    """The new bytes of the file with every edit made and proved, or the diagnostics that
    refuse them; with the warnings the edit adds."""
    name = display_name(path)
    text, problems = decode(raw, name)
    if text is None:
        return _refused(problems)
    try:
        scoring = _Scoring(path, text, name, session)
        changes = scoring.changes(edits)
        new_text, changes = scoring.edited(changes, edits)
        after, added = scoring.proved(new_text, changes)
    except _Refusal as refusal:
        return _refused(refusal.diagnostics)
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    framework = scoring.framework
    edited_norms = [("judgements", _norm_of(framework, e.target)) for e in edits]
    assert after.doc is not None  # proved: it parsed
    notices = within(added, after.doc, list(dict.fromkeys(edited_norms)))
    notices += _quote_notices(after, edits, framework, session)
    return Prepared(bom + new_text.encode("utf-8"), [], notices)


class _Scoring:
    """The steps of one file's edit; each raises _Refusal when the edit cannot be made."""

    def __init__(self, path: Path, text: str, name: str, session: Session) -> None:
        self.path, self.text, self.name, self.session = path, text, name, session
        self.loaded = session.from_text(path, text)
        self.before = session.check(self.loaded)
        assessment = self.loaded.model
        if not isinstance(assessment, Assessment) or self.loaded.doc is None:
            raise _Refusal(
                [d for d in self.before if d.severity is Severity.error]
                or _refuse(name, "not-an-assessment", _("score edits assessment files only"))
            )
        framework = session.framework(assessment.framework)
        if framework is None:
            raise _Refusal([d for d in self.before if d.code == "unknown-framework"])
        self.doc: Document = self.loaded.doc
        self.assessment: Assessment = assessment
        self.framework: Framework = framework

    def changes(self, edits: list[Edit]) -> list[Change]:
        changes: list[Change] = []
        framework = self.framework
        for edit in edits:
            base = _base(framework, edit)
            if base is None:
                known = [n.id for n in framework.norms()] + [c.id for c in framework.criteria()]
                message = _("unknown norm or criterion '{target}' in framework {framework}")
                message = message.format(target=edit.target, framework=framework.ref)
                hint = closest(edit.target, known)
                raise _Refusal(_refuse(self.name, "unknown-norm", message, hint))
            changes += _changes(base, edit)
        return changes

    def edited(self, changes: list[Change], edits: list[Edit]) -> tuple[str, list[Change]]:
        """The new text, with what a review records where an edit touches one."""
        try:
            new_text = _splice(self.text, changes)
            # What a review records needs the edited judgement: parsed only when there is one.
            if not _touches_a_review(self.assessment, edits, self.framework):
                return new_text, changes
            edited = self.session.from_text(self.path, new_text).model
            if not isinstance(edited, Assessment):
                return new_text, changes
            stamps = _review_stamps(self.assessment, edited, edits, self.framework)
            if stamps:
                changes = [*changes, *stamps]
                new_text = _splice(self.text, changes)
            return new_text, changes
        except EditError as exc:
            raise _Refusal(
                _refuse(
                    self.name,
                    "cannot-edit",
                    _("cannot edit this file: {error}").format(error=exc),
                    _("make this change by hand in an editor"),
                )
            ) from exc

    def proved(self, new_text: str, changes: list[Change]) -> tuple[Loaded, list[Diagnostic]]:
        """The file after the edit and the diagnostics the edit adds, once it adds no error and
        changes only what it says."""
        after = self.session.from_text(self.path, new_text)
        added = new_diagnostics(self.before, self.doc, self.session.check(after), after.doc)
        refusals = [d for d in added if d.severity is Severity.error]
        if refusals:
            raise _Refusal(refusals)
        assert after.doc is not None  # no new error: it parsed
        why = unintended(self.doc, self.text, after.doc, new_text, expected(self.doc.data, changes))
        if why:
            message = _("normtoets cannot make this edit safely: {reason}").format(reason=why)
            hint = _("make this change by hand in an editor, and please report the file's layout")
            raise _Refusal(_refuse(self.name, "unsafe-edit", message, hint))
        return after, added
