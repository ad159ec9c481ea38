"""Figures dated by what the text points back to: a period told before ("during that period"), the
count "those" refers to ("Of those, ..."), a "since" shared by two joined counts (sentences written for
these tests)."""

from __future__ import annotations

from dprk_tracker.extract import extract


def _figures(text: str, published: str = "2025-06-18") -> dict[str, tuple]:
    return {f.text: (f.when, f.relation, f.earliest, f.latest) for f in extract(text, published).figures}


def test_during_that_period_takes_the_range_told_before() -> None:
    text = (
        "Freight trains crossed the bridge daily from March 2022 to June 2023, officials said.\n\n"
        "Exports of coal reached about 1.2 million tonnes during that period. Over that time, "
        "at least 900 wagons were inspected."
    )
    found = _figures(text)
    assert found["about 1.2 million tonnes"] == ("2022-03", None, "2022-03-01", "2023-06-30")
    assert found["at least 900"] == ("2022-03", None, "2022-03-01", "2023-06-30")


def test_during_those_months_takes_the_since_told_before() -> None:
    text = (
        "The agency said in May that the navy had seized 14 tankers since November 2024. "
        "During those months, some 60 sailors were detained."
    )
    found = _figures(text)
    assert found["some 60"] == ("2024-11", "ON_OR_AFTER", "2024-11-01", "2025-06-18")


def test_a_back_reference_with_no_period_before_is_the_report() -> None:
    text = "Officials met on Tuesday. In the same period, 30 ships docked."
    assert _figures(text)["30"][0] == "2025-06-18"


def test_that_time_after_a_span_up_to_now_is_the_report() -> None:
    """The sentence before tells a span up to the report ("two years since"), not a period of its own:
    an earlier sentence's year is no period of "that time"."""
    text = (
        "Deliveries began in 2023. It has been two years since the first train crossed. In that time, "
        "the stockpile has grown to around 500 tonnes."
    )
    assert _figures(text, "2025-06-01")["around 500 tonnes"][0] == "2025-06-01"


def test_of_those_takes_the_date_of_the_count_before() -> None:
    text = (
        "Some 5,000 civilians have fled the district since March, the governor said.\n"
        "Of those, about 800 are children. Among them, 120 were hurt."
    )
    found = _figures(text)
    assert found["about 800"] == ("2025-03", "ON_OR_AFTER", "2025-03-01", "2025-06-18")
    assert found["120"] == ("2025-03", "ON_OR_AFTER", "2025-03-01", "2025-06-18")


def test_of_those_with_a_time_of_its_own_keeps_it() -> None:
    text = "Some 5,000 civilians have fled since March. Of those, 700 left in April."
    assert _figures(text)["700"][0] == "2025-04"


def test_two_counts_joined_before_one_since_share_it() -> None:
    text = (
        "The brigade has lost about 2,400 men since January, including 600 killed and "
        "1,800 wounded since April."
    )
    found = _figures(text)
    assert found["600"] == ("2025-04", "ON_OR_AFTER", "2025-04-01", "2025-06-18")
    assert found["1,800"] == ("2025-04", "ON_OR_AFTER", "2025-04-01", "2025-06-18")
    assert found["about 2,400"][0] == "2025-01"


def _events(text: str, published: str = "2025-06-18") -> dict[str, tuple]:
    return {e.time_text: (e.when, e.relation, e.earliest, e.latest) for e in extract(text, published).events}


def test_a_forecast_in_the_coming_weeks_or_within_years_is_an_event() -> None:
    text = (
        "The navy will launch a second destroyer in the coming weeks. "
        "Within two to three years, the shipyard could build four more, worth about $2 billion."
    )
    found = _events(text)
    assert found["in the coming weeks"] == ("2025-08", "ON_OR_BEFORE", "2025-06-18", "2025-08-17")
    assert found["Within two to three years"] == ("2028-06", "ON_OR_BEFORE", "2025-06-18", "2028-06-17")
    figures = _figures(text)
    assert figures["about $2 billion"] == ("2028-06", "ON_OR_BEFORE", "2025-06-18", "2028-06-17")


def test_a_span_in_the_past_is_no_forecast() -> None:
    assert "over the next two years" not in _events("Trade rose sharply over the next two years.")


def test_the_past_24_hours_is_the_report_day() -> None:
    found = _events("In the past 24 hours, guards repelled 17 attacks.", "2025-01-14")
    assert found["the past 24 hours"] == ("2025-01-14", None, "2025-01-14", "2025-01-14")


def test_the_following_months_run_on_from_the_time_told() -> None:
    text = "The leaders met in March 2023. Over the following six months, the port handled about 90 tankers."
    assert _events(text)["the following six months"] == (
        "2023-04",
        None,
        "2023-04-01",
        "2023-09-30",
    )
    assert _figures(text)["about 90"] == ("2023-04", None, "2023-04-01", "2023-09-30")


def test_since_then_opens_at_the_time_told() -> None:
    text = "The plant reopened in May 2024. Since then, it has shipped at least 400 trucks."
    assert _events(text)["Since then"] == ("2024-05", "ON_OR_AFTER", "2024-05-01", "2025-06-18")
    assert _figures(text)["at least 400"] == ("2024-05", "ON_OR_AFTER", "2024-05-01", "2025-06-18")


def test_early_the_next_year_follows_the_year_told_last() -> None:
    text = "The first units arrived in the spring of 2023. A second wave followed early the next year."
    assert _events(text)["early the next year"] == ("2024", None, "2024-01-01", "2024-04-30")


def test_the_next_year_told_in_the_past_follows_the_year_told_last() -> None:
    text = "About 900 troops went in the spring of 2023. Some 400 engineers followed the next year."
    assert _events(text)["the next year"] == ("2024", None, "2024-01-01", "2024-12-31")
    assert _events("The plant will open within the next year.")["the next year"][0] == "2026"


def test_of_that_takes_the_as_of_of_the_sum_before() -> None:
    text = "The fund paid out $4 billion from 2022 to 2024. Of that, about $900 million went to fuel."
    assert _figures(text)["about $900 million"] == ("2022", None, "2022-01-01", "2024-12-31")


def test_of_those_with_a_time_of_a_later_count_takes_the_count_before() -> None:
    text = "Some 90 drones have been sent since May. Of those, 50 were shot down, including 12 in June."
    found = _figures(text)
    assert found["50"] == ("2025-05", "ON_OR_AFTER", "2025-05-01", "2025-06-18")
    assert found["12"][0] == "2025-06"
