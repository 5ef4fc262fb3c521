"""Where the bundled frameworks and templates are: inside the wheel, or the repo when developing."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # src/normtoets, or site-packages/normtoets


def bundled(name: str) -> Path:
    """`norms` or `templates`: the wheel's copy, else the top of the source tree."""
    inside = _PACKAGE / "_bundled" / name
    return inside if inside.is_dir() else _PACKAGE.parents[1] / name
