"""Round 25: topics of events and figures (a measure's grounds, a treaty's passage, a clause with no
topic word of its own) and dates (a statement dated after its span, a day of the month told just
before, a comparison's base)."""

from __future__ import annotations

import pytest

from dprk_tracker.extract import extract
from dprk_tracker.topics import default_lexicon


def _events(text: str, published: str = "2025-06-13") -> dict[str, tuple[str, str | None, str | None, str]]:
    return {e.time_text: (e.when, e.earliest, e.latest, e.topic) for e in extract(text, published).events}


def _figure_topics(text: str, published: str = "2025-06-13") -> dict[str, str]:
    return {f.text: f.topic for f in extract(text, published).figures}


def test_a_clause_with_no_topic_word_takes_its_sentences() -> None:
    text = "Ministers signed the treaty on 4 May, and the senate approved it on 12 May."
    assert _events(text)["12 May"] == ("2025-05-12", "2025-05-12", "2025-05-12", "diplomacy")


@pytest.mark.parametrize(
    ("text", "time", "topic"),
    [
        (
            "The Treasury on Thursday blacklisted three firms suspected of shipping rockets to Russia.",
            "Thursday",
            "sanctions",
        ),
        (
            "Britain on Monday designated two banks, accusing them of financing missile purchases.",
            "Monday",
            "sanctions",
        ),
        ("Putin signed the ratification law on 2 June.", "2 June", "diplomacy"),
        ("The pact entered into force on 1 May after both sides ratified it.", "1 May", "diplomacy"),
        ("Security Council Secretary Nikolai Patrushev visited Tehran in May.", "May", "diplomacy"),
        ('"They want to freeze us out of the talks," the minister said on Friday.', "Friday", "diplomacy"),
        ('"They want to freeze us out," the minister said on Friday.', "Friday", "other"),
    ],
)
def test_event_topics(text: str, time: str, topic: str) -> None:
    assert _events(text)[time][3] == topic


def test_the_measures_grounds_do_not_decide_what_it_counts() -> None:
    text = "The Treasury on Thursday blacklisted three firms suspected of shipping rockets to Russia."
    assert _figure_topics(text) == {"three": "sanctions"}


def test_a_share_takes_its_own_clauses_topic() -> None:
    text = "Trade rose about 25% last year, while Russia sent more troops and more soldiers to the front."
    assert _figure_topics(text)["about 25%"] == "money"


@pytest.mark.parametrize(
    "text",
    [
        "Exports rose 40% in 2024, a steep increase from the previous year.",
        "Output reached 2 million tonnes in 2024, roughly double its level a year earlier.",
        "Rice sold for 9,000 won in 2024, nearly triple the price of a year ago.",
    ],
)
def test_a_comparisons_base_makes_no_event(text: str) -> None:
    assert list(_events(text)) == ["2024"]


def test_a_span_counts_back_from_the_statement_told_after_it() -> None:
    # (a Friday story: the statement was made on Wednesday, June 11)
    text = (
        "Russia launched more than 300 drones over the past three days, the air force told reporters on"
        " Wednesday."
    )
    events = _events(text)
    assert events["the past three days"] == ("2025-06-09", "2025-06-09", "2025-06-11", "weapons")
    assert events["Wednesday"] == ("2025-06-11", "2025-06-11", "2025-06-11", "weapons")


def test_a_span_with_no_statement_after_it_ends_on_the_reference_day() -> None:
    text = "Russia launched more than 300 drones over the past three days. The air force spoke on Wednesday."
    assert _events(text)["the past three days"][1:3] == ("2025-06-11", "2025-06-13")


def test_a_day_of_the_month_told_just_before_is_in_its_year() -> None:
    text = "The soldier was captured in February 2025. He was taken prisoner on February 3 near a village."
    assert _events(text, "2026-02-10")["February 3"][:3] == ("2025-02-03", "2025-02-03", "2025-02-03")


def test_a_day_of_another_month_keeps_the_reference_years_rules() -> None:
    text = "The soldier was captured in February 2025. He was questioned on January 30 in Kyiv."
    assert _events(text, "2026-02-10")["January 30"][0] == "2026-01-30"


def test_lexicon_words() -> None:
    lexicon = default_lexicon()
    assert lexicon.topic_of("The EU extended the asset-freeze list.") == "sanctions"
    assert lexicon.topic_of("Kyiv asked for two more Patriot batteries.") == "weapons"
    assert lexicon.topic_of("Manufacturing jumped, and growth was the strongest since 2016.") == "money"


@pytest.mark.parametrize(
    ("text", "latest"),
    [
        ("The North has fired 14 cruise missiles so far this year, officials said.", "2025-06-13"),
        ("At least five workers have died at the plant this year.", "2025-06-13"),
        ("At least five workers will be hired at the plant this year.", "2025-12-31"),
    ],
)
def test_this_year_told_as_so_far_ends_on_the_reference_day(text: str, latest: str) -> None:
    assert _events(text)["this year"][1:3] == ("2025-01-01", latest)


def test_unemployment_is_money() -> None:
    assert _events("Unemployment fell to a record low of 2.1% in April.")["April"][3] == "money"


def test_grounds_after_for() -> None:
    text = (
        "Washington added 12 Chinese firms to its Entity List on Tuesday for supplying drone parts to Russia."
    )
    assert _events(text)["Tuesday"][3] == "sanctions"
    assert _figure_topics(text) == {"12": "sanctions"}


@pytest.mark.parametrize(
    ("text", "time", "topic"),
    [
        (
            "A North Korean soldier sent to Kursk was taken prisoner by Ukrainian troops on January 11.",
            "January 11",
            "prisoners",
        ),
        (
            "Some 300 troops deployed near Sudzha were killed in late January, a commander said.",
            "late January",
            "casualties",
        ),
        ("Several soldiers of the brigade became prisoners of war in January.", "January", "prisoners"),
        (
            "North Korea sent 11,000 troops in October, and 3,000 of them were killed.",
            "October",
            "deployment",
        ),
        ("A further 1,000 soldiers were sent in August to replace losses.", "August", "deployment"),
    ],
)
def test_men_whom_capture_or_death_befell(text: str, time: str, topic: str) -> None:
    assert _events(text)[time][3] == topic


def test_of_the_new_year_is_no_new_years_day() -> None:
    text = "Kyiv and Moscow swapped 150 prisoners each on Wednesday, the first swap of the new year."
    assert list(_events(text, "2026-01-15")) == ["Wednesday"]
    assert _events("Prices have risen since the new year.", "2026-01-15")["the new year"][0] == "2026-01-01"
