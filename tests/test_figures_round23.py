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
