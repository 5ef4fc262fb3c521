"""The command line's own text in the user's language: Dutch by default, English when the
locale asks for it (the first of LANGUAGE, LC_ALL, LC_MESSAGES and LANG that is set starts with
"en"). The source text in the code is English; the Dutch catalog is
`src/normtoets/locale/nl/LC_MESSAGES/normtoets.po`, compiled to `.mo` when the package is
built (hatch_build.py). Reports are Dutch whatever the locale: they are the rekenkamer's.

Numbers in Dutch text take a decimal comma and group thousands with a point: `number(-0.2)`
is "-0,20", `integer(2097152)` is "2.097.152" (in English "-0.20" and "2,097,152").

Messages are English text marked with `_()` (or `ngettext()` for counts), one literal per call
so that `make catalog` finds them, with named placeholders filled in afterwards:
`_("unknown norm '{norm}'").format(norm=norm_id)`: a translation may put them in another order.
"""

import functools
import gettext
import os
from pathlib import Path

DOMAIN = "normtoets"
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"


def language() -> str:
    """ "en" or "nl", read from the environment at every call (tests switch it per run)."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "en" if value.split(":")[0].lower().startswith("en") else "nl"
    return "nl"


@functools.lru_cache(maxsize=4)
def _catalog(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()  # the source text is English
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def _(message: str) -> str:
    return _catalog(language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalog(language()).ngettext(singular, plural, count)


def number(value: float, decimals: int = 2, *, sign: bool = False) -> str:
    """A number as the language writes it: -0.20 in English, -0,20 in Dutch; with `sign`, a
    plus sign before a positive number or zero (+0,50)."""
    text = f"{value:{'+' if sign else ''}.{decimals}f}"
    return text.replace(".", ",") if language() == "nl" else text


def integer(value: int) -> str:
    """A whole number with its thousands grouped: 2,097,152 in English, 2.097.152 in Dutch."""
    text = f"{value:,}"
    return text.replace(",", ".") if language() == "nl" else text
