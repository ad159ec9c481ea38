"""Time expressions at TimeML grade: recognition, normalization, event anchoring, description.

Recognition (patterns.py, built from vocabulary.toml) is separate from normalization (normalize.py),
HeidelTime style. Public API:

- ``find_times(text, reference) -> list[TimeExpr]``
- ``anchor_interval(time, text, times) -> (earliest, latest, mod)``
- ``describe(value, mod, precision, signal_mod=None) -> str``
- ``parse_date(text) -> Reference | None``
"""

from __future__ import annotations

from .anchor import anchor_interval
from .describe import describe
from .parse import parse_date
from .recognize import find_times

__all__ = ["anchor_interval", "describe", "find_times", "parse_date"]
