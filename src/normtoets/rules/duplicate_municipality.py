"""duplicate-municipality (error): two assessments of one municipality (in any spelling,
`names.name_key`) in one study, that is one folder. Reported at the `municipality` key of the
later file (in file name order), naming the earlier one. A pair is no mistake when declared:

- two rounds: each has a `date`, and the dates differ;
- two raters (double scoring): each has a `rater`, and the raters differ.

A comparison (`compare`, `report --compare`) shows one assessment per municipality, so there
any pair is refused, declared or not, and from any folders: name the files to compare, or use
`diff` for two rounds."""

from collections.abc import Iterator, Sequence

from normtoets.core.diagnostics import Severity
from normtoets.core.i18n import _
from normtoets.core.names import name_key, same_name
from normtoets.models import Assessment
from normtoets.rules.base import Member, Problem

CODE = "duplicate-municipality"
SEVERITY = Severity.error


def declared(a: Assessment, b: Assessment) -> bool:
    """Two rounds (different dates) or two raters (different raters)."""
    rounds = a.date is not None and b.date is not None and a.date != b.date
    raters = a.rater is not None and b.rater is not None and not same_name(a.rater, b.rater)
    return rounds or raters


def _earlier(members: Sequence[Member]) -> Iterator[tuple[int, str, list[Member]]]:
    """Each member with a municipality it shares with earlier members (alone or in a joint
    assessment), and those members; a member that shares none is not yielded."""
    seen: dict[str, list[Member]] = {}
    for index, member in enumerate(members):
        names = member.assessment.unit_names
        earlier = {name: seen.setdefault(name_key(name), []) for name in names}
        twice = next((name for name in names if earlier[name]), None)
        if twice is not None:
            yield index, twice, list(earlier[twice])
        for found in earlier.values():
            found.append(member)


def check(members: Sequence[Member]) -> Iterator[tuple[int, Problem]]:
    """The assessments of one study, in file name order."""
    for index, name, earlier in _earlier(members):
        later = members[index].assessment
        undeclared = next((m for m in earlier if not declared(m.assessment, later)), None)
        raters = next((m for m in earlier if _raters(m.assessment, later)), None)
        if undeclared is None and raters is not None:
            yield index, _scorings_here(later, name, raters)
        if undeclared is not None:
            yield (
                index,
                Problem(
                    _place(later, name),
                    _("{municipality} is assessed twice in this study: here and in {file}").format(
                        municipality=name, file=undeclared.name
                    ),
                    _(
                        "remove one, or declare the pair: two rounds each with their own `date`, "
                        "two raters each with their own `rater`"
                    ),
                    at_key=True,
                ),
            )


def in_comparison(members: Sequence[Member]) -> Iterator[tuple[int, Problem]]:
    """The assessments of one comparison: every municipality once, declared pairs too."""
    for index, name, earlier in _earlier(members):
        later = members[index].assessment
        yield (
            index,
            Problem(
                _place(later, name),
                _("{municipality} is in this comparison twice: here and in {file}").format(
                    municipality=name, file=earlier[0].name
                ),
                _(
                    "a comparison shows one assessment per municipality: independent scorings "
                    "go in a folder named in study.yaml as double_scoring: FOLDER (normtoets "
                    "agree compares them)"
                )
                if _raters(earlier[0].assessment, later)
                else _(
                    "a comparison shows one assessment per municipality: name the files to "
                    "compare, one per municipality, or compare two rounds with "
                    "`normtoets diff OLD NEW`"
                ),
                at_key=True,
            ),
        )


def _place(assessment: Assessment, name: str) -> tuple[str | int, ...]:
    """Where the file names `name`: its `municipality`, or its place in `municipalities`."""
    return next(at for at, named in assessment.named_at() if named == name)


def _raters(a: Assessment, b: Assessment) -> bool:
    return a.rater is not None and b.rater is not None and not same_name(a.rater, b.rater)


def _scorings_here(later: Assessment, name: str, earlier: Member) -> Problem:
    """Two independent scorings in the study's own folder: validate accepts them, but a
    comparison shows one assessment per municipality. Their place is a folder of their own."""
    return Problem(
        _place(later, name),
        _(
            "{municipality} is scored twice here, by {rater} and in {file}: a comparison of "
            "this study would refuse the pair"
        ).format(municipality=name, rater=later.rater, file=earlier.name),
        _(
            "move the independent scorings into a folder of their own and name it in "
            "study.yaml as double_scoring: FOLDER; keep one assessment (the consensus) here"
        ),
        severity=Severity.warning,
        at_key=True,
    )
