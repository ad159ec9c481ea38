"""Full-text search over articles (title and body) with SQLite FTS5, ranked by bm25.

The index ``articles_fts`` is created by migration m002 and kept in step by triggers. User input is
searched as typed: every word (or "quoted phrase") becomes an FTS string, so ``-``, ``:``, ``AND``,
``NEAR`` and stray quotes are literal. ``raw=True`` hands the query to FTS5 unchanged (operators,
prefixes, column filters) and turns its syntax errors into ``SearchError``.
"""

from __future__ import annotations

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


def search(notebook: Notebook, query: str, filters: Filters, *, raw: bool = False) -> list[dict[str, Any]]:
    """Articles matching ``query``, best first, each with a highlighted snippet.

    Filters: ``topic`` keeps articles with an event or figure of that topic; ``since``/``until`` keep
    articles whose published date (at its precision) overlaps the window — undated articles are left
    out when either is given; ``tag`` keeps articles tagged themselves or through an event or figure.
    """
    match = query if raw else literal_query(query)
    if raw and not query.strip():
        raise SearchError("nothing to search for: the query is empty")
    clauses = ["articles_fts match ?"]
    params: list[Any] = [_OPEN, _CLOSE, SNIPPET_TOKENS, match]
    if filters.topic:
        clauses.append(
            "(exists (select 1 from events e where e.article_id = a.id and e.topic = ?)"
            " or exists (select 1 from figures f where f.article_id = a.id and f.topic = ?))"
        )
        params += [filters.topic, filters.topic]
    # A published value is a prefix at its precision ("2025", "2025-03"): compare like-for-like.
    if filters.since:
        clauses.append("a.published is not null and a.published >= substr(?, 1, length(a.published))")
        params.append(filters.since)
    if filters.until:
        clauses.append("a.published is not null and a.published <= substr(?, 1, length(a.published))")
        params.append(filters.until)
    if filters.tag:
        clauses.append(
            "exists (select 1 from tags t where t.tag = ? and ("
            "(t.kind = 'article' and t.target_id = a.id)"
            " or (t.kind = 'event' and t.target_id in (select id from events where article_id = a.id))"
            " or (t.kind = 'figure' and t.target_id in (select id from figures where article_id = a.id))))"
        )
        params.append(filters.tag)
    sql = (
        "select a.id, a.title, a.source, a.published, a.published_source,"
        " bm25(articles_fts) as score, snippet(articles_fts, -1, ?, ?, '…', ?) as snippet"
        " from articles_fts join articles a on a.id = articles_fts.rowid"
        f" where {' and '.join(clauses)} order by score, a.id"
    )
    if filters.limit:
        sql += " limit ?"
        params.append(filters.limit)
    try:
        rows = notebook.db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        message = str(exc)
        if raw and ("fts5" in message or "no such column" in message or "unterminated" in message):
            raise SearchError(
                f"malformed search query {query!r}: {message} (without --raw, words are searched as typed)"
            ) from exc
        raise NotebookError(f"{notebook.path}: {message}") from exc
    hits = []
    for rank, (article_id, title, source, published, published_source, score, marked) in enumerate(rows, 1):
        snippet = parse_snippet(marked or "")
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
