"""The files of a folder that normtoets reads: found the same way by every command."""

from pathlib import Path


def files_below(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Files with these suffixes anywhere below `folder`, hidden folders and files left out, in
    a stable order."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix in suffixes
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.is_file()
    )
