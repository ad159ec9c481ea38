"""Dated events told down a chain of earlier times, counted from a statement's own date, and times
that make no event (comparison bases, denied predicates, the page's own stamps)."""

from __future__ import annotations

import pytest

from dprk_tracker.extract import extract


def _events(text: str, published: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.time_text, e.when, e.earliest, e.latest) for e in extract(text, published).events]


def test_a_bare_month_after_a_month_told_through_that_year_stays_in_that_year() -> None:
    text = (
        "Grain exports peaked in the spring of 2023. In April of that year alone, 90 barges sailed. "
        "That was the same month the port reopened; by late May, some 4,000 tonnes had been loaded."
    )
    events = _events(text, "2026-02-05")
    assert events[-1] == ("late May", "2023-05", None, "2023-05-31")


def test_a_past_perfect_after_a_semicolon_never_lands_after_the_report() -> None:
    text = "The mill closed for repairs; by mid-October, 300 workers had been laid off."
    assert _events(text, "2026-03-02") == [("mid-October", "2025-10", None, "2025-10-20")]


def test_a_month_opening_a_clause_after_a_colon_follows_an_old_month() -> None:
    text = (
        "In early September 2022, the first reports of the convoy emerged. Within days, it was "
        "confirmed: by late September, the trucks had reached the border."
    )
    events = _events(text, "2025-11-11")
    assert events[-1][:2] == ("late September", "2022-09")


def test_a_day_opening_the_sentence_after_an_old_month_is_in_its_year() -> None:
    text = "The strikes began in March 2021. On April 9, the union called them off."
    assert _events(text, "2024-06-01")[-1] == ("April 9", "2021-04-09", "2021-04-09", "2021-04-09")


def test_a_year_earlier_opening_a_sentence_counts_from_the_month_told_before() -> None:
    text = (
        "As of March, the fleet counted about 40 tankers a month. "
        "A year earlier, the count was estimated at 25 tankers."
    )
    events = _events(text, "2026-06-20")
    assert events[-1] == ("A year earlier", "2025-03", "2025-03-01", "2025-03-31")
    assert extract(text, "2026-06-20").figures[-1].when == "2025-03"


def test_the_past_days_count_back_from_the_statement_dated_in_their_sentence() -> None:
    text = "The navy said in its March 3 statement that over the past three days it had seized two boats."
    assert _events(text, "2026-03-09")[-1] == (
        "the past three days",
        "2026-03-01",
        "2026-03-01",
        "2026-03-03",
    )
    # with no statement dated, from the report's day
    assert _events("Over the past three days, two boats were seized.", "2026-03-09") == [
        ("the past three days", "2026-03-07", "2026-03-07", "2026-03-09")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Output in 2024 was nearly double its level of a year ago.",
        "In 2024 the fleet was five times as large as the year before.",
        "Sales in 2024 were nearly triple the monthly average of the previous winter.",
        "Exports rose 12 percent in 2024 compared with the same period last year.",
        "Arrivals fell in 2024 compared with the year before.",
    ],
)
def test_a_relative_base_of_a_comparison_makes_no_event(text: str) -> None:
    assert [e.when for e in extract(text, "2025-06-01").events] == ["2024"]


def test_a_time_counted_twice_is_still_an_event() -> None:
    assert [e.when for e in extract("He visited the plant twice last year.", "2025-06-01").events] == ["2024"]


@pytest.mark.parametrize(
    "text",
    [
        '"This is not a crisis that began last year," the economist said.',
        "It wasn't a war that started in 2022, he said.",
        '"At this rate, nobody should expect a deal before 2030," he said.',
        "Officials do not expect the line to reopen before next spring.",
        "Analysis is current as of 11 a.m. ET on March 4, 2025.",
        "This assessment is accurate as of May 2, 2025.",
        "(The press conference was concluded at 4:12 p.m.)",
        '"No one should expect this to be the final round of cuts before the end of the year," she said.',
    ],
)
def test_denied_predicates_and_the_pages_own_stamps_make_no_event(text: str) -> None:
    assert extract(text, "2025-06-01").events == []


def test_a_multiple_as_many_as_a_base_is_dated_by_its_own_year() -> None:
    figures = extract(
        "In 2024 the fleet grew to 90 ships, three times as many as the year before.", "2025-06-01"
    )
    assert [(f.text, f.when) for f in figures.figures] == [("90", "2024"), ("three times", "2024")]


def test_a_year_earlier_counts_from_its_sentences_time_before_a_quarter_told_earlier() -> None:
    """A quarter named a paragraph before makes a results story's "a year earlier" that quarter a year
    back; a time the sentence itself tells comes first."""
    text = (
        "Crossings fell to about 400 wagons in the first quarter of 2025.\n\n"
        "As of January, 40 percent of the shells were North Korean, down from 60 percent a year earlier."
    )
    result = extract(text, "2026-03-10")
    assert [(e.time_text, e.when) for e in result.events] == [
        ("the first quarter of 2025", "2025-Q1"),
        ("January", "2026-01"),
        ("a year earlier", "2025-01"),
    ]
    assert [(f.text, f.when) for f in result.figures][-2:] == [
        ("40 percent", "2026-01"),
        ("60 percent", "2025-01"),
    ]
