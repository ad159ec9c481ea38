"""Time expressions at TimeML grade: recognition, normalization, event anchoring, description.

Recognition (patterns.py, built from vocabulary.toml) is separate from normalization (normalize.py),
HeidelTime style. Public API:

- ``find_times(text, reference) -> list[TimeExpr]``
- ``recognize_times(text) -> Recognized``, ``resolve_times(recognized, reference)``: the same in two steps
- ``explicit_years(recognized) -> list[int]``: the years the text names, without a normalization pass
- ``first_weekday(recognized, start) -> int | None``: the first plain weekday named (ISO number)
- ``anchor_interval(time, text, times) -> (earliest, latest, mod)``
- ``ago_bound(time, reported) -> (earliest, latest, mod) | None``: "more than a year ago" as a bound
- ``span_start(last_day, duration) -> date | None``: where a span ending on a day begins
- ``span_end(first_day, duration) -> date | None``: where a span beginning on a day ends
- ``clause_tense(text, start, end) -> str | None``: the tense of the clause a time stands in
- ``period_of(value) -> (first day, last day) | None``: the days a DATE value covers ("2024-06")
- ``tense_after(text, start) -> str | None``: the tense of the first verb after ``start`` in its sentence
- ``describe(value, mod, precision, signal_mod=None) -> str``
- ``parse_date(text) -> Reference | None``
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .anchor import ago_bound, anchor_interval, span_end, span_start
    from .describe import describe
    from .normalize import period_of
    from .parse import parse_date
    from .patterns import clause_tense, tense_after
    from .recognize import (
        SINCE_SIGNALS,
        Recognized,
        explicit_years,
        find_times,
        first_weekday,
        recognize_times,
        resolve_times,
    )

__all__ = [
    "SINCE_SIGNALS",
    "Recognized",
    "ago_bound",
    "anchor_interval",
    "clause_tense",
    "describe",
    "explicit_years",
    "find_times",
    "first_weekday",
    "parse_date",
    "period_of",
    "recognize_times",
    "resolve_times",
    "span_end",
    "span_start",
    "tense_after",
]

# Compiling the recognizer's patterns costs a noticeable fraction of a second, so each name is
# imported on first use: rendering a timeline needs ``describe`` only, not the recognizer.
_HOMES = {
    "ago_bound": ".anchor",
    "anchor_interval": ".anchor",
    "clause_tense": ".patterns",
    "describe": ".describe",
    "parse_date": ".parse",
    "period_of": ".normalize",
    "explicit_years": ".recognize",
    "find_times": ".recognize",
    "first_weekday": ".recognize",
    "recognize_times": ".recognize",
    "resolve_times": ".recognize",
    "Recognized": ".recognize",
    "SINCE_SIGNALS": ".recognize",
    "span_end": ".anchor",
    "span_start": ".anchor",
    "tense_after": ".patterns",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name], __name__), name)
    globals()[name] = value
    return value
