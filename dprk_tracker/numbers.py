"""Numbers as JSON gives them: a module of its own so read commands need not load the model."""

from __future__ import annotations


def plain_number(value: float | None) -> int | float | None:
    """Whole numbers as ints so JSON says 3000, not 3000.0."""
    if value is not None and float(value).is_integer() and abs(value) < 2**63:
        return int(value)
    return value
