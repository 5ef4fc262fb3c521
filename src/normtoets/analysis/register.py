"""The rekenkamer's register of recommendations: every recommendation of every round, with the
latest follow-up any later round gives it (doorwerking).

Which earlier round a follow-up round follows: the round of the same municipality in the study
its own study names (`follows_up: STUDY_ID`); without one, the latest earlier round of the same
municipality scored against the same framework. A round's moment is its own date, else its
study's date, else its study's year; a round without any is never "earlier" or "later".
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from normtoets.core.names import name_key, same_name
from normtoets.models import Assessment, FollowUp, Recommendation, Study

UNKNOWN = "onbekend"  # no later round has said anything about it yet
STATUSES = ["geen actie", "overige actie", "wordt uitgevoerd", "uitgevoerd", UNKNOWN]


@dataclass(frozen=True)
class Round:
    """One assessment as the register sees it."""

    name: str  # its file, as shown in messages
    assessment: Assessment
    study: Study | None

    @property
    def when(self) -> dt.date | None:
        """The moment to order rounds by: a year alone counts as its first of January."""
        found = self.assessment.date or (self.study.date if self.study else None)
        if found is None and self.study is not None and self.study.year is not None:
            return dt.date(self.study.year, 1, 1)
        return found

    @property
    def year(self) -> int | None:
        return self.when.year if self.when else None

    @property
    def study_id(self) -> str | None:
        return self.study.id if self.study else self.assessment.study


@dataclass(frozen=True)
class Entry:
    """One recommendation, with its latest follow-up (None: none yet)."""

    round: Round
    recommendation: Recommendation
    follow_up: FollowUp | None
    follow_up_round: Round | None

    @property
    def status(self) -> str:
        return self.follow_up.status.value if self.follow_up else UNKNOWN

    @property
    def municipality(self) -> str:
        return self.round.assessment.name

    @property
    def study_title(self) -> str:
        study = self.round.study
        return study.title if study else (self.round.assessment.study or self.round.name)


@dataclass(frozen=True)
class Register:
    entries: list[Entry]
    unmatched: list[tuple[Round, FollowUp]]  # follow-ups of no recommendation found

    def counts(self) -> dict[int | None, Counter[str]]:
        """Per year of the recommendation: how many have each status."""
        found: dict[int | None, Counter[str]] = {}
        for entry in self.entries:
            found.setdefault(entry.round.year, Counter())[entry.status] += 1
        return dict(sorted(found.items(), key=lambda item: (item[0] is None, item[0] or 0)))


def _followed(later: Round, rounds: list[Round]) -> Round | None:
    """The earlier round whose recommendations `later` follows up."""
    declared = later.study.follows_up if later.study else None
    key, when = later.assessment.units_key, later.when
    candidates = [
        r
        for r in rounds
        if r is not later
        and r.assessment.recommendations
        and r.assessment.units_key == key
        and (
            r.study_id == declared
            if declared
            else r.assessment.framework.id == later.assessment.framework.id
        )
        and r.when is not None
        and when is not None
        and r.when < when
    ]
    return max(candidates, key=lambda r: r.when or dt.date.min, default=None)


def build(rounds: list[Round]) -> Register:
    """Every recommendation in `rounds`, in order of year, study, municipality and id."""
    latest, unmatched = _follow_ups(rounds)
    entries = []
    for r in rounds:
        for recommendation in r.assessment.recommendations:
            found = latest.get((id(r), recommendation.id))
            entries.append(
                Entry(r, recommendation, found[0] if found else None, found[1] if found else None)
            )
    entries.sort(
        key=lambda e: (e.round.year or 0, e.study_title, name_key(e.municipality), _order(e))
    )
    return Register(entries, unmatched)


def _of(entry: Entry, municipality: str) -> bool:
    """The entry's recommendation was made to this municipality, alone or jointly."""
    return any(same_name(name, municipality) for name in entry.round.assessment.unit_names)


def _follow_ups(
    rounds: list[Round],
) -> tuple[dict[tuple[int, str], tuple[FollowUp, Round]], list[tuple[Round, FollowUp]]]:
    """Per recommendation, keyed by (id() of its round, its id): its latest follow-up and the
    round that gives it. And the follow-ups of no recommendation found, in the rounds' order."""
    latest: dict[tuple[int, str], tuple[FollowUp, Round]] = {}
    unmatched: list[tuple[Round, FollowUp]] = []
    for later in rounds:
        if not later.assessment.follow_up:
            continue
        earlier = _followed(later, rounds)
        ids = {r.id for r in earlier.assessment.recommendations} if earlier else set()
        for follow_up in later.assessment.follow_up:
            if earlier is None or follow_up.recommendation not in ids:
                unmatched.append((later, follow_up))
                continue
            key = (id(earlier), follow_up.recommendation)
            known = latest.get(key)
            if known is None or (known[1].when or dt.date.min) < (later.when or dt.date.min):
                latest[key] = (follow_up, later)
    return latest, unmatched


def _order(entry: Entry) -> tuple[int, str]:
    """Recommendation "2" before "10"; ids that are not numbers after, by text."""
    text = entry.recommendation.id
    return (int(text), "") if text.isdigit() else (1 << 30, text)


def filtered(
    register: Register,
    *,
    municipality: str | None = None,
    statuses: list[str] | None = None,
    since: int | None = None,
    older_than: int | None = None,
    today: dt.date | None = None,
) -> Register:
    """The entries that pass every filter given: of this municipality (any spelling), with one
    of these statuses, made in `since` or later, made at least `older_than` years before
    `today` (follow-up is usually asked after two years)."""
    year_now = (today or dt.date.today()).year

    def keep(entry: Entry) -> bool:
        year = entry.round.year
        return (
            (municipality is None or _of(entry, municipality))
            and (not statuses or entry.status in statuses)
            and (since is None or (year is not None and year >= since))
            and (older_than is None or (year is not None and year_now - year >= older_than))
        )

    return Register([e for e in register.entries if keep(e)], register.unmatched)
