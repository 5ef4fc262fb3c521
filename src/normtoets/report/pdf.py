"""HTML → tagged PDF (PDF/UA-1). The only module that imports WeasyPrint, and only when called.

Nothing is fetched from the network or the file system except files inside the template
folders (the stylesheet, its shipped fonts, and whatever a house style puts beside it, like a
logo or a font). Attachments
(`rel="attachment"`) are never embedded. The same HTML gives the same bytes: the PDF carries
no clock time; with SOURCE_DATE_EPOCH set, that moment is written as its modification date.
"""

# Deferred imports: normtoets.report, weasyprint — WeasyPrint takes 0.3 s to import: an HTML or Word
# report never loads it.

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from normtoets.core.gcpause import collections_spaced_out
from normtoets.core.i18n import _
from normtoets.files.atomic import write_bytes
from normtoets.report.html import TemplateOutside, stylesheets, template_dirs

if TYPE_CHECKING:
    from weasyprint.urls import URLFetcher


class RefusedURL(ValueError):
    """A URL outside the template folders: WeasyPrint logs it and renders without it."""


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def make_fetcher(roots: list[Path]) -> "URLFetcher":
    """A URLFetcher (WeasyPrint 70 wants the class, not a plain function) for file:// URLs
    inside `roots`; every other URL (http, https, data, ftp, other files) is refused."""
    from weasyprint.urls import URLFetcher

    resolved = [root.resolve() for root in roots]
    named_roots = [Path(os.path.abspath(root)) for root in roots] + resolved  # as URLs name them

    class TemplateFetcher(URLFetcher):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(allowed_protocols={"file"}, allow_redirects=False)
            self.fetched: list[str] = []
            self.refused: list[str] = []
            self.escaped: list[tuple[Path, Path]] = []  # (as named, where its symlinks lead)

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                self.refused.append(url)
                raise RefusedURL(
                    _("normtoets fetches nothing outside the templates: {url}").format(url=url)
                )
            named = Path(os.path.normpath(unquote(parts.path)))
            path = named.resolve()
            if not (_inside(path, resolved) and path.is_file()):
                if _inside(named, named_roots) and not _inside(path, resolved):
                    self.escaped.append((named, path))  # a symlink in the folder: an error
                self.refused.append(url)
                raise RefusedURL(
                    _("normtoets fetches nothing outside the templates: {url}").format(url=url)
                )
            self.fetched.append(url)
            return super().fetch(path.as_uri(), headers)

    return TemplateFetcher()


def source_moment() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH in UTC, or None when unset or invalid."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)


def _source_date() -> str | None:
    """SOURCE_DATE_EPOCH as a W3C date-time in UTC, or None when unset or invalid."""
    moment = source_moment()
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


@contextlib.contextmanager
def _fixed_font_timestamps() -> Iterator[None]:
    """fontTools stamps each font it writes with the clock time unless SOURCE_DATE_EPOCH is
    set: the shipped WOFF fonts it unpacks for WeasyPrint, and each embedded font it subsets
    (WeasyPrint's subsetter without HarfBuzz-Subset). Pin it while rendering."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def pdf_bytes(
    html: str, *, templates: Path | None = None, fetcher: "URLFetcher | None" = None
) -> bytes:
    """Render HTML to PDF/UA-1 bytes with the report stylesheet(s)."""
    stamp = _source_date()  # read before the fonts' timestamps are pinned
    with collections_spaced_out(), _fixed_font_timestamps():
        return _render(html, templates, fetcher, stamp)


def _render(
    html: str, templates: Path | None, fetcher: "URLFetcher | None", stamp: str | None
) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from normtoets.report import pdftags

    roots = template_dirs(templates)
    fetcher = fetcher if fetcher is not None else make_fetcher(roots)
    # base_url: relative URLs in a house style resolve inside its template folder.
    base = roots[0].resolve().as_uri() + "/"
    # The @font-face rules (the shipped fonts, a house style's own) load only with a font
    # configuration; their files come through the fetcher, from inside the template folders.
    fonts = FontConfiguration()
    sheets = [
        CSS(filename=str(sheet), url_fetcher=fetcher, font_config=fonts)
        for sheet in stylesheets(templates)
    ]
    document = HTML(string=html, base_url=base, url_fetcher=fetcher).render(
        stylesheets=sheets, pdf_variant="pdf/ua-1", font_config=fonts
    )
    # WeasyPrint renders without what the fetcher refused; a house style's symlink out of its
    # folder is the user's mistake to hear about, not a picture to leave out silently.
    for named, target in getattr(fetcher, "escaped", []):
        folder, inside = next(
            (root, named.relative_to(seen))
            for root in roots
            for seen in (Path(os.path.abspath(root)), root.resolve())
            if _inside(named, [seen])
        )
        raise TemplateOutside("file", str(inside), folder, target)
    document.metadata.attachments = []  # rel="attachment" is never embedded
    if stamp is not None:
        document.metadata.modified = stamp
        if not document.metadata.created:
            document.metadata.created = stamp
    # The structure tree is normtoets' own (see pdftags): WeasyPrint's is per page.
    with pdftags.installed():
        data: bytes = document.write_pdf(
            pdf_variant="pdf/ua-1", pdf_identifier=True, attachments=[]
        )
    return data


def write_pdf(html: str, output: Path, *, templates: Path | None = None) -> None:
    """Write the PDF atomically: a crash leaves no half file."""
    write_bytes(Path(output), pdf_bytes(html, templates=templates))
