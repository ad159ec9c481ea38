"""parse_date: a user-supplied or metadata date as a Reference, using the same recognizer."""

from __future__ import annotations

import re

from ..model import Reference
from .normalize import period_of
from .recognize import find_times

_COMPACT = re.compile(r"(\d{4})(\d\d)(\d\d)|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_NUMERIC = re.compile(r"(\d{4})(?:[-/.](\d{1,2}))?")
# Clock and zone after a date ("2025-03-05T10:00:00Z", "Wed, 05 Mar 2025 10:00:00 +0000").
_CLOCK_TAIL = re.compile(
    r"(?:,?[T\s]+\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d\d:?\d\d|[A-Z]{2,4})?)$"
)
_WEEKDAY_HEAD = re.compile(r"^[A-Za-z]{3,9}\.?,\s*")


def parse_date(text: str) -> Reference | None:
    """ "2025-03-05", "2025-03", "2025", "March 5, 2025", "5 March 2025", "Mar 2025", "2025/03/05" or an ISO
    datetime as Reference(value, precision); None when the string is not one absolute date."""
    cleaned = _WEEKDAY_HEAD.sub("", " ".join(text.split()).strip().rstrip(".,;"))
    cleaned = _CLOCK_TAIL.sub("", cleaned).strip()
    if not cleaned:
        return None
    if match := _COMPACT.fullmatch(cleaned):
        year, month, day = (part for part in match.groups() if part)
        return _checked(f"{year}-{int(month):02d}-{int(day):02d}", "day")
    if match := _NUMERIC.fullmatch(cleaned):
        if match.group(2) is None:
            return _checked(match.group(1), "year")
        return _checked(f"{match.group(1)}-{int(match.group(2)):02d}", "month")
    times = find_times(cleaned, None)
    if len(times) != 1 or times[0].start != 0 or times[0].end != len(cleaned):
        return None
    value = times[0].value.split("T")[0]
    if "X" in value or times[0].type not in ("DATE", "TIME"):
        return None
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return _checked(value, "day")
    if re.fullmatch(r"\d{4}-\d\d", value):
        if re.search(r"(?<!\d)\d{1,2}(?!\d)", cleaned):
            return None  # a day was given but does not exist ("February 30, 2024")
        return _checked(value, "month")
    if re.fullmatch(r"\d{4}", value):
        return _checked(value, "year")
    return None


def _checked(value: str, precision: str) -> Reference | None:
    if not 1000 <= int(value[:4]) <= 2999 or period_of(value) is None:
        return None
    return Reference(value, precision)
