"""More ways in, through the CLI: HTML pages, JSON Lines files of articles, and ``--jobs N``."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

PAGE = """<!DOCTYPE html>
<html><head><title>North Korea sends more troops | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-03-05T09:00:00+09:00">
<link rel="canonical" href="https://news.example.com/nk-troops">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li>Subscribe to our newsletter</li></ul></nav>
<article><h1>North Korea sends more troops</h1>
<p>North Korea sent about 11,000 troops to Russia in October 2024, South Korea's spy agency said on
Tuesday.</p>
<p>More than 3,000 of them have been killed or wounded in the Kursk region since December, according
to the agency, which briefed lawmakers in Seoul.</p>
<p>The deployment followed a summit between Kim Jong Un and Vladimir Putin in June 2024, at which the
two leaders signed a mutual defence treaty.</p>
</article>
<section id="comments"><h3>Comments</h3><p>Reader123: This is terrible news, 500 comments already!</p>
</section>
<footer>Copyright 2025 Example News. All rights reserved.</footer>
</body></html>
"""

FEED = "\n".join(
    [
        json.dumps(
            {
                "title": "Troops in Kursk",
                "text": "North Korea sent 11,000 troops to Russia in October 2024, officials said.",
                "published": "2025-03-05T10:00:00Z",
                "source": "Wire A",
                "url": "https://a.example/1",
            }
        ),
        "not json at all",
        json.dumps({"title": "No text here", "published": "2025-03-05"}),
        json.dumps({"title": "Bad date", "text": "Something happened.", "published": "yesterday"}),
        "",
        json.dumps(
            {
                "title": "Casualties",
                "text": "Over 3,000 North Korean soldiers were killed or wounded, Seoul said in March 2025.",
                "published": "2025-03-07",
                "source": "Wire B",
            }
        ),
    ]
)


def data(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# -- HTML ------------------------------------------------------------------------------------------


def test_html_page_title_date_and_main_text(tracker, tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = tracker("ingest", str(page))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"{page}: article 1, North Korea sends more troops — 2025-03-05 (document), 4 events, 2 figures\n"
        "1 added, 0 duplicates, 0 failed; 4 events, 2 figures\n"
    )
    summary = data(tracker("summary", "1", "--format", "json"))
    article = summary["article"]
    assert (article["title"], article["source"], article["url"], article["published_source"]) == (
        "North Korea sends more troops",  # the <title> without " | Example News"
        "Example News",
        "https://news.example.com/nk-troops",
        "document",
    )
    # ("the two leaders" names the pair again: no figure)
    assert [f["text"] for f in summary["figures"]] == ["about 11,000", "More than 3,000"]
    body = (
        sqlite3.connect(tmp_path / "notebook" / "tracker.db")
        .execute("select body from articles")
        .fetchone()[0]
    )
    assert "More than 3,000 of them have been killed or wounded" in body
    for boilerplate in ("Subscribe", "Home", "Reader123", "Comments", "Copyright"):
        assert boilerplate not in body  # navigation, comments and footer left out
    dates = [e["date"] for e in data(tracker("timeline", "--format", "json"))]
    assert dates == ["Jun 2024", "Oct 2024", "since Dec 2024", "4 Mar 2025"]  # "on Tuesday" from the date


def test_extract_html_offsets_refer_to_the_converted_text(tracker, tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    page = tmp_path / "page.htm"
    page.write_text(PAGE, encoding="utf-8")
    result = data(tracker("extract", str(page), "--format", "json"))
    assert (result["title"], result["published"], result["published_source"]) == (
        "North Korea sends more troops",
        "2025-03-05",
        "document",
    )
    assert [t["value"] for t in result["times"]] == ["2024-10", "2025-03-04", "2024-12", "2024-06"]


def test_missing_html_extra_is_one_clear_line(
    tracker, tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # "import trafilatura" now fails
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "note.txt").write_text("Plain\n\nNorth Korea sent 11,000 troops in October 2024.\n")
    hint = "HTML needs the html extra: pip install 'dprk-tracker[html]'"
    result = tracker("ingest", str(folder))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"error: {hint}\n")
    assert not db.exists()  # nothing half-written: the check comes before the notebook is opened
    extracted = tracker("extract", str(folder / "page.html"))
    assert (extracted.exit_code, extracted.stdout, extracted.stderr) == (1, "", f"error: {hint}\n")
    piped = tracker("ingest", "-", input=PAGE)
    assert (piped.exit_code, piped.stderr) == (1, f"error: <stdin>: {hint}\n")


# -- JSON Lines ------------------------------------------------------------------------------------


def test_jsonl_articles_and_bad_lines(tracker, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(FEED + "\n", encoding="utf-8")
    result = tracker("ingest", str(feed))
    assert result.exit_code == 1  # some lines failed
    assert result.stdout == (
        f"{feed}:1: article 1, Troops in Kursk — 2025-03-05 (document), 1 events, 1 figures\n"
        f"{feed}:6: article 2, Casualties — 2025-03-07 (document), 1 events, 1 figures\n"
        "2 added, 0 duplicates, 3 failed; 2 events, 2 figures\n"
    )
    assert result.stderr == (
        f"error: {feed}:2: not JSON (Expecting value)\n"
        f'error: {feed}:3: missing "text"\n'
        f"error: {feed}:4: not a date: 'yesterday' "
        '(use YYYY-MM-DD, YYYY-MM, YYYY or a month name: "March 2025")\n'
    )
    rows = data(tracker("articles", "--format", "json"))
    assert [(a["id"], a["title"], a["source"], a["published"], a["published_source"]) for a in rows] == [
        (1, "Troops in Kursk", "Wire A", "2025-03-05", "document"),  # the API timestamp's day
        (2, "Casualties", "Wire B", "2025-03-07", "document"),
    ]
    assert data(tracker("summary", "1", "--format", "json"))["article"]["url"] == "https://a.example/1"
    again = tracker("ingest", str(feed), "--published", "2025-04-01")
    assert again.stdout.splitlines()[:2] == [  # stored with other dates, which ingesting again keeps
        f"{feed}:1: duplicate of article 1 (to re-date it: tracker reextract 1 --published 2025-04-01)",
        f"{feed}:6: duplicate of article 2 (to re-date it: tracker reextract 2 --published 2025-04-01)",
    ]
    same = tracker("ingest", str(feed), "--published", "2025-03-05")
    assert same.stdout.splitlines()[0] == f"{feed}:1: duplicate of article 1"  # already that date


def test_jsonl_published_option_wins(tracker, tmp_path: Path) -> None:
    feed = tmp_path / "one.jsonl"
    feed.write_text(json.dumps({"text": "Seoul said so last month.", "published": "2025-03-05"}) + "\n")
    result = tracker("ingest", str(feed), "--published", "2025-06-10")
    assert (
        result.stdout.splitlines()[0]
        == f"{feed}:1: article 1, Seoul said so last month. — 2025-06-10 (option), 1 events, 0 figures"
    )
    assert [e["when"] for e in data(tracker("timeline", "--format", "json"))] == ["2025-05"]


def test_empty_jsonl_file(tracker, tmp_path: Path) -> None:
    feed = tmp_path / "empty.jsonl"
    feed.write_text("\n\n")
    result = tracker("ingest", str(feed))
    assert (result.exit_code, result.stderr) == (1, f"error: {feed}: empty file\n")


# -- --jobs ----------------------------------------------------------------------------------------


def _folder(tmp_path: Path) -> Path:
    """Ten generated articles, a duplicate, a JSON Lines file with a bad line, an empty file."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1, 11):
        (folder / f"a{i:02}.md").write_text(
            f"---\ntitle: Report {i}\nsource: Outlet {i % 3}\ndate: 2025-{i % 9 + 1:02}-1{i % 10}\n---\n"
            f"North Korea sent {i + 9},000 troops to Russia in October 2024, officials said.\n\n"
            f"About {i * 3}00 soldiers were killed or wounded in January 2025, a lawmaker said on Tuesday.\n"
        )
    (folder / "dup.md").write_bytes((folder / "a03.md").read_bytes())
    (folder / "feed.jsonl").write_text(FEED + "\n")
    (folder / "zero.txt").write_text("")
    return folder


def _rows(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        tables = {}
        for table in ("articles", "events", "figures"):
            columns = [c[1] for c in conn.execute(f"pragma table_info({table})") if c[1] != "ingested_at"]
            quoted = ", ".join(f'"{c}"' for c in columns)  # "when" is an SQL keyword
            tables[table] = conn.execute(f"select {quoted} from {table} order by id").fetchall()
        return tables


def test_jobs_output_identical_to_one_job(runner, tmp_path: Path) -> None:
    from dprk_tracker.cli import app

    folder = _folder(tmp_path)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    serial = runner.invoke(app, ["--db", str(one), "ingest", str(folder), "--jobs", "1"])
    parallel = runner.invoke(app, ["--db", str(two), "ingest", str(folder), "--jobs", "2"])
    assert (parallel.exit_code, parallel.stdout, parallel.stderr) == (
        serial.exit_code,
        serial.stdout,
        serial.stderr,
    )
    assert serial.exit_code == 1  # the bad JSON Lines lines and the empty file
    assert serial.stdout.splitlines()[-1] == "12 added, 1 duplicates, 4 failed; 32 events, 22 figures"
    assert f"{folder / 'dup.md'}: duplicate of article 3" in serial.stdout.splitlines()
    assert _rows(one) == _rows(two)
    assert [len(rows) for rows in _rows(two).values()] == [12, 32, 22]


def test_jobs_workers_yield_to_the_writer() -> None:
    """The workers run WORKER_NICENESS below the process that writes (the ingest's serial stage)."""
    from concurrent.futures import ProcessPoolExecutor

    from dprk_tracker import inputs
    from dprk_tracker.topics import default_lexicon

    writer = os.nice(0)
    setup = (default_lexicon(), None, None)
    with ProcessPoolExecutor(max_workers=1, initializer=inputs._init_worker, initargs=setup) as pool:
        worker = pool.submit(os.nice, 0).result()
    assert inputs.WORKER_NICENESS == 10
    assert worker == min(writer + 10, 19)
    assert os.nice(0) == writer
