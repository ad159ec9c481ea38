"""Keeping the notebook in shape: removing an article, re-running the extractors after an upgrade."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .db import Notebook, NotebookError
from .extract import EXTRACTOR_VERSION, extract_document
from .inputs import extract_each
from .reader import first_line

if TYPE_CHECKING:
    from .extract import Document
    from .topics import Lexicon

# What identifies "the same" row across two extractor versions: the same expression in the same
# body, whatever value it now resolves to (a new reference date changes values, not what the
# analyst annotated).
_KEYS = {"events": ("time_start", "time_end"), "figures": ("start", "end", "text")}


@dataclass(frozen=True)
class Removed:
    article_id: int
    title: str | None
    events: int
    figures: int
    notes: int
    tags: int


def _annotation_count(notebook: Notebook, table: str, article_id: int) -> int:
    # table is "notes" or "tags", never user input.
    return notebook.conn.execute(
        f"select count(*) from {table} where (kind = 'article' and target_id = ?)"
        " or (kind = 'event' and target_id in (select id from events where article_id = ?))"
        " or (kind = 'figure' and target_id in (select id from figures where article_id = ?))",
        [article_id, article_id, article_id],
    ).fetchone()[0]


def remove_article(notebook: Notebook, article_id: int) -> Removed:
    """Delete an article; cascades and triggers take its events, figures, notes, tags and index row."""
    record = notebook.article(article_id)  # raises when missing
    with notebook._writing():
        one = notebook.conn.execute
        removed = Removed(
            article_id,
            record["title"],
            one("select count(*) from events where article_id = ?", [article_id]).fetchone()[0],
            one("select count(*) from figures where article_id = ?", [article_id]).fetchone()[0],
            _annotation_count(notebook, "notes", article_id),
            _annotation_count(notebook, "tags", article_id),
        )
        # Groups the article's rows represented get a representative from their other members.
        notebook.ungroup(article_id)
        one("delete from articles where id = ?", [article_id])
    return removed


@dataclass
class Change:
    """What re-extraction did to one article."""

    article_id: int
    title: str | None
    events_added: int = 0
    events_removed: int = 0
    figures_added: int = 0
    figures_removed: int = 0
    # Rows that kept their id but not every value (a new topic, date, figure value...).
    events_changed: int = 0
    figures_changed: int = 0
    notes_dropped: list[dict[str, Any]] = field(default_factory=list)
    tags_dropped: list[dict[str, Any]] = field(default_factory=list)
    published_before: str | None = None
    published_after: str | None = None
    # What the text now gives for a title or source read from it (None: unchanged).
    title_after: str | None = None
    source_after: str | None = None

    @property
    def changed(self) -> bool:
        return bool(
            self.title_after is not None
            or self.source_after is not None
            or self.events_added
            or self.events_removed
            or self.figures_added
            or self.figures_removed
            or self.events_changed
            or self.figures_changed
            or self.published_before != self.published_after
        )


def pending(notebook: Notebook, *, everything: bool = False) -> list[int]:
    """Ids of the articles extracted by another extractor version (or all of them)."""
    if not everything:
        return notebook.outdated_ids()
    return [r[0] for r in notebook.conn.execute("select id from articles order by id").fetchall()]


def _reference(record: dict[str, Any], published: str | None) -> str | None:
    """The date to extract a stored article against: ``published`` re-dates it; a date once given
    with ``--published`` is kept; anything else (a date found in the text, or inferred) is redone."""
    if published is None and record["published_source"] == "option":
        return record["published"]  # type: ignore[no-any-return]
    return published


def reextract_each(
    notebook: Notebook,
    ids: Iterable[int],
    lexicon: Lexicon | None = None,
    *,
    published: str | None = None,
    jobs: int = 1,
) -> Iterator[Change]:
    """Re-extract these articles in order, one transaction each (``reextract_article``); with
    ``jobs`` > 1 the extraction runs in as many worker processes while this one stores."""
    ids = list(ids)

    def texts() -> Iterator[tuple[str, str | None]]:
        for article_id in ids:
            record = notebook.article(article_id)
            yield record["body"], _reference(record, published)

    documents = extract_each(texts(), lexicon, jobs)
    try:
        for article_id, document in zip(ids, documents, strict=True):
            yield reextract_article(notebook, article_id, lexicon, published=published, document=document)
    finally:
        documents.close()  # stops the workers now (Ctrl-C, an error)


def reextract_article(
    notebook: Notebook,
    article_id: int,
    lexicon: Lexicon | None = None,
    *,
    published: str | None = None,
    document: Document | None = None,
) -> Change:
    """Re-run extraction on the stored body, in one transaction; ``published`` re-dates the article
    (its relative dates then resolve against that date, as with ``ingest --published``);
    ``document``: the body already extracted against that date (in a worker process).

    Rows that still exist (same key: an event's time span and value, a figure's span and text) keep
    their ids — so their notes and tags stay — and take the new values (counted as changed when
    some value differs: a new topic, as-of date...). New rows are added; rows that disappeared are
    deleted, and the triggers drop their notes and tags (reported).
    """
    record = notebook.article(article_id)
    if document is None:
        document = extract_document(record["body"], _reference(record, published), lexicon)
    extraction = document.extraction
    change = Change(article_id, record["title"], published_before=record["published"])
    change.published_after = extraction.published
    change.title_after, change.source_after = _read_again(record, document)
    if notebook.holds(record, extraction):
        # Most articles read the same after an upgrade: only their version moves (a 100,000-article
        # notebook then takes minutes, not the hours that taking each out of its groups costs).
        with notebook._writing():
            _update_header(notebook, change)
            notebook.conn.execute(
                "update articles set extractor_version = ? where id = ?", [EXTRACTOR_VERSION, article_id]
            )
        return change
    with notebook._writing():
        old = {table: _rows_by_key(notebook, table, article_id) for table in _KEYS}
        before = {table: {i for ids in old[table].values() for i in ids} for table in _KEYS}
        # The rows are about to change: out of their groups now, regrouped below once settled.
        notebook.ungroup(article_id)
        notebook._insert_extraction(article_id, document)
        for table, kind in (("events", "event"), ("figures", "figure")):
            new = _rows_by_key(notebook, table, article_id, exclude=before[table])
            columns = [c for c in notebook.db[table].columns_dict if c not in ("id", "group_id", "words")]
            assignments = ", ".join(f"[{c}]" for c in columns)
            kept: set[int] = set()
            changed = 0
            for key, new_ids in new.items():
                old_ids = old[table].get(key, [])
                for old_id, new_id in zip(old_ids, new_ids, strict=False):
                    values = [
                        notebook.conn.execute(
                            f"select {assignments} from {table} where id = ?", [i]
                        ).fetchone()
                        for i in (old_id, new_id)
                    ]
                    changed += values[0] != values[1]
                    # Copy the new values onto the old row, so its id (and annotations) survive.
                    notebook.conn.execute(
                        f"update {table} set ({assignments}) ="
                        f" (select {assignments} from {table} where id = ?) where id = ?",
                        [new_id, old_id],
                    )
                    notebook.conn.execute(f"delete from {table} where id = ?", [new_id])
                    kept.add(old_id)
                if kind == "event":
                    change.events_added += max(0, len(new_ids) - len(old_ids))
                else:
                    change.figures_added += max(0, len(new_ids) - len(old_ids))
            gone = sorted(before[table] - kept)
            for old_id in gone:
                change.notes_dropped += _annotations(notebook, "notes", kind, old_id)
                change.tags_dropped += _annotations(notebook, "tags", kind, old_id)
                notebook.conn.execute(f"delete from {table} where id = ?", [old_id])
            if kind == "event":
                change.events_removed, change.events_changed = len(gone), changed
            else:
                change.figures_removed, change.figures_changed = len(gone), changed
        notebook.group(article_id)
        _update_header(notebook, change)
        notebook.conn.execute(
            "update articles set published = ?, published_precision = ?, published_source = ?,"
            " extractor_version = ? where id = ?",
            [
                extraction.published,
                extraction.precision,
                extraction.published_source,
                EXTRACTOR_VERSION,
                article_id,
            ],
        )
    return change


def _read_again(record: dict[str, Any], document: Document) -> tuple[str | None, str | None]:
    """The title and source the stored text now gives, where they changed and were read from that
    text: a title that was the text's first line (not one given by HTML, JSON or front matter, which
    the stored body may not hold), a source that nothing had named."""
    article = document.article
    title = article.title
    read_from_text = record["title"] == first_line(record["body"])
    new_title = title if title and record["title"] != title and read_from_text else None
    new_source = article.source if record["source"] is None and article.source else None
    return new_title, new_source


def _update_header(notebook: Notebook, change: Change) -> None:
    """Store the title and source re-reading found (the caller's transaction)."""
    for column, value in (("title", change.title_after), ("source", change.source_after)):
        if value is not None:  # column: one of two names above, never user input
            notebook.conn.execute(
                f"update articles set {column} = ? where id = ?", [value, change.article_id]
            )


def _rows_by_key(
    notebook: Notebook, table: str, article_id: int, exclude: set[int] | None = None
) -> dict[tuple[Any, ...], list[int]]:
    """Row ids by their matching key, in document order (ties match in order)."""
    names = ", ".join(f"[{c}]" for c in _KEYS[table])
    rows = notebook.conn.execute(
        f"select id, {names} from {table} where article_id = ? order by start, id", [article_id]
    ).fetchall()
    found: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for row_id, *key in rows:
        if exclude is None or row_id not in exclude:
            found[tuple(key)].append(row_id)
    return dict(found)


def _annotations(notebook: Notebook, table: str, kind: str, target_id: int) -> list[dict[str, Any]]:
    column = "text" if table == "notes" else "tag"
    rows = notebook.conn.execute(
        f"select id, {column} from {table} where kind = ? and target_id = ? order by id", [kind, target_id]
    ).fetchall()
    return [{"id": r[0], "kind": kind, "target_id": target_id, column: r[1]} for r in rows]


def reextract(
    notebook: Notebook, lexicon: Lexicon | None = None, *, everything: bool = False, jobs: int = 1
) -> list[Change]:
    """Re-extract every article that needs it; one transaction per article."""
    ids = pending(notebook, everything=everything)
    if not ids and not notebook.conn.execute("select 1 from articles limit 1").fetchone():
        raise NotebookError(f"no articles in {notebook.path}")
    return list(reextract_each(notebook, ids, lexicon, jobs=jobs))
