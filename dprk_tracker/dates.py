"""Reference dates given by a user: parsing ``--published``/``--since`` values and their day bounds.

Kept apart from the temporal engine so read commands can filter by date without loading it: plain
ISO forms are parsed here; anything else ("March 5, 2025") goes to the engine.
"""

from __future__ import annotations

import calendar
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model is built only for a date given (importing it costs 8-13 ms)
    from .model import Reference

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_PRECISION = {1: "year", 2: "month", 3: "day"}
_WORD = re.compile(r"[^\W\d_]+")


class DateError(ValueError):
    """A date option that is not a date."""


def reference_from_option(published: str) -> Reference:
    """Parse a user-given date; raise DateError when it is not one."""
    from .model import Reference

    return Reference(*_parse(published), "option")


def option_bound(published: str, first: bool) -> str:
    """The first or last day of a user-given date (--since, --until): the model is not needed."""
    return _bound(_parse(published)[0], first)


def _parse(published: str) -> tuple[str, str]:
    """A user-given date's value and precision; DateError when it is not a date."""
    value = published.strip()
    match = _ISO.match(value)
    if match and _valid(match):
        parts = [p for p in match.groups() if p]
        return value, _PRECISION[len(parts)]
    if not match:
        from .times import parse_date  # the full engine only for spelled-out dates

        # Typed by a user, not article text: "march 2024" is March 2024 (in prose, lower-case
        # "may" or "march" is a verb, so the engine wants month names capitalized).
        parsed = parse_date(_WORD.sub(lambda m: m.group().capitalize(), value))
        if parsed is not None:
            return parsed.value, parsed.precision
    raise DateError(
        f'not a date: {published!r} (use YYYY-MM-DD, YYYY-MM, YYYY or a month name: "March 2025")'
    )


def _valid(match: re.Match[str]) -> bool:
    year, month, day = (int(p) if p else None for p in match.groups())
    if month is not None and not 1 <= month <= 12:
        return False
    return day is None or (month is not None and 1 <= day <= calendar.monthrange(year or 1, month)[1])


def reference_bound(reference: Reference | None, first: bool) -> str | None:
    """The first or last day of a reference date at its precision."""
    return None if reference is None else _bound(reference.value, first)


def _bound(value: str, first: bool) -> str:
    parts = [int(p) for p in value.split("-")]
    year, month, day = [*parts, 0, 0][:3]
    if first:
        return f"{year:04d}-{month or 1:02d}-{day or 1:02d}"
    month = month or 12
    return f"{year:04d}-{month:02d}-{day or calendar.monthrange(year, month)[1]:02d}"
