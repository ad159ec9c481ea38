"""The ingest writer's shortcuts (grouping.WriterCache, counts kept by the writer instead of the
m007 insert triggers) store exactly what the plain path stores, whatever else writes meanwhile."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from dprk_tracker import grouping
from dprk_tracker.db import Filters, Notebook, ToAdd
from dprk_tracker.maintenance import remove_article
from dprk_tracker.migrations import MIGRATIONS
from tests.test_claim_groups import _consistent, _generated_documents

TABLES = ("articles", "events", "figures", "event_keys", "figure_keys", "topic_counts", "event_dates")


def _contents(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        found = {}
        for table in TABLES:
            columns = [r[1] for r in conn.execute(f"pragma table_info({table})") if r[1] != "ingested_at"]
            names = ", ".join(f"[{c}]" for c in columns)
            found[table] = conn.execute(f"select {names} from {table} order by {names}").fetchall()
        assert conn.execute("select count(*) from counts_deferred").fetchone() == (0,)
    return found


def _scanned_counts(db: Path) -> dict[str, list[tuple]]:
    """What m007's tables must hold, counted from the rows."""
    with sqlite3.connect(db) as conn:
        return {
            "topic_counts": conn.execute(
                "select 'event', topic, count(*) from events group by topic union all"
                " select 'figure', topic, count(*) from figures group by topic order by 1, 2"
            ).fetchall(),
            "event_dates": conn.execute(
                "select 'end', coalesce(latest, earliest) as day, count(*) from events where day is not null"
                " group by day union all select 'start', sort_date, count(*) from events"
                " where sort_date is not null group by sort_date order by 1, 2"
            ).fetchall(),
        }


@pytest.fixture
def small_bounds(monkeypatch) -> None:
    """Few postings per key and a cache that forgets: trims and reloads on almost every article."""
    monkeypatch.setattr(grouping, "KEEP_PER_KEY", 2)
    monkeypatch.setattr(grouping.WriterCache, "MAX_KEYS", 1000)
    monkeypatch.setattr(grouping.WriterCache, "MAX_ROWS", 100)


@pytest.fixture
def uncached(monkeypatch):
    """A context in which ``assign_new`` reads everything from the notebook (the path before the cache)."""
    original = grouping.assign_new

    def without_cache(*args, **kwargs):
        return original(*args[:6])

    class Switch:
        def __enter__(self) -> None:
            monkeypatch.setattr(grouping, "assign_new", without_cache)

        def __exit__(self, *exc: object) -> None:
            monkeypatch.setattr(grouping, "assign_new", original)

    return Switch()


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> list[tuple[str, object]]:
    return _generated_documents(tmp_path_factory.mktemp("generated"), 24)


def _entries(notebook: Notebook, documents: list[tuple[str, object]]) -> list[ToAdd]:
    counted = notebook.counted()
    return [ToAdd(d, p, grouping.plan(d.extraction, counted)) for p, d in documents]


def _reference(path: Path, documents: list[tuple[str, object]], uncached, remove: int | None = None) -> None:
    notebook = Notebook(path)
    with uncached:
        entries = _entries(notebook, documents)
        for start in range(0, len(entries), 5):
            list(notebook.add_many(entries[start : start + 5]))
            if remove is not None and start == 10:
                remove_article(notebook, remove)
    notebook.close()


def test_the_cache_stores_what_the_notebook_reads_give(
    tmp_path: Path, documents, small_bounds, uncached
) -> None:
    _reference(tmp_path / "plain.db", documents, uncached)
    notebook = Notebook(tmp_path / "cached.db")
    entries = _entries(notebook, documents)
    for start in range(0, len(entries), 5):
        list(notebook.add_many(entries[start : start + 5]))
    cache = notebook._grouping_cache
    assert cache is not None
    # The bounds, and what one article needs besides.
    one_article_keys = max(len({k for e in x.planned.events for k in (*e.looked, *e.filed)}) for x in entries)
    one_article_rows = max(len(x.document.extraction.events) for x in entries)
    assert len(cache.postings["events"]) <= 1000 + one_article_keys
    assert len(cache.rows["events"]) <= 100 + 2 * one_article_rows
    notebook.close()
    with sqlite3.connect(tmp_path / "cached.db") as conn:  # so it forgot some on the way
        assert conn.execute("select count(distinct key) from event_keys").fetchone()[0] > 1000
        assert conn.execute("select count(*) from events where group_id = id").fetchone()[0] > 100
    cached = _contents(tmp_path / "cached.db")
    assert cached == _contents(tmp_path / "plain.db")
    assert {t: cached[t] for t in ("topic_counts", "event_dates")} == _scanned_counts(tmp_path / "cached.db")
    assert max(n for _, n in _key_sizes(tmp_path / "cached.db")) == 2  # keys filled to the bound
    _consistent(tmp_path / "cached.db")


def _key_sizes(db: Path) -> list[tuple[int, int]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("select key, count(*) from event_keys group by key").fetchall()


def test_another_writer_between_batches_is_not_missed(
    tmp_path: Path, documents, small_bounds, uncached
) -> None:
    """A second connection stores articles between two batches of the first: the first one's cache
    is stale, PRAGMA data_version tells, and it reads the notebook again."""
    _reference(tmp_path / "plain.db", documents, uncached)
    first = Notebook(tmp_path / "two.db")
    second = Notebook(tmp_path / "two.db")
    entries = _entries(first, documents)
    for start in range(0, len(entries), 5):
        writer = second if start // 5 % 2 else first
        list(writer.add_many(entries[start : start + 5]))
    first.close()
    second.close()
    assert _contents(tmp_path / "two.db") == _contents(tmp_path / "plain.db")


def test_a_removal_through_the_same_notebook_drops_the_cache(
    tmp_path: Path, documents, small_bounds, uncached
) -> None:
    """Other writes of the writer's own connection (a removal here) change groups and keys behind
    the cache's back: it is dropped after them."""
    _reference(tmp_path / "plain.db", documents, uncached, remove=3)
    notebook = Notebook(tmp_path / "cached.db")
    entries = _entries(notebook, documents)
    for start in range(0, len(entries), 5):
        list(notebook.add_many(entries[start : start + 5]))
        if start == 10:
            remove_article(notebook, 3)
    notebook.close()
    cached = _contents(tmp_path / "cached.db")
    assert cached == _contents(tmp_path / "plain.db")
    assert {t: cached[t] for t in ("topic_counts", "event_dates")} == _scanned_counts(tmp_path / "cached.db")


def test_a_failed_batch_drops_the_cache(tmp_path: Path, documents, small_bounds, uncached) -> None:
    """A batch that fails is rolled back: what the cache learnt in it is forgotten with it."""
    _reference(tmp_path / "plain.db", documents[:10] + documents[11:], uncached)
    notebook = Notebook(tmp_path / "cached.db")
    entries = _entries(notebook, documents)
    path, good = documents[10]
    event = dataclasses.replace(good.extraction.events[0], start=2**64)  # no SQLite integer holds it
    bad = dataclasses.replace(good, extraction=dataclasses.replace(good.extraction, events=[event]))
    entries[10] = ToAdd(bad, path, grouping.plan(bad.extraction, notebook.counted()))
    list(notebook.add_many(entries[:5]))
    with pytest.raises(OverflowError):
        list(notebook.add_many(entries[5:15]))
    list(notebook.add_many(entries[11:15]))
    for start in range(15, len(entries), 5):
        list(notebook.add_many(entries[start : start + 5]))
    notebook.close()
    assert _contents(tmp_path / "cached.db") == _contents(tmp_path / "plain.db")


def test_other_inserts_are_still_counted_by_the_triggers(tmp_path: Path, documents) -> None:
    """Only the writer's own transactions set the insert triggers aside (m008); an insert from
    anywhere else (an import, ad-hoc SQL) is counted as before, and a notebook upgraded from schema
    version 7 keeps exact counts."""
    path = _notebook_before(tmp_path / "nb.db", "m008_writer_counts")
    notebook = Notebook(path)  # upgrades to m008
    assert notebook.schema_version == len(MIGRATIONS._migrations)
    list(notebook.add_many(_entries(notebook, documents[:6])))
    notebook.close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "insert into events (article_id, [when], earliest, latest, sort_date, time_text, time_start,"
            " time_end, text, start, [end], topic) values (1, '2031-05', '2031-05-01', '2031-05-31',"
            " '2031-05-01', 'May 2031', 0, 8, 'x', 0, 8, 'not a topic yet')"
        )
        conn.execute(
            "insert into figures (article_id, text, topic, sentence, start, [end])"
            " values (1, '3', 'not a topic yet', 'x', 0, 1)"
        )
    counts = _scanned_counts(path)
    assert ("event", "not a topic yet", 1) in counts["topic_counts"]
    assert ("figure", "not a topic yet", 1) in counts["topic_counts"]
    assert ("end", "2031-05-31", 1) in counts["event_dates"]
    kept = _contents(path)
    assert {t: kept[t] for t in ("topic_counts", "event_dates")} == counts


def test_counts_rebuilt_by_m007_on_a_later_schema_stay_exact(tmp_path: Path, documents) -> None:
    """m007 applied again to a notebook past m008 (its counts dropped by hand) makes insert triggers
    that stand aside for the writer, as m008's do: the next ingest is not counted twice."""
    path = tmp_path / "nb.db"
    notebook = Notebook(path)
    list(notebook.add_many(_entries(notebook, documents[:4])))
    notebook.close()
    with sqlite3.connect(path) as conn:
        for (trigger,) in conn.execute(
            "select name from sqlite_master where name like '%_counts_a_'"
        ).fetchall():
            conn.execute(f"drop trigger {trigger}")
        conn.execute("drop table topic_counts")
        conn.execute("drop table event_dates")
        for index in (
            "figures_span",
            "figures_span_page",
            "figures_topic_span_page",
            "figures_half_open_page",
        ):
            conn.execute(f"drop index {index}")
        conn.execute("drop index articles_published_by_id")
        conn.execute("delete from _sqlite_migrations where name = 'm007_read_at_scale'")
    notebook = Notebook(path)  # m007 again
    list(notebook.add_many(_entries(notebook, documents[4:8])))
    notebook.close()
    kept = _contents(path)
    assert {t: kept[t] for t in ("topic_counts", "event_dates")} == _scanned_counts(path)
    assert sum(n for kind, _, n in kept["topic_counts"] if kind == "event") == sum(
        len(d.extraction.events) for _, d in documents[:8]
    )


def _notebook_before(path: Path, migration: str) -> Path:
    """A notebook file at the schema just before ``migration``, as an older version left it."""
    legacy = sqlite_utils.Database(path)
    MIGRATIONS.apply(legacy, stop_before=migration)
    legacy.close()
    return path


def _indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("select name from sqlite_master where type = 'index'")}


def test_m009_drops_the_earliest_latest_indexes(tmp_path: Path) -> None:
    """No read uses m001's (earliest, latest) indexes; m009 drops them from an older notebook, and a
    new notebook ends without them."""
    unused = {"idx_events_earliest_latest", "idx_figures_earliest_latest"}
    path = _notebook_before(tmp_path / "old.db", "m009_writer_indexes")
    assert unused <= _indexes(path)
    Notebook(path).close()
    assert not unused & _indexes(path)
    assert "events_page" in _indexes(path)
    Notebook(tmp_path / "new.db").close()
    assert _indexes(tmp_path / "new.db") == _indexes(path)


def test_m011_indexes_extractor_versions(tmp_path: Path, documents) -> None:
    """m011 indexes an older notebook's extractor versions; summary counts outdated ones from it."""
    path = _notebook_before(tmp_path / "old.db", "m011_extractor_versions")
    assert "articles_extractor_version" not in _indexes(path)
    notebook = Notebook(path)
    assert "articles_extractor_version" in _indexes(path)
    list(notebook.add_many(_entries(notebook, documents[:3])))
    notebook.conn.execute("update articles set extractor_version = '0' where id = 2")
    assert notebook.outdated() == 1
    sql = "select count(*) from articles indexed by articles_extractor_version where extractor_version > ?"
    plan = notebook.conn.execute(f"explain query plan {sql}", ["1"]).fetchall()
    assert [r[3] for r in plan] == [
        "SEARCH articles USING COVERING INDEX articles_extractor_version (extractor_version>?)"
    ]


def test_m012_reindexes_an_article_for_search_only_when_its_text_changes(tmp_path: Path, documents) -> None:
    """m012: moving an article's extractor version or reference date leaves the search index alone
    (m002's trigger re-indexed the whole text); a new title is still found, the old one no more."""
    path = _notebook_before(tmp_path / "old.db", "m012_search_index_on_text_changes")
    notebook = Notebook(path)
    list(notebook.add_many(_entries(notebook, documents[:2])))

    def fts_changes(statement: str) -> int:
        before = notebook.conn.execute("select count(*) from articles_fts_docsize").fetchone()[0]
        notebook.conn.execute("create temp table if not exists seen (n)")
        notebook.conn.execute(
            "create temp trigger if not exists fts_writes after insert on articles_fts_docsize"
            " begin insert into seen values (new.id); end"
        )
        notebook.conn.execute("delete from seen")
        notebook.conn.execute(statement)
        after = notebook.conn.execute("select count(*) from articles_fts_docsize").fetchone()[0]
        assert after == before
        return notebook.conn.execute("select count(*) from temp.seen").fetchone()[0]

    redate = "update articles set extractor_version = '0', published = '2025-01-01' where id = 1"
    assert fts_changes(redate) == 0
    assert fts_changes("update articles set title = 'Quuxly renamed' where id = 2") == 1
    found = "select rowid from articles_fts where articles_fts match ?"
    assert notebook.conn.execute(found, ["quuxly"]).fetchall() == [(2,)]
    triggers = (
        "select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'articles' order by name"
    )
    upgraded = notebook.conn.execute(triggers).fetchall()
    fresh = Notebook(tmp_path / "new.db")
    assert fresh.conn.execute(triggers).fetchall() == upgraded


def test_m010_drops_the_representatives_page_indexes(tmp_path: Path, documents) -> None:
    """m010 drops m005's representatives-only page indexes from an older notebook (a new one ends
    without them); the unfiltered grouped page is then read through the page index, in page order
    without a sort, and is still every representative in that order. Counting articles still reads
    the smallest index."""
    from dprk_tracker.db import _FROM, _PAGE_ORDER, _SELECT, Filters

    dropped = {"events_page_groups", "figures_page_groups"}
    path = _notebook_before(tmp_path / "old.db", "m010_writer_page_indexes")
    assert dropped <= _indexes(path)
    notebook = Notebook(path)
    assert not dropped & _indexes(path)
    assert {"events_page", "figures_page", "idx_articles_published"} <= _indexes(path)
    count = notebook.conn.execute("explain query plan select count(*) from articles").fetchall()
    # (since m011, the index of extractor versions is the smallest)
    assert [r[3] for r in count] == ["SCAN articles USING COVERING INDEX articles_extractor_version"]
    Notebook(tmp_path / "new.db").close()
    assert _indexes(tmp_path / "new.db") == _indexes(path)
    list(notebook.add_many(_entries(notebook, documents)))
    # _PAGE_ORDER in Python on (first date, latest, article_id, start, id); SQLite sorts nulls first
    # and equal keys by id.
    order = {
        "events": lambda r: (r[0] is None, r[0] or "", r[1] is None, r[1] or "", *r[2:]),
        "figures": lambda r: (r[0] is None, r[0] or "", r[1] is not None, r[1] or "", *r[2:]),
    }
    for table, first in (("events", "sort_date"), ("figures", "earliest")):
        plan = " | ".join(
            r[3]
            for r in notebook.conn.execute(
                f"explain query plan select {_SELECT[table]}, {table}.group_id{_FROM[table]}"
                f" where {table}.group_id = {table}.id order by {_PAGE_ORDER[table]} limit 5"
            )
        )
        assert f"SCAN {table} USING INDEX {table}_page" in plan.split(" | "), plan
        assert "TEMP B-TREE" not in plan, plan
        reps = notebook.conn.execute(
            f"select {first}, latest, article_id, start, id from {table} where group_id = id"
        ).fetchall()
        expected = [r[4] for r in sorted(reps, key=order[table])]
        assert 20 < len(expected) < notebook.conn.execute(f"select count(*) from {table}").fetchone()[0]
        for limit in (1, 7, len(expected), len(expected) + 5):
            page = notebook.grouped(table, Filters(limit=limit))
            assert [members[0]["id"] for members in page] == expected[:limit]
    notebook.close()


def test_a_page_without_whole_members_cites_the_same_members(tmp_path: Path, documents) -> None:
    """grouped(whole=False): the same groups and members in the same order, the shown member whole
    and the others as their id and article (what a page counts and cites)."""
    notebook = Notebook(tmp_path / "nb.db")
    list(notebook.add_many(_entries(notebook, documents)))
    for table in ("events", "figures"):
        topic = notebook.conn.execute(
            f"select topic from {table} group by topic order by count(*) desc"
        ).fetchone()[0]
        for filters in (Filters(), Filters(limit=30), Filters(since="2024-06-01"), Filters(topic=topic)):
            whole = notebook.grouped(table, filters)
            light = notebook.grouped(table, filters, whole=False)
            assert [group[0] for group in light] == [group[0] for group in whole], (table, filters)
            assert [
                [{"id": m["id"], "article_id": m["article_id"]} for m in group[1:]] for group in whole
            ] == [group[1:] for group in light], (table, filters)
            if filters == Filters():
                assert any(len(group) > 1 for group in whole), table
    notebook.close()


def test_row_ids_are_the_ones_sqlite_would_give(tmp_path: Path, documents) -> None:
    """The writer numbers a batch's rows itself (the next ids read once per transaction): each
    article's rows follow the last stored row, also after the latest article was removed."""
    notebook = Notebook(tmp_path / "nb.db")
    entries = _entries(notebook, documents[:5])
    list(notebook.add_many(entries[:3]))
    remove_article(notebook, 3)
    list(notebook.add_many(entries[3:]))
    notebook.close()
    with sqlite3.connect(tmp_path / "nb.db") as conn:
        for table, rows in (("events", "events"), ("figures", "figures")):
            stored = conn.execute(f"select article_id, id from {table} order by id").fetchall()
            # Documents 0, 1, 3, 4: article 3 was removed, and its id is the next article's again.
            counts = [len(getattr(documents[i][1].extraction, rows)) for i in (0, 1, 3, 4)]
            expected = []
            for article_id, count in zip((1, 2, 3, 4), counts, strict=True):
                expected += [article_id] * count
            assert [a for a, _ in stored] == expected
            # The removed rows were the last: their ids are given again (max(id) + 1, as SQLite does).
            assert [i for _, i in stored] == list(range(1, len(stored) + 1))


def test_a_worker_hands_the_writer_the_content_hash(monkeypatch, tmp_path: Path) -> None:
    """``ingest --jobs`` workers hash the article (for the duplicate check) and pass the hash on in
    its plan; the writer stores it instead of hashing the body again."""
    from dprk_tracker import inputs
    from dprk_tracker.db import content_hash
    from dprk_tracker.topics import default_lexicon
    from dprk_tracker.trends import load_counted

    counted = load_counted()
    monkeypatch.setattr(inputs, "_worker_lexicon", default_lexicon())
    monkeypatch.setattr(inputs, "_worker_counted", counted)
    monkeypatch.setattr(inputs, "_worker_notebook", None)
    text = "# Shells sent\n\nSEOUL, March 5, 2024 — Over 3,000 shells were sent north in   early 2024.\n"
    document, planned, duplicate = inputs._extract((text, None))
    assert duplicate is None and document is not None and planned is not None
    assert planned.digest == content_hash(document.article.body)
    notebook = Notebook(tmp_path / "nb.db")
    added = notebook.add(document, path=None, planned=planned)
    assert notebook.find_duplicate(document.article.body) == added.article_id
    notebook.close()


def test_candidates_rank_by_shared_keys_then_newest() -> None:
    """A row's candidates: most keys shared first, then the newest (highest id); VERIFY + 2 of them.
    With VERIFY or fewer, all of them in any order (every one is checked)."""
    many = grouping.Keys(looked=(1, 2, 2), filed=())  # key 2 looked up twice counts twice
    postings = {1: tuple(range(-3, 13)), 2: (3, 4), 7: (99,)}
    assert grouping.VERIFY == 8
    assert grouping._ranked([({}, many)], postings.get) == [[4, 3, 12, 11, 10, 9, 8, 7, 6, 5]]
    few = grouping.Keys(looked=(2, 7, 8), filed=())
    assert sorted(grouping._ranked([({}, few)], postings.get)[0]) == [3, 4, 99]
