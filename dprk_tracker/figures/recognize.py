"""Figure patterns: from the numbers of a text to figures with qualifier, range, currency and unit.

The patterns are built once from ``vocabulary.toml``. Each number found by ``numbers`` is either
rejected (a year, a date, an identifier, an ordinal, a tally, metadata) or grown into a figure: the
qualifier chain and currency before it, the scale, currency, percent, multiplier or measure after it,
a second number that makes it a range, and finally what it counts (``counted``).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..model import Quantity, TimeExpr
from ..text import opens_sentence
from .counted import (
    COLLECTIVES,
    TALLY_LABEL,
    _harm_unit,
    counted_noun,
    harm_predicate,
    head_follows,
    last_word,
    noun_phrase,
    plural_word,
    tail_words,
)
from .numbers import FOLD_VALUES, Number, alternation, candidates, numbers_at, scan_kind, vocabulary

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_ORDINAL_WORDS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\w+teenth|\w+ieth|hundredths?|thousandths?|millionths?|billionths?|trillionths?|"
    r"halves|thirds|quarters|fourths|fifths|sixths|sevenths|eighths|ninths|tenths"
)


# Characters outside ASCII that case folding matches to ASCII letters.
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")  # İ ı ſ, the Kelvin sign


def _starts(words: Any, fold: bool) -> frozenset[str]:
    """The first two characters of the words (lower-cased when ``fold``): after one space, two ASCII
    letters can begin a match of a pattern made of these words only if they are among these (its
    one-letter words must be followed by no letter). Every pair is returned when a word begins with a
    blank or with a character whose case folding reaches ASCII, so that nothing is ruled out."""
    out: set[str] = set()
    for word in words:
        head = word[:2]
        if not head or head[0].isspace() or any(c in _FOLDS_TO_ASCII for c in head):
            letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
            return frozenset(a + b for a in letters for b in letters)
        out.add(head.lower() if fold else head)
    return frozenset(out)


@dataclass(frozen=True)
class _Patterns:
    qualifiers: dict[str, dict[str, str]]
    qualifier_sizes: dict[str, tuple[int, ...]]  # last word -> word counts of the qualifiers it ends
    currency_prefix: re.Pattern[str]
    prefix_ends: frozenset[str]  # how a currency prefix may end: a symbol or two letters ("$", "sd")
    currency_prefixes: dict[str, str]
    suffix: re.Pattern[str]
    measure_cs: re.Pattern[str]
    measures: dict[str, str]
    currency_suffixes: dict[str, str]
    minor: dict[str, list[Any]]
    scaled: dict[str, list[Any]]
    percent: dict[str, str]
    postfix: re.Pattern[str]
    postfix_table: dict[str, dict[str, str]]
    range_sep: re.Pattern[str]
    cues: frozenset[str]
    vague: re.Pattern[str]
    vague_table: dict[str, list[float]]
    glued_ok: re.Pattern[str]
    hyphen_word: re.Pattern[str]
    one_before: frozenset[str]
    one_after: frozenset[str]
    pair_nouns: frozenset[str]
    nouns_after: frozenset[str]
    pair_pronoun_after: frozenset[str]
    chunk_words: frozenset[str]  # every word that may continue a number chunk after a blank
    suffix_starts: frozenset[str]  # the first two letters of every word of ``suffix``, lower case
    measure_cs_starts: frozenset[str]  # the first two letters of every word of ``measure_cs``
    digit_free_vague: bool  # no vague count begins with a digit or a point (see _scan)
    rate_base: re.Pattern[str]  # "per dollar", "against the yuan": an exchange rate's base currency
    currency_word: re.Pattern[str]  # a currency named by a word ("the rouble")
    price_base: re.Pattern[str]  # "per kilogram", "a barrel": what a price is paid for


def _norm(s: str) -> str:
    """Lower case, blank runs made one space, ends trimmed (``str.split`` and the regex ``\\s``
    know the same blanks)."""
    return " ".join(s.lower().split())


def _endings(words: list[str]) -> frozenset[str]:
    """The last two letters of each word that ends in two ASCII letters, else its last character
    (in both cases): a cheap test that rules out most places before a pattern of these words runs."""
    ends: set[str] = set()
    for word in words:
        tail = word[-2:]
        if len(tail) == 2 and tail.isascii() and tail.isalpha():
            ends.add(tail.lower())
        else:
            ends.update((word[-1].lower(), word[-1].upper()))
    return frozenset(ends)


def _may_end_with(before: str, ends: frozenset[str]) -> bool:
    """Whether ``before`` (trailing blanks aside) may end with one of the words of ``_endings``."""
    tail = before.rstrip()[-2:]
    if not tail.isascii():
        return True  # Unicode case folding: leave it to the pattern
    return tail[-1:] in ends or tail.lower() in ends


def _sizes_by_last_word(phrases: dict[str, Any]) -> dict[str, tuple[int, ...]]:
    """For each last word of the phrases, the word counts of the phrases it ends, longest first:
    the qualifier lookup tries only lengths that can match."""
    sizes: dict[str, set[int]] = {}
    for phrase in phrases:
        words = phrase.split()
        sizes.setdefault(words[-1], set()).add(len(words))
    return {word: tuple(sorted(n, reverse=True)) for word, n in sizes.items()}


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    v = vocabulary()
    qualifiers = {k.lower(): spec for k, spec in v["qualifiers"].items()}

    prefixes = {k.lower(): c for k, c in v["currency_prefixes"].items()}
    currency_prefix = re.compile(rf"(?<![A-Za-z])(?:{alternation(prefixes)})\s*$", re.IGNORECASE)

    measures_ci = {k.lower(): u for k, u in v["measures"].items() if not k.startswith("=")}
    measures_cs = {k[1:]: u for k, u in v["measures"].items() if k.startswith("=")}
    suffixes = {k.lower(): c for k, c in v["currency_suffixes"].items()}
    minor = {k.lower(): x for k, x in v["currency_minor"].items()}
    scaled = {k.lower(): x for k, x in v["currency_scaled"].items()}
    percent = {k.lower(): u for k, u in v["percent"].items() if k != "points"}
    time_words = v["time_units"]["words"]
    # One alternation for everything that may follow a number, tried at the number's end. Group names
    # say which table the match belongs to. Blanks are read possessively (*+, ++) in this module's
    # patterns wherever what follows cannot begin with a blank: the match is the same, but a miss
    # after a long run of blanks (a document's empty lines) fails at once instead of giving the
    # blanks back one by one and retrying every alternative.
    suffix = re.compile(
        rf"(?P<sp>\s?-\s?|\s*+)(?:(?P<pct>{alternation(percent)})(?![A-Za-z])"
        rf"|(?P<scl>{alternation(scaled)})(?![\w])"
        rf"|(?P<min>{alternation(minor)})(?![\w])"
        rf"|(?P<cur>{alternation(suffixes)})(?![\w'’])"
        rf"|(?P<mul>times|fold)(?![\w])"
        rf"|(?P<age>years?[\s-]old)(?![\w])"
        rf"|(?P<mea>{alternation(measures_ci)})(?![\w])"
        rf"|(?P<tim>{alternation(time_words)})(?![\w]))",
        re.IGNORECASE,
    )
    measure_cs = re.compile(rf"(?P<sp>\s?-?\s?)(?P<mea>{alternation(measures_cs)})(?![\w])")
    postfix_table = {k.lower(): spec for k, spec in v["postfix_qualifiers"].items()}
    postfix_alt = alternation(k for k in postfix_table if k not in ("+", "plus"))
    postfix = re.compile(
        rf"(?:\s*+-\s*+plus(?![\w])|\+(?![\d])|\s++(?:{postfix_alt})"
        rf"(?![\w]))",
        re.IGNORECASE,
    )
    range_sep = re.compile(r"\s*+(?:-|–|—|~)\s*+|\s++(?:to|through|thru|and|or)\s++", re.IGNORECASE)
    cues = v["non_figure"]["cues"]
    vague_table = {_norm(k): [float(x) for x in r] for k, r in v["vague"].items()}
    vague = re.compile(rf"(?<![\w])(?:{alternation(vague_table)})(?![\w])", re.IGNORECASE)
    glued_ok = re.compile(
        rf"(?:{alternation(measures_ci)}|{alternation(measures_cs)}|{alternation(suffixes)}|"
        rf"{alternation(scaled)}|{alternation(minor)}|pm|am|s)(?![\w])",
        re.IGNORECASE,
    )
    hyphen_word = re.compile(r"-([A-Za-z]+)")
    named = alternation(k for k in suffixes if k[:1].isalpha())
    rate_base = re.compile(
        rf"[^\S\n]+(?:per|(?:to|against|versus|vs\.?)[^\S\n]+the)[^\S\n]+(?P<per>100[^\S\n]+)?(?P<cur>{named})(?![\w])",
        re.IGNORECASE,
    )  # ("939.6 won per 100 yen")
    currency_word = re.compile(rf"(?<![\w])(?P<cur>{named})(?![\w])", re.IGNORECASE)
    price_base = re.compile(
        rf"[^\S\n]+(?:per|a|an)[^\S\n]+(?P<mea>{alternation(measures_ci)})(?![\w])", re.IGNORECASE
    )
    return _Patterns(
        qualifiers=qualifiers,
        qualifier_sizes=_sizes_by_last_word(qualifiers),
        currency_prefix=currency_prefix,
        prefix_ends=_endings([*prefixes, *scaled]),
        currency_prefixes=prefixes,
        suffix=suffix,
        measure_cs=measure_cs,
        measures={**measures_ci, **measures_cs},
        currency_suffixes=suffixes,
        minor=minor,
        scaled=scaled,
        percent=percent,
        postfix=postfix,
        postfix_table=postfix_table,
        range_sep=range_sep,
        cues=frozenset(c.lower() for c in cues),
        vague=vague,
        vague_table=vague_table,
        glued_ok=glued_ok,
        hyphen_word=hyphen_word,
        one_before=frozenset(v["non_figure"]["one_stop_before"]),
        one_after=frozenset(v["non_figure"]["one_stop_after"]),
        pair_nouns=frozenset(v["non_figure"]["pair_nouns"]),
        nouns_after=frozenset(v["non_figure"]["nouns_after"]),
        pair_pronoun_after=frozenset(v["non_figure"]["pair_pronoun_after"]),
        chunk_words=frozenset(
            w.lower()
            for table in ("units", "tens", "scales", "scale_abbreviations", "scale_glued", "scale_letters")
            for w in v[table]
        )
        | _CHUNK_JOIN_WORDS,
        suffix_starts=_starts(
            [*percent, *scaled, *minor, *suffixes, "times", "fold", "year", *measures_ci, *time_words],
            fold=True,
        ),
        measure_cs_starts=_starts(measures_cs, fold=False),
        digit_free_vague=not any(k[:1].isdigit() or k[:1] == "." for k in vague_table),
        rate_base=rate_base,
        currency_word=currency_word,
        price_base=price_base,
    )


# ---------------------------------------------------------------------------------------------
# One side of a figure: a number with what is glued to it.


@dataclass(slots=True)
class _Side:
    num: Number
    value: float
    start: int  # currency prefix included
    end: int  # suffix included
    currency: str | None = None
    percent: str | None = None  # "percent" | "percentage points"
    measure: str | None = None
    multiplier: bool = False
    time_unit: str | None = None
    age: bool = False
    adjective: bool = False  # "15-nation": an adjective, not a count
    factor: float = 1.0


_SCALED_PREFIX = re.compile(r"(?<![A-Za-z])(MUSD|MEUR|MGBP|MAUD|musd|meur|mgbp|maud)\s*$")
_LATE_SCALE = re.compile(r"\s+(thousand|million|billion|trillion|mn|bn)(?![\w])", re.IGNORECASE)
_LATE_FACTORS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9}
# "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50."
_MINOR_PART = re.compile(
    r"(?:\s+and)?\s+(?P<n>\d{1,2}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]"
    r"(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|\w+teen)(?:\s+(?:cents?|pence|penny|pennies)(?![\w])|(?=\s*(?:[.,;!?]|$)))",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _minor_words() -> dict[str, int]:
    """The number words a cents amount is spelled with ("fifty", "twenty-five"): the vocabulary's."""
    v = vocabulary()
    return {**v["units"], **v["tens"]}


def _minor_part(text: str, side: _Side) -> None:
    """Add the cents of "3 dollars 50 cents" to a whole amount written with a currency word."""
    if side.value != int(side.value) or side.num.scaled:
        return
    m = _MINOR_PART.match(text, side.end)
    if not m:
        return
    words = re.split(r"[\s-]+", m.group("n").lower())
    cents = int(words[0]) if words[0].isdigit() else sum(_minor_words().get(w, 0) for w in words)
    if 0 < cents < 100:
        side.value += cents / 100
        side.end = m.end()


def _percent_before(text: str, num: Number) -> int | None:
    """Start of "percent of" in the old form "percent of 10" (no number before "percent")."""
    if "of" not in text[max(0, num.start - 4) : num.start]:
        return None
    m = _PERCENT_OF.search(text, max(0, num.start - 24), num.start)
    if not m:
        return None
    if re.search(
        r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty|hundred|"
        r"thousand|million))\s*$",
        text[max(0, m.start() - 20) : m.start()],
        re.IGNORECASE,
    ):
        return None
    return m.start()


_PERCENT_OF = re.compile(r"(?<![\w])(?:per\s*cents?|percents?)\s+of\s+$", re.IGNORECASE)


_MIXED = re.compile(r"[ \u00a0-](1/2|1/4|3/4|1/3|2/3)(?![\d/])")


# "12m rounds", "1.2m men": a glued "m" before a plural count noun is millions (as The Economist and
# the FT write them); metres come before a singular or an adjective ("a 12m wall", "10m high").
_MILLIONS_OF = re.compile(r"[^\S\n](?:[a-z]+[^s\W]s|men|women|people|children|personnel)\b")


def _measure_after(text: str, num: Number, p: _Patterns) -> bool:
    """Whether a measure word follows: "17m dwt" is 17 million deadweight tonnes, not 17 metres."""
    word = _NEXT_WORD.match(text, num.end)
    return word is not None and word.group(1).lower() in p.measures


def _side(text: str, num: Number, p: _Patterns) -> _Side:
    side = _Side(num, num.value, num.start, num.end, factor=num.factor)
    before = text[max(0, num.start - 12) : num.start]
    prefixed = _may_end_with(before, p.prefix_ends)
    m = p.currency_prefix.search(before) if prefixed else None
    if m:
        side.currency = p.currency_prefixes.get(_norm(m.group().rstrip()).replace(" $", " $"))
        if side.currency is None:
            key = re.sub(r"\s+", " ", m.group().strip().lower())
            side.currency = p.currency_prefixes.get(key) or p.currency_prefixes.get(key.replace(" ", ""))
        if side.currency:
            side.start = num.start - len(before) + m.start()
    scaled_code = _SCALED_PREFIX.search(before) if prefixed else None
    if scaled_code and not side.currency:
        # "MAUD 60", "MUSD 30": finance shorthand for millions
        code, factor = p.scaled[scaled_code.group(1).lower()]
        side.currency, side.value = code, side.value * factor
        side.start = num.start - len(before) + scaled_code.start()
    if num.scale_letter in ("g", "G") and not side.currency and _WORD_AFTER.match(text, num.end):
        side.adjective = True  # "5G network": a name, not five billion
        return side
    if num.scaled and not side.currency and _GLUED_MM.match(text, num.end - 3, num.end):
        # "122mm rockets": glued "mm" is money slang only after a currency ("$1mm"), else a calibre.
        side.value = num.value / num.factor
        side.factor = 1.0
        side.measure = "mm"
        side.end = num.end
        return side
    # A glued single-letter scale is a unit unless money or an upper-case M/B/G ("10m" tall vs "$10m").
    if (
        num.scale_letter
        and num.scale_letter in "mt"
        and not side.currency
        and not (
            num.scale_letter == "m" and (_MILLIONS_OF.match(text, num.end) or _measure_after(text, num, p))
        )
    ):
        side.value = num.value / num.factor
        side.factor = 1.0
        side.measure = "m" if num.scale_letter == "m" else "tonnes"
        side.end = num.end
        return side
    mixed = _MIXED.match(text, num.end) if text.startswith("/", num.end + 2) else None
    if mixed and num.digits and not num.decimal:
        # "2 1/2 years"
        a, b = mixed.group(1).split("/")
        side.value += int(a) / int(b)
        side.end = mixed.end()
        num = Number(side.value, num.start, side.end, False, False, None)
        side.num = num
    # After one space and two ASCII letters (the commonest case, "3,000 troops") either pattern can
    # only match a word of its own that begins with those letters: look them up first.
    after = text[side.end : side.end + 3]
    if after[:1] == " " and len(after) == 3 and after.isascii() and after[1:].isalpha():
        m = p.suffix.match(text, side.end) if after[1:].lower() in p.suffix_starts else None
        cs = p.measure_cs.match(text, side.end) if after[1:] in p.measure_cs_starts else None
    else:
        m = p.suffix.match(text, side.end)
        cs = p.measure_cs.match(text, side.end)
    if (
        m
        and m.group("sp").strip() == "-"
        and not (m.group("mea") or m.group("age") or m.group("mul") or m.group("min") or m.group("cur"))
    ):
        m = None  # "15-percent"? rare; "10-dollar" handled by cur
    if m:
        sep = m.group("sp")
        hyphen = "-" in sep
        if m.group("pct"):
            side.percent = p.percent.get(_norm(m.group("pct")), "percent")
            side.end = m.end()
        elif m.group("scl") and not side.currency:
            code, factor = p.scaled[_norm(m.group("scl"))]
            side.currency, side.value, side.end = code, side.value * factor, m.end()
        elif m.group("min") and not side.currency:
            code, per = p.minor[_norm(m.group("min"))]
            side.currency, side.value, side.end = code, side.value / per, m.end()
        elif m.group("cur") and (not side.currency or _norm(m.group("cur")) in ("$", "usd", "dollars")):
            key = _norm(m.group("cur"))
            side.currency = side.currency or p.currency_suffixes[key]
            side.end = m.end()
            late = _LATE_SCALE.match(text, side.end)
            if late and not num.scaled:
                # "75 USD million"
                side.value *= _LATE_FACTORS[late.group(1).lower()]
                side.factor = _LATE_FACTORS[late.group(1).lower()]
                side.end = late.end()
            elif key.isalpha() and not num.decimal:
                _minor_part(text, side)
        elif m.group("mul"):
            side.multiplier = True
            side.end = m.end()
        elif m.group("age"):
            side.age = True
            side.end = m.end()
        elif m.group("mea") and not side.currency:
            side.measure = p.measures.get(_norm(m.group("mea")))
            side.end = m.end()
        elif m.group("tim"):
            side.time_unit = _norm(m.group("tim"))
            if hyphen:
                # "a two-year period", "26-year-old" handled above: an adjective, not a count
                side.adjective = True
            side.end = m.end()
    elif cs and not side.currency:
        side.measure = p.measures.get(cs.group("mea"))
        side.end = cs.end()
    if side.end == num.end and not side.percent and not side.currency:
        pct = _percent_before(text, num)
        if pct is not None:
            side.percent, side.start = "percent", pct
    if side.end == num.end and not side.percent:
        h = p.hyphen_word.match(text, num.end)
        if h and h.group(1).lower() not in ("plus", "strong", "odd", "some"):
            side.adjective = True
    return side


def _kind(side: _Side) -> tuple[str, str | None] | None:
    if side.currency:
        return ("money", side.currency)
    if side.percent:
        return ("percent", None)
    if side.multiplier:
        return ("times", None)
    if side.time_unit:
        return ("time", None)
    if side.measure:
        return ("measure", side.measure)
    return None


def _compatible(a: _Side, b: _Side) -> bool:
    """Two sides make a range only if they measure the same thing ("18 % to $ 1.17 billion" do not)."""
    ka, kb = _kind(a), _kind(b)
    if ka is None or kb is None:
        # a bare number before a unit shares it ("10 to 20 km"); a unit before a bare number does not
        # hold for time ("four years to 2000") nor for a share ("lost 2.1% to 13.78 per yuan")
        return not (ka is not None and ka[0] in ("time", "percent"))
    if ka[0] != kb[0]:
        return False
    return ka[0] != "money" or ka[1] == kb[1]


# ---------------------------------------------------------------------------------------------
# Rejections: numbers that are not figures.


# "aged 20", "the ages of 18 and 22", and an age told of a person: "who is 21", "since he was 17"
_AGED_BEFORE = re.compile(
    r"\b(?:aged|ages|age\s+of|(?:who|he|she)\s+(?:is|was|turned|turns)|(?:aged|is|was)\s+\d{1,2}(?:,|\s+and)\s+the\s+other)"
    r"\s+(?:\d{1,3}\s*(?:,|and|or|to|-|–)\s*)*$",
    re.IGNORECASE,
)
# An age told as what someone or something "was": "The oldest soldier, from Tuva, was 71" (an age word
# in the sentence); "The average age of the dead has risen. In 2022 it was 30" ("it" stands for the
# age of the sentence before).
_IS_BEFORE = re.compile(r"\b(?P<it>[Ii]t[^\S\n]+)?(?:was|is)[^\S\n]+$")
_CHANGE_BEFORE = re.compile(r"\b(?:from|to)[^\S\n]+$")
_AGE_WORD = re.compile(r"\b(?:average|median|mean)\s+age\b|\b(?:oldest|youngest)\b", re.IGNORECASE)
_FULL_STOP = re.compile(r"[.!?](?:\s|$)|\n")
_AGE_REACH = 300


def _age_told(text: str, start: int, end: int) -> bool:
    verb = _IS_BEFORE.search(text, max(0, start - 10), start)
    change = None if verb else _CHANGE_BEFORE.search(text, max(0, start - 6), start)
    if verb is None and change is None and text.startswith("from ", start):
        change = _CHANGE_BEFORE.match(text, start, start + 5)  # the range "from 29 to 36"
    if verb is None and change is None:
        return False
    floor = max(0, start - _AGE_REACH)
    stops = [m.end() for m in _FULL_STOP.finditer(text, floor, start)]
    back = 2 if verb and verb.group("it") else 1  # the sentence before too, for "it"
    begin = stops[-back] if len(stops) >= back else floor
    if change is not None:
        # "The average age of the dead has risen from 31 in 2022 to 38": a change of the age word
        # before, with no noun after the number
        return (
            _AGE_WORD.search(text, begin, start) is not None
            and noun_phrase(text, end, min(len(text), end + 40)) is None
        )
    # ("One in four of the dead was over 45; the oldest was 71": the age word may follow)
    stop = _FULL_STOP.search(text, start, start + _AGE_REACH)
    return _AGE_WORD.search(text, begin, stop.start() if stop else start + _AGE_REACH) is not None


# "One soldier is 20, the other 26": the first of two ages told of a pair.
_AGE_PAIR = re.compile(r"(?:,|[^\S\n]+and)[^\S\n]+the[^\S\n]+other[^\S\n]+\d{1,2}(?!\d|[.,]\d)")

_APPROXIMATIONS = frozenset({"approximately", "nearly", "exactly"})
_GLUED_MM = re.compile(r"\d(?:mm|MM)")


def _glued_letters(text: str, num: Number, p: _Patterns) -> bool:
    """An identifier or ordinal: letters glued to the digits that are no unit ("6136f5c3", "20th")."""
    if num.words:
        return False
    end = num.end
    if end < len(text) and text[end].isalpha():
        if num.scale_letter or num.scaled:
            return False
        return not p.glued_ok.match(text, end)
    return False


# A model name ending right before a slash: letters, then digits ("KN-23", "S-300", "Kh-101").
_MODEL_BEFORE_SLASH = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z.]*-?\d+$")


def _identifier_before(text: str, start: int, p: _Patterns) -> bool:
    if start == 0:
        return False
    prev = text[start - 1]
    if prev.isalpha():
        # "USD115" is money; "L2", "F16" are names
        return not p.currency_prefix.search(text, max(0, start - 8), start)
    if prev in "#_@\\":
        return True
    if prev == "/" and start >= 2:
        if text[start - 2].isupper():
            return True  # a document symbol: "SC/15882", "S/2024/215"
        if text[start - 2].isdigit() and _MODEL_BEFORE_SLASH.search(text, max(0, start - 24), start - 1):
            return True  # the second of two model names: "KN-23/24s", "S-300/400"
    if prev == "-" and start >= 2 and text[start - 2].isalnum():
        return True
    return prev == "." and start >= 2 and text[start - 2].isalnum() and not text[start - 2].isdigit()


def _is_year(text: str, side: _Side, num: Number) -> bool:
    if not num.digits or side.currency or side.percent or side.measure or side.multiplier:
        return False
    digits = num.digits
    if len(digits) != 4 or not digits.isdigit():
        return False
    value = int(digits)
    if not 1800 <= value <= 2100:
        return False
    # "2000 troops", "above 1000" are counts; "in 2000", "the 2024 election" are years.
    before = text[max(0, num.start - 20) : num.start].lower()
    if re.search(
        r"(?:\b(?:over|above|under|below|than|least|most|to|exceeding|nearly|almost|some)|[<>=~])"
        r"\s*$",
        before,
    ) and not re.search(r"\b(?:up|back|from|dates?)\s+to\s*$", before):
        return False
    if re.search(
        r"(?:\b(?:in|since|by|until|till|from|of|during|between|before|after|year|fiscal|the|"
        r"its|this|that|early|late|mid|and|to|circa|c\.)|'s|-)\s*$",
        before,
    ):
        return True
    phrase = noun_phrase(text, side.end, min(len(text), side.end + 60))
    if phrase is None:
        return True
    head = text[phrase[1] : phrase[2]]
    return not (head.endswith("s") or head.lower() in ("people", "personnel", "men", "women", "children"))


def _line_starts_before(text: str, start: int, allow: str = "") -> bool:
    """Only blanks (and ``allow`` characters) between the start of the line and ``start``."""
    i = start - 1
    while i >= 0 and (text[i] in " \t\r" or text[i] in allow):
        i -= 1
    return i < 0 or text[i] == "\n"


def _line_ends_after(text: str, end: int) -> bool:
    i = end
    while i < len(text) and text[i] in " \t\r":
        i += 1
    return i >= len(text) or text[i] == "\n"


def _code_like(num: Number) -> bool:
    """ "0882", "007": a leading zero marks a code or a clock time, never a count."""
    digits = num.digits
    if not digits or len(digits) < 2 or digits[0] != "0" or not digits[1].isdigit():
        return False
    return digits.strip("0") != ""  # "0000" is still zero


_TEEN_YEARS = frozenset(("nineteen", "eighteen", "twenty"))


def _spoken_year(text: str, num: Number, numbers: list[Number], i: int) -> bool:
    """ "nineteen ninety-seven", "twenty twenty-four": a year read aloud in a transcript."""
    if not num.words:
        return False
    word = text[num.start : num.end].lower()
    if word in _TEEN_YEARS and i < len(numbers):
        nxt = numbers[i]
        return nxt.words and nxt.start == num.end + 1 and nxt.value < 100
    if i >= 2:
        prev = numbers[i - 2]
        return (
            prev.words
            and prev.end + 1 == num.start
            and num.value < 100
            and text[prev.start : prev.end].lower() in _TEEN_YEARS
        )
    return False


_YEAR_WORDS = frozenset(
    (
        "in",
        "since",
        "by",
        "until",
        "till",
        "from",
        "of",
        "during",
        "between",
        "before",
        "after",
        "year",
        "fiscal",
        "the",
        "its",
        "this",
        "that",
        "early",
        "late",
        "mid",
        "circa",
        "through",
        "throughout",
    )
)


def _plain_year(text: str, num: Number, last: str) -> bool:
    """Fast path for the commonest year: "in 2023", "since 2022", "the 2024 election"."""
    digits = num.digits
    if not digits or len(digits) != 4 or not digits.isdigit() or not 1800 <= int(digits) <= 2100:
        return False
    if text[num.end : num.end + 1] in ("%", "-") or text[num.start - 1 : num.start] in (
        "$",
        "€",
        "£",
        "¥",
        "₩",
    ):
        return False
    return last in _YEAR_WORDS  # last_word(text, num.start)


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """A number on a line of its own: metadata (a count, an id), not a figure."""
    return _line_starts_before(text, start) and _line_ends_after(text, end)


def _list_number(text: str, num: Number) -> bool:
    if _note_mark(text, num):
        return True
    if not _line_starts_before(text, num.start, "("):
        return _enumerated(text, num)
    if _THREAD_MARK.match(text, num.end):
        return True  # a post's number in a thread: "1/ New footage", "3/10 Debris"
    return text[num.end : num.end + 1] in (".", ")") and text[num.end + 1 : num.end + 2].isspace()


def _low_end_of_time(text: str, end: int, time_starts: set[int]) -> bool:
    join = _TIME_RANGE_JOIN.match(text, end)
    return join is not None and join.end() in time_starts and not _YEAR_START.match(text, join.end())


_YEAR_START = re.compile(r"\d{4}\b")
_TIME_RANGE_JOIN = re.compile(r"\s+(?:to|or)\s+|\s*[-–]\s*")
# An international telephone number: a country code after "+", then at least six more digits in groups
# ("+155 per cent" is a rise: seven digits at least).
_PHONE = re.compile(r"(?<![\w)])\+(?=(?:[ .()-]*\d){7})\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?![\d,])")
# A national one dialled with its trunk "0": "020 7008 3100", "(020) 7008 3100", "02-2100-7146" (the
# pattern opens with the literal "0", which the regex engine finds fast; what stands before it is
# checked apart).
_NATIONAL_PHONE = re.compile(r"0\d{1,4}\)?(?:[ -]\d{3,4}){2}(?![\d,.]\d|[\w-])")
_NOT_BEFORE_PHONE = frozenset("_.,$€£¥₩")


def _phone_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _PHONE.finditer(text)] if "+" in text else []
    if " 0" in text or "(0" in text:
        for m in _NATIONAL_PHONE.finditer(text):
            before = text[m.start() - 1 : m.start()]
            if not (before.isalnum() or before in _NOT_BEFORE_PHONE) or not before:
                spans.append(m.span())
    return spans


_THREAD_MARK = re.compile(r"/(?:\d{1,3})?[ \t]")


def _note_mark(text: str, num: Number) -> bool:
    """ "... to Russia.[1]", "[3] NIS briefing, 4 September": a note's number in square brackets (an
    editor's insertion into a quote, "[about 10,000]", carries words or a grouped number)."""
    return (
        text[num.start - 1 : num.start] == "["
        and text[num.end : num.end + 1] == "]"
        and num.digits is not None
        and num.digits.isdigit()
        and len(num.digits) <= 3
    )


_ENUMERATION_REACH = 400  # characters between two items of a run-in list


# An item's number with a note on it, as loss lists link each photo: "(1, destroyed) (2, damaged)".
_ITEM_NOTE = re.compile(r", [a-z][a-z ]{0,30}\)")


def _enumerated(text: str, num: Number) -> bool:
    """ "should (1) reconstitute ...; (2) expand ...": an item number of a list run into a sentence,
    told by its parentheses and by the item before or after it ("(1, destroyed) (2, damaged)" too)."""
    if not (
        num.digits
        and not num.grouped
        and num.value == int(num.value)
        and num.value >= 1
        and text[num.start - 1 : num.start] == "("
    ):
        return False
    value = int(num.value)
    if text[num.end : num.end + 1] == ")" and value <= 20:
        close = ")"
    elif text[num.end : num.end + 2] == ", " and _ITEM_NOTE.match(text, num.end):
        close = ", "  # (a list of photographed losses runs into the hundreds)
        if value == 1 and text[num.start - 3 : num.start - 1] == ": ":
            return True  # "- 1 T-90M: (1, destroyed)": an item's only photo
    else:
        return False
    if text.find(f"({value + 1}{close}", num.end, num.end + _ENUMERATION_REACH) >= 0:
        return True
    before = max(0, num.start - _ENUMERATION_REACH)
    return value > 1 and text.find(f"({value - 1}{close}", before, num.start) >= 0


_VOTE_WORDS = frozenset(
    (
        "voted",
        "vote",
        "votes",
        "voting",
        "passed",
        "approved",
        "adopted",
        "won",
        "lost",
        "beat",
        "defeated",
        "score",
        "scored",
        "tally",
        "margin",
    )
)
_PERSON_NOUNS = frozenset(
    (
        "defector",
        "soldier",
        "man",
        "woman",
        "officer",
        "prisoner",
        "pow",
        "student",
        "worker",
        "mother",
        "father",
        "son",
        "daughter",
        "resident",
        "farmer",
        "private",
        "sergeant",
        "lieutenant",
        "captain",
        "corporal",
        "refugee",
        "leader",
        # (ranks, trades and kin that news copy sets an age after: "A battery commander, 41, said")
        "commander",
        "gunner",
        "driver",
        "medic",
        "sniper",
        "conscript",
        "recruit",
        "volunteer",
        "veteran",
        "engineer",
        "laborer",
        "labourer",
        "researcher",
        "wife",
        "husband",
        "brother",
        "sister",
        "widow",
        "victim",
    )
)


def _vote_before(text: str, start: int) -> bool:
    return any(t[0].strip(",.;:") in _VOTE_WORDS for t in tail_words(text, start, 4, 40))


def _age_in_commas(text: str, num: Number) -> bool:
    """ "The defector, 29, said": an age set off by commas after a name or a person."""
    if (
        num.words
        or num.value >= 120
        or num.decimal
        or text[num.end : num.end + 1] not in (",", ".", ";", ")")
    ):
        return False
    toks = tail_words(text, num.start, 1, 30)
    if not toks or not toks[0][0].endswith(","):
        return False
    word = text[toks[0][1] : toks[0][2] - 1]
    # (a hyphenated given name is a name too: "Kim Jung-soo, 64, served")
    return (word[:1].isupper() and word.replace("-", "").isalpha()) or word.lower() in _PERSON_NOUNS


_OF_AFTER = re.compile(r"\s+of\s", re.IGNORECASE)


def _day_index(text: str, num: Number, last: str) -> bool:
    """ "day 994 of the invasion", "Day 1,057 - live": the number of a day in a count of days, not a
    figure (a capital "Day" is a label; "each day 300 shells" is a count)."""
    if last != "day":
        return False
    return _OF_AFTER.match(text, num.end) is not None or text[num.start - 4 : num.start - 1] == "Day"


_RATIO = re.compile(r"\s++(?:in|out\s++of)\s++", re.IGNORECASE)


def _ratio(text: str, num: Number, numbers: list[Number], i: int) -> bool:
    """ "1 in 3 shells", "one out of five": a ratio, which is a fraction, not a count."""
    m = _RATIO.match(text, num.end)
    if m and i < len(numbers) and numbers[i].start == m.end() and num.value < numbers[i].value:
        return True
    # the second number of a ratio
    if i >= 2:
        prev = numbers[i - 2]
        m = _RATIO.match(text, prev.end)
        return bool(m and m.end() == num.start and prev.value < num.value and prev.value <= 10)
    return False


_WEEKDAYS = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))


def _model_name(text: str, num: Number, side: _Side) -> bool:
    """ "Boeing 737", "Apollo 11": a bare number right after a capitalized word inside a sentence,
    counting nothing, is part of a name."""
    if not num.digits or num.grouped or side.end != num.end or side.start != num.start:
        return False
    if num.start < 2 or text[num.start - 1] != " " or not text[num.start - 2].isalpha():
        return False
    space = text.rfind(" ", max(0, num.start - 30), num.start - 1)
    if not text[space + 1 : space + 2].isupper():
        return False  # cheap test first: the word before is not capitalized
    toks = tail_words(text, num.start, 2, 40)
    if len(toks) < 2 or text[toks[-1][2] : num.start] != " ":
        return False
    word = text[toks[-1][1] : toks[-1][2]]
    if not (word[:1].isupper() and word[1:].isalpha() and word not in _WEEKDAYS):
        return False
    if toks[0][0][-1:] in (".", "!", "?", ":", '"', "“", "”") or text[toks[0][2] : toks[-1][1]].count("\n"):
        return False  # the capital only opens a sentence
    phrase = noun_phrase(text, num.end, min(len(text), num.end + 60))
    return phrase is None or not text[phrase[1] : phrase[2]].endswith("s")  # "Boeing 737 landed"


# A calibre names a kind of gun or round, it measures nothing the story counts: "152mm shells", "a
# 240-mm launcher", "170mm M-1989 guns". A length in these units before the word it qualifies is one
# (words that follow a measured length are left: "rain of 50 mm in a day", "armour 80 mm thick").
_CALIBRE_UNITS = frozenset(("mm", "cm", "inches"))
_KIND_SIZES = frozenset(("feet", "teu"))
_CALIBRE_NOUN = re.compile(r"[^\S\n]+(?:[A-Z]|[a-z][a-z-]*)")
_CALIBRE_JOINED = re.compile(r"(?:(?:,?[^\S\n]+(?:and|or)|,)[^\S\n]+\d+(?:\.\d+)?[^\S\n]?-?(?:mm|cm)\b)+")
_NOT_QUALIFIED = frozenset(
    ("of", "in", "on", "at", "a", "an", "the", "and", "or", "to", "from", "per", "by", "for", "with", "long",
     "wide", "thick", "deep", "high", "tall", "across", "away", "was", "is", "were", "are")
)  # fmt: skip


def _calibre(text: str, side: _Side) -> bool:
    if side.measure not in _CALIBRE_UNITS and not (
        # "a 20-foot container", "40-ft boxes", "a 1,100-teu feeder": a size that names a kind of
        # thing, like a calibre
        side.measure in _KIND_SIZES and "-" in text[side.num.end : side.end]
    ):
        return False
    # ("122mm and 152mm artillery shells": a calibre joined to the next qualifies its noun too)
    joined = _CALIBRE_JOINED.match(text, side.end) if side.measure in _CALIBRE_UNITS else None
    word = _CALIBRE_NOUN.match(text, joined.end() if joined else side.end)
    return word is not None and word.group().strip().lower() not in _NOT_QUALIFIED


# "2 min read": a page's reading time. "off by 10% in either direction": how sure an estimate is.
_READING_TIME = re.compile(r"[^\S\n]*(?:min|mins|minutes?)[^\S\n]+read\b")
_EITHER_WAY = re.compile(r"[^\S\n]+(?:in[^\S\n]+)?either[^\S\n]+(?:direction|way)\b")
# "entities owned ... 50 percent or more by one or more blocked persons": a legal threshold, no figure
_OWNED_BEFORE = re.compile(r"\bowned\b[^.;]{0,100}$")


# A length told with the dimension it measures ("15 meters high", "a hull 120 feet long") is a size.
_SIZE_UNITS = frozenset(("m", "feet", "cm"))
_SIZE_AFTER = re.compile(r"[^\S\n]+(?:long|high|tall|wide|deep|thick)\b")
# How sure an estimate or a forecast is: "a 95% confidence interval", "a 70 to 80 percent chance".
_CONFIDENCE = re.compile(
    r"[^\S\n]+(?:(?:confidence|credible)[^\S\n]+(?:interval|level)|chance|probability|likelihood)\b",
    re.IGNORECASE,
)
# How sure a poll is: "a margin of error of plus or minus 3.1 percentage points", "±10 percent".
_MARGIN_BEFORE = re.compile(
    r"\bmargin[^\S\n]+of[^\S\n]+(?:sampling[^\S\n]+)?error[^\S\n]+(?:(?:of|is|was)[^\S\n]+)?"
    r"(?:plus[^\S\n]+or[^\S\n]+(?:minus[^\S\n]+)?|±[^\S\n]*)?$"
    r"|\bgive[^\S\n]+or[^\S\n]+take[^\S\n]+(?:an?[^\S\n]+)?$",  # ("15,000, give or take a thousand")
    re.IGNORECASE,
)
# A prisoner swap's format: "the 84 for 84 exchange", "390-for-390".
_SWAP_AFTER = re.compile(r"[^\S\n]*-?for-?[^\S\n]*(\d[\d,]*)(?![\d,.])")
_SWAP_BEFORE = re.compile(r"(?<![\d,.])(\d[\d,]*)[^\S\n]*-?for-?[^\S\n]*$")


def _swap_format(text: str, num: Number) -> bool:
    """Whether a number and the same number stand on either side of "for" ("84 for 84")."""
    digits = text[num.start : num.end]
    after = _SWAP_AFTER.match(text, num.end)
    if after is not None and after.group(1) == digits:
        return True
    before = _SWAP_BEFORE.search(text, max(0, num.start - 16), num.start)
    return before is not None and before.group(1) == digits


# "a basement measuring 8 by 5 meters", "40x20 m": the sides of an area are a size, not figures.
_BY_SIDE = re.compile(r"[^\S\n]+by[^\S\n]+|[^\S\n]*[x×][^\S\n]*")


def _decade(text: str, num: Number, last: str) -> bool:
    """ "in their early 20s", "the 80s": a decade of age or of a century, no count (nor seconds)."""
    return (
        num.digits is not None
        and text.startswith("s", num.end)
        and not text[num.end + 1 : num.end + 2].isalnum()
        and num.value % 10 == 0
        and (
            last in _DECADE_BEFORE
            or text[num.start - 4 : num.start].lower() == "mid-"
            or _DECADE_PARTNER.search(text, max(0, num.start - 16), num.start) is not None
        )
    )


_DECADE_PARTNER = re.compile(r"\d0'?s\s*(?:and|or|to|-|–)\s*$")  # "the 1960s and 70s"
_DECADE_BEFORE = frozenset({"the", "their", "his", "her", "its", "our", "early", "mid", "late", "mid-"})


def _name_after(text: str, num: Number, side: _Side) -> bool:
    """ "analysts at 38 North said": a small bare number before a capitalized name that no counted
    noun follows is part of the name (not "30 North Korean soldiers", "300 Ukrainians")."""
    if not num.digits or num.grouped or num.value >= 1000 or side.end != num.end or side.start != num.start:
        return False
    if not text.startswith(" ", num.end) or not text[num.end + 1 : num.end + 2].isupper():
        return False  # cheap test first
    name = _NAME_AFTER.match(text, num.end)
    if not name:
        return False
    words = name.group(1).split()
    if words[-1].endswith(("s", "ese", "ish", "ch")) or any(
        w in _WEEKDAYS or _MONTH_WORD.fullmatch(w) for w in words
    ):
        return False  # "450 Japanese are", "300 British": a people, counted
    if not head_follows(text, name.end(), min(len(text), name.end() + 40)):
        return True
    # A singular word after the name, no plural after it, counts nothing: "the 38 North program will"
    # ("20 Kalibr cruise missiles" is a count).
    after = _TWO_WORDS.match(text, name.end())
    return after is not None and num.value > 1 and not any(plural_word(w) for w in after.groups() if w)


_TWO_WORDS = re.compile(r" ([a-z]+)(?: ([a-z]+))?(?![\w'’-])")
_NAME_AFTER = re.compile(r" ((?:[A-Z][a-z]+ (?:of (?:the )?)?)*[A-Z][a-z]+)(?![\w'’-])")
_MONTH_WORD = re.compile(_MONTHS)


def _age_in_parens(text: str, num: Number) -> bool:
    if num.start == 0 or num.end >= len(text) or num.value >= 120:
        return False
    if text[num.start - 1] != "(" or text[num.end] != ")":
        return False
    return bool(re.search(r"[A-Z][\w'’-]*\s*$", text[max(0, num.start - 30) : num.start - 1]))


_THE_BEFORE = re.compile(r"(?<![\w-])the\s+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b", re.IGNORECASE)


def _named_pair(text: str, num: Number, side: _Side, p: _Patterns, before: Sequence[_Figure] = ()) -> bool:
    """ "the two countries", "the two pariah states", "the three countries" (of a trilateral): the
    parties the story is about, named again, not counted; so is "the two prisoners" after a count of
    two, and "the two men"."""
    if (
        num.value not in (2, 3)
        or side.end != num.end
        or text[num.start : num.end].lower() not in ("two", "three")
    ):
        return False
    if not _THE_BEFORE.search(text, max(0, num.start - 6), num.start):
        return False
    if _ONE_OF_THE.search(text, max(0, num.start - 20), num.start):
        return True  # "one of the two captured soldiers": which of the pair, no count
    words = _NEXT_WORDS.match(text, num.end)
    if words is None:
        return text[num.end : num.end + 1] in (",", ";", ".")  # "the two, who met in Vladivostok"
    first = words.group(1)
    second = words.group(2) or ""
    if first in p.pair_pronoun_after or (
        first.endswith("ed")
        and first.islower()
        and not second.endswith("s")  # "the two armed drones": an adjective
        and _harm_unit(first) is None
        and first != "captured"
    ):
        return True  # "the two sign the treaty", "the two agreed": a pronoun, the verb after it
    if first.lower() in p.pair_nouns or second.lower() in p.pair_nouns or first in _PAIR_PEOPLE:
        return True
    # "held two prisoners ... the two prisoners asked": the count told before, named again
    return any(f.low == num.value and f.high == num.value for f in before)


_PAIR_PEOPLE = frozenset(("men", "women"))  # "the two men were held": people the story told of


_ONE_OF_THE = re.compile(
    r"\b(?:one|either|neither|each|both|none)[^\S\n]+of[^\S\n]+the[^\S\n]+$", re.IGNORECASE
)
# The word after a number and the word after that one, when the first is a lower-case modifier
# ("pariah", "neighbouring").
_NEXT_WORDS = re.compile(r"[^\S\n]+([A-Za-z]+)\b(?:(?<=[a-z])[^\S\n]+([A-Za-z]+)\b)?")


def _pronoun_one(text: str, num: Number, side: _Side, p: _Patterns) -> bool:
    """ "one" as a pronoun or determiner ("one of", "the one", "one expert said").

    A bare "one" is a figure only with a qualifier ("at least one soldier") or as a range end ("one or
    two"): news copy uses it as an article far more often than as a count.
    """
    word = text[num.start : num.end].lower()
    if word != "one" or side.currency or side.percent or side.measure or side.multiplier:
        return False
    if p.range_sep.match(text, side.end) and re.match(r"\s*(?:-|or|to)\s+\w", text[side.end : side.end + 8]):
        return False
    if _qualifier(text, side.start, p)[1] is None:
        return True
    before = re.search(r"([\w'’]+)\W*$", text[max(0, num.start - 20) : num.start])
    if before and before.group(1).lower() in p.one_before:
        return True
    after = re.match(r"\W*([\w'’]+)", text[num.end : num.end + 20])
    if not after or after.group(1).lower() in p.one_after:
        return True
    if text[num.end : num.end + 1] in (",", ".", ";", ":", "?", "!", ")"):
        return True
    return noun_phrase(text, side.end, min(len(text), side.end + 60), single=True) is None


_FRACTION_AFTER = re.compile(
    r"[\s-]++(?:halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|"
    r"twelfths?|hundredths?|thousandths?|millionths?)(?![\w])|\s*+/\s*+\d",
    re.IGNORECASE,
)
_ORDINAL_AFTER = re.compile(rf"-(?:{_ORDINAL_WORDS})(?![\w])", re.IGNORECASE)
_SMALL_WORD_END = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|\d+)$", re.IGNORECASE
)


# A number word with a capital inside a name ("the Group of Seven", "the Big Three of Western
# sanctions"): a capitalized word before it (or before its "of") and a small word after it; not a
# sentence's first word nor a headline's ("Seoul Sends Three Thousand Troops").
_NAME_WORD_BEFORE = re.compile(r"\b[A-Z][a-z]+[^\S\n]+(?:of[^\S\n]+)?$")
_SMALL_AFTER = re.compile(r"[^\S\n]*(?:[,.;:)'’]|[^\S\n][a-z])")


def _number_in_name(text: str, num: Number) -> bool:
    return (
        _NAME_WORD_BEFORE.search(text, max(0, num.start - 24), num.start) is not None
        and _SMALL_AFTER.match(text, num.end) is not None
        and not opens_sentence(text, num.start)
        and not opens_sentence(text, text.rfind(" ", 0, num.start - 1) + 1)
    )


def _fraction_or_ordinal(text: str, num: Number) -> bool:
    """ "two-thirds", "one quarter", "1/2", "twenty-first": fractions and ordinals are no figures."""
    if not (_FRACTION_AFTER.match(text, num.end) or (num.words and _ORDINAL_AFTER.match(text, num.end))):
        return False  # the cheap test first: what follows
    return bool(_SMALL_WORD_END.search(text, num.start, num.end))


# ---------------------------------------------------------------------------------------------
# Figures


@dataclass(slots=True)
class _Figure:
    start: int
    end: int
    low: float | None
    high: float | None
    qualifier: str | None
    side: _Side
    value_end: int  # where the counted noun may begin
    count_start: int  # number start, for the noun-before rule


_SYMBOLS = {
    ">": ("low", "more than"),
    ">=": ("low", "at least"),
    "≥": ("low", "at least"),
    "<": ("high", "less than"),
    "<=": ("high", "at most"),
    "≤": ("high", "at most"),
    "~": ("approx", "approximately"),
    "≈": ("approx", "approximately"),
}


_SIGN = re.compile(r"(?:[<>≤≥]\s*=?|~|≈)\s*$")
_OPENING = "([{\"'“‘"
_CLOSING = '"”’'
_MORE_WORDS = frozenset(("another",))
_QUOTE_OPENS = '"“'


@lru_cache(maxsize=1)
def _preposition_after() -> dict[str, frozenset[str]]:
    """Qualifier words that are prepositions after the verbs listed ("asked about two soldiers")."""
    return {k: frozenset(words) for k, words in vocabulary()["qualifier_prepositions"].items()}


def _qualifier(
    text: str, start: int, p: _Patterns, last: str | None = None
) -> tuple[int, str | None, str | None]:
    """(span start, bound, name) of the qualifier chain ending at ``start``.

    ``last``: ``last_word(text, start)`` when the caller has it already.
    """
    if start > 1 and text[start - 1] in _QUOTE_OPENS and text[start - 2] == " ":
        # 'as many as "12,000" troops': the chain before the quote qualifies the quoted figure
        q_start, bound, name = _qualifier(text, start - 1, p)
        return (q_start, bound, name) if bound is not None else (start, None, None)
    sign_char = text[max(0, start - 4) : start].rstrip()[-1:]
    lead = (last_word(text, start) if last is None else last).lstrip(_OPENING).rstrip(_CLOSING)
    if (
        sign_char not in ("<", ">", "=", "≤", "≥", "~", "≈")
        and lead not in p.qualifier_sizes
        and lead not in _MORE_WORDS
    ):
        return start, None, None
    # "(about 5": an opening bracket or quote glued to the first word stays outside the span;
    # ('"well over" 4,000': a closing quote after it is no word of the chain either)
    toks = []
    for word, s, _ in tail_words(text, start):
        opened, closed = word.lstrip(_OPENING), word.rstrip(_CLOSING)
        toks.append((opened.rstrip(_CLOSING), s + len(word) - len(opened), s + len(closed)))
    parts: list[dict[str, str]] = []
    q_start = start
    more = toks and toks[-1][0] in _MORE_WORDS and not text[toks[-1][2] : start].strip()
    if more:
        # "up to another 2,000": the bound holds for the count of more, which "another" opens
        q_start = toks.pop()[1]
    # a glued comparison sign: "x>10", "< = 100"
    sign = _SIGN.search(text[max(0, start - 4) : start]) if sign_char and sign_char in "<>=≤≥~≈" else None
    if sign:
        key = re.sub(r"\s+", "", sign.group())
        bound, name = _SYMBOLS.get(key, _SYMBOLS.get(key[:1], ("approx", "approximately")))
        parts.append({"bound": bound, "name": name})
        q_start = start - len(sign.group())
        while toks and toks[-1][2] > q_start:
            toks.pop()
    if toks and toks[-1][2] != q_start and text[toks[-1][2] : q_start].strip().strip(_CLOSING):
        toks = []
    sizes = p.qualifier_sizes
    while toks:
        for size in sizes.get(toks[-1][0], ()):
            if size > len(toks):
                continue
            phrase = " ".join(t[0] for t in toks[-size:])
            spec = p.qualifiers.get(phrase)
            if (
                spec is not None
                and size < len(toks)
                and toks[-size - 1][0].lower() in _preposition_after().get(phrase.lower(), ())
            ):
                spec = None  # "lawmakers asked about two soldiers": what was asked, no estimate
            if spec is not None:
                parts.append(spec)
                q_start = toks[-size][1]
                del toks[-size:]
                break
        else:
            break
    if not parts:
        return start, None, None  # ("Another 42": no qualifier, "another" stays out of the figure)
    bound, name = None, None
    for spec in parts:  # nearest first: it decides, approximations aside
        if bound is None or (bound in ("approx", "exact") and spec["bound"] in ("low", "high")):
            bound, name = spec["bound"], spec["name"]
    return q_start, bound, name


_CHANGED_BY = re.compile(
    r"\b(?:rose|risen|fell|fallen|grew|grown|jumped|climbed|dropped|increased|decreased|raised|revised|cut|up|down)"
    r"(?:[^\S\n]+(?:by|from))?[^\S\n]+$",
    re.IGNORECASE,
)
_RANGING = re.compile(r"\b(?:range|ranges|ranged|ranging|vary|varies|varied)[^\S\n]+$", re.IGNORECASE)


def _opener(text: str, start: int) -> int | None:
    """Start of "between" / "from" / "anywhere between" right before a range."""
    toks = tail_words(text, start, 2, 30)
    if not toks or toks[-1][0] not in ("between", "from") or text[toks[-1][2] : start].strip():
        return None
    if len(toks) == 2 and toks[0][0] in ("anywhere", "somewhere"):
        return toks[0][1]
    return toks[-1][1]


_WORD_AFTER = re.compile(r"[^\S\n]+([\w'’]+)")


def _committee_after(text: str, end: int, p: _Patterns) -> bool:
    """ "the 1718 Committee's panel": a resolution's number before the body it names."""
    m = _WORD_AFTER.match(text, end, end + 30)
    return m is not None and m.group(1).lower() in p.nouns_after


_CUE_LEADS = frozenset(("no.", "no", "#", "nr.", "nos.", "war"))


def _identifier_cue(text: str, start: int, p: _Patterns, last: str) -> bool:
    """ "Article 45", "Resolution 1874", "No. 3", "World War 2": the number names something.

    ``last``: ``last_word(text, start)``."""
    # "(IMO 9179842)": an opening bracket before the cue does not hide it
    if last not in p.cues and last.strip("().,:") not in p.cues and last not in _CUE_LEADS:
        return False
    toks = tail_words(text, start, 2, 30)
    if not toks or text[toks[-1][2] : start].strip():
        return False
    last = toks[-1][0]
    if last in p.cues or last.strip("().,:") in p.cues:
        return True
    if last in ("no.", "no", "#", "nr.", "nos.") and len(toks) == 2:
        return True
    return len(toks) == 2 and f"{toks[0][0]} {last}" in p.cues


def _bounds(value: float, bound: str | None) -> tuple[float | None, float | None]:
    if bound == "low":
        return value, None
    if bound == "high":
        return None, value
    return value, value


# Words that join or continue a number chunk besides the number words and scales of the vocabulary
# ("two thousand and five", "three point two", "a half", "a quarter million").
_CHUNK_JOIN_WORDS = frozenset(
    ("and", "point", "a", "an", "half", "quarter", "dozen", "dozens", "dz", "dzs", "doz", "dozs")
)
# What may follow the end of a time so that no number chunk read inside the time can run past it: a
# comma or point before no digit, a character no chunk reads, or blanks before one of those or
# before a word (which the caller checks against ``chunk_words``). Anything else may continue one.
_CHUNK_STOP = re.compile(r"[,.](?!\d)|[^\w\s,.\-&–]|\s++(?:[^\w\s.\-&–]|([A-Za-z]+)(?![\w]))")


def _time_ends(text: str, spans: list[tuple[int, int]], p: _Patterns) -> list[tuple[int, int]]:
    """The times that no number chunk can leave: the digit candidates inside them give only numbers
    the time blocks, so they need not be read. Empty unless the times are disjoint (then a number
    overlapping one of them is blocked by that one, see ``_Blocked``)."""
    out: list[tuple[int, int]] = []
    last = 0
    for start, end in spans:
        if start < last or start >= end:
            return []
        last = end
        if end < len(text) and not (text[end] in ",." and not text[end + 1 : end + 2].isdecimal()):
            m = _CHUNK_STOP.match(text, end)  # (the commonest stop, a comma or point, tested first)
            if m is None or (m.group(1) is not None and m.group(1).lower() in p.chunk_words):
                continue
        out.append((start, end))
    return out


def _scan(
    text: str, p: _Patterns, closed_times: Sequence[tuple[int, int]] = ()
) -> tuple[list[Number], list[re.Match[str]], list[tuple[int, int, str]]]:
    """One pass over the text: numbers, vague counts and "-fold" words (start, end, word), in order.

    ``closed_times``: from ``_time_ends``. A run of digit candidates inside one of them, up to its
    end, is skipped: reading it would only give blocked numbers and leave the reading position
    inside the time. (A word candidate among them may be a vague count that runs on, so its run is
    read as usual.)"""
    numbers: list[Number] = []
    vague: list[re.Match[str]] = []
    folds: list[tuple[int, int, str]] = []
    pos = 0
    end = len(text)
    places = candidates(text)
    n_places, n_closed = len(places), len(closed_times)
    k = 0  # the first closed time that does not end before the candidate
    skip_to = -1  # candidates before this index are skipped: digits inside a closed time
    for index, (start, after, word) in enumerate(places):
        if start < pos or index < skip_to:
            continue  # inside what was read already
        first = word[0]
        if closed_times and (first.isdigit() or first == "."):
            while k < n_closed and closed_times[k][1] <= start:
                k += 1
            if k < n_closed and closed_times[k][0] <= start:
                time_end = closed_times[k][1]
                j = index + 1
                while (
                    j < n_places
                    and places[j][0] < time_end
                    and (places[j][2][0].isdigit() or places[j][2][0] == ".")
                ):
                    j += 1
                if j == n_places or places[j][0] >= time_end:
                    skip_to = j
                    continue
        kind = "number" if first.isdigit() or first == "." else scan_kind(word)
        if kind == "fold":
            folds.append((start, after, word))
            pos = after
            continue
        if kind != "vague":
            found, pos = numbers_at(text, start, end)
            if found:
                numbers.extend(found)
                continue
        if text[max(0, start - 2) : start].lower() == "a " and text[start : start + 3].lower() == "few":
            start -= 2
        v = p.vague.match(text, start)
        if v and v.group().lower() == "scores" and not text.startswith(" of", v.end()):
            v = None  # "test scores"; "scores of people" is vague
        if v:
            vague.append(v)
            pos = v.end()
        else:
            pos = max(pos, after)
    return numbers, vague, folds


_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\s*$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?![\w])")
_CLOCK_AFTER = re.compile(
    r"(?:[:.]\d{2})?\s*+(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b|hrs\b|GMT\b|UTC\b|KST\b)|:\d{2}"
)
# A time of day in words: "at seven in the morning", "from eleven at night to five in the morning".
_DAYTIME_AFTER = re.compile(
    r"[^\S\n]+(?:in[^\S\n]+the[^\S\n]+(?:morning|afternoon|evening)|at[^\S\n]+night)\b"
)
_AT_HOUR_BEFORE = re.compile(
    r"\b(?:at|from|until|till|to|by|before|after|around|past)[^\S\n]+$", re.IGNORECASE
)
_TOKEN_AFTER = re.compile(r"\S*")
_DATE_LIKE = re.compile(
    r"\+(?=(?:[-\s./()]*\d){7})\d{1,4}(?:[-\s./]?\(?\d{1,4}\)?){2,}(?![\w])"  # phone numbers
    r"|\(?\d{1,4}\)?(?:[-./]\d{1,4}){2,}(?![\w])"  # numeric dates, IPs, versions, phones
    r"|\(\d{3}\)\s?\d{3}[-.]\d{4}(?![\w])"  # (202) 463-8270: a North American phone number
    r"|\d{1,4}\s?/\s?\d{1,4}(?![\w])"  # 9/11, 24/7, 1/2
    r"|(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2}\b"  # 2024-25
)


_DATE_CHARS = frozenset("0123456789+-./() –")


class _Blocked:
    """Whether a number is part of a time, a date, a clock time, a phone number or a URL.

    The checks look only around the number: a whole-text scan with one big alternation is several
    times slower than the rest of the engine.
    """

    def __init__(self, text: str, times: Sequence[TimeExpr]) -> None:
        self.text = text
        self.spans = sorted((t.start, t.end) for t in times)
        self.starts = [s for s, _ in self.spans]
        # Disjoint times end in the order they start: a number overlaps one of them only if it
        # overlaps the last that starts before its end.
        self.disjoint = all(a[1] <= b[0] for a, b in zip(self.spans, self.spans[1:], strict=False))
        # The date-like spans of the last window read: the numbers of "1998-08-07" share one.
        self.window = (-1, -1)
        self.dates: list[tuple[int, int]] = []

    def __call__(self, start: int, end: int) -> bool:
        text = self.text
        if self.spans:
            k = bisect.bisect_left(self.starts, end)
            if self.disjoint:
                if k and start < self.spans[k - 1][1]:
                    return True
            else:
                for s, e in self.spans[max(0, k - 8) : k]:
                    if s < end and start < e:
                        return True
        if _CLOCK_AFTER.match(text, end):
            return True
        if (
            text.startswith((" in the ", " at night"), end)
            and _DAYTIME_AFTER.match(text, end)
            and _AT_HOUR_BEFORE.search(text, max(0, start - 7), start)
        ):
            return True  # "at seven in the morning", "until eleven at night": a time of day
        day_like = end - start <= 2 and text[start:end].isdigit()  # "March 5", not "January 3,000"
        if day_like and (
            _MONTH_BEFORE.search(text, max(0, start - 11), start) or _MONTH_AFTER.match(text, end)
        ):
            return True
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before == ":" and start >= 2 and text[start - 2].isdigit():
            return True  # the minutes of "10:30"
        if (
            before in "-./+(:=%&?"
            or after in "-./:)%&="
            or text.find("/", start, end) >= 0
            or (before == " " and start >= 2 and text[start - 2] == ")")  # the "463" of "(202) 463-8270"
        ):
            floor = max(0, start - 300)
            lo = max(text.rfind(" ", floor, start), text.rfind("\n", floor, start), floor - 1) + 1
            hi = _TOKEN_AFTER.match(text, end, min(len(text), end + 300)).end()
            token = text[lo:hi]
            if "://" in token or token.startswith("www.") or "@" in token:
                return True
            # the run of digits and date/phone punctuation around the number
            a = start
            floor = max(0, start - 24)
            while a > floor and text[a - 1] in _DATE_CHARS:
                a -= 1
            b = end
            ceiling = min(len(text), end + 24)
            while b < ceiling and text[b] in _DATE_CHARS:
                b += 1
            if a < start or b > end:
                window = (max(0, a - 1), min(len(text), b + 1))
                if window != self.window:
                    self.window = window
                    self.dates = [m.span() for m in _DATE_LIKE.finditer(text, *window)]
                return any(s < end and start < e for s, e in self.dates)
        return False


# Identifiers listed after one cue: "Resolutions 1718 and 2397", "Resolutions 1718 (2006), 1874
# (2009)" (each with its year), "pages 6 to 8", "Figures 1-3".
_CHAIN = re.compile(r"(?:[^\S\n]*\(\d{4}\))?\s*(?:,|and|or|&|/|to)\s*|[-–]")
_GROUP_SIZE_BEFORE = re.compile(
    r"\bin[^\S\n]+(?:[a-z]+[^\S\n]+)?(?:groups|batches|teams|squads|bands|packs|units)[^\S\n]+of[^\S\n]+$"
)
_PEOPLE_AFTER = re.compile(r"[^\S\n]+(?:[a-z]+s|men|women|people|children)\b")  # ("teams of 10 to 15 men")
_OF_GROUP = re.compile(r"\s+of\s+(?:the|us|them|those|these|its|their)\b")


def find_figures(text: str, times: Sequence[TimeExpr] = ()) -> list[Quantity]:
    p = patterns()
    is_blocked = _Blocked(text, times)
    found, vague, folds = _scan(text, p, _time_ends(text, is_blocked.spans, p) if p.digit_free_vague else [])
    numbers = [n for n in found if not is_blocked(n.start, n.end)]
    if is_blocked.spans:
        # "two to three years": the first end of a span of time is no count either
        time_starts = set(is_blocked.starts)
        numbers = [n for n in numbers if not _low_end_of_time(text, n.end, time_starts)]
    if "+" in text or " 0" in text or "(0" in text:
        # "+32 2 281 94 23", "020 7008 3100": a telephone number, none of its groups a figure
        phones = _phone_spans(text)
        if phones:  # (most texts with a " 0" have none: no pass over their numbers)
            numbers = [n for n in numbers if not any(a <= n.start < b for a, b in phones)]
    # Inside a document (several lines) a number alone on its line is metadata.
    multiline = "\n" in text.strip()
    figures: list[_Figure] = []
    margin = "margin of" in text or "give or take" in text  # (cheap guards for the rules below)
    swap = " for " in text
    reading = " read" in text
    either = "either " in text
    skip_until = -1
    i = 0
    chain_end = -1  # end of the last identifier, for "Resolutions 1718 and 2397"
    while i < len(numbers):
        num = numbers[i]
        i += 1
        if num.start < skip_until:
            continue
        if (
            _identifier_before(text, num.start, p)
            or _glued_letters(text, num, p)
            or _fraction_or_ordinal(text, num)
            or _list_number(text, num)
            or _age_in_parens(text, num)
            or _age_in_commas(text, num)
            or _ratio(text, num, numbers, i)
            or (not num.digits and text[num.start].isupper() and _number_in_name(text, num))
        ):
            continue
        last = last_word(text, num.start)
        if _day_index(text, num, last) or last == "per":
            continue  # ("5 deaths per 100,000 people", "939.6 won per 100 yen": a denominator)
        # (matched in place: a slice would copy everything since the last identifier, for every number)
        if (
            _identifier_cue(text, num.start, p, last)
            or (chain_end >= 0 and _CHAIN.fullmatch(text, chain_end, num.start))
            or (num.end - num.start == 4 and num.digits and _committee_after(text, num.end, p))
        ):
            chain_end = num.end
            continue
        if num.digits and multiline and _alone_on_line(text, num.start, num.end):
            continue
        if (
            _plain_year(text, num, last)
            or _code_like(num)
            or _spoken_year(text, num, numbers, i)
            or _decade(text, num, last)
        ):
            continue
        side = _side(text, num, p)
        if (
            side.adjective
            or _model_name(text, num, side)
            or _name_after(text, num, side)
            or _calibre(text, side)
        ):
            continue
        if side.percent and _CONFIDENCE.match(text, side.end):
            continue  # "a 95% confidence interval": how sure an estimate is, no figure of the story
        if margin and _MARGIN_BEFORE.search(text, max(0, side.start - 40), side.start):
            continue  # "a margin of error of plus or minus 3.1 points": how sure a poll is, likewise
        if reading and _READING_TIME.match(text, num.end):
            continue
        if either and side.percent and _EITHER_WAY.match(text, side.end):
            continue
        if swap and _swap_format(text, num):
            continue  # "the exchange took place in the "84 for 84" format": how a swap went, no count
        by = _BY_SIDE.match(text, side.end) if i < len(numbers) else None
        if by is not None and numbers[i].start == by.end() and _side(text, numbers[i], p).measure:
            skip_until = numbers[i].end  # (the second side carries the unit of both)
            continue
        if (
            _pronoun_one(text, num, side, p)
            or _named_pair(text, num, side, p, figures)
            or (num.value == 1 and not side.percent and _OF_GROUP.match(text[side.end : side.end + 12]))
        ):
            continue
        # A range: "10,000 to 12,000", "$1.7 billion to $5.5 billion", "3 to 4 million", "two or three".
        low_side, high_side = side, None
        open_top = False
        sep = p.range_sep.match(text, side.end)
        opener = _opener(text, side.start) if sep else None
        if sep and i < len(numbers):
            nxt = numbers[i]
            word = _norm(sep.group())
            cur = p.currency_prefix.search(text, sep.end(), nxt.start) if nxt.start > sep.end() else None
            head = cur.start() if cur else nxt.start
            if head > sep.end() and word == "to":
                # "from $5bn to as much as $20bn": an upper bound stated as the range's high end
                up, bound, _ = _qualifier(text, head, p)
                if up == sep.end() and (
                    (bound == "high" and opener is not None)
                    # "range from 6 million to more than 12 million shells", "12 million to more than
                    # 15 million rounds": the ends of an estimate, its top left open
                    or (
                        bound == "low"
                        and (
                            _RANGING.search(text, max(0, opener - 24), opener) is not None
                            if opener is not None
                            else _CHANGED_BY.search(text, max(0, side.start - 24), side.start) is None
                        )
                    )
                ):
                    head = up
                    open_top = bound == "low"
            if head == sep.end():
                other = _side(text, nxt, p)
                if (
                    (other.currency or other.factor > 1)
                    and side.num.scale_letter
                    and side.measure
                    and side.num.scale_letter == nxt.scale_letter
                ):
                    # "1m to 5m rubles", "2m-3m tonnes": the glued letter scales both sides, as the
                    # second side shows (no metres or tonnes)
                    side.value, side.factor, side.measure = side.num.value, side.num.factor, None
                ok = not other.adjective and _compatible(side, other)
                if word == "and" and opener is None:
                    ok = False
                if word == "or" and (
                    opener is not None
                    or re.match(r"\s+(?:more|less|fewer|greater|so)\b", text[other.end : other.end + 10])
                ):
                    ok = False
                if ok:
                    a, b = side.value, other.value
                    shared = other.factor > 1 and not side.num.scaled and not side.percent
                    if shared and a * other.factor <= b:
                        a *= other.factor
                    if word == "or" and b > 10 * a:
                        ok = False  # "10 bln or 10 tln" are alternatives, not a range
                    if a > b or a == b:
                        if (
                            side.num.digits
                            and nxt.digits
                            and a > b
                            and (word in ("-", "–") or (word == "to" and _vote_before(text, side.start)))
                        ):
                            # "13-0", "voted 140 to 5": a vote tally or a score
                            skip_until = nxt.end
                            continue
                        ok = False
                    if ok and (
                        _is_year(text, side, num)
                        or (nxt.digits and len(nxt.digits) == 4 and _is_year(text, other, nxt))
                    ):
                        skip_until = nxt.end
                        continue
                if ok:
                    side.value = a
                    high_side = other
                    for attr in ("currency", "percent", "measure"):
                        if getattr(side, attr) is None and getattr(other, attr) is not None:
                            setattr(side, attr, getattr(other, attr))
                        if getattr(other, attr) is None and getattr(side, attr) is not None:
                            setattr(other, attr, getattr(side, attr))
                    if side.multiplier or other.multiplier:
                        side.multiplier = other.multiplier = True
                    if side.age or other.age:
                        side.age = other.age = True  # "20 to 35 years old"
                    i += 1
        if high_side is None and _is_year(text, side, num):
            continue
        if (
            high_side is None
            and side.time_unit
            and num.value == int(num.value)
            and side.time_unit.startswith(("second", "minute", "hour", "hrs"))
            and False
        ):
            continue

        start = side.start
        end = (high_side or side).end
        q_start, bound, name = _qualifier(text, start, p, last if start == num.start else None)
        if high_side is not None:
            if opener is not None:
                q_start = min(q_start, opener)
            low, high = low_side.value, high_side.value
            bound = None
            if open_top:
                high, name = None, "at least"
            # a qualifier before a range is kept as its name but the range holds both ends
        else:
            post = p.postfix.match(text, end)
            if post and i < len(numbers) and numbers[i].start - post.end() < 30:
                # "5000 or less than 6000": the words qualify the next number, not this one
                nq_start, _, _ = _qualifier(text, numbers[i].start, p)
                if nq_start < post.end():
                    post = None
            if (
                post
                and _norm(post.group()) == "or more"
                and (
                    (num.value == 1 and not side.percent and not side.currency)
                    or (side.percent and _OWNED_BEFORE.search(text, max(0, start - 100), start))
                )
            ):
                # "one or more blocked persons", "owned 50 percent or more by": legal wording, no count
                skip_until = max(skip_until, post.end())
                continue
            if post:
                key = _norm(post.group()).lstrip("-").strip() or "+"
                spec = (
                    p.postfix_table.get(key)
                    or p.postfix_table.get(key.replace(" ", ""))
                    or {"bound": "low", "name": "more than"}
                )
                if spec["bound"] != "same":
                    bound = spec["bound"] if bound in (None, "approx", "exact") else bound
                    name = spec["name"] or name
                end = post.end()
            if side.time_unit and name in ("over", "under") and not side.currency:
                # "over 3 years" is a time span, not a bound
                bound, name, q_start = None, None, start
            low, high = _bounds(side.value, bound)
        if high_side is not None and _calibre(text, high_side):
            skip_until = max(skip_until, end)
            continue  # "122mm or 152mm artillery rounds": two calibres, the kinds of the rounds
        if (high_side or side).percent and _CONFIDENCE.match(text, end):
            skip_until = max(skip_until, end)
            continue  # "a 70 to 80 percent chance": how likely, no figure of the story
        if (high_side or side).measure in _SIZE_UNITS and _SIZE_AFTER.match(text, end):
            skip_until = max(skip_until, end)
            continue  # "vessels about 100-120 meters long": the size of a thing seen, no figure
        if (
            text.endswith("of ", 0, start)
            and _GROUP_SIZE_BEFORE.search(text, max(0, start - 40), start)
            and not _PEOPLE_AFTER.match(text, end)
        ):
            skip_until = max(skip_until, end)
            continue  # "in groups of 20 to 30": how many each group holds, no count of the story
        if q_start < start and bound is None and high_side is None:
            q_start = start
        skip_until = max(skip_until, end)
        figures.append(_Figure(min(q_start, start), end, low, high, name, side, end, min(q_start, start)))
    figures.extend(_vague_figures(text, p, vague, figures, is_blocked))
    figures.extend(_fold_figures(text, p, folds, figures))
    if any(word in text for word in _SHARE_STEMS) or ("one in " in text or "One in " in text):
        figures.extend(_share_figures(text, p, figures))
    if "everal " in text:
        figures.extend(_several_figures(text, figures))
    if any(word in text for word in _MULTIPLE_STEMS):
        figures.extend(_multiple_figures(text, p, figures))
    if " by " in text or any(stem in text for stem in _CHANGE_STEMS):
        figures.extend(_change_figures(text, p, figures))
    figures.sort(key=lambda f: f.start)
    figures = _merge_bounds(text, figures)
    quantities = _shared_with_previous(text, [_quantity(text, f) for f in figures])
    # A person's age told in passing is no figure of the news ("aged 19", "a 26-year-old soldier", "one
    # soldier is 20, the other 26"); an average or median age is ("the median age of the recruits ... it
    # was 33"), and so is an age stated as such ("he is over thirty years old"). (Ages are read first
    # all the same, so that they count no noun.)
    kept_ages: list[Quantity] = []
    age_end = -1  # the end of the last person's age dropped
    for q in quantities:
        if q.unit == "years old" and not _age_statistic(text, q):
            if (
                not q.text.lower().endswith(_STATED_AGE)
                or _thing_s_age(text, q)
                or (
                    q.qualifier is None
                    and q.low == q.high
                    and _ONE_IS.search(text, max(0, q.start - 8), q.start)
                )
            ):
                # (one person's exact age: "One of them was 20 years old at the time")
                age_end = q.end
                continue
        elif (
            q.unit is None
            and age_end >= 0
            and _THE_OTHER.search(text, max(0, q.start - 16), q.start)
            and _one_sentence(text, age_end, q.start)
        ):
            age_end = q.end
            continue  # "..., the other 26": the other one's age
        kept_ages.append(q)
    quantities = kept_ages
    document, kept = _document_nouns(), _sized_nouns_kept()
    quantities = [
        q
        for q in quantities
        if (q.unit or "").rsplit(" ", 1)[-1] not in document
        and not (q.unit == "lines" and q.unit_end is not None and text.startswith(" long", q.unit_end))
        and not ("-" in q.text and _thing_sized(text, q, kept))
        # "containers stacked two high", "queued three deep": how a pile stands, no count
        and not (q.unit in _STACKED and q.unit_start == q.end + 1)
    ]
    if "(" in text or "," in text:
        quantities = _without_restatements(text, quantities, p)
    if any(
        word in text
        for word in (
            " said",
            " say",
            " told",
            " familiar",
            "according to",
            " citing",
            "interview",
            " to ",
            " with ",
        )
    ):
        quantities = _without_sources(text, quantities)
    if "When " in text or "If " in text:
        quantities = [q for q in quantities if not _supposed(text, q)]
    if "-" in text or " of " in text:
        quantities = [q for q in quantities if not _denomination_or_household(text, q)]
    if any(
        word in text
        for word in (" can ", " could ", "apab", "esigned to", "able to", "apacit", " of ", "ich ")
    ):
        capacity = _capacity_pattern()
        quantities = [q for q in quantities if not _capacity(capacity, text, q)]
    quantities = _with_rates(text, [_fraction_of_scale(text, q) for q in quantities])
    if "\n\n" in text:
        quantities = _without_summaries(text, quantities)
    return _north_korean_won(text, quantities) if " won" in text else quantities


# A live blog's box of key events ("Key events" and a line for each post below it) and a headline
# tell again what the body tells: a figure there that the body gives too is no figure of its own.
_SUMMARY_BOX = re.compile(
    r"^(?:key events|key developments|latest key events)[^\S\n]*\n", re.IGNORECASE | re.MULTILINE
)


_SENTENCE_ENDS = (".", "!", "?", '."', ".”", ".'", ".’", ":")


def _without_summaries(text: str, quantities: list[Quantity]) -> list[Quantity]:
    spans = []
    title_end = text.find("\n\n")
    title = text[:title_end].strip()
    if 0 < len(title) <= 160 and "\n" not in title and not title.endswith(_SENTENCE_ENDS):
        spans.append((0, title_end))  # (a headline ends on no stop: a one-line lede does)
    for box in _SUMMARY_BOX.finditer(text):
        end = text.find("\n\n", box.end())
        spans.append((box.start(), len(text) if end < 0 else end))
    if not spans:
        return quantities

    def inside(q: Quantity) -> bool:
        return any(a <= q.start < b for a, b in spans)

    told = {(q.low, q.high) for q in quantities if not inside(q)}
    return [q for q in quantities if not inside(q) or (q.low, q.high) not in told]


# Who a story cites is no figure of it: "two intelligence officials said", "three people familiar with
# the assessments", "according to two diplomats" (small counts of a source noun, vocabulary [sources]).
_SOURCE_AFTER = re.compile(
    r"(?:[^\S\n]+(?:in|from|at)[^\S\n]+[A-Z][\w'’-]*(?:[^\S\n]+[A-Z][\w'’-]*)*)?"  # "in Kyiv"
    r"(?:,[^,.;\n]{1,140},|[^\S\n]+who[^\S\n]+[^,.;\n]{1,60}?)?"  # ", speaking on ...,", "who reviewed it"
    r"[^\S\n]+(?:(?:have|had|who)[^\S\n]+)?(?:said|say|says|told|familiar|briefed|with[^\S\n]+knowledge"
    r"|interviewed)\b"
)
_SOURCE_BEFORE = re.compile(
    r"\b(?:according[^\S\n]+to|citing|quoting|(?:spoke|spoken|talked|speaking|talking)[^\S\n]+(?:to|with)"
    r"|interviewed|interviews[^\S\n]+with)[^\S\n]+$",
    re.IGNORECASE,
)
_SOURCE_MAX = 10  # a count of sources is a handful; "50 officials said" is a count of its own
# Whom a reporter or researcher interviewed: the story's sourcing, whatever the noun ("interviewed 12
# former workers", "interviews with 30 defectors"); a poll's sample is larger.
_INTERVIEWED_BEFORE = re.compile(
    r"\b(?:interviewed|interviewing|interviews[^\S\n]+with|spoke[^\S\n]+to|spoke[^\S\n]+with)[^\S\n]+$",
    re.IGNORECASE,
)
_INTERVIEWED_MAX = 99


# A banknote's or a coin's denomination ("a new 5,000-won banknote", "the 100-dollar bill") and the size
# of a household ("a family of four"): no figure of the story.
_DENOMINATION_AFTER = re.compile(r"[^\S\n]+(?:bank[^\S\n]?)?(?:notes?|bills?|coins?)\b", re.IGNORECASE)
_HOUSEHOLD_BEFORE = re.compile(
    r"\b(?:an?|one|each|every|per)[^\S\n]+(?:family|household)[^\S\n]+of[^\S\n]+$", re.IGNORECASE
)


def _denomination_or_household(text: str, q: Quantity) -> bool:
    if q.currency and q.text.endswith(_CURRENCY_ADJECTIVES):
        return _DENOMINATION_AFTER.match(text, q.end) is not None
    return (
        not (q.currency or q.percent)
        and q.low is not None
        and q.low == q.high
        and q.low <= 20
        and _HOUSEHOLD_BEFORE.search(text, max(0, q.start - 24), q.start) is not None
    )


_CURRENCY_ADJECTIVES = tuple(
    "-" + word for word in ("won", "yuan", "dollar", "euro", "ruble", "rouble", "yen", "pound", "rupee")
)


# Where the sources are: "spoke to five sources in three provinces" (no figure either).
_SOURCES_IN = re.compile(r"[^\S\n]+(?:in|across|from)[^\S\n]+$")


def _without_sources(text: str, quantities: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    source: Quantity | None = None
    for q in quantities:
        if _sourcing(text, q):
            source = q
            continue
        if (
            source is not None
            and source.unit_end is not None
            and _SOURCES_IN.fullmatch(text, source.unit_end, q.start)
        ):
            continue
        out.append(q)
    return out


def _sourcing(text: str, q: Quantity) -> bool:
    if q.percent or q.currency or not q.unit or q.unit_end is None or q.low is None:
        return False
    if (
        q.low == q.high
        and q.low <= _INTERVIEWED_MAX
        and q.unit_start is not None
        and q.unit_start >= q.end
        and _INTERVIEWED_BEFORE.search(text, max(0, q.start - 24), q.start) is not None
    ):
        return True  # "interviewed 12 former workers": whom the story asked, whoever they are
    if q.low != q.high or q.low > _SOURCE_MAX or q.unit.rsplit(" ", 1)[-1] not in _source_nouns():
        return False
    if q.unit_start is None or q.unit_start < q.end:
        return False  # (a noun borrowed from another count)
    return (
        _SOURCE_AFTER.match(text, q.unit_end) is not None
        or _SOURCE_BEFORE.search(text, max(0, q.start - 20), q.start) is not None
    )


@lru_cache(maxsize=1)
def _source_nouns() -> frozenset[str]:
    return frozenset(vocabulary()["sources"]["nouns"])


# A second statement of one measure in other units, in brackets right after it: "about 690 km (430
# miles)": the first is the figure. So is a sum restated in another currency ("471.9 billion yen ($3
# billion)", "£3 billion (about $3.8 billion)"): one amount, told as the source told it.
_OPEN_BRACKET = re.compile(r"[^\S\n]*\([^\S\n]*(?:about|around|roughly|some|nearly|almost|or)?[^\S\n]*")


# A count in a supposition: '"When hundreds of coffins come back, people will know"', "If 500 troops
# die": what would follow a case, no count of the story (a past verb tells what happened: "When 300
# troops arrived in May" stays).
_SUPPOSING = re.compile(r"(?:^|[.!?:;\n][\"“']?[^\S\n]*|[\"“])(?:When|If)[^\S\n]+$")
_PRESENT_VERB = re.compile(
    r"(?:[^\S\n]+of)?[^\S\n]+(?:[a-z]+[^\S\n]+){0,2}?"
    r"(?:come|comes|die|dies|return|returns|arrive|arrives|are|is|go|goes|get|gets|reach|reaches|start|starts"
    r"|leave|leaves|stay|stays|fall|falls|rise|rises|need|needs)\b"
)


def _supposed(text: str, q: Quantity) -> bool:
    if not _SUPPOSING.search(text, max(0, q.start - 8), q.start):
        return False
    return _PRESENT_VERB.match(text, q.end) is not None


@lru_cache(maxsize=1)
def _document_nouns() -> frozenset[str]:
    """What the document itself has ("three tables", "15 categories"): counts of no news."""
    return frozenset(vocabulary()["non_figure"]["document_nouns"])


@lru_cache(maxsize=1)
def _sized_nouns_kept() -> frozenset[str]:
    return frozenset(vocabulary()["non_figure"]["sized_nouns_kept"])


@lru_cache(maxsize=1)
def _measure_units() -> frozenset[str]:
    return frozenset(patterns().measures.values())


_STACKED = frozenset(("high", "deep", "wide", "tall", "thick"))
_SIZED_BEFORE = re.compile(r"(?<![\w-])(?:[Aa]n?|[Tt]he|its|their)(?:[^\S\n]+[a-z]+)?[^\S\n]+$")
# ("a 1-kilometer-long convoy": the measure's adjective goes with it; "the 5,000-ton Angara": a name)
_SIZED_THING = re.compile(r"(?:-(?:long|wide|high|deep|tall|thick))?(?:[^\S\n]+[A-Za-z][a-z-]*){1,3}")
_NOT_A_HEAD = frozenset(
    (
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "was",
        "is",
        "were",
        "are",
        "had",
        "have",
        "has",
    )
)


def _thing_sized(text: str, q: Quantity, kept: frozenset[str]) -> bool:
    """ "an 8,700-ton ship", "a 5-kilometre exclusion zone": a hyphenated measure before a noun sizes
    the thing, no figure (vocabulary [non_figure] sized_nouns_kept: the amounts and works kept)."""
    if (
        q.qualifier is not None
        or q.unit not in _measure_units()
        or not re.fullmatch(r"\d[\d,.]*-[A-Za-z]+", q.text)
    ):
        return False
    m = _SIZED_THING.match(text, q.end)
    if m is None:
        return False
    head = None
    for i, word in enumerate(m.group().split()):
        if word in _NOT_A_HEAD or (i and head is not None and word[0].isupper() != head[0].isupper()):
            break
        head = word
    if head is None or head in kept:
        return False
    # (after an article, or before a plural: "300 40-ton containers", "20-foot containers" size each)
    return _SIZED_BEFORE.search(text, max(0, q.start - 20), q.start) is not None or (
        head.endswith("s") and not head.endswith("ss") and head.islower()
    )


# (a rate's words or a short phrase may come between: "1.2 billion rubles a month for the labour, or
# about $14 million at current rates")
_COMMA_RESTATED = re.compile(
    r"(?:[^\S\n]+[a-z]+){0,6},[^\S\n]*(?:or[^\S\n]+)?(?:the[^\S\n]+equivalent[^\S\n]+of[^\S\n]+)?"
)
_AT_THE_RATE = re.compile(
    r"[^\S\n]+at[^\S\n]+(?:the[^\S\n]+time"
    r"|(?:current|today's|today’s|the[^\S\n]+current)[^\S\n]+(?:exchange[^\S\n]+)?rates?)\b"
)


def _without_restatements(text: str, quantities: list[Quantity], p: _Patterns) -> list[Quantity]:
    measures = frozenset(p.measures.values())
    out: list[Quantity] = []
    for q in quantities:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.currency is not None
            and q.currency is not None
            and prev.currency != q.currency
            and not prev.percent
            and _COMMA_RESTATED.fullmatch(text, prev.end, q.start)
            and (
                q.qualifier is not None or _AT_THE_RATE.match(text, q.end) or "or" in text[prev.end : q.start]
            )
        ):
            continue  # "2.1 billion rubles, about $23 million at the time": the sum again, in dollars
        if (
            prev is not None
            and text.startswith(")", q.end)
            and _OPEN_BRACKET.fullmatch(text, prev.end, q.start)
            and (
                (prev.unit in measures and q.unit in measures)
                or (prev.currency is not None and q.currency is not None and not prev.percent)
            )
            and prev.unit != q.unit
        ):
            continue
        out.append(q)
    return out


@lru_cache(maxsize=1)
def _capacity_pattern() -> re.Pattern[str]:
    """The words before a count of what a thing could hold, or of a place's people: no figure."""
    table = vocabulary()["capacities"]
    modal, verb = alternation(table["modals"]), alternation(table["verbs"])
    noun, place = alternation(table["nouns"]), alternation(table["places"])
    most = alternation(table["present_verbs"])
    return re.compile(
        # (of one thing: "Each tanker could carry", "can each hold"; "the shipments could hold more than
        # 9 million rounds" is an estimate of what was sent)
        rf"(?:\b(?:each|a[^\S\n]+single|one)\b[^.;!?\n]{{0,50}}?\b(?:{modal})[^\S\n]+(?:(?:only|also)[^\S\n]+)?(?:{verb})"
        rf"|\b(?:{modal})[^\S\n]+each[^\S\n]+(?:{verb})"
        # (the most a road or a bridge takes: "the bridge, which carries up to 300 vehicles a day")
        rf"|\b(?:which|that)[^\S\n]+(?P<most>{most})"
        # (what a thing is built to take, whatever its subject: "the bridge will be able to carry up to
        # 300 vehicles a day")
        rf"|\b(?P<able>able[^\S\n]+to|capable[^\S\n]+of|designed[^\S\n]+to)[^\S\n]+(?:{verb})"
        rf"|\b(?:{noun})[^\S\n]+(?:of|is|was|at)|\b(?:an?|the)[^\S\n]+(?:{place})[^\S\n]+of)"
        r"[^\S\n]+(?:(?:up[^\S\n]+to|about|around|roughly|some|nearly|almost|over|more[^\S\n]+than|as"
        r"[^\S\n]+many[^\S\n]+as)[^\S\n]+)?$",
        re.IGNORECASE,
    )


def _capacity(pattern: re.Pattern[str], text: str, q: Quantity) -> bool:
    m = pattern.search(text, max(0, q.start - 100), q.start)
    # (a present verb tells the most only with its bound: "which carries up to 300 vehicles a day", not
    # "which carries 40 trains a day")
    return m is not None and ((m.group("most") is None and m.group("able") is None) or q.qualifier == "up to")


_WON_TAIL = re.compile(r"(?<!korean)[^\S\n]+won$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _north_korean_won_cues() -> tuple[tuple[str, ...], float]:
    table = vocabulary()["north_korean_won"]
    return tuple(table["cues"]), float(table["below"])


def _north_korean_won(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """A plain "won" in a North Korean market story is KPW ("rice sold for about 8,500 won")."""
    cues, below = _north_korean_won_cues()
    if not any(q.unit and q.unit.startswith("KRW") for q in quantities):
        return quantities
    lowered = text.lower()
    if not any(cue in lowered for cue in cues):
        return quantities
    out: list[Quantity] = []
    for q in quantities:
        if (
            q.unit
            and q.unit.startswith("KRW")
            and (q.high or q.low or 0) < below
            and _WON_TAIL.search(q.text)
        ):
            # (a price keeps its currency in the unit alone: "KRW per kg")
            currency = "KPW" if q.currency == "KRW" else q.currency
            q = dataclasses.replace(q, currency=currency, unit="KPW" + q.unit[3:])
        out.append(q)
    return out


@lru_cache(maxsize=1)
def _fraction_patterns() -> tuple[re.Pattern[str], dict[str, float]]:
    parts = {_norm(k): float(x) for k, x in vocabulary()["fraction_of_scale"].items()}
    pattern = re.compile(rf"(?<![\w-])(?P<part>{alternation(parts)})[^\S\n]+of[^\S\n]+$", re.IGNORECASE)
    return pattern, parts


_A_SCALE = re.compile(r"(?:an?|one)[^\S\n]+(?:thousand|million|billion|trillion)\b", re.IGNORECASE)


def _fraction_of_scale(text: str, q: Quantity) -> Quantity:
    """ "well over a quarter of a billion dollars": the part of the scale, with the qualifier before it."""
    if q.qualifier is not None or q.low is None or q.low != q.high or not _A_SCALE.match(q.text):
        return q
    pattern, parts = _fraction_patterns()
    m = pattern.search(text, max(0, q.start - 20), q.start)
    if m is None:
        return q
    value = _clean(q.low * parts[_norm(m.group("part"))])
    start, bound, name = _qualifier(text, m.start(), patterns())
    low, high = _bounds(value or 0.0, bound)
    return dataclasses.replace(q, text=text[start : q.end], start=start, low=low, high=high, qualifier=name)


_STATED_AGE = ("years old", "year old")
_ONE_IS = re.compile(r"\b(?:is|was)[^\S\n]+$")
_THE_OTHER = re.compile(r"\b(?:the|an)[^\S\n]+other[^\S\n]+$", re.IGNORECASE)


def _with_rates(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The figures with what each is counted per in its unit ("2,700 drones a month", "$2,000 per
    soldier per month"): a rate is never charted with totals. Done after the nouns are shared: a count
    that borrows its noun has its own rate ("9,000 rounds a day ..., perhaps 4 million a year"), else the
    rate of the count it borrows from ("70 buses a day, compared with only 12 in May")."""
    out: list[Quantity] = []
    rates: dict[int, str | None] = {}  # the start of a count's own noun -> its rate
    each = "ach " in text
    for q in quantities:
        unit = q.unit
        if each and q.currency and unit == q.currency:
            paid = _EACH_PAID.search(text, max(0, q.start - 60), q.start)
            if paid is not None:
                # "Each soldier is paid about $2,000 a month": the pay of one soldier, per period
                per = _rate(text, q.start, q.end)
                noun = paid.group("noun").lower()
                noun = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
                out.append(dataclasses.replace(q, unit=" per ".join([unit, noun] + ([per] if per else []))))
                continue
        if q.currency and unit == q.currency:
            item = _item_priced(text, q)
            if item is not None:
                # "A kilogram of rice sold for 9,000 won": the price of one item
                price = dataclasses.replace(q, unit=f"{unit} per {item}")
                out.append(price)
                continue
            last = out[-1] if out else None
            if (
                last is not None
                and last.currency == q.currency
                and last.unit.startswith(f"{q.currency} per ")
                and _UP_FROM.search(text, max(0, q.start - 30), q.start)
                and _one_sentence(text, last.end, q.start)
            ):
                out.append(dataclasses.replace(q, unit=last.unit))  # "..., up from 6,500 won in June"
                continue
        if q.currency and unit.startswith(f"{q.currency} per ") and q.unit_end is not None:
            # a price of one item goes on with a period: "$2,000 per soldier per month"
            per = _rate(text, q.start, q.unit_end) if text.startswith(_RATE_WORDS, q.unit_end + 1) else None
            out.append(dataclasses.replace(q, unit=f"{unit} per {per}") if per else q)
            continue
        if q.currency and unit == q.currency and text.startswith(" (", q.end):
            # "£3 billion (about $3.8 billion) a year": the rate told after the sum restated
            restated = _RESTATED.match(text, q.end)
            per = _rate(text, q.start, restated.end()) if restated else None
            if per:
                out.append(dataclasses.replace(q, unit=f"{unit} per {per}"))
                continue
        if (
            not unit
            or q.percent
            or unit in ("times", "years old")
            or " per " in unit
            or unit.startswith("per ")
        ):
            out.append(q)  # (an exchange rate or a price per measure is a rate already)
            continue
        own_noun = q.unit_start is None or q.unit_start >= q.start
        per = _rate(text, q.start, max(q.end, q.unit_end or 0) if own_noun else q.end)
        if per is None and own_noun and q.unit_start is not None and q.unit_start > q.end:
            # "some 300 soldiers a week were killed": the rate between the noun and the predicate
            words = _WORDS_BEFORE_PREDICATE.match(text, q.end, q.unit_start)
            per = _rate(text, q.start, words.end()) if words else None
        if own_noun and q.unit_start is not None:
            rates[q.unit_start] = per
        elif per is None and q.unit_start is not None:
            per = rates.get(q.unit_start)
        out.append(dataclasses.replace(q, unit=f"{unit} per {per}") if per else q)
    return out


# A count that leaves its noun out and is said to be one: "about 1,000 were believed to be engineers".
_COMPLEMENT_NOUN = re.compile(
    r"[^\S\n]+(?:were|are|was|is)[^\S\n]+(?:(?:believed|thought|said|reported|estimated|found)[^\S\n]+to[^\S\n]+be[^\S\n]+)?"
    r"(?P<noun>[a-z]+)(?=[^\S\n]*[.,;:]|[^\S\n]+(?:from|in|at|and|who|with|working|employed)\b)"
)
_RESTATED = re.compile(r"[^\S\n]\([^()\n]{1,40}\)")


# The price of one item, told by what it sold for: "A kilogram of rice sold for 9,000 won", "a 10-kilogram
# box of dried squid sells for about 1,200 yuan", "one litre of diesel costs 15,000 won".
_ITEM_PRICED = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne)[^\S\n]+(?:[\d.,]+-[a-z]+[^\S\n]+)?(?:[a-z-]+[^\S\n]+){0,2}?(?P<noun>[a-z]+)"
    r"(?:[^\S\n]+of[^\S\n][^.!?;\n]{0,80}?)?[^\S\n]"
    r"(?:sells?|sold|costs?|fetch(?:es|ed)?|goes|went|retails?|retailed|trades?|traded|(?:is|was)[^\S\n]+priced)"
    r"[^\S\n]+(?:(?:for|at)[^\S\n]+)?$"
)


_ITEM_VERB_STEMS = ("sell", "sold", "cost", "fetch", "goes", "went", "retail", "trade", "priced")


def _item_priced(text: str, q: Quantity) -> str | None:
    lo = max(0, q.start - 140)
    if not any(
        text.find(verb, q.start - 24 if q.start > 24 else 0, q.start) >= 0 for verb in _ITEM_VERB_STEMS
    ):
        return None  # (cheap test first: the verb stands right before the price)
    m = _ITEM_PRICED.search(text, lo, q.start)
    if m is None:
        return None
    noun = m.group("noun")
    if noun in _rate_patterns().not_items or noun in _rate_patterns().periods:
        return None
    measure = patterns().measures.get(noun)
    if measure:
        return measure if len(measure) <= 3 else noun
    # (a measure or a pack of goods; "A drone costs $35,000" stays a sum)
    return noun if noun in _packs() else None


@lru_cache(maxsize=1)
def _packs() -> frozenset[str]:
    return frozenset(vocabulary()["item_prices"]["packs"])


# What one of the men is paid: "Each soldier is paid about", "each worker earns up to".
# (a modal between is no noun: "each worker can earn between $800 and $1,000 a month")
_NOT_PAID_NOUN = r"(?!(?:is|was|will|of|can|could|may|might|would|should|must|typically|usually)\b)"
_EACH_PAID = re.compile(
    rf"\b[Ee]ach[^\S\n]+(?:{_NOT_PAID_NOUN}[A-Za-z-]+[^\S\n]+){{0,3}}?(?P<noun>{_NOT_PAID_NOUN}[a-z]+)"
    r"[^\S\n]+(?:(?:can|could|may|might|would|should|must|typically|usually)[^\S\n]+)?"
    r"(?:is[^\S\n]+|was[^\S\n]+|will[^\S\n]+be[^\S\n]+|be[^\S\n]+)?"
    r"(?:paid|earns?|earned|receives?|received|gets?|got|given)(?:[^\S\n]+[a-z]+){0,2}?[^\S\n]+$"
)


# "the missiles are almost two years old": how old a thing is, no figure of the story (a person's stated
# age stays: "he is over thirty years old")
_SUBJECT_IS = re.compile(r"\b([a-z]+)[^\S\n]+(?:is|are|was|were)[^\S\n]+(?:now[^\S\n]+)?$")


def _thing_s_age(text: str, q: Quantity) -> bool:
    m = _SUBJECT_IS.search(text, max(0, q.start - 30), q.start)
    if m is None:
        return False
    return m.group(1) in _aged_things()


@lru_cache(maxsize=1)
def _aged_things() -> frozenset[str]:
    return frozenset(vocabulary()["aged_things"]["nouns"])


def _age_statistic(text: str, q: Quantity) -> bool:
    """Whether an age tells of a group, named near it: an average or median age, the oldest or the
    youngest ("In 2022 it was 30", "a third of the dead was over 50; the oldest was 68")."""
    return _AGE_WORD.search(text, max(0, q.start - _AGE_REACH), q.end + 60) is not None


# Between two figures of one sentence (no sentence break): "killed and", "drones, and".
_SENTENCE_BREAK = re.compile(r"[.;!?](?:\s|$)|\n")
# The word before a count that leaves its noun out because the count before it named it: "downed 30
# drones, and 14 were lost", "11,000 troops, followed by about 3,000 more", "and about 8,000 of them".
# ("10 million shells in 2024, or about 27,000 a day": "or" restates the count in other terms)
# ("Ukraine says 4,000-plus, Seoul says nearly 5,000": a source's count after another's; "600 dead in
# April, and later about 2,000")
_ELLIPSIS_LEADS = frozenset(
    ("and", "but", "while", "whereas", "by", "including", "plus", "then", "another", "or", "later", "says")
) | frozenset(("said", "estimates", "estimated"))
# A count per day, week or year right after a count of a noun counts that noun: "250,000 shells a month
# at the time, perhaps 3 million a year".
_IT_BEFORE = re.compile(r"(?<![\w'’])[Ii]t[^\S\n]+(?:[a-z]+[^\S\n,]*+){1,4}$")
_RATE_AFTER = re.compile(r"[^\S\n]+(?:a|an|per|each|every)[^\S\n]+(?:day|week|month|year)\b")
_FATALLY = re.compile(
    r"[^\S\n]+of[^\S\n]+(?:them|those|these|whom)[^\S\n]+(fatally|mortally)\b", re.IGNORECASE
)
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|whom)\b", re.IGNORECASE)  # "that about 8,000 of them"
# "Over 40 of these cases": the noun after the demonstrative is the count's own
_OF_THESE = re.compile(r"[^\S\n]+of[^\S\n]+(?:these|those)(?=[^\S\n]+[a-z])", re.IGNORECASE)
# A comparison names its base without the noun: "70 railcars, up from about 30", "bringing the total
# to about 14,000".
_COMPARISON_LEADS = frozenset(("from", "to", "than"))  # ("fewer than the 60 or so the US has named")
# A part of a whole counted next: "roughly 6,000 of the 15,000 workers" counts workers.
# ("6 of the bridge's roughly 20 spans": a possessive and a qualifier may stand before the whole)
_OF_THE_WHOLE = re.compile(
    r"[^\S\n]+of[^\S\n]+(?:the|those|these|its|their)(?:[^\S\n]+[\w-]+['’]s)?"
    r"(?:[^\S\n]+(?:roughly|nearly|approximately|almost|around|about|some))?[^\S\n]+$",
    re.IGNORECASE,
)
_ELLIPSIS_REACH = 150  # characters from the count that names the noun
# "About 1,500 Russians visited ..., according to ..., up from fewer than 900": a comparison's base
# may stand a long clause after the count it compares with.
_COMPARISON_REACH = 250
# ("up from an average of about 30": the base may be an average or a peak of the same noun)
_UP_FROM = re.compile(
    r"\b(?:up|down)\s+from\s+(?:the\s+|an?\s+(?:average|peak|high|low|total|estimate|estimated)\s+(?:of\s+)?)?$",
    re.IGNORECASE,  # ("up from an estimate of 9 million it gave in April")
)
# "1,300 containers, nearly triple the average of roughly 450": a base told as an average or a peak
_AVERAGE_OF = re.compile(r"\bthe[^\S\n]+(?:average|peak|high|low|level)[^\S\n]+of[^\S\n]+$", re.IGNORECASE)
# Counts of the dead, wounded or captured: a qualifier before the first of two joined by "and" bounds
# both ("at least 300 killed and 2,700 wounded").
_HARM_UNIT = re.compile(r"(?:killed|wounded|injured|dead|died|captured|missing)(?:\s+(?:or|and)\s+\w+)?")
_JOINED_BY_AND = re.compile(r"[^\S\n]*+,?[^\S\n]*+(?:and[^\S\n]++)?")  # (on one line)


# A tally line (its label: counted.TALLY_LABEL): the figure in "(+N)" is the change since the last
# report, no figure of its own.
_TALLY_TAIL = re.compile(r"(?:[^\S\n]*+\(\+[\d,.]+\))?(?:[^\S\n]++[^\W\d_]++)?[,;.]?[^\S\n]*+(?:\n|$)")
_TALLY_CHANGE = re.compile(r"\(\+[\d,.]+\)")


# A plural label and a colon right before a count: "Russian tourists: 1,200 visited", "Our count of
# confirmed launches: 64 (as of Apr 7)", "Estimated DPRK artillery shells transferred: 12 million+".
_LABEL_BEFORE = re.compile(
    # ("Engineers and deminers: 1,000": two nouns joined)
    r"(?<![\w'’-])(?P<label>(?:[A-Za-z][\w'’-]*[^\S\n]+(?:and|or)[^\S\n]+)?"
    r"(?:(?![A-Z]+[^\S\n])[A-Za-z][\w'’-]*[^\S\n]+)?[A-Za-z][\w'’-]*[a-z]s)"
    r"(?:[^\S\n]+[a-z]+ed)?:[^\S\n]+$"
)  # a participle may follow the label ("Troops deployed: 14,000"), an acronym before it is no noun


_SAYS = frozenset(("says", "adds", "notes", "writes", "tells", "reports", "claims", "estimates", "is", "was"))


def _counting(q: Quantity, unit: str | None, start: int | None, end: int | None) -> Quantity:
    """``q`` counting ``unit``, named at [start, end)."""
    return Quantity(
        q.text, q.start, q.end, q.low, q.high, q.qualifier, unit, q.currency, q.percent, start, end
    )


def _names_nothing(q: Quantity) -> bool:
    """A plain count that says nothing of what it counts (no unit, currency or percent) yet."""
    return q.unit is None and not q.currency and not q.percent


def _labelled(text: str, q: Quantity) -> Quantity:
    """``q`` counting the plural label a colon sets before it, when it names nothing itself."""
    if not _names_nothing(q) or text[q.start - 2 : q.start] != ": ":
        return q
    label = _LABEL_BEFORE.search(text, max(0, q.start - 60), q.start)
    if label is None or label.group("label").split()[-1].lower() in _SAYS:
        return q  # ("the ministry says: 300" quotes a number, it labels none)
    start, end = label.span("label")
    return _counting(q, _norm(label.group("label")), start, end)


def _tally_lines(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Each figure of a tally's line with its label as what it counts; the changes in "(+N)" dropped."""
    kept: list[Quantity] = []
    for q in quantities:
        if text.startswith("(+", q.start - 2) and _TALLY_CHANGE.match(text, q.start - 2):
            line_start = text.rfind("\n", 0, q.start) + 1
            if kept and kept[-1].start >= line_start and TALLY_LABEL.match(text, line_start, kept[-1].start):
                continue
        if q.unit is None and not (q.currency or q.percent) and _TALLY_TAIL.match(text, q.end):
            line_start = text.rfind("\n", 0, q.start) + 1
            label = TALLY_LABEL.fullmatch(text, line_start, q.start)
            if label is not None:
                start, end = label.span("label")
                unit = _norm(label.group("label"))
                q = _counting(q, unit, start, end)
        kept.append(q)
    return kept


# A count that opens its line, a dash, then what it counts, as "by the numbers" stories set them:
# "14,000 — The approximate number of North Korean soldiers sent", "2 — Prisoners of war held".
_HEADING_DASH = re.compile(
    r"[^\S\n]+[—–‒-][^\S\n]+(?:(?:the|an?)[^\S\n]+)?"
    r"(?:(?:approximate|estimated|total|reported|official)[^\S\n]+)?(?:(?:number|total|count)[^\S\n]+of[^\S\n]+)?",
    re.IGNORECASE,
)


def _headed_line(text: str, q: Quantity) -> Quantity:
    """``q`` counting what the words after its dash name, when it opens its line and names nothing."""
    if not _names_nothing(q) or not _line_starts_before(text, q.start, "-•*"):
        return q
    dash = _HEADING_DASH.match(text, q.end)
    if dash is None:
        return q
    line_end = text.find("\n", dash.end())
    phrase = noun_phrase(text, dash.end() - 1, len(text) if line_end < 0 else line_end)
    if phrase is None or not text[dash.end() - 1].isspace():
        return q
    unit = _norm(text[phrase[1] : phrase[2]])
    if unit in ("age", "ages"):
        unit = "years old"  # "28 — Average age of the two captured soldiers"
    return _counting(q, unit, phrase[1], phrase[2])


# A list line "label — count": the label, a dash, then the count (a qualifier or a quote may open it).
_DASH_ITEM = re.compile(r"[^\S\n]*+(?:[-•*·][^\S\n]*+)?[^\W_][^\n]{0,80}?[^\S\n][—–][^\S\n]+[\"“]?")
# A list's lead-in whose last words the labels complete: "the most deaths were recorded among natives
# of:" (the labels are where they came from; what is counted is the lead-in's plural).
_LEAD_IN_OF = re.compile(r"[^\n]*\b(?:of|from|among|in|by)[^\S\n]*:[^\S\n]*\n")
_LEAD_IN_PLURAL = re.compile(r"\b[a-z][a-z-]+\b")


def _lead_in_noun(text: str, line_start: int) -> tuple[str, int, int] | None:
    """The first plural of the line before ``line_start`` when the labels complete it (see above)."""
    end = line_start
    while end > 1 and text[end - 2] == "\n":
        end -= 1  # (blank lines between the lead-in and the list)
    lead = text.rfind("\n", 0, max(0, end - 1)) + 1
    if line_start == 0 or not _LEAD_IN_OF.fullmatch(text, lead, end):
        return None
    for word in _LEAD_IN_PLURAL.finditer(text, lead, end):
        if plural_word(word.group()) and word.group() not in _NOT_LEAD_NOUNS:
            return word.group(), word.start(), word.end()
    return None


_NOT_LEAD_NOUNS = frozenset(("was", "has", "is", "this", "its", "us", "as", "thus", "less", "across"))


def _dash_items(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The counts of a run of "label — count" lines: an item that names nothing counts the noun an
    item before it named after its count ("- 92nd Brigade — 1,200 losses" / "- Recon battalions —
    roughly 800"); labels that complete the lead-in ("natives of:" / "Bashkortostan — 412") count the
    lead-in's plural ("the most deaths")."""
    out: list[Quantity] = []
    noun: tuple[str, int, int] | None = None
    lead: tuple[str, int, int] | None = None
    last_line_end = -2
    for q in quantities:
        line_start = text.rfind("\n", 0, q.start) + 1
        if q.currency or q.percent or not _DASH_ITEM.fullmatch(text, line_start, q.start):
            out.append(q)
            continue
        if line_start != last_line_end + 1:
            lead = _lead_in_noun(text, line_start)  # a new list
            noun = lead
        line_end = text.find("\n", q.end)
        last_line_end = len(text) if line_end < 0 else line_end
        if q.unit is not None and (q.unit_start or 0) >= q.end:
            noun = (q.unit, q.unit_start or 0, q.unit_end or 0)  # this item names its noun
        elif noun is not None and (q.unit is None or (lead is not None and (q.unit_start or 0) < q.start)):
            q = _counting(q, *noun)  # (the label is where they came from, not what is counted)
        out.append(q)
    return out


# A loss list's heading line: "Tanks (3273, of which destroyed: 2366, damaged: 152, captured: 527)".
# The total counts the label, each part the label in that state.
_BREAKDOWN_PART = re.compile(
    r"\((?P<total>[\d,]+),[^\S\n]+of[^\S\n]+which[^\S\n]+(?:[a-z]+:[^\S\n]*[\d,]+,[^\S\n]*)*"
    r"(?P<state>[a-z]+):[^\S\n]*$"
)
_BREAKDOWN_TOTAL = re.compile(r",[^\S\n]+of[^\S\n]+which[^\S\n]")
_BREAKDOWN_LABEL = re.compile(r"[^\S\n]*+(?:[-•*·][^\S\n]*+)?(?P<label>[^\W\d_][\w'’/ -]*?)[^\S\n]*+$")
_BREAKDOWN_REACH = 120  # characters from the opening bracket to the last part


def _breakdown(text: str, q: Quantity) -> Quantity:
    """``q`` counting the heading's label (and the state it counts) when it is a loss list's total or
    one of its parts."""
    if q.currency or q.percent:
        return q
    if text.startswith("(", q.start - 1) and _BREAKDOWN_TOTAL.match(text, q.end):
        paren, state = q.start - 1, None
    else:
        part = _BREAKDOWN_PART.search(text, max(0, q.start - _BREAKDOWN_REACH), q.start)
        if part is None:
            return q
        paren, state = part.start(), part.group("state")
    line_start = text.rfind("\n", 0, paren) + 1
    label = _BREAKDOWN_LABEL.fullmatch(text, line_start, paren)
    if label is None:
        return q
    start, end = label.span("label")
    unit = _norm(label.group("label"))
    return _counting(q, f"{unit} {state}" if state else unit, start, end)


# An item line of an equipment list: "- 17 170mm M-1989 Koksan: (1, destroyed) ...", "4 122mm D-74:",
# "1 2S7 Pion:":
# the count of the model named before the colon (a calibre may stand between).
_ITEM_NAME = re.compile(
    r"[^\S\n]++(?:\d+(?:\.\d+)?[^\S\n]?-?mm[^\S\n]++)?(?P<name>(?:[A-Z]|\d+[A-Z])[\w'’./-]*+(?:[^\S\n][\w'’./-]++){0,4}?):"
)


def _item_line(text: str, q: Quantity) -> Quantity:
    if not _names_nothing(q) or not _line_starts_before(text, q.start, "-•*"):
        return q
    item = _ITEM_NAME.match(text, q.end)
    if item is None:
        return q
    start, end = item.span("name")
    return _counting(q, _norm(item.group("name")), start, end)


def _shared_with_previous(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """What a count shares with the count before it in its sentence: the counted noun it leaves out
    (ellipsis), or the qualifier of a pair of casualty counts."""
    if "(+" in text or " - " in text or "—" in text or "‒" in text or " – " in text:
        quantities = _tally_lines(text, quantities)
    if ": " in text:
        quantities = [_item_line(text, _labelled(text, q)) for q in quantities]
    if " — " in text or " – " in text:
        quantities = [_headed_line(text, q) for q in quantities]
        quantities = _dash_items(text, quantities)
    if " of which " in text:
        quantities = [_breakdown(text, q) for q in quantities]
    shared: list[Quantity] = []
    previous: Quantity | None = None
    counted: Quantity | None = None  # the last count of a noun (no multiplier, measure or money)
    members: Quantity | None = None  # the last count of a plural noun, no harm nor rate ("troops")
    things: Quantity | None = None  # the last count of a noun that is no measure ("14 boats", not "tonnes")
    number_of = "number of" in text
    # (cheap guard: "US officials put the number at 12,000", "their number could reach 50,000")
    put = " at " in text or "number" in text or "total" in text or "figure" in text
    of_which = " of which " in text
    whole: Quantity | None = None  # the count whose parts "of which" lists
    money: Quantity | None = None  # the last amount of money (no price nor rate)
    part_end = -1
    for i, q in enumerate(quantities):
        if number_of and not (q.currency or q.percent) and (q.unit_end or 0) <= q.start:
            # (also over a noun that links the count after the phrase: "brings the total number of
            # persons designated ... for this trade to over 150" counts persons, not the trade)
            counted_before = _number_of_before(text, q)
            start, end = counted_before.unit_start or 0, counted_before.unit_end or 0
            if q.unit is None:
                q = counted_before
            elif start < (q.unit_start or 0) and not text[end : q.unit_start].strip():
                # "the number of North Koreans deployed at up to 12,000": the participle stays
                q = _counting(q, _norm(text[start : q.unit_end]), start, q.unit_end)
            elif start < (q.unit_start or 0):
                q = counted_before
        if of_which and not (q.currency or q.percent):
            state = _STATE_AFTER.match(text, q.end)
            if state is None:
                whole = None
            elif whole is not None and _PART_JOIN.fullmatch(text, part_end, q.start):
                q = _part_of(q, whole, state)  # "..., 12 damaged and 3 captured"
                part_end = state.end()
            elif (
                previous is not None
                and previous.unit is not None
                and not (previous.currency or previous.percent)
                and _OF_WHICH.search(text, max(0, q.start - 16), q.start)
            ):
                # "46 such systems, of which 31 were destroyed": the part counts the whole's noun in
                # that state
                whole = previous
                q = _part_of(q, whole, state)
                part_end = state.end()
        if q.unit is None and not (q.currency or q.percent) and text.endswith(", ", 0, q.start):
            # "Of the tankers, 5 are registered in Russia": the part counts the noun of the lead-in
            lead = _OF_THE_NOUN_BEFORE.search(text, max(0, q.start - 40), q.start)
            if lead is not None:
                q = _counting(q, lead.group("noun").lower(), lead.start("noun"), lead.end("noun"))
        these = _OF_THESE.match(text, q.end) if q.unit is None and not (q.currency or q.percent) else None
        if these is not None:
            phrase = noun_phrase(text, these.end(), min(len(text), these.end() + 60))
            if phrase is not None:
                q = _counting(q, text[phrase[1] : phrase[2]].lower(), phrase[1], phrase[2])
        complement = (
            _COMPLEMENT_NOUN.match(text, q.end)
            if q.unit is None and not (q.currency or q.percent) and text.startswith((" w", " a", " i"), q.end)
            else None
        )
        if complement is not None and plural_word(complement.group("noun").lower()):
            # "about 1,000 were believed to be engineers", "Of those, 1,200 are women": the noun the
            # count is said to be
            q = _counting(
                q, complement.group("noun").lower(), complement.start("noun"), complement.end("noun")
            )
        pointed = counted
        if (
            q.unit is None
            and counted is not None
            and things is not None
            and things is not counted
            and counted.unit in _measure_units()
            and (_OF_THEM.match(text, q.end) or _OF_THEM_BEFORE.search(text, max(0, q.start - 16), q.start))
        ):
            # "14 boats carrying 2,000 tonnes of coal. Of those, 9 were released": a pronoun stands for
            # a set of things or people, not for a measure
            pointed = things
        if (
            q.unit is None
            and pointed is not None
            and not (q.currency or q.percent)
            and q.start - pointed.end <= _COMPARISON_REACH
            and (
                _OF_THEM_OR_MORE.match(text, q.end)
                or _OF_THEM_BEFORE.search(text, max(0, q.start - 16), q.start)
                or _MORE_BEFORE.search(text, max(0, q.start - 16), q.start)
                or (put and _NUMBER_PUT_AT.search(text, max(0, q.start - 50), q.start))
                or _MORE_INSIDE.search(q.text)
                # "... 4,700 killed and injured. That is up from about 4,000 in March."
                or _UP_FROM.search(text, max(0, q.start - 40), q.start)
                # "Power was cut to 400,000 homes. By midday, 250,000 had been reconnected": a part
                # of the count before, the subject of a passive
                or (
                    q.high is not None
                    and counted.low is not None
                    and q.high < counted.low
                    and _PASSIVE_AFTER.match(text, q.end)
                    and _OPENS_SENTENCE_BEFORE.search(text, max(0, q.start - 40), q.start)
                )
                # "... sent around 11,000 troops. About 3,000 arrived in November": a count that opens
                # its sentence on a verb goes on counting the noun of the sentence before
                or (
                    _VERB_AFTER.match(text, q.end)
                    and _OPENS_SENTENCE_BEFORE.search(text, max(0, q.start - 40), q.start)
                )
                # "(First rotation 11,000; second 3,000)": a bracketed label of the count before
                or _LABEL_IN_BRACKETS.search(text, max(0, q.start - 40), q.start)
            )
            and (
                _next_sentence_or_item(text, pointed.end, q.start)
                or (
                    _OF_THEM_BEFORE.search(text, max(0, q.start - 16), q.start) is not None
                    and _next_paragraph(text, pointed.end, q.start)
                )
            )
        ):
            # "13,221 North Koreans entered Russia. Of them, 7,887 came on student visas", "58 tankers
            # are listed. The US designated 7 more": the noun of the count the pronoun or "more" stands
            # for, in the sentence (or the list item) before
            q = _replace_unit(q, pointed)
        elif (
            q.unit is None
            and members is not None
            and not (q.currency or q.percent)
            and (
                (
                    (
                        _COLLECTIVE_OF.search(text, max(0, q.start - 40), q.start)
                        or _COLLECTIVE_NUMBERS.search(text, max(0, q.start - 80), q.start)
                    )
                    and len(_SENTENCE_END.findall(text, members.end, q.start)) <= 2
                )
                # "... a brigade of 30 to 40 workers ... Not everyone stays. Dozens have returned home": a
                # count that opens its sentence on a verb counts the people counted last, a few
                # sentences back
                # (within its paragraph: no lead-in, and no new line or list item)
                or (
                    _VERB_AFTER.match(text, q.end)
                    and _AFTER_A_FULL_STOP.search(text, max(0, q.start - 4), q.start)
                    and len(_SENTENCE_END.findall(text, members.end, q.start)) <= 3
                )
            )
        ):
            # "sent around 11,000 troops ... A second wave of 3,000-4,000 followed", "the third
            # rotation, which ... numbers up to 6,000": the members of the body, those the paragraph
            # counted last (not a harm done to them)
            q = _replace_unit(q, members)
        elif (
            q.unit is None
            and not (q.currency or q.percent)
            and (_OF_THEM.match(text, q.end) or _NUMBERING.search(text, max(0, q.start - 40), q.start))
        ):
            named = _APPOSED_NOUN.search(text, max(0, q.start - 40), q.start)
            if named is not None:
                # "the men, about 11,000 of them, had been flown": the noun the count is set beside
                start, end = named.span("noun")
                q = _counting(q, named.group("noun").lower(), start, end)
        if (
            q.unit in _SENT
            and members is not None
            and len(_SENTENCE_END.findall(text, members.end, q.start)) <= 1
        ):
            # "sent around 12,000 soldiers ... Of the 12,000 dispatched, 4,000 were killed": those sent
            # are the people counted before ("Some 15,000 deployed." alone stays "deployed")
            q = _replace_unit(q, members)
        fatal = _FATALLY.match(text, q.end) if q.unit and "fatal" in text[q.end : q.end + 24] else None
        if fatal is not None:
            # "about 4,000 were wounded, roughly 600 of them fatally": those the wounds killed
            q = _counting(q, "killed", fatal.start(1), fatal.end(1))
        elif q.unit in ("fatally", "mortally"):
            q = _counting(q, "killed", q.unit_start, q.unit_end)  # "..., of them 2,500 fatally"
        if q.unit is None and i + 1 < len(quantities) and not (q.currency or q.percent):
            whole = quantities[i + 1]
            if (
                whole.unit is not None
                and whole.unit_start is not None
                and not (whole.currency or whole.percent)
                and _OF_THE_WHOLE.match(text[q.end : whole.start])
            ):
                q = _replace_unit(q, whole)
        if (
            counted is not None
            and (
                q.unit in _BOUNDS_OF_ESTIMATE
                or (q.unit is None and _INTERVAL_BEFORE.search(text, max(0, q.start - 40), q.start))
            )
            and q.start - counted.end <= _ELLIPSIS_REACH
            and _one_sentence(text, counted.end, q.start)
        ):
            # "about 219,000 died, with a 95% confidence interval of 190,000 to 248,000": the bounds of
            # the estimate count what it counts
            q = _replace_unit(q, counted)
        if (
            previous is not None
            and (q.unit is None or (q.qualifier is None and previous.qualifier is not None))
            and not (q.currency or q.percent or previous.currency or previous.percent)
            and previous.unit_start is not None
            and previous.unit_end is not None
            and q.start - previous.end <= _COMPARISON_REACH
        ):
            if q.unit is None:
                near = q.start - previous.end <= _ELLIPSIS_REACH
                if (
                    (
                        near
                        and (
                            _ellipsis_lead(text, q.start)
                            or _OF_THEM_OR_MORE.match(text, q.end)
                            or _RATE_AFTER.match(text, q.end)
                        )
                    )
                    or _UP_FROM.search(text, max(0, q.start - 30), q.start)
                    or _AVERAGE_OF.search(text, max(0, q.start - 24), q.start)
                ) and _one_sentence(text, previous.end, q.start):
                    q = _replace_unit(q, previous)
                elif (
                    near
                    and _RATE_AFTER.match(text, q.end)
                    and _IT_BEFORE.search(text, max(0, q.start - 40), q.start)
                    and _at_most_one_sentence_apart(text, previous.end, q.start)
                ):
                    # "10,000 shells a day in May. In June it fell to 6,000 a day": "it", the rate of
                    # the sentence before, goes on counting its noun
                    q = _replace_unit(q, previous)
            elif (
                q.low == q.high
                and _HARM_UNIT.fullmatch(q.unit)
                and previous.unit is not None
                and _HARM_UNIT.fullmatch(previous.unit)
                and _JOINED_BY_AND.fullmatch(text, previous.unit_end, q.start)
            ):
                q = _replace_bounds(q, previous)
        elif (
            previous is not None
            and q.unit is None
            and previous.unit not in (None, "times", "years old")
            and not (q.currency or q.percent or previous.currency or previous.percent)
            and _UP_FROM.search(text, max(0, q.start - 30), q.start)
            and _one_sentence(text, previous.end, q.start)
        ):
            # a measure compared with its base: "4,168 square kilometres this year, up from 3,306"
            q = _replace_unit(q, previous)
        elif (
            q.currency
            and previous is not None
            and previous.currency is None
            and previous.unit is not None
            and previous.unit.startswith(f"{q.currency} per ")
            and q.start - previous.end <= _ELLIPSIS_REACH
            and _same_magnitude(q, previous)  # (not "$800 per shell ... would amount to $12bn")
            and _PRICE_CHANGE_LEAD.search(text, max(0, q.start - 16), q.start)
            and _one_sentence(text, previous.end, q.start)
        ):
            # "fell from 18,000 won per kilogram to around 13,500 won": the same price
            q = Quantity(
                q.text, q.start, q.end, q.low, q.high, q.qualifier, previous.unit, None, q.percent,
                previous.unit_start, previous.unit_end,
            )  # fmt: skip
        elif (
            money is not None
            and not (q.currency or q.percent)
            and (q.unit is None or ((q.unit_start or 0) > q.end and not _plural_end(q.unit)))
            and q.start - money.end <= _COMPARISON_REACH
            and _SCALED_AMOUNT.search(q.text)
            and _one_sentence(text, money.end, q.start)
        ):
            # "spending of 147.8 billion rubles, while revenues were lowered to 136.2 billion", "a
            # further 7.4 bn", "the 1.2 trillion originally planned": an amount in millions or billions
            # without its currency is money in the currency of the amount before it
            q = Quantity(
                q.text, q.start, q.end, q.low, q.high, q.qualifier, money.currency, money.currency, False,
                None, None,
            )  # fmt: skip
        shared.append(q)
        if not (q.unit == "times" and previous is not None):
            previous = q  # (not a multiple between a count and its base: "95 wagons, twice the 45")
        if q.currency and q.unit == q.currency:
            money = q
        if (
            q.unit is not None
            and q.unit_start is not None
            and q.unit_end is not None
            and not (q.currency or q.percent or q.unit in _NOT_COUNTED_NOUNS)
        ):
            counted = q
            if q.unit not in _measure_units():
                things = q
            if _plural_end(q.unit) and " per " not in q.unit and not _HARMED.search(q.unit):
                members = q
    return shared


_SENT = frozenset(("dispatched", "deployed", "sent", "stationed", "mobilized", "mobilised"))
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_HARMED = re.compile(r"\b(?:killed|wounded|injured|dead|died|captured|missing|casualties|losses|deaths)\b")


# A scale word or letter after the digits: "136.2 billion", "7.4 bn", "1.2mn" (not "12 million rounds",
# which counts its noun: see the plural test of the caller)
_SCALED_AMOUNT = re.compile(r"\d[^\S\n]?(?:million|billion|trillion|mn|bn|tn|mln|bln)$", re.IGNORECASE)


def _same_magnitude(a: Quantity, b: Quantity) -> bool:
    """Whether two amounts lie within a factor of ten of each other (a price and its change do)."""
    x, y = a.low or a.high or 0, b.low or b.high or 0
    return x > 0 and y > 0 and max(x, y) <= 10 * min(x, y)


def _plural_end(unit: str) -> bool:
    """Whether the last word of a counted phrase is a plural ("rounds", "people")."""
    return plural_word(unit.rsplit(" ", 1)[-1])


_OF_WHICH = re.compile(r",?[^\S\n]*of[^\S\n]+which[^\S\n]+$")
_STATE_AFTER = re.compile(
    r"[^\S\n]+(?:(?:were|was|are|is|had[^\S\n]+been|have[^\S\n]+been)[^\S\n]+)?"
    r"(?P<state>destroyed|damaged|abandoned|captured|seized)\b"
)
_STATES = frozenset(("destroyed", "damaged", "abandoned", "captured", "seized"))
_PART_JOIN = re.compile(r"[^\S\n]*,?[^\S\n]*(?:and[^\S\n]+)?")


def _part_of(q: Quantity, whole: Quantity, state: re.Match[str]) -> Quantity:
    if q.unit is not None and q.unit != state.group("state"):
        return q  # ("of which 20 tanks were destroyed": the part names its own noun)
    noun = whole.unit or ""
    if noun.rsplit(" ", 1)[-1] in _STATES:
        noun = noun.rsplit(" ", 1)[0]  # ("took 300 soldiers" counts "soldiers captured")
    return _counting(q, f"{noun} {state.group('state')}", whole.unit_start, state.end("state"))


# "the number of North Koreans in the country had fallen from more than 30,000": the first count after
# "the number of" in its sentence counts what that names (no other number between, years aside).
_NUMBER_OF_BEFORE = re.compile(
    r"\b[Nn]umber[^\S\n]+of[^\S\n]+(?:[A-Za-z-]+[^\S\n]+){0,2}?"
    r"(?P<noun>[A-Za-z]+[a-rt-z]s|people|personnel|injured|wounded|dead|killed|missing|displaced)\b"
    r"(?:[^.;!?\d\n]|\b(?:19|20)\d\d\b){0,80}$"
)
_NUMBER_OF_REACH = 160


def _number_of_before(text: str, q: Quantity) -> Quantity:
    found = _NUMBER_OF_BEFORE.search(text, max(0, q.start - _NUMBER_OF_REACH), q.start)
    if found is None:
        return q
    start, end = found.span("noun")
    harm = harm_predicate(text, end, q.start)
    if harm is not None:
        # "the number of soldiers killed or wounded had exceeded 4,700": the harm is what is counted
        return _counting(q, harm[0], harm[1], harm[2])
    name = _NAME_BEFORE.search(text, found.start(), start) if text[start].isupper() else None
    if name is not None:
        start = name.start()  # "the number of North Koreans": the people's name whole (not "North
        # Korean troops": troops)
    return _counting(q, _norm(text[start:end]), start, end)


_NAME_BEFORE = re.compile(r"(?:[A-Z][a-z]+[^\S\n]+)+$")


# "and that thousands more followed": more of what the count before counted
_OF_THEM_OR_MORE = re.compile(_OF_THEM.pattern + r"|\s+more\b(?!\s+than)", re.IGNORECASE)
# "workers, numbering about 15,000"
_NUMBERING = re.compile(r",\s+(?:numbering|totall?ing)\s+(?:[a-z]+\s+){0,2}$")
_VERB_AFTER = re.compile(
    r"[^\S\n]+(?:of[^\S\n]+the(?:[^\S\n]+[a-z]+){1,2}[^\S\n]+)?"
    r"(?:[a-z]+ed|were|are|had|have|came|went|left|remain|remained|remains)\b"
)
_LABEL_IN_BRACKETS = re.compile(r"\((?:[^()\n]*;)?[^\S\n]*[A-Z]?[a-z]+(?:[^\S\n]+[a-z]+){0,2}:?[^\S\n]+$")
_APPOSED_NOUN = re.compile(
    r"\b(?:the|these|those|their|[A-Z][a-z]+)\s+(?P<noun>[a-z]*(?:[a-z]s|men)|people),\s+(?:numbering\s+|totall?ing\s+)?"
    r"(?:(?:about|around|some|roughly|nearly|almost|approximately|at\s+least|more\s+than|over)\s+)?$"
)
# "added another 3", "a further 2,000"
# Another source's estimate of the count before: "US officials put the number at "perhaps 12,000"".
_NUMBER_PUT_AT = re.compile(
    r"(?:\b(?:put|puts|putting|place|places|placed|placing|estimate|estimates|estimated|estimating)[^\S\n]+"
    r"(?:the|that|this|its|their)[^\S\n]+(?:number|figure|total|count|tally)[^\S\n]+(?:at|closer[^\S\n]+to)"
    # "... laborers are now in Russia, and their number could reach 50,000"
    r"|\b(?:its|their)[^\S\n]+(?:number|numbers|total|count)[^\S\n]+(?:[a-z]+[^\S\n]+){0,3}?"
    r"(?:reach|reached|rise[^\S\n]+to|rose[^\S\n]+to|grow[^\S\n]+to|grew[^\S\n]+to|climb[^\S\n]+to|hit|top)"
    # "By our count, the figure now is closer to 6,000"
    r"|\bthe[^\S\n]+(?:figure|number|total|tally|count)(?:[^\S\n]+now)?[^\S\n]+(?:is|was|stands[^\S\n]+at"
    r"|stood[^\S\n]+at)(?:[^\S\n]+now)?)"
    r"[^\S\n]+[\"“]?$",
    re.IGNORECASE,
)
_MORE_INSIDE = re.compile(r"\banother[^\S\n]+\S+$", re.IGNORECASE)  # "up to another 2,000"
_PASSIVE_AFTER = re.compile(r"[^\S\n]+(?:(?:had|have|has)[^\S\n]+been|were|are)[^\S\n]+[a-z]+ed\b")
# a sentence's first words before the count: none, or one fronted phrase ("By midday, ")
_OPENS_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?][\"”]?\s+|\n)(?:[A-Z][^,.;:\d]{0,30},[^\S\n]+)?$")
_OF_THE_NOUN_BEFORE = re.compile(
    r"(?:^|[.!?][\"”]?\s+)(?:Of|Among)[^\S\n]+the[^\S\n]+(?P<noun>[a-z]+s),[^\S\n]+$"
)
_AFTER_A_FULL_STOP = re.compile(r"[.!?][\"”]?[^\S\n]+$")
_MORE_BEFORE = re.compile(r"\b(?:another|a\s+further|an\s+additional)\s+$", re.IGNORECASE)
_COLLECTIVE_OF = re.compile(rf"\b(?:{'|'.join(sorted(COLLECTIVES))})[^\S\n]+of[^\S\n]+$", re.IGNORECASE)
_COLLECTIVE_NUMBERS = re.compile(
    rf"\b(?:{'|'.join(sorted(COLLECTIVES))})\b[^.;:\n]{{0,60}}\bnumber(?:s|ed|ing)[^\S\n]+$", re.IGNORECASE
)
_OF_THEM_BEFORE = re.compile(r"\b(?:of|among)\s+(?:them|those|these),?\s+$", re.IGNORECASE)
_NOT_COUNTED_NOUNS = frozenset(("times",))
_BOUNDS_OF_ESTIMATE = frozenset(("confidence interval", "credible interval", "interval"))
_INTERVAL_BEFORE = re.compile(
    r"\b(?:confidence|credible)[^\S\n]+interval(?:[^\S\n]+of)?[^\S\n]*[:,(]?[^\S\n]*$"
)


def _at_most_one_sentence_apart(text: str, start: int, end: int) -> bool:
    """No line break and at most one sentence break between ``start`` and ``end``."""
    if "\n" in text[start:end]:
        return False
    breaks = _SENTENCE_BREAK.finditer(text, start, end)
    return next(breaks, None) is None or next(breaks, None) is None


# The break between two list items: "* About 11,000 soldiers were sent.\n* Around 3,000 more ..."
_ITEM_BREAK = re.compile(r"[.;!?]?\n[^\S\n]*[*•\-–][^\S\n]")


_PARAGRAPH_BREAK = re.compile(r"[^\S\n]*\n[^\S\n]*\n(?:[^\S\n]*\n)*[^\S\n]*")  # (a blank line)


def _next_paragraph(text: str, start: int, end: int) -> bool:
    """Whether ``end`` is in the first sentence of the paragraph after the one whose last sentence holds
    ``start`` ("... 14 boats since August.\n\nOf those, 9 were released": a wire paragraph of one
    sentence goes on with the one before)."""
    breaks = list(_PARAGRAPH_BREAK.finditer(text, start, end))
    if len(breaks) != 1 or text.count("\n", start, end) != text.count("\n", *breaks[0].span()):
        return False
    b = breaks[0]
    return _one_sentence(text, b.end(), end) and _one_sentence(text, start, b.start() - 1)


def _next_sentence_or_item(text: str, start: int, end: int) -> bool:
    """Like ``_at_most_one_sentence_apart``, or the next item of a list."""
    if "\n" not in text[start:end]:
        return _at_most_one_sentence_apart(text, start, end)
    item = _ITEM_BREAK.search(text, start, end)
    return (
        item is not None
        and "\n" not in text[item.end() : end]
        and _one_sentence(text, start, item.start())
        and _one_sentence(text, item.end(), end)
    )


def _one_sentence(text: str, start: int, end: int) -> bool:
    return not _SENTENCE_BREAK.search(text, start, end)


def _ellipsis_lead(text: str, start: int) -> bool:
    before = text[max(0, start - 20) : start].rstrip()
    if before.endswith((",", " —", " –")):
        return True  # (a dash sets off the count restated: "shells in the millions — more than 12 million")
    words = [word.lower().strip("\"“‘'(") for word in before.split()[-3:]]
    words = [word for word in words if word]  # ('and "up to another 2,000"': the quote is no word)
    if words and words[-1] in ("the", "just", "only"):  # "up from the 8,000", "compared with just 10"
        words = words[:-1]
    words = words[-2:]
    # ("6,000 engineers, of whom about 1,000 had arrived": the relative pronoun stands for the noun)
    return bool(words) and (
        words[-1] in _ELLIPSIS_LEADS
        or words[-1] in _COMPARISON_LEADS
        or words
        in (["of", "whom"], ["of", "which"], ["top", "of"])  # "3,000 more soldiers, on top of 11,000"
        # "11,000 personnel ... and a further 3,000 were dispatched": more of the same
        or words in (["a", "further"], ["an", "additional"])
        # "the first 1,000 troops arrive in the coming weeks, the remaining 5,000 by year-end"
        or words in (["the", "remaining"], ["the", "other"])
        or words == ["compared", "with"]  # "939.6 won per 100 yen, compared with 935.2 a day earlier"
        # "52 freight cars were present, and a week later there were 61"
        or words in (["there", "were"], ["there", "are"], ["there", "was"])
    )


def _replace_unit(q: Quantity, source: Quantity) -> Quantity:
    return _counting(q, source.unit, source.unit_start, source.unit_end)


def _replace_bounds(q: Quantity, source: Quantity) -> Quantity:
    value = q.low
    low = None if source.low is None else value
    high = None if source.high is None else value
    return Quantity(
        q.text, q.start, q.end, low, high, source.qualifier, q.unit, q.currency, q.percent,
        q.unit_start, q.unit_end,
    )  # fmt: skip


class _Covered:
    """Whether a span overlaps one of the figures already found (they do not overlap each other)."""

    def __init__(self, figures: list[_Figure]) -> None:
        spans = sorted((f.start, f.end) for f in figures)
        self.starts = [s for s, _ in spans]
        self.spans = spans

    def __call__(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end)
        return any(s < end and start < e for s, e in self.spans[max(0, k - 2) : k])


def _vague_figures(
    text: str, p: _Patterns, found: list[re.Match[str]], taken: list[_Figure], is_blocked: Any
) -> list[_Figure]:
    out: list[_Figure] = []
    covered = _Covered(taken)
    for m in found:
        if covered(m.start(), m.end()) or is_blocked(m.start(), m.end()):
            continue
        low, high = p.vague_table[_norm(m.group())]
        end = m.end()
        scale = re.match(r"\s+(thousand|million|billion)\b", text[end : end + 12], re.IGNORECASE)
        if scale:
            factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale.group(1).lower()]
            low, high, end = low * factor, high * factor, end + scale.end()
        num = Number(low, m.start(), end, True, True, None)
        side = _Side(num=num, value=low, start=m.start(), end=end)
        # "hundreds of millions of dollars", "several billion dollars" ("won" only after "of": "several
        # hundred won the vote")
        cur = re.match(
            r"[\"”]?\s+(?:of\s+(?:(?:U\.?S\.?|American)\s+)?(dollars|won|rubles|roubles|yuan|euros|pounds|yen)"
            r"|(?:(?:U\.?S\.?|American)\s+)?(dollars|rubles|roubles|euros))\b",
            text[end : end + 20],
            re.IGNORECASE,
        )
        if cur:
            side.currency = patterns().currency_suffixes[(cur.group(1) or cur.group(2)).lower()]
            end += cur.end()
            side.end = end
        q_start, bound, name = _qualifier(text, m.start(), p)
        if bound == "low":
            high = None
        elif bound == "high":
            low = None
        out.append(_qualified(m.start(), end, low, high, (q_start, bound, name), side))
    return out


def _qualified(
    start: int,
    end: int,
    low: float | None,
    high: float | None,
    qualifier: tuple[int, str | None, str | None],
    side: _Side,
) -> _Figure:
    """A figure read at [start, end), widened to its qualifier ("some", "over") when it has one."""
    q_start, bound, name = qualifier
    if not bound:
        return _Figure(start, end, low, high, None, side, end, start)
    return _Figure(min(q_start, start), end, low, high, name, side, end, start)


def _fold_figures(
    text: str, p: _Patterns, found: list[tuple[int, int, str]], taken: list[_Figure]
) -> list[_Figure]:
    out: list[_Figure] = []
    covered = _Covered(taken)
    for start, end, word in found:
        if covered(start, end):
            continue
        fold = _multiplier_figure(text, p, start, end, float(FOLD_VALUES[word[:-4].lower()]))
        low = _SUSPENDED_LOW.search(text, max(0, start - 12), start)
        first = next((f for f in taken if f.end == low.start()), None) if low else None
        if first is not None and first.high is not None and first.high < (fold.low or 0):
            # "a ten- to twentyfold improvement": the first word's hyphen leaves "fold" to the second
            taken.remove(first)
            fold = _Figure(
                first.start, end, first.low, fold.high, first.qualifier, fold.side, end, first.start
            )
        out.append(fold)
    return out


_SHARE_STEMS = (
    "half of", "third of", "thirds of", "quarter of", "quarters of", "fifth of", "tenth of",
    "half its", "half their", "half the",
)  # fmt: skip


@lru_cache(maxsize=1)
def _share_pattern() -> tuple[re.Pattern[str], dict[str, float]]:
    values = {_norm(k): float(x) for k, x in vocabulary()["share_words"].items()}
    pattern = re.compile(
        rf"(?<![\w-])(?:{alternation(values)})(?=[^\S\n]+(?:of[^\S\n]+(?:the|them|it|its|their|those|these|that|this|all|[a-z]+s)"
        r"|its|their|the)\b)",
        re.IGNORECASE,
    )
    return pattern, values


def _share_figures(text: str, p: _Patterns, taken: list[_Figure]) -> list[_Figure]:
    """ "about half of the ammunition Russian forces fire", "roughly a third of them": a share told in
    words is a percentage of what follows. Only an estimated one: a bare "half of them" is too often
    no statistic ("half of them stayed behind")."""
    pattern, values = _share_pattern()
    out: list[_Figure] = []
    covered = _Covered(taken)
    lowered = text.lower()
    found: dict[int, re.Match[str]] = {}
    for stem in _SHARE_STEMS:
        # (the stems first, the pattern in a window round each: one scan of a whole article with a
        # case-blind alternation costs more than the rest of the figure rules)
        at = lowered.find(stem)
        while at >= 0:
            m = pattern.search(text, max(0, at - 16), at + len(stem) + 16)
            if m is not None:
                found[m.start()] = m
            at = lowered.find(stem, at + 1)
    for _, m in sorted(found.items()):
        start, end = m.span()
        if covered(start, end):
            continue
        qualifier = _qualifier(text, start, p)
        if qualifier[1] is None:
            continue
        out.append(_told_in_words(start, end, values[_norm(m.group())], qualifier))
    if "one in " in text or "One in " in text:
        for m in _ONE_IN.finditer(text):
            start, end = m.span()
            if covered(start, end):
                continue
            value = round(100 / _ONE_IN_WORDS[m.group(1).lower()], 1)
            out.append(_told_in_words(start, end, value, _qualifier(text, start, p)))
    return out


# "one in three of the clinics", "one in five shipments": a share, a percentage of what follows
_ONE_IN_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_ONE_IN = re.compile(
    r"(?<![\w-])[Oo]ne[^\S\n]+in[^\S\n]+(two|three|four|five|six|seven|eight|nine|ten)"
    r"(?=[^\S\n]+(?:of[^\S\n]+)?[a-z])(?![^\S\n]+of[^\S\n]+the[^\S\n]+\d)"
)  # ("one in six of the 12,000 sent": a count told as a share of a count, no figure again)


_SEVERAL = re.compile(r"(?<![\w-])[Ss]everal(?=[^\S\n]+[a-z])")
_SEVERAL_REACH = 60  # characters of the noun phrase after "several"


@lru_cache(maxsize=1)
def _several_table() -> tuple[tuple[float, float], frozenset[str]]:
    table = vocabulary()["vague_counts"]
    low, high = table["several"]
    return (float(low), float(high)), frozenset(table["nouns"])


def _several_figures(text: str, taken: list[_Figure]) -> list[_Figure]:
    """ "several short-range ballistic missiles": a vague count of what the tracker counts (vocabulary
    [vague_counts]); "several officials", "several times" are none."""
    (low, high), nouns = _several_table()
    out: list[_Figure] = []
    covered = _Covered(taken)
    for m in _SEVERAL.finditer(text):
        start, end = m.span()
        if covered(start, end):
            continue  # ("several hundred": a vague count of its own)
        phrase = noun_phrase(text, end, min(len(text), end + _SEVERAL_REACH))
        if phrase is None or text[phrase[1] : phrase[2]].rsplit(None, 1)[-1].lower() not in nouns:
            continue
        side = _Side(num=Number(low, start, end, True, True, None), value=low, start=start, end=end)
        out.append(_Figure(start, end, low, high, None, side, end, start))
    return out


_SUSPENDED_LOW = re.compile(r"-[^\S\n]*(?:to|or)[^\S\n]+$")


def _told_in_words(
    start: int,
    end: int,
    value: float,
    qualifier: tuple[int, str | None, str | None],
    percent: str = "percent",
) -> _Figure:
    """A share or a change told in words at [start, end) ("about half", "one in three", "fell by nearly
    a third"), with the qualifier found before it (``_qualifier``)."""
    num = Number(value, start, end, True, False, None)
    side = _Side(num=num, value=value, start=start, end=end, percent=percent)
    low, high = _bounds(value, qualifier[1])
    return _qualified(start, end, low, high, qualifier, side)


def _multiplier_figure(text: str, p: _Patterns, start: int, end: int, value: float) -> _Figure:
    """A word that multiplies ("tenfold", "nearly triple"), with the qualifier before it."""
    num = Number(value, start, end, True, False, None)
    side = _Side(num=num, value=value, start=start, end=end, multiplier=True)
    q_start, bound, name = _qualifier(text, start, p)
    low, high = _bounds(value, bound)
    return _qualified(start, end, low, high, (q_start, bound, name), side)


_MULTIPLE_STEMS = ("wice", "ouble", "hrice", "riple", "uadruple")  # (a cheap test first, either case)


@lru_cache(maxsize=1)
def _multiple_pattern() -> tuple[re.Pattern[str], dict[str, float]]:
    values = {k.lower(): float(x) for k, x in vocabulary()["multiple_words"].items()}
    pattern = re.compile(
        rf"(?<![\w-])(?:{alternation(values)})"
        # ("double last year's average", "triple 2023's level": a time's possessive names the base)
        r"(?=[^\S\n]+(?:the|that|those|its|their|what|(?:last|previous)[^\S\n]+[a-z]+['’]s|\d{4}['’]s)\b)",
        re.IGNORECASE,
    )
    return pattern, values


def _multiple_figures(text: str, p: _Patterns, taken: list[_Figure]) -> list[_Figure]:
    """ "nearly triple the number at the end of 2024": a multiple of a base, unit "times"."""
    pattern, values = _multiple_pattern()
    out: list[_Figure] = []
    covered = _Covered(taken)
    for m in pattern.finditer(text):
        start, end = m.span()
        if covered(start, end) or "penalt" in text[max(0, start - 120) : start]:
            continue  # ("civil penalties of up to $377,700 per violation or twice the amount of the ...")
        out.append(_multiplier_figure(text, p, start, end, values[m.group().lower()]))
    return out


_CHANGE_STEMS = ("oubled", "ripled", "rebled", "uadrupled", "halved", "Halved")  # (a cheap test first)
_CHANGE_FRACTION_STEMS = ("by half", "by a ", "by one", "by two", "by three", "by nearly", "by roughly",
                          "by about", "by almost", "by around", "by more", "by some", "by over",
                          "by close", "by just", "by well")  # fmt: skip


@lru_cache(maxsize=1)
def _change_patterns() -> tuple[
    re.Pattern[str], dict[str, tuple[float, str | None]], re.Pattern[str], dict[str, float]
]:
    table = vocabulary()
    words: dict[str, tuple[float, str | None]] = {
        k.lower(): (float(x), None) for k, x in table["change_multiples"].items()
    }
    words.update({k.lower(): (float(x), "percent") for k, x in table["change_shares"].items()})
    verb = re.compile(
        rf"(?<![\w-])(?:{alternation(words)})(?![\w-])"
        r"(?![^\S\n]+(?:down|as|up|back)\b)",  # ("doubled down", "doubled as a depot")
        re.IGNORECASE,
    )
    shares = {_norm(k): float(x) for k, x in table["share_words"].items()}
    by = re.compile(
        rf"\b(?:{alternation(table['change_verbs']['verbs'])})[^\S\n]+by[^\S\n]+"
        rf"(?:[a-z]+[^\S\n]+){{0,2}}?(?P<share>{alternation(shares)})(?![\w-])",
        re.IGNORECASE,
    )
    return verb, words, by, shares


_RESTATED_CHANGE = re.compile(r"[^\S\n]*\([^()\n]{0,12}\d")


def _change_figures(text: str, p: _Patterns, taken: list[_Figure]) -> list[_Figure]:
    """A change told as a multiple or a share: "trade roughly doubled" (~2 `times`), "has more than
    tripled" (>3), "halved" and "cut by half" (50 percent), "fell by nearly a third" (~33.3 percent)."""
    verb, words, by, shares = _change_patterns()
    out: list[_Figure] = []
    covered = _Covered(taken)
    if any(stem in text for stem in _CHANGE_STEMS):
        for m in verb.finditer(text):
            start, end = m.span()
            if covered(start, end):
                continue
            if _RESTATED_CHANGE.match(text, end):
                continue  # "more than doubled (+212 per cent)": the change told again, precisely
            value, percent = words[m.group().lower()]
            if percent is None:
                out.append(_multiplier_figure(text, p, start, end, value))
                continue
            out.append(_told_in_words(start, end, value, _qualifier(text, start, p), percent))
    if any(stem in text for stem in _CHANGE_FRACTION_STEMS):
        for m in by.finditer(text):
            start, end = m.span("share")
            if covered(start, end):
                continue
            value = shares[_norm(m.group("share"))]
            out.append(_told_in_words(start, end, value, _qualifier(text, start, p)))
    return out


_JOIN = re.compile(r"\s*(?:,\s*)?(?:and|but|,)\s*", re.IGNORECASE)


def _merge_bounds(text: str, figures: list[_Figure]) -> list[_Figure]:
    """ "more than 10 and less than 20" is one range."""
    out: list[_Figure] = []
    for f in figures:
        if out:
            prev = out[-1]
            if (
                prev.qualifier
                and f.qualifier
                and (
                    (prev.high is None and prev.low is not None and f.low is None and f.high is not None)
                    or (prev.low is None and prev.high is not None and f.high is None and f.low is not None)
                )
                and _JOIN.fullmatch(text, prev.end, f.start)
            ):
                low = prev.low if prev.low is not None else f.low
                high = prev.high if prev.high is not None else f.high
                if low is not None and high is not None and low <= high:
                    out[-1] = _Figure(
                        prev.start, f.end, low, high, "between", f.side, f.value_end, prev.count_start
                    )
                    continue
        out.append(f)
    return out


# An exchange rate: "The won traded at 1,389.5 per dollar", "the rouble was at 100.45 against the
# dollar": units of the currency the sentence is about for one of the base currency ("KRW per USD").
_PRICE_CHANGE_LEAD = re.compile(r"\b(?:to|from|compared[^\S\n]+(?:with|to))[^\S\n]+$", re.IGNORECASE)
_PRICE_CUES = (" per ", " a ", " an ")


def _one_of(measure: str) -> str:
    """The singular of a plural measure code ("barrels" -> "barrel"), for "USD per barrel"."""
    return measure[:-1] if measure in ("barrels", "tonnes", "litres") else measure


# What one item of a price is: a singular noun or a model name after "per" (not "per cent", nor a
# number: "per 100,000 people" is a denominator).
_PER_ITEM = re.compile(r"[^\S\n]per[^\S\n]+(?P<item>(?!cent\b)[A-Za-z][\w-]*[A-Za-z0-9])(?![\w-])")
_RATE_CUES = (" per ", " to the ", " against the ", " versus the ", " vs")
_RATE_REACH = 250  # characters back to the currency quoted ("It had lost 2.1% to 13.78 versus the yuan")
_BASE_BEFORE = re.compile(r"(?:per|(?:to|against|versus|vs\.?)\s+the)\s+$", re.IGNORECASE)


def _exchange_rate(text: str, start: int, end: int, currency: str | None) -> tuple[str, int, int] | None:
    """The unit of a rate told at [start, end) and the span of its base, or None; ``currency``: the
    one glued to the number."""
    p = patterns()
    base = p.rate_base.match(text, end)
    if base is None:
        return None
    base_code = p.currency_suffixes[base.group("cur").lower()]
    if base.group("per"):
        base_code = f"100 {base_code}"  # ("939.6 won per 100 yen")
    span = base.start("cur"), base.end()
    if currency is not None:
        return (f"{currency} per {base_code}", *span) if not base_code.endswith(currency) else None
    paragraph = text.rfind("\n\n", 0, start) + 1
    quoted = None
    for word in p.currency_word.finditer(text, max(paragraph, start - _RATE_REACH), start):
        code = p.currency_suffixes[word.group("cur").lower()]
        if not base_code.endswith(code) and not _BASE_BEFORE.search(
            text, max(0, word.start() - 16), word.start()
        ):
            quoted = code  # the last currency named that is no other rate's base ("against the dollar")
    return (f"{quoted} per {base_code}" if quoted else f"per {base_code}"), *span


@lru_cache(maxsize=1)
def _priced_currency() -> re.Pattern[str]:
    named = alternation(k for k in patterns().currency_suffixes if k[:1].isalpha())
    return re.compile(
        rf"\b(?:the|one|a|each)[^\S\n]+(?:US[^\S\n]+|U\.S\.[^\S\n]+|Chinese[^\S\n]+)?(?P<cur>{named})[^\S\n]+"
        r"(?:traded|was[^\S\n]+trading|sold|fetched|bought|stood|rose|fell|climbed|jumped|reached|was[^\S\n]+worth)"
        r"(?:[^\S\n]+(?:at|to|for))?[^\S\n]+$",
        re.IGNORECASE,
    )


def _currency_price(text: str, start: int, currency: str) -> tuple[str, int, int] | None:
    """ "the dollar traded at 22,000 won", "the yuan fetched 3,100 won": the price of one currency in
    another, a rate ("KPW per USD"), no sum."""
    m = _priced_currency().search(text, max(0, start - 60), start)
    if m is None:
        return None
    base = patterns().currency_suffixes[m.group("cur").lower()]
    return (f"{currency} per {base}", m.start("cur"), m.end("cur")) if base != currency else None


@dataclass(frozen=True)
class _RatePatterns:
    after: re.Pattern[str]  # "a month", "per soldier", "annually" after the figure or its noun
    before: re.Pattern[str]  # "monthly shipments exceeded", "the annual cap of" before it
    periods: dict[str, str]
    adverbs: dict[str, str]
    adjectives: dict[str, str]
    not_items: frozenset[str]


@lru_cache(maxsize=1)
def _rate_patterns() -> _RatePatterns:
    v = vocabulary()
    periods = {k.lower(): x for k, x in v["rate_periods"].items()}
    adverbs = {k.lower(): x for k, x in v["rate_adverbs"].items()}
    adjectives = {k.lower(): x for k, x in v["rate_adjectives"].items()}
    after = re.compile(
        # ("$2,000/month": a period after a slash)
        rf"/(?P<slashed>{alternation(periods)})(?![\w/])"
        rf"|[\"”]?[^\S\n]+(?:each[^\S\n]+)?(?:(?:per|a|an|every|each)[^\S\n]+(?P<period>{alternation(periods)})"
        # "a month ago", "a year earlier", "a year's": a time, not a rate
        r"(?![\w'’-])(?![^\S\n]+(?:ago|earlier|later|before|after|prior|previously|into|from[^\S\n]+(?:now|today|then))\b)"
        r"|per[^\S\n]+(?P<item>(?-i:[a-z][a-z]+))(?![\w'’-])"
        rf"|(?P<adverb>{alternation(adverbs)})(?![\w-]))",
        re.IGNORECASE,
    )
    # the adjective, what it qualifies (a word or two) and the verb or preposition that leads to the
    # figure ("monthly shipments exceeded" is a qualifier of the figure, so nothing is left to lead)
    before = re.compile(
        rf"\b(?P<adjective>{alternation(adjectives)})[^\S\n]+[a-z-]+(?:[^\S\n]+[a-z-]+){{0,2}}?"
        r"(?:[^\S\n]+(?P<lead>of|at|reached|averaged|totalled|totaled|hit|was|were|is|are"
        # a change to the figure ("monthly crossings fell to an average of about 400 wagons")
        r"|(?:rose|fell|climbed|dropped|grew|increased|decreased|declined|jumped|slowed|came)[^\S\n]+to"
        r"(?:[^\S\n]+an?[^\S\n]+average[^\S\n]+of)?|stood[^\S\n]+at))?"
        r"[^\S\n]+$",
        re.IGNORECASE,
    )
    return _RatePatterns(after, before, periods, adverbs, adjectives, frozenset(v["rate_not_items"]["words"]))


_WORDS_BEFORE_PREDICATE = re.compile(
    r"(?:[^\S\n]+[A-Za-z][\w'’-]*){1,3}?(?=[^\S\n]+(?:a|an|per|every|each)\s)"
)
_RATE_WORDS = (
    "per ",
    "a ",
    "an ",
    "each ",
    "every ",
    "daily",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "hourly",
)
_RATE_ADJECTIVES = ("nnual", "onthly", "aily", "eekly", "yearly", "Yearly")  # (either case of the first)
# A sentence that opens on how often: "Monthly, the line now carries roughly 400 wagons".
_OPENING_ADVERB = re.compile(
    r"(?:^|[.!?][^\S\n]+|\n)(Hourly|Daily|Weekly|Monthly|Annually|Yearly),[^.;!?\n]{1,70}$"
)
_PASSING_VERB = re.compile(r"(?:exceed|surpass|topp)", re.IGNORECASE)


def _rate(text: str, start: int, end: int) -> str | None:
    """What a rate told by the figure is counted per ("per month", "per soldier per month"), or None:
    the words after ``end`` (the end of the figure or of its noun), else an adjective before it."""
    r = _rate_patterns()
    per: list[str] = []
    while (
        text.startswith(_RATE_WORDS, end + 1)
        or text.startswith(_RATE_WORDS, end + 2)
        or text.startswith("/", end)
    ):
        m = r.after.match(text, end)
        if m is None:
            break
        if m.group("slashed"):
            per.append(r.periods[m.group("slashed").lower()])
        elif m.group("period"):
            per.append(r.periods[m.group("period").lower()])
        elif m.group("adverb"):
            per.append(r.adverbs[m.group("adverb").lower()])
        elif m.group("item").lower() in r.not_items or m.group("item").lower() in r.periods:
            break
        else:
            per.append(m.group("item").lower())  # ("40 containers per train")
        end = m.end()
    if per:
        return " per ".join(per)
    lo = max(0, start - 50)
    if not any(text.find(word, lo, start) >= 0 for word in _RATE_ADJECTIVES):
        return None  # (cheap test first)
    opening = _OPENING_ADVERB.search(text, max(0, start - 90), start)
    if opening is not None:
        return r.adverbs[opening.group(1).lower()]  # "Monthly, the line carries roughly 400 wagons"
    m = r.before.search(text[lo:start])
    if m is None or (m.group("lead") is None and not _PASSING_VERB.match(text, start)):
        return None  # ("the annual report said 3,000": no word leads from the adjective to the figure)
    return r.adjectives[m.group("adjective").lower()]


def _quantity(text: str, f: _Figure) -> Quantity:
    side = f.side
    unit: str | None = None
    unit_start: int | None = None
    unit_end: int | None = None
    currency = side.currency
    rate = text.startswith(_RATE_CUES, f.end) and _exchange_rate(text, f.start, f.end, currency)
    price = (
        patterns().price_base.match(text, f.end)
        if not rate and side.currency and text.startswith(_PRICE_CUES, f.end)
        else None
    )
    if not rate and not price and side.currency:
        rate = _currency_price(text, f.start, side.currency)
    if rate:
        unit, unit_start, unit_end = rate  # ("1,452.3 won per dollar": a rate, no amount of won)
        currency = None
    elif price:
        # "18,000 won per kilogram", "$80 a barrel": a price, no amount of money spent
        measure = patterns().measures[price.group("mea").lower()]
        unit = f"{side.currency} per {_one_of(measure)}"
        unit_start, unit_end = price.start("mea"), price.end()
        currency = None
    elif side.currency and text.startswith(" per ", f.end) and (each := _PER_ITEM.match(text, f.end)):
        # "$300-$1,000 per round", "10,000 rubles per person", "$3m per KN-23": a price of one item
        # (or a sum for each: "$377,700 per violation"); it keeps its currency, the unit says per what
        item = each.group("item")
        name = item[:1].isupper() and not item[1:].islower()  # ("KN-23" stays as written)
        unit = f"{side.currency} per {item if name else item.lower()}"
        unit_start, unit_end = each.start("item"), each.end()
    elif side.currency:
        unit = side.currency
    elif side.percent:
        unit = side.percent
        of = re.match(r"\s+of\s+", text[f.end : f.end + 6])
        if of:
            phrase = noun_phrase(text, f.end + of.end(), min(len(text), f.end + 80))
            if phrase:
                unit_start, unit_end = phrase[0], phrase[2]
    elif side.multiplier:
        unit = "times"
    elif side.age or (
        not side.measure
        and (f.high or 0) <= 120
        and "," not in text[f.start : f.end]
        and (
            _AGED_BEFORE.search(text, max(0, f.start - 40), f.start)
            or _age_told(text, f.start, f.end)
            or (
                _AGE_PAIR.match(text, f.end) is not None
                and _IS_BEFORE.search(text, max(0, f.start - 10), f.start)
            )
        )
    ):
        unit = "years old"  # "26-year-old", "aged 20 and 26" (not "aged 18 and 2,000 reservists")
    elif side.measure:
        unit = side.measure
        phrase = None
        of = re.match(r"\s+of\s+", text[f.end : f.end + 6])
        if of:
            phrase = noun_phrase(text, f.end + of.end(), min(len(text), f.end + 80))
        if phrase:
            unit_start, unit_end = phrase[0], phrase[2]
    elif side.time_unit:
        unit = side.time_unit if side.time_unit.endswith("s") or side.value == 1 else side.time_unit + "s"
    else:
        value = f.high if f.low is None else f.low
        # A bound may link the figure to a noun before it ("losses exceeding 4,000"); an approximation
        # does not ("holds about 4.2 million": the verb is not what is counted).
        linking = f.qualifier is not None and f.qualifier not in _APPROXIMATIONS
        counted = counted_noun(text, f.count_start, f.value_end, value, qualified=linking)
        if counted:
            unit, unit_start, unit_end = counted.unit, counted.start, counted.end
    # (positional, in the field order of Quantity: matching eleven keywords by name was a good part
    # of the call)
    return Quantity(
        text[f.start : f.end],  # text
        f.start,  # start
        f.end,  # end
        _clean(f.low),  # low
        _clean(f.high),  # high
        f.qualifier,  # qualifier
        unit,
        currency,
        bool(side.percent),  # percent
        unit_start,
        unit_end,
    )


def _clean(value: float | None) -> float | None:
    """Round away binary noise ("1.1 * 1e6" -> 1100000.0)."""
    if value is None:
        return None
    value = float(value)
    return value if value.is_integer() else float(round(value, 6))  # whole numbers need no rounding
