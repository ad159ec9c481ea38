"""The extraction pipeline on real news copy: the date that governs a figure."""

from __future__ import annotations

import pytest

from dprk_tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "figure", "as_of"),
    [
        # "as of" right after a figure names its date, over a nearer time before it.
        (
            "Of the 11,000 troops sent late last year, about 4,700 were killed or wounded as of early March.",
            "about 4,700",
            "2025-03",
        ),
        (
            "Of the 11,000 troops sent late last year, about 4,700 were killed or wounded as of early March.",
            "11,000",
            "2024",
        ),
        # The figure reaches to the end of what it counts; a comma closes the phrase of a time before it.
        (
            "Some 14,000 have gone since last fall, including 3,000 reinforcements who arrived in February.",
            "3,000",
            "2025-02",
        ),
        (
            "About 15,000 troops have gone since October 2024, plus 6,000 engineers last year.",
            "6,000",
            "2024",
        ),
        ("On Tuesday, officials said 1,500 workers arrived last month.", "1,500", "2025-02"),
        ("In October, 3,000 troops were sent.", "3,000", "2024-10"),
    ],
)
def test_the_time_that_governs_a_figure(text: str, figure: str, as_of: str) -> None:
    found = {f.text: f.when for f in extract(text, "2025-03-27").figures}
    assert found[figure] == as_of


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        # The start of the war or operation a figure is counted over is not when the figure holds.
        (
            "Russia has lost more than 600,000 troops since the invasion, which began in February 2022.",
            "2025-04-26",
        ),
        (
            "Kyiv lost over 400 tanks during the operation, which began on August 6, 2024, Moscow said.",
            "2025-04-26",
        ),
        # A clause about the figure's own noun, or one that dates the figure's event, still dates it.
        ("Officials said 3,000 troops, which began arriving in February, were sent to Kursk.", "2025-02"),
        ("Shareholders will receive $3,500 a share at closing, which is expected in December.", "2025-12"),
    ],
)
def test_a_clause_telling_when_something_else_began_does_not_date_a_figure(text: str, as_of: str) -> None:
    assert [f.when for f in extract(text, "2025-04-26").figures] == [as_of]


def test_a_zone_offset_in_a_byline_is_no_figure() -> None:
    text = (
        "North Korea's War Windfall\n\nBy Jon Herskovitz\nNovember 12, 2025 at 3:00 AM GMT+9\n\n"
        "It earned $20 billion."
    )
    assert [f.text for f in extract(text).figures] == ["$20 billion"]


def test_a_tallys_lines_count_their_labels() -> None:
    """A loss tally ("tanks - 9,706 (+6)"): the label is what is counted, the "(+N)" the change since
    the last report, no figure of its own."""
    text = (
        "Losses of the enemy as of 03.03.2025:\n"
        "personnel - about 870,000 (+1,200) persons,\n"
        "tanks — 10,200 (+9)\n"
        "artillery systems - 24,000 (+30);\n"
        "UAVs of operational-tactical level - 26,000 (+100).\n"
    )
    figures = extract(text, "2025-03-03").figures
    assert [(f.text, f.unit, f.topic) for f in figures] == [
        ("about 870,000", "personnel", "casualties"),  # troops under a "losses" heading
        ("10,200", "tanks", "weapons"),
        ("24,000", "artillery systems", "weapons"),
        ("26,000", "uavs of operational-tactical level", "weapons"),
    ]
    # a sentence with a dash keeps its own noun
    assert [(f.text, f.unit) for f in extract("The toll - 300 killed.\n").figures] == [("300", "killed")]


@pytest.mark.parametrize(
    "text",
    ["They expect to stay four to five years.", "In 3-4 weeks the talks resume.", "for six or seven months"],
)
def test_the_low_end_of_a_span_of_time_is_no_count(text: str) -> None:
    assert extract(text, "2025-01-01").figures == []


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        (
            "Trade fell 9% in the first half of the year compared with a year earlier, to $40 million.",
            "2025-H1",
        ),
        ("In 2024 visits rose 12% from the previous year to 3,000 trips.", "2024"),
        ("Visitors reached 900 in 2024, three times the number a year earlier.", "2024"),
    ],
)
def test_a_comparison_base_before_or_after_the_figure_does_not_date_it(text: str, as_of: str) -> None:
    assert [f.when for f in extract(text, "2025-08-20").figures][-1] == as_of


def test_troops_counted_as_losses_are_casualties() -> None:
    text = (
        "Enemy losses over the past day came to 1,120 personnel. The total so far is about 700,000 "
        "personnel.\n\nRussia sent 2,000 personnel to Belarus. Ukraine said its own losses were small."
    )
    figures = extract(text, "2025-01-06").figures
    assert [(f.text, f.topic) for f in figures] == [
        ("1,120", "casualties"),
        ("about 700,000", "casualties"),
        ("2,000", "deployment"),
    ]


def test_a_range_to_the_end_of_the_year_is_one_event() -> None:
    # the year's end runs from September, as the range from the autumn does: still a range
    events = extract("Raids peaked between the autumn and the end of the year.", "2025-02-03").events
    assert [(e.time_text, e.earliest, e.latest) for e in events] == [
        ("the autumn and the end of the year", "2024-09-01", "2024-12-31")
    ]
    # the same date told twice is two mentions, not a range
    events = extract("It began on 3 May and 3 May was a Friday.", "2025-02-03").events
    assert [e.time_text for e in events][:2] == ["3 May", "3 May"]


def test_days_later_count_from_the_day_told_before() -> None:
    text = (
        "The convoy crossed on March 3, 2025, with 40 trucks. Two days later it reached Kursk, "
        "and a week later there were 55 trucks. It came two days later than planned. It left "
        "on May 1; talks followed two days later, on May 3."
    )
    result = extract(text, "2025-06-01")
    assert [(e.time_text, e.when) for e in result.events] == [
        ("March 3, 2025", "2025-03-03"),
        ("Two days later", "2025-03-05"),
        ("a week later", "2025-03-12"),
        ("May 1", "2025-05-01"),
        ("May 3", "2025-05-03"),
    ]
    assert [(f.text, f.when) for f in result.figures] == [("40", "2025-03-03"), ("55", "2025-03-12")]


def test_months_and_years_later_count_from_the_month_or_year_told() -> None:
    text = (
        "The envoys first met in April 2022; eight months later, the plant reopened. Exports dipped "
        "in 2019 and recovered two years later.\n\nTalks stalled last winter. Four months later, "
        "nothing has moved."
    )
    result = extract(text, "2025-06-01")
    assert [(e.time_text, e.when, e.earliest, e.latest) for e in result.events] == [
        ("April 2022", "2022-04", "2022-04-01", "2022-04-30"),
        ("eight months later", "2022-12", "2022-12-01", "2022-12-31"),
        ("2019", "2019", "2019-01-01", "2019-12-31"),
        ("two years later", "2021", "2021-01-01", "2021-12-31"),
        # a season names no month to count from
        ("last winter", "2024-WI", "2024-12-01", "2025-02-28"),
    ]


def test_a_month_restated_after_months_later_takes_the_counted_year() -> None:
    text = "The rocket failed in March 2021 and flew eight months later, in November, at last."
    events = extract(text, "2025-06-01").events
    assert [(e.time_text, e.when) for e in events] == [("March 2021", "2021-03"), ("November", "2021-11")]
    # a restated month with its own year keeps it
    text = "The rocket failed in March 2021 and flew a year later, in May 2022."
    events = extract(text, "2025-06-01").events
    assert [(e.time_text, e.when) for e in events] == [("March 2021", "2021-03"), ("May 2022", "2022-05")]


def test_days_later_count_from_a_told_part_of_a_month() -> None:
    text = "The first ships sailed in late June. Ten days later, 3,000 troops landed."
    result = extract(text, "2026-09-01")
    assert [(e.time_text, e.when, e.earliest, e.latest) for e in result.events] == [
        ("late June", "2026-06", "2026-06-21", "2026-06-30"),
        ("Ten days later", "2026-07", "2026-07-01", "2026-07-10"),
    ]
    assert [(f.text, f.when) for f in result.figures] == [("3,000", "2026-07")]


def test_what_a_told_day_came_days_after_happened_that_many_days_before() -> None:
    text = (
        "Envoys met in Seoul on Thursday. The meeting came three days after Pyongyang fired 12 rockets, "
        "its largest salvo since last May.\n\nThe talks came a week after the vote held on Thursday, "
        "March 5."
    )
    result = extract(text, "2026-03-13")
    assert [(e.time_text, e.when) for e in result.events] == [
        ("Thursday", "2026-03-12"),
        ("three days after", "2026-03-09"),  # ("since last May": a baseline, no event)
        ("Thursday, March 5", "2026-03-05"),  # (told: "a week after" adds no day)
    ]
    assert [(f.text, f.when) for f in result.figures] == [("12", "2026-03-09")]


def test_a_newsletters_sign_off_is_no_event() -> None:
    text = "Weekly\n\nTalks resume next Friday in Moscow.\n\nThat's it for this week. See you on Monday!\n"
    assert [e.time_text for e in extract(text, "2025-09-26").events] == ["next Friday"]
    text = "Weekly\n\nTalks resume next Friday in Moscow.\n\nMissed one? Read last week's edition.\n"
    assert [e.time_text for e in extract(text, "2025-09-26").events] == ["next Friday"]


def test_the_base_of_a_same_as_comparison_does_not_date_a_figure() -> None:
    text = "About 18,000 South Korean troops are taking part, roughly the same number as last year."
    assert [(f.text, f.when) for f in extract(text, "2026-03-12").figures] == [("About 18,000", "2026-03-12")]
    text = "In 2025, 18,000 troops took part, about the same number as a year earlier."
    assert [(f.text, f.when) for f in extract(text, "2026-03-12").figures] == [("18,000", "2025")]


def test_a_since_baseline_does_not_date_a_figure() -> None:
    text = "North Korea fired about 10 ballistic missiles into the sea, the first such launch since January."
    assert [(f.text, f.when) for f in extract(text, "2026-03-12").figures] == [("about 10", "2026-03-12")]
    text = "Exports rose to $48 million in 2025, the highest since 2019."
    assert [(f.text, f.when) for f in extract(text, "2026-03-12").figures] == [("$48 million", "2025")]
    text = "About 14,000 troops have been sent since October 2024."
    assert [(f.text, f.when) for f in extract(text, "2026-03-12").figures] == [("About 14,000", "2024-10")]


@pytest.mark.parametrize(
    ("text", "published", "event", "figure"),
    [
        # A total "since" a date is one as of the report: the span runs up to the article's day.
        (
            "North Korea has shipped more than 20,000 containers to Russia since August 2023.",
            "2025-03-27",
            ("2023-08", "ON_OR_AFTER", "2023-08-01", "2025-03-27"),
            ("more than 20,000", "2023-08", "ON_OR_AFTER", "2023-08-01", "2025-03-27"),
        ),
        # A reference date to the year closes the span at the year's end.
        (
            "About 14,000 troops have been sent since October 2024.",
            "2025",
            ("2024-10", "ON_OR_AFTER", "2024-10-01", "2025-12-31"),
            ("About 14,000", "2024-10", "ON_OR_AFTER", "2024-10-01", "2025-12-31"),
        ),
        # A reference inferred from the text (its latest year) closes it too.
        (
            "About 14,000 troops have been sent since October 2024.",
            None,
            ("2024-10", "ON_OR_AFTER", "2024-10-01", "2024-12-31"),
            ("About 14,000", "2024-10", "ON_OR_AFTER", "2024-10-01", "2024-12-31"),
        ),
        # From a date after the reference date, nothing closes the span.
        (
            "About 14,000 troops have been sent since October 2024.",
            "2024-09-30",
            ("2024-10", "ON_OR_AFTER", "2024-10-01", None),
            ("About 14,000", "2024-10", "ON_OR_AFTER", "2024-10-01", "2024-10-31"),
        ),
        # "starting" looks ahead as often as back: it stays open.
        (
            "Some 6,000 workers will be sent starting next month.",
            "2025-06-17",
            ("2025-07", "ON_OR_AFTER", "2025-07-01", None),
            ("Some 6,000", "2025-07", "ON_OR_AFTER", "2025-07-01", "2025-07-31"),
        ),
    ],
)
def test_since_runs_up_to_the_report(
    text: str,
    published: str | None,
    event: tuple[str, str, str, str | None],
    figure: tuple[str, str, str, str, str],
) -> None:
    result = extract(text, published)
    assert [(e.when, e.relation, e.earliest, e.latest) for e in result.events] == [event]
    assert [(f.text, f.when, f.relation, f.earliest, f.latest) for f in result.figures] == [figure]


def test_the_first_of_a_count_is_no_since_baseline() -> None:
    text = "The troops will go in phases, with the first 1,000 deminers already in Kursk since mid-July."
    result = extract(text, "2025-09-04")
    assert [(e.time_text, e.when) for e in result.events] == [("mid-July", "2025-07")]
    assert [(f.text, f.when) for f in result.figures] == [("1,000", "2025-07")]


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        ("Over the past two years, 15,000 workers arrived.", ("2023-10-16", "2025-10-15")),
        ("In the last three months, 200 soldiers left.", ("2025-07-16", "2025-10-15")),
        # A date in the sentence still dates the figure; a span that is no trailing one does not.
        ("Over the past two years, 15,000 arrived, most in 2025.", ("2025-01-01", "2025-12-31")),
        ("It took 15,000 workers two years.", ("2025-10-15", "2025-10-15")),
    ],
)
def test_a_trailing_span_dates_a_figure_up_to_the_articles_day(text: str, as_of: tuple[str, str]) -> None:
    [figure, *_] = extract(text, published="2025-10-15").figures
    assert (figure.earliest, figure.latest) == as_of


@pytest.mark.parametrize(
    ("text", "figure", "as_of", "relation"),
    [
        # a "when" clause after a since-baseline tells what held then
        (
            "Exports hit a record, the most since 2018, when they stood at about $61 million.",
            "about $61 million",
            "2018",
            None,
        ),
        # the time in a part's own phrase dates the part only; the whole holds on the article's day
        (
            "Kyiv has listed over 4,100 firms, including more than 900 in the past year.",
            "over 4,100",
            "2025-03-27",
            None,
        ),
        (
            "Kyiv has listed over 4,100 firms, including more than 900 in the past year.",
            "more than 900",
            "2024",
            None,
        ),
        # a time set off by a comma dates both
        (
            "It lost about 3,000 men, of whom some 800 were killed, by the end of 2024.",
            "about 3,000",
            "2024",
            "ON_OR_BEFORE",
        ),
    ],
)
def test_a_when_clause_and_a_part_s_own_time(
    text: str, figure: str, as_of: str, relation: str | None
) -> None:
    found = {f.text: (f.when, f.relation) for f in extract(text, "2025-03-27").figures}
    assert found[figure] == (as_of, relation)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the only time of the sentence dates the base a figure is compared with, after it ...
        (
            "Some 58.2 percent backed the plan, compared with 41 percent in 2023.",
            [("Some 58.2 percent", "2025-03-27"), ("41 percent", "2023")],
        ),
        (
            "Approval was 44 percent, down 5 points from a record 49 percent in 2022.",
            [("44 percent", "2025-03-27"), ("5", "2025-03-27"), ("49 percent", "2022")],
        ),
        # ... or before it ("from X in T to Y")
        (
            "Rice fell from about 9,000 won in late 2024 to around 6,200 won.",
            [("about 9,000 won", "2024"), ("around 6,200 won", "2025-03-27")],
        ),
        # a qualifier ("more than") or an ordinal after "from" opens no base
        (
            "Groups of 20 to 30 men from the 47th Brigade were seen in February.",
            [("20 to 30", "2025-02")],
        ),
    ],
)
def test_a_comparison_base_keeps_its_time(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.text, f.when) for f in extract(text, "2025-03-27").figures] == expected


@pytest.mark.parametrize(
    ("text", "figure", "as_of"),
    [
        # a multiple or a part of a base: the base's time is not the figure's
        (
            "Some 9,000 laborers are thought to be in Russia, almost double the number at the end of 2023.",
            "Some 9,000",
            "2025-03-27",
        ),
        (
            "Exports of coal fell to 41,000 tonnes, a quarter of the level reached in 2022.",
            "41,000 tonnes",
            "2025-03-27",
        ),
        # the multiple itself is not dated by its base either; the time before its clause dates it
        (
            "Some 9,000 laborers are thought to be in Russia, almost double the number at the end of 2023.",
            "almost double",
            "2025-03-27",
        ),
        (
            "Imagery showed 1,200 containers on March 3 — nearly triple the average of 400 seen during 2023.",
            "nearly triple",
            "2025-03-03",
        ),
        (
            "Imagery showed 1,200 containers on March 3 — nearly triple the average of 400 seen during 2023.",
            "400",
            "2023",
        ),
        # every time of the sentence dates a base (a count's comma is no clause break)
        (
            "Losses are up from an estimate of 4,700 in April and nearly double the first assessment of "
            "some 2,700 wounded in January.",
            "nearly double",
            "2025-03-27",
        ),
        # a time that closes a base told before the figure dates that base only
        (
            "Arrivals rose to 9,400 in 2024, up from 2,100 a year earlier, with about 5,000 of them hired.",
            "about 5,000",
            "2024",
        ),
        ("A farm hired about 80 North Koreans, compared with none in 2023.", "about 80", "2025-03-27"),
        # the figure's clause says it holds now, another clause has the time
        (
            "Pyongyang sent 14,000 troops since November, and about 10,000 soldiers are still in Kursk, "
            "while sappers came in the spring.",
            "about 10,000",
            "2025-03-27",
        ),
        (
            "About 9,000 troops remained deployed near Kursk, while the first units had arrived in October.",
            "About 9,000",
            "2025-03-27",
        ),
        # a state told in the present, another clause's time
        (
            "Some 7,000 laborers are working in Primorye, while 2,000 more arrived in February.",
            "Some 7,000",
            "2025-03-27",
        ),
        ("In February, 900 laborers were in Tomsk, and 400 are still there.", "400", "2025-02"),
        # a since of its own that names no date
        (
            "It lost more than 5,000 men since the offensive began, said an aide who saw losses grow since "
            "the start of this year.",
            "more than 5,000",
            "2025-03-27",
        ),
        # a vague time of its own ("in the coming weeks"), the next count's date after a comma
        (
            "The first 800 sappers arrive in the coming weeks, the other 2,200 by year-end.",
            "800",
            "2025-03-27",
        ),
        ("The first 800 sappers arrive in the coming weeks, the other 2,200 by year-end.", "2,200", "2025"),
        # the only time completes the participle of a count before
        (
            "At that rate, the 9,000 workers sent last spring bring in some $18 million a month.",
            "some $18 million",
            "2025-03-27",
        ),
        # the only time completes the next figure's participle
        (
            "If the reported $1,500 a month is right, the 8,000 troops sent last winter earn a lot.",
            "$1,500",
            "2025-03-27",
        ),
    ],
)
def test_a_figure_of_its_own_clause_holds_at_the_report(text: str, figure: str, as_of: str) -> None:
    found = {f.text: f.when for f in extract(text, "2025-03-27").figures}
    assert found[figure] == as_of


def test_a_since_with_its_date_and_a_range_of_years_still_date_the_figure() -> None:
    found = {
        f.text: f.when for f in extract("It lost 700 men since the war began in 2022.", "2025-03-27").figures
    }
    assert found["700"] == "2022"
    text = "From May 2023 to the end of 2024, it shipped at least 6 million rounds."
    assert {f.text: f.when for f in extract(text, "2025-03-27").figures}["at least 6 million"] == "2024"


@pytest.mark.parametrize(
    ("text", "figure", "topic"),
    [
        # held by the other side: prisoners, whatever the noun
        ("Kyiv is ready to hand three men over; they are being held near Lviv.", "three", "prisoners"),
        ("Some 6,500 Ukrainians are still in Russian captivity.", "Some 6,500", "prisoners"),
        ("Kyiv has brought home 3,900 people in 58 rounds of talks.", "3,900", "prisoners"),
        # soldiers the unit says were captured, in a sentence about something else
        ("Kyiv offered to exchange the two soldiers captured for its pilots.", "two", "prisoners"),
        # a capture the unit names, in a sentence with no topic word ("alive" is no noun)
        ("Kyiv took 4 Russians alive near Sumy.", "4", "prisoners"),
        # the dead sent home; freight wagons of the arms trade
        ("Video showed 40 coffins loaded onto a plane.", "40", "casualties"),
        ("Imagery showed 85 railcars at the border station.", "85", "weapons"),
    ],
)
def test_the_topic_of_captives_coffins_and_wagons(text: str, figure: str, topic: str) -> None:
    found = {f.text: f.topic for f in extract(text, "2025-03-27").figures}
    assert found[figure] == topic


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Casualties have risen to an estimated 7,500, the staff said.", "casualties"),
        ("Losses among the Korean units have climbed to an estimated 2,600.", "losses"),
        ("Several hundred IT specialists were working from Shenyang.", "specialists"),
    ],
)
def test_the_subject_names_what_is_counted(text: str, unit: str) -> None:
    assert [f.unit for f in extract(text, "2025-03-27").figures] == [unit]


def test_about_after_a_verb_of_asking_is_no_estimate() -> None:
    figures = extract("Reporters asked about three prisoners held in Kyiv.", "2025-03-27").figures
    assert [(f.text, f.qualifier) for f in figures] == [("three", None)]
    figures = extract("Officials said about 300 soldiers left.", "2025-03-27").figures
    assert [(f.text, f.qualifier) for f in figures] == [("about 300", "approximately")]


def test_troops_lost_are_casualties() -> None:
    figures = extract('The regiment lost "roughly 900" more soldiers in a week.', "2025-03-27").figures
    assert [(f.text, f.unit, f.topic) for f in figures] == [("roughly 900", "soldiers", "casualties")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time between the noun a count borrows and the count tells of the noun's own count
        (
            "Of some 900 recruits who came in the spring, fewer than 600 remained fit for duty by October.",
            [("some 900", "2025-SP"), ("fewer than 600", "2025-10")],
        ),
        (
            "The unit downed 40 drones in May, and 55 more were shot down over the border area in June.",
            [("40", "2025-05"), ("55", "2025-06")],
        ),
    ],
)
def test_a_time_by_the_borrowed_noun_dates_the_noun_s_count(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(f.text, f.when) for f in extract(text, "2025-11-20").figures] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time in a later clause (after a semicolon) dates that clause's count, not the one before
        (
            "Some 800 sappers have already arrived; another 1,200 are due by the end of the year.",
            [("Some 800", "2025-06-10"), ("1,200", "2025")],
        ),
        # a time before the semicolon may govern both clauses
        (
            "As of May, Kyiv counted 3,100 casualties; Seoul counted 2,900.",
            [("3,100", "2025-05"), ("2,900", "2025-05")],
        ),
        # a time right after the base of a change dates the base, not the counts after it
        (
            "Exports reached 14 million tonnes, up from 9 million in early 2024, in more than 300 voyages.",
            [("14 million tonnes", "2025-06-10"), ("9 million", "2024"), ("more than 300", "2025-06-10")],
        ),
    ],
)
def test_a_later_clause_s_time_and_a_base_s_time(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.text, f.when) for f in extract(text, "2025-06-10").figures] == expected


def test_a_time_past_another_count_still_dates_a_borrowed_noun_s_count() -> None:
    text = (
        "3. Air force sorties\n\nIn 2024, the air force flew at least 400 sorties.\n\nSince 2021, the number"
        " of sorties has remained at a high level: about 900 in 2022, 700 in 2023 (of which 200 were at"
        " night), and at least 400 in 2024.\n"
    )
    found = [(f.text, f.unit, f.when) for f in extract(text, "2025-07-15").figures]
    assert found[1:4] == [
        ("about 900", "sorties", "2022"),
        ("700", "sorties", "2023"),
        ("200", "sorties", "2023"),
    ]


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        # a time that tells of the counted men, in the subject, does not date a state told now
        (
            "Three sailors detained by the coast guard two years ago are still being held in Busan.",
            "2025-11-20",
        ),
        ("The 400 workers sent in March remain in Vladivostok.", "2025-11-20"),
        # a time of another stretch between commas does not either
        (
            "About 9,000 workers are currently employed in Russia, the ministry said, a figure that includes"
            " 2,000 sent over the summer.",
            "2025-11-20",
        ),
    ],
)
def test_a_state_told_now_holds_at_the_report(text: str, as_of: str) -> None:
    assert extract(text, "2025-11-20").figures[0].when == as_of


def test_a_state_told_now_keeps_its_own_date_and_the_day_it_was_said() -> None:
    figures = extract(
        "The list now holds 96,000 names, as of 3 May. About 5,000 troops are now in Kursk, a spokesman"
        " said on Tuesday.",
        "2025-05-08",
    ).figures
    assert [(f.text, f.when) for f in figures] == [("96,000", "2025-05-03"), ("About 5,000", "2025-05-06")]


def test_a_count_in_a_state_gone_on_since_a_time_holds_at_the_report() -> None:
    figures = extract(
        "About 40 factories have been working double shifts since the start of the year. Some 9,000 workers"
        " have been sent since August.",
        "2025-11-20",
    ).figures
    assert [(f.text, f.when, f.relation) for f in figures] == [
        ("About 40", "2025-11-20", None),
        ("Some 9,000", "2025-08", "ON_OR_AFTER"),
    ]


def test_a_share_of_them_is_about_what_the_count_before_counted() -> None:
    figures = extract(
        "The agency put losses at 3,000 troops killed or wounded. Roughly a third of them fell in the first"
        " week of fighting along the river.",
        "2025-11-20",
    ).figures
    assert [(f.text, f.topic) for f in figures] == [
        ("3,000", "casualties"),
        ("Roughly a third", "casualties"),
    ]


def test_a_share_of_pay_or_shells_is_about_what_it_is_a_share_of() -> None:
    figures = extract(
        "Laborers must hand over 60 to 80 percent of their wages, the workers said. Nearly half of the"
        " engineers sent were killed or wounded.",
        "2025-11-20",
    ).figures
    assert [(f.text, f.topic) for f in figures] == [
        ("60 to 80 percent", "money"),
        ("Nearly half", "casualties"),
    ]


def test_the_same_men_named_again_are_no_second_count() -> None:
    figures = extract(
        "Kyiv holds two North Korean prisoners in a facility near Lviv. The two soldiers cannot read Russian,"
        " officials said.",
        "2025-11-20",
    ).figures
    assert [(f.text, f.topic) for f in figures] == [("two", "prisoners")]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Some 240 defectors reached the South last year.", "other"),
        ("Pyongyang tried to put a satellite into orbit three times.", "weapons"),
        ("The enemy fired on the villages more than 300 times.", "weapons"),
        ("The circular error probable fell to about 30 metres, a fivefold gain in accuracy.", "weapons"),
    ],
)
def test_topics_of_defectors_satellites_and_firing(text: str, topic: str) -> None:
    assert extract(text, "2025-11-20").figures[0].topic == topic


def test_a_count_in_recent_months_is_not_dated_by_another_count_s_since() -> None:
    figures = extract(
        "Moscow has received several cruise missiles in recent months, on top of some 300 rockets delivered"
        " since 2023.",
        "2025-11-20",
    ).figures
    assert [(f.text, f.when, f.relation) for f in figures] == [
        ("several", "2025-11-20", None),
        ("some 300", "2023", "ON_OR_AFTER"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv says Pyongyang has lost about 3,500 men since its troops entered combat in early December.",
        # a name as the clause's subject, whoever it names
        "The union says Acme has laid off about 3,500 men since Acme closed its plant in early December.",
    ],
)
def test_a_count_since_a_clause_s_time_runs_up_to_the_report(text: str) -> None:
    figures = extract(text, "2025-03-10").figures
    assert [(f.text, f.when, f.relation, f.latest) for f in figures] == [
        ("about 3,500", "2024-12", "ON_OR_AFTER", "2025-03-10")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Brussels added the air force chief and four generals to its sanctions list.",
        "London sanctioned nine North Korean officers on Monday.",
    ],
)
def test_men_named_on_a_sanctions_list_are_about_sanctions(text: str) -> None:
    assert extract(text, "2025-03-10").figures[0].topic == "sanctions"


def test_a_multiple_of_a_time_s_possessive_base_is_dated_by_neither() -> None:
    figures = extract(
        "Some 60 trains a week now cross the bridge, nearly triple last year's average.", "2025-09-30"
    ).figures
    assert [(f.text, f.unit, f.when) for f in figures] == [
        ("Some 60", "trains per week", "2025-09-30"),
        ("nearly triple", "times", "2025-09-30"),
    ]


def test_a_part_of_a_since_total_is_a_since_total_too() -> None:
    figures = extract(
        "Seoul says the North has lost some 5,000 men since its units entered combat in December, including"
        " about 1,500 killed.",
        "2025-06-10",
    ).figures
    assert [(f.text, f.when, f.relation, f.latest) for f in figures] == [
        ("some 5,000", "2024-12", "ON_OR_AFTER", "2025-06-10"),
        ("about 1,500", "2024-12", "ON_OR_AFTER", "2025-06-10"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The drone strikes on Sumy killed at least 15 civilians, six women among them, officials said.",
        "Shelling of the market with KN-25 rockets wounded 40 people, including eight children.",
    ],
)
def test_a_part_of_the_harmed_men_is_about_what_befell_them(text: str) -> None:
    figures = extract(text, "2025-05-02").figures
    assert [f.topic for f in figures] == ["casualties", "casualties"]


def test_a_time_in_what_the_speaker_added_does_not_date_the_figure() -> None:
    figures = extract(
        "Of the injured, about 1,100 later died, the ministry said, adding that most had been hit in the"
        " summer offensive. In May some 400 were killed, the army said, adding that the toll had risen.",
        "2025-11-04",
    ).figures
    assert [(f.text, f.unit, f.when) for f in figures] == [
        ("about 1,100", "died", "2025-11-04"),
        ("some 400", "killed", "2025-05"),
    ]


def test_a_count_over_a_span_is_of_the_period_the_sentence_before_told() -> None:
    figures = extract(
        "From May to August, the trains ran every night. They moved about 900 wagons in four months,"
        " the monitors said. The line will carry 5,000 tonnes in two weeks.",
        "2025-11-04",
    ).figures
    assert [(f.text, f.earliest, f.latest) for f in figures] == [
        ("about 900", "2025-05-01", "2025-08-31"),
        ("5,000 tonnes", "2025-11-04", "2025-11-04"),  # a span ahead is no period told
    ]


def test_a_since_clause_before_the_count_makes_it_a_since_total() -> None:
    figures = extract(
        "Since the brigades reached the front in March, they have lost over 1,200 men. In May, 300 were"
        " wounded.",
        "2025-08-20",
    ).figures
    assert [(f.text, f.when, f.relation, f.latest) for f in figures] == [
        ("over 1,200", "2025-03", "ON_OR_AFTER", "2025-08-20"),
        ("300", "2025-05", None, "2025-05-31"),
    ]


@pytest.mark.parametrize(
    ("text", "as_of", "relation"),
    [
        # the day a source told a count dates it when the count names no time of its own
        ("The spy agency estimated last month that about 2,000 soldiers had been killed.", "2025-10", None),
        ("Around 2,000 were dead, the agency said last September.", "2025-09", None),
        ("The ministry told lawmakers on Monday that 2,700 were injured.", "2025-11-17", None),
        # a since-total keeps its span when a source told it on a day
        (
            "The ministry announced on Oct. 12 that about 4,000 laborers had been sent to Russia since July.",
            "2025-07",
            "ON_OR_AFTER",
        ),
        (
            "Since it began in 2023, the trade has brought Pyongyang an estimated $9bn, the institute said"
            " in a report published on Tuesday.",
            "2023",
            "ON_OR_AFTER",
        ),
        (
            "The institute estimated on Monday that the North had received about $5bn in food, fuel and"
            " machinery parts since it started selling rockets to Moscow in the autumn of 2023.",
            "2023-FA",
            "ON_OR_AFTER",
        ),
        # the time of what was counted wins over the day it was told
        (
            "The agency assessed on Thursday that 800 soldiers had been killed in January.",
            "2025-01",
            None,
        ),
    ],
)
def test_a_count_told_on_a_day_is_as_of_that_day_unless_it_names_its_own_time(
    text: str, as_of: str, relation: str | None
) -> None:
    figure = extract(text, "2025-11-20").figures[0]
    assert (figure.when, figure.relation) == (as_of, relation)


def test_the_day_of_a_saying_after_a_count_dates_the_count_it_tells() -> None:
    figures = extract(
        "Moscow has since taken in 4,000 more laborers, according to the ministry, which said in May that"
        " the first 500 had reached Vladivostok. About 900 were hurt, the agency said in August.",
        "2025-11-20",
    ).figures
    assert [(f.text, f.when) for f in figures] == [
        ("4,000", "2025-11-20"),
        ("500", "2025-05"),
        ("About 900", "2025-08"),
    ]
