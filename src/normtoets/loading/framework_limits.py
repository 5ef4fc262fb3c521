"""How large a framework normtoets reads: norms and criteria, far above any real normenkader
(tens of norms, a few hundred criteria). Every step after loading is linear in them, but a
report of thousands of norms costs WeasyPrint minutes and gigabytes (benchmarks/run.py)."""

from normtoets.core.diagnostics import Diagnostic, PathKey, Problem, Severity
from normtoets.core.i18n import _, integer
from normtoets.models import Framework
from normtoets.yamlio.document import Document

MAX_NORMS = 1_000
MAX_CRITERIA = 5_000


def oversized(doc: Document, framework: Framework) -> Diagnostic | None:
    """The first norm or criterion past its limit, or None."""
    norms = criteria = 0
    for i, theme in enumerate(framework.themes):
        for j, norm in enumerate(theme.norms):
            norms += 1
            if norms == MAX_NORMS + 1:
                total = sum(len(t.norms) for t in framework.themes)
                return _problem(
                    doc,
                    ("themes", i, "norms", j),
                    "too-many-norms",
                    _(
                        "framework has {count} norms; normtoets reads frameworks of up to {max} "
                        "norms"
                    ).format(count=integer(total), max=integer(MAX_NORMS)),
                )
            for k in range(len(norm.criteria)):
                criteria += 1
                if criteria == MAX_CRITERIA + 1:
                    total = sum(len(n.criteria) for n in framework.norms())
                    return _problem(
                        doc,
                        ("themes", i, "norms", j, "criteria", k),
                        "too-many-criteria",
                        _(
                            "framework has {count} criteria; normtoets reads frameworks of up "
                            "to {max} criteria"
                        ).format(count=integer(total), max=integer(MAX_CRITERIA)),
                    )
    return None


def _problem(doc: Document, path: PathKey, code: str, message: str) -> Diagnostic:
    return doc.place(Problem(path, message, severity=Severity.error, code=code))
