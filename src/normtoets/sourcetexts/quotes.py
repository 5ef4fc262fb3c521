"""Find a quote in a source's text, tolerant of what PDF-to-text extraction does to layout.

Both sides are normalised the same way (`normalise`), so a quote typed with straight quotes on
one line matches a text with typographic quotes and a word hyphenated across a page break.
When a quote is not found, `nearest` finds the passage it most likely was copied from: it
anchors on the quote's rarest word trigrams (a dict lookup each), so only a few small windows
reach difflib — a 57 KB report and thirty quotes stay well under a second.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

_CHARACTERS = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "…": "...",
    }
)
# A word broken at a line end: "ontwikke-\n\nlingen" (blank lines and spaces may sit between).
_HYPHENATED = re.compile(r"(?<=\w)-[^\S\n]*\n\s*(?=\w)")
# A soft hyphen is invisible; at a line end it also joins the two halves.
_SOFT_HYPHEN = re.compile("\u00ad\\s*")
_WHITESPACE = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
_NOT_ALNUM = re.compile(r"[\W_]+")

HINT_CHARS = 100
ANCHORS = 8  # rarest shared n-grams used to place candidate passages
CANDIDATES = 3  # candidate passages compared with difflib
CONTEXT_WORDS = 3  # words shown before the first difference


def normalise(text: str) -> str:
    """NFC, plain quotes and ellipses, line-end hyphenation joined, whitespace runs to one space."""
    text = unicodedata.normalize("NFC", text).translate(_CHARACTERS)
    text = _SOFT_HYPHEN.sub("", text)
    text = _HYPHENATED.sub("", text)
    return _WHITESPACE.sub(" ", text).strip()


def _key(word: str) -> str:
    """What anchoring compares: case and punctuation ignored, so a typo still finds its place."""
    return _NOT_ALNUM.sub("", word.lower())


@dataclass
class SourceText:
    """A normalised source text with a word index for the nearest-passage search."""

    text: str
    _spans: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _keys: list[str] = field(default_factory=list, repr=False)
    _grams: dict[int, dict[tuple[str, ...], list[int]]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, raw: str) -> "SourceText":
        return cls(normalise(raw))

    def contains(self, quote: str) -> bool:
        needle = normalise(quote)
        return bool(needle) and needle in self.text

    def nearest(self, quote: str) -> str | None:
        """The passage the quote most resembles, ≈100 characters from its first difference."""
        words = [_key(w) for w in normalise(quote).split(" ")]
        start = self._best_start(words)
        if start is None:
            return None
        window = self._keys[start : start + len(words) + CONTEXT_WORDS]
        blocks = SequenceMatcher(None, words, window, autojunk=False).get_opcodes()
        first_diff = next((j1 for tag, _, _, j1, _ in blocks if tag != "equal"), 0)
        return self._excerpt(start + max(0, first_diff - CONTEXT_WORDS))

    def _index(self, n: int) -> dict[tuple[str, ...], list[int]]:
        if not self._spans:
            self._spans = [m.span() for m in _WORD.finditer(self.text)]
            self._keys = [_key(self.text[a:b]) for a, b in self._spans]
        if n not in self._grams:
            grams: dict[tuple[str, ...], list[int]] = {}
            for i in range(len(self._keys) - n + 1):
                grams.setdefault(tuple(self._keys[i : i + n]), []).append(i)
            self._grams[n] = grams
        return self._grams[n]

    def _best_start(self, words: list[str]) -> int | None:
        """Vote with the rarest shared trigrams (bigrams, words for short quotes) for a start."""
        for n in (3, 2, 1):
            if len(words) < n:
                continue
            grams = self._index(n)
            shared = [
                (len(grams[g]), offset, g)
                for offset in range(len(words) - n + 1)
                if (g := tuple(words[offset : offset + n])) in grams and any(g)
            ]
            if not shared:
                continue
            votes: Counter[int] = Counter()
            for _, offset, gram in sorted(shared)[:ANCHORS]:
                for position in grams[gram][:ANCHORS]:
                    votes[max(0, position - offset)] += 1
            candidates = [start for start, _ in votes.most_common(CANDIDATES)]
            return max(candidates, key=lambda start: self._similarity(words, start))
        return None

    def _similarity(self, words: list[str], start: int) -> float:
        window = self._keys[start : start + len(words)]
        return SequenceMatcher(None, words, window, autojunk=False).ratio()

    def _excerpt(self, word: int) -> str:
        begin = self._spans[word][0]
        piece = self.text[begin : begin + HINT_CHARS + 1]
        if len(piece) > HINT_CHARS:
            cut = piece.rfind(" ", 0, HINT_CHARS)
            piece = piece[: cut if cut > 0 else HINT_CHARS] + "…"
        return ("…" if begin else "") + piece.strip()
