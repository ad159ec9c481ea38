"""tracker search: FTS5 over titles and bodies, ranked, highlighted, filtered; input searched as typed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dprk_tracker.db import Filters, Notebook
from dprk_tracker.search import search
from tests.notebook_fixtures import error_line, ingest_articles, rows


@pytest.fixture
def notebook(tracker, tmp_path: Path):
    ingest_articles(tracker, tmp_path / "articles")
    return tracker


def ids(result) -> list[int]:
    return [hit["id"] for hit in rows(result)]


def test_hit_with_snippet_and_highlight_offsets(notebook) -> None:
    [hit] = rows(notebook("search", "soldier", "--format", "json"))
    assert {k: v for k, v in hit.items() if k != "score"} == {
        "rank": 1,
        "id": 2,
        "title": "Border incident",
        "source": None,
        "published": "2024-04",
        "published_source": "option",
        "snippet": "Border incident In March 2024, guards fired warning shots; about 20 soldiers crossed the"
        " line.",
        "highlights": [[68, 76]],
    }
    assert hit["snippet"][68:76] == "soldiers"  # stemmed: "soldier" finds "soldiers"
    assert hit["score"] > 0


def test_all_words_must_match_and_hits_are_ranked(notebook) -> None:
    assert ids(notebook("search", "sanctions firms", "--format", "json")) == [3]
    assert ids(notebook("search", "sanctions soldiers", "--format", "json")) == []
    hits = rows(notebook("search", "in", "--format", "json"))
    assert sorted(h["id"] for h in hits) == [1, 2, 3]
    assert [h["rank"] for h in hits] == [1, 2, 3]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_phrases_work_as_typed(notebook) -> None:
    assert ids(notebook("search", '"warning shots"', "--format", "json")) == [2]
    assert ids(notebook("search", '"shots warning"', "--format", "json")) == []


@pytest.mark.parametrize("query", ["guards -soldiers", 'guards "', "guards*(", "guards:", "border:incident"])
def test_operators_are_literal_without_raw(notebook, query: str) -> None:
    assert ids(notebook("search", query, "--format", "json")) == [2]


def test_operator_words_are_plain_words_without_raw(notebook) -> None:
    # "AND" is searched as the word "and", which no article contains; with --raw it is an operator.
    assert ids(notebook("search", "guards AND", "--format", "json")) == []
    assert ids(notebook("search", "guards AND soldiers", "--raw", "--format", "json")) == [2]


def test_raw_passes_operators(notebook) -> None:
    assert ids(notebook("search", "guards NOT soldiers", "--raw", "--format", "json")) == []
    assert ids(notebook("search", "guards OR council", "--raw", "--format", "json")) == [2, 3] or ids(
        notebook("search", "guards OR council", "--raw", "--format", "json")
    ) == [3, 2]
    assert ids(notebook("search", "ship*", "--raw", "--format", "json")) == [3]


def test_malformed_raw_query_is_one_clear_line(notebook) -> None:
    line = error_line(notebook("search", "AND (", "--raw"))
    assert line == (
        "error: malformed search query 'AND (': fts5: syntax error near \"AND\" "
        "(without --raw, words are searched as typed)"
    )


def test_nothing_to_search_for(notebook) -> None:
    assert (
        error_line(notebook("search", "!! ?"))
        == "error: nothing to search for in '!! ?': give at least one word"
    )


def test_filters(notebook) -> None:
    assert ids(notebook("search", "2025", "--topic", "sanctions", "--format", "json")) == [3]
    # --since/--until compare the article's published date at its precision.
    assert ids(notebook("search", "in", "--since", "2025-03", "--format", "json")) == [1]
    assert ids(notebook("search", "in", "--until", "2024", "--format", "json")) == [2]
    assert ids(
        notebook("search", "in", "--since", "2024-04-30", "--until", "2024-04-30", "--format", "json")
    ) == [2]
    assert len(ids(notebook("search", "in", "--limit", "1", "--format", "json"))) == 1
    assert error_line(notebook("search", "in", "--topic", "nope")).startswith("error: unknown topic 'nope'")


def test_topic_filter_reads_the_article_topic_index(notebook, db: Path) -> None:
    """--topic asks, per hit, whether the article has a row of that topic: answered from the
    (article_id, topic) index, not by walking every row of the topic (seconds at 10,000 articles)."""
    captured: list[str] = []
    stored = Notebook(db, create=False)
    stored.db.conn.set_trace_callback(captured.append)
    search(stored, "2025", Filters(topic="sanctions"))
    sql = next(s for s in captured if "articles_fts match" in s)
    conn = sqlite3.connect(db)
    plan = " | ".join(row[3] for row in conn.execute("explain query plan " + sql))
    assert "SEARCH e USING COVERING INDEX events_article_topic (article_id=? AND topic=?)" in plan
    assert "SEARCH f USING COVERING INDEX figures_article_topic (article_id=? AND topic=?)" in plan


def test_tag_filter_covers_events_and_figures(notebook) -> None:
    notebook("tag", "add", "figure", "1", "Watch")
    notebook("tag", "add", "article", "3", "watch")
    assert sorted(ids(notebook("search", "in", "--tag", "watch", "--format", "json"))) == [1, 3]
    assert ids(notebook("search", "in", "--tag", "other", "--format", "json")) == []


def test_table_prints_article_text_literally(notebook) -> None:
    result = notebook("search", "shipping")
    assert result.exit_code == 0
    assert "Sanctions [bold]list[/]" in result.stdout
    assert "\x1b" not in result.stdout


def test_markdown_marks_matches(notebook) -> None:
    result = notebook("search", "warning", "--format", "markdown")
    assert result.stdout.splitlines()[2] == (
        "| 1 | 2 | Border incident | 2024-04 | Border incident In March 2024, guards fired **warning** "
        "shots; about 20 soldiers crossed the line. |"
    )


def test_index_follows_ingest_and_remove(notebook) -> None:
    assert ids(notebook("search", "shipping", "--format", "json")) == [3]
    assert notebook("remove", "3").exit_code == 0
    assert ids(notebook("search", "shipping", "--format", "json")) == []


def test_no_match_in_table_says_so(notebook) -> None:
    result = notebook("search", "zeppelin")
    assert result.exit_code == 0
    assert result.stderr == "no articles match\n"


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_escape_sequences_never_reach_the_terminal(tracker, tmp_path: Path, fmt: str) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(
        "Red \x1b[31malert\x1b[0m\x07 title\n\nThe \x1b]0;pwned\x07 alert reached 30 posts in 2024.\n"
    )
    assert tracker("ingest", str(article), "--published", "2024").exit_code == 0
    tracker("note", "add", "article", "1", "bell \x07 and \x1b[2J clear")
    for args in (("search", "alert"), ("note", "list"), ("export",)):
        result = tracker(*args, "--format", fmt) if args[0] != "export" else tracker(*args)
        assert result.exit_code == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, args


@pytest.fixture
def ranked(tracker, db: Path, tmp_path: Path) -> Notebook:
    """Articles 1-4 say "troops" 4, 1, 3 and 2 times in texts of one length; 5-10 never."""
    folder = tmp_path / "ranked"
    folder.mkdir()
    counts = [4, 1, 3, 2, 0, 0, 0, 0, 0, 0]
    for number, count in enumerate(counts, 1):
        words = ["troops"] * count + ["convoy"] * (6 - count)
        path = folder / f"{number:02d}.txt"
        path.write_text(f"Report {number}\n\nThe {' '.join(words)} moved north.\n", encoding="utf-8")
        published = f"2024-{number:02d}"
        assert tracker("ingest", str(path), "--published", published).exit_code == 0
    return Notebook(db, create=False)


def test_best_match_first_over_every_match_when_few_match(ranked: Notebook) -> None:
    assert [h["id"] for h in search(ranked, "troops", Filters())] == [1, 3, 4, 2]
    assert [h["id"] for h in search(ranked, "troops", Filters(limit=2))] == [1, 3]
    scores = [h["score"] for h in search(ranked, "troops", Filters())]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 4


def test_ranking_is_bounded_to_the_newest_matches(ranked: Notebook) -> None:
    # Two candidates: the two most recently ingested matches (4 and 3), best first.
    assert [h["id"] for h in search(ranked, "troops", Filters(limit=1), candidates=2)] == [3]
    assert [h["id"] for h in search(ranked, "troops", Filters(limit=2), candidates=2)] == [3, 4]
    # A page larger than the bound ranks as many as it shows: the three newest matches.
    assert [h["id"] for h in search(ranked, "troops", Filters(limit=3), candidates=2)] == [3, 4, 2]
    # Within the default bound every match is ranked.
    assert [h["id"] for h in search(ranked, "troops", Filters(limit=3))] == [1, 3, 4]
    # The filters choose the candidates: the newest matches published up to March are 3 and 2.
    until_march = Filters(until="2024-03-31", limit=1)
    assert [h["id"] for h in search(ranked, "troops", until_march, candidates=2)] == [3]
    since_feb = Filters(since="2024-02-01", limit=3)
    assert [h["id"] for h in search(ranked, "troops", since_feb, candidates=1)] == [3, 4, 2]
