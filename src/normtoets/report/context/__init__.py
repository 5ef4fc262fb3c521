"""Models → plain values for the report templates. Pure: no I/O, no Jinja2, no WeasyPrint.

Everything a template shows is worked out here (labels, colours, counts, note numbers, Dutch
dates and lists), so templates only format, and a house style can restyle without logic.
Text stays text: escaping is the template engine's job (autoescape), never done here.
"""

from normtoets.report.context.common import (
    MATRIX_COLUMNS,
    badge,
    dutch_date,
    dutch_list,
    paragraphs,
    safe_color,
    text_color,
)
from normtoets.report.context.comparison_report import comparison
from normtoets.report.context.doorwerking import doorwerking
from normtoets.report.context.municipality_report import municipality
from normtoets.report.context.register import register

__all__ = [
    "MATRIX_COLUMNS",
    "badge",
    "comparison",
    "doorwerking",
    "dutch_date",
    "dutch_list",
    "municipality",
    "paragraphs",
    "register",
    "safe_color",
    "text_color",
]
