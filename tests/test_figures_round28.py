"""Round 28: changes told as multiples or shares ("roughly doubled", "fell by nearly a third", "cut
by half"), what a count counts after "each ... can", after a clause's own participle and for a vague
count of people, and sizes told in passing ("40-ton containers") (sentences written for these tests)."""

from __future__ import annotations

from dprk_tracker.figures import find_figures


def _found(text: str) -> list[tuple[str, float | None, float | None, str | None, str | None]]:
    return [(q.text, q.low, q.high, q.qualifier, q.unit) for q in find_figures(text)]


def test_a_change_told_as_a_multiple_is_a_figure_in_times() -> None:
    assert _found("Exports of fish to the port roughly doubled last year.") == [
        ("roughly doubled", 2, 2, "approximately", "times")
    ]
    assert _found("Since 2021 the fleet's catch has more than tripled.") == [
        ("more than tripled", 3, None, "more than", "times")
    ]
    assert _found("Freight volumes quadrupled.") == [("quadrupled", 4, 4, None, "times")]


def test_doubling_down_or_doubling_as_is_no_change() -> None:
    assert _found("The ministry doubled down on its claims.") == []
    assert _found("The school doubled as a field hospital.") == []


def test_a_change_told_as_a_share_is_a_percent() -> None:
    found = find_figures("Grain imports fell by nearly a third, and fuel deliveries were cut by half.")
    assert [(q.text, q.low, q.high, q.qualifier, q.unit, q.percent) for q in found] == [
        ("nearly a third", 33.3, 33.3, "nearly", "percent", True),
        ("half", 50, 50, None, "percent", True),
    ]
    found = find_figures("The garrison's rations were roughly halved over the winter.")
    assert [(q.text, q.low, q.high, q.qualifier, q.percent) for q in found] == [
        ("roughly halved", 50, 50, "approximately", True)
    ]


def test_a_share_of_that_sum_after_a_qualifier() -> None:
    found = find_figures("The ring moved $80 million; about a quarter of that money went to brokers.")
    assert [(q.text, q.low, q.percent) for q in found] == [
        ("$80 million", 80000000, False),
        ("about a quarter", 25, True),
    ]


def test_by_without_a_change_verb_is_no_share() -> None:
    assert _found("The motion was backed by nearly a third of the members.") == [
        ("nearly a third", 33.3, 33.3, "nearly", "percent")
    ]  # (a share of the members, not a change)
    assert _found("The bridge was hit by a third missile.") == []


def test_each_one_paid_with_a_modal_counts_per_person() -> None:
    assert _found("Each nurse can earn between $600 and $900 a month abroad.") == [
        ("between $600 and $900", 600, 900, None, "USD per nurse per month")
    ]
    assert _found("Each driver could be paid up to $250 a week.") == [
        ("up to $250", None, 250, "up to", "USD per driver per week")
    ]


def test_the_count_of_more_takes_its_own_participle() -> None:
    text = "Roughly 400 sailors had been killed by May, and about 1,100 more had been wounded."
    assert _found(text) == [
        ("Roughly 400", 400, 400, "approximately", "killed"),
        ("about 1,100", 1100, 1100, "approximately", "wounded"),
    ]
    assert _found("Some 300 were killed, and 250 more were captured.") == [
        ("Some 300", 300, 300, "approximately", "killed"),
        ("250", 250, 250, "approximately", "captured"),
    ]  # (the qualifier of the first casualty count bounds both)


def test_a_vague_count_opening_on_a_verb_counts_the_people_counted_a_few_sentences_back() -> None:
    text = (
        "The yard hired about 400 welders in May. Pay was low. Many complained.\n\n"
        "Not everyone quit. Dozens have stayed on."
    )
    assert _found(text) == [
        ("about 400", 400, 400, "approximately", "welders"),
        ("Dozens", 24, 99, None, "welders"),
    ]


def test_sizes_told_in_passing_are_no_figures() -> None:
    assert _found("The barges brought 200 20-ton containers.") == [("200", 200, 200, None, "containers")]
    assert _found("Drones spotted a 3-kilometre-long column of tanks.") == []
    assert _found("The 9,000-ton Baltica docked at dawn.") == []
    assert _found("Crates were stacked three high on the pier.") == []
    assert _found("The battery fired 82mm mortars at the town.") == []
    # (an amount moved and a work told by its length stay)
    assert _found("They sent a 600-tonne shipment and dug a 12-kilometre trench.") == [
        ("600-tonne", 600, 600, None, "tonnes"),
        ("12-kilometre", 12, 12, None, "km"),
    ]


def test_what_a_thing_is_able_to_carry_is_no_figure() -> None:
    assert _found("The ferry, each trip able to carry some 90 trucks, sails daily.") == []
    assert _found("The new pier will be able to handle up to 40 ships a month.") == []
    assert _found("The pier handled 40 ships a month.") == [("40", 40, 40, None, "ships per month")]


def test_a_count_before_a_sized_noun_counts_the_noun() -> None:
    assert _found("Two 4,200-ton freighters were seen unloading at the pier.") == [
        ("Two", 2, 2, None, "freighters")
    ]


def test_of_the_noun_lead_in_names_what_the_part_counts() -> None:
    text = "The registry lists 30 barges. Of the barges, 11 are idle."
    assert _found(text) == [("30", 30, 30, None, "barges"), ("11", 11, 11, None, "barges")]
