"""report.context: models → plain values. Pure, so tested without templates or WeasyPrint."""

import datetime as dt

import pytest

from normtoets.models import Framework
from normtoets.report import context

from .conftest import Data


def test_dutch_date_and_list() -> None:
    assert context.dutch_date(dt.date(2017, 9, 6)) == "6 september 2017"
    assert context.dutch_date(None) is None
    assert context.dutch_list([]) == ""
    assert context.dutch_list(["a"]) == "a"
    assert context.dutch_list(["a", "b", "c"]) == "a, b en c"


def test_paragraphs() -> None:
    assert context.paragraphs(None) == []
    assert context.paragraphs("een\n  twee") == ["een", "twee"]  # folded: a newline per blank line
    assert context.paragraphs("een\nregel\n\ntwee") == ["een regel", "twee"]  # literal block


@pytest.mark.parametrize(
    ("color", "expected"),
    [
        ("#1b7837", "#1b7837"),
        ("red", "red"),
        ("red; background: url(x)", "#dddddd"),
        ("", "#dddddd"),
    ],
)
def test_colours_from_the_framework_are_checked(color: str, expected: str) -> None:
    assert context.safe_color(color) == expected


def test_text_colour_contrasts() -> None:
    assert context.text_color("#1b7837") == "#ffffff"  # dark green
    assert context.text_color("#a6dba0") == "#000000"  # light green
    assert context.text_color("#fff") == "#000000"


def test_badges_follow_the_scale_not_hard_coded_codes(mini: Data) -> None:
    scale = mini.framework.scale.model_copy(
        update={
            "levels": [
                level.model_copy(update={"meets": level.code == "++"})
                for level in mini.framework.scale.levels
            ]
        }
    )
    strict = mini.framework.model_copy(update={"scale": scale})
    assert context.badge(strict, "+").meets is False
    assert context.badge(mini.framework, "+").meets is True
    nb = context.badge(mini.framework, None)
    assert (nb.code, nb.label, nb.meets, nb.kind) == ("nb", "niet beoordeeld", None, "not-assessed")
    assert context.badge(mini.framework, "nvt").kind == "not-applicable"
    assert context.badge(mini.framework, "??").kind == "unknown"
    report = context.municipality(strict, mini.one("Testdorp"), mini.study)
    assert report.totals.met == 1  # only ++ counts now


def test_municipality_context(mini: Data) -> None:
    r = context.municipality(mini.framework, mini.one("Testdorp"), mini.study)
    assert r.meta.title == "Mini-onderzoek naar integraal werken – gemeente Testdorp"
    assert r.meta.date == "31 mei 2019" and r.meta.iso_date == "2019-05-31"
    assert r.meta.authors == ["Bureau <Onderzoek>", "Rekenkamer Testdorp & Proefstad"]
    assert not r.meta.concept
    assert (r.totals.met, r.totals.not_met, r.totals.unscored) == (2, 1, 0)
    beleid = r.themes[0]
    assert [f.norm.id for f in beleid.met] == ["B1"] and [f.norm.id for f in beleid.not_met] == [
        "B2"
    ]
    b1 = beleid.findings[0]
    assert b1.finding[1].startswith("Een tweede alinea")
    # Notes are numbered through the report, in reading order, criteria included.
    assert [n.number for f in r.themes[0].findings for n in f.notes] == [1, 2, 3]
    u1 = r.themes[1].findings[0]
    assert [c.letter for c in u1.criteria] == ["a", "b"]
    # U1.a cites the conversation B2 cited, at no more precise place: the same note, number 3,
    # listed once, after B2.
    assert [n.number for n in u1.notes] == []
    assert u1.criteria[0].evidence[0].ref is not None
    assert u1.criteria[0].evidence[0].ref.number == 3
    assert b1.notes[0].where == "p. 9, § 4.1"
    assert b1.notes[0].source is not None and b1.notes[0].source.date == "6 september 2017"
    # Recommendations in their own order, each with its addressee; parts kept.
    recommendations = r.chapter("aanbevelingen").data
    assert [(x.id, x.to_title) for x in recommendations.ordered] == [
        ("1", "Aan de gemeenteraad"),
        ("2", "Aan het college van B&W"),
    ]
    assert recommendations.addressees == 2
    assert [p.id for p in recommendations.ordered[0].parts] == ["a", "b"]
    (answer,) = r.chapter("onderzoeksvragen").data
    assert [q.id for q in answer.questions] == ["OV1"]
    assert [(n.id, n.badge.code) for n in answer.norms] == [("B1", "++")]


def test_answers_follow_the_question_order_and_keep_unanswered(duiven: Data) -> None:
    r = context.municipality(duiven.framework, duiven.assessments[0], duiven.study)
    groups = [[q.id for q in a.questions] for a in r.chapter("onderzoeksvragen").data]
    assert groups == [
        ["OV1", "OV2"],
        ["OV3"],
        ["OV4"],
        ["OV5", "OV6", "OV7"],
        ["OV8", "OV9"],
        ["OV10"],
    ]
    assert [n.id for n in r.chapter("onderzoeksvragen").data[0].norms] == ["B1", "B4", "B2", "B3"]


def test_split_volumes_have_their_own_parts(mini: Data) -> None:
    nota = context.municipality(
        mini.framework, mini.one("Testdorp"), mini.study, "bestuurlijke-nota"
    )
    bevindingen = context.municipality(
        mini.framework, mini.one("Testdorp"), mini.study, "nota-van-bevindingen"
    )
    assert nota.has("aanbevelingen") and not nota.has("bevindingen")
    assert bevindingen.has("bevindingen") and bevindingen.has("bronnen")
    assert not bevindingen.has("aanbevelingen")
    assert nota.meta.volume == "Bestuurlijke nota"


def test_status_marks(mini: Data) -> None:
    assert context.municipality(mini.framework, mini.one("Proefstad"), mini.study).meta.concept_mark
    assert context.municipality(mini.framework, mini.one("Nergenshuizen"), None).meta.concept


def test_comparison_context(mini: Data) -> None:
    r = context.comparison(mini.framework, mini.assessments, mini.study)
    assert r.municipalities == ["Testdorp", "Proefstad", "Nergenshuizen"]
    assert r.meta.concept and r.concepts == ["Proefstad", "Nergenshuizen"]
    (part,) = r.chapter("scoreoverzicht").data
    assert [c.id for c in part.columns] == ["B1", "B2", "U1"]
    assert [g.title for g in part.groups] == ["Beleid", "Uitvoering"]
    assert [[b.code for b in row.cells] for row in part.rows] == [
        ["++", "--", "+"],
        ["+", "--", "nvt"],
        ["nb", "nb", "nb"],
    ]
    assert [(row.met, row.scored) for row in part.rows] == [(2, 3), (1, 2), (0, 0)]
    b1 = r.themes[0].norms[0]
    assert b1.differs and b1.norm.best == ["Testdorp"]
    assert [(e.municipality, e.sentence) for e in b1.norm.examples] == [
        ("Testdorp", "Het beleid is integraal opgezet (++).")
    ]
    u1 = r.themes[1].norms[0]
    assert [c.id for c in u1.criteria] == ["U1.a"]  # differs on a criterion only
    assert r.chapter("lessen").data.general[0].example == "Testdorp"
    assert r.chapter("lessen").data.general[0].example_anchor == "gemeente-1-Testdorp"
    assert r.chapter("lessen").data.mutual[0].example is None
    profile = r.chapter("gemeenten").data[1]
    assert [(c.badge.code, c.count) for c in profile.counts] == [
        ("++", 0), ("+", 1), ("-", 0), ("--", 1), ("nb", 0), ("nvt", 1),
    ]  # fmt: skip


def _wide(framework: Framework, count: int) -> Framework:
    theme = framework.themes[0]
    norms = [theme.norms[0].model_copy(update={"id": f"N{i}"}) for i in range(count)]
    themes = [
        theme.model_copy(update={"id": "a", "title": "A", "norms": norms[: count // 2]}),
        theme.model_copy(update={"id": "b", "title": "B", "norms": norms[count // 2 :]}),
    ]
    return framework.model_copy(update={"themes": themes})


def test_a_wide_matrix_is_cut_in_parts(mini: Data) -> None:
    framework = _wide(mini.framework, 30)
    r = context.comparison(framework, mini.assessments, mini.study)
    widths = [len(part.columns) for part in r.chapter("scoreoverzicht").data]
    assert sum(widths) == 30 and max(widths) <= context.MATRIX_COLUMNS
    assert all(len(part.rows) == 3 for part in r.chapter("scoreoverzicht").data)


def test_many_municipalities_give_counts_not_names(mini: Data) -> None:
    base = mini.one("Testdorp")
    many = [base.model_copy(update={"municipality": f"Gemeente {i:03d}"}) for i in range(60)]
    r = context.comparison(mini.framework, many, None)
    assert r.many
    (top,) = r.themes[0].norms[0].norm.distribution
    assert top.count == 60 and top.municipalities == []


def test_recommendations_name_the_conclusions_they_follow_from(duiven: Data) -> None:
    r = context.municipality(duiven.framework, duiven.assessments[0], duiven.study)
    follows = {
        rec.id: [c.number for c in rec.conclusions]
        for rec in r.chapter("aanbevelingen").data.ordered
    }
    # 6.2 of the Duiven report: each recommendation follows the paragraph it concludes.
    assert follows == {"1": [1, 2], "2": [1, 2], "3": [3], "4": [3], "5": [4]}
    assert [c.anchor for c in r.chapter("conclusies").data] == [
        f"conclusie-C{i}" for i in range(1, 5)
    ]


def test_recommendations_keep_their_order_and_do_not_repeat_the_addressee(duiven: Data) -> None:
    """The Duiven report numbers them 1-5; 1 and 2 begin "Aan de raad:" and "Aan het college:",
    so a label "aan de gemeenteraad" beside them would say it twice."""
    data = context.municipality(duiven.framework, duiven.assessments[0], duiven.study)
    recommendations = data.chapter("aanbevelingen").data.ordered
    assert [rec.id for rec in recommendations] == ["1", "2", "3", "4", "5"]
    assert [rec.names_addressee for rec in recommendations] == [True, True, False, False, False]


def test_a_recommendation_without_its_addressee_in_the_text_gets_it_beside_its_number(
    mini_html: str,
) -> None:
    chapter = mini_html[mini_html.index('id="aanbevelingen"') :]
    assert 'Aanbeveling 1 <span class="addressee">– aan de gemeenteraad</span>' in chapter
    assert "<h2" not in chapter[: chapter.index("</section>")]
