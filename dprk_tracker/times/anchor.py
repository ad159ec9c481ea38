"""anchor_interval: the interval of the EVENT a DATE expression anchors, given its signal.

"since 2024" opens the interval at the end; "by early 2025" closes it; "before X"/"after X"/"until X"
bound one side; a duration attached to the date ("for three months from June 2024") widens it.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, timedelta
from operator import attrgetter

from ..model import TimeExpr
from .normalize import APPROXIMATORS, period_of
from .patterns import THE_END_OF

# Signal -> (keep earliest, keep latest, mod). "from" alone keeps both ends (it is a range start).
# "as of" is absent on purpose: in news it dates a status ("as of early 2025"), it opens nothing.
_SIGNAL_EFFECT: dict[str, tuple[str, str, str | None]] = {
    "since": ("start", "open", "ON_OR_AFTER"),
    "starting": ("start", "open", "ON_OR_AFTER"),
    "beginning": ("start", "open", "ON_OR_AFTER"),
    "after": ("end+", "open", "AFTER"),
    "following": ("end+", "open", "AFTER"),
    "by": ("open", "end", "ON_OR_BEFORE"),
    "no later than": ("open", "end", "ON_OR_BEFORE"),
    "no earlier than": ("start", "open", "ON_OR_AFTER"),
    "not earlier than": ("start", "open", "ON_OR_AFTER"),
    "until": ("open", "end", "ON_OR_BEFORE"),
    "till": ("open", "end", "ON_OR_BEFORE"),
    "through": ("open", "end", "ON_OR_BEFORE"),
    "up to": ("open", "end", "ON_OR_BEFORE"),
    "before": ("open", "start-", "BEFORE"),
    "prior to": ("open", "start-", "BEFORE"),
    "ahead of": ("open", "start-", "BEFORE"),
}
_AT_LEAST_BEFORE = re.compile(r"\bat\s+least\s+$", re.IGNORECASE)
_ATTACHED_DURATION = re.compile(
    r"\s*(?:,\s*)?(?:starting\s+|beginning\s+)?(?:from|in|starting|beginning)\s*$", re.IGNORECASE
)
_BARE_IN = re.compile(r"\s*(?:,\s*)?in\s*", re.IGNORECASE)
_DURATION_UNIT_DAYS = {"Y": 365, "M": 30, "W": 7, "D": 1}
_COUNTED_SPAN = re.compile(r"P(\d+)([YMWD])")
_YEAR_END = re.compile(r"year(?:[\s-]|['’]s\s+)end$", re.IGNORECASE)  # "before year-end", "the year's end"


def anchor_interval(
    time: TimeExpr, text: str, times: list[TimeExpr]
) -> tuple[str | None, str | None, str | None]:
    """(earliest, latest, mod) of the event anchored to ``time`` (a DATE or TIME from ``times``)."""
    earliest, latest, mod = time.earliest, time.latest, time.mod
    if time.type not in ("DATE", "TIME") or (earliest is None and latest is None):
        return earliest, latest, mod
    spanned = _range(time, text, times)
    if spanned:
        return spanned[0], spanned[1], None
    effect = _SIGNAL_EFFECT.get(time.signal or "")
    if effect and effect[1] == "end" and _AT_LEAST_BEFORE.search(text, max(0, time.start - 12), time.start):
        # "continued until at least November 2024": it went on in November (and maybe after), it did
        # not end by then
        effect = None
    if effect:
        start_rule, end_rule, mod = effect
        if end_rule == "start-" and (THE_END_OF.match(time.text) or _YEAR_END.search(time.text)):
            end_rule = "end"  # "before the end of 2025": by its last day, not before its last third
        earliest = _edge(earliest, latest, start_rule)
        latest = _edge(earliest if end_rule == "start-" else latest, latest, end_rule, time.earliest)
        return earliest, latest, mod
    widened = _widen_by_duration(time, text, times)
    if widened:
        return widened[0], widened[1], mod
    return earliest, latest, mod


# ("from mid-2024 until at least August 2025": the hedge says the end may come later, still one span)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|and|until|till|through|thru)(?:\s+at\s+least)?\s*", re.IGNORECASE)


def _range(time: TimeExpr, text: str, times: list[TimeExpr]) -> tuple[str, str] | None:
    """ "from 2022 to 2024", "between October and December 2024": both ends bound the event."""
    index = _index_of(time, times)
    if index is None:
        return None
    # The first end of a range carries "from" or "between", or a dash joins the two ("1950-1953",
    # "2022 – 2024"; checked before any list or regex work).
    opens = time.signal in _RANGE_SIGNALS or _dashed(text, time.end)
    if opens or text.startswith(" and ", time.end):
        following = next((t for t in times[index + 1 : index + 3] if t.type in ("DATE", "TIME")), None)
        if (
            following is not None
            and (opens or _adjacent(time, following, text))
            and (spanned := _spanned(time, following, text))
        ):
            return spanned
    earlier = reversed(times[max(0, index - 2) : index])
    preceding = next((t for t in earlier if t.type in ("DATE", "TIME")), None)
    if preceding is not None and (
        preceding.signal in _RANGE_SIGNALS or _dashed(text, preceding.end) or _adjacent(preceding, time, text)
    ):
        return _spanned(preceding, time, text)
    return None


def _adjacent(first: TimeExpr, second: TimeExpr, text: str) -> bool:
    """ "in January and February": two months, the second right after the first, are one stretch of
    time (not "in January and July"; years so joined are more often two separate dates: "sanctions
    imposed in 2023 and 2024")."""
    if first.precision != "month" or second.precision != "month" or not first.latest or not second.earliest:
        return False
    if text[first.end : second.start] != " and ":
        return False
    try:
        return date.fromisoformat(first.latest) + timedelta(days=1) == date.fromisoformat(second.earliest)
    except (ValueError, OverflowError):
        return False


_RANGE_SIGNALS = frozenset({"from", "between"})


def _dashed(text: str, end: int) -> bool:
    """Whether a dash follows a time right at ``end`` ("1950-", "March–", "2022 – ")."""
    after = text[end : end + 2]
    return after[:1] in _DASHES or (after[:1] == " " and after[1:] in _DASHES)


_DASHES = frozenset("-–—")


def _spanned(first: TimeExpr, second: TimeExpr, text: str) -> tuple[str, str] | None:
    if not _RANGE_JOIN.fullmatch(text, first.end, second.start):
        return None
    if first.earliest and second.latest and first.earliest <= second.latest:
        return first.earliest, second.latest
    return None


_START = attrgetter("start")


def _index_of(time: TimeExpr, times: list[TimeExpr]) -> int | None:
    """Where ``time`` sits in ``times`` (sorted by start, as find_times returns them)."""
    index = bisect.bisect_left(times, time.start, key=_START)
    if index < len(times) and times[index].start == time.start and times[index].end == time.end:
        return index
    return None


def _edge(earliest: str | None, latest: str | None, rule: str, own_start: str | None = None) -> str | None:
    if rule == "open":
        return None
    if rule == "start":
        return earliest
    if rule == "end":
        return latest
    try:
        if rule == "end+" and latest:
            return (date.fromisoformat(latest) + timedelta(days=1)).isoformat()
        if rule == "start-" and own_start:
            return (date.fromisoformat(own_start) - timedelta(days=1)).isoformat()
    except OverflowError:  # the first or last representable day: keep the interval open
        return None
    return None


def _widen_by_duration(time: TimeExpr, text: str, times: list[TimeExpr]) -> tuple[str, str] | None:
    """ "for three months from June 2024": the event runs from the date's start for the duration;
    "in the 12 months to March 2025": it runs for the duration up to the date's end."""
    if time.signal == "to" and time.latest is not None:
        return _ended_by(time, text, times)
    if time.earliest is None or time.signal not in ("from", "starting", "beginning", "in", None):
        return None
    index = _index_of(time, times)
    for other in reversed(times[max(0, index - 3) : index] if index is not None else []):
        if other.type != "DURATION" or other.end > time.start or time.start - other.end > 24:
            continue
        joined = _ATTACHED_DURATION.fullmatch(text, other.end, time.start)
        if not joined:
            continue
        if other.signal != "for" and _BARE_IN.fullmatch(joined.group()):
            # "his first visit in 24 years in June": a count since the last visit, not a span from June
            continue
        match = _COUNTED_SPAN.fullmatch(other.value)
        if not match:
            return None
        count, unit = int(match.group(1)), match.group(2)
        start = date.fromisoformat(time.earliest)
        try:
            end = _add(start, count, unit) - timedelta(days=1)
        except (OverflowError, ValueError):  # beyond the calendar: leave the date as it is
            return None
        latest = max(end.isoformat(), time.latest or end.isoformat())
        return time.earliest, latest
    return None


def _ended_by(time: TimeExpr, text: str, times: list[TimeExpr]) -> tuple[str, str] | None:
    index = _index_of(time, times)
    other = times[index - 1] if index else None
    if other is None or other.type != "DURATION" or not _SPAN_TO.fullmatch(text, other.end, time.start):
        return None
    start = span_start(date.fromisoformat(time.latest), other.value) if time.latest else None
    return (start.isoformat(), time.latest) if start and time.latest else None


def span_start(last_day: date, duration: str) -> date | None:
    """The first day of a span of ``duration`` ("P12M", "P2Y") that ends on ``last_day``; None for
    a duration that is no whole count of days, weeks, months or years, or beyond the calendar."""
    match = _COUNTED_SPAN.fullmatch(duration)
    if not match:
        return None
    try:
        return _add(last_day + timedelta(days=1), -int(match.group(1)), match.group(2))
    except (OverflowError, ValueError):
        return None


def ago_bound(time: TimeExpr, reported: str) -> tuple[str | None, str | None, str | None] | None:
    """ "captured more than a year ago" (reported 2026-02-16): on or before 2025-02-16, not any day of
    2025 (the value stays TimeML's year); None for an "ago" with no "more than", "over", "at least"."""
    match = _AGO_MORE.match(time.text)
    if match is None or APPROXIMATORS.get(" ".join(match.group(1).lower().split())) not in _MORE:
        return None
    report = date.fromisoformat(reported)
    try:
        if time.precision in ("year", "month"):
            # (that many years or months back from the report's day: the value's year and month)
            month = int(time.value[5:7]) if time.precision == "month" else report.month
            day = _month_shift(report, (int(time.value[:4]) - report.year) * 12 + month - report.month)
        elif time.precision == "day":
            day = date.fromisoformat(time.value[:10])
        else:
            return None
    except (ValueError, OverflowError):
        return None
    return None, day.isoformat(), "ON_OR_BEFORE"


_AGO_MORE = re.compile(r"((?:just\s+)?[a-z]+(?:\s+(?:than|least))?)\s+\S+\s+\S+\s+ago$", re.IGNORECASE)
_MORE = frozenset({"MORE_THAN", "EQUAL_OR_MORE"})


def span_end(first_day: date, duration: str) -> date | None:
    """The last day of a span of ``duration`` ("P3M") that begins on ``first_day`` (None as for
    ``span_start``)."""
    match = _COUNTED_SPAN.fullmatch(duration)
    if not match:
        return None
    try:
        return _add(first_day, int(match.group(1)), match.group(2)) - timedelta(days=1)
    except (OverflowError, ValueError):
        return None


_SPAN_TO = re.compile(r"\s+to\s+", re.IGNORECASE)


def _add(start: date, count: int, unit: str) -> date:
    if unit == "Y":
        return _month_shift(start, 12 * count)
    if unit == "M":
        return _month_shift(start, count)
    return start + timedelta(days=count * _DURATION_UNIT_DAYS[unit])


def _month_shift(start: date, months: int) -> date:
    index = start.year * 12 + start.month - 1 + months
    year, month = index // 12, index % 12 + 1
    period = period_of(f"{year}-{month:02d}")
    last_day = period[1].day if period else 28
    return date(year, month, min(start.day, last_day))
