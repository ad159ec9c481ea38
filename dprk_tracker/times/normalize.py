"""Normalization: TIMEX3 type, value, mod and precision of a recognized expression.

News conventions (see the news README) and the tense of the governing verb (patterns.clause_tense):
- A weekday is the nearest such day on or before the reference date; in a future clause ("will meet
  on Tuesday", "said he would travel Thursday") the nearest on or after. "last Friday" is strictly
  before, "next Friday" strictly after. A past perfect turns a plan or deadline into the past ("had
  been due to expire Friday").
- A month or day with no year takes the reference year. In a future clause a month already past takes
  the next year; under a past verb a month still to come ("was signed in December" said in October),
  or a day more than a week ahead, takes the previous year; with no verb to go by (a date used as a
  modifier, "the Jan. 14 deadline") the previous year only beyond about two months ahead.
- Weeks are ISO weeks: on a Sunday "last week" is the week before the one that Sunday ends.
- "three days later"/"two hours after" count from another event: a DURATION, never a date computed
  from the reference ("a year earlier"/"a year ago" stay dates: in news and results they compare with
  the reference period, a quarter in a results story, the year after "for the nine months").
- "the next day", "that same day", "later that day", "that night", "in the morning", "the following
  week" count from the last day the text told in the same paragraph or the one before (narrative
  anchoring); with none they get no value (never the reference date). A bare clock time ("it fell at
  8:37 a.m.") falls on the last day told in its own paragraph, else on the reference date. Weekdays
  stay anchored to the reference date: anchoring them to the paragraph's last date was measured worse
  on TimeBank.
- "the quarter"/"the latest quarter" is the last completed quarter (financial reporting usage).
- Decades are written ``199X``; centuries ``19XX``.
- A relative expression finer than the reference (e.g. "last week" against a month-only reference)
  gets an X placeholder, never today's date; with ``this`` it keeps the reference period
  ("this month" against ``2025`` is ``2025-XX`` bounded by the year), as do one unit back or ahead
  and a plain weekday against a year-only reference ("last month" ``2025-XX``, "Friday" ``2025-WXX-5``).

Sub-period conventions for earliest/latest (``bounds``): START/MID/END split a period in thirds
(a year: Jan-Apr, May-Aug, Sep-Dec; a month: days 1-10, 11-20, 21-end; a decade: years 0-3, 4-6, 7-9;
a season or quarter: its first, second, third month; a half: two months each). Seasons are northern
hemisphere, winter belongs to the year it starts in (winter 2024 = Dec 2024-Feb 2025).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..model import Reference, _direct_init
from .vocabulary import number_value, table

MONTHS: dict[str, int] = table("months")
WEEKDAYS: dict[str, int] = table("weekdays")
SEASONS: dict[str, str] = table("seasons")
PARTS_OF_DAY: dict[str, str] = table("parts_of_day")
UNIT_CODES: dict[str, str] = table("units")
MODIFIERS: dict[str, str] = table("period_modifiers")
APPROXIMATORS: dict[str, str] = table("approximators")
RELATIVE_SHIFT: dict[str, int] = table("relative")
DEICTIC: dict[str, str] = table("deictic")
SET_WORDS: dict[str, str] = table("set_words")
ORDINALS: dict[str, int] = table("ordinals")

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # 14 = Feb next year
_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


@_direct_init  # (one per expression, twice when the reference is inferred: a plain frozen init is ~5x slower)
@dataclass(frozen=True)
class Norm:
    """The normalized reading of one expression."""

    type: str
    value: str
    mod: str | None
    precision: str | None
    # For "earlier this year" / "later this month": clip the bounds at the reference date ("before",
    # "after"); for "over the past year": the period's length up to the reference date ("trailing").
    clip: str | None = None


@dataclass
class Context:
    """What a value is resolved against."""

    reference: date | None  # the reference date, at day precision if known
    precision: str | None  # "day" | "month" | "year" | None
    future: bool = False  # the clause speaks of the future
    year_hint: int | None = None  # the year of a range partner ("October" in "October-December 2024")
    last_year: int | None = None  # the last year mentioned (for "that year", "the following year")
    last_month: str | None = None  # the last month mentioned, "2024-06" ("the following month")
    last_quarter: str | None = None  # the last quarter mentioned, "1989-Q3" ("a year earlier" in results)
    past: bool = False  # the governing verb is past tense ("was signed in December")
    # A span of several quarters the sentence reports on ("for the nine months"): "a year earlier" then
    # compares with the year before, not with a quarter.
    multi_quarter_span: bool = False
    # The date part of the last DATE/TIME of the paragraph at day or month precision ("2024-10-08",
    # "2024-10"): what "the next day", "that same day" and "the following week" count from.
    anchor: str | None = None

    @property
    def year(self) -> int | None:
        return self.reference.year if self.reference else None

    def knows(self, precision: str) -> bool:
        """Whether the reference is at least as fine as ``precision`` (day < month < year)."""
        order = {"day": 0, "month": 1, "year": 2}
        return self.precision is not None and order[self.precision] <= order[precision]


def context_for(reference: Reference | None) -> Context:
    """A resolution context from a Reference ("2025-03-05" | "2025-03" | "2025")."""
    if reference is None:
        return Context(None, None)
    match = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", reference.value)
    if not match:
        return Context(None, None)
    year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
    if not 1000 <= year <= 2999:
        return Context(None, None)  # not a plausible document date: resolve nothing against it
    try:
        when = date(year, month, day)
    except ValueError:
        return Context(None, None)
    precision = "day" if match.group(3) else "month" if match.group(2) else "year"
    if reference.precision in ("month", "year") and precision == "day":
        precision = reference.precision
    return Context(when, precision)


# --- Small readers --------------------------------------------------------------------------------


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def day_number(word: str) -> int:
    return int(_DIGITS.match(word).group())  # type: ignore[union-attr]


_DIGITS = re.compile(r"\d+")


def two_digit_year(digits: str) -> int:
    value = int(digits)
    return 2000 + value if value < 50 else 1900 + value


@lru_cache(maxsize=1024)  # pure, and called with the same few words over and over
def modifier(word: str | None) -> str | None:
    """TimeML mod of a sub-period word ("early" -> START, "the end of" -> END)."""
    if not word:
        return None
    key = " ".join(word.lower().replace("very ", "").split())
    return MODIFIERS.get(key) or MODIFIERS.get(key.removeprefix("the "))


def iso(day: date) -> str:
    return day.isoformat()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- Resolution helpers ---------------------------------------------------------------------------


def resolve_year_for_month(month: int, ctx: Context) -> int | None:
    """Year of a month named without one (news convention, see the module docstring)."""
    if ctx.year_hint is not None:
        return ctx.year_hint
    if ctx.reference is None:
        return None
    year = ctx.reference.year
    if not ctx.knows("month"):
        return year
    ref_month = ctx.reference.month
    if ctx.future:
        return year + 1 if month < ref_month else year
    if ctx.past:  # a past verb cannot govern a month still to come: last year's
        return year - 1 if month > ref_month else year
    return year - 1 if month - ref_month > 2 else year


def resolve_year_for_day(month: int, day: int, ctx: Context) -> int | None:
    """Year of a day named without one: more than ~60 days ahead of a past reference is last year."""
    if ctx.year_hint is not None:
        return ctx.year_hint
    if ctx.reference is None:
        return None
    year = ctx.reference.year
    if not ctx.knows("day"):
        return resolve_year_for_month(month, ctx)
    candidate = _safe_date(year, month, day if not (month == 2 and day == 29) else 28)
    if candidate is None:
        return year
    if ctx.future:
        return year + 1 if (ctx.reference - candidate).days > 7 else year
    if ctx.past and (candidate - ctx.reference).days > 7:
        return year - 1  # a week of slack: wire copy is often dated a day or two off its events
    # Same two-month tolerance as a bare month: "April 24" said in February is still this year.
    return year - 1 if month - ctx.reference.month > 2 else year


def year_of_relative(rel: str, ctx: Context) -> int | None:
    """The year named by "last year", "this year", "the following year", "that year"."""
    key = " ".join(rel.lower().split())
    if key in ("that", "the same") and ctx.last_year is not None:
        return ctx.last_year
    if key in ("the following", "the previous") and ctx.last_year is not None:
        return ctx.last_year + (1 if key == "the following" else -1)
    if ctx.reference is None:
        return None
    shift = {"last": -1, "the past": -1, "the previous": -1, "next": 1, "the following": 1}.get(key, 0)
    return ctx.reference.year + shift


def shift_word(rel: str) -> int | None:
    """The shift of a relative word; None for "that"/"the" (no shift, but anaphoric)."""
    key = " ".join(rel.lower().split()).removeprefix("the ").strip()
    if key in ("most recent", "latest"):
        return -1
    return RELATIVE_SHIFT.get(key, 0 if key in ("", "the") else None)


def week_code(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _shift_quarter(year: int, quarter: int, shift: int) -> tuple[int, int]:
    year, month = _shift_month(year, (quarter - 1) * 3 + 1, shift * 3)
    return year, (month - 1) // 3 + 1


def _shift_month(year: int, month: int, shift: int) -> tuple[int, int]:
    # Plain month arithmetic (what relativedelta(months=shift) computes, also outside datetime's calendar).
    index = year * 12 + month - 1 + shift
    return index // 12, index % 12 + 1


def _season_of(day: date) -> tuple[int, str]:
    if day.month == 12:
        return day.year, "WI"
    if day.month <= 2:
        return day.year - 1, "WI"
    return day.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(day.month, "FA")


# --- Rule normalizers -----------------------------------------------------------------------------


def _day_value(year: int | None, month: int, day: int) -> tuple[str, str]:
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}", "day"
    if _safe_date(year, month, day) is None:
        return f"{year}-{month:02d}", "month"
    return f"{year}-{month:02d}-{day:02d}", "day"


def _explicit_year(groups: dict[str, str], ctx: Context) -> int | None:
    if "year" in groups:
        return int(groups["year"])
    if "yy" in groups:
        return two_digit_year(groups["yy"])
    if "relyear" in groups:
        return year_of_relative(groups["relyear"], ctx) if ctx.reference or ctx.last_year else -1
    if "spelledyear" in groups:
        return int(_spelled_year({"text": groups["spelledyear"]}, ctx).value)
    return None


def _calendar_date(groups: dict[str, str], ctx: Context) -> Norm:
    month, day = month_number(groups["month"]), day_number(groups["day"])
    year = _explicit_year(groups, ctx)
    if year == -1:
        year = None
    elif year is None:
        year = resolve_year_for_day(month, day, ctx)
    value, precision = _day_value(year, month, day)
    mod = APPROXIMATORS.get((groups.get("approx") or "").lower()) if "approx" in groups else None
    return Norm("DATE", value, mod, precision)


def _numeric_date(groups: dict[str, str], ctx: Context) -> Norm | None:
    year = int(groups["year"]) if len(groups["year"]) == 4 else two_digit_year(groups["year"])
    month, day = int(groups["month"]), int(groups["day"])
    if _safe_date(year, month, day) is None:
        return None
    if "hour" in groups:
        return Norm("TIME", f"{year}-{month:02d}-{day:02d}T{groups['hour']}:{groups['minute']}", None, "time")
    return Norm("DATE", f"{year}-{month:02d}-{day:02d}", None, "day")


def _dotted_day_month(groups: dict[str, str], ctx: Context) -> Norm:
    """ "30.12": the year as a written-out day without one ("December 30") takes it."""
    month, day = int(groups["month"]), int(groups["day"])
    value, precision = _day_value(resolve_year_for_day(month, day, ctx), month, day)
    return Norm("DATE", value, None, precision)


def _month_year(groups: dict[str, str], ctx: Context) -> Norm:
    month = month_number(groups["month"])
    year = _explicit_year(groups, ctx)
    if year is None or year == -1:
        return Norm("DATE", f"XXXX-{month:02d}", modifier(groups.get("mod")), "month")
    return Norm("DATE", f"{year}-{month:02d}", modifier(groups.get("mod")), "month")


def _month(groups: dict[str, str], ctx: Context) -> Norm:
    month = month_number(groups["month"])
    rel = (groups.get("rel") or "").lower()
    mod = modifier(groups.get("mod"))
    if rel and rel != "that" and ctx.reference is not None:
        year = ctx.reference.year
        if ctx.knows("month"):
            ref_month = ctx.reference.month
            if rel in ("last", "past", "previous"):
                # ("since last October" said in November is a year back: the month just gone is
                # "last month")
                year = year if month < ref_month - 1 else year - 1
            elif rel in ("next", "coming"):
                year = year if month > ref_month else year + 1
        return Norm("DATE", f"{year}-{month:02d}", mod, "month")
    if rel == "that" and ctx.last_year is not None:
        return Norm("DATE", f"{ctx.last_year}-{month:02d}", mod, "month")
    year = resolve_year_for_month(month, ctx)
    if year is None:
        return Norm("DATE", f"XXXX-{month:02d}", mod, "month")
    return Norm("DATE", f"{year}-{month:02d}", mod, "month")


def _year(groups: dict[str, str], ctx: Context) -> Norm:
    year = int(groups["year"])
    mod = modifier(groups.get("mod"))
    if "yearend" in groups:  # "2024-25": a span of years, read as its first
        return Norm("DATE", str(year), mod, "year")
    if mod in ("START", "END") and groups.get("mod", "").lower() in ("earlier", "later"):
        mod = None
    return Norm("DATE", str(year), mod, "year")


def _decade(groups: dict[str, str], ctx: Context) -> Norm:
    if "century" in groups:
        prefix = groups["century"] + groups["decade"]
    elif "decade2" in groups:
        # "the '80s": the latest such decade that has begun by the reference year ('80s in 1989 is 198X).
        reference_year = ctx.year or 2030
        start = reference_year // 100 * 100 + int(groups["decade2"]) * 10
        prefix = str((start if start <= reference_year else start - 100) // 10)
    else:
        prefix = f"19{_DECADE_WORDS[groups['decadeword'].lower()]}"
    return Norm("DATE", prefix + "X", modifier(groups.get("mod")), "decade")


def _quarter(groups: dict[str, str], ctx: Context) -> Norm:
    kind = "H" if (groups.get("qh") or groups.get("qh2") or "").upper().startswith("H") else "Q"
    if "months" in groups:  # "the first six months": the first half; "the first three": the first quarter
        kind = "H" if groups["months"] in ("six", "6") else "Q"
    if "months2" in groups:  # "the last six months of 2024": its second half; "the last three": Q4
        kind = "H" if groups["months2"] in ("six", "6") else "Q"
    ordinal_word = (groups.get("ord") or groups.get("ord2") or groups.get("lastmonths") or "").lower()
    count = 2 if kind == "H" else 4
    number = int(ordinal_word) if ordinal_word.isdigit() else ORDINALS.get(ordinal_word, 1)
    number = count if number in (-1, 4) and kind == "H" else (count if number == -1 else number)
    precision = "half" if kind == "H" else "quarter"
    if kind == "Q" and ordinal_word == "last" and _BARE_LAST_QUARTER.isdisjoint(groups):
        return _point("Q", -1, ctx)  # "exports fell last quarter": the one before, not the fourth
    year: int | None = None
    if "year" in groups or "year2" in groups:
        year = int(groups.get("year") or groups["year2"])
    elif "relyear0" in groups:
        year = year_of_relative(groups["relyear0"], ctx)
    elif "relyear" in groups:
        year = year_of_relative(groups["relyear"], ctx)
    elif "theyear" in groups and ctx.year_hint is not None:
        year = ctx.year_hint  # the year its sentence told
    elif ctx.reference is not None:
        year = ctx.reference.year
        rel = (groups.get("rel") or "").lower()
        if rel in ("year-earlier", "year-ago", "comparable"):
            year -= 1
        elif ctx.knows("month") and not ctx.future and "theyear" not in groups:
            _, current = _quarter_of(ctx.reference)
            current = current if kind == "Q" else (1 if current <= 2 else 2)
            if number > current:
                year -= 1  # "the fourth quarter" said in May is last year's
    if year is None:
        return Norm("DATE", f"XXXX-{kind}{number}", None, precision)
    return Norm("DATE", f"{year}-{kind}{number}", None, precision)


_SEASON_ORDER = ["SP", "SU", "FA", "WI"]


def _season_index(value: str) -> int | None:
    """The season a told value falls in, numbered in sequence (year * 4 + SP/SU/FA/WI); a year alone
    counts as its autumn (the following spring is the next year's, the previous winter the last)."""
    match = re.match(r"(\d{4})(?:-(SP|SU|FA|WI|\d\d))?", value)
    if match is None:
        return None
    year, part = int(match.group(1)), match.group(2)
    if part is None:
        return year * 4 + 2
    if not part.isdigit():
        return year * 4 + _SEASON_ORDER.index(part)
    if not 1 <= int(part) <= 12:
        return None
    season_year, code = _season_of(date(year, int(part), 1))
    return season_year * 4 + _SEASON_ORDER.index(code)


def _beyond_reference(index: int, told: int, ctx: Context) -> bool:
    """Whether season ``index`` lies past the reference date's season while the season told
    (``told``) does not: the first such season after it would be one the report cannot have seen."""
    if ctx.reference is None or ctx.future:
        return False
    ref_year, ref_season = _season_of(ctx.reference)
    current = ref_year * 4 + _SEASON_ORDER.index(ref_season)
    return index > current >= told


# With none of these, "last quarter" is the previous quarter ("the last quarter of 2024" the fourth).
_BARE_LAST_QUARTER = frozenset({"det", "year", "year2", "relyear", "relyear0", "theyear", "rel"})


def _season(groups: dict[str, str], ctx: Context) -> Norm:
    code = SEASONS[groups["season"].lower()]
    mod = modifier(groups.get("mod"))
    year = _explicit_year(groups, ctx)
    if year is not None and year != -1:
        return Norm("DATE", f"{year}-{code}", mod, "season")
    rel = groups.get("rel", "")
    if ctx.year_hint is not None and rel.lower() in ("", "the"):
        return Norm("DATE", f"{ctx.year_hint}-{code}", mod, "season")  # the year its sentence told
    if ctx.reference is None:
        return Norm("DATE", f"XXXX-{code}", mod, "season")
    told = _season_index(ctx.anchor) if ctx.anchor else None
    if told is not None:
        # "the following spring" after "the autumn of 2023": the first spring after it (2024's);
        # "the previous winter": the last one before it
        wanted = _SEASON_ORDER.index(code)
        if rel.lower().endswith("following"):
            index = told + 1 + (wanted - told - 1) % 4
        elif rel.lower() in ("", "the") and not _beyond_reference(told + (wanted - told) % 4, told, ctx):
            # "In the winter they advanced ...; by spring they moved in small teams": the first such
            # season from the one its sentence told
            index = told + (wanted - told) % 4
        else:
            # (also "in the spring, up from 30-40 in the winter months" told in July: the winter
            # before, as a season after the reference cannot be the one a report looks back on)
            index = told - 1 - (told - 1 - wanted) % 4
        return Norm("DATE", f"{index // 4}-{code}", mod, "season")
    if rel.lower() == "that" and ctx.last_year is not None:
        # "In the summer of 2023 ... By that autumn": the season of the year told last, as "that May"
        return Norm("DATE", f"{ctx.last_year}-{code}", mod, "season")
    shift = shift_word(rel) if rel else 0
    year = ctx.reference.year
    if not ctx.knows("month"):
        return Norm("DATE", f"{year}-{code}", mod, "season")
    order = _SEASON_ORDER
    ref_year, ref_season = _season_of(ctx.reference)
    current = ref_year * 4 + order.index(ref_season)  # seasons numbered in sequence
    wanted = order.index(code)
    before = current - (current - wanted) % 4  # the latest such season on or before the reference
    if shift is not None and shift < 0:
        index = before if before < current else before - 4
    elif shift is not None and shift > 0:
        index = before + 4
    elif rel.lower().startswith("this") and before != current:
        # "this spring": the one in the reference's calendar year.
        index = before + 4 if before // 4 < ctx.reference.year else before
    else:
        # "stay through the winter" asked in October: the season next in line, unless a past tense
        # tells of the last one ("they suffered heavy losses through the winter")
        upcoming = before + 4 == current + 1 and not ctx.past
        index = before + 4 if (ctx.future or upcoming) and before != current else before
    year = index // 4
    return Norm("DATE", f"{year}-{code}", mod, "season")


# The precision of a period's value by the letter after its year ("2024-Q3", "2024-SU"; digits: a month).
_PERIOD_PRECISION = {"Q": "quarter", "H": "half", "S": "season", "F": "season", "W": "season"}
_UNIT_PRECISION = {
    "Y": "year",
    "M": "month",
    "W": "week",
    "D": "day",
    "Q": "quarter",
    "DE": "decade",
    "CE": "century",
    "WE": "week",
    "H": "time",
    "MIN": "time",
    "S": "time",
}


@lru_cache(maxsize=1024)
def unit_code(word: str) -> str:
    """TimeML duration letter(s) of a unit word ("years" -> Y, "trading days" -> D, "centuries" -> CE)."""
    key = " ".join(word.lower().split())
    key = "century" if key.startswith("centur") else key.removesuffix("s")
    return UNIT_CODES.get(key) or UNIT_CODES.get(key.split()[-1], "D")


def _point(unit: str, shift: int, ctx: Context, mod: str | None = None) -> Norm:
    """The period ``shift`` units away from the reference ("last month", "next year", "this week")."""
    precision = _UNIT_PRECISION.get(unit, "day")
    ref = ctx.reference
    needs = {"Y": "year", "DE": "year", "CE": "year", "M": "month", "Q": "month"}.get(unit, "day")
    if ref is None or not ctx.knows(needs):
        # Too coarse a reference: keep what it does say ("this month" in 2025 is 2025-XX).
        if ref is not None and shift == 0 and unit == "D" and ctx.knows("month"):
            return Norm("DATE", f"{ref.year}-{ref.month:02d}-XX", mod, "month")
        # "last month", "yesterday", "next week" against a year-only reference: somewhere in that
        # year (a story's own "last month" is of its year unless it is January: the year is all it knows).
        near = shift == 0 or (abs(shift) == 1 and unit in ("M", "W", "D") and ctx.precision == "year")
        if ref is not None and near and unit in ("M", "Q", "W", "WE", "D"):
            filler = {"M": "XX", "Q": "QX", "W": "WXX", "WE": "WXX-WE", "D": "XX-XX"}[unit]
            return Norm("DATE", f"{ref.year}-{filler}", mod, "year")
        filler = {
            "Y": "XXXX",
            "DE": "XXXX",
            "CE": "XXXX",
            "M": "XXXX-XX",
            "Q": "XXXX-QX",
            "W": "XXXX-WXX",
            "WE": "XXXX-WXX-WE",
        }.get(unit, "XXXX-XX-XX")
        return Norm("DATE", filler, mod, precision)
    if unit == "Y":
        return Norm("DATE", str(ref.year + shift), mod, "year")
    if unit == "DE":
        return Norm("DATE", f"{ref.year // 10 + shift}X", mod, "decade")
    if unit == "CE":
        return Norm("DATE", f"{ref.year // 100 + shift}XX", mod, "century")
    if unit == "M":
        year, month = _shift_month(ref.year, ref.month, shift)
        return Norm("DATE", f"{year}-{month:02d}", mod, "month")
    if unit == "Q":
        year, quarter = _shift_quarter(*_quarter_of(ref), shift)
        return Norm("DATE", f"{year}-Q{quarter}", mod, "quarter")
    if unit == "W":
        # ISO weeks (TimeML): on a Sunday, "last week" is the week before the one that Sunday ends.
        return Norm("DATE", week_code(ref + timedelta(weeks=shift)), mod, "week")
    if unit == "WE":
        # "the weekend" in a past clause is the last one on or before the reference date.
        weekday = ref.isoweekday()
        if shift == 0 and not ctx.future:
            base = ref if weekday >= 6 else ref - timedelta(days=weekday)
        elif shift == 0 or shift > 0:
            base = ref + timedelta(days=max(0, 6 - weekday)) + timedelta(weeks=max(0, shift - (weekday >= 6)))
        else:
            base = ref - timedelta(days=weekday) - timedelta(weeks=(-shift - 1) + (weekday == 7))
        return Norm("DATE", week_code(base) + "-WE", mod, "week")
    return Norm("DATE", iso(ref + timedelta(days=shift)), mod, "day")


def _relative(groups: dict[str, str], ctx: Context) -> Norm | None:
    if "beforelast" in groups:
        if groups["rel"].lower() != "the":
            return None  # ("last week before last" is no phrase)
        return _point(unit_code(groups["unit"]), -2, ctx, modifier(groups.get("mod")))
    if "anaphoric" in groups and groups["rel"].lower() == "the":
        if ctx.year_hint is not None and unit_code(groups["unit"]) == "Y":
            # "in 2025, up from 4,000 the year before": the year before the year its sentence told
            shift = -1 if groups["anaphoric"].lower() in ("before", "earlier", "prior") else 1
            return Norm("DATE", str(ctx.year_hint + shift), None, "year")
        return None  # "the year before": relative to an event, not to the reference date
    if "named" in groups and groups["rel"].lower() == "the":
        return None  # "the year of the tiger", "the week of the summit": named by what follows
    if "ended" in groups and groups["rel"].lower() == "the" and groups["unit"].lower() == "year":
        return Norm("DURATION", "P1Y", None, None)  # "the (fiscal) year ended March 31": a span of a year
    unit = unit_code(groups["unit"])
    rel = " ".join(groups["rel"].lower().split())
    if rel == "this past" and unit in ("Y", "M", "W"):
        rel = "the past"  # "this past year" is the past year, not this one ("this past weekend" is the last)
    mod_word = (groups.get("mod") or "").lower()
    mod = modifier(mod_word)
    clip = None
    if mod_word in ("earlier", "later"):
        # "earlier this year" runs from the start of the year to the reference date: no sub-period mod.
        clip, mod = ("before" if mod_word == "earlier" else "after"), None
    if rel == "the" and unit == "Y" and ctx.year_hint is not None:
        return Norm("DATE", str(ctx.year_hint), mod, "year", clip)  # the year its sentence told
    if rel in ("that", "the same") and unit == "Y" and ctx.last_year is not None:
        return Norm("DATE", str(ctx.last_year), mod, "year", clip)
    sequel = rel in ("the following", "the previous", "the preceding")
    if rel == "the next" and unit == "Y" and ctx.last_year is not None and (mod is not None or ctx.past):
        # "the autumn of 2024 ... followed early the next year": the year after the one told last (a
        # part of it, or a past tense telling it), as "the following year"; "within the next year" counts on
        # from the reference date
        sequel, rel = True, "the following"
    if sequel and unit == "Y" and ctx.last_year is not None:
        return Norm("DATE", str(ctx.last_year + (1 if rel == "the following" else -1)), mod, "year", clip)
    anaphoric_shift = {"that": 0, "the same": 0, "the following": 1, "the previous": -1, "the preceding": -1}
    if rel in anaphoric_shift and unit == "M" and ctx.last_month:
        year, month = _shift_month(int(ctx.last_month[:4]), int(ctx.last_month[5:7]), anaphoric_shift[rel])
        return Norm("DATE", f"{year}-{month:02d}", mod, "month", clip)
    if rel in anaphoric_shift and unit == "W" and ctx.anchor and _DAY_VALUE.fullmatch(ctx.anchor):
        # "the following week" after "on Oct. 8": the week after that date's, not after the reference's.
        day = date.fromisoformat(ctx.anchor) + timedelta(weeks=anaphoric_shift[rel])
        return Norm("DATE", week_code(day), mod, "week", clip)
    if rel in anaphoric_shift and unit == "Q" and ctx.last_quarter:
        last_year, last_quarter = int(ctx.last_quarter[:4]), int(ctx.last_quarter[-1])
        year, quarter = _shift_quarter(last_year, last_quarter, anaphoric_shift[rel])
        return Norm("DATE", f"{year}-Q{quarter}", mod, "quarter", clip)
    if rel == "the" and unit in ("Q",) and not mod:
        # "the quarter" in a results story is the last completed quarter.
        return _point("Q", -1, ctx)
    if rel in ("the latest", "the most recent") and unit == "Q":
        return _point("Q", -1, ctx)
    shift = shift_word(rel)
    if shift is None:
        shift = 0
    if rel in ("the past", "past", "this past") and unit in ("DE", "CE"):
        # "over the past decade" said in 1998 is the ten years up to 1998, not the 1980s.
        return Norm("DURATION", duration_value(1, unit), None, None)
    if rel == "the last" and unit in ("DE", "CE"):
        shift = -1  # "in the last decade": the previous calendar decade
    if mod is None and "orso" in groups:
        mod = "APPROX"  # "the next year or so"
    if rel in ("the past", "past") and unit in ("Y", "M", "W") and mod is None and clip is None:
        # "over the past year" is the twelve months up to the reference date (its value stays the
        # previous year, as TimeML writes it)
        clip = "trailing"
    if rel in ("the next", "the coming") and unit in ("Y", "M", "W") and mod is None and clip is None:
        # "within the next year", "over the coming month": the period's length from the reference date
        # on (its value stays next year, as TimeML writes it), not the next calendar year
        clip = None if ctx.past else "leading"
    if rel == "the" and unit == "Y" and mod == "END":
        shift -= _told_year_end_ago(ctx)
    norm = _point(unit, shift, ctx, mod)
    return Norm(norm.type, norm.value, norm.mod, norm.precision, clip)


def _told_year_end_ago(ctx: Context, untold: bool = False) -> int:
    """1 when a past tense tells of "the end of the year" (or "year-end") before this year's end has
    begun (its last third, from September), or, ``untold``, when no tense tells of a "year-end" in the
    year's first two months and no deadline looks ahead (the last one is weeks away, the next most of
    a year: "no mention at a year-end plenary meeting", told in January): the year before's; else 0."""
    if ctx.reference is None or not ctx.knows("month"):
        return 0
    month = ctx.reference.month
    return int((ctx.past and month < 9) or (untold and not ctx.future and month <= 2))


def _relative_in(groups: dict[str, str], ctx: Context) -> Norm | None:
    if groups["unit"].lower() == "day":
        # "later in the day": the day the paragraph told ("On Oct. 12 ... later in the day"), else today
        if ctx.anchor and _DAY_VALUE.fullmatch(ctx.anchor):
            return Norm("DATE", ctx.anchor, None, "day")
        return _point("D", 0, ctx)
    return _relative({"unit": groups["unit"], "rel": "this", "mod": groups["mod"]}, ctx)


_TRAILING_OF = re.compile(r"\s+of$")


def _count(groups: dict[str, str], key: str = "num") -> float | None:
    text = groups.get(key)
    if text is None:
        return None
    text = text.lower()
    if text.startswith("half"):
        return 0.5
    value = number_value(text)  # "couple of" is a count with its "of"; "dozens of" is not
    return value if value is not None else number_value(_TRAILING_OF.sub("", text))


def _format_count(count: float | None) -> str:
    if count is None:
        return "X"
    return str(int(count)) if float(count).is_integer() else f"{count:g}"


def duration_value(count: float | None, unit: str) -> str:
    """``P3Y``, ``PT2H``, ``PXM``; fractional counts move to the next smaller unit (1.5 hours -> PT1H30M)."""
    if unit == "WE":
        return f"P{_format_count(count * 2 if count else None)}D"
    if unit == "2W":
        return f"P{_format_count(count * 2 if count else None)}W"
    clock = unit in ("H", "MIN", "S")
    letter = {"DE": "DE", "CE": "CE", "MIN": "M"}.get(unit, unit)
    if count is not None and not float(count).is_integer():
        smaller = {
            "Y": (12, "M"),
            "M": (30, "D"),
            "W": (7, "D"),
            "D": (24, "H"),
            "H": (60, "M"),
            "MIN": (60, "S"),
        }.get(unit)
        if smaller:
            whole, rest = int(count), round((count - int(count)) * smaller[0])
            head = f"{whole}{letter}" if whole else ""
            if unit == "D":
                return f"P{head}T{rest}H"
            return f"P{'T' if clock else ''}{head}{rest}{smaller[1]}"
    if unit == "DE":
        return f"P{_format_count(count * 10 if count else None)}Y" if count else "PXDE"
    if unit == "CE":
        return f"P{_format_count(count * 100 if count else None)}Y" if count else "PXCE"
    return f"P{'T' if clock else ''}{_format_count(count)}{letter}"


def _duration(groups: dict[str, str], ctx: Context) -> Norm | None:
    unit = unit_code(groups["unit"])
    approx = (groups.get("approx") or "").lower()
    mod = APPROXIMATORS.get(" ".join(approx.split())) if approx else ("APPROX" if "orso" in groups else None)
    if "vague" in groups or "num2" in groups:
        value = duration_value(None, unit)
        if "vague" in groups and groups["vague"].lower() == "recent" and unit in ("Y",):
            return Norm("DATE", "PAST_REF", None, None)
        return Norm("DURATION", value, mod, None)
    count = _count(groups)
    if count is None:
        return None
    if "frac" in groups or "half" in groups:
        count += 0.5
    if unit == "Q" and count <= 1 and not groups.get("reldir"):
        return None  # "a quarter" is a fraction
    if unit == "S" and count == 1 and groups.get("num", "").lower() in ("a", "an"):
        return None  # "a second attack"
    value = duration_value(count, unit)
    if "num3" in groups:
        extra = duration_value(_count(groups, "num3"), unit_code(groups["unit3"]))
        value = _add_durations(value, extra)
    return Norm("DURATION", value, mod, None)


def _add_durations(first: str, second: str) -> str:
    """PT1H + PT10M -> PT1H10M (only the simple cases news writes)."""
    if "T" in first and "T" in second:
        return first + second.split("T", 1)[1]
    if "T" not in first and "T" in second:
        return first + "T" + second.split("T", 1)[1]
    return first + second[1:]


def _unit_long(groups: dict[str, str], ctx: Context) -> Norm:
    """ "a day-long meeting" lasts a day; "a decades-long standoff" some decades."""
    unit = groups["unit"].lower()
    count = None if unit.endswith("s") else 1.0
    return Norm("DURATION", duration_value(count, unit_code(unit)), None, None)


def _bare_plural(groups: dict[str, str], ctx: Context) -> Norm:
    return Norm("DURATION", duration_value(None, unit_code(groups["unit"])), None, None)


def _ago(groups: dict[str, str], ctx: Context) -> Norm | None:
    unit = unit_code(groups["unit"])
    direction = groups["dir"].lower()
    sign = 1 if direction in ("later", "after", "hence") or direction.startswith("from") else -1
    approx = (groups.get("approx") or "").lower()
    mod = APPROXIMATORS.get(" ".join(approx.split())) if approx else None
    mod = {"LESS_THAN": "APPROX", "MORE_THAN": "APPROX"}.get(mod or "", mod) if mod else None
    count = None if "vague" in groups else _count(groups)
    if direction == "earlier" and unit in ("W", "D", "H", "MIN", "S", "2W", "WE"):
        # "a day earlier" counts back from the event just told, not from the reference date (TimeML: a
        # DURATION); "a year earlier" in news and results compares with the reference period (a DATE).
        return Norm("DURATION", duration_value(count, unit), mod, None)
    if count is None:  # "a few years ago", "months later": somewhere in the past or the future
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, None)
    if not float(count).is_integer():
        count = round(count)
    shift = int(count) * sign
    if "today" in groups and ctx.reference is not None and ctx.knows("day") and unit in ("Y", "DE", "M"):
        months = shift * {"Y": 12, "DE": 120, "M": 1}[unit]
        year, month = _shift_month(ctx.reference.year, ctx.reference.month, months)
        day = _safe_date(year, month, ctx.reference.day) or _safe_date(year, month, 28)
        return Norm("DATE", iso(day), mod, "day") if day else None
    if unit == "Y" and ctx.anchor and direction == "earlier":
        # "in 2024, 12 times the number a year earlier": the period the sentence told, a year back
        # (before a quarter told in an earlier sentence: "as of January, ... a year earlier")
        rest = ctx.anchor[4:]
        precision = _PERIOD_PRECISION.get(rest[1:2], "month") if rest else "year"
        return Norm("DATE", f"{int(ctx.anchor[:4]) + shift:04d}{rest}", mod, precision)
    if (
        unit == "Y"
        and ctx.last_quarter
        and groups["dir"].lower() in ("ago", "earlier")
        and not ctx.multi_quarter_span
    ):
        # In a results story "a year ago" is the same quarter a year before.
        return Norm("DATE", f"{int(ctx.last_quarter[:4]) + shift}-{ctx.last_quarter[5:]}", mod, "quarter")
    if unit == "DE":
        unit, shift = "Y", shift * 10
    elif unit == "CE":
        unit, shift = "Y", shift * 100
    elif unit in ("H", "MIN", "S"):  # "two hours ago": some time on the reference day
        day = iso(ctx.reference) if ctx.reference is not None and ctx.knows("day") else "XXXX-XX-XX"
        return Norm("TIME", day + "TXX:XX", mod, "time")
    elif unit == "2W":
        unit, shift = "W", shift * 2
    return _point(unit, shift, ctx, mod)


def _year_compound(groups: dict[str, str], ctx: Context) -> Norm | None:
    kind = groups["kind"].lower().replace(" ", "-")
    if kind.endswith("end"):  # "year-end", "year end", "year's end"
        year = ctx.year - _told_year_end_ago(ctx, untold=True) if ctx.year else None
        return Norm("DATE", str(year) if year else "XXXX", "END", "year")
    if ctx.last_quarter and not ctx.multi_quarter_span:
        return Norm("DATE", f"{int(ctx.last_quarter[:4]) - 1}-{ctx.last_quarter[5:]}", None, "quarter")
    return _point("Y", -1, ctx)


def _set(groups: dict[str, str], ctx: Context) -> Norm:
    if "unit" in groups:
        count = _count(groups) if "num" in groups else 1.0
        return Norm("SET", duration_value(count, unit_code(groups["unit"])), None, None)
    if "weekday" in groups:
        return Norm("SET", f"XXXX-WXX-{weekday_number(groups['weekday'])}", None, None)
    if "month" in groups:
        return Norm("SET", f"XXXX-{month_number(groups['month']):02d}", None, None)
    return Norm("SET", f"TXX{PARTS_OF_DAY.get(groups.get('pod', '').lower(), 'NI')}", None, None)


def _weekday_set(groups: dict[str, str], ctx: Context) -> Norm:
    """ "on Mondays", "Tuesday nights": every such weekday (or part of it)."""
    pod = PARTS_OF_DAY.get((groups.get("pod") or "").lower(), "")
    return Norm(
        "SET", f"XXXX-WXX-{weekday_number(groups['weekday'])}" + (f"T{pod}" if pod else ""), None, None
    )


def _set_word(groups: dict[str, str], ctx: Context) -> Norm:
    return Norm("SET", SET_WORDS[groups["setword"].lower()], None, None)


def _set_times(groups: dict[str, str], ctx: Context) -> Norm:
    return Norm("SET", duration_value(1, unit_code(groups["unit"])), None, None)


def resolve_weekday(weekday: int, rel: str, ctx: Context) -> date | None:
    """The date of a weekday named relative to the reference (see the module docstring)."""
    ref = ctx.reference
    if ref is None or not ctx.knows("day"):
        return None
    delta = (ref.isoweekday() - weekday) % 7
    if rel in ("last", "past", "previous"):
        return ref - timedelta(days=delta or 7)
    if rel in ("next", "coming"):
        ahead = (weekday - ref.isoweekday()) % 7
        return ref + timedelta(days=ahead or 7)
    if rel == "this" or ctx.future:
        ahead = (weekday - ref.isoweekday()) % 7
        if rel == "this" and not ctx.future:
            return ref - timedelta(days=delta) if delta < 4 else ref + timedelta(days=ahead)
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=delta)


def _weekday(groups: dict[str, str], ctx: Context) -> Norm:
    weekday = weekday_number(groups["weekday"])
    rel = " ".join((groups.get("rel") or "").lower().split())
    day = resolve_weekday(weekday, "past" if rel == "this past" else rel, ctx)
    if day is not None and "ofweek" in groups:
        # "Tuesday of last week": that weekday inside the named week.
        shift = {"last": -1, "this": 0, "next": 1}[groups["ofweek"].lower()]
        ref = ctx.reference
        assert ref is not None
        monday = ref - timedelta(days=ref.isoweekday() - 1) + timedelta(weeks=shift)
        day = monday + timedelta(days=weekday - 1)
    pod = PARTS_OF_DAY.get((groups.get("pod") or "").lower())
    if day is None:
        # Against a year-only reference a plain weekday is a day of that year ("2025-WXX-5").
        if not rel and not pod and ctx.reference is not None and ctx.precision == "year":
            return Norm("DATE", f"{ctx.reference.year}-WXX-{weekday}", None, "year")
        value = f"XXXX-WXX-{weekday}"
        if pod:
            return Norm("TIME", f"{value}T{pod}", None, "time")
        return Norm("DATE", value, None, "day")
    if pod:
        return Norm("TIME", f"{iso(day)}T{pod}", None, "time")
    return Norm("DATE", iso(day), None, "day")


def _part_of_day(groups: dict[str, str], ctx: Context) -> Norm | None:
    pod_word = groups["pod"].lower()
    rel = (groups.get("rel") or "").lower()
    if pod_word not in ("overnight",) and not rel and not groups.get("mod"):
        return None
    pod = PARTS_OF_DAY.get(pod_word, "NI")
    if rel in ("that", "the") and "deixis" not in groups:
        # "that night", "in the morning": a part of the day the paragraph told, not of the reference day.
        if ctx.anchor is None or not _DAY_VALUE.fullmatch(ctx.anchor):
            return None
        return Norm("TIME", f"{ctx.anchor}T{pod}", modifier(groups.get("mod")), "time")
    shift = {"last": -1, "yesterday": -1, "tomorrow": 1}.get((groups.get("deixis") or rel).lower(), 0)
    if rel == "last" and pod != "NI":
        return None  # "last morning" is not said; "last evening" rare
    mod = modifier(groups.get("mod"))
    if ctx.reference is None or not ctx.knows("day"):
        return Norm("TIME", f"XXXX-XX-XXT{pod}", mod, "time")
    return Norm("TIME", f"{iso(ctx.reference + timedelta(days=shift))}T{pod}", mod, "time")


def _clock(groups: dict[str, str], ctx: Context) -> Norm | None:
    if "clockword" in groups:
        hour, minute = table("clock_words")[groups["clockword"].lower()].split(":")
    elif "hourpod" in groups:
        hour, minute = groups["hourpod"], "00"
        if groups.get("pod", "").lower() in ("afternoon", "evening") and int(hour) < 12:
            hour = str(int(hour) + 12)
    elif "hour24" in groups:
        hour, minute = groups["hour24"], groups["minute24"]
    elif "military" in groups:  # "0630 GMT"
        hour, minute = groups["military"][:2], groups["military"][2:]
    else:
        hour, minute = groups["hour"], groups.get("minute") or "00"
        ampm = groups["ampm"].lower().replace(".", "").replace(" ", "")
        if ampm.startswith("p") and int(hour) < 12:
            hour = str(int(hour) + 12)
        elif ampm.startswith("a") and int(hour) == 12:
            hour = "0"
    clock = f"{int(hour):02d}:{minute}"
    approx = (groups.get("approx") or "").lower()
    mod = (
        "APPROX"
        if approx in ("about", "around", "approximately")
        else ("BEFORE" if "before" in approx else "AFTER" if "after" in approx else None)
    )
    day: date | None = None
    day_text = "XXXX-XX-XX"
    if "weekday" in groups:
        day = resolve_weekday(weekday_number(groups["weekday"]), "", ctx)
        if day is None:
            day_text = f"XXXX-WXX-{weekday_number(groups['weekday'])}"
    elif "month" in groups:
        month, dom = month_number(groups["month"]), day_number(groups["day"])
        year = int(groups["year"]) if "year" in groups else resolve_year_for_day(month, dom, ctx)
        value, _ = _day_value(year, month, dom)
        day_text = value
    elif ctx.anchor is not None and _DAY_VALUE.fullmatch(ctx.anchor) and "deixis" not in groups:
        day_text = ctx.anchor  # "on October 31 ... It fell at 8:37 a.m.": the day the paragraph told
    elif ctx.reference is not None and ctx.knows("day"):
        shift = {"yesterday": -1, "tomorrow": 1}.get((groups.get("deixis") or "").lower(), 0)
        day = ctx.reference + timedelta(days=shift)
    if day is not None:
        day_text = iso(day)
    return Norm("TIME", f"{day_text}T{clock}", mod, "time")


_MONTH_VALUE = re.compile(r"\d{4}-\d\d")


def _ordinal_day(groups: dict[str, str], ctx: Context) -> Norm:
    day = day_number(groups["day"])
    if ctx.anchor is not None and _MONTH_VALUE.fullmatch(ctx.anchor):
        # the month its sentence told ("In September, Kim attended the parade on the 3rd")
        value, precision = _day_value(int(ctx.anchor[:4]), int(ctx.anchor[5:7]), day)
        return Norm("DATE", value, None, precision)
    rel = (groups.get("rel") or "").lower()
    if rel == "that" and ctx.last_month is not None:
        # "before the end of June, around the 19th of that month": the month told last
        value, precision = _day_value(int(ctx.last_month[:4]), int(ctx.last_month[5:7]), day)
        return Norm("DATE", value, None, precision)
    ref = ctx.reference
    if ref is None or not ctx.knows("month"):
        return Norm("DATE", "XXXX-XX-" + f"{day:02d}", None, "day")
    year, month = ref.year, ref.month
    if rel in ("last", "next"):
        year, month = _shift_month(year, month, -1 if rel == "last" else 1)
    elif ctx.knows("day") and day > ref.day + 1 and not ctx.future:
        year, month = _shift_month(year, month, -1)  # "the 28th" said on the 3rd is last month's
    value, precision = _day_value(year, month, day)
    return Norm("DATE", value, None, precision)


def _deictic(groups: dict[str, str], ctx: Context) -> Norm | None:
    word = " ".join(groups["deictic"].lower().split())
    if word in ("earlier today", "later today"):
        word = "today"
    if word == "the other day":
        return Norm("DATE", "PAST_REF", None, None)
    meaning = "PRESENT_REF" if "generic" in groups else DEICTIC.get(word)
    if meaning is None:
        return None
    if meaning.endswith("_REF"):
        return Norm("DATE", meaning, None, None)
    kind, shift_text = meaning.split(":")
    shift = int(shift_text)
    if kind == "night":
        if ctx.reference is None or not ctx.knows("day"):
            return Norm("TIME", "XXXX-XX-XXTNI", None, "time")
        return Norm("TIME", f"{iso(ctx.reference)}TNI", None, "time")
    # "late yesterday": the day, its last third (mod END), as "late Monday".
    return _point("D", shift, ctx, modifier(groups.get("mod")))


ANAPHORIC: dict[str, int] = table("anaphoric")
ANAPHORIC_DIRECTIONS: dict[str, int] = table("anaphoric_directions")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def _anaphoric_day(groups: dict[str, str], ctx: Context) -> Norm | None:
    """ "the next day", "later that day", "that same night": the day counts from the paragraph's last date
    (``ctx.anchor``); with none the expression refers to an untold event and gets no value. Against a
    month ("last October ... that same day") only the same day can be told: ``2024-10-XX``."""
    anchor = ctx.anchor
    if anchor is None:
        return None
    rel = ""
    if "dir" in groups:
        unit, shift = groups["unit2"].lower(), ANAPHORIC_DIRECTIONS[groups["dir"].lower()]
    else:
        unit = groups["unit"].lower()
        rel = groups.get("rel") or groups.get("rel2") or "that"
        shift = ANAPHORIC.get(" ".join(rel.lower().split()), 0)
    pod = PARTS_OF_DAY.get(unit)
    if not _DAY_VALUE.fullmatch(anchor):
        if shift or pod or "same" not in rel.lower():
            return None  # only "that same day" is said of a day somewhere in a month
        return Norm("DATE", anchor + "-XX", None, "month")
    day = iso(date.fromisoformat(anchor) + timedelta(days=shift))
    if pod:
        return Norm("TIME", f"{day}T{pod}", None, "time")
    return Norm("DATE", day, None, "day")


def _modal_day(groups: dict[str, str], ctx: Context) -> Norm:
    """ "will one day be": an indefinite day ahead."""
    return Norm("DATE", "FUTURE_REF", None, None)


def _weekday_with_mod(groups: dict[str, str], ctx: Context) -> Norm:
    norm = _weekday(groups, ctx)
    mod = modifier(groups.get("mod")) if groups.get("mod", "").lower() in ("early", "late") else None
    return Norm(norm.type, norm.value, mod, norm.precision)


def _reported_quarter(ctx: Context) -> Norm:
    """The quarter a results story is about: the last one it named, else the last completed one."""
    if ctx.last_quarter:
        return Norm("DATE", ctx.last_quarter, None, "quarter")
    return _point("Q", -1, ctx)


def _latest_period(groups: dict[str, str], ctx: Context) -> Norm:
    return _reported_quarter(ctx)


def _year_quarter(groups: dict[str, str], ctx: Context) -> Norm:
    """ "the 1988 quarter": the reported quarter's instance in that year; "the 1988 period" after "for the
    nine months" is that year's nine months, dated by the year."""
    if ctx.multi_quarter_span:
        return Norm("DATE", groups["year"], None, "year")
    match = re.fullmatch(r"\d{4}-Q(\d)", _reported_quarter(ctx).value)
    return Norm("DATE", f"{groups['year']}-Q{match.group(1) if match else 'X'}", None, "quarter")


def _year_ago_period(groups: dict[str, str], ctx: Context) -> Norm:
    unit = (groups.get("unit") or groups.get("unit2") or groups["unit3"]).lower()
    if unit in ("quarter", "period"):
        recent = _point("Q", -1, ctx)
        match = re.fullmatch(r"(\d{4})-Q(\d)", recent.value)
        if match:
            return Norm("DATE", f"{int(match.group(1)) - 1}-Q{match.group(2)}", None, "quarter")
        return Norm("DATE", "XXXX-QX", None, "quarter")
    return _point({"month": "M", "week": "W"}[unit], -12 if unit == "month" else -52, ctx)


# Spoken years ("two thousand five", "nineteen ninety-nine") are sums of the vocabulary's cardinals
# below a hundred; "a", "an" and "dozen" are number words elsewhere, never parts of a spoken year.
_UNITS_WORDS = {
    word: value
    for word, value in table("number_words").items()
    if word.isalpha() and isinstance(value, int) and value < 100 and word not in ("a", "an", "dozen")
}


def _spoken_number(text: str) -> int:
    return sum(_UNITS_WORDS.get(part, 0) for part in re.split(r"[\s-]+", text.lower()))


def _spelled_year(groups: dict[str, str], ctx: Context) -> Norm:
    if "text" in groups:  # the whole phrase, from another rule's tail
        words = groups["text"].lower().split(None, 1)
        if words[0] == "two":
            units = re.sub(r"^thousand(?:\s+and)?\s*", "", words[1]) if len(words) > 1 else ""
            groups = {"units": units}
        else:
            groups = {"hundreds": words[0], "rest": words[1].strip(" -")}
    if "hundreds" in groups:
        century = _UNITS_WORDS[groups["hundreds"].lower()]
        rest = groups["rest"].lower()
        year = century * 100 + (0 if rest == "hundred" else _spoken_number(rest))
    else:
        year = 2000 + _spoken_number(groups.get("units", ""))
    return Norm("DATE", str(year), None, "year")


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


_LUNAR_HOLIDAYS: dict[str, dict[int, date]] = {
    name: {day.year: day for day in map(date.fromisoformat, days)}
    for name, days in table("lunar_holidays").items()
}


def holiday_date(name: str, year: int) -> date | None:
    """The date of a holiday in ``year`` (fixed dates from the vocabulary, or a rule)."""
    rule = table("holidays").get(" ".join(name.lower().split()))
    if rule is None:
        return None
    if rule == "easter":
        return _easter(year)
    if rule == "good friday":
        return _easter(year) - timedelta(days=2)
    if rule == "thanksgiving":  # fourth Thursday of November (US)
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if rule == "election day":  # the Tuesday after the first Monday of November (US)
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    if rule in _LUNAR_HOLIDAYS:  # a lunar holiday: its day in the year, if the table has the year
        return _LUNAR_HOLIDAYS[rule].get(year)
    month, day = (int(part) for part in rule.split("-"))
    return _safe_date(year, month, day)


def _holiday(groups: dict[str, str], ctx: Context) -> Norm | None:
    name = groups["holiday"]
    rel = (groups.get("rel") or "").lower()
    if "year" in groups:
        day = holiday_date(name, int(groups["year"]))
    elif ctx.year_hint is not None:  # the year its sentence told
        day = holiday_date(name, ctx.year_hint)
    elif ctx.reference is None:
        day = None
    else:
        year = ctx.reference.year
        day = holiday_date(name, year)
        if day is not None and ctx.knows("day"):
            if rel == "next" or (ctx.future and rel != "last"):
                if day < ctx.reference:
                    day = holiday_date(name, year + 1)
            elif day > ctx.reference and (rel == "last" or day.month - ctx.reference.month > 2):
                # The same two-month tolerance as a bare date ("Christmas" said in November is this year's).
                day = holiday_date(name, year - 1)
    if "week" in groups:  # "Easter week": the ISO week of the holiday
        return Norm("DATE", week_code(day) if day else "XXXX-WXX", None, "week")
    if "eve" in groups and day is not None:  # "Liberation Day eve": the day before
        day -= timedelta(days=1)
    if day is None:
        rule = table("holidays").get(" ".join(name.lower().split()), "")
        fixed = re.fullmatch(r"\d\d-\d\d", rule)
        return Norm("DATE", f"XXXX-{rule}" if fixed else "XXXX-XX-XX", None, "day")
    return Norm("DATE", iso(day), None, "day")


def _day_shift(groups: dict[str, str], ctx: Context) -> Norm:
    """ "the day before last Tuesday", "the day after Christmas", "the eve of Victory Day": one day off
    the named date."""
    if "weekday" in groups:
        base = _weekday(groups, ctx)
    elif "holiday" in groups:
        base = _holiday(groups, ctx)
    else:
        base = _calendar_date(groups, ctx)
    if base is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", base.value):
        return Norm("DATE", "XXXX-XX-XX", None, "day")
    shift = -1 if groups.get("dir", "before").lower() == "before" else 1  # (an eve: no direction)
    return Norm("DATE", iso(date.fromisoformat(base.value) + timedelta(days=shift)), None, "day")


_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}


def _century(groups: dict[str, str], ctx: Context) -> Norm:
    ordinal = groups["ord"].lower()
    number = int(re.match(r"\d+", ordinal).group()) if ordinal[0].isdigit() else _ORDINAL_WORDS[ordinal]  # type: ignore[union-attr]
    return Norm("DATE", f"{number - 1:02d}XX", modifier(groups.get("mod")), "century")


def _week_of_month(groups: dict[str, str], ctx: Context) -> Norm:
    """ "the first week of November": the ISO week holding that month's day 4, 11, 18, 25 (last: the
    day three before its end), so most of the month's days 1-7 (8-14 ...): ISO's own rule for a year's
    first week (the one holding January 4). "The first week of March 2025" is 2025-W10 (March 3-9), not
    the week of Saturday, March 1, mostly February's."""
    month = month_number(groups["month"])
    year = _explicit_year(groups, ctx)
    if year is None:
        year = resolve_year_for_month(month, ctx)
    elif year == -1:
        year = None
    if year is None:
        return Norm("DATE", f"XXXX-{month:02d}", None, "month")
    ordinal = groups["ord"].lower()
    last_day = calendar.monthrange(year, month)[1]
    if ordinal in ("last", "final"):
        day = last_day - 3
    else:
        day = min(last_day, 7 * (ORDINALS.get(ordinal, 1) - 1) + 4)
    return Norm("DATE", week_code(date(year, month, day)), None, "week")


def _week_of_date(groups: dict[str, str], ctx: Context) -> Norm:
    """ "the week of March 6": the ISO week holding that day."""
    day = _calendar_date(groups, ctx)
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", day.value):
        return Norm("DATE", day.value, None, day.precision)
    return Norm("DATE", week_code(date.fromisoformat(day.value)), None, "week")


NORMALIZERS = {
    "iso": _numeric_date,
    "ymd": _numeric_date,
    "mdy": _numeric_date,
    "dmy": _numeric_date,
    "dotted_day_month": _dotted_day_month,
    "clock": _clock,
    "month_day": _calendar_date,
    "day_month": _calendar_date,
    "month_year": _month_year,
    "decade": _decade,
    "quarter": _quarter,
    "quarter_code": _quarter,
    "season": _season,
    "ago": _ago,
    "relative": _relative,
    "relative_in": _relative_in,
    "year_compound": _year_compound,
    "set": _set,
    "set_word": _set_word,
    "weekday_set": _weekday_set,
    "set_times": _set_times,
    "duration": _duration,
    "bare_plural": _bare_plural,
    "unit_long": _unit_long,
    "weekday": _weekday_with_mod,
    "part_of_day": _part_of_day,
    "ordinal_day": _ordinal_day,
    "deictic": _deictic,
    "anaphoric_day": _anaphoric_day,
    "modal_day": _modal_day,
    "year": _year,
    "month": _month,
    "year_ago_period": _year_ago_period,
    "spelled_year": _spelled_year,
    "holiday": _holiday,
    "day_shift": _day_shift,
    "century": _century,
    "week_of_month": _week_of_month,
    "year_quarter": _year_quarter,
    "latest_period": _latest_period,
    "week_of_date": _week_of_date,
}


def normalize(rule: str, groups: dict[str, str], ctx: Context) -> Norm | None:
    """Type, value, mod and precision of one recognized expression; None when it is not a time."""
    return NORMALIZERS[rule](groups, ctx)


# --- Bounds ---------------------------------------------------------------------------------------

_VALUE_SHAPES = re.compile(
    r"(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d))?|Q(?P<quarter>[1-4])|H(?P<half>[12])"
    r"|(?P<season>SP|SU|FA|WI)|W(?P<week>\d\d)(?P<weekend>-WE)?))?(?:T.*)?"
    r"|(?P<decade>\d{3})X|(?P<century>\d\d)XX"
)


@lru_cache(maxsize=4096)
def period_of(value: str) -> tuple[date, date] | None:
    """First and last day of the period a TIMEX3 value names; None for X values and REFs."""
    match = _VALUE_SHAPES.fullmatch(value)
    if not match:
        if re.fullmatch(r"\d{4}-[-XWQ]*X[-XWE]*(?:-\d)?", value):  # "2025-XX": somewhere in a known year
            year = int(value[:4])
            return (date(year, 1, 1), date(year, 12, 31)) if year else None
        if re.fullmatch(r"\d{4}-\d\d-XX", value):  # "2025-03-XX": some day of a known month
            return period_of(value[:7])
        return None
    if match.group("decade"):
        start = int(match.group("decade")) * 10
        return date(start, 1, 1), date(start + 9, 12, 31)
    if match.group("century"):
        start = int(match.group("century")) * 100
        return date(max(start, 1), 1, 1), date(start + 99, 12, 31)
    year = int(match.group("year"))
    if year < 1:
        return None
    if match.group("day"):
        day = _safe_date(year, int(match.group("month")), int(match.group("day")))
        return (day, day) if day else None
    if match.group("month"):
        month = int(match.group("month"))
        if not 1 <= month <= 12:
            return None
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if match.group("quarter"):
        return _months(year, 3 * int(match.group("quarter")) - 2, 3)
    if match.group("half"):
        return _months(year, 6 * int(match.group("half")) - 5, 6)
    if match.group("season"):
        first, last = _SEASON_MONTHS[match.group("season")]
        return _months(year, first, last - first + 1)
    if match.group("week"):
        week = int(match.group("week"))
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            return None
        if match.group("weekend"):
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    return date(year, 1, 1), date(year, 12, 31)


def _months(year: int, first_month: int, count: int) -> tuple[date, date]:
    end_year, end_month = _shift_month(year, first_month, count - 1)
    return date(year, first_month, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def bounds(
    value: str, mod: str | None, clip: str | None = None, reference: date | None = None
) -> tuple[str | None, str | None]:
    """ISO earliest/latest of a DATE or TIME value, narrowed by START/MID/END (in thirds)."""
    period = period_of(value)
    if period is None:
        if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") and reference is not None:
            ref = iso(reference)
            return {"PRESENT_REF": (ref, ref), "PAST_REF": (None, ref), "FUTURE_REF": (ref, None)}[value]
        return None, None
    start, end = period
    if clip and clip.startswith("months:"):  # the first N months of a year
        last = int(clip[7:])
        return iso(start), iso(date(start.year, last, calendar.monthrange(start.year, last)[1]))
    if clip == "last month":  # the end of a year: its last month
        return iso(date(end.year, end.month, 1)), iso(end)
    if clip == "turn" and start.month == 1 and end.month == 12:  # the year's turn: December to January
        return iso(date(start.year - 1, 12, 1)), iso(date(start.year, 1, 31))
    if clip == "trailing":
        return (iso(_trailing_start(start, end, reference)), iso(reference)) if reference else (None, None)
    if clip == "leading":
        return (
            (iso(reference + timedelta(days=1)), iso(_leading_end(start, end, reference)))
            if reference
            else (None, None)
        )
    if mod in ("START", "MID", "END") and start != end:
        start, end = _third(start, end, mod)
    if clip and reference is not None and start <= reference <= end:
        start, end = (start, reference) if clip == "before" else (reference, end)
    return iso(start), iso(end)


def _trailing_start(start: date, end: date, reference: date) -> date:
    """The first day of the period as long as ``start``-``end`` (a year, a month, a week) that ends on
    ``reference``."""
    if (end - start).days >= 364:  # (a common year runs 364 days past its first)
        year, month, day = reference.year - 1, reference.month, reference.day
    elif (end - start).days >= 28:
        (year, month), day = _shift_month(reference.year, reference.month, -1), reference.day
    else:
        return reference - timedelta(days=(end - start).days)
    return date(year, month, min(day, calendar.monthrange(year, month)[1])) + timedelta(days=1)


def _leading_end(start: date, end: date, reference: date) -> date:
    """The last day of the period as long as ``start``-``end`` that begins the day after ``reference``
    (the mirror of ``_trailing_start``)."""
    if (end - start).days >= 364:  # (a common year runs 364 days past its first)
        year, month, day = reference.year + 1, reference.month, reference.day
    elif (end - start).days >= 28:
        (year, month), day = _shift_month(reference.year, reference.month, 1), reference.day
    else:
        return reference + timedelta(days=(end - start).days + 1)
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _third(start: date, end: date, mod: str) -> tuple[date, date]:
    """The START/MID/END third of a period, on month boundaries when the period spans months."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months >= 3:
        size = months / 3
        index = {"START": 0, "MID": 1, "END": 2}[mod]
        first = round(index * size)
        last = round((index + 1) * size) - 1
        first_year, first_month = _shift_month(start.year, start.month, first)
        last_year, last_month = _shift_month(start.year, start.month, last)
        return (
            date(first_year, first_month, 1),
            date(last_year, last_month, calendar.monthrange(last_year, last_month)[1]),
        )
    days = (end - start).days + 1
    if days < 3:
        return start, end
    if days >= 28:  # a month: 1-10, 11-20, 21-end
        cuts = {"START": (0, 9), "MID": (10, 19), "END": (20, days - 1)}[mod]
    else:
        third = days // 3
        cuts = {"START": (0, third - 1), "MID": (third, 2 * third - 1), "END": (2 * third, days - 1)}[mod]
    return start + timedelta(days=cuts[0]), start + timedelta(days=cuts[1])


@lru_cache(maxsize=8192)
def cached_bounds(
    value: str, mod: str | None, clip: str | None, reference: date | None
) -> tuple[str | None, str | None]:
    """``bounds``, memoized: news repeats the same few values ("2024", "last year") many times."""
    return bounds(value, mod, clip, reference)
