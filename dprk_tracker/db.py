"""Storage: the notebook, one SQLite file: read with sqlite3, written through sqlite-utils.

The CLI opens a ``Notebook``, calls one method and renders what it returns. Every method raises
``NotebookError`` with a one-line message for anything a user can cause.
"""

from __future__ import annotations

import heapq
import json
import math
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .ranking import rank_sql
from .schema import (
    EXTRACTOR_VERSION,
    FIGURE_SPAN_CLASS,
    FIGURE_SPAN_DAYS,
    MIGRATION_NAMES,
    MIGRATION_SET,
    SCHEMA_VERSION,
)

if TYPE_CHECKING:  # the extractors load only when something is extracted
    import sqlite_utils

    from .extract import Document
    from .grouping import Planned, WriterCache
    from .model import Event, Extraction, Figure
    from .trends import CountedLexicon

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000
LOCK_RETRIES = 20
# ingest stores this many articles per transaction at most (Notebook.add_many), and stores a batch
# early when the next article arrives this many seconds after the batch began (a slow article still
# delays the batch before it). A commit writes every page the batch touched, and at 10,000 articles
# most rows land on a page of their own in each index: 128 articles share pages that 32 did not
# (64 pages written per article instead of 122), 15% less writer CPU. The cost: the write lock is
# held for 1-2 s (another writer waits that long; readers never wait in WAL mode).
BATCH_ARTICLES = 128
BATCH_SECONDS = 0.5
CACHE_KB = 64 * 1024


class NotebookError(Exception):
    """Something about the notebook a user can fix; the message is one line."""


@dataclass(frozen=True)
class Added:
    article_id: int
    duplicate: bool
    events: int
    figures: int


@dataclass(frozen=True)
class ToAdd:
    """An article for ``Notebook.add_many``."""

    document: Document
    path: str | None
    planned: Planned | None = None


@dataclass(frozen=True)
class Filters:
    """What the read commands filter on. Dates are ISO day bounds."""

    topic: str | None = None
    since: str | None = None
    until: str | None = None
    article: int | None = None
    limit: int | None = None
    tag: str | None = None  # normalized (annotations.normalize_tag); an article's tag covers its rows


# Stored columns of an event and a figure, in the order _event_values/_figure_values give them.
_EVENT_COLUMNS = (
    "article_id", "when", "mod", "relation", "earliest", "latest", "precision", "sort_date", "time_text",
    "time_start", "time_end", "text", "start", "end", "topic",
)  # fmt: skip
_FIGURE_COLUMNS = (
    "article_id", "text", "low", "high", "qualifier", "unit", "currency", "percent", "topic", "when",
    "when_mod", "relation", "earliest", "latest", "precision", "sentence", "start", "end",
)  # fmt: skip


_ARTICLE_COLUMNS = (
    "title", "source", "url", "external_id", "summary", "body", "published", "published_precision",
    "published_source", "place", "content_hash", "path", "ingested_at", "extractor_version",
)  # fmt: skip


# Articles an older extractor read: two ranges of m011's index, not a walk of all of it (the version
# is never null).
_OUTDATED = "extractor_version < ? or extractor_version > ?"


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f"[{c}]" for c in columns)
    return f"insert into {table} ({names}) values ({', '.join('?' for _ in columns)})"


# Plain statements, the same text every time (sqlite3 keeps them prepared): sqlite-utils' insert
# inspects the table and every value, a third of the writer's time on a long ingest.
_INSERT_ARTICLE = _insert_sql("articles", _ARTICLE_COLUMNS)
_INSERT_EVENT_GROUPED = _insert_sql("events", ("id", *_EVENT_COLUMNS, "group_id", "words"))
_INSERT_FIGURE_GROUPED = _insert_sql("figures", ("id", *_FIGURE_COLUMNS, "group_id"))
_INSERT_EVENT = _insert_sql("events", _EVENT_COLUMNS)
_INSERT_FIGURE = _insert_sql("figures", _FIGURE_COLUMNS)


def _event_values(article_id: int, e: Event) -> tuple[Any, ...]:
    return (
        article_id, e.when, e.mod, e.relation, e.earliest, e.latest, e.precision, e.sort_date,
        e.time_text, e.time_start, e.time_end, e.text, e.start, e.end, e.topic,
    )  # fmt: skip


def _figure_values(article_id: int, f: Figure) -> tuple[Any, ...]:
    return (
        article_id, f.text, f.low, f.high, f.qualifier, f.unit, f.currency, int(f.percent), f.topic,
        f.when, f.when_mod, f.relation, f.earliest, f.latest, f.precision, f.sentence, f.start, f.end,
    )  # fmt: skip


def content_hash(text: str) -> str:
    """Identity of an article's text: the same words in the same order, whatever the whitespace."""
    import hashlib  # here: loading OpenSSL costs read commands, which never hash, ~5 ms of start-up

    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class Notebook:
    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = Path(path)
        _check_file(self.path, create)
        # A notebook we may not write is still readable (shared or archived copies).
        self.read_only = self.path.exists() and not os.access(self.path, os.W_OK)
        self._counted: CountedLexicon | None = None
        self._db: sqlite_utils.Database | None = None
        self._grouping_cache: WriterCache | None = None  # made by the first article stored
        # What the rows stored in this transaction add to the counts (storing transactions only).
        self._counts: Counter[tuple[str, str, str]] | None = None
        # The next event and figure ids of a storing transaction, once its first article read them.
        self._next_ids: tuple[int, int] | None = None
        if create and self.read_only:
            raise NotebookError(f"{self.path} is read-only: cannot write to it")
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            # No sqlite-utils plugins: the notebook needs none, and finding them reads the metadata
            # of every installed package (50-150 ms of each command's start-up).
            # sqlite3 alone until something needs sqlite-utils (``db``): read commands never do.
            self.conn = self._connect()
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            # What sqlite-utils sets on a connection it wraps: the same triggers fire with or without it.
            self.conn.execute("PRAGMA recursive_triggers = on")
            # In WAL mode NORMAL still never corrupts; a power cut may lose the last commits only.
            self.conn.execute("PRAGMA synchronous = NORMAL")
            # Grouping looks up candidate keys all over the key tables: a 64 MB page cache (filled
            # only as used) instead of 2 MB saves re-reading their pages from the OS per article.
            self.conn.execute(f"PRAGMA cache_size = -{CACHE_KB}")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise NotebookError(f"{self.path}: cannot open notebook: {exc}") from exc
        except OSError as exc:
            raise NotebookError(f"{self.path}: cannot open notebook: {exc.strerror or exc}") from exc

    def _connect(self) -> sqlite3.Connection:
        if not self.read_only:
            return sqlite3.connect(self.path)
        # Read-only: with no WAL file to replay the file is complete, so open it immutable (no
        # -shm needed in a folder we cannot write); otherwise read through the existing WAL.
        wal = Path(f"{self.path}-wal")
        flags = "mode=ro" if wal.exists() and wal.stat().st_size else "mode=ro&immutable=1"
        uri = f"{self.path.resolve().as_uri()}?{flags}"
        return sqlite3.connect(uri, uri=True)

    # -- schema -------------------------------------------------------------------------------------

    @property
    def db(self) -> sqlite_utils.Database:
        """The notebook through sqlite-utils (imported on first use: writes, upgrades, exchange)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._db

    def _applied(self) -> list[str]:
        """The migrations applied to this file (what ``Migrations.applied`` reads), in order."""
        exists = self.conn.execute(
            "select 1 from sqlite_master where type = 'table' and name = '_sqlite_migrations'"
        ).fetchone()
        if not exists:
            return []
        rows = self.conn.execute(
            "select name from _sqlite_migrations where migration_set = ? order by rowid", [MIGRATION_SET]
        ).fetchall()
        return [r[0] for r in rows]

    def _migrate(self) -> None:
        if set(self._applied()) == set(MIGRATION_NAMES):
            return  # up to date: the common case, settled without sqlite-utils
        self._check_schema()  # before anything is written: a foreign file is left as it was
        if self.read_only:
            raise NotebookError(
                f"{self.path} is read-only and needs upgrading to schema version {SCHEMA_VERSION}:"
                " open it once with write access"
            )
        from .migrations import MIGRATIONS

        self._use_wal()
        # Checked again and migrated under the write lock: two processes creating or upgrading
        # one notebook take turns, and the second finds the first's work done (no race to lose).
        self._begin_immediate()
        try:
            if self._check_schema() != set(MIGRATION_NAMES):
                MIGRATIONS.apply(self.db)  # each migration a savepoint inside this transaction
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def _check_schema(self) -> set[str]:
        """The migrations applied, read in one snapshot with the tables (another process may be
        creating the notebook); refuses a database that is not a notebook or is from a newer version."""
        snapshot = not self.conn.in_transaction
        if snapshot:
            self.conn.execute("BEGIN")
        try:
            applied = set(self._applied())
            names = {r[0] for r in self.conn.execute("select name from sqlite_master where type = 'table'")}
        finally:
            if snapshot:
                self.conn.execute("COMMIT")
        if names - {"_sqlite_migrations"} and not applied:
            raise NotebookError(f"{self.path} is a SQLite database but not a tracker notebook")
        if applied - set(MIGRATION_NAMES):
            raise NotebookError(
                f"{self.path} was written by a newer dprk-tracker (schema version {len(applied)}); "
                f"this version reads schema version {SCHEMA_VERSION}: upgrade dprk-tracker"
            )
        return applied

    def _use_wal(self) -> None:
        """Readers never wait for the writer (WAL)."""
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self._when_unlocked("PRAGMA journal_mode = WAL")

    def _begin_immediate(self) -> None:
        """Take the write lock up front: a concurrent writer makes us wait instead of failing half-way."""
        self._when_unlocked("BEGIN IMMEDIATE")

    def _when_unlocked(self, statement: str) -> None:
        """Run a statement that needs the write lock, or the file to itself, once another process
        lets go. The busy timeout waits for the lock, but not always (switching a new file to WAL
        while another process holds its lock fails at once): "locked" is retried a while."""
        for attempt in range(LOCK_RETRIES):
            try:
                self.conn.execute(statement)
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == LOCK_RETRIES - 1:
                    raise NotebookError(f"{self.path}: cannot write: {exc}") from exc
                time.sleep(0.05 * (attempt + 1))

    @property
    def schema_version(self) -> int:
        return len(self._applied())

    def close(self) -> None:
        self.conn.close()

    # -- writing ------------------------------------------------------------------------------------

    @contextmanager
    def _writing(self, *, storing: bool = False) -> Iterator[None]:
        """One write transaction. BEGIN IMMEDIATE takes the write lock up front, so a concurrent
        writer makes us wait (busy timeout, then retries) instead of failing half-way.

        ``storing``: articles stored by ``_store`` alone, which keeps the writer's grouping cache
        exact. The cache is dropped when another connection has committed since our last write
        (PRAGMA data_version, read once the lock is ours), when the transaction fails and after
        any other write (its changes to groups and keys are not in the cache)."""
        conn = self.conn
        self._begin_immediate()
        if storing and self._grouping_cache is None:
            from .grouping import WriterCache

            self._grouping_cache = WriterCache()
        cache = self._grouping_cache
        try:
            if cache is not None and storing:  # (any other write empties the cache when it ends)
                version = conn.execute("PRAGMA data_version").fetchone()[0]
                if version != cache.version:
                    cache.clear()
                    cache.version = version
            if storing:
                # The insert triggers stand aside (migration m008): _insert_grouped counts instead.
                conn.execute("insert into counts_deferred (writer) values (1)")
                self._counts = Counter()
            yield
            if self._counts is not None:
                self._write_counts(self._counts)
                conn.execute("delete from counts_deferred")
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if cache is not None:
                cache.clear()
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise NotebookError(f"{self.path}: cannot write: {exc}") from exc
        except BaseException:
            if cache is not None:
                cache.clear()
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            self._counts = None
            self._next_ids = None
            if cache is not None and not storing:
                cache.clear()

    def _write_counts(self, counts: Counter[tuple[str, str, str]]) -> None:
        """Add what the stored rows count to migration m007's tables: one upsert per value."""
        for table, target in (("topic_counts", "(kind, topic)"), ("event_dates", "(kind, day)")):
            rows = [(kind, value, n) for (where, kind, value), n in sorted(counts.items()) if where == table]
            if rows:
                self.conn.executemany(
                    f"insert into {table} values (?, ?, ?)"
                    f" on conflict {target} do update set count = count + excluded.count",
                    rows,
                )

    def find_duplicate(self, text: str) -> int | None:
        row = self.conn.execute(
            "select id from articles where content_hash = ?", [content_hash(text)]
        ).fetchone()
        return row[0] if row else None

    def add(
        self,
        document: Document,
        *,
        path: str | None,
        source: str | None = None,
        planned: Planned | None = None,
    ) -> Added:
        """Store an article with its events and figures, grouped, in one transaction (``planned``:
        its words and keys, ``grouping.plan`` with this notebook's counted lexicon, if computed)."""
        try:
            with self._writing(storing=True):
                return self._store(document, path, source, planned)
        except sqlite3.IntegrityError:
            # Another writer stored the same text between our check and our insert.
            existing = self.find_duplicate(document.article.body)
            if existing is None:
                raise
            return Added(existing, True, 0, 0)

    def add_many(self, entries: list[ToAdd], *, source: str | None = None) -> Iterator[Added]:
        """Store several articles, as ``add`` would one after the other, in one transaction: a commit
        per article cost more than a small article's rows (each rewrites the pages it touched).
        Yields what each became once it is stored (all of them after the commit).

        Each article is complete or absent whatever happens, as the transaction is. If anything
        fails, the transaction is rolled back and the articles are stored again one transaction
        each: those before the failing one are stored (and yielded) and the same error is raised at
        it, as with a transaction per article. Keep batches small: the write lock is held throughout.
        """
        if len(entries) > 1:
            try:
                with self._writing(storing=True):
                    stored = [self._store(e.document, e.path, source, e.planned) for e in entries]
            except Exception as exc:
                # Nothing of the batch is stored: redone article by article. Except a lock held
                # by another writer: that wait was already as long as one article's would be.
                if isinstance(exc, NotebookError) and "locked" in str(exc):
                    raise
            else:
                yield from stored
                return
        for e in entries:
            yield self.add(e.document, path=e.path, source=source, planned=e.planned)

    def _store(
        self, document: Document, path: str | None, source: str | None, planned: Planned | None
    ) -> Added:
        """An article and its rows, grouped (inside the caller's write transaction)."""
        article = document.article
        extraction = document.extraction
        # Hashed by the ingest worker that extracted it, if any.
        digest = planned.digest if planned is not None and planned.digest else content_hash(article.body)
        existing = self.conn.execute("select id from articles where content_hash = ?", [digest]).fetchone()
        if existing:
            return Added(existing[0], True, 0, 0)
        if planned is None:
            from .grouping import plan

            planned = plan(extraction, self.counted())
        record = (
            article.title,
            source or article.source,
            article.url,
            article.external_id,
            article.summary,
            article.body,
            extraction.published,
            extraction.precision,
            extraction.published_source,
            article.place,
            digest,
            path,
            datetime.now(UTC).isoformat(timespec="seconds"),
            EXTRACTOR_VERSION,
        )
        article_id = self.conn.execute(_INSERT_ARTICLE, record).lastrowid
        assert article_id is not None
        self._insert_grouped(article_id, document, planned)
        return Added(article_id, False, len(extraction.events), len(extraction.figures))

    def _insert_grouped(self, article_id: int, document: Document, planned: Planned) -> None:
        """Insert the rows already grouped: their ids are decided first (the next free ones, as SQLite
        would give them inside this write transaction), so each row is written once, group included,
        and never read back."""
        from .grouping import assign_new, compact_event, compact_figure

        conn = self.conn
        extraction = document.extraction
        if self._next_ids is None:  # once per transaction: only _store inserts rows meanwhile
            self._next_ids = (
                conn.execute("select coalesce(max(id), 0) + 1 from events").fetchone()[0],
                conn.execute("select coalesce(max(id), 0) + 1 from figures").fetchone()[0],
            )
        first_event, first_figure = self._next_ids
        events = [
            compact_event(e, article_id, first_event + i, words)
            for i, (e, words) in enumerate(zip(extraction.events, planned.words, strict=True))
        ]
        keys = planned.figure_keys or (None,) * len(extraction.figures)
        figures = [
            compact_figure(f, article_id, first_figure + i, key)
            for i, (f, key) in enumerate(zip(extraction.figures, keys, strict=True))
        ]
        self._next_ids = (first_event + len(events), first_figure + len(figures))
        event_groups, figure_groups = assign_new(
            self.db, article_id, events, figures, planned, self.counted(), self._grouping_cache
        )
        conn.executemany(
            _INSERT_EVENT_GROUPED,
            [
                (row["id"], *_event_values(article_id, e), event_groups[row["id"]], row["words"])
                for row, e in zip(events, extraction.events, strict=True)
            ],
        )
        conn.executemany(
            _INSERT_FIGURE_GROUPED,
            [
                (row["id"], *_figure_values(article_id, f), figure_groups[row["id"]])
                for row, f in zip(figures, extraction.figures, strict=True)
            ],
        )
        counts = self._counts
        if counts is not None:  # as migration m007's insert triggers count
            for e in extraction.events:
                counts["topic_counts", "event", e.topic] += 1
                if e.sort_date is not None:
                    counts["event_dates", "start", e.sort_date] += 1
                end = e.latest if e.latest is not None else e.earliest
                if end is not None:
                    counts["event_dates", "end", end] += 1
            for f in extraction.figures:
                counts["topic_counts", "figure", f.topic] += 1

    def counted(self) -> CountedLexicon:
        """What figures count, folded: the packaged lexicon and a ``counted.toml`` beside the notebook."""
        from .grouping import counted_for
        from .trends import CountedError

        if self._counted is None:
            try:
                self._counted = counted_for(self.db)
            except CountedError as exc:
                raise NotebookError(str(exc)) from None
        return self._counted

    def group(self, article_id: int) -> None:
        """Join the article's ungrouped rows to the stored corroboration groups (caller's transaction)."""
        from .grouping import assign_article

        assign_article(self.db, article_id, self.counted())

    def ungroup(self, article_id: int) -> None:
        """Take the article's rows out of their groups (caller's transaction), before they change."""
        from .grouping import detach

        detach(self.db, article_id, self.counted())

    def _insert_extraction(self, article_id: int, document: Document) -> None:
        """Insert the rows ungrouped (``group`` files them afterwards)."""
        extraction = document.extraction
        self.conn.executemany(_INSERT_EVENT, [_event_values(article_id, e) for e in extraction.events])
        self.conn.executemany(_INSERT_FIGURE, [_figure_values(article_id, f) for f in extraction.figures])

    def topics(self) -> list[str]:
        """Topics with at least one event or figure (from the counts migration m007 keeps)."""
        rows = self.conn.execute("select distinct topic from topic_counts order by topic").fetchall()
        return [r[0] for r in rows]

    def article_exists(self, article_id: int) -> bool:
        return self.conn.execute("select 1 from articles where id = ?", [article_id]).fetchone() is not None

    def _where(self, filters: Filters, table: str, alias: str | None = None) -> tuple[str, list[Any]]:
        """The filters as a where clause on ``table`` (named ``alias`` in the query, if given)."""
        kind = table.rstrip("s")
        table = alias or table
        clauses: list[str] = []
        params: list[Any] = []
        if filters.topic:
            clauses.append(f"{table}.topic = ?")
            params.append(filters.topic)
        if filters.article is not None:
            clauses.append(f"{table}.article_id = ?")
            params.append(filters.article)
        # Overlap semantics: a period is kept when any part of it falls inside the window.
        if filters.since:
            clauses.append(f"coalesce({table}.latest, {table}.earliest) is not null")
            clauses.append(f"({table}.latest is null or {table}.latest >= ?)")
            params.append(filters.since)
        if filters.until:
            clauses.append(f"coalesce({table}.earliest, {table}.latest) is not null")
            clauses.append(f"({table}.earliest is null or {table}.earliest <= ?)")
            params.append(filters.until)
        if filters.tag:
            # Tagged itself, or through its article (table is "events" or "figures", never user input).
            clauses.append(
                "exists (select 1 from tags where tags.tag = ? and ((tags.kind = ? and tags.target_id ="
                f" {table}.article_id) or (tags.kind = ? and tags.target_id = {table}.id)))"
            )
            params += [filters.tag, "article", kind]
        where = (" where " + " and ".join(clauses)) if clauses else ""
        return where, params

    def timeline(self, filters: Filters) -> list[dict[str, Any]]:
        """Every event under the filters, one per row (``grouped`` pages corroboration groups)."""
        where, params = self._where(filters, "events")
        sql = f"select {_SELECT['events']}{_FROM['events']}{where} order by {_PAGE_ORDER['events']}"
        if filters.limit:
            sql += " limit ?"
            params.append(filters.limit)
        return [dict(r) for r in self._rows(sql, params)]

    def figures(self, filters: Filters) -> list[dict[str, Any]]:
        """Every figure under the filters, one per row (``grouped`` pages corroboration groups)."""
        where, params = self._where(filters, "figures")
        sql = f"select {_SELECT['figures']}{_FROM['figures']}{where} order by {_PAGE_ORDER['figures']}"
        if filters.limit:
            sql += " limit ?"
            params.append(filters.limit)
        return [dict(r) for r in self._rows(sql, params)]

    def grouped(self, table: str, filters: Filters, *, whole: bool = True) -> list[list[dict[str, Any]]]:
        """A page of corroboration groups of ``events`` or ``figures``: per group its members under
        the filters, the one shown first; groups in timeline (figure) order, ``limit`` groups.
        Without ``whole``, the members after the shown one carry only ``id`` and ``article_id``, all
        a page needs to count and cite them (reading every member's sentence and article was most of
        the work on a page of claims that many articles repeat).

        A group is listed when any member matches the filters; it shows its best matching member
        (most precise, see ``ranking.rank_sql``), is placed where that member sits in the order,
        and lists only its matching members (as grouping the filtered rows would). Unfiltered, the
        page walks the page index keeping the representatives (migration m010); filtered, it walks
        the matching rows in order and keeps a row when no better member of its group matches, so
        LIMIT stops the walk early.
        Figures with ``since``: rows ending before it are not stepped over one by one (a scan of
        most of the notebook); see ``_figures_since``. Events are ordered by ``sort_date`` and most
        rows before ``since`` overlap it, so their walk stays short.
        """
        if table not in _SELECT:
            raise ValueError(table)
        where, params = self._where(filters, table)
        if not where:
            where = f" where {table}.group_id = {table}.id"
        else:
            # Rows of another group (or none yet) stand alone; a better matching member hides this one.
            others, more = self._where(filters, table, alias="m")
            where += (
                f" and not exists (select 1 from {table} m where m.group_id = {table}.group_id"
                f" and m.id != {table}.id{others.replace(' where ', ' and ', 1)}"
                f" and ({rank_sql(table, 'm')}) < ({rank_sql(table, table)}))"
            )
            params += more
        if table == "figures" and filters.since and _iso_day(filters.since):
            shown = self._figures_since(filters, where, params)
        else:
            columns = f"{_SELECT[table]}, {table}.group_id"
            sql = f"select {columns}{_FROM[table]}{where} order by {_PAGE_ORDER[table]}"
            if filters.limit:
                sql += " limit ?"
                params.append(filters.limit)
            shown = [dict(r) for r in self._rows(sql, params)]
        if not shown:
            return []
        members: dict[int, list[dict[str, Any]]] = {r["group_id"]: [] for r in shown if r["group_id"]}
        # Members of the groups on the page, the filters applied to them too: one query, through
        # the group index (a topic index would scan the whole topic).
        where, params = self._where(filters, table)
        where = (where + " and" if where else " where") + (
            f" {table}.group_id in (select value from json_each(?))"
        )
        params.append(json.dumps(sorted(members)))
        if whole:
            columns = f"{_SELECT[table]}, {table}.group_id"
            source = (
                f" from {table} indexed by {table}_group join articles on articles.id = {table}.article_id"
            )
        else:
            columns = f"{table}.id, {table}.article_id, {table}.group_id"
            source = f" from {table} indexed by {table}_group"
        for row in self._rows(f"select {columns}{source}{where} order by {rank_sql(table, table)}", params):
            members[row["group_id"]].append(_without_group(row))
        if not whole:  # the shown row is its group's first member (rank is a total order), whole
            for row in shown:
                if row["group_id"]:
                    members[row["group_id"]][0] = _without_group(row)
        return [members[r["group_id"]] if r["group_id"] else [_without_group(r)] for r in shown]

    def _figures_since(self, filters: Filters, where: str, params: list[Any]) -> list[dict[str, Any]]:
        """The figure page under ``where`` (which holds the ``since`` filter) in page order, without
        walking the rows that end before ``since``.

        A dated figure overlaps ``since`` only if it starts at most its span before it. Figures are
        indexed by span class (migration m007: up to 31 days, up to 183, longer), so each class is
        read in page order from ``since`` minus its longest span (for the last class, the longest of
        any figure: one probe of ``figures_span``) and LIMIT stops each run early; rows open at one
        end ("since 2024", "by 2025") come from their own small index. The runs are merged in page
        order, so the page is exactly the one a walk over every row would give.
        """
        longest = self.conn.execute(
            "select max(julianday(latest) - julianday(earliest)) from figures"
            f" where julianday(latest) - julianday(earliest) > {FIGURE_SPAN_DAYS[-1]}"
        ).fetchone()[0]
        since = date.fromisoformat(filters.since)
        columns = f"{_SELECT['figures']}, figures.group_id, figures.start as page_start"
        limit = " limit ?" if filters.limit else ""
        more = [filters.limit] if filters.limit else []
        runs = []
        # The longest span of the last class (a partial index holds only those): None when it is empty.
        for span_class, days in enumerate((*FIGURE_SPAN_DAYS, math.ceil(longest or 0))):
            try:
                start = (since - timedelta(days=days)).isoformat()
            except OverflowError:  # before year 1: from the first day
                start = ""
            runs.append(
                self._rows(
                    f"select {columns}{_FROM['figures']}{where} and {_SPAN_CLASS} = ?"
                    " and figures.earliest >= ?"
                    f" order by figures.earliest, figures.latest, figures.article_id, figures.start{limit}",
                    [*params, span_class, start, *more],
                )
            )
        # Its own index even with --topic: the topic's page index would walk every row of the topic.
        source = _FROM["figures"].replace(" figures ", " figures indexed by figures_half_open_page ", 1)
        half_open = self._rows(
            f"select {columns}{source}{where}"
            " and (figures.earliest is null) != (figures.latest is null)"
            f" order by {_PAGE_ORDER['figures']}{limit}",
            [*params, *more],
        )

        def order(row: sqlite3.Row) -> tuple[Any, ...]:  # _PAGE_ORDER['figures']; nulls sort first
            earliest, latest = row["earliest"], row["latest"]
            return (
                earliest is None,
                earliest or "",
                latest is not None,
                latest or "",
                row["article_id"],
                row["page_start"],
            )

        rows = [dict(r) for r in heapq.merge(*runs, half_open, key=order)][: filters.limit or None]
        for row in rows:
            del row["page_start"]
        return rows

    def articles(self, limit: int | None = None) -> list[dict[str, Any]]:
        sql = (
            "select a.id, a.title, a.source, a.published, a.published_source,"
            " (select count(*) from events e where e.article_id = a.id) as events,"
            " (select count(*) from figures f where f.article_id = a.id) as figures,"
            " a.path from articles a order by a.id"
        )
        params: list[Any] = []
        if limit:
            sql += " limit ?"
            params.append(limit)
        return [dict(r) for r in self._rows(sql, params)]

    def article(self, article_id: int) -> dict[str, Any]:
        rows = self._rows("select * from articles where id = ?", [article_id])
        if not rows:
            raise NotebookError(f"no article {article_id} in {self.path}")
        return dict(rows[0])

    def overview(self) -> dict[str, Any]:
        """The notebook at a glance: counts, date span, topics, the latest figure per topic."""
        one = self.conn.execute
        articles = one("select count(*) from articles").fetchone()[0]
        # Counts and the date span from the tables triggers keep (migration m007): O(topics + log n)
        # where counting the rows took seconds at 100,000 articles; the values are the same.
        per_topic = self._rows(
            "select topic, sum(case when kind = 'event' then count else 0 end) as events,"
            " sum(case when kind = 'figure' then count else 0 end) as figures"
            " from topic_counts group by topic order by topic",
            [],
        )
        events = sum(r["events"] for r in per_topic)
        figures = sum(r["figures"] for r in per_topic)
        span = one(
            "select (select min(day) from event_dates where kind = 'start'),"
            " (select max(day) from event_dates where kind = 'end')"
        ).fetchone()
        # The latest figure of each topic: one walk of (topic, latest, earliest, id) per topic (a
        # window over every figure took seconds at 10,000 articles). Open-ended rows come last. A
        # forecast is no latest count: a figure dated wholly after its article's reference date ("a
        # further 3,000 troops could be sent by the end of the year" in March) is passed over.
        columns = (
            "topic, f.id, article_id, text, low, high, qualifier, unit, currency, percent, [when], when_mod,"
            " relation, earliest, latest, precision"
        )
        # (a reference date at any precision: "2025" || '-99' sorts after every day of 2025)
        reported = (
            "(earliest is null or not exists (select 1 from articles a where a.id = f.article_id"
            " and a.published is not null and f.earliest > a.published || '-99'))"
        )
        latest = []
        for topic in [r["topic"] for r in per_topic if r["figures"]]:  # per_topic is ordered by topic
            found = self._rows(
                f"select {columns} from figures f where topic is ? and latest is not null and {reported}"
                " order by latest desc, earliest desc, f.id desc limit 1",
                [topic],
            ) or self._rows(
                f"select {columns} from figures f where topic is ? and latest is null and {reported}"
                " order by earliest desc, f.id desc limit 1",
                [topic],
            )
            latest += found
        return {
            "articles": articles,
            "events": events,
            "figures": figures,
            "earliest": span[0],
            "latest": span[1],
            "outdated": self.outdated(),  # articles an older extractor read
            "topics": [dict(r) for r in per_topic],
            "latest_figures": [dict(r) for r in latest],
        }

    def outdated(self) -> int:
        """How many articles an older extractor read (``tracker reextract`` reads them again)."""
        return self.conn.execute(
            f"select count(*) from articles indexed by articles_extractor_version where {_OUTDATED}",
            [EXTRACTOR_VERSION, EXTRACTOR_VERSION],
        ).fetchone()[0]

    def outdated_ids(self) -> list[int]:
        """The ids of the articles an older extractor read, in order."""
        rows = self.conn.execute(
            f"select id from articles where {_OUTDATED} order by id", [EXTRACTOR_VERSION, EXTRACTOR_VERSION]
        ).fetchall()
        return [r[0] for r in rows]

    def holds(self, article: dict[str, Any], extraction: Extraction) -> bool:
        """Whether a stored article (its ``article`` row) has exactly the rows, values and reference
        date ``extraction`` gives, grouped by the current rules."""
        from .grouping import WORDS_MARK

        reference = (extraction.published, extraction.precision, extraction.published_source)
        if reference != (article["published"], article["published_precision"], article["published_source"]):
            return False
        article_id = article["id"]
        # Rows grouped by older corroboration rules (their words lack the current mark) are grouped
        # again: the article does not read the same as stored.
        stale = self.conn.execute(
            "select 1 from events where article_id = ? and (words is null or substr(words, 1, ?) != ?)"
            " limit 1",
            [article_id, len(WORDS_MARK), WORDS_MARK],
        ).fetchone()
        if stale:
            return False
        for table, columns, rows, values in (
            ("events", _EVENT_COLUMNS, extraction.events, _event_values),
            ("figures", _FIGURE_COLUMNS, extraction.figures, _figure_values),
        ):
            names = ", ".join(f"[{c}]" for c in columns)
            stored = self.conn.execute(f"select {names} from {table} where article_id = ?", [article_id])
            # (compared as multisets: rows kept by an earlier re-extraction are out of document order)
            if Counter(stored.fetchall()) != Counter(values(article_id, row) for row in rows):
                return False
        return True

    def _rows(self, sql: str, params: list[Any]) -> list[sqlite3.Row]:
        conn = self.conn
        previous = conn.row_factory
        conn.row_factory = sqlite3.Row
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise NotebookError(f"{self.path}: {exc}") from exc
        finally:
            conn.row_factory = previous


# What timeline and figures select (tables are constants, never input), in the read commands' order.
_SELECT = {
    "events": "events.id, events.article_id, events.[when], events.mod, events.relation,"
    " events.earliest, events.latest, events.precision, events.time_text,"
    " events.time_start - events.start as time_offset, events.text, events.topic,"
    " articles.title, articles.source",
    "figures": "figures.id, figures.article_id, figures.text, figures.low, figures.high,"
    " figures.qualifier, figures.unit, figures.currency, figures.percent, figures.topic,"
    " figures.[when], figures.when_mod, figures.relation, figures.earliest, figures.latest,"
    " figures.precision, figures.sentence, articles.title, articles.source",
}
_FROM = {t: f" from {t} join articles on articles.id = {t}.article_id" for t in ("events", "figures")}
_SPAN_CLASS = FIGURE_SPAN_CLASS.replace("latest", "figures.latest").replace("earliest", "figures.earliest")
# Must read as the page indexes of migration m005 do, so SQLite walks them instead of sorting.
_PAGE_ORDER = {
    "events": "events.sort_date is null, events.sort_date, events.latest is null, events.latest,"
    " events.article_id, events.start",
    "figures": "figures.earliest is null, figures.earliest, figures.latest, figures.article_id,"
    " figures.start",
}


def _iso_day(value: str) -> bool:
    """Whether ``value`` is a YYYY-MM-DD day (what the commands pass as --since)."""
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _without_group(row: sqlite3.Row) -> dict[str, Any]:
    found = dict(row)
    found.pop("group_id", None)
    return found


def _check_file(path: Path, create: bool) -> None:
    """Refuse what is not a SQLite file before sqlite3 gets a chance to misread it."""
    if path.is_dir():
        raise NotebookError(f"{path} is a folder, not a notebook file")
    if not path.exists():
        if not create:
            raise NotebookError(f"no notebook at {path}: ingest an article first")
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise NotebookError(f"cannot read {path}: {exc.strerror}") from exc
    if header and header != SQLITE_HEADER:
        raise NotebookError(f"{path} is not a SQLite database")
