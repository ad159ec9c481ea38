"""tracker remove and tracker reextract, through the CLI on a temporary notebook."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dprk_tracker.extract import EXTRACTOR_VERSION
from tests.notebook_fixtures import error_line, ingest_articles, rows


@pytest.fixture
def notebook(tracker, tmp_path: Path):
    ingest_articles(tracker, tmp_path / "articles")
    return tracker


def sql(db: Path, *statements: str) -> None:
    """Change the notebook behind the CLI's back (to stand in for an older extractor)."""
    with sqlite3.connect(db) as conn:
        for statement in statements:
            conn.execute(statement)


def count(db: Path, query: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(query).fetchone()[0]


# -- remove -----------------------------------------------------------------------------------------


def test_remove_takes_everything_with_it(notebook, db: Path) -> None:
    notebook("note", "add", "article", "1", "a")
    notebook("note", "add", "event", "2", "b")
    notebook("tag", "add", "figure", "1", "c")
    notebook("note", "add", "event", "3", "other article")
    result = notebook("remove", "1")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "removed article 1 (Talks in Moscow): 2 events, 1 figures, 2 notes, 1 tags\n"
    assert [a["id"] for a in rows(notebook("articles", "--format", "json"))] == [2, 3]
    assert sorted(e["article_id"] for e in rows(notebook("timeline", "--format", "json"))) == [2, 3]
    assert [f["article_id"] for f in rows(notebook("figures", "--format", "json"))] == [2, 3]
    assert [n["text"] for n in rows(notebook("note", "list", "--format", "json"))] == ["other article"]
    assert rows(notebook("tag", "list", "--format", "json")) == []
    assert rows(notebook("search", "workers", "--format", "json")) == []
    assert count(db, "select count(*) from articles_fts where articles_fts match 'workers'") == 0


def test_remove_missing_article(notebook, db: Path) -> None:
    assert error_line(notebook("remove", "9")) == f"error: no article 9 in {db}"


def test_removed_article_can_be_ingested_again(notebook, tmp_path: Path) -> None:
    notebook("remove", "2")
    again = notebook("ingest", str(tmp_path / "articles" / "border.txt"), "--published", "2024-04")
    assert again.stdout.splitlines()[0].endswith(
        "article 4, Border incident — 2024-04 (option), 1 events, 1 figures"
    )


# -- reextract --------------------------------------------------------------------------------------


def test_nothing_to_reextract(notebook) -> None:
    result = notebook("reextract")
    assert (result.exit_code, result.stdout) == (
        0,
        f"nothing to re-extract: every article is at extractor version {EXTRACTOR_VERSION}\n",
    )


def test_reextract_all_of_an_unchanged_notebook_keeps_ids(notebook) -> None:
    before_events = notebook("timeline", "--format", "json").stdout
    before_figures = notebook("figures", "--format", "json").stdout
    result = notebook("reextract", "--all")
    # (a whole notebook: only the articles that changed get a line)
    assert result.stdout == (
        f"3 re-extracted with extractor version {EXTRACTOR_VERSION}: 0 changed; "
        "events +0 -0 ~0, figures +0 -0 ~0; 0 notes and 0 tags dropped\n"
    )
    # articles named are each answered
    assert notebook("reextract", "3", "1").stdout == (
        "article 3: unchanged\narticle 1: unchanged\n"
        f"2 re-extracted with extractor version {EXTRACTOR_VERSION}: 0 changed; "
        "events +0 -0 ~0, figures +0 -0 ~0; 0 notes and 0 tags dropped\n"
    )
    assert notebook("timeline", "--format", "json").stdout == before_events
    assert notebook("figures", "--format", "json").stdout == before_figures


def test_reextract_reports_changes_and_keeps_annotations(notebook, db: Path) -> None:
    notebook("note", "add", "event", "1", "kept on event 1")
    notebook("tag", "add", "figure", "1", "workers")
    notebook("note", "add", "figure", "2", "on a figure the new extractor does not find")
    notebook("tag", "add", "figure", "2", "gone")
    sql(
        db,
        "update articles set extractor_version = 'old' where id in (1, 2)",
        "delete from events where id = 2",  # the old extractor missed "last month"
        "update figures set start = start + 1 where id = 2",  # and read this figure differently
    )
    result = notebook("reextract")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "article 1: events +1 -0 ~0, figures +0 -0 ~0\n"
        "article 2: events +0 -0 ~0, figures +1 -1 ~0\n"
        f"2 re-extracted with extractor version {EXTRACTOR_VERSION}: 2 changed; "
        "events +1 -0 ~0, figures +1 -1 ~0; "
        "1 notes and 1 tags dropped\n"
    )
    assert result.stderr == (
        "warning: article 2: dropped note 2 on vanished figure 2: "
        "on a figure the new extractor does not find\n"
        "warning: article 2: dropped tag 'gone' on vanished figure 2\n"
    )
    events = rows(notebook("timeline", "--article", "1", "--notes", "--format", "json"))
    assert [(e["id"], e["time_text"], e["notes"]) for e in events] == [
        (6, "last month", []),  # new rows take fresh ids
        (1, "Tuesday", ["kept on event 1"]),
    ]
    figures = rows(notebook("figures", "--format", "json"))
    assert sorted((f["id"], f["article_id"], f["text"]) for f in figures) == [
        (1, 1, "1,500"),
        (3, 3, "12"),
        (4, 2, "about 20"),
    ]
    assert rows(notebook("tag", "list", "--format", "json")) == [
        {"tag": "workers", "kind": "figure", "target_id": 1, "article_id": 1}
    ]
    assert count(db, f"select count(*) from articles where extractor_version = '{EXTRACTOR_VERSION}'") == 3
    assert notebook("reextract").stdout.startswith("nothing to re-extract")


def test_reextract_keeps_a_given_date_and_redoes_a_found_one(notebook, db: Path, seed: Path) -> None:
    notebook("ingest", str(seed))
    sql(
        db,
        "update articles set extractor_version = 'old'",
        # An older extractor inferred another year for the seed; article 1's date was given with --published.
        "update articles set published = '2019' where id = 4",
    )
    result = notebook("reextract")
    assert result.stdout.splitlines() == [
        "article 4: events +0 -0 ~0, figures +0 -0 ~0, reference date 2019 -> 2025",
        f"4 re-extracted with extractor version {EXTRACTOR_VERSION}: 1 changed; "
        "events +0 -0 ~0, figures +0 -0 ~0; "
        "0 notes and 0 tags dropped",
    ]
    articles = {a["id"]: a for a in rows(notebook("articles", "--format", "json"))}
    assert (articles[1]["published"], articles[1]["published_source"]) == ("2025-03-05", "option")
    assert (articles[4]["published"], articles[4]["published_source"]) == ("2025", "inferred")


def test_reextract_re_dates_the_articles_named(tracker, db: Path) -> None:
    """A wrong reference date is mended in place: its relative dates resolve again against the date
    given, and the notes stay. Ingesting the file again with that date only says how."""
    text = "Talks\n\nThe delegation met in February and again last month.\n"
    tracker("ingest", "-", "--published", "2025-05-10", input=text)
    tracker("note", "add", "event", "1", "which February?")
    again = tracker("ingest", "-", "--published", "2024-05-10", input=text)
    assert again.stdout.splitlines()[0] == (
        "<stdin>: duplicate of article 1 (to re-date it: tracker reextract 1 --published 2024-05-10)"
    )
    result = tracker("reextract", "1", "--published", "2024-05-10")
    assert result.stdout.splitlines() == [
        "article 1: events +0 -0 ~2, figures +0 -0 ~0, reference date 2025-05-10 -> 2024-05-10",
        f"1 re-extracted with extractor version {EXTRACTOR_VERSION}: 1 changed; "
        "events +0 -0 ~2, figures +0 -0 ~0; 0 notes and 0 tags dropped",
    ]
    events = rows(tracker("timeline", "--notes", "--format", "json"))
    assert [(e["id"], e["when"], e["notes"]) for e in events] == [
        (1, "2024-02", ["which February?"]),
        (2, "2024-04", []),
    ]
    # The date given is kept by later runs, as ingest's is.
    assert tracker("reextract", "1").stdout.splitlines()[0] == "article 1: unchanged"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--published", "2024-05-10"), "error: --published re-dates the articles named: give their ids"),
        (("1", "--all"), "error: give article ids or --all, not both"),
        (("9", "--published", "2024-05-10"), "error: no article 9 in"),
        (("1", "--published", "2024-13-10"), "error: not a date: '2024-13-10'"),
    ],
)
def test_reextract_re_dating_mistakes_are_one_line(tracker, args: tuple[str, ...], message: str) -> None:
    tracker("ingest", "-", input="Talks\n\nThey met in February.\n")
    assert error_line(tracker("reextract", *args)).startswith(message)


def test_reextract_on_missing_notebook(tracker, db: Path) -> None:
    assert error_line(tracker("reextract")) == f"error: no notebook at {db}: ingest an article first"


def test_reextract_counts_rows_that_move_to_a_new_topic(notebook, db: Path, tmp_path: Path) -> None:
    notebook("note", "add", "figure", "3", "kept on the moved figure")
    lexicon = tmp_path / "shipping.toml"
    lexicon.write_text('[topics.shipping]\nweight = 2.0\nkeywords = ["shipping"]\n', encoding="utf-8")
    result = notebook("--topics", str(lexicon), "reextract", "--all")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "article 3: events +0 -0 ~1, figures +0 -0 ~1\n"
        f"3 re-extracted with extractor version {EXTRACTOR_VERSION}: 1 changed; "
        "events +0 -0 ~1, figures +0 -0 ~1; 0 notes and 0 tags dropped\n"
    )
    figures = rows(notebook("figures", "--article", "3", "--notes", "--format", "json"))
    assert [(f["id"], f["topic"], f["notes"]) for f in figures] == [
        (3, "shipping", ["kept on the moved figure"])
    ]
    events = rows(notebook("timeline", "--article", "3", "--format", "json"))
    assert [(e["id"], e["topic"]) for e in events] == [(4, "shipping")]
    # Run again with the same lexicon: nothing differs any more.
    again = notebook("--topics", str(lexicon), "reextract", "--all")
    assert again.stdout.splitlines()[-1] == (
        f"3 re-extracted with extractor version {EXTRACTOR_VERSION}: 0 changed; "
        "events +0 -0 ~0, figures +0 -0 ~0; 0 notes and 0 tags dropped"
    )


def test_articles_read_by_an_older_extractor_are_counted_until_reextracted(
    tracker, seed: Path, db: Path
) -> None:
    assert tracker("ingest", str(seed)).exit_code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("update articles set extractor_version = '0'")
    conn.close()
    assert rows(tracker("summary", "--format", "json"))["outdated"] == 1
    assert "│ Older extractions │ 1 article (tracker reextract updates it) " in tracker("summary").stdout
    # an ingest says so too, once, after its counts
    assert tracker("ingest", str(seed)).stderr == (
        "note: 1 article in this notebook was read by an older version of the extractors:"
        " tracker reextract updates it\n"
    )
    assert tracker("reextract").exit_code == 0
    assert rows(tracker("summary", "--format", "json"))["outdated"] == 0
    assert "Older extractions" not in tracker("summary").stdout
    assert tracker("ingest", str(seed)).stderr == ""


def test_reextract_of_an_unchanged_article_moves_only_its_version(notebook, db: Path) -> None:
    with sqlite3.connect(db) as conn:
        groups = conn.execute(
            "select id, group_id from events union all select id, group_id from figures"
        ).fetchall()
    conn.close()
    sql(db, "update articles set extractor_version = 'old'", "update events set topic = 'other' where id = 1")
    result = notebook("reextract")
    # article 1 held one value the extractor no longer gives: it alone is rewritten
    assert result.stdout.splitlines() == [
        "article 1: events +0 -0 ~1, figures +0 -0 ~0",
        f"3 re-extracted with extractor version {EXTRACTOR_VERSION}: 1 changed; "
        "events +0 -0 ~1, figures +0 -0 ~0; 0 notes and 0 tags dropped",
    ]
    with sqlite3.connect(db) as conn:
        after = conn.execute(
            "select id, group_id from events union all select id, group_id from figures"
        ).fetchall()
        assert conn.execute("select topic from events where id = 1").fetchone()[0] != "other"
    conn.close()
    assert after == groups
    assert count(db, f"select count(*) from articles where extractor_version = '{EXTRACTOR_VERSION}'") == 3


def test_reextract_with_jobs_writes_what_one_process_writes(notebook, db: Path, tmp_path: Path) -> None:
    lexicon = tmp_path / "shipping.toml"
    lexicon.write_text('[topics.shipping]\nweight = 2.0\nkeywords = ["shipping"]\n', encoding="utf-8")
    sql(db, "update articles set extractor_version = 'old'", "update events set topic = 'other' where id = 1")
    copy = tmp_path / "copy.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    source.close()
    target.close()
    serial = notebook("--topics", str(lexicon), "reextract")
    parallel = notebook("--db", str(copy), "--topics", str(lexicon), "reextract", "--jobs", "2")
    assert (parallel.exit_code, parallel.stdout, parallel.stderr) == (0, serial.stdout, "")
    assert serial.stdout.splitlines()[:2] == [
        "article 1: events +0 -0 ~1, figures +0 -0 ~0",
        "article 3: events +0 -0 ~1, figures +0 -0 ~1",
    ]

    def stored(path: Path) -> list[tuple]:
        with sqlite3.connect(path) as conn:
            found = conn.execute(
                "select 'e', id, topic, earliest, latest, group_id from events"
                " union all select 'f', id, topic, low, high, group_id from figures order by 1, 2"
            ).fetchall()
        conn.close()
        return found

    assert stored(copy) == stored(db)
    assert count(copy, f"select count(*) from articles where extractor_version = '{EXTRACTOR_VERSION}'") == 3


def test_reextract_reads_again_a_title_and_source_taken_from_the_text(
    tracker, db: Path, tmp_path: Path
) -> None:
    story = tmp_path / "kyiv.txt"
    story.write_text(
        "The Kyiv Independent\n\nHUR says North Korea will send thousands more workers to Russia\n\n"
        "North Korea will send 6,000 more workers to Russia in 2026, HUR said on Tuesday.\n"
    )
    given = tmp_path / "given.md"
    given.write_text("---\ntitle: Given title\n---\n\nWorkers left for Russia in May 2025.\n")
    assert tracker("ingest", str(story), str(given), "--published", "2026-01-15").exit_code == 0
    # As an older reader stored them: the label as the title, no source; a title given by metadata.
    sql(
        db,
        "update articles set title = 'The Kyiv Independent', source = null where id = 1",
        "update articles set extractor_version = 'old'",
    )
    result = tracker("reextract")
    assert result.stdout.splitlines() == [
        "article 1: events +0 -0 ~0, figures +0 -0 ~0, "
        "title 'HUR says North Korea will send thousands more workers to Russia', source 'Kyiv Independent'",
        f"2 re-extracted with extractor version {EXTRACTOR_VERSION}: 1 changed; "
        "events +0 -0 ~0, figures +0 -0 ~0; 0 notes and 0 tags dropped",
    ]
    assert [(a["title"], a["source"]) for a in rows(tracker("articles", "--format", "json"))] == [
        ("HUR says North Korea will send thousands more workers to Russia", "Kyiv Independent"),
        ("Given title", None),
    ]


def test_reextract_regroups_rows_grouped_by_older_rules(notebook, db: Path) -> None:
    with sqlite3.connect(db) as conn:
        marked = conn.execute("select id, words from events order by id").fetchall()
    conn.close()
    # As an older notebook stored them: words without the current rules' mark.
    sql(db, "update events set words = substr(words, 3) where article_id = 2")
    result = notebook("reextract", "--all")
    assert result.stdout.splitlines()[-1] == (
        f"3 re-extracted with extractor version {EXTRACTOR_VERSION}: 0 changed; "
        "events +0 -0 ~0, figures +0 -0 ~0; 0 notes and 0 tags dropped"
    )
    with sqlite3.connect(db) as conn:
        assert conn.execute("select id, words from events order by id").fetchall() == marked
    conn.close()
