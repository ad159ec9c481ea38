"""Relative dates against a reference date that is only a year ("2025 (inferred)"): bare months told
in the past go on from the month the narrative told last, and "last month" or "on Friday" keep the year."""

from __future__ import annotations

from dprk_tracker.extract import extract


def aggregator(*body: str) -> str:
    paragraphs = "\n\n".join(body)
    return (
        "Harbour Works Resume on the Coast\n\n0\nabc12345-0000-4000-8000-000000000031\n\n"
        f"Work at the harbour has resumed.\n\n{paragraphs}\n\nOriginal Source: www.example.com"
    )


def _times(text: str) -> dict[str, tuple[str, str | None, str | None]]:
    result = extract(text)
    return {e.time_text: (e.when, e.earliest, e.latest) for e in result.events}


def test_a_past_month_after_a_month_of_the_year_before_stays_in_that_year() -> None:
    result = extract(
        aggregator(
            "The port authority closed the harbour in September 2024 for repairs.",
            "Since the cranes were removed in November, no ship has docked, the authority said.",
            "Divers inspected the breakwater in 2025, officials added.",
        )
    )
    assert (result.published, result.published_source) == ("2025", "inferred")
    events = {e.time_text: e.when for e in result.events}
    assert events["November"] == "2024-11"


def test_a_past_month_earlier_in_the_calendar_is_the_next_year_and_the_chain_goes_on() -> None:
    events = _times(
        aggregator(
            "Fishermen were barred from the bay in October 2022 after the spill.",
            "In March, inspectors found the water still polluted. In June, the ban was extended.",
            "Catches fell by half in 2024, the cooperative said.",
        )
    )
    assert events["March"] == ("2023-03", "2023-03-01", "2023-03-31")
    assert events["June"] == ("2023-06", "2023-06-01", "2023-06-30")


def test_a_month_of_the_reference_year_leaves_the_usual_reading() -> None:
    events = _times(
        aggregator(
            "The harbour was dredged in May 2025. In February, the first ferry had returned.",
            "Repairs cost more than in 2024.",
        )
    )
    assert events["February"] == ("2025-02", "2025-02-01", "2025-02-28")


def test_last_month_and_a_weekday_against_a_year_only_reference_keep_the_year() -> None:
    events = _times(
        aggregator(
            "The port authority said on Friday that the cranes had returned last month.",
            "Repairs cost more than in 2024, and the harbour reopened in 2025.",
        )
    )
    assert events["Friday"] == ("2025-WXX-5", "2025-01-01", "2025-12-31")
    assert events["last month"] == ("2025-XX", "2025-01-01", "2025-12-31")


def test_yesterday_against_a_year_only_reference_is_in_that_year() -> None:
    events = _times(aggregator("The ministry announced yesterday that the harbour reopened in 2025."))
    assert events["yesterday"] == ("2025-XX-XX", "2025-01-01", "2025-12-31")


def test_a_later_year_told_in_between_ends_the_chain() -> None:
    events = _times(
        aggregator(
            "The old pier was sold in August 2021. In the spring of 2025 the works began,",
            "and in March the first cranes were reported at the quay.",
        )
    )
    assert events["March"] == ("2025-03", "2025-03-01", "2025-03-31")


def test_a_weekday_against_a_year_only_reference_has_the_year_as_precision() -> None:
    result = extract(aggregator("The port authority said on Friday that the harbour reopened in 2025."))
    friday = next(e for e in result.events if e.time_text == "Friday")
    assert (friday.when, friday.precision) == ("2025-WXX-5", "year")
