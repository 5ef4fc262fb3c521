"""What a study audits, in the words of the command line's language: the study's own word in
Dutch (gemeente, scenario, …), the English word for the units normtoets knows."""

from normtoets.core.i18n import language
from normtoets.models import Unit

_ENGLISH = {
    "gemeente": ("municipality", "municipalities"),
    "provincie": ("province", "provinces"),
    "waterschap": ("water board", "water boards"),
    "gemeenschappelijke regeling": ("joint arrangement", "joint arrangements"),
    "scenario": ("scenario", "scenarios"),
}


def unit_word(unit: Unit, plural: bool = False) -> str:
    english = _ENGLISH.get(unit.singular) if language() == "en" else None
    if english is not None:
        return english[1] if plural else english[0]
    return unit.plural if plural else unit.singular
