"""Round 29: rates and prices of one item, "of those" after a measure, sourcing and denominations."""

from __future__ import annotations

from dprk_tracker.figures import find_figures


def _found(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    return [(q.text, q.low, q.high, q.unit) for q in find_figures(text)]


def test_a_rate_goes_on_before_from_and_a_time_from_now_is_none() -> None:
    assert _found("Smugglers make between $30 million and $45 million a year from the fuel trade.") == [
        ("between $30 million and $45 million", 30_000_000, 45_000_000, "USD per year"),
    ]
    assert _found("The depot will open a year from now with 400 trucks.") == [("400", 400, 400, "trucks")]


def test_the_price_of_one_item_sold_and_its_base() -> None:
    assert _found("A litre of cooking oil sold for 12,000 yuan in March, up from 9,500 yuan in January.") == [
        ("12,000 yuan", 12_000, 12_000, "CNY per litre"),
        ("9,500 yuan", 9_500, 9_500, "CNY per litre"),
    ]
    assert _found("A 25-kilogram sack of flour fetched around $40 at the border.") == [
        ("around $40", 40, 40, "USD per sack"),
    ]
    assert _found("A border crossing permit costs $300.") == [("$300", 300, 300, "USD")]
    assert _found("A trader sold his truck for $9,000.") == [("$9,000", 9_000, 9_000, "USD")]


def test_those_stand_for_a_set_of_things_not_a_measure() -> None:
    text = (
        "Inspectors stopped 22 trucks hauling 600 tonnes of fertiliser in May, the agency said.\n\n"
        "Of those, 8 were impounded. Only 2 of them had permits."
    )
    assert _found(text) == [
        ("22", 22, 22, "trucks"),
        ("600 tonnes", 600, 600, "tonnes"),
        ("8", 8, 8, "trucks"),
        ("2", 2, 2, "trucks"),
    ]


def test_whom_a_story_interviewed_is_no_figure() -> None:
    assert _found("The group interviewed 25 former miners and found 300 had been injured.") == [
        ("300", 300, 300, "injured"),
    ]


def test_a_denomination_and_a_household_are_no_figures() -> None:
    assert _found("A new 10,000-yuan note and a 50-ruble coin went into circulation.") == []
    assert _found("A household of five spends about 400 dollars a month on food.") == [
        ("about 400 dollars", 400, 400, "USD per month"),
    ]
    assert _found("The court imposed a 5,000-dollar fine.") == [("5,000-dollar", 5_000, 5_000, "USD")]


def test_a_count_said_to_be_a_noun_counts_it() -> None:
    assert _found("Some 4,000 arrived in spring, and about 600 were thought to be medics.") == [
        ("Some 4,000", 4_000, 4_000, None),
        ("about 600", 600, 600, "medics"),
    ]


def test_a_verb_of_amounting_links_the_harm_before_it() -> None:
    assert _found("Casualties exceed 2,400.") == [("exceed 2,400", 2_400, None, "casualties")]
    assert _found("Officials said casualties stand at 700.") == [("700", 700, 700, "casualties")]
