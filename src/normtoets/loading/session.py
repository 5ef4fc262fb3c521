"""The loading session of one run: every file read, parsed and rule-checked once, the frameworks
found, the study of each assessment. Every command makes one and passes it on (`report --since`
loads the later round once for the report and the diff)."""

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from normtoets import rules
from normtoets.core.controlchars import CONTROL, unseen_in, visible
from normtoets.core.diagnostics import Diagnostic, PathKey, Problem, Severity
from normtoets.core.gcpause import cycle_collector_paused
from normtoets.core.i18n import _
from normtoets.core.names import name_key
from normtoets.core.resources import bundled
from normtoets.files.listing import files_below
from normtoets.loading.framework_limits import oversized
from normtoets.loading.schema_errors import validate_model
from normtoets.models import Assessment, Framework, FrameworkRef, Study
from normtoets.sourcetexts.files import SourceFiles
from normtoets.yamlio.read import Document, parse, read

KINDS: dict[str, type[BaseModel]] = {
    "framework": Framework,
    "study": Study,
    "assessment": Assessment,
}
YAML_SUFFIXES = (".yaml", ".yml")


def detect_kind(path: Path, data: Any) -> str:
    """A framework has `themes`; a study is `study.yaml` or lists `municipalities` (as a
    joint assessment does too, but that has a `status` or `judgements`)."""
    if isinstance(data, dict):
        if "themes" in data:
            return "framework"
        if "municipalities" in data and not ("status" in data or "judgements" in data):
            return "study"
    return "study" if path.name in ("study.yaml", "study.yml") else "assessment"


@dataclass
class Loaded:
    """One file: its parsed document, its model when valid, and every problem found so far."""

    path: Path
    name: str
    kind: str
    doc: Document | None
    model: Any
    diagnostics: list[Diagnostic] = field(default_factory=list)
    checked: list[Diagnostic] | None = None  # the rules' result, once per session


def display_name(path: Path) -> str:
    """Relative to the current folder where possible: what the user typed, more or less."""
    absolute = os.path.abspath(path)  # no symlink resolution: no system call per file
    relative = os.path.relpath(absolute)
    return absolute if relative.startswith("..") else relative


def _unseen_characters(doc: Document) -> list[Diagnostic]:
    if not doc.may_hold_unseen:
        return []
    return [doc.place(_unseen(path, char)) for path, char in unseen_in(doc.data)]


def _unseen(path: PathKey, char: str) -> Problem:
    if CONTROL.match(char):
        return Problem(
            path,
            _(
                "text holds the control character U+{code}, which no report or terminal can show"
            ).format(code=f"{ord(char):04X}"),
            _("remove it; an escape like \\e or \\a in double quotes puts one in"),
            severity=Severity.error,
            code="control-character",
        )
    return Problem(
        path,
        _(
            "text holds the hidden character U+{code} {name}, which changes how the text "
            "around it is shown without showing itself"
        ).format(code=f"{ord(char):04X}", name=unicodedata.name(char, "FORMAT CHARACTER")),
        _(
            "remove it: it comes with text pasted from a web page or a word processor, and "
            "messages show it as {escape}"
        ).format(escape=visible(char)),
        severity=Severity.error,
        code="hidden-character",
    )


def _same_file(a: Loaded, b: Loaded) -> bool:
    """One file reached two ways (the bundled norms/ is ./norms in the repository), or a
    byte-identical copy: what the user means is one framework."""
    try:
        return a.path.resolve() == b.path.resolve() or a.path.read_bytes() == b.path.read_bytes()
    except OSError:
        return False


def _conflict(earlier: Loaded, later: Loaded) -> Diagnostic:
    assert later.doc is not None  # a registered framework was parsed
    return later.doc.place(
        Problem(
            ("version",),
            _("framework {framework} is also defined in {file}, with other content").format(
                framework=later.model.ref, file=earlier.name
            ),
            _(
                "give one of them another version or id, or remove one: which one counts must "
                "not depend on the order of the folders"
            ),
            severity=Severity.error,
            code="duplicate-framework",
        )
    )


class Session:
    def __init__(
        self, norms_dirs: list[Path] | None = None, source_dirs: list[Path] | None = None
    ) -> None:
        self._cache: dict[Path, Loaded] = {}
        # Where sources' files are looked up after the assessment's own folder; read once a run.
        self.source_files = SourceFiles(tuple(source_dirs or ()))
        self._studies: dict[str, Study | None] = {}
        self._frameworks: dict[tuple[str, str], Framework] = {}
        self._framework_files: dict[tuple[str, str], Loaded] = {}
        self.catalog_diagnostics: list[Diagnostic] = []
        self.broken: list[Loaded] = []  # files in the framework folders that do not load
        # Two different files with one id and version, per id and version (duplicate-framework).
        self._conflicts: dict[tuple[str, str], dict[frozenset[Path], Diagnostic]] = {}
        # Later folders win: bundled, then ./norms, then each --norms in order (but two
        # different files for one id and version are an error: see `register`). Loaded like
        # load_all: with the collector on, a framework of 1,000 norms took 1.6× as long.
        with cycle_collector_paused():
            self._register_dir(bundled("norms"), report=False)
            self._register_dir(Path("norms"), report=True)
            for folder in norms_dirs or []:
                self._register_dir(folder, report=True)

    def _register_dir(self, folder: Path, report: bool) -> None:
        if not folder.is_dir():
            return
        for path in sorted(folder.glob("*.y*ml")):
            loaded = self.load(path)
            if report:
                self.catalog_diagnostics.extend(loaded.diagnostics)
            if not isinstance(loaded.model, Framework):  # a framework file that does not load
                self.broken.append(loaded)
            self.register(loaded)

    def broken_diagnostics(self) -> list[Diagnostic]:
        """The errors of the files in the framework folders that did not load as frameworks."""
        return sorted(
            d for item in self.broken for d in item.diagnostics if d.severity is Severity.error
        )

    def register(self, loaded: Loaded) -> None:
        if loaded.kind != "framework" or not isinstance(loaded.model, Framework):
            return
        key = (loaded.model.id, loaded.model.version)
        earlier = self._framework_files.get(key)
        if earlier is not None and earlier is not loaded and not _same_file(earlier, loaded):
            pair = frozenset((earlier.path.resolve(), loaded.path.resolve()))
            self._conflicts.setdefault(key, {}).setdefault(pair, _conflict(earlier, loaded))
        self._framework_files[key] = loaded
        self._frameworks[key] = loaded.model

    def conflicts(self, refs: list[FrameworkRef] | None = None) -> list[Diagnostic]:
        """duplicate-framework errors: all of them, or those of the frameworks in `refs`."""
        keys = self._conflicts if refs is None else {(r.id, r.version) for r in refs}
        return [d for key in keys for d in self._conflicts.get(key, {}).values()]

    def load_all(self, paths: list[Path]) -> list[Loaded]:
        with cycle_collector_paused():
            return [self.load(path) for path in paths]

    def load(self, path: Path) -> Loaded:
        key = Path(os.path.abspath(path))
        if key not in self._cache:
            self._cache[key] = self._load(path)
        return self._cache[key]

    def _load(self, path: Path) -> Loaded:
        name = display_name(path)
        try:
            doc, problems = read(path, name)
        except OSError as exc:
            message = _("cannot read file: {error}").format(error=exc.strerror or exc)
            problem = Diagnostic(name, 1, 1, Severity.error, "unreadable", message)
            return Loaded(path, name, "assessment", None, None, [problem])
        return self._model(path, name, doc, problems)

    def from_text(self, path: Path, text: str) -> Loaded:
        """A file's would-be content (an edit not yet written), loaded like the file itself."""
        name = display_name(path)
        doc, problems = parse(text, name)
        return self._model(path, name, doc, problems)

    def _model(
        self, path: Path, name: str, doc: Document | None, problems: list[Diagnostic]
    ) -> Loaded:
        kind = detect_kind(path, doc.data if doc else None)
        model = None
        if doc is not None:
            model, schema_problems = validate_model(doc, KINDS[kind])
            problems = problems + schema_problems + _unseen_characters(doc)
            if isinstance(model, Framework) and (too_large := oversized(doc, model)):
                model, problems = None, [*problems, too_large]  # never registered, never used
        return Loaded(path, name, kind, doc, model, problems)

    def framework(self, ref: FrameworkRef) -> Framework | None:
        return self._frameworks.get((ref.id, ref.version))

    def framework_by_id(self, framework_id: str) -> Framework | None:
        """The latest registered version of a framework id (by registration order)."""
        found = [f for (fid, _), f in self._frameworks.items() if fid == framework_id]
        return found[-1] if found else None

    def frameworks(self) -> list[Framework]:
        return list(self._frameworks.values())

    def available(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for fid, version in self._frameworks:
            out.setdefault(fid, []).append(version)
        return out

    def study_for(self, path: Path) -> Study | None:
        """The study of the assessment at `path`: study.yaml in the same folder."""
        return self.study_in(path.parent)

    def study_in(self, folder: Path) -> Study | None:
        key = os.path.abspath(folder)
        if key not in self._studies:
            self._studies[key] = None
            for name in ("study.yaml", "study.yml"):
                candidate = folder / name
                if candidate.is_file():
                    study = self.load(candidate).model
                    self._studies[key] = study if isinstance(study, Study) else None
                    break
        return self._studies[key]

    def check(self, loaded: Loaded) -> list[Diagnostic]:
        """The file's own problems plus every semantic rule's (run once per file)."""
        if loaded.checked is None:
            loaded.checked = self._check(loaded)
        return list(loaded.checked)

    def _check(self, loaded: Loaded) -> list[Diagnostic]:
        context = self.context(loaded)
        if context is None or loaded.doc is None:
            return list(loaded.diagnostics)
        return [*loaded.diagnostics, *rules.run(context, loaded.doc)]

    def context(self, loaded: Loaded) -> rules.Context | None:
        """What the rules see of a file that loaded: None for one that did not."""
        model = loaded.model
        if model is None or loaded.doc is None:
            return None
        if isinstance(model, Framework):
            return rules.Context("framework", model)
        if isinstance(model, Study):
            return rules.Context(
                "study",
                self.framework(model.framework),
                study=model,
                available=self.available(),
                broken_frameworks=[item.name for item in self.broken],
                base_dir=loaded.path.parent,
                assessed=self._assessed(loaded.path.parent, model),
            )
        return rules.Context(
            "assessment",
            self.framework(model.framework),
            study=self.study_for(loaded.path),
            assessment=model,
            available=self.available(),
            broken_frameworks=[item.name for item in self.broken],
            base_dir=loaded.path.parent,
            source_files=self.source_files,
        )

    def _assessed(self, folder: Path, study: Study) -> frozenset[str]:
        """The municipalities (name keys) with an assessment in the study's folder or below it,
        its double-scoring folder left out. A file whose model did not load still counts by the
        `municipality` it names: its own errors say what is wrong with it."""
        aside = (
            os.path.join(os.path.abspath(folder / study.double_scoring), "")
            if (study.double_scoring)
            else None
        )
        names: set[str] = set()
        for path in files_below(folder, YAML_SUFFIXES):
            if aside and os.path.abspath(path).startswith(aside):
                continue
            item = self.load(path)
            model = item.model
            if isinstance(model, Assessment):
                names.update(name_key(name) for name in model.unit_names)
            elif item.kind == "assessment" and item.doc and isinstance(item.doc.data, dict):
                names.update(name_key(name) for name in _named(item.doc.data))
        return frozenset(names)

    def check_studies(self, loaded: list[Loaded]) -> list[Diagnostic]:
        """The rules across files, per study: the valid assessments among `loaded` that share
        a folder (the folder of study.yaml, or one without it), in file name order."""
        studies: dict[str, dict[str, Loaded]] = {}
        for item in loaded:
            if item.kind == "assessment" and isinstance(item.model, Assessment) and item.doc:
                path = os.path.abspath(item.path)  # a file named twice is still one file
                studies.setdefault(os.path.dirname(path), {})[path] = item
        diagnostics: list[Diagnostic] = []
        for members in studies.values():
            ordered = sorted(members.values(), key=lambda item: item.path.name)
            diagnostics += rules.run_study([(m.doc, m.model) for m in ordered if m.doc])
        return diagnostics


def _named(data: dict[str, Any]) -> list[str]:
    """The units an assessment that did not validate still names, so that a mistake in it is
    reported there and not as a missing assessment too."""
    one, several = data.get("municipality"), data.get("municipalities")
    names = [one] if isinstance(one, str) else several if isinstance(several, list) else []
    return [name for name in names if isinstance(name, str)]
