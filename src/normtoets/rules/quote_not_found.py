"""quote-not-found (warning): a quote does not occur in the text of its source's file (or of
the source named by its `via`). Whitespace, line breaks, hyphenation at line ends and
typographic quotes do not count as differences. The hint shows the nearest passage, from
where it starts to differ."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.models.references import all_evidence
from normtoets.rules.base import Context, Problem
from normtoets.rules.source_files import carriers

CODE = "quote-not-found"
SEVERITY = Severity.warning


def check(ctx: Context) -> Iterator[Problem]:
    if ctx.assessment is None:
        return
    texts = carriers(ctx)
    for path, item in all_evidence(ctx.assessment):
        if not item.quote or (found := texts.get(item.source)) is None:
            continue
        carrier, source_file = found
        assert source_file.text is not None  # carriers() holds readable files only
        if source_file.text.contains(item.quote):
            continue
        where = f"'{carrier.id}'" + (f" (via '{item.source}')" if carrier.id != item.source else "")
        nearest = source_file.text.nearest(item.quote)
        yield Problem(
            (*path, "quote"),
            _("quote not found in source {source}").format(source=where),
            _("nearest passage: {passage}").format(passage=nearest)
            if nearest
            else _("no similar passage in the source"),
        )
