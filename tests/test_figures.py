"""The figure engine: each class of expression with exact values, the exclusions, the seed."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dprk_tracker.figures import find_quantities, recognize
from dprk_tracker.figures.counted import _normalize, _sentence_stop, last_word, tail_words
from dprk_tracker.figures.numbers import (
    candidates,
    find_numbers,
    parse_number,
    scanned_candidates,
    shadow_candidates,
    tables,
)
from dprk_tracker.model import Quantity, TimeExpr

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_175e1476b8423eb6.txt"


def one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def values(text: str) -> list[tuple[float | None, float | None]]:
    return [(q.low, q.high) for q in find_quantities(text)]


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Dots grouping the thousands with a comma decimal of any length (German, Spanish).
        ("a budget of 29.378.939,723 euros", [(29378939.723, 29378939.723)]),
        ("45/29.378.939,723", []),
        # Blanks grouping the thousands with a comma decimal (French).
        ("about 435 329,3 tons", [(435329.3, 435329.3)]),
        ("nearly 1\u202f917,6 km", [(1917.6, 1917.6)]),
    ],
)
def test_separator_styles_with_a_comma_decimal(text: str, expected: list[tuple[float, float]]) -> None:
    # These raised ValueError before (a digit string float() cannot read).
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3,000", 3000),
        ("1,234,567", 1234567),
        ("25 000", 25000),
        ("1 414 021 100", 1414021100),
        ("4.800", 4.8),
        (".08", 0.08),
        ("12,34,567.89", 1234567.89),
        ("two", 2),
        ("twenty-five", 25),
        ("fifty - two", 52),
        ("one hundred and sixty-one", 161),
        ("two hundred and two thousand", 202000),
        ("twenty-one trillion and three hundred", 21000000000300),
        ("a dozen", 12),
        ("three dozens", 36),
        ("half a dozen", 6),
        ("half a million", 500000),
        ("one and a half", 1.5),
        ("one and a half million", 1500000),
        ("five and a half million", 5500000),
        ("27-hundred", 2700),
        ("four-thousand-100", 4100),
        ("15-thousand", 15000),
        ("322 hundred", 32200),
        ("4 thousand 3 hundred and 21", 4321),
        ("1,674.5 million", 1674500000),
        ("10k", 10000),
        ("1.2b", 1200000000),
        ("10 bln", 10000000000),
        ("nine point nought four", 9.04),
        ("two hundred point seventy-one", 200.71),
        ("minus five", -5),
        ("a hundred and two", 102),
    ],
)
def test_number_forms(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_numbers_that_are_two() -> None:
    assert values("3 hundred and 2 hundred are two valid numbers") == [(300, 300), (200, 200), (2, 2)]
    assert values("423 0000 will be recognized") == [(423, 423), (0, 0)]


# --- qualifiers and ranges ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier", "span"),
    [
        ("over 3,000 troops", 3000, None, "over", "over 3,000"),
        ("more than 20-thousand soldiers", 20000, None, "more than", "more than 20-thousand"),
        ("at least 12 attacks", 12, None, "at least", "at least 12"),
        ("losses exceeding 4,000", 4000, None, "exceeding", "exceeding 4,000"),
        ("losses exceed 3,800 killed and wounded", 3800, None, "exceeding", "exceed 3,800"),
        ("the toll surpassed 1,000", 1000, None, "over", "surpassed 1,000"),
        ("exports topped $1 billion", 1e9, None, "over", "topped $1 billion"),
        ("up to 12,000 soldiers", None, 12000, "up to", "up to 12,000"),
        ("as many as 30 soldiers", None, 30, "up to", "as many as 30"),
        ("fewer than a thousand pandas", None, 1000, "fewer than", "fewer than a thousand"),
        ("around 6,700 containers", 6700, 6700, "approximately", "around 6,700"),
        ("approximately 14,000 soldiers", 14000, 14000, "approximately", "approximately 14,000"),
        ("some three-thousand troops", 3000, 3000, "approximately", "some three-thousand"),
        ("nearly 40 percent", 40, 40, "nearly", "nearly 40 percent"),
        ("up to approximately 3 million shells", None, 3000000, "up to", "up to approximately 3 million"),
        ("as many as more than 6 million men", 6000000, None, "more than", "as many as more than 6 million"),
        ("500 or more shells", 500, None, "at least", "500 or more"),
    ],
)
def test_qualifiers(text: str, low: float | None, high: float | None, qualifier: str, span: str) -> None:
    q = find_quantities(text)[0]
    assert (q.low, q.high, q.qualifier, q.text) == (low, high, qualifier, span)


def test_the_word_estimated_is_not_in_the_span() -> None:
    q = one("the estimated 11,000 troops")
    assert (q.text, q.low, q.high) == ("11,000", 11000, 11000)


@pytest.mark.parametrize(
    ("text", "low", "high", "span"),
    [
        ("10,000 to 12,000 troops", 10000, 12000, "10,000 to 12,000"),
        ("an additional 1,000-3,000 troops", 1000, 3000, "1,000-3,000"),
        ("between 10,000 to 12,000 troops", 10000, 12000, "between 10,000 to 12,000"),
        ("between 20 and 30", 20, 30, "between 20 and 30"),
        ("from 44 to 50 mg", 44, 50, "from 44 to 50 mg"),
        ("25 000 to 30 000 soldiers", 25000, 30000, "25 000 to 30 000"),
        ("3 to 4 million people", 3000000, 4000000, "3 to 4 million"),
        ("two or three soldiers", 2, 3, "two or three"),
        ("more than 10 and less than 20", 10, 20, "more than 10 and less than 20"),
    ],
)
def test_ranges(text: str, low: float, high: float, span: str) -> None:
    q = one(text)
    assert (q.low, q.high, q.text) == (low, high, span)


def test_range_with_shared_currency_and_scale() -> None:
    q = one("between $1.7 billion and $5.5 billion")
    assert (q.low, q.high, q.currency) == (1.7e9, 5.5e9, "USD")
    assert q.text == "between $1.7 billion and $5.5 billion"
    q = one("anywhere between $320 million to $1.3 billion a year")
    assert (q.low, q.high, q.currency) == (320e6, 1.3e9, "USD")
    assert q.text == "anywhere between $320 million to $1.3 billion"
    q = one("$1.7 to 2 billion")
    assert (q.low, q.high, q.currency) == (1.7e9, 2e9, "USD")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("hundreds of soldiers", 200, 999),
        ("several hundred had been killed", 300, 999),
        ("dozens of missiles", 24, 99),
        ("thousands of workers", 2000, 9999),
        ("tens of thousands of troops", 20000, 99999),
        ("hundreds of thousands of shells", 200000, 999999),
    ],
)
def test_vague_counts(text: str, low: float, high: float) -> None:
    q = one(text)
    assert (q.low, q.high) == (low, high)


def test_vague_count_span_has_no_of() -> None:
    assert one("hundreds of soldiers").text == "hundreds"


# --- money, percent, multipliers, measures --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("$540 million", 540e6, "USD"),
        ("US$ 5 billion", 5e9, "USD"),
        ("USD 200", 200, "USD"),
        ("300 dollars", 300, "USD"),
        ("8 trillion won", 8e12, "KRW"),
        ("₩8 trillion", 8e12, "KRW"),
        ("5,000 KRW", 5000, "KRW"),
        ("2 billion rubles", 2e9, "RUB"),
        ("₽100", 100, "RUB"),
        ("10 billion yuan", 10e9, "CNY"),
        ("€2 million", 2e6, "EUR"),
        ("323 million euros", 323e6, "EUR"),
        ("£50 million", 50e6, "GBP"),
        ("5 million yen", 5e6, "JPY"),
        ("$1.5bn", 1.5e9, "USD"),
        ("$10m", 10e6, "USD"),
        ("50 cents", 0.5, "USD"),
        ("3 dollars 50 cents", 3.5, "USD"),
    ],
)
def test_money(text: str, amount: float, currency: str) -> None:
    q = one(text)
    assert (q.low, q.high, q.currency, q.unit) == (amount, amount, currency, currency)
    assert q.text == text


def test_money_with_qualifier() -> None:
    q = one("North Korea accrued around $540 million from arms sales")
    assert (q.text, q.low, q.high, q.qualifier, q.currency) == (
        "around $540 million",
        540e6,
        540e6,
        "approximately",
        "USD",
    )
    q = one("as much as 8 trillion won")
    assert (q.text, q.low, q.high, q.currency) == ("as much as 8 trillion won", None, 8e12, "KRW")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("40%", 40, "percent"),
        ("40 percent", 40, "percent"),
        ("12.5 per cent", 12.5, "percent"),
        ("3 percentage points", 3, "percentage points"),
    ],
)
def test_percent(text: str, value: float, unit: str) -> None:
    q = one(text)
    assert (q.low, q.high, q.percent, q.unit, q.text) == (value, value, True, unit, text)


def test_percent_range_shares_the_sign() -> None:
    q = one("10 to 20 percent")
    assert (q.low, q.high, q.percent) == (10, 20, True)


@pytest.mark.parametrize(
    ("text", "low", "high", "span"),
    [
        ("12 times", 12, 12, "12 times"),
        ("at least 23 times", 23, None, "at least 23 times"),
        ("a threefold increase", 3, 3, "threefold"),
        ("a 3-fold rise", 3, 3, "3-fold"),
    ],
)
def test_multipliers(text: str, low: float, high: float | None, span: str) -> None:
    q = one(text)
    assert (q.low, q.high, q.unit, q.text) == (low, high, "times", span)


@pytest.mark.parametrize(
    ("text", "value", "unit", "span"),
    [
        ("500 km", 500, "km", "500 km"),
        ("a 27-kilometer ring", 27, "km", "27-kilometer"),
        ("1 million barrels of oil", 1e6, "barrels", "1 million barrels"),
        ("200,000 tonnes of rice", 200000, "tonnes", "200,000 tonnes"),
        ("armour 80 mm thick", 80, "mm", "80 mm"),
        ("a gap of 122mm in the wall", 122, "mm", "122mm"),  # glued "mm": a length, not "million"
        ("the plate is 152MM.", 152, "mm", "152MM"),
        ("10kg", 10, "kg", "10kg"),
        ("900 km/h", 900, "km/h", "900 km/h"),
    ],
)
def test_measures(text: str, value: float, unit: str, span: str) -> None:
    q = one(text)
    assert (q.low, q.unit, q.text) == (value, unit, span)


@pytest.mark.parametrize(
    "text",
    [
        "most of them in their early 20s, were",  # a decade of age, not 20 seconds
        "soldiers in their mid-20s",
        "music of the 80s",
        "the largest since the 1960s and 70s",
        "analysts at 38 North declined to give details",  # a number that is part of a name
        "According to analysts at 38 North, the soldiers were issued uniforms.",
        "Washington-based 38 North said",
        # a singular word after the name, no plural after it: the name's own noun, not a count
        "The 38 North project will keep watching.",
        "since 38 North began tracking the yard",
    ],
)
def test_decades_and_numbers_in_names_are_no_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_a_number_before_a_name_and_a_noun_is_a_figure() -> None:
    found = find_quantities("It sent 30 North Korean soldiers, 300 Ukrainians died and it killed 40 Monday.")
    assert [(q.text, q.unit) for q in found] == [("30", "soldiers"), ("300", "died"), ("40", "killed")]
    found = find_quantities("It shipped over 118 Koksan self-propelled guns; 450 Japanese are in Iraq.")
    assert [(q.text, q.unit) for q in found] == [("over 118", "self-propelled guns"), ("450", None)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("killing 247 people and wounding more than 5,000 others.", "wounded"),  # the others harmed
        ("His mother and 10 others died at sea.", "died"),
        ("the 700,000 Cubans living in South Florida", "cubans"),
        ("nearly five million Germans out of work", "germans"),
    ],
)
def test_others_and_plural_names(text: str, unit: str) -> None:
    assert find_quantities(text)[-1].unit == unit


def test_a_glued_unit_ends_space_grouped_thousands() -> None:
    found = find_quantities("nearly 890 122mm rockets and 25 000 to 30 000 troops")
    assert [(q.text, q.low, q.unit) for q in found] == [
        ("nearly 890", 890, "rockets"),
        ("25 000 to 30 000", 25000, "troops"),
    ]


def test_a_classifier_counts_past_a_calibre() -> None:
    found = find_quantities("provided about 220 units of 170 mm self-propelled howitzers")
    assert [(q.text, q.unit) for q in found] == [("about 220", "self-propelled howitzers")]


def test_the_verb_of_harm_is_read_in_the_figure_s_sentence() -> None:
    found = find_quantities("About 1,640 were wounded. At least seven were missing.")
    assert [(q.text, q.unit) for q in found] == [("About 1,640", "wounded"), ("At least seven", "missing")]
    found = find_quantities("Some 1,640 were wounded. At least seven, officials said.")
    assert [(q.text, q.unit) for q in found] == [("Some 1,640", "wounded"), ("At least seven", None)]


def test_a_person_s_age_is_no_figure() -> None:
    found = find_quantities("The two soldiers, aged 20 and 26, were captured; a man aged 45 was not.")
    assert [(q.text, q.unit) for q in found] == [("two", "soldiers")]
    assert [(q.text, q.unit) for q in find_quantities("Men aged 18 and 2,000 more reservists")] == [
        ("2,000", "reservists"),
    ]
    assert find_quantities("A 26-year-old soldier and a 19-year-old medic died.") == []
    # "is 20, the other 26": two ages told of persons, the first naming no noun
    assert find_quantities("One conscript is 19, the other 23, the officer said.") == []
    assert find_quantities("One of the sappers is 24 and the other 31, Seoul said.") == []
    assert find_quantities("He was aged 18 when he joined.") == []
    # "one aged 19 and the other 24": the second age of the pair is no count either
    assert [
        (q.text, q.unit) for q in find_quantities("Of the two deserters, one aged 19 and the other 24 fled.")
    ] == [("two", "deserters")]
    # an age stated as such stays a measure
    assert [(q.text, q.unit) for q in find_quantities("He is over 30 years old.")] == [
        ("over 30 years old", "years old")
    ]


def test_an_age_told_of_a_person_is_no_figure() -> None:
    found = find_quantities("Another prisoner, who is 21, has been in the army since he was 17, Ri said.")
    assert found == []
    # (a figure the clause gives of something else keeps its own reading)
    assert [(q.text, q.unit) for q in find_quantities("The toll, which was 94, rose.")] == [("94", None)]


def test_glued_mm_is_money_after_a_currency() -> None:
    assert [(q.low, q.currency, q.text) for q in find_quantities("raised $5mm and US$ 1MM")] == [
        (5_000_000, "USD", "$5mm"),
        (1_000_000, "USD", "US$ 1MM"),
    ]


# --- counted nouns ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("30 North Korean soldiers", "soldiers"),
        ("6,700 containers to Russia", "containers"),
        ("1,000 mine clearance specialists", "mine clearance specialists"),
        ("5,000 more military engineers", "military engineers"),
        ("over 3,000 have been killed or injured", "killed or injured"),
        ("over 3,000 troops sent by North Korea have been killed or wounded", "killed or wounded"),
        ("over 6,000 of them killed", "killed"),
        ("3 million artillery shells", "artillery shells"),
        ("took two North Korean soldiers prisoner", "soldiers captured"),
        ("the capture of two North Korean soldiers", "soldiers captured"),
        ("the capture of two North Korean prisoners", "prisoners"),
        ("Kyiv's forces had captured two wounded North Korean soldiers", "soldiers captured"),
        # a capture word that closes a clause is no verb of the count
        ("After the latest swap, 95 sailors came home", "sailors"),
        ("Prisoner exchange: 95 sailors come home", "sailors"),
        ("The 11,000-strong force suffered heavy losses.", "force"),  # a verb after the head ends it
        ("10,000 newly created shares", "newly created shares"),
        ("At least 100 North Koreans have died", "died"),
        ("at least 50 KN-23 and KN-24 missiles", "missiles"),
        ("some 90 M1978 170mm self-propelled guns", "self-propelled guns"),  # a model glued to its digits
        ("deaths at around 300", "deaths"),
        ("seven Ukrainian regions", "regions"),
        ("the toll rose to 3,700 killed or wounded", "killed or wounded"),  # the whole predicate
        ("Officials counted 3,700 killed and wounded.", "killed and wounded"),
        ("Losses reached over 3,000 by then.", "losses"),  # a sentence's capitalized first word
        ("Casualties numbered 3,000.", "casualties"),
        ("They saw 3,000 dead", "dead"),
        ("the 12,000 North Koreans deployed to Kursk", "north koreans"),  # a plural demonym is the head
        ("about 3,000 Americans caught in Iraq", "americans"),
        ("At least 50,000 U.S. troops are expected", "troops"),  # dotted initials end no sentence
        ("some 300 U.N. peacekeepers", "peacekeepers"),
        ("a group led by three of the company's directors", "directors"),  # past the possessive
        ("it received more than eight thousand reports of hate crimes", "reports"),
        ("a force of 500 near the border", "force"),  # a preposition ends the phrase
        ("sold 3.2 million of its shares", "shares"),  # "of its" leads to a noun, "of them" does not
        ("The blasts injured more than 5,500.", "injured"),  # no noun: the verb of harm before it
        ("Ukraine said it had captured two.", "captured"),
        ("requested dlrs 50 million", "USD"),  # wire copy's dollars
        ("the three central and eastern European countries", "central and eastern european countries"),
        ("two military and civilian officials", "military and civilian officials"),
        ("casualties had reached around 4,700", "casualties"),  # past the auxiliary to the noun
        ("provided about 220 units of self-propelled howitzers", "self-propelled howitzers"),
        ("30 units were deployed", "units"),  # a classifier counts what follows "of", if anything
        ("1,534,600 Dataproducts common shares", "common shares"),  # a name before its head noun
        ("20 Iskanders missiles", "missiles"),
        ("three captured tanks", "captured tanks"),  # a participle before its noun modifies it
        ("five wounded civilians", "wounded civilians"),
        ("2,000 North Korean infantry and artillery crews", "infantry"),  # "and" joins adjectives only
        ("At least seven were reported dead.", "dead"),
        ("more than 6,800 servicemen spread across the region", "servicemen"),  # plurals in -men
        ("ten specimen jars", "specimen jars"),
        ("Losses reached up to 3,684 late last year", "losses"),
    ],
)
def test_counted_noun(text: str, unit: str) -> None:
    assert one(text).unit == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("losses exceeding 4,000", "losses"),  # a bound links the figure to the noun before it
        ("casualties estimated at over 3,000", "casualties"),
        ("Losses reached about 3,000.", "losses"),  # so does a verb of amounting
        ("It holds about 4.2 million.", None),  # an approximation alone does not
        ("it received more than 3,000.", None),
        # a toll counts the casualties (a death toll the deaths), whatever verb links it
        ("the toll has risen to 12, officials said", "casualties"),
    ],
)
def test_counted_noun_before_the_figure(text: str, unit: str | None) -> None:
    assert one(text).unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "Paris estimated 3,000.",  # who estimates is not what is counted
        "Kim reached 3,000.",
        "He lost 5.",
        "took 30 in the race",
        "the count reached over 3,000 earlier",  # a time word is no counted noun
        "a total of 3,000 later",
    ],
)
def test_no_counted_noun(text: str) -> None:
    assert one(text).unit is None


def test_counted_noun_span_points_into_the_text() -> None:
    text = "Casualties rose: over 3,000 have been killed or injured."
    q = one(text)
    assert q.unit_start is not None and q.unit_end is not None
    assert text[q.unit_start : q.unit_end] == "killed or injured"


# --- exclusions ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "in 2024 the war went on",
        "since 2022",
        "the 2024 election",
        "Article 45 of the Geneva Convention",
        "U.N. Security Council Resolution 1874",
        "the panel of Committee 1718",
        "Resolutions 1718 and 2397",
        "a KN-23 missile and an IL-76 aircraft",
        "6136f5c3-0520-4ff1-a169-743ef41a7a3a",
        "call +1-222-2222-2222 now",
        "on 5/17/2018 at 10:30",
        "at 2 pm",
        "on March 29, 2024",
        "on 28 October",
        "the 20th",
        "the twenty-first century",
        "two-thirds of them",
        "voted 13-0 in favor",
        "The 15-nation council",
        "The one you mentioned",
        "Kim Jong Un met Putin",
        "Ri (27) and Paek (22)",
        "http://example.com/page?id=305&x=20%",
        "a two-year period",
        "the 1990s",
        "BC-NATO 03-12 0677",
        "January nineteen ninety-seven",
        "a Boeing 737 landed",
        "The defector, 29, said so",
        "1 in 3 shells are duds",
        "one expert said",
        "The panel voted 140 to 5",
    ],
)
def test_not_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_mixed_fraction() -> None:
    q = one("refugee camps for 2 1/2 years")
    assert (q.low, q.unit, q.text) == (2.5, "years", "2 1/2 years")


def test_month_then_count_is_a_count() -> None:
    assert [q.low for q in find_quantities("In January 3,000 troops arrived")] == [3000]


def test_one_with_a_qualifier_or_range_is_a_figure() -> None:
    assert [(q.low, q.high) for q in find_quantities("at least one soldier was killed")] == [(1, None)]
    assert [(q.low, q.high) for q in find_quantities("one or two soldiers")] == [(1, 2)]


def test_one_of_is_not_a_figure() -> None:
    assert [q.low for q in find_quantities("One of the soldiers said so")] == []


def test_number_alone_on_its_line_is_metadata() -> None:
    assert find_quantities("Title\n\n0\nid\n\nThe body has 3 soldiers.") == [
        q for q in find_quantities("Title\n\n0\nid\n\nThe body has 3 soldiers.") if q.low == 3
    ]
    assert [q.low for q in find_quantities("Title\n\n0\nid\n\nThe body has 3 soldiers.")] == [3]


def test_list_numbering_is_not_a_figure() -> None:
    assert [q.low for q in find_quantities("Items:\n1. 300 troops\n2. 40 tanks")] == [300, 40]


def test_times_claim_their_numbers() -> None:
    text = "North Korea sent 3,000 troops in 2024 within three months"
    times = [TimeExpr("three months", text.index("three"), text.index("three") + 12, "DURATION", "P3M")]
    assert [q.low for q in find_quantities(text, times)] == [3000]


# --- the seed --------------------------------------------------------------------------------------


def _seed() -> tuple[str, list[Quantity]]:
    text = SEED.read_text("utf-8")
    return text, find_quantities(text)


def test_seed_figures() -> None:
    text, found = _seed()
    by_text = {q.text: q for q in found}
    q = by_text["between 10,000 to 12,000"]
    assert (q.low, q.high, q.unit) == (10000, 12000, "troops")
    q = by_text["over 3,000"]
    assert (q.low, q.high, q.qualifier, q.unit) == (3000, None, "over", "killed or injured")
    q = by_text["approximately 40%"]
    assert (q.low, q.high, q.percent, q.qualifier) == (40, 40, True, "approximately")
    q = by_text["3,500"]
    assert (q.low, q.high, q.unit) == (3500, 3500, "soldiers")
    q = by_text["around $540 million"]
    assert (q.low, q.high, q.currency) == (540e6, 540e6, "USD")
    twos = [q for q in found if q.text == "two"]
    assert twos and all((q.low, q.high) == (2, 2) for q in twos)
    assert any("captured" in (q.unit or "") or q.unit == "prisoners" for q in twos)
    for q in found:
        assert text[q.start : q.end] == q.text


def test_seed_non_figures() -> None:
    _, found = _seed()
    lows = {q.low for q in found} | {q.high for q in found}
    for value in (45, 1874, 0, 2023, 2024, 2025, 6136, 520):
        assert value not in lows


# --- shortcuts ------------------------------------------------------------------------------------
# The engine takes shortcuts for the common cases (two scanners, fast paths for lone numbers and the
# commonest chunks, possessive blanks, cheap word look-ups); each must read what the rules read.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three hundred troops crossed.", [("Three hundred", 300, 300, "troops")]),  # opens the text
        ("(two soldiers) and [three tanks]", [("two", 2, 2, "soldiers"), ("three", 3, 3, "tanks")]),
        ("Threefold rise", [("Threefold", 3, 3, "times")]),
        ("Dozens fled.", [("Dozens", 24, 99, None)]),
        ("about \u0663\u0660\u0660 soldiers", [("about \u0663\u0660\u0660", 300, 300, "soldiers")]),
        ("It fell .5 percent.", [(".5 percent", 0.5, 0.5, "percent")]),
    ],
)
def test_scanners_find_words_digits_and_points(
    text: str, expected: list[tuple[str, float, float, str | None]]
) -> None:
    assert [(q.text, q.low, q.high, q.unit) for q in find_quantities(text)] == expected


def test_long_runs_of_blanks_after_a_number() -> None:
    # a document's empty lines after a number: read at once, with the same figures
    q = one("Over 3,000" + "\n" * 5000 + "troops")
    assert (q.text, q.low, q.high, q.qualifier) == ("Over 3,000", 3000, None, "over")
    assert values("between 10" + " " * 2000 + "and 20") == [(10, 20)]
    assert values("5 million" + " " * 3000 + "and") == [(5e6, 5e6)]
    assert find_quantities("1998-08-07" + "\n" * 3000) == []
    assert find_quantities("13\n\n\n\n-" + "\n" * 2000) == []


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("540 million", [(540e6, 0, 11, None)]),
        ("0 million", [(0, 0, 1, "0")]),  # no scaled zero: the grammar's rule, kept by the shortcut
        ("13-0", [(13, 0, 2, "13"), (0, 3, 4, "0")]),
        ("1,000-3,000", [(1000, 0, 5, "1,000"), (3000, 6, 11, "3,000")]),
        ("2005 and 2007", [(2005, 0, 4, "2005"), (2007, 9, 13, "2007")]),
        ("3 million 152", [(3e6, 0, 9, None), (152, 10, 13, "152")]),
        ("\u0663\u0660\u0660", [(300, 0, 3, "\u0663\u0660\u0660")]),
    ],
)
def test_chunk_shortcuts(text: str, numbers: list[tuple[float, int, int, str | None]]) -> None:
    assert [(n.value, n.start, n.end, n.digits) for n in find_numbers(text)] == numbers


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("about 300", 6), [("about", 0, 5)]),
        (
            ("some of the\nmore than 300", 22),
            [("some", 0, 4), ("of", 5, 7), ("the", 8, 11), ("more", 12, 16), ("than", 17, 21)],
        ),
        (("a b\tc d", 7, 2), [("c", 4, 5), ("d", 6, 7)]),
        (("x\xa0y z", 5), [("x\xa0y", 0, 3), ("z", 4, 5)]),  # only space, newline and tab split words
        (("a\r\nb c", 6), [("a", 0, 1), ("b", 3, 4), ("c", 5, 6)]),
        (("word1 word2 word3", 17, 8, 9), [("word3", 12, 17)]),  # "rd2" is cut by the window: left out
        (("word1 Word2 word3", 17, 8, 14), [("word2", 6, 11), ("word3", 12, 17)]),
    ],
)
def test_tail_words(args: tuple, words: list[tuple[str, int, int]]) -> None:
    assert tail_words(*args) == words


def test_last_word() -> None:
    assert last_word("Article\t45", 8) == "article"
    assert last_word("x  \t 5", 5) == "x"
    assert last_word("over\n300", 5) == ""  # a line break is no blank to skip


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "qualifier"),
    [
        ("in the region of 300 troops", "in the region of 300", 300, 300, "approximately"),
        ("greater than or equal to 10 tanks", "greater than or equal to 10", 10, None, "at least"),
        ("no fewer than 5 ships", "no fewer than 5", 5, None, "at least"),
        ("just shy of 40 percent", "just shy of 40 percent", 40, 40, "nearly"),
        ("one of the 30 ships", "30", 30, 30, None),  # "of" ends qualifiers, but not this one
    ],
)
def test_qualifiers_found_by_their_last_word(
    text: str, span: str, low: float | None, high: float | None, qualifier: str
) -> None:
    q = one(text)
    assert (q.text, q.low, q.high, q.qualifier) == (span, low, high, qualifier)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("usd 30", 30, "USD"),
        ("MUSD 30", 30e6, "USD"),
        ("CHF 20", 20, "CHF"),
        ("\u20a9500", 500, "KRW"),
        ("UAH 1,850", 1850, "UAH"),  # the hryvnia's code, as UN and Ukrainian reports write it
        ("1,850 UAH", 1850, "UAH"),
    ],
)
def test_currency_prefix_endings(text: str, amount: float, currency: str) -> None:
    q = one(text)
    assert (q.text, q.low, q.currency) == (text, amount, currency)


def test_identifier_chain_and_rounding() -> None:
    q = one("Resolutions 1718 and 2397 bar 300 workers")
    assert (q.text, q.low, q.unit) == ("300", 300, "workers")
    assert values("1.1 million") == [(1100000.0, 1100000.0)]  # 1.1 * 1e6 has binary noise, rounded away
    assert values("2.5 dollars and 7 dollars") == [(2.5, 2.5), (7, 7)]


# --- properties ------------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [
        *"0123456789 ,.-–$%€£₩/:()+'\"\nabcdeflmnorstuvwxyzKMB",
        *("one ", "two ", "hundred ", "thousand ", "million ", " to ", " and ", "between ", "over "),
        *("up to ", "about ", "dozens ", "hundreds of ", "percent ", " won", " troops", "-year-old"),
        *("Article ", "times "),
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_any_text_gives_valid_figures(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        assert q.low is not None or q.high is not None
        if q.unit_start is not None:
            assert q.unit_end is not None and 0 <= q.unit_start < q.unit_end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text


def test_rows_built_directly_stay_frozen_dataclasses() -> None:
    # model._direct_init replaces the generated __init__: same parameters, defaults and behavior
    q = Quantity("about 300", 4, 13, 300.0, 300.0, qualifier="approximately", unit="troops")
    assert q == Quantity(
        text="about 300", start=4, end=13, low=300.0, high=300.0, qualifier="approximately", unit="troops"
    )
    assert (q.currency, q.percent, q.unit_start, q.unit_end) == (None, False, None, None)
    assert hash(q) == hash(Quantity("about 300", 4, 13, 300.0, 300.0, "approximately", "troops"))
    assert dataclasses.replace(q, low=200.0).low == 200.0
    assert repr(TimeExpr("May 2024", 3, 11, "DATE", "2024-05")) == (
        "TimeExpr(text='May 2024', start=3, end=11, type='DATE', value='2024-05', mod=None, "
        "earliest=None, latest=None, precision=None, signal=None)"
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.low = 1.0  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'high'"):
        Quantity("300", 0, 3, 300.0)  # type: ignore[call-arg]


# --- the cheap paths give what the general ones give -------------------------------------------


def test_shadow_candidates_exact() -> None:
    text = "Two troops, TWO tanks; twofold (3,000) .5 and 7.25 x9 hundreds\u2014Thousands \u00e9two one"
    expected = [
        (0, 3, "Two"),
        (23, 30, "twofold"),
        (32, 33, "3"),
        (34, 35, "0"),
        (39, 41, ".5"),
        (46, 47, "7"),
        (52, 53, "9"),
        (54, 62, "hundreds"),
        (63, 72, "Thousands"),
        (78, 81, "one"),
    ]
    assert shadow_candidates(text, tables()) == expected
    assert scanned_candidates(text, 0, len(text)) == expected


def test_shadow_candidates_leave_other_digits_to_the_scanners() -> None:
    text = "\u0663 troops and 5"  # an Arabic-Indic three: the byte shadow cannot see it
    assert shadow_candidates(text, tables()) is None
    assert candidates(text) == [(0, 1, "\u0663"), (13, 14, "5")]
    crowded = "\u00e9" * 300 + " 5"  # many non-ASCII characters: the scanners are cheaper
    assert shadow_candidates(crowded, tables()) is None
    assert candidates(crowded) == [(301, 302, "5")]
    quoted = "the \u201c3,000\u201d troops and " * 300  # 600 curly quotes, 1 character in 12
    found = shadow_candidates(quoted, tables())
    assert found is not None and len(found) == 600
    assert found[:2] == [(5, 6, "3"), (7, 8, "0")]
    assert found == scanned_candidates(quoted, 0, len(quoted))


_SHADOW_ALPHABET = [
    *"0123456789.., -_aAtTwWoOsS?!\n\t\u00a0\u2019\u201c\u00e9\u0663\u00b2\u017f",
    *("two", "Two", "TWO", "ten", "fold", "hundreds", "Million", "mIllion", "few", "scores", "nineteen"),
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SHADOW_ALPHABET), max_size=40))
def test_shadow_candidates_are_the_scanners(parts: list[str]) -> None:
    text = "".join(parts)
    found = shadow_candidates(text, tables())
    if found is not None:
        assert found == scanned_candidates(text, 0, len(text))


def test_time_ends_only_where_no_chunk_can_leave() -> None:
    text = "Since 2024, 5 million fled; by March 5 2,000 had left. In 1998-99 and 7."
    spans = [(6, 10), (12, 13), (29, 36), (58, 65)]  # "2024" "5" "y March" "1998-99"
    # ", " ends a chunk; " million", " 2,000" and " and" may continue one
    assert recognize._time_ends(text, spans, recognize.patterns()) == [(6, 10)]
    # overlapping times: nothing is skipped
    assert recognize._time_ends(text, [(6, 12), (11, 13)], recognize.patterns()) == []


def test_digits_inside_times_are_blocked_with_or_without_skipping(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "On 5 June 2024, 3,000 troops left; in 2023 5 million people and 12 ships."
    times = [
        TimeExpr("5 June 2024", 3, 14, "DATE", "2024-06-05"),
        TimeExpr("2023", 38, 42, "DATE", "2023"),
    ]
    skipped = find_quantities(text, times)
    assert [(q.text, q.low, q.unit) for q in skipped] == [
        ("3,000", 3000.0, "troops"),
        ("5 million", 5000000.0, "people"),
        ("12", 12.0, "ships"),
    ]
    monkeypatch.setattr(recognize, "_time_ends", lambda text, spans, p: [])
    assert find_quantities(text, times) == skipped


_TIME_PARTS = ["5", "2,000", "1998-99", " ", ", ", ". ", " million", " and ", "-", " troops", "March ", "7.5"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TIME_PARTS), min_size=1, max_size=12), st.data())
def test_time_skipping_changes_nothing(parts: list[str], data: st.DataObject) -> None:
    text = "".join(parts)
    # disjoint times laid over runs of the text
    bounds = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=6))))
    times = [
        TimeExpr(text[a:b], a, b, "DATE", "XXXX")
        for a, b in zip(bounds[::2], bounds[1::2], strict=False)
        if a < b
    ]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(recognize, "_time_ends", lambda text, spans, p: [])
        plain = find_quantities(text, times)
    assert find_quantities(text, times) == plain


@pytest.mark.parametrize(
    ("text", "start", "limit", "stop"),
    [
        ("3,000 troops. Then", 0, 18, 12),
        ("3.5 troops!x? y", 0, 15, 12),  # a stop that no blank follows is no stop
        ("troops;", 0, 7, 6),  # the limit counts as a blank
        ("a.b; c. d", 0, 9, 3),
        ("no stop here", 0, 12, -1),
        ("ab.\ncd", 0, 6, 2),
        ("ab. cd", 3, 6, -1),
    ],
)
def test_sentence_stop(text: str, start: int, limit: int, stop: int) -> None:
    assert _sentence_stop(text, start, limit) == stop


_STOP_REGEX = re.compile(r"[.;!?\n](?:\s|$)")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab .;!?\n\t\u00a0\x1c", max_size=16), st.data())
def test_sentence_stop_is_the_regex(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    limit = data.draw(st.integers(start, len(text)))
    m = _STOP_REGEX.search(text, start, limit)
    assert _sentence_stop(text, start, limit) == (m.start() if m else -1)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x85\u00a0\u2028\u3000aB\u0130\u1e9ex.", max_size=14))
def test_normalize_is_the_regex(phrase: str) -> None:
    expected = re.sub(r"\s+", " ", phrase.strip().lower())
    assert _normalize(phrase) == expected
    assert recognize._norm(phrase) == expected


def test_suffix_starts_rule_out_only_what_cannot_match() -> None:
    p = recognize.patterns()
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for a in letters:
        for b in letters:
            for rest in ("", "s", " ", ".", "x"):
                text = f" {a}{b}{rest}"
                if p.suffix.match(text, 0):
                    assert (a + b).lower() in p.suffix_starts, text
                if p.measure_cs.match(text, 0):
                    assert a + b in p.measure_cs_starts, text
    assert recognize._starts(["km", "%", "per cent"], fold=True) == frozenset({"km", "%", "pe"})
    assert len(recognize._starts([" km"], fold=True)) == 52 * 52  # a blank first: nothing ruled out


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("5 km of road", "km"),
        ("40 percent of voters", "percent"),
        ("3 Mt of coal", "megatons"),
        ("12 times more", "times"),
        ("2,000 troops", "troops"),
        ("3 million 152 mm shells", "shells"),
        ("6,000 of the soldiers", "soldiers"),
    ],
)
def test_units_after_one_space(text: str, unit: str) -> None:
    assert find_quantities(text)[0].unit == unit


def test_blocked_by_disjoint_and_overlapping_times() -> None:
    text = "In 2024 and 2025, 3,000 troops; 7 June 2023 x"
    disjoint = [TimeExpr("2024", 3, 7, "DATE", "2024"), TimeExpr("2025", 12, 16, "DATE", "2025")]
    blocked = recognize._Blocked(text, disjoint)
    assert blocked.disjoint
    assert [blocked(3, 7), blocked(12, 16), blocked(6, 13), blocked(18, 23), blocked(8, 11)] == [
        True,
        True,
        True,
        False,
        False,
    ]
    overlapping = [TimeExpr("2024 and 2025", 3, 16, "DATE", "2024"), TimeExpr("2025", 12, 16, "DATE", "2025")]
    blocked = recognize._Blocked(text, overlapping)
    assert not blocked.disjoint
    assert [blocked(8, 11), blocked(18, 23)] == [True, False]


# --- Classes from real news copy -----------------------------------------------------------------


def test_a_model_designator_is_no_scale_letter() -> None:
    found = find_quantities("It sent at least 120 M-1991 240mm multiple rocket launchers.")
    assert [(q.text, q.low, q.high, q.unit) for q in found] == [
        ("at least 120", 120, None, "multiple rocket launchers"),
    ]
    assert [(q.text, q.low) for q in find_quantities("raised $5 M in cash")] == [("$5 M", 5_000_000)]


@pytest.mark.parametrize(
    "text",
    [
        "Allies should (1) rebuild a panel; (2) widen sanctions; and (3) prepare the public.",
        "The plan calls for (1) inspections and (2) reporting.",
    ],
)
def test_run_in_list_numbers_are_no_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_note_marks_in_square_brackets_are_no_figures() -> None:
    text = (
        "Pyongyang shipped 28,000 containers.[3] By comparison, the EU sent 1 million rounds.[4]\n\n"
        "[3] NIS briefing to lawmakers, 4 September 2025.\n[12] Interview, Kyiv."
    )
    assert [(q.text, q.unit) for q in find_quantities(text)] == [
        ("28,000", "containers"),
        ("1 million", "rounds"),
    ]
    # an editor's insertion into a quote is a figure
    assert [q.low for q in find_quantities('"They sent [3,000] more," he said.')] == [3000]


def test_a_lone_number_in_parentheses_stays_a_figure() -> None:
    assert [q.low for q in find_quantities("The team counted (3) shells.")] == [3]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count that leaves out its noun counts what the count before it in the sentence named.
        ("Air defences downed 30 drones, and 14 were lost to jamming.", [("30", "drones"), ("14", "drones")]),
        (
            "It sent 11,000 troops in October, followed by about 3,000 more in January.",
            [("11,000", "troops"), ("about 3,000", "troops")],
        ),
        (
            "Roughly 10,000 soldiers went east and about 8,000 of them moved to the border.",
            [("Roughly 10,000", "soldiers"), ("about 8,000", "soldiers")],
        ),
        (
            "Losses reached roughly 4,700 by March, and some 6,000 by September.",
            [("roughly 4,700", "losses"), ("some 6,000", "losses")],
        ),
        # "of these" with a noun after it names the count's own noun
        (
            "Police opened 190 probes into the deaths. About 60 of these investigations were closed.",
            [("190", "probes"), ("About 60", "investigations")],
        ),
        # Not after a preposition: "at 14 sites" names its own noun; money never borrows one.
        ("It fired 30 missiles at 14 cities.", [("30", "missiles"), ("14", "cities")]),
        ("It sent 30 engineers and $2 million.", [("30", "engineers"), ("$2 million", "USD")]),
    ],
)
def test_an_elided_noun_comes_from_the_count_before(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The base of a comparison leaves out the noun it compares.
        (
            "Images showed at least 70 railcars at the depot, up from about 30 in May.",
            [("at least 70", "railcars"), ("about 30", "railcars")],
        ),
        (
            "Officials counted 9,000 troops, up from the 6,500 reported in March.",
            [("9,000", "troops"), ("6,500", "troops")],
        ),
        (
            "A second wave of 2,000 troops arrived, bringing the total to about 13,000.",
            [("2,000", "troops"), ("about 13,000", "troops")],
        ),
        (
            "Analysts counted 95 wagons in the yard, twice the average of some 45 last year.",
            [("95", "wagons"), ("twice", "times"), ("some 45", "wagons")],  # (the multiple between)
        ),
        (
            "About 70 buses a day now cross, compared with only 12 in May.",
            [("About 70", "buses per day"), ("12", "buses per day")],  # the base shares the rate
        ),
        # A part of a whole counts what the whole counts.
        (
            "Roughly 4,000 of the 12,000 engineers have arrived.",
            [("Roughly 4,000", "engineers"), ("12,000", "engineers")],
        ),
        (
            "It sent 3,000 more soldiers, on top of about 11,000 sent last year.",
            [("3,000", "soldiers"), ("about 11,000", "soldiers")],
        ),
        # "up from" reaches past a long clause
        (
            "About 1,200 Russians toured the country in the first half, according to the agency that "
            "organises nearly all of the trips from Vladivostok, up from fewer than 800 a year before.",
            [("About 1,200", "russians"), ("fewer than 800", "russians")],
        ),
        # A count that names its own noun keeps it.
        ("The unit moved from 20 sites to 40.", [("20", "sites"), ("40", "sites")]),
        ("It sent 30 engineers and moved from 20 sites.", [("30", "engineers"), ("20", "sites")]),
    ],
)
def test_a_comparison_base_and_a_part_count_what_the_other_count_names(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(q.text, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials said at least 300 were killed and 2,700 wounded.",
            [(300, None, "at least", "killed"), (2700, None, "at least", "wounded")],
        ),
        (
            "Seoul put the toll at about 300 killed and 2,700 wounded.",
            [(300, 300, "approximately", "killed"), (2700, 2700, "approximately", "wounded")],
        ),
        # Each count keeps its own qualifier, and counts of other things keep none.
        (
            "At least 100 were killed and about 1,000 wounded.",
            [(100, None, "at least", "killed"), (1000, 1000, "approximately", "wounded")],
        ),
        (
            "It sent about 11,000 troops and 200 tanks.",
            [(11000, 11000, "approximately", "troops"), (200, 200, None, "tanks")],
        ),
    ],
)
def test_a_qualifier_bounds_both_casualty_counts_of_a_pair(
    text: str, expected: list[tuple[float, float | None, str | None, str]]
) -> None:
    assert [(q.low, q.high, q.qualifier, q.unit) for q in find_quantities(text)] == expected


def test_a_passive_estimate_links_the_noun_before() -> None:
    assert [(q.text, q.unit) for q in find_quantities("Casualties are estimated at around 6,000.")] == [
        ("around 6,000", "casualties")
    ]
    assert [q.unit for q in find_quantities("Athens estimated 3,000.")] == [None]


def test_the_last_word_of_the_sentence_before_is_no_cue() -> None:
    text = "Hundreds were wounded.\n\nTwo North Korean prisoners of war remain in custody."
    two = find_quantities(text)[-1]
    assert (two.text, two.unit, text[two.unit_start : two.unit_end]) == (
        "Two",
        "prisoners",
        "North Korean prisoners",
    )


@pytest.mark.parametrize(
    "text",
    ["Kim Jung-soo, 64, served as chairman.", "It is day 994 of the invasion.", "Day 1,000 of the war came."],
)
def test_ages_after_hyphenated_names_and_day_numbers_are_no_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_a_day_before_a_count_without_of_is_no_day_number() -> None:
    assert [(q.text, q.unit) for q in find_quantities("Every day 10,000 shells are fired.")] == [
        ("10,000", "shells")
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a twelvefold increase", 12),
        ("a fifteenfold rise", 15),
        ("a fortyfold jump", 40),
        ("a ninefold rise", 9),
    ],
)
def test_fold_multipliers_past_ten(text: str, value: float) -> None:
    assert [(q.low, q.unit) for q in find_quantities(text)] == [(value, "times")]


def test_of_them_after_a_count_borrows_the_noun_before() -> None:
    text = "Officials said 10,000 troops had gone east and that about 8,000 of them had moved to the border."
    assert [(q.text, q.unit) for q in find_quantities(text)] == [
        ("10,000", "troops"),
        ("about 8,000", "troops"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It had sent roughly 100 to 150 such missiles by then.", [("roughly 100 to 150", "missiles")]),
        (
            "It sent 6,000 engineers, of whom about 1,000 had already arrived.",
            [("6,000", "engineers"), ("about 1,000", "engineers")],
        ),
    ],
)
def test_such_before_the_noun_and_of_whom_before_the_count(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(q.text, q.unit) for q in find_quantities(text)] == expected


# --- Real-news round 2 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a ship's registry number in a sanctions notice names the ship
        "OFAC designated the cargo vessel ANGARA (IMO 9179842) and the tanker MARIA (IMO: 9307437).",
        "The tanker (MMSI 273345000) was seen off Nakhodka.",
        # the pair a story is about, named again, is no count
        "a mutual defence treaty the two countries signed last year",
        "The two sides discussed the further expansion of cooperation.",
        # past one modifier, and the three parties of a trilateral story
        "The war has drawn the two isolated states closer.",
        "The three countries will hold their next drill in June.",
        # the places a report covers, named again
        "Aid convoys reached the three provinces on Monday.",
        # a wire update's note and a UN document symbol
        "(Adds details from the briefing in paragraphs 3-5, Kremlin comment in paragraph 8)",
        "Security Council Meeting Coverage: SC/15990",
        "The panel's report, S/2024/215, was leaked.",
        # the second of two model names after a slash
        "Russia fired KN-23/24s at Kharkiv.",
        "The S-300/400 batteries moved north.",
    ],
)
def test_names_that_are_not_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_a_count_of_two_is_still_a_figure() -> None:
    assert [q.low for q in find_quantities("The three soldiers were captured.")] == [3]
    # a slash between plain numbers is no model name
    assert values("Some 24/7 shifts ran at 300 plants.") == [(300, 300)]
    assert values("Two countries sent 300 troops each.") == [(2, 2), (300, 300)]
    assert one("Ukraine captured the two soldiers on Jan. 9.").low == 2


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("If you add the wounded you get somewhere north of 6,000.", "somewhere north of 6,000"),
        ("The deal is worth north of $1 billion.", "north of $1 billion"),
    ],
)
def test_north_of_is_a_lower_bound(text: str, span: str) -> None:
    figure = one(text)
    assert (figure.text, figure.high, figure.qualifier) == (span, None, "over")


@pytest.mark.parametrize(
    ("text", "low", "unit"),
    [
        # a glued "m" before a plural count noun is millions, as The Economist writes them
        ("Its exports may total 12m rounds since 2023.", 12_000_000, "rounds"),
        ("The army, at 1.2m men, is one of the largest.", 1_200_000, "men"),
        ("The country has 26m people.", 26_000_000, "people"),
        # before a singular noun or an adjective it is metres
        ("A 12m wall stands there.", 12, "m"),
        ("The new tower is 10m taller.", 10, "m"),  # ("10m high" is a size: no figure)
    ],
)
def test_a_glued_m_before_a_plural_noun_is_millions(text: str, low: float, unit: str) -> None:
    assert [(q.low, q.unit) for q in find_quantities(text)] == [(low, unit)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time word after a count is no noun: the verb before tells what is counted
        ("The strike killed four people and wounded 23 overnight.", [("four", "people"), ("23", "wounded")]),
        ("Russia launched 96 drones overnight.", [("96", "drones")]),
    ],
)
def test_a_time_word_after_a_count_is_no_noun(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.unit) for q in find_quantities(text)] == expected


def test_one_per_cent_of_something_is_a_figure() -> None:
    """ "one of the ..." names a member of a group; "1 per cent of its trade" is a share."""
    assert [(q.text, q.unit) for q in find_quantities("It was less than 1 per cent of its trade.")] == [
        ("less than 1 per cent", "percent")
    ]
    assert find_quantities("It is one of the largest.") == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # "holding" people is keeping them captive; holding things is containing them
        ("Kyiv held 300 soldiers.", "soldiers captured"),
        ("The depot was holding 300 tanks.", "tanks"),
        ("It shipped containers holding as many as 12 million shells.", "shells"),
    ],
)
def test_holding_things_is_no_capture(text: str, unit: str) -> None:
    assert [q.unit for q in find_quantities(text)] == [unit]


# --- Real-news round 4: threads, contact lines and spans of time -------------------------------------


def test_a_posts_number_in_a_thread_is_no_figure() -> None:
    text = "Thread by an analyst\n1/ Footage shows 3 missiles hit.\n2/12 Debris of 14 drones.\n12/12 Thanks."
    assert [(q.text, q.unit) for q in find_quantities(text)] == [("3", "missiles"), ("14", "drones")]
    # mid-line, a slash is no post number
    assert [q.text for q in find_quantities("the ratio was 1/ 4 of it")] != []


def test_a_telephone_number_is_no_figure() -> None:
    text = "Press office\nAnna Berg\n+44 20 7946 0958 / +49 30 1234 567\nIt listed 41 vessels."
    assert [(q.text, q.unit) for q in find_quantities(text)] == [("41", "vessels")]
    # a sign before a short number is no telephone number
    assert [q.text for q in find_quantities("exports rose +12% to 300 tonnes")] == ["12%", "300 tonnes"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a verb of change links the noun before it to its new level, as "reached" does
        ("The number of defections dropped to 196 that year.", "defections"),
        ("Arrivals fell to 410.", "arrivals"),
        # "held" of a container: contained, not taken prisoner
        ("The crates held as many as 4 million rounds.", "rounds"),
        # a noun counted and then captured: the noun, captured
        ("Three Russian pilots captured near Kursk were exchanged.", "pilots captured"),
    ],
)
def test_units_around_verbs(text: str, unit: str) -> None:
    assert find_quantities(text)[0].unit == unit


def test_closer_to_is_a_qualifier() -> None:
    q = one("the toll was closer to 7,000")
    assert (q.text, q.low, q.high, q.qualifier) == ("closer to 7,000", 7000, 7000, "approximately")


def test_of_them_takes_the_noun_of_the_count_in_the_sentence_before() -> None:
    text = "Some 4,200 Russian sailors landed in May. Of them, 310 stayed on as instructors."
    assert [(q.text, q.unit) for q in find_quantities(text)] == [
        ("Some 4,200", "sailors"),
        ("310", "sailors"),
    ]
    text = "The air force counted 85 drones overnight. It downed 70 of them."
    assert [(q.text, q.unit) for q in find_quantities(text)][-1] == ("70", "drones")
    # a multiplier names no noun; two sentences back or another line is too far
    text = "Some 4,200 sailors landed, five times the number in 2023. Of them, 310 stayed on."
    assert [(q.text, q.unit) for q in find_quantities(text)][-1] == ("310", "sailors")
    text = "Some 4,200 sailors landed.\nOf them, 310 stayed on."
    assert [(q.text, q.unit) for q in find_quantities(text)][-1] == ("310", None)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("It sent 2,000 engineers in June, and hundreds more came in July.", "engineers"),
        ("They advanced in teams of 10 to 15 men.", "men"),
        ("Of the 900 residents, fewer than 90 remain.", "residents"),
        ("Of them, 640 arrived on work visas.", None),
        ("Tourists came back: 900 visited Rason port.", None),  # a verb and its object, a name
        ("It fielded 300 trained North Korean gunners.", "trained north korean gunners"),
        ("Some 15,000 deployed.", "deployed"),
        ("Some 15,000 deployed to the front.", "deployed"),  # what became of them stays the unit
        ("By May the sailors, some 2,500 of them, had landed.", "sailors"),  # the noun set beside it
        ("It counted 40 trucks, and by noon there were 55.", "trucks"),
        ("The number of Chinese students who enrolled in Russia reached 900.", "students"),
        ("The yard held 12 KN-23/KN-24 missiles.", "missiles"),
        ("It counted 60 trucks, up from an average of about 25 last year.", "trucks"),
        ("Flights reached a peak of 40.", None),
        ('It trained 2,000 cadets, and an officer said "another 500 or so" would join.', "cadets"),
    ],
)
def test_counts_with_a_noun_told_elsewhere(text: str, unit: str | None) -> None:
    assert find_quantities(text)[-1].unit == unit


def test_a_part_of_a_whole_with_a_possessive_and_a_qualifier() -> None:
    found = find_quantities("Crews finished 4 of the line's roughly 30 bridges.")
    assert [(q.text, q.unit) for q in found] == [("4", "bridges"), ("roughly 30", "bridges")]


def test_a_day_label_is_no_figure() -> None:
    assert find_quantities("War in Ukraine: Day 912 - live updates") == []
    assert [q.text for q in find_quantities("each day 400 shells are fired")] == ["400"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a headline's present tense of a verb of harm names what is counted, as its past does
        ("Russian drones kill at least 6 in Sumy", "killed"),
        ("Missile strike injures more than 30", "injured"),
        ("Shelling killed 5 in Kherson", "killed"),
    ],
)
def test_a_verb_of_harm_in_the_present(text: str, unit: str) -> None:
    assert find_quantities(text)[0].unit == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("- Chinese visitors: 800 came in August.", "chinese visitors"),
        ("Our tally of confirmed strikes: 41 (as of May 2).", "confirmed strikes"),
        ("Casualties: 3,000", "casualties"),
        ("The ministry says: 300 died", "died"),  # a quote's number, no label
    ],
)
def test_a_plural_label_and_a_colon_name_the_count(text: str, unit: str) -> None:
    assert find_quantities(text)[0].unit == unit


def test_a_labelled_value_ends_its_line() -> None:
    # a fact sheet's "Label: value" lines: the next line's label counts nothing of this line's value
    text = (
        "Estimated DPRK artillery shells transferred: 12 million+\n"
        "Estimated DPRK missiles transferred: 250 (KN-23/KN-24)\n"
        "Troops deployed: 14,000-15,000\n"
        "Killed or wounded: about 6,000\n"
    )
    found = find_quantities(text)
    assert [(q.low, q.high, q.unit) for q in found[:3]] == [
        (12_000_000, None, "artillery shells"),
        (250, 250, "missiles"),
        (14_000, 15_000, "troops"),
    ]
    # wrapped prose still reads its noun on the next line
    assert one("The ministry said it had sent 12,000\ntroops to the region.").unit == "troops"


def test_a_north_american_phone_number_is_no_figure() -> None:
    assert find_quantities("Contact: Kelsey Davenport, (202) 463-8270 x102") == []
    assert find_quantities("Press office: (212) 555.0142.") == []
    # a parenthesis closing before a count leaves it a count
    assert values("(in 2024) 400 soldiers went") == [(400, 400)]


def test_a_resolutions_number_before_its_committee_is_no_figure() -> None:
    assert find_quantities("the mandate of the 1718 Committee's Panel of Experts") == []
    assert values("Washington imposed 2000 sanctions.") == [(2000, 2000)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a quoted figure, then what it counts
        ('Pyongyang had sent "at least 14,000" soldiers to Russia.', "soldiers"),
        ("It sent “about 1,000” North Korean troops.", "troops"),
        # "-odd" and "-plus" after a count leave its noun what it counts, as "-strong" does
        ("It should track the 300-odd vessels suspected of carrying cargo.", "vessels"),
        ("Russia received 500-plus containers.", "containers"),
    ],
)
def test_a_quote_or_a_count_suffix_between_a_count_and_its_noun(text: str, unit: str) -> None:
    assert find_quantities(text)[0].unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "Putin visits Pyongyang; the two sign the treaty.",
        "The two met in Vladivostok.",
        "The two toasted the deal.",
        "Ukraine holds the two in Kyiv.",
        "Ukraine captured the two, who were wounded.",
    ],
)
def test_the_pair_as_a_pronoun_is_no_figure(text: str) -> None:
    assert find_quantities(text) == []


def test_the_pair_before_its_noun_stays_a_count() -> None:
    assert [q.unit for q in find_quantities("the two armed drones")] == ["armed drones"]
    assert [q.unit for q in find_quantities("the two wounded soldiers")] == ["wounded soldiers"]


@pytest.mark.parametrize(
    "text",
    [
        "By December, the number at the front had reached 11,000.",
        "Deaths in the war reached 300.",
    ],
)
def test_a_place_before_a_verb_of_amounting_is_not_what_is_counted(text: str) -> None:
    assert one(text).unit is None


def test_a_noun_before_a_verb_of_amounting_is_still_counted() -> None:
    assert one("Casualties had reached 4,700.").unit == "casualties"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Troops deployed: 14,000\nKilled or wounded: ~6,000 (U.S. estimate)\n", "killed or wounded"),
        ("Tally\n\nKilled and injured: 300\n", "killed and injured"),
        ("Ships and wounded: 300\n", "wounded"),
    ],
)
def test_a_label_of_two_harms_names_the_count(text: str, unit: str) -> None:
    assert find_quantities(text)[-1].unit == unit


# --- Round 7: figure-dense layouts (sanctions reports, loss lists, trade data) ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Gunners fired 152mm shells and 122 mm rockets.",
        "It lost a 240-mm launcher and two 170mm M-1989 guns.",
        "a 155-millimeter round",
        "Crates held 122mm or 152mm rounds.",  # two calibres joined, no range
    ],
)
def test_a_calibre_is_no_figure(text: str) -> None:
    # the calibre names a kind of gun or round; only the count of them is a figure
    assert [q.text for q in find_quantities(text)] == (["two"] if "two" in text else [])


def test_a_hyphened_size_in_feet_names_a_kind() -> None:
    # "a 40-foot container" is a kind of container, like a calibre; the count passes over it
    found = find_quantities(
        "Trains hauled a 40-foot box and 250 standard 20-ft containers; a drone flew 300 feet."
    )
    assert [(q.text, q.unit) for q in found] == [("250", "standard 20-ft containers"), ("300 feet", "feet")]


def test_the_sides_of_an_area_are_no_figures() -> None:
    found = find_quantities("Thirty men slept in a room of 9 by 6 metres; a 50x30 m shed held 12 trucks.")
    assert [(q.text, q.unit) for q in found] == [("Thirty", "men"), ("12", "trucks")]


def test_photo_links_of_a_loss_list_are_no_figures() -> None:
    text = "- 3 T-62M tanks: (1, destroyed) (2, abandoned) (3, captured)\n- 2 BMP-1: (1, damaged) (2, lost)"
    assert [(q.text, q.unit) for q in find_quantities(text)] == [("3", "tanks"), ("2", "bmp-1")]
    # a count in parentheses with its breakdown stays a count
    found = find_quantities("Tanks (25, of which destroyed: 20, captured: 5)")
    assert [q.low for q in found] == [25, 20, 5]


def test_a_tally_with_the_figure_dash() -> None:
    text = "personnel ‒ about 990,120 (+1,150) persons\ntanks ‒ 10,911 (+7)\nwarships / boats ‒ 28 (+0)"
    found = find_quantities(text)
    assert [(q.text, q.low, q.unit) for q in found] == [
        ("about 990,120", 990120, "personnel"),
        ("10,911", 10911, "tanks"),
        ("28", 28, "warships / boats"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "under Resolutions 1695 (2006), 2087 (2013) and 2321 (2016).",
        "The bill, H.R. 4410, and S.Res. 318 were tabled.",
        "Figures 2-4 on pages 11 to 14 show the data.",
        "Call the press office on 020 7946 0321 or 01632 960 555.",
    ],
)
def test_identifiers_and_national_phone_numbers_are_no_figures(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Plants made 80,000 rounds a week, perhaps 4 million a year.",
            [("80,000", "rounds per week"), ("perhaps 4 million", "rounds per year")],
        ),
        (
            "The navy lost 9 boats in 2023, or about 3 a month, down from 15 the year before.",
            [("9", "boats"), ("about 3", "boats per month"), ("15", "boats")],
        ),
        (
            "Some 8,000 engineers went in May, and a further 2,000 followed in June.",
            [("Some 8,000", "engineers"), ("2,000", "engineers")],
        ),
        # "N more" and "another N" in the sentence after the count that named the noun
        (
            "Britain has listed 31 ships. Canada named 9 more in May; Japan added another 4.",
            [("31", "ships"), ("9", "ships"), ("4", "ships")],
        ),
        # or in the next item of a list
        (
            "* Some 6,000 sappers went first, the ministry said.\n* About 2,500 more followed in March.",
            [("Some 6,000", "sappers"), ("About 2,500", "sappers")],
        ),
    ],
)
def test_a_rate_or_a_restated_count_keeps_the_noun(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.unit) for q in find_quantities(text)] == expected


def test_a_count_before_a_people_s_name_and_an_irregular_plural() -> None:
    found = find_quantities("Up to 60 North Korean servicemen and 25 Russian policemen were seen.")
    assert [(q.text, q.unit) for q in found] == [("Up to 60", "servicemen"), ("25", "policemen")]


def test_a_share_before_a_bare_number_is_no_range() -> None:
    found = find_quantities("The lira lost 3.4% to 41.2 versus the euro; prices rose 10 to 20 percent.")
    assert [(q.text, q.low, q.high, q.unit) for q in found] == [
        ("3.4%", 3.4, 3.4, "percent"),
        ("41.2", 41.2, 41.2, "TRY per EUR"),
        ("10 to 20 percent", 10, 20, "percent"),
    ]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The yen closed at 151.3 per dollar on Friday.", "JPY per USD"),
        ("Analysts see the rouble at 95-98 to the dollar by March.", "RUB per USD"),
        # the currency after "against the" is the base of the first rate, not the one quoted later
        ("The won fell to 1,420 against the dollar. It was 196.5 against the yuan.", "KRW per CNY"),
    ],
)
def test_an_exchange_rate_names_both_currencies(text: str, unit: str) -> None:
    assert find_quantities(text)[-1].unit == unit
    assert "per" not in (find_quantities("The rouble report said 40 per loaf.")[0].unit or "")


def test_a_count_heading_its_line_counts_what_the_dash_names() -> None:
    text = (
        "By the numbers\n\n"
        "9,500 — The estimated number of Russian tourists who visited last year.\n"
        "3 — Ships seized off Busan.\n"
        "45% — The share of exports."
    )
    found = find_quantities(text)
    assert [(q.text, q.unit) for q in found] == [("9,500", "tourists"), ("3", "ships"), ("45%", "percent")]


def test_how_often_is_not_what_is_counted() -> None:
    found = find_quantities("The number of drones launched each night reached 400 to 500.")
    assert [(q.text, q.unit) for q in found] == [("400 to 500", "drones")]


def test_a_confidence_level_is_no_figure() -> None:
    found = find_quantities("An estimated 41,000 died (90% confidence interval).")
    assert [(q.text, q.unit) for q in found] == [("41,000", "died")]


def test_a_signed_rise_is_no_telephone_number() -> None:
    found = find_quantities("Exports more than doubled (+212 per cent); call +44 20 7946 0321.")
    assert [(q.text, q.low, q.unit) for q in found] == [("212 per cent", 212, "percent")]


def test_a_loss_list_heading_counts_its_label_and_each_state() -> None:
    text = "Armoured Personnel Carriers (64, of which destroyed: 51, abandoned: 6, captured: 7)"
    found = find_quantities(text)
    assert [(q.text, q.unit) for q in found] == [
        ("64", "armoured personnel carriers"),
        ("51", "armoured personnel carriers destroyed"),
        ("6", "armoured personnel carriers abandoned"),
        ("7", "armoured personnel carriers captured"),
    ]


def test_an_age_told_with_was_or_it_is() -> None:
    text = (
        "The median age of the recruits keeps rising. Last year it was 33; now it is 38. The youngest was 19."
    )
    assert [(q.text, q.unit) for q in find_quantities(text)] == [
        ("33", "years old"),
        ("38", "years old"),
        ("19", "years old"),
    ]
    # no age spoken of in the sentence (or before "it"): a count
    assert [q.unit for q in find_quantities("The oldest brigade moved. The toll was 45.")] == ["casualties"]


def test_an_item_line_counts_the_model_it_names() -> None:
    text = "Towed Artillery\n\n- 6 130mm M-46: (1, destroyed) (2, damaged)\n- 1 2S7 Pion: (1, captured)"
    assert [(q.text, q.unit) for q in find_quantities(text)] == [("6", "m-46"), ("1", "2s7 pion")]


def test_a_rate_told_with_it_in_the_next_sentence_counts_the_same_noun() -> None:
    text = "Crews fired 9,000 rounds a day in April. By June it had fallen to 5,000 a day."
    assert [(q.text, q.unit) for q in find_quantities(text)] == [
        ("9,000", "rounds per day"),
        ("5,000", "rounds per day"),
    ]
    # no "it": the next sentence's count may be of something else
    text = "Crews fired 9,000 rounds a day in April. Drones flew 300 a day."
    assert [(q.text, q.unit) for q in find_quantities(text)][-1] == ("300", None)


def test_data_sizes_are_measures() -> None:
    found = find_quantities("The hackers leaked 2.4 TB of files, including a 700 MB archive.")
    assert [(q.text, q.unit) for q in found] == [("2.4 TB", "TB"), ("700 MB", "MB")]


def test_a_rate_with_its_currency_and_a_base_of_one_hundred() -> None:
    text = "The won closed at 1,398.7 won per dollar and at 921.4 per 100 yen, compared with 918.8 on Monday."
    found = find_quantities(text)
    assert [(q.text, q.unit, q.currency) for q in found] == [
        ("1,398.7 won", "KRW per USD", None),
        ("921.4", "KRW per 100 JPY", None),
        ("918.8", "KRW per 100 JPY", None),
    ]


def test_a_price_per_measure() -> None:
    text = "Maize rose from 2,600 won per kilogram to about 3,100 won; Urals got $58 a barrel, and $4 mln."
    found = find_quantities(text)
    assert [(q.text, q.unit, q.currency) for q in found] == [
        ("2,600 won", "KRW per kg", None),
        ("about 3,100 won", "KRW per kg", None),  # the same price, its measure left out
        ("$58", "USD per barrel", None),
        ("$4 mln", "USD", "USD"),
    ]


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("The plant could turn out 3,100 drones a month by spring.", "3,100", "drones per month"),
        ("Factories make perhaps 15,000 rounds a day.", "perhaps 15,000", "rounds per day"),
        ("It can ship up to 3 million shells a year.", "up to 3 million", "shells per year"),
        ("Each convoy carried roughly 35 trucks per convoy.", "roughly 35", "trucks per convoy"),
        ("Moscow pays about $1,800 per recruit per month.", "about $1,800", "USD per recruit per month"),
        ("The scheme earns some $15 million a month.", "some $15 million", "USD per month"),
        ("Workers earn as much as $250,000 each a year.", "as much as $250,000", "USD per year"),
        ("Russia supplies 900,000 barrels of crude annually.", "900,000 barrels", "barrels per year"),
        ("Monthly deliveries exceeded 2 million rounds in May.", "exceeded 2 million", "rounds per month"),
        ("It broke the annual cap of 400,000 barrels.", "400,000 barrels", "barrels per year"),
        ('Recruits are paid "a few hundred dollars" a week.', "a few hundred dollars", "USD per week"),
        ("Guards earn roughly $400 per guard each month.", "roughly $400", "USD per guard per month"),
        ("Crews fired 60 shells an hour.", "60", "shells per hour"),
        # the rate between the noun and the predicate that names what is counted
        ("Some 200 soldiers a week were wounded.", "Some 200", "wounded per week"),
    ],
)
def test_a_rate_carries_what_it_is_counted_per(text: str, figure: str, unit: str) -> None:
    assert [(q.text, q.unit) for q in find_quantities(text)] == [(figure, unit)]


def test_a_part_of_a_scale_is_one_number() -> None:
    found = find_quantities("It earns well over a quarter of a billion dollars, or half of a million euros.")
    assert [(q.text, q.low, q.high, q.qualifier, q.currency) for q in found] == [
        ("well over a quarter of a billion dollars", 250e6, None, "over", "USD"),
        ("half of a million euros", 500e3, 500e3, None, "EUR"),
    ]


def test_another_estimate_of_the_number_counts_its_noun() -> None:
    text = 'Kyiv says 9,000 sappers are in Kursk. Seoul puts the figure at "roughly 7,000".'
    assert [(q.text, q.unit) for q in find_quantities(text)] == [
        ("9,000", "sappers"),
        ("roughly 7,000", "sappers"),
    ]
    text = "About 12,000 laborers work in Russia, and their number may climb to 40,000 by December."
    assert [(q.text, q.unit) for q in find_quantities(text)] == [
        ("About 12,000", "laborers"),
        ("40,000", "laborers"),
    ]


def test_a_modal_and_its_verb_link_the_noun_before() -> None:
    assert [(q.text, q.unit) for q in find_quantities("Casualties could rise to 7,000.")] == [
        ("7,000", "casualties")
    ]


def test_a_multiple_of_a_base_is_a_figure_in_times() -> None:
    text = "Imports hit $40 million, nearly triple the total a year ago and roughly double what Seoul said."
    found = find_quantities(text)
    assert [(q.text, q.low, q.high, q.qualifier, q.unit) for q in found] == [
        ("$40 million", 40e6, 40e6, None, "USD"),
        ("nearly triple", 3, 3, "nearly", "times"),
        ("roughly double", 2, 2, "approximately", "times"),
    ]
    # no base after the word, or legal wording: no multiple
    assert find_quantities("They were double agents; a triple strike.") == []
    # (a change told as a verb is one since round 28: "output doubled" is 2 times)
    assert [(q.text, q.low, q.unit) for q in find_quantities("Output doubled.")] == [("doubled", 2, "times")]
    text = "Civil penalties of up to $1,000 per violation or twice the amount of the deal apply."
    assert [q.text for q in find_quantities(text)] == ["up to $1,000"]


def test_the_remaining_or_other_count_counts_the_noun_before() -> None:
    text = "The first 900 sappers leave in the coming weeks, the remaining 2,100 by year-end."
    assert [(q.text, q.unit) for q in find_quantities(text)] == [("900", "sappers"), ("2,100", "sappers")]


def test_a_range_of_estimates_may_end_in_a_lower_bound() -> None:
    found = find_quantities("Estimates range from 4 million to more than 9 million shells.")
    assert [(q.text, q.low, q.high, q.unit) for q in found] == [
        ("from 4 million to more than 9 million", 4e6, None, "shells")
    ]
    # a change is told apart: "rose from 300 to more than 900" leaves the bound its own
    found = find_quantities("Losses rose from 300 to more than 900 in May.")
    assert [(q.text, q.low, q.high) for q in found] == [("300", 300, 300), ("more than 900", 900, None)]


def test_no_rate_without_its_wording() -> None:
    # a time after the noun ("a year ago"), an adjective that leads to no figure, a code after "per"
    found = find_quantities("They sent 4,000 troops a year ago. The annual report said 3,000 troops left.")
    assert [(q.text, q.unit) for q in found] == [("4,000", "troops"), ("3,000", "troops")]
    assert [q.unit for q in find_quantities("It costs $2m-$3m per KN-23 missile.")] == ["USD per KN-23"]
    assert [q.unit for q in find_quantities("Turnout was 61 per cent.")] == ["percent"]


def test_vague_amounts_of_dollars_are_usd() -> None:
    found = find_quantities("It earned several billion dollars, maybe several hundred million dollars more.")
    assert [(q.text, q.low, q.high, q.currency) for q in found] == [
        ("several billion dollars", 3e9, 9_999_999_999, "USD"),
        ("maybe several hundred million dollars", 3e8, 999e6, "USD"),
    ]
    # "won" only after "of": "several hundred won the vote" is a count
    assert [q.currency for q in find_quantities("Several hundred won the vote.")] == [None]


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("losses approaching 4,200 men", "nearly", 4200, 4200),
        ("along with perhaps 180 missiles", "approximately", 180, 180),
        ("maybe 9,000 troops", "approximately", 9000, 9000),
        ("upward of 4,000 casualties", "over", 4000, None),
        ('as many as "9,000" troops', "up to", None, 9000),  # (a quoted figure)
    ],
)
def test_estimate_words_qualify_a_figure(text: str, qualifier: str, low: float, high: float) -> None:
    q = one(text)
    assert (q.qualifier, q.low, q.high) == (qualifier, low, high)


@pytest.mark.parametrize(
    "text",
    [
        "Updated 4 May 2025 | 4 min read",
        "Shells of 152 mm and 122 mm calibre were seen; mostly 130 mm or 152 mm rounds.",
        "Entities owned 50 percent or more by one or more blocked persons are blocked.",
        "The counts may be off by 15% in either direction.",
    ],
)
def test_boilerplate_and_kinds_are_no_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_the_number_after_per_is_a_denominator() -> None:
    found = find_quantities("The region lost 41 soldiers per 100,000 residents.")
    assert [(q.text, q.unit) for q in found] == [("41", "soldiers")]


@pytest.mark.parametrize("person", ["commander", "gunner", "medic", "widow"])
def test_an_age_after_a_person_noun_in_commas(person: str) -> None:
    assert find_quantities(f"A {person}, 38, said 12 drones fell.")[0].text == "12"


def test_an_age_heading_its_line() -> None:
    found = find_quantities("By the numbers\n\n31 — Average age of the deserters.")
    assert [(q.text, q.unit) for q in found] == [("31", "years old")]


def test_a_count_after_a_dashed_label_ends_its_line() -> None:
    text = "Enemy losses:\nPersonnel – up to 180 servicemen\nTanks – 3\nArmoured vehicles – 6\nMortars – 2"
    found = find_quantities(text)
    assert [(q.text, q.unit) for q in found] == [
        ("up to 180", "servicemen"),
        ("3", "tanks"),
        ("6", "armoured vehicles"),
        ("2", "mortars"),
    ]


def test_a_measure_compared_with_its_base() -> None:
    found = find_quantities("Russia seized 2,950 square kilometres this year, up from 1,870 a year earlier.")
    assert [(q.text, q.unit) for q in found] == [("2,950 square kilometres", "km2"), ("1,870", "km2")]


@pytest.mark.parametrize(
    "text",
    [
        "The model puts the deaths at about 62,000, with a 95% confidence interval of 51,000 to 74,000.",
        "About 62,000 deaths were estimated (95% credible interval: 51,000-74,000).",
    ],
)
def test_the_bounds_of_an_estimate_count_what_it_counts(text: str) -> None:
    found = find_quantities(text)
    assert [(q.low, q.high, q.unit) for q in found] == [(62000, 62000, "deaths"), (51000, 74000, "deaths")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It said the number of Uzbeks in the zone had dropped from about 9,000 in 2019 to 2,500.",
            [("about 9,000", "uzbeks"), ("2,500", "uzbeks")],
        ),
        (
            "The total number of Russian instructors there now stands at some 600.",
            [("some 600", "instructors")],
        ),
        # another number between: the phrase names what that one counts, not this one
        (
            "The number of sorties rose 40 percent, and 12 pilots were lost.",
            [("40 percent", "percent"), ("12", "pilots")],
        ),
    ],
)
def test_the_first_count_after_the_number_of(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.unit) for q in find_quantities(text)] == expected


def test_the_parts_of_which_a_count_is_made() -> None:
    text = "The unit lost 58 armoured vehicles, of which 40 were destroyed, 11 damaged and 7 abandoned."
    assert [(q.text, q.unit) for q in find_quantities(text)] == [
        ("58", "armoured vehicles"),
        ("40", "armoured vehicles destroyed"),
        ("11", "armoured vehicles damaged"),
        ("7", "armoured vehicles abandoned"),
    ]
    # a part that names its own noun keeps it
    found = find_quantities("It lost 50 tanks, of which 20 tanks were destroyed.")
    assert [(q.text, q.unit) for q in found] == [("50", "tanks"), ("20", "tanks")]


@pytest.mark.parametrize(
    "text",
    [
        # how sure a poll is
        "The poll has a margin of error of plus or minus 2.5 percentage points.",
        "Counts carry a margin of error of ±15 percent.",
        # a size told with its dimension; a port's berths and piers
        "The barges, each 85 meters long, docked at berths 4 and 5.",
        "A fence about 12-14 feet high ringed Pier 7.",
        # a prisoner swap's format
        'The swap followed the "120 for 120" formula.',
        "A 205-for-205 exchange was completed.",
    ],
)
def test_margins_of_error_sizes_berths_and_swap_formats_are_no_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_a_glued_m_before_a_measure_is_a_million() -> None:
    found = find_quantities("Listed tankers passed 12m dwt; one 2,900 dwt ship made 8 trips; a 12m mast.")
    assert [(q.text, q.low, q.unit) for q in found] == [
        ("12m dwt", 12_000_000, "dwt"),
        ("2,900 dwt", 2900, "dwt"),
        ("8", 8, "trips"),
        ("12m", 12, "m"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age on the high end of a range is the age of both ends
        ("Most of the crews were 25 to 40 years old.", ("25 to 40 years old", 25, 40, "years old", None)),
        # a glued letter scales both ends when the second end is money or a scaled measure
        ("Regions add bonuses of 2m to 4m roubles.", ("2m to 4m roubles", 2e6, 4e6, "RUB", "RUB")),
        ("Shipments of 3m-5m tonnes a year.", ("3m-5m tonnes", 3e6, 5e6, "tonnes per year", None)),
        # a dash after a percent sign joins a range, it is no minus
        ("Fees climbed to 1.5%-2% of the cargo's value.", ("1.5%-2%", 1.5, 2, "percent", None)),
        # an upper bound stated as the high end of a "from ... to" range
        (
            "Guesses run from $2bn to as much as $8bn.",
            ("from $2bn to as much as $8bn", 2e9, 8e9, "USD", "USD"),
        ),
        (
            "It sent from 6,000 to as many as 9,000 troops.",
            ("from 6,000 to as many as 9,000", 6000, 9000, "troops", None),
        ),
    ],
)
def test_ranges_whose_ends_are_told_apart(
    text: str, expected: tuple[str, float, float, str, str | None]
) -> None:
    q = one(text)
    assert (q.text, q.low, q.high, q.unit, q.currency) == expected


def test_metres_glued_on_both_ends_stay_metres() -> None:
    q = one("Drifts of 3m to 4m blocked the pass.")
    assert (q.low, q.high, q.unit) == (3, 4, "m")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount in billions without its currency is in the currency of the amount before it
        (
            "Outlays were set at 52.4 billion roubles, and income was cut to 48.9 billion.",
            [("52.4 billion roubles", "RUB"), ("48.9 billion", "RUB")],
        ),
        (
            "Seoul pledged $2 billion for the project and a further 1.5 bn for roads.",
            [("$2 billion", "USD"), ("1.5 bn", "USD")],
        ),
        (
            "The gap hit 3.1 trillion won, twice the 1.5 trillion first expected.",
            [("3.1 trillion won", "KRW"), ("twice", None), ("1.5 trillion", "KRW")],  # (a multiple between)
        ),
        # a count of a plural noun stays a count; another sentence names no currency
        (
            "It was paid $700 million for 9 million shells.",
            [("$700 million", "USD"), ("9 million", None)],
        ),
        (
            "It was paid $700 million. The country has 26 million inhabitants.",
            [("$700 million", "USD"), ("26 million", None)],
        ),
    ],
)
def test_an_amount_in_billions_takes_the_currency_before_it(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert [(q.text, q.currency) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "remain", "remained" after a count are its verb, no noun
        # (so the count of the clause before lends its noun)
        ("Nine sailors were freed and 3 remain unaccounted for.", [("Nine", "sailors"), ("3", "sailors")]),
        (
            "Of the roughly 800 recruits who came in May, fewer than 500 remained fit for duty.",
            [("roughly 800", "recruits"), ("fewer than 500", "recruits")],
        ),
        # before a plural they qualify it
        ("The ministry issued 2,300 work permits.", [("2,300", "work permits")]),
        # a passive verb before "to" is no noun
        ("The forecast for exports was lowered to 4,100.", [("4,100", None)]),
    ],
)
def test_bare_verbs_and_passives_name_no_noun(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(q.text, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bound before "another" bounds the count of more
        (
            'About 1,500 engineers left in May, and "up to another 900" are to follow.',
            [("About 1,500", 1500, 1500, "engineers"), ("up to another 900", None, 900, "engineers")],
        ),
        # a closing quote between the qualifier and the number
        (
            'Officials said "well over" 3,000 were wounded.',
            [('well over" 3,000', 3000, None, "wounded")],
        ),
        # "another" alone stays outside the figure
        (
            "The navy lost 12 boats in May. Another 7 were sunk in June.",
            [("12", 12, 12, "boats"), ("7", 7, 7, "boats")],
        ),
    ],
)
def test_a_qualifier_across_another_or_a_quote(
    text: str, expected: list[tuple[str, float | None, float | None, str]]
) -> None:
    assert [(q.text, q.low, q.high, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one source's count after another's: "says", "estimates", "later" leave the noun out
        (
            "Perhaps 3,000 were killed or wounded, though Kyiv says 3,400 and Seoul estimates nearly 3,800.",
            [
                ("Perhaps 3,000", "killed or wounded"),
                ("3,400", "killed or wounded"),
                ("nearly 3,800", "killed or wounded"),
            ],
        ),
        (
            "It reported 200 dead in March, and later 450.",
            [("200", "dead"), ("450", "dead")],
        ),
        # the size of a noun told "in the millions", "in the low thousands"
        ("Pyongyang sent rockets in the thousands.", [("thousands", "rockets")]),
        ('It reported drone losses "in the low hundreds" a week.', [("hundreds", "losses per week")]),
        # a toll: the death toll counts deaths, a bare toll the killed or wounded
        ("Officials put the death toll at about 350.", [("about 350", "deaths")]),
        ("Kyiv puts the toll higher, at up to 5,200.", [("up to 5,200", "casualties")]),
        # the noun of "the number of" over a noun linked after it
        (
            "The move takes the number of firms listed under the regime for this trade to 87.",
            [("87", "firms")],
        ),
        # (a participle right after the noun stays with it)
        ("Kyiv put the number of volunteers deployed at some 200.", [("some 200", "volunteers deployed")]),
    ],
)
def test_nouns_of_sources_sizes_tolls_and_totals(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a change of an age word ("from 29 to 36", "to 36"), with no noun after
        ("The average age of recruits has risen from 29 to 36.", [("from 29 to 36", "years old")]),
        ("The median age of the dead climbed to 41.", [("41", "years old")]),
        # an age told with "was over", the age word after it in the sentence
        (
            "A third of the dead was over 50; the oldest was 68.",
            [("over 50", "years old"), ("68", "years old")],
        ),
        # not a count of a noun after it
        ("The average age fell as units went from 300 to 500 men.", [("from 300 to 500", "men")]),
    ],
)
def test_ages_told_as_a_change_or_a_bound(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # calibres joined by "and", "or" or commas qualify one noun
        "Deliveries of 122mm and 152mm artillery shells resumed.",
        "It makes 107mm, 122mm, and 240mm rockets.",
        # a report's tables and annexes
        "Tables 5 to 7 and Annexes 2-3 give the sources.",
        # a margin told "give or take"; how likely a forecast is
        'The estimate holds, "give or take 500."',
        "Analysts see a 60 to 70 percent chance of a summit.",
        "There is a 30% probability of a test this year.",
    ],
)
def test_joined_calibres_tables_margins_and_chances_are_no_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_a_hyphened_deadweight_ton_is_dwt() -> None:
    q = one("She is a 4,870 deadweight-ton general cargo ship.")
    assert (q.text, q.low, q.unit) == ("4,870 deadweight-ton", 4870, "dwt")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a price of one item: "per" and a singular noun or a model name
        ("Shells sold for $400-$700 per round in 2023.", ("$400-$700", 400, 700, "USD per round")),
        ("Each KN-24 cost about $2m per KN-24.", ("about $2m", 2e6, 2e6, "USD per KN-24")),
        ("Families get 50,000 roubles per person.", ("50,000 roubles", 50000, 50000, "RUB per person")),
        # a denominator or "per cent" is no item
        ("It paid $900 per 1,000 rounds.", ("$900", 900, 900, "USD")),
    ],
)
def test_a_price_per_item(text: str, expected: tuple[str, float, float, str]) -> None:
    q = next(q for q in find_quantities(text) if q.text == expected[0])
    assert (q.text, q.low, q.high, q.unit) == expected
    assert q.currency == q.unit[:3]  # (the price keeps its currency)


def test_a_total_after_a_price_is_no_change_of_the_price() -> None:
    text = "At $600 to $900 per shell, that would come to as much as $7bn."
    assert [(q.text, q.unit) for q in find_quantities(text)] == [
        ("$600 to $900", "USD per shell"),
        ("as much as $7bn", "USD"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # items that name nothing count the noun an item before named after its count
        (
            "Losses by unit:\n- 25th Brigade — about 900 casualties\n- 31st Brigade — roughly 650\n"
            '- Drone crews — "a few hundred"',
            [("about 900", "casualties"), ("roughly 650", "casualties"), ("a few hundred", "casualties")],
        ),
        # labels that complete the lead-in count the lead-in's plural
        (
            "Most recruits killed so far came from:\n\nDagestan — 210\nTuva — 145\n",
            [("210", "recruits"), ("145", "recruits")],
        ),
        # a tally's labels stay what each line counts
        (
            "Losses so far were:\ntanks — 120\nguns — 85 units\ndrones — 300\n",
            [("120", "tanks"), ("85", "units"), ("300", "drones")],
        ),
    ],
)
def test_the_nouns_of_dash_list_items(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dash sets off the count restated; "(of which N" is a part of the count before
        (
            "It launched drones in the thousands — at least 4,000 by one count.",
            [("thousands", "drones"), ("at least 4,000", "drones")],
        ),
        (
            "The fleet made 90 voyages in 2024 (of which 35 were to Rajin).",
            [("90", "voyages"), ("35", "voyages")],
        ),
    ],
)
def test_a_count_after_a_dash_or_of_which_names_the_noun_before(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(q.text, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "perhaps" hedges a count as "about" does
        (
            "Pyongyang may earn perhaps $3bn a year.",
            ("perhaps $3bn", 3e9, 3e9, "approximately", "USD per year"),
        ),
        ("It fires perhaps 2 million shells.", ("perhaps 2 million", 2e6, 2e6, "approximately", "shells")),
        # a noun before "ranging from" is what the range counts
        (
            "It polls yearly, with samples ranging from 800 to 1,200.",
            ("from 800 to 1,200", 800, 1200, None, "samples"),
        ),
    ],
)
def test_perhaps_and_ranging_from(text: str, expected: tuple[str, float, float, str | None, str]) -> None:
    q = one(text)
    assert (q.text, q.low, q.high, q.qualifier, q.unit) == expected


def test_teu_is_a_measure_and_a_hyphened_teu_names_a_kind() -> None:
    found = find_quantities("Boxes rose to about 52,000 TEU, from 38,000 teu; a 2,500-teu feeder was sold.")
    assert [(q.text, q.low, q.unit) for q in found] == [
        ("about 52,000 TEU", 52000, "teu"),
        ("38,000 teu", 38000, "teu"),
    ]


# --- round 14: sources, restated measures, shares, lists ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Two defence officials in Seoul, speaking on condition of anonymity, said the launch failed.",
        "Three people familiar with the shipments told reporters the trains ran at night.",
        "The drills were cut short, according to two diplomats.",
        "Four sources briefed on the talks said no deal was near.",
        "Two analysts who reviewed the imagery said the wagons were full.",
    ],
)
def test_a_count_of_the_sources_a_story_cites_is_no_figure(text: str) -> None:
    assert find_quantities(text) == []


def test_a_count_of_people_who_said_nothing_stays() -> None:
    found = find_quantities(
        "Five people were hurt in Kharkiv, the mayor said, and 12 officials said they would resign."
    )
    assert [(q.text, q.unit) for q in found] == [("Five", "hurt"), ("12", "officials")]


def test_a_measure_restated_in_other_units_in_brackets_is_one_figure() -> None:
    found = find_quantities("The rocket flew some 1,000 km (620 miles) and the drone 80 kilometres (50 mi).")
    assert [(q.text, q.unit) for q in found] == [("some 1,000 km", "km"), ("80 kilometres", "km")]
    # so is a sum restated in another currency: one amount, the one the source told
    found = find_quantities("The deal was worth 1.4 trillion won ($1 billion), the aid £2bn (about $2.5bn).")
    assert [(q.text, q.currency) for q in found] == [("1.4 trillion won", "KRW"), ("£2bn", "GBP")]
    # two sums of their own stay
    found = find_quantities("Seoul gave 2 trillion won and Tokyo $1 billion (the most since 2015).")
    assert [q.currency for q in found] == ["KRW", "USD"]


# --- round 16: North Korean won, US dollars told in words ------------------------------------------


def test_a_plain_won_in_a_north_korean_market_story_is_kpw() -> None:
    text = (
        "Prices in North Korean markets kept rising in May. A kilogram of pork cost 32,000 won in "
        "Sinuiju, and a day labourer earns 9,000 won. Seoul's ministry set aside 3 billion won in aid."
    )
    found = find_quantities(text)
    assert [(q.text, q.unit, q.currency) for q in found] == [
        ("32,000 won", "KPW per kg", "KPW"),  # the price of one kilogram
        ("9,000 won", "KPW", "KPW"),
        ("3 billion won", "KRW", "KRW"),  # a Seoul budget sum stays South Korean
    ]
    # no market story, no North Korean won; "South Korean won" is always KRW
    assert [q.currency for q in find_quantities("A coffee costs 5,000 won in Seoul.")] == ["KRW"]
    found = find_quantities("At the jangmadang a dollar fetched 8,000 South Korean won.")
    assert [(q.unit, q.currency) for q in found] == [("KRW per USD", None)]  # the price of a dollar


def test_a_price_in_north_korean_won_keeps_its_rate() -> None:
    found = find_quantities("Rice sold for 7,800 won a kilogram at the jangmadang in Hyesan.")
    assert [(q.text, q.unit) for q in found] == [("7,800 won", "KPW per kg")]


def test_a_vague_sum_of_us_dollars_is_usd() -> None:
    found = find_quantities(
        "The trade has earned it several billion US dollars and tens of millions of U.S. dollars."
    )
    assert [(q.text, q.currency, q.low) for q in found] == [
        ("several billion US dollars", "USD", 3e9),
        ("tens of millions of U.S. dollars", "USD", 2e7),
    ]


def test_a_suspended_fold_range_is_one_figure() -> None:
    q = one("a five- to tenfold rise in output")
    assert (q.text, q.low, q.high, q.unit) == ("five- to tenfold", 5, 10, "times")


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("Roughly half of the shells fired at Kharkiv were North Korean.", "Roughly half", 50, 50),
        ("more than a third of them were wounded", "more than a third", 33.3, None),
        ("nearly two-thirds of the workers sent wages home", "nearly two-thirds", 66.7, 66.7),
        ("perhaps a quarter of their rail freight", "perhaps a quarter", 25, 25),
    ],
)
def test_an_estimated_share_told_in_words_is_a_percentage(
    text: str, span: str, low: float, high: float | None
) -> None:
    q = one(text)
    assert (q.text, q.low, q.high, q.unit, q.percent) == (span, low, high, "percent", True)


def test_a_bare_half_is_no_share() -> None:
    assert find_quantities("Half of them stayed behind, and half of the trains were empty.") == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("London has listed 60 individuals, entities and ships so far.", "individuals, entities and ships"),
        ("Seoul blacklisted 9 companies and banks.", "companies and banks"),
        ("The mill employs 300 workers and guards.", "workers and guards"),
        # a new clause after the comma, an irregular plural, a noun of something else
        ("It named 4 entities, and warns others.", "entities"),
        ("Two frigates and aircraft took part.", "frigates"),
        ("He met 30 workers and officials said so.", "workers"),
        # a plural that modifies the noun after it
        ("The North runs about 200 munitions plants.", "munitions plants"),
        ("They bought 40 arms shipments.", "arms shipments"),
    ],
)
def test_a_list_of_plural_nouns_is_counted_together(text: str, unit: str) -> None:
    assert find_quantities(text)[0].unit == unit


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("Pyongyang handed over about 150 guns.", "approximately", 150, 150),
        ("They must hand over 80 percent of their pay.", None, 80, 80),
        ("Kim turned over 3 vessels.", None, 3, 3),
        ("Russia sent over 300 drones.", "over", 300, None),
    ],
)
def test_over_after_hand_or_turn_is_a_particle(
    text: str, qualifier: str | None, low: float, high: float | None
) -> None:
    q = one(text)
    assert (q.qualifier, q.low, q.high) == (qualifier, low, high)


def test_several_before_what_the_tracker_counts_is_a_vague_count() -> None:
    found = find_quantities("Pyongyang fired several cruise missiles, several officials said several times.")
    assert [(q.text, q.low, q.high, q.unit) for q in found] == [("several", 3, 9, "cruise missiles")]
    assert [(q.text, q.low) for q in find_quantities("several thousand troops")] == [
        ("several thousand", 3000)
    ]


def test_how_old_a_thing_is_is_no_figure() -> None:
    assert find_quantities("The rockets are nearly three years old, the engineers found.") == []
    # a person's stated age stays (an age statistic too)
    assert [q.text for q in find_quantities("He is over 30 years old.")] == ["over 30 years old"]


def test_a_base_up_from_in_the_next_sentence_counts_the_noun_before() -> None:
    found = find_quantities("Losses reached 5,100 killed and wounded. That is up from about 4,200 in May.")
    assert [(q.text, q.unit) for q in found] == [
        ("5,100", "killed and wounded"),
        ("about 4,200", "killed and wounded"),
    ]


# --- round 16: what a count after a verb of amounting counts ---------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        (
            "Seoul says the number of Russian conscripts killed or wounded has exceeded 9,200.",
            "killed or wounded",
        ),
        ("the number of sailors injured or missing had reached 85 by Friday", "injured or missing"),
        # a headline's present tense links its noun too, past the place of the harm
        ("Chinese casualties in Syria top 3,100, monitor says", "casualties"),
        ("Wagner losses in Bakhmut surpass 20,000", "losses"),
        ("Deaths in Odesa exceed 40 after strike", "deaths"),
    ],
)
def test_a_count_linked_to_a_harm_before_it_counts_the_harm(text: str, unit: str) -> None:
    assert [q.unit for q in find_quantities(text)] == [unit]


def test_a_count_after_the_number_of_people_captured_keeps_its_noun() -> None:
    # a capture keeps the noun it is told of; a plain count ranks a list
    found = find_quantities(
        "The number of fishermen captured has reached 12. It is among the top 10 exporters."
    )
    assert [q.unit for q in found] == ["fishermen captured", "exporters"]


@pytest.mark.parametrize(
    "text",
    [
        "Each freighter could carry about 4,500 tonnes of cargo.",
        "The tankers can each hold up to 90,000 barrels.",
        "A single wagon can take as many as 40 rockets.",
        "The pontoon bridge has a capacity of 120 trucks an hour.",
        "Sinuiju, a city of some 350,000 people, lies across the river.",
        "The port has a population of about 80,000.",
        "The causeway, which carries up to 900 trucks a day, reopened.",
    ],
)
def test_what_one_thing_could_hold_or_a_place_s_people_is_no_figure(text: str) -> None:
    assert find_quantities(text) == []


def test_what_a_shipment_could_hold_is_an_estimate_of_it() -> None:
    # an estimate of what was sent, told by what the containers could hold, stays
    found = find_quantities("The 5,000 containers sent so far could hold over 2 million shells.")
    assert [(q.text, q.unit) for q in found] == [("5,000", "containers"), ("over 2 million", "shells")]
    # and so does a road's traffic told without its bound
    found = find_quantities("The road, which carries 60 trucks a day, was bombed.")
    assert [(q.text, q.unit) for q in found] == [("60", "trucks per day")]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Of the injured, about 90 later died in hospital.", ["died"]),
        ("Some 1,200 sailors were hurt, roughly 70 of them fatally.", ["hurt", "killed"]),
        ("Some 300 were injured, 25 of them seriously.", ["injured", "injured"]),
    ],
)
def test_a_harm_told_later_or_fatally_is_what_is_counted(text: str, units: list[str]) -> None:
    assert [q.unit for q in find_quantities(text)] == units


@pytest.mark.parametrize(
    "text",
    [
        "The reporter spoke to four traders in Dandong for this story.",
        "Three defectors interviewed by the paper described the training.",
        "NK News talked with two informants near the border.",
        # and where they are
        "The paper interviewed six defectors from two provinces for the series.",
    ],
)
def test_a_count_of_the_people_a_reporter_interviewed_is_no_figure(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Each conscript is paid about $1,500 a month, the report said.", "USD per conscript per month"),
        ("Each North Korean labourer earns $650 a month.", "USD per labourer per month"),
        ("Each family was given 300,000 won.", "KRW per family"),
        ("Each of them received 2 million won.", "KRW"),  # (a pronoun names no one paid)
        ("Each drone cost $35,000.", "USD"),  # a price is no pay
    ],
)
def test_the_pay_of_each_man_is_a_rate_per_man(text: str, unit: str) -> None:
    assert [q.unit for q in find_quantities(text)] == [unit]


def test_a_period_after_a_slash_is_a_rate() -> None:
    found = find_quantities("The guns fire ~8,000 shells/day and the unit is paid $90,000/month.")
    assert [(q.text, q.unit) for q in found] == [("~8,000", "shells per day"), ("$90,000", "USD per month")]


def test_a_rate_told_after_a_sum_restated_in_brackets() -> None:
    found = find_quantities(
        "Berlin pledged €2 billion (about $2.2 billion) a year; Seoul spent 3 trillion won ($2bn)."
    )
    assert [(q.text, q.unit) for q in found] == [("€2 billion", "EUR per year"), ("3 trillion won", "KRW")]
