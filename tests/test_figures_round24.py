"""Round 24: what a count of a body of people counts ("a second wave of 3,000"), ages and names that
are no figures, a document's own steps, a live blog's key events and a headline told again, and a mark
denied ("unlikely to exceed") (sentences written for these tests)."""

from __future__ import annotations

from dprk_tracker.figures import find_figures


def _found(text: str) -> list[tuple[str, float | None, float | None, str | None, str | None]]:
    return [(q.text, q.low, q.high, q.qualifier, q.unit) for q in find_figures(text)]


def test_a_collective_counts_the_people_named_before() -> None:
    text = (
        "The ministry said it had moved about 4,000 marines to the islands. The first contingent of "
        "roughly 1,200 landed on Friday. A second batch of 800-900 followed on Sunday."
    )
    assert _found(text) == [
        ("about 4,000", 4000, 4000, "approximately", "marines"),
        ("roughly 1,200", 1200, 1200, "approximately", "marines"),
        ("800-900", 800, 900, None, "marines"),
    ]


def test_a_collective_skips_a_harm_and_a_verb_of_numbering_is_no_noun() -> None:
    text = (
        "Officials sent 3,000 engineers in May. About 200 were wounded in June. "
        "The next rotation, which officials say numbers up to 2,500, is training near the coast."
    )
    assert _found(text)[-1] == ("up to 2,500", None, 2500, "up to", "engineers")


def test_a_collective_with_its_own_noun_keeps_it_and_alone_counts_nothing() -> None:
    assert _found("A detachment of 600 medics arrived.") == [("600", 600, 600, None, "medics")]
    assert _found("The first wave of 300 arrived on Monday.") == [("300", 300, 300, None, None)]
    assert _found("They travelled in groups of 20 to 30.") == []


def test_those_sent_count_the_people_named_just_before() -> None:
    text = "The navy sent some 9,000 sailors last year. Of the 9,000 dispatched, about 700 were hurt."
    assert [u for *_, u in _found(text)] == ["sailors", "sailors", "hurt"]
    assert _found("Some 15,000 deployed.") == [("Some 15,000", 15000, 15000, "approximately", "deployed")]


def test_an_aside_between_the_noun_and_its_count() -> None:
    text = "The army's overall casualties, meaning dead and injured, are put at around 7,500."
    assert _found(text) == [("around 7,500", 7500, 7500, "approximately", "casualties")]
    text = "The navy's losses in the long war with its neighbour, meaning dead and missing, are put at 900."
    assert _found(text) == [("900", 900, 900, None, "losses")]


def test_of_them_fatally_before_the_count_is_killed() -> None:
    text = "At least 900 sailors were wounded, of them 140 fatally."
    assert _found(text)[-1] == ("140", 140, 140, None, "killed")


def test_a_persons_age_told_in_passing_is_no_figure() -> None:
    assert _found("One of the pilots was 31 years old, the other 44.") == []
    assert _found("The recruits were 18 to 25 years old.") == [
        ("18 to 25 years old", 18, 25, None, "years old")
    ]
    assert ("12", 12, 12, None, None) in _found("Three were arrested and the other 12 were released.")


def test_number_words_inside_names_are_no_figures() -> None:
    assert _found("Leaders of the Group of Twenty met in Rome, and the Big Four of the bloc agreed.") == []
    assert _found("Seoul Says Two Pilots Rescued") == [("Two", 2, 2, None, "pilots")]
    assert _found("The coast guard rescued Three fishermen.") != []


def test_a_briefs_own_steps_and_recommendations_are_no_figures() -> None:
    text = "Four policy steps\n\nThe paper makes five recommendations. It urges 30 states to act."
    assert _found(text) == [("30", 30, 30, None, "states")]


def test_a_mark_denied_or_capped_is_an_upper_bound() -> None:
    assert _found("Imports are unlikely to exceed 40,000 tonnes this year.") == [
        ("unlikely to exceed 40,000 tonnes", None, 40000, "at most", "tonnes")
    ]
    assert _found("Sales will not exceed 300 vehicles.")[0][1:4] == (None, 300, "at most")
    assert _found("Fuel imports are capped at 60,000 barrels.")[0][1:4] == (None, 60000, "at most")
    assert _found("Losses exceeded 3,800 soldiers.")[0][1:4] == (3800, None, "exceeding")


def test_key_events_and_a_headline_told_again_are_no_figures() -> None:
    text = (
        "Navy loses 12 boats in storm\n\n"
        "Key events\n"
        "Storm sinks 12 boats off the coast\n"
        "Some 40 fishermen rescued\n\n"
        "A storm sank 12 boats off the coast on Monday, the navy said. Some 40 fishermen were rescued."
    )
    assert _found(text) == [("12", 12, 12, None, "boats"), ("Some 40", 40, 40, "approximately", "fishermen")]


def test_a_headline_figure_the_body_does_not_give_stays() -> None:
    text = "Navy loses 12 boats in storm\n\nA storm sank boats off the coast on Monday, the navy said."
    assert _found(text) == [("12", 12, 12, None, "boats")]


def test_a_one_line_lede_is_no_headline() -> None:
    text = "The navy lost 12 boats in a storm on Monday.\n\nThe navy said it lost 12 boats."
    assert [q[0] for q in _found(text)] == ["12", "12"]
