"""The extraction pipeline: article text in, dated events and figures out.

``extract(text, published)`` is a pure function of its input. It reads the article's structure,
settles the reference date (option > the document's own date > inferred from the text > none),
recognizes times, anchors events to them, recognizes figures and gives each a topic and an as-of
date. Recognition lives in ``times`` and ``figures``; this module only assembles.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import heapq
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter
from typing import TYPE_CHECKING

from . import reader
from .dates import DateError, reference_bound, reference_from_option
from .figures import find_quantities
from .model import EXTRACTOR_VERSION, Event, Extraction, Figure, Quantity, Reference, TimeExpr
from .text import clause_spans, sentence_spans
from .times import (
    SINCE_SIGNALS,
    Recognized,
    ago_bound,
    anchor_interval,
    clause_tense,
    explicit_years,
    find_times,
    first_weekday,
    parse_date,
    period_of,
    recognize_times,
    resolve_times,
    span_end,
    span_start,
    tense_after,
)
from .times.vocabulary import number_value, table
from .topics import FALLBACK, Classifier, Lexicon, Span, default_lexicon

if TYPE_CHECKING:
    from .trends import CountedLexicon

__all__ = [
    "EXTRACTOR_VERSION",
    "DateError",
    "Document",
    "extract",
    "extract_document",
    "reference_from_option",
]


# Values that name no period a timeline can place ("now", "recently").
_VAGUE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_DATABLE_TYPES = ("DATE", "TIME")  # the times an event or a figure can be dated by


@dataclass(frozen=True)
class Document:
    """An article as read, with what was extracted from it."""

    article: reader.ArticleText
    reference: Reference | None
    extraction: Extraction


def extract(text: str, published: str | None = None, lexicon: Lexicon | None = None) -> Extraction:
    """Extract times, events and figures from one article's text."""
    return extract_document(text, published, lexicon).extraction


def extract_document(text: str, published: str | None = None, lexicon: Lexicon | None = None) -> Document:
    article = reader.parse(text)
    content = article.content()
    topics = Classifier(lexicon or default_lexicon(), content)

    # One scan of the text and one normalization: the years it names (to infer a reference date) are
    # read from the recognition, without normalizing the text a first time against no reference.
    recognized = recognize_times(content)
    years: list[int] | None = None  # computed at most once

    def named_years() -> list[int]:
        nonlocal years
        if years is None:
            # a deadline's year ("by the end of 2026") or a fiscal year is often ahead of the text's time
            years = explicit_years(recognized, ahead=False) or explicit_years(recognized)
        return years

    reference = reference_from_option(published) if published else None
    if reference is None and article.date:
        reference = _stated_reference(article.date)
    byline = _byline(
        content, article.title is not None, [c.start for c in recognized.candidates[: _BYLINE_LINES * 4]]
    )
    if reference is None and byline is not None:
        reference = byline[0]
    if reference is None and article.headline is not None:
        reference = _headline_reference(content[slice(*article.headline)], named_years)
    if reference is None and article.date:
        news_day = first_weekday(recognized, article.dateline[1] if article.dateline else 0)
        reference = _yearless_reference(article.date, named_years, news_day)
    if reference is None:
        reference = _inferred_reference(
            named_years() + _years_before_last(content) + _first_in_years(content)
        )
        if reference is not None:
            reference = _weekday_dated(recognized, int(reference.value)) or reference
    times = resolve_times(recognized, reference)

    # (events and as-of dates read "two days later" as the day it names; the times stay TimeML's)
    sentences = _Sentences(
        content,
        sentence_spans(content),
        _days_later(content, times, reference_bound(reference, False)),
        reference_bound(reference, False),
    )
    # A byline's or a dateline's date is when the article appeared, not something that happened; a
    # headline restates the story (its times are the body's, or the date of the issue), and a title
    # given as metadata (front matter, HTML, JSON Lines) is not in the text at all.
    outside = [span for span in (byline[1] if byline else None, article.dateline, article.headline) if span]
    if "Key " in content:
        outside += _key_events(content)
    spans = _trailing_times(content, times, reference) + _counted_from_start(content, sentences)
    if "ithin" in content or " coming " in content or " next " in content:
        spans += _forecast_spans(content, sentences)
    if " after " in content:
        spans += _after_told(content, sentences)
    if " since " in content:
        spans += _span_since(content, sentences)
    if " following " in content or " next " in content or " subsequent " in content or " ensuing " in content:
        spans += _following_spans(content, sentences)
    if "y then" in content or "y that " in content or "ce then" in content or "ce that " in content:
        spans += _by_then(content, sentences)
    events = _events(content, sentences, topics, outside, sorted(spans, key=_EVENT_START))
    sentences.made = {id(t): t for t in spans if t.signal in _MADE_AS_OF}
    quantities = find_quantities(content, times)
    bounds = _ReferenceBounds(reference)
    # Each figure with where the next one starts: a time beyond the next figure is that figure's.
    next_starts = [q.start for q in quantities[1:]] + [len(content)]
    leads = _as_of_leads(content, sentences, quantities)
    figures = [
        _figure(content, q, next_start, sentences, reference, bounds, topics, leads)
        for q, next_start in zip(quantities, next_starts, strict=False)  # (none: no figures)
        if not _stamp_line(content, q.start)
    ]
    if len(figures) > 1:
        figures = _parts_of_since_totals(content, _topics_told_before(content, figures))
        figures = _dated_as_told_before(content, figures, sentences)
    if figures and events:
        events = _harm_counted(events, figures)
    if article.dateline:
        events, figures = _after_dateline(content, article.dateline, events, figures)
    events = _without_leading_marks(content, events)
    if article.restatements:
        restating = article.restatements + ([article.headline] if article.headline else [])
        # (what opens "In conclusion, ..." says itself that it restates: its date is the story's)
        closing = [span for span in article.restatements if reader.restates(content, span[0])]
        events, figures = _without_restated(content, restating, closing, events, figures)
    extraction = Extraction(
        title=article.title,
        published=reference.value if reference else None,
        published_source=reference.source if reference else None,
        precision=reference.precision if reference else None,
        times=times,
        events=events,
        figures=figures,
    )
    return Document(article, reference, extraction)


def _without_restated(
    text: str,
    spans: Sequence[tuple[int, int]],
    closing: Sequence[tuple[int, int]],
    events: list[Event],
    figures: list[Figure],
) -> tuple[list[Event], list[Figure]]:
    """One row per claim: an event or figure in a paragraph that restates the story (the aggregator's
    summary, "In conclusion, ...", a headline over them) is dropped when the story tells it elsewhere:
    an event when a sentence of the story on the same date (or a day or month in it: "late 2024" is
    told as "November 2024") shares three of its words (the dates' aside; or half, two at least, of a
    short clause's) or a number with it (any
    in a closing "In conclusion, ..." paragraph, which says it restates the story); a figure
    when the story tells the same number (a small one, "two", "twice", with its qualifier and two of
    its sentence's words too: "nearly twice as many" is not "more than twice the cap"). Words found
    in half the story's paragraphs ("North", "Korea") are what it is about and tell no claim apart.
    What only the restatement tells stays."""

    def restated(start: int) -> bool:
        return any(s <= start < e for s, e in spans)

    lowered: list[str] = []  # the story's paragraphs in lower case, found when first asked

    def common(word: str) -> bool:
        """Whether a word stands in half the story's paragraphs (three at least)."""
        if not lowered:
            lowered.extend(p.group().lower() for p in _PARAGRAPH.finditer(text) if not restated(p.start()))
        count = sum(word in paragraph for paragraph in lowered)
        return count >= 3 and 2 * count >= len(lowered)

    def restates(restatement: str, told: str, shared: int = 3) -> bool:
        """Whether ``shared`` of a restatement's long words, the common aside (or half of them, two at
        least), or one of its numbers (not a year) stand in ``told``."""
        words = {
            word for word in {w[:5].lower() for w in _LONG_WORD.findall(restatement)} if not common(word)
        }
        found = len(words & {word[:5].lower() for word in _LONG_WORD.findall(told)})
        if found >= shared or (found >= 2 and 2 * found >= len(words)):  # (or two of a short clause's)
            return True
        numbers = {n for n in _NUMBER_WORD.findall(restatement) if not _YEAR_NUMBER.fullmatch(n)}
        return bool(numbers) and not numbers.isdisjoint(_NUMBER_WORD.findall(told))

    told: dict[str, list[Event]] = {}
    for event in events:
        if not restated(event.time_start):
            for cut in (4, 7, len(event.when)):  # (its year and month hold it too)
                told.setdefault(event.when[:cut], []).append(event)
    kept_events = [
        e
        for e in events
        if not restated(e.time_start)
        or not any(
            any(s <= e.time_start < end for s, end in closing)
            or restates(e.text.replace(e.time_text, " "), other.text.replace(other.time_text, " "))
            for when in _told_as(e.when)
            for other in told.get(when, ())
        )
    ]

    def keys(f: Figure) -> list[tuple]:
        return [(f.percent, n, f.qualifier if n < 10 else "") for n in (f.low, f.high) if n is not None]

    story = [f for f in figures if not restated(f.start)]
    numbers: dict[tuple, list[Figure]] = {}
    for figure in story:
        for key in keys(figure):
            numbers.setdefault(key, []).append(figure)
    told_once = {id(f) for f in story}
    kept_figures = [
        f
        for f in figures
        if id(f) in told_once
        or not (
            any(
                key[1] >= 10 or restates(f.sentence, other.sentence, shared=2)
                for key in keys(f)
                for other in numbers.get(key, ())
            )
            or ((band := _vague_band(f)) is not None and _covered(f, band, story, restates))
        )
    ]
    return kept_events, kept_figures


def _covered(
    figure: Figure, band: tuple[float, float], story: list[Figure], restates: Callable[..., bool]
) -> bool:
    """Whether the story tells a figure in a restated vague figure's band that counts the same thing
    or shares two words of its sentence."""
    return any(
        (other.low or other.high or 0) >= band[0]
        and (other.high or other.low or 0) < band[1]
        and other.percent == figure.percent
        and (_same_counted(figure, other) or restates(figure.sentence, other.sentence, shared=2))
        for other in story
    )


def _vague_band(figure: Figure) -> tuple[float, float] | None:
    """The numbers a restatement's vague or round figure stands for: "thousands" any from 2,000 to
    99,999 (the body's "11,000"), "millions" 8 million, "more than a billion" $1.3 billion, "dozens"
    30; a number told exactly ("about 4,700") is told by that number only."""
    low, high = figure.low, figure.high
    if low is None or low <= 0:
        return None
    if high is not None and high != low:
        if _MAGNITUDES.search(figure.text):  # "thousands", "tens of millions of dollars"
            return low, (high + 1) * 10
        return None
    if _round(low) and (figure.qualifier in _MORE_THAN or _MAGNITUDES.search(figure.text)):
        return low, low * 10  # "more than a billion dollars", "over 1,000 troops"
    return None


def _round(number: float) -> bool:
    """One digit and zeros: 1,000, 3 million."""
    text = f"{number:.0f}".rstrip("0")
    return len(text) == 1 and text != "0"


def _same_counted(one: Figure, other: Figure) -> bool:
    """Whether two figures count the same thing: the same currency, or units the counted lexicon
    folds together ("shells" and "rounds", "troops" and "soldiers") or ending in the same word."""
    if one.currency or other.currency:
        return one.currency == other.currency
    if not one.unit or not other.unit:
        return False
    fold = _counted().fold
    first, second = fold(one.unit), fold(other.unit)
    return first == second or (first or "").split()[-1:] == (second or "").split()[-1:]


@functools.lru_cache(maxsize=1)
def _counted() -> CountedLexicon:
    from .trends import load_counted  # (asked only when a restatement tells a vague figure)

    return load_counted()


_MAGNITUDES = re.compile(
    r"\b(?:dozens|scores|hundreds|thousands|millions|billions|trillions|a (?:million|billion|trillion))\b",
    re.I,
)
_MORE_THAN = frozenset({"more than", "over", "at least", "exceeding"})


def _told_as(when: str) -> list[str]:
    """The dates a restatement's date may be told by: itself, and a season's months ("the summer of
    2024" is told by "June 19, 2024")."""
    months = _SEASON_MONTHS.get(when[5:]) if len(when) == 7 else None
    return [when] + [f"{when[:4]}-{month}" for month in months] if months else [when]


_SEASON_MONTHS = {
    "SP": ("03", "04", "05"),
    "SU": ("06", "07", "08"),
    "FA": ("09", "10", "11"),
    "WI": ("01", "02", "12"),
}


# Words of five letters or more, compared by their first five ("follows" is "following").
_LONG_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{4,}")
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
_NUMBER_WORD = re.compile(r"\d(?:[\d,.]*\d)?")
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d")


def _days_later(text: str, times: list[TimeExpr], reported: str | None = None) -> list[TimeExpr]:
    """ "The troops crossed on March 3. Two days later, they attacked": a span of days or weeks
    counted "later" from the day its paragraph (or the one before) told is a date, an event of its
    own; with no day told, a plan's "two weeks later ... is expected to brief" counts from the report's
    day (``reported``). (The times engine keeps it a DURATION, as TimeML does.)"""
    found: list[TimeExpr] = []
    last_day: TimeExpr | None = None
    last_told: TimeExpr | None = None  # the last date told (a year, season, month, day)
    restated: dict[int, TimeExpr] = {}  # index -> the time as restated right after a count "later"
    for index, time in enumerate(times):
        time = restated.get(index, time)
        if (
            time.type == "DURATION"
            and last_told is not None
            and _MONTHS_SPAN.fullmatch(time.value)
            and text.startswith(" later", time.end)
            and not text.startswith(" later than", time.end)
            and text.count("\n", last_told.end, time.start) <= 2
        ):
            # "Kim met Putin in September 2023; nine months later, Putin was in Pyongyang": months
            # (years) on from the month (year) told
            later = _months_later(text, time, last_told)
            told = times[index + 1] if index + 1 < len(times) else None
            if told is not None and told.start - later.end <= 8:
                # "six months later, in November": the date restated; a month without a year takes
                # the counted month's year
                found.append(time)
                restated[index + 1] = _in_year_of(told, later)
                continue
            found.append(later)
            continue
        if (
            last_day is None
            and reported
            and time.type == "DURATION"
            and text.startswith(" later", time.end)
            and not text.startswith(" later than", time.end)
            and (span := _DAYS_SPAN.fullmatch(time.value))
            and clause_tense(text, time.start, time.end + len(" later")) == "future"
        ):
            days = int(span.group(1)) * (7 if span.group(2) == "W" else 1)
            day = (date.fromisoformat(reported) + timedelta(days=days)).isoformat()
            end = time.end + len(" later")
            found.append(
                TimeExpr(text[time.start : end], time.start, end, "DATE", day, None, day, day, "day")
            )
            continue
        if (
            time.type == "DURATION"
            and last_day is not None
            and text.startswith(" later", time.end)
            and not text.startswith(" later than", time.end)  # "two days later than planned"
        ):
            span = _DAYS_SPAN.fullmatch(time.value)
            breaks = text.count("\n", last_day.end, time.start)
            if last_day.mod is None and not _DAY_VALUE.match(last_day.value) and breaks:
                span = None  # (a whole month counts in its own paragraph only: no day or part of it told)
            if span and breaks <= 2 and "\n\n\n" not in text[last_day.end : time.start]:
                days = int(span.group(1)) * (7 if span.group(2) == "W" else 1)
                if not _DAY_VALUE.match(last_day.value):
                    time = _part_of_month_later(text, time, last_day, days)
                    found.append(time)
                    continue
                day = (date.fromisoformat(last_day.value[:10]) + timedelta(days=days)).isoformat()
                end = time.end + len(" later")
                told = times[index + 1] if index + 1 < len(times) else None
                if told is not None and told.start - end <= 8 and told.value == day:
                    found.append(time)  # "two days later, on April 28": the date is told
                    continue
                time = TimeExpr(
                    text[time.start : end], time.start, end, "DATE", day, None, day, day, "day", None
                )
        elif (
            time.type == "DURATION"
            and last_day is not None
            and time.signal == "within"
            and _DAY_VALUE.match(last_day.value)
            and (span := _DAYS_SPAN.fullmatch(time.value))
            and (opening := _WITHIN_OPENS.search(text, max(0, time.start - 24), time.start))
            and not text.startswith(" of ", time.end)
            and text.count("\n", last_day.end, time.start) <= 2
            and clause_tense(text, time.start, time.end) != "future"
        ):
            # "On 21 February, $1.46 billion was stolen. Within 10 days, 20 per cent had vanished": by
            # the span's last day, counted from the day told
            days = int(span.group(1)) * (7 if span.group(2) == "W" else 1)
            first = last_day.value[:10]
            day = (date.fromisoformat(first) + timedelta(days=days)).isoformat()
            start = opening.start("within")
            found.append(
                TimeExpr(
                    text[start : time.end], start, time.end, "DATE", day, None, first, day, "day", "within"
                )
            )
            continue
        elif (
            time.type == "DURATION"
            and last_day is not None
            and text.startswith(" after ", time.end)
            and _CAME_BEFORE.search(text, max(0, time.start - 30), time.start)
        ):
            came_after = _came_after(text, time, last_day, times[index + 1 : index + 2])
            if came_after is not None:
                found.append(came_after)  # (an earlier event: later counts go on from the day told)
                continue
        if time.type in ("DATE", "TIME") and _YEAR_PREFIX.match(time.value):
            last_told = time
        if time.type in ("DATE", "TIME") and _DAY_VALUE.match(time.value):
            last_day = time  # (a day counted later is told too: "a week later" may count from it)
        elif (
            time.type == "DATE"
            and time.precision == "month"
            and (time.mod in _PART_MODS or time.mod is None)
            and time.earliest
            and time.latest
        ):
            # "in early October ... Two weeks later": a part of a month counts too; so does a whole
            # month ("In imagery from January 2024, the roof was open; three weeks later it was closed")
            last_day = time
        found.append(time)
    return found


# "The announcement came two days after Moscow acknowledged ...": what follows "after" happened that
# many days before the day last told (the announcement's).
_CAME_BEFORE = re.compile(r"\b(?:came|comes|come|happened|followed)\s+(?:just\s+|only\s+|barely\s+)?$")
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)|\n")


_PART_MODS = frozenset({"START", "MID", "END"})


def _part_of_month_later(text: str, time: TimeExpr, told: TimeExpr, days: int) -> TimeExpr:
    """ "In early October ... Two weeks later": the told part of the month moved on by the span, as
    the month it starts in (its bounds say which days)."""
    earliest = (date.fromisoformat(told.earliest or "") + timedelta(days=days)).isoformat()
    latest = (date.fromisoformat(told.latest or "") + timedelta(days=days)).isoformat()
    end = time.end + len(" later")
    return TimeExpr(
        text[time.start : end], time.start, end, "DATE", earliest[:7], None, earliest, latest, "month", None
    )


def _months_later(text: str, time: TimeExpr, told: TimeExpr) -> TimeExpr:
    """The month (year) ``time``'s span of months (years) after the one ``told``; the span itself when
    the told date names no month ("last fall ... Five months later")."""
    count, unit = int(time.value[1:-1]), time.value[-1]
    year, month = int(told.value[:4]), told.value[5:7]
    if unit == "Y":
        value = str(year + count)
    elif month.isdigit():
        index = year * 12 + int(month) - 1 + count
        value = f"{index // 12:04d}-{index % 12 + 1:02d}"
    else:
        return time
    end = time.end + len(" later")
    period = period_of(value)
    if period is None:
        return time
    first, last = (day.isoformat() for day in period)
    precision = "year" if unit == "Y" else "month"
    return TimeExpr(
        text[time.start : end], time.start, end, "DATE", value, None, first, last, precision, None
    )


def _in_year_of(told: TimeExpr, later: TimeExpr) -> TimeExpr:
    """``told`` ("November", 2024-11) in the year of ``later`` (2023-11) when it names the same month
    and no year of its own."""
    if (
        later.type != "DATE"
        or later.precision != "month"
        or told.precision != "month"
        or told.value[4:7] != later.value[4:7]
        or told.value[:4] == later.value[:4]
        or _YEAR_PREFIX.search(told.text)
    ):
        return told
    shift = int(later.value[:4]) - int(told.value[:4])
    return dataclasses.replace(
        told,
        value=later.value[:4] + told.value[4:],
        earliest=_years_on(told.earliest, shift),
        latest=_years_on(told.latest, shift),
    )


def _years_on(day: str | None, shift: int) -> str | None:
    return f"{int(day[:4]) + shift:04d}{day[4:]}" if day else None


_MONTHS_SPAN = re.compile(r"P\d{1,2}[MY]")
_YEAR_PREFIX = re.compile(r"\d{4}")


def _came_after(text: str, time: TimeExpr, last_day: TimeExpr, following: list[TimeExpr]) -> TimeExpr | None:
    """The day of the event after "came two days after", unless its sentence tells that day ("came two
    days after Gerasimov said on Saturday")."""
    span = _DAYS_SPAN.fullmatch(time.value)
    if span is None or not _DAY_VALUE.match(last_day.value):
        return None
    days = int(span.group(1)) * (7 if span.group(2) == "W" else 1)
    day = (date.fromisoformat(last_day.value[:10]) - timedelta(days=days)).isoformat()
    stop = _SENTENCE_STOP.search(text, time.end + len(" after "))
    sentence_end = stop.start() if stop else len(text)
    if following and following[0].start < sentence_end and following[0].value[:10] == day:
        return None
    end = time.end + len(" after")
    return TimeExpr(text[time.start : end], time.start, end, "DATE", day, None, day, day, "day", None)


_DAYS_SPAN = re.compile(r"P(\d{1,2})([DW])")
# "Within" opening its sentence (or its line): "Within 10 days, ..." ("within 10 days of the attack"
# counts from what follows; "within two weeks" ending a clause may be a plan's)
_WITHIN_OPENS = re.compile(
    r"(?:^|[.!?]\s+|\n[^\S\n]*)(?P<within>Within)\s+(?:the\s+next\s+|the\s+first\s+)?$"
)


def _stated_reference(date: str) -> Reference | None:
    """The document's own date (front matter, dateline) when it is a full date on its own."""
    parsed = parse_date(date)
    return Reference(parsed.value, parsed.precision, "document") if parsed is not None else None


# A byline ("Published 5:12 AM EST, January 11, 2025", "Friday 7 February 2025", "Jane Doe | June 12,
# 2025 4:37 PM") is a short line among the first ones after the title, holding a full date and few
# other words; the body's first paragraph (a long line) ends the search, a standfirst does not.
_BYLINE_LINES = 6
_BYLINE_MAX_CHARS = 100
_PARAGRAPH_MIN_CHARS = 200
_BYLINE_MAX_OTHER_WORDS = 8
# (anchored at line starts: a blank line is read once, not once per blank in it)
_FILLED_LINE = re.compile(r"^[^\S\n]*+\S[^\n]*", re.MULTILINE)
_DAY_VALUE = re.compile(r"(\d{4}-\d\d-\d\d)(?:T|$)")
_WORD = re.compile(r"[^\W\d_]+")
_BYLINE_WORDS = frozenset(
    # (a magazine's "October 2025 issue | Published September 18, 2025")
    "by and in at on of from the published updated posted last first live updates update min read issue "
    "edition".split()
)


def _byline(content: str, titled: bool, time_starts: list[int]) -> tuple[Reference, tuple[int, int]] | None:
    """The date of a byline line and the line's span, else None. ``time_starts`` are where the first
    time expressions of ``content`` start: a line with none is no byline, and is not read again."""
    if not time_starts:
        return None
    lines = _FILLED_LINE.finditer(content)
    if titled:
        next(lines, None)  # the title: a headline naming a date is no byline
    for index, line in zip(range(_BYLINE_LINES), lines, strict=False):
        text = line.group().strip()
        start, end = line.span()
        if len(text) >= _PARAGRAPH_MIN_CHARS:
            # A long standfirst right under the headline, with no time and no dateline ("After months
            # of silence, North Korea has confirmed ...") may stand above the byline; a body does not.
            if index > 1 or _DATELINE_OPENING.match(text) or any(start <= t < end for t in time_starts):
                return None  # the body has begun
            continue
        if len(text) > _BYLINE_MAX_CHARS or text.endswith((".", "?", "!", '"', "”")):
            continue  # a sentence (a standfirst), not a byline
        if not any(start <= time_start < end for time_start in time_starts):
            continue
        day = _byline_day(text)
        if day is not None:
            # "Published Apr 3 ... / Updated Apr 3 ...": the lines right after, dated the same way,
            # belong to the byline too (the update time is no event either)
            for following in lines:
                if (
                    len(following.group()) > _BYLINE_MAX_CHARS
                    or not any(following.start() <= t < following.end() for t in time_starts)
                    or _byline_day(following.group().strip()) is None
                ):
                    break
                end = following.end()
            return Reference(day, "day", "document"), (start, end)
    return None


def _headline_reference(headline: str, named_years: Callable[[], list[int]]) -> Reference | None:
    """A full date in the headline ("Campaign Assessment, November 5, 2024", "update as of 08:00 on
    14.01.2025"): the issue's date, or the story's, days from it; nearer than a year guessed from the
    text. Not when the text names a later year: then it is a date looked back on ("Remembering June
    25, 1950")."""
    for time in find_times(headline, None):
        day = _DAY_VALUE.match(time.value)
        if day is not None and int(day.group(1)[:4]) >= max(named_years(), default=0):
            return Reference(day.group(1), "day", "document")
    return None


def _byline_day(text: str) -> str | None:
    """The day (YYYY-MM-DD) of a byline-shaped line: a full date and few other words, else None."""
    times = find_times(text, None)
    for index, time in enumerate(times):
        day = _DAY_VALUE.match(time.value)
        if day is None:
            continue
        after = times[index + 1] if index + 1 < len(times) else None
        if (
            after is not None
            and _DASH_JOIN.fullmatch(text, time.end, after.start)
            and _DAY_VALUE.match(after.value)
        ):
            # a weekly summary's "10.03.2025 – 16.03.2025": out after its end
            day = _DAY_VALUE.match(after.value)
        other = text
        for t in times:
            other = other.replace(t.text, " ")
        words = _WORD.findall(other)
        # Names are capitalized; a lower-case word beyond the byline's own ("published", "by",
        # "in") is a sentence or a list item ("- 2024-10-08: troops sent"), not a byline.
        if len(words) <= _BYLINE_MAX_OTHER_WORDS and all(
            word[0].isupper() or word.lower() in _BYLINE_WORDS for word in words
        ):
            return day.group(1)
    return None


_DASH_JOIN = re.compile(r"\s*[-–—]\s*")
# A body's first paragraph opening with a dateline: "SEOUL -", "KYIV, Ukraine (AP) —", "MOSCOW, March 3 -"
_DATELINE_OPENING = re.compile(r"[A-Z][A-Z .'’-]{1,30}\b(?:,[^-–—(]{1,30})?(?:\s*\([^)]{1,30}\))?\s*[-–—]")


def _yearless_reference(
    month_day: str, named_years: Callable[[], list[int]], news_day: int | None
) -> Reference | None:
    """A dateline without its year ("SEOUL, March 27"): the year is the text's latest, unless the
    weekday the story names first ("said Thursday") cannot be the dateline's day or the day before it
    in that year while it is the very day in a year next to it (stories often name only last year's
    events: "this year" and "last year" carry no number)."""
    latest = _inferred_reference(named_years())
    if latest is None:
        return None
    year = int(latest.value)
    parsed = parse_date(f"{month_day} {year}")
    if parsed is None or parsed.precision != "day" or news_day is None:
        return Reference(parsed.value, parsed.precision, "inferred") if parsed else None
    day = date.fromisoformat(parsed.value)
    if (day.isoweekday() - news_day) % 7 > _DATELINE_LAG_DAYS:
        for other in (year + 1, year - 1, year + 2):
            moved = _same_day_in(day, other)
            if moved is not None and moved.isoweekday() == news_day:
                return Reference(moved.isoformat(), "day", "inferred")
    return Reference(parsed.value, parsed.precision, "inferred")  # its year is a guess


# A story filed in Asia names the day before in the West's time ("said Monday" under a Tuesday dateline).
_DATELINE_LAG_DAYS = 1


def _same_day_in(day: date, year: int) -> date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return None


def _weekday_dated(recognized: Recognized, latest: int) -> Reference | None:
    """A day the story names with its weekday and no year ("on Wednesday, Nov. 13", Daily NK's "on
    Tuesday (Jan. 14)") tells the year the latest one named leaves open: the first of that year, the
    one after, the one before or two after in which most such days fall on their weekdays (stories name their
    own year as "this year", with no number). The reference is then the last such day in it, a day the
    story has reached. None when no such day fits."""
    days: list[tuple[int, int, int]] = []  # (month, day, ISO weekday)
    candidates = recognized.candidates
    for index, candidate in enumerate(candidates):
        groups = candidate.groups
        if candidate.rule != "month_day" or groups.get("year"):
            continue
        weekday = groups.get("weekday")
        if not weekday and index and candidates[index - 1].rule == "weekday":
            # "Tuesday (Jan. 14)": the day in brackets right after its weekday
            before = candidates[index - 1]
            between = recognized.text[before.end : candidate.start]
            if between.strip() == "(" and recognized.text.startswith(")", candidate.end):
                weekday = before.groups.get("weekday")
        if weekday and groups.get("month") and groups.get("day"):
            month = table("months").get(groups["month"].lower().rstrip("."))
            iso = table("weekdays").get(weekday.lower().rstrip("."))
            if month and iso and groups["day"].isdigit():
                days.append((month, int(groups["day"]), iso))
    if not days:
        return None
    best: list[date] = []
    for year in (latest, latest + 1, latest - 1, latest + 2, latest - 2):  # (the first of the most fitting)
        fitting = [d for m, day, iso in days if (d := _day_or_none(year, m, day)) and d.isoweekday() == iso]
        if len(fitting) > len(best):
            best = fitting
    return Reference(max(best).isoformat(), "day", "inferred") if best else None


def _years_before_last(text: str) -> list[int]:
    """The reference years that "last year" or "this year" compared with a named year imply: "236
    arrived last year, up from 196 in 2023" tells last year is 2024 at the earliest, so the story is of
    2025 or later (stories name their own year and the one before as "this year" and "last year")."""
    found = []
    for named in _YEAR_WORD.finditer(text):
        which = text[max(0, named.start() - 5) : named.start()].lower()
        if not (
            which.endswith(("last", "this")) and not text[named.start() - 5 : named.start() - 4].isalpha()
        ):
            continue
        # (each "last year" is read with what follows and precedes it: no scan of the whole text)
        compared = _YEAR_COMPARED_AFTER.match(text, named.end()) or _YEAR_COMPARED_BEFORE.search(
            text[max(0, named.start() - 100) : named.start()]
        )
        if compared:
            found.append(int(compared.group("year")) + (2 if which.endswith("last") else 1))
    return found


_YEAR_WORD = re.compile(r" year\b")  # (after "last" or "this": a literal is found fast)
_IN_SENTENCE = r"(?:[^.;\n]|\.(?=\d))"  # (a decimal point, "$1.85 billion", ends no sentence)
# "last year, up from 196 in 2023", "this year, compared with 43 in 2024"
_YEAR_COMPARED_AFTER = re.compile(
    r"(?!['’]s)"
    + _IN_SENTENCE
    + r"{0,60}?\b(?:from|compared\s+(?:with|to)|versus|vs\.|than|against)\s"
    + _IN_SENTENCE
    + r"{0,40}?\b(?:in|during)\s+(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)",
    re.I,
)
# "from 196 in 2023 to 236 last year"
_YEAR_COMPARED_BEFORE = re.compile(
    r"\bfrom\s" + _IN_SENTENCE + r"{0,40}?\bin\s+(?P<year>(?:19|20)\d\d)\s+to\s" + _IN_SENTENCE + r"{0,40}$",
    re.I,
)


def _first_in_years(text: str) -> list[int]:
    """The year a "first ... in six years" counts to, when the text names the time of the one before:
    "his first visit to China in six years" and "his first visit to China since January 2019" tell a
    story of 2025."""
    if " first " not in text or " since " not in text:
        return []
    spans = [number_value(found.group(1)) for found in _FIRST_IN_YEARS.finditer(text)]
    since = [int(found.group(1)) for found in _FIRST_SINCE_YEAR.finditer(text)]
    if not since or not spans:
        return []
    return [min(since) + int(span) for span in spans if span and span == int(span) and 1 < span < 50]


# "his first visit to China in six years", "the first such talks in more than 5 years"
_FIRST_IN_YEARS = re.compile(
    r"\bfirst\b[^.;\n]{0,60}?\bin\s+(?:more\s+than\s+|over\s+)?([a-z]+|\d{1,2})\s+years\b"
)
# "his first visit to China since January 2019", "the first ... since 2019"
_FIRST_SINCE_YEAR = re.compile(r"\bfirst\b[^.;\n]{0,60}?\bsince\s+(?:[A-Z][a-z]+\.?\s+)?((?:19|20)\d\d)\b")


def _day_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _inferred_reference(years: Sequence[int]) -> Reference | None:
    """The latest explicit year the text names (``times.explicit_years``), when nothing better exists."""
    if not years:
        return None
    return Reference(str(max(years)), "year", "inferred")


def _enclosing(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    for span in spans:
        if span[0] <= start and end <= span[1]:
            return span
    for span in spans:
        if span[0] < end and start < span[1]:
            return span
    return (start, end)


# Where a sentence's parts about different things meet: the coordinating breaks of ``clause_spans``, a
# relative clause after a comma ("Kim Se Un, who laundered $1.4 million last year") and a trailing
# "including ..." ("imposed restrictive measures on 9 individuals, including the supply of missiles").
_TOPIC_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas|although|though|after|before|when|where|who|whom|whose|which"
    r"|including|of\s+whom|of\s+which|among\s+them|accusing|alleging|citing)\b"
    r"|\s(?:while\s|—\s|--\s|–\s|(?:suspected|accused)\s+of\s|(?:after|before)\s+(?:the|a|an|its|their)\s"
    r"|for\s+(?:allegedly|supplying|providing|helping|shipping|selling|procuring|financing|facilitating"
    r"|(?:its|their|his|her)\s+role)\s)"
)  # (a dash or "while" after one blank: "\s+" before an alternative is tried at every blank, 4x slower)
# (the grounds a measure gives do not say what it is: "blacklisted six vessels suspected of carrying
# munitions" and "added nine officials to its sanctions list, accusing them of shipping missiles" are
# sanctions)


def _topic_parts(text: str, start: int, end: int) -> list[Span]:
    parts: list[Span] = []
    cursor = start
    for match in _TOPIC_BREAK.finditer(text, start, end):
        at = match.start()
        if at > cursor:
            parts.append((cursor, at))
        cursor = at + 1 if text[at] == "," else at
    if end > cursor:
        parts.append((cursor, end))
    return parts


class _Sentences:
    """The article's sentences, with lookups by offset (bisect: articles have hundreds of sentences,
    dozens of times and figures) and each sentence's datable times and clauses computed once."""

    def __init__(
        self, text: str, spans: list[tuple[int, int]], times: Sequence[TimeExpr], reported: str | None = None
    ) -> None:
        self.text = text
        self.reported = reported  # the reference date's last day: what goes on "since" is known until then
        self.spans = spans
        self._starts = [span[0] for span in spans]
        self.datable = [t for t in times if t.type in _DATABLE_TYPES and t.value not in _VAGUE_VALUES]
        self._datable_starts = [t.start for t in self.datable]
        self._clauses: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._topic_clauses: dict[int, list[Span]] = {}  # a sentence's start -> its _topic_parts
        self.times = list(times)
        self._time_starts = [t.start for t in self.times]
        self._in_order = self._time_starts == sorted(self._time_starts)
        # An event and the figures dated by the same time ask for its interval: compute it once.
        self._anchors: dict[int, tuple[str | None, str | None, str | None]] = {}
        self.made: dict[int, TimeExpr] = {}  # (figures) the spans the pipeline dated, see _MADE_AS_OF
        self.now_words: dict[int, bool] = {}  # (figures) a sentence's start -> whether _NOW_WORDS occur

    def enclosing(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding [start, end), else the first one overlapping it, else the span itself."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and end <= self.spans[i][1]:
            return self.spans[i]
        # Straddling a sentence break (rare): the first sentence that overlaps the span.
        i = max(i, 0)
        while i > 0 and self.spans[i - 1][1] > start:
            i -= 1
        while i < len(self.spans) and self.spans[i][1] <= start:
            i += 1
        if i < len(self.spans) and self.spans[i][0] < end:
            return self.spans[i]
        return (start, end)

    def datable_in(self, start: int, end: int) -> list[TimeExpr]:
        """Datable times that start inside [start, end)."""
        lo = bisect.bisect_left(self._datable_starts, start)
        hi = bisect.bisect_left(self._datable_starts, end)
        return self.datable[lo:hi]

    def dated_before(self, pos: int) -> TimeExpr | None:
        """The datable time told last before ``pos`` when it is a date in a known year with an end,
        in ``pos``'s sentence or the one or two before ("by then", "over the following months")."""
        index = bisect.bisect_left(self._datable_starts, pos) - 1
        told = self.datable[index] if index >= 0 else None
        if (
            told is None
            or told.type != "DATE"
            or not _YEAR_PREFIX.match(told.value)
            or told.latest is None
            or len(_SENTENCE_END.findall(self.text, told.end, pos)) > 2
        ):
            return None
        return told

    def times_in(self, start: int, end: int) -> list[TimeExpr]:
        """The times that start inside [start, end), in text order."""
        if not self._in_order:
            return [t for t in self.times if start <= t.start < end]
        starts = self._time_starts
        return self.times[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def times_from(self, pos: int) -> Iterator[TimeExpr]:
        """The times in text order from the first that starts at or after ``pos`` (all of them when they
        are not in text order), for loops that stop at a limit: on a long text they stay local."""
        times = self.times
        first = bisect.bisect_left(self._time_starts, pos) if self._in_order else 0
        return (times[k] for k in range(first, len(times)))

    def several_datable_in(self, start: int, end: int) -> bool:
        """Whether more than one datable time starts inside [start, end)."""
        starts = self._datable_starts
        return bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start) > 1

    def topic_clause(self, start: int, end: int, at: int, at_end: int) -> Span | None:
        """The part of the sentence [start, end) that holds [at, at_end) when the sentence has several
        (``_TOPIC_BREAK``): what an event or a figure in it is about comes from its own clause first
        ("Russia lost 1,830 personnel on Tuesday, while North Korea sent more artillery units"). None
        when the sentence is one clause."""
        found = self._topic_clauses.get(start)
        if found is None:
            found = self._topic_clauses[start] = _topic_parts(self.text, start, end)
        if len(found) < 2:
            return None
        return _enclosing(found, at, at_end)

    def before(self, start: int) -> Span | None:
        """The sentence before the one starting at ``start`` when the same line (paragraph) holds it."""
        i = bisect.bisect_left(self._starts, start) - 1
        if i < 0 or i + 1 >= len(self.spans) or self.spans[i + 1][0] != start:
            return None
        previous = self.spans[i]
        if "\n" in self.text[previous[1] : start]:
            return None
        return previous

    def clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        found = self._clauses.get((start, end))
        if found is None:
            found = self._clauses[(start, end)] = clause_spans(self.text, start, end)
        return found

    def anchored(self, time: TimeExpr, found: tuple[str | None, str | None, str | None]) -> None:
        """Set the interval of a time made by the pipeline (a forecast's "within three months")."""
        self._anchors[id(time)] = found

    def anchor(self, time: TimeExpr) -> tuple[str | None, str | None, str | None]:
        """``anchor_interval`` of one of the article's times (each time object lives as long as this)."""
        found = self._anchors.get(id(time))
        if found is None:
            found = anchor_interval(time, self.text, self.times)
            earliest, latest, mod = found
            reported = self.reported
            if reported and time.text.endswith("ago") and (bound := ago_bound(time, reported)):
                found = bound  # "more than a year ago": on or before that day
            since = time.signal in SINCE_SIGNALS
            if since and latest is None and earliest and reported and earliest <= reported:
                # "has shipped 20,000 containers since August 2023": true from then until the report,
                # which is all the article can know (ACLED/UCDP: nothing is known after the report)
                found = (earliest, reported, mod)
            self._anchors[id(time)] = found
        return found


def _trailing_times(text: str, times: list[TimeExpr], reference: Reference | None) -> list[TimeExpr]:
    """ "twice in the past 18 months", "over the last two weeks": a span that ends on the report's day
    dates what happened in it, an event of its own (the times engine keeps it a DURATION, as TimeML
    does; a figure reads it as an as-of span, see ``_trailing_span``)."""
    if reference is None or reference.precision != "day":
        return []
    found = []
    said: TimeExpr | None = None  # the last day told (a statement's date: "said in its Dec. 15 report")
    for at, time in enumerate(times):
        if (
            time.type == "DURATION"
            and time.signal in _TRAILING_SIGNALS
            and _TRAILING.match(time.text)
            and not text.startswith(" of ", time.end)  # "the last two years of the war"
        ):
            last = reference.value
            if (
                said is not None
                and said.value[:10] < last
                and _THAT_BETWEEN.fullmatch(text, said.end, time.start)
                and _SAID_BEFORE.search(text, max(0, said.start - 40), said.start)
            ):
                last = said.value[:10]  # "said in its Dec. 15 report that over the past two days"
            elif (told := _said_after(text, times, at)) is not None and told.value[:10] < last:
                last = told.value[:10]  # "... in the past three days, the minister told reporters on Tuesday"
            hours = _HOURS.fullmatch(time.value)
            span = f"P{-(-int(hours.group(1)) // 24)}D" if hours else time.value  # ("the past 24 hours")
            first = span_start(date.fromisoformat(last), span)
            if first is None:
                continue
            precision = _SPAN_PRECISION[span[-1]]
            value = first.isoformat()[: _PRECISION_WIDTH[precision]]
            found.append(
                TimeExpr(
                    time.text, time.start, time.end, "DATE", value, None, first.isoformat(), last,
                    precision, time.signal,
                )
            )  # fmt: skip
        elif time.type == "DATE" and time.precision == "day" and _DAY_VALUE.match(time.value):
            said = time
    return found


# A statement's date and the clause it reports, in one sentence: "said on December 16 that in the past
# week", "said in its Dec. 15 report that over the past two days".
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|stated|reported|announced|claimed|noted|wrote|told\s+[\w ]{1,30}?)\b[^.!?\n]{0,25}$"
)
_THAT_BETWEEN = re.compile(r"[^.!?\n]{0,40}\bthat\b[^.!?\n]{0,40}")
# The attribution after the clause: "in the past three days, Ukraine's energy minister told reporters on"
_ATTRIBUTION_BETWEEN = re.compile(r"[^.!?\n]{0,60}?[,”\"][^.!?\n]{0,80}")


def _said_after(text: str, times: Sequence[TimeExpr], at: int) -> TimeExpr | None:
    """The day of the statement a span is reported in when the attribution follows it in its sentence
    ("fired 400 drones in the past three days, the minister told reporters on Tuesday"), else None."""
    for later in times[at + 1 : at + 3]:
        if later.type == "DATE" and later.precision == "day" and _DAY_VALUE.match(later.value):
            if _ATTRIBUTION_BETWEEN.fullmatch(text, times[at].end, later.start) and _SAID_BEFORE.search(
                text, max(times[at].end, later.start - 40), later.start
            ):
                return later
            return None
    return None


def _counted_from_start(text: str, sentences: _Sentences) -> list[TimeExpr]:
    """ "North Korea sent 11,000 troops in the fall of 2024. ... half of them in the first three months
    of fighting": the first months of something count from the start told just before (a sentence
    of the same or the paragraph before whose verb starts something), not from January; with no such
    start told, nothing is dated (the span stays a DURATION)."""
    found: list[TimeExpr] = []
    for time in sentences.times:
        if (
            time.type != "DURATION"
            or not text.startswith(" of ", time.end)
            or (first := _FIRST_SPAN.fullmatch(time.text)) is None
            or not text[time.end + 4 : time.end + 5].islower()  # "of fighting", not "of 2025"
        ):
            continue
        start = _told_start(text, sentences, time.start)
        if start is None:
            continue
        earliest, latest, mod = sentences.anchor(start)  # (a range told: "in October and November")
        if mod != start.mod:  # ("since December", "by early November": the date itself)
            earliest, latest = start.earliest, start.latest
        if earliest is None or latest is None:
            continue
        # (a start told as a season or a month: the span ends that many units after its last day)
        last = span_end(date.fromisoformat(latest) + timedelta(days=1), time.value)
        if last is None or (sentences.reported and earliest > sentences.reported):
            continue
        precision = "day" if first.group(1).lower().startswith(("day", "week")) else "month"
        value = earliest[: _PRECISION_WIDTH[precision]]
        found.append(
            TimeExpr(
                time.text, time.start, time.end, "DATE", value, None, earliest, last.isoformat(),
                precision, time.signal,
            )
        )  # fmt: skip
    return found


def _forecast_spans(text: str, sentences: _Sentences) -> list[TimeExpr]:
    """ "A rotation was expected within two to three months", "could arrive within weeks": a forecast
    of something by the end of a span counted from the report's day (on or before that day). A span
    "within" that counts from something else ("within four months of the invasion") or told of the
    past ("ordered workers home within 24 months") is left a DURATION."""
    reported = sentences.reported
    if reported is None or len(reported) != 10:
        return []
    found: list[TimeExpr] = []
    week_before = (date.fromisoformat(reported) - timedelta(days=7)).isoformat()
    for time in sentences.times:
        if time.type != "DURATION":
            continue
        start, end = sentences.enclosing(time.start, time.end)
        if time.signal in ("within", "to", "or", None):
            within = _WITHIN_BEFORE.search(text, max(start, time.start - _WITHIN_REACH), time.start)
        elif time.signal in ("in", "over", "during") and _COMING.match(time.text):
            within = _COMING_BEFORE.search(text, max(start, time.start - _WITHIN_REACH), time.start)
        else:
            continue
        if within is None or _COUNTED_FROM.match(text, time.end):
            continue
        if (
            clause_tense(text, time.start, time.end) != "future"
            and not _FORECAST.search(text, start, within.start())
            and not (within.start() == start and _FORECAST.search(text, time.end, end))
        ):
            continue  # (a forecast's word before the span, or after it when the span opens the sentence)
        if any(
            (told.latest or reported) < week_before and _FORETOLD.search(text, told.end, within.start())
            for told in sentences.datable_in(start, time.start)
        ):
            continue  # "In 2023 Kim said the plant would open within a year": counted from then, not now
        span = _VAGUE_SPANS.get(time.value, time.value)
        last = span_end(date.fromisoformat(reported), span)
        if last is None:
            continue
        precision = "day" if span[-1] in "DW" else "month"
        day = last.isoformat()
        forecast = TimeExpr(
            text[within.start() : time.end], within.start(), time.end, "DATE",
            day[: _PRECISION_WIDTH[precision]], None, reported, day, precision, "within",
        )  # fmt: skip
        sentences.anchored(forecast, (reported, day, "ON_OR_BEFORE"))
        found.append(forecast)
    return found


_WITHIN_REACH = 30
_WITHIN_BEFORE = re.compile(r"\bwithin\s+(?:[\w-]+\s+(?:to|or)\s+|[\w-]+\s*[-–]\s*)?$", re.IGNORECASE)
# "in the coming weeks", "over the next two years": a span from the report's day on, as "within"
_COMING_BEFORE = re.compile(r"\b(?:in|over|during)\s+$", re.IGNORECASE)
_COUNTED_FROM = re.compile(r"\s+(?:of|after|from|since|before)\b")
# Modals and words of a forecast before "within": "could arrive within", "was expected within"
_FORECAST = re.compile(
    r"\b(?:will|would|could|may|might|can|expect(?:s|ed|ing)?|likely|due|set\s+to|poised|preparing\s+to|plans?\s+to"
    r"|planning\s+to|aims?\s+to|intends?\s+to|forecast|predicted|projected)\b"  # (not "in May")
)
_FORETOLD = re.compile(r"\b(?:said|told|announced|predicted|promised|pledged|vowed|warned|forecast)\b")
# How far a span with no count reaches: "within days" (two weeks), "within weeks" (two months),
# "within months" (a year)
_VAGUE_SPANS = {"PXD": "P14D", "PXW": "P2M", "PXM": "P1Y"}


def _spans_before(text: str, sentences: _Sentences, word: str) -> Iterator[tuple[TimeExpr, int, int, int]]:
    """Each span of whole months told right before ``word`` ("two and a half years after", "18 months
    since"): the span, its months and its sentence's bounds."""
    for time in sentences.times:
        if time.type != "DURATION" or not text.startswith(word, time.end):
            continue
        months = _span_months(time.value)
        if months:
            yield (time, months, *sentences.enclosing(time.start, time.end))


def _after_told(text: str, sentences: _Sentences) -> list[TimeExpr]:
    """ "In the summer of 2023 North Korea started shipping shells ... Two and a half years after North
    Korea started shipping shells, the team said ...": a span "after" something the text dated before
    (found by its verb and the word after it) dates its sentence, when the sentence tells no date of
    its own; with the start undated, nothing."""
    found: list[TimeExpr] = []
    for time, months, start, end in _spans_before(text, sentences, " after "):
        lead = text[start : time.start].strip()
        if (lead and not lead.endswith(",")) or sentences.datable_in(start, end):
            continue
        verb = _DONE.match(text, time.end + len(" after "))
        told = _dated_before(text, sentences, verb.group(1), start) if verb else None
        if told is None or told.earliest is None or told.latest is None:
            continue
        first = span_end(date.fromisoformat(told.earliest), f"P{months}M")
        last = span_end(date.fromisoformat(told.latest) + timedelta(days=1), f"P{months}M")
        if first is None or last is None:
            continue
        first += timedelta(days=1)  # (the day the span after the start's first day ends on)
        after = TimeExpr(
            time.text, time.start, time.end, "DATE", first.isoformat()[:7], None, first.isoformat(),
            last.isoformat(), "month", None,
        )  # fmt: skip
        found.append(after)
    return found


def _span_since(text: str, sentences: _Sentences) -> list[TimeExpr]:
    """ "It has been 18 months since Pyongyang began shipping shells", "almost ten months since the
    first soldiers were spotted": what "since" names came that long before the report's day, which
    dates its sentence (to the month) when the sentence tells no date of its own and "since" names
    none ("18 months since March 2024" is March's) nor looks ahead ("it will be a year since")."""
    reported = sentences.reported
    if reported is None or len(reported) != 10:
        return []
    found: list[TimeExpr] = []
    for time, months, start, end in _spans_before(text, sentences, " since "):
        if sentences.datable_in(start, end) or clause_tense(text, time.start, time.end) == "future":
            continue
        first = span_start(date.fromisoformat(reported), f"P{months}M")
        if first is None:
            continue
        month = first.isoformat()[:7]
        earliest, latest = period_of(month)  # type: ignore[misc]  # (a month always has its days)
        since = TimeExpr(
            time.text, time.start, time.end, "DATE", month, None, earliest.isoformat(),
            latest.isoformat(), "month", None,
        )  # fmt: skip
        if time.mod in _MORE_MODS:
            # "a little over a year since the last test" (reported 2026-03-12): on or before 2025-03-12
            sentences.anchored(since, (None, (first - timedelta(days=1)).isoformat(), "ON_OR_BEFORE"))
        found.append(since)
    return found


_MORE_MODS = frozenset({"MORE_THAN", "EQUAL_OR_MORE"})


def _by_then(text: str, sentences: _Sentences) -> list[TimeExpr]:
    """ "The North test-fired a new missile in late October. By then, it had conducted a dozen cruise
    missile tests": "by then" ("by that time", "by that point") closes what it tells at the end of the
    time told last, in its sentence or the one or two before (within the paragraph or the one before);
    "since then" ("since that time") opens it at that time's start."""
    found: list[TimeExpr] = []
    for then in _BY_THEN.finditer(text):
        told = sentences.dated_before(then.start())
        if told is None or text.count("\n\n", told.end, then.start()) > 1:
            continue
        since = then.group(1) is None
        time = TimeExpr(
            then.group(), then.start(), then.end(), "DATE", told.value, told.mod, told.earliest, told.latest,
            told.precision, "since" if since else "by",
        )  # fmt: skip
        if since:
            # "Pyongyang confirmed the deployment in April 2025. Since then, state media have run a dozen
            # reports": on or after that time, up to the report
            sentences.anchored(time, (told.earliest, sentences.reported or told.latest, "ON_OR_AFTER"))
        else:
            sentences.anchored(time, (None, told.latest, "ON_OR_BEFORE"))
        found.append(time)
    return found


def _following_spans(text: str, sentences: _Sentences) -> list[TimeExpr]:
    """ "Kim travelled to Russia in September 2023. Over the following eight months, Pyongyang shipped
    millions of shells": a span "the following"/"the next" told of the past runs from the end of the
    time told last (in its sentence or the one or two before) on (a forecast's "over the next two
    years" counts from the report's day, see ``_forecast_spans``)."""
    found: list[TimeExpr] = []
    for time in sentences.times:
        if (
            time.type != "DURATION"
            or time.signal not in _TRAILING_SIGNALS
            or not _FOLLOWING.match(time.text)
            or _COUNTED_FROM.match(text, time.end)
            or clause_tense(text, time.start, time.end) == "future"
            or _FORECAST.search(text, sentences.enclosing(time.start, time.end)[0], time.start)
        ):
            continue
        told = sentences.dated_before(time.start)
        if told is None:
            continue
        first = date.fromisoformat(told.latest) + timedelta(days=1)
        last = span_end(first, time.value)
        if last is None:
            continue
        precision = "day" if time.value[-1] in "DW" else "month"
        value = first.isoformat()[: _PRECISION_WIDTH[precision]]
        span = TimeExpr(
            time.text, time.start, time.end, "DATE", value, None, first.isoformat(), last.isoformat(),
            precision, time.signal,
        )  # fmt: skip
        sentences.anchored(span, (first.isoformat(), last.isoformat(), None))
        found.append(span)
    return found


# The spans made by the pipeline that date a figure in their sentence: a forecast's "within", "since
# then", "over the following eight months" (their signals).
_MADE_AS_OF = frozenset({"within", "since", "over", "during", "throughout"})
_FOLLOWING = re.compile(r"the\s+(?:following|next|subsequent|ensuing)\s", re.IGNORECASE)
_BY_THEN = re.compile(r"\b(?:([Bb]y)|[Ss]ince)\s+(?:then|that\s+(?:time|point))\b")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s")


# The clause after "after": its subject (a few words) and its verb with the word after it ("North Korea
# started shipping", "Russia invaded Ukraine").
_DONE = re.compile(r"(?:[\w'’-]+\s+){0,4}?(\w+ed\s+\w+)\b")
_SPAN_PARTS = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?")


def _span_months(value: str) -> int:
    """The whole months of a span of years and months ("P2Y6M": 30); 0 for any other."""
    parts = _SPAN_PARTS.fullmatch(value)
    return 12 * int(parts.group(1) or 0) + int(parts.group(2) or 0) if parts else 0


def _dated_before(text: str, sentences: _Sentences, words: str, before: int) -> TimeExpr | None:
    """The date of the sentence before ``before`` that tells ``words`` (the last time ahead of them in
    it, else its first)."""
    at = text.rfind(words, 0, before)
    if at < 0:
        return None
    start, end = sentences.enclosing(at, at + len(words))
    told = [t for t in sentences.datable_in(start, end) if _YEAR_PREFIX.match(t.value)]
    ahead = [t for t in told if t.end <= at]
    return ahead[-1] if ahead else (told[0] if told else None)


# Verbs that start what "the first months of" it count from (the war, the deployment, the fighting).
_STARTS = ("began", "begun", "started", "broke out", "erupted", "launched", "invaded", "entered", "crossed",
           "sent", "deployed", "dispatched", "arrived", "moved")  # fmt: skip
_START_VERB = re.compile(r"\b(?:" + "|".join(_STARTS) + r")\b")
_FIRST_SPAN = re.compile(r"the\s+(?:first|initial|opening)\s+(?:[\w-]+\s+)?(days|weeks|months|years)", re.I)
_START_REACH = 2  # sentences back (within its paragraph or the one before) where the start is told


def _told_start(text: str, sentences: _Sentences, pos: int) -> TimeExpr | None:
    """The first date told in the last sentence before ``pos`` whose verb starts something, at most
    ``_START_REACH`` sentences back and one paragraph break away."""
    index = bisect.bisect_right(sentences._starts, pos) - 1
    for back in range(index, max(-1, index - _START_REACH - 1), -1):
        start, end = sentences.spans[back]
        if text.count("\n\n", start, pos) > 1:
            return None
        told = [t for t in sentences.datable_in(start, min(end, pos)) if _YEAR_PREFIX.match(t.value)]
        verb = _START_VERB.search(text, start, min(end, pos)) if told else None
        if verb is not None:
            # the first date after its verb ("deployed troops in October and November last year",
            # "arrived in October 2024 and was moved to Kursk by early November"), else the last before
            # it ("In the summer of 2023, the North started shipping")
            after = [t for t in told if t.start >= verb.end()]
            return after[0] if after else told[-1]
        if back == index and any(t.signal not in _BOUNDING for t in told):
            # "heaviest in December 2024 and January 2025, during the first two months of combat": its
            # own sentence dates it ("by last summer, about half of them in the first three months"
            # only bounds it)
            return None
    return None


_BOUNDING = frozenset({"by", "until", "till", "through", "since", "before", "after", "up to"})


_TRAILING_SIGNALS = frozenset({"in", "over", "during", "within", "for", "throughout"})
_SPAN_PRECISION = {"Y": "year", "M": "month", "W": "day", "D": "day"}
_PRECISION_WIDTH = {"year": 4, "month": 7, "day": 10}


def _events(
    text: str,
    sentences: _Sentences,
    topics: Classifier,
    outside: Sequence[tuple[int, int]] = (),
    trailing: Sequence[TimeExpr] = (),
) -> list[Event]:
    """One event per DATE expression (and per span ``trailing`` the report's day): its sentence, or its
    clause when the sentence has several. Times inside ``outside`` (the headline, the byline, the
    dateline) make no event."""
    events: list[Event] = []
    headings: list[tuple[TimeExpr, int]] = []  # a day's heading ("MONDAY" in a week's review), its end
    entries: list[tuple[TimeExpr, int]] = []  # a live blog's entry stamp ("14:36", "17.58 GMT"), its end
    titles: list[tuple[int, int]] = []  # the title lines of those entries ("Overnight drone attack")
    last_told: tuple[int, str, str | None, str | None, str | None] | None = None
    last_text = ""
    uncut: str | None = None  # the last event's latest before _so_far cut it
    datable = heapq.merge(sentences.datable, trailing, key=_EVENT_START) if trailing else sentences.datable
    for time in datable:
        if any(start <= time.start < end for start, end in outside):
            continue
        if titles and any(start <= time.start < end for start, end in titles):
            continue  # an entry's title ("09.12 GMT / Overnight drone attack on Kharkiv") restates it
        start, end = sentences.enclosing(time.start, time.end)
        if _bare_date(text, start, end, time, sentences):
            # a line that is only a date ("2024" heading a chronology's section) or a live blog's
            # time stamp ("8:41 a.m. ET, November 5, 2024") tells nothing
            if time.precision == "day" and _DAY_HEADING.fullmatch(text, start, end):
                headings.append((time, end))
            elif time.precision == "time" and _DAY_VALUE.match(time.value):
                # (a live blog's entry stamp: it dates its entry's first sentence, if undated)
                title = _entry_title(text, end)
                if title is not None:
                    titles.append(title)
                entries.append((time, title[1] if title else end))
            continue
        if _stamp_line(text, time.start):
            continue  # "Last Reviewed: October 2025", "Last edited 9:14 PM · Apr 8, 2025": the page's
        if text[start : start + 1] in _NOTE_LEADS and _page_note(text, start, time):
            continue  # "Correction, 10:05 GMT: An earlier version of this post said ...", a credit
        if _untold(text, start, time, sentences.reported):
            continue  # a birth year, a counterfactual, a condition: nothing that happened then
        if _war_name(text, time) and not _opens_with_the_war(text, start, time.start):
            # "since the 1950-53 war", "Victory in the Great Patriotic War of 1941-1945": a war named
            # in passing ("The Korean War of 1950-1953 ended in a truce" tells of the war itself)
            continue
        if _since_baseline(text, time, start):
            if not _WHEN_OPENS.match(text, time.end) and not _REPEATED_BEFORE.search(
                text, max(start, time.start - _BASELINE_REACH), time.start
            ):
                continue  # "its fastest rate since 2016": a baseline compared with, nothing that happened
            # "for the first time since 2020, when the North sealed its borders": the clause the
            # baseline opens tells what happened then (a date of its own, not a start); so does "her
            # first trip there since November 2024" (the trip before)
            time = dataclasses.replace(time, signal=None)
        if text.startswith("[", start) and _NOTE_MARK.match(text, start):
            continue  # a note ("[2] Interview, Kyiv, 14 May 2025.") dates the source it cites
        if end - start <= _HEADING_MAX_CHARS and text[start:end].isupper() and "\n" not in text[start:end]:
            continue  # a section heading in capitals ("ALSO THIS WEEK") names no event
        if _year_heading(text, start, end):
            continue  # "2023: The turn" over a paragraph: the section's title, its events below
        if end - start <= _SIGN_OFF_MAX_CHARS and _SIGN_OFF.match(text, start):
            continue  # a newsletter's sign-off ("That's all for this week. See you next Friday.")
        sentence_start = start
        if sentences.several_datable_in(start, end):
            clause = _enclosing(sentences.clauses(start, end), time.start, time.end)
            # A clause holding only the date says nothing: keep the sentence then.
            if len(text[clause[0] : clause[1]]) - len(time.text) > 12:
                start, end = clause
        earliest, latest, mod = sentences.anchor(time)
        told = (sentence_start, time.value, earliest, latest, mod)
        if told == last_told and not _SAME_AGAIN.match(time.text) and time.text != last_text:
            # "on Tuesday – today, that is", "Seollal, the Lunar New Year": one day told twice in two
            # ways ("the same month" dates another event: "Russia ratified it in November and the DPRK
            # the same month"; so may the same words again: "It began on 3 May and 3 May was a Friday")
            continue
        last_told, last_text = told, time.text
        so_far = _so_far(text, time, earliest, latest, mod, sentences.reported, sentence_start)
        first = events[-1] if events else None
        if first is not None and uncut is not None:
            first = dataclasses.replace(first, latest=uncut)  # (a range's start is matched uncut)
        if events and first is not None and _range_end(text, first, time, earliest, latest, mod):
            # "between September 2023 and March 2025": one event over the range, not one per end
            first = events[-1]
            events[-1] = Event(
                first.when,
                first.mod,
                first.relation,
                first.earliest,
                first.latest,
                first.precision,
                first.sort_date,
                text[first.time_start : time.end],  # time_text
                first.time_start,
                time.end,
                text[min(first.start, start) : max(first.end, end)],
                min(first.start, start),
                max(first.end, end),
                first.topic,
            )
            continue
        uncut = latest if so_far else None
        latest = so_far or latest
        # (positional, in the field order of Event: matching 14 keywords by name cost more than the
        # rest of the call)
        events.append(
            Event(
                time.value,  # when
                time.mod,  # mod
                mod if mod != time.mod else None,  # relation
                earliest,
                latest,
                time.precision,  # precision
                time.earliest or time.latest,  # sort_date
                time.text,  # time_text
                time.start,  # time_start
                time.end,  # time_end
                text[start:end],  # text
                start,
                end,
                _event_topic(text, sentences, topics, sentence_start, time, (start, end)),  # topic
            )
        )
    if entries:
        stamped = [
            event for stamp, end in entries if (event := _entry_event(text, stamp, end, sentences, topics))
        ]
        events = sorted(events + stamped, key=_EVENT_START)
    if headings:
        ahead = _headings_ahead(text, headings)
        headed = [
            event
            for heading, end in headings
            for event in _headed_events(
                text,
                _next_such_day(heading, sentences.reported) if ahead else heading,
                end,
                sentences,
                topics,
            )
        ]
        events = sorted(events + headed, key=_EVENT_START)  # (stable: a sentence's order stays)
    return events


def _event_topic(
    text: str, sentences: _Sentences, topics: Classifier, sentence_start: int, time: TimeExpr, span: Span
) -> str:
    """An event's topic: its time's clause's, else its text's, else (a sentence with no topic word that
    goes on from the one before: "The shipments peaked in the fall of 2024.") the sentence before's."""
    sentence = sentences.enclosing(time.start, time.end)
    clause = sentences.topic_clause(sentence[0], sentence[1], time.start, time.end)
    if (
        clause is not None
        and clause[1] == time.end
        and time.signal not in SINCE_SIGNALS
        and (when := _WHEN_TOLD.match(text, time.end))
    ):
        # "a rifleman until January, when Ukrainian special forces captured him": the clause after
        # the date tells what happened then (not after a since-time: "sanctions have been weakening
        # since 2022, when Russia and China vetoed a resolution" tells of the state since)
        told = topics.find(sentences.topic_clause(sentence[0], sentence[1], when.end(), when.end() + 1))
        if told is not None and told != FALLBACK:
            return told
    if _RELATIVE_AFTER.match(text, time.end) and not _REPORTING_VERB.search(text, sentence[0], time.start):
        # "signed a treaty in June that allows troops to be deployed": what follows the date tells
        # what the thing done then is, not what was done (diplomacy)
        own = (clause or sentence)[0], time.start
        told = topics.find(own)
        if told is not None and told != FALLBACK:
            return told
    topic = topics.find(clause)
    if topic is None or topic == FALLBACK:  # (a clause about nothing in particular says nothing)
        topic = topics.classify(span)
    if topic == "deployment":
        # men named as those whom capture or death befell: "a soldier sent to Kursk was taken prisoner
        # on January 11", "troops deployed near Sudzha were killed in late January"
        own = clause or span
        befell = _BEFELL.search(text, own[0], own[1])
        if befell is not None:
            told = "casualties" if befell.group(1) else "prisoners"
            if topics.has_topic(told):
                return told
    if topic == FALLBACK and topics.find(span) is None:
        # a clause about nothing in particular gives way to its sentence ("The Duma ratified the treaty
        # on October 24, and the Federation Council approved it on November 6": diplomacy)
        if span[0] > sentence[0] or span[1] < sentence[1]:
            told = topics.find(sentence)
            if told is not None and told != FALLBACK:
                return told
        return _topic_told_before(text, sentences, topics, sentence_start)
    return topic


_WHEN_TOLD = re.compile(r",\s+when\b")
_RELATIVE_AFTER = re.compile(r"[^\S\n]+(?:that|which)[^\S\n]+")
# (not what is said then: "Seoul said in June that troops had been deployed")
_REPORTING_VERB = re.compile(
    r"\b(?:said|says|told|tells|reported|announced|estimated|warned|claimed|stated|revealed|confirmed"
    r"|added|noted|believed|assessed|disclosed)\b"
)
# Capture or death told of men (group 1: death)
_BEFELL = re.compile(
    r"\b(?:was|were|been|being)\s+(?:(killed|wounded)|captured|taken\s+prisoner)\b"
    r"|\b(?:taken|became)\s+prisoners?\b|\bprisoners\s+of\s+war\b"
)

# A sentence that names again what the one before told of: a pronoun or a definite noun as its subject
# ("They slowed sharply", "The measures were renewed", "A week later it docked at Dunai"); not a
# person's pronoun, which goes on to whatever befell the person ("He was arrested at his home").
_REFERS_BACK = re.compile(
    r"(?:(?:They|It|Its|Their)\b|(?:The|These|Those|This|Such)\s+[a-z]"
    r"|[A-Z][a-z]*(?:\s+[a-z]+){1,3},?\s+(?:it|they)\s)"
)
_TOLD_BEFORE_SENTENCES = 3  # how far back a chain of such sentences is followed


def _topic_told_before(text: str, sentences: _Sentences, topics: Classifier, start: int) -> str:
    """The topic of the sentence before, in the same paragraph, when the one at ``start`` goes on
    from it (``_REFERS_BACK``) and has none of its own; else FALLBACK."""
    for _ in range(_TOLD_BEFORE_SENTENCES):
        if not _REFERS_BACK.match(text, start):
            break
        previous = sentences.before(start)
        if previous is None:
            break
        topic = topics.find(previous)
        if topic is not None:
            return topic
        start = previous[0]
    return FALLBACK


def _so_far(
    text: str,
    time: TimeExpr,
    earliest: str | None,
    latest: str | None,
    mod: str | None,
    reported: str | None,
    sentence_start: int,
) -> str | None:
    """The report's day when ``time``'s interval holds it and its clause tells of the past: "has lost
    2,000 more troops this year" (an August report) is what happened so far this year, from its start
    to the report, not until December. Else None."""
    if (
        reported
        and earliest
        and latest
        and earliest <= reported < latest
        and mod is None
        and (
            # "so far this year", "So far this year,", "this year so far", "this year to date"
            text[max(0, time.start - 12) : time.start].lower().endswith(_SO_FAR_CUES)
            or text.startswith(_SO_FAR_AFTER, time.end)
            or clause_tense(text, time.start, time.end) in _PAST_TENSES
        )
        and not _PROSPECT.search(text, max(sentence_start, time.start - _PROSPECT_REACH), time.start)
    ):
        return reported
    return None


_PAST_TENSES = ("past", "past perfect")
_SO_FAR_CUES = ("so far ", "thus far ", "so far in ", "to date in ")
_SO_FAR_AFTER = (" so far", " to date", " thus far")
# "said the budget was likely to end the year with a deficit": a prospect told in the past tense
_PROSPECT = re.compile(r"\b(?:likely|unlikely|expected|set|due|poised|forecast|projected|on\s+track)\s+to\b")
_PROSPECT_REACH = 60


def _entry_title(text: str, end: int) -> tuple[int, int] | None:
    """The span of an entry's title: the line after its stamp when it ends no sentence."""
    line = _FILLED_LINE.search(text, end)
    if line is None or text.count("\n", end, line.start()) > 2:
        return None
    words = line.group().strip()
    if len(words) > _LIST_LINE_MAX_CHARS or words.endswith((".", "!", "?", '"', "”", ":")):
        return None
    return line.span()


_TOLD_TENSES = ("past", "past perfect")


def _entry_event(
    text: str, stamp: TimeExpr, end: int, sentences: _Sentences, topics: Classifier
) -> Event | None:
    """ "14:36 / KCNA statement / North Korea's state news agency KCNA carried a statement ...": the
    entry's first sentence, told in the past with no time of its own (but a prospect's), happened by
    its stamp (not "Good morning and welcome to our live coverage")."""
    line = _FILLED_LINE.search(text, end)
    if line is None or text.count("\n", end, line.start()) > 2:
        return None
    start, stop = sentences.enclosing(line.start(), line.start() + 1)
    if _stamp_line(text, start) or any(
        clause_tense(text, time.start, time.end) != "future" for time in sentences.datable_in(start, stop)
    ):
        return None  # (a time in it dates what it tells; "would be completed next year" does not)
    if tense_after(text, start) not in _TOLD_TENSES:
        return None
    return Event(
        stamp.value, stamp.mod, None, stamp.earliest, stamp.latest, stamp.precision, stamp.earliest,
        stamp.text, stamp.start, stamp.end, text[start:stop], start, stop, topics.classify((start, stop)),
    )  # fmt: skip


def _headings_ahead(text: str, headings: list[tuple[TimeExpr, int]]) -> bool:
    """Whether the paragraphs under a text's day headings tell of days ahead ("THE WEEK AHEAD ... MONDAY
    / The committee opens its audit"): most first verbs future, not past ("MONDAY / The army said")."""
    tenses = [
        tense_after(text, line.start()) for _, end in headings if (line := _FILLED_LINE.search(text, end))
    ]
    return tenses.count("future") > tenses.count("past") + tenses.count("past perfect")


def _next_such_day(heading: TimeExpr, reported: str | None) -> TimeExpr:
    """A heading's weekday read as the next such day after the report (it resolves to the last one)."""
    if reported is None or not _DAY_VALUE.fullmatch(heading.value) or heading.value >= reported:
        return heading
    day = (date.fromisoformat(heading.value) + timedelta(weeks=1)).isoformat()
    return dataclasses.replace(heading, value=day, earliest=day, latest=day)


def _headed_events(
    text: str, heading: TimeExpr, end: int, sentences: _Sentences, topics: Classifier
) -> list[Event]:
    """ "MONDAY\nSouth Korea's military said ...": a day's heading in a week's review dates the first
    sentence of each paragraph under it (unless it tells a day of that week), up to the next heading."""
    events: list[Event] = []
    # (a heading is a bare day, no signal bounds it; and ``heading`` may be a copy moved a week on, not
    # one of the article's times that ``sentences.anchor`` caches by identity)
    earliest, latest = heading.earliest, heading.latest
    for line in _FILLED_LINE.finditer(text, end):
        first = line.group().strip()
        if len(first) <= _HEADING_MAX_CHARS and not first.endswith((".", "!", "?", '"', "”")):
            break  # the next heading
        start, stop = sentences.enclosing(line.start(), line.start() + 1)
        if any(_same_week(time, heading) for time in sentences.datable_in(start, stop)):
            # "THURSDAY / Liberation Day eve: ...", "TUESDAY / Officials met on Thursday": a day of its
            # own (not "FRIDAY / Officials meet before the summit on Oct. 31", a week on)
            continue
        events.append(
            Event(
                heading.value,
                heading.mod,
                None,
                earliest,
                latest,
                heading.precision,
                heading.earliest,
                heading.text,
                heading.start,
                heading.end,
                text[start:stop],
                start,
                stop,
                topics.classify((start, stop)),
            )
        )
    return events


def _same_week(time: TimeExpr, heading: TimeExpr) -> bool:
    """Whether ``time`` is a day less than a week from the ``heading``'s day."""
    day = _DAY_VALUE.match(time.value)
    if day is None:
        return False
    return abs((date.fromisoformat(day.group(1)) - date.fromisoformat(heading.value)).days) < 7


# A line holding a day named in words alone ("MONDAY", "Tuesday:"; not a live blog's stamp with digits).
_DAY_HEADING = re.compile(r"[^\S\n]*[*#]*[^\S\n]*[A-Za-z]+[^\S\n]*:?[^\S\n]*")
_EVENT_START = attrgetter("start")


# A superlative, "first" or a negation before "since" makes its date a baseline the sentence compares
# with ("the fastest rate since 2016", "for the first time since 2020", "his first trip to Moscow
# since 2019", "had not fought a war since 1953"), not the start of something that goes on ("the first
# 1,000 deminers, in Kursk since mid-July" counts the first ones).
_BASELINE_REACH = 60  # characters before "since" where its superlative or negation may stand

_SINCE_BASELINE = re.compile(
    r"(?:\b(?:first(?!\s+\d)|only|fastest|slowest|highest|lowest|largest|biggest|smallest|the most|the least|"
    r"best|worst|greatest|strongest|weakest|deadliest|bloodiest|bleakest|fiercest|heaviest|longest|"
    r"sharpest|steepest|toughest|closest|not|never|no)\b|n't\b)[^.;:!?\n]{0,50}\bsince\s+$",
    re.IGNORECASE,
)


# Events that recur: "the first <one> since X" tells one happened at X.
_RECURRING = ("trip", "visit", "meeting", "summit", "talks", "call", "test", "launch", "exercise", "drill")
_REPEATED_BEFORE = re.compile(
    r"\bfirst\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(_RECURRING) + r")(?:e?s)?\b[^.;:!?\n]{0,40}\bsince\s+$",
    re.IGNORECASE,
)


def _since_baseline(text: str, time: TimeExpr, sentence_start: int) -> bool:
    """Whether ``time`` is a baseline "since" compares with (see ``_SINCE_BASELINE``)."""
    return (
        time.signal in SINCE_SIGNALS
        and _SINCE_BASELINE.search(text, max(sentence_start, time.start - _BASELINE_REACH), time.start)
        is not None
    )


_SAME_AGAIN = re.compile(r"(?:the\s+(?:very\s+)?same|that)\b", re.IGNORECASE)
# A span of years that names a war: "the 1950-53 Korean War", "the War of 1941-1945".
_WAR_AFTER = re.compile(r"(?:\s*[-–]\s*\d{2,4})?\s+(?:[A-Z][\w'’-]*\s+){0,2}[Ww]ar\b")
_WAR_OF = re.compile(r"\b[Ww]ar\s+of\s+(?:\d{4}\s*[-–]\s*)?$")


def _war_name(text: str, time: TimeExpr) -> bool:
    """Whether ``time`` is a span of years in a war's name (the war, not the date, is what is told)."""
    ranged = "-" in time.text or "–" in time.text or text[time.end : time.end + 1] in ("-", "–")
    ranged = ranged or text[time.start - 1 : time.start] in ("-", "–")
    return (
        ranged
        and time.precision == "year"
        and (
            _WAR_AFTER.match(text, time.end) is not None
            or _WAR_OF.search(text, max(0, time.start - 16), time.start) is not None
        )
    )


def _opens_with_the_war(text: str, sentence_start: int, time_start: int) -> bool:
    """Whether the war's name opens its sentence: at most "The Korean War of" before the years."""
    lead = [word for word in text[sentence_start:time_start].split() if not word[0].isdigit()]
    return len(lead) <= 4 and (not lead or lead[0] in ("The", "the"))


def _range_end(
    text: str, first: Event, time: TimeExpr, earliest: str | None, latest: str | None, mod: str | None
) -> bool:
    """Whether ``time`` closes the range ``first`` opens: both anchored to one interval wider than
    the first end's own date, with no signal of their own ("from 2022 to 2024", "1950-1953")."""
    return (
        mod is None
        and first.relation is None
        and earliest is not None
        and latest is not None
        and (earliest, latest) == (first.earliest, first.latest)
        and first.time_end <= time.start
        and (
            time.start - first.time_end <= _RANGE_GAP
            or _HEDGED_JOIN.fullmatch(text, first.time_end, time.start) is not None
        )
        # (a second mention of the same date is no range; "between the autumn and the end of the
        # year" is one, though the year's end runs from September as the range does)
        and ((time.earliest, time.latest) != (earliest, latest) or time.value != first.when)
    )


_RANGE_GAP = len(" through ")
_HEDGED_JOIN = re.compile(r"\s+(?:to|until|till|through)\s+at\s+least\s+")  # "from mid-2024 until at least"


_SIGN_OFF_MAX_CHARS = 60
_SIGN_OFF = re.compile(
    r"(?:that['’]s\s+(?:all|it)|see\s+you|until\s+next|thanks\s+for\s+(?:reading|following)|back\s+next|"
    # a live blog's close ("We'll be back tomorrow morning with more updates", "We're closing this blog
    # for today", "This blog is now closed")
    r"we['’]ll\s+be\s+back|we\s+will\s+be\s+back|we['’]re\s+(?:closing|pausing|wrapping\s+up)\b|"
    r"we\s+are\s+(?:closing|pausing|wrapping\s+up)\b|this\s+(?:live\s+)?blog\s+is\s+(?:now\s+)?closed|"
    r"(?:our|my)\s+(?:live\s+)?coverage\s+(?:continues|resumes|will\s+(?:continue|resume))|"
    r"have\s+a\s+(?:good|great|nice)"
    # a link to an earlier issue ("Read last week's edition.")
    r"|(?:read|catch\s+up\s+on)\s+(?:last|the\s+previous)\s+\w+['’]s\s+(?:edition|issue|newsletter))\b",
    re.IGNORECASE,
)
_WEEKDAY_WORD = re.compile(r"\b(?:" + "|".join(table("weekdays")) + r")\b\.?", re.IGNORECASE)
_CLOCK_SPAN_END = re.compile(r"[^\w\n]*\d{1,2}[:.]\d\d[^\w\n]*")  # the other end of "10:32-10:51"


def _bare_date(text: str, start: int, end: int, time: TimeExpr, sentences: _Sentences) -> bool:
    """Whether the sentence ``start:end`` holds nothing but ``time`` (and bullets, brackets, colons),
    or nothing but times and a time zone on a line of its own (a live blog's time stamp)."""
    if end - start <= len(time.text) + 8:
        # (a weekday's abbreviation before the date is no word either: "Sun 23 Mar 2025 16.44 GMT")
        rest = _WEEKDAY_WORD.sub("", text[start : time.start] + text[time.end : end])
        # (the start of a span of clock times is no word either: "10:32-10:51 a.m.")
        return not any(char.isalnum() for char in rest) or _CLOCK_SPAN_END.fullmatch(rest) is not None
    if end - start > _STAMP_MAX_CHARS or not sentences.several_datable_in(start, end):
        return False
    if not (start == 0 or text[start - 1] == "\n") or not (end == len(text) or text[end : end + 1] == "\n"):
        return False
    rest, last = [], start
    for other in sentences.datable_in(start, end):
        rest.append(text[last : other.start])
        last = other.end
    rest.append(text[last:end])
    return all(word.upper() in _TIME_ZONES for word in _WORD.findall(_WEEKDAY_WORD.sub("", " ".join(rest))))


# A page's stamp: a line that a label of review or edit opens ("Last Reviewed: October 2025", "Last
# edited 9:14 PM · Apr 8, 2025 · 48.2K Views", "Posted on : Jan.30,2025 16:42 KST"); its dates and
# counts are the page's, no event's.
_ZONES = ("ET", "EST", "EDT", "PT", "GMT", "UTC", "BST", "CET", "CEST", "KST", "JST", "MSK")
_STAMP_LABEL = re.compile(
    r"[^\S\n]*(?:[Ll]ast[^\S\n]+(?:[Rr]eviewed|[Uu]pdated|[Ee]dited|[Mm]odified|[Rr]evised)[^\S\n]*:?"
    r"|(?:Reviewed|Revised|Updated|Posted|Published|Modified)(?:[^\S\n]+on)?[^\S\n]*:"
    # ("Updated January 23, 2025" closing a press release: no colon, a date right after)
    r"|(?:Revised|Updated|Posted|Published|Modified)(?=[^\S\n]+(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep"
    r"|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?[^\S\n]+\d)))"
    r"[^\S\n]*(?:on[^\S\n]+)?[\dA-Z][^\n]{0,60}$"
    # a wire story's update note ("UPDATE 1 (11:05 a.m.): Adds White House reaction from Sunday")
    r"|[^\S\n]*UPDATE[^\S\n]+\d{1,2}\b[^\n]{0,200}$"
    # a link to another story ("Read also: Kursk incursion, six months on (Feb. 6, 2025)"): its dates
    # and counts are that story's
    r"|[^\S\n]*(?:Read[^\S\n]+(?:also|more)|Also[^\S\n]+read|See[^\S\n]+also|Related)[^\S\n]*:"
    r"[^\S\n]*[\w\"“‘'][^\n]{0,200}$"
    # an author's line ("By Kenji Hara, KYODO NEWS - 9 hours ago - 11:20 | World"): the page's stamp
    r"|[^\S\n]*By(?:[^\S\n]+[A-Z][\w.'’-]*){2,4}[^\S\n]*[,|–—-][^\n]{0,100}$"
    # a live blog's entry header ("13:30 GMT - Casualty figures", "9.45am BST – Background"): the
    # entry's heading (no sentence), stamped with its time
    # (its zone tells it from a programme's "09:00 - Opening session", an event)
    r"|[^\S\n]*\d{1,2}[:.]\d\d(?:[^\S\n]*[ap]\.?m\.?)?[^\S\n]*(?:"
    + "|".join(_ZONES)
    + r")[^\S\n]+[-–—|][^\S\n]+"
    r"[^\n]{1,80}(?<![.!?])$"
    # "Updated at 4.31pm GMT", "Editor's note: This story was updated at 4:50 p.m. to include ...",
    # "Click here for more information on the individuals designated today", "This article appears in
    # the October 2025 print edition": notes on the page
    r"|[^\S\n]*(?:Updated|Posted|Published|Edited)[^\S\n]+at[^\S\n]+\d[^\n]{0,40}$"
    # a think tank's series line ("Research Brief No. 47 | October 2025", "Working Paper No. 12, March
    # 2025"): the issue's number and date
    r"|[^\S\n]*(?:[A-Z][\w&'’-]*[^\S\n]+){0,4}(?:Brief|Paper|Report|Note|Bulletin|Commentary|Update)[^\S\n]+"
    r"(?:No\.?|Number|#)[^\S\n]*\d{1,4}[^\S\n]*[|·•,–—-][^\n]{0,60}(?<![.!?])$"
    r"|[^\S\n]*(?:Editor['’]s[^\S\n]+[Nn]ote|Click[^\S\n]+here\b|This[^\S\n]+(?:article|story)[^\S\n]+"
    r"(?:appears|appeared|was[^\S\n]+published)[^\S\n]+in[^\S\n]+the\b)[^\n]{0,300}$",
    re.MULTILINE,
)


_STAMP_LEADS = frozenset("LlRUPMASBECTIWON \t0123456789")


# A live blog's list of its key entries ("Key events / 2h ago / Zelenskyy: ... / 14:36 / KCNA statement"):
# its times link to the entries below, they date nothing of their own.
# ("Key developments on Feb. 17:", a war update's list: the label's own date is the update's)
_KEY_EVENTS = re.compile(
    r"^[^\S\n]*Key[^\S\n]+(?:events|developments)(?:[^\S\n]+(?:on|for)[^\S\n]+[^\n:]{1,30}?)?[^\S\n]*:?"
    r"[^\S\n]*$",
    re.MULTILINE,
)
_LIST_LINE_MAX_CHARS = 100
_ZONED_CLOCK = re.compile(
    r"[^\S\n]*\d{1,2}[:.]\d\d(?:[^\S\n]*[ap]\.?m\.?)?[^\S\n]*(?:" + "|".join(_ZONES) + r")\b"
)


def _key_events(text: str) -> list[tuple[int, int]]:
    """The spans of a live blog's "Key events" lists: the lines after the label up to the first that
    ends a sentence, runs long, or is an entry's own header (a clock with its zone: "17.58 GMT")."""
    spans = []
    for label in _KEY_EVENTS.finditer(text):
        end = label.end()
        for line in _FILLED_LINE.finditer(text, label.end()):
            words = line.group().strip()
            if (
                len(words) > _LIST_LINE_MAX_CHARS
                or words.endswith((".", "!", "?", '"', "”"))
                or _ZONED_CLOCK.match(words)
            ):
                break
            end = line.end()
        spans.append((label.start(), end))
    return spans


def _harm_counted(events: list[Event], figures: list[Figure]) -> list[Event]:
    """An event whose words count only men lost (or only men captured) is about that, though its
    words name troops: "Russian forces lost 1,830 personnel over the past day" is casualties. The
    figure's rules tell losses and captures ("lost", "losses came to"), which keywords alone do not."""
    changed = []
    by_start = sorted(figures, key=lambda f: f.start)  # (looked up by bisect: a long text has thousands)
    starts = [f.start for f in by_start]
    for event in events:
        if event.topic in _PLAIN_TOPICS:
            inside = by_start[bisect.bisect_left(starts, event.start) : bisect.bisect_left(starts, event.end)]
            told = {f.topic for f in inside if f.end <= event.end} - {FALLBACK}
            if len(told) == 1 and (harm := next(iter(told))) in _HARM_TOPICS:
                event = dataclasses.replace(event, topic=harm)
        changed.append(event)
    return changed


_HARM_TOPICS = frozenset({"casualties", "prisoners"})


def _without_leading_marks(text: str, events: list[Event]) -> list[Event]:
    """A clause's quote starts at its words, not at the dash or semicolon that set it off ("-- North
    Korea has sent ...", "; by mid-November, ...")."""
    trimmed = []
    for event in events:
        if text[event.start : event.start + 1] in _LEADING_MARKS and (
            lead := _LEADING_MARK.match(text, event.start, event.end)
        ):
            event = dataclasses.replace(event, text=text[lead.end() : event.end], start=lead.end())
        trimmed.append(event)
    return trimmed


_LEADING_MARKS = frozenset("-–—;:,")
_LEADING_MARK = re.compile(r"(?:[-–—;:,]+\s+)+(?=\S)")


def _after_dateline(
    text: str, dateline: tuple[int, int], events: list[Event], figures: list[Figure]
) -> tuple[list[Event], list[Figure]]:
    """Quotes start after the dateline: "SEOUL, March 8 (Yonhap) --" says where and when the story
    was filed, not what happened (its sentence runs on into the story's first)."""
    begin = dateline[1]
    while begin < len(text) and text[begin] in _DATELINE_TAIL:
        begin += 1
    filed = text[dateline[0] : begin].strip()
    events = [
        dataclasses.replace(e, text=text[begin : e.end], start=begin) if e.start < begin < e.end else e
        for e in events
    ]
    figures = [
        dataclasses.replace(f, sentence=f.sentence[len(filed) :].lstrip())
        if f.start >= begin and filed and f.sentence.startswith(filed)
        else f
        for f in figures
    ]
    return events, figures


_DATELINE_TAIL = frozenset(" \t-–—:")


def _stamp_line(text: str, pos: int) -> bool:
    """Whether ``pos`` stands on a page's stamp line (cheap test first: the line's first letter)."""
    line_start = text.rfind("\n", 0, pos) + 1
    lead = text[line_start : line_start + 1]
    return lead in _STAMP_LEADS and _STAMP_LABEL.match(text, line_start) is not None


# A note on the page, not the story: a correction's label and the claim it retracts ("Correction,
# 10:05 GMT: An earlier version of this post said the treaty was signed in July"), a credit line
# ("Imagery: Airbus DS 2025").
_NOTE_LEADS = frozenset("ACIPUTW(")
_NOTE_LABEL = re.compile(r"(?:Correction|Clarification|Update)\b[^\n]{0,40}?:(?!\d)")  # (not a clock's)
_RETRACTED = re.compile(
    r"(?:(?:Correction|Clarification|Update)\b[^\n]{0,40}?:(?!\d)\s*)?(?:[Aa]n?\s+(?:earlier|previous|prior)\s+"
    r"version\s+of\s+this\s+(?:post|story|article|report|entry|item|page)\b"
    # "This post previously said ...", "We incorrectly reported that ..."
    r"|(?:This|The)\s+(?:post|story|article|report|entry)\s+(?:previously|originally|incorrectly|wrongly)\s+"
    r"(?:said|stated|reported)\b|We\s+(?:previously|earlier|incorrectly|wrongly|mistakenly)\s+(?:said|stated|reported)\b)"
)
# (a photo's caption tells what it shows: "Photo: Kim at a ceremony, August 2025")
_CREDIT = re.compile(r"(?:Imagery|Image\s+credit|Photo\s+credit|Credits?)\s*:")
# A stamp of when the text itself was current ("Analysis is current as of 2 p.m. ET on December 18") and a
# transcript's note on its proceedings ("(The briefing was concluded at 2:51 p.m.)"): the page's, no event.
_CURRENT_AS_OF = re.compile(
    r"(?:(?:This|The|Our)\s+)?(?:analysis|assessment|report|information|data|map|page|article|story|update)\s+"
    r"(?:is|was)\s+(?:current|accurate|up[\s-]to[\s-]date|correct|valid)\s+as\s+of\b",
    re.IGNORECASE,
)
_PROCEEDINGS = re.compile(
    r"\(\s*The\s+(?:briefing|press\s+conference|meeting|session|hearing|call|conference|interview)\s+"
    r"(?:was\s+)?(?:concluded|ended|adjourned|began|started|recessed)\b[^()\n]*\)"
)


def _page_note(text: str, start: int, time: TimeExpr) -> bool:
    """Whether ``time`` stands in a page note: the label of a correction or an update, the claim a
    correction retracts, a credit line (the sentence starts at ``start``)."""
    if _RETRACTED.match(text, start) or _CREDIT.match(text, start) or _CURRENT_AS_OF.match(text, start):
        return True
    if _PROCEEDINGS.match(text, start) or _PROCEEDINGS.match(text, start - 1):
        return True
    label = _NOTE_LABEL.match(text, start)
    return label is not None and time.start < label.end()


# Times that date nothing that happened (vocabulary first, then the patterns that read it).
_BORN = ("born", "born in", "born on")  # a person's birth year describes the person
_AND_THE_OTHER = ("and", "or", "while", "whereas")  # "one born in 2005 and the other in 1999"
_COUNTERFACTUAL = ("would have", "would not have", "wouldn't have", "would've")
_CONDITION_OPENERS = ("If", "Unless", "Should")  # "If the war ended tomorrow, ...": a supposed time
_EXTENT = ("into", "well into", "deep into")  # "sustain its offensive into 2026": how far a plan runs
_BORN_BEFORE = re.compile(r"\b(?:" + "|".join(_BORN[::-1]) + r")\s+$", re.IGNORECASE)
_OTHER_BORN = re.compile(
    r"\bborn\s+(?:in|on)\s+[\w ]{1,20}?,?\s+(?:" + "|".join(_AND_THE_OTHER) + r")\s+(?:the\s+other|another)"
    r"(?:\s+one)?\s+(?:in|on)\s+$",
    re.IGNORECASE,
)
# (a participle: "would have troops ready by March" is a plan told in the past, no counterfactual)
_IRREGULAR_PARTICIPLES = (
    "had", "made", "come", "become", "left", "lost", "sent", "held", "met", "run", "won", "led", "fled",
    "kept", "paid", "said", "sold", "told", "built", "hit", "cut", "put", "set", "spent", "stood", "felt",
)  # fmt: skip
_WOULD_HAVE = re.compile(
    # ("would have to pay in 2026" is an obligation ahead)
    # (a hedge may stand inside: "would likely have ended last year", "would probably not have")
    r"\b(?:"
    + "|".join(_COUNTERFACTUAL).replace("'", "['’]").replace("would ", r"would(?:\s+\w+ly)?\s+")
    + r")\s+(?:[a-z]+(?:ed|en|wn|ne|lt|ght|un|ck)|"
    + "|".join(_IRREGULAR_PARTICIPLES)
    + r")\b[^,.;:!?\n]*$",
    re.IGNORECASE,
)
# A judgment that something could not have been then: "something unthinkable a decade ago",
# "unimaginable as recently as 2020" (the time is a base compared with, nothing happened then).
_UNTHINKABLE = ("unthinkable", "unimaginable", "inconceivable", "impossible", "unheard of", "unimagined")
_UNTHINKABLE_BEFORE = re.compile(
    r"\b(?:" + "|".join(_UNTHINKABLE) + r")(?:\s+(?:even|just|only|as\s+recently\s+as|as\s+late\s+as))?\s+$",
    re.IGNORECASE,
)
# A fronted time whose clause is a counterfactual: "Five years ago, a North Korean division fighting
# in Europe would have been unthinkable", "In 2020, nobody would have predicted it".
_COUNTERFACTUAL_VERBS = ("been", "seemed", "sounded", "looked", "believed", "imagined", "predicted",
                         "expected", "thought", "guessed", "bet")  # fmt: skip
_FRONTED = re.compile(r"[^\w\n]*(?:(?:[Ii]n|[Bb]ack|[Aa]s\s+recently\s+as|[Jj]ust|[Oo]nly|[Ee]ven)\s+)*")
_FRONTED_COUNTERFACTUAL = re.compile(
    r"[”\"]?,\s+(?:(?!\b(?:said|says|told|added)\b)[^,.;:!?\n])*?\bwould(?:\s+\w+ly)?(?:\s+not|n['’]t)?\s+have\s+(?:"
    + "|".join(_COUNTERFACTUAL_VERBS)
    + r")\b",
    re.IGNORECASE,
)
# What an earlier time told relatively is the base of: a multiple of a level, or a comparison
# ("12 times as many as the year before", "nearly triple the monthly average of the previous spring",
# "roughly triple its level a year earlier", "declined compared with the same period last month", "a
# sharp increase from the previous year"): it makes no event.
_BASE_BEFORE = re.compile(
    r"(?:\b(?:double|triple|quadruple|twice|thrice|(?:two|three|four|five|ten|\d+)\s+times)\s+"
    r"(?:[^.;!?\n]{0,30}?\b(?:level|number|average|total|figure|rate|amount|pace|volume|count|price)s?\s+"
    r"(?:(?:of|in|at|during)\s+)?|as\s+(?:many|much|high|large)\s+as\s+)|"
    r"\bcompared\s+(?:with|to)\s+(?:the\s+same\s+(?:period|months?|quarter|week|time)\s+(?:of\s+)?)?|"
    # a change from or over an earlier time: "a sharp increase from the previous year", "up 12% from a
    # year earlier", "grew 5% over the year before"
    r"\b(?:(?:increase|rise|jump|gain|climb|decline|drop|fall|decrease)s?|growth|up|down|rose|fell|grew"
    r"|(?:jump|increas|decreas|declin|dropp|climb)ed)(?:\s+[^\s.;!?\n]+){0,3}?\s+(?:from|over)\s+)$",
    re.IGNORECASE,
)
# A change by a share from a named time: "up 25 per cent from 2024", "rose 6 percent from 2023", "down
# 3% on April" (not "from January to May": a span)
_RATE_FROM_BEFORE = re.compile(
    r"\b(?:up|down|rose|fell|grew|(?:increas|decreas|declin|jump|dropp|climb|gain)ed)\s+(?:by\s+)?"
    r"(?:(?:about|some|nearly|almost|around|roughly|more\s+than|over)\s+)?[\d.,]+\s*(?:%|per\s*cent|percent)"
    r"\s+(?:from|over|on|compared\s+(?:with|to)|against)\s+(?:the\s+same\s+\w+\s+(?:of|in)\s+)?$",
    re.IGNORECASE,
)
# (not "grew 40 percent from 2023 to reach $12 million": "to" before a verb of the level reached)
_RANGE_ON = re.compile(
    r"\s*(?:-|–|through\b|until\b|and\b|to\b(?!\s+(?:reach|hit|stand|total|top|exceed|near)\b))"
)
_BEFORE_AFTER = re.compile(r"\s+(?:before|earlier)\b")  # "the year before"
_DENIED = re.compile(r"\b(?:not|rather\s+than|instead\s+of)\s+(?:on\s+|in\s+|at\s+)?$", re.IGNORECASE)
# A predicate denied: "this is not something that ended last year", "it wasn't a war that began in 2022".
_DENIED_PREDICATE = re.compile(
    r"\b(?:is|was|are|were)(?:\s+not|n['’]t)\s+(?:something|anything|a\s+[\w-]+|the\s+[\w-]+)\s+(?:that|which)\s+"
    r"[\w-]+\s+(?:in\s+|on\s+|at\s+)?$",
    re.IGNORECASE,
)
# An expectation denied: "nobody should expect it before 2030", "don't expect a deal before the summer".
_NOT_EXPECTED = re.compile(
    r"\b(?:(?:nobody|no\s+one)\s+(?:should|would|could|can|will)|(?:do|does|should|would)(?:\s+not|n['’]t))\s+"
    r"(?:expect|anticipate|count\s+on)\b[^.;!?\n]{0,45}$",
    re.IGNORECASE,
)
_ASIDES = ("\n", "–", "—", " - ", "(", ";")
_CONDITION_ENDS = (",", *_ASIDES)
_MODALS = ("would", "could", "might", "will", "may", "can", "should")
_MODAL = re.compile(r"\b(?:" + "|".join(_MODALS) + r")\b", re.IGNORECASE)
_EXTENT_BEFORE = re.compile(r"\b(?:" + "|".join(_EXTENT[::-1]) + r")\s+$", re.IGNORECASE)
# "continue well beyond 2025" (said in 2025 or before): how far a plan runs past a year not yet over
_BEYOND = ("beyond", "well beyond", "far beyond", "long beyond")
_BEYOND_BEFORE = re.compile(r"\b(?:" + "|".join(_BEYOND[::-1]) + r")\s+$", re.IGNORECASE)
# A year that names what a measure is of, not when something happened: "at 2023 prices", "the 2025
# work plan", "the fiscal 2024 budget", "its 2026 budget request" (a year before the noun); "the
# budget for 2025", "the work report for 2024"; "80% of its annual GDP in 2023" (a base compared with)
_MEASURE_NOUNS = ("prices", "dollars", "terms", "budget", "budgets", "work plan", "plan", "plans", "targets",
                  "target", "work report")  # fmt: skip
_MEASURE_AFTER = re.compile(r"\s+(?:" + "|".join(_MEASURE_NOUNS) + r")\b")
# ("its full-year total for FY2023", "the figure for 2024": what a number is of)
_MEASURE_FOR = re.compile(
    r"\b(?:" + "|".join(_MEASURE_NOUNS) + r"|request|forecast|total|figure|tally)\s+for\s+$"
)
_BASE_MEASURES = ("GDP", "gross domestic product", "economic output", "annual budget", "state budget")
_MEASURE_OF = re.compile(
    r"\bof\s+(?:[\w'’-]+\s+){0,3}?(?:annual\s+|yearly\s+|total\s+)?(?:"
    + "|".join(_BASE_MEASURES)
    + r")\s+in\s+$"
)
_COUNTERFACTUAL_REACH = 60


def _untold(text: str, start: int, time: TimeExpr, reported: str | None) -> bool:
    """Whether ``time`` dates something the sentence (starting at ``start``) does not tell happened: a
    birth year, a date denied ("on Tuesday, not Wednesday"), a counterfactual past ("would have been
    unthinkable in 2023"), a condition's time ("If the war ended tomorrow"), how far a plan runs
    ("sustain its offensive into 2026")."""
    before = text[max(start, time.start - _COUNTERFACTUAL_REACH) : time.start]
    if "born" in before and _born(before):
        return True
    if _DENIED.search(before[-24:]):
        return True  # "visited on Tuesday, not Wednesday": a date denied
    if ("no" in before or "n't" in before or "n’t" in before) and _DENIED_PREDICATE.search(before):
        return True  # "This is not something that ended last year"
    if ("expect" in before or "anticipate" in before or "count on" in before) and _NOT_EXPECTED.search(
        text, max(start, time.start - 90), time.start
    ):
        return True  # "nobody should expect it before 2030"
    if "ould" in before and _WOULD_HAVE.search(before):
        return True
    if _UNTHINKABLE_BEFORE.search(before[-40:]):
        return True  # "something unthinkable a decade ago"
    if _BASE_BEFORE.search(before) and (
        _EARLIER_PERIOD.search(time.text) or _BEFORE_AFTER.match(text, time.end)
    ):
        return (
            True  # "nearly double its level of a year ago", "up 34% compared with the same period last year"
        )
    if _RATE_FROM_BEFORE.search(before) and not _RANGE_ON.match(text, time.end):
        return True  # "up 25 per cent from 2024", "rose 9% from April": the base of a change, told by name
    if _FRONTED.fullmatch(text, start, time.start) and _FRONTED_COUNTERFACTUAL.match(text, time.end):
        return True  # "Five years ago, a division fighting in Europe would have been unthinkable"
    if time.precision == "year" and _measured_year(text, before, time, reported):
        return True
    opener = text[start : start + 7].split(" ", 1)[0]
    # (the condition ends at a comma, or a dash or a bracket opens an aside: "If a ceasefire holds –
    # talks have stalled since the spring –")
    if opener in _CONDITION_OPENERS:
        lead = text[start : time.start]
        if not any(stop in lead for stop in _CONDITION_ENDS):
            return True
        # its consequence, a modal's ("If the North sends more troops this spring, Russia could
        # launch an offensive before summer"), unless an aside tells a fact
        after = lead[lead.rfind(",") + 1 :]
        if not any(stop in lead for stop in _ASIDES) and _MODAL.search(after):
            return True
    return (
        "into" in before[-12:]
        and reported is not None
        and (time.earliest or "") > reported
        and _EXTENT_BEFORE.search(before) is not None
    )


def _measured_year(text: str, before: str, time: TimeExpr, reported: str | None) -> bool:
    """Whether a year names what a measure or a plan is of ("at 2023 prices", "the budget for 2025",
    "80% of its annual GDP in 2023") or how far a plan runs ("well beyond 2025")."""
    if _MEASURE_AFTER.match(text, time.end) or _MEASURE_FOR.search(before) or _MEASURE_OF.search(before):
        return True
    return (
        "beyond" in before[-18:]
        and reported is not None
        and (time.latest or "") >= reported
        and _BEYOND_BEFORE.search(before) is not None
    )


def _born(before: str) -> bool:
    """ "born in 2005", "one born in 2005 and the other in 1999"."""
    return _BORN_BEFORE.search(before) is not None or _OTHER_BORN.search(before) is not None


def _year_heading(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``start:end`` is a timeline explainer's section heading: a line of a year
    (or years) and a short title ("2023: The turn", "2020-2022: Closed borders") over a paragraph
    that is no entry of a list of such lines ("2006: First nuclear test" then "2009: Second test")."""
    if not _YEAR_HEADING.fullmatch(text, start, end) or not (start == 0 or text[start - 1] == "\n"):
        return False
    below = _FILLED_LINE.search(text, end)
    if below is None or _YEAR_HEADING.match(below.group()):
        return False
    return below.group().rstrip().endswith(".")


_STAMP_MAX_CHARS = 60
_HEADING_MAX_CHARS = 40
# A heading of a year or years and a short title, with no full stop: "2023: The turn", "## 2020-22: Covid".
_YEAR_HEADING = re.compile(
    r"[^\S\n]*(?:#+[^\S\n]*)?(?:1[89]|20)\d\d(?:[^\S\n]*[-–][^\S\n]*(?:(?:1[89]|20)\d\d|\d\d))?[^\S\n]*:"
    r"[^\S\n]*[A-Z][^\n.!?:;]{0,40}"
)
_TIME_ZONES = frozenset(_ZONES)
# A note's number at the start of its line: "[2] Interview with ...".
_NOTE_MARK = re.compile(r"\[\d{1,3}\][^\S\n]")


class _ReferenceBounds:
    """The first and last day of the reference date, which dates a figure that no time in its
    sentence dates: worked out once per article, when a figure first needs it."""

    def __init__(self, reference: Reference | None) -> None:
        self.reference = reference
        self._bounds: tuple[str | None, str | None] | None = None

    def get(self) -> tuple[str | None, str | None]:
        if self._bounds is None:
            self._bounds = (reference_bound(self.reference, True), reference_bound(self.reference, False))
        return self._bounds


def _figure(
    text: str,
    quantity: Quantity,
    next_start: int,
    sentences: _Sentences,
    reference: Reference | None,
    bounds: _ReferenceBounds,
    topics: Classifier,
    leads: Sequence[tuple[int, int, TimeExpr]] = (),
) -> Figure:
    s_start, s_end = sentences.enclosing(quantity.start, quantity.end)
    as_of = _governing_time(quantity, next_start, sentences, s_start, s_end)
    if as_of is None and not sentences.datable_in(s_start, s_end):
        as_of = _period_told_before(quantity, sentences, s_start, s_end)
    if as_of is None and sentences.made and not sentences.datable_in(s_start, s_end):
        # "Within two to three years, the North could receive help worth $1 billion", "Since then,
        # state media have run a dozen reports": the span the sentence tells
        as_of = next((t for t in sentences.made.values() if s_start <= t.start < s_end), None)
    if as_of is None and leads:
        as_of = next((t for lead_end, para_end, t in reversed(leads) if lead_end <= s_start < para_end), None)
    if (
        as_of is None
        and s_start > 0
        and _SAME_EVENT_OPENER.match(text, s_start)
        and not sentences.datable_in(s_start, s_end)
    ):
        # "... a prisoner exchange on 19 November, 185 servicemen were returned. In exchange, 185 POWs
        # were handed over": the sentence goes on with the event the one before dated
        p_start, p_end = sentences.enclosing(s_start - 1, s_start - 1)
        told = sentences.datable_in(p_start, p_end) if p_end <= s_start else []
        as_of = told[-1] if len(told) == 1 and told[0].signal not in SINCE_SIGNALS else None
    if as_of is not None and as_of.signal in SINCE_SIGNALS and _since_a_state(text, quantity, as_of):
        as_of = None
    # A figure is a measurement at its as-of date: "over 3,000 killed by early 2025" is dated early
    # 2025 (the relation "by" is kept, but the open start would put it in every earlier window).
    if as_of is not None:
        anchored_earliest, anchored_latest, relation = sentences.anchor(as_of)
        when, when_mod, earliest, latest = as_of.value, as_of.mod, as_of.earliest, as_of.latest
        if (relation is None or relation == "ON_OR_AFTER") and anchored_earliest and anchored_latest:
            # a count over a range ("between September 2023 and March 2025") is dated by the range,
            # a count "since August 2023" by the span up to the report (a total as of then)
            earliest, latest = anchored_earliest, anchored_latest
        relation = relation if relation != as_of.mod else None
        precision = as_of.precision
        if relation is None and as_of.signal not in SINCE_SIGNALS and _since_clause(text, quantity, as_of):
            # "about 6,000 casualties since it began sending troops in the autumn of 2024": a total
            # since that time, up to the report
            relation, latest = "ON_OR_AFTER", sentences.reported or latest
    else:
        earliest, latest = bounds.get()
        when, when_mod, relation = (reference.value if reference else None), None, None
        precision = reference.precision if reference else None
        trailing = _trailing_span(sentences, s_start, s_end, reference)
        if trailing is not None:
            # "over the past two years, 15,000 workers arrived": the span up to the article's day
            earliest = trailing
    # (positional, in the field order of Figure, as for Event)
    return Figure(
        quantity.text,  # text
        quantity.start,  # start
        quantity.end,  # end
        quantity.low,  # low
        quantity.high,  # high
        quantity.qualifier,  # qualifier
        quantity.unit,  # unit
        quantity.currency,  # currency
        quantity.percent,  # percent
        _figure_topic(quantity, text, (s_start, s_end), topics, sentences),  # topic
        when,
        when_mod,
        relation,
        earliest,
        latest,
        precision,
        text[s_start:s_end],  # sentence
    )


# A sentence that opens by going on with the event the sentence before told ("In exchange, ...", "In
# return, ...", "The same day, ...") and tells no time of its own.
_SAME_EVENT_OPENER = re.compile(
    r"(?:In\s+(?:exchange|return|response)|At\s+the\s+same\s+time|(?:On\s+)?(?:the\s+same|that)\s+day),\s",
    re.IGNORECASE,
)


def _as_of_leads(
    text: str, sentences: _Sentences, quantities: Sequence[Quantity]
) -> list[tuple[int, int, TimeExpr]]:
    """Lead-ins that date the lines after them: a sentence with an "as of" date and no figure of its
    own ("According to the agency, as of the end of October:", "Table 2: Personnel (as of
    end-September 2025).") dates the figures after it in its paragraph that no time of their own (or
    of their clause) dates. Each: where the lead ends, where its paragraph ends, its time."""
    leads: list[tuple[int, int, TimeExpr]] = []
    starts = [q.start for q in quantities]
    for time in sentences.datable:
        if time.signal != "as of":
            continue
        s_start, s_end = sentences.enclosing(time.start, time.end)
        i = bisect.bisect_left(starts, s_start)
        if i < len(starts) and starts[i] < s_end:
            continue  # ("4,700 killed or wounded as of early March": the figure's own date)
        para_end = text.find("\n\n", s_end)
        leads.append((s_end, len(text) if para_end < 0 else para_end, time))
    return leads


_FUTURE = re.compile(r"\b(?:will|would|could|plans?|expects?|aims?)\b", re.IGNORECASE)
_PERIOD_SIGNALS = ("between", "from", "during", "in", "over", "throughout")


def _period_told_before(
    quantity: Quantity, sentences: _Sentences, s_start: int, s_end: int
) -> TimeExpr | None:
    """ "Between April and July, tankers made 43 trips. They carried half a million barrels in three
    months": a count over a span ("in three months") in a sentence with no date is of the period the
    sentence before told (not of the report's day; not a span ahead: "will deliver 300 tonnes in two
    weeks")."""
    text = sentences.text
    if s_start == 0:
        return None
    back = _BACK_TO_PERIOD.search(text, s_start, s_end)
    if back is not None:
        return _period_pointed_back_to(sentences, s_start)
    span = next(
        (t for t in sentences.times_in(quantity.end, s_end) if t.type == "DURATION" and t.signal == "in"),
        None,
    )
    if span is None or _FUTURE.search(text, s_start, span.start):
        return None
    p_start, p_end = sentences.enclosing(s_start - 1, s_start - 1)
    if p_end > s_start or p_start >= s_start:
        return None
    told = sentences.datable_in(p_start, p_end)
    if not told or told[0].signal not in _PERIOD_SIGNALS or told[0].precision == "day":
        return None
    if "since" in text[p_start : told[0].start].lower():
        return None  # ("since it began sending troops in the autumn of 2024": a start, no period)
    if len(told) > 2 or (len(told) == 2 and told[1].signal not in ("and", "to", "through", "until")):
        return None  # (one period only: a range's two ends, or one month, season or year)
    return told[0]


# Words pointing back to a period the text told: "during that period", "in the same period", "over
# that time", "during those months", "in those two years".
_BACK_TO_PERIOD = re.compile(
    r"\b(?:during|over|in|throughout|within)\s+(?:(?:that|this|the\s+same)\s+(?:period|time|span|stretch|window)"
    r"|(?:those|these|the\s+same)\s+(?:[\w-]+\s+)?(?:days|weeks|months|years))\b",
    re.IGNORECASE,
)
_BACK_REACH = 3  # sentences to walk back over to the one that told the period


def _period_pointed_back_to(sentences: _Sentences, s_start: int) -> TimeExpr | None:
    """ "... between October 2023 and April 2024. Monthly deliveries averaged 300,000 rounds during that
    period": the period the nearest sentence before with a time told (news runs a paragraph a sentence):
    a range ("between ... and ...", "from ... to ..."), a total's start ("since August 2023") or its one
    month, season or year."""
    start = s_start
    for _ in range(_BACK_REACH):
        before = sentences.enclosing(start - 1, start - 1) if start > 0 else None
        if before is None or before[0] >= start:
            return None
        start = before[0]
        told = [t for t in sentences.datable_in(*before) if t.precision != "day"]
        if not told:
            if any(t.type == "DURATION" for t in sentences.times_in(before[0], before[1])):
                return None  # "It has been six years since the talks. In that time, ...": that span, to now
            continue
        for i, t in enumerate(told):
            if t.signal in ("between", "from") and i + 1 < len(told):
                return t  # (its range, as anchored)
        since = [t for t in told if t.signal in SINCE_SIGNALS]
        if since:
            return since[-1]
        periods = [t for t in told if t.signal in _PERIOD_SIGNALS]
        return periods[0] if len(periods) == 1 else None
    return None


# A state that has gone on since a time ("roughly 200 plants have been running around the clock since
# the start of the year", "3,000 workers have been living there since 2024"): the count is of now, no
# total gathered since then ("9,000 workers have been sent since August" is one).
_PROGRESSIVE = re.compile(r"\b(?:has|have|had)\s+been\s+[a-z]+ing\b")


# "since" opening a clause whose verb the time dates: "since it began sending troops in the autumn of
# 2024", "since the deployment started in October", "since Moscow began ..." (a pronoun, an article or
# a name as its subject; no comma: ", since when" is no such clause)
_SINCE_CLAUSE = re.compile(r"\b[Ss]ince\s+(?:(?i:it|they|the|its|their)|[A-Z][\w'’-]*)\b[^,.;:()]*$")
_SINCE_CLAUSE_REACH = 80
# (after the count, what it counts may stand between: "$11.6bn and $20bn in cash, goods and technology
# since it began shipping shells to Moscow in the summer of 2023")
_SINCE_CLAUSE_AFTER_REACH = 120


def _since_clause(text: str, quantity: Quantity, time: TimeExpr) -> bool:
    end = max(quantity.end, quantity.unit_end or 0)
    if time.end <= quantity.start:
        # the clause before the count: "Since they entered the fighting in December, the units have
        # suffered over 4,000 killed" (set off by its comma)
        return (
            quantity.start - time.end <= _SINCE_CLAUSE_REACH
            and "," in text[time.end : quantity.start]
            and bool(_SINCE_CLAUSE.search(text, max(0, time.start - _SINCE_CLAUSE_REACH), time.start))
        )
    return end <= time.start <= end + _SINCE_CLAUSE_AFTER_REACH and bool(
        _SINCE_CLAUSE.search(text, end, time.start)
    )


def _since_a_state(text: str, quantity: Quantity, since: TimeExpr) -> bool:
    end = max(quantity.end, quantity.unit_end or 0)
    return (
        end <= since.start
        and "," not in text[end : since.start]
        and bool(_PROGRESSIVE.search(text, end, since.start))
    )


def _trailing_span(sentences: _Sentences, start: int, end: int, reference: Reference | None) -> str | None:
    """The first day of a span that ends on the reference day ("over the past two years", "in the
    last three months"), when the sentence names one and no date; else None."""
    if reference is None or reference.precision != "day":
        return None
    for time in sentences.times_from(start):
        if time.start >= end:
            break
        if time.start >= start and time.type == "DURATION" and _TRAILING.match(time.text):
            first = span_start(date.fromisoformat(reference.value), time.value)
            return first.isoformat() if first else None
    return None


_TRAILING = re.compile(r"(?:the\s+)?(?:past|last)\s+", re.IGNORECASE)
_HOURS = re.compile(r"PT(\d+)H")


# A price or a rate in a currency ("USD per round", "KRW per kg", "RUB per USD"): money, whatever
# the item bought.
_PRICE_UNIT = re.compile(r"[A-Z]{3} per ")


def _figure_topic(
    quantity: Quantity, text: str, sentence: Span, topics: Classifier, sentences: _Sentences
) -> str:
    topic = _counted_topic(quantity, text, sentence, topics, sentences)
    if topic == FALLBACK and topics.find(sentence) is None and not _counted_as_other(quantity, topics):
        # "They carried 16,000 containers", a count of nothing the lexicon knows in a sentence that
        # goes on from the one before
        return _topic_told_before(text, sentences, topics, sentence[0])
    return topic


def _counted_as_other(quantity: Quantity, topics: Classifier) -> bool:
    """Whether the figure counts what the lexicon names as about nothing in particular ("regions")."""
    if quantity.unit_start is None or quantity.unit_end is None or quantity.unit_end <= quantity.unit_start:
        return False
    return topics.find((quantity.unit_start, quantity.unit_end)) is not None


def _counted_topic(
    quantity: Quantity, text: str, sentence: Span, topics: Classifier, sentences: _Sentences
) -> str:
    topic = _counted_topic_of(quantity, text, sentence, topics, sentences)
    if (
        topic in ("money", "deployment")
        and topics.has_topic("sanctions")
        and (
            _FROZEN_ASSETS.search(text, sentence[0], sentence[1])
            or (
                topic == "deployment"
                and _LISTED_BEFORE.search(text, max(0, quantity.start - 40), quantity.start)
            )
        )
    ):
        # "The designations freeze assets worth £4.2 million held by two front companies", "frozen
        # assets totalled £25 billion": what a freeze holds is sanctions; "Among those listed are two
        # senior officers": the men a listing names
        return "sanctions"
    return topic


# An asset freeze told ("froze assets", "freeze assets worth", "frozen assets", "assets were frozen",
# "an asset freeze"), not any freeze ("a freeze in talks", "frozen squid")
_FROZEN_ASSETS = re.compile(
    r"\b(?:froze|freezes?|freezing|frozen|blocked)\s+(?:(?:the|their|its|all|some)\s+)?(?:[\w-]+\s+)?assets\b"
    r"|\bassets\s+(?:(?:were|was|have\s+been|has\s+been|had\s+been|remain|are|is)\s+)?(?:frozen|blocked)\b"
    r"|\basset[- ]freezes?\b",
    re.IGNORECASE,
)
_LISTED_BEFORE = re.compile(
    r"\b(?:those|persons|people|individuals)\s+(?:newly\s+)?(?:listed|designated|sanctioned)\s+(?:are|were|is|was|include[sd]?)"
    r"\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _counted_topic_of(
    quantity: Quantity, text: str, sentence: Span, topics: Classifier, sentences: _Sentences
) -> str:
    if quantity.currency or (quantity.unit and _PRICE_UNIT.match(quantity.unit)):
        return topics.classify("$") if topics.has_topic("money") else topics.classify(sentence)
    counted: Span | None = None
    # (the slice only tells an empty noun phrase, which gives way to the unit, from a real one)
    if (
        quantity.unit_start is not None
        and quantity.unit_end is not None
        and text[quantity.unit_start : quantity.unit_end]
    ):
        counted = (quantity.unit_start, quantity.unit_end)
    # A share ("40% of their initial deployment") is about what its sentence is about, unless what it
    # is a share of says ("hand over 70 to 90 percent of their wages", "40% of the shells").
    if quantity.percent:
        of = _SHARE_OF.match(text, quantity.end)
        topic = topics.classify(of.span(1)) if of else FALLBACK
        if topic not in _PLAIN_TOPICS:
            return topic
        # (a share of men is about what befell them: "nearly half of the engineers were wounded"); its
        # own clause tells before its sentence ("Manufacturing output jumped 6.8%, ..., including the
        # production of munitions": money)
        clause = sentences.topic_clause(sentence[0], sentence[1], quantity.start, quantity.end)
        told = topics.find(clause)
        return told if told is not None and told != FALLBACK else topics.classify(sentence, counted)
    if (
        counted is not None
        and quantity.unit
        and quantity.unit.endswith(" captured")
        and topics.classify(counted) == "deployment"
    ):
        counted = None  # "exchange the two soldiers for ...": soldiers the unit says were captured
    if (
        quantity.unit
        and quantity.unit.endswith(" captured")
        and topics.lexicon.topic_of(quantity.unit[: -len(" captured")]) == FALLBACK
    ):  # (a noun the lexicon files under "other" itself: "villages", not "Russians")
        return FALLBACK  # "captured 3 villages", "seized 1,300 square km": ground taken, no prisoners
    # (the unit may name a state the span does not; the figure's own clause tells before its sentence)
    clause = sentences.topic_clause(sentence[0], sentence[1], quantity.start, quantity.end)
    own = topics.find(counted)
    if own is None:
        own = topics.find(quantity.unit)
    if own is None:
        # (a clause about nothing in particular, "which is fewer than the 60 or so the United States has
        # named", says nothing: its sentence does)
        own = topics.find(clause)
        if own == FALLBACK:
            own = None
    topic = own if own is not None else topics.classify(sentence)
    if topic == "deployment":
        # men counted as what befell them in the figure's clause: "brought home 185 soldiers", "two
        # soldiers held by Ukraine", "added 12 generals to the designated persons"
        told = topics.find(clause or sentence)
        if told in _BEFALLEN_TOPICS and topics.has_topic(told):
            return told
    if topic == "deployment" and topics.has_topic("prisoners") and _held_after(text, quantity, sentence):
        return "prisoners"  # "8,000 of its soldiers remain in Russian captivity"
    if (
        topic == "deployment"
        and topics.has_topic("casualties")
        and _counted_as_losses(text, quantity, sentence[0])
    ):
        return "casualties"  # "losses over the past day amounted to 1,730 personnel"
    if topic == "deployment" and _LOST_BEFORE.search(text, max(0, quantity.start - 30), quantity.start):
        return "casualties"  # 'a unit lost "about 2,000" more troops'
    if (
        topic == "deployment"
        and topics.has_topic("casualties")
        and _HARMED_AFTER_ASIDE.match(text, max(quantity.end, quantity.unit_end or 0))
    ):
        return "casualties"  # "2,000 soldiers, or one in six of those sent, had been killed or wounded"
    if (
        topic == "deployment"
        and topics.has_topic("sanctions")
        and (
            _SANCTIONED_BEFORE.search(text, max(0, quantity.start - 30), quantity.start)
            or _LISTED_AFTER.match(text, quantity.unit_end or quantity.end)
        )
    ):
        return "sanctions"  # "added the defence minister and six generals to its sanctions list"
    return topic


# Men whose own clause says they are held or were handed back ("8,000 of its soldiers remain in
# Russian captivity", "185 servicemen were returned", in a sentence about an exchange) are prisoners.
_HELD_AFTER = re.compile(
    r"[^,;.]{0,60}?\b(?:captivity|custody|held\s+(?:captive|prisoner)|being\s+held|(?:are|were|was|is)"
    r"\s+(?:returned|released|freed|handed\s+over|exchanged|swapped|repatriated)"
    # (round30: "the previous exchange, when 185 soldiers came home")
    r"|(?:came|come|returned|flew|went)\s+(?:back\s+)?home)\b",
    re.IGNORECASE,
)
_EXCHANGE = re.compile(r"\b(?:exchange|swap|prisoner)", re.IGNORECASE)


def _held_after(text: str, quantity: Quantity, sentence: Span) -> bool:
    found = _HELD_AFTER.match(text, max(quantity.end, quantity.unit_end or 0), sentence[1])
    if found is None:
        return False
    word = found.group().lower()
    if "captivity" in word or "custody" in word or "held" in word:
        return True
    return _EXCHANGE.search(text, sentence[0], sentence[1]) is not None  # ("returned" from a deployment)


# What befell the men counted, told after an aside set off by commas.
_HARMED_AFTER_ASIDE = re.compile(
    r",(?:[^,.;]|(?<=\d)[,.](?=\d)){1,80},\s+(?:had|have|has)?\s*(?:been\s+|were\s+|was\s+)"
    r"(?:killed|wounded|injured|killed\s+or\s+(?:wounded|injured)|executed|slain)\b"
)


# A share "of them" ("About half of them occurred in the first three months") and a definite count that
# names again what a count before named ("the two prisoners ... The two soldiers do not speak English")
# are about what that count was about.
_OF_THEM_AFTER = re.compile(r"[^\S\n]+of[^\S\n]+(?:them|those|these)\b", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b(?:the|these|those)[^\S\n]+$", re.IGNORECASE)
_AMONG_THEM_AFTER = re.compile(r"(?:[^\S\n]+[A-Za-z-]+){0,3}?[^\S\n]+among[^\S\n]+them\b", re.IGNORECASE)
_TOLD_BEFORE_REACH = 400  # characters back to the count told before
_PEOPLE_TOPICS = ("prisoners", "casualties")  # what a count of the same men is said to be again
_PLAIN_TOPICS = ("deployment", "other")
# What a clause says befell the men it counts (not casualties: "an army of 1.2 million, the losses are
# small" counts no losses; ``_counted_as_losses`` tells those)
_BEFALLEN_TOPICS = ("prisoners", "sanctions")


def _topics_told_before(text: str, figures: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    for f in figures:
        before = out[-1] if out else None
        if before is not None and f.start - before.end <= _TOLD_BEFORE_REACH:
            if (
                f.percent
                and not before.percent
                and before.topic != "other"
                and _OF_THEM_AFTER.match(text, f.end)
            ):
                f = dataclasses.replace(f, topic=before.topic)
            elif f.topic in _PLAIN_TOPICS and _THE_BEFORE.search(text, max(0, f.start - 7), f.start):
                same = next(
                    (
                        g
                        for g in reversed(out)
                        if f.start - g.end <= _TOLD_BEFORE_REACH and g.low == f.low and g.high == f.high
                    ),
                    None,
                )
                if same is not None and same.topic in _PEOPLE_TOPICS:
                    f = dataclasses.replace(f, topic=same.topic)
            elif (
                f.topic != before.topic
                and before.topic in _PEOPLE_TOPICS
                and f.sentence == before.sentence
                and not (f.percent or f.currency or before.percent or before.currency)
                and (
                    _AMONG_THEM_AFTER.match(text, f.end)
                    or _PART_BEFORE.search(text, max(0, f.start - 16), f.start)
                )
            ):
                # "killing more than 20 civilians, four children among them": a part of the men
                # counted before befell what befell them
                f = dataclasses.replace(f, topic=before.topic)
        out.append(f)
    return out


_PART_BEFORE = re.compile(r"\b(?:including|of\s+whom|of\s+which)\s+$", re.IGNORECASE)


def _parts_of_since_totals(text: str, figures: list[Figure]) -> list[Figure]:
    """A part of a since-total is one too: "about 6,000 casualties since it began sending troops in the
    autumn of 2024, including roughly 2,000 deaths"."""
    out: list[Figure] = []
    for f in figures:
        before = out[-1] if out else None
        if (
            before is not None
            and before.relation == "ON_OR_AFTER"
            and f.relation is None
            and f.when == before.when
            and f.sentence == before.sentence
            and _PART_BEFORE.search(text, max(0, f.start - 16), f.start)
        ):
            f = dataclasses.replace(
                f, relation=before.relation, earliest=before.earliest, latest=before.latest
            )
        out.append(f)
    return out


# A count of a part of what the sentence before counted: "Of those, about 2,000 were killed", "Among
# them, 400 ...".
_OF_THOSE = re.compile(r"(?:Of|Among)\s+(?:those|these|them)\b|Of\s+(?:that|this)\s*,")
# Two counts joined by "and" before one "since" ("3,000 killed and 9,000 wounded since October"): what
# stands between them, and the "since" right after the second's counted words.
_JOINED = re.compile(r"[^\S\n]+(?:[a-z-]+[^\S\n]+){0,3}?and[^\S\n]+(?:[a-z]+[^\S\n]+){0,2}$")
_SINCE_AFTER = re.compile(r"[^\S\n]+(?:[a-z-]+[^\S\n]+){0,3}?since\b")


def _dated_as_told_before(text: str, figures: list[Figure], sentences: _Sentences) -> list[Figure]:
    """A figure takes the as-of date of the count it goes on with: a part counted "Of those" in a
    sentence with no time of its own takes the date of the last count of the sentence before ("3,000
    killed or wounded since December. Of those, about 1,000 were killed": since December); the first of
    two counts joined by "and" takes the "since" of the second ("3,000 killed and 9,000 wounded since
    October": both since October)."""
    out = list(figures)
    for i in range(len(out) - 2, -1, -1):
        first, second = out[i], out[i + 1]
        if (
            second.relation == "ON_OR_AFTER"
            and first.sentence == second.sentence
            and (first.when, first.relation) != (second.when, second.relation)
            and _JOINED.match(text[first.end : second.start])
            and _SINCE_AFTER.match(text, second.end)
        ):
            out[i] = _dated_as(first, second)
    for i in range(1, len(out)):
        f = out[i]
        s_start, s_end = sentences.enclosing(f.start, f.end)
        # (a time after the next count of the sentence is that count's: "Of those, 60 were fired,
        # including 20 in March")
        reach = out[i + 1].start if i + 1 < len(out) and out[i + 1].start < s_end else s_end
        if not _OF_THOSE.match(text, s_start) or sentences.datable_in(s_start, reach):
            continue
        before = out[i - 1]
        p_end = sentences.enclosing(before.start, before.end)[1]
        if before.sentence != f.sentence and p_end <= s_start and not text[p_end:s_start].strip():
            out[i] = _dated_as(f, before)
    return out


def _dated_as(f: Figure, other: Figure) -> Figure:
    return dataclasses.replace(
        f,
        when=other.when,
        when_mod=other.when_mod,
        relation=other.relation,
        earliest=other.earliest,
        latest=other.latest,
        precision=other.precision,
    )


# Men counted as those a sanctions list names: "sanctioned six generals", "... and six generals to its
# sanctions list"
_SANCTIONED_BEFORE = re.compile(
    r"\b(?:sanctioned|blacklisted|designated)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
_LISTED_AFTER = re.compile(
    r"[^.;:\n]{0,60}?\bto\s+(?:its|the|their|a)\s+(?:[\w-]+\s+)?(?:sanctions?\s+list|blacklist)",
    re.IGNORECASE,
)
# What a share is "of": its noun phrase after an owner ("of North Korea's gross domestic product",
# "of the country's GDP"), up to the next word that starts a clause or a phrase.
_SHARE_OF = re.compile(
    r"[^\S\n]+of[^\S\n]+(?:(?:the|their|its|his|her|all|our)[^\S\n]+)?"
    r"(?:[A-Za-z.-]+(?:[^\S\n]+[A-Za-z.-]+){0,2}['’]s[^\S\n]+)?"
    r"((?:[a-z]+|[A-Z]{2,5})(?:[^\S\n]+(?!(?:who|which|that|were|was|are|is|had|have|has|by|in|on|at|to|from|for"
    r"|with|and|or|as)\b)[a-z]+){0,3})(?![\w'’])"
)
_LOSSES = re.compile(r"\blosses\b", re.IGNORECASE)
# Men sent to make good losses are a deployment: "to replace the losses", "make up for the losses,
# bringing the total sent to".
_SENT_FOR_LOSSES = re.compile(
    r"\b(?:sent|send|sending|dispatch\w*|deploy\w*|reinforc\w*|replac\w*|make\s+up\s+for|compensat\w*|"
    r"offset)\b",
    re.IGNORECASE,
)
_LOST_BEFORE = re.compile(
    r"\blos(?:t|e|es|ing)\s+(?:(?:another|some|over|about|around|roughly|nearly|almost|more\s+than|up\s+to"
    r"|as\s+many\s+as|something\s+like)\s+)?[\"“]?$"
)
_PREVIOUS_SENTENCE_REACH = 300


def _counted_as_losses(text: str, quantity: Quantity, s_start: int) -> bool:
    """Whether troops counted stand under the word "losses": in the figure's sentence ("losses over
    the past day amounted to 1,730 personnel"), in the sentence before that counted the same noun
    ("... 1,730 personnel. The total is about 796,230 personnel") or in a tally's heading line
    ("Combat losses of the enemy as of 07.02.2025:" over "personnel - about 848,390")."""
    told = list(_LOSSES.finditer(text, s_start, quantity.start))
    if told:
        losses = told[-1]
        # (not men sent to make up for them: "3,000 troops to make up for the losses, bringing the
        # total number sent to roughly 14,000")
        return not (
            _SENT_FOR_LOSSES.search(text, losses.end(), quantity.start)
            or _SENT_FOR_LOSSES.search(text, max(s_start, losses.start() - 30), losses.start())
        )
    line_start = text.rfind("\n", 0, quantity.start) + 1
    if quantity.unit_start == line_start and line_start > 1:
        heading_start = text.rfind("\n", 0, line_start - 1) + 1
        heading = text[heading_start : line_start - 1].rstrip()
        return heading.endswith(":") and _LOSSES.search(heading) is not None
    if quantity.unit is None or line_start > s_start:
        return False
    before = text[max(line_start, s_start - _PREVIOUS_SENTENCE_REACH) : s_start]
    return _LOSSES.search(before) is not None and quantity.unit in before.lower()


_ADDING = re.compile(r",[^\S\n]+adding[^\S\n]+(?:that[^\S\n]+)?", re.IGNORECASE)


def _governing_time(
    quantity: Quantity, next_start: int, sentences: _Sentences, s_start: int, s_end: int
) -> TimeExpr | None:
    """The date of the figure's clause, else the nearest date of its sentence; a date after the next
    figure ("... with some landing within 50-100 meters, compared to 1-3 kilometers in early 2024") is
    that figure's, unless the sentence has no other."""
    in_sentence = sentences.datable_in(s_start, s_end)
    end = max(quantity.end, quantity.unit_end or 0)
    if in_sentence and _holds_now(sentences, s_start, s_end, quantity.start, end):
        return None  # "roughly 11,000 soldiers are currently in Russia, while ... arrived in May"
    if in_sentence and _trailing_span_after(sentences, end, min(next_start, s_end)):
        # "lost 1,140 troops over the past 24 hours, bringing its total since February 2022 to ...":
        # the span up to the report dates the count, the other clause's date its own count
        return None
    if any(t.signal in SINCE_SIGNALS for t in in_sentence):
        # "the highest since 2019, when trade stood at $47.9 million": the clause the baseline opens
        # tells what held then
        for t in in_sentence:
            if t.end <= quantity.start and _WHEN_CLAUSE.match(sentences.text, t.end, quantity.start):
                return dataclasses.replace(t, signal=None)  # (the figure holds then, not since then)
        # "fired 10 missiles, the first such launch since January": a baseline, no date of the figure
        in_sentence = [t for t in in_sentence if not _since_baseline(sentences.text, t, s_start)]
    # The figure reaches to the end of what it counts: "3,000 reinforcements who arrived in February"
    # is nearer February than a time before the number.
    if in_sentence and _RELATIVE_CLAUSE.search(sentences.text, end, in_sentence[-1].start):
        # "lost 76,000 men in the operation, which began on August 6, 2024": that date tells when
        # the operation began, not when the figure holds
        in_sentence = [t for t in in_sentence if not _in_relative_clause(sentences.text, t, end)]
    if in_sentence and in_sentence[-1].start > end and "dding" in sentences.text[end : in_sentence[-1].start]:
        # "roughly 600 later died, the agency said, adding that most had died in the winter": a time
        # in what the speaker added tells of that, not of the figure before it
        text = sentences.text
        in_sentence = [t for t in in_sentence if t.start < end or not _ADDING.search(text, end, t.start)]
        if not in_sentence:
            return None
    if in_sentence and ";" in sentences.text[s_start:s_end]:
        # "about 1,000 have already crossed; another 5,000 are to follow by year's end": a time in a
        # later clause dates that clause's count (a time before may govern both: "As of March, ...; ...")
        text = sentences.text
        in_sentence = [
            t for t in in_sentence if t.start < quantity.end or ";" not in text[quantity.end : t.start]
        ]
        if not in_sentence:
            return None
    if len(in_sentence) < 2:
        if in_sentence and _OTHER_CLAUSE.search(sentences.text, end, min(next_start, in_sentence[0].start)):
            # "34,000 defectors on its register, ..., when arrivals fell to 63 in 2021", '"six families
            # got the letter," said a woman who left in 2019': the time of another clause's subject
            return None
        # "About 18,000 troops are taking part, roughly the same number as last year": the base of a
        # comparison, not the figure's date
        if in_sentence and _comparison_base(sentences.text, in_sentence[0], end, single=True):
            return None
        if in_sentence and _dates_the_base(sentences.text, in_sentence[0], s_start, quantity.start, end):
            return None
        if in_sentence and _dates_another_count(
            sentences.text, in_sentence[0], quantity.start, end, next_start
        ):
            return None
        if (
            in_sentence
            and next_start <= in_sentence[0].start
            and _PART_AFTER.search(sentences.text, end, next_start)
            and ", " not in sentences.text[next_start : in_sentence[0].start]
        ):
            # "sanctioned over 2,900 individuals, including more than 1,000 in the past year": the time
            # dates the part, the whole holds on the article's day (not "4,000 casualties, of whom
            # some 600 were killed, by the end of February": a time set off by a comma dates both)
            return None
        return in_sentence[0] if in_sentence else None  # most sentences: no clause to look at
    c_start, c_end = _enclosing(sentences.clauses(s_start, s_end), quantity.start, quantity.end)
    in_clause = [t for t in in_sentence if c_start <= t.start < c_end]
    pool = in_clause or in_sentence
    before_next = [t for t in pool if t.start < next_start]
    if len(before_next) == 1 and _named_rate_base(sentences.text, before_next[0], end):
        # "grew 40 percent from 2022 to reach $9 million in 2023": the share is of the level's time
        before_next = []
    pool = before_next or pool
    kept = [t for t in pool if not _comparison_base(sentences.text, t, end)]
    if not kept and in_clause:
        # "1,300 containers on September 19 — nearly triple the average of 450 observed during 2023": the
        # clause's only time is the base; the sentence's time before it dates the multiple
        kept = [t for t in in_sentence if t.start < c_start and not _comparison_base(sentences.text, t, end)]
        if not kept:
            return None  # every time of the sentence dates a base: the figure holds at the report
    pool = kept or pool
    if quantity.unit_end is not None and quantity.unit_end <= quantity.start:
        # a count that borrows its noun from before ("of the 11,000 troops who arrived in the autumn,
        # fewer than 7,000 remained fit by March", "30 drones on Monday and 14 on Tuesday"): a time
        # between that noun and the count tells of the noun's own count
        # (not past another count: "the number of launches ...: about 70 in 2022, 25 in 2023 (of
        # which 5 ...)")
        unit_end = quantity.unit_end
        pool = [
            t
            for t in pool
            if not (
                unit_end <= t.start < quantity.start
                and _NO_DIGIT.fullmatch(sentences.text, unit_end, t.start)
            )
        ] or pool
    if len(pool) > 1:
        # "the NIS announced on Oct. 20 that 5,000 troops had been sent since September", "Since it
        # was set up in 2023, the trade has earned $20bn, the institute said on Monday": the time of
        # the saying is the as-of date only when the counted thing names none of its own
        told = [t for t in pool if _ATTRIBUTED.search(sentences.text, max(s_start, t.start - 60), t.start)]
        if told and len(told) < len(pool):
            pool = [t for t in pool if t not in told]
    after = [t for t in pool if t.start >= end]
    if after and after[0].signal == "as of":
        return after[0]  # "4,700 killed or wounded as of early March": the figure names its own date
    return min(pool, key=lambda t: _distance(sentences.text, t, quantity.start, end))


def _named_rate_base(text: str, time: TimeExpr, end: int) -> bool:
    """Whether ``time``, after a figure ending at ``end``, is the named base of a change by a share ("up
    6 percent from 2023")."""
    return (
        time.start >= end
        and _RATE_FROM_BEFORE.search(text, max(0, time.start - 60), time.start) is not None
        and not _RANGE_ON.match(text, time.end)
    )


# A clause opened after the figure about something else: a "when" clause after a comma whose time comes
# after the next count (", when arrivals fell to just 63 in 2021"), or the speaker of a quotation and
# what a relative clause tells of them ('," said a woman who left North Korea in 2019').
_OTHER_CLAUSE = re.compile(r",\s+when\s|[”\"]\s*(?:said|says|added|told)\b[^“”\"]*\bwho\b")


def _trailing_span_after(sentences: _Sentences, end: int, limit: int) -> bool:
    """Whether a span up to the report ("over the past 24 hours", "in the last week") follows the
    figure's noun in its own stretch (no comma between)."""
    text = sentences.text
    for time in sentences.times_from(end):
        if time.start >= limit:
            return False
        if time.start >= end and time.type == "DURATION" and _TRAILING.match(time.text):
            return time.start - end <= _TRAILING_REACH and "," not in text[end : time.start]
    return False


_TRAILING_REACH = 30


# A word that says the figure's clause holds at the report ("are currently in Russia", "remained
# deployed", "now believed to be"), or a "since" of its own that names no date ("more than 8,000
# casualties since the deployment began"): a time of another clause does not date it.
_NOW_WORDS = (
    "current", "now", "still", "present", "remain", "moment", "since", "coming", "next", "follow",
    "are ", "is ", "recent", "risen", "climbed", "stand at", "stands at",
)  # fmt: skip
_FRONTED_REACH = 12  # characters from the sentence's start to a time that governs it ("In January, ")
_HOLDS_NOW = re.compile(
    r"\b(?:currently|presently|now|still|at\s+present|at\s+the\s+moment|remain(?:s|ed)?"
    # a state told in the present ("11,000 soldiers are deployed in Kursk, while 3,000 more arrived in
    # January"; not "are estimated at", which may tell of a year named before)
    r"|(?:are|is)\s+(?:in|deployed|stationed|based|working|held|fighting|serving|living|believed\s+to\s+be)"
    # a toll told up to now ("the number killed in yesterday's strike has risen to five")
    r"|(?:has|have)\s+(?:now\s+)?(?:risen|climbed)"
    # a tally told in the present ("losses in Russia stand at more than 6,000"; not "stood at")
    r"|stands?\s+at)\b",
    re.IGNORECASE,
)
_SAID_ON = re.compile(r"\b(?:said|says|told|announced|stated|reported)(?:\s+[a-z]+)?\s+(?:on\s+)?$")
_AUXILIARIES = re.compile(r"\s+(?:(?:are|is|were|was|have|has|had)\s+(?:been\s+)?)?")  # "ago are still"
_OWN_SINCE = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+since\s+(?:the|its|their|it|they)\s+[a-z]")
_SINCE_TIME_REACH = 40  # characters after "since" where a time would be its date


def _holds_now(sentences: _Sentences, s_start: int, s_end: int, start: int, end: int) -> bool:
    """Whether the figure's clause tells it holds at the report, and names no date of its own."""
    text = sentences.text
    found = sentences.now_words.get(s_start)
    if found is None:
        window = text[s_start:s_end].lower()
        found = sentences.now_words[s_start] = any(word in window for word in _NOW_WORDS)
    if not found:
        return False  # (cheap test first, once per sentence)
    since = _OWN_SINCE.match(text, end)
    if since is not None and "," not in text[end : since.end()]:
        reach = since.end() + _SINCE_TIME_REACH
        return not any(end <= t.start < reach for t in sentences.datable_in(s_start, s_end))
    c_start, c_end = _enclosing(sentences.clauses(s_start, s_end), start, end)
    if _HOLDS_NOW.search(text, c_start, c_end):
        # (not under a time that opens the sentence: "In January, 300 were in Kursk, and 200 are still")
        fronted = any(
            t.start - s_start <= _FRONTED_REACH and text.startswith(",", t.end)
            for t in sentences.datable_in(s_start, min(start, c_start))
        )
        if fronted:
            return False
        in_clause = sentences.datable_in(c_start, c_end)
        if not in_clause:
            return True
        if any(t.signal == "as of" for t in in_clause):
            return False  # "has now confirmed 121,507 names, as of 1 August": the figure's own date
        # A time of the clause may date another stretch between commas ("14,000 troops are currently
        # deployed, the NIS said, a figure that includes 1,000 engineers sent over the summer") or
        # tell of the counted men ("two soldiers captured more than a year ago are still held"): the
        # figure's own stretch says it holds now
        st_start = max(c_start, text.rfind(",", c_start, start) + 1)
        comma = text.find(",", end, c_end)
        st_end = comma if comma >= 0 else c_end
        now = _HOLDS_NOW.search(text, st_start, st_end)
        if now is None:
            return False
        in_stretch = [t for t in in_clause if t.end > st_start and t.start < st_end]
        of_subject = [
            t
            for t in in_stretch
            if (end <= t.start and t.end <= now.start() and _AUXILIARIES.fullmatch(text, t.end, now.start()))
            # a time before the word that says the figure after it holds now tells of the subject or
            # of the saying ("the number killed in yesterday's strike has risen to five", "said in an
            # interview published Friday that the North now provides roughly 40%")
            or (
                t.end <= now.start()
                and now.end() <= start
                and t.signal not in SINCE_SIGNALS
                and t.start - s_start > _FRONTED_REACH  # (a post's stamp: "[10:20] Update: ...")
            )
        ]
        if len(of_subject) < len(in_stretch):
            return False
        # ("are now in Kursk, a spokesperson said Monday": the day it was said, unless a time of the
        # subject would date the figure instead)
        return bool(of_subject) or not any(
            _SAID_ON.search(text, end, t.start) for t in in_clause if t.start >= end
        )
    # (a vague time holds for the stretch between commas: "the first 1,000 arrive in the coming weeks,
    # the rest by year-end" is one clause)
    c_start = max(s_start, text.rfind(",", s_start, start) + 1)
    comma = text.find(",", end, s_end)
    c_end = comma if comma >= 0 else s_end
    if not _vague_time_in(sentences.times, c_start, c_end) or sentences.datable_in(c_start, c_end):
        return False
    # ("could send 1,000 more in coming weeks, the lawmaker said after a briefing on Thursday": the
    # day it was said dates what is expected)
    return not any(
        _SAID.search(text, end, t.start) for t in sentences.datable_in(s_start, s_end) if t.start >= end
    )


def _vague_time_in(times: list[TimeExpr], start: int, end: int) -> bool:
    """Whether a time that dates nothing stands in [start, end): "now", "in the coming weeks" ("the
    first 1,000 arrive in the coming weeks, the rest by year-end": not dated by year-end)."""
    return any(
        start <= t.start < end
        and (t.value in _VAGUE_VALUES or (t.type == "DURATION" and _COMING.match(t.text) is not None))
        for t in times
    )


_SAID = re.compile(r"\b(?:said|says|told|announced|stated|reported)\b")
# Verbs of a source telling a figure, and whom it told: the time right after them is the day it was
# told ("estimated last month", "told lawmakers on Thursday", "said in a report published on Monday")
_ATTRIBUTION_VERBS = (
    "said", "says", "told", "announced", "stated", "reported", "estimated", "assessed", "published",
    "released", "disclosed", "briefed",
)  # fmt: skip
_TOLD_WHOM = ("lawmakers", "legislators", "parliament", "reporters", "journalists", "the press")
_ATTRIBUTED = re.compile(
    r"\b(?:" + "|".join(_ATTRIBUTION_VERBS) + r")(?:\s+(?:" + "|".join(_TOLD_WHOM) + r"))?"
    r"(?:\s+(?:on|in|at|during))?\s+$"
)
_COMING = re.compile(r"(?:the\s+)?(?:coming|next|following|recent)\s", re.IGNORECASE)  # ("in recent months")


# The next figure's count, told with a participle that the time completes ("If the reported $2,000 per
# soldier is right, the 11,000 troops sent last autumn would ..."): the time is that count's.
_PARTICIPLES = (
    r"(?:sent|deployed|dispatched|delivered|shipped|supplied|transferred|recruited|captured|killed|wounded|"
    r"produced|exported|imported|bought|sold)"
)
_NEXT_PARTICIPLE = re.compile(rf"[\d,.]+(?:\s+[a-z][\w-]*){{1,3}}\s+{_PARTICIPLES}\s+$")
_COUNT_PARTICIPLE = re.compile(rf"\d(?:\s+[a-z][\w-]*){{1,3}}\s+{_PARTICIPLES}\s+$")


def _dates_another_count(text: str, time: TimeExpr, start: int, end: int, next_start: int) -> bool:
    """Whether the only time of the sentence completes the participle of another count: the next
    figure, which a comma sets apart from this one, or a count before ("the 11,000 troops sent last
    autumn would bring in some $22 million a month")."""
    if time.end <= start:
        return _COUNT_PARTICIPLE.search(text, max(0, time.start - 60), time.start) is not None
    if end <= time.start and time.end <= next_start and _TOLD_THAT.match(text, time.end):
        # "has since sent 6,000 engineers, according to the NIS, which announced in June that the first
        # 1,000 deminers had crossed": the day of that saying dates the count it tells, after it
        return _ATTRIBUTED.search(text, max(end, time.start - 60), time.start) is not None and not any(
            mark in text[time.end : next_start] for mark in ".;!?"
        )
    if not end <= next_start <= time.start or time.start - next_start > 60:
        return False
    return "," in text[end:next_start] and _NEXT_PARTICIPLE.match(text, next_start, time.start) is not None


_NO_DIGIT = re.compile(r"\D*")
_TOLD_THAT = re.compile(r",?\s+that\s")  # (matched right after the time of a saying)
# A "when" clause right after the time, with no other clause between it and the figure.
_WHEN_CLAUSE = re.compile(r",?\s+when\s+[^,;:()]*$")
_WHEN_OPENS = re.compile(r",?\s+when\s")  # (matched right after the time)
# The next figure is a part of this one: "2,900 individuals ..., including more than 1,000".
_PART_AFTER = re.compile(r"\b(?:including|of which|of whom|among them)\s+[^.;]*$")  # (searched to the part)


# A relative clause that tells when something else began (", which began on August 6, 2024", ", which
# broke out in 2022"): the start of the operation or war that the figure is counted over. (Other
# relative clauses may date the figure's own event: "$3,500 a share at closing, which is expected in
# December".)
_RELATIVE_CLAUSE = re.compile(
    r",\s+(?:which|that)\s+(?:had\s+|has\s+)?(?:began|begun|started|broke\s+out|erupted|was\s+launched)\b"
)  # (case-sensitive: the leading comma is then searched for as a literal, fast)


def _in_relative_clause(text: str, time: TimeExpr, counted_end: int) -> bool:
    """Whether ``time`` stands in such a clause about a noun after the figure's own (not "3,000
    troops, which began arriving in February", about the troops), not closed before the time (by a
    comma or a dash)."""
    if time.start < counted_end:
        return False
    clauses = list(_RELATIVE_CLAUSE.finditer(text, counted_end, time.start))
    if not clauses:
        return False
    opened = clauses[-1]  # the last one before the time
    if not text[counted_end : opened.start()].strip():
        return False
    between = text[opened.end() : time.start]
    return "," not in between and "—" not in between and " - " not in between


# "up 36 percent from a year earlier", "12 times the number a year earlier": the time a change is
# measured against, not the figure's date.
_COMPARED_BY = re.compile(
    r"\s+(?:(?:more|less|fewer|higher|lower|greater|larger|smaller|bigger)\s+)?"  # ("12 times more than")
    r"(?:from|than|over|on|compared\s+(?:with|to)|the\s+(?:number|level|figure|amount|total))\s+",
    re.IGNORECASE,
)
_COMPARED_BEFORE = re.compile(r"\b(?:from|than|compared\s+(?:with|to))\s+$", re.IGNORECASE)
_EARLIER_PERIOD = re.compile(r"\b(?:earlier|ago|before|previous|prior|preceding|last|same)\b", re.IGNORECASE)


_EARLIER_AFTER = re.compile(r"\s+(?:before|earlier)\b", re.IGNORECASE)
_SAME_AS = re.compile(r"\bsame(?:\s+[\w-]+){0,2}\s+as\s+$", re.IGNORECASE)  # "the same number as"
# A multiple or a part of a base after the figure: "nearly triple the number at the end of", "twice the
# level of", "a third of the total in".
_BASE_NOUNS = (
    r"(?:number|level|total|figure|amount|average|cap|rate|volume|count|pace|tally|sum|size"
    r"|estimate|assessment)s?"
)
_MULTIPLE_OF = re.compile(
    r"\b(?:double|triple|quadruple|twice|thrice|half|(?:two|three|four|five|ten|\d+)\s+times|"
    rf"a\s+(?:third|quarter|fifth|tenth)\s+of)\s+(?:the|its|their|that|those)\s+(?:[\w'’-]+\s+){{0,2}}?{_BASE_NOUNS}\b"
    r"(?:[^,;.]|(?<=\d)[,.](?=\d)){0,60}$",  # (a number's comma ends nothing: "of some 2,700 wounded")
    re.IGNORECASE,
)
_MULTIPLE_END = re.compile(r"\b(?:double|triple|quadruple|twice|thrice|times)$", re.IGNORECASE)
_BASE_NOUN = re.compile(
    rf"\s+(?:the|its|their|that|those)\s+(?:[\w'’-]+\s+){{0,2}}?{_BASE_NOUNS}\b"
    r"(?:[^,;.]|(?<=\d)[,.](?=\d)){0,60}$",
    re.IGNORECASE,
)
# "roughly double last year's average", "triple 2023's total": the base named by a time's possessive
_MULTIPLE_BEFORE = re.compile(
    r"\b(?:double|triple|quadruple|twice|thrice|(?:two|three|four|five|ten|\d+)\s+times)\s+$", re.IGNORECASE
)
# "12 times as many as the year before", "four times as much as in 2023": the time is the base
_MULTIPLE_AS = re.compile(
    r"\b(?:double|triple|twice|thrice|(?:two|three|four|five|ten|\d+)\s+times)\s+as\s+(?:many|much|large|high)\s+"
    r"as\s+(?:in\s+|at\s+|during\s+)?$",
    re.IGNORECASE,
)
_AS_MANY_AS = re.compile(r"\s+as\s+(?:many|much|large|high)\s+as\s+(?:in\s+|at\s+|during\s+)?")
_POSSESSIVE_BASE = re.compile(rf"['’]s\s+(?:[\w-]+\s+)?{_BASE_NOUNS}\b", re.IGNORECASE)
# A time that closes a base told before the figure: "13,221 in 2024, up from 1,634 a year earlier, with
# about 8,000 of them", "up from 10 million at the start of the year, in over 28,000 containers".
# (not "from September 2023 to the end of 2024": a year is no count)
_BASE_TOLD_BEFORE = re.compile(
    r"\b(?:from|than|compared\s+(?:with|to))\s+(?:[a-z]+\s+){0,3}?[$€£]?(?!(?:1[89]|20)\d\d\b)\d[\d,.]*"
    r"(?:\s*(?:million|billion|thousand|[mbk]n?))?(?:\s+[a-z]+){0,2}?\s+(?:(?:at|in|on|by|during)\s+)?(?:the\s+)?$"
)


# A bound or rule a figure is measured against, dated by when it was set ("above the cap set by the
# Security Council in 2017", "below the limit agreed in 2019", "twice the quota fixed for 2023")
_MEASURED_AGAINST = re.compile(
    r"[,(]\s*(?:well\s+|far\s+|just\s+|still\s+)?(?:above|below|over|under|beyond|exceeding|within|breaching)"
    r"\s+(?:the|a|its|their)\s+(?:[\w-]+\s+){0,3}?(?:cap|caps|limit|limits|ceiling|quota|threshold)"
    r"\s+(?:it\s+|that\s+|which\s+)?(?:was\s+)?(?:set|fixed|imposed|agreed|adopted|introduced|established)"
    r"\b[^,;.!?\n]{0,50}$",
    re.IGNORECASE,
)


def _comparison_base(text: str, time: TimeExpr, end: int, single: bool = False) -> bool:
    """Whether ``time`` is what a change or a likeness is measured against; ``single``: the only time
    of its sentence, a base only after "the same ... as" (cheap test first)."""
    if time.start >= end and (
        _MULTIPLE_OF.search(text, max(end, time.start - 90), time.start)
        or (_MULTIPLE_END.search(text, max(0, end - 12), end) and _BASE_NOUN.match(text, end, time.start))
        or (
            _MULTIPLE_BEFORE.search(text, max(0, time.start - 24), time.start)
            and _POSSESSIVE_BASE.match(text, time.end)
        )
        or _MULTIPLE_AS.search(text, max(end, time.start - 40), time.start)
        or (
            _MULTIPLE_END.search(text, max(0, end - 12), end) and _AS_MANY_AS.fullmatch(text, end, time.start)
        )
    ):
        # "15,000 workers, nearly triple the number at the end of 2024", "double the level of 2023"; the
        # multiple itself ("nearly triple") is not dated by its base either
        return True
    if time.start < end and _BASE_TOLD_BEFORE.search(text, max(0, time.start - 40), time.start):
        return True  # "13,221 in 2024, up from 1,634 a year earlier, with about 8,000 of them"
    if _named_rate_base(text, time, end):
        return True  # "$2.18 billion in 2024, up 6 percent from 2023": the share is 2024's too
    if time.start >= end and _MEASURED_AGAINST.search(text, max(end, time.start - 90), time.start):
        return True  # "20,000 containers, above the cap set by the Security Council in 2017": the cap's date
    if (
        single
        and time.start >= end
        and _BASE_BEFORE.search(text, max(end, time.start - 60), time.start)
        and (_EARLIER_PERIOD.search(time.text) or _BEFORE_AFTER.match(text, time.end))
    ):
        return True  # "rose 6.8%, a sharp increase from the previous year": the base of the change
    if single and not text.startswith("as ", time.start - 3):
        return False
    if _EARLIER_PERIOD.search(time.text) is None and not _EARLIER_AFTER.match(text, time.end):
        return False  # ("than the year before": the word that makes it earlier follows the time)
    if time.start >= end:
        if _SAME_AS.search(text, max(0, time.start - 40), time.start):
            return True  # "18,000 troops take part, roughly the same number as last year"
        return not single and _COMPARED_BY.fullmatch(text, end, time.start) is not None
    # before the figure: "fell 18 percent compared with a year earlier, to 690 billion yen"
    return _COMPARED_BEFORE.search(text, max(0, time.start - 16), time.start) is not None


# A count a change is measured from, after a figure ("62 percent, compared with 48 percent in 2024",
# "66 percent, down 4 points from a record 70.2 percent in 2023") or before it ("fell from 18,000 won
# in early 2024 to around 13,500 won").
# (not "more than 40", a qualifier, nor "from the 47th Brigade", an ordinal)
_BASE_NUMBER_AFTER = re.compile(
    r"\b(?:compared\s+(?:with|to)|from|above|below|beyond|exceeding|(?<!more\s)(?<!less\s)(?<!fewer\s)than)"
    r"\s+(?:[a-z]+\s+){0,3}?"  # ("above the cap of 500,000 barrels set by a 2017 resolution")
    r"(?:[$€£]?\d+(?:[.,]\d+)*(?![\d.,]|st\b|nd\b|rd\b|th\b)|(?:none|zero|nil)\b)",  # ("compared with none")
    re.IGNORECASE,
)
_CHANGE_TO = re.compile(r",?\s+to\s+(?:(?:about|around|roughly|some|nearly|almost|just|over|under)\s+)?$")
_FROM_NUMBER = re.compile(r"\bfrom\s+(?:[a-z]+\s+){0,2}?[$€£]?\d")


def _dates_the_base(text: str, time: TimeExpr, s_start: int, start: int, end: int) -> bool:
    """Whether the only time of a sentence dates the base a figure is compared with, not the figure."""
    if time.start >= end:
        return _BASE_NUMBER_AFTER.search(text[end : time.start]) is not None
    if time.end > start:
        return False
    return (
        _CHANGE_TO.search(text, time.end, start) is not None
        and _FROM_NUMBER.search(text, s_start, time.start) is not None
    )


_ASIDE_BEFORE = re.compile(r",\s+[a-z]+ed(?:\s+[a-z]+){0,2}\s+$")  # (", designated today,")
_COMMA_DISTANCE = 25  # what a comma between a time and the figure after it adds to their distance


def _distance(text: str, time: TimeExpr, start: int, end: int) -> int:
    """How far a time is from a figure spanning [start, end). A comma between a time and the figure
    after it most often closes the time's own phrase ("sent since October 2024, plus 6,000 engineers
    last year"), so it counts as distance."""
    if time.start >= end:
        return time.start - end
    gap = abs(start - time.end)
    if "," not in text[time.end : start]:
        return gap
    if text.startswith(",", time.end) and _ASIDE_BEFORE.search(text, max(0, time.start - 40), time.start):
        # "Sobaeksu, designated today, dispatched 2,500 laborers ... between January and August": the
        # time of an aside about the subject
        return gap + 3 * _COMMA_DISTANCE
    return gap + _COMMA_DISTANCE
