"""Figures: as-of dates told by a lead-in or another clause, units a toll or a "number of" names,
non-data numbers and topics (sentences written for these tests)."""

from __future__ import annotations

import pytest

from dprk_tracker.extract import extract


def _figures(text: str, published: str = "2025-06-18") -> dict[str, tuple]:
    return {f.text: (f.unit, f.topic, f.when) for f in extract(text, published).figures}


def test_an_as_of_lead_in_dates_the_list_under_it() -> None:
    text = (
        "The ministry briefed the press on Monday.\n"
        "According to the ministry, as of the end of April:\n"
        "- about 3,500 engineers are working at the port;\n"
        "- 40 trucks were seized.\n\n"
        "Officials said 120 more trucks were due."
    )
    found = _figures(text)
    assert found["about 3,500"] == ("engineers", "deployment", "2025-04")
    assert found["40"] == ("trucks", "other", "2025-04")
    # (a new paragraph is out of the lead's reach)
    assert found["120"][2] == "2025-06-18"


def test_a_table_heading_with_as_of_dates_its_rows() -> None:
    text = (
        "Table 3: Stocks (as of end-March 2025). Mortars: 310 units. Rifles: about 9,000.\n\n"
        "Our estimate of 12,000 rifles is higher."
    )
    found = _figures(text)
    assert found["310"][2] == "2025-03"
    assert found["about 9,000"][2] == "2025-03"
    assert found["12,000"][2] == "2025-06-18"


def test_a_figure_with_its_own_as_of_is_no_lead() -> None:
    text = "As of May 1, 2,100 people had left the area. Another 300 left on Friday."
    found = _figures(text)
    assert found["2,100"][2] == "2025-05-01"
    assert found["300"][2] == "2025-06-13"


@pytest.mark.parametrize(
    ("text", "figure", "when"),
    [
        # a toll told up to now: not the day of the strike its subject names
        (
            "The number of people killed in Tuesday's shelling of Sumy has risen to seven.",
            "seven",
            "2025-06-18",
        ),
        # a time of the saying before "now"
        (
            "He said in a speech delivered Sunday that the army now holds about 35% of the ammunition.",
            "about 35%",
            "2025-06-18",
        ),
        # the base of a multiple whose earlier word follows it
        (
            "Some 2,300 students arrived in 2024, eight times more than the year before.",
            "eight times",
            "2024",
        ),
        # a time in another clause: ", when" after a count with the next count, a speaker's "who"
        (
            "The registry lists about 12,000 names, a number that has barely changed since the war, when "
            "it fell to 800 in 2015.",
            "about 12,000",
            "2025-06-18",
        ),
        (
            '"At least nine villages were emptied," said a farmer who fled the area in 2023.',
            "At least nine",
            "2025-06-18",
        ),
        # a count over a span up to the report, beside a since-total
        (
            "The army lost 920 men over the past 24 hours, bringing its losses since March 2024 to 51,000.",
            "920",
            "2025-06-18",
        ),
        # the base a figure exceeds, dated in its own participle clause
        (
            "The plant sent 40,000 tonnes of coal a month, above the quota of 25,000 tonnes set by a 2019 "
            "law.",
            "40,000 tonnes",
            "2025-06-18",
        ),
        # a tally told in the present after a "since" clause
        (
            "The North has sent over 9 million shells since 2023, and its losses stand at more than 5,000.",
            "more than 5,000",
            "2025-06-18",
        ),
        ("In March 2024, its losses stood at 3,000.", "3,000", "2024-03"),
    ],
)
def test_a_time_of_another_clause_does_not_date_a_figure(text: str, figure: str, when: str) -> None:
    assert _figures(text)[figure][2] == when


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("Death toll in Odesa rises to 14", "14", "deaths"),
        ("The toll from the strike has risen to 23, officials said.", "23", "casualties"),
        ("The number of injured in the city has risen to 31.", "31", "injured"),
        (
            "The factory shipped 2 million rounds, up from an estimate of 1.5 million it gave in May.",
            "1.5 million",
            "rounds",
        ),
    ],
)
def test_the_noun_a_toll_or_a_number_of_names(text: str, figure: str, unit: str) -> None:
    assert _figures(text)[figure][0] == unit


@pytest.mark.parametrize(
    "text",
    [
        "The measure was adopted under Executive Order (E.O.) 14114 and E.O. 13846.",
        "Relatives may call the hotline: 1588.",
        "One of the two detained sailors said he was treated well.",
    ],
)
def test_orders_hotlines_and_one_of_a_pair_are_no_figures(text: str) -> None:
    assert extract(text, "2025-06-18").figures == []


@pytest.mark.parametrize(
    ("text", "figure", "topic"),
    [
        ("About 1,200 of its sailors remain in enemy captivity.", "About 1,200", "prisoners"),
        ("In a swap on Friday, 95 servicemen were returned home.", "95", "prisoners"),
        ("The army captured 4 villages near the river.", "4", "other"),
        ("Troops seized about 600 square km of farmland in May.", "about 600", "other"),
        ("Shelling damaged 30 houses and 12 cars.", "30", "other"),
        ("Nine people remained hospitalized on Sunday.", "Nine", "casualties"),
        ("Some 700 builders from the North arrived in the spring.", "Some 700", "deployment"),
    ],
)
def test_the_topic_of_captives_ground_homes_and_the_hospitalized(text: str, figure: str, topic: str) -> None:
    assert _figures(text)[figure][1] == topic


def test_the_time_of_an_aside_about_the_subject_does_not_date_the_count() -> None:
    text = (
        "Pyonghwa Trading, sanctioned today, sent at least 900 laborers to Russian farms between "
        "March and July 2025."
    )
    figure = extract(text, "2025-12-10").figures[0]
    assert (figure.when, figure.earliest, figure.latest) == ("2025-03", "2025-03-01", "2025-07-31")


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        # a part of the count before, the subject of a passive in the next sentence
        ("Water was cut to 80,000 flats. By evening, 52,000 had been reconnected.", "52,000", "flats"),
        # (not a larger count: no part of it)
        ("The ministry sent 200 tanks. In 2023, 5,000 were deployed.", "5,000", None),
        # "the figure" the sentence before told
        (
            "Some 3,100 were killed or wounded by May. The figure now is closer to 4,000.",
            "closer to 4,000",
            "killed or wounded",
        ),
        # the base of "fewer than the N"
        ("Britain has listed 9 vessels, fewer than the 40 or so the EU has named.", "40 or so", "vessels"),
    ],
)
def test_a_count_without_its_noun_takes_the_noun_it_stands_for(
    text: str, figure: str, unit: str | None
) -> None:
    assert _figures(text)[figure][0] == unit


@pytest.mark.parametrize(
    "text",
    [
        "The tanker has a deadweight of 45,000 tons.",
        "For a country of 51 million people, the loss is small.",
    ],
)
def test_a_ships_size_and_a_countrys_people_are_no_figures(text: str) -> None:
    assert extract(text, "2025-06-18").figures == []


def test_a_label_of_two_nouns_joined_by_and_is_counted_whole() -> None:
    assert _figures("Pilots and mechanics: 450.")["450"][0] == "pilots and mechanics"


def test_a_sentence_going_on_with_the_event_before_takes_its_date() -> None:
    text = (
        "In a swap brokered by Qatar on 3 June, 64 soldiers came home. In return, 64 prisoners of war were "
        "handed over. Another 90 are still held."
    )
    found = [(f.text, f.unit, f.when) for f in extract(text, "2025-06-18").figures]
    assert found == [
        ("64", "soldiers", "2025-06-03"),
        ("64", "prisoners", "2025-06-03"),
        ("90", "prisoners", "2025-06-18"),
    ]


@pytest.mark.parametrize(
    ("text", "figure", "topic"),
    [
        ("The brigade was losing as many as 40 troops a day.", "as many as 40", "casualties"),
        ("Some 9,000 veterans of the campaign came home.", "Some 9,000", "deployment"),
    ],
)
def test_losses_and_veterans(text: str, figure: str, topic: str) -> None:
    assert _figures(text)[figure][1] == topic


def test_a_met_deadline_told_with_put_looks_back() -> None:
    figure = extract("By August, the agency put the toll at about 900.", "2025-12-20").figures[0]
    assert (figure.text, figure.when) == ("about 900", "2025-08")


def test_harm_told_after_an_aside_makes_casualties() -> None:
    text = "He said 1,500 marines, or about a fifth of the 7,000 sent, had been killed or wounded."
    assert _figures(text)["1,500"][1] == "casualties"
