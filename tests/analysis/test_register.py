"""The register of recommendations: each recommendation's latest follow-up, found by the study a
follow-up study names, or else by the same municipality and framework in an earlier round."""

import datetime as dt
from pathlib import Path

from conftest import REPO
from normtoets.analysis.register import UNKNOWN, filtered
from normtoets.loading.register import load_register
from normtoets.loading.session import Session

EXAMPLES = REPO / "examples"


def register(*paths: Path):  # type: ignore[no-untyped-def]
    found, problems = load_register(list(paths), Session())
    assert found is not None, problems
    return found


def statuses(found) -> dict[tuple[str, int | None, str], str]:  # type: ignore[no-untyped-def]
    return {(e.municipality, e.round.year, e.recommendation.id): e.status for e in found.entries}


def test_the_fictional_register_has_every_status_of_its_follow_up_study() -> None:
    found = statuses(register(EXAMPLES / "register"))
    assert found == {
        ("Voorbeeldstad", 2020, "1"): "uitgevoerd",
        ("Voorbeeldstad", 2020, "2"): "wordt uitgevoerd",
        ("Voorbeeldstad", 2020, "3"): "geen actie",
        ("Proefdorp", 2020, "1"): "uitgevoerd",
        ("Proefdorp", 2020, "2"): "overige actie",
        ("Voorbeeldstad", 2022, "1"): UNKNOWN,
        ("Voorbeeldstad", 2022, "2"): UNKNOWN,
        ("Proefdorp", 2022, "1"): UNKNOWN,
        ("Proefdorp", 2022, "2"): UNKNOWN,
        ("Proefdorp", 2022, "3"): UNKNOWN,
        ("Voorbeeldstad", 2024, "1"): UNKNOWN,
    }


def test_duivens_recommendations_take_their_status_from_the_later_round() -> None:
    """No follows_up in the doorwerking example: the same municipality and framework, earlier."""
    found = register(REPO / "assessments", EXAMPLES / "doorwerking")
    assert statuses(found) == {
        ("Duiven", 2019, "1"): "uitgevoerd",
        ("Duiven", 2019, "2"): "wordt uitgevoerd",
        ("Duiven", 2019, "3"): "overige actie",
        ("Duiven", 2019, "4"): "wordt uitgevoerd",
        ("Duiven", 2019, "5"): "geen actie",
    }
    assert found.unmatched == []


def test_without_the_later_round_every_status_is_unknown() -> None:
    found = register(REPO / "assessments")
    assert {e.status for e in found.entries} == {UNKNOWN} and len(found.entries) == 5


def test_counts_per_year_and_status() -> None:
    counts = register(EXAMPLES / "register").counts()
    assert list(counts) == [2020, 2022, 2024]
    assert counts[2020]["uitgevoerd"] == 2 and sum(counts[2020].values()) == 5
    assert counts[2022][UNKNOWN] == 5


def test_filters() -> None:
    found = register(EXAMPLES / "register")
    assert {e.municipality for e in filtered(found, municipality="voorbeeldstad").entries} == {
        "Voorbeeldstad"
    }
    assert len(filtered(found, statuses=["uitgevoerd", "geen actie"]).entries) == 3
    assert {e.round.year for e in filtered(found, since=2022).entries} == {2022, 2024}
    old = filtered(found, older_than=2, today=dt.date(2024, 12, 31)).entries
    assert {e.round.year for e in old} == {2020, 2022}
