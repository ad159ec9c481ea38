"""Finding the files to ingest: folders walked safely, oversize and unreadable files reported."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md")
DEFAULT_MAX_SIZE = 20 * 1024 * 1024


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True)
class Missing:
    """A path given that names no article: not there, or a folder without any."""

    path: str
    message: str


def discover(
    paths: Iterable[str], *, suffixes: tuple[str, ...] = ARTICLE_SUFFIXES, max_size: int = DEFAULT_MAX_SIZE
) -> Iterator[str | Skipped | Missing]:
    """Yield each file to read ("-" for stdin), a Skipped note or a Missing path, in a stable order.

    A file named twice (a folder and a file in it, or two links to it) is yielded once, where it
    comes first. Folders are walked recursively following symbolic links, but a folder already
    visited (a link loop, or two links to one place) is skipped once and reported, so the walk
    always ends.
    """
    seen: set[str] = set()

    def first_time(item: str | Skipped) -> bool:
        key = os.path.realpath(item if isinstance(item, str) else item.path)
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found_any = False
            for item in _walk(path, suffixes, max_size):
                found_any = found_any or isinstance(item, str)
                if first_time(item):
                    yield item
            if not found_any:
                yield Missing(raw, f"no articles ({', '.join('*' + s for s in suffixes)}) in folder {raw}")
            continue
        if path.is_file():
            item = _check_size(raw, max_size)
        elif path.is_symlink():
            item = Skipped(raw, "broken symbolic link")
        elif path.exists():
            item = Skipped(raw, "not a regular file")
        else:
            yield Missing(raw, f"no such file or folder: {raw}")
            continue
        if first_time(item):
            yield item


def _walk(root: Path, suffixes: tuple[str, ...], max_size: int) -> Iterator[str | Skipped]:
    seen: set[tuple[int, int]] = set()
    errors: list[Skipped] = []

    def on_error(error: OSError) -> None:
        errors.append(Skipped(str(error.filename), error.strerror or str(error)))

    for folder, dirs, files in os.walk(root, followlinks=True, onerror=on_error):
        yield from errors
        errors.clear()
        try:
            stat = os.stat(folder)
        except OSError as exc:
            yield Skipped(folder, exc.strerror or str(exc))
            dirs[:] = []
            continue
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            yield Skipped(folder, "folder already visited (symbolic link loop)")
            dirs[:] = []
            continue
        seen.add(key)
        dirs.sort()
        for name in sorted(files):
            if not name.lower().endswith(suffixes):
                continue
            full = os.path.join(folder, name)
            if os.path.islink(full) and not os.path.exists(full):
                yield Skipped(full, "broken symbolic link")
                continue
            yield _check_size(full, max_size)
    yield from errors


def _check_size(path: str, max_size: int) -> str | Skipped:
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        return Skipped(path, exc.strerror or str(exc))
    if size > max_size:
        return Skipped(path, f"larger than the size limit ({size:,} > {max_size:,} bytes; see --max-size)")
    if not os.access(path, os.R_OK):
        return Skipped(path, "permission denied")
    return path
