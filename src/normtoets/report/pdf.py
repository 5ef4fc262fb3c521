"""HTML → tagged PDF (PDF/UA-1). The only module that imports WeasyPrint, and only when called.

Nothing is fetched from the network or the file system except files inside the template
folders (the stylesheet, and whatever a house style puts beside it, like a logo). Attachments
(`rel="attachment"`) are never embedded. The same HTML gives the same bytes: the PDF carries
no clock time; with SOURCE_DATE_EPOCH set, that moment is written as its modification date.
"""

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from normtoets.atomic import write_bytes
from normtoets.gcpause import collections_spaced_out
from normtoets.report.html import stylesheets, template_dirs

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

    class TemplateFetcher(URLFetcher):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(allowed_protocols={"file"}, allow_redirects=False)
            self.fetched: list[str] = []
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                self.refused.append(url)
                raise RefusedURL(f"normtoets fetches nothing outside the templates: {url}")
            path = Path(unquote(parts.path)).resolve()
            if not (_inside(path, resolved) and path.is_file()):
                self.refused.append(url)
                raise RefusedURL(f"normtoets fetches nothing outside the templates: {url}")
            self.fetched.append(url)
            return super().fetch(path.as_uri(), headers)

    return TemplateFetcher()


def _source_date() -> str | None:
    """SOURCE_DATE_EPOCH as a W3C date-time in UTC, or None when unset or invalid."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    moment = dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@contextlib.contextmanager
def _fixed_font_timestamps() -> Iterator[None]:
    """fontTools (WeasyPrint's font subsetter without HarfBuzz-Subset) stamps each embedded
    font with the clock time unless SOURCE_DATE_EPOCH is set: pin it while rendering."""
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
    with collections_spaced_out():
        return _render(html, templates, fetcher)


def _render(html: str, templates: Path | None, fetcher: "URLFetcher | None") -> bytes:
    from weasyprint import CSS, HTML

    from normtoets.report import pdftags

    roots = template_dirs(templates)
    fetcher = fetcher if fetcher is not None else make_fetcher(roots)
    # base_url: relative URLs in a house style resolve inside its template folder.
    base = roots[0].resolve().as_uri() + "/"
    sheets = [CSS(filename=str(sheet), url_fetcher=fetcher) for sheet in stylesheets(templates)]
    document = HTML(string=html, base_url=base, url_fetcher=fetcher).render(
        stylesheets=sheets, pdf_variant="pdf/ua-1"
    )
    document.metadata.attachments = []  # rel="attachment" is never embedded
    stamp = _source_date()
    if stamp is not None:
        document.metadata.modified = stamp
        if not document.metadata.created:
            document.metadata.created = stamp
    # The structure tree is normtoets' own (see pdftags): WeasyPrint's is per page.
    with _fixed_font_timestamps(), pdftags.installed():
        data: bytes = document.write_pdf(
            pdf_variant="pdf/ua-1", pdf_identifier=True, attachments=[]
        )
    return data


def write_pdf(html: str, output: Path, *, templates: Path | None = None) -> None:
    """Write the PDF atomically: a crash leaves no half file."""
    write_bytes(Path(output), pdf_bytes(html, templates=templates))
