"""`validate`: every file under the given paths, checked against its schema and the rules."""

from dataclasses import dataclass
from pathlib import Path

from normtoets.core.diagnostics import Diagnostic
from normtoets.core.errors import UsageError
from normtoets.core.i18n import _
from normtoets.files.listing import files_below
from normtoets.loading.session import YAML_SUFFIXES, Session


@dataclass
class Report:
    files: list[str]
    diagnostics: list[Diagnostic]


def collect(paths: list[Path]) -> list[Path]:
    """YAML files named or found below the given folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += files_below(path, YAML_SUFFIXES)
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(_("path not found: {path}").format(path=path))
    return list(dict.fromkeys(found))


def default_paths() -> list[Path]:
    paths = [p for p in (Path("norms"), Path("assessments")) if p.is_dir()]
    if not paths:
        raise UsageError(_("no paths given and no ./norms or ./assessments folder here"))
    return paths


def require_folders(source_dirs: list[Path] | None) -> None:
    """Every --sources folder is there: a mistyped one would switch quote checks off unsaid."""
    for folder in source_dirs or []:
        if not folder.is_dir():
            raise UsageError(_("--sources folder not found: {folder}").format(folder=folder))


def validate(
    paths: list[Path],
    norms_dirs: list[Path] | None = None,
    source_dirs: list[Path] | None = None,
) -> Report:
    """`source_dirs`: folders searched for sources' files after each assessment's own folder."""
    require_folders(source_dirs)
    session = Session(norms_dirs, source_dirs)
    files = collect(paths)
    loaded = session.load_all(files)
    for item in loaded:  # frameworks first, so assessments in the same run can use them
        session.register(item)
    diagnostics = {d for item in loaded for d in session.check(item)}
    diagnostics |= set(session.check_studies(loaded))
    diagnostics |= set(session.catalog_diagnostics)
    diagnostics |= set(session.conflicts())
    return Report([item.name for item in loaded], sorted(diagnostics))
