"""Full-text search over articles (title and body) with SQLite FTS5, ranked by bm25.

The index ``articles_fts`` is created by migration m002 and kept in step by triggers. User input is
searched as typed: every word (or "quoted phrase") becomes an FTS string, so ``-``, ``:``, ``AND``,
``NEAR`` and stray quotes are literal. ``raw=True`` hands the query to FTS5 unchanged (operators,
prefixes, column filters) and turns its syntax errors into ``SearchError``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from .db import Filters, Notebook, NotebookError
from .render import clean

# Private-use characters mark the matched words in snippet(); they never reach the output.
_OPEN, _CLOSE = "\ue000", "\ue001"
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
SNIPPET_TOKENS = 16
# Matching articles ranked by bm25 when a page is asked for (see search()).
RANK_CANDIDATES = 2000


class SearchError(NotebookError):
    """A query that cannot be searched; the message is one line."""


@dataclass(frozen=True)
class Snippet:
    """Snippet text (clean, one line) and the [start, end) offsets of the matched words in it."""

    text: str
    highlights: list[tuple[int, int]]


def literal_query(query: str) -> str:
    """Each word or "quoted phrase" as an FTS5 string; all must match (implicit AND)."""
    parts = []
    for match in _TOKEN.finditer(query):
        phrase = match.group(1) if match.group(1) is not None else match.group(2)
        if not any(ch.isalnum() for ch in phrase):
            continue  # punctuation alone indexes as nothing
        parts.append('"' + phrase.replace('"', '""') + '"')
    if not parts:
        raise SearchError(f"nothing to search for in {query!r}: give at least one word")
    return " ".join(parts)


def search(
    notebook: Notebook,
    query: str,
    filters: Filters,
    *,
    raw: bool = False,
    candidates: int = RANK_CANDIDATES,
) -> list[dict[str, Any]]:
    """Articles matching ``query``, best first, each with a highlighted snippet.

    Filters: ``topic`` keeps articles with an event or figure of that topic; ``since``/``until`` keep
    articles whose published date (at its precision) overlaps the window — undated articles are left
    out when either is given; ``tag`` keeps articles tagged themselves or through an event or figure.

    With a ``limit``, the ranking is bounded: the newest ``candidates`` matching articles (by
    ingest order, after the filters; at least ``limit``) are ranked by bm25 and the best ``limit``
    returned. Ranking every match costs time in proportion to the matches (a common word matches
    most of a 100,000-article notebook); within the bound the order is exactly bm25's, and so is
    the whole result when fewer articles match. Without a limit every match is ranked.
    """
    match = query if raw else literal_query(query)
    if raw and not query.strip():
        raise SearchError("nothing to search for: the query is empty")
    # Filters read the article id only (the FTS rowid) and indexes: an articles row stores its body
    # before the published date, so reading that row for every candidate would read every body.
    clauses = ["articles_fts match ?"]
    params: list[Any] = [match]
    if filters.topic:
        clauses.append(
            "(exists (select 1 from events e where e.article_id = articles_fts.rowid and e.topic = ?)"
            " or exists (select 1 from figures f where f.article_id = articles_fts.rowid and f.topic = ?))"
        )
        params += [filters.topic, filters.topic]
    # A published value is a prefix at its precision ("2025", "2025-03"): compare like-for-like,
    # reading it from the (id, published) index (migration m007), not from the article's row.
    for bound, op in ((filters.since, ">="), (filters.until, "<=")):
        if bound:
            clauses.append(
                "exists (select 1 from articles p indexed by articles_published_by_id"
                " where p.id = articles_fts.rowid and p.published is not null"
                f" and p.published {op} substr(?, 1, length(p.published)))"
            )
            params.append(bound)
    if filters.tag:
        clauses.append(
            "exists (select 1 from tags t where t.tag = ? and ("
            "(t.kind = 'article' and t.target_id = articles_fts.rowid)"
            " or (t.kind = 'event' and t.target_id in"
            " (select id from events where article_id = articles_fts.rowid))"
            " or (t.kind = 'figure' and t.target_id in"
            " (select id from figures where article_id = articles_fts.rowid))))"
        )
        params.append(filters.tag)
    ranked = (
        "select articles_fts.rowid as id, bm25(articles_fts) as score from articles_fts"
        f" where {' and '.join(clauses)}"
    )
    if filters.limit:
        # FTS5 walks the matches newest first and stops at the bound; bm25 runs on those rows only.
        sql = (
            f"select id, score from ({ranked} order by articles_fts.rowid desc limit ?)"
            " order by score, id limit ?"
        )
        params += [max(candidates, filters.limit), filters.limit]
    else:
        sql = f"{ranked} order by score, id"
    try:
        best = notebook.conn.execute(sql, params).fetchall()
        details = {
            row[0]: row[1:]
            for row in notebook.conn.execute(
                "select id, title, source, published, published_source from articles"
                " where id in (select value from json_each(?))",
                [json.dumps([article_id for article_id, _ in best])],
            )
        }
        # snippet() reads and tokenizes the whole text: only for the hits returned, one by one
        # through the rowid (FTS5 seeks to it instead of walking the matches).
        marked = [
            notebook.conn.execute(
                "select snippet(articles_fts, -1, ?, ?, '…', ?) from articles_fts"
                " where articles_fts match ? and rowid = ?",
                [_OPEN, _CLOSE, SNIPPET_TOKENS, match, article_id],
            ).fetchone()[0]
            for article_id, _ in best
        ]
    except sqlite3.OperationalError as exc:
        message = str(exc)
        if raw and ("fts5" in message or "no such column" in message or "unterminated" in message):
            raise SearchError(
                f"malformed search query {query!r}: {message} (without --raw, words are searched as typed)"
            ) from exc
        raise NotebookError(f"{notebook.path}: {message}") from exc
    hits = []
    for rank, ((article_id, score), snippet_marked) in enumerate(zip(best, marked, strict=True), 1):
        title, source, published, published_source = details[article_id]
        snippet = parse_snippet(snippet_marked or "")
        hits.append(
            {
                "rank": rank,
                "id": article_id,
                "title": title,
                "source": source,
                "published": published,
                "published_source": published_source,
                # bm25 is lower-is-better and negative; flip it so higher means more relevant.
                "score": round(-score, 6),
                "snippet": snippet.text,
                "highlights": [list(span) for span in snippet.highlights],
            }
        )
    return hits


def parse_snippet(marked: str) -> Snippet:
    """Clean the snippet (no controls, one line) and turn its markers into offsets."""
    text = clean(marked)
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    size = 0
    opened: int | None = None
    for ch in text:
        if ch == _OPEN:
            if opened is None:
                opened = size
        elif ch == _CLOSE:
            if opened is not None and size > opened:
                spans.append((opened, size))
            opened = None
        else:
            plain.append(ch)
            size += 1
    return Snippet("".join(plain), spans)
