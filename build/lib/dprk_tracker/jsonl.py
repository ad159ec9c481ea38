"""JSON Lines files of articles: one JSON object per line, e.g. a news API or scraper export.

Each line holds ``text`` (required) and optionally ``title``, ``published``, ``source``, ``url`` and
``id``. The line becomes Markdown with front matter (title, published, source, url, id) followed by
the text, so the reader parses it like any other article and offsets refer to the stored text. A
line's ``published`` is thus the document's own date (``--published``, when given, wins over it). A
bad line is reported with its number and the rest go on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .extract import DateError, reference_from_option

SUFFIXES = (".jsonl",)
_META = ("title", "published", "source", "url", "id")
_TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d")  # an API timestamp: its day is the date


@dataclass(frozen=True)
class Line:
    number: int
    text: str | None  # the article as the reader parses it; None when the line is bad
    published: str | None = None
    error: str | None = None


def _field(item: dict, key: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f'"{key}" is not a string')
    return " ".join(value.split()) or None


def article_text(item: dict, published: str | None = None) -> str:
    """The reader's form of one line: front matter for the metadata, then the text untouched."""
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError('missing "text"')
    meta = [(key, published if key == "published" else _field(item, key)) for key in _META]
    lines = [f"{key}: {value}" for key, value in meta if value]
    if not lines:
        return text
    return "---\n" + "\n".join(lines) + "\n---\n" + text


def read_lines(text: str) -> Iterator[Line]:
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
        except ValueError as exc:
            yield Line(number, None, error=f"not JSON ({exc.msg})")
            continue
        try:
            if not isinstance(item, dict):
                raise ValueError("expected a JSON object")
            published = _field(item, "published")
            if published and _TIMESTAMP.match(published):
                published = published[:10]
            if published:
                reference_from_option(published)
            # In the front matter, not as an option: the summary then says the document gave it.
            yield Line(number, article_text(item, published))
        except (ValueError, DateError) as exc:
            yield Line(number, None, error=str(exc))
