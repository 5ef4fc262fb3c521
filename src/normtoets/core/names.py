"""When two written names are one name. Every comparison of people's or municipalities' names
goes through `name_key`, so a reviewer typed with a decomposed accent or a pasted zero-width
space is still the scorer, and Duiven in NFC and in NFD is one municipality."""

import functools
import unicodedata

from normtoets.core.i18n import _


def _invisible(char: str) -> bool:
    # Category Cf: zero-width space, (non-)joiner, word joiner, BOM, soft hyphen, bidi marks, …
    return unicodedata.category(char) == "Cf"


def invisible(text: str) -> list[str]:
    """The invisible characters in `text`, in order."""
    if text.isascii():  # no format character is ASCII: the common case costs next to nothing
        return []
    return [char for char in text if _invisible(char)]


@functools.lru_cache(maxsize=65_536)  # a study's names are keyed once per assessment checked
def name_key(name: str) -> str:
    """What every spelling of one name shares: NFC, without invisible characters, case folded,
    runs of whitespace as one space, none around it."""
    if name.isascii():  # no invisible or decomposable character is ASCII
        return " ".join(name.casefold().split())
    visible = "".join(c for c in unicodedata.normalize("NFC", name) if not _invisible(c))
    # casefold may decompose (İ → i̇): normalise again
    return " ".join(unicodedata.normalize("NFC", visible.casefold()).split())


def same_name(a: str, b: str) -> bool:
    return name_key(a) == name_key(b)


def joined(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C' in the command line's language."""
    if len(names) <= 1:
        return "".join(names)
    return _("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])
