"""Topics from an event's or a figure's own clause, from the sentence before when a sentence only goes
on from it, and the sanctions wording of EU, UK and US releases (round20)."""

from __future__ import annotations

import pytest

from dprk_tracker.extract import extract
from dprk_tracker.topics import default_lexicon

PUBLISHED = "2025-04-10"


def _events(text: str) -> dict[str, str]:
    return {e.time_text: e.topic for e in extract(text, PUBLISHED).events}


def _figures(text: str) -> dict[str, str]:
    return {f.text: f.topic for f in extract(text, PUBLISHED).figures}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("The ministers imposed restrictive measures on a shipping firm.", "sanctions"),
        ("Those listed face an asset freeze and a travel ban.", "sanctions"),
        ("The board voted to delist a trading house after a review.", "sanctions"),
        ("Washington tightened export controls on machine tools.", "sanctions"),
        ("The tanker switched off its transponder near the strait.", "sanctions"),
        ("He laundered the proceeds through cryptocurrency wallets.", "money"),
        ("The two ministers agreed to hold a dialogue every year.", "diplomacy"),
    ],
)
def test_sanctions_and_other_wording(text: str, topic: str) -> None:
    assert default_lexicon().topic_of(text) == topic


def test_a_word_that_only_starts_like_a_keyword_is_none() -> None:
    lexicon = default_lexicon()
    assert lexicon.topic_of("He served as a rifleman in a scouting platoon.") != "weapons"
    assert "deployment" not in lexicon.scores("The United Kingdom and the United Nations")


def test_an_events_topic_is_its_clauses() -> None:
    text = "Russia lost 940 personnel on Sunday, while North Korea sent two more brigades to the front."
    assert _events(text) == {"Sunday": "casualties"}
    assert _figures(text) == {"940": "casualties", "two": "deployment"}
    text = "North Korea sent two more brigades on Sunday, while Russia lost 940 personnel."
    assert _events(text) == {"Sunday": "deployment"}


def test_a_relative_clause_and_an_including_have_topics_of_their_own() -> None:
    text = (
        "Among those sanctioned on Thursday is Ri Song, a banker, who moved $3.2 million through shell "
        "accounts in 2023."
    )
    assert _events(text) == {"Thursday": "sanctions", "2023": "money"}
    text = (
        "The Council on Monday imposed restrictive measures on 5 entities, including makers of missile "
        "parts, drone engines and artillery shells."
    )
    assert _events(text) == {"Monday": "sanctions"}
    assert _figures(text) == {"5": "sanctions"}


def test_the_clause_after_a_date_tells_what_happened_then() -> None:
    text = "He served as a sniper in an infantry unit until March, when Ukrainian troops captured him."
    assert _events(text) == {"March": "prisoners"}
    # a since-time dates the state its own clause tells of
    text = "Sanctions have frayed since 2022, when missile tests resumed."
    assert _events(text) == {"2022": "sanctions"}


def test_a_sentence_that_goes_on_from_the_one_before_has_its_topic() -> None:
    text = "The trains carried artillery shells to depots near Bryansk. The deliveries doubled in March."
    assert _events(text) == {"March": "weapons"}
    text = "Trains carried artillery shells to depots near Bryansk. A month later they stopped on 3 April."
    assert _events(text)["3 April"] == "weapons"
    # not across a paragraph, nor a sentence that does not refer back, nor after a person's pronoun
    text = "The trains carried artillery shells to depots.\n\nThe weather turned in March."
    assert _events(text) == {"March": "other"}
    text = "The trains carried artillery shells to depots. Heavy snow fell in March."
    assert _events(text) == {"March": "other"}
    text = "The broker moved the shells through a port. He was arrested in March."
    assert _events(text) == {"March": "other"}


@pytest.mark.parametrize(
    ("text", "figure", "topic"),
    [
        # men counted as what befell them in their clause
        ("The swap on Friday brought home 120 soldiers.", "120", "prisoners"),
        ("Kyiv says it has two North Korean soldiers held in a camp.", "two", "prisoners"),
        ("The UK added 12 generals to the designated persons.", "12", "sanctions"),
        # but not what befell others in another clause
        ("North Korea has sent 11,000 soldiers, of whom about 300 were captured.", "11,000", "deployment"),
        # a clause about nothing in particular gives way to its sentence
        (
            "The UK has designated 20 individuals, which is fewer than the 50 or so the United States named.",
            "50 or so",
            "sanctions",
        ),
        # a count of nothing the lexicon knows, in a sentence that goes on from the one before
        ("The ship carried munitions containers. It made 14 voyages.", "14", "weapons"),
    ],
)
def test_a_figures_topic_from_its_clause(text: str, figure: str, topic: str) -> None:
    assert _figures(text)[figure] == topic


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # only men lost counted: the event is the loss, though "forces" and "personnel" name troops
        (
            "The General Staff said on December 16 that Russian forces lost 1,830 personnel in a day.",
            (["casualties"], ["casualties"]),
        ),
        # men sent and men killed: the sentence is about both, the event keeps its words' topic
        (
            "North Korea sent 11,000 troops in October, and 3,000 of them were killed.",
            (["deployment"], ["deployment", "casualties"]),
        ),
    ],
)
def test_an_event_that_counts_only_men_lost_is_a_loss(text: str, topics: tuple[list[str], list[str]]) -> None:
    result = extract(text, "2024-12-17")
    assert ([e.topic for e in result.events], [f.topic for f in result.figures]) == topics
