"""What a rule sees (Context) and what it yields (the one Problem type, from core)."""

from dataclasses import dataclass, field
from pathlib import Path

from normtoets.core.diagnostics import Problem
from normtoets.models import Assessment, Framework, Study
from normtoets.sourcetexts.files import SourceFiles

__all__ = ["Context", "Member", "Problem"]


@dataclass(frozen=True)
class Context:
    """One validated file with what it refers to. Framework is None when it could not be found."""

    kind: str  # "framework", "study" or "assessment"
    framework: Framework | None
    study: Study | None = None
    assessment: Assessment | None = None
    available: dict[str, list[str]] = field(default_factory=dict)  # framework id → versions
    broken_frameworks: list[str] = field(default_factory=list)  # framework files that failed
    base_dir: Path | None = None  # the file's folder: where a source's `file` is looked up first
    source_files: SourceFiles = field(default_factory=SourceFiles)  # --sources dirs, read cache
    # Of a study: the municipalities (names.name_key) that have an assessment in its folder.
    assessed: frozenset[str] | None = None


@dataclass(frozen=True)
class Member:
    """One valid assessment among several (of a study, or of a comparison), for the rules that
    look across files; `name` is its file as shown in diagnostics."""

    name: str
    assessment: Assessment
