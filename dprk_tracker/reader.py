"""Reading articles: decoding files and recognizing their structure.

Three layouts are recognized by their shape, never by their words:

* the aggregator export (the seed format): a title line, a line holding a number, an id line, a
  summary paragraph, body paragraphs, an ``Original Source: …`` line, then comment-form boilerplate;
* Markdown or plain text with optional ``---`` front matter (title, date/published, source, url) and
  an optional ``# heading`` for the title;
* a news dateline at the start of the body ("SEOUL, March 5 (Yonhap) --") giving place and date.

Parsing never moves text: the result keeps the decoded input and lists the spans that are metadata
or boilerplate, so extraction can blank them out and keep offsets into the original.
"""

from __future__ import annotations

import contextlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


class ReadError(ValueError):
    """An input that is not an article (binary, empty)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


@dataclass(frozen=True)
class ArticleText:
    """An article's text with its structure recognized."""

    text: str  # the decoded input, untouched
    title: str | None = None
    summary: str | None = None
    source: str | None = None
    url: str | None = None
    external_id: str | None = None
    date: str | None = None  # the date the document states for itself, as written
    date_origin: str | None = None  # "metadata" | "dateline"
    place: str | None = None
    dateline: tuple[int, int] | None = None  # the dateline's span: when the story was filed, no event
    headline: tuple[int, int] | None = None  # the title's line, when the title is in the text
    content_end: int = 0  # the article ends here; what follows is boilerplate
    skipped: list[tuple[int, int]] = field(default_factory=list)  # metadata spans, not content
    # Paragraphs that restate the story: the aggregator's summary, an "In conclusion, ..." paragraph.
    restatements: list[tuple[int, int]] = field(default_factory=list)

    @property
    def body(self) -> str:
        """What is stored: the input up to the end of the article (offsets stay valid)."""
        return self.text[: self.content_end]

    def content(self) -> str:
        """The text with metadata blanked out (same length, so offsets are unchanged)."""
        return blank_spans(self.text[: self.content_end], self.skipped)  # parse's spans are >= 0


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character of the spans (offsets >= 0, in any order, overlapping or past
    the end) but newlines turned into a blank: slice by slice, not character by character."""
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        parts.append(text[pos:start])
        parts.append("\n".join(" " * len(line) for line in text[start:end].split("\n")))
        pos = end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


@lru_cache(maxsize=1)
def _vocabulary() -> dict:
    text = resources.files("dprk_tracker.resources").joinpath("reader.toml").read_text("utf-8")
    return tomllib.loads(text)


def restates(text: str, start: int) -> bool:
    """Whether the paragraph at ``start`` opens as a restatement of the story ("In conclusion, ...")."""
    return _restatement().match(text, start) is not None


@lru_cache(maxsize=1)
def _restatement() -> re.Pattern[str]:
    """The opening of a paragraph that restates the story ("In conclusion, ...")."""
    return re.compile(_vocabulary()["restatement"], re.I)


@lru_cache(maxsize=1)
def _line_patterns() -> tuple[re.Pattern[str], list[re.Pattern[str]], re.Pattern[str]]:
    """The source-line, boilerplate and dateline patterns, compiled once. The boilerplate patterns
    become one alternation when none has a group (nothing to renumber): one match per line."""
    vocab = _vocabulary()
    boilerplate = [re.compile(p, re.I) for p in vocab["boilerplate"]]
    if boilerplate and all(p.groups == 0 for p in boilerplate):
        with contextlib.suppress(re.error):  # e.g. a pattern's own global flags: keep them apart
            boilerplate = [re.compile("|".join(f"(?:{p.pattern})" for p in boilerplate), re.I)]
    return re.compile(vocab["source_line"], re.I), boilerplate, re.compile(vocab["dateline"])


# ---------------------------------------------------------------------------------------------------
# Decoding


def decode(data: bytes) -> Decoded:
    """Decode bytes as UTF-8, falling back to Windows-1252 with a warning; refuse binary data."""
    if not data.strip():
        raise ReadError("empty file")
    if b"\x00" in data[:8192] or _looks_binary(data[:8192]):
        raise ReadError("binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        return Decoded(text, "cp1252", f"not valid UTF-8 (byte {exc.start}); decoded as Windows-1252")


# Control bytes that text does not hold (tab, newline, form feed, carriage return and escape aside).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(head: bytes) -> bool:
    # (counted in C by what deleting them removes, not byte by byte in Python: asked of every file)
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return len(head) > 0 and controls / len(head) > 0.05


# ---------------------------------------------------------------------------------------------------
# Structure

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_NUMBER_LINE = re.compile(r"^\s*\d+\s*$")
_ID_LINE = re.compile(r"^\s*[0-9A-Za-z][0-9A-Za-z_-]{7,}\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_HEADLINE_MAX_CHARS = 200  # longer first lines are paragraphs
_SENTENCE_ENDS = (".", "!", "?", '"', "\u201d")
_KICKER_LINES = 2  # "U.S. DEPARTMENT OF THE TREASURY" / "PRESS RELEASES" / the headline
_KICKER_WORDS = 6
_HEADLINE_MIN_WORDS = 5  # with letters: "channel · 48 213 subscribers" is no headline
# A byline or a masthead's tagline ("Published daily by ...") is no headline, nor a label over one.
_NOT_HEADLINE_OPENERS = frozenset({"by", "published", "updated", "posted"})
# A sentence's end, before a closing quote, bracket or note mark ("began in 2023.[1]"); a headline
# may ask a question.
_ENDS_SENTENCE = re.compile(r"[.!](?:\[\d+\]|[\"”’)\]])*\s*$")
_HEADER_LINES = 4  # lines under the headline that may name the outlet (byline, agency, date)
_BYLINE_LINE_CHARS = 100
_PARENTHESIS_AT_END = re.compile(r"\s*\([^()]*\)\s*$")
_STORY_WORDS = 8  # a sentence this long after a source line is the story going on, not a credit
_DATELINE_LINES = 4  # the dateline's line and the short lines a wire update puts before it
_URL = re.compile(r"https?://\S+|(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?", re.I)


# A line holding more than whitespace, newline excluded (``\S`` is what ``str.strip`` keeps).
_FILLED_LINE = re.compile(r"[^\n]*\S[^\n]*")


def first_line(text: str) -> str:
    """The text's first line that is not blank, its whitespace folded (as a title read from it is)."""
    found = _FILLED_LINE.search(text)
    return _clean(found.group()) or "" if found else ""


def _filled_lines(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each line from ``start`` that is not blank, end excluding the newline: found
    by the regex engine in one pass rather than line by line."""
    return [match.span() for match in _FILLED_LINE.finditer(text, start)]


def parse(text: str) -> ArticleText:
    """Recognize an article's structure in decoded text."""
    source_line, boilerplate, dateline_pattern = _line_patterns()
    skipped: list[tuple[int, int]] = []
    meta: dict[str, str] = {}
    cursor = 0

    front = _FRONT_MATTER.match(text)
    if front:
        for line in front.group(1).splitlines():
            kv = _KEY_VALUE.match(line)
            if kv:
                meta[kv.group(1).lower()] = kv.group(2).strip().strip("\"'")
        skipped.append((0, front.end()))
        cursor = front.end()

    lines = _filled_lines(text, cursor)
    title = _clean(meta.get("title"))
    summary = None
    external_id = _clean(meta.get("id"))
    restatements: list[tuple[int, int]] = []
    body_lines = lines
    headline = None

    labels: list[tuple[int, int]] = []
    if lines and not title:
        kickers = _kickers(text, lines, dateline_pattern, source_line)
        # A section label or an outlet's name above the headline is page furniture.
        labels = lines[:kickers]
        skipped.extend(labels)
        lines = lines[kickers:]
        first = text[lines[0][0] : lines[0][1]]
        heading = _HEADING.match(first)
        title = _clean(heading.group(1) if heading else first)
        # A headline, if text follows and it reads as one: a first line that ends a sentence or runs
        # long is the story's opening (a text pasted without its title), whose times are events.
        if len(lines) > 1 and len(first) <= _HEADLINE_MAX_CHARS and not first.rstrip().endswith("."):
            headline = lines[0]
        if heading:
            # The markup is not content; the heading words are.
            skipped.append((lines[0][0], lines[0][0] + first.index(heading.group(1))))
        body_lines = lines[1:]

    # Aggregator export: a number line and an id line right after the title, then the summary.
    if (
        len(body_lines) >= 3
        and _NUMBER_LINE.match(text[slice(*body_lines[0])])
        and _ID_LINE.match(text[slice(*body_lines[1])])
    ):
        skipped.extend(body_lines[:2])
        external_id = external_id or text[slice(*body_lines[1])].strip()
        summary = _clean(text[slice(*body_lines[2])])
        restatements.append(body_lines[2])
        body_lines = body_lines[2:]

    content_end = len(text)
    source = _clean(meta.get("source"))
    url = _clean(meta.get("url") or meta.get("link"))
    prose = False  # whether a line of the story has been read (a sentence ends it)
    story_after: list[bool] | None = None  # per line: story sentences follow it (found when needed)
    for index, (start, end) in enumerate(body_lines):
        line = text[start:end]
        found = source_line.match(line)
        if found:
            if prose and story_after is None:
                story_after = _stories_after(text, body_lines, boilerplate)
            # A label inside the story ("Source: HUR on Telegram", then "Details: ...") names the
            # paragraph's source, not the outlet, and ends nothing.
            inside = prose and story_after is not None and story_after[index]
            value = found.group("value").strip()
            if not source and not inside:
                source = _source_name(value)
            if not url and not inside and _URL.fullmatch(value) and "." in value:
                url = value if value.startswith("http") else None
            if not prose or inside:
                continue  # a header's "Source: Xinhua" above the story names the outlet, ends nothing
            content_end = start
            break
        prose = prose or line.rstrip().endswith(_SENTENCE_ENDS)
        if any(p.match(line) for p in boilerplate):
            content_end = start
            break
    while content_end > 0 and text[content_end - 1].isspace():
        content_end -= 1

    date = _clean(meta.get("published") or meta.get("date"))
    date_origin = "metadata" if date else None
    place = None
    dateline_span = None
    content_lines = [span for span in body_lines if span[0] < content_end]
    restatement = _restatement()
    restatements.extend(span for span in content_lines[1:] if restatement.match(text, *span))
    skipped.extend(_post_numbers(text, content_lines))
    if content_lines:
        # The dateline opens the story, after a wire update's note and byline at most ("(Adds
        # details in paragraphs 4-6)", "By Joyce Lee"), or after the summary.
        dateline = None
        for index, (start, end) in enumerate(content_lines[:_DATELINE_LINES]):
            dateline = dateline_pattern.match(text, start, end)
            if dateline or (end - start > _HEADLINE_MAX_CHARS and not (index == 0 and summary is not None)):
                break
        if dateline:
            place = (dateline.group("place") or dateline.group("undated_place") or "").strip().title() or None
            dateline_span = dateline.span()
            if not date and dateline.group("date"):
                date, date_origin = dateline.group("date"), "dateline"
            agency = next(filter(None, dateline.group("agency", "bare_agency", "undated_agency")), None)
            if not source and agency:
                source = agency.strip()

    if not source:
        source = _named_outlet(text, labels + body_lines[:_HEADER_LINES])

    return ArticleText(
        text=text,
        title=title,
        summary=summary,
        source=source,
        url=url,
        external_id=external_id,
        date=date,
        date_origin=date_origin,
        place=place,
        dateline=dateline_span,
        headline=headline,
        content_end=content_end,
        skipped=skipped,
        restatements=restatements,
    )


def _kickers(
    text: str, lines: list[tuple[int, int]], dateline: re.Pattern[str], source_line: re.Pattern[str]
) -> int:
    """How many label lines stand above the headline (0-2): a short line with no digits, such as
    "EXPLAINER", "Commentary", "The Kyiv Independent", "TradeWinds | Insurance", followed by a longer
    line that reads as a headline. A standfirst under a short headline ends with a period; after a
    label in capitals or with a bar the headline may ("... Plan for it.")."""
    for count in range(min(_KICKER_LINES, len(lines) - 1)):
        label = text[slice(*lines[count])].strip()
        words = [w for w in label.split() if any(c.isalpha() for c in w)]
        if (
            not words
            or len(words) > _KICKER_WORDS
            or any(c.isdigit() for c in label)
            or label.endswith((*_SENTENCE_ENDS, ":"))
            or _HEADING.match(label)
            or words[0].lower() in _NOT_HEADLINE_OPENERS
        ):
            return 0
        headline = text[slice(*lines[count + 1])].strip()
        headline_words = [w for w in headline.split() if any(c.isalpha() for c in w)]
        if (
            len(headline_words) >= _HEADLINE_MIN_WORDS
            and len(headline_words) > len(words)
            and len(headline) <= _HEADLINE_MAX_CHARS
            and not _label_like(headline)
            and headline_words[0].lower() not in _NOT_HEADLINE_OPENERS
            # (under a second label, a sentence is more likely the story's first paragraph)
            and not (_ENDS_SENTENCE.search(headline) and not (count == 0 and _label_like(label)))
            and not dateline.match(headline)
            and not source_line.match(headline)
        ):
            return count + 1
    return 0


def _post_numbers(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The numbers of a thread's posts ("1/", "2/12") at the start of its lines, when two or more
    lines start so: page furniture, which would otherwise join the words after it ("3/ late Oct.")."""
    pattern = _post_number_pattern()
    found = [m.span(1) for m in (pattern.match(text, start, end) for start, end in lines) if m]
    return found if len(found) >= 2 else []


@lru_cache(maxsize=1)
def _post_number_pattern() -> re.Pattern[str]:
    return re.compile(_vocabulary()["post_number"])


def _named_outlet(text: str, lines: list[tuple[int, int]]) -> str | None:
    """The outlet a label or a byline line names ("The Kyiv Independent", "JoongAng Daily | North
    Korea", "Associated Press", "The Dong-A Ilbo (English edition)"), up to the first paragraph."""
    outlets = _outlets()
    for start, end in lines:
        line = text[start:end].strip()
        if len(line) > _BYLINE_LINE_CHARS or _ENDS_SENTENCE.search(line):
            return None  # the story has begun
        for part in _PARENTHESIS_AT_END.sub("", line).split("|"):
            name = outlets.get(_outlet_key(part))
            if name is not None:
                return name
    return None


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    """Each spelling of an outlet's name (folded) → the name shown."""
    return {
        _outlet_key(spelling): name
        for name, aliases in _vocabulary().get("outlets", {}).items()
        for spelling in (name, *aliases)
    }


def _outlet_key(name: str) -> str:
    folded = " ".join(name.lower().split())
    return folded.removeprefix("the ")


def _label_like(line: str) -> bool:
    """A section label rather than a headline: in capitals or with a bar ("OPINION | GUEST ESSAY")."""
    return "|" in line or line.upper() == line


def _stories_after(text: str, lines: list[tuple[int, int]], boilerplate: list[re.Pattern[str]]) -> list[bool]:
    """For each line, whether story sentences come after it before any footer: then a source line
    there labels a paragraph's source, as Ukrainian outlets write "Source: ..., Details: ...,
    Quote: ...", and does not end the article as a page's closing "Original Source: www.dailynk.com"
    does. One pass from the end (a text of many source lines is not read again for each)."""
    after = [False] * len(lines)
    following = False
    for index in range(len(lines) - 1, -1, -1):
        after[index] = following
        line = text[slice(*lines[index])]
        if any(p.match(line) for p in boilerplate):
            following = False  # a footer: what comes after it is not the story
        elif line.rstrip().endswith(_SENTENCE_ENDS) and len(line.split()) >= _STORY_WORDS:
            following = True
    return after


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _source_name(value: str) -> str:
    """An outlet's name, or a bare domain for a URL ("https://www.dailynk.com/x" → "www.dailynk.com")."""
    match = re.match(r"^(?:https?://)?([^/\s]+\.[^/\s]+)(?:/.*)?$", value.strip())
    return match.group(1) if match else value.strip()
