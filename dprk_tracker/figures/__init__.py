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
- Money: amount in major units with an ISO code in ``currency``; ``unit`` is the code too. An amount
  in millions or billions told without its currency in the sentence of an amount of money takes that
  amount's currency ("147.8 billion rubles, while revenues were lowered to 136.2 billion"). A price
  of one item keeps its currency, its unit says per what ("$300 per round": "USD per round").
  Percentages: the number itself (40, not 0.4), ``percent`` True, unit "percent" or
  "percentage points". Multipliers ("12 times", "threefold", and a multiple of a base: "nearly triple
  the number at the end of 2024"): unit "times". Measures: unit named ("km", "tonnes", "mm", "years
  old" for an age stated as such: "over 30 years old"). Exchange rates ("1,389.5 per
  dollar", "100.45 against the dollar", "921.4 per 100 yen"): unit "<quoted> per <base>" ("KRW per
  USD", "KRW per 100 JPY"), the quoted currency the one glued to the number or else the one the
  sentence (or the one before) names last; no currency of its own. Rates carry what they are
  counted per in the unit: prices ("18,000 won per kilogram": "KRW per kg"), counts and amounts per
  time or per item ("2,700 drones a month": "drones per month"; "$2,000 per soldier per month": "USD
  per soldier per month"; "1 million barrels annually", "monthly shipments exceeded 1 million rounds",
  "40 containers per train"), so that a trend never charts a rate with totals.
- What is counted (``unit``, and ``unit_start``/``unit_end`` for the phrase that names it): the
  noun phrase after the number without leading proper adjectives ("30 North Korean soldiers" ->
  "soldiers"); a casualty or capture predicate when one follows ("over 3,000 have been killed or
  injured" -> "killed or injured"; "took two soldiers prisoner" -> "soldiers captured"); else a noun
  linked before it ("deaths at around 300", "losses exceeding 4,000"; a toll counts "casualties", a
  death toll "deaths"). The span is what a topic lexicon should read: it includes a capture or
  casualty verb before the number when there is one
  ("the capture of two North Korean soldiers"). In lists: a tally line's label ("tanks ‒ 11,359
  (+3)"), a loss list heading's label and state ("Tanks (3273, of which destroyed: 2366)": "tanks",
  "tanks destroyed"), the model an item line names ("- 17 170mm M-1989 Koksan: ..."), what the words
  after a dash name ("14,000 — The number of soldiers sent").
- Not figures: anything inside ``times``, bare years, dates, times of day, ordinals, fractions and
  ratios ("two-thirds", "1 in 3"; but "one in three clinics" is a share, 33.3%), identifiers (Article
  45, Resolution 1874, Committee 1718, "the 1718 Committee", KN-23, "Boeing 737", "H.R. 9876", "Figures
  1-3", UUIDs, phone numbers, codes with a leading zero), denominators ("per 100,000 people"), calibres
  ("152mm shells", "a 240-mm launcher"), the sides of an area ("8 by 5 metres"), confidence levels
  ("95% confidence interval") and chances ("a 70 to 80 percent chance"), margins ("give or take 1,000"),
  photo links of a loss list ("(1, destroyed) (2, damaged)"), vote tallies ("13-0", "voted 140 to
  5"), list numbering, a number alone on its line of a document (metadata), reading times ("2 min
  read"), the error of an estimate ("off by 10% in either direction"), legal thresholds ("owned 50
  percent or more by one or more blocked persons"), two calibres joined ("122 mm and 152 mm rounds"),
  "15-nation" and "two-year" adjectives, ages set off after a name or a person ("Ri (27)", "the
  defector, 29,"),
  years read aloud ("nineteen ninety-seven"), "one of", and a bare "one" (an article or pronoun far
  more often than a count; "at least one" and "one or two" are figures).
- Ages: a person's age told in passing is no figure ("aged 19", "a 26-year-old soldier", "one is 20,
  the other 26", "who is 21"); an age stated as such ("he is over 30 years old") and the age of a
  group (an average or median age, the oldest, the youngest) are measures with unit "years old".
  Durations the times recognizer did not claim ("86 minutes") are measures with the time unit.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Quantity, TimeExpr
from .recognize import find_figures

__all__ = ["find_quantities"]


def find_quantities(text: str, times: Sequence[TimeExpr] = ()) -> list[Quantity]:
    """All figures in ``text``, sorted by start. Numbers inside ``times`` are never figures."""
    return find_figures(text, times)
