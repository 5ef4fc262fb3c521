"""Numbers and periods as Dutch policy documents write them: "2,5", "85%", "€ 600.000,-",
"1.100.000", "-3"; periods "2019" and "2021-Q3". Pure functions; None where a text is not
one."""

import functools
import re
from dataclasses import dataclass

_CURRENCY = re.compile(r"^(?:€|eur(?:o)?)\s*", re.IGNORECASE)
_TRAILING = re.compile(r"(?:,-|,–|\.-|%|\s*(?:procent|euro))$", re.IGNORECASE)
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")  # 1.100.000: Dutch thousands
_PERIOD = re.compile(r"^(\d{4})(?:-Q([1-4]))?$")
_DIGITS = re.compile(r"\d[\d.,]*")


def parse_number(written: float | int | str | None) -> float | None:
    """The number a value stands for; None when it is no number.

    A comma is the decimal sign (2,5), a point groups thousands (600.000) unless the text is a
    plain decimal with one point and not three digits after it (2.5, as YAML or English writes
    it). With both, the last one is the decimal sign. A currency sign, a trailing ",-" and a
    percent sign are left out: the indicator's unit says what the number counts."""
    if isinstance(written, str):
        return _parse_text(written)
    if isinstance(written, (int, float)) and not isinstance(written, bool):
        return float(written)
    return None  # None, a bool, anything else a YAML file may hold


@functools.lru_cache(maxsize=8192)  # a study's values repeat: "85%" in many files
def _parse_text(written: str) -> float | None:
    text = written.strip().replace("\u2212", "-").replace("\u00a0", " ").replace(" ", "")
    sign = -1.0 if text.startswith("-") else 1.0
    text = text.lstrip("+-")
    text = _TRAILING.sub("", _CURRENCY.sub("", text))
    if not _DIGITS.fullmatch(text):
        return None
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "," in text:
        text = text.replace(",", ".")
    elif _THOUSANDS.match(text):
        text = text.replace(".", "")
    try:
        return sign * float(text)
    except ValueError:  # "1.2.3", "1,,5"
        return None


@dataclass(frozen=True)
class Period:
    """A year, or a quarter of one. A year sorts with its last quarter: the yearly figure is
    known when the year is over."""

    year: int
    quarter: int | None = None

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.year, self.quarter or 4, 0 if self.quarter else 1)

    def __str__(self) -> str:
        return f"{self.year}-Q{self.quarter}" if self.quarter else str(self.year)


def decimals(written: float | int | str) -> int:
    """How many decimals a value is written with: the precision its writer gave it (the
    decimal sign found as parse_number finds it)."""
    if isinstance(written, int):
        return 0
    text = repr(written) if isinstance(written, float) else written.strip()
    text = _TRAILING.sub("", _CURRENCY.sub("", text)).replace(" ", "")
    if "," in text and "." in text:
        sign = "," if text.rfind(",") > text.rfind(".") else "."
    elif "," in text:
        sign = ","
    elif "." in text and not _THOUSANDS.match(text.lstrip("+-\u2212")):
        sign = "."
    else:
        return 0
    return len(text.rsplit(sign, 1)[1])


@functools.lru_cache(maxsize=1024)  # a study has a few dozen periods, named in every file
def parse_period(text: str) -> Period | None:
    match = _PERIOD.match(text.strip())
    if match is None:
        return None
    return Period(int(match.group(1)), int(match.group(2)) if match.group(2) else None)
