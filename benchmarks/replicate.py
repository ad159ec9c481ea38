"""Grow a real notebook to N articles by replicating its articles (a development aid).

Not the official benchmark: ``benchmarks/ingest.py`` ingests the generated corpus. Ingesting
100,000 articles takes hours (the writer stores and groups ~13-20 articles per second), so to
measure read queries at that size during development this copies a notebook ingested for real
(say ``notebook-30000.db``) and appends copies of its articles until there are N:

* each copy of an article gets a new id and a body with `` (replica K)`` appended, so its content
  hash (computed as ``tracker ingest`` does) is distinct and offsets into the body stay valid;
  the full-text index is filled by the notebook's own insert trigger;
* its events and figures are copied with new ids, their corroboration group ids shifted the same
  way (a copy forms groups of its own, as if its texts were new), the grouping key tables
  (``event_keys``, ``figure_keys``) with them, and notes and tags pointing at them;
* every other table must be derived from these (counters kept by triggers, the FTS index) or be
  known to be empty; anything else stops the script, so a new schema is never half copied.

Dates are kept: the notebook grows denser over the same years, as the seeded corpus would.
Indexes of the copied tables are dropped during the copy and rebuilt after, and articles are
committed in batches (as ingest commits per article, the full-text index gets several segments).

    python benchmarks/replicate.py /tmp/dprk-bench/notebook-30000.db \\
        /tmp/dprk-bench/notebook-100k-synth.db --articles 100000
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dprk_tracker.db import content_hash  # the hash ingest stores

# Tables copied row by row, with the id columns to shift.
ROW_TABLES = ("events", "figures")
KEY_TABLES = {"event_keys": "events", "figure_keys": "figures"}
ANNOTATIONS = ("notes", "tags")
# Kept up to date by the notebook itself (triggers) or bookkeeping that must not be copied.
DERIVED_PREFIXES = ("articles_fts", "sqlite_", "_sqlite_migrations")
BATCH = 500


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"pragma table_info([{table}])")]


def check_tables(conn: sqlite3.Connection) -> None:
    known = {"articles", *ROW_TABLES, *KEY_TABLES, *ANNOTATIONS}
    for (name,) in conn.execute("select name from sqlite_master where type = 'table'"):
        if name in known or name.startswith(DERIVED_PREFIXES):
            continue
        # A table filled by triggers from the copied rows (counters) needs no copy; anything
        # else would be left behind, so refuse.
        triggers = conn.execute(
            "select count(*) from sqlite_master where type = 'trigger' and sql like ?", [f"%{name}%"]
        ).fetchone()[0]
        if not triggers:
            raise SystemExit(f"replicate.py does not know how to copy table {name!r}: teach it first")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="a notebook ingested for real")
    parser.add_argument("target", type=Path, help="the notebook to write (must not exist)")
    parser.add_argument("--articles", type=int, default=100_000, help="articles wanted (default 100,000)")
    args = parser.parse_args(argv)
    if args.target.exists():
        raise SystemExit(f"{args.target} exists: remove it first")

    started = time.perf_counter()
    source = sqlite3.connect(f"{args.source.resolve().as_uri()}?mode=ro", uri=True)
    conn = sqlite3.connect(args.target)
    source.backup(conn)
    source.close()
    conn.execute("pragma journal_mode = delete")
    conn.execute("pragma synchronous = off")
    conn.execute("pragma cache_size = -2000000")  # 2 GB: index rebuilds sort in memory
    check_tables(conn)
    base, max_article = conn.execute("select count(*), max(id) from articles").fetchone()
    if base != max_article:
        raise SystemExit("article ids have gaps: replicate.py expects ids 1..N")
    max_id = {t: conn.execute(f"select coalesce(max(id), 0) from {t}").fetchone()[0] for t in ROW_TABLES}
    elapsed = time.perf_counter() - started
    print(f"{args.source}: {base:,} articles, copied in {elapsed:.0f} s", file=sys.stderr)

    # Indexes of the bulk-copied tables: dropped now, rebuilt once at the end.
    indexes = conn.execute(
        "select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in"
        f" ({', '.join('?' for _ in ROW_TABLES)})",
        ROW_TABLES,
    ).fetchall()
    for name, _ in indexes:
        conn.execute(f"drop index [{name}]")
    conn.commit()

    article_columns = columns(conn, "articles")
    select_articles = f"select {', '.join(f'[{c}]' for c in article_columns)} from articles where id <= ?"
    insert_article = (
        f"insert into articles ({', '.join(f'[{c}]' for c in article_columns)})"
        f" values ({', '.join('?' for _ in article_columns)})"
    )
    position = {c: i for i, c in enumerate(article_columns)}
    copy = 0
    total = base
    while total < args.articles:
        copy += 1
        count = min(base, args.articles - total)
        shift_article = copy * max_article
        shift = {t: copy * max_id[t] for t in ROW_TABLES}
        rows = conn.execute(select_articles, [count]).fetchall()
        for start in range(0, len(rows), BATCH):
            batch = []
            for row in rows[start : start + BATCH]:
                values = list(row)
                values[position["id"]] += shift_article
                values[position["body"]] += f" (replica {copy})"
                values[position["content_hash"]] = content_hash(values[position["body"]])
                if values[position["path"]]:
                    values[position["path"]] += f"#replica{copy}"
                batch.append(values)
            conn.executemany(insert_article, batch)
            conn.commit()
        for table in ROW_TABLES:
            cols = columns(conn, table)
            shifted = {"id": shift[table], "article_id": shift_article, "group_id": shift[table]}
            select = ", ".join(f"[{c}] + {shifted[c]}" if c in shifted else f"[{c}]" for c in cols)
            conn.execute(
                f"insert into {table} ({', '.join(f'[{c}]' for c in cols)})"
                f" select {select} from {table} where id <= ? and article_id <= ?",
                [max_id[table], count],
            )
        for keys, table in KEY_TABLES.items():
            conn.execute(
                f"insert into {keys} (key, row_id) select k.key, k.row_id + ? from {keys} k"
                f" join {table} r on r.id = k.row_id where k.row_id <= ? and r.article_id <= ?",
                [shift[table], max_id[table], count],
            )
        kinds = {
            "article": ("articles", shift_article, max_article),
            "event": ("events", shift["events"], max_id["events"]),
            "figure": ("figures", shift["figures"], max_id["figures"]),
        }
        for annotation in ANNOTATIONS:
            cols = [c for c in columns(conn, annotation) if c != "id"]
            for kind, (table, offset, limit) in kinds.items():
                owner = "id" if table == "articles" else "article_id"
                select = ", ".join("a.target_id + ?" if c == "target_id" else f"a.[{c}]" for c in cols)
                conn.execute(
                    f"insert into {annotation} ({', '.join(f'[{c}]' for c in cols)}) select {select}"
                    f" from {annotation} a join {table} r on r.id = a.target_id"
                    f" where a.kind = ? and a.target_id <= ? and r.{owner} <= ?",
                    [offset, kind, limit, count],
                )
        conn.commit()
        total += count
        print(f"copy {copy}: {total:,} articles ({time.perf_counter() - started:.0f} s)", file=sys.stderr)

    for name, sql in indexes:
        conn.execute(sql)
        conn.commit()
        print(f"index {name} rebuilt ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if conn.execute("select 1 from sqlite_master where name = 'sqlite_stat1'").fetchone():
        conn.execute("analyze")  # statistics the source had describe it, not the copy
    conn.execute("pragma journal_mode = wal")
    conn.close()
    print(f"{args.target}: {total:,} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
