"""Exact-value tests for the temporal engine: recognition, normalization, anchoring, description."""

from __future__ import annotations

import re
from pathlib import Path
from time import perf_counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dprk_tracker.model import PRECISIONS, Reference, TimeExpr
from dprk_tracker.times import (
    ago_bound,
    anchor_interval,
    describe,
    explicit_years,
    find_times,
    parse_date,
    recognize_times,
    resolve_times,
)

YEAR_2025 = Reference("2025", "year", "inferred")
DAY = Reference("2025-01-10", "day")  # a Friday
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_175e1476b8423eb6.txt"


def one(text: str, reference: Reference | None = DAY) -> TimeExpr:
    times = find_times(text, reference)
    assert len(times) == 1, times
    return times[0]


def values(text: str, reference: Reference | None = DAY) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, reference)]


# --- The seed -------------------------------------------------------------------------------------


def test_seed_times_against_inferred_year() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = [(t.text, t.value, t.mod, t.earliest, t.latest, t.signal) for t in find_times(text, YEAR_2025)]
    assert found == [
        ("earlier this year", "2025", None, "2025-01-01", "2025-12-31", None),
        ("2024", "2024", None, "2024-01-01", "2024-12-31", "since"),
        ("June 2024", "2024-06", None, "2024-06-01", "2024-06-30", "in"),
        ("early 2025", "2025", "START", "2025-01-01", "2025-04-30", "by"),
        ("2023", "2023", None, "2023-01-01", "2023-12-31", "in"),
        ("February", "2025-02", None, "2025-02-01", "2025-02-28", "in"),
    ]


def test_seed_non_times() -> None:
    text = SEED.read_text(encoding="utf-8")
    spans = {t.text for t in find_times(text, YEAR_2025)}
    assert not spans & {"1874", "45", "0", "40%", "may", "6136"}


# --- Absolute dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("on Oct. 8, 2024 troops", "Oct. 8, 2024", "2024-10-08"),
        ("8 October 2024", "8 October 2024", "2024-10-08"),
        ("October 8th, 2024", "October 8th, 2024", "2024-10-08"),
        ("2024-10-08", "2024-10-08", "2024-10-08"),
        ("10/8/2024", "10/8/2024", "2024-10-08"),
        ("2024/10/08", "2024/10/08", "2024-10-08"),
        ("KYIV (23rd Dec, 2024) -", "23rd Dec, 2024", "2024-12-23"),
        ("in June 2024", "June 2024", "2024-06"),
        ("mid-December 2024", "mid-December 2024", "2024-12"),
        ("in 2023,", "2023", "2023"),
        ("the 1990s", "the 1990s", "199X"),
        ("the late 1990s", "the late 1990s", "199X"),
        ("the summer of 2024", "the summer of 2024", "2024-SU"),
        ("winter 2024", "winter 2024", "2024-WI"),
        ("the first quarter of 2024", "the first quarter of 2024", "2024-Q1"),
        ("Q3 2024", "Q3 2024", "2024-Q3"),
        ("the first half of 2024", "the first half of 2024", "2024-H1"),
        ("H2 2023", "H2 2023", "2023-H2"),
        ("mid-2024", "mid-2024", "2024"),
        ("the end of 2024", "the end of 2024", "2024"),
    ],
)
def test_absolute(text: str, span: str, value: str) -> None:
    time = one(text)
    assert (time.text, time.value) == (span, value)
    assert text[time.start : time.end] == time.text


def test_mods_and_bounds() -> None:
    early = one("by early 2025")
    assert (early.mod, early.earliest, early.latest) == ("START", "2025-01-01", "2025-04-30")
    assert early.signal == "by"
    mid = one("mid-2024")
    assert (mid.mod, mid.earliest, mid.latest) == ("MID", "2024-05-01", "2024-08-31")
    late = one("late 2024")
    assert (late.mod, late.earliest, late.latest) == ("END", "2024-09-01", "2024-12-31")
    # "the end of" a year is its last month, not its last third
    end = one("the end of 2024")
    assert (end.mod, end.earliest, end.latest) == ("END", "2024-12-01", "2024-12-31")
    winter = one("winter 2024")
    assert (winter.earliest, winter.latest, winter.precision) == ("2024-12-01", "2025-02-28", "season")
    decade = one("the 1990s")
    assert (decade.earliest, decade.latest, decade.precision) == ("1990-01-01", "1999-12-31", "decade")


def test_day_range_is_one_expression() -> None:
    time = one("on 14-15 July 2024")
    assert (time.text, time.value) == ("14-15 July 2024", "2024-07-14")
    assert (time.earliest, time.latest) == ("2024-07-14", "2024-07-15")


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("the 1950-53 Korean War", "1950-01-01", "1953-12-31"),
        ("in the 2024-25 season", "2024-01-01", "2025-12-31"),
        ("from 1999-01 on", "1999-01-01", "2001-12-31"),
    ],
)
def test_a_span_of_years_runs_to_the_end_of_the_last(text: str, earliest: str, latest: str) -> None:
    time = one(text)
    assert (time.value, time.earliest, time.latest) == (earliest[:4], earliest, latest)


@pytest.mark.parametrize(
    ("text", "span", "earliest", "latest"),
    [
        ("talks on March 5-6, 2024 in Hanoi", "March 5-6, 2024", "2024-03-05", "2024-03-06"),
        ("the summit on April 24 and 25.", "April 24 and 25", "2024-04-24", "2024-04-25"),
        ("on Oct. 8 or 9, 2024", "Oct. 8 or 9, 2024", "2024-10-08", "2024-10-09"),
        ("between 24 and 25 April 2024", "24 and 25 April 2024", "2024-04-24", "2024-04-25"),
    ],
)
def test_two_days_are_one_expression(text: str, span: str, earliest: str, latest: str) -> None:
    time = one(text)
    assert (time.text, time.value, time.earliest, time.latest) == (span, earliest, earliest, latest)


def test_a_count_after_and_is_no_second_day() -> None:
    assert values("on April 24 and 25 troops arrived") == [("April 24", "2024-04-24")]
    assert values("March 5-6,000 shells") == [("March 5", "2025-03-05")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A deadline met under a past verb is past; one set in the past may still lie ahead.
        ("Troops were deployed by early December.", [("early December", "2024-12")]),
        ("The work was completed by mid-December.", [("mid-December", "2024-12")]),
        ("Russia agreed to withdraw by December.", [("December", "2025-12")]),
        ("It gave them until May to answer.", [("May", "2025-05")]),
        # "since" starts in the past, whatever is between it and the verb.
        (
            "Russia has supplied about 1 million barrels of oil since March, the think tank said.",
            [("March", "2024-03")],
        ),
        ("Since March, troops have fought.", [("March", "2024-03")]),
    ],
)
def test_deadlines_and_since_against_a_january_reference(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, Reference("2025-01-13", "day")) == expected


def test_range_partner_lends_year() -> None:
    assert values("between October and December 2024") == [
        ("October", "2024-10"),
        ("December 2024", "2024-12"),
    ]
    assert values("from 2022 to 2024") == [("2022", "2022"), ("2024", "2024")]


# --- Relative expressions against a day reference -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("yesterday", "yesterday", "2025-01-09"),
        ("today", "today", "2025-01-10"),
        ("tomorrow", "tomorrow", "2025-01-11"),
        ("last week", "last week", "2025-W01"),
        ("this week", "this week", "2025-W02"),
        ("next month", "next month", "2025-02"),
        ("last month", "last month", "2024-12"),
        ("last year", "last year", "2024"),
        ("two years ago", "two years ago", "2023"),
        ("a year earlier", "a year earlier", "2024"),
        ("earlier this month", "earlier this month", "2025-01"),
        ("late last year", "late last year", "2024"),
        ("the last decade", "the last decade", "201X"),
        ("this spring", "this spring", "2025-SP"),
        ("last summer", "last summer", "2024-SU"),
        ("Oct. last year", "Oct. last year", "2024-10"),
        ("May 18 of last year", "May 18 of last year", "2024-05-18"),
        ("now", "now", "PRESENT_REF"),
        ("recently", "recently", "PAST_REF"),
        ("the weekend", "the weekend", "2025-W01-WE"),
    ],
)
def test_relative(text: str, span: str, value: str) -> None:
    time = one(text)
    assert (time.text, time.value) == (span, value)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        (
            "On Tuesday of last week, officials",
            "2024-10-15",
            [("Tuesday", "2024-10-08"), ("last week", "2024-W41")],
        ),
        (
            "said on Wednesday (Oct. 23) that",
            "2024-10-25",
            [("Wednesday", "2024-10-23"), ("Oct. 23", "2024-10-23")],
        ),
        ("this past weekend", "2024-11-20", [("this past weekend", "2024-W46-WE")]),
        ("in the first week of November", "2024-11-20", [("the first week of November", "2024-W45")]),
        # (the week holding most of days 1-7: March 1, 2025 is a Saturday, its week mostly February's)
        ("in the first week of March 2025", "2025-11-20", [("the first week of March 2025", "2025-W10")]),
        ("in the last week of August 2025", "2025-11-20", [("the last week of August 2025", "2025-W35")]),
        ("the Korean War (1950-1953)", "2024-11-20", [("1950", "1950"), ("1953", "1953")]),
        ("in nineteen ninety-six", "2024-11-20", [("nineteen ninety-six", "1996")]),
        ("on Thanksgiving Day", "2024-12-02", [("Thanksgiving Day", "2024-11-28")]),
        ("by Christmas", "2024-11-20", [("Christmas", "2024-12-25")]),
        ("the 20th century", "2024-11-20", [("the 20th century", "19XX")]),
        ("the year before the war", "2024-11-20", []),
        (
            "The company earned $5 in the third quarter, up from $4 a year earlier.",
            "1989-10-26",
            [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3")],
        ),
        (
            "they met in 2019 and again the following year",
            "2024-11-20",
            [("2019", "2019"), ("the following year", "2020")],
        ),
        # A year as the subject of its sentence: the verb after it is no counted plural.
        ("Analysts said 2024 was the deadliest year.", "2025-06-01", [("2024", "2024")]),
        ("2023 marks a turning point.", "2025-06-01", [("2023", "2023")]),
        # Years in words: after a signal, a determiner or at a sentence's start; elsewhere a count.
        ("Nineteen ninety-nine was hard.", "2024-11-20", [("Nineteen ninety-nine", "1999")]),
        ("a nineteen ninety-seven attack", "2024-11-20", [("nineteen ninety-seven", "1997")]),
        ("noted that eighteen-hundred North Korean troops died", "2024-11-20", []),
        ("Eighteen hundred troops died.", "2024-11-20", []),
        ("Atlanta nineteen ninety-six. A bomb blast", "2024-11-20", [("nineteen ninety-six", "1996")]),
        ("in nineteen hundred", "2024-11-20", [("nineteen hundred", "1900")]),
        ("shipped eighteen-hundred 122mm rockets", "2024-11-20", []),
        # "The year of ...": a period named by what follows, not the reference date's.
        ("It was remembered as the year of the deployment.", "2024-11-20", []),
        ("The NIS said this past Monday that", "2024-11-20", [("this past Monday", "2024-11-18")]),
        # A year compared with after a word of change is a year; "over 2000 troops" stays a count.
        ("exports rose, a tenfold increase over 2023.", "2024-11-20", [("2023", "2023")]),
        ("trade was up 5% from 2022", "2024-11-20", [("2022", "2022")]),
        ("It sent over 2000 troops.", "2024-11-20", []),
        # A bare month joined to a month before it: "visits in January and July".
        (
            "following visits in January and July.",
            "2024-11-20",
            [("January", "2024-01"), ("July", "2024-07")],
        ),
        ("in February, and June said", "2024-11-20", [("February", "2024-02")]),
        ("talks in the week of the summit", "2024-11-20", []),
        ("a high for the year of $42 a share", "2024-11-20", [("the year", "2024")]),
    ],
)
def test_context_classes(text: str, reference: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, Reference(reference, "day")) == expected


def test_weekday_nearest_on_or_before() -> None:
    assert one("said on Sunday", DAY).value == "2025-01-05"
    assert one("on Thursday", DAY).value == "2025-01-09"
    assert one("on Friday", DAY).value == "2025-01-10"  # the same day
    assert one("last Friday", DAY).value == "2025-01-03"
    assert one("next Monday", DAY).value == "2025-01-13"
    assert one("will meet on Tuesday", DAY).value == "2025-01-14"  # future clause looks ahead


def test_month_without_year() -> None:
    # More than ~2 months after the reference: the previous year (news README, n005).
    assert one("reached Russia in November", DAY).value == "2024-11"
    assert one("in February", DAY).value == "2025-02"
    assert one("on 7 March", Reference("2024-11-22", "day")).value == "2024-03-07"
    assert one("in February", YEAR_2025).value == "2025-02"


# --- Tense of the governing verb (months, days and weekdays) -----------------------------------------


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # A future verb sends a month already past to next year; a past verb sends a month still to come
        # to last year; with no verb (a date used as a modifier) the two-month convention stands.
        ("Officials said the talks will resume in January.", "2024-10-15", [("January", "2025-01")]),
        ("The delegation was received in Pyongyang in December.", "2024-10-15", [("December", "2023-12")]),
        ("Delegates met in December.", "2024-10-15", [("December", "2023-12")]),
        ("Diplomats expect a December summit.", "2024-10-15", [("December", "2024-12")]),
        ("under a June agreement", "2025-01-10", [("June", "2024-06")]),
        # A participle after "will be" is not a past tense.
        ("The aid will be delivered on Dec. 14.", "2024-10-15", [("Dec. 14", "2024-12-14")]),
        ("the spring offensive planned for early March", "2025-02-10", [("early March", "2025-03")]),
        # a timetable in the present is ahead
        ("The forum closes on Thursday.", "2025-11-12", [("Thursday", "2025-11-13")]),
        ("Joint drills begin Monday near Pocheon.", "2025-11-12", [("Monday", "2025-11-17")]),
        ("The talks, which opened on Monday, broke up.", "2025-11-12", [("Monday", "2025-11-10")]),
        # A past perfect turns a plan or a deadline into the past.
        ("The offer had been due to expire Friday.", "2025-01-13", [("Friday", "2025-01-10")]),
        ("All ministries had filed their reports by Wednesday.", "2025-01-10", [("Wednesday", "2025-01-08")]),
        ("Seoul must respond by Wednesday.", "2025-01-10", [("Wednesday", "2025-01-15")]),
        # Future in reported speech.
        ("He said he would travel to Moscow on Thursday.", "2025-01-13", [("Thursday", "2025-01-16")]),
        # An expression opening its sentence takes the tense of the verb after it.
        ("On Tuesday, the ministry will hold a briefing.", "2025-01-13", [("Tuesday", "2025-01-14")]),
        ("On Tuesday, the ministry held a briefing.", "2025-01-13", [("Tuesday", "2025-01-07")]),
        (
            "On Friday, the government planned to release the figures.",
            "2025-01-13",
            [("Friday", "2025-01-10")],
        ),
        # A possessive dates a noun, not the clause's verb.
        ("Lawyers said they would appeal Wednesday's ruling.", "2025-01-10", [("Wednesday", "2025-01-08")]),
    ],
)
def test_tense_of_governing_verb(text: str, reference: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, Reference(reference, "day")) == expected


# --- Classes of the TimeBank accuracy round ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # "the past decade/century" is the span up to the reference, not the previous calendar decade.
        (
            "Attacks became routine over the past decade.",
            "1998-10-25",
            [("the past decade", "DURATION", "P10Y")],
        ),
        ("one of the events of the past century", "1989-11-01", [("the past century", "DURATION", "P100Y")]),
        ("Wages lost ground in the last decade.", "1998-02-06", [("the last decade", "DATE", "198X")]),
        # A half or quarter of something other than a year is no calendar half.
        ("the trend of the last half of the '80s", "1989-10-26", [("the '80s", "DATE", "198X")]),
        ("He scored in the second half of the match.", "2025-01-10", []),
        ("Prices rose in the first half of the 1990s.", "2025-01-10", [("the 1990s", "DATE", "199X")]),
        (
            "Net fell in the third quarter of $5 million.",
            "1989-10-26",
            [("the third quarter", "DATE", "1989-Q3")],
        ),
        (
            "Sales rose in the first half of the year.",
            "2025-08-10",
            [("the first half of the year", "DATE", "2025-H1")],
        ),
        # A possessive, or the determiner of a hyphenated modifier, is not part of the expression.
        (
            "The company reported its third quarter results.",
            "1989-10-26",
            [("third quarter", "DATE", "1989-Q3")],
        ),
        ("a factor in the third-quarter loss", "1989-10-26", [("third-quarter", "DATE", "1989-Q3")]),
        (
            "Analysts said that fourth-quarter profit fell.",
            "1990-02-01",
            [("fourth-quarter", "DATE", "1989-Q4")],
        ),
        ("the 14-day waiting period", "2000-06-01", [("14-day", "DURATION", "P14D")]),
        ("the eight-year war with Iran", "1990-08-15", [("eight-year", "DURATION", "P8Y")]),
        ("over the past two months", "2025-01-10", [("the past two months", "DURATION", "P2M")]),
        # Unit-long modifiers: one unit, or an unknown number of them; "a" never counts several.
        ("after their third day-long meeting", "2025-01-10", [("day-long", "DURATION", "P1D")]),
        ("a decades-long standoff", "2025-01-10", [("decades-long", "DURATION", "PXDE")]),
        ("a weeklong visit to Moscow", "2025-01-10", [("weeklong", "DURATION", "P1W")]),
        ("a months-long probe", "2025-01-10", [("months-long", "DURATION", "PXM")]),
        ("an hour-long speech", "2025-01-10", [("an hour-long", "DURATION", "PT1H")]),
        # "the 1989 period" in a results story: the reported quarter, or the year after "nine months".
        (
            "Net rose in the third quarter. In the 1989 period, costs fell.",
            "1989-11-01",
            [("the third quarter", "DATE", "1989-Q3"), ("the 1989 period", "DATE", "1989-Q3")],
        ),
        (
            "In the first nine months, net was $306 million, against a loss in the 1988 period.",
            "1989-11-02",
            [("the first nine months", "DURATION", "P9M"), ("the 1988 period", "DATE", "1988")],
        ),
        ("Rules should be in place by year's end.", "1989-10-26", [("year's end", "DATE", "1989")]),
        # A count of things "a week" is a rate, not a span; "a week later" stays a span.
        ("Qantas flies four flights a week to Bombay.", "1998-02-13", []),
        ("The route gains 700 seats a week.", "1998-02-13", []),
        ("They freed ten prisoners a week later.", "2025-01-10", [("a week", "DURATION", "P1W")]),
        # Vague spans ahead; a vague count of quarters is a span, a numbered one of something a fraction.
        ("Prices will stay high in the near term.", "2025-01-10", [("the near term", "DATE", "FUTURE_REF")]),
        ("In the short term, sales will fall.", "2025-01-10", [("the short term", "DATE", "FUTURE_REF")]),
        ("the long-term outlook", "2025-01-10", []),
        ("after several quarters of losses", "2025-01-10", [("several quarters", "DURATION", "PXQ")]),
        ("three quarters of the vote", "2025-01-10", []),
        # "high noon" is a showdown, not a clock time.
        ("For Poland, high noon comes today.", "1999-03-12", [("today", "DATE", "1999-03-12")]),
        ("The vote will be at noon Friday.", "2025-01-08", [("noon Friday", "TIME", "2025-01-10T12:00")]),
        # A weekday after a plan told in the past ("planned a rally on Saturday") lies ahead.
        ("Protesters planned a large rally on Saturday.", "2000-01-07", [("Saturday", "DATE", "2000-01-08")]),
        ("The talks went ahead as planned on Monday.", "2000-01-07", [("Monday", "DATE", "2000-01-03")]),
        # "or so" belongs to the expression.
        ("over the next two years or so", "2025-01-10", [("the next two years or so", "DURATION", "P2Y")]),
        ("three quarters or so of the vote", "2025-01-10", []),
        # "today's youth" is the present age; "today's session" the reference day.
        (
            "Elian is for today's youth what the blockade was.",
            "2000-01-07",
            [("today", "DATE", "PRESENT_REF")],
        ),
        ("the chips in many of today's personal computers", "1989-10-27", [("today", "DATE", "PRESENT_REF")]),
        ("Today's session ended early.", "2025-01-10", [("Today", "DATE", "2025-01-10")]),
    ],
)
def test_accuracy_round_classes(text: str, reference: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in find_times(text, Reference(reference, "day"))] == expected


def test_or_so_is_an_approximation() -> None:
    time = one("The plant will close over the next year or so.", Reference("1989-11-02", "day"))
    assert (time.text, time.value, time.mod, time.earliest, time.latest) == (
        "the next year or so",
        "1990",
        "APPROX",
        "1990-01-01",
        "1990-12-31",
    )


def test_year_end_carries_the_end_mod() -> None:
    time = one("The merger should close by year's end.", Reference("2025-03-01", "day"))
    assert (time.text, time.value, time.mod, time.earliest, time.latest) == (
        "year's end",
        "2025",
        "END",
        "2025-09-01",
        "2025-12-31",
    )


# --- Classes added for TimeML conventions ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # Results stories: the reported quarter and its year-ago instance.
        (
            "Net income rose to $5 million in the latest period from $3 million in the 1988 quarter.",
            "1989-10-30",
            [("the latest period", "1989-Q3"), ("the 1988 quarter", "1988-Q3")],
        ),
        (
            "Sales fell from the corresponding period last year and from the quarter a year ago.",
            "1989-10-30",
            [("the corresponding period last year", "1988-Q3"), ("the quarter a year ago", "1988-Q3")],
        ),
        ("Exports in last year's quarter were lower.", "1989-10-30", [("last year's quarter", "1988-Q3")]),
        # "a year earlier" compares with the period the sentence reports: a quarter, or the year for six or
        # nine months.
        (
            "It earned $5 in the third quarter, up from $4 a year earlier. For the nine months it earned "
            "$12, against $10 a year earlier.",
            "1989-10-26",
            [
                ("the third quarter", "1989-Q3"),
                ("a year earlier", "1988-Q3"),
                ("the nine months", "P9M"),
                ("a year earlier", "1988"),
            ],
        ),
        # A rate is not a span of time.
        ("Pyongyang earns $500 million a year from the workers.", "2025-01-10", []),
        ("The mission lasted a year.", "2025-01-10", [("a year", "P1Y")]),
        # A frequency word after an amount is a rate or a speed too; without one it recurs.
        ("The missile flew at 6,000 kilometres per hour.", "2025-01-10", []),
        ("The drone cruised at 185 km per hour over the sea.", "2025-01-10", []),
        ("The new gun fires 600 rounds per minute.", "2025-01-10", []),
        ("The processor handles 20 million instructions per second.", "2025-01-10", []),
        ("Arms sales are projected to grow 8.5% annually.", "2025-01-10", []),
        ("The factory turns out about 10,000 shells daily.", "2025-01-10", []),
        ("Each side pays $3 million annually under the deal.", "2025-01-10", []),
        ("The drills are held annually near the border.", "2025-01-10", [("annually", "P1Y")]),
        ("Inspectors report per month to the panel.", "2025-01-10", [("per month", "P1M")]),
        ("Average hourly wages rose.", "2025-01-10", [("hourly", "PT1H")]),
        ("Patrols run twice daily along the border.", "2025-01-10", [("daily", "P1D")]),
        ("The envoys speak three times weekly.", "2025-01-10", [("weekly", "P1W")]),
        # "the day before/after" a named date is one day off it; without a date it stays anaphoric.
        (
            "The talks broke off the day before last Tuesday.",
            "2000-02-24",
            [("the day before last Tuesday", "2000-02-21")],
        ),
        (
            "Troops crossed the river the day after Christmas.",
            "2024-12-30",
            [("the day after Christmas", "2024-12-26")],
        ),
        (
            "The envoy left the day before Oct. 8, 2024.",
            "2024-11-01",
            [("the day before Oct. 8, 2024", "2024-10-07")],
        ),
        (
            "The delegation will return the day after Thursday.",
            "2024-10-09",
            [("the day after Thursday", "2024-10-11")],
        ),
        (
            "He met the envoy the day before yesterday.",
            "2024-10-09",
            [("the day before yesterday", "2024-10-07")],
        ),
        ("Protests began the day after the vote.", "2024-10-09", []),
        # A holiday's week is the ISO week it falls in; its weekend stays the holiday.
        ("Pilgrims filled the city in Easter week.", "2000-04-26", [("Easter week", "2000-W16")]),
        ("Shops stayed shut over Christmas week.", "2024-12-30", [("Christmas week", "2024-W52")]),
        ("The Easter weekend passed quietly.", "2000-04-26", [("Easter", "2000-04-23")]),
        # "daily" or "weekly" naming a newspaper is no SET; the adverb and the adjective stay one.
        ("Rodong Sinmun, the ruling party's daily, called the drills a rehearsal.", "2025-01-10", []),
        (
            "The Party daily Rodong Sinmun carried the speech on Monday.",
            "2025-01-10",
            [("Monday", "2025-01-06")],
        ),
        ("According to the state-run daily Minju Joson, output rose.", "2025-01-10", []),
        ("Seoul's JoongAng Daily cited two officials.", "2025-01-10", []),
        ("Daily NK cited a source in Hyesan.", "2025-01-10", []),
        ("Daily, the two sides trade fire.", "2025-01-10", [("Daily", "P1D")]),
        ("Negotiators met daily, the ministry said.", "2025-01-10", [("daily", "P1D")]),
        ("Russia launched daily Iranian-made drones at the city.", "2025-01-10", [("daily", "P1D")]),
        ("A hearing is set for the week of March 10.", "2025-02-20", [("the week of March 10", "2025-W11")]),
        # Apostrophe decades: the latest such decade begun by the reference year.
        ("the music of the '80s", "1989-10-30", [("the '80s", "198X")]),
        ("the music of the '90s", "2024-10-30", [("the '90s", "199X")]),
        ("the music of the '20s", "2024-10-30", [("the '20s", "202X")]),
        ("He was shot last Oct. 23 at his home.", "2025-04-19", [("Oct. 23", "2024-10-23")]),
        ("Nobody knows what will happen in the future.", "2025-04-19", [("the future", "FUTURE_REF")]),
        ("Talks stalled a week or so ago.", "2025-01-10", [("a week or so ago", "2025-W01")]),
        # ISO weeks: on a Sunday "last week" is the week before the one that Sunday ends.
        ("Talks stalled last week.", "2025-01-12", [("last week", "2025-W01")]),
        ('speaking on ABC\'s "This Week," he said', "2025-01-10", []),
    ],
)
def test_timeml_classes(text: str, reference: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, Reference(reference, "day")) == expected


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # Counted from another event, not from the reference date: a DURATION (TimeML), span without "later".
        ("Three days later, the ministry confirmed the deaths.", "Three days", "P3D"),
        ("Two hours after the launch, Tokyo protested.", "Two hours", "PT2H"),
        ("A day earlier, troops crossed the border.", "A day earlier", "P1D"),
    ],
)
def test_anaphoric_offsets_are_durations(text: str, span: str, value: str) -> None:
    time = one(text)
    assert (time.text, time.type, time.value) == (span, "DURATION", value)


def test_ordinal_day_of_reference_month() -> None:
    assert one("aired on the 20th, examined", Reference("2026-01-22", "day")).value == "2026-01-20"


# --- Durations, times, sets -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        ("for three months", "three months", "DURATION", "P3M"),
        ("a two-year program", "two-year", "DURATION", "P2Y"),
        ("for 10 days", "10 days", "DURATION", "P10D"),
        ("over the past two months", "the past two months", "DURATION", "P2M"),
        ("for years", "years", "DURATION", "PXY"),
        ("several weeks", "several weeks", "DURATION", "PXW"),
        ("for two hours", "two hours", "DURATION", "PT2H"),
        ("about an hour and 10 minutes", "about an hour and 10 minutes", "DURATION", "PT1H10M"),
        ("at 3 p.m.", "3 p.m.", "TIME", "2025-01-10T15:00"),
        ("at 10:35 a.m. Thursday", "10:35 a.m. Thursday", "TIME", "2025-01-09T10:35"),
        ("this afternoon", "this afternoon", "TIME", "2025-01-10TAF"),
        ("last night", "last night", "TIME", "2025-01-09TNI"),
        ("Tuesday morning", "Tuesday morning", "TIME", "2025-01-07TMO"),
        ("every week", "every week", "SET", "P1W"),
        ("every two years", "every two years", "SET", "P2Y"),
        ("daily", "daily", "SET", "P1D"),
    ],
)
def test_durations_times_sets(text: str, span: str, type_: str, value: str) -> None:
    time = one(text)
    assert (time.text, time.type, time.value) == (span, type_, value)
    assert time.earliest is None or time.type == "TIME"


# --- Not times ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "about 40% of their initial deployment",
        "and may alter strategic dynamics",
        "May we suggest",
        "protesters march on the capital",
        "U.N. Security Council Resolution 1874 prohibits",
        "Article 45 of the Geneva Convention",
        "a 26-year-old soldier",
        "id 6136f5c3-0520-4ff1-a169-743ef41a7a3a",
        "Kim Jong Un met Vladimir Putin",
        "Committee 1718 said",
        "sent 2000 troops",
        "a second attack",
        "a quarter of the troops",
    ],
)
def test_not_times(text: str) -> None:
    assert find_times(text, DAY) == []


# --- Unresolvable ---------------------------------------------------------------------------------


def test_no_reference_keeps_placeholders() -> None:
    feb = one("in February", None)
    assert (feb.value, feb.earliest, feb.latest) == ("XXXX-02", None, None)
    last = one("last month", None)
    assert (last.value, last.earliest) == ("XXXX-XX", None)
    monday = one("on Monday", None)
    assert (monday.value, monday.earliest) == ("XXXX-WXX-1", None)
    assert one("in 2023", None).value == "2023"


def test_coarse_reference_gives_coarse_interval() -> None:
    this_year = one("earlier this year", YEAR_2025)
    assert (this_year.value, this_year.earliest, this_year.latest) == ("2025", "2025-01-01", "2025-12-31")
    last_month = one("last month", YEAR_2025)
    # (round31: a year-only reference still tells the year of "last month")
    assert (last_month.value, last_month.earliest, last_month.latest) == (
        "2025-XX",
        "2025-01-01",
        "2025-12-31",
    )
    this_month = one("this month", YEAR_2025)
    assert this_month.value == "2025-XX"
    assert (this_month.earliest, this_month.latest) == ("2025-01-01", "2025-12-31")


# --- anchor_interval ------------------------------------------------------------------------------


def _anchor(text: str, reference: Reference = YEAR_2025) -> tuple[str | None, str | None, str | None]:
    times = find_times(text, reference)
    date_expr = next(t for t in times if t.type == "DATE")
    return anchor_interval(date_expr, text, times)


def test_anchor_interval() -> None:
    assert _anchor("troops sent since 2024") == ("2024-01-01", None, "ON_OR_AFTER")
    assert _anchor("killed by early 2025") == (None, "2025-04-30", "ON_OR_BEFORE")
    assert _anchor("before March 2024") == (None, "2024-02-29", "BEFORE")
    assert _anchor("after 2020") == ("2021-01-01", None, "AFTER")
    assert _anchor("until June 2024") == (None, "2024-06-30", "ON_OR_BEFORE")
    assert _anchor("for three months from June 2024") == ("2024-06-01", "2024-08-31", None)
    assert _anchor("in June 2024") == ("2024-06-01", "2024-06-30", None)
    assert _anchor("from 2022 to 2024") == ("2022-01-01", "2024-12-31", None)
    assert _anchor("between October and December 2024") == ("2024-10-01", "2024-12-31", None)
    # "as of" dates a status report; it does not open the interval.
    assert _anchor("4,000 killed as of early 2025") == ("2025-01-01", "2025-04-30", "START")


# --- describe -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("2024-10-08", None, "day"), "8 Oct 2024"),
        (("2024-06", None, "month"), "Jun 2024"),
        (("2025", None, "year"), "2025"),
        (("2025", "START", "year"), "early 2025"),
        (("2024", "MID", "year"), "mid-2024"),
        (("2024", "END", "year"), "late 2024"),
        (("2024-SU", None, "season"), "summer 2024"),
        (("2024-Q1", None, "quarter"), "Q1 2024"),
        (("2024-H1", None, "half"), "H1 2024"),
        (("2024-W41", None, "week"), "week 41, 2024"),
        (("199X", None, "decade"), "the 1990s"),
        (("2024", None, "year", "ON_OR_AFTER"), "since 2024"),
        (("2025", "START", "year", "ON_OR_BEFORE"), "by early 2025"),
        (("2024", None, "year", "BEFORE"), "before 2024"),
        (("2024", None, "year", "AFTER"), "after 2024"),
        (("XXXX-02", None, "month"), "unresolved: February"),
        (("2024", "APPROX", "year"), "~2024"),
    ],
)
def test_describe(args: tuple, expected: str) -> None:
    assert describe(*args) == expected


# --- parse_date -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-05", ("2025-03-05", "day")),
        ("2025-03", ("2025-03", "month")),
        ("2025", ("2025", "year")),
        ("March 5, 2025", ("2025-03-05", "day")),
        ("5 March 2025", ("2025-03-05", "day")),
        ("Mar 2025", ("2025-03", "month")),
        ("2025/03/05", ("2025-03-05", "day")),
        ("2025-03-05T10:00:00Z", ("2025-03-05", "day")),
        ("2025-3-5", ("2025-03-05", "day")),
        ("Wednesday, March 5, 2025", ("2025-03-05", "day")),
        ("Mar. 5, 2025 10:00 AM", ("2025-03-05", "day")),
        ("Wed, 05 Mar 2025 10:00:00 +0000", ("2025-03-05", "day")),
        ("20250305", ("2025-03-05", "day")),
        ("March 2025", ("2025-03", "month")),
    ],
)
def test_parse_date(text: str, expected: tuple[str, str]) -> None:
    reference = parse_date(text)
    assert reference is not None
    assert (reference.value, reference.precision) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "soon", "2025-13", "February 30, 2024", "hello", "March"])
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize("unit", ["1,", "1.", "2024-", "May ", "a ", "the end of ", "10 to ", "mid-", "Q1 "])
def test_repetitive_input_stays_linear(unit: str) -> None:
    """No catastrophic backtracking: 40 kB of a repeated fragment is handled in well under a few seconds."""
    text = unit * (40_000 // len(unit))
    started = perf_counter()
    find_times(text, DAY)
    assert perf_counter() - started < 5


def test_more_forms() -> None:
    assert values("November's elections") == [("November", "2024-11")]
    assert values("at 3:30 p.m. (0630 GMT)") == [
        ("3:30 p.m.", "2025-01-10T15:30"),
        ("0630 GMT", "2025-01-10T06:30"),
    ]
    assert values("for the year ended March 31", DAY)[0] == ("the year", "P1Y")
    assert values("from late 2022 through early 2023") == [("late 2022", "2022"), ("early 2023", "2023")]
    assert values("in the early 2000s") == [("the early 2000s", "200X")]
    assert values("a 26-year-old soldier, aged 26, 26 years old") == []


# --- Properties -----------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "since 2024",
        " by early 2025",
        "in February",
        "Oct. 8.In",
        "last week",
        "the 1990s",
        "May",
        "may",
        "14-15 July",
        "2024-10-08",
        "three months",
        "Tuesday",
        "the 20th,",
        " ",
        ", ",
        ".",
        "\n",
        "40% of",
        "Resolution 1874",
        "mid-",
        "the end of",
        "2,000",
        "a.m.",
        "every",
        "ago",
        "the past",
        "-",
        "'80s",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=25).map("".join)),
    st.sampled_from([None, DAY, YEAR_2025, Reference("2024-02", "month"), Reference("2000-02-29", "day")]),
)
def test_properties(text: str, reference: Reference | None) -> None:
    times = find_times(text, reference)
    previous_end = 0
    for time in times:
        assert 0 <= time.start < time.end <= len(text)
        assert text[time.start : time.end] == time.text
        assert time.start >= previous_end
        previous_end = time.end
        assert time.type in ("DATE", "TIME", "DURATION", "SET")
        if time.earliest and time.latest:
            assert time.earliest <= time.latest
        assert time.precision is None or time.precision in PRECISIONS
        anchored = anchor_interval(time, text, times)
        if anchored[0] and anchored[1]:
            assert anchored[0] <= anchored[1]
        describe(time.value, time.mod, time.precision)


# --- Explicit years (a reference date inferred without a normalization pass) ----------------------


def years_by_resolving(text: str) -> list[int]:
    """What ``explicit_years`` must equal: the leading year of every DATE/TIME resolved with no reference."""
    times = resolve_times(recognize_times(text), None)
    return [int(t.value[:4]) for t in times if t.type in ("DATE", "TIME") and re.match(r"\d{4}", t.value)]


def test_explicit_years() -> None:
    text = (
        "In 2023 the talks stalled; by June 2024 they resumed, and that year ended badly. "
        "The following year, on March 5, 2025, the envoys met again. "
        "Sales in the third quarter of 1989 rose from a year ago. "
        "Between October and December 2024 prices fell. In the 1990s and last year, on Oct. 8 and on Tuesday."
    )
    # "that year" and "the following year" refer back, "a year ago" to the quarter, "October" takes its
    # range partner's year; the decade (199X), "last year" (XXXX) and "Oct. 8" (XXXX-10-08) name none.
    assert explicit_years(recognize_times(text)) == [2023, 2024, 2024, 2025, 2025, 1989, 1988, 2024, 2024]
    assert explicit_years(recognize_times("")) == []
    assert explicit_years(recognize_times("last week, on Friday, three years ago")) == []


_YEAR_PIECES = st.sampled_from(
    [
        "that year",
        "the following year",
        "the previous year",
        "the third quarter of 1989",
        "a year ago",
        "a year earlier",
        "For the nine months,",
        "October to December 2024",
        "between May and",
        "March 2024",
        "fiscal 1990",
        "2024-10-08",
        "10/8/2024",
        "Christmas 2023",
        "the summer of 2022",
        "earlier this year",
        "the same month",
        "the following month",
        "Wednesday (Oct. 23)",
        "noon Saturday",
        "the '80s",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=200), st.lists(st.one_of(_PIECES, _YEAR_PIECES), max_size=25).map(" ".join))
)
def test_explicit_years_agree_with_resolving(text: str) -> None:
    assert explicit_years(recognize_times(text)) == years_by_resolving(text)


def _corpus() -> list[str]:
    """The seed and 60 articles of the benchmark's seeded generator (dates in every form it writes)."""
    import importlib.util
    import sys

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus.py"
    spec = importlib.util.spec_from_file_location("bench_corpus", path)
    assert spec and spec.loader
    corpus = sys.modules["bench_corpus"] = importlib.util.module_from_spec(spec)  # dataclasses need it
    spec.loader.exec_module(corpus)
    return [SEED.read_text(encoding="utf-8")] + [corpus.article(7, i, "dense")[1] for i in range(60)]


def test_explicit_years_agree_with_resolving_on_the_corpora() -> None:
    for text in _corpus():
        assert explicit_years(recognize_times(text)) == years_by_resolving(text)


# --- Speed-ups that must not change a value ------------------------------------------------------


def test_month_shift_is_relativedelta_arithmetic() -> None:
    from datetime import date

    from dateutil.relativedelta import relativedelta

    from dprk_tracker.times.normalize import _shift_month

    for year in (1, 2, 1999, 2024, 9998, 9999):
        for month in range(1, 13):
            for shift in (-25, -13, -12, -11, -1, 0, 1, 11, 12, 13, 25):
                try:
                    shifted = date(year, month, 1) + relativedelta(months=shift)
                except (ValueError, OverflowError):
                    continue
                assert _shift_month(year, month, shift) == (shifted.year, shifted.month)
    assert _shift_month(9999, 12, 1) == (10000, 1)
    assert _shift_month(1, 1, -1) == (0, 12)


def test_future_marker_trie_matches_the_plain_alternation() -> None:
    from dprk_tracker.times.patterns import _FUTURE_PHRASE, _FUTURE_PHRASES
    from dprk_tracker.times.vocabulary import alternation

    plain = re.compile(
        r"(?<![a-z'-])(?:" + alternation(sorted(_FUTURE_PHRASES - {"'ll"})) + r")(?![a-z-])|'ll(?![a-z])"
    )
    phrases = sorted(_FUTURE_PHRASES)
    clauses = [" ".join(phrases), "\n".join(phrases), "-".join(phrases), "".join(phrases)]
    clauses += [p.lower() for p in _corpus()[:60]]
    for clause in clauses:
        assert [m.span() for m in _FUTURE_PHRASE.finditer(clause)] == [
            m.span() for m in plain.finditer(clause)
        ]


# --- Anaphoric days, asides, modal "one day", parts of yesterday ----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The day counts from the last date the paragraph (or the one before it) told.
        (
            "Shelling hit the port on Dec. 3. The next day, the ferry stopped.",
            [("Dec. 3", "2024-12-03"), ("The next day", "2024-12-04")],
        ),
        (
            "The envoy landed on Dec. 3 and left that same day.",
            [("Dec. 3", "2024-12-03"), ("that same day", "2024-12-03")],
        ),
        (
            "Talks opened on Dec. 3. Later that day, the envoy spoke.",
            [("Dec. 3", "2024-12-03"), ("Later that day", "2024-12-03")],
        ),
        (
            "Talks opened on Dec. 3; earlier in the day, guards closed the road.",
            [("Dec. 3", "2024-12-03"), ("earlier in the day", "2024-12-03")],
        ),
        (
            "The vote came on Dec. 3. The day before, crowds gathered.",
            [("Dec. 3", "2024-12-03"), ("The day before", "2024-12-02")],
        ),
        (
            "The vote came on Dec. 3.\nThe previous day, crowds gathered.",
            [("Dec. 3", "2024-12-03"), ("The previous day", "2024-12-02")],
        ),
        (
            "The vote came on Dec. 3. The following morning, the count began.",
            [("Dec. 3", "2024-12-03"), ("The following morning", "2024-12-04TMO")],
        ),
        (
            "The vote came on Dec. 3 and that night the count began.",
            [("Dec. 3", "2024-12-03"), ("that night", "2024-12-03TNI")],
        ),
        (
            "Prices fell on Tuesday, the market's worst session; in the morning brokers sold.",
            [("Tuesday", "2025-01-07"), ("the morning", "2025-01-07TMO")],
        ),
        (
            "The bridge was hit on Dec. 3. The following week, engineers arrived.",
            [("Dec. 3", "2024-12-03"), ("The following week", "2024-W50")],
        ),
        # Against a month only "that same day" can be told: some day of that month.
        (
            "The office closed last October; its sign came down that same day.",
            [("last October", "2024-10"), ("that same day", "2024-10-XX")],
        ),
    ],
)
def test_anaphoric_days_count_from_the_told_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The next day, the ferry stopped.",  # nothing told to count from
        "Trades made that day lost money.",
        "Talks opened on Dec. 3.\nGuards waited.\nThe next day, the ferry stopped.",  # two paragraphs back
    ],
)
def test_anaphoric_days_without_a_told_date_get_no_value(text: str) -> None:
    assert [t.text for t in find_times(text, DAY) if "day" in t.text.lower()] == []


def test_the_night_of_a_date_is_dated_by_the_date() -> None:
    assert values("He was shot on the night of Dec. 3 at home.") == [("Dec. 3", "2024-12-03")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The period after a title or an initial ends no clause: "will" still governs the date.
        ("Mr. Ahn, 61, will succeed Gen. Park Dec. 1, the ministry said.", [("Dec. 1", "2025-12-01")]),
        ("Ms. Lee will take over from John K. Cho on Dec. 1.", [("Dec. 1", "2025-12-01")]),
        # "next to" is a place: the verb before it is past, the weekday looks back.
        ("Two shells landed next to the depot on Sunday.", [("Sunday", "2025-01-05")]),
    ],
)
def test_clause_tense_reads_past_abbreviations(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The shelling began at 6:15 a.m. (2115 GMT) Wednesday, officials said.",
            [
                ("6:15 a.m.", "2025-01-08T06:15"),
                ("2115 GMT", "2025-01-08T21:15"),
                ("Wednesday", "2025-01-08"),
            ],
        ),
        (
            "The convoy will leave at 5 in the morning (5 a.m. KST Sunday), he said.",
            [("5 in the morning", "2025-01-12T05:00"), ("5 a.m. KST Sunday", "2025-01-12T05:00")],
        ),
    ],
)
def test_clock_takes_the_day_of_its_aside(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        ("Seoul hopes the two Koreas will one day reunite.", "one day", "DATE", "FUTURE_REF"),
        ("He vowed to one day return home.", "one day", "DATE", "FUTURE_REF"),
        ("Both sides could some day meet.", "some day", "DATE", "FUTURE_REF"),
        ("The crossing took one day.", "one day", "DURATION", "P1D"),
    ],
)
def test_modal_one_day_is_the_future(text: str, span: str, type_: str, value: str) -> None:
    time = one(text)
    assert (time.text, time.type, time.value) == (span, type_, value)


@pytest.mark.parametrize(
    ("text", "span", "type_", "value", "mod"),
    [
        ("Officials spoke late yesterday.", "late yesterday", "DATE", "2025-01-09", "END"),
        ("The talks resume early today.", "early today", "DATE", "2025-01-10", "START"),
        (
            "Shares rose at mid-afternoon yesterday.",
            "mid-afternoon yesterday",
            "TIME",
            "2025-01-09TAF",
            "MID",
        ),
        ("They will meet in the morning tomorrow.", "the morning tomorrow", "TIME", "2025-01-11TMO", None),
        ("over the next couple of years", "the next couple of years", "DURATION", "P2Y", None),
        ("extended for an additional year", "an additional year", "DURATION", "P1Y", None),
    ],
)
def test_parts_of_yesterday_and_counts(text: str, span: str, type_: str, value: str, mod: str | None) -> None:
    time = one(text)
    assert (time.text, time.type, time.value, time.mod) == (span, type_, value, mod)


def test_plural_weekdays_recur() -> None:
    assert [
        (t.text, t.type, t.value) for t in find_times("Ferries sail on Sundays and Friday nights.", DAY)
    ] == [
        ("Sundays", "SET", "XXXX-WXX-7"),
        ("Friday nights", "SET", "XXXX-WXX-5TNI"),
    ]
    assert find_times("the sundays of old", DAY) == []


# --- The trigger scan -------------------------------------------------------------------------------

_SCANNED = (
    "Summer came. In the '90s, on 5 May 2024, the 1st quarter and the twenty-first century;"
    " #2024, x2024 and may 3."
)
_TRIGGERS = [
    (0, "Summer"),
    (16, "the"),
    (20, "'90s"),
    (29, "5"),
    (31, "May"),
    (35, "2024"),
    (41, "the"),
    (45, "1st"),
    (61, "the"),
    (65, "twenty"),
]


# The same triggers in ASCII text, with non-ASCII punctuation (still the ASCII scanners: no word
# character is outside ASCII) and with a non-ASCII letter ("é2024" starts nothing, as "x2024").
_SCANNED_FORMS = [_SCANNED, _SCANNED.replace(";", "…"), _SCANNED.replace("x2024", "é2024")]
_SCANNED_IDS = ["ascii", "unicode-punctuation", "unicode-letter"]


@pytest.mark.parametrize("text", _SCANNED_FORMS, ids=_SCANNED_IDS)
def test_trigger_scan_merges_numbers_and_words(text: str) -> None:
    # Numbers and words come from two scanners (text whose word characters are ASCII has its own
    # pair); merged they give one left-to-right list: "first" is read inside "twenty-first", "#2024",
    # "x2024" and a lower-case "may" start nothing, and a word at the start of the range has no
    # character before it.
    from dprk_tracker.times.patterns import _triggers, ascii_words, folded

    lowered = folded(text)
    assert lowered.isascii() == (text == _SCANNED)
    assert ascii_words(lowered) == ("é" not in text)
    found = [position for position, _ in _triggers(text, lowered, 0, len(text))]
    assert [(position, text[position : position + len(word)]) for position, word in _TRIGGERS] == _TRIGGERS
    assert found == [position for position, _ in _TRIGGERS]
    assert [p for p, _ in _triggers(text, lowered, 1, len(text))] == [p for p, _ in _TRIGGERS[1:]]
    assert [p for p, _ in _triggers(text, lowered, 20, 60)] == [20, 29, 31, 35, 41, 45]


@pytest.mark.parametrize("text", _SCANNED_FORMS, ids=_SCANNED_IDS)
def test_scan_and_match_at_read_the_merged_triggers(text: str) -> None:
    from dprk_tracker.times.patterns import folded, match_at, scan

    lowered = folded(text)
    assert [(rule, text[start:end]) for rule, _, start, end in scan(text)] == [
        ("season", "Summer"),
        ("decade", "the '90s"),
        ("day_month", "5 May 2024"),
        ("quarter", "the 1st quarter"),
        ("century", "the twenty-first century"),
    ]
    assert match_at(text, 29, lowered) == ("day_month", {"day": "5", "month": "May", "year": "2024"}, 29, 39)
    assert match_at(text, 29) == match_at(text, 29, lowered)
    assert match_at(text, 65, lowered) == ("century", {"ord": "twenty-first"}, 65, 85)
    assert match_at(text, 30, lowered) is None  # the space after "5"
    assert match_at(text, 88, lowered) is None  # "#2024"
    assert match_at(text, 95, lowered) is None  # "x2024"


def test_trigger_words_never_hide_a_number() -> None:
    # The number and word scanners run apart: that gives the triggers of one scan only while no trigger
    # word holds a digit or an apostrophe right after a character that is no word character.
    from dprk_tracker.times.patterns import _FOLLOWERS, _NAME_WORDS, _TRIGGER_WORDS

    hidden = [w for w in _TRIGGER_WORDS | _NAME_WORDS | set(_FOLLOWERS) if re.search(r"[^\w@#][\d'’]", w)]
    assert hidden == []


def test_folded_keeps_offsets_and_reads_curly_apostrophes_as_plain() -> None:
    from dprk_tracker.times.patterns import folded

    text = "Ünited’s 5 MAY\u00a0café ‘90s — “Q3”"
    assert folded(text) == "Ünited's 5 may café '90s — “q3”"
    assert len(folded(text)) == len(text)
    assert folded("The ’90s") == "the '90s"


def test_curly_and_plain_apostrophes_give_the_same_times() -> None:
    plain = "In the '90s and on Tuesday's vote, the company's 5 p.m. o'clock deadline."
    curly = plain.replace("'", "’")
    expected = [("the '90s", "199X"), ("Tuesday", "2025-01-07"), ("5 p.m.", "2025-01-10T17:00")]
    assert [(t.text, t.value) for t in find_times(plain, DAY)] == expected
    assert [(t.text.replace("’", "'"), t.value) for t in find_times(curly, DAY)] == expected


# --- Classes from real news copy (wire bylines, day pairs, deadlines met, ranges of months) ---------


def test_a_clock_before_a_full_date_keeps_the_year() -> None:
    assert [
        (t.text, t.type, t.value) for t in find_times("Published 5:12 AM EST, January 11, 2025", None)
    ] == [("5:12 AM EST, January 11, 2025", "TIME", "2025-01-11T05:12")]
    # No comma, no year: "March 3 2024 troops" may be a day and a count.
    assert values("at 5 p.m. on March 3 2024 troops") == [("5 p.m. on March 3", "2025-03-03T17:00")]


@pytest.mark.parametrize(
    ("text", "span", "earliest", "latest"),
    [
        (
            "Officials claimed on November 4 and 5 that no unit had moved.",
            "November 4 and 5",
            "2024-11-04",
            "2024-11-05",
        ),
        (
            "Fighting went on along the river on May 2 and 3 but stopped.",
            "May 2 and 3",
            "2024-05-02",
            "2024-05-03",
        ),
        (
            "It sent 1,500 men between October 8 and 13 and planned more.",
            "October 8 and 13",
            "2024-10-08",
            "2024-10-13",
        ),
        (
            "Imagery from January 2 and 9 shows new track.",
            "January 2 and 9",
            "2025-01-02",
            "2025-01-09",
        ),
    ],
)
def test_a_day_pair_before_a_function_word_is_one_expression(
    text: str, span: str, earliest: str, latest: str
) -> None:
    found = find_times(text, DAY)
    assert [(t.text, t.earliest, t.latest) for t in found] == [(span, earliest, latest)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A past verb and its object before "by": the deadline was met.
        ("Casualties reached roughly 4,700 by March, officials said.", [("March", "2025-03")]),
        ("The army sent 3,000 more troops by March.", [("March", "2025-03")]),
        # A verb of intent or an infinitive: still ahead.
        ("The bridge was scheduled for completion by March.", [("March", "2026-03")]),
        ("Russia agreed to withdraw its troops by March.", [("March", "2026-03")]),
        ("It ordered the troops home by March.", [("March", "2026-03")]),
        # The verb may stand five words back, and a met deadline may open its sentence.
        ("About 900 were wounded in the fighting near Sudzha by March.", [("March", "2025-03")]),
        # a state media object may run to seven words
        (
            "The units accomplished their honourable combat mission with great credit by March.",
            [("March", "2025-03")],
        ),
        ("By March, as the offensive stalled, the units had withdrawn.", [("March", "2025-03")]),
        ("By March, the units will have withdrawn.", [("March", "2026-03")]),
        ("Seoul asked the troops stationed in the border area to leave by March.", [("March", "2026-03")]),
        # A second deadline sharing the met one's verb is met too; a new sentence or a future verb is not.
        (
            "Losses reached 4,700 by March, the JCS said, and some 6,000 by September, the NIS said.",
            [("March", "2025-03"), ("September", "2025-09")],
        ),
        (
            "Losses reached 4,700 by March. Officials expect 6,000 by September.",
            [("March", "2025-03"), ("September", "2026-09")],
        ),
        ("Seoul will send aid by March and arms by May.", [("March", "2026-03"), ("May", "2026-05")]),
    ],
)
def test_a_deadline_met_with_an_object_between(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, Reference("2025-10-15", "day")) == expected


@pytest.mark.parametrize(
    ("text", "span", "value", "latest"),
    [
        (
            "About 15,000 entered Russia in the first six months of 2025.",
            "the first six months of 2025",
            "2025-H1",
            "2025-06-30",
        ),
        (
            "Exports fell in the first three months of the year.",
            "the first three months of the year",
            "2025-Q1",
            "2025-03-31",
        ),
    ],
)
def test_the_first_months_of_a_year_are_its_half_or_quarter(
    text: str, span: str, value: str, latest: str
) -> None:
    found = find_times(text, Reference("2025-10-15", "day"))
    assert [(t.text, t.value, t.earliest, t.latest) for t in found] == [
        (span, value, value[:4] + "-01-01", latest)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The end of a range never precedes its start, whatever the tense reads for the bare month.
        (
            "Seoul expects the North to send more troops between April and June.",
            [("April", "2025-04"), ("June", "2025-06")],
        ),
        ("Seoul expects more troops from April to June.", [("April", "2025-04"), ("June", "2025-06")]),
        ("It sent troops between November and February.", [("November", "2024-11"), ("February", "2025-02")]),
        ("It sent troops between April and June.", [("April", "2024-04"), ("June", "2024-06")]),
        # A list is no range: each month keeps its own year.
        ("The envoy made visits in January and July.", [("January", "2025-01"), ("July", "2024-07")]),
    ],
)
def test_a_range_of_months_ends_after_it_starts(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, Reference("2025-03-27", "day")) == expected


# --- Real-news round 2: day forms of reports and briefings ----------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value", "earliest", "latest"),
    [
        # "the 15th of last month": the month is named after the day (Korean-origin English copy)
        ("told lawmakers on the 15th of last month that", "the 15th of last month", "2025-09-15", None, None),
        ("a deadline on the 3rd of next month was set", "the 3rd of next month", "2025-11-03", None, None),
        # a day-first range with "to" ("from 6 to 12 January"), as "24 and 25 April" already was
        ("from 6 to 12 January, Russia", "6 to 12 January", "2025-01-06", "2025-01-06", "2025-01-12"),
        # "over the past day" in a daily report: the report's day, as "in the past 24 hours"
        ("Over the past day, 173 combat engagements took place.", "the past day", "2025-10-21", None, None),
        # a zone's offset belongs to the clock ("GMT+9" in a wire byline)
        ("the report came out at 3:00 AM GMT+9 on", "3:00 AM GMT+9", "2025-10-21T03:00", None, None),
    ],
)
def test_report_day_forms(text: str, span: str, value: str, earliest: str | None, latest: str | None) -> None:
    found = [t for t in find_times(text, Reference("2025-10-21", "day")) if t.text == span]
    assert len(found) == 1, find_times(text, Reference("2025-10-21", "day"))
    time = found[0]
    assert time.value == value
    if earliest:
        assert (time.earliest, time.latest) == (earliest, latest)


def test_a_bare_ordinal_day_still_needs_a_phrase_end() -> None:
    assert values("the 15th anniversary of the treaty") == []
    assert values("rose from 6 to 12 in January", Reference("2025-10-21", "day")) == [("January", "2025-01")]


def test_the_past_year_of_a_common_year_is_twelve_months() -> None:
    # (a common year's first and last day are 364 days apart: still a year, not a month)
    found = find_times("Over the past year, exports doubled.", Reference("2026-05-20", "day"))
    assert [(t.value, t.earliest, t.latest) for t in found] == [("2025", "2025-05-21", "2026-05-20")]


@pytest.mark.parametrize(
    ("text", "value", "earliest", "latest"),
    [
        # "within the next year" is the twelve months from the reference date on
        ("The plant should open within the next year.", "2026", "2025-05-21", "2026-05-20"),
        ("Talks may resume over the coming month.", "2025-06", "2025-05-21", "2025-06-20"),
        ("Shipments are due in the next week.", "2025-W22", "2025-05-21", "2025-05-27"),
        # "next year" is the calendar year
        ("The plant should open next year.", "2026", "2026-01-01", "2026-12-31"),
    ],
)
def test_the_next_year_runs_from_the_reference_date(
    text: str, value: str, earliest: str, latest: str
) -> None:
    found = find_times(text, Reference("2025-05-20", "day"))
    assert [(t.value, t.earliest, t.latest) for t in found] == [(value, earliest, latest)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a half of a month or week is its start or end (HeidelTime's modifiers)...
        (
            "Officers went to Kyiv in the second half of last month.",
            [("the second half of last month", "2024-10", "END", "2024-10-21", "2024-10-31")],
        ),
        (
            "Drills ran through the latter half of September.",
            [("the latter half of September", "2024-09", "END", "2024-09-21", "2024-09-30")],
        ),
        (
            "Talks are set for the first half of next week.",
            [("the first half of next week", "2024-W46", "START", "2024-11-11", "2024-11-12")],
        ),
        # ...a half of a year is a period of its own
        (
            "Exports fell in the first half of last year.",
            [("the first half of last year", "2023-H1", None, "2023-01-01", "2023-06-30")],
        ),
    ],
)
def test_the_half_of_a_month_is_its_start_or_end(text: str, found: list[tuple]) -> None:
    times = find_times(text, Reference("2024-11-05", "day"))
    assert [(t.text, t.value, t.mod, t.earliest, t.latest) for t in times] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the days or weeks at a period's edge are its start or end, as "early" and "late" (a past verb
        # in November: last December)
        (
            "Shelling eased in the last days of December.",
            [("the last days of December", "2023-12", "END", "2023-12-21", "2023-12-31")],
        ),
        (
            "Units rotated in the first weeks of last month.",
            [("the first weeks of last month", "2024-10", "START", "2024-10-01", "2024-10-10")],
        ),
        # "end-2024", "end-March": the end, written glued as in wire copy
        ("Stocks were thin at end-2023.", [("end-2023", "2023", "END", "2023-12-01", "2023-12-31")]),
        ("Payment is due by end-March.", [("end-March", "2025-03", "END", "2025-03-21", "2025-03-31")]),
    ],
)
def test_the_days_and_weeks_at_a_periods_edge(text: str, found: list[tuple]) -> None:
    times = find_times(text, Reference("2024-11-05", "day"))
    assert [(t.text, t.value, t.mod, t.earliest, t.latest) for t in times] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Drones hit the depot the week before last.", [("the week before last", "2024-W43")]),
        ("Envoys met the weekend before last.", [("the weekend before last", "2024-W43-WE")]),
        ("Exports peaked the year before last.", [("the year before last", "2022")]),
        # "before last year's vote": the week is before the vote
        ("It was the week before last year's vote.", [("last year", "2023")]),
    ],
)
def test_the_week_before_last_is_two_weeks_back(text: str, found: list[tuple[str, str]]) -> None:
    assert values(text, Reference("2024-11-05", "day")) == found


def test_later_in_the_day_is_the_day_told() -> None:
    # the day its paragraph told, else the reference day
    text = "Troops crossed on April 20.\n\nLater in the day, they withdrew."
    assert values(text, Reference("2025-04-26", "day")) == [
        ("April 20", "2025-04-20"),
        ("Later in the day", "2025-04-20"),
    ]
    assert values("He spoke earlier in the day.", Reference("2025-04-26", "day")) == [
        ("earlier in the day", "2025-04-26")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The ban follows resolutions 1695 (2006) and 2094 (2013) of the Council.",
        "Assets are frozen under the Sanctions Regulations 2020.",
        "Penalty notice 2024/0087 names three firms.",
        "It defied resolutions 2087 and 2094 again.",
        # a change "on the year" compares, it dates nothing
        "The won fell 4 percent on the year.",
        "Imports were up 9% on the month.",
        # "earlier than planned" tells how much sooner
        "The base was finished a year earlier than planned.",
    ],
)
def test_a_numbered_documents_year_is_no_time(text: str) -> None:
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "value", "earliest", "latest"),
    [
        # "the past year" is the twelve months up to the reference date; its value is the year before,
        # as TimeML writes it
        ("Over the past year, exports doubled.", "2024", "2024-03-13", "2025-03-12"),
        ("In the past month alone, 3,000 arrived.", "2025-02", "2025-02-13", "2025-03-12"),
        ("Over the past week, 300 were killed.", "2025-W10", "2025-03-06", "2025-03-12"),
        # a calendar year keeps its bounds
        ("Last year exports doubled.", "2024", "2024-01-01", "2024-12-31"),
    ],
)
def test_the_past_year_runs_up_to_the_reference_date(
    text: str, value: str, earliest: str, latest: str
) -> None:
    found = find_times(text, Reference("2025-03-12", "day"))
    assert [(t.value, t.earliest, t.latest) for t in found] == [(value, earliest, latest)]


@pytest.mark.parametrize(
    ("text", "span", "value", "latest"),
    [
        ("Trade rose in the first nine months of the year.", "the year", "2025", "2025-09-30"),
        ("Exports hit $3m in the first eight months of 2024.", "2024", "2024", "2024-08-31"),
        ("In the first 10 months of this year, 300 arrived.", "this year", "2025", "2025-10-31"),
        # quarters count three months each
        ("Sales of shells peaked in the first three quarters of 2024.", "2024", "2024", "2024-09-30"),
        ("Rail freight fell in the first two quarters of 2023.", "2023", "2023", "2023-06-30"),
    ],
)
def test_the_first_months_of_a_year_run_from_january(text: str, span: str, value: str, latest: str) -> None:
    """TimeML marks "the first nine months" (a span) and "the year" apart: the year ends with the months."""
    found = find_times(text, Reference("2025-11-20", "day"))
    dates = [(t.text, t.value, t.earliest, t.latest) for t in found if t.type == "DATE"]
    assert dates == [(span, value, value + "-01-01", latest)]


def test_the_new_year_is_january_first() -> None:
    summer = Reference("2025-07-10", "day")
    assert [(t.text, t.value) for t in find_times("Since the new year, 300 have died.", summer)] == [
        ("the new year", "2025-01-01")
    ]
    assert values("Seoul will send envoys in the new year.", summer) == [("the new year", "2026-01-01")]
    # the Lunar New Year is another day: its own, from the table of lunar holidays
    assert values("They met for the Lunar New Year.", summer) == [("Lunar New Year", "2025-01-29")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "pending" and "to be" + a participle of approval or completion look ahead
        (
            "The budget was set at 66 trillion won, pending parliamentary approval in December.",
            [("December", "2025-12")],
        ),
        (
            "The white paper, to be approved at a Cabinet meeting Tuesday, says so.",
            [("Tuesday", "2025-05-13")],
        ),
        ("The soldiers were captured in December.", [("December", "2024-12")]),
    ],
)
def test_pending_and_to_be_approved_look_ahead(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, Reference("2025-05-08", "day")) == expected


def test_a_dotted_date_puts_the_day_first() -> None:
    """Dots part a European date, day first even when the day could be a month (slashes keep the US
    order)."""
    assert values("Losses of the enemy as of 07.02.2025:") == [("07.02.2025", "2025-02-07")]
    assert values("The order was signed on 10/8/2024.") == [("10/8/2024", "2024-10-08")]


# --- Real-news round 4 -------------------------------------------------------------------------------


def test_a_year_heading_dates_the_days_of_a_chronology_below_it() -> None:
    text = (
        "Key events since 2021\n\n## 2022\n\n- 3 March: talks open in Minsk.\n- In June, a second round.\n\n"
        "== 2023 ==\n\n- 9 April: the talks collapse; they had resumed on 2 February 2022.\n"
    )
    assert values(text, Reference("2025-05-01", "day")) == [
        ("2021", "2021"),
        ("2022", "2022"),
        ("3 March", "2022-03-03"),
        ("June", "2022-06"),
        ("2023", "2023"),
        ("9 April", "2023-04-09"),
        ("2 February 2022", "2022-02-02"),
    ]
    # A year in a sentence heads nothing.
    assert values("It began in 2022.\n\nTalks opened on 3 March.", Reference("2025-05-01", "day")) == [
        ("2022", "2022"),
        ("3 March", "2025-03-03"),
    ]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Congress set aside $2 million in FY2023.", "FY2023"),  # glued, as budget documents write it
        ("the FY 2023 request", "FY 2023"),
        ("the fiscal 2023 request", "fiscal 2023"),
    ],
)
def test_a_fiscal_year_abbreviated(text: str, span: str) -> None:
    assert values(text, Reference("2025-05-01", "day")) == [(span, "2023")]


def test_a_bare_clock_time_falls_on_the_day_its_paragraph_told() -> None:
    reference = Reference("2025-03-10", "day")
    text = "The drill began on March 4 at 6 a.m. The last unit left at 11:40 p.m."
    assert values(text, reference) == [
        ("March 4", "2025-03-04"),
        ("6 a.m.", "2025-03-04T06:00"),
        ("11:40 p.m.", "2025-03-04T23:40"),
    ]
    # another paragraph, or no day told: the reference date
    text = "The drill began on March 4.\n\nThe hearing opened at 9:30 a.m."
    assert values(text, reference)[-1] == ("9:30 a.m.", "2025-03-10T09:30")
    assert values("The hearing opened at 9:30 a.m.", reference) == [("9:30 a.m.", "2025-03-10T09:30")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "a year earlier" compares with the period its sentence told, as with a quarter in results
        (
            "Arrivals reached 900 in 2023, twice the number a year earlier.",
            [("2023", "2023"), ("a year earlier", "2022")],
        ),
        (
            "Imports fell in the spring of 2024 from a year earlier.",
            [("the spring of 2024", "2024-SP"), ("a year earlier", "2023-SP")],
        ),
        # opening the next sentence: the time that sentence told last; "a year ago": the reference's
        (
            "Arrivals reached 900 in 2023. A year earlier, none came.",
            [("2023", "2023"), ("A year earlier", "2022")],
        ),
        (
            "Arrivals reached 900 in 2023.\n\nA year earlier, none came.",
            [("2023", "2023"), ("A year earlier", "2024")],
        ),
        ("Arrivals reached 900 in 2023, up from a year ago.", [("2023", "2023"), ("a year ago", "2024")]),
    ],
)
def test_a_year_earlier_compares_with_the_period_its_sentence_told(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(text, Reference("2025-06-01", "day")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the partner's relative year is lent to the month before it, as an explicit year is
        (
            "Shipments ran between April and October last year.",
            [("April", "2024-04"), ("October last year", "2024-10")],
        ),
        (
            "Talks went on from May to July of last year.",
            [("May", "2024-05"), ("July of last year", "2024-07")],
        ),
        (
            "It grew between November and January this year.",
            [("November", "2024-11"), ("January this year", "2025-01")],
        ),
    ],
)
def test_a_range_partner_lends_its_relative_year(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, Reference("2025-03-14", "day")) == expected


def test_a_function_word_in_s_after_a_year_is_no_counted_plural() -> None:
    # "2013 as part of": not "2013 assets"; the span of years stays whole
    found = find_times("The line was rebuilt in 2008-2013 as part of a deal.", DAY)
    assert [(t.text, t.earliest, t.latest) for t in found] == [
        ("2008", "2008-01-01", "2008-12-31"),
        ("2013", "2013-01-01", "2013-12-31"),
    ]
    assert values("It sent 2000 tanks.") == []


def test_a_day_of_a_named_month_needs_no_signal() -> None:
    reference = Reference("2025-03-14", "day")
    assert values("The train left around the 20th of last month.", reference) == [
        ("the 20th of last month", "2025-02-20")
    ]
    assert values("The train left around the 20th.", reference) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the year" is the year its sentence told before it, else the reference date's
        (
            "In early 2023 the shells often failed; by the end of the year, few did.",
            [("early 2023", "2023"), ("the end of the year", "2023")],
        ),
        # a season after "between" is a season, and the year's end follows it
        (
            "Fighting peaked between the autumn and the end of the year.",
            [("the autumn", "2024-FA"), ("the end of the year", "2024")],
        ),
        ("By the end of the year, few will.", [("the end of the year", "2025")]),
        # (told in the past in February: the last year's end, see the year-end tests)
        ("By the end of the year, few did.", [("the end of the year", "2024")]),
        # a year things run from, or a plan, leaves "the year" the reference date's
        (
            "It has shipped shells since 2023, more than it said earlier in the year.",
            [("2023", "2023"), ("earlier in the year", "2025")],
        ),
        (
            "The pact signed in 2019 will be reviewed at the end of the year.",
            [("2019", "2019"), ("the end of the year", "2025")],
        ),
    ],
)
def test_the_year_is_the_year_its_sentence_told(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, Reference("2025-02-03", "day")) == expected


@pytest.mark.parametrize(
    ("text", "value", "earliest", "latest"),
    [
        # the period its sentence told, both ends of a range, a year back
        (
            "Visits rose in March-May, double the same period a year earlier.",
            "2024-03",
            "2024-03-01",
            "2024-05-31",
        ),
        (
            "Sales rose between February and June from the same period a year earlier.",
            "2024-02",
            "2024-02-01",
            "2024-06-30",
        ),
        (
            "Sales rose in the second quarter from the same period a year earlier.",
            "2024-Q2",
            "2024-04-01",
            "2024-06-30",
        ),
    ],
)
def test_the_same_period_a_year_earlier(text: str, value: str, earliest: str, latest: str) -> None:
    last = find_times(text, Reference("2025-08-20", "day"))[-1]
    assert (last.text, last.value, last.earliest, last.latest) == (
        "the same period a year earlier",
        value,
        earliest,
        latest,
    )


@pytest.mark.parametrize(
    ("text", "value", "earliest", "latest"),
    [
        # the period its sentence told, in the year named
        (
            "Launches rose in the first half of 2025, from 9 in the same period of 2023.",
            "2023-H1",
            "2023-01-01",
            "2023-06-30",
        ),
        (
            "From March to May 2025 it moved 900 tons, against 400 in the same months of 2024.",
            "2024-03",
            "2024-03-01",
            "2024-05-31",
        ),
        # the widest period the sentence before told (a range's both ends), not the last one
        (
            "Flights ran from February to May, busiest in March and late April. A year before, in the same"
            " months of 2024, none ran.",
            "2024-02",
            "2024-02-01",
            "2024-05-31",
        ),
        # no period told before, or a later year: the year itself
        ("In March 2025 it rose.\n\nThe same period of 2024 was busy.", "2024", "2024-01-01", "2024-12-31"),
        ("The same period of 2024 was quiet.", "2024", "2024-01-01", "2024-12-31"),
        (
            "It fell in the first half of 2024, unlike the same period of 2025.",
            "2025",
            "2025-01-01",
            "2025-12-31",
        ),
    ],
)
def test_the_same_period_of_a_named_year(text: str, value: str, earliest: str, latest: str) -> None:
    last = find_times(text, Reference("2025-08-20", "day"))[-1]
    assert (last.value, last.earliest, last.latest) == (value, earliest, latest)


@pytest.mark.parametrize(
    ("text", "value", "mod", "earliest", "latest"),
    [
        (
            "Talks began in 2023 and stalled early the following year.",
            "2024",
            "START",
            "2024-01-01",
            "2024-04-30",
        ),
        (
            "The pact came in 2019; late the previous year, envoys met.",
            "2018",
            "END",
            "2018-09-01",
            "2018-12-31",
        ),
    ],
)
def test_a_modifier_before_the_following_year(
    text: str, value: str, mod: str, earliest: str, latest: str
) -> None:
    last = find_times(text, Reference("2025-08-20", "day"))[-1]
    assert (last.value, last.mod, last.earliest, last.latest) == (value, mod, earliest, latest)


@pytest.mark.parametrize(
    ("text", "value", "earliest", "latest"),
    [
        ("This past year was the deadliest.", "2024", "2024-03-13", "2025-03-12"),
        ("Prices rose this past month.", "2025-02", "2025-02-13", "2025-03-12"),
        ("They met this past weekend.", "2025-W10-WE", "2025-03-08", "2025-03-09"),
    ],
)
def test_this_past_year_is_the_past_year(text: str, value: str, earliest: str, latest: str) -> None:
    found = find_times(text, Reference("2025-03-12", "day"))
    assert [(t.value, t.earliest, t.latest) for t in found] == [(value, earliest, latest)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Output at the 8 February Vinalon Complex rose.", []),
        ("a concert at the April 25 House of Culture", []),
        # after a temporal preposition, or with a year, a date stays a date
        ("on the 25 April Plant workers struck", [("the 25 April", "2025-04-25")]),
        ("the 2 May 2024 Hotel fire", [("the 2 May 2024", "2024-05-02")]),
    ],
)
def test_a_facility_named_after_a_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, Reference("2025-05-01", "day")) == expected


def test_a_resolutions_number_before_its_committee_is_no_year() -> None:
    # "the 1718 Committee" is the Security Council's sanctions committee of Resolution 1718
    assert find_times("Russia vetoed the mandate of the 1718 Committee's Panel of Experts.", DAY) == []
    assert find_times("It breached the 1874 sanctions regime.", DAY) == []
    assert values("The war began in 1871.") == [("1871", "1871")]


def test_due_by_is_a_deadline_ahead_after_a_participle() -> None:
    # "reduced ... due by June 30": "due" makes the "by" a deadline's, not a met one's
    march = Reference("2026-03-12", "day")
    text = "He asked whether the brigade would be reduced under the posture review, due by June 30."
    assert values(text, march) == [("June 30", "2026-06-30")]
    assert values("About 4,700 were killed or wounded by June 30.", march) == [("June 30", "2025-06-30")]


def test_an_ordinal_day_takes_the_month_its_sentence_told() -> None:
    october = Reference("2025-10-15", "day")
    text = "September 2025: Kim attends the Beijing parade alongside Putin on the 3rd."
    assert values(text, october) == [("September 2025", "2025-09"), ("the 3rd", "2025-09-03")]
    assert values(text, None) == [("September 2025", "2025-09"), ("the 3rd", "2025-09-03")]
    assert values("Talks began on March 4 and ended on the 6th.", october)[1] == ("the 6th", "2025-03-06")
    # a month told in a sentence before leaves the day to the reference
    later = values("Talks began in September. The vote is on the 3rd.", october)
    assert later[1] == ("the 3rd", "2025-10-03")


def test_the_year_before_counts_from_the_year_its_sentence_told() -> None:
    feb = Reference("2026-02-03", "day")
    text = "It sent 15,000 workers to Russia in 2025, up from about 4,000 the year before."
    assert values(text, feb) == [("2025", "2025"), ("the year", "2024")]
    assert values("In 2023 it signed a deal; the year after, it sent troops.", feb)[1] == ("the year", "2024")
    # no year told in the sentence: an event's year before, which is unknown
    assert values("The year before the war, trade fell.", feb) == []


def test_an_ordinal_day_before_a_reported_clause() -> None:
    may = Reference("2026-05-20", "day")
    assert values("The ministry said on the 18th that two ships had docked.", may) == [
        ("the 18th", "2026-05-18")
    ]
    assert values("Seoul confirmed on the 27th but gave no number.", may) == [("the 27th", "2026-04-27")]
    assert values("It was the 18th that ever sailed.", may) == []  # no signal: a rank, no day


def test_a_glued_abbreviated_date_as_korean_papers_print_it() -> None:
    assert values("Posted on : Mar.4,2026 11:05 KST") == [
        ("Mar.4,2026", "2026-03-04"),
        ("11:05 KST", "2026-03-04T11:05"),
    ]
    assert values("On March 4, 2,000 troops left.", Reference("2026-03-10", "day")) == [
        ("March 4", "2026-03-04")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An officer in his forties said so.", []),
        ("Recruits in their late teens and twenties were sent.", []),
        ("Prices rose in the twenties.", [("the twenties", "192X")]),
        ("It was a hit in the 1990s.", [("the 1990s", "199X")]),
    ],
)
def test_a_decade_of_someones_life_is_an_age(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "mod", "earliest", "latest"),
    [
        ("Strikes resumed at the turn of the year.", "2025", "START", "2024-12-01", "2025-01-31"),
        ("The pact dates from the turn of 2023.", "2023", "START", "2022-12-01", "2023-01-31"),
        ("Deliveries began in the first months of 2024.", "2024", "START", "2024-01-01", "2024-04-30"),
        ("Talks stalled in the closing months of 2023.", "2023", "END", "2023-09-01", "2023-12-31"),
    ],
)
def test_a_years_turn_and_its_first_or_last_months(
    text: str, value: str, mod: str, earliest: str, latest: str
) -> None:
    time = one(text)
    assert (time.value, time.mod, time.earliest, time.latest) == (value, mod, earliest, latest)


def test_a_question_number_is_no_quarter() -> None:
    assert values("Q1: What did Moscow pay?\nA1: Oil, in Q3 2024 and Q4.") == [
        ("Q3 2024", "2024-Q3"),
        ("Q4", "2024-Q4"),
    ]


def test_a_dotted_day_and_month_where_the_text_writes_dotted_dates() -> None:
    jan = Reference("2026-01-20", "day")
    text = "Seen on 03.01.2026 near Kupiansk. Strikes again on 29.12 and 07.01; up 12.05 percent."
    assert values(text, jan) == [
        ("03.01.2026", "2026-01-03"),
        ("29.12", "2025-12-29"),
        ("07.01", "2026-01-07"),
    ]
    # a text with no dotted full date: a decimal
    assert values("The index closed at 29.12 on Monday.", jan) == [("Monday", "2026-01-19")]


def test_the_half_of_the_year_is_the_year_its_sentence_told() -> None:
    april = Reference("2026-04-09", "day")
    text = "In Q3 2025 shipments doubled compared with the first half of the year."
    assert values(text, april) == [("Q3 2025", "2025-Q3"), ("the first half of the year", "2025-H1")]
    assert values("Trade rose in the first half of the year.", april) == [
        ("the first half of the year", "2026-H1")
    ]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("Families met over Chuseok.", "2025-10-20", [("Chuseok", "2025-10-06")]),
        ("Markets shut for the Lunar New Year.", "2026-03-02", [("Lunar New Year", "2026-02-17")]),
        ("Trains ran during Seollal 2024.", "2026-03-02", [("Seollal 2024", "2024-02-10")]),
        ("Travel will peak at Chuseok.", "2026-03-02", [("Chuseok", "2026-09-25")]),
    ],
)
def test_a_lunar_holiday_falls_on_its_day_in_the_year(
    text: str, reference: str, expected: list[tuple[str, str]]
) -> None:
    assert values(text, Reference(reference, "day")) == expected


def test_a_posts_time_stamp_dates_the_relative_times_under_it() -> None:
    text = (
        "03.02.2026 08:10\nDrones hit the depot last night.\n\n"
        "04.02.2026 19:40\nThe briefing is tomorrow at 10:00. Overnight calm.\n"
    )
    found = [(t.text, t.value) for t in find_times(text, Reference("2026-02-06", "day"))]
    assert found == [
        ("03.02.2026", "2026-02-03"),
        ("08:10", "2026-02-03T08:10"),
        ("last night", "2026-02-02TNI"),
        ("04.02.2026", "2026-02-04"),
        ("19:40", "2026-02-04T19:40"),
        ("tomorrow", "2026-02-05"),
        ("10:00", "2026-02-05T10:00"),
        ("Overnight", "2026-02-04TNI"),
    ]
    # a date line with words on it is a sentence, no stamp: "last night" stays the reference's
    other = find_times(
        "On 03.02.2026 it began.\nDrones hit the depot last night.", Reference("2026-02-06", "day")
    )
    assert other[-1].value == "2026-02-05TNI"


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("Will the troops stay through the winter?", "2024-10-28", "2024-WI"),
        ("The troops suffered heavy losses through the winter.", "2025-04-10", "2024-WI"),
        ("The troops suffered heavy losses in the winter.", "2024-10-28", "2023-WI"),
        ("Talks resume in the spring.", "2026-02-10", "2026-SP"),
    ],
)
def test_the_next_season_in_line_unless_a_past_tense_tells_of_the_last(
    text: str, reference: str, value: str
) -> None:
    assert one(text, Reference(reference, "day")).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Losses mounted toward the end of the year.", "2025"),
        ("The party held its year-end plenum.", "2025"),
        ("The plant will open by the end of the year.", "2026"),
        ("Kim will speak at the year-end plenum.", "2026"),
        # no tense in the year's first two months: the year-end weeks ago, not the one most of a year ahead
        ("No word of it at a year-end plenum.", "2025"),
        ("The plant opens by year-end.", "2026"),  # (a deadline looks ahead)
    ],
)
def test_a_year_end_told_in_the_past_before_this_years_end_is_last_years(text: str, value: str) -> None:
    time = one(text, Reference("2026-02-12", "day"))
    assert (time.value, time.mod) == (value, "END")
    # told in the autumn, this year's end has begun
    assert one("Losses mounted toward the end of the year.", Reference("2026-11-02", "day")).value == "2026"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Between March and December, the North shipped oil.",
            [("March", "2025-03"), ("December", "2025-12")],
        ),
        ("The North shipped oil from February to April.", [("February", "2026-02"), ("April", "2026-04")]),
        ("Drills will run between June and December.", [("June", "2026-06"), ("December", "2026-12")]),
    ],
)
def test_a_range_of_months_told_in_the_past_ends_before_the_reference(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(text, Reference("2026-05-14", "day")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim skipped the topic in his New Year's address.", [("New Year's", "2026-01-01")]),
        ("Shops shut over New Year.", [("New Year", "2026-01-01")]),
        ("It was a new year for the army.", []),
    ],
)
def test_new_years_alone_is_the_first_of_january(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, Reference("2026-02-04", "day")) == expected


def test_a_signal_before_at_least_governs_the_date() -> None:
    time = one("The firm has moved funds since at least June 2024.", Reference("2026-03-02", "day"))
    assert (time.value, time.signal) == ("2024-06", "since")
    assert anchor_interval(time, "", [time]) == ("2024-06-01", None, "ON_OR_AFTER")
    assert find_times("At least 2024 troops left.", DAY) == []  # (a count, no year)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shells fired on a Monday are tested by Friday.", [("Friday", "2025-01-10")]),
        ("The raid began on Jan. 3, a Friday.", [("Jan. 3", "2025-01-03")]),
        ("The raid began early on a Friday.", []),
        # "a" before a weekday that modifies a noun is the noun's: that day's service
        ("Crowds attended a Thursday night vigil.", [("Thursday night", "2025-01-09TNI")]),
    ],
)
def test_an_indefinite_weekday_is_no_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_a_clock_time_takes_the_date_after_it() -> None:
    march = Reference("2026-03-04", "day")
    assert values("The launch came at 6:15 a.m. on March 2.", march) == [
        ("6:15 a.m. on March 2", "2026-03-02T06:15")
    ]
    assert values("The launch came at 06:15 on the 2nd.", march) == [
        ("06:15", "2026-03-02T06:15"),
        ("the 2nd", "2026-03-02"),
    ]
    assert values("It struck at 4:30 in the morning on the 28th of last month.", march) == [
        ("4:30", "2026-02-28T04:30"),
        ("the morning", "2026-02-28TMO"),
        ("the 28th of last month", "2026-02-28"),
    ]


def test_the_day_of_that_month_is_in_the_month_told_last() -> None:
    march = Reference("2026-03-04", "day")
    assert values("A launch is expected in June, perhaps on the 25th of that month.", march) == [
        ("June", "2026-06"),
        ("the 25th of that month", "2026-06-25"),
    ]


def test_almost_overnight_is_suddenly() -> None:
    assert values("The assaults stopped almost overnight.") == []
    assert values("Overnight, the assaults stopped.") == [("Overnight", "2025-01-10TNI")]


def test_a_signal_ends_with_its_sentence() -> None:
    assert [t.signal for t in find_times("It was worse than before. The 2026 plan is due.", DAY)] == [None]
    assert [t.signal for t in find_times("Mr. Ri arrived on Monday.", DAY)] == ["on"]


def test_the_next_day_reaches_over_a_quote_paragraph() -> None:
    feb = Reference("2026-02-20", "day")
    text = (
        "The first soldier was caught on Feb. 2.\n\n"
        '"He was hiding in a cellar," the commander said.\n\n'
        "The second was caught the next day."
    )
    assert values(text, feb) == [("Feb. 2", "2026-02-02"), ("the next day", "2026-02-03")]
    # a paragraph of narrative between: another story is told, the day stays unknown
    other = text.replace('"He was hiding in a cellar," the commander said.', "Then the unit moved west.")
    assert values(other, feb) == [("Feb. 2", "2026-02-02")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hedged start or end is a year; a hedged count is none
        ("The envoy has lived in Dandong since at least 2021.", [("2021", "2021", "since")]),
        ("The lease runs until at least 2031, the firm said.", [("2031", "2031", "until")]),
        ("Pyongyang sent at least 2000 workers.", []),
        ("The port has served them since at least 2000 ships docked there.", []),
        # "as recently as" makes a bare month a month
        ("Officials denied it as recently as October.", [("October", "2024-10", "as recently as")]),
    ],
)
def test_hedged_and_recent_signals(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = [t for t in find_times(text, DAY) if t.value != "PAST_REF"]
    assert [(t.text, t.value, t.signal) for t in found] == expected


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        # the month just gone is "last month": "last <its name>" is a year back
        ("Troops have arrived since last October.", "2025-11-03", "2024-10"),
        ("Talks collapsed last August.", "2025-11-03", "2025-08"),
        ("Talks collapsed last December.", "2025-11-03", "2024-12"),
        ("Talks collapsed last November.", "2025-11-03", "2024-11"),
    ],
)
def test_last_and_a_month_name(text: str, reference: str, value: str) -> None:
    assert one(text, Reference(reference, "day")).value == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the clause before the comma governs a hedge without a verb
        ("Officials say Kim will visit Moscow in the spring, possibly around May 9.", "2025-05-09"),
        ("Officials say Kim will visit Moscow, perhaps around Victory Day on May 9.", "2025-05-09"),
        ("Officials say Kim visited Moscow, possibly around May 9.", "2024-05-09"),
        # a verb after the comma is its own clause's
        ("Kim will visit Moscow, officials said of a trip in May.", "2024-05"),
    ],
)
def test_an_elliptic_hedge_takes_the_tense_of_the_clause_before(text: str, expected: str) -> None:
    assert find_times(text, parse_date("2025-02-12"))[-1].value == expected


def test_a_week_of_a_date_or_month_reads_the_tense() -> None:
    reference = parse_date("2025-05-14")
    assert values("A summit is planned for the week of September 15.", reference) == [
        ("the week of September 15", "2025-W38")
    ]
    assert values("Drills were held in the second week of September.", reference) == [
        ("the second week of September", "2024-W37")
    ]
    assert values("The report will come out in the second week of September.", reference) == [
        ("the second week of September", "2025-W37")
    ]


def test_that_season_is_in_the_year_told_last() -> None:
    text = "Exports began in the spring of 2022. By that winter, ships sailed; that summer was quiet."
    assert values(text, parse_date("2025-05-14")) == [
        ("the spring of 2022", "2022-SP"),
        ("that winter", "2022-WI"),
        ("that summer", "2022-SU"),
    ]


def test_a_holiday_without_a_year_falls_in_the_year_its_sentence_told() -> None:
    reference = parse_date("2025-06-25")
    assert values("In 2019, the parade on Victory Day was cancelled.", reference) == [
        ("2019", "2019"),
        ("Victory Day", "2019-05-09"),
    ]
    # a year things run from, or a plan, does not date it
    assert values("Since 2022, the parade on Victory Day has been smaller.", reference)[-1] == (
        "Victory Day",
        "2025-05-09",
    )
    planned = values("In 2024 Kim said he will attend Victory Day.", reference)
    assert planned[-1] == ("Victory Day", "2026-05-09")


def test_a_past_clause_opening_with_by_and_a_month_is_a_met_deadline() -> None:
    text = "The troops trained in October, and by December they were fighting in Kursk."
    assert values(text, parse_date("2025-09-03")) == [("October", "2024-10"), ("December", "2024-12")]
    # a future clause keeps the deadline ahead
    ahead = values("The plant opened in October, and by December it will run.", parse_date("2025-09-03"))
    assert ahead[-1] == ("December", "2025-12")


def test_only_a_tens_word_takes_a_units_word() -> None:
    assert values("the successful one six months later") == [("six months", "P6M")]
    assert values("twenty-four months ago") == [("twenty-four months ago", "2023-01")]


def test_a_holiday_and_its_date_in_one_sentence_are_one_day() -> None:
    reference = parse_date("2025-02-26")
    text = "Kim may visit in the first half of this year, perhaps around Victory Day on May 9."
    assert values(text, reference)[1:] == [("Victory Day", "2025-05-09"), ("May 9", "2025-05-09")]
    text = "Troops marched ahead of May 9, when Russia marks Victory Day."
    assert values(text, reference) == [("May 9", "2024-05-09"), ("Victory Day", "2024-05-09")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crowds gathered on Liberation Day eve.", [("Liberation Day eve", "2025-08-14")]),
        ("Kim wrote to Putin on the eve of Victory Day.", [("the eve of Victory Day", "2025-05-08")]),
        ("The talks ended on the eve of March 1.", [("the eve of March 1", "2025-02-28")]),
        ("Christmas Eve was quiet.", [("Christmas Eve", "2024-12-24")]),
        ("On the eve of the summit, Kim left.", []),
    ],
)
def test_the_eve_of_a_day_is_the_day_before(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, parse_date("2025-08-20")) == expected


def test_years_ago_today_is_that_day_of_the_year() -> None:
    reference = parse_date("2025-06-25")
    assert values("Seventy-five years ago today, the war began.", reference) == [
        ("Seventy-five years ago today", "1950-06-25")
    ]
    assert values("Six months ago today, the treaty took effect.", reference) == [
        ("Six months ago today", "2024-12-25")
    ]
    # "today" of another phrase stays the report's day
    assert values("Two years ago, today's leaders met.", reference) == [
        ("Two years ago", "2023"),
        ("today", "2025-06-25"),
    ]


def test_until_at_least_a_date_is_no_deadline() -> None:
    reference = Reference("2025-01-23", "day")
    text = "The orders went on until at least November 2024."
    time = one(text, reference)
    assert anchor_interval(time, text, [time]) == ("2024-11-01", "2024-11-30", None)
    text = "The orders went on until November 2024."
    time = one(text, reference)
    assert anchor_interval(time, text, [time]) == (None, "2024-11-30", "ON_OR_BEFORE")


@pytest.mark.parametrize(
    "text",
    [
        'In July the North marks what it calls "Victory Day".',
        "The North marks a holiday known as Liberation Day.",
        'July 27 is a day Pyongyang has dubbed "Victory Day".',
    ],
)
def test_a_holiday_name_used_as_a_label_is_no_date(text: str) -> None:
    assert [t.text for t in find_times(text, DAY) if "Day" in t.text] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports fell last quarter.", [("last quarter", "2025-Q1")]),
        ("Last quarter's report was late.", [("Last quarter", "2025-Q1")]),
        # with a determiner or a year it is the fourth quarter
        ("Exports fell in the last quarter of 2024.", [("the last quarter of 2024", "2024-Q4")]),
    ],
)
def test_last_quarter_alone_is_the_previous_quarter(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, parse_date("2025-05-14")) == expected


def test_the_following_or_previous_season_counts_from_the_time_told() -> None:
    text = (
        "Envoys met in the autumn of 2021. The following spring, a deal was drafted; it was signed that "
        "July. The previous winter had been tense."
    )
    assert values(text, parse_date("2025-11-07")) == [
        ("the autumn of 2021", "2021-FA"),
        ("The following spring", "2022-SP"),
        ("that July", "2022-07"),
        ("The previous winter", "2021-WI"),
    ]
    # a year told counts as its end; with nothing told, the reference's next
    assert values("He was jailed in 2013. The following summer he was freed.", parse_date("2025-11-07"))[
        -1
    ] == (
        "The following summer",
        "2014-SU",
    )
    assert values("The following spring will be decisive.", parse_date("2025-11-07")) == [
        ("The following spring", "2026-SP")
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the first months of something other than a year are no quarter: a span (dated from its start
        # by the pipeline, if one is told)
        (
            "Many were lost in the first three months of combat.",
            [("the first three months", "DURATION", "P3M")],
        ),
        ("The first six months of the deployment were hard.", [("The first six months", "DURATION", "P6M")]),
        (
            "The first three months of 2024 were hard.",
            [("The first three months of 2024", "DATE", "2024-Q1")],
        ),
    ],
)
def test_the_first_months_of_an_activity_are_a_span(text: str, found: list[tuple[str, str, str]]) -> None:
    assert [(t.text, t.type, t.value) for t in find_times(text, DAY)] == found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("21.47 GMT\nThe ministry spoke.", "2025-01-10T21:47"),
        ("09.05 BST\nThe ministry spoke.", "2025-01-10T09:05"),
        ("11.03 GMT\nThe ministry spoke.", "2025-01-10T11:03"),  # (no 11 March: a zone follows)
    ],
)
def test_a_dotted_clock_with_a_zone_is_a_time(text: str, value: str) -> None:
    assert [(t.type, t.value) for t in find_times(text, DAY)] == [("TIME", value)]


def test_a_dotted_number_without_a_zone_is_no_clock() -> None:
    assert [t.text for t in find_times("The rate was 12.30 percent and 17.45 on the index.", DAY)] == []


@pytest.mark.parametrize(
    ("text", "reported", "latest"),
    [
        ("A pilot defected more than a year ago.", "2026-03-31", "2025-03-31"),
        ("He left home over 18 months ago.", "2026-03-19", "2024-09-19"),
        ("The plant closed at least two years ago.", "2024-02-29", "2022-02-28"),
        ("The envoy left more than three days ago.", "2026-03-19", "2026-03-16"),
    ],
)
def test_more_than_a_span_ago_is_on_or_before_that_day(text: str, reported: str, latest: str) -> None:
    (time,) = [t for t in find_times(text, Reference(reported, "day")) if t.type == "DATE"]
    assert ago_bound(time, reported) == (None, latest, "ON_OR_BEFORE")


def test_about_a_span_ago_keeps_its_period() -> None:
    (time,) = find_times("The plant closed about a year ago.", Reference("2026-03-19", "day"))
    assert ago_bound(time, "2026-03-19") is None


@pytest.mark.parametrize(
    ("text", "season"),
    [
        # a bare season in a sentence that told a year: that year's
        ("Sales dipped in the first half of 2023 and recovered in the autumn.", "2023-FA"),
        ("In March 2024 the plant closed, and in the summer it reopened.", "2024-SU"),
        # after a season told: the first such season from it (the winter runs into the next year)
        ("In the winter, the units were hit hard; by spring they had adapted.", "2025-SP"),
        # ... unless that season is still ahead of the report: then the one before
        ("Traffic averaged 70 cars in the spring, up from 30-40 in the winter months.", "2024-WI"),
        # told in another sentence, or named with its own word: as before
        ("Sales dipped in 2023. In the autumn they recovered.", "2024-FA"),
        ("Sales dipped in 2023, but last autumn they recovered.", "2024-FA"),
    ],
)
def test_a_bare_season_takes_the_year_its_sentence_told(text: str, season: str) -> None:
    found = [t.value for t in find_times(text, Reference("2025-06-12", "day")) if t.type == "DATE"]
    assert found[-1] == season


@pytest.mark.parametrize(
    ("text", "month"),
    [
        # a bare month after a month its sentence told with its year: that year's
        ("The brigade reached Rostov in August 2024 and was sent to the front by late September.", "2024-09"),
        # not after a year told alone, a later month told, a month told without its year, or in a plan
        ("In 2023 exports rose 10%, the ministry said in March.", "2025-03"),
        ("Troops came in December 2024 and left in January.", "2025-01"),
        ("They met in March 2024 and will meet again in November.", "2025-11"),
    ],
)
def test_a_bare_month_takes_the_year_of_the_month_its_sentence_told(text: str, month: str) -> None:
    found = [t.value for t in find_times(text, Reference("2025-10-21", "day")) if t.type == "DATE"]
    assert found[-1] == month
