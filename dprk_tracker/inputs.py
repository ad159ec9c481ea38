"""What ``ingest`` reads: files become items (one per article), items become extracted documents.

A plain or Markdown file is one item; an HTML page is one item (converted by ``html``); a JSON Lines
file is one item per line (``jsonl``). A file or line that cannot be read becomes an item carrying
its error, so the caller reports it and goes on.

Extraction can run in N worker processes (``prepare(..., jobs=N)``): items are sent to a process pool
a few ahead of the one being stored, each extracted and planned for grouping (its words and keys:
``grouping.plan``) in a worker, and the caller — the only writer — stores the results in input
order. So the output is the same for any N.
"""

from __future__ import annotations

import os
import signal
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from . import html, jsonl
from .reader import ReadError, decode, parse

if TYPE_CHECKING:
    from .extract import Document
    from .grouping import Planned
    from .topics import Lexicon
    from .trends import CountedLexicon

T = TypeVar("T")
R = TypeVar("R")

SUFFIXES = (".txt", ".md", *html.SUFFIXES, *jsonl.SUFFIXES)
CHUNK_PER_JOB = 8  # items in flight per worker: enough to keep workers busy, little held in memory
# Workers run at nice(1)'s default niceness: the single writer is the ingest's serial stage, and
# with as many workers as cores the three competed for them (2,000 articles on 2 cores: 21.4-22.3 s
# at the writer's priority, 19.7 s below it, the writer then busy nearly throughout).
WORKER_NICENESS = 10


@dataclass(frozen=True)
class Item:
    label: str  # how messages name it: the path, "<stdin>", or "path:LINE" for a JSON Lines line
    path: str | None  # stored with the article; None for stdin
    text: str | None  # the article as the reader parses it; None when it could not be read
    published: str | None = None  # the item's own reference date (a JSON Lines line's "published")
    error: str | None = None
    warning: str | None = None  # e.g. decoded with a fallback encoding
    last: bool = True  # the last item of its file (the progress bar counts files)


def is_html(name: str) -> bool:
    return name.lower().endswith(html.SUFFIXES)


def items(names: Iterable[str], read: Callable[[str], bytes]) -> Iterator[Item]:
    """The articles in the given files ("-" is stdin), in order."""
    for name in names:
        label = "<stdin>" if name == "-" else name
        path = None if name == "-" else str(Path(name).resolve())
        try:
            decoded = decode(read(name))
            if name.lower().endswith(jsonl.SUFFIXES):
                yield from _lines(label, path, decoded.text, decoded.warning)
                continue
            text = decoded.text
            if is_html(name) or (name == "-" and html.looks_like_html(text)):
                text = html.to_article(text)
        except (ReadError, OSError, UnicodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            yield Item(label, path, None, error=reason)
            continue
        yield Item(label, path, text, warning=decoded.warning)


def _lines(label: str, path: str | None, text: str, warning: str | None) -> Iterator[Item]:
    lines = list(jsonl.read_lines(text))
    if not lines:
        yield Item(label, path, None, error="no articles in the JSON Lines file")
        return
    for index, line in enumerate(lines):
        yield Item(
            f"{label}:{line.number}",
            path,
            line.text,
            line.published,
            error=line.error,
            warning=warning if index == 0 else None,
            last=index == len(lines) - 1,
        )


# ---------------------------------------------------------------------------------------------------
# Extraction, in this process or in a pool

_worker_lexicon: Lexicon | None = None
_worker_counted: CountedLexicon | None = None
_worker_notebook: Path | None = None
_worker_connection: sqlite3.Connection | None = None


def _init_worker(lexicon: Lexicon, counted: CountedLexicon | None, notebook: Path | None) -> None:
    global _worker_lexicon, _worker_counted, _worker_notebook
    # Sent once per worker, not once per article.
    _worker_lexicon, _worker_counted, _worker_notebook = lexicon, counted, notebook
    if hasattr(os, "nice"):  # Unix; added to the writer's own niceness
        os.nice(WORKER_NICENESS)
    # Ctrl-C reaches the whole process group: the writer decides when to stop, and stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract_and_plan(
    text: str,
    published: str | None,
    lexicon: Lexicon | None,
    counted: CountedLexicon | None,
    body: tuple[str, str] | None = None,
) -> tuple[Document, Planned | None]:
    """``body``: a parsed body and its content hash, passed on to the writer if it is the body
    extracted."""
    from .extract import extract_document

    document = extract_document(text, published, lexicon)
    if counted is None:
        return document, None
    from .grouping import plan

    digest = body[1] if body is not None and body[0] == document.article.body else None
    return document, plan(document.extraction, counted, digest)


def _stored(digest: str) -> int | None:
    """In a worker: the article already committed with this content hash (a read-only connection
    of its own), or None, also when the notebook cannot be read (the writer checks again anyway)."""
    global _worker_connection
    if _worker_notebook is None:
        return None
    try:
        if _worker_connection is None:
            uri = f"{_worker_notebook.resolve().as_uri()}?mode=ro"
            _worker_connection = sqlite3.connect(uri, uri=True)
        row = _worker_connection.execute(
            "select id from articles where content_hash = ?", [digest]
        ).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _extract(task: tuple[str, str | None]) -> tuple[Document | None, Planned | None, int | None]:
    from .db import content_hash

    text, published = task
    # Hashed here, not in the writer: the duplicate check and the stored hash use it.
    body = parse(text).body
    digest = content_hash(body)
    duplicate = _stored(digest)
    if duplicate is not None:
        return None, None, duplicate
    return (*_extract_and_plan(text, published, _worker_lexicon, _worker_counted, (body, digest)), None)


@dataclass(frozen=True)
class Prepared:
    item: Item
    document: Document | None = None  # None for an error or a known duplicate
    duplicate: int | None = None  # the stored article with the same text, found before extraction
    planned: Planned | None = None  # the rows' words and keys for grouping (``grouping.plan``)


def prepare(
    stream: Iterable[Item],
    published: str | None,
    lexicon: Lexicon,
    find_duplicate: Callable[[str], int | None],
    jobs: int = 1,
    counted: CountedLexicon | None = None,
    notebook: Path | None = None,
) -> Iterator[Prepared]:
    """Extract each item (``published`` overrides an item's own date), in input order; with
    ``counted``, also plan its grouping (the extracting process does it, not the writer).

    A text already stored is not extracted again. With ``jobs`` > 1 and the ``notebook`` file, each
    worker looks that up itself (``find_duplicate`` is then not called: parsing and hashing leave the
    writer). An item is checked when it is sent to extraction, up to ``jobs * CHUNK_PER_JOB + 2 *
    BATCH_ARTICLES`` items ahead of the one the writer stores, against what is committed: a repeated
    text among those is extracted twice and the writer finds the duplicate when it stores it (the
    message is the same either way).
    """

    def check(item: Item) -> Prepared | None:
        if item.text is None:
            return Prepared(item)
        duplicate = find_duplicate(parse(item.text).body)
        return Prepared(item, duplicate=duplicate) if duplicate is not None else None

    if jobs <= 1:
        for item in stream:
            ready = check(item)
            if ready is None:
                document, planned = _extract_and_plan(
                    item.text or "", published or item.published, lexicon, counted
                )
                ready = Prepared(item, document, planned=planned)
            yield ready
        return
    # A window of items in flight, refilled as the writer takes the oldest: the workers extract
    # while the writer stores (a chunk at a time left them idle while the writer caught up). The
    # writer takes a batch of articles, then stores it in one go: a window of two batches keeps the
    # workers extracting meanwhile (one of 16 left them idle most of each store, and the writer
    # then waited for each article of the next batch).
    from .db import BATCH_ARTICLES

    ahead = jobs * CHUNK_PER_JOB + 2 * BATCH_ARTICLES
    setup = (lexicon, counted, notebook)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=setup) as pool:

        def start(item: Item) -> Prepared | Future[tuple[Document | None, Planned | None, int | None]]:
            if item.text is None:
                return Prepared(item)
            ready = None if notebook is not None else check(item)
            return ready or pool.submit(_extract, (item.text, published or item.published))

        try:
            for item, waiting in _ahead(stream, start, ahead):
                if isinstance(waiting, Prepared):
                    yield waiting
                else:
                    document, planned, duplicate = waiting.result()
                    yield Prepared(item, document, duplicate, planned)
        except GeneratorExit:
            # The writer stopped early (Ctrl-C): what is queued is dropped rather than extracted.
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def extract_each(
    tasks: Iterable[tuple[str, str | None]], lexicon: Lexicon | None, jobs: int = 1
) -> Iterator[Document]:
    """Each text extracted against its reference date, in order (``reextract``); with ``jobs`` > 1
    in as many worker processes, the caller storing each result meanwhile."""
    from .extract import extract_document

    if jobs <= 1:
        for text, published in tasks:
            yield extract_document(text, published, lexicon)
        return
    setup = (lexicon, None, None)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=setup) as pool:
        try:
            started = _ahead(tasks, lambda task: pool.submit(_extract_text, task), jobs * CHUNK_PER_JOB)
            for _task, waiting in started:
                yield waiting.result()
        except GeneratorExit:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _extract_text(task: tuple[str, str | None]) -> Document:
    from .extract import extract_document

    text, published = task
    return extract_document(text, published, _worker_lexicon)


def _ahead(tasks: Iterable[T], start: Callable[[T], R], ahead: int) -> Iterator[tuple[T, R]]:
    """Each task with what ``start`` made of it (a worker's future), in order, each started up to
    ``ahead`` tasks before the caller takes it: the workers run while the caller stores."""
    iterator = iter(tasks)
    pending: deque[tuple[T, R]] = deque()
    while True:
        pending.extend((task, start(task)) for task in islice(iterator, ahead - len(pending)))
        if not pending:
            return
        yield pending.popleft()
