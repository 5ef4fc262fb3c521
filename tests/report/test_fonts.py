"""The shipped fonts: the only ones a report uses, so it is the same on every machine."""

import hashlib
import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
from fontTools.ttLib import TTFont

from normtoets.report.html import bundled_templates, inline_fonts, standalone
from normtoets.report.pdf import pdf_bytes

from .conftest import REPO

FONTS = bundled_templates() / "fonts"
FACES = sorted(FONTS.glob("*.woff"))
# Characters the templates and WeasyPrint add to what the YAML says: the hyphen that marks a
# hyphenated line end, list bullets, quotes of <q>, the ≠ of the comparison, dashes, ellipsis.
TYPOGRAPHY = "\u2010\u2011•“”‘’„–—…≠→←−€ëïéĳ"


def test_two_families_of_four_faces_and_their_licence() -> None:
    assert [face.name for face in FACES] == [
        f"Noto{family}-{style}.woff"
        for family in ("Sans", "Serif")
        for style in ("Bold", "BoldItalic", "Italic", "Regular")
    ]
    licence = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert sum(face.stat().st_size for face in FACES) < 180_000  # subset: keep them small
    for face in FACES:
        names = TTFont(face)["name"]
        assert "Open Font License" in str(names.getDebugName(13)), face.name


def test_every_face_covers_the_bundled_reports(
    duiven_html: str, comparison_html: str, mini_html: str
) -> None:
    text = {c for c in duiven_html + comparison_html + mini_html + TYPOGRAPHY if c.isprintable()}
    for face in FACES:
        missing = text - {chr(code) for code in TTFont(face).getBestCmap()}
        assert not missing, f"{face.name} lacks {sorted(missing)}"


@dataclass(frozen=True)
class EmbeddedFont:
    name: str
    embedded: bool
    used: set[int]  # glyph ids, the ones the PDF gives widths for
    unmapped: set[int]  # of those, the ones without Unicode text in /ToUnicode


def embedded_fonts(data: bytes) -> list[EmbeddedFont]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        seen: dict[tuple[int, int], pikepdf.Dictionary] = {}
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                seen[font.objgen] = font
        return [_described(font) for font in seen.values()]


def _described(font: pikepdf.Dictionary) -> EmbeddedFont:
    cid = font.DescendantFonts[0]
    widths = list(cid.get("/W", []))
    used: set[int] = set()
    i = 0
    while i < len(widths):  # [first [w w …]] or [first last w]
        first = int(widths[i])
        if isinstance(widths[i + 1], pikepdf.Array):
            used |= set(range(first, first + len(widths[i + 1])))
            i += 2
        else:
            used |= set(range(first, int(widths[i + 1]) + 1))
            i += 3
    cmap = font.ToUnicode.read_bytes().decode("latin-1") if "/ToUnicode" in font else ""
    mapped = {
        int(code, 16)
        for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S)
        for code, _text in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block)
    }
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for first, last in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            mapped |= set(range(int(first, 16), int(last, 16) + 1))
    embedded = "/FontFile2" in cid.FontDescriptor
    return EmbeddedFont(str(font.BaseFont), embedded, used, used - mapped)


@pytest.mark.parametrize("name", ["duiven_pdf", "comparison_pdf", "mini_pdf"])
def test_pdf_embeds_only_the_shipped_fonts_each_glyph_with_its_text(
    name: str, request: pytest.FixtureRequest
) -> None:
    fonts = embedded_fonts(request.getfixturevalue(name))
    assert fonts
    for font in fonts:
        # ABCDEF+normtoets-Noto-Serif-Italic: a subset of a shipped face, nothing of the system.
        assert re.fullmatch(r"/[A-Z]{6}\+normtoets-Noto-(Sans|Serif)(-Bold)?(-Italic)?", font.name)
        assert font.embedded, font.name
        assert font.used and 0 not in font.used, f"{font.name}: .notdef, a character no font has"
        assert not font.unmapped, f"{font.name}: glyphs without Unicode"


# ------------------------------------------------------------ the same on every machine

RENDER = """
import sys
from pathlib import Path
from normtoets.report.pdf import pdf_bytes
for html in sys.argv[1:]:
    Path(html).with_suffix(".pdf").write_bytes(pdf_bytes(Path(html).read_text("utf-8")))
"""


def liberation_fonts() -> Path | None:
    """Debian's fonts-liberation, unpacked or installed: NORMTOETS_LIBERATION_FONTS, then
    .cache/fonts-liberation (`make liberation-fonts`), then the system's own."""
    candidates = [
        os.environ.get("NORMTOETS_LIBERATION_FONTS", ""),
        REPO / ".cache" / "fonts-liberation",
        "/usr/share/fonts/truetype/liberation",
        "/usr/share/fonts/truetype/liberation2",
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            found = next(Path(candidate).rglob("LiberationSerif-Regular.ttf"), None)
            if found is not None:
                return found.parent
    return None


def fonts_conf(folder: Path, name: str, dirs: list[Path], *, system: bool) -> Path:
    """A fontconfig file with these font folders only, or the system's configuration plus them."""
    include = "<include ignore_missing='yes'>/etc/fonts/fonts.conf</include>" if system else ""
    lines = [f"<dir>{d}</dir>" for d in dirs]
    conf = folder / f"{name}.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig>{include}{''.join(lines)}"
        f"<cachedir>{folder / ('cache-' + name)}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def render_elsewhere(conf: Path, htmls: list[Path]) -> subprocess.Popen[bytes]:
    """Render in a fresh process: fontconfig reads its configuration once per process."""
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    env.pop("FONTCONFIG_PATH", None)
    return subprocess.Popen(
        [sys.executable, "-c", RENDER, *map(str, htmls)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def pages(data: bytes) -> int:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


# Text in Liberation Serif, as the templates had it before the shipped fonts: shows whether a
# configuration offers Liberation (and with it the machine's fonts).
PROBE = (
    '<html lang="nl"><head><title>t</title></head><body><p style="font-family: Liberation Serif">x'
)


@pytest.mark.parametrize("config", ["shipped-only", "liberation"])
def test_same_pages_and_bytes_whatever_fonts_the_machine_has(
    config: str,
    tmp_path: Path,
    duiven_html: str,
    duiven_pdf: bytes,
    comparison_html: str,
    comparison_pdf: bytes,
) -> None:
    """Rendered here with this machine's fonts (the fixtures), and in a fresh process with
    (shipped-only) no fonts but the shipped ones (fontconfig knows no font at all: a glyph
    they lack would come out as a box), or (liberation) the system's fonts plus
    Liberation, which Debian and Ubuntu desktops have and which made the Duiven report a page
    shorter than DejaVu did. The same pages, the same bytes."""
    if config == "shipped-only":  # no font folder at all: only what @font-face brings
        conf = fonts_conf(tmp_path, config, [], system=False)
    else:
        liberation = liberation_fonts()
        if liberation is None:
            pytest.skip(
                "fonts-liberation is neither installed nor unpacked: run `make "
                "liberation-fonts` (apt-get download, dpkg -x into .cache/), or point "
                "NORMTOETS_LIBERATION_FONTS at a folder with its .ttf files"
            )
        conf = fonts_conf(tmp_path, config, [liberation], system=True)
    sources = {"duiven": duiven_html, "comparison": comparison_html, "probe": PROBE}
    for name, html in sources.items():
        (tmp_path / f"{name}.html").write_text(html, encoding="utf-8")
    process = render_elsewhere(conf, [tmp_path / f"{name}.html" for name in sources])
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()

    probe = [font.name for font in embedded_fonts((tmp_path / "probe.pdf").read_bytes())]
    if config == "liberation":
        assert any("Liberation" in name for name in probe), probe
    else:  # the machine's fonts are out of sight: even a named one is not found
        assert all("normtoets-Noto" in name for name in probe), probe
    for name, expected in {"duiven": duiven_pdf, "comparison": comparison_pdf}.items():
        rendered = (tmp_path / f"{name}.pdf").read_bytes()
        assert pages(rendered) == pages(expected), name
        digest = hashlib.sha256(rendered).hexdigest()
        assert digest == hashlib.sha256(expected).hexdigest(), name


# ------------------------------------------------------------ the standalone HTML


def test_standalone_html_carries_the_fonts_as_data() -> None:
    html = '<html lang="nl"><head><title>t</title></head><body><p>x</p></body></html>'
    page = standalone(html)
    assert page.count('url("data:font/woff;base64,') == len(FACES) == 8
    assert "url(fonts/" not in page


def test_a_house_style_font_is_inlined_but_nothing_outside_its_folder(tmp_path: Path) -> None:
    house = tmp_path / "huisstijl"
    (house / "fonts").mkdir(parents=True)
    (house / "fonts" / "Huis.woff2").write_bytes(b"wOF2 huisletter")
    (tmp_path / "geheim.woff2").write_bytes(b"secret")
    css = (
        "@font-face { font-family: Huis; src: url('fonts/Huis.woff2') format('woff2'); }\n"
        "@font-face { font-family: Weg; src: url(../geheim.woff2), url(fonts/weg.woff2); }\n"
        ".logo { background: url(logo.svg); } .web { src: url(https://example.com/x.woff2); }"
    )
    inlined = inline_fonts(css, house)
    assert 'url("data:font/woff2;base64,d09GMiBodWlzbGV0dGVy")' in inlined  # b"wOF2 huisletter"
    assert "url(../geheim.woff2)" in inlined and "c2VjcmV0" not in inlined
    assert "url(fonts/weg.woff2)" in inlined  # missing: left as it was
    assert "url(logo.svg)" in inlined and "url(https://example.com/x.woff2)" in inlined


def test_a_house_style_brings_its_own_font(tmp_path: Path) -> None:
    """templates/README.md's recipe: the font beside the house style, the two variables."""
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "Huisletter.woff").write_bytes(
        (FONTS / "NotoSans-Bold.woff").read_bytes()
    )
    (tmp_path / "report.css").write_text(
        '@font-face { font-family: "Huisletter"; src: url(fonts/Huisletter.woff); }\n'
        ':root { --serif: "Huisletter", serif; --sans: "Huisletter", sans-serif; }\n',
        encoding="utf-8",
    )
    html = '<html lang="nl"><head><title>t</title></head><body><h1>Kop</h1><p>Tekst</p>'
    fonts = embedded_fonts(pdf_bytes(html, templates=tmp_path))
    assert fonts and all(font.name.split("+")[1].startswith("Huisletter") for font in fonts)
    assert standalone(html, tmp_path).count("data:font/woff;base64,") == len(FACES) + 1
