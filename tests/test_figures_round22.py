"""Round 22: spurious figures (times of day in words, group sizes, a pair named again, a sum restated
after a comma, sizes of things, parts of the document, suppositions), rates that keep their "per",
counts that take the noun of the count they continue, qualifiers and shares in words."""

from __future__ import annotations

import pytest

from dprk_tracker.figures import find_quantities


def spans(text: str) -> list[tuple[str, float | None, float | None, str | None, str | None]]:
    return [(q.text, q.low, q.high, q.qualifier, q.unit) for q in find_quantities(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The convoy left at six in the morning and reached the border at nine at night.",
        "Sirens sounded from ten at night until four in the morning.",
        "The recruits were marched to the trains in groups of 40 to 60.",
        "Guards took them out in small groups of five.",
        "The two men were flown to Seoul last week.",
        "A 12,000-ton freighter docked at the port.",
        "A 30-kilometre buffer zone was declared around the plant.",
        "Each family receives a 20-kilogram food box.",
        "The data are set out in four tables and two charts.",
        "The register lists about 30 categories.",
        '"If thousands of soldiers die, the families will ask questions," he said.',
    ],
)
def test_no_figure(text: str) -> None:
    assert find_quantities(text) == []


def test_a_count_before_a_time_of_day_stays() -> None:
    assert spans("The strike killed four in the morning raid.") == [("four", 4, 4, None, "killed")]
    assert spans("When 200 workers arrived in June, they were housed in tents.") == [
        ("200", 200, 200, None, "workers")
    ]


def test_a_group_size_with_its_noun_stays_a_count() -> None:
    assert spans("They crossed in teams of 8 to 12 men.") == [("8 to 12", 8, 12, None, "men")]


def test_the_pair_named_again_after_its_count() -> None:
    text = "Kyiv says it holds three North Korean soldiers. The three soldiers asked to go to Seoul."
    assert spans(text) == [("three", 3, 3, None, "soldiers")]


def test_a_sum_restated_after_a_comma_is_one_figure() -> None:
    text = "The contract was worth 4.5 billion rubles, about $50 million at the time."
    assert spans(text) == [("4.5 billion rubles", 4.5e9, 4.5e9, None, "RUB")]
    # two sums in two currencies listed are two figures
    text = "Japan pledged 5 billion yen, and Germany pledged 20 million euros."
    assert [q.unit for q in find_quantities(text)] == ["JPY", "EUR"]


def test_a_size_of_a_load_or_a_work_stays() -> None:
    assert spans("A 900-tonne shipment of coal left Rajin.") == [("900-tonne", 900, 900, None, "tonnes")]
    assert spans("They dug a 15-km trench line.") == [("15-km", 15, 15, None, "km")]


def test_the_price_of_a_currency_is_a_rate() -> None:
    text = "In Hyesan the dollar traded at 19,500 won on Monday, while the yuan fetched 2,700 won."
    assert [(q.text, q.unit, q.currency) for q in find_quantities(text)] == [
        ("19,500 won", "KRW per USD", None),
        ("2,700 won", "KRW per CNY", None),
    ]


def test_a_sentence_opening_on_how_often_makes_a_rate() -> None:
    text = "Monthly, the port now handles about 60 ships."
    assert spans(text) == [("about 60", 60, 60, "approximately", "ships per month")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Weekly deliveries fell to an average of about 60 trucks in March.", "trucks per week"),
        ("Annual rifle exports grew to 9,000 rifles last year.", "rifles per year"),
        # an adjective of no rate that changes: "the annual report came to 40 pages" is no rate
        ("Its annual report said 3,000 troops were sent.", "troops"),
    ],
)
def test_a_rate_adjective_before_a_change_to_the_figure(text: str, unit: str) -> None:
    assert [q.unit for q in find_quantities(text)] == [unit]


def test_a_count_that_goes_on_takes_the_noun_before() -> None:
    text = "Pyongyang sent about 12,000 soldiers in October. Roughly 2,500 reached the front in November."
    assert [q.unit for q in find_quantities(text)] == ["soldiers", "soldiers"]
    text = "The North sent 9,000 engineers this year (first wave 6,000; second 3,000)."
    assert [(q.text, q.unit) for q in find_quantities(text)] == [
        ("9,000", "engineers"),
        ("6,000", "engineers"),
        ("3,000", "engineers"),
    ]
    text = "Officials said that the laborers, numbering around 4,000, work on building sites."
    assert spans(text) == [("around 4,000", 4000, 4000, "approximately", "laborers")]


def test_close_to_is_nearly_and_an_open_top_range() -> None:
    assert spans("Losses stood at close to 9,000.") == [("close to 9,000", 9000, 9000, "nearly", "losses")]
    text = "Analysts put the stock at 2 million to more than 3 million shells."
    assert spans(text) == [("2 million to more than 3 million", 2e6, None, "at least", "shells")]
    # a change stays two figures
    text = "Output rose 200 to more than 900 shells."
    assert [q.text for q in find_quantities(text)] == ["200", "more than 900"]


def test_the_north_as_a_place_is_no_bound() -> None:
    text = "Chinese exports to the North of $2.3 billion were recorded."
    assert spans(text) == [("$2.3 billion", 2.3e9, 2.3e9, None, "USD")]


def test_shares_in_words() -> None:
    assert spans("No more than a quarter of generators work.") == [
        ("No more than a quarter", None, 25, "at most", "percent")
    ]
    assert spans("By spring, more than half its tanks were gone.") == [
        ("more than half", 50, None, "more than", "percent")
    ]
    assert spans("Roughly one in four of the wells is dry.") == [
        ("Roughly one in four", 25, 25, "approximately", "percent")
    ]
    assert spans("One in five recruits deserted.") == [("One in five", 20, 20, None, "percent")]


def test_a_count_beside_a_calibre() -> None:
    assert spans("It delivered about 120 240 mm rocket launchers.") == [
        ("about 120", 120, 120, "approximately", "rocket launchers")
    ]
    assert spans("Satellite images show 36 152-mm howitzers.") == [("36", 36, 36, None, "howitzers")]


def test_late_tweaks() -> None:
    text = "Russia pays 3 billion rubles a year for the work, or about $35 million at current rates."
    assert [q.text for q in find_quantities(text)] == ["3 billion rubles"]
    assert find_quantities('"If 8,000 workers leave each year, the sums are large," he said.') == []
    assert find_quantities("The briefing was four slides long.") == []
    assert spans("They keep no more than a third of it.") == [
        ("no more than a third", None, 33.3, "at most", "percent")
    ]
