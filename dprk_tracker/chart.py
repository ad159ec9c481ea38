"""Terminal charts of estimates over time (rendering only; the numbers come from ``trends``).

One block per series: a line per period with a bar spanning low..high on a scale shared by the
series, the best estimate marked ``●``, then the values and the source articles. Scale: linear from
zero, or logarithmic when the series spans more than a factor of 20 (a linear bar would squash the
small values to nothing). Fits 80 columns; colour only on a terminal.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from .render import amount
from .trends import Point, Series, Trends

LOG_RATIO = 20  # above this max/min ratio the scale is logarithmic
MIN_BAR, MAX_BAR = 16, 48
LEGEND = "● best  ━ low–high  >N N+ at least  ≤N up to  ≠ disagree  [1,2 +3] articles"


def value_text(value: float, unit: str) -> str:
    return amount(value, None if unit in ("count", "percent") else unit, unit == "percent")


def range_text(point: Point, unit: str) -> str:
    """ "3,000–4,000 ≈3,500"; open bounds as "≤30" and "3,000+" (">3,000" for a lone one)."""
    low, high = value_text(point.low, unit), value_text(point.high, unit)
    if point.low == point.high:
        return (">" if point.high_open else "≤" if point.low_open else "") + low
    low = ("≤" + low) if point.low_open else low
    high = (high + "+") if point.high_open else high
    best = point.best
    if float(point.low).is_integer() and float(point.high).is_integer():
        best = math.floor(best + 0.5)  # whole counts: a midpoint's half is false precision
    return f"{low}–{high} ≈{value_text(best, unit)}"


MAX_IDS = 6  # article ids listed per period; more are counted ("[1,4,6,9,12,18 +5]")


def _label(point: Point, unit: str) -> str:
    # The disagreement mark comes before the article list, which a narrow terminal may cut.
    ids = ",".join(str(a) for a in point.articles[:MAX_IDS])
    if len(point.articles) > MAX_IDS:
        ids += f" +{len(point.articles) - MAX_IDS}"
    return range_text(point, unit) + (" ≠" if point.disagree else "") + f" [{ids}]"


class Scale:
    def __init__(self, points: Sequence[Point], width: int) -> None:
        lows = [p.low for p in points]
        highs = [p.high for p in points]
        smallest, largest = min(lows), max(highs)
        self.log = smallest > 0 and largest / smallest > LOG_RATIO
        self.start = smallest if self.log else min(0.0, smallest)
        self.end = largest if largest > self.start else self.start + 1
        self.width = width

    def position(self, value: float) -> int:
        if self.log:
            share = (math.log10(value) - math.log10(self.start)) / (
                math.log10(self.end) - math.log10(self.start)
            )
        else:
            share = (value - self.start) / (self.end - self.start)
        return max(0, min(self.width - 1, round(share * (self.width - 1))))


def _bar(point: Point, scale: Scale, style: str) -> Text:
    left, right, best = scale.position(point.low), scale.position(point.high), scale.position(point.best)
    bar = Text()
    for column in range(scale.width):
        if column == best:
            bar.append("●", style=f"bold {style}")
        elif left <= column <= right:
            bar.append("━", style=style)
        else:
            bar.append("·", style="dim")
    return bar


def series_lines(series: Series, width: int) -> list[Text]:
    """The lines of one series' chart for a console ``width`` columns wide."""
    period_width = max(len(p.period) for p in series.points)
    label_width = max(len(_label(p, series.unit)) for p in series.points)
    bar_width = max(MIN_BAR, min(MAX_BAR, width - period_width - label_width - 4))
    scale = Scale(series.points, bar_width)
    unit = "" if series.unit == "count" else f", {series.unit}"
    head = Text(f"{series.counted}", style="bold")
    head.append(f" ({series.topic}{unit}, by {series.granularity})")
    lines = [head]
    for point in series.points:
        style = "red" if point.disagree else "cyan"
        line = Text(f"  {point.period:<{period_width}} ")
        line.append_text(_bar(point, scale, style))
        line.append(" " + _label(point, series.unit), style="red" if point.disagree else "")
        lines.append(line)
    low, high = value_text(scale.start, series.unit), value_text(scale.end, series.unit)
    axis = " " * (period_width + 3) + low
    axis += " " * max(1, bar_width - len(low) - len(high)) + high
    lines.append(Text(axis + ("  (log scale)" if scale.log else ""), style="dim"))
    return lines


def render(console: Console, trends: Trends) -> None:
    for index, series in enumerate(trends.series):
        if index:
            console.print()
        for line in series_lines(series, console.width):
            console.print(line, no_wrap=True, overflow="ellipsis", crop=True)
    if trends.series:
        console.print()
        console.print(Text(LEGEND, style="dim"), no_wrap=True, overflow="ellipsis", crop=True)
