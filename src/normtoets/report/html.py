"""Jinja2 → HTML. Safe by construction: autoescape on for every template, undefined names fail.

Templates come from the user's folder first (a house style), then the bundled folder. The
bundled templates are also reachable as ``default:NAME`` so a house style can extend them:
``{% extends "default:municipality.html.j2" %}`` and override one block.
"""

import functools
import re
from pathlib import Path
from typing import Any

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
)
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from normtoets.errors import RunError
from normtoets.report.context import dutch_list
from normtoets.resources import bundled

STYLESHEET = "report.css"
SCREEN_STYLESHEET = "screen.css"  # the HTML report only, all of it @media screen
# A score written in running text, like "(++)" or "--": the line must not break inside it.
_SCORE_RUN = re.compile(r"\(?[+\-−–]{2,}\)?")


def keep_scores(text: str) -> Markup:
    """Escape the text, then wrap runs like "(++)" in a span that does not break."""
    escaped = str(escape(text))
    return Markup(_SCORE_RUN.sub(lambda m: f'<span class="nobreak">{m.group(0)}</span>', escaped))


def bundled_templates() -> Path:
    return bundled("templates")


def template_dirs(templates: Path | None = None) -> list[Path]:
    """The folders templates and their CSS may come from: the user's first, then bundled."""
    dirs = [bundled_templates()]
    if templates is not None:
        dirs.insert(0, Path(templates))
    return dirs


def stylesheets(templates: Path | None = None) -> list[Path]:
    """The bundled report.css, then the user's report.css (if any) on top of it.

    Later sheets win in the cascade, so a house style only overrides what it changes.
    """
    sheets = [bundled_templates() / STYLESHEET]
    if templates is not None and (Path(templates) / STYLESHEET).is_file():
        sheets.append(Path(templates) / STYLESHEET)
    return sheets


def _bytecode_cache() -> BytecodeCache | None:
    """Compiled templates kept between runs (Jinja2's private per-user temp folder; a changed
    template is compiled anew): compiling them took 70 ms of every report."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no safe temp folder: compile every time
        return None


def environment(templates: Path | None = None) -> SandboxedEnvironment:
    """A sandboxed environment: templates may be shared between rekenkamers."""
    default = FileSystemLoader(str(bundled_templates()))
    loaders: list[Any] = [PrefixLoader({"default": default}, delimiter=":"), default]
    if templates is not None:
        loaders.insert(0, FileSystemLoader(str(templates)))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=True,  # not select_autoescape(): it does not cover .j2 names
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["nl_list"] = dutch_list  # ["a", "b", "c"] → "a, b en c"
    env.filters["keep_scores"] = keep_scores
    return env


@functools.lru_cache(maxsize=8)
def _cached(templates: Path | None) -> SandboxedEnvironment:
    # Compiled templates are reused; Jinja2 reloads a template whose file changed.
    return environment(templates)


def render(name: str, templates: Path | None = None, **context: Any) -> str:
    """The template filled in; a template that cannot be used is a RunError naming where."""
    folder = Path(templates).resolve() if templates is not None else None
    try:
        return _cached(folder).get_template(name).render(**context)
    except TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name or name}, line {exc.lineno}"
        raise RunError(f"template error in {where}: {exc.message}") from None
    except TemplateError as exc:
        raise RunError(f"template error while rendering {name}: {exc.message}") from None


def screen_stylesheets(templates: Path | None = None) -> list[Path]:
    """The bundled screen.css, then the user's (if any): the HTML report as a web page."""
    sheets = [bundled_templates() / SCREEN_STYLESHEET]
    if templates is not None and (Path(templates) / SCREEN_STYLESHEET).is_file():
        sheets.append(Path(templates) / SCREEN_STYLESHEET)
    return sheets


def standalone(html: str, templates: Path | None = None) -> str:
    """The HTML with its stylesheets inlined, to publish or open the HTML on its own: the print
    stylesheets, then the screen ones (which WeasyPrint never gets).

    The CSS is inserted as it is, outside Jinja2: run through autoescape it would lose quotes
    and with them the page counters.
    """
    sheets = [*stylesheets(templates), *screen_stylesheets(templates)]
    css = "\n".join(sheet.read_text(encoding="utf-8") for sheet in sheets)
    return html.replace("</head>", f"<style>\n{css}\n</style>\n</head>", 1)
