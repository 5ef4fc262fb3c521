"""unknown-framework (error): a study or assessment names a framework id or version that is
not found among the bundled frameworks, `./norms` or `--norms DIR`."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.rules.base import Context, Problem

CODE = "unknown-framework"
SEVERITY = Severity.error


def check(ctx: Context) -> Iterator[Problem]:
    subject = ctx.assessment or ctx.study
    if subject is None or ctx.framework is not None:
        return
    ref = subject.framework
    versions = ctx.available.get(ref.id)
    if versions:
        yield Problem(
            ("framework", "version"),
            _("framework '{id}' has no version '{version}'").format(id=ref.id, version=ref.version),
            _("known versions: {versions}").format(versions=", ".join(sorted(versions))),
        )
    elif ctx.broken_frameworks:
        yield Problem(
            ("framework", "id"),
            _("unknown framework '{id}'").format(id=ref.id),
            _(
                "a framework file could not be loaded: {files}; `normtoets validate` shows why"
            ).format(files=", ".join(ctx.broken_frameworks)),
        )
    else:
        known = ", ".join(sorted(ctx.available)) or _("none")
        yield Problem(
            ("framework", "id"),
            _("unknown framework '{id}'").format(id=ref.id),
            _("known frameworks: {known}; add yours to ./norms or pass --norms DIR").format(
                known=known
            ),
        )
