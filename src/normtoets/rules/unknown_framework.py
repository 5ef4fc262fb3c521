"""unknown-framework (error): a study or assessment names a framework id or version that is
not found among the bundled frameworks, `./norms` or `--norms DIR`."""

from collections.abc import Iterator

from normtoets.core.diagnostics import Severity
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
            f"framework '{ref.id}' has no version '{ref.version}'",
            f"known versions: {', '.join(sorted(versions))}",
        )
    else:
        known = ", ".join(sorted(ctx.available)) or "none"
        yield Problem(
            ("framework", "id"),
            f"unknown framework '{ref.id}'",
            f"known frameworks: {known}; add yours to ./norms or pass --norms DIR",
        )
