"""Dutch typography the hyphenator cannot know: proper names are never broken ("Re-gioplan",
"Dui-ven"), and a word with a diaeresis is not broken at all, since Dutch drops the trema at a
break ("ge-evalueerd") and the hyphenator would keep it ("ge-ëvalueerd")."""

import re
from collections.abc import Iterable

from markupsafe import Markup

# A vowel followed by one with a diaeresis: the place Dutch would break and drop the trema.
_TREMA_WORD = re.compile(r"\b\w*[aeiouy][äëïöü]\w*", re.IGNORECASE)
_TAG = re.compile(r"(<[^>]*>)")


_OPEN, _CLOSE = '<span class="name">', "</span>"


def _trema_words(text: str) -> str:
    return _TREMA_WORD.sub(lambda m: f"{_OPEN}{m.group(0)}{_CLOSE}", text)


def _unbreakable(text: str, names: re.Pattern[str] | None) -> str:
    """Names, then diaeresis words outside them, of a piece of HTML text (no tags)."""
    if names is None:
        return _trema_words(text)
    out, at = [], 0
    for match in names.finditer(text):
        out += [_trema_words(text[at : match.start()]), f"{_OPEN}{match.group(0)}{_CLOSE}"]
        at = match.end()
    out.append(_trema_words(text[at:]))
    return "".join(out)


def protect(html: str, names: Iterable[str]) -> Markup:
    """The HTML with every proper name and diaeresis word kept from hyphenation."""
    wanted = sorted({str(Markup.escape(n)) for n in names if n}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, wanted)) + r")\b") if wanted else None
    parts = _TAG.split(html)
    return Markup("".join(p if p.startswith("<") else _unbreakable(p, pattern) for p in parts))
