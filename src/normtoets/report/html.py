"""Jinja2 → HTML. Safe by construction: autoescape on for every template, undefined names fail.

Templates come from the user's folder first (a house style), then the bundled folder. The
bundled templates are also reachable as ``default:NAME`` so a house style can extend them:
``{% extends "default:municipality.html.j2" %}`` and override one block.
"""

import base64
import functools
import hashlib
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from jinja2 import (
    BaseLoader,
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup, escape

from normtoets import __version__
from normtoets.core.errors import RunError, UsageError
from normtoets.core.i18n import _
from normtoets.core.resources import bundled
from normtoets.report import sandbox
from normtoets.report.charts import svg_chart
from normtoets.report.context import dutch_list
from normtoets.report.context.typography import protect

STYLESHEET = "report.css"
SCREEN_STYLESHEET = "screen.css"  # the HTML report only, all of it @media screen
# A score written in running text, like "(++)" or "--": the line must not break inside it.
_SCORE_RUN = re.compile(r"\(?[+\-−–]{2,}\)?")
# A url() in CSS, quoted or not; font files among them are inlined in the standalone HTML.
_CSS_URL = re.compile(r"""url\(\s*(?P<quote>['"]?)(?P<url>[^'")\s]+)(?P=quote)\s*\)""")
_FONT_TYPES = {".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".otf": "font/otf"}


def keep_scores(text: str, names: tuple[str, ...] = ()) -> Markup:
    """Escape the text, wrap runs like "(++)" in a span that does not break, and keep proper
    names and words with a diaeresis from hyphenation."""
    escaped = str(escape(text))
    html = _SCORE_RUN.sub(lambda m: f'<span class="nobreak">{m.group(0)}</span>', escaped)
    return protect(html, names)


@pass_context
def _keep_scores_filter(context: Context, text: str) -> Markup:
    """The filter: the names are those of the report being rendered."""
    report = context.get("r")
    return keep_scores(text, getattr(getattr(report, "meta", None), "names", ()))


def capitalize_first(text: str) -> str:
    """The first letter a capital, the rest as it is (Jinja's `capitalize` lowers the rest)."""
    return text[:1].upper() + text[1:]


def bundled_templates() -> Path:
    return bundled("templates")


class TemplateOutside(UsageError):
    """A house style's file leads outside its folder: a symlink, or `../` in a name. `kind`
    is "template", "stylesheet" or "file"."""

    def __init__(self, kind: str, name: str, folder: Path, target: Path) -> None:
        if kind == "template":
            message = _(
                "template '{name}' leads outside the templates folder {folder} (to {target}); "
                "a house style may only use files inside its folder"
            )
        elif kind == "stylesheet":
            message = _(
                "stylesheet '{name}' leads outside the templates folder {folder} (to {target}); "
                "a house style may only use files inside its folder"
            )
        else:
            message = _(
                "file '{name}' leads outside the templates folder {folder} (to {target}); "
                "a house style may only use files inside its folder"
            )
        super().__init__(message.format(name=name, folder=folder, target=target))


def confined(folder: Path, name: str, kind: str) -> Path:
    """`folder/name`, refused unless it stays inside `folder` once symlinks are resolved: a
    house style may be shared, and must not pull other files of the machine into a report."""
    root, path = folder.resolve(), folder / name
    target = path.resolve()
    if ".." in Path(name).parts or not target.is_relative_to(root):
        raise TemplateOutside(kind, name, folder, target)
    return path


class _ConfinedLoader(FileSystemLoader):
    """The user's templates folder: names with `..`, and symlinks out of it, are refused."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = folder

    def get_source(self, environment: Environment, template: str) -> Any:
        if (self.folder / template).exists() or ".." in template.split("/"):
            confined(self.folder, template, "template")
        return super().get_source(environment, template)


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
        sheets.append(confined(Path(templates), STYLESHEET, "stylesheet"))
    return sheets


def _bytecode_cache(filters: dict[str, Any]) -> BytecodeCache | None:
    """Compiled templates kept between runs (Jinja2's private per-user temp folder; a changed
    template is compiled anew): compiling them took 70 ms of every report. Our own file names,
    with a fingerprint of normtoets' version and filters: compiled code depends on how each
    filter is called, and code compiled by plain Jinja2 lacks the sandbox's checks."""
    signature = repr(
        (
            __version__,
            sorted((n, str(getattr(f, "jinja_pass_arg", ""))) for n, f in filters.items()),
        )
    )
    fingerprint = hashlib.sha256(signature.encode()).hexdigest()[:16]
    try:
        return FileSystemBytecodeCache(pattern=f"__normtoets_{fingerprint}_%s.cache")
    except (OSError, RuntimeError):  # no safe temp folder: compile every time
        return None


def environment(templates: Path | None = None) -> sandbox.LimitedEnvironment:
    """A sandboxed environment with limits: templates may be shared between rekenkamers."""
    default = FileSystemLoader(str(bundled_templates()))
    loaders: list[BaseLoader] = [PrefixLoader({"default": default}, delimiter=":"), default]
    if templates is not None:
        loaders.insert(0, _ConfinedLoader(Path(templates)))
    env = sandbox.LimitedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=True,  # not select_autoescape(): it does not cover .j2 names
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["nl_list"] = dutch_list  # ["a", "b", "c"] → "a, b en c"
    env.filters["keep_scores"] = _keep_scores_filter
    env.filters["capitalize_first"] = capitalize_first  # "het waterschap" → "Het waterschap"
    env.filters["lower_first"] = lambda text: text[:1].lower() + text[1:]
    env.filters["svg_chart"] = svg_chart  # a chart the context built, drawn as inline SVG
    env.bytecode_cache = _bytecode_cache(env.filters)
    sandbox.limit(env)
    return env


@functools.lru_cache(maxsize=8)
def _cached(templates: Path | None) -> sandbox.LimitedEnvironment:
    # Compiled templates are reused; Jinja2 reloads a template whose file changed.
    return environment(templates)


def render(name: str, templates: Path | None = None, **context: Any) -> str:
    """The template filled in; a template that cannot be used is a RunError naming where."""
    folder = Path(templates).resolve() if templates is not None else None
    try:
        return sandbox.render(_cached(folder), name, context)
    except TemplateSyntaxError as exc:
        where = _("{file}, line {line}").format(
            file=exc.filename or exc.name or name, line=exc.lineno
        )
        raise RunError(
            _("template error in {place}: {error}").format(place=where, error=exc.message)
        ) from None
    except TemplateError as exc:
        raise RunError(
            _("template error while rendering {name}: {error}").format(name=name, error=exc.message)
        ) from None


def inline_fonts(css: str, folder: Path) -> str:
    """The CSS with each relative url() of a font file inside `folder` (the stylesheet's
    own) as a data: URI, so the HTML needs no files beside it. Other URLs stay as they are,
    and nothing outside the folder is read."""
    root = folder.resolve()

    def data_uri(match: re.Match[str]) -> str:
        url = match.group("url")
        parts = urlsplit(url)
        kind = _FONT_TYPES.get(Path(parts.path).suffix.lower())
        if kind is None or parts.scheme or parts.netloc or url.startswith("/"):
            return match.group(0)
        path = (root / unquote(parts.path)).resolve()
        if root not in path.parents or not path.is_file():
            return match.group(0)
        encoded = base64.b64encode(path.read_bytes()).decode("ascii")
        return f'url("data:{kind};base64,{encoded}")'

    return _CSS_URL.sub(data_uri, css)


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
    and with them the page counters. Its fonts (the shipped ones, a house style's own) come
    along as data: URIs, so the report looks the same in a browser on any machine.
    """
    sheets = [*stylesheets(templates), *screen_stylesheets(templates)]
    css = "\n".join(
        inline_fonts(sheet.read_text(encoding="utf-8"), sheet.parent) for sheet in sheets
    )
    return html.replace("</head>", f"<style>\n{css}\n</style>\n</head>", 1)
