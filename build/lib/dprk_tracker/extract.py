"""The extraction pipeline: article text in, dated events and figures out.

``extract(text, published)`` is a pure function of its input. It reads the article's structure,
settles the reference date (option > the document's own date > inferred from the text > none),
recognizes times, anchors events to them, recognizes figures and gives each a topic and an as-of
date. Recognition lives in ``times`` and ``figures``; this module only assembles.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import reader
from .dates import DateError, reference_bound, reference_from_option
from .figures import find_quantities
from .model import EXTRACTOR_VERSION, Event, Extraction, Figure, Quantity, Reference, TimeExpr
from .text import clause_spans, sentence_spans
from .times import anchor_interval, explicit_years, parse_date, recognize_times, resolve_times
from .topics import Classifier, Lexicon, Span, default_lexicon

__all__ = [
    "EXTRACTOR_VERSION",
    "DateError",
    "Document",
    "extract",
    "extract_document",
    "reference_from_option",
]


# Values that name no period a timeline can place ("now", "recently").
_VAGUE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_DATABLE_TYPES = ("DATE", "TIME")  # the times an event or a figure can be dated by


@dataclass(frozen=True)
class Document:
    """An article as read, with what was extracted from it."""

    article: reader.ArticleText
    reference: Reference | None
    extraction: Extraction


def extract(text: str, published: str | None = None, lexicon: Lexicon | None = None) -> Extraction:
    """Extract times, events and figures from one article's text."""
    return extract_document(text, published, lexicon).extraction


def extract_document(text: str, published: str | None = None, lexicon: Lexicon | None = None) -> Document:
    article = reader.parse(text)
    content = article.content()
    topics = Classifier(lexicon or default_lexicon(), content)

    # One scan of the text and one normalization: the years it names (to infer a reference date) are
    # read from the recognition, without normalizing the text a first time against no reference.
    recognized = recognize_times(content)
    years: list[int] | None = None  # computed at most once

    def named_years() -> list[int]:
        nonlocal years
        if years is None:
            years = explicit_years(recognized)
        return years

    reference = reference_from_option(published) if published else None
    if reference is None and article.date:
        reference = _document_reference(article.date, named_years)
    if reference is None:
        reference = _inferred_reference(named_years())
    times = resolve_times(recognized, reference)

    sentences = _Sentences(content, sentence_spans(content), times)
    events = _events(content, sentences, topics)
    quantities = find_quantities(content, times)
    bounds = _ReferenceBounds(reference)
    figures = [_figure(content, q, sentences, reference, bounds, topics) for q in quantities]
    extraction = Extraction(
        title=article.title,
        published=reference.value if reference else None,
        published_source=reference.source if reference else None,
        precision=reference.precision if reference else None,
        times=times,
        events=events,
        figures=figures,
    )
    return Document(article, reference, extraction)


def _document_reference(date: str, named_years: Callable[[], list[int]]) -> Reference | None:
    parsed = parse_date(date)
    if parsed is not None:
        return Reference(parsed.value, parsed.precision, "document")
    # A dateline often omits the year ("SEOUL, March 5"): take it from the text's latest year.
    year = _inferred_reference(named_years())
    if year is not None:
        parsed = parse_date(f"{date} {year.value}")
        if parsed is not None:
            return Reference(parsed.value, parsed.precision, "document")
    return None


def _inferred_reference(years: Sequence[int]) -> Reference | None:
    """The latest explicit year the text names (``times.explicit_years``), when nothing better exists."""
    if not years:
        return None
    return Reference(str(max(years)), "year", "inferred")


def _enclosing(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    for span in spans:
        if span[0] <= start and end <= span[1]:
            return span
    for span in spans:
        if span[0] < end and start < span[1]:
            return span
    return (start, end)


class _Sentences:
    """The article's sentences, with lookups by offset (bisect: articles have hundreds of sentences,
    dozens of times and figures) and each sentence's datable times and clauses computed once."""

    def __init__(self, text: str, spans: list[tuple[int, int]], times: Sequence[TimeExpr]) -> None:
        self.text = text
        self.spans = spans
        self._starts = [span[0] for span in spans]
        self.datable = [t for t in times if t.type in _DATABLE_TYPES and t.value not in _VAGUE_VALUES]
        self._datable_starts = [t.start for t in self.datable]
        self._clauses: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self.times = list(times)
        # An event and the figures dated by the same time ask for its interval: compute it once.
        self._anchors: dict[int, tuple[str | None, str | None, str | None]] = {}

    def enclosing(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding [start, end), else the first one overlapping it, else the span itself."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and end <= self.spans[i][1]:
            return self.spans[i]
        # Straddling a sentence break (rare): the first sentence that overlaps the span.
        i = max(i, 0)
        while i > 0 and self.spans[i - 1][1] > start:
            i -= 1
        while i < len(self.spans) and self.spans[i][1] <= start:
            i += 1
        if i < len(self.spans) and self.spans[i][0] < end:
            return self.spans[i]
        return (start, end)

    def datable_in(self, start: int, end: int) -> list[TimeExpr]:
        """Datable times that start inside [start, end)."""
        lo = bisect.bisect_left(self._datable_starts, start)
        hi = bisect.bisect_left(self._datable_starts, end)
        return self.datable[lo:hi]

    def several_datable_in(self, start: int, end: int) -> bool:
        """Whether more than one datable time starts inside [start, end)."""
        starts = self._datable_starts
        return bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start) > 1

    def clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        found = self._clauses.get((start, end))
        if found is None:
            found = self._clauses[(start, end)] = clause_spans(self.text, start, end)
        return found

    def anchor(self, time: TimeExpr) -> tuple[str | None, str | None, str | None]:
        """``anchor_interval`` of one of the article's times (each time object lives as long as this)."""
        found = self._anchors.get(id(time))
        if found is None:
            found = self._anchors[id(time)] = anchor_interval(time, self.text, self.times)
        return found


def _events(text: str, sentences: _Sentences, topics: Classifier) -> list[Event]:
    """One event per DATE expression: its sentence, or its clause when the sentence has several."""
    events: list[Event] = []
    for time in sentences.datable:
        start, end = sentences.enclosing(time.start, time.end)
        if sentences.several_datable_in(start, end):
            clause = _enclosing(sentences.clauses(start, end), time.start, time.end)
            # A clause holding only the date says nothing: keep the sentence then.
            if len(text[clause[0] : clause[1]]) - len(time.text) > 12:
                start, end = clause
        earliest, latest, mod = sentences.anchor(time)
        # (positional, in the field order of Event: matching 14 keywords by name cost more than the
        # rest of the call)
        events.append(
            Event(
                time.value,  # when
                time.mod,  # mod
                mod if mod != time.mod else None,  # relation
                earliest,
                latest,
                time.precision,  # precision
                time.earliest or time.latest,  # sort_date
                time.text,  # time_text
                time.start,  # time_start
                time.end,  # time_end
                text[start:end],  # text
                start,
                end,
                topics.classify((start, end)),  # topic
            )
        )
    return events


class _ReferenceBounds:
    """The first and last day of the reference date, which dates a figure that no time in its
    sentence dates: worked out once per article, when a figure first needs it."""

    def __init__(self, reference: Reference | None) -> None:
        self.reference = reference
        self._bounds: tuple[str | None, str | None] | None = None

    def get(self) -> tuple[str | None, str | None]:
        if self._bounds is None:
            self._bounds = (reference_bound(self.reference, True), reference_bound(self.reference, False))
        return self._bounds


def _figure(
    text: str,
    quantity: Quantity,
    sentences: _Sentences,
    reference: Reference | None,
    bounds: _ReferenceBounds,
    topics: Classifier,
) -> Figure:
    s_start, s_end = sentences.enclosing(quantity.start, quantity.end)
    as_of = _governing_time(quantity, sentences, s_start, s_end)
    # A figure is a measurement at its as-of date: "over 3,000 killed by early 2025" is dated early
    # 2025 (the relation "by" is kept, but the open start would put it in every earlier window).
    if as_of is not None:
        relation = sentences.anchor(as_of)[2]
        when, when_mod, earliest, latest = as_of.value, as_of.mod, as_of.earliest, as_of.latest
        relation = relation if relation != as_of.mod else None
        precision = as_of.precision
    else:
        earliest, latest = bounds.get()
        when, when_mod, relation = (reference.value if reference else None), None, None
        precision = reference.precision if reference else None
    # (positional, in the field order of Figure, as for Event)
    return Figure(
        quantity.text,  # text
        quantity.start,  # start
        quantity.end,  # end
        quantity.low,  # low
        quantity.high,  # high
        quantity.qualifier,  # qualifier
        quantity.unit,  # unit
        quantity.currency,  # currency
        quantity.percent,  # percent
        _figure_topic(quantity, text, (s_start, s_end), topics),  # topic
        when,
        when_mod,
        relation,
        earliest,
        latest,
        precision,
        text[s_start:s_end],  # sentence
    )


def _figure_topic(quantity: Quantity, text: str, sentence: Span, topics: Classifier) -> str:
    if quantity.currency:
        return topics.classify("$") if topics.has_topic("money") else topics.classify(sentence)
    counted: Span | None = None
    # (the slice only tells an empty noun phrase, which gives way to the unit, from a real one)
    if (
        quantity.unit_start is not None
        and quantity.unit_end is not None
        and text[quantity.unit_start : quantity.unit_end]
    ):
        counted = (quantity.unit_start, quantity.unit_end)
    # A share ("40% of their initial deployment") is about what its sentence is about.
    if quantity.percent:
        return topics.classify(sentence, counted)
    return topics.classify(counted or quantity.unit, sentence)


def _governing_time(quantity: Quantity, sentences: _Sentences, s_start: int, s_end: int) -> TimeExpr | None:
    """The date of the figure's clause, else the nearest date of its sentence."""
    in_sentence = sentences.datable_in(s_start, s_end)
    if len(in_sentence) < 2:
        return in_sentence[0] if in_sentence else None  # most sentences: no clause to look at
    c_start, c_end = _enclosing(sentences.clauses(s_start, s_end), quantity.start, quantity.end)
    in_clause = [t for t in in_sentence if c_start <= t.start < c_end]
    pool = in_clause or in_sentence
    return min(pool, key=lambda t: min(abs(t.start - quantity.end), abs(quantity.start - t.end)))
