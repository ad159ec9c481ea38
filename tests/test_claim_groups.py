"""Corroboration groups kept at ingest (grouping.py): the same groups as grouping everything at once,
kept consistent through remove, reextract and import, backfilled by the migration, bounded."""

from __future__ import annotations

import itertools
import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from dprk_tracker import grouping
from dprk_tracker.corroborate import group_events, group_figures
from dprk_tracker.db import Filters, Notebook
from dprk_tracker.migrations import MIGRATIONS
from tests.test_corroborate import REPORTS

ROOT = Path(__file__).resolve().parents[1]


def _rows(tracker, *args: str, command: str = "timeline") -> list[tuple]:
    result = tracker(command, "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    key = "date" if command == "timeline" else "value"
    return [(r[key], r["id"], r["sources"], r["articles"]) for r in json.loads(result.stdout)]


def _consistent(db: Path) -> None:
    """Every row points at a representative of its own group, which holds one row per article, and
    only representatives are filed as candidates."""
    with sqlite3.connect(db) as conn:
        for table, keys in (("events", "event_keys"), ("figures", "figure_keys")):
            assert not conn.execute(
                f"select 1 from {table} m left join {table} r on r.id = m.group_id"
                " where r.id is null or r.group_id != r.id"
            ).fetchall()
            assert not conn.execute(
                f"select group_id from {table} group by group_id, article_id having count(*) > 1"
            ).fetchall()
            assert not conn.execute(
                f"select 1 from {keys} k left join {table} r on r.id = k.row_id"
                " where r.id is null or r.group_id != r.id"
            ).fetchall()


def _stored(db: Path, table: str) -> set[tuple[int, frozenset[int]]]:
    """(representative, members) of every stored group."""
    with sqlite3.connect(db) as conn:
        found: dict[int, set[int]] = {}
        for row_id, group_id in conn.execute(f"select id, group_id from {table}"):
            found.setdefault(group_id, set()).add(row_id)
    return {(g, frozenset(m)) for g, m in found.items()}


def _at_once(db: Path) -> tuple[set, set]:
    """What corroborate groups over every row at once, in the same shape."""
    notebook = Notebook(db, create=False)
    try:
        events = group_events(notebook.timeline(Filters()))
        figures = group_figures(notebook.figures(Filters()), notebook.counted())
    finally:
        notebook.close()
    shape = [
        {(g.first["id"], frozenset(r["id"] for r in g.rows)) for g in groups} for groups in (events, figures)
    ]
    return shape[0], shape[1]


# ---------------------------------------------------------------------------------------------------
# Incremental grouping = grouping everything at once (small notebooks, no bound reached)


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_any_ingest_order_groups_as_corroborate_does(tracker, articles, db: Path, order) -> None:
    folder = articles(*REPORTS)
    for index in order:
        assert tracker("ingest", str(folder / REPORTS[index][0])).exit_code == 0
    _consistent(db)
    events, figures = _at_once(db)
    assert _stored(db, "events") == events
    assert _stored(db, "figures") == figures
    # Article ids follow the ingest order; the rows read the same whatever it was.
    article = {REPORTS[index][0]: number for number, index in enumerate(order, start=1)}
    a, b, c = article["a.md"], article["b.md"], article["c.md"]
    rows = [(date, sources, articles) for date, _, sources, articles in _rows(tracker)]
    # Same date: the row of the lower article id first (the read commands' order).
    october = sorted([("Oct 2024", 2, sorted([a, b])), ("Oct 2024", 1, [c])], key=lambda r: r[2][0])
    assert rows == [
        ("Jun 2024", 2, [a, b]),  # Yonhap's "June 2024" is shown, whoever came first
        *october,
        ("Nov 2024", 1, [c]),
        ("by Mar 2025", 2, sorted([a, b])),
    ]


def test_generated_articles_group_nearly_as_corroborate_does(tmp_path: Path, tracker, db: Path) -> None:
    """Templated news, one article at a time in a shuffled order: incremental grouping is order
    dependent in borderline cases (see grouping.py), so groups agree on nearly every row, not all."""
    from benchmarks.corpus import main as generate

    corpus = tmp_path / "corpus"
    assert generate(["--count", "20", "--out", str(corpus), "--seed", "3", "--density", "dense"]) in (0, None)
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md"))
    for path in files[1::2] + files[::2]:
        assert tracker("ingest", str(path)).exit_code == 0
    _consistent(db)
    for stored, at_once in zip((_stored(db, "events"), _stored(db, "figures")), _at_once(db), strict=True):
        rows = sum(len(members) for _, members in at_once)
        merged = sum(len(members) for _, members in stored if len(members) > 1)
        expected = sum(len(members) for _, members in at_once if len(members) > 1)
        assert merged > 0 and abs(merged - expected) <= 0.02 * rows
        same = {members for _, members in stored} & {members for _, members in at_once}
        assert sum(len(members) for members in same) >= 0.75 * rows


# ---------------------------------------------------------------------------------------------------
# Filters


def test_filters_show_the_best_matching_member(tracker, articles) -> None:
    assert tracker("ingest", str(articles(*REPORTS))).exit_code == 0
    # The treaty: "June 2024" (event 3, article 1, diplomacy) and "2024" (event 6, article 2, filed
    # under deployment). From July only "2024" overlaps: the group is listed with that member alone.
    assert _rows(tracker, "--since", "2024-07", "--limit", "1") == [("2024", 6, 1, [2])]
    assert _rows(tracker, "--limit", "1") == [("Jun 2024", 3, 2, [1, 2])]
    assert _rows(tracker, "--topic", "diplomacy") == [("Jun 2024", 3, 1, [1])]
    assert _rows(tracker, "--topic", "deployment") == [
        ("2024", 6, 1, [2]),
        ("Oct 2024", 1, 2, [1, 2]),
        ("Oct 2024", 7, 1, [3]),
        ("Nov 2024", 8, 1, [3]),
    ]
    assert _rows(tracker, "--article", "2") == [
        ("2024", 6, 1, [2]),
        ("Oct 2024", 4, 1, [2]),
        ("by Mar 2025", 5, 1, [2]),
    ]
    assert _rows(tracker, "--limit", "1", "--since", "2024-10") == [("2024", 6, 1, [2])]
    assert _rows(tracker, "--limit", "2", command="figures") == [
        ("11,000", 1, 2, [1, 2]),
        ("12,000", 5, 1, [3]),
    ]


# ---------------------------------------------------------------------------------------------------
# remove, reextract, import, migration


def test_remove_and_reextract_keep_groups(tracker, articles, db: Path) -> None:
    assert tracker("ingest", str(articles(*REPORTS))).exit_code == 0
    assert tracker("reextract", "--all").exit_code == 0
    _consistent(db)
    assert [r[2] for r in _rows(tracker)] == [2, 2, 1, 1, 2]
    assert _stored(db, "events") == _at_once(db)[0]
    assert tracker("remove", "1").exit_code == 0
    _consistent(db)
    # Article 2 now represents the groups article 1 led.
    assert _rows(tracker) == [
        ("2024", 6, 1, [2]),
        ("Oct 2024", 4, 1, [2]),
        ("Oct 2024", 7, 1, [3]),
        ("Nov 2024", 8, 1, [3]),
        ("by Mar 2025", 5, 1, [2]),
    ]
    assert tracker("ingest", str(articles(*REPORTS) / "a.md")).exit_code == 0  # back, as article 4
    _consistent(db)
    assert [(r[0], r[3]) for r in _rows(tracker)] == [
        ("Jun 2024", [4, 2]),
        ("Oct 2024", [2, 4]),
        ("Oct 2024", [3]),
        ("Nov 2024", [3]),
        ("by Mar 2025", [2, 4]),
    ]


def test_import_keeps_or_rebuilds_groups(tracker, runner, articles, db: Path, tmp_path: Path) -> None:
    from dprk_tracker.cli import app

    assert tracker("ingest", str(articles(*REPORTS))).exit_code == 0
    dump = tracker("export", "--format", "jsonl").stdout
    expected = _rows(tracker)
    # As dumped: the groups travel, so dump -> import -> dump is exact.
    copy = tmp_path / "copy.db"
    (tmp_path / "dump.jsonl").write_text(dump, encoding="utf-8")
    result = runner.invoke(app, ["--db", str(copy), "import", str(tmp_path / "dump.jsonl")])
    assert result.exit_code == 0, result.stderr
    again = runner.invoke(app, ["--db", str(copy), "export", "--format", "jsonl"])
    assert again.stdout == dump
    _consistent(copy)
    # Without groups (an older dump) or with broken ones: grouped afresh, the same rows.
    for change in ({"group_id": None}, {"group_id": 999}):
        lines = [json.loads(line) for line in dump.splitlines()]
        edited = "".join(
            json.dumps({**item, **change} if "group_id" in item else item) + "\n" for item in lines
        )
        if change["group_id"] is None:
            edited = "".join(
                json.dumps({k: v for k, v in json.loads(line).items() if k not in ("group_id", "words")})
                + "\n"
                for line in edited.splitlines()
            )
        target = tmp_path / f"regrouped-{change['group_id']}.db"
        (tmp_path / "edited.jsonl").write_text(edited, encoding="utf-8")
        result = runner.invoke(app, ["--db", str(target), "import", str(tmp_path / "edited.jsonl")])
        assert result.exit_code == 0, result.stderr
        _consistent(target)
        rows = runner.invoke(app, ["--db", str(target), "timeline", "--format", "json"])
        assert [
            (r["date"], r["id"], r["sources"], r["articles"]) for r in json.loads(rows.stdout)
        ] == expected


def test_migration_backfills_an_m004_notebook(tracker, articles, db: Path, tmp_path: Path) -> None:
    assert tracker("ingest", str(articles(*REPORTS))).exit_code == 0
    expected = {command: _rows(tracker, command=command) for command in ("timeline", "figures")}
    # The same rows in a notebook at schema version 4 (before groups).
    old = tmp_path / "old" / "tracker.db"
    old.parent.mkdir()
    legacy = sqlite_utils.Database(old)
    MIGRATIONS.apply(legacy, stop_before="m005_claim_groups")
    assert "group_id" not in legacy["events"].columns_dict
    source = sqlite_utils.Database(db)
    for table in ("articles", "events", "figures"):
        legacy[table].insert_all(
            {k: v for k, v in row.items() if k not in ("group_id", "words")}
            for row in source[table].rows_where(order_by="id")
        )
    legacy.close()
    source.close()
    notebook = Notebook(old, create=False)  # upgrades: m005 groups every stored row
    assert notebook.schema_version == len(MIGRATIONS._migrations)
    notebook.close()
    _consistent(old)
    assert _stored(old, "events") == _stored(db, "events")
    assert _stored(old, "figures") == _stored(db, "figures")
    from typer.testing import CliRunner

    from dprk_tracker.cli import app

    for command, rows in expected.items():
        result = CliRunner().invoke(app, ["--db", str(old), command, "--format", "json"])
        key = "date" if command == "timeline" else "value"
        assert [(r[key], r["id"], r["sources"], r["articles"]) for r in json.loads(result.stdout)] == rows


def _as_older_rules(notebook: Path) -> dict[int, str]:
    """Make the notebook's events read as older rules stored them: other words (a list without
    ``WORDS_MARK``, with nine words no text has), filed by them. Their words, by row id."""
    with sqlite3.connect(notebook) as conn:
        conn.execute("delete from event_keys")
        old = {}
        for row_id, words in conn.execute("select id, words from events").fetchall():
            assert words.startswith(grouping.WORDS_MARK)
            old[row_id] = " ".join(sorted(grouping._parse(words) | {f"zq{i}" for i in range(9)}))
            conn.execute("update events set words = ? where id = ?", [old[row_id], row_id])
        db = sqlite_utils.Database(conn)
        reps = grouping._rows(db, "events", "group_id = id", [])
        grouping._file(db, "events", [(r["id"], grouping.filed_keys("events", r, None)) for r in reps])
        conn.commit()
    return old


def test_m013_files_the_newest_articles_groups_by_the_current_words(
    tracker, articles, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert tracker("ingest", str(articles(*REPORTS))).exit_code == 0
    with sqlite3.connect(db) as conn:
        current = {t: sorted(conn.execute(f"select * from {t}_keys").fetchall()) for t in ("event", "figure")}
    old = _as_older_rules(db)
    with sqlite3.connect(db) as conn:  # as a notebook of schema version 12 left it
        conn.execute("delete from _sqlite_migrations where name = 'm013_current_words_for_recent_groups'")
    monkeypatch.setattr(grouping, "RECENT_ARTICLES", 2)
    Notebook(db, create=False).close()  # upgrades: m013
    _consistent(db)
    with sqlite3.connect(db) as conn:
        words = conn.execute("select article_id, id, words, group_id = id from events order by id").fetchall()
        keys = {t: sorted(conn.execute(f"select * from {t}_keys").fetchall()) for t in ("event", "figure")}
    # Articles 2 and 3's representatives (article 2's rows all joined article 1's groups) now read,
    # and are filed, as today; article 1's stay as they were, and so do members, filed under no key.
    assert [(a, rep, w.startswith(grouping.WORDS_MARK)) for a, i, w, rep in words] == [
        (1, 1, False), (1, 1, False), (1, 1, False), (2, 0, False), (2, 0, False), (2, 0, False),
        (3, 1, True), (3, 1, True),
    ]  # fmt: skip
    assert [i for a, i, w, rep in words if w == old[i]] == [1, 2, 3, 4, 5, 6]
    assert keys["figure"] == current["figure"]
    filed = {row_id for _, row_id in keys["event"]}
    with sqlite3.connect(db) as conn:
        db_ = sqlite_utils.Database(conn)
        reps = grouping._rows(db_, "events", "group_id = id", [])
        expected = {
            (key, r["id"])
            for r in reps
            for key in (grouping.keys if r["article_id"] > 1 else grouping.filed_keys)(
                "events", r, None
            ).filed
        }
    assert set(keys["event"]) == expected and filed == {r["id"] for r in reps}


def test_rows_stored_by_older_rules_are_compared_by_their_text(tracker, articles, tmp_path: Path) -> None:
    """A notebook grouped by older word rules needs no upgrade: its rows (``events.words`` without
    ``WORDS_MARK``) are compared by their text's words under the current rules, and unfiled by the
    keys they were filed by, so it groups new articles as a notebook stored today does."""
    folder = articles(*REPORTS)
    fresh = tmp_path / "fresh.db"
    from typer.testing import CliRunner

    from dprk_tracker.cli import app

    for name in ("b.md", "a.md", "c.md"):  # b first: a's "June 2024" then takes its "2024" group over
        assert CliRunner().invoke(app, ["--db", str(fresh), "ingest", str(folder / name)]).exit_code == 0
    assert tracker("ingest", str(folder / "b.md")).exit_code == 0
    notebook = tmp_path / "notebook" / "tracker.db"
    old = _as_older_rules(notebook)
    assert tracker("ingest", str(folder / "a.md"), str(folder / "c.md")).exit_code == 0
    _consistent(notebook)  # the group a's row took over was unfiled by the old words: no posting left
    assert _stored(notebook, "events") == _stored(fresh, "events")
    with sqlite3.connect(notebook) as conn:
        kept = dict(conn.execute("select id, words from events where article_id = 1").fetchall())
    assert {i: w for i, w in kept.items() if not w.startswith(grouping.WORDS_MARK)} == old  # none rewritten
    assert tracker("remove", "2").exit_code == 0  # a's rows leave: b's "2024" leads its group again
    _consistent(notebook)
    with sqlite3.connect(notebook) as conn:
        led = conn.execute("select id, words from events where article_id = 1 order by id").fetchall()
    # Filed again, by its current words (stored with it); the others stay as they were filed.
    assert [w.startswith(grouping.WORDS_MARK) for _, w in led] == [False, False, True]
    assert [w for i, w in led[:2]] == [old[i] for i, _ in led[:2]]


# ---------------------------------------------------------------------------------------------------
# Bounds and keys


def test_each_key_keeps_only_the_newest_representatives(
    tracker, articles, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(grouping, "KEEP_PER_KEY", 2)
    # Five reports of different numbers of troops in one month: five groups sharing their words.
    specs = [
        (
            f"{n}.md",
            f"Report {n}",
            f"Wire {n}",
            "2025-03-20",
            f"North Korea sent {n},000 troops to Russia in October 2024.",
        )
        for n in (11, 12, 13, 14, 15)
    ]
    assert tracker("ingest", str(articles(*specs))).exit_code == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute(
            "select max(c) from (select count(*) c from event_keys group by key)"
        ).fetchone() == (2,)
        # The words are filed for the two newest groups only; each number for its own group.
        assert conn.execute("select count(distinct row_id) from event_keys").fetchone() == (5,)
    # An old group is still found through what only it has: its figure.
    more = articles(
        ("16.md", "Again", "Wire 16", "2025-03-21", "Pyongyang sent 11,000 troops to Russia in October 2024.")
    )
    assert tracker("ingest", str(more / "16.md")).exit_code == 0
    assert next((r[0], r[3]) for r in _rows(tracker)) == ("Oct 2024", [1, 6])
    _consistent(db)


def test_keys_prefix_and_cells() -> None:
    assert grouping.prefix({"troops", "russia", "sent", "korea", "north"}) == ["russia", "troops", "korea"]
    june = grouping.cells({"when": "2024-06", "earliest": "2024-06-01", "latest": "2024-06-30"}, "mod")
    assert june == grouping.Cells(("m2024-06", "Y2024"), ("m2024-06", "y2024"))
    year = grouping.cells({"when": "2024", "earliest": "2024-01-01", "latest": "2024-12-31"}, "mod")
    assert year == grouping.Cells(("y2024",), ("y2024", "Y2024"))
    # "June 2024" is filed where "2024" looks, and the other way round.
    assert set(june.filed) & set(year.looked) and set(year.filed) & set(june.looked)
    week = {"when": "2024-W22", "earliest": "2024-05-27", "latest": "2024-06-02"}
    assert grouping.cells(week, "mod").looked == ("m2024-05", "m2024-06", "y2024")
    since = {"when": "2024", "relation": "ON_OR_AFTER", "earliest": "2024-01-01", "latest": None, "mod": None}
    # A plain "since" also meets the "since" dates that share a year of its named period.
    assert grouping.cells(since, "mod") == grouping.Cells(
        ("=2024|None|ON_OR_AFTER", "s2024"), ("=2024|None|ON_OR_AFTER", "s2024")
    )
    winter = {**since, "when": "2023-WI"}
    assert grouping.cells(winter, "mod").filed == ("=2023-WI|None|ON_OR_AFTER", "s2023", "s2024")
    early = {**since, "mod": "START"}  # "since early 2024": only the same date
    assert grouping.cells(early, "mod").filed == ("=2024|START|ON_OR_AFTER",)
    assert grouping.cells({"when": None}, "mod") == grouping.Cells((), ())
    decade = {"when": "202", "earliest": "2020-01-01", "latest": "2029-12-31"}
    assert grouping.cells(decade, "mod").filed == ("y2020", "y2021", "y2022")


def test_ingest_groups_in_the_article_transaction(tracker, articles, db: Path) -> None:
    """A failure while grouping leaves nothing of the article behind."""
    from dprk_tracker import grouping as module

    assert tracker("ingest", str(articles(REPORTS[0]) / "a.md")).exit_code == 0

    def broken(*args, **kwargs):
        raise RuntimeError("grouping failed")

    original = module._decide
    module._decide = broken
    try:
        with pytest.raises(RuntimeError):
            tracker("ingest", str(articles(REPORTS[1]) / "b.md"))
    finally:
        module._decide = original
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone() == (1,)
        assert conn.execute("select count(*) from events where article_id != 1").fetchone() == (0,)
    _consistent(db)


# ---------------------------------------------------------------------------------------------------
# The writer's shortcuts: the same answers as the rules, the same notebook batched or not


def _generated_documents(tmp_path: Path, count: int) -> list[tuple[str, object]]:
    from benchmarks.corpus import main as generate
    from dprk_tracker.extract import extract_document

    corpus = tmp_path / "corpus"
    assert generate(["--count", str(count), "--out", str(corpus), "--seed", "5", "--density", "dense"]) in (
        0,
        None,
    )
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md"))
    return [(str(p), extract_document(p.read_text(encoding="utf-8"))) for p in files]


def test_match_answers_as_the_corroborate_rules(tmp_path: Path) -> None:
    """``grouping._match`` skips building the reasons; it must agree with ``event_match`` and
    ``compatible_dates`` on every pair (generated news has same dates, dates inside others, shared
    and conflicting figures)."""
    from dprk_tracker.corroborate import FIGURE_FLOOR, compatible_dates, event_match, figure_key, jaccard
    from dprk_tracker.trends import load_counted

    lexicon = load_counted()
    documents = _generated_documents(tmp_path, 6)
    events = [grouping.event_row(e) for _, d in documents for e in d.extraction.events]
    figures = [grouping.figure_row(f) for _, d in documents for f in d.extraction.figures]
    outcomes = {"events": set(), "figures": set()}
    for a, b in itertools.product(events, repeat=2):
        a_words, a_numbers = grouping.event_words(a)
        b_words, b_numbers = grouping.event_words(b)
        reason = event_match(a, b, a_words, b_words, a_numbers, b_numbers)
        figure = any(n >= FIGURE_FLOOR for n in a_numbers & b_numbers)
        expected = (figure, reason.startswith("same date"), jaccard(a_words, b_words)) if reason else None
        assert grouping._match("events", a, b, lexicon) == expected, (a, b)
        outcomes["events"].add(expected[1] if expected else None)
    for a, b in itertools.product(figures, repeat=2):
        date = compatible_dates(a, b, mod_key="when_mod")
        same_key = figure_key(a, lexicon) == figure_key(b, lexicon)
        expected = (False, date.startswith("same date"), 0.0) if date and same_key else None
        assert grouping._match("figures", a, b, lexicon) == expected, (a, b)
        outcomes["figures"].add(expected[1] if expected else None)
    assert outcomes == {"events": {True, False, None}, "figures": {True, False, None}}


def test_the_writer_chooses_the_best_match_lowest_id_first(tmp_path: Path) -> None:
    """``_best_event`` / ``_best_figure`` (the writer's loop, on its compact rows) choose what checking
    every candidate with ``_match`` in id order chooses: the best score, ties to the lowest id."""
    import random

    from dprk_tracker.trends import load_counted

    lexicon = load_counted()
    documents = _generated_documents(tmp_path, 6)
    full: dict[str, list[dict]] = {"events": [], "figures": []}
    compact: dict[str, list[dict]] = {"events": [], "figures": []}
    for article_id, (_, d) in enumerate(documents, 1):
        for e in d.extraction.events:
            row = grouping.event_row(e, article_id, len(full["events"]) + 1)
            words = grouping.stored_words(grouping.event_words(row)[0])
            full["events"].append(row)
            compact["events"].append(grouping.compact_event(e, article_id, row["id"], words))
        for f in d.extraction.figures:
            row = grouping.figure_row(f, article_id, len(full["figures"]) + 1)
            full["figures"].append(row)
            compact["figures"].append(grouping.compact_figure(f, article_id, row["id"]))
    for table in ("events", "figures"):  # the compact rows are the compared columns of the full ones
        for a, b in zip(full[table], compact[table], strict=True):
            assert b == {k: a[k] for k in grouping._COMPARED[table]} | (
                {"words": a["words"]} if "words" in b else {}
            )

    def by_match(table: str, row: dict, checked: list[dict]) -> dict | None:
        best = None
        for candidate in sorted(checked, key=lambda c: c["id"]):
            score = grouping._match(table, candidate, row, lexicon)
            if score is not None and (best is None or score > best[0]):
                best = (score, candidate)
        return best[1] if best else None

    chooser = {"events": grouping._best_event, "figures": grouping._best_figure}
    pick = random.Random(7)
    chosen = {"events": 0, "figures": 0}
    for table, rows in compact.items():
        alike: dict[object, list[int]] = {}  # events of one date, figures of one figure key
        for index, row in enumerate(full[table]):
            key = row["when"] if table == "events" else grouping._figure_key(row, lexicon)
            alike.setdefault(key, []).append(index)
        for index, row in enumerate(rows):
            # Candidates most alike and any others, in no order.
            key = row["when"] if table == "events" else grouping._figure_key(full[table][index], lexicon)
            same = [i for i in alike[key] if i != index]
            pool = pick.sample(same, min(5, len(same))) + pick.sample(range(len(rows)), 3)
            pick.shuffle(pool)
            # Every other row has twins (the same report in other articles): ties, to the lowest id.
            twins = [
                ({**full[table][i], "id": i + n}, {**rows[i], "id": i + n})
                for i in [*pool[::2], index]
                for n in (10**6, 2 * 10**6)
            ]
            expected = by_match(
                table, full[table][index], [full[table][i] for i in pool] + [t[0] for t in twins]
            )
            found = chooser[table](row, [t[1] for t in twins] + [rows[i] for i in pool], lexicon)
            assert (found and found["id"]) == (expected and expected["id"]), (table, row)
            chosen[table] += found is not None
    assert chosen["events"] > 100 and chosen["figures"] > 100, chosen


def test_the_plan_holds_what_the_writer_would_compute(tmp_path: Path) -> None:
    """What ``plan`` computes for the writer (numbers, figure keys, the content hash) is what the
    writer computes without it."""
    from dprk_tracker.corroborate import figure_key, numbers
    from dprk_tracker.db import content_hash
    from dprk_tracker.trends import load_counted

    lexicon = load_counted()
    for _, d in _generated_documents(tmp_path, 4):
        planned = grouping.plan(d.extraction, lexicon, content_hash(d.article.body))
        assert planned.digest == content_hash(d.article.body)
        assert [set(n) for n in planned.numbers] == [numbers(grouping._parse(w)) for w in planned.words]
        assert list(planned.figure_keys) == [
            figure_key(grouping.figure_row(f), lexicon) for f in d.extraction.figures
        ]
        assert grouping.plan(d.extraction, lexicon).digest is None


def _contents(db: Path) -> list[list[tuple]]:
    with sqlite3.connect(db) as conn:
        return [
            conn.execute(f"select * from {table} order by 1, 2").fetchall()
            for table in ("events", "figures", "event_keys", "figure_keys")
        ] + [conn.execute("select id, title, body, content_hash, path from articles order by id").fetchall()]


def test_batches_store_what_one_article_at_a_time_does(tmp_path: Path) -> None:
    """``add_many`` (one transaction for several articles, grouping planned beforehand) stores the
    same rows, groups and keys as ``add`` article by article, duplicates included."""
    from dprk_tracker.db import ToAdd

    documents = _generated_documents(tmp_path, 12)
    documents.insert(5, documents[2])  # a duplicate inside a batch
    single = Notebook(tmp_path / "single.db")
    added_single = [single.add(d, path=p) for p, d in documents]
    single.close()
    batched = Notebook(tmp_path / "batched.db")
    counted = batched.counted()
    entries = [ToAdd(d, p, grouping.plan(d.extraction, counted)) for p, d in documents]
    added_batched = [a for start in (0, 7) for a in batched.add_many(entries[start : start + 7])]
    batched.close()
    assert added_batched == added_single
    assert added_single[5].duplicate and added_single[5].article_id == added_single[2].article_id
    assert _contents(tmp_path / "batched.db") == _contents(tmp_path / "single.db")
    _consistent(tmp_path / "batched.db")


def test_a_failing_article_in_a_batch_costs_what_it_did_alone(tmp_path: Path) -> None:
    """The batch is rolled back and redone article by article: the articles before the bad one are
    stored, complete; the bad one raises and leaves nothing; nothing after it is stored."""
    import dataclasses

    from dprk_tracker.db import ToAdd

    documents = _generated_documents(tmp_path, 4)
    path, good = documents[2]
    event = dataclasses.replace(good.extraction.events[0], start=2**64)  # no SQLite integer holds it
    bad = dataclasses.replace(good, extraction=dataclasses.replace(good.extraction, events=[event]))
    notebook = Notebook(tmp_path / "nb.db")
    entries = [ToAdd(d, p) for p, d in documents[:2]] + [ToAdd(bad, path), ToAdd(*documents[3])]
    stored = []
    with pytest.raises(OverflowError):
        for added in notebook.add_many(entries):
            stored.append(added.article_id)
    notebook.close()
    assert stored == [1, 2]
    with sqlite3.connect(tmp_path / "nb.db") as conn:
        assert conn.execute("select id from articles order by id").fetchall() == [(1,), (2,)]
        counts = conn.execute("select article_id, count(*) from events group by article_id").fetchall()
    assert counts == [(i + 1, len(d.extraction.events)) for i, (_, d) in enumerate(documents[:2])]
    _consistent(tmp_path / "nb.db")


def test_a_notebook_locked_by_another_writer_is_waited_for_once(tmp_path: Path, monkeypatch) -> None:
    """A batch that cannot take the write lock reports it after one wait, not one per article."""
    from dprk_tracker import db as db_module
    from dprk_tracker.db import NotebookError, ToAdd

    documents = _generated_documents(tmp_path, 3)
    notebook = Notebook(tmp_path / "nb.db")
    notebook.db.conn.execute("PRAGMA busy_timeout = 10")
    monkeypatch.setattr(db_module, "LOCK_RETRIES", 2)
    waits: list[float] = []
    monkeypatch.setattr(db_module.time, "sleep", waits.append)
    other = sqlite3.connect(tmp_path / "nb.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(NotebookError, match="cannot write: database is locked"):
            list(notebook.add_many([ToAdd(d, p) for p, d in documents]))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert waits == [0.05]
    notebook.close()
