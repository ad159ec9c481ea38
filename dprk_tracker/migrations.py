"""The notebook's schema, as small numbered migrations applied once each."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .schema import FIGURE_SPAN_CLASS, FIGURE_SPAN_DAYS, MIGRATION_NAMES, MIGRATION_SET
from .schema import SCHEMA_VERSION as SCHEMA_VERSION  # re-exported: the version this code writes

MIGRATIONS = Migrations(MIGRATION_SET)


@MIGRATIONS()
def m001_articles_events_figures(db: Database) -> None:
    db["articles"].create(
        {
            "id": int,
            "title": str,
            "source": str,
            "url": str,
            "external_id": str,
            "summary": str,
            "body": str,
            "published": str,
            "published_precision": str,
            "published_source": str,
            "place": str,
            "content_hash": str,
            "path": str,
            "ingested_at": str,
            "extractor_version": str,
        },
        pk="id",
        not_null={"body", "content_hash", "ingested_at", "extractor_version"},
    )
    db["articles"].create_index(["content_hash"], unique=True)
    db["articles"].create_index(["published"])
    # Raw SQL for the child tables: sqlite-utils cannot declare ON DELETE CASCADE.
    db.execute(
        """
        create table events (
            id integer primary key,
            article_id integer not null references articles(id) on delete cascade,
            [when] text not null,      -- TIMEX3 value: 2024-06, 2025, 2024-SU, XXXX-02 (unresolved)
            mod text,                  -- the time's TIMEX3 mod: START ("early"), MID, END, APPROX
            relation text,             -- the event's relation to it: ON_OR_AFTER ("since"), ON_OR_BEFORE
            earliest text,             -- ISO date; null: open start or unresolved
            latest text,               -- ISO date; null: open end or unresolved
            precision text,            -- day, week, month, season, quarter, half, year, decade
            sort_date text,            -- start of the named period, orders the timeline
            time_text text not null,   -- the time expression as written
            time_start integer not null,
            time_end integer not null,
            text text not null,        -- the event's sentence or clause
            start integer not null,    -- offsets into articles.body
            [end] integer not null,
            topic text not null
        )
        """
    )
    db.execute(
        """
        create table figures (
            id integer primary key,
            article_id integer not null references articles(id) on delete cascade,
            text text not null,        -- the number expression: "over 3,000", "$540 million"
            low real,                  -- null: open at the bottom ("up to 30")
            high real,                 -- null: open at the top ("over 3,000")
            qualifier text,            -- over, up to, approximately, ...
            unit text,                 -- what is counted: troops, killed or injured, km
            currency text,             -- ISO 4217 code for money
            percent integer not null default 0,
            topic text not null,
            [when] text,               -- as-of date (TIMEX3 value)
            when_mod text,
            relation text,             -- ON_OR_AFTER ("since"), ON_OR_BEFORE ("by"), ...
            earliest text,
            latest text,
            precision text,
            sentence text not null,    -- the quote
            start integer not null,    -- offsets into articles.body
            [end] integer not null
        )
        """
    )
    for table in ("events", "figures"):
        db[table].create_index(["article_id"])
        db[table].create_index(["topic", "earliest"])
        db[table].create_index(["earliest", "latest"])
    db["events"].create_index(["sort_date", "latest"])


@MIGRATIONS()
def m002_search(db: Database) -> None:
    # Full-text index over articles (articles_fts), kept in step by insert/update/delete triggers.
    # Porter stemming so "soldier" finds "soldiers".
    db["articles"].enable_fts(["title", "body"], create_triggers=True, tokenize="porter")


@MIGRATIONS()
def m003_notes_tags(db: Database) -> None:
    # kind + target_id point at articles, events or figures; triggers (not foreign keys, which
    # cannot point at three tables) remove them with their target, cascades included.
    db.execute(
        """
        create table notes (
            id integer primary key,
            kind text not null check (kind in ('article', 'event', 'figure')),
            target_id integer not null,
            text text not null,
            created_at text not null
        )
        """
    )
    db.execute(
        """
        create table tags (
            id integer primary key,
            kind text not null check (kind in ('article', 'event', 'figure')),
            target_id integer not null,
            tag text not null,
            unique (kind, target_id, tag)
        )
        """
    )
    db["notes"].create_index(["kind", "target_id"])
    db["tags"].create_index(["tag", "kind", "target_id"])
    for table, kind in (("articles", "article"), ("events", "event"), ("figures", "figure")):
        db.execute(
            f"create trigger {table}_annotations_ad after delete on {table} begin"
            f" delete from notes where kind = '{kind}' and target_id = old.id;"
            f" delete from tags where kind = '{kind}' and target_id = old.id; end"
        )


@MIGRATIONS()
def m004_views(db: Database) -> None:
    # Readable views for Datasette and ad-hoc SQL.
    db.execute(
        """
        create view timeline as
        select events.id as event_id, events.[when] as date_value, events.earliest, events.latest,
            events.precision, events.time_text, events.text as event, events.topic,
            articles.id as article_id, articles.title as article_title, articles.source as article_source,
            articles.published as article_published
        from events join articles on articles.id = events.article_id
        order by events.sort_date is null, events.sort_date, events.latest, events.article_id, events.start
        """
    )
    db.execute(
        """
        create view figures_by_topic as
        select figures.topic, figures.id as figure_id, figures.text as figure, figures.low, figures.high,
            figures.qualifier, figures.unit as counts, figures.currency, figures.percent,
            figures.[when] as as_of, figures.earliest, figures.latest, figures.sentence as quote,
            articles.id as article_id, articles.title as article_title, articles.source as article_source
        from figures join articles on articles.id = figures.article_id
        order by figures.topic, figures.earliest is null, figures.earliest, figures.article_id, figures.start
        """
    )


@MIGRATIONS()
def m005_claim_groups(db: Database) -> None:
    # Corroboration groups kept at ingest (see grouping.py): group_id is the id of the group's
    # representative, the member shown; *_keys file the representatives for finding candidates.
    from .grouping import counted_for, regroup_all

    pages = {
        "events": "sort_date is null, sort_date, latest is null, latest, article_id, start",
        "figures": "earliest is null, earliest, latest, article_id, start",
    }
    for table, order in pages.items():
        db.execute(f"alter table {table} add column group_id integer")
        db.execute(f"create index {table}_group on {table} (group_id)")
        # Pages in the read commands' order, walked in an index and cut by LIMIT: representatives
        # (no filter), every row (date or tag filters) and every row of a topic.
        db.execute(f"create index {table}_page_groups on {table} ({order}) where group_id = id")
        db.execute(f"create index {table}_page on {table} ({order})")
        db.execute(f"create index {table}_topic_page on {table} (topic, {order})")
        # Superseded by the page indexes (same leading columns); fewer indexes, faster ingest.
        db.execute(f"drop index if exists idx_{table}_topic_earliest")
        # Candidate keys: a hashed (date cell, word / number / figure) -> representatives filed there.
        db.execute(
            f"create table {table[:-1]}_keys (key integer not null, row_id integer not null,"
            " primary key (key, row_id)) without rowid"
        )
    # The content words compared when grouping (grouping.event_words), set with group_id.
    db.execute("alter table events add column words text")
    db.execute("drop index if exists idx_events_sort_date_latest")
    regroup_all(db, counted_for(db, lenient=True))


@MIGRATIONS()
def m006_topic_lookups(db: Database) -> None:
    # "Does this article have an event (figure) of topic T?" (search --topic): with only (topic, ...)
    # and (article_id) indexes SQLite walked every row of the topic for each hit (11 s at 10,000
    # articles); (article_id, topic) answers it from the index and serves article_id lookups too.
    for table in ("events", "figures"):
        db.execute(f"create index {table}_article_topic on {table} (article_id, topic)")
        db.execute(f"drop index if exists idx_{table}_article_id")
    # summary's latest figure per topic: one index probe per topic instead of sorting every figure.
    db.execute("create index figures_topic_latest on figures (topic, latest, earliest, id)")


# What migration m007's tables count, per table: (count table, its key as a condition, the kind
# counted, the value counted: a row whose value is null is not counted).
_COUNTED = {
    "events": [
        ("topic_counts", "kind = 'event' and topic", "'event'", "topic"),
        ("event_dates", "kind = 'start' and day", "'start'", "sort_date"),
        ("event_dates", "kind = 'end' and day", "'end'", "coalesce({row}.latest, {row}.earliest)"),
    ],
    "figures": [("topic_counts", "kind = 'figure' and topic", "'figure'", "topic")],
}


def _count_added(table: str, key: str, kind: str, value: str) -> str:
    value = value.format(row="new") if "{row}" in value else f"new.{value}"
    target = "(kind, topic)" if table == "topic_counts" else "(kind, day)"
    # The where clause also settles the parser's ambiguity between SELECT ... ON and a join.
    return (
        f"insert into {table} select {kind}, {value}, 1 where {value} is not null"
        f" on conflict {target} do update set count = count + 1;"
    )


def _count_removed(table: str, key: str, kind: str, value: str) -> str:
    value = value.format(row="old") if "{row}" in value else f"old.{value}"
    return (
        f"update {table} set count = count - 1 where {key} = {value};"
        f" delete from {table} where {key} = {value} and count = 0;"
    )


@MIGRATIONS()
def m007_read_at_scale(db: Database) -> None:
    # summary counted every event and figure (seconds at 100,000 articles). These tables keep the
    # counts it needs, per topic and per date, by triggers on every insert, delete (cascades
    # included) and change of the counted columns, so no writer has to know about them; a count
    # that reaches zero is deleted, so what is left is exactly what a scan would find.
    db.execute(
        "create table topic_counts (kind text not null, topic text not null, count integer not null,"
        " primary key (kind, topic)) without rowid"
    )
    # Events per date, for the span summary shows: 'start' counts sort_date (its earliest),
    # 'end' counts coalesce(latest, earliest) (its latest); min/max are one probe of the key.
    db.execute(
        "create table event_dates (kind text not null, day text not null, count integer not null,"
        " primary key (kind, day)) without rowid"
    )
    # Re-applied to a notebook past m008 (its counts rebuilt by hand), the insert triggers stand
    # aside for the writer as m008 made them.
    deferred = " when not exists (select 1 from counts_deferred)" if db["counts_deferred"].exists() else ""
    for table, counts in _COUNTED.items():
        columns = sorted({"topic", "sort_date", "latest", "earliest"} if table == "events" else {"topic"})
        adds = " ".join(_count_added(*c) for c in counts)
        removes = " ".join(_count_removed(*c) for c in counts)
        db.execute(f"create trigger {table}_counts_ai after insert on {table}{deferred} begin {adds} end")
        db.execute(f"create trigger {table}_counts_ad after delete on {table} begin {removes} end")
        db.execute(
            f"create trigger {table}_counts_au after update of {', '.join(columns)} on {table}"
            f" begin {removes} {adds} end"
        )
        # Backfill what is stored already.
        for target, _, kind, value in counts:
            value = value.format(row=table)
            db.execute(
                f"insert into {target} select {kind}, {value}, count(*) from {table}"
                f" where {value} is not null group by {value}"
            )
    # figures --since walked every figure ending before the date (Notebook._figures_since). A figure
    # overlapping it starts at most its span before it: page indexes per span class (up to a month,
    # up to half a year, longer) are read from since minus the class's longest span (the last one
    # from this index), and the few rows open at one end get a page index of their own.
    span = "julianday(latest) - julianday(earliest)"
    db.execute(f"create index figures_span on figures ({span}) where {span} > {FIGURE_SPAN_DAYS[-1]}")
    for name, topic in (("figures_span_page", ""), ("figures_topic_span_page", "topic, ")):
        page = f"{topic}{FIGURE_SPAN_CLASS}, earliest, latest, article_id, start"
        db.execute(f"create index {name} on figures ({page})")
    # search --since/--until: an article's published date without reading its row (stored after
    # the body, so reading it reads the whole text).
    db.execute("create index articles_published_by_id on articles (id, published)")
    db.execute(
        "create index figures_half_open_page on figures (earliest is null, earliest, latest,"
        " article_id, start) where (earliest is null) != (latest is null)"
    )


@MIGRATIONS()
def m008_writer_counts(db: Database) -> None:
    # The insert triggers of m007 ran three upserts per event and one per figure: a sixth of the
    # writer's time on a long ingest. While ``counts_deferred`` holds a row (only ever inside the
    # ingest writer's transaction, which counts what it inserts itself and empties it before
    # committing: ``db.Notebook._writing``) they do nothing; any other insert is counted by them
    # as before. Deletes and updates keep their triggers.
    db.execute("create table counts_deferred (writer integer primary key)")
    for table, counts in _COUNTED.items():
        adds = " ".join(_count_added(*c) for c in counts)
        db.execute(f"drop trigger {table}_counts_ai")
        db.execute(
            f"create trigger {table}_counts_ai after insert on {table}"
            f" when not exists (select 1 from counts_deferred) begin {adds} end"
        )


@MIGRATIONS()
def m009_writer_indexes(db: Database) -> None:
    # m001's (earliest, latest) indexes serve no read: every query a command runs, with every
    # filter, reads through the page, topic and span indexes (EXPLAIN QUERY PLAN; notebooks are
    # never ANALYZEd, so plans do not depend on their size). Each cost every inserted row a page
    # in the write transaction: 9% of the pages a batch commits at 10,000 articles (359 of 3,919).
    for table in ("events", "figures"):
        db.execute(f"drop index if exists idx_{table}_earliest_latest")


@MIGRATIONS()
def m010_writer_page_indexes(db: Database) -> None:
    # Each index costs every inserted row a page of the write transaction wherever its key lands.
    # m005's representatives-only page indexes: the unfiltered grouped page walks the page index
    # instead and steps over the other members (4 rows in 10 at 10,000 and 100,000 articles), the
    # same rows in the same order, a page of 100 in about the same time; 9% fewer pages committed
    # per batch (650 of 7,336 at 10,000 articles). (m001's (published) index stays, though no
    # command filters on it: it is the smallest, so summary's count of articles reads it; the next
    # smallest, content_hash, took 5 ms instead of 0.03 at 100,000 articles.)
    for table in ("events", "figures"):
        db.execute(f"drop index if exists {table}_page_groups")


@MIGRATIONS()
def m011_extractor_versions(db: Database) -> None:
    # summary counts the articles an older extractor read (``tracker reextract`` updates them): from
    # this index, not a scan of every article's text (seconds at 100,000 articles).
    db.execute("create index articles_extractor_version on articles (extractor_version)")


@MIGRATIONS()
def m012_search_index_on_text_changes(db: Database) -> None:
    # m002's update trigger re-indexed an article's whole text for any change to its row: moving its
    # extractor version or its reference date (``reextract``) cost ~1 ms of tokenizing per article.
    # Only a new title or body changes what search finds.
    db.execute("drop trigger if exists articles_au")
    db.execute(
        """
        create trigger articles_au after update of title, body on articles begin
          insert into articles_fts (articles_fts, rowid, title, body)
            values ('delete', old.rowid, old.title, old.body);
          insert into articles_fts (rowid, title, body) values (new.rowid, new.title, new.body);
        end
        """
    )


@MIGRATIONS()
def m013_current_words_for_recent_groups(db: Database) -> None:
    # Corroboration reads an event's words by new rules (corroborate.content_words): stems, variants,
    # "12 million" as one number, other dates left out; ``events.words`` now starts with the rules'
    # mark. Regrouping every row would take minutes at 100,000 articles: older rows are compared by
    # their text's words when met (grouping.event_words), and the groups of the newest articles,
    # those new articles most often corroborate, are filed by the current words here (seconds,
    # whatever the notebook's size). ``tracker reextract --all`` brings every group to the new rules.
    from .grouping import counted_for, refile_recent

    refile_recent(db, counted_for(db, lenient=True))


# schema.py names the migrations for the commands that open a notebook without sqlite-utils.
if tuple(m.name for m in MIGRATIONS._migrations) != MIGRATION_NAMES:
    raise RuntimeError("dprk_tracker.schema.MIGRATION_NAMES must list the migrations above, in order")
