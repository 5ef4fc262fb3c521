"""Hints for a mistyped id or score."""

import difflib
import unicodedata

from normtoets.core.i18n import _

# "Did you mean" hints per rule and file. Each compares the word with every known id, so a
# file full of unknown ids made hints cost unknown × known; past the limit there is none.
MAX_HINTS = 20


def closest(word: str, choices: list[str]) -> str | None:
    """The choice spelled most like `word`; case counts for nothing (`b1` → `B1`)."""
    folded = {choice.casefold(): choice for choice in reversed(choices)}
    match = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.5)
    return _("did you mean '{name}'?").format(name=folded[match[0]]) if match else None


class Hints:
    """`closest` and `closest_score` for one rule's run over one file, MAX_HINTS times."""

    def __init__(self) -> None:
        self.left = MAX_HINTS

    def _spend(self) -> bool:
        self.left -= 1
        return self.left >= 0

    def closest(self, word: str, choices: list[str]) -> str | None:
        return closest(word, choices) if self._spend() else None

    def closest_score(self, raw: str, codes: list[str], labels: dict[str, str]) -> str | None:
        return closest_score(raw, codes, labels) if self._spend() else None


def _fold(text: str) -> str:
    """Drop spaces; read any dash (en dash from a word processor, minus sign) as '-'."""
    out = []
    for char in text:
        if char.isspace():
            continue
        out.append("-" if unicodedata.category(char) == "Pd" or char == "\u2212" else char)
    return unicodedata.normalize("NFKC", "".join(out))


def closest_score(raw: str, codes: list[str], labels: dict[str, str]) -> str | None:
    """'- -' → '--', '–' → '-', 'niet beoordeeld' → 'nb'; else the nearest code by spelling."""
    if raw != raw.strip() and raw.strip() in codes:
        return _("without the spaces: '{name}'").format(name=raw.strip())
    folded = _fold(raw)
    for code in codes:
        if _fold(code) == folded:
            return _("did you mean '{name}'?").format(name=code)
    for label, code in labels.items():
        if label.casefold() == raw.strip().casefold():
            return _("did you mean '{code}'? ('{label}' is its label)").format(
                code=code, label=label
            )
    return closest(raw, codes)
