"""The one problem value that travels from the loader to the CLI."""

from dataclasses import dataclass
from enum import StrEnum

# Where a value stands in a file, as the keys and list indexes that lead to it.
PathKey = tuple[str | int, ...]


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


@dataclass(frozen=True)
class Problem:
    """A problem found in a file's data, placed by its path; `Document.place` makes it the
    Diagnostic at its line and column. A rule leaves code and severity to the rule module."""

    path: PathKey
    message: str
    hint: str | None = None
    severity: "Severity | None" = None
    at_key: bool = False  # point at the key (e.g. an unknown norm id) rather than its value
    code: str | None = None
    # Lines below where the value starts: a word inside a multi-line text (a chapter's).
    line_offset: int = 0


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem in a file, with 1-based line and column. Sorts by place in the file."""

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str | None = None

    def as_dict(self) -> dict[str, str | int]:
        out: dict[str, str | int] = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }
        if self.hint:
            out["hint"] = self.hint
        return out


def has_errors(diagnostics: list[Diagnostic], strict: bool = False) -> bool:
    """Errors fail a run; with `strict`, warnings do too."""
    failing = {Severity.error, Severity.warning} if strict else {Severity.error}
    return any(d.severity in failing for d in diagnostics)
