"""describe: a TIMEX3 value written the way a person writes it ("8 Oct 2024", "early 2025", "since 2024").

Style: day month year ("8 Oct 2024"), abbreviated months, "mid-" joined with a hyphen; unresolved
values say so ("unresolved: February").
"""

from __future__ import annotations

import re

_MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MONTH_FULL = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "DE": "decade", "CE": "century"}
_CLOCK_UNITS = {"H": "hour", "M": "minute", "S": "second"}
# Interval mods (from a signal or the value's own mod) become a leading word.
_PREFIX = {
    "ON_OR_AFTER": "since",
    "ON_OR_BEFORE": "by",
    "BEFORE": "before",
    "AFTER": "after",
    "EQUAL_OR_LESS": "at most",
    "EQUAL_OR_MORE": "at least",
    "LESS_THAN": "under",
    "MORE_THAN": "over",
}
_SUBPERIOD = {"START": "early", "MID": "mid-", "END": "late"}


def describe(value: str, mod: str | None, precision: str | None, signal_mod: str | None = None) -> str:
    """How a person writes ``value`` at its precision, with its sub-period mod and interval signal."""
    base = _describe_value(value, precision)
    if mod in _SUBPERIOD and not base.startswith("unresolved"):
        word = _SUBPERIOD[mod]
        bare = base.removeprefix("the ")
        base = word + bare if word.endswith("-") else f"{word} {bare}"
        if value[:3].isdigit() and value.endswith("X") and not value.endswith("XX"):
            base = f"the {base}"  # "the late 1990s"
    elif mod == "APPROX":
        base = f"~{base}"
    elif mod in _PREFIX:
        base = f"{_PREFIX[mod]} {base}"
    if signal_mod in _PREFIX and signal_mod != mod:
        base = f"{_PREFIX[signal_mod]} {base}"
    return base


def describe_range(earliest: str, latest: str, precision: str | None) -> str | None:
    """A range of days, months or years as a person writes it ("1–15 Oct 2024", "Oct–Nov 2024",
    "Sep 2023 – Mar 2025", "2022–2024"), from its first and last day; None for other precisions."""
    width = _RANGE_WIDTH.get(precision or "")
    if width is None or not _DAY.fullmatch(earliest) or not _DAY.fullmatch(latest):
        return None
    first, last = earliest[:width], latest[:width]
    if first == last:
        return _date(first)
    if precision == "day" and first[:7] == last[:7]:
        return f"{int(first[8:])}–{_date(last)}"
    if precision == "month" and first[:4] == last[:4]:
        return f"{_MONTH_ABBR[int(first[5:7]) - 1]}–{_date(last)}"
    if precision == "year":
        return f"{first}–{last}"
    return f"{_date(first)} – {_date(last)}"


_RANGE_WIDTH = {"day": 10, "month": 7, "year": 4}
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _describe_value(value: str, precision: str | None) -> str:
    if value in _REFS:
        return _REFS[value]
    if value.startswith("P"):
        return _duration(value)
    date_part, _, clock = value.partition("T")
    text = _date(date_part)
    if clock:
        clock_text = _PARTS.get(clock, clock)
        return f"{text}, {clock_text}"
    return text


def _date(value: str) -> str:
    if match := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value):
        return f"{int(match.group(3))} {_MONTH_ABBR[int(match.group(2)) - 1]} {match.group(1)}"
    if match := re.fullmatch(r"(\d{4})-(\d\d)", value):
        return f"{_MONTH_ABBR[int(match.group(2)) - 1]} {match.group(1)}"
    if re.fullmatch(r"\d{4}", value):
        return value
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{_SEASONS[match.group(2)]} {match.group(1)}"
    if match := re.fullmatch(r"(\d{4})-([QH])(\d)", value):
        return f"{match.group(2)}{match.group(3)} {match.group(1)}"
    if match := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
        week = f"week {int(match.group(2))}, {match.group(1)}"
        return f"weekend of {week}" if match.group(3) else week
    if match := re.fullmatch(r"(\d{3})X?", value):
        return f"the {match.group(1)}0s"
    if match := re.fullmatch(r"(\d\d)(?:XX)?", value):
        return f"the {match.group(1)}00s"
    return _unresolved(value)


_UNKNOWN_UNITS = {
    "XXXX": "year",
    "XXXX-XX": "month",
    "XXXX-XX-XX": "day",
    "XXXX-WXX": "week",
    "XXXX-WXX-WE": "weekend",
    "XXXX-QX": "quarter",
    "XXXX-SX": "season",
}


def _unresolved(value: str) -> str:
    """X placeholders: say what is known."""
    if value in _UNKNOWN_UNITS:
        return f"unresolved {_UNKNOWN_UNITS[value]}"
    if match := re.fullmatch(r"XXXX-(\d\d)-(\d\d)", value):
        return f"unresolved: {int(match.group(2))} {_MONTH_ABBR[int(match.group(1)) - 1]}"
    if match := re.fullmatch(r"XXXX-(\d\d)", value):
        return f"unresolved: {_MONTH_FULL[int(match.group(1)) - 1]}"
    if match := re.fullmatch(r"XXXX-WXX-(\d)", value):
        return f"unresolved: {_WEEKDAYS[int(match.group(1)) - 1]}"
    if match := re.fullmatch(r"XXXX-(SP|SU|FA|WI)", value):
        return f"unresolved: {_SEASONS[match.group(1)]}"
    if match := re.fullmatch(r"XXXX-([QH]\d)", value):
        return f"unresolved: {match.group(1)}"
    if match := re.fullmatch(r"(\d{4})-(\d\d)-XX", value):
        return f"sometime in {_MONTH_ABBR[int(match.group(2)) - 1]} {match.group(1)}"
    if match := re.fullmatch(r"(\d{4})-.*X.*", value):
        return f"sometime in {match.group(1)}"
    return f"unresolved: {value}"


def _duration(value: str) -> str:
    if value.startswith("PT"):
        parts = re.findall(r"(\d+|X)([HMS])", value[2:])
        return " ".join(_count(count, _CLOCK_UNITS[unit]) for count, unit in parts) or value
    parts = re.findall(r"(\d+(?:\.\d+)?|X)(DE|CE|[YMWDQ])", value[1:])
    return " ".join(_count(count, _UNITS[unit]) for count, unit in parts) or value


def _count(count: str, unit: str) -> str:
    if count == "X":
        return "centuries" if unit == "century" else f"{unit}s"
    return f"{count} {unit}" + ("" if count == "1" else "s")
