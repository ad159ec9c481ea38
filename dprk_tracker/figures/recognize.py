"""Figure patterns: from the numbers of a text to figures with qualifier, range, currency and unit.

The patterns are built once from ``vocabulary.toml``. Each number found by ``numbers`` is either
rejected (a year, a date, an identifier, an ordinal, a tally, metadata) or grown into a figure: the
qualifier chain and currency before it, the scale, currency, percent, multiplier or measure after it,
a second number that makes it a range, and finally what it counts (``counted``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..model import Quantity, TimeExpr
from .counted import counted_noun, noun_phrase
from .numbers import Number, alternation, numbers_at, tables, vocabulary

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_ORDINAL_WORDS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\w+teenth|\w+ieth|hundredths?|thousandths?|millionths?|billionths?|trillionths?|"
    r"halves|thirds|quarters|fourths|fifths|sixths|sevenths|eighths|ninths|tenths"
)


@dataclass(frozen=True)
class _Patterns:
    qualifier_chain: re.Pattern[str]
    qualifier_word: re.Pattern[str]
    qualifiers: dict[str, dict[str, str]]
    opener: re.Pattern[str]
    currency_prefix: re.Pattern[str]
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
    cue: re.Pattern[str]
    vague: re.Pattern[str]
    vague_table: dict[str, list[float]]
    fold: re.Pattern[str]
    glued_ok: re.Pattern[str]
    hyphen_word: re.Pattern[str]
    time_unit: re.Pattern[str]
    one_before: frozenset[str]
    one_after: frozenset[str]


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


@lru_cache(maxsize=1)
def patterns() -> _Patterns:
    v = vocabulary()
    qualifiers = {k.lower(): spec for k, spec in v["qualifiers"].items()}
    symbols = r"(?:[<>≤≥]\s*=?|~|≈)"
    qual_alt = alternation(qualifiers)
    qualifier_word = re.compile(rf"(?<![\w])(?:{qual_alt})(?![\w])|{symbols}", re.IGNORECASE)
    qualifier_chain = re.compile(rf"(?:(?:(?<![\w])(?:{qual_alt})|{symbols})\s*)+$", re.IGNORECASE)
    opener = re.compile(r"(?<![\w])(?:(?:anywhere|somewhere)\s+)?(?:between|from)\s+$", re.IGNORECASE)

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
    # say which table the match belongs to.
    suffix = re.compile(
        rf"(?P<sp>\s?-\s?|\s*)(?:(?P<pct>{alternation(percent)})(?![A-Za-z])"
        rf"|(?P<scl>{alternation(scaled)})(?![\w])"
        rf"|(?P<min>{alternation(minor)})(?![\w])"
        rf"|(?P<cur>{alternation(suffixes)})(?![\w])"
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
        rf"(?:\s*-\s*plus(?![\w])|\+(?![\d])|\s+(?:{postfix_alt})"
        rf"(?![\w]))",
        re.IGNORECASE,
    )
    range_sep = re.compile(r"\s*(?:-|–|—|~)\s*|\s+(?:to|through|thru|and|or)\s+", re.IGNORECASE)
    cues = v["non_figure"]["cues"]
    cue = re.compile(rf"(?<![\w])(?:{alternation(cues)})\.?\s*(?:no\.?\s*|#\s*)?$", re.IGNORECASE)
    vague_table = {_norm(k): [float(x) for x in r] for k, r in v["vague"].items()}
    vague = re.compile(rf"(?<![\w])(?:{alternation(vague_table)})(?![\w])", re.IGNORECASE)
    fold = re.compile(
        r"(?<![\w-])(?P<n>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand)fold(?![\w])",
        re.IGNORECASE,
    )
    glued_ok = re.compile(
        rf"(?:{alternation(measures_ci)}|{alternation(measures_cs)}|{alternation(suffixes)}|"
        rf"{alternation(scaled)}|{alternation(minor)}|pm|am|s)(?![\w])",
        re.IGNORECASE,
    )
    hyphen_word = re.compile(r"-([A-Za-z]+)")
    time_unit = re.compile(rf"(?:{alternation(time_words)})$", re.IGNORECASE)
    return _Patterns(
        qualifier_chain=qualifier_chain,
        qualifier_word=qualifier_word,
        qualifiers=qualifiers,
        opener=opener,
        currency_prefix=currency_prefix,
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
        cue=cue,
        vague=vague,
        vague_table=vague_table,
        fold=fold,
        glued_ok=glued_ok,
        hyphen_word=hyphen_word,
        time_unit=time_unit,
        one_before=frozenset(v["non_figure"]["one_stop_before"]),
        one_after=frozenset(v["non_figure"]["one_stop_after"]),
    )


# ---------------------------------------------------------------------------------------------
# One side of a figure: a number with what is glued to it.


@dataclass
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


_SIGN_BEFORE = re.compile(r"(?<![\w])(?:minus|negative)\s+$", re.IGNORECASE)


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
_MINOR_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


def _minor_part(text: str, side: _Side) -> None:
    """Add the cents of "3 dollars 50 cents" to a whole amount written with a currency word."""
    if side.value != int(side.value) or side.num.scaled:
        return
    m = _MINOR_PART.match(text, side.end)
    if not m:
        return
    words = re.split(r"[\s-]+", m.group("n").lower())
    cents = int(words[0]) if words[0].isdigit() else sum(_MINOR_WORDS.get(w, 0) for w in words)
    if 0 < cents < 100:
        side.value += cents / 100
        side.end = m.end()


def _percent_before(text: str, num: Number) -> int | None:
    """Start of "percent of" in the old form "percent of 10" (no number before "percent")."""
    m = _PERCENT_OF.search(text, max(0, num.start - 24), num.start)
    if not m:
        return None
    if re.search(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty|hundred|"
                 r"thousand|million))\s*$", text[max(0, m.start() - 20):m.start()], re.IGNORECASE):
        return None
    return m.start()


_PERCENT_OF = re.compile(r"(?<![\w])(?:per\s*cents?|percents?)\s+of\s+$", re.IGNORECASE)


def _side(text: str, num: Number, p: _Patterns) -> _Side:
    side = _Side(num=num, value=num.value, start=num.start, end=num.end, factor=num.factor)
    before = text[max(0, num.start - 12):num.start]
    m = p.currency_prefix.search(before)
    if m:
        side.currency = p.currency_prefixes.get(_norm(m.group().rstrip()).replace(" $", " $"))
        if side.currency is None:
            key = re.sub(r"\s+", " ", m.group().strip().lower())
            side.currency = p.currency_prefixes.get(key) or p.currency_prefixes.get(key.replace(" ", ""))
        if side.currency:
            side.start = num.start - len(before) + m.start()
    scaled_code = _SCALED_PREFIX.search(before)
    if scaled_code and not side.currency:
        # "MAUD 60", "MUSD 30": finance shorthand for millions
        code, factor = p.scaled[scaled_code.group(1).lower()]
        side.currency, side.value = code, side.value * factor
        side.start = num.start - len(before) + scaled_code.start()
    # A glued single-letter scale is a unit unless money or an upper-case M/B/G ("10m" tall vs "$10m").
    if num.scale_letter and num.scale_letter in "mt" and not side.currency:
        side.value = num.value / num.factor
        side.factor = 1.0
        side.measure = "m" if num.scale_letter == "m" else "tonnes"
        side.end = num.end
        return side
    m = p.suffix.match(text, num.end)
    cs = p.measure_cs.match(text, num.end)
    if m and m.group("sp").strip() == "-" and not (m.group("mea") or m.group("age") or m.group("mul")
                                                   or m.group("min") or m.group("cur")):
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
        # hold for time ("four years to 2000")
        return not (ka is not None and ka[0] == "time")
    if ka[0] != kb[0]:
        return False
    return ka[0] != "money" or ka[1] == kb[1]


# ---------------------------------------------------------------------------------------------
# Rejections: numbers that are not figures.


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


def _identifier_before(text: str, start: int, p: _Patterns) -> bool:
    if start == 0:
        return False
    prev = text[start - 1]
    if prev.isalpha():
        # "USD115" is money; "L2", "F16" are names
        return not p.currency_prefix.search(text, max(0, start - 8), start)
    if prev in "#_@\\":
        return True
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
    before = text[max(0, num.start - 20):num.start].lower()
    if re.search(r"(?:\b(?:over|above|under|below|than|least|most|to|exceeding|nearly|almost|some)|[<>=~])"
                 r"\s*$", before) and not re.search(r"\b(?:up|back|from|dates?)\s+to\s*$", before):
        return False
    if re.search(r"(?:\b(?:in|since|by|until|till|from|of|during|between|before|after|year|fiscal|the|"
                 r"its|this|that|early|late|mid|and|to|circa|c\.)|'s|-)\s*$", before):
        return True
    phrase = noun_phrase(text, side.end, min(len(text), side.end + 60))
    if phrase is None:
        return True
    head = text[phrase[1]:phrase[2]]
    return not (head.endswith("s") or head.lower() in ("people", "personnel", "men", "women", "children"))


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """A number on a line of its own inside a document: metadata (a count, an id), not a figure."""
    if "\n" not in text.strip():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return text[line_start:start].strip() == "" and text[end:line_end].strip() == ""


def _list_number(text: str, num: Number) -> bool:
    line_start = text.rfind("\n", 0, num.start) + 1
    if text[line_start:num.start].strip() not in ("", "("):
        return False
    return bool(re.match(r"[.)]\s", text[num.end:num.end + 2]))


def _age_in_parens(text: str, num: Number) -> bool:
    if num.start == 0 or num.end >= len(text) or num.value >= 120:
        return False
    if text[num.start - 1] != "(" or text[num.end] != ")":
        return False
    return bool(re.search(r"[A-Z][\w'’-]*\s*$", text[max(0, num.start - 30):num.start - 1]))


def _pronoun_one(text: str, num: Number, side: _Side, p: _Patterns) -> bool:
    word = text[num.start:num.end].lower()
    if word != "one" or side.currency or side.percent or side.measure or side.multiplier:
        return False
    before = re.search(r"([\w'’]+)\W*$", text[max(0, num.start - 20):num.start])
    if before and before.group(1).lower() in p.one_before:
        return True
    after = re.match(r"\W*([\w'’]+)", text[num.end:num.end + 20])
    if not after or after.group(1).lower() in p.one_after:
        return True
    if text[num.end:num.end + 1] in (",", ".", ";", ":", "?", "!", ")"):
        return True
    return noun_phrase(text, side.end, min(len(text), side.end + 60), single=True) is None


_FRACTION_AFTER = re.compile(
    r"[\s-]+(?:halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|"
    r"twelfths?|hundredths?|thousandths?|millionths?)(?![\w])|\s*/\s*\d",
    re.IGNORECASE,
)
_ORDINAL_AFTER = re.compile(rf"-(?:{_ORDINAL_WORDS})(?![\w])", re.IGNORECASE)
_SMALL_WORD_END = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|\d+)$", re.IGNORECASE
)


def _fraction_or_ordinal(text: str, num: Number) -> bool:
    """"two-thirds", "one quarter", "1/2", "twenty-first": fractions and ordinals are no figures."""
    if not _SMALL_WORD_END.search(text, num.start, num.end):
        return False
    return bool(_FRACTION_AFTER.match(text, num.end) or (num.words and _ORDINAL_AFTER.match(text, num.end)))


# ---------------------------------------------------------------------------------------------
# Figures


@dataclass
class _Figure:
    start: int
    end: int
    low: float | None
    high: float | None
    qualifier: str | None
    side: _Side
    value_end: int  # where the counted noun may begin
    count_start: int  # number start, for the noun-before rule


def _qualifier(text: str, start: int, p: _Patterns) -> tuple[int, str | None, str | None]:
    """(span start, bound, name) of the qualifier chain ending at ``start``."""
    window_start = max(0, start - 60)
    m = p.qualifier_chain.search(text, window_start, start)
    if not m:
        return start, None, None
    parts = [_norm(w.group()) for w in p.qualifier_word.finditer(text, m.start(), m.end())]
    bound, name = None, None
    for part in reversed(parts):  # the one nearest the number decides, approximations aside
        spec = p.qualifiers.get(part)
        if spec is None:
            spec = {"bound": "low" if part.startswith((">", "≥")) else "high" if part.startswith(("<", "≤"))
                    else "approx", "name": "approximately"}
            if part.startswith(("<", "≤", ">", "≥")):
                spec = {**spec, "name": ("at least" if "=" in part or part.startswith("≥") else "more than")
                        if spec["bound"] == "low" else ("at most" if "=" in part or part.startswith("≤")
                                                        else "less than")}
        if bound is None or (bound in ("approx", "exact") and spec["bound"] in ("low", "high")):
            bound, name = spec["bound"], spec["name"]
    return m.start(), bound, name


def _bounds(value: float, bound: str | None) -> tuple[float | None, float | None]:
    if bound == "low":
        return value, None
    if bound == "high":
        return None, value
    return value, value


def _scan(text: str, p: _Patterns) -> tuple[list[Number], list[re.Match[str]], list[re.Match[str]]]:
    """One pass over the text: numbers, vague counts and "-fold" words, in order."""
    t = tables()
    scan = t["scan"]
    numbers: list[Number] = []
    vague: list[re.Match[str]] = []
    folds: list[re.Match[str]] = []
    pos = 0
    end = len(text)
    while True:
        m = scan.search(text, pos, end)
        if m is None:
            break
        kind = m.lastgroup
        if kind == "fold":
            folds.append(m)
            pos = m.end()
            continue
        if kind != "vague":
            found, pos = numbers_at(text, m.start(), end)
            if found:
                numbers.extend(found)
                continue
        start = m.start()
        if text[max(0, start - 2):start].lower() == "a " and text[start:start + 3].lower() == "few":
            start -= 2
        v = p.vague.match(text, start)
        if v and v.group().lower() == "scores" and not text.startswith(" of", v.end()):
            v = None  # "test scores"; "scores of people" is vague
        if v:
            vague.append(v)
            pos = v.end()
        else:
            pos = max(pos, m.end())
    return numbers, vague, folds


_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\s*$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?![\w])")
_CLOCK_AFTER = re.compile(
    r"(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b|hrs\b|GMT\b|UTC\b|KST\b)|:\d{2}"
)
_TOKEN_BEFORE = re.compile(r"\S*$")
_TOKEN_AFTER = re.compile(r"\S*")
_DATE_LIKE = re.compile(
    r"\+\d{1,4}(?:[-\s./]?\(?\d{1,4}\)?){2,}(?![\w])"  # phone numbers
    r"|\(?\d{1,4}\)?(?:[-./]\d{1,4}){2,}(?![\w])"  # numeric dates, IPs, versions, phones
    r"|\d{1,4}\s?/\s?\d{1,4}(?![\w])"  # 9/11, 24/7, 1/2
    r"|(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2}\b"  # 2024-25
)


class _Blocked:
    """Whether a number is part of a time, a date, a clock time, a phone number or a URL.

    The checks look only around the number: a whole-text scan with one big alternation is several
    times slower than the rest of the engine.
    """

    def __init__(self, text: str, times: Sequence[TimeExpr]) -> None:
        self.text = text
        self.spans = sorted((t.start, t.end) for t in times)
        self.starts = [s for s, _ in self.spans]

    def __call__(self, start: int, end: int) -> bool:
        text = self.text
        k = bisect.bisect_left(self.starts, end)
        for s, e in self.spans[max(0, k - 8):k]:
            if s < end and start < e:
                return True
        if _CLOCK_AFTER.match(text, end):
            return True
        if _MONTH_BEFORE.search(text, max(0, start - 11), start) and text[start].isdigit():
            return True
        if _MONTH_AFTER.match(text, end) and text[start].isdigit():
            return True
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before == ":" and start >= 2 and text[start - 2].isdigit():
            return True  # the minutes of "10:30"
        if before in "-./+(:=%&?" or after in "-./:)%&=" or "/" in text[start:end]:
            lo = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
            hi = _TOKEN_AFTER.match(text, end).end()
            token = text[lo:hi]
            if "://" in token or token.startswith("www.") or "@" in token:
                return True
            for m in _DATE_LIKE.finditer(text, max(0, start - 20), min(len(text), end + 20)):
                if m.start() < end and start < m.end():
                    return True
        return False


def find_figures(text: str, times: Sequence[TimeExpr] = ()) -> list[Quantity]:
    p = patterns()
    is_blocked = _Blocked(text, times)
    found, vague, folds = _scan(text, p)
    numbers = [n for n in found if not is_blocked(n.start, n.end)]
    figures: list[_Figure] = []
    skip_until = -1
    i = 0
    chain_end = -1  # end of the last identifier, for "Resolutions 1718 and 2397"
    while i < len(numbers):
        num = numbers[i]
        i += 1
        if num.start < skip_until:
            continue
        before = text[max(0, num.start - 40):num.start]
        if (
            _identifier_before(text, num.start, p)
            or _glued_letters(text, num, p)
            or _fraction_or_ordinal(text, num)
            or _list_number(text, num)
            or _age_in_parens(text, num)
        ):
            continue
        if p.cue.search(before) or (chain_end >= 0 and re.fullmatch(r"\s*(?:,|and|or|&|/)\s*",
                                                                   text[chain_end:num.start])):
            chain_end = num.end
            continue
        if num.digits and _alone_on_line(text, num.start, num.end):
            continue
        side = _side(text, num, p)
        if side.adjective:
            continue
        if _pronoun_one(text, num, side, p) or (re.match(r"\s+of\s+(?:the|us|them|those|these|its|their)\b",
                                                         text[side.end:side.end + 12]) and num.value == 1):
            continue
        # A range: "10,000 to 12,000", "$1.7 billion to $5.5 billion", "3 to 4 million", "two or three".
        low_side, high_side = side, None
        sep = p.range_sep.match(text, side.end)
        opener = p.opener.search(text, max(0, side.start - 30), side.start)
        if sep and i < len(numbers):
            nxt = numbers[i]
            word = _norm(sep.group())
            cur = p.currency_prefix.search(text, sep.end(), nxt.start) if nxt.start > sep.end() else None
            if nxt.start == sep.end() or (cur and cur.start() == sep.end()):
                other = _side(text, nxt, p)
                ok = not other.adjective and _compatible(side, other)
                if word == "and" and not opener:
                    ok = False
                if word == "or" and (opener or re.match(r"\s+(?:more|less|fewer|greater|so)\b",
                                                         text[other.end:other.end + 10])):
                    ok = False
                if ok:
                    a, b = side.value, other.value
                    shared = other.factor > 1 and not side.num.scaled and not side.percent
                    if shared and a * other.factor <= b:
                        a *= other.factor
                    if word == "or" and b > 10 * a:
                        ok = False  # "10 bln or 10 tln" are alternatives, not a range
                    if a > b or a == b:
                        if word in ("-", "–") and side.num.digits and nxt.digits and a > b:
                            # "13-0": a vote tally or a score
                            skip_until = nxt.end
                            continue
                        ok = False
                    if ok and (_is_year(text, side, num) or (nxt.digits and len(nxt.digits) == 4
                                                             and _is_year(text, other, nxt))):
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
                    i += 1
        if high_side is None and _is_year(text, side, num):
            continue
        if high_side is None and side.time_unit and num.value == int(num.value) and side.time_unit.startswith(
                ("second", "minute", "hour", "hrs")) and False:
            continue

        start = side.start
        end = (high_side or side).end
        q_start, bound, name = _qualifier(text, start, p)
        if high_side is not None:
            if opener:
                q_start = min(q_start, opener.start())
            low, high = low_side.value, high_side.value
            bound = None
            # a qualifier before a range is kept as its name but the range holds both ends
        else:
            post = p.postfix.match(text, end)
            if post and i < len(numbers) and numbers[i].start - post.end() < 30:
                # "5000 or less than 6000": the words qualify the next number, not this one
                nq_start, _, _ = _qualifier(text, numbers[i].start, p)
                if nq_start < post.end():
                    post = None
            if post:
                key = _norm(post.group()).lstrip("-").strip() or "+"
                spec = p.postfix_table.get(key) or p.postfix_table.get(key.replace(" ", "")) or {
                    "bound": "low", "name": "more than"}
                if spec["bound"] != "same":
                    bound = spec["bound"] if bound in (None, "approx", "exact") else bound
                    name = spec["name"] or name
                end = post.end()
            if side.time_unit and name in ("over", "under") and not side.currency:
                # "over 3 years" is a time span, not a bound
                bound, name, q_start = None, None, start
            low, high = _bounds(side.value, bound)
        if q_start < start and bound is None and high_side is None:
            q_start = start
        skip_until = max(skip_until, end)
        figures.append(
            _Figure(start=min(q_start, start), end=end, low=low, high=high, qualifier=name, side=side,
                    value_end=end, count_start=min(q_start, start))
        )
    figures.extend(_vague_figures(text, p, vague, figures, is_blocked))
    figures.extend(_fold_figures(text, p, folds, figures))
    figures.sort(key=lambda f: f.start)
    figures = _merge_bounds(text, figures)
    return [_quantity(text, f) for f in figures]


def _vague_figures(text: str, p: _Patterns, found: list[re.Match[str]], taken: list[_Figure],
                   is_blocked: Any) -> list[_Figure]:
    out: list[_Figure] = []
    for m in found:
        if is_blocked(m.start(), m.end()) or any(f.start < m.end() and m.start() < f.end for f in taken):
            continue
        low, high = p.vague_table[_norm(m.group())]
        end = m.end()
        scale = re.match(r"\s+(thousand|million|billion)\b", text[end:end + 12], re.IGNORECASE)
        if scale:
            factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale.group(1).lower()]
            low, high, end = low * factor, high * factor, end + scale.end()
        num = Number(low, m.start(), end, True, True, None)
        side = _Side(num=num, value=low, start=m.start(), end=end)
        # "hundreds of millions of dollars"
        cur = re.match(r"\s+of\s+(dollars|won|rubles|roubles|yuan|euros|pounds|yen)\b", text[end:end + 20],
                       re.IGNORECASE)
        if cur:
            side.currency = patterns().currency_suffixes[cur.group(1).lower()]
            end += cur.end()
            side.end = end
        q_start, bound, name = _qualifier(text, m.start(), p)
        if bound == "low":
            high = None
        elif bound == "high":
            low = None
        out.append(_Figure(min(q_start, m.start()) if bound else m.start(), end, low, high,
                           name if bound else None, side, end, m.start()))
    return out


_FOLD_VALUES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "twenty": 20, "hundred": 100, "thousand": 1000}


def _fold_figures(text: str, p: _Patterns, found: list[re.Match[str]], taken: list[_Figure]) -> list[_Figure]:
    out: list[_Figure] = []
    for m in found:
        if any(f.start < m.end() and m.start() < f.end for f in taken):
            continue
        value = float(_FOLD_VALUES[m.group()[:-4].lower()])
        num = Number(value, m.start(), m.end(), True, False, None)
        side = _Side(num=num, value=value, start=m.start(), end=m.end(), multiplier=True)
        q_start, bound, name = _qualifier(text, m.start(), p)
        low, high = _bounds(value, bound)
        out.append(_Figure(min(q_start, m.start()) if bound else m.start(), m.end(), low, high,
                           name if bound else None, side, m.end(), m.start()))
    return out


_JOIN = re.compile(r"\s*(?:,\s*)?(?:and|but|,)\s*", re.IGNORECASE)


def _merge_bounds(text: str, figures: list[_Figure]) -> list[_Figure]:
    """"more than 10 and less than 20" is one range."""
    out: list[_Figure] = []
    for f in figures:
        if out:
            prev = out[-1]
            if (
                _JOIN.fullmatch(text, prev.end, f.start)
                and prev.qualifier and f.qualifier
                and ((prev.high is None and prev.low is not None and f.low is None and f.high is not None)
                     or (prev.low is None and prev.high is not None and f.high is None and f.low is not None))
            ):
                low = prev.low if prev.low is not None else f.low
                high = prev.high if prev.high is not None else f.high
                if low is not None and high is not None and low <= high:
                    out[-1] = _Figure(prev.start, f.end, low, high, "between", f.side, f.value_end,
                                      prev.count_start)
                    continue
        out.append(f)
    return out


def _quantity(text: str, f: _Figure) -> Quantity:
    side = f.side
    unit: str | None = None
    unit_start: int | None = None
    unit_end: int | None = None
    if side.currency:
        unit = side.currency
    elif side.percent:
        unit = side.percent
        of = re.match(r"\s+of\s+", text[f.end:f.end + 6])
        if of:
            phrase = noun_phrase(text, f.end + of.end(), min(len(text), f.end + 80))
            if phrase:
                unit_start, unit_end = phrase[0], phrase[2]
    elif side.multiplier:
        unit = "times"
    elif side.age:
        unit = "years old"
    elif side.measure:
        unit = side.measure
        phrase = None
        of = re.match(r"\s+of\s+", text[f.end:f.end + 6])
        if of:
            phrase = noun_phrase(text, f.end + of.end(), min(len(text), f.end + 80))
        if phrase:
            unit_start, unit_end = phrase[0], phrase[2]
    elif side.time_unit:
        unit = side.time_unit if side.time_unit.endswith("s") or side.value == 1 else side.time_unit + "s"
    else:
        value = f.high if f.low is None else f.low
        counted = counted_noun(text, f.count_start, f.value_end, value, qualified=f.qualifier is not None)
        if counted:
            unit, unit_start, unit_end = counted.unit, counted.start, counted.end
    return Quantity(
        text=text[f.start:f.end],
        start=f.start,
        end=f.end,
        low=_clean(f.low),
        high=_clean(f.high),
        qualifier=f.qualifier,
        unit=unit,
        currency=side.currency,
        percent=bool(side.percent),
        unit_start=unit_start,
        unit_end=unit_end,
    )


def _clean(value: float | None) -> float | None:
    """Round away binary noise ("1.1 * 1e6" -> 1100000.0)."""
    if value is None:
        return None
    rounded = round(value, 6)
    return float(rounded)
