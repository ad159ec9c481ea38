"""Estimates over time: figures grouped by what they count, one low/best/high point per period.

The way UCDP reports fatalities: for each thing counted and each period, the lowest and highest
estimate any source gives, and a best estimate between them.

* **What is counted** is the figure's counted phrase folded through a lexicon kept as data
  (``resources/counted.toml``): "killed or injured", "casualties", "dead or wounded" all become
  "killed or wounded"; "soldiers", "servicemen", "personnel" become "troops". A series is
  (topic, counted, unit) where unit is "count", "percent" or an ISO currency code.
* **Period**: the figure's as-of date at its precision. A series is *monthly* when every figure in
  it is dated to the month or finer, otherwise *yearly* — a year-only figure cannot be placed in a
  month, and mixing the two in one series would show one fact at two granularities. "since 2024"
  and "by early 2025" fall in 2024 and 2025: the period named, whatever the relation to it. Figures
  with no as-of date are left out (``Trends.undated`` counts them).
* **Low, best, high**: each figure stands for an interval. A closed range is itself; a single value
  is [v, v]; an open bound ("over 3,000", "up to 30") stands for its stated bound only, since that
  is all the source commits to. Low = the minimum of the lows, high = the maximum of the highs,
  best = the median of each figure's midpoint. So low <= best <= high always holds.
  When every figure giving the low is only an upper bound ("up to 30"), the point's ``low_open``
  is true; when every figure giving the high is only a lower bound ("over 3,000"), ``high_open``.
* **Disagreement**: two figures from different articles in the same period whose stated intervals
  do not overlap (open bounds open: "over 3,000" and "5,000" agree; "3,000" and "3,500" do not;
  an approximate figure — "about", "around", "nearly"... — allows 10% either side, so "about 1,000"
  and "1,100" agree).
"""

from __future__ import annotations

import math
import re
import statistics
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .numbers import plain_number

# "about 1,000" and "1,100" agree: an approximate figure allows this margin either side.
APPROXIMATE = frozenset(
    {"approximately", "about", "around", "roughly", "some", "nearly", "almost", "an estimated", "estimated"}
)
APPROXIMATE_MARGIN = 0.1
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-\d{2}(?:T.*)?)?$")
_YEAR = re.compile(r"^(\d{4})")


class CountedError(ValueError):
    """A counted-things file that cannot be read or has the wrong shape."""


# ---------------------------------------------------------------------------------------------------
# Folding what is counted


@dataclass(frozen=True)
class CountedLexicon:
    phrases: dict[str, str]  # phrase (lower case) -> folded name

    def fold(self, phrase: str | None) -> str | None:
        """The folded name of a counted phrase: exact phrase, else its longest known ending."""
        if not phrase:
            return None
        words = " ".join(phrase.lower().replace("’", "'").split())
        if words in self.phrases:
            return self.phrases[words]
        parts = words.split(" ")
        for start in range(1, len(parts)):
            tail = " ".join(parts[start:])
            if tail in self.phrases:
                return self.phrases[tail]
        return words


def _parse_counted(data: dict[str, Any], origin: str) -> dict[str, str]:
    table = data.get("counted")
    if not isinstance(table, dict):
        raise CountedError(f"{origin}: expected a [counted] table")
    phrases: dict[str, str] = {}
    for name, listed in table.items():
        if not isinstance(listed, list) or not all(isinstance(p, str) for p in listed):
            raise CountedError(f"{origin}: {name!r} needs a list of phrases")
        for phrase in [name, *listed]:
            phrases[" ".join(phrase.lower().split())] = name
    return phrases


@lru_cache(maxsize=1)
def _packaged() -> dict[str, str]:
    text = resources.files("dprk_tracker.resources").joinpath("counted.toml").read_text("utf-8")
    return _parse_counted(tomllib.loads(text), "counted.toml")


def load_counted(user_file: Path | None = None) -> CountedLexicon:
    """The packaged lexicon, with a user's file (if given) layered on top."""
    phrases = dict(_packaged())
    if user_file is not None:
        try:
            data = tomllib.loads(Path(user_file).read_text("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise CountedError(f"cannot read counted file {user_file}: {exc}") from exc
        phrases.update(_parse_counted(data, str(user_file)))
    return CountedLexicon(phrases)


def counted_key(row: dict[str, Any], lexicon: CountedLexicon) -> tuple[str, str]:
    """(counted, unit) of a figure row: unit is "count", "percent" or the currency code."""
    unit = row.get("unit") or ""
    if row.get("percent"):
        return (lexicon.fold(unit) if unit not in ("", "percent", "%") else "share") or "share", "percent"
    currency = row.get("currency")
    if currency:
        return (lexicon.fold(unit) if unit and unit != currency else "amount") or "amount", currency
    return lexicon.fold(unit) or UNSPECIFIED, "count"


UNSPECIFIED = "unspecified"  # a count whose noun the extractor did not find


# ---------------------------------------------------------------------------------------------------
# Periods


def as_of(row: dict[str, Any]) -> str:
    """The date a figure's count stands at: its ``when``, but for a total "since August 2023" the day
    its span ends (the article's, ``extract``) rather than the month the count started in."""
    when, latest = row.get("when") or "", row.get("latest")
    if row.get("relation") == "ON_OR_AFTER" and latest and latest[:4].isdigit():
        # (a span still inside the date it starts from is dated by that date, at its own precision)
        plain = len(when) in (4, 7, 10) and when.replace("-", "").isdigit()  # (not "2024-FA")
        inside = latest.startswith(when) if plain else latest[:4] == when[:4]
        if not inside:
            return latest
    return when


def month_of(row: dict[str, Any]) -> str | None:
    match = _MONTH.match(as_of(row))
    return f"{match.group(1)}-{match.group(2)}" if match else None


def year_of(row: dict[str, Any]) -> str | None:
    match = _YEAR.match(as_of(row))
    if match:
        return match.group(1)
    earliest, latest = row.get("earliest"), row.get("latest")
    years = {d[:4] for d in (earliest, latest) if d}
    return years.pop() if len(years) == 1 else None


# ---------------------------------------------------------------------------------------------------
# Series


@dataclass
class Point:
    period: str
    low: float
    best: float
    high: float
    articles: list[int]
    low_articles: list[int]  # the sources of the low estimate
    high_articles: list[int]  # the sources of the high estimate
    figures: list[int]  # figure ids
    disagree: bool
    # The low only as an upper bound ("up to 30") / the high only as a lower bound ("over 3,000"):
    # shown as "≤30" / "3,000+" so an open estimate does not read as an exact one.
    low_open: bool = False
    high_open: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "low": plain_number(self.low),
            "best": plain_number(self.best),
            "high": plain_number(self.high),
            "articles": self.articles,
            "disagree": self.disagree,
            "low_open": self.low_open,
            "high_open": self.high_open,
            "low_articles": self.low_articles,
            "high_articles": self.high_articles,
            "figures": self.figures,
        }


@dataclass
class Series:
    counted: str
    unit: str  # "count" | "percent" | ISO currency code
    topic: str
    granularity: str  # "month" | "year"
    points: list[Point] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "counted": self.counted,
            "unit": self.unit,
            "topic": self.topic,
            "granularity": self.granularity,
            "points": [p.to_json() for p in self.points],
        }


@dataclass
class Trends:
    series: list[Series]
    undated: int  # figures left out: no as-of date to place them in a period
    # Counts of nothing named, left out: one series of them would chart unrelated numbers together.
    uncounted: int = 0

    def to_json(self) -> list[dict[str, Any]]:
        return [s.to_json() for s in self.series]


def stated(row: dict[str, Any]) -> tuple[float, float]:
    """The interval a figure commits to: open bounds stand for their stated bound."""
    low, high = row.get("low"), row.get("high")
    lo = low if low is not None else high
    hi = high if high is not None else low
    assert lo is not None and hi is not None
    return float(lo), float(hi)


def _open_interval(row: dict[str, Any]) -> tuple[float, float]:
    """The interval a figure allows: "over 3,000" is [3000, inf); "about 1,000" is [900, 1100]."""
    low, high = row.get("low"), row.get("high")
    lo, hi = (-math.inf if low is None else float(low)), (math.inf if high is None else float(high))
    if (row.get("qualifier") or "").lower() in APPROXIMATE and lo == hi:
        lo, hi = lo * (1 - APPROXIMATE_MARGIN), hi * (1 + APPROXIMATE_MARGIN)
    return lo, hi


def disagreeing(rows: Sequence[dict[str, Any]]) -> bool:
    """Two figures from different articles whose allowed intervals do not overlap."""
    for i, a in enumerate(rows):
        a_low, a_high = _open_interval(a)
        for b in rows[i + 1 :]:
            if a["article_id"] == b["article_id"]:
                continue
            b_low, b_high = _open_interval(b)
            if a_high < b_low or b_high < a_low:
                return True
    return False


def _point(period: str, rows: list[dict[str, Any]]) -> Point:
    intervals = [stated(r) for r in rows]
    low = min(lo for lo, _ in intervals)
    high = max(hi for _, hi in intervals)
    best = statistics.median((lo + hi) / 2 for lo, hi in intervals)
    pairs = list(zip(rows, intervals, strict=True))
    return Point(
        period=period,
        low=low,
        best=best,
        high=high,
        articles=sorted({r["article_id"] for r in rows}),
        low_articles=sorted({r["article_id"] for r, (lo, _) in pairs if lo == low}),
        high_articles=sorted({r["article_id"] for r, (_, hi) in pairs if hi == high}),
        figures=[r["id"] for r in rows],
        disagree=disagreeing(rows),
        low_open=all(r.get("low") is None for r, (lo, _) in pairs if lo == low),
        high_open=all(r.get("high") is None for r, (_, hi) in pairs if hi == high),
    )


def _evidence(item: tuple[tuple[str, str, str], list[dict[str, Any]]]) -> tuple[Any, ...]:
    """Per topic, the series more articles speak to come first: "troops" before a lone "brigades"."""
    (topic, counted, unit), members = item
    return topic, -len({r["article_id"] for r in members}), -len(members), counted, unit


def build(rows: Iterable[dict[str, Any]], lexicon: CountedLexicon | None = None) -> Trends:
    """Series of low/best/high points from figure rows (as ``Notebook.figures`` returns them)."""
    lexicon = lexicon or load_counted()
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    undated = uncounted = 0
    for row in rows:
        if row.get("low") is None and row.get("high") is None:
            continue
        if year_of(row) is None:
            undated += 1
            continue
        counted, unit = counted_key(row, lexicon)
        if (counted, unit) == (UNSPECIFIED, "count"):
            uncounted += 1
            continue
        grouped.setdefault((row["topic"], counted, unit), []).append(row)
    series: list[Series] = []
    for (topic, counted, unit), members in sorted(grouped.items(), key=_evidence):
        monthly = all(month_of(r) for r in members)
        by_period: dict[str, list[dict[str, Any]]] = {}
        for row in members:
            period = month_of(row) if monthly else year_of(row)
            assert period is not None
            by_period.setdefault(period, []).append(row)
        points = [_point(period, by_period[period]) for period in sorted(by_period)]
        series.append(Series(counted, unit, topic, "month" if monthly else "year", points))
    return Trends(series, undated, uncounted)
