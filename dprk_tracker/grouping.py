"""Corroboration groups kept in the notebook, so ``timeline`` and ``figures`` page by group in SQL.

Every event and figure row carries ``group_id``: the id of its group's representative, the member a
read shows (most precise date first, then timeline order: ``rank_sql``). Rows are grouped when they
are stored, inside the article's transaction, with ``corroborate``'s rules (``event_match``,
``compatible_dates``, ``figure_key``): a new row joins the stored group whose representative it
matches best (the same date before a date inside another, then the most similar wording, then the
lowest representative id), never a group that already holds a row of its article; otherwise it
starts its own group. A row more precise than the representative it joins becomes the group's
representative. An event's content words are stored with its group (``events.words``), so
comparing with a stored row never tokenizes its text again.

Finding candidates is bounded, so an article costs the same in a notebook of 100 or 100,000:

* Representatives are filed in ``event_keys`` / ``figure_keys`` under hashed keys: a date cell
  (``cells``: the months of a short date, the years of a long one, the value of an open one) × for
  an event each word of its *prefix* and each number >= ``FIGURE_FLOOR``, for a figure its
  ``figure_key`` (value, currency, percent, folded counted thing). Two compatible dates always meet
  in a cell, and two events whose wording is at least ``SIMILAR``-similar share a prefix word
  (prefix filtering: words in one fixed order, longest first then alphabetical; the prefix is the
  first ``n - ceil(SIMILAR * n) + 1`` of ``n`` words); a shared figure is a shared number.
* Each key keeps only the ``KEEP_PER_KEY`` newest representatives (highest ids) filed under it: older
  postings are deleted when newer ones arrive.
* A row's candidates are ranked by how many keys (words and numbers in a date cell) they share
  with it, then newest first; only the first ``VERIFY`` are checked with the rules. One query
  reads the postings of all the article's keys, one reads the candidates, one files the new
  representatives and one trims the keys that may hold too many; the work per article does not
  depend on the size of the notebook. The ingest writer remembers what it read and wrote of the key
  tables and representatives (``WriterCache``, bounded) and reads only what it has not seen; it
  stores the same notebook.

A row's words and keys depend on the row alone (and the counted lexicon): ``plan`` computes them
where the article is extracted (``ingest --jobs`` workers), and ``assign_new`` groups the rows
before they are inserted, so the writer reads none of its own rows back and writes each row once.

The approximation, exactly: a true match (one ``corroborate`` would make) is missed when (1) the
representative it should join is, under every key the two share, older than the ``KEEP_PER_KEY``
newest representatives filed there, or (2) ``VERIFY`` other candidates share more keys with the
row (or as many, and are newer), or (3) one date is bounded and spans more than
``MAX_KEY_YEARS`` years and the other lies beyond its first ``MAX_KEY_YEARS``. Independently of the
bounds, grouping is incremental: rows are compared with the representatives standing when they
arrive, so a notebook grouped article by article can differ from ``group_events`` /
``group_figures`` over all rows at once in borderline cases: a member that matched an earlier, less
precise representative stays in the group when a more precise one takes over (``corroborate`` would
compare it with the more precise one, and might leave it out or put it elsewhere), and ties between
equally good groups go to the lowest representative id rather than to the group created first.
Nothing is ever merged against the rules: every merge passes them.

Stored words carry the mark of the rules that computed them (``WORDS_MARK``). A notebook grouped by
older rules is not regrouped on upgrade: its rows are compared by their text's words under the
current rules when they are met (``event_words``), and unfiled by the words they were filed by
(``filed_keys``), so the key tables only ever point at representatives; m013 files the newest
``RECENT_ARTICLES`` articles' groups by their current words (``refile_recent``). An older group
still filed by its older words is missed when no key of the two rules' words meets it.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter, _count_elements  # type: ignore[attr-defined]
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain, groupby, islice
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from .corroborate import (
    FIGURE_FLOOR,
    MIN_SHARED,
    SIMILAR,
    SIMILAR_WITH_FIGURE,
    _event_words,
    _since_within,
    figure_key,
    numbers,
    other_claims,
    since_years,
)
from .ranking import rank_sql
from .trends import CountedError, CountedLexicon, load_counted

if TYPE_CHECKING:
    from .model import Event, Extraction, Figure

KEEP_PER_KEY = 12  # representatives kept per key (the newest filed)
VERIFY = 8  # candidates checked against the rules per row (most shared keys first)
MAX_KEY_YEARS = 3  # a longer date is filed and looked up in its first three years only

EVENT_COLUMNS = (
    "id, article_id, [when], mod, relation, earliest, latest, precision, sort_date, time_text,"
    " time_start - start as time_offset, text, start, group_id, words"
)
FIGURE_COLUMNS = (
    "id, article_id, text, low, high, qualifier, unit, currency, percent, [when], when_mod, relation,"
    " earliest, latest, start, group_id"
)
KEYS_TABLE = {"events": "event_keys", "figures": "figure_keys"}

# A group's members, representative first: ``ranking.rank_sql`` in SQL, ``_rank`` here; the two must agree.


def _span(row: dict[str, Any]) -> float:
    try:
        return float((date.fromisoformat(row["latest"]) - date.fromisoformat(row["earliest"])).days)
    except (KeyError, TypeError, ValueError):
        return 1e300


def _rank(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    found = row.get("_rank")  # kept on the row: a representative is ranked article after article
    if found is None:
        if table == "events":
            first, second = row.get("sort_date"), row.get("latest")
            found = (_span(row), first is None, first or "", second is None, second or "", *_tail(row))
        else:
            first, second = row.get("earliest"), row.get("latest")
            found = (_span(row), first is None, first or "", second is not None, second or "", *_tail(row))
        row["_rank"] = found
    return found


def _tail(row: dict[str, Any]) -> tuple[int, int, int]:
    return (row["article_id"], row["start"], row["id"])


def counted_for(db: Database, *, lenient: bool = False) -> CountedLexicon:
    """The counted lexicon of a notebook: the packaged one and a ``counted.toml`` beside the file
    (``lenient``: a broken one is ignored rather than raised, for an upgrade that must go on)."""
    files = [r[2] for r in db.execute("pragma database_list").fetchall() if r[1] == "main" and r[2]]
    beside = Path(files[0]).parent / "counted.toml" if files else None
    try:
        return load_counted(beside if beside is not None and beside.is_file() else None)
    except CountedError:
        if not lenient:
            raise
        return load_counted()


# ---------------------------------------------------------------------------------------------------
# Keys


def _half(text: str) -> int:
    """Half a key: a stable 32-bit hash (Python's hash() changes between processes)."""
    return zlib.crc32(text.encode())


def _key(cell: int, token: int) -> int:
    """A signed 64-bit key from two halves; a collision only adds a candidate the rules reject."""
    return ((cell << 32) | token) - (1 << 63)


@dataclass(frozen=True)
class Cells:
    """Where a row's date is filed and where it looks for representatives.

    An open or unresolved date: its value, mod and relation, both ways. A bounded date is *short*
    when it lies within two consecutive months and spans at most 31 days (a day, a week, a month),
    otherwise *long* (a season, a quarter, a half, a year...). Short dates are filed under their
    months (``m``) and years (``Y``); long ones under their years (``y``). A short date looks in its
    months and in ``y`` of its years; a long one in ``y`` and ``Y`` of its years. Two bounded dates,
    one inside the other, therefore always meet: short-short in a month, short-long and long-long
    in a year.
    """

    filed: tuple[str, ...]
    looked: tuple[str, ...]


def cells(row: dict[str, Any], mod_key: str) -> Cells:
    if not row.get("when"):
        return Cells((), ())  # undated: never merges
    earliest, latest = row.get("earliest"), row.get("latest")
    if row.get("relation") or not earliest or not latest:
        # A plain "since" also meets the others whose named period shares a year with its own
        # (one inside the other: ``corroborate._since_within``).
        key = (f"={row['when']}|{row.get(mod_key)}|{row.get('relation')}",)
        key += tuple(f"s{y}" for y in since_years(row, mod_key)[:MAX_KEY_YEARS])
        return Cells(key, key)
    first, last = int(earliest[:4]), int(latest[:4])
    years = [str(y) for y in range(first, min(last, first + MAX_KEY_YEARS - 1) + 1)]
    months = sorted({earliest[:7], latest[:7]})
    try:
        days = (date.fromisoformat(latest) - date.fromisoformat(earliest)).days
    except ValueError:
        days = 366
    consecutive = len(months) == 1 or _next_month(months[0]) == months[1]
    if days <= 31 and consecutive:
        return Cells(
            tuple(f"m{m}" for m in months) + tuple(f"Y{y}" for y in years),
            tuple(f"m{m}" for m in months) + tuple(f"y{y}" for y in years),
        )
    return Cells(tuple(f"y{y}" for y in years), tuple(f"{k}{y}" for y in years for k in "yY"))


def _next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + 1:04}-01" if number == 12 else f"{year:04}-{number + 1:02}"


def prefix(words: set[str]) -> list[str]:
    """The words any ``SIMILAR``-similar set shares one of, in a fixed order (longest first)."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return ordered[: len(ordered) - math.ceil(SIMILAR * len(ordered)) + 1]


# ``events.words`` as this code computes them: ``WORDS_MARK`` then the words, sorted, one space apart.
# Rows stored under older rules (no mark: words before m013's rules) are compared by the words of
# their text under the current rules, computed when they are read (see the module docstring).
WORDS_MARK = "2:"


def stored_words(words: set[str]) -> str:
    """An event's content words as ``events.words`` keeps them."""
    return WORDS_MARK + " ".join(sorted(words))


def current_words(stored: str | None) -> bool:
    """Whether stored words were computed by the current rules (else they are computed again)."""
    return stored is not None and stored.startswith(WORDS_MARK)


def _parse(stored: str) -> set[str]:
    listed = stored[len(WORDS_MARK) :]
    return set(listed.split(" ")) if listed else set()


def event_words(row: dict[str, Any]) -> tuple[set[str], set[float]]:
    """An event's content words and numbers: stored in ``events.words`` when it was grouped (so a
    candidate costs a split, not a tokenization), else (none stored, or stored by older rules)
    computed from its text and kept on the row."""
    found = row.get("_words")
    if found is None:
        stored = row.get("words")
        if not current_words(stored):
            words = _event_words(row)
            if stored is not None:
                row["_old_words"] = stored  # what it was filed by (``filed_keys``)
            row["words"] = stored_words(words)
            found = row["_words"] = (words, numbers(words))
        else:
            # Representatives are candidates article after article: parse each stored list once.
            # Not kept on the row: the writer's cache holds many rows, their sets would stay.
            found = _PARSED.get(stored)
            if found is None:
                if len(_PARSED) >= _PARSED_MAX:
                    _PARSED.clear()
                words = _parse(stored)
                found = _PARSED[stored] = (words, numbers(words))
    return found


# Parsed ``events.words`` by their stored text (callers never mutate the sets). Bounded: cleared when
# full, a long ingest meets ever more representatives.
_PARSED: dict[str, tuple[set[str], set[float]]] = {}
_PARSED_MAX = 30_000


@dataclass(frozen=True)
class Keys:
    """A row's hashed keys: where it looks for representatives and where it is filed as one."""

    looked: tuple[int, ...]
    filed: tuple[int, ...]


def keys(table: str, row: dict[str, Any], lexicon: CountedLexicon) -> Keys:
    if table == "events":
        words, row_numbers = event_words(row)
        return _event_keys(row, words, row_numbers)
    tokens = [f"f|{figure_key(row, lexicon)!r}"]
    return _hashed(tokens, cells(row, "when_mod"))


def filed_keys(table: str, row: dict[str, Any], lexicon: CountedLexicon) -> Keys:
    """The keys a stored representative was filed under: ``keys``, but for an event stored by older
    rules the keys of the words it stored (those it was filed by), so unfiling it leaves nothing."""
    old = row.get("_old_words", row.get("words")) if table == "events" else None
    if old is None or current_words(old):
        return keys(table, row, lexicon)
    words = set(old.split(" ")) if old else set()
    return _event_keys(row, words, numbers(words))


def _event_keys(row: dict[str, Any], words: set[str], row_numbers: set[float]) -> Keys:
    tokens = [f"w|{w}" for w in prefix(words)]
    tokens += [f"n|{n!r}" for n in sorted(row_numbers) if n >= FIGURE_FLOOR]
    return _hashed(tokens, cells(row, "mod"))


def _hashed(tokens: list[str], where: Cells) -> Keys:
    hashed = [_half(token) for token in tokens]
    return Keys(
        tuple(_key(_half(cell), token) for cell in where.looked for token in hashed),
        tuple(_key(_half(cell), token) for cell in where.filed for token in hashed),
    )


# ---------------------------------------------------------------------------------------------------
# SQL helpers: one statement per batch, lists passed as one JSON parameter


def _dicts(db: Database, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@dataclass
class _Postings:
    """What one query read of the key tables: every posting of the keys looked up."""

    looked: set[int]
    rows: dict[int, list[int]]  # key -> representatives filed there (keys with none are absent)

    def may_overflow(self, key: int, added: int) -> bool:
        """Whether ``added`` more postings can take ``key`` past ``KEEP_PER_KEY`` (only ever fewer
        than read remain: this article's takeovers delete postings, nothing else writes them)."""
        return key not in self.looked or len(self.rows.get(key, ())) + added > KEEP_PER_KEY


def _candidates(
    db: Database, table: str, keyed: list[tuple[dict[str, Any], Keys]]
) -> tuple[list[list[int]], _Postings]:
    """Per row, the representatives filed under its keys: most shared keys first, then newest,
    ``VERIFY + 2`` at most (spares for those taken meanwhile). One query for the whole article."""
    looked = {key for _, found in keyed for key in found.looked}
    wanted = sorted(looked)
    postings: dict[int, list[int]] = {}
    if wanted:
        found = db.execute(
            f"select key, row_id from {KEYS_TABLE[table]} where key in (select value from json_each(?))"
            " order by key",
            [_json_ints(wanted)],
        ).fetchall()
        postings = {key: [row_id for _, row_id in filed] for key, filed in groupby(found, _KEY)}
    return _ranked(keyed, postings.get), _Postings(looked, postings)


def _ranked(
    keyed: list[tuple[dict[str, Any], Keys]], get: Callable[[int], Sequence[int] | None]
) -> list[list[int]]:
    ranked = []
    for _, found in keyed:
        # Every posting of every key the row looks in (a key listed twice counts twice), counted in
        # C; sorted() is nlargest's documented equivalent, and cheaper at these sizes.
        filed: dict[int, int] = {}
        _count_elements(filed, chain.from_iterable(filter(None, map(get, found.looked))))
        if len(filed) <= VERIFY:
            # All of them are checked (_decide checks the first VERIFY of those still free, in any
            # order: the best match wins whatever the order), so their order does not matter.
            ranked.append(list(filed))
            continue
        # Newest first, then most shares first: the sort is stable (reverse=True too), so equal shares
        # stay newest first. Two sorts of small integers cost less than one of (shares, id) pairs.
        best = sorted(filed, reverse=True)
        best.sort(key=filed.__getitem__, reverse=True)
        ranked.append(best[: VERIFY + 2])
    return ranked


def _json_ints(values: Iterable[int]) -> str:
    """Integers as a JSON array (for json_each), without json.dumps' machinery: several per article."""
    return f"[{','.join(map(str, values))}]"


_KEY = itemgetter(0)


def _rows(db: Database, table: str, where: str, params: list[Any]) -> list[dict[str, Any]]:
    columns = EVENT_COLUMNS if table == "events" else FIGURE_COLUMNS
    return _dicts(db, f"select {columns} from {table} where {where}", params)


def _file(db: Database, table: str, reps: list[tuple[int, Keys]], read: _Postings | None = None) -> None:
    """File representatives (id, keys) under their keys, then keep the KEEP_PER_KEY newest (highest
    ids) of each key they touched: a key's postings never grow past the bound. Keys ``read`` shows
    with room to spare are not trimmed (trimming cost more than filing)."""
    if not reps:
        return
    filed = Counter(key for _, found in reps for key in found.filed)
    trimmed = sorted(k for k, n in filed.items() if read is None or read.may_overflow(k, n))
    keys_table = KEYS_TABLE[table]
    db.conn.executemany(
        f"insert or ignore into {keys_table} (key, row_id) values (?, ?)",
        [(key, rep_id) for rep_id, found in reps for key in found.filed],
    )
    if trimmed:
        db.execute(
            f"delete from {keys_table} where key in (select value from json_each(?)) and row_id <"
            f" (select k.row_id from {keys_table} k where k.key = {keys_table}.key order by k.row_id"
            " desc limit 1 offset ?)",
            [_json_ints(trimmed), KEEP_PER_KEY - 1],
        )


def _unfile(db: Database, table: str, reps: list[tuple[int, Keys]]) -> None:
    db.conn.executemany(
        f"delete from {KEYS_TABLE[table]} where key = ? and row_id = ?",
        [(key, rep_id) for rep_id, found in reps for key in found.filed],
    )


# ---------------------------------------------------------------------------------------------------
# The writer's memory of the key tables and representatives


class WriterCache:
    """What one connection knows of the key tables and the representatives, so a long ingest reads
    each posting list and each candidate row once instead of once per article that looks at it.

    ``postings[table]`` holds, for the keys it knows, exactly the representatives filed there (an
    empty tuple: none), ``rows[table]`` representatives as ``_rows`` reads them. Both are kept
    exact by ``_decide`` through what it writes, so they are only valid while every change to the
    notebook goes through it: the owner clears them when another connection has committed, when a
    transaction rolls back and after any other write (``db.Notebook._writing``). Bounded: past
    ``MAX_KEYS`` keys or ``MAX_ROWS`` rows (what one article needs aside) a table forgets the older
    half of what it learnt.
    """

    MAX_KEYS = 50_000
    MAX_ROWS = 15_000

    def __init__(self) -> None:
        self.version: int | None = None  # PRAGMA data_version when it was last known valid
        self.postings: dict[str, dict[int, tuple[int, ...]]] = {"events": {}, "figures": {}}
        self.rows: dict[str, dict[int, dict[str, Any]]] = {"events": {}, "figures": {}}

    def clear(self) -> None:
        self.version = None
        for known in (*self.postings.values(), *self.rows.values()):
            known.clear()

    def load_postings(self, db: Database, table: str, wanted: set[int]) -> dict[int, tuple[int, ...]]:
        """The table's known postings, every key in ``wanted`` among them (one query for the rest)."""
        known = self.postings[table]
        _forget_older_half(known, self.MAX_KEYS - len(wanted))
        missing = [key for key in wanted if key not in known]
        if missing:
            for key in missing:
                known[key] = ()
            found = db.execute(
                f"select key, row_id from {KEYS_TABLE[table]} where key in (select value from json_each(?))"
                " order by key, row_id",
                [_json_ints(missing)],
            ).fetchall()
            for key, filed in groupby(found, _KEY):
                known[key] = tuple(row_id for _, row_id in filed)
        return known

    def load_rows(self, db: Database, table: str, wanted: Collection[int]) -> dict[int, dict[str, Any]]:
        """The table's known representatives, those of ``wanted`` that are representatives among them."""
        known = self.rows[table]
        _forget_older_half(known, self.MAX_ROWS - len(wanted))
        missing = [row_id for row_id in wanted if row_id not in known]
        if missing:
            # Only the compared columns (the text only of a row without stored words): _slim's rows
            # without building the whole row first.
            cursor = db.conn.execute(
                f"select {_COMPACT_COLUMNS[table]} from {table}"
                " where id in (select value from json_each(?)) and group_id = id",
                [_json_ints(missing)],
            )
            names = _COMPARED[table]
            for values in cursor:
                row = dict(zip(names, values, strict=False))  # (events: four more, below)
                if table == "events":
                    # (words, text, time_offset, time_text): words from the text if none are stored
                    words, text, offset, time_text = values[len(names) :]
                    if not current_words(words):
                        tokens = _event_words({"text": text, "time_offset": offset, "time_text": time_text})
                        if words is not None:
                            row["_old_words"] = words  # what it was filed by (``filed_keys``)
                        words = stored_words(tokens)
                    row["words"] = words
                known[row["id"]] = row
        return known


# What a representative is compared and filed by (and values computed from them, kept on the row):
# a cached row keeps only these (its parsed words are in _PARSED), 0.5-1 KB instead of 2-3.
_COMPARED = {
    "events": ("id", "article_id", "when", "mod", "relation", "earliest", "latest", "sort_date", "start"),
    "figures": (
        "id", "article_id", "when", "when_mod", "relation", "earliest", "latest", "start", "low", "high",
        "currency", "percent", "unit",
    ),
}  # fmt: skip
# (_filed: the keys a representative this writer filed is filed under, to unfile it on a takeover.)
_COMPUTED = ("words", "_rank", "_figure_key", "_filed", "_old_words")
# What WriterCache.load_rows selects: the compared columns, and for an event its words, or the text
# they come from when none are stored (an imported row) or they are older rules' (``WORDS_MARK``).
_STALE = f"(words is null or substr(words, 1, {len(WORDS_MARK)}) != '{WORDS_MARK}')"
_COMPACT_COLUMNS = {
    "events": ", ".join(f"[{c}]" for c in _COMPARED["events"])
    + f", words, iif({_STALE}, text, null), iif({_STALE}, time_start - start, null),"
    f" iif({_STALE}, time_text, null)",
    "figures": ", ".join(f"[{c}]" for c in _COMPARED["figures"]),
}


def _slim(table: str, row: dict[str, Any]) -> dict[str, Any]:
    if "text" not in row:
        return row  # compact already (compact_event, compact_figure, WriterCache.load_rows)
    if table == "events":
        event_words(row)  # from the text, if the row has no words stored (an imported one)
    slim = {name: row[name] for name in _COMPARED[table]}
    for name in _COMPUTED:
        if name in row:
            slim[name] = row[name]
    return slim


def _forget_older_half(known: dict[int, Any], room: int) -> None:
    if len(known) > room:
        for key in list(islice(known, max(len(known) // 2, len(known) - max(room, 0)))):
            del known[key]


def _file_known(
    db: Database, table: str, reps: list[tuple[int, Keys]], known: dict[int, tuple[int, ...]]
) -> None:
    """``_file`` with every filed key's postings known: the postings past ``KEEP_PER_KEY`` are
    deleted by key and id, and ``known`` follows what is written."""
    if not reps:
        return
    pairs = [(key, rep_id) for rep_id, found in reps for key in found.filed]
    keys_table = KEYS_TABLE[table]
    # One statement per representative, its keys as one JSON array: a row per key through
    # executemany bound two parameters and stepped once per key (about 150 an article).
    db.conn.executemany(
        f"insert or ignore into {keys_table} (key, row_id) select value, ? from json_each(?)",
        [(rep_id, _json_ints(found.filed)) for rep_id, found in reps],
    )
    # One posting at a time, keeping the newest (highest ids): the same as keeping the newest of
    # all at once, and a new representative is almost always the newest of its keys.
    dropped = []
    keep = KEEP_PER_KEY
    for key, rep_id in pairs:
        filed = known[key]
        if not filed or rep_id > filed[-1]:  # (ascending: then it is not there yet)
            filed = (*filed, rep_id)
        elif rep_id in filed:
            continue
        else:
            filed = tuple(sorted((*filed, rep_id)))
        if len(filed) > keep:  # (more than one only where a key already held too many)
            dropped += [(key, old) for old in filed[:-keep]]
            filed = filed[-keep:]
        known[key] = filed
    if dropped:
        db.conn.executemany(f"delete from {keys_table} where key = ? and row_id = ?", dropped)


# ---------------------------------------------------------------------------------------------------
# Grouping an article's rows


def assign_article(db: Database, article_id: int, lexicon: CountedLexicon | None = None) -> None:
    """Group the article's ungrouped rows with the stored groups (inside the caller's transaction)."""
    lexicon = lexicon or load_counted()
    for table in ("events", "figures"):
        _assign(db, table, article_id, lexicon)


def _match(
    table: str, candidate: dict[str, Any], row: dict[str, Any], lexicon: CountedLexicon
) -> tuple[bool, bool, float] | None:
    """How well ``row`` matches a representative (higher is better), or None.

    ``corroborate``'s rules (``event_match``, ``compatible_dates``) without building the reason they
    give: the writer checks hundreds of pairs per article. ``test_claim_groups`` holds the two to
    the same answers."""
    if table == "events":
        date = _dates(candidate, row, "mod")
        if not date:
            return None
        c_words, c_numbers = event_words(candidate)
        words, row_numbers = event_words(row)
        shared = c_numbers & row_numbers
        if c_numbers and row_numbers and not shared:
            return None  # both state figures, none in common: different claims
        common = len(c_words & words)
        if common < MIN_SHARED:
            return None
        score = common / (len(c_words) + len(words) - common)  # (jaccard's, computed once)
        figure = any(n >= FIGURE_FLOOR for n in shared)
        if (score >= SIMILAR or (score >= SIMILAR_WITH_FIGURE and figure)) and not other_claims(
            c_words, words
        ):
            return (figure, date == _SAME, score)
        return None
    if _figure_key(candidate, lexicon) != _figure_key(row, lexicon):
        return None  # a hash collision
    date = _dates(candidate, row, "when_mod")
    return (False, date == _SAME, 0.0) if date else None


_SAME, _WITHIN = 2, 1


def _dates(a: dict[str, Any], b: dict[str, Any], mod_key: str) -> int:
    """``compatible_dates`` as a number: ``_SAME`` date, one ``_WITHIN`` the other, or 0 (neither)."""
    when = a["when"]
    if not when or not b["when"]:
        return 0
    relation = a["relation"]
    if when == b["when"] and a[mod_key] == b[mod_key] and relation == b["relation"]:
        return _SAME
    if relation or b["relation"]:
        return _WITHIN if _since_within(a, b, mod_key) else 0
    a_first, a_last, b_first, b_last = a["earliest"], a["latest"], b["earliest"], b["latest"]
    if a_first is None or a_last is None or b_first is None or b_last is None:
        return 0
    if (b_first <= a_first and a_last <= b_last) or (a_first <= b_first and b_last <= a_last):
        return _WITHIN
    return 0


def _figure_key(row: dict[str, Any], lexicon: CountedLexicon) -> tuple[Any, ...]:
    found = row.get("_figure_key")
    if found is None:
        found = row["_figure_key"] = figure_key(row, lexicon)
    return found


def _best_event(
    row: dict[str, Any], checked: list[dict[str, Any]], lexicon: CountedLexicon
) -> dict[str, Any] | None:
    """The candidate ``row`` joins: the best ``_match`` (ties: the lowest id), or None. ``_match``
    unrolled for one row and several candidates, the row's side read once: the writer runs it for
    every row it stores. ``test_claim_groups`` holds it to ``_match``."""
    when, mod, relation = row["when"], row["mod"], row["relation"]
    if not when:
        return None
    first, last = row["earliest"], row["latest"]
    words, row_numbers = event_words(row)
    best: dict[str, Any] | None = None
    best_score: tuple[bool, bool, float] = (False, False, 0.0)
    for candidate in checked:
        c_when = candidate["when"]
        if not c_when:
            continue
        c_relation = candidate["relation"]
        if c_when == when and candidate["mod"] == mod and c_relation == relation:
            same = True
        elif c_relation or relation:
            if not _since_within(candidate, row, "mod"):
                continue
            same = False
        else:
            c_first, c_last = candidate["earliest"], candidate["latest"]
            if c_first is None or c_last is None or first is None or last is None:
                continue
            if not ((first <= c_first and c_last <= last) or (c_first <= first and last <= c_last)):
                continue
            same = False
        c_words, c_numbers = event_words(candidate)
        shared = c_numbers & row_numbers
        if c_numbers and row_numbers and not shared:
            continue
        common = len(c_words & words)
        if common < MIN_SHARED:
            continue
        score = common / (len(c_words) + len(words) - common)  # (jaccard's, computed once)
        figure = any(n >= FIGURE_FLOOR for n in shared)
        similar = score >= SIMILAR or (score >= SIMILAR_WITH_FIGURE and figure)
        if similar and not other_claims(c_words, words):
            found = (figure, same, score)
            if best is None or found > best_score or (found == best_score and candidate["id"] < best["id"]):
                best, best_score = candidate, found
    return best


def _best_figure(
    row: dict[str, Any], checked: list[dict[str, Any]], lexicon: CountedLexicon
) -> dict[str, Any] | None:
    """``_best_event`` for figures: the same figure key, then the best date (ties: the lowest id)."""
    key = _figure_key(row, lexicon)
    best: dict[str, Any] | None = None
    best_same = False
    for candidate in checked:
        if _figure_key(candidate, lexicon) != key:
            continue  # a hash collision
        date = _dates(candidate, row, "when_mod")
        if not date:
            continue
        same = date == _SAME
        if best is None or same > best_same or (same == best_same and candidate["id"] < best["id"]):
            best, best_same = candidate, same
    return best


def _assign(db: Database, table: str, article_id: int, lexicon: CountedLexicon) -> None:
    rows = _rows(db, table, "article_id = ? and group_id is null", [article_id])
    assigned = _decide(db, table, article_id, [(row, keys(table, row, lexicon)) for row in rows], lexicon)
    if table == "events":  # the words go with the group, for the rows compared with it later
        words = {row["id"]: row["words"] for row in rows}
        db.conn.executemany(
            "update events set group_id = ?, words = ? where id = ?",
            [(assigned[r["id"]], words[r["id"]], r["id"]) for r in rows],
        )
    else:
        db.conn.executemany(
            "update figures set group_id = ? where id = ?", [(assigned[r["id"]], r["id"]) for r in rows]
        )


def _decide(
    db: Database,
    table: str,
    article_id: int,
    keyed: list[tuple[dict[str, Any], Keys]],
    lexicon: CountedLexicon,
    cache: WriterCache | None = None,
) -> dict[int, int]:
    """Group an article's new rows (with their keys) with the stored groups: each row's group id, by
    row id. Takeovers and the candidate keys are written here; the rows' own ``group_id`` is the
    caller's to store (an update of stored rows, or part of their insert). With a ``cache``, postings
    and candidates come from it where it knows them, and it learns what is written; the notebook
    written is the same."""
    if not keyed:
        return {}
    keyed = sorted(keyed, key=lambda pair: _rank(table, pair[0]))
    # Candidates are the other articles' representatives as they stand now: a group this article
    # joins is then off limits to its other rows (one row per article), so no later change here
    # can create a candidate.
    read: _Postings | None = None
    known: dict[int, tuple[int, ...]] = {}
    if cache is None:
        ranked, read = _candidates(db, table, keyed)
    else:
        # The filed keys too: their postings decide what filing trims.
        wanted_keys = {key for _, found in keyed for key in chain(found.looked, found.filed)}
        known = cache.load_postings(db, table, wanted_keys)
        ranked = _ranked(keyed, known.get)
    wanted = {i for ids in ranked for i in ids}  # (in no order: the queries take them as a set)
    if not wanted:
        candidates: dict[int, dict[str, Any]] = {}
    elif cache is None:
        candidates = {
            c["id"]: c
            for c in _rows(
                db,
                table,
                "id in (select value from json_each(?)) and group_id = id and article_id != ?",
                [_json_ints(wanted), article_id],
            )
        }
    else:
        rows = cache.load_rows(db, table, wanted)
        candidates = {
            i: c for i in wanted if (c := rows.get(i)) is not None and c["article_id"] != article_id
        }
    taken: set[int] = set()  # groups holding a row of this article: never joined twice
    assigned: dict[int, int] = {}  # row id -> group id
    takeovers: list[tuple[int, int]] = []  # (new representative, old representative)
    reps: list[tuple[int, Keys]] = []
    best_of = _best_event if table == "events" else _best_figure
    for (row, found), ids in zip(keyed, ranked, strict=True):
        checked = [c for i in ids if (c := candidates.get(i)) is not None and i not in taken][:VERIFY]
        group = best_of(row, checked, lexicon) if checked else None
        if group is None:
            assigned[row["id"]] = row["id"]
            reps.append((row["id"], found))
            taken.add(row["id"])
            continue
        taken.add(group["id"])
        if _rank(table, row) < _rank(table, group):
            # The more precise report is shown: it takes the group over.
            assigned[row["id"]] = row["id"]
            takeovers.append((row["id"], group["id"]))
            reps.append((row["id"], found))
        else:
            assigned[row["id"]] = group["id"]
    if takeovers:
        db.conn.executemany(f"update {table} set group_id = ? where group_id = ?", takeovers)
        # The keys it was filed under: kept on a row this writer filed, else computed again.
        unfiled = [
            (
                o,
                Keys((), filed)
                if (filed := candidates[o].get("_filed")) is not None
                else filed_keys(table, candidates[o], lexicon),
            )
            for _, o in takeovers
        ]
        _unfile(db, table, unfiled)
        if cache is not None:
            for old_id, found in unfiled:
                cache.rows[table].pop(old_id, None)
                for key in found.filed:
                    if key in known:
                        known[key] = tuple(i for i in known[key] if i != old_id)
    if cache is None:
        _file(db, table, reps, read)
    else:
        _file_known(db, table, reps, known)
        rows_known = cache.rows[table]
        by_id = {row["id"]: row for row, _ in keyed}
        for rep_id, found in reps:
            slim = rows_known[rep_id] = _slim(table, by_id[rep_id])
            slim["_filed"] = found.filed
    return assigned


# ---------------------------------------------------------------------------------------------------
# Grouping an article as it is stored: its keys computed where it was extracted


@dataclass(frozen=True)
class Planned:
    """What grouping needs of an article's rows besides the notebook: a pure function of the rows and
    the counted lexicon, so ``ingest`` computes it in the extracting process and the single writer
    only looks up candidates, compares and stores. In the extraction's row order."""

    words: tuple[str, ...]  # each event's content words, as ``events.words`` stores them
    events: tuple[Keys, ...]
    figures: tuple[Keys, ...]
    # Also computed off the writer where known (None: the writer computes them): each event's
    # numbers (``corroborate.numbers`` of its words), each figure's ``figure_key``, and the
    # article's ``db.content_hash``.
    numbers: tuple[tuple[float, ...], ...] | None = None
    figure_keys: tuple[tuple[Any, ...], ...] | None = None
    digest: str | None = None


def event_row(event: Event, article_id: int = 0, row_id: int = 0) -> dict[str, Any]:
    """An event as ``EVENT_COLUMNS`` reads it back once stored: ``compact_event`` and the rest."""
    row = compact_event(event, article_id, row_id, None)
    row.update(
        precision=event.precision,
        time_text=event.time_text,
        time_offset=event.time_start - event.start,
        text=event.text,
        group_id=None,
    )
    return row


def _real(value: float | None) -> float | None:
    # As a REAL column gives it back: a float, and NaN stored as null.
    return None if value is None or value != value else float(value)


def figure_row(figure: Figure, article_id: int = 0, row_id: int = 0) -> dict[str, Any]:
    """A figure as ``FIGURE_COLUMNS`` reads it back once stored: ``compact_figure`` and the rest."""
    row = compact_figure(figure, article_id, row_id)
    row.update(text=figure.text, qualifier=figure.qualifier, group_id=None)
    return row


def compact_event(event: Event, article_id: int, row_id: int, words: str | None) -> dict[str, Any]:
    """An event as the writer compares and caches it: ``event_row``'s ``_COMPARED`` columns and its
    words (the rest is inserted from the event itself, never read by grouping)."""
    return {
        "id": row_id,
        "article_id": article_id,
        "when": event.when,
        "mod": event.mod,
        "relation": event.relation,
        "earliest": event.earliest,
        "latest": event.latest,
        "sort_date": event.sort_date,
        "start": event.start,
        "words": words,
    }


def compact_figure(
    figure: Figure, article_id: int, row_id: int, key: tuple[Any, ...] | None = None
) -> dict[str, Any]:
    """``compact_event`` for a figure, with its ``figure_key`` when known."""
    row = {
        "id": row_id,
        "article_id": article_id,
        "when": figure.when,
        "when_mod": figure.when_mod,
        "relation": figure.relation,
        "earliest": figure.earliest,
        "latest": figure.latest,
        "start": figure.start,
        "low": _real(figure.low),
        "high": _real(figure.high),
        "currency": figure.currency,
        "percent": int(figure.percent),
        "unit": figure.unit,
    }
    if key is not None:
        row["_figure_key"] = key
    return row


def plan(extraction: Extraction, lexicon: CountedLexicon, digest: str | None = None) -> Planned:
    """An article's words and keys, before it is stored (``digest``: its content hash, if known)."""
    words = []
    event_keys = []
    event_numbers = []
    for event in extraction.events:
        row = event_row(event)
        event_keys.append(keys("events", row, lexicon))
        words.append(row["words"])
        event_numbers.append(tuple(event_words(row)[1]))
    figure_keys = []
    found_keys = []
    for figure in extraction.figures:
        row = figure_row(figure)
        figure_keys.append(keys("figures", row, lexicon))
        found_keys.append(figure_key(row, lexicon))
    return Planned(
        tuple(words),
        tuple(event_keys),
        tuple(figure_keys),
        tuple(event_numbers),
        tuple(found_keys),
        digest,
    )


def assign_new(
    db: Database,
    article_id: int,
    events: list[dict[str, Any]],
    figures: list[dict[str, Any]],
    planned: Planned,
    lexicon: CountedLexicon,
    cache: WriterCache | None = None,
) -> tuple[dict[int, int], dict[int, int]]:
    """Group an article's rows before they are inserted (``event_row``/``figure_row`` with their
    ids-to-be, inside the caller's transaction): the group id of each, by row id. The same groups as
    inserting them ungrouped and calling ``assign_article``. ``cache``: see ``WriterCache``; the
    rows become its representatives as they stand, so they must be inserted as given."""
    for row, words in zip(events, planned.words, strict=True):
        row["words"] = words
    if planned.numbers is not None:
        # Parsed as event_words would parse the stored words, the numbers taken from the plan.
        for words, found in zip(planned.words, planned.numbers, strict=True):
            if words not in _PARSED:
                if len(_PARSED) >= _PARSED_MAX:
                    _PARSED.clear()
                _PARSED[words] = (_parse(words), set(found))
    return (
        _decide(db, "events", article_id, list(zip(events, planned.events, strict=True)), lexicon, cache),
        _decide(db, "figures", article_id, list(zip(figures, planned.figures, strict=True)), lexicon, cache),
    )


def detach(db: Database, article_id: int, lexicon: CountedLexicon | None = None) -> None:
    """Take the article's rows out of their groups (before a removal or a re-extraction).

    A group the article represented gets its best remaining member as representative.
    """
    lexicon = lexicon or load_counted()
    for table in ("events", "figures"):
        led = _rows(db, table, "article_id = ? and group_id = id", [article_id])
        _unfile(db, table, [(r["id"], filed_keys(table, r, lexicon)) for r in led])
        # Words too: a re-extracted row may read differently.
        cleared = "group_id = null, words = null" if table == "events" else "group_id = null"
        db.execute(f"update {table} set {cleared} where article_id = ?", [article_id])
        successors = []
        for rep in led:
            found = _rows(db, table, f"group_id = ? order by {rank_sql(table)} limit 1", [rep["id"]])
            if found:
                successors.append(found[0])
                db.execute(f"update {table} set group_id = ? where group_id = ?", [found[0]["id"], rep["id"]])
        _file(db, table, [(r["id"], keys(table, r, lexicon)) for r in successors])
        _store_words(db, table, successors)


def regroup_all(db: Database, lexicon: CountedLexicon | None = None) -> None:
    """Group every stored row afresh, article by article in id order (as if ingested in that order):
    a notebook being upgraded, or an import without groups. Linear in the notebook's size."""
    lexicon = lexicon or load_counted()
    for table in ("events", "figures"):
        db.execute(f"delete from {KEYS_TABLE[table]}")
    db.execute("update events set group_id = null, words = null")
    db.execute("update figures set group_id = null")
    for (article_id,) in db.execute("select id from articles order by id").fetchall():
        assign_article(db, article_id, lexicon)


def groups_consistent(db: Database) -> bool:
    """Every row is grouped under a representative of its own table that represents itself, and no
    group holds two rows of one article (an imported dump may say otherwise)."""
    for table in ("events", "figures"):
        bad = db.execute(
            f"select 1 from {table} m left join {table} r on r.id = m.group_id"
            " where r.id is null or r.group_id is not r.id limit 1"
        ).fetchone()
        twice = db.execute(
            f"select 1 from {table} group by group_id, article_id having count(*) > 1 limit 1"
        ).fetchone()
        if bad or twice:
            return False
    return True


def refile_all(db: Database, lexicon: CountedLexicon | None = None) -> None:
    """Rebuild the candidate keys from the stored representatives (an import that kept its groups),
    filed article by article in id order so the newest kept per key are the latest articles'."""
    lexicon = lexicon or load_counted()
    for table in ("events", "figures"):
        db.execute(f"delete from {KEYS_TABLE[table]}")
        reps = _rows(db, table, "group_id = id order by article_id, id", [])
        start = 0
        while start < len(reps):
            end = start
            while end < len(reps) and reps[end]["article_id"] == reps[start]["article_id"]:
                end += 1
            _file(db, table, [(r["id"], keys(table, r, lexicon)) for r in reps[start:end]])
            start = end
        _store_words(db, table, reps)


RECENT_ARTICLES = 2_000  # the articles whose groups an upgrade files by the current rules (m013)


def refile_recent(db: Database, lexicon: CountedLexicon | None = None, articles: int | None = None) -> None:
    """File the representatives of the newest ``articles`` articles (``RECENT_ARTICLES``) by the
    current rules: the groups
    a new article most likely corroborates (each key keeps its newest representatives). Events
    stored by older rules are unfiled from the keys of their stored words, filed by their text's
    words and stored with them; figures gain the keys the current rules add (a "since" date's
    years). The same cost whatever the notebook's size; older groups keep their keys (see the
    module docstring)."""
    lexicon = lexicon or load_counted()
    articles = RECENT_ARTICLES if articles is None else articles
    found = db.execute("select id from articles order by id desc limit 1 offset ?", [articles - 1]).fetchone()
    first = found[0] if found else 0
    for table in ("events", "figures"):
        reps = _rows(db, table, "group_id = id and article_id >= ? order by article_id, id", [first])
        if table == "events":
            reps = [r for r in reps if not current_words(r["words"])]
            _unfile(db, table, [(r["id"], filed_keys(table, r, lexicon)) for r in reps])
        for _, batch in groupby(reps, itemgetter("article_id")):  # each article's as ingest filed them
            rows = list(batch)
            _file(db, table, [(r["id"], keys(table, r, lexicon)) for r in rows])
        _store_words(db, table, reps)


def _store_words(db: Database, table: str, filed: list[dict[str, Any]]) -> None:
    """Store the current words of representatives just filed by them whose stored words were none or
    an older rules' (``event_words`` computed them): ``filed_keys`` must find what they are filed by."""
    if table == "events":
        stale = [(r["words"], r["id"]) for r in filed if "_words" in r]
        db.conn.executemany("update events set words = ? where id = ?", stale)
