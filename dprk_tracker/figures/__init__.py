"""Figure recognition: every count, range, amount and share in a text, with what it counts.

``find_quantities(text, times)`` is a pure function. Rules live as data in ``vocabulary.toml``;
``numbers`` reads number expressions, ``recognize`` grows them into figures (qualifier, range,
currency, percent, measure) and rejects what is no figure, ``counted`` finds what is counted.

Conventions (the news figure conventions of the project):
- over / more than / at least / exceeding N: low N, high None; up to / as many as / as much as /
  fewer than / less than / under N: low None, high N; about / around / approximately / roughly /
  some / nearly / almost N: low = high = N. The qualifier is normalized: "approximately" for the
  about-family, "nearly" for nearly/almost, "over", "more than", "at least", "exceeding", "up to"
  (also as many/much/high as), "at most", "less than", "fewer than", "under"; "between" for a
  range built from two bounds.
- Ranges "N to M", "N-M", "between N and M", "from N to M", "N or M" give both ends; a shared scale,
  currency or percent sign applies to both ("3 to 4 million", "$1.7 to 2 billion").
- Vague counts are ranges: "hundreds" 200-999, "several hundred" 300-999, "thousands" 2,000-9,999,
  "tens of thousands" 20,000-99,999 (see vocabulary.toml).
- Money: amount in major units with an ISO code in ``currency``; ``unit`` is the code too.
  Percentages: the number itself (40, not 0.4), ``percent`` True, unit "percent" or
  "percentage points". Multipliers ("12 times", "threefold"): unit "times". Measures: unit named
  ("km", "tonnes", "mm", "years old" for ages written "26-year-old").
- Not figures: anything inside ``times``, bare years, dates, times of day, ordinals, fractions,
  identifiers (Article 45, Resolution 1874, KN-23, UUIDs, phone numbers), vote tallies "13-0",
  list numbering, a number alone on its line, "15-nation" adjectives, ages in parentheses after a
  name ("Ri (27)"), "one of", and "one" as a pronoun.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Quantity, TimeExpr
from .recognize import find_figures

__all__ = ["find_quantities"]


def find_quantities(text: str, times: Sequence[TimeExpr] = ()) -> list[Quantity]:
    """All figures in ``text``, sorted by start. Numbers inside ``times`` are never figures."""
    return find_figures(text, times)
