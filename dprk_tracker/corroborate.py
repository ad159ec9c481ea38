"""Corroboration: the same event or claim reported by several articles becomes one row.

The notebook keeps the groups: ``grouping.py`` applies these rules (``event_match``,
``compatible_dates``, ``figure_key``) to each article's rows as they are stored, looking among a
bounded number of candidates (its docstring says exactly when that misses a match), and the read
commands page the stored groups in SQL and explain them with ``stored_event_group`` /
``stored_figure_group``. ``group_events`` / ``group_figures`` group a list of rows at once, as below:
the reference the stored groups are tested against.

Rows come from ``Notebook.timeline`` / ``Notebook.figures`` in their order; grouping happens in
Python and keeps that order: a group sits where its first row sat. Rows are compared most precise
date first, so a group's first (shown) row is its most precise report: "Jun 2024" and "2024" from
two articles make one row dated Jun 2024, whatever order the notebook listed them in. Rules:

* Only rows from *different* articles merge; a group holds at most one row per article, so a
  notebook of one article reads exactly as without corroboration.
* **Dates are compatible** when both rows name the same period with the same relation and mod
  ("since 2024" and "since 2024"), or both are bounded and one period lies inside the other at its
  precision ("15 Jun 2024" inside "Jun 2024", "early 2025" inside "2025").
* **Events** merge when their dates are compatible and their wording is similar: the Jaccard index
  of their content words (lower case, stop words and the time expression left out, a plural "s"
  dropped) is at least ``SIMILAR`` (0.5); or they state the same figure (a number of 100 or more
  outside the time expression) and the similarity is at least ``SIMILAR_WITH_FIGURE`` (0.2). Two
  events that both state numbers but share none never merge: they report different figures.
* **Figures** merge only when low, high, currency, percent and the folded counted thing (see
  ``trends.counted_key``) are all equal and their as-of dates are compatible. Different values
  never merge; figures with no as-of date never merge.
* Each row joins the earlier group whose first row it matches best (no chaining through a third
  row): the same date before a date inside another ("Jun 2024" joins "Jun 2024" rather than
  "2024"), then the most similar wording, then the earliest group. Every merge records why
  (``Group.why``).
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the counted lexicon loads only for figures: timeline needs none of it
    from .trends import CountedLexicon

SIMILAR = 0.5
SIMILAR_WITH_FIGURE = 0.2
FIGURE_FLOOR = 100  # smaller numbers ("two", "3") are too common to identify an event
MIN_SHARED = 3  # words two events share at least: "North Korea" alone is no event

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d[\d,.]*\d|\d", re.UNICODE)
_STOP = frozenset(
    """
    a an the this that these those their its his her our your my of in on at to for from by with into
    onto over under about against between among during since until after before per via and or but nor
    so yet as than then while although though because if when where whether who whom whose which what
    how why is are was were be been being am have has had having do does did will would shall should
    can could may might must not no also only just even still already ever reportedly allegedly said
    say says told according reported report reports he she it they them we you i us him there here
    more most less least some any each every all both either neither other another such same own
    s t up out new year years month months
    """.split()
)


@dataclass
class Group:
    """One reported event or claim: its rows (first = the one shown) and why each later row joined."""

    rows: list[dict[str, Any]]
    why: list[str] = field(default_factory=list)
    order: int = 0  # the first row's place in the input: groups are returned in this order

    @property
    def first(self) -> dict[str, Any]:
        return self.rows[0]

    @property
    def articles(self) -> list[int]:
        return [r["article_id"] for r in self.rows]

    @property
    def sources(self) -> int:
        return len(self.rows)


# ---------------------------------------------------------------------------------------------------
# Comparing


# Dates left in a sentence besides the row's own time expression ("on Oct. 22", "in 2024", "on
# Friday"): their digits would count as figures ("2024" >= FIGURE_FLOOR) or veto a match ("22" vs
# none), and dates are compared apart anyway. Month names only capitalized, as in prose ("may").
_MONTHS = frozenset(
    "January February March April May June July August September October November December"
    " Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_ORDINAL = frozenset(("st", "nd", "rd", "th"))
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# "12 million", "$1.2bn", "3.5 thousand": one number, as the figure extractor reads it (not 12).
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}


def _is_day(token: str) -> bool:
    return len(token) <= 2 and token.isdigit()


def _is_year(token: str) -> bool:
    return len(token) == 4 and token[0] in "12" and token.isdigit() and 1900 <= int(token) <= 2099


@dataclass(frozen=True)
class Wording:
    """``resources/wording.toml``: words that carry no claim, variants folded to one form (phrases
    of normalized tokens, by their first token, longest first), and the agencies that make claims."""

    ignored: frozenset[str]
    variants: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]
    claimants: dict[str, str]  # an agency's word -> the government it speaks for


def _normal(token: str) -> str:
    token = token.lower()
    if "'" in token or "’" in token:
        token = token.replace("’", "'").removesuffix("'s")
    elif token[0].isdigit() and "," in token:
        token = token.replace(",", "")  # "1,100" as "1100"
    return token


@lru_cache(maxsize=1)
def wording() -> Wording:
    # Loaded when words are compared (ingest, --why): a read command that only pages stored groups
    # needs none of it.
    import tomllib
    from importlib import resources

    data = tomllib.loads(
        resources.files("dprk_tracker.resources").joinpath("wording.toml").read_text("utf-8")
    )
    variants: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for key, value in data.get("variants", {}).items():
        phrase = tuple(_normal(t) for t in _WORD.findall(str(key)))
        if phrase:
            folded = tuple(_normal(t) for t in _WORD.findall(str(value)))
            variants.setdefault(phrase[0], []).append((phrase, folded))
    for found in variants.values():
        found.sort(key=lambda pair: -len(pair[0]))
    ignored = frozenset(_stem(w.lower()) for w in data.get("attribution", []))
    claimants = {_stem(str(k).lower()): str(v) for k, v in data.get("claimants", {}).items()}
    return Wording(ignored, variants, claimants)


def claimants(words: set[str]) -> set[str]:
    """The governments whose agencies an event's words name ("nis" -> South Korea)."""
    found = wording().claimants
    return {found[w] for w in words & found.keys()}


def other_claims(a_words: set[str], b_words: set[str]) -> bool:
    """Whether two events name agencies of different governments only: two claims, not one."""
    a = claimants(a_words)
    if not a:
        return False
    b = claimants(b_words)
    return bool(b) and not a & b


def _stem(token: str) -> str:
    """A light stemmer: "captured", "captures", "capture" and "capturing" read alike (so do
    "shipped" and "ships"); short words and numbers stay as written. Not a linguist's stem: the
    same word form always gives the same stem, which is all a comparison needs."""
    found = _STEMS.get(token)
    if found is None:
        if len(_STEMS) >= 200_000:
            _STEMS.clear()
        found = _STEMS[token] = _stem_of(token)
    return found


_STEMS: dict[str, str] = {}


def _stem_of(token: str) -> str:
    if not token.isalpha() or len(token) <= 3:
        return token
    if len(token) > 4:
        for suffix in ("ing", "ed"):
            if token.endswith(suffix) and len(token) - len(suffix) >= 3:
                token = token[: -len(suffix)]
                if token[-1] == token[-2] and token[-1] not in "lsz":
                    token = token[:-1]  # "shipped" -> "ship"
                return token.removesuffix("e")
        if token.endswith("ies"):
            return token[:-3] + "y"
        if token.endswith(("ches", "shes", "sses", "xes", "zes")):
            return token[:-2]
    if token.endswith("s") and not token.endswith(("ss", "us", "is")):
        token = token[:-1]
    return token.removesuffix("e") if len(token) > 4 else token


def _claim_tokens(text: str) -> list[str]:
    """The text's normalized tokens, dates left out and scaled numbers read as one."""
    raw = _WORD.findall(text)
    tokens = [t if t.isalnum() else _normal(t) for t in _WORD.findall(text.lower())]
    if len(tokens) != len(raw):  # (lower case can change a token's letters: rare)
        tokens = [_normal(t) for t in raw]
    drop = set()
    for i, token in enumerate(raw):
        if token in _MONTHS:
            drop.add(i)
            if i and _is_day(raw[i - 1]):  # "22 October"
                drop.add(i - 1)
            if i + 1 < len(raw) and _is_day(raw[i + 1]):  # "Oct. 22"
                drop.add(i + 1)
        elif token[0].isdigit():
            if _is_year(token):
                drop.add(i)
            elif i + 1 < len(tokens) and tokens[i + 1] in _ORDINAL:
                drop.update((i, i + 1))  # "70th": a rank, not a count
            elif i + 1 < len(tokens) and tokens[i + 1] in _SCALE:
                try:
                    value = float(tokens[i]) * _SCALE[tokens[i + 1]]
                except ValueError:
                    continue
                tokens[i] = f"{value:.0f}" if value.is_integer() else f"{value}"
                drop.add(i + 1)
        elif tokens[i] in _WEEKDAYS:
            drop.add(i)
    return [t for i, t in enumerate(tokens) if i not in drop] if drop else tokens


def content_words(text: str) -> set[str]:
    found = wording()
    variants, ignored = found.variants, found.ignored
    tokens = _claim_tokens(text)
    kept: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        for phrase, folded in variants.get(token, ()):
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                kept += folded
                i += len(phrase)
                break
        else:
            kept.append(token)
            i += 1
    words = set()
    for token in kept:
        if token in _STOP or (len(token) < 2 and not token.isdigit()):
            continue
        token = _stem(token)
        if token not in ignored and token not in _STOP:
            words.add(token)
    return words


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def numbers(words: Iterable[str]) -> set[float]:
    found = set()
    for word in words:
        if word[:1].isdigit():
            try:
                found.add(float(word.replace(",", "")))
            except ValueError:
                continue
    return found


def compatible_dates(a: dict[str, Any], b: dict[str, Any], mod_key: str = "mod") -> str | None:
    """Why two rows' dates are compatible ("same date 2024-06"), or None when they are not."""
    if not a.get("when") or not b.get("when"):
        return None
    if (a["when"], a.get(mod_key), a.get("relation")) == (b["when"], b.get(mod_key), b.get("relation")):
        return f"same date {a['when']}"
    if a.get("relation") or b.get("relation"):
        return _since_within(a, b, mod_key)
    a_span, b_span = (a.get("earliest"), a.get("latest")), (b.get("earliest"), b.get("latest"))
    if None in a_span or None in b_span:
        return None
    return _one_inside(a_span, b_span, a["when"], b["when"])


def _one_inside(a_span: tuple[Any, Any], b_span: tuple[Any, Any], a_name: str, b_name: str) -> str | None:
    """ "date INNER within OUTER" when one span holds the other, else None."""
    if b_span[0] <= a_span[0] and a_span[1] <= b_span[1]:
        return f"date {a_name} within {b_name}"
    if a_span[0] <= b_span[0] and b_span[1] <= a_span[1]:
        return f"date {b_name} within {a_name}"
    return None


SINCE = "ON_OR_AFTER"
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
_VALUE = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|([A-Z]{2})|Q([1-4])|H([12])))?$")


@lru_cache(maxsize=4096)
def named_span(when: str) -> tuple[str, str] | None:
    """The first and last day of a TIMEX value: a year, month, day, season, quarter or half (None:
    another kind, e.g. a week or an unresolved value). "2023-SU" is 1 Jun - 31 Aug 2023."""
    match = _VALUE.match(when or "")
    if not match:
        return None
    year, month, day, season, quarter, half = match.groups()
    y = int(year)
    if day:
        return (when, when)
    if month:
        last = calendar.monthrange(y, int(month))[1]
        return (f"{year}-{month}-01", f"{year}-{month}-{last:02d}")
    if season:
        if season not in _SEASONS:
            return None
        first_month, last_month = _SEASONS[season]
    elif quarter:
        first_month, last_month = 3 * int(quarter) - 2, 3 * int(quarter)
    elif half:
        first_month, last_month = 6 * int(half) - 5, 6 * int(half)
    else:
        first_month, last_month = 1, 12
    end_year, end_month = (y + 1, last_month - 12) if last_month > 12 else (y, last_month)
    last = calendar.monthrange(end_year, end_month)[1]
    return (f"{year}-{first_month:02d}-01", f"{end_year:04d}-{end_month:02d}-{last:02d}")


def since_years(row: dict[str, Any], mod_key: str) -> list[str]:
    """The years of a plain "since" date's named period (none for any other date): two such dates,
    one inside the other, share one of them."""
    if row.get("relation") != SINCE or row.get(mod_key):
        return []
    span = named_span(row.get("when") or "")
    return [] if span is None else [str(y) for y in range(int(span[0][:4]), int(span[1][:4]) + 1)]


def _since_within(a: dict[str, Any], b: dict[str, Any], mod_key: str) -> str | None:
    """Two "since" dates, one named period inside the other ("since Jul 2023" and "since 2023",
    "since Aug 2023" and "since the summer of 2023"): one claim told at two precisions, as a
    bounded date inside another. Only plain ones (no "early", "about"...)."""
    if a.get("relation") != SINCE or b.get("relation") != SINCE or a.get(mod_key) or b.get(mod_key):
        return None
    a_span, b_span = named_span(a["when"]), named_span(b["when"])
    if a_span is None or b_span is None:
        return None
    return _one_inside(a_span, b_span, f"since {a['when']}", f"since {b['when']}")


def _span_days(row: dict[str, Any]) -> float:
    """How many days a row's date can mean (open or unresolved: unbounded)."""
    try:
        return (Date.fromisoformat(row["latest"]) - Date.fromisoformat(row["earliest"])).days
    except (KeyError, TypeError, ValueError):
        return float("inf")


def _most_precise_first(rows: Iterable[dict[str, Any]]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(input position, row), narrowest date first; input order among equals."""
    return iter(sorted(enumerate(rows), key=lambda pair: (_span_days(pair[1]), pair[0])))


def _year(row: dict[str, Any]) -> str:
    return (row.get("when") or "")[:4]


# ---------------------------------------------------------------------------------------------------
# Events


def _event_words(row: dict[str, Any]) -> set[str]:
    """Content words of the event text without its time expression (the date is compared apart)."""
    text = row.get("text") or ""
    offset, time_text = row.get("time_offset"), row.get("time_text") or ""
    if isinstance(offset, int) and 0 <= offset <= len(text):
        text = text[:offset] + " " + text[offset + len(time_text) :]
    return content_words(text)


def event_match(
    a: dict[str, Any],
    b: dict[str, Any],
    a_words: set[str],
    b_words: set[str],
    a_numbers: set[float] | None = None,
    b_numbers: set[float] | None = None,
) -> str | None:
    """Why event ``b`` reports the same as event ``a``, or None (numbers may come precomputed)."""
    date = compatible_dates(a, b)
    if date is None:
        return None
    score = jaccard(a_words, b_words)
    a_numbers = numbers(a_words) if a_numbers is None else a_numbers
    b_numbers = numbers(b_words) if b_numbers is None else b_numbers
    if a_numbers and b_numbers and not a_numbers & b_numbers:
        return None  # both state figures, none in common: different claims
    if len(a_words & b_words) < MIN_SHARED or other_claims(a_words, b_words):
        return None
    shared = sorted(n for n in a_numbers & b_numbers if n >= FIGURE_FLOOR)
    if score >= SIMILAR:
        return f"{date}; similarity {score:.2f} ≥ {SIMILAR:.2f}"
    if shared and score >= SIMILAR_WITH_FIGURE:
        figure = ", ".join(f"{n:,.0f}" if n.is_integer() else f"{n:,}" for n in shared)
        return f"{date}; shared figure {figure}; similarity {score:.2f} ≥ {SIMILAR_WITH_FIGURE:.2f}"
    return None


def _prefix(words: set[str], rank: dict[str, tuple[int, str]], threshold: float) -> list[str]:
    """The rarest words of a set that any set at least ``threshold``-similar must share one of.

    Prefix filtering (as in all-pairs similarity joins): if Jaccard(x, y) >= t, x and y share a word
    among the first |x| - ceil(t·|x|) + 1 words of each, words ordered rarest first.
    """
    ordered = sorted(words, key=rank.__getitem__)
    return ordered[: len(ordered) - math.ceil(threshold * len(ordered)) + 1]


MAX_MONTHS = 240  # a date spanning more than this is looked up in its first 20 years only


def _months(earliest: str, latest: str) -> list[str]:
    year, month = int(earliest[:4]), int(earliest[5:7])
    months: list[str] = []
    while f"{year:04}-{month:02}" <= latest[:7] and len(months) < MAX_MONTHS:
        months.append(f"{year:04}-{month:02}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _date_keys(row: dict[str, Any], *, lookup: bool) -> list[tuple[Any, ...]]:
    """Where a group is filed (``lookup=False``) or a row looks for groups (``lookup=True``).

    Rows are taken most precise first, so a group's first row lies inside any later row it matches
    ("within"), or names the same open period ("same date"). A bounded period is filed under the
    month it starts in and looks in every month it spans; an open or unbounded one under its value.
    """
    earliest, latest = row.get("earliest"), row.get("latest")
    if row.get("relation") or not earliest or not latest:
        # A plain "since" meets the others whose named period shares a year with its own.
        return [("=", row.get("when"), row.get("mod"), row.get("relation"))] + [
            ("s", year) for year in since_years(row, "mod")
        ]
    if not lookup:
        return [("m", earliest[:7])]
    return [("m", month) for month in _months(earliest, latest)]


def group_events(rows: Iterable[dict[str, Any]]) -> list[Group]:
    """Group events; candidates come from an index, so a large notebook is not compared pairwise.

    A match needs compatible dates and either similar wording (>= SIMILAR: then the two share a
    word of the rarest prefix, see ``_prefix``) or a shared figure (a number >= FIGURE_FLOOR), so
    groups are filed under (date key, prefix word) and (date key, number).
    """
    ordered = list(_most_precise_first(rows))
    all_words = [_event_words(row) for _, row in ordered]
    frequency: dict[str, int] = {}
    for row_words in all_words:
        for word in row_words:
            frequency[word] = frequency.get(word, 0) + 1
    rank = {word: (count, word) for word, count in frequency.items()}
    groups: list[Group] = []
    words: dict[int, set[str]] = {}
    sequence: dict[int, int] = {}  # id(group) -> creation order: ties keep the earlier group
    members: dict[int, set[int]] = {}  # id(group) -> its article ids
    group_numbers: dict[int, set[float]] = {}  # id(group) -> numbers of its first row
    index_: dict[tuple[Any, ...], list[Group]] = {}
    for (index, row), row_words in zip(ordered, all_words, strict=True):
        prefix = _prefix(row_words, rank, SIMILAR)
        row_numbers = numbers(row_words)
        figures = [n for n in row_numbers if n >= FIGURE_FLOOR]
        candidates: dict[int, Group] = {}
        if row.get("when"):
            for key in _date_keys(row, lookup=True):
                for word in prefix:
                    for group in index_.get((*key, "w", word), ()):
                        candidates[id(group)] = group
                for number in figures:
                    for group in index_.get((*key, "n", number), ()):
                        candidates[id(group)] = group
        best: tuple[tuple[bool, bool, float], Group, str] | None = None
        for group in sorted(candidates.values(), key=lambda g: sequence[id(g)]):
            if row["article_id"] in members[id(group)]:
                continue
            reason = event_match(
                group.first, row, words[id(group)], row_words, group_numbers[id(group)], row_numbers
            )
            if reason:
                # A group stating the same figure first, then the same date, then the most similar.
                shares = any(n >= FIGURE_FLOOR for n in group_numbers[id(group)] & row_numbers)
                score = (shares, reason.startswith("same date"), jaccard(words[id(group)], row_words))
                if best is None or score > best[0]:  # strictly better: ties keep the earlier group
                    best = (score, group, reason)
        if best is not None:
            _, group, reason = best
            group.rows.append(row)
            group.why.append(_because("event", group.first, row, reason))
            members[id(group)].add(row["article_id"])
            continue
        group = Group([row], order=index)
        words[id(group)] = row_words
        group_numbers[id(group)] = row_numbers
        sequence[id(group)] = len(groups)
        members[id(group)] = {row["article_id"]}
        groups.append(group)
        if row.get("when"):
            for key in _date_keys(row, lookup=False):
                for word in prefix:
                    index_.setdefault((*key, "w", word), []).append(group)
                for number in figures:
                    index_.setdefault((*key, "n", number), []).append(group)
    return sorted(groups, key=lambda g: g.order)


# ---------------------------------------------------------------------------------------------------
# Figures


def figure_key(row: dict[str, Any], lexicon: CountedLexicon) -> tuple[Any, ...]:
    from .trends import counted_key

    counted, unit = counted_key(row, lexicon)
    return (row.get("low"), row.get("high"), row.get("currency"), bool(row.get("percent")), counted, unit)


def group_figures(rows: Iterable[dict[str, Any]], lexicon: CountedLexicon | None = None) -> list[Group]:
    from .trends import load_counted

    lexicon = lexicon or load_counted()
    groups: list[Group] = []
    by_key: dict[tuple[Any, ...], list[Group]] = {}
    for index, row in _most_precise_first(rows):
        key = figure_key(row, lexicon)
        candidates = []
        for group in by_key.get(key, []) if row.get("when") else []:
            if row["article_id"] in group.articles:
                continue
            date = compatible_dates(group.first, row, mod_key="when_mod")
            if date:
                candidates.append((date, group))
        if candidates:
            # The same date before a date inside another; otherwise the earliest group.
            date, group = next((c for c in candidates if c[0].startswith("same date")), candidates[0])
            counted = key[4] if key[5] in ("count", "percent") else f"{key[4]} ({key[5]})"
            reason = f"{date}; same figure {row.get('text')!r} ≙ {group.first.get('text')!r}, {counted}"
            group.rows.append(row)
            group.why.append(_because("figure", group.first, row, reason))
        else:
            group = Group([row], order=index)
            groups.append(group)
            by_key.setdefault(key, []).append(group)
    return sorted(groups, key=lambda g: g.order)


def _because(kind: str, first: dict[str, Any], row: dict[str, Any], reason: str) -> str:
    return (
        f"{kind} {row['id']} (article {row['article_id']}) joins {kind} {first['id']} "
        f"(article {first['article_id']}): {reason}"
    )


# ---------------------------------------------------------------------------------------------------
# Groups stored in the notebook (grouping.py): explaining a page of them


def stored_event_group(rows: list[dict[str, Any]], *, explain: bool = True) -> Group:
    """A stored group of events (the member shown first), with why each other member is in it
    (``explain``: comparing wordings is most of a read command's own work, so only on request)."""
    first = rows[0]
    if not explain:
        return Group(list(rows))
    first_words = _event_words(first)
    why = [
        _because("event", first, row, event_match(first, row, first_words, _event_words(row)) or _INDIRECT)
        for row in rows[1:]
    ]
    return Group(list(rows), why)


def stored_figure_group(
    rows: list[dict[str, Any]], lexicon: CountedLexicon | None, *, explain: bool = True
) -> Group:
    """A stored group of figures, as ``stored_event_group`` (``lexicon``: needed to explain)."""
    first = rows[0]
    if not explain or lexicon is None:
        return Group(list(rows))
    why = []
    for row in rows[1:]:
        date = compatible_dates(first, row, mod_key="when_mod")
        key = figure_key(row, lexicon)
        if date and key == figure_key(first, lexicon):
            counted = key[4] if key[5] in ("count", "percent") else f"{key[4]} ({key[5]})"
            reason = f"{date}; same figure {row.get('text')!r} ≙ {first.get('text')!r}, {counted}"
        else:
            reason = _INDIRECT
        why.append(_because("figure", first, row, reason))
    return Group(list(rows), why)


# A member that joined through another member: the group's earlier representative (replaced since by
# a more precise report), or one that a filter leaves out.
_INDIRECT = "matched the group's representative when stored"
