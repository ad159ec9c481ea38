"""Corroboration through the CLI: the same event or figure from several articles is one row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# Seoul and the Korea Herald report the same three things in different words (and "2024" against
# "June 2024" for the treaty); Kyiv reports a different number of troops for the same month.
REPORTS = (
    (
        "a.md",
        "Seoul counts losses",
        "Yonhap",
        "2025-03-20",
        "North Korea sent 11,000 troops to Russia in October 2024, the spy agency said.\n\n"
        "Over 3,000 North Korean soldiers had been killed or injured in Kursk by March 2025, it added.\n\n"
        "Kim Jong Un and Vladimir Putin signed a mutual defence treaty in Pyongyang in June 2024.",
    ),
    (
        "b.md",
        "NIS briefs lawmakers",
        "Korea Herald",
        "2025-03-21",
        "Pyongyang deployed 11,000 troops to Russia in October 2024, according to the NIS.\n\n"
        "More than 3,000 North Korean troops had been killed or wounded by March 2025, lawmakers were "
        "told.\n\n"
        "The deployment followed the mutual defence treaty Kim Jong Un and Vladimir Putin signed in "
        "Pyongyang in 2024.",
    ),
    (
        "c.md",
        "Kyiv disputes the count",
        "Kyiv Independent",
        "2025-03-22",
        "North Korea sent 12,000 troops to Russia in October 2024, Ukraine's intelligence said.\n\n"
        "North Korea sent more troops to Russia in November 2024, the agency said.",
    ),
)


def data(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def reports(tracker, articles) -> None:
    assert tracker("ingest", str(articles(*REPORTS))).exit_code == 0


def test_timeline_rows_carry_sources_and_articles(tracker, reports) -> None:
    rows = data(tracker("timeline", "--format", "json"))
    assert [(r["date"], r["id"], r["sources"], r["articles"]) for r in rows] == [
        ("Jun 2024", 3, 2, [1, 2]),  # the more precise report is the row shown
        ("Oct 2024", 1, 2, [1, 2]),
        ("Oct 2024", 7, 1, [3]),  # 12,000 is another claim than 11,000
        ("Nov 2024", 8, 1, [3]),  # another month
        ("by Mar 2025", 2, 2, [1, 2]),
    ]
    assert "quotes" not in rows[0] and "why" not in rows[0]


def test_why_explains_each_merge(tracker, reports) -> None:
    rows = data(tracker("timeline", "--why", "--format", "json"))
    assert [r["why"] for r in rows] == [
        ["event 6 (article 2) joins event 3 (article 1): date 2024-06 within 2024; similarity 0.80 ≥ 0.50"],
        # "Pyongyang deployed" / "North Korea sent", "the NIS" / "the spy agency": one wording.
        ["event 4 (article 2) joins event 1 (article 1): same date 2024-10; similarity 0.75 ≥ 0.50"],
        [],
        [],
        # "soldiers" / "troops", "injured" / "wounded", "over" / "more than"
        ["event 5 (article 2) joins event 2 (article 1): same date 2025-03; similarity 0.86 ≥ 0.50"],
    ]


def test_sources_lists_the_articles_with_quotes(tracker, reports, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    table = tracker("timeline", "--sources", "--topic", "deployment").stdout
    assert table.split("\n\n", 1)[1] == (
        "Oct 2024 — 2 sources\n"
        "  [1] Seoul counts losses, Yonhap\n"
        "      North Korea sent 11,000 troops to Russia in October 2024, the spy agency said.\n"
        "  [2] NIS briefs lawmakers, Korea Herald\n"
        "      Pyongyang deployed 11,000 troops to Russia in October 2024, according to the NIS.\n"
    )
    header = table.splitlines()[1]
    assert [cell.strip() for cell in header.split("┃")[1:-1]] == ["Date", "Event", "Src", "Art."]
    [row] = data(tracker("timeline", "--sources", "--topic", "casualties", "--format", "json"))
    assert row["quotes"] == [
        {
            "id": 2,
            "article_id": 1,
            "title": "Seoul counts losses",
            "source": "Yonhap",
            "quote": "Over 3,000 North Korean soldiers had been killed or injured in Kursk by March 2025, "
            "it added.",
        },
        {
            "id": 5,
            "article_id": 2,
            "title": "NIS briefs lawmakers",
            "source": "Korea Herald",
            "quote": "More than 3,000 North Korean troops had been killed or wounded by March 2025, "
            "lawmakers were told.",
        },
    ]


def test_figures_merge_the_same_claim_only(tracker, reports) -> None:
    rows = data(tracker("figures", "--why", "--format", "json"))
    assert [(r["value"], r["unit"], r["as_of"], r["sources"], r["articles"], r["why"]) for r in rows] == [
        (
            "11,000",
            "troops",
            "Oct 2024",
            2,
            [1, 2],
            [
                "figure 3 (article 2) joins figure 1 (article 1): same date 2024-10; "
                "same figure '11,000' ≙ '11,000', troops"
            ],
        ),
        ("12,000", "troops", "Oct 2024", 1, [3], []),  # never merged with 11,000
        (
            ">3,000",
            "killed or injured",
            "by Mar 2025",
            2,
            [1, 2],
            [
                "figure 4 (article 2) joins figure 2 (article 1): same date 2025-03; "
                "same figure 'More than 3,000' ≙ 'Over 3,000', killed or wounded"
            ],
        ),
    ]


def test_limit_counts_merged_rows(tracker, reports) -> None:
    rows = data(tracker("timeline", "--limit", "2", "--format", "json"))
    assert [(r["date"], r["articles"]) for r in rows] == [("Jun 2024", [1, 2]), ("Oct 2024", [1, 2])]


def test_one_article_never_merges_with_itself(tracker, articles, seed: Path) -> None:
    folder = articles(
        (
            "twice.md",
            "Said twice",
            "Wire",
            "2025-03-20",
            "North Korea sent 11,000 troops to Russia in October 2024.\n\n"
            "Again: North Korea sent 11,000 troops to Russia in October 2024.",
        )
    )
    assert tracker("ingest", str(seed), str(folder)).exit_code == 0
    figures = data(tracker("figures", "--article", "2", "--format", "json"))
    assert [(f["value"], f["sources"], f["articles"]) for f in figures] == [
        ("11,000", 1, [2]),
        ("11,000", 1, [2]),
    ]
    seed_rows = data(tracker("timeline", "--article", "1", "--format", "json"))
    assert [r["sources"] for r in seed_rows] == [1] * 6
    result = tracker("timeline", "--article", "1", "--sources", "--why")
    assert result.exit_code == 0
    assert result.stderr == "no row is reported by more than one article\n"
    assert "Src" not in result.stdout  # the column appears only when some row has several sources


def test_why_in_the_table_wraps_under_its_row(tracker, reports, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    table = tracker("figures", "--why", "--topic", "casualties").stdout
    assert table.split("\n\n", 1)[1] == (
        ">3,000 killed or injured by Mar 2025 — merged because\n"
        "  figure 4 (article 2) joins figure 2 (article 1): same date 2025-03; same\n"
        "  figure 'More than 3,000' ≙ 'Over 3,000', killed or wounded\n"
    )


def test_a_table_lists_three_articles_of_a_group_and_counts_the_rest() -> None:
    from dprk_tracker.cli import _articles_cell, _with_source_column

    assert _articles_cell({"articles": [1, 2, 3]}) == "1,2,3"
    assert _articles_cell({"articles": [32, 317, 433, 2325, 3120]}) == "32,317,433 +2"
    [column] = [c for c in _with_source_column([]) if c.header == "Art."]
    assert column.plain({"articles": [32, 317, 433, 2325]}) == "32,317,433,2325"  # Markdown: all


# ---------------------------------------------------------------------------------------------------
# How wording is compared (corroborate.content_words, resources/wording.toml) and the date rules


def test_content_words_read_the_claim_not_its_wording() -> None:
    from dprk_tracker.corroborate import content_words

    # "12 million" is one number (it was 12 and "million"); the other dates' digits are gone.
    assert content_words(
        "South Korea's NIS told lawmakers on Oct. 22 that North Korea has shipped more than 12 million"
        " shells since August 2023, Yonhap reported on Friday."
    ) == {"12000000", "korea", "nis", "north", "sent", "shell", "south"}
    assert content_words("Pyongyang earned $1.2bn and 3,500 troops in 2024, 22 October") == {
        "1200000000", "3500", "earn", "korea", "north", "troop",
    }  # fmt: skip
    # Variants, demonyms, capitals and attribution fold away: two outlets' words for one claim.
    assert content_words("Ukraine captured two North Korean soldiers, Zelenskyy said.") == content_words(
        "Ukrainian forces took two North Korean troops prisoner, according to Zelensky."
    ) - {"forc", "took"}
    assert content_words("2,024 men and 1,100 dead") == {"2024", "men", "1100", "kill"}  # a count is no year
    # A person by surname, titles left out; "70th" is a rank, not a count.
    met = content_words("Russian President Vladimir Putin met leader Kim Jong Un on the 70th anniversary.")
    assert met == {"anniversary", "kim", "met", "putin", "russia"}
    assert content_words("Putin met Kim Jong-un on the anniversary.") == {
        "anniversary",
        "kim",
        "met",
        "putin",
    }


def test_since_dates_one_inside_the_other_are_compatible() -> None:
    from dprk_tracker.corroborate import compatible_dates, named_span

    assert named_span("2023-SU") == ("2023-06-01", "2023-08-31")
    assert named_span("2023-WI") == ("2023-12-01", "2024-02-29")
    assert named_span("2024-Q3") == ("2024-07-01", "2024-09-30")
    assert named_span("2024-W45") is None  # a week: only the same week

    def since(when: str, mod: str | None = None) -> dict:
        return {"when": when, "mod": mod, "relation": "ON_OR_AFTER"}

    assert compatible_dates(since("2023-07"), since("2023")) == "date since 2023-07 within since 2023"
    assert compatible_dates(since("2023-SU"), since("2023-08")) == "date since 2023-08 within since 2023-SU"
    assert compatible_dates(since("2023-08"), since("2023-FA")) is None  # August is no autumn month
    assert compatible_dates(since("2023-07"), since("2023", "START")) is None  # "since early 2023"
    assert compatible_dates(since("2023-07"), {**since("2023"), "relation": "ON_OR_BEFORE"}) is None


def test_event_rules_need_three_shared_words_and_one_claimant() -> None:
    from dprk_tracker.corroborate import content_words, event_match

    day = {"when": "2026-10-28", "earliest": "2026-10-28", "latest": "2026-10-28"}

    def match(a: str, b: str) -> str | None:
        return event_match(day, day, content_words(a), content_words(b))

    # Two words alike ("North Korea") are no event, however short the sentences.
    assert match("PYONGYANG, October 28.", "North Korea's media had not reported the meeting.") is None
    # One figure from two governments' agencies: two claims.
    nis = "The NIS said 14,000 North Korean troops are in Russia."
    assert match(nis, "HUR said 14,000 North Korean troops are in Russia.") is None
    assert match(nis, "About 14,000 North Korean troops are in Russia.") == (
        "same date 2026-10-28; similarity 0.83 ≥ 0.50"
    )


def test_a_row_joins_the_group_sharing_its_figure_before_a_same_date_one() -> None:
    from dprk_tracker.corroborate import group_events

    def row(row_id: int, when: str, first: str, last: str, text: str) -> dict:
        return {
            "id": row_id, "article_id": row_id, "when": when, "mod": None, "relation": None,
            "earliest": first, "latest": last, "text": text, "time_offset": None, "time_text": "",
        }  # fmt: skip

    autumn = ("2024-FA", "2024-09-01", "2024-11-30")
    rows = [
        row(
            1,
            "2024-10",
            "2024-10-01",
            "2024-10-31",
            "Kim Jong Un first deployed 11,000 soldiers to the Kursk front.",
        ),
        row(2, *autumn, "North Korean troops reached the Kursk front, state media showed."),
        row(3, *autumn, "About 11,000 North Korean troops reached the Kursk front."),
    ]
    groups = group_events(rows)
    # Row 3 matches both (the same season as row 2, similarity 0.75; row 1's month lies inside it,
    # and it states row 1's figure): the figure wins.
    assert [[r["id"] for r in g.rows] for g in groups] == [[1, 3], [2]]
    assert groups[0].why == [
        "event 3 (article 3) joins event 1 (article 1): date 2024-10 within 2024-FA; shared figure 11,000;"
        " similarity 0.40 ≥ 0.20"
    ]
