"""Round 32: one row per claim in the aggregator layout (a summary or closing paragraph that tells a
body claim with a vaguer number or a coarser date), and topics of shares, reinforcements and signings."""

from __future__ import annotations

from dprk_tracker.extract import extract


def aggregator(summary: str, *body: str) -> str:
    paragraphs = "\n\n".join(body)
    return (
        f"Fishing Fleet Returns to Port\n\n0\nabc12345-0000-4000-8000-000000000032\n\n{summary}\n\n"
        f"{paragraphs}\n\nOriginal Source: www.example.com\n\nLeave a Reply\n\n"
        "Your email address will not be published. Required fields are marked *"
    )


def test_a_summary_tells_a_body_count_with_a_vaguer_number() -> None:
    result = extract(
        aggregator(
            "The port handled thousands of vessels and earned millions of dollars, inspectors say.",
            "Inspectors counted more than 12,000 fishing vessels at the port since the ban ended.",
            "The fees brought the port authority about $36 million, the inspectors said.",
            "In conclusion, tens of millions of dollars and thousands of vessels passed through the port.",
        )
    )
    assert [(f.text, f.low, f.high, f.unit, f.currency) for f in result.figures] == [
        ("more than 12,000", 12000, None, "fishing vessels", None),
        ("about $36 million", 36_000_000, 36_000_000, "USD", "USD"),
    ]


def test_a_restated_vague_number_kept_when_the_body_tells_no_such_number() -> None:
    result = extract(
        aggregator(
            "Dozens of crew members were rescued, officials said.",
            "The coast guard rescued about 4,000 passengers from the ferry, officials said.",
            "In conclusion, hundreds of volunteers joined the search.",
        )
    )
    assert [(f.text, f.low, f.high) for f in result.figures] == [
        ("Dozens", 24, 99),
        ("about 4,000", 4000, 4000),
        ("hundreds", 200, 999),
    ]


def test_more_than_a_round_number_restates_a_larger_body_sum() -> None:
    result = extract(
        aggregator(
            "Smugglers moved more than a billion dollars in gold, customs officials say.",
            "Customs officials said smugglers moved gold worth about $1.4 billion through the port.",
        )
    )
    assert [f.text for f in result.figures] == ["about $1.4 billion"]


def test_synonymous_counts_restate_each_other() -> None:
    result = extract(
        aggregator(
            "The army fired millions of shells along the river.",
            "Gunners fired about 3 million rounds along the river last winter, the general staff said.",
        )
    )
    assert [(f.text, f.unit) for f in result.figures] == [("about 3 million", "rounds")]


def test_a_season_in_the_summary_restates_a_day_in_it() -> None:
    result = extract(
        aggregator(
            "The accord, signed by the two ministers in the summer of 2024, reopened the fishing grounds.",
            "The two ministers signed the fishing accord in the capital on July 9, 2024.",
            "The grounds reopened to trawlers in the autumn.",
        )
    )
    assert [(e.time_text, e.when) for e in result.events][:1] == [("July 9, 2024", "2024-07-09")]
    assert all("summer" not in e.time_text for e in result.events)


def test_a_share_of_an_economy_is_money() -> None:
    result = extract(
        "The missile and artillery shipments were worth nearly 40 percent of the country's GDP, and "
        "drone exports equal to about 3 percent of Belarus's gross domestic product.",
        published="2025-01-10",
    )
    assert [(f.text, f.topic) for f in result.figures] == [
        ("nearly 40 percent", "money"),
        ("equal to about 3 percent", "money"),
    ]


def test_men_sent_to_make_up_for_losses_are_a_deployment() -> None:
    result = extract(
        "The ministry sent 2,500 more soldiers to replace the losses, raising the total deployed to about "
        "9,000. Losses over the week amounted to 1,200 soldiers.",
        published="2025-01-10",
    )
    assert [(f.text, f.topic) for f in result.figures] == [
        ("2,500", "deployment"),
        ("about 9,000", "deployment"),
        ("1,200", "casualties"),
    ]


def test_a_treaty_signed_on_a_date_is_diplomacy_whatever_it_allows() -> None:
    result = extract(
        "The two governments signed a pact in March that lets troops be stationed on either side. "
        "Soldiers crossed the border after the treaty was ratified in May. "
        "Officials said in April that troops had been deployed.",
        published="2025-06-10",
    )
    assert [(e.time_text, e.topic) for e in result.events] == [
        ("March", "diplomacy"),
        ("May", "diplomacy"),
        ("April", "deployment"),
    ]
