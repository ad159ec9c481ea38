"""Round 30: food and fish traded are trade, trains are rail freight, what an asset freeze holds and the
men a listing names are sanctions, and a paragraph opened by last year goes on in it (sentences written
for these tests)."""

from __future__ import annotations

from dprk_tracker.extract import extract


def _events(text: str, published: str) -> list[tuple[str, str, str]]:
    return [(e.time_text, e.when, e.topic) for e in extract(text, published).events]


def _figures(text: str, published: str) -> list[tuple[str, str, str | None]]:
    return [(f.text, f.topic, f.when) for f in extract(text, published).figures]


def test_a_paragraph_opened_by_last_year_goes_on_in_it() -> None:
    text = (
        "Last year, the port authority leased two new berths. In July, it hired 40 dockers. "
        "In October, the first ferry called.\n\nIn March, the ferry line was suspended."
    )
    assert [(t, w) for t, w, _ in _events(text, "2025-12-01")] == [
        ("Last year", "2024"),
        ("July", "2024-07"),
        ("October", "2024-10"),
        ("March", "2025-03"),
    ]


def test_a_month_said_ahead_in_a_last_year_paragraph_keeps_its_rules() -> None:
    text = "Last year, the port authority leased two new berths. In July, it will hire 40 dockers."
    assert [(t, w) for t, w, _ in _events(text, "2025-05-01")] == [("Last year", "2024"), ("July", "2025-07")]


def test_food_and_fish_traded_are_trade() -> None:
    assert _figures("Imports of frozen mackerel and squid reached 2,100 tonnes in 2024.", "2025-03-01") == [
        ("2,100 tonnes", "money", "2024")
    ]
    assert _figures("Wheat deliveries rose 12% in 2024.", "2025-03-01") == [("12%", "money", "2024")]


def test_trains_are_rail_freight_and_the_verb_is_none() -> None:
    assert _figures("The academy trains 300 officers in 2025.", "2025-07-01") == [
        ("300", "deployment", "2025")
    ]
    assert _figures("Satellite images showed 58 trains at the border yard in May 2025.", "2025-07-01") == [
        ("58", "weapons", "2025-05")
    ]


def test_what_an_asset_freeze_holds_is_sanctions() -> None:
    text = "The order froze assets worth $7.5 million belonging to three front companies on Monday."
    assert _figures(text, "2025-04-09") == [
        ("$7.5 million", "sanctions", "2025-04-07"),
        ("three", "sanctions", "2025-04-07"),
    ]
    assert _figures("Assets frozen under the regime came to €210 billion in 2024.", "2025-04-09") == [
        ("€210 billion", "sanctions", "2024")
    ]


def test_the_men_a_listing_names_are_sanctions() -> None:
    text = "Canada designated 14 entities on Friday. Those designated include four army generals."
    assert _figures(text, "2025-06-16") == [
        ("14", "sanctions", "2025-06-13"),
        ("four", "sanctions", "2025-06-16"),
    ]


def test_capturing_a_place_is_no_taking_of_prisoners() -> None:
    text = "Brigades trying to capture Toretsk fired 40 rockets on Sunday."
    assert _events(text, "2025-03-04") == [("Sunday", "2025-03-02", "weapons")]
    text = "The assault units captured the town of Marinka in December 2023."
    assert _events(text, "2025-03-04") == [("December 2023", "2023-12", "deployment")]
    text = "The marines captured 23 enemy soldiers in December 2024."
    assert _figures(text, "2025-03-04") == [("23", "prisoners", "2024-12")]
    text = "Ukrainian paratroopers captured North Korean troops in January 2025."
    assert _events(text, "2025-03-04") == [("January 2025", "2025-01", "prisoners")]


def test_a_change_from_an_earlier_time_holds_at_the_report() -> None:
    text = "Rice exports grew 4.5%, a marked rise from the previous year, officials said."
    assert _figures(text, "2025-02-10") == [("4.5%", "money", "2025-02-10")]


def test_a_cap_set_in_a_year_does_not_date_the_figure() -> None:
    text = "The tankers delivered about 1.2 million barrels, well above the limit set by the council in 2017."
    assert _figures(text, "2025-02-10") == [("about 1.2 million barrels", "sanctions", "2025-02-10")]


def test_men_who_came_home_in_an_exchange_are_prisoners() -> None:
    text = "In the last exchange, when 95 servicemen came home, both sides also returned bodies."
    assert _figures(text, "2025-02-10") == [("95", "prisoners", "2025-02-10")]


def test_the_paragraphs_year_goes_on_past_a_year_looked_back_to_and_into_a_clause() -> None:
    text = (
        "Last year, grain output reached its highest level since 2016. In May, the ministry opened two "
        "silos. In June, crews repaired the dam, and in September they finished the canal."
    )
    assert [(t, w) for t, w, _ in _events(text, "2025-11-20")] == [
        ("Last year", "2024"),
        ("May", "2024-05"),
        ("June", "2024-06"),
        ("September", "2024-09"),
    ]
