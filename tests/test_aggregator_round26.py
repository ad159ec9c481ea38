"""Articles in the aggregator layout with no publication date: the reference date inferred from the
text, and the summary and "In conclusion" paragraphs that restate the body told once."""

from __future__ import annotations

from dprk_tracker import reader
from dprk_tracker.extract import extract


def aggregator(summary: str, *body: str) -> str:
    paragraphs = "\n\n".join(body)
    return (
        f"Border Trade Resumes at the Crossings\n\n0\nabc12345-0000-4000-8000-000000000001\n\n{summary}\n\n"
        f"{paragraphs}\n\nOriginal Source: www.example.com\n\nLeave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *"
    )


def test_a_weekday_with_its_day_tells_the_year_the_named_years_leave_open() -> None:
    # 2023 is the latest year named, but 12 March falls on a Tuesday in 2024, not in 2023
    result = extract(
        aggregator(
            "Customs officials reopened two crossings.",
            "Customs officials said on Tuesday, March 12, that two crossings had reopened last month.",
            "Trade through the crossings fell by half in 2023.",
        )
    )
    assert (result.published, result.published_source, result.precision) == ("2024-03-12", "inferred", "day")
    last_month = next(e for e in result.events if e.time_text == "last month")
    assert last_month.when == "2024-02"


def test_a_day_in_brackets_after_its_weekday_counts_too() -> None:
    result = extract(
        aggregator(
            "Prices rose at the markets.",
            "Traders told reporters on Friday (Feb. 7) that prices had risen since the start of the year.",
            "The crackdown began in November 2024.",
        )
    )
    assert result.published == "2025-02-07"


def test_a_weekday_that_fits_no_nearby_year_leaves_the_latest_year() -> None:
    # 12 March is no Sunday from 2008 to 2012: the latest year named stays the guess
    result = extract("Officials spoke on Sunday, March 12, about the talks held in 2010 in the capital.")
    assert (result.published, result.precision) == ("2010", "year")


def test_last_year_compared_with_a_named_year_is_after_it() -> None:
    result = extract(
        aggregator(
            "Arrivals rose slightly.",
            "A total of 236 people arrived last year, up from 196 in 2023, the ministry said.",
            "Only 38 arrived in the first quarter of this year.",
        )
    )
    assert (result.published, result.published_source) == ("2025", "inferred")
    quarter = next(e for e in result.events if e.time_text == "the first quarter of this year")
    assert quarter.when == "2025-Q1"


def test_a_plans_end_year_does_not_date_the_text() -> None:
    result = extract(
        "The party adopted a five-year plan for the economy through 2030, after the troops left in 2025. "
        "The navy called for the launch of two new ships by 2027."
    )
    assert result.published == "2025"


def test_a_met_deadline_still_dates_the_text() -> None:
    result = extract("Over 3,000 had been killed or wounded by early 2025, after the troops arrived in 2024.")
    assert result.published == "2025"


def test_the_summary_and_the_conclusion_restate_the_body_once() -> None:
    result = extract(
        aggregator(
            "About 1,200 trucks crossed in March, and 40 percent carried food, after a ban imposed in 2020.",
            "About 1,200 trucks crossed the border in March, customs data show.",
            "Some 40 percent of them carried food, after a ban imposed in 2020 was lifted.",
            "In conclusion, the 1,200 trucks that crossed in March mark a revival, and 15 more are due.",
        )
    )
    assert [(f.low, f.start > result.figures[0].start) for f in result.figures] == [
        (1200, False),
        (40, True),
        (15, True),
    ]
    assert [f.text for f in result.figures] == ["About 1,200", "Some 40 percent", "15"]
    assert [e.time_text for e in result.events] == ["March", "2020"]
    assert all("In conclusion" not in e.text and "and 40 percent" not in e.text for e in result.events)


def test_a_restatement_keeps_what_only_it_tells() -> None:
    result = extract(
        aggregator(
            "The crossings reopened in May 2023 after three years.",
            "Trade resumed through the crossings, officials said.",
        )
    )
    assert [e.time_text for e in result.events] == ["May 2023"]


def test_the_reader_marks_the_summary_and_the_conclusion() -> None:
    text = aggregator("A summary line.", "A body paragraph.", "In conclusion, the body said it.")
    article = reader.parse(text)
    assert [text[slice(*span)] for span in article.restatements] == [
        "A summary line.",
        "In conclusion, the body said it.",
    ]
    assert reader.parse("Title line here today\n\nIn conclusion, a first paragraph.").restatements == []


def test_a_decimal_point_ends_no_comparison() -> None:
    result = extract("Exports reached $2.18 billion last year, up 18 percent from $1.85 billion in 2023.")
    assert (result.published, result.figures[0].when) == ("2025", "2024")


def test_a_restated_small_number_needs_its_qualifier() -> None:
    result = extract(
        aggregator(
            "Arrivals were nearly three times the quota, and more than 5,000 crossed.",
            "More than 5,000 people crossed in May 2023, the officials said.",
            "The crossings were more than three times the number in April.",
        )
    )
    assert [(f.text, f.qualifier) for f in result.figures] == [
        ("nearly three times", "nearly"),
        ("More than 5,000", "more than"),
        ("more than three times", "more than"),
    ]


def test_a_range_from_a_named_year_to_last_year() -> None:
    result = extract("Arrivals rose from 196 in 2023 to 236 last year, the ministry said.")
    assert result.published == "2025"


def test_a_first_in_six_years_counts_from_the_one_before() -> None:
    result = extract(
        "The minister made his first visit to the capital in six years on Tuesday. "
        "It was his first trip there since March 2019, when talks collapsed."
    )
    assert result.published == "2025"


def test_a_first_in_years_without_the_one_before_dates_nothing() -> None:
    assert extract("It was his first visit in six years, after talks in 2019.").published == "2019"
