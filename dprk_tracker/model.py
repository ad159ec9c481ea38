"""The shared vocabulary of the extractors: what a time, an event and a figure are.

Every engine returns these frozen dataclasses; storage and rendering read them. Offsets are Python
string indices into the text given to ``extract`` (``text[start:end] == item.text``).
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, field, fields
from typing import Any, TypeVar

from .numbers import plain_number
from .schema import EXTRACTOR_VERSION as EXTRACTOR_VERSION  # (kept with the schema: summary reads it)

# Precisions a date can carry, coarsest last. A value's precision says how to write it back.
PRECISIONS = ("time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century")

_Row = TypeVar("_Row")


def _direct_init(cls: type[_Row]) -> type[_Row]:
    """Give a frozen dataclass an ``__init__`` that fills the instance dict in one step.

    The generated one calls ``object.__setattr__`` once per field (about 5x slower), and extraction
    builds hundreds of times, events and figures per article. Same parameters and defaults; the
    class stays frozen (assignment still raises), equality, hashing and repr are unchanged.
    """
    params: list[str] = []
    items: list[str] = []
    namespace: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if not f.init or f.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain fields and plain defaults")
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        items.append(f"{f.name!r}: {f.name}")
    source = f"def __init__(self, {', '.join(params)}):\n    self.__dict__.update({{{', '.join(items)}}})\n"
    exec(source, namespace)  # as dataclasses itself builds __init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[misc]
    return cls


@dataclass(frozen=True)
class Reference:
    """The date relative expressions resolve against, at its own precision."""

    value: str  # "2025-03-05", "2025-03" or "2025"
    precision: str  # "day" | "month" | "year"
    source: str | None = None  # "option" | "document" | "inferred"


@_direct_init
@dataclass(frozen=True)
class TimeExpr:
    """A TIMEX3-style time expression."""

    text: str
    start: int
    end: int
    type: str  # DATE | DURATION | TIME | SET
    value: str  # "2024-06", "2024-SU", "P3Y", "PRESENT_REF", "XXXX-02" when unresolved
    mod: str | None = None  # START | MID | END | APPROX | BEFORE | AFTER | ON_OR_AFTER | ...
    earliest: str | None = None  # ISO date; None for an open start or an unresolved value
    latest: str | None = None  # ISO date; None for an open end or an unresolved value
    precision: str | None = None  # one of PRECISIONS, None for durations and sets
    signal: str | None = None  # the preposition that governs it, lower case: "since", "by", "in", ...

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "earliest": self.earliest,
            "latest": self.latest,
        }


@_direct_init
@dataclass(frozen=True)
class Quantity:
    """A figure as the figure engine recognizes it, before topic and as-of date are attached."""

    text: str  # the number expression with qualifier and currency, not the counted noun
    start: int
    end: int
    low: float | None  # None: open at the bottom ("up to 30")
    high: float | None  # None: open at the top ("over 3,000")
    qualifier: str | None = None  # "over", "approximately", "up to", ...
    unit: str | None = None  # what is counted ("troops", "killed or injured") or the measure ("km")
    currency: str | None = None  # ISO 4217 code for money
    percent: bool = False
    unit_start: int | None = None  # where the counted noun phrase sits, for topic assignment
    unit_end: int | None = None


@_direct_init
@dataclass(frozen=True)
class Event:
    """A sentence or clause anchored to one DATE expression."""

    when: str
    mod: str | None  # the time expression's own TIMEX3 mod ("early" → START)
    relation: str | None  # how the event relates to it: ON_OR_AFTER ("since"), ON_OR_BEFORE ("by")...
    earliest: str | None
    latest: str | None
    precision: str | None
    sort_date: str | None  # where the named period starts: "by early 2025" sorts with early 2025
    time_text: str
    time_start: int
    time_end: int
    text: str
    start: int
    end: int
    topic: str

    def to_json(self) -> dict[str, Any]:
        return {
            "when": self.when,
            "mod": self.mod,
            "relation": self.relation,
            "earliest": self.earliest,
            "latest": self.latest,
            "precision": self.precision,
            "time_text": self.time_text,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "topic": self.topic,
        }


@_direct_init
@dataclass(frozen=True)
class Figure:
    """A stored figure: the quantity, its topic and its as-of date."""

    text: str
    start: int
    end: int
    low: float | None
    high: float | None
    qualifier: str | None
    unit: str | None
    currency: str | None
    percent: bool
    topic: str
    when: str | None  # the as-of date's TIMEX3 value
    when_mod: str | None  # its own mod ("early" → START)
    relation: str | None  # the figure's relation to it: ON_OR_AFTER ("since"), ON_OR_BEFORE ("by")
    earliest: str | None
    latest: str | None
    precision: str | None
    sentence: str

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("low", "high"):
            data[key] = plain_number(data[key])
        return data


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    title: str | None
    published: str | None
    published_source: str | None
    precision: str | None
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "published": self.published,
            "published_source": self.published_source,
            "times": [t.to_json() for t in self.times],
            "events": [e.to_json() for e in self.events],
            "figures": [f.to_json() for f in self.figures],
        }
