"""report.html and the templates: golden files, escaping, strict undefined, house styles."""

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from normtoets import report
from normtoets.core.errors import RunError
from normtoets.report import html as report_html

from .conftest import Data, golden


class Outline(HTMLParser):
    """Collects what accessibility checks need: headings, th scopes, tags, <meta>, <style>."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.th_without_scope = 0
        self.tags: set[str] = set()
        self.meta: dict[str, list[str]] = {}
        self.lang: str | None = None
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.add(tag)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(tag)
        if tag == "th" and not a.get("scope"):
            self.th_without_scope += 1
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "meta" and a.get("name"):
            self.meta.setdefault(a["name"] or "", []).append(a.get("content") or "")
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def test_municipality_golden(mini_html: str) -> None:
    golden("municipality.html", mini_html)


def test_split_golden(mini: Data) -> None:
    volumes = report.municipality_html(mini.framework, mini.one("Testdorp"), mini.study, split=True)
    assert isinstance(volumes, dict)
    assert list(volumes) == ["bestuurlijke-nota", "nota-van-bevindingen"]
    for name, html in volumes.items():
        golden(f"{name}.html", html)
    assert "Aanbeveling 1" in volumes["bestuurlijke-nota"]
    assert "Aanbeveling 1" not in volumes["nota-van-bevindingen"]
    assert 'id="bronnen"' in volumes["nota-van-bevindingen"]
    assert 'id="norm-B1"' not in volumes["bestuurlijke-nota"]  # findings are in the other volume


def test_comparison_golden(comparison_html: str) -> None:
    golden("comparison.html", comparison_html)


@pytest.mark.parametrize("name", ["mini_html", "comparison_html"])
def test_accessible_structure(name: str, request: pytest.FixtureRequest) -> None:
    html = request.getfixturevalue(name)
    o = outline(html)
    assert o.lang == "nl"
    assert o.title.startswith("Mini-onderzoek naar integraal werken")
    assert o.meta["author"] == ["Bureau <Onderzoek>", "Rekenkamer Testdorp & Proefstad"]
    assert set(o.headings) <= {"h1", "h2", "h3"} and o.headings[0] == "h1"
    levels = [int(h[1]) for h in o.headings]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))  # no skipped level
    assert o.th_without_scope == 0
    assert "style" not in o.tags and "script" not in o.tags  # CSS goes in as a stylesheet
    assert not ({"img", "link", "iframe", "object", "embed"} & o.tags)


def test_concept_mark_unless_definitief(mini: Data, mini_html: str) -> None:
    assert 'data-concept=""' in mini_html  # Testdorp is definitief
    concept = report.municipality_html(mini.framework, mini.one("Proefstad"), mini.study)
    assert 'data-concept="CONCEPT – WEDERHOOR"' in concept
    assert "Concept voor ambtelijk wederhoor" in concept


def test_hostile_text_is_escaped(mini: Data) -> None:
    hostile = (
        '<img src="file:///etc/passwd"> <a rel="attachment" href="http://example.com/x">x</a>'
        " <script>alert(1)</script> {{ 7*7 }}"
    )
    assessment = mini.one("Testdorp")
    judgements = dict(assessment.judgements)
    judgements["B1"] = judgements["B1"].model_copy(update={"finding": hostile})
    evil = assessment.model_copy(
        update={"judgements": judgements, "municipality": '"><img src=x>', "summary": hostile}
    )
    html = report.municipality_html(mini.framework, evil, mini.study)
    assert isinstance(html, str)
    assert "<img" not in html and "<script" not in html and 'rel="attachment"' not in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert "{{ 7*7 }}" in html  # data is never a template
    assert "&#34;&gt;&lt;img src=x&gt;" in html


def test_hostile_colour_cannot_inject_css(mini: Data) -> None:
    levels = list(mini.framework.scale.levels)
    levels[0] = levels[0].model_copy(update={"color": "red; background-image: url(http://x)"})
    scale = mini.framework.scale.model_copy(update={"levels": levels})
    framework = mini.framework.model_copy(update={"scale": scale})
    html = report.comparison_html(framework, mini.assessments, mini.study)
    assert "http://x" not in html


def test_a_house_style_replaces_one_chapter(mini: Data, tmp_path: Path) -> None:
    (tmp_path / "chapters" / "municipality").mkdir(parents=True)
    (tmp_path / "chapters" / "municipality" / "samenvatting.html.j2").write_text(
        "<p>Huisstijl {{ r.meta.municipality }}: {{ chapter.title }}</p>", encoding="utf-8"
    )
    html = report.municipality_html(
        mini.framework, mini.one("Testdorp"), mini.study, templates=tmp_path
    )
    assert isinstance(html, str)
    assert "<p>Huisstijl Testdorp: Samenvatting</p>" in html
    assert 'id="bevindingen"' in html  # the rest is the bundled report
    assert 'id="samenvatting"' not in html


def test_user_template_with_an_undefined_name_fails_loudly(mini: Data, tmp_path: Path) -> None:
    (tmp_path / "comparison.html.j2").write_text(
        "<html lang=nl>{{ r.meta.title }} {{ r.no_such_thing }}</html>", encoding="utf-8"
    )
    with pytest.raises(RunError, match="no_such_thing"):
        report.comparison_html(mini.framework, mini.assessments, mini.study, templates=tmp_path)


def test_templates_are_sandboxed(mini: Data, tmp_path: Path) -> None:
    (tmp_path / "comparison.html.j2").write_text(
        "{{ r.__class__.__init__.__globals__ }}", encoding="utf-8"
    )
    with pytest.raises(RunError, match="unsafe"):
        report.comparison_html(mini.framework, mini.assessments, mini.study, templates=tmp_path)


def test_stylesheets_user_after_bundled(tmp_path: Path) -> None:
    bundled = report_html.bundled_templates() / "report.css"
    assert report_html.stylesheets() == [bundled]
    assert report_html.stylesheets(tmp_path) == [bundled]
    (tmp_path / "report.css").write_text("h1 { color: black }", encoding="utf-8")
    assert report_html.stylesheets(tmp_path) == [bundled, tmp_path / "report.css"]
    assert report_html.template_dirs(tmp_path) == [tmp_path, report_html.bundled_templates()]


def test_score_runs_do_not_break() -> None:
    assert str(report_html.keep_scores("aanwezig (++). <b>")) == (
        'aanwezig <span class="nobreak">(++)</span>. &lt;b&gt;'
    )


def test_every_internal_link_has_a_target(mini: Data, comparison_html: str) -> None:
    volumes = report.municipality_html(mini.framework, mini.one("Testdorp"), mini.study, split=True)
    assert isinstance(volumes, dict)
    whole = report.municipality_html(mini.framework, mini.one("Testdorp"), mini.study)
    assert isinstance(whole, str)
    for html in [whole, comparison_html, *volumes.values()]:
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        targets = set(re.findall(r'href="#([^"]+)"', html))
        assert targets <= ids, targets - ids
        assert len(ids) == len(re.findall(r'\bid="', html)), "duplicate ids"


def test_templates_render_without_a_bytecode_cache(
    mini: Data, mini_html: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_safe_folder(**options: str) -> None:
        raise RuntimeError("Cannot determine safe temp directory")

    monkeypatch.setattr(report_html, "FileSystemBytecodeCache", no_safe_folder)
    env = report_html.environment()
    assert env.bytecode_cache is None
    html = env.get_template(report.MUNICIPALITY_TEMPLATE)
    context = report.context.municipality(mini.framework, mini.one("Testdorp"), mini.study)
    assert html.render(r=context) == mini_html


def test_the_comparison_claims_only_what_was_assessed(run, tmp_path: Path) -> None:
    from conftest import STUDY

    out = tmp_path / "v.html"
    assert run("report", STUDY, "--compare", "-o", out).exit_code == 0
    text = " ".join(re.sub(r"<[^>]+>", " ", out.read_text()).split())
    assert "Op geen enkele norm verschillen" not in text
    assert "Duiven is op alle 10 normen beoordeeld, in het eigen onderzoek." in text
    assert "Doesburg en Westervoort zijn op 1 van de 10 normen beoordeeld (B1)" in text
    assert "Niet te vergelijken" in text


def test_names_and_diaeresis_words_are_not_hyphenated() -> None:
    html = str(
        report_html.keep_scores(
            "Regioplan heeft het beleid van Duiven geëvalueerd.", ("Regioplan", "Duiven")
        )
    )
    assert html == (
        '<span class="name">Regioplan</span> heeft het beleid van <span class="name">Duiven</span> '
        '<span class="name">geëvalueerd</span>.'
    )


def test_names_are_protected_outside_tags_only() -> None:
    html = str(report_html.keep_scores("<Duiven> & Duivendrecht", ("Duiven",)))
    assert html == '&lt;<span class="name">Duiven</span>&gt; &amp; Duivendrecht'
