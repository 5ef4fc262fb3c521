"""The ids a report gives its parts, made in one place: the report's links and the rule that
checks a chapter's references to them must agree."""

import re


def slug(value: str) -> str:
    """An HTML id from a model id (ids already match [A-Za-z0-9._-]; this is a safety net)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", value).strip("-") or "x"


def section_anchor(chapter_id: str, title: str) -> str:
    """The id of a `##` section of a chapter of own text."""
    return f"{chapter_id}-{slug(title)}"
