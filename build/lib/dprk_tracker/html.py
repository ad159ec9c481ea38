"""HTML pages as articles: title, publication date and main text, as Markdown with front matter.

The main text (no navigation, no comments) comes from trafilatura, an optional extra
(``pip install 'dprk-tracker[html]'``). The page's own metadata is read here with the standard
library, in this order, because it is explicit and deterministic: ``article:published_time`` and
similar ``<meta>`` tags (``og:``, Dublin Core, ``pubdate``), JSON-LD ``datePublished``, then
``<time datetime>`` (one marked as the publication date first). trafilatura's own date guess is not
used: it may come from the text or the URL, and a wrong date silently shifts every relative date.

The result is the text the reader parses (front matter with title, date, source, url; then the
body), so stored offsets refer to the stored text.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlparse

from .reader import ReadError

MISSING = "HTML needs the html extra: pip install 'dprk-tracker[html]'"
SUFFIXES = (".html", ".htm")

# <meta> names and properties that state when an article was published, most specific first.
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
)
_ISO_DAY = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ]|$)")


class HtmlError(ReadError):
    """An HTML page that cannot be read as an article (or the html extra is missing)."""


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<html" in head and "<head" in head)


def require() -> Any:
    """The trafilatura module, or HtmlError with the one-line install hint."""
    try:
        import trafilatura
    except ImportError as exc:
        # A half-installed extra (e.g. lxml without lxml_html_clean) says what is missing too.
        detail = "" if exc.name == "trafilatura" else f" ({exc.name or exc} is missing)"
        raise HtmlError(MISSING + detail) from None
    return trafilatura


class _Metadata(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.canonical: str | None = None
        self.json_ld: list[str] = []
        self.times: list[tuple[bool, str]] = []  # (marked as publication date, datetime)
        self._in: str | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and values.get("content") and key not in self.meta:
                self.meta[key] = values["content"].strip()
        elif tag == "link" and "canonical" in values.get("rel", "").lower() and values.get("href"):
            self.canonical = self.canonical or values["href"].strip()
        elif tag == "time" and values.get("datetime"):
            marked = values.get("itemprop", "").lower() == "datepublished" or "pubdate" in values
            self.times.append((marked, values["datetime"].strip()))
        elif tag == "title" and not self.title:
            self._in, self._buffer = "title", []
        elif tag == "script" and "ld+json" in values.get("type", "").lower():
            self._in, self._buffer = "ld", []

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._in == "title" and tag == "title":
            self.title = " ".join("".join(self._buffer).split())
            self._in = None
        elif self._in == "ld" and tag == "script":
            self.json_ld.append("".join(self._buffer))
            self._in = None


def _ld_date(blocks: list[str]) -> str | None:
    def walk(node: Any) -> str | None:
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str) and value.strip():
                return value.strip()
            for child in node.values():
                found = walk(child)
                if found:
                    return found
        elif isinstance(node, list):
            for child in node:
                found = walk(child)
                if found:
                    return found
        return None

    for block in blocks:
        try:
            found = walk(json.loads(block))
        except ValueError:
            continue  # broken JSON-LD is common; the other sources remain
        if found:
            return found
    return None


def _day(value: str | None) -> str | None:
    """An ISO timestamp as its day ("2025-03-05T09:00:00+09:00" → "2025-03-05"); other text as is."""
    if not value:
        return None
    match = _ISO_DAY.match(value)
    return match.group(1) if match else " ".join(value.split())


def _one_line(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None


def to_article(page: str, *, url: str | None = None) -> str:
    """The page as Markdown with front matter (title, date, source, url) and its main text."""
    trafilatura = require()
    parser = _Metadata()
    try:
        parser.feed(page)
        parser.close()
    except Exception:  # a malformed page still has text for trafilatura
        pass
    meta = parser.meta
    marked = [value for is_marked, value in parser.times if is_marked]
    date = next((meta[k] for k in _DATE_META if meta.get(k)), None)
    date = date or _ld_date(parser.json_ld) or (marked[0] if marked else None)
    date = date or (parser.times[0][1] if parser.times else None)
    extracted = trafilatura.extract(
        page, include_comments=False, include_tables=True, output_format="txt", favor_precision=True
    )
    if not extracted or not extracted.strip():
        raise HtmlError("no article text found in the page")
    details = trafilatura.extract_metadata(page)
    page_url = meta.get("og:url") or parser.canonical or url or (details.url if details else None)
    source = meta.get("og:site_name") or (details.sitename if details else None)
    if not source and page_url:
        source = urlparse(page_url).hostname
    # trafilatura's title drops the " | Site Name" a <title> usually carries; <title> is the fallback.
    title = meta.get("og:title") or (details.title if details else None) or parser.title
    fields = {"title": title, "date": _day(date), "source": source, "url": page_url}
    lines = ["---", *(f"{k}: {_one_line(v)}" for k, v in fields.items() if _one_line(v)), "---"]
    # One paragraph per line from trafilatura; blank lines between keep sentences from running on.
    body = "\n\n".join(line.strip() for line in extracted.splitlines() if line.strip())
    return "\n".join(lines) + "\n" + body + "\n"
