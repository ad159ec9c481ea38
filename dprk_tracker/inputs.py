"""What ``ingest`` reads: files become items (one per article), items become extracted documents.

A plain or Markdown file is one item; an HTML page is one item (converted by ``html``); a JSON Lines
file is one item per line (``jsonl``). A file or line that cannot be read becomes an item carrying
its error, so the caller reports it and goes on.

Extraction can run in N worker processes (``prepare(..., jobs=N)``): items are taken in chunks, the
texts of each chunk are mapped over a process pool in order, and the caller — the only writer —
stores the results one transaction per article, in input order. So the output is the same for any N.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from . import html, jsonl
from .reader import ReadError, decode, parse

if TYPE_CHECKING:
    from .extract import Document
    from .topics import Lexicon

SUFFIXES = (".txt", ".md", *html.SUFFIXES, *jsonl.SUFFIXES)
CHUNK_PER_JOB = 4  # items per worker per round: enough to keep workers busy, little held in memory


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


def _init_worker(lexicon: Lexicon) -> None:
    global _worker_lexicon
    _worker_lexicon = lexicon  # sent once per worker, not once per article


def _extract(task: tuple[str, str | None]) -> Document:
    from .extract import extract_document

    text, published = task
    return extract_document(text, published, _worker_lexicon)


@dataclass(frozen=True)
class Prepared:
    item: Item
    document: Document | None = None  # None for an error or a known duplicate
    duplicate: int | None = None  # the stored article with the same text, found before extraction


def prepare(
    stream: Iterable[Item],
    published: str | None,
    lexicon: Lexicon,
    find_duplicate: Callable[[str], int | None],
    jobs: int = 1,
) -> Iterator[Prepared]:
    """Extract each item (``published`` overrides an item's own date), in input order.

    A text already stored is not extracted again. Within one chunk a repeated text is extracted
    twice and the writer finds the duplicate when it stores it: the message is the same either way.
    """
    from .extract import extract_document

    def check(item: Item) -> Prepared | None:
        if item.text is None:
            return Prepared(item)
        duplicate = find_duplicate(parse(item.text).body)
        return Prepared(item, duplicate=duplicate) if duplicate is not None else None

    if jobs <= 1:
        for item in stream:
            ready = check(item)
            if ready is None:
                document = extract_document(item.text or "", published or item.published, lexicon)
                ready = Prepared(item, document)
            yield ready
        return
    iterator = iter(stream)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(lexicon,)) as pool:
        while chunk := list(islice(iterator, jobs * CHUNK_PER_JOB)):
            checked = [check(item) for item in chunk]
            tasks = [
                (item.text or "", published or item.published)
                for item, ready in zip(chunk, checked, strict=True)
                if ready is None
            ]
            documents = iter(pool.map(_extract, tasks))
            for item, ready in zip(chunk, checked, strict=True):
                yield ready or Prepared(item, next(documents))
