"""The notebook end to end through the CLI, on a temporary database, asserting exact output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dprk_tracker.cli import app


def rows(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# -- acceptance on the seed -------------------------------------------------------------------------


def test_seed_ingest_line(tracker, seed: Path) -> None:
    result = tracker("ingest", str(seed.parent))
    assert result.exit_code == 0
    assert result.stdout == (
        f"{seed}: article 1, Human Rights Groups Advocate for North Korean POW Asylum in South Korea — "
        "2025 (inferred), 6 events, 8 figures\n"
        "1 added, 0 duplicates, 0 failed; 6 events, 8 figures\n"
    )
    assert result.stderr == ""


def test_seed_reference_date_is_inferred(tracker, seed: Path) -> None:
    tracker("ingest", str(seed))
    [article] = rows(tracker("articles", "--format", "json"))
    assert (article["published"], article["published_source"], article["source"]) == (
        "2025",
        "inferred",
        "www.dailynk.com",
    )


def test_seed_timeline(tracker, seed: Path) -> None:
    tracker("ingest", str(seed))
    events = rows(tracker("timeline", "--format", "json"))
    assert [
        (e["date"], e["when"], e["time_text"], e["earliest"], e["latest"], e["topic"]) for e in events
    ] == [
        ("2023", "2023", "2023", "2023-01-01", "2023-12-31", "money"),
        ("since 2024", "2024", "2024", "2024-01-01", "2025-12-31", "deployment"),
        ("Jun 2024", "2024-06", "June 2024", "2024-06-01", "2024-06-30", "diplomacy"),
        ("by early 2025", "2025", "early 2025", None, "2025-04-30", "casualties"),
        ("2025", "2025", "earlier this year", "2025-01-01", "2025-12-31", "prisoners"),
        ("Feb 2025", "2025-02", "February", "2025-02-01", "2025-02-28", "prisoners"),
    ]
    assert events[0]["text"] == (
        "Moreover, a South Korean intelligence-affiliated think tank estimated that North Korea accrued "
        "around $540 million from arms sales in 2023, predominantly to Russia."
    )
    assert events[4]["text"] == (
        "The call for action arose following the capture of two North Korean soldiers in Russia’s Kursk "
        "region earlier this year."
    )


def test_seed_casualty_figures(tracker, seed: Path) -> None:
    tracker("ingest", str(seed))
    figures = rows(tracker("figures", "--topic", "casualties", "--format", "json"))
    assert [
        (f["value"], f["text"], f["low"], f["high"], f["qualifier"], f["unit"], f["percent"], f["as_of"])
        for f in figures
    ] == [
        (">3,000", "over 3,000", 3000, None, "over", "killed or injured", False, "by early 2025"),
        ("~40%", "approximately 40%", 40, 40, "approximately", "percent", True, "by early 2025"),
    ]


def test_seed_all_figures(tracker, seed: Path) -> None:
    tracker("ingest", str(seed))
    figures = rows(tracker("figures", "--format", "json"))
    found = {(f["text"], f["low"], f["high"], f["unit"], f["currency"], f["topic"]) for f in figures}
    assert ("between 10,000 to 12,000", 10000, 12000, "troops", None, "deployment") in found
    assert ("3,500", 3500, 3500, "soldiers", None, "deployment") in found
    assert ("around $540 million", 540000000, 540000000, "USD", "USD", "money") in found
    assert ("two", 2, 2, "soldiers captured", None, "prisoners") in found
    values = {f["low"] for f in figures} | {f["high"] for f in figures}
    for not_a_figure in (45, 1874, 0, 2023, 2024, 2025, 6136):
        assert not_a_figure not in values


def test_seed_table_output(tracker, seed: Path) -> None:
    tracker("ingest", str(seed))
    result = tracker("figures", "--topic", "casualties", "--limit", "1")
    assert result.stdout.splitlines()[3] == (
        "│ >3,000 │ killed or injured │ by early 2025 │    1 │ … been significant, with │"
    )


# -- ingest -----------------------------------------------------------------------------------------


def test_duplicate_changes_nothing(tracker, seed: Path) -> None:
    tracker("ingest", str(seed))
    again = tracker("ingest", str(seed))
    assert again.exit_code == 0
    assert (
        again.stdout
        == f"{seed}: duplicate of article 1\n0 added, 1 duplicates, 0 failed; 0 events, 0 figures\n"
    )
    assert len(rows(tracker("timeline", "--format", "json"))) == 6


def test_stdin_with_published_and_source(tracker) -> None:
    text = "Talks in Moscow\n\nOn Tuesday, officials said 1,500 workers arrived last month.\n"
    result = tracker("ingest", "-", "--published", "2025-03-05", "--source", "Example Wire", input=text)
    assert result.stdout.splitlines()[0] == (
        "<stdin>: article 1, Talks in Moscow — 2025-03-05 (option), 2 events, 1 figures"
    )
    [article] = rows(tracker("articles", "--format", "json"))
    assert (article["source"], article["path"]) == ("Example Wire", None)
    events = rows(tracker("timeline", "--format", "json"))
    assert [(e["when"], e["time_text"]) for e in events] == [
        ("2025-02", "last month"),
        ("2025-03-04", "Tuesday"),
    ]


def test_no_reference_date_leaves_relative_dates_unresolved(tracker) -> None:
    text = "Talks\n\nThe delegation met in February and again last month.\n"
    ingested = tracker("ingest", "-", input=text)
    assert ingested.stdout.splitlines()[0] == (
        "<stdin>: article 1, Talks — no date (its relative dates stay unresolved: --published gives one),"
        " 2 events, 0 figures"
    )
    [article] = rows(tracker("articles", "--format", "json"))
    assert article["published"] is None
    events = rows(tracker("timeline", "--format", "json"))
    assert [(e["when"], e["earliest"], e["latest"]) for e in events] == [
        ("XXXX-02", None, None),
        ("XXXX-XX", None, None),
    ]
    assert events[0]["date"].startswith("unresolved")


def test_dateline_gives_the_reference_date(tracker) -> None:
    text = "Troops arrive\n\nSEOUL, March 5, 2025 (Yonhap) -- North Korea sent 2,000 more troops last week.\n"
    tracker("ingest", "-", input=text)
    [article] = rows(tracker("articles", "--format", "json"))
    assert (article["published"], article["published_source"], article["source"]) == (
        "2025-03-05",
        "document",
        "Yonhap",
    )


def test_a_range_is_one_event_written_as_a_range(tracker) -> None:
    """A range ("between September 2023 and March 2025") is one event, dated as a range in every
    output; a count over a range is dated by the range too."""
    text = (
        "Deployments\n\nBetween September 2023 and March 2025, 3,000 troops were deployed. "
        "Troops arrived between 1 and 15 October. The Korean War of 1950-1953 ended in a truce. "
        "Units trained from March to May 2024.\n"
    )
    tracker("ingest", "-", "--published", "2025-05-01", input=text)
    events = rows(tracker("timeline", "--format", "json"))
    assert [(e["time_text"], e["when"], e["earliest"], e["latest"], e["date"]) for e in events] == [
        ("1950-1953", "1950", "1950-01-01", "1953-12-31", "1950–1953"),
        ("September 2023 and March 2025", "2023-09", "2023-09-01", "2025-03-31", "Sep 2023 – Mar 2025"),
        ("March to May 2024", "2024-03", "2024-03-01", "2024-05-31", "Mar–May 2024"),
        ("1 and 15 October", "2024-10-01", "2024-10-01", "2024-10-15", "1–15 Oct 2024"),
    ]
    [figure] = rows(tracker("figures", "--format", "json"))
    assert (figure["when"], figure["earliest"], figure["latest"], figure["as_of"]) == (
        "2025-03",
        "2023-09-01",
        "2025-03-31",
        "Sep 2023 – Mar 2025",
    )
    table = tracker("timeline").stdout
    assert "Sep 2023 – Mar 2025" in table and "1–15 Oct 2024" in table


@pytest.mark.parametrize(
    ("sentence", "event", "figure"),
    [
        (
            "Sales rose 20% in the 12 months to March.",
            ("March", "Apr 2024 – Mar 2025"),
            "Apr 2024 – Mar 2025",
        ),
        ("In the three months to June, 4,000 arrived.", ("June", "Apr–Jun 2025"), "Apr–Jun 2025"),
        # ("doubled" is a change of 2 times since round 28, dated by the span)
        (
            "Trade doubled in the two years to September.",
            ("September", "Oct 2023 – Sep 2025"),
            "Oct 2023 – Sep 2025",
        ),
    ],
)
def test_a_span_named_by_its_last_month(
    tracker, sentence: str, event: tuple[str, str], figure: str | None
) -> None:
    """A span named by its last month ("in the 12 months to March"): the months that end with it."""
    tracker("ingest", "-", "--published", "2025-10-15", input=f"Title\n\n{sentence}\n")
    [found] = rows(tracker("timeline", "--format", "json"))
    assert (found["time_text"], found["date"]) == event
    figures = rows(tracker("figures", "--format", "json"))
    assert [f["as_of"] for f in figures] == ([figure] if figure else [])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Two months in a row joined by "and" are one stretch of time...
        ("About 11,000 arrived in October and November.", [("October and November", "Oct–Nov 2024")]),
        (
            "Troops came in December 2024 and January 2025.",
            [("December 2024 and January 2025", "Dec 2024 – Jan 2025")],
        ),
        # ...months apart, or years, are separate dates.
        ("Visits in January and July 2024 were held.", [("January", "Jan 2024"), ("July 2024", "Jul 2024")]),
        ("Sanctions were imposed in 2023 and 2024.", [("2023", "2023"), ("2024", "2024")]),
    ],
)
def test_two_months_in_a_row_are_one_stretch(tracker, sentence: str, expected: list[tuple[str, str]]) -> None:
    tracker("ingest", "-", "--published", "2025-05-01", input=f"Title\n\n{sentence}\n")
    events = rows(tracker("timeline", "--format", "json"))
    assert [(e["time_text"], e["date"]) for e in events] == expected


def test_filters(tracker, seed: Path) -> None:
    tracker("ingest", str(seed))
    since = rows(tracker("timeline", "--since", "2025-02", "--format", "json"))
    assert [e["date"] for e in since] == ["since 2024", "by early 2025", "2025", "Feb 2025"]
    until = rows(tracker("timeline", "--until", "2024-06", "--format", "json"))
    # Overlap semantics: open intervals ("since 2024", "by early 2025") reach into any window.
    assert [e["date"] for e in until] == ["2023", "since 2024", "Jun 2024", "by early 2025"]
    window = rows(tracker("figures", "--since", "2023", "--until", "2023", "--format", "json"))
    assert [f["value"] for f in window] == ["~$540M"]
    limited = rows(tracker("timeline", "--limit", "2", "--topic", "prisoners", "--format", "json"))
    assert [e["date"] for e in limited] == ["2025", "Feb 2025"]
    missing = tracker("timeline", "--article", "7")
    assert (missing.exit_code, missing.stderr.startswith("error: no article 7 in ")) == (1, True)


# -- formats ----------------------------------------------------------------------------------------


def test_csv_and_markdown(tracker, seed: Path) -> None:
    tracker("ingest", str(seed))
    csv = tracker("figures", "--topic", "casualties", "--format", "csv").stdout.splitlines()
    assert csv[0] == (
        "id,article_id,value,text,low,high,qualifier,unit,currency,percent,topic,as_of,when,when_mod,"
        "relation,earliest,latest,sentence,title,source,sources,articles"
    )
    assert csv[1].startswith('5,1,">3,000","over 3,000",3000,,over,killed or injured,,False,casualties,')
    assert csv[1].endswith(",1,[1]")  # corroboration: one source, article 1
    markdown = tracker("timeline", "--format", "markdown", "--limit", "1").stdout.splitlines()
    assert markdown[0] == "| Date | Event | Topic | Art. |"
    assert markdown[1] == "| --- | --- | --- | ---: |"
    assert markdown[2].startswith("| 2023 | Moreover, a South Korean intelligence-affiliated think tank")


def test_summary_of_notebook_and_article(tracker, seed: Path) -> None:
    tracker("ingest", str(seed))
    overview = rows(tracker("summary", "--format", "json"))
    assert (overview["articles"], overview["events"], overview["figures"]) == (1, 6, 8)
    assert {t["topic"]: (t["events"], t["figures"]) for t in overview["topics"]} == {
        "casualties": (1, 2),
        "deployment": (1, 3),
        "diplomacy": (1, 1),
        "money": (1, 1),
        "prisoners": (2, 1),  # the summary's "two prisoners" is the body's "two soldiers"
    }
    one = rows(tracker("summary", "1", "--format", "json"))
    assert one["article"]["published_source"] == "inferred"
    assert len(one["events"]) == 6 and len(one["figures"]) == 8
    table = tracker("summary", "1").stdout
    assert "│ Reference date │ 2025 (inferred: the latest year the text names)" in table


def test_table_counts_are_grouped_by_thousands_and_data_keeps_numbers() -> None:
    from dprk_tracker.cli import _count

    assert (_count(1_362_958), _count(7), _count("2024-01-01 to 2025-12-31")) == (
        "1,362,958",
        "7",
        "2024-01-01 to 2025-12-31",
    )


# -- extract ----------------------------------------------------------------------------------------


def test_extract_contract(tracker, seed: Path) -> None:
    data = rows(tracker("extract", str(seed)))
    assert list(data) == ["title", "published", "published_source", "times", "events", "figures"]
    text = seed.read_text("utf-8")
    for item in data["times"] + data["figures"]:
        assert text[item["start"] : item["end"]] == item["text"]
    assert set(data["times"][0]) == {"text", "start", "end", "type", "value", "mod", "earliest", "latest"}
    assert {"when", "earliest", "latest", "text", "start", "end", "topic"} <= set(data["events"][0])
    assert {
        "text",
        "start",
        "end",
        "low",
        "high",
        "qualifier",
        "unit",
        "currency",
        "percent",
        "topic",
        "when",
    } <= set(data["figures"][0])


def test_extract_jsonl_keeps_going_after_a_bad_line(tracker) -> None:
    lines = "\n".join(
        [
            json.dumps(
                {"id": "a", "text": "Over 300 soldiers were killed in 2024.", "published": "2025-01-10"}
            ),
            "{not json",
            json.dumps({"id": "c", "text": "No numbers here."}),
        ]
    )
    result = tracker("extract", "-", "--jsonl", input=lines)
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 2, "c"]
    assert out[0]["figures"][0]["text"] == "Over 300" and out[0]["figures"][0]["low"] == 300
    assert "error" in out[1]
    assert out[2]["figures"] == []


# -- where the notebook lives, topics ---------------------------------------------------------------


def test_default_location_and_env(
    runner, seed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRACKER_DB", raising=False)
    assert runner.invoke(app, ["ingest", str(seed)]).exit_code == 0
    assert (tmp_path / "data" / "tracker.db").is_file()
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "elsewhere.db"))
    assert runner.invoke(app, ["ingest", str(seed)]).stdout.endswith(
        "1 added, 0 duplicates, 0 failed; 6 events, 8 figures\n"
    )


def test_user_topics_beside_the_notebook_and_option(tracker, db: Path, tmp_path: Path) -> None:
    db.parent.mkdir(parents=True)
    (db.parent / "topics.toml").write_text('[topics.energy]\nweight = 2.0\nkeywords = ["oil", "barrels"]\n')
    tracker("ingest", "-", input="Oil\n\nRussia shipped over 1 million barrels of oil in 2024.\n")
    assert [f["topic"] for f in rows(tracker("figures", "--format", "json"))] == ["energy"]
    extra = tmp_path / "mine.toml"
    extra.write_text('[topics.labour]\nkeywords = ["workers"]\n')
    result = tracker("--topics", str(extra), "extract", "-", input="About 1,000 workers left in 2024.")
    assert [f["topic"] for f in json.loads(result.stdout)["figures"]] == ["labour"]
    bad = tmp_path / "bad.toml"
    bad.write_text("topics = 3\n")
    failed = tracker("--topics", str(bad), "timeline")
    assert failed.exit_code == 1
    assert failed.stderr == f"error: {bad}: expected a [topics.NAME] table\n"


# -- text from articles is data ---------------------------------------------------------------------


def test_markup_and_control_characters_print_literally(tracker) -> None:
    text = (
        "[bold red]Alert[/] \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\\n\n"
        "In 2024 [bold]over 300[/] soldiers\x07 were \x1b[31mkilled\x1b[0m [link=http://x]here[/link].\n"
    )
    tracker("ingest", "-", input=text)
    for command in (["timeline"], ["figures"], ["articles"], ["summary"], ["summary", "1"]):
        out = tracker(*command).stdout
        assert "\x1b" not in out and "\x07" not in out, command
    assert "[bold]over 300[/]" in tracker("timeline").stdout.replace("\n", " ").replace("│", "")
    assert "[bold red]Alert[/]" in tracker("articles").stdout


# -- summary counts kept by triggers (migration m007) -----------------------------------------------


def scanned_overview(db: Path) -> dict:
    """What summary reports, counted by scanning every row (the queries it ran before m007)."""
    import sqlite3

    conn = sqlite3.connect(db)
    one = lambda sql: conn.execute(sql).fetchone()  # noqa: E731
    topics = conn.execute(
        "select topic, sum(events), sum(figures) from ("
        " select topic, count(*) as events, 0 as figures from events group by topic"
        " union all select topic, 0, count(*) from figures group by topic) group by topic order by topic"
    ).fetchall()
    scanned = {
        "articles": one("select count(*) from articles")[0],
        "events": one("select count(*) from events")[0],
        "figures": one("select count(*) from figures")[0],
        "span": one("select min(sort_date), max(coalesce(latest, earliest)) from events"),
        "topics": [{"topic": t, "events": e, "figures": f} for t, e, f in topics],
    }
    conn.close()
    return scanned


def kept_overview(db: Path) -> dict:
    from dprk_tracker.db import Notebook

    notebook = Notebook(db, create=False)
    overview = notebook.overview()
    assert notebook.topics() == [t["topic"] for t in overview["topics"]]
    notebook.close()
    return {
        "articles": overview["articles"],
        "events": overview["events"],
        "figures": overview["figures"],
        "span": (overview["earliest"], overview["latest"]),
        "topics": overview["topics"],
    }


def test_summary_counts_follow_ingest_remove_reextract_and_edits(tracker, seed: Path, db: Path) -> None:
    import sqlite3

    from tests.notebook_fixtures import ingest_articles

    tracker("ingest", str(seed))
    ingest_articles(tracker, seed.parent.parent / "articles")
    assert kept_overview(db) == scanned_overview(db)
    assert kept_overview(db) == {
        "articles": 4,
        "events": 10,
        "figures": 11,
        "span": ("2023-01-01", "2025-12-31"),
        "topics": [
            {"topic": "casualties", "events": 1, "figures": 2},
            {"topic": "deployment", "events": 4, "figures": 5},
            {"topic": "diplomacy", "events": 1, "figures": 1},
            {"topic": "money", "events": 1, "figures": 1},
            {"topic": "prisoners", "events": 2, "figures": 1},
            {"topic": "sanctions", "events": 1, "figures": 1},
        ],
    }
    # The seed (article 1) holds the whole span and four topics alone; removing it moves both ends.
    assert tracker("remove", "1").exit_code == 0
    assert kept_overview(db) == scanned_overview(db)
    assert kept_overview(db) == {
        "articles": 3,
        "events": 4,
        "figures": 3,
        "span": ("2024-03-01", "2025-03-04"),
        "topics": [
            {"topic": "deployment", "events": 3, "figures": 2},
            {"topic": "sanctions", "events": 1, "figures": 1},
        ],
    }
    conn = sqlite3.connect(db)
    conn.execute("pragma foreign_keys = on")
    conn.execute("update events set topic = 'money', latest = '2030-01-01' where id = 7")
    conn.execute("update events set sort_date = null, earliest = null, latest = null where article_id = 3")
    conn.execute("update figures set topic = 'casualties' where topic = 'sanctions'")
    conn.execute("update articles set extractor_version = 'old'")
    conn.commit()
    conn.close()
    assert kept_overview(db) == scanned_overview(db)
    assert kept_overview(db)["span"] == ("2025-01-01", "2030-01-01")
    assert [t["topic"] for t in kept_overview(db)["topics"]] == [
        "casualties",
        "deployment",
        "money",
        "sanctions",
    ]
    assert tracker("reextract").exit_code == 0  # delete and insert every row again
    assert kept_overview(db) == scanned_overview(db)
    for article in (2, 3, 4):
        assert tracker("remove", str(article)).exit_code == 0
    assert kept_overview(db) == scanned_overview(db)
    assert kept_overview(db) == {"articles": 0, "events": 0, "figures": 0, "span": (None, None), "topics": []}


def test_summary_counts_are_backfilled_for_older_notebooks(tracker, seed: Path, db: Path) -> None:
    import sqlite3

    from tests.notebook_fixtures import ingest_articles

    tracker("ingest", str(seed))
    ingest_articles(tracker, seed.parent.parent / "articles")
    expected = scanned_overview(db)
    # Back to the schema before m007: no counts, no triggers, no span indexes.
    conn = sqlite3.connect(db)
    for (trigger,) in conn.execute("select name from sqlite_master where name like '%_counts_a_'").fetchall():
        conn.execute(f"drop trigger {trigger}")
    conn.execute("drop table topic_counts")
    conn.execute("drop table event_dates")
    m007_indexes = (
        "figures_span", "figures_span_page", "figures_topic_span_page", "figures_half_open_page",
        "articles_published_by_id",
    )  # fmt: skip
    for index in m007_indexes:
        conn.execute(f"drop index {index}")
    conn.execute("delete from _sqlite_migrations where name = 'm007_read_at_scale'")
    conn.commit()
    conn.close()
    assert kept_overview(db) == expected
    assert expected["events"] == 10 and expected["span"] == ("2023-01-01", "2025-12-31")


def test_figures_since_reads_each_span_class_from_its_own_start(
    tracker, seed: Path, db: Path, tmp_path: Path
) -> None:
    """figures --since reads dated figures by span class from since minus the class's longest span,
    and open-ended ones from their own index, merged in page order: the page a walk over every row
    gives, long spans and open ends included."""
    import sqlite3

    from dprk_tracker.db import Filters, Notebook

    tracker("ingest", str(seed))  # figures 1-8
    extra = tmp_path / "extra.txt"  # figure 9
    extra.write_text("Troops moved\n\nOfficials said 500 troops moved in July 2024.\n", encoding="utf-8")
    tracker("ingest", str(extra))
    spans = {
        1: ("2020-01-01", "2029-12-31"),  # a decade: the longest span, overlaps
        2: ("2024-05-01", "2024-05-31"),  # ends the day before since
        3: ("2024-05-20", "2024-06-05"),
        4: ("2024-01-01", "2024-12-31"),
        5: ("2024-04-01", "2024-06-30"),
        6: ("2023-01-01", None),  # since 2023
        7: (None, "2025-04-30"),  # by early 2025
        8: (None, None),  # unresolved
        9: ("2024-07-01", "2024-07-31"),
    }
    conn = sqlite3.connect(db)
    for figure, (earliest, latest) in spans.items():
        conn.execute(
            "update figures set earliest = ?, latest = ?, group_id = id where id = ?",
            [earliest, latest, figure],
        )
    conn.commit()
    conn.close()
    notebook = Notebook(db, create=False)
    for filters, expected in [
        (Filters(since="2024-06-01"), [1, 6, 4, 5, 3, 9, 7]),
        (Filters(since="2024-06-01", until="2024-06-30"), [1, 6, 4, 5, 3, 7]),
        (Filters(since="2024-06-01", limit=3), [1, 6, 4]),
        (Filters(since="2025-01-01"), [1, 6, 7]),
        (Filters(since="2030-01-01"), [6]),
        (Filters(since="2024-06"), [1, 6, 4, 5, 3, 9, 7]),  # not a day: the walk over every row
    ]:
        page = [[row["id"] for row in group] for group in notebook.grouped("figures", filters)]
        assert page == [[figure] for figure in expected], filters
        assert [row["id"] for row in notebook.figures(filters)] == expected  # the walk over every row


def test_a_table_without_limit_shows_the_first_rows_and_says_so(
    tracker, seed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dprk_tracker import cli

    tracker("ingest", str(seed))
    monkeypatch.setattr(cli, "TABLE_ROWS", 2)
    note = "(the first 2 rows: --limit N shows more, --format json or csv shows all)\n"
    for command in ("timeline", "figures", "articles"):
        table = tracker(command)
        assert table.stderr == (note if command != "articles" else ""), command
    assert len(rows(tracker("timeline", "--format", "json"))) == 6  # data formats carry every row
    assert tracker("timeline", "--limit", "3").stderr == ""
    assert tracker("timeline").stdout == tracker("timeline", "--limit", "2").stdout
    assert tracker("figures").stdout == tracker("figures", "--limit", "2").stdout


def test_summary_latest_figure_is_no_forecast(tracker, articles) -> None:
    folder = articles(
        (
            "a.md",
            "More troops expected",
            "Yonhap",
            "2025-03-10",
            "About 11,000 troops were sent in October 2024.\n\n"
            "A further 3,000 troops could be sent by the end of the year, officials said.",
        )
    )
    assert tracker("ingest", str(folder)).exit_code == 0
    overview = rows(tracker("summary", "--format", "json"))
    # "by the end of the year" in March is a forecast (December 2025): the latest count is October's.
    assert [(f["topic"], f["text"], f["when"]) for f in overview["latest_figures"]] == [
        ("deployment", "About 11,000", "2024-10")
    ]
    assert [(f["text"], f["earliest"]) for f in rows(tracker("figures", "--format", "json"))] == [
        ("About 11,000", "2024-10-01"),
        ("3,000", "2025-12-01"),
    ]
