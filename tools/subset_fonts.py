"""Rebuild templates/fonts/: Noto Serif and Noto Sans, subset to what Dutch reports need.

    python tools/subset_fonts.py [NOTO_DIR]

NOTO_DIR holds the TrueType files of Debian's fonts-noto-core (NotoSerif-*.ttf, NotoSans-*.ttf,
NotoSansMath-Regular.ttf). Without it the script fetches that package with `apt-get download`
and unpacks it with `dpkg -x` into a temporary folder: nothing is installed. The output is the
same bytes for the same input files and the same fontTools and brotli versions.

What each face keeps: Latin-1, Latin Extended-A and a few letters more (ƒ, Ș/ș, Ț/ț), the
typographic quotes, dashes and spaces, ellipsis, bullet, euro, per mille, ™, and the glyphs the
fonts have for them in their layout features (kerning, ligatures, accents). Noto Serif and Sans
2.004 have no arrows and no ≠ − ≈ ≤ ≥ (the comparison report marks differences with ≠): those
are copied, outlines and widths unchanged, from Noto Sans Math, which is drawn to Noto Sans'
metrics. Hinting is dropped (a PDF does not use it); the names and the licence fields stay.

WOFF, not WOFF2: a quarter larger (150 KB for the eight faces, not 115), but WeasyPrint unpacks
WOFF2 in Python, which cost 0.3 s on every PDF; WOFF takes 0.02 s.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "templates" / "fonts"
PACKAGE = "fonts-noto-core"

FACES = [
    f"Noto{family}-{style}"
    for family in ("Serif", "Sans")
    for style in ("Regular", "Bold", "Italic", "BoldItalic")
]
MATH = "NotoSansMath-Regular"


def _span(first: int, last: int) -> list[int]:
    return list(range(first, last + 1))


TEXT = [
    *_span(0x0020, 0x007E),  # Basic Latin
    *_span(0x00A0, 0x00FF),  # Latin-1 Supplement: ë ï é, no-break and soft hyphen, « » § × ·
    *_span(0x0100, 0x017F),  # Latin Extended-A: ĳ Ĳ, and the names of the rest of Europe
    0x0192,  # ƒ (guilder)
    *_span(0x0218, 0x021B),  # Ș ș Ț ț
    0x02C6,
    0x02C7,
    0x02C9,
    *_span(0x02D8, 0x02DD),  # spacing accents
    0x2007,  # figure space
    *_span(0x2009, 0x200D),  # thin and hair space, zero-width space and (non-)joiner
    *_span(0x2010, 0x2015),  # hyphen (WeasyPrint's hyphenation mark), non-breaking hyphen, dashes
    *_span(0x2018, 0x201E),  # ‘ ’ ‚ ‛ “ ” „
    *_span(0x2020, 0x2022),  # † ‡ •
    0x2026,  # …
    0x202F,  # narrow no-break space
    0x2030,  # ‰
    0x2032,
    0x2033,  # ′ ″
    0x2039,
    0x203A,  # ‹ ›
    0x2044,  # ⁄
    0x2060,  # word joiner
    0x20AC,  # €
    0x2122,  # ™
]
SYMBOLS = [
    *_span(0x2190, 0x2195),  # ← ↑ → ↓ ↔ ↕
    0x2212,  # −
    0x2248,  # ≈
    0x2260,  # ≠
    0x2264,
    0x2265,  # ≤ ≥
]
NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 7, 13, 14]  # with copyright, trademark and licence


def fetch_noto(folder: Path) -> Path:
    """Debian's fonts-noto-core, downloaded and unpacked into `folder` (not installed)."""
    subprocess.run(["apt-get", "download", PACKAGE], cwd=folder, check=True)
    (deb,) = folder.glob(f"{PACKAGE}_*.deb")
    subprocess.run(["dpkg", "-x", deb.name, "root"], cwd=folder, check=True)
    return folder / "root" / "usr" / "share" / "fonts" / "truetype" / "noto"


def add_symbols(font: TTFont, math: TTFont) -> None:
    """Copy the glyphs of SYMBOLS the font lacks from Noto Sans Math (simple outlines)."""
    cmap = font.getBestCmap()
    source = math.getBestCmap()
    order = font.getGlyphOrder()
    for code in SYMBOLS:
        if code in cmap:
            continue
        name = source[code]
        glyph = math["glyf"][name]
        assert not glyph.isComposite(), name
        new = f"{name}.math"
        order.append(new)
        font["glyf"].glyphs[new] = glyph
        font["hmtx"].metrics[new] = math["hmtx"][name]
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap[code] = new
    font.setGlyphOrder(order)
    font["glyf"].glyphOrder = order
    font["maxp"].numGlyphs = len(order)


def build(noto: Path) -> None:
    math = TTFont(noto / f"{MATH}.ttf")
    OUT.mkdir(exist_ok=True)
    for face in FACES:
        font = TTFont(noto / f"{face}.ttf", recalcTimestamp=False)  # keep the head date
        add_symbols(font, math)
        options = subset.Options()
        options.flavor = "woff"
        options.hinting = False
        options.name_IDs = NAME_IDS
        options.notdef_outline = True  # a character the font lacks shows as a box, not nothing
        subsetter = subset.Subsetter(options)
        wanted = TEXT + SYMBOLS
        subsetter.populate(unicodes=wanted)
        subsetter.subset(font)
        missing = sorted(set(wanted) - set(font.getBestCmap()))
        target = OUT / f"{face}.woff"
        font.flavor = "woff"
        font.save(str(target))
        print(f"{target.relative_to(REPO)}: {target.stat().st_size} bytes", end="")
        print(f", lacks {' '.join(f'U+{c:04X}' for c in missing)}" if missing else "")


def main() -> None:
    if len(sys.argv) > 1:
        build(Path(sys.argv[1]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        build(fetch_noto(Path(tmp)))


if __name__ == "__main__":
    main()
