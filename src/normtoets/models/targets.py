"""Streefwaarden as policies write them, read into one of five kinds, and tested:

- level: "2,5 uur gemiddeld", "85%", "minimaal 80%", "maximaal 10 dagen";
- change from the baseline: "Daling van 5%", "Toename van 3 procentpunt", "Stijging met 200";
- direction only: "Toename", "Daling", "Verkorting", "Verbetering";
- same: "Blijft gelijk";
- limit: "Geen overschrijding", "Binnen de begroting", "Niet meer dan € 600.000".

A target that cannot be tested says why (`Untestable`): a change, direction or "blijft gelijk"
without a baseline value, a level or "verbetering" of an indicator that does not say which
way is better, a limit without a bound. That is evidence for a SMART norm, not a mistake in
the file.
"""

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from normtoets.core.i18n import _
from normtoets.core.numbers import decimals, parse_number
from normtoets.models.indicators import Indicator, Written

if TYPE_CHECKING:
    from normtoets.models.assessment import Assessment
    from normtoets.models.framework import Framework


class Kind(StrEnum):
    level = "level"
    change = "change"
    direction = "direction"
    same = "same"
    limit = "limit"


class Way(StrEnum):
    up = "up"
    down = "down"
    better = "better"  # "verbetering": which way follows from the indicator


class Bound(StrEnum):
    at_least = "at_least"
    at_most = "at_most"


@dataclass(frozen=True)
class Target:
    text: str  # as the policy writes it
    kind: Kind | None  # None: not read as any kind (unparsed-target)
    amount: float | None = None  # the level, the size of the change, the limit
    way: Way | None = None  # change and direction
    bound: Bound | None = None  # level (when written: "minimaal", "maximaal") and limit
    relative: bool = False  # a change in % of the baseline (not in points or units)


_UP = {"toename", "stijging", "groei", "verhoging", "toenemen", "stijgen", "verlenging", "meer"}
_DOWN = {"daling", "afname", "vermindering", "verlaging", "reductie", "dalen", "afnemen",
         "verkorting", "minder"}  # fmt: skip
_BETTER = {"verbetering", "verbeteren"}
_SAME = re.compile(r"^(?:blijft|blijven|gelijk\s+blijven|stabiel|behoud|handhaven)\b.*$|"
                   r"^.*\bblijft\s+gelijk\b.*$")  # fmt: skip
_LIMIT = re.compile(r"^(?:geen\s+overschrijding|binnen\s+(?:de\s+)?begroting|niet\s+meer\s+dan|"
                    r"ten\s+hoogste\s+de\s+begroting)\b")  # fmt: skip
_AT_LEAST = re.compile(r"^(?:minimaal|ten\s+minste|tenminste|minstens|meer\s+dan|≥|>=?)\s*")
_AT_MOST = re.compile(r"^(?:maximaal|hoogstens|ten\s+hoogste|minder\s+dan|≤|<=?)\s*")
_NUMBER = re.compile(r"(?:€\s*)?[+\-\u2212]?\d[\d.,]*(?:,-)?\s*(?:%|procentpunt\w*|procent)?")


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def _first_number(text: str) -> tuple[float | None, str]:
    """The first number in the text and what follows it ('%', 'procentpunt', …)."""
    match = _NUMBER.search(text)
    if match is None:
        return None, ""
    written = match.group(0)
    unit = "procentpunt" if "procentpunt" in written else ("%" if re.search(r"%|procent", written)
                                                          else "")  # fmt: skip
    number = re.sub(r"\s*(?:%|procentpunt\w*|procent)$", "", written.strip())
    return parse_number(number), unit


def parse_target(text: str) -> Target:
    """The target's kind and figures; kind None when it is none of the five."""
    words = _words(text)
    if not words:
        return Target(text, None)
    if _SAME.match(words):
        return Target(text, Kind.same)
    if _LIMIT.match(words):
        amount, _unit = _first_number(words)
        return Target(text, Kind.limit, amount, bound=Bound.at_most)
    bound = (Bound.at_least if _AT_LEAST.match(words)
             else Bound.at_most if _AT_MOST.match(words) else None)  # fmt: skip
    amount, _unit = _first_number(words)
    if bound is not None and amount is not None:  # "minimaal 80%", "meer dan 80%"
        return Target(text, Kind.level, amount, bound=bound)
    moved = _moved_target(text, words)
    if moved is not None:
        return moved
    if amount is not None and _NUMBER.match(words):
        return Target(text, Kind.level, amount)
    return Target(text, None)


def _moved_target(text: str, words: str) -> Target | None:
    """A change ("Daling van 5%") or direction ("Toename"); None when the first word names
    no way."""
    first = re.split(r"[\s,]", words, maxsplit=1)[0]
    way = Way.better if first in _BETTER else Way.up if first in _UP else (
        Way.down if first in _DOWN else None)  # fmt: skip
    if way is None:
        return None
    amount, unit = _first_number(words[len(first) :])
    if amount is None:
        return Target(text, Kind.direction, way=way)
    if way is Way.better:
        return Target(text, None)  # "verbetering van 5%": which way is a guess
    return Target(text, Kind.change, abs(amount), way, relative=unit == "%")


class Untestable(StrEnum):
    """Why a target cannot be tested, whatever is measured."""

    unreadable = "unreadable"  # none of the five kinds
    no_baseline = "no_baseline"  # a change, direction or "blijft gelijk" without a baseline
    no_better = "no_better"  # a level or "verbetering" of an indicator that says no direction
    no_bound = "no_bound"  # a limit that names no bound, of an indicator not in %


def why_words() -> dict[Untestable, str]:
    """Why a target cannot be tested, in the command line's language."""
    return {
        Untestable.no_baseline: _("no baseline value"),
        Untestable.no_better: _("not said which way is better"),
        Untestable.no_bound: _("no bound"),
        Untestable.unreadable: _("not readable"),
    }


def untestable(indicator: Indicator, target: Target, baseline: float | None) -> Untestable | None:
    """Why the target cannot be tested; None when it can (once a value is measured)."""
    if target.kind is None:
        return Untestable.unreadable
    if target.kind in (Kind.change, Kind.direction, Kind.same) and baseline is None:
        return Untestable.no_baseline
    if target.way is Way.better and indicator.better == "neither":
        return Untestable.no_better
    if target.kind is Kind.level and target.bound is None and indicator.better == "neither":
        return Untestable.no_better
    if target.kind is Kind.limit and _limit(indicator, target) is None:
        return Untestable.no_bound
    return None


def _limit(indicator: Indicator, target: Target) -> float | None:
    """A limit's bound: written in the target, or 100 for an indicator measured in % (of the
    budget, say: "geen overschrijding" is at most all of it)."""
    if target.amount is not None:
        return target.amount
    return 100.0 if (indicator.unit or "").strip() == "%" else None


@dataclass(frozen=True)
class Test:
    """A target tested against a value: met or not, and the figure the value was held to."""

    met: bool
    against: float  # the level, limit, or the value the change or direction is measured from
    bound: Bound | None  # how: at least or at most `against`; None: equal (blijft gelijk)
    strict: bool = False  # a direction: more (less) than `against`, not equal to it


def test(
    indicator: Indicator,
    target: Target,
    value: float,
    baseline: float | None,
    baseline_written: Written | None = None,
) -> Test:
    """The target tested on `value`; call only when `untestable` is None."""
    if target.kind is Kind.level:
        bound = target.bound or (Bound.at_least if indicator.better == "higher" else Bound.at_most)
        return _held(value, target.amount or 0.0, bound)
    if target.kind is Kind.limit:
        return _held(value, _limit(indicator, target) or 0.0, Bound.at_most)
    assert baseline is not None  # untestable without one
    if target.kind is Kind.same:
        written = baseline_written if baseline_written is not None else baseline
        margin = 0.5 * 10 ** -decimals(written)  # equal as precisely as the baseline is written
        return Test(abs(value - baseline) <= margin + 1e-9, baseline, None)
    return _moved(indicator, target, value, baseline)


def _moved(indicator: Indicator, target: Target, value: float, baseline: float) -> Test:
    """A change or a direction, measured from the baseline."""
    up = target.way is Way.up or (target.way is Way.better and indicator.better == "higher")
    bound = Bound.at_least if up else Bound.at_most
    if target.kind is Kind.direction:
        return Test(value > baseline if up else value < baseline, baseline, bound, strict=True)
    size = (target.amount or 0.0) * (abs(baseline) / 100 if target.relative else 1.0)
    return _held(value, baseline + size if up else baseline - size, bound)


def _held(value: float, against: float, bound: Bound) -> Test:
    met = value >= against - 1e-9 if bound is Bound.at_least else value <= against + 1e-9
    return Test(met, against, bound)


def targets_of(
    framework: "Framework", assessment: "Assessment"
) -> list[tuple[Indicator, Untestable | None]]:
    """Each kengetal of this unit that has a streefwaarde, with why it cannot be tested."""
    own = {i.id: i for i in assessment.indicators}
    defined = {**own, **{i.id: i for i in framework.indicators}}
    found = []
    for ind in defined.values():
        record = assessment.indicator_values.get(ind.id)
        text = (record.target if record else None) or ind.target
        if not text:
            continue
        base = record.baseline if record else None
        number = parse_number(base.value) if base and base.value is not None else None
        found.append((ind, untestable(ind, parse_target(text), number)))
    return found
