"""Round 27: a past participle before a month outranks a future marker; "over the past day" is the
report's day; "this year so far" / "So far this year" run to the report; a share's named base is no
event and does not date the share."""

from __future__ import annotations

import pytest

from dprk_tracker.extract import extract


def _events(text: str, published: str) -> list[tuple[str, str]]:
    return [(e.time_text, e.when) for e in extract(text, published).events]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "The ministry intends to admit 300 trainees over the coming two years under a protocol "
            "ratified in early May.",
            "2024-04-10",
            ("early May", "2023-05"),
        ),
        (
            "The navy will build two frigates under a contract awarded in late August, officials said.",
            "2024-07-02",
            ("late August", "2023-08"),
        ),
        (
            "The parliament finally conceded the failure of the project in late October.",
            "2024-09-20",
            ("late October", "2023-10"),
        ),
        # the future still governs a participle after an auxiliary or in a time clause
        ("The bonus will be paid in November to all staff.", "2024-09-20", ("November", "2024-11")),
        (
            "The bank will sell its shares as soon as trading resumed in October.",
            "2024-09-20",
            ("October", "2024-10"),
        ),
    ],
)
def test_a_past_participle_next_to_a_month_keeps_it_in_the_past(
    text: str, published: str, expected: tuple[str, str]
) -> None:
    assert expected in _events(text, published)


def test_over_the_past_day_is_the_reports_day() -> None:
    text = "The air force said it downed 61 drones over the past day."
    result = extract(text, "2024-11-03")
    assert _events(text, "2024-11-03") == [("the past day", "2024-11-03")]
    assert [(f.text, f.when) for f in result.figures] == [("61", "2024-11-03")]


@pytest.mark.parametrize(
    "text",
    [
        "So far this year, the port has handled 42 tankers.",
        "The port has handled 42 tankers this year so far.",
        "The port has handled 42 tankers this year to date.",
    ],
)
def test_this_year_so_far_ends_on_the_reference_day(text: str) -> None:
    events = extract(text, "2024-05-17").events
    assert [(e.when, e.earliest, e.latest) for e in events] == [("2024", "2024-01-01", "2024-05-17")]


@pytest.mark.parametrize(
    ("text", "events", "figures"),
    [
        (
            "Grain imports reached 410,000 tons in 2023, up 12 percent from 2022.",
            [("2023", "2023")],
            [("410,000 tons", "2023"), ("12 percent", "2023")],
        ),
        (
            "In March, fuel sales came to $75 million, down 4% from February.",
            [("March", "2024-03")],
            [("$75 million", "2024-03"), ("4%", "2024-03")],
        ),
    ],
)
def test_a_named_base_of_a_change_is_no_event(
    text: str, events: list[tuple[str, str]], figures: list[tuple[str, str]]
) -> None:
    result = extract(text, "2024-06-30")
    assert [(e.time_text, e.when) for e in result.events] == events
    assert [(f.text, f.when) for f in result.figures] == figures


def test_parts_of_the_year_told_just_before() -> None:
    text = (
        "Traffic at the terminal dropped in the autumn of 2023. In the last three months of the year, "
        "analysts logged 14 tanker visits, compared with 30 in the same period of 2022. In the first half "
        "of the year, imagery showed 52 visits, close to the 49 seen in the same months a year earlier."
    )
    times = [(t.text, t.value, t.earliest, t.latest) for t in extract(text, "2024-04-15").times]
    assert times == [
        ("the autumn of 2023", "2023-FA", "2023-09-01", "2023-11-30"),
        ("the last three months of the year", "2023-Q4", "2023-10-01", "2023-12-31"),
        ("2022", "2022-Q4", "2022-10-01", "2022-12-31"),
        ("the first half of the year", "2023-H1", "2023-01-01", "2023-06-30"),
        ("a year earlier", "2022-H1", "2022-01-01", "2022-06-30"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rail freight fell sharply in the final six months of 2024.", "2024-H2"),
        ("Rail freight fell sharply in the last three months of last year.", "2024-Q4"),
        # with no "of ...", "the last three months" stays the span up to the report
        ("Rail freight fell sharply in the last three months.", "P3M"),
    ],
)
def test_the_last_months_of_a_year(text: str, value: str) -> None:
    assert [t.value for t in extract(text, "2025-05-02").times] == [value]


@pytest.mark.parametrize(
    ("text", "times", "figures"),
    [
        (
            "Officials said the toll rose to nineteen hundred dead or missing by the end of 2024.",
            [("the end of 2024", "2024")],
            ["nineteen hundred"],
        ),
        (
            "The fort was built in eighteen hundred and rebuilt in nineteen fifty-three.",
            [("eighteen hundred", "1800"), ("nineteen fifty-three", "1953")],
            [],
        ),
    ],
)
def test_a_number_in_words_before_a_count_word_is_no_year(
    text: str, times: list[tuple[str, str]], figures: list[str]
) -> None:
    result = extract(text, "2025-02-01")
    assert [(t.text, t.value) for t in result.times] == times
    assert [f.text for f in result.figures] == figures


def test_a_named_base_before_the_level_reached() -> None:
    result = extract("Exports grew 40 percent from 2022 to reach $9 million in 2023.", "2024-03-01")
    assert [(e.time_text, e.when) for e in result.events] == [("2023", "2023")]
    assert [(f.text, f.when) for f in result.figures] == [("40 percent", "2023"), ("$9 million", "2023")]
    spanned = extract("Exports grew 40 percent from 2022 to 2023.", "2024-03-01")
    assert [e.time_text for e in spanned.events] == ["2022 to 2023"]
