"""find_times: recognition (patterns.py) + context filters + normalization (normalize.py).

The pipeline: one regex pass finds candidates; context filters drop non-times ("Resolution 1874",
"and May", "2000 troops"); range partners lend their year ("October to December 2024"); each
candidate is normalized against the reference in text order, so "that year" can refer back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Reference, TimeExpr
from ..text import opens_sentence
from .normalize import (
    Context,
    Norm,
    cached_bounds,
    context_for,
    month_number,
    normalize,
    period_of,
    year_of_relative,
)
from .patterns import (
    CHANGE_WORDS,
    COUNT_NOUN_AFTER,
    DETERMINERS,
    FUTURE_MODALS,
    IDENTIFIER_NOUNS_AFTER,
    IDENTIFIER_WORDS,
    MEASURE_UNITS,
    MONTH_CASED,
    NAMING_WORDS,
    NEWSPAPER_MODIFIERS,
    QUANTITY_WORDS,
    SIGNALS,
    SUDDEN_ADVERBS,
    THE_END_OF,
    TIME_ZONE,
    clause_tense,
    folded,
    match_at,
    scan,
    word_after,
    words_before,
)
from .vocabulary import number_value, table, words


@dataclass
class Candidate:
    rule: str
    start: int
    end: int
    groups: dict[str, str]
    signal: str | None


# Prepositions after which a bare month name is a month ("in March"), not a verb, modal or name.
_MONTH_SIGNALS = frozenset(
    {
        "in",
        "since",
        "by",
        "until",
        "till",
        "from",
        "through",
        "throughout",
        "during",
        "before",
        "after",
        "between",
        "of",
        "for",
        "starting",
        "beginning",
        "around",
        "toward",
        "towards",
        "into",
        "as of",
        "prior to",
        "no later than",
        "no earlier than",
        "not earlier than",
        "as early as",
        "as late as",
        "as recently as",  # "dismissed as rumours as recently as November"
        "ahead of",
    }
)
_SEASON_SIGNALS = frozenset(
    {
        "in",
        "since",
        "by",
        "until",
        "till",
        "through",
        "throughout",
        "during",
        "before",
        "after",
        "over",
        "for",
        "of",
        "into",
        "around",
        "between",  # "between the autumn and the end of the year"
        "from",
    }
)
_DAY_SIGNALS = frozenset(
    {
        "on",
        "by",
        "since",
        "until",
        "till",
        "from",
        "before",
        "after",
        "of",
        "as of",
        "through",
    }
)
# "by August", "until March 15": deadlines, read as upcoming rather than rolled back a year.
_DEADLINE_SIGNALS = frozenset(
    {
        "by",
        "until",
        "till",
        "as soon as",
        "as early as",
        "no later than",
        "effective",
        "due",
    }
)
_DEADLINE_RULES = frozenset(
    {"month", "month_day", "day_month", "weekday", "clock", "ordinal_day", "holiday", "year_compound"}
)
_DEADLINE_RIGHT_BEFORE = re.compile(
    r"(?:by|until|till|as soon as|as early as|no later than|effective|payable|due)\s+$", re.IGNORECASE
)
# The signals of a start that goes on ("since 2024"); ``extract`` reads them too.
SINCE_SIGNALS = frozenset({"since", "ever since"})
# A month named right before and joined to this one ("January and July", "March-April").
_MONTH_PARTNER_BEFORE = re.compile(r"\b(?:" + MONTH_CASED + r")(?:\s+(?:and|or|to|through)\s+|\s*[-–]\s*)$")
_COMPARED_WITH = frozenset({"over", "from", "than"})
# A past verb before the deadline word, with at most its object between: the deadline was met
# ("troops were deployed by December", "casualties reached roughly 4,700 by March"), unlike one set in
# the past ("agreed to withdraw by December", "gave them until May", "was scheduled for completion by
# May": an infinitive or a verb of intent looks ahead).
_DONE_BY = re.compile(
    r"\b(?!(?:agre|aim|ask|demand|expect|hop|instruct|intend|need|order|plann|pledg|promis|requir"
    r"|schedul|tasked|urg|vow|want)ed\b)"
    r"(?:[a-z]+ed|sent|built|made|taken|held|met|paid|fought|brought|done|begun|won|lost)"
    # (a stop ends it; so does "due", which makes the "by" a deadline's: "cut under the review, due by")
    r"(?:\s+(?!(?:to|will|would|should|must|be|been|due)\b)(?:[\w,'’-]|\.(?=\w))+){0,7}\s+"
    r"(?:by|until|till)\s+(?:the\s+)?(?:early\s+|mid-?|late\s+|end\s+of\s+)?$",
    re.IGNORECASE,
)
_DONE_BY_WINDOW = 100  # characters before the expression: a verb, seven words of object and "by"
_LINE_OR_SENTENCE_END = re.compile(r"(?:^|[.!?]['\"”’]?\s+|\n)[\"“‘']?$")


def _opens_sentence(text: str, start: int) -> bool:
    return bool(_LINE_OR_SENTENCE_END.search(text, max(0, start - 4), start)) or start == 0


def _opens_clause(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence or a clause after a comma ("..., and by December they were
    fighting")."""
    return _opens_sentence(text, start) or bool(_CLAUSE_OPENING.search(text, max(0, start - 6), start))


_CLAUSE_OPENING = re.compile(r"[,;:]\s+(?:and\s+|but\s+)?$")


# Rules that name a quarter themselves (not "a year ago" read against an earlier quarter).
_QUARTER_MENTIONS = frozenset({"quarter", "quarter_code", "relative"})
# Rules whose value depends on the tense of the clause (a bare month, day, weekday, season or holiday).
_TENSE_RULES = frozenset(
    {
        "day_shift",
        "month",
        "month_day",
        "day_month",
        "weekday",
        "clock",
        "ordinal_day",
        "season",
        "holiday",
        "quarter",
        "part_of_day",
        "relative",
        "year_compound",
        "week_of_month",  # "planned for the week of September 15" said in May: this September's
        "week_of_date",
    }
)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|and|through|until|till|or)\s*", re.IGNORECASE)
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|dollars?|cents?|won|percent|%|times|twice|once|thrice|million|billion|trillion|tons?|"
    r"barrels?|miles?|hours?|shares?|people|each)\s*$",
    re.IGNORECASE,
)


def _numbered_document(pair: list[str]) -> bool:
    """Whether two words are an identifier word and its number ("resolution", "2087")."""
    return len(pair) == 2 and pair[0] in IDENTIFIER_WORDS and pair[1].isdigit()


_THAN_AFTER = re.compile(r"\s+than\b")
# A change before "on the year" ("rose 12% on the year", "down 3 percent on the month").
_CHANGE_BEFORE_ON = re.compile(
    r"(?:%|\b(?:percent|per\s+cent|pct|points?|" + "|".join(sorted(CHANGE_WORDS)) + r"))\s+on\s+$",
    re.IGNORECASE,
)
_YEAR_RANGE_BEFORE = re.compile(r"(?:1[6-9]|20)\d\d\s*[-–/]\s*$")
# A numbered document with its year: "Resolutions 1718 (2006) and 1874 (2009)" (the number before the
# parenthesized year; the year itself dates the document, not an event), "notice 2025/0142".
_CITED_YEAR_AFTER = re.compile(r"\s\((?:19|20)\d\d\)")
_CITED_NUMBER_BEFORE = re.compile(r"\d\s\($")
_SERIAL_AFTER = re.compile(r"/(?!(?:19|20)\d\d\b)\d{3,}")


# The last word of every signal phrase: a candidate whose previous word is none of them has no signal.
_SIGNAL_ENDINGS = frozenset(phrase.split()[-1] for phrase in SIGNALS if phrase.strip())


_TEMPORAL_PREPOSITIONS = frozenset(
    ("on", "since", "by", "until", "till", "from", "before", "after", "between")
)
# A facility's noun after "the" and a date names a place after that date, as North Korea names its
# factories, halls and stadiums ("the 11 February Plant", "the April 25 House of Culture").
_NAMED_AFTER_A_DATE = re.compile(
    r"(?: [A-Z][a-z]+)? (?:Plant|Factory|Complex|Works|Mine|Enterprise|House|Hall|Palace|Stadium|Street"
    r"|Square|Bridge|Hotel|Park|School|University|Institute|Academy|Farm|Shipyard)\b"
)


_SENTENCE_BREAK = re.compile(r"[.!?]['\"”’)]*\s+(?=[A-Z\"“‘])")


def _signal(text: str, start: int, previous: list[str]) -> str | None:
    """``phrase_before(text, start, SIGNALS, skip_the=True)``, from the words before ``start`` (the last
    four, ``words_before(text, start, 4)``) that the context filters read too."""
    if start and not text[start - 1].isspace():
        return None
    found = previous[:-1] if previous and previous[-1] == "the" else previous
    if found[-2:] == ["at", "least"]:
        found = found[:-2]  # "since at least the turn of the year": the signal before the hedge
    if not found or found[-1] not in _SIGNAL_ENDINGS:
        return None
    for size in (3, 2, 1):
        if len(found) >= size:
            phrase = " ".join(found[-size:])
            if phrase in SIGNALS:
                # a signal ends no sentence before the expression's: "than ever before. The 2025 edition"
                return (
                    None if _past_a_sentence_end(text, start, size + len(previous) - len(found)) else phrase
                )
    return None


def _past_a_sentence_end(text: str, start: int, words: int) -> bool:
    """Whether a sentence ends within the last ``words`` words before ``start``."""
    window = text[max(0, start - 40) : start]
    if "." not in window and "!" not in window and "?" not in window:
        return False
    breaks = list(_SENTENCE_BREAK.finditer(window))
    return bool(breaks) and len(window[breaks[-1].end() :].split()) < words


def _accept(candidate: Candidate, text: str, lowered: str, words: list[str]) -> bool:
    """Context filters: the classes of look-alikes that are not time expressions (``words``: the last
    four words before the candidate)."""
    rule, groups, start, end = candidate.rule, candidate.groups, candidate.start, candidate.end
    if rule in _GLUE_RULES and start >= 2:
        before = text[start - 2 : start]
        glued = before[1] in "-/" and before[0].isalnum()
        if glued and not _YEAR_RANGE_BEFORE.search(text, max(0, start - 8), start):
            return False  # "KN-2024", "IL-76"-style identifiers
    if (
        rule in ("month_day", "day_month")
        and "year" not in groups
        and _NAMED_AFTER_A_DATE.match(text, end)
        and (words[-1:] == ["the"] or lowered.startswith("the ", start))
        and not _TEMPORAL_PREPOSITIONS.intersection(words[-2:])
    ):
        return False  # "at the 11 February Plant", "of the April 25 House of Culture": a name
    if rule == "holiday" and (" ".join(words[-1:]) in NAMING_WORDS or " ".join(words[-2:]) in NAMING_WORDS):
        return False  # 'what it calls "Victory Day"': a name for a day, maybe not the calendar's
    if rule == "holiday" and words[-1:] == ["of"] and lowered.startswith("the new year", start):
        return False  # "the first swap of the new year": the year so far, no New Year's Day
    if rule == "year" and "mod" not in groups and "fiscal" not in groups:
        year = int(groups["year"])
        previous = words[-2:]
        last_word = previous[-1] if previous else ""
        if last_word in IDENTIFIER_WORDS or (text[max(0, start - 1) : start] in "#$£€¥₩" and start):
            return False
        if last_word in ("and", "or") and _numbered_document(words[-3:-1]):
            return False  # "Resolutions 2087 and 2094": the last of numbered documents
        if text.startswith("(", end + 1) and _CITED_YEAR_AFTER.match(text, end):
            return False  # "1874 (2009)": a document's number
        if text.startswith(")", end) and _CITED_NUMBER_BEFORE.search(text, max(0, start - 3), start):
            return False  # "1718 (2006)": the year in a citation of a numbered document
        if text.startswith("/", end) and _SERIAL_AFTER.match(text, end):
            return False  # "2025/0142": a reference number
        compared = last_word in _COMPARED_WITH and any(w in CHANGE_WORDS for w in words[-4:-1])
        # ("based there since at least 2023": a hedged start, no count)
        hedged = (
            previous == ["at", "least"]
            and candidate.signal in _HEDGED_SIGNALS
            and not COUNT_NOUN_AFTER.match(text, end, end + 40)
        )
        if (last_word in QUANTITY_WORDS or " ".join(previous) in QUANTITY_WORDS) and not (compared or hedged):
            return False  # "over 2000 troops", but "a tenfold increase over 2023"
        determined = last_word in DETERMINERS or last_word.endswith(("'s", "’s"))
        if candidate.signal is None and not determined and COUNT_NOUN_AFTER.match(text, end, end + 40):
            return False
        if year < 1900 and (candidate.signal is None or word_after(text, end) in IDENTIFIER_NOUNS_AFTER):
            return False  # (a signal: "in 1871"; but "of the 1718 Committee" names a resolution's body)
    if rule == "spelled_year" and _COUNTED_AFTER.match(lowered, end):
        return False  # "rose to eighteen hundred killed or wounded", "nineteen hundred more": a count
    if rule == "spelled_year" and candidate.signal is None and not lowered.startswith("the", start):
        # "nineteen ninety-six" is a year unless a counted plural follows, as a year in digits. But
        # "eighteen hundred" is how counts are said too: as a year it needs "in", "since"..., a
        # determiner or a sentence's start; anywhere else it is a count ("eighteen-hundred North
        # Korean troops", "some nineteen hundred guns").
        counted = COUNT_NOUN_AFTER.match(text, end, end + 40)
        if counted or (
            groups.get("rest", "").lower() == "hundred"
            and not ((bool(words) and words[-1] in _NOUN_DETERMINERS) or opens_sentence(text, start))
        ):
            return False
    possessive = text[end : end + 2] in ("'s", "’s")  # "November's elections"
    if (
        rule == "month"
        and not ({"mod", "rel"} & groups.keys())
        and candidate.signal not in _MONTH_SIGNALS
        and not possessive
        and not _determined_month(groups["month"], words)
        and not _span_ending(words)
    ):
        partner = _RANGE_JOIN.match(text, end)
        following = match_at(text, partner.end(), lowered) if partner else None
        if not (following and following[1].get("month")) and not _MONTH_PARTNER_BEFORE.search(
            text, max(0, start - 30), start
        ):
            return False  # "in January and July": each month vouches for the other
    if rule == "season" and not ({"year", "relyear", "mod"} & groups.keys()):
        rel = (groups.get("rel") or "").lower()
        if re.match(r"\s+of\s+(?!\d)", text[end : end + 8]):
            return False  # "the fall of Kabul"
        if rel in ("", "the") and candidate.signal not in _SEASON_SIGNALS:
            return False
        fall_signals = ("in", "since", "until", "by")
        if groups["season"].lower() == "fall" and rel in ("", "the") and candidate.signal not in fall_signals:
            return False
    if rule == "duration" and groups.get("num", "").lower() in ("a", "an") and groups.keys() <= _RATE_GROUPS:
        previous = words[-1:]
        if previous and (any(c.isdigit() for c in previous[0]) or previous[0] in _RATE_WORDS):
            return False  # "$2 million a year", "24 hours a day": a rate, not a span of time
        if _counted_plural(words) and not _SPAN_AFTER.match(text, end):
            return False  # "four flights a week", "700 seats a week": a rate too
    if (
        rule == "set_word"
        and groups["setword"].lower() in _PAPER_WORDS
        and _names_a_paper(text, start, end, words)
    ):
        return False  # "the party daily Rodong Sinmun", "JoongAng Daily": a newspaper, not a SET
    per_unit = rule == "set" and groups["every"].lower() == "per" and "num" not in groups
    if (rule == "set_word" or per_unit) and _after_quantity(words):
        return False  # "6,000 km per hour", "rose 8.5% annually": a speed or a rate, as "$2 million a year"
    if (
        rule == "clock"
        and groups.get("clockword", "").lower() == "noon"
        and words[-1:] in (["high"], ["``high"])
    ):
        return False  # "high noon": a showdown, not a clock time
    if (
        rule == "part_of_day"
        and words[-1:]
        and words[-1] in SUDDEN_ADVERBS
        and groups["pod"].lower() == "overnight"
    ):
        return False  # "the assaults stopped almost overnight": suddenly, no night
    if rule == "part_of_day" and groups.get("rel", "").lower() == "the" and _OF_AFTER.match(text, end):
        return False  # "the night of Oct. 23": the date that follows dates it
    if rule == "weekday" and words[-1:] == ["a"] and "mod" not in groups and not _NOUN_AFTER.match(text, end):
        # "on a Monday", "on Jan. 9, a Thursday": any such day, or the date told beside it (but "a
        # Sunday night memorial service" is that Sunday's service)
        return False
    if (
        rule == "decade"
        and words
        and (
            words[-1] in _AGE_OWNERS
            or (words[-1] in ("and", "or", "to") and _AGE_OWNERS.intersection(words[:-1]))
        )
    ):
        return False  # "a drone operator in his thirties", "men in their forties and fifties": ages
    if (
        rule == "quarter_code"
        and "year" not in groups
        and text.startswith(":", end)
        and _line_opening(text, start)
    ):
        return False  # "Q1: How many troops were sent?": a question's number in a Q&A, no quarter
    if rule == "relative" and text[start - 1 : start] in _OPENING_QUOTES and groups["unit"][:1].isupper():
        return False  # "This Week" in quotes is a programme or a headline, not a week
    if rule == "ago" and _THAN_AFTER.match(text, end):
        return False  # "a year earlier than planned": how much sooner, no date
    if (
        rule == "relative"
        and words[-1:] == ["on"]
        and groups["rel"].lower() == "the"
        and _CHANGE_BEFORE_ON.search(text, max(0, start - 24), start)
    ):
        return False  # "fell 5 percent on the year", "were up on the month": a comparison, no date
    # ("around the 20th of last month": a day whose month is named needs no signal)
    return not (rule == "ordinal_day" and candidate.signal not in _DAY_SIGNALS and "rel" not in groups)


_OF_AFTER = re.compile(r"\s+of\b")


# A lower-case word after an expression that is no function word: a noun it modifies.
_NOUN_AFTER = re.compile(
    r"[ \t]+(?!(?:is|was|are|were|in|on|at|of|and|or|to|when|that|for|by|with|as|the|a|an|it|he|she|they)"
    r"\b)[a-z]"
)
_AGE_OWNERS = frozenset({"his", "her", "their", "my", "our", "your"})  # whose decade of life


def _line_opening(text: str, start: int) -> bool:
    """Whether only markup ("**", "- ", spaces) stands between the line's start and ``start``."""
    line_start = text.rfind("\n", 0, start) + 1
    return not any(char.isalnum() for char in text[line_start:start])


_GLUE_RULES = frozenset({"year", "duration", "ago"})
_RATE_GROUPS = frozenset({"num", "unit"})
_RATE_WORDS = frozenset(
    {
        "million",
        "billion",
        "trillion",
        "thousand",
        "percent",
        "cents",
        "dollars",
        "hours",
        "times",
        "once",
        "twice",
    }
)
# "ten prisoners a week later": a span after all.
_SPAN_AFTER = re.compile(r"\s+(?:later|after|before|afterwards|apart)\b")


_PAPER_WORDS = frozenset({"daily", "weekly"})
_NAME_AFTER = re.compile(r"[ \t]+[A-Z]")
_SENTENCE_END = frozenset(".!?\"“”'`:")


def _names_a_paper(text: str, start: int, end: int, words: list[str]) -> bool:
    """ "daily"/"weekly" as a newspaper: inside a name ("JoongAng Daily", "Daily NK"), between a
    capitalised word and a name ("Party daily Granma"), or after a word that qualifies a paper."""
    before = text[max(0, start - 3) : start].rstrip()
    sentence_start = not before or before[-1] in _SENTENCE_END
    if sentence_start:
        return _NAME_AFTER.match(text, end) is not None  # "Daily NK reported ..."
    if text[start].isupper():
        return True
    previous = text[max(0, start - 40) : start].split()
    capitalised_before = bool(previous) and previous[-1][:1].isupper()
    return (bool(words) and words[-1] in NEWSPAPER_MODIFIERS) or (
        capitalised_before and _NAME_AFTER.match(text, end) is not None
    )


_HEDGED_SIGNALS = frozenset({"since", "until", "till", "through", "from"})


def _after_quantity(words: list[str]) -> bool:
    """Whether the words before end in an amount ("$2 million", "8.5%", "6,000 km", "15 million
    instructions"): a frequency word after it is a rate."""
    if not words or words[-1] in _FREQUENCY_COUNTS:
        return False  # "twice daily", "three times weekly": how often, a SET
    last = words[-1]
    return (
        any(c.isdigit() for c in last)
        or last in _RATE_WORDS
        or last in MEASURE_UNITS
        or _counted_plural(words)
    )


_FREQUENCY_COUNTS = frozenset({"once", "twice", "thrice", "times"})


def _counted_plural(words: list[str]) -> bool:
    """Whether the last two words are a count and a plural noun ("four flights", "700 seats")."""
    if len(words) < 2 or not (words[-1].isalpha() and words[-1].endswith("s")):
        return False
    count = words[-2]
    return any(c.isdigit() for c in count) or (count not in ("a", "an") and number_value(count) is not None)


_NOUN_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})
_OPENING_QUOTES = frozenset("\"“‘'`")


def _span_ending(words: list[str]) -> bool:
    """ "in the 12 months to March", "the year to June": a span of time named by its last month."""
    return len(words) >= 2 and words[-1].lower() == "to" and words[-2].lower() in _SPAN_UNITS


_SPAN_UNITS = frozenset({"days", "weeks", "months", "quarters", "years", "week", "month", "quarter", "year"})


def _determined_month(month: str, words: list[str]) -> bool:
    """ "the March accession", "a June agreement": a capitalised month after a determiner dates the noun
    ("May" stays out: "a May" is as often a name)."""
    previous = words[-1:]
    return month.lower() != "may" and bool(previous) and previous[0] in _NOUN_DETERMINERS


def _explicit_year(candidate: Candidate) -> int | None:
    groups = candidate.groups
    for key in ("year", "year2"):
        if key in groups and groups[key].isdigit():
            return int(groups[key])
    return None


def _range_hints(candidates: list[Candidate], text: str) -> dict[int, int]:
    """Year hints for the first half of a range ("between October and December 2024")."""
    hints: dict[int, int] = {}
    for index in range(len(candidates) - 1, 0, -1):
        first, second = candidates[index - 1], candidates[index]
        if first.rule not in ("month", "month_day", "day_month") or _explicit_year(first) is not None:
            continue
        if "relyear" in first.groups or "rel" in first.groups:
            continue
        if not _RANGE_JOIN.fullmatch(text, first.end, second.start):
            continue
        dated = second.rule in ("month", "month_year", "month_day", "day_month")
        year = _explicit_year(second) if dated else None
        if year is None:
            year = hints.get(index)
        if year is None or "month" not in second.groups:
            continue
        wraps = month_number(first.groups["month"]) > month_number(second.groups["month"])
        hints[index - 1] = year - 1 if wraps else year
    return hints


def _heading_year_hints(candidates: list[Candidate], text: str, hints: dict[int, int]) -> None:
    """A year standing alone on its line heads a chronology ("2023", then "- 13 September: Kim meets
    Putin"): the days and months below it with no year of their own are in that year, up to the next
    such heading."""
    year: int | None = None
    for index, candidate in enumerate(candidates):
        if candidate.rule == "year":
            if _HEADING_LINE.fullmatch(_line_of(text, candidate.start, candidate.end)):
                year = int(candidate.groups["year"])
            continue
        if (
            year is not None
            and candidate.rule in ("month", "month_day", "day_month")
            and "month" in candidate.groups
            and _explicit_year(candidate) is None
            and not {"rel", "relyear"} & candidate.groups.keys()
        ):
            hints.setdefault(index, year)


def _line_of(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start : line_end if line_end >= 0 else len(text)]


# A heading line holding a year alone, as Markdown or wiki markup may write it ("## 2024", "== 2024 =="),
# or with a short title after a colon ("2023: The turn", a timeline explainer's section).
_HEADING_LINE = re.compile(
    r"\s*(?:#+\s*|=+\s*)?(?:1[89]|20)\d\d(?:\s*=+)?(?::[^\S\n]*[A-Z][^\n.!?:;]{0,40})?:?\s*"
)


# What makes two months a range ("from April to June", "between April and June", "April-June"): a
# list ("in January and July") may name months of two years.
_RANGE_TO = re.compile(r"\s*(?:-|–|—|to|through|until|till)\s*", re.IGNORECASE)
_RANGE_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _range_end_after_start(
    text: str, first: Candidate, first_found: tuple[int, str, str], second: Candidate, norm: Norm
) -> Norm:
    """A bare month that ends a range of months lies in the range's year, not before its start
    ("expects more troops between April and June": June of April's year, whatever the tense says)."""
    end, _, first_value = first_found
    if end != first.end or not (_MONTH_PREFIX.fullmatch(first_value) and _MONTH_PREFIX.fullmatch(norm.value)):
        return norm
    if not _joined_as_range(text, first, second):
        return norm
    year, month = int(first_value[:4]), int(first_value[5:7])
    second_month = int(norm.value[5:7])
    expected = year + 1 if second_month < month else year
    if int(norm.value[:4]) == expected:
        return norm
    return Norm(norm.type, f"{expected}-{second_month:02d}", norm.mod, norm.precision, norm.clip)


def _joined_as_range(text: str, first: Candidate, second: Candidate) -> bool:
    """ "April to June", "April-June", "between April and June": the two ends of one range."""
    return bool(
        _RANGE_TO.fullmatch(text, first.end, second.start)
        or (
            _RANGE_AND.fullmatch(text, first.end, second.start)
            and _BETWEEN_BEFORE.search(text, max(0, first.start - 12), first.start)
        )
    )


def _past_range_start(text: str, first: Candidate, second: Candidate, norm: Norm, ctx: Context) -> Norm:
    """The start of a range of bare months told in the past whose end would lie ahead of the reference
    is a year back: "between March and December, the North shipped ..." said in May is last year's."""
    if (
        second.rule != "month"
        or {"rel", "mod"} & (first.groups.keys() | second.groups.keys())
        or not _MONTH_PREFIX.fullmatch(norm.value)
        or ctx.reference is None
        or not _joined_as_range(text, first, second)
    ):
        return norm
    year, month = int(norm.value[:4]), int(norm.value[5:7])
    end_month = month_number(second.groups["month"])
    end_year = year + 1 if end_month < month else year
    if (end_year, end_month) <= (ctx.reference.year, ctx.reference.month):
        return norm
    return Norm(norm.type, f"{year - 1}-{month:02d}", norm.mod, norm.precision, norm.clip)


def _is_one_day(groups: dict[str, str]) -> bool:
    """ "one day" or "some day" and nothing more."""
    count = (
        groups.get("num", "").lower() if groups.keys() == _RATE_GROUPS else groups.get("vague", "").lower()
    )
    return count in ("one", "some") and len(groups) == 2 and groups["unit"].lower() == "day"


_PARENTHESIS = re.compile(r"\s*\(\s*")


def _parenthetical_dates(candidates: list[Candidate], text: str) -> dict[int, tuple[str, dict[str, str]]]:
    """ "on Wednesday (Oct. 23)": the weekday takes the date the writer spelled out beside it. A clock with
    no day takes the day of the same time given in another zone ("4 in the morning (4 a.m. EDT
    Thursday)") or of the weekday after that aside ("at 10:35 a.m. (0735 GMT) Friday")."""
    found: dict[int, tuple[str, dict[str, str]]] = {}
    for index in range(len(candidates) - 1):
        first, second = candidates[index], candidates[index + 1]
        if first.rule == "weekday":
            if second.rule in ("month_day", "day_month") and _PARENTHESIS.fullmatch(
                text, first.end, second.start
            ):
                found[index] = (second.rule, second.groups)
        elif first.rule == "clock" and _DAY_GROUPS.isdisjoint(first.groups):
            if second.rule == "clock" and not _DAY_GROUPS.isdisjoint(second.groups):
                if _PARENTHESIS.fullmatch(text, first.end, second.start):
                    found[index] = (second.rule, second.groups)
            elif second.rule == "weekday" and _ASIDE.fullmatch(text, first.end, second.start):
                found[index] = (second.rule, second.groups)
            elif second.rule in _DAY_AFTER_CLOCK and _ON_THE.fullmatch(text, first.end, second.start):
                found[index] = (second.rule, second.groups)  # "at 7:10 a.m. on the 26th"
            elif second.rule == "part_of_day" and index + 2 < len(candidates):
                # "at 5:40 in the morning on Jan. 9": the clock and its part of the day take the date
                third = candidates[index + 2]
                if (
                    third.rule in _DAY_AFTER_CLOCK
                    and _IN_THE.fullmatch(text, first.end, second.start)
                    and _ON_THE.fullmatch(text, second.end, third.start)
                ):
                    found[index] = found[index + 1] = (third.rule, third.groups)
            elif second.rule == "clock" and index + 2 < len(candidates):
                third = candidates[index + 2]
                if third.rule == "weekday" and _ASIDE.fullmatch(text, first.end, third.start):
                    found[index] = found[index + 1] = (third.rule, third.groups)
    return found


_DAY_GROUPS = frozenset({"weekday", "month", "deixis"})
_DAY_AFTER_CLOCK = frozenset({"month_day", "day_month", "ordinal_day", "dmy", "mdy", "iso", "ymd"})
_IN_THE = re.compile(r"\s+in\s+", re.IGNORECASE)
_ON_THE = re.compile(r",?\s+on\s+(?:the\s+)?", re.IGNORECASE)  # (the ordinal day's "the" is its own)
# A parenthetical aside between a clock and the weekday it falls on: "10:35 a.m. (0735 GMT) Friday".
_ASIDE = re.compile(r"\s*\([^()\n]{1,30}\)\s*,?\s*(?:on\s+)?")


def _with_explicit_day(norm: Norm, explicit: Norm | None) -> Norm:
    if explicit is None or not _DAY_PREFIX.match(explicit.value):
        return norm
    time_part = norm.value[10:] if norm.type == "TIME" else ""
    return Norm(norm.type, explicit.value[:10] + time_part, norm.mod, norm.precision, norm.clip)


_DAY_PREFIX = re.compile(r"\d{4}-\d\d-\d\d(?:T|$)")


@dataclass(frozen=True)
class Recognized:
    """The expressions found in a text, before any value is computed: normalizing the same
    recognition against another reference date needs no second scan."""

    text: str
    candidates: list[Candidate]
    hints: dict[int, int]
    explicit: dict[int, tuple[str, dict[str, str]]]


def recognize_times(text: str) -> Recognized:
    """Find the candidate time expressions of ``text`` (recognition only)."""
    candidates: list[Candidate] = []
    lowered = folded(text)
    for rule, groups, start, end in scan(text, lowered=lowered):
        previous = words_before(text, start, 4)  # read once: the signal and the filters need them
        if rule == "relative" and "mod" not in groups and groups["rel"][:4].lower() == "the ":
            # "early the following year": the scan starts no rule at a modifier before "the"
            modifier = _MODIFIER_BEFORE_THE.search(text, max(0, start - 8), start)
            if modifier is not None:
                start, groups = modifier.start(), {"mod": modifier.group(1), **groups}
                previous = words_before(text, start, 4)
        candidate = Candidate(rule, start, end, groups, _signal(text, start, previous))
        if rule == "duration" and previous and previous[-1] in FUTURE_MODALS and _is_one_day(groups):
            candidate.rule = "modal_day"  # "will one day be": some day ahead, not a span
        if _accept(candidate, text, lowered, previous):
            candidates.append(candidate)
    if any(c.rule == "dotted_day_month" for c in candidates) and not any(
        c.rule == "dmy" and text[c.start + len(c.groups["day"])] == "." for c in candidates
    ):
        # "30.12" is a date only where the text writes its dates "09.01.2025"; elsewhere a decimal
        candidates = [c for c in candidates if c.rule != "dotted_day_month"]
    hints = _range_hints(candidates, text)
    _heading_year_hints(candidates, text, hints)
    return Recognized(text, candidates, hints, _parenthetical_dates(candidates, text))


_BARE_MODIFIERS = ("early", "mid", "late")  # the modifiers that may stand right before "the"
_MODIFIER_BEFORE_THE = re.compile(r"\b(" + "|".join(_BARE_MODIFIERS) + r")[\s-]+$", re.IGNORECASE)


def find_times(text: str, reference: Reference | None) -> list[TimeExpr]:
    """All TIMEX3 expressions in ``text``, sorted by start, non-overlapping, resolved against ``reference``.

    Pure: no clock is read; with no (or too coarse a) reference relative values keep X placeholders.
    """
    return resolve_times(recognize_times(text), reference)


def resolve_times(recognized: Recognized, reference: Reference | None) -> list[TimeExpr]:
    """Normalize recognized expressions against ``reference``."""
    text = recognized.text
    base = context_for(reference)
    # Bounds read the reference only at day precision; a vague REF against a coarser one has none.
    day_reference = base.reference if base.knows("day") else None
    coarse = base.reference is not None and day_reference is None
    found = []
    for candidate, norm in _normalized(recognized, base):
        time = _time_expr(text, candidate, norm, day_reference, coarse)
        if candidate.rule == "year_ago_period" and found and "unit2" in candidate.groups:
            time = _same_period_before(text, time, found) or time
        elif (
            candidate.rule == "year"
            and found
            and text[max(0, time.start - 4) : time.start] in _OF_IN
            and _SAME_PERIOD_OF.search(text, max(0, time.start - 30), time.start)
        ):
            # "68 railcars in the first half of 2025, up from 41 in the same period of 2024"; "Imagery
            # collected between January and June shows ... By comparison, over the same months of 2024"
            time = _same_period_in(text, time, found, int(norm.value)) or time
        found.append(time)
    return found


_OF_IN = (" of ", " in ")
_SAME_PERIOD_OF = re.compile(
    r"\bthe\s+(?:same|corresponding|comparable)\s+(?:period|months?|weeks?|time|stretch|quarter|half)\s+(?:of|in)\s+$",
    re.IGNORECASE,
)


def _same_period_before(text: str, time: TimeExpr, found: list[TimeExpr]) -> TimeExpr | None:
    """ "in January-April, three times the same period a year earlier": the period its sentence told
    (bounds and all, both ends of a range), a year back; a quarter in a results story is the same."""
    told = _told_period(text, time, found)
    return _moved_back(time, *told, 1) if told else None


def _same_period_in(text: str, time: TimeExpr, found: list[TimeExpr], year: int) -> TimeExpr | None:
    """ "the same period of 2024": the period its sentence told, else the widest one the sentence
    before told (a range's both ends), in that earlier year."""
    told = _told_period(text, time, found) or _widest_period_before(text, time, found)
    if told is None or not told[0].value[:4].isdigit() or int(told[0].value[:4]) <= year:
        return None
    return _moved_back(time, *told, int(told[0].value[:4]) - year)


def _told_period(text: str, time: TimeExpr, found: list[TimeExpr]) -> tuple[TimeExpr, TimeExpr] | None:
    """The period ``time``'s sentence told last, as (its first end, its last end)."""
    told = found[-1]
    sentence_start = max(text.rfind(". ", 0, time.start), text.rfind("\n", 0, time.start))
    if told.end <= sentence_start or told.type != "DATE" or not (told.earliest and told.latest):
        return None
    if not told.value[:4].isdigit() or _COMPARED_PERIOD.search(told.text):
        return None  # "from the corresponding period last year and the quarter a year ago": one period
    first = told
    if len(found) > 1 and _RANGE_JOIN.fullmatch(text, found[-2].end, told.start):
        before = found[-2]  # "January-April", "from March to June"
        if before.type == "DATE" and before.earliest and before.earliest <= told.earliest:
            first = before
    return first, told


def _widest_period_before(
    text: str, time: TimeExpr, found: list[TimeExpr]
) -> tuple[TimeExpr, TimeExpr] | None:
    """The widest period (a range's both ends) the sentence before ``time``'s told, within one year."""
    sentence_start = max(text.rfind(". ", 0, time.start), text.rfind("\n", 0, time.start))
    if sentence_start < 0 or text[sentence_start] == "\n":
        return None  # the paragraph's first sentence: no sentence of its own before it
    previous_start = max(text.rfind(". ", 0, sentence_start), text.rfind("\n", 0, sentence_start))
    best: tuple[TimeExpr, TimeExpr] | None = None
    best_width = 0
    for index in range(len(found) - 1, -1, -1):
        told = found[index]
        if told.start <= previous_start:
            break
        if told.start >= sentence_start or told.type != "DATE" or not (told.earliest and told.latest):
            continue
        first = found[index - 1] if index else told
        if first is told or not _RANGE_JOIN.fullmatch(text, first.end, told.start):
            first = told
        start, end = first.earliest or told.earliest, told.latest
        if start[:4] != end[:4] or start > end:
            continue
        width = (date.fromisoformat(end) - date.fromisoformat(start)).days
        if width > best_width:
            best, best_width = (first, told), width
    return best


def _moved_back(time: TimeExpr, first: TimeExpr, told: TimeExpr, back: int) -> TimeExpr:
    """``time`` as the period ``first``-``told`` ``back`` years earlier."""
    value = f"{int(first.value[:4]) - back:04d}{first.value[4:]}"
    earliest, latest = _year_before(first.earliest or told.earliest, back), _year_before(told.latest, back)
    return TimeExpr(
        time.text,
        time.start,
        time.end,
        time.type,
        value,
        told.mod,
        earliest,
        latest,
        told.precision,
        time.signal,
    )


# ("the last three months of 2024" is a period of its own, not one compared with)
_COMPARED_PERIOD = re.compile(
    r"\b(?:ago|earlier|last(?!\s+[\w-]+\s+months\b)|previous|prior|corresponding|same)\b", re.IGNORECASE
)


def _year_before(day: str, back: int = 1) -> str:
    year, rest = int(day[:4]) - back, day[4:]
    if rest == "-02-29":
        rest = "-02-28"
    return f"{year:04d}{rest}"


def explicit_years(recognized: Recognized, *, ahead: bool = True) -> list[int]:
    """The years of the DATE and TIME values the text names with no reference date, in text order.

    The same as ``int(value[:4])`` of every DATE/TIME value starting with four digits in
    ``resolve_times(recognized, None)``, from a light pass: values only (anaphora such as "that year" need
    the values before them), no clause tense, bounds or expressions. A caller that infers the reference
    date from the latest year (``extract``) then resolves the text only once, against that date.
    ``ahead=False`` leaves out the years that may lie ahead of the text's own time: a fiscal year ("the
    budget for fiscal 2025") and a deadline in a future clause ("is to be completed by the end of
    2026"; not "over 3,000 have been killed by early 2025").
    """
    years = []
    for candidate, norm in _normalized(recognized, context_for(None)):
        if (
            norm.type in _DATED_TYPES
            and (ahead or not _looks_ahead(recognized.text, candidate))
            and (year := _YEAR_PREFIX.match(norm.value))
        ):
            years.append(int(year.group()))
    return years


def _same_sentence_after(text: str, end: int, start: int) -> bool:
    """Whether ``start`` follows ``end`` (>= 0) within one sentence and clause list (no stop between)."""
    return 0 <= end <= start and _CLAUSE_STOP.search(text, end, start) is None


_CLAUSE_STOP = re.compile(r"[.!?;\n]")


def _looks_ahead(text: str, candidate: Candidate) -> bool:
    if "fiscal" in candidate.groups:
        return True
    # The end of a span of years reaches ahead like a deadline ("will study in the 2025-2026 year").
    # ("is planning to sustain its offensive into 2026": how far a plan runs reaches ahead too)
    deadline = (
        candidate.signal in _DEADLINE_SIGNALS
        or candidate.signal in ("into", "through")
        or (candidate.start > 5 and text[candidate.start - 1] in "-–" and text[candidate.start - 2].isdigit())
    )
    return deadline and (
        clause_tense(text, candidate.start, candidate.end) == "future" or _planned(text, candidate.start)
    )


def _planned(text: str, start: int) -> bool:
    """Whether a plan or a call stands before ``start`` in its sentence ("plan ... through 2030")."""
    window = text[max(0, start - 120) : start]
    return _PLAN_WORDS.search(window, max(window.rfind(". "), window.rfind("\n"), 0)) is not None


_PLAN_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, words("plan_words")), key=len, reverse=True)) + r")\b", re.I
)


def first_weekday(recognized: Recognized, start: int = 0) -> int | None:
    """The ISO weekday (1-7) of the first plain weekday named at or after ``start`` ("said Thursday",
    "on Saturday"; not "next Monday" or "Tuesday of last week"), else None. Wire copy names its news
    day this way, which tells a dateline without a year ("SEOUL, March 27") which year it is in."""
    for candidate in recognized.candidates:
        if (
            candidate.start >= start
            and candidate.rule == "weekday"
            and "rel" not in candidate.groups
            and "ofweek" not in candidate.groups
        ):
            return int(table("weekdays")[candidate.groups["weekday"].lower().rstrip(".")])
    return None


_DATED_TYPES = frozenset({"DATE", "TIME"})
_YEAR_PREFIX = re.compile(r"\d{4}")
_MONTH_PREFIX = re.compile(r"\d{4}-\d\d(?!\d)")
_QUARTER_VALUE = re.compile(r"\d{4}-Q\d")
# A day or a month (the date part of a DATE or TIME value): what anaphoric days count from.
_POINT = re.compile(r"\d{4}-\d\d(?:-\d\d)?(?=T|$)")
_ANAPHORIC_RULES = frozenset({"anaphoric_day", "part_of_day", "relative", "relative_in"})
_WRITTEN_DATES = frozenset({"iso", "ymd", "mdy", "dmy", "month_day", "day_month", "clock"})
# A clock time with none of these tells no day of its own: it falls on the day the paragraph told.
_BARE_CLOCK = frozenset({"weekday", "month", "deixis"})


def _normalized(recognized: Recognized, base: Context) -> Iterator[tuple[Candidate, Norm]]:
    """Each accepted candidate with its normalized reading, in text order (expressions that normalize to
    nothing are skipped). Values can refer back ("that year"), so this runs in order over the text."""
    text, candidates = recognized.text, recognized.candidates
    hints, explicit = recognized.hints, recognized.explicit
    # Every tense-dependent branch of normalize reads the reference date: with none, tense is skipped.
    tenseless = base.reference is None
    last_year: int | None = None
    last_month: str | None = None
    last_quarter: str | None = None
    last_point: tuple[int, str] | None = None  # (end, date part) of the last day or month told
    last_date: tuple[int, str] | None = None  # the same when written out as a date ("on March 4")
    found: list[tuple[int, str, str]] = []  # (end, type, value) of the expressions so far
    met_deadline_end = -1  # where the last deadline read as met ("reached 4,700 by March") ends
    told_point = True  # the last of them names a period, not a start or a bound ("since 2023")
    stamp: date | None = None  # the day of the last post's time stamp (see _post_stamp)
    for index, candidate in enumerate(candidates):
        rule = candidate.rule
        future = past = False
        if not tenseless:
            deadline = candidate.signal in _DEADLINE_SIGNALS and _DEADLINE_RIGHT_BEFORE.search(
                text, max(0, candidate.start - 20), candidate.start
            )
            # A possessive ("Wednesday's ruling") dates a noun, not the clause's verb: it takes no tense.
            possessive = text[candidate.end : candidate.end + 2] in ("'s", "’s")
            tense_matters = not possessive and (_needs_tense(candidate) or index in explicit)
            tense = clause_tense(text, candidate.start, candidate.end) if tense_matters else None
            # "by Friday" is a deadline ahead, unless a past perfect says it passed ("had filed ... by
            # Friday").
            # (the met-deadline pattern is only read for a deadline: most past times are none)
            # ("were killed in the fighting by the end of April": the verb may stand five words back,
            # beyond the clause's own; "By March, they had become": a met deadline opens its sentence)
            deadline_ahead = (
                deadline
                and rule in _DEADLINE_RULES
                and tense != "past perfect"
                and not (
                    tense in ("past", None)
                    and _DONE_BY.search(text, max(0, candidate.start - _DONE_BY_WINDOW), candidate.start)
                )
                and not (tense == "past" and _opens_clause(text, deadline.start()))
                # "reached 4,700 by March and some 6,000 by September": the verb is shared
                and not _same_sentence_after(text, met_deadline_end, candidate.start)
            )
            if deadline and rule in _DEADLINE_RULES and not deadline_ahead:
                met_deadline_end = candidate.end
            future = tense == "future" or bool(deadline_ahead)
            # "since March" starts in the past whatever verb governs it ("has supplied ... since March").
            past = (tense in ("past", "past perfect") and not future) or candidate.signal in SINCE_SIGNALS
            future = future and not past
        multi_quarter = rule in _YEAR_BACK_RULES and _after_multi_quarter_span(text, candidate, found)
        anchor = None
        if (
            last_point is not None
            and rule in _ANAPHORIC_RULES
            and _near(text, last_point[0], candidate.start)
            # ("the minister said earlier in the day": the report's day, unless its sentence told one)
            and (
                not _earlier_in_the_day(text, candidate)
                or _same_sentence_after(text, last_point[0], candidate.start)
            )
        ):
            anchor = last_point[1]
        elif (
            rule == "clock"
            and found
            and candidates[index - 1].rule == "deictic"
            and _DAY_PREFIX.match(found[-1][2])
            and _CLOCK_AFTER_DAY.fullmatch(text, candidates[index - 1].end, candidate.start)
        ):
            anchor = found[-1][2][:10]  # "tomorrow at 12:00": tomorrow's noon
        elif (
            # a bare clock time only after a date written out in its paragraph ("The meeting began at
            # 10:04 a.m." after a paragraph about last year is the day of the report; a weekday's clock
            # time, "Tuesday's vote, the 5 p.m. deadline", stays the reference's, as weekdays do)
            last_date is not None
            and rule == "clock"
            and _BARE_CLOCK.isdisjoint(candidate.groups)
            and _PARAGRAPH_BREAK.search(text, last_date[0], candidate.start) is None
        ):
            anchor = last_date[1]
        elif (
            rule == "ordinal_day"
            and last_point is not None
            and "rel" not in candidate.groups
            and _same_sentence_after(text, last_point[0], candidate.start)
        ):
            # "September 2025: Kim attends the parade on the 3rd": the month its sentence told
            anchor = last_point[1][:7]
        elif rule == "ago" and candidate.groups["dir"].lower() == "earlier" and found and told_point:
            anchor = _period_before_in_sentence(text, candidate, found) or _period_of_sentence_before(
                text, candidate, found
            )
        elif rule == "season" and _SEQUEL.fullmatch(candidate.groups.get("rel", "")):
            # "in the autumn of 2023 ... The following spring": the season after the time told last
            anchor = next(
                (value for _, kind, value in reversed(found) if kind == "DATE" and value[:4].isdigit()), None
            )
        hint = hints.get(index)
        if hint is None and rule in _RANGE_START_RULES and index + 1 < len(candidates):
            hint = _relative_partner_year(text, candidate, candidates[index + 1], base, last_year)
        elif (
            (
                (rule == "relative" and _THE_YEAR.fullmatch(candidate.groups.get("rel", "")))
                # "In Q3 2024 traffic doubled compared with the first half of the year": 2024's half
                or (rule == "quarter" and _THE_YEAR_ITSELF.fullmatch(candidate.groups.get("theyear", "")))
                # "A decade ago, in 2015, Kim skipped the Victory Day parade": that year's holiday
                or (rule == "holiday" and _OWN_YEAR_GROUPS.isdisjoint(candidate.groups))
                # "slowed in the first half of 2024 before picking up again in the autumn": 2024's
                or (
                    rule == "season"
                    and _SEASON_YEAR_GROUPS.isdisjoint(candidate.groups)
                    and candidate.groups.get("rel", "").lower() in _BARE_SEASON
                )
            )
            and found
            and told_point
            and clause_tense(text, candidate.start, candidate.end) != "future"
        ):
            # "in early 2024 they missed by 1.5 km; by the end of the year, by 100 m": the year told
            # (not a year things run from, "since 2023 ... earlier in the year", nor a plan's year)
            told = _period_before_in_sentence(text, candidate, found)
            if told is None and rule == "quarter":
                # "The pace slowed in late 2024. In the last three months of the year ...": 2024's
                told = _year_of_sentence_before(text, candidate, found)
            of_year = rule != "relative" or candidate.groups["unit"].lower() == "year"
            hint = int(told[:4]) if told and of_year else None
            if rule == "season" and told and _SEASON_CODE.fullmatch(told, 4):
                # "In the winter (2024-25) ... by spring": the first such season from the one told
                hint, anchor = None, told
        if hint is None and rule == "month" and found and told_point:
            hint = _month_after_told(text, candidate, found, base.reference)
        if hint is None and rule == "month" and past and last_month and base.precision == "year":
            hint = _month_in_narrative(candidate, last_month, last_year, base.reference)
        if hint is None and rule in _CHAINED_MONTHS and found and base.reference is not None and not future:
            hint = _month_after_sentence_before(text, candidate, found, base.reference.year)
        speech = None
        if found and base.reference is not None and _RELATIVE_YEAR_GROUPS & candidate.groups.keys():
            speech = _quoted_speech_day(text, candidate, found, base.reference)
        ctx = Context(
            speech or stamp or base.reference,
            "day" if speech or stamp else base.precision,
            future,
            hint,
            last_year,
            last_month,
            last_quarter,
            past,
            multi_quarter,
            anchor,
        )
        # (A memo of normalize by rule, words and context was measured: 3-6% hits, a net loss.)
        try:
            norm = normalize(rule, candidate.groups, ctx)
        except (ValueError, OverflowError):  # a date arithmetic edge (year 1, year 9999): not resolvable
            norm = None
        if norm is None:
            continue
        if index in explicit:
            norm = _with_explicit_day(norm, normalize(*explicit[index], ctx))
        if rule == "month" and found and index > 0:
            norm = _range_end_after_start(text, candidates[index - 1], found[-1], candidate, norm)
        if (
            rule in _APPOSED_DAYS
            and found
            and candidates[index - 1].rule in _APPOSED_DAYS
            and (rule == "holiday") != (candidates[index - 1].rule == "holiday")
            and _same_sentence_after(text, found[-1][0], candidate.start)
        ):
            norm = _in_year_of_same_day(norm, found[-1][2])
        if past and rule == "month" and index + 1 < len(candidates) and ctx.knows("month"):
            norm = _past_range_start(text, candidate, candidates[index + 1], norm, ctx)
        yield candidate, norm
        value = norm.value
        if (
            base.reference is not None
            and rule in _WRITTEN_DATES
            and (not candidate.start or text[candidate.start - 1] == "\n")
        ):
            stamp = _post_stamp(text, candidates, index, value, base.reference) or stamp
        found.append((candidate.end, norm.type, value))
        told_point = candidate.signal not in _OPEN_SIGNALS
        if norm.type in _DATED_TYPES and value[:4].isdigit():
            last_year = int(value[:4])
            if _MONTH_PREFIX.match(value):
                last_month = value[:7]
                point = _POINT.match(value)
                if point:
                    last_point = (candidate.end, point.group())
                    last_date = (candidate.end, point.group()) if rule in _WRITTEN_DATES else None
            if rule in _QUARTER_MENTIONS and _QUARTER_VALUE.fullmatch(value):
                last_quarter = value


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


_CLOCK_AFTER_DAY = re.compile(r"\s*,?\s*(?:at|from|around|about|by|before|after)?\s*", re.IGNORECASE)
_STAMP_REACH = timedelta(days=31)  # how far from the article's date a post's stamp may stand


def _post_stamp(
    text: str, candidates: list[Candidate], index: int, value: str, reference: date
) -> date | None:
    """The day of a post's time stamp, a line holding nothing but a date and times ("12.01.2025 09:41",
    "8:41 a.m. ET, November 5, 2024"): "last night" and "tomorrow" in the post under it count from it
    (a live blog's or a channel's posts span several days)."""
    day = _DAY_PREFIX.match(value)
    if day is None:
        return None
    line_end = text.find("\n", candidates[index].start)
    line_end = len(text) if line_end < 0 else line_end
    rest, last = [], candidates[index].start
    for other in candidates[index:]:
        if other.start >= line_end:
            break
        rest.append(text[last : other.start])
        last = other.end
    rest.append(text[last:line_end])
    if any(not _ZONE_WORD.fullmatch(word.lower()) for word in _LETTERS.findall(" ".join(rest))):
        return None
    stamped = date.fromisoformat(day.group()[:10])
    return stamped if abs(stamped - reference) <= _STAMP_REACH else None


_LETTERS = re.compile(r"[^\W\d_]+")
_ZONE_WORD = re.compile(r"(?:et|pt|ct|mt)\b|" + TIME_ZONE)  # ("8:41 a.m. ET": the US zones' short names too)


def _earlier_in_the_day(text: str, candidate: Candidate) -> bool:
    """ "the minister said earlier in the day", "told reporters earlier in the day": when a wire says a
    statement was made, the report's day (a narration's "Earlier in the day, the army shelled" is the
    day it told)."""
    groups = candidate.groups
    return (
        candidate.rule == "relative_in"
        and groups.get("unit", "").lower() == "day"
        and groups.get("mod", "").lower() == "earlier"
        and _SAID_BEFORE.search(text, max(0, candidate.start - 40), candidate.start) is not None
    )


_SAID_BEFORE = re.compile(
    r"\b(?:said|told|announced|stated|added|noted|wrote|posted)\s+(?:[\w'’-]+\s+){0,2}$"
)


def _near(text: str, start: int, end: int) -> bool:
    """Whether an anaphor at ``end`` may refer to a date ending at ``start``: the same paragraph or the
    one before (wire copy breaks paragraphs after a sentence or two; further back, another story is told)."""
    breaks = _PARAGRAPH_BREAK.finditer(text, start, end)
    first = next(breaks, None)
    second = next(breaks, None) if first is not None else None
    if first is None or second is None:
        return True
    # or the one before a quote paragraph ("'We thought he was a Buryat,' said the commander"), which
    # tells of no new day
    return next(breaks, None) is None and text[first.end() : first.end() + 1] in _OPENING_QUOTES


def _needs_tense(candidate: Candidate) -> bool:
    """Whether the value can depend on the clause's tense (an explicit year settles it, "last year" and
    "this morning" never depend on it): the tense is only read where it can change something."""
    rule, groups = candidate.rule, candidate.groups
    if rule not in _TENSE_RULES or rule == "part_of_day" or not _TENSE_FREE_GROUPS.isdisjoint(groups):
        return False
    if rule == "relative":
        # ("the end of the year" told in the past in January is the last year's end)
        year_end = groups["unit"].lower() == "year" and THE_END_OF.fullmatch(groups.get("mod", "") or "")
        # ("followed the next year": the year after the one told last when told in the past)
        next_year = (
            groups["unit"].lower() == "year"
            and " ".join((groups.get("rel") or "").lower().split()) == "the next"
        )
        return groups["unit"].lower().startswith(("weekend", "quarter")) or bool(year_end) or next_year
    return rule != "clock" or "weekday" in groups or "month" in groups


_TENSE_FREE_GROUPS = frozenset({"year", "year2", "relyear", "relyear0", "yy", "spelledyear"})


# Rules whose "a year earlier" reading depends on the period the sentence compares with.
_YEAR_BACK_RULES = frozenset({"ago", "year_compound", "year_quarter"})
_MULTI_QUARTER_SPANS = frozenset({"P6M", "P9M", "P2Q", "P3Q"})


def _after_multi_quarter_span(text: str, candidate: Candidate, found: list[tuple[int, str, str]]) -> bool:
    """Whether the sentence reports on six or nine months before ``candidate`` ("For the nine months,
    net was $5 million, against $4 million a year earlier"); ``found`` holds (end, type, value) of the
    expressions before it."""
    sentence_start = max(text.rfind(". ", 0, candidate.start), text.rfind(".\n", 0, candidate.start))
    sentence_start = max(sentence_start, text.rfind("\n\n", 0, candidate.start))
    for end, kind, value in reversed(found):
        if end <= sentence_start or _QUARTER_VALUE.fullmatch(value):
            return False  # another sentence, or a quarter named nearer ("third-quarter sales ...")
        if kind == "DURATION" and value in _MULTI_QUARTER_SPANS:
            return True
    return False


_SEQUEL = re.compile(r"the\s+(?:following|previous|preceding)", re.IGNORECASE)
_OPEN_SIGNALS = frozenset(("since", "from", "after", "until", "till", "by", "before"))
_THE_YEAR = re.compile(r"the", re.IGNORECASE)
# A holiday with neither group takes its year from its sentence ("in 2015, on Victory Day").
_OWN_YEAR_GROUPS = frozenset({"year", "rel"})
_SEASON_YEAR_GROUPS = frozenset({"year", "relyear", "spelledyear"})
_BARE_SEASON = ("", "the")  # ("the autumn"; not "last autumn", "that autumn")
_SEASON_CODE = re.compile(r"-(?:SP|SU|FA|WI)")


def _month_in_narrative(
    candidate: Candidate, last_month: str, last_year: int | None, reference: date | None
) -> int | None:
    """Against a year-only reference ("2025 (inferred)"), a bare month told in the past after a month of
    an earlier year goes on from it, as months run forward in a narrative: "sent troops in October 2024
    ... since they entered combat in December" is December 2024, and a month earlier in the calendar is
    the next year's ("... In January, ...": January 2025), never past the reference year."""
    if (
        reference is None
        or not _OWN_YEAR_GROUPS.isdisjoint(candidate.groups)
        or not _MONTH_CODE.fullmatch(last_month, 4)
    ):
        return None
    told_year, told_month = int(last_month[:4]), int(last_month[5:7])
    # (not past a later year told since, "the autumn of 2024"; "since 2023" looks back on the way)
    if told_year >= reference.year or last_year is None or last_year > told_year:
        return None
    year = told_year if month_number(candidate.groups["month"]) > told_month else told_year + 1
    return year if year < reference.year else None


def _month_after_told(
    text: str, candidate: Candidate, found: list[tuple[int, str, str]], reference: date | None
) -> int | None:
    """ "arrived in October 2024 and was moved to Kursk by early November": a bare month after (or
    the same as) the month its sentence told with its year, not in a plan, is in that year (not in
    "December 2024 ... in January", nor after a year told alone: "In 2023 exports rose, it said in
    March"). The year may also come down a chain ("In October of that year ... That was the same
    month troops moved; by mid-November"): a month two or more years before the reference's is no
    guess of the reference year's rules."""
    if not _OWN_YEAR_GROUPS.isdisjoint(candidate.groups):
        return None
    told = _period_before_in_sentence(text, candidate, found)
    if (
        told is None
        or not _MONTH_CODE.fullmatch(told, 4)
        or month_number(candidate.groups["month"]) < int(told[5:])
    ):
        return None
    # (the year written in the sentence: a month told without one may itself be a guess)
    sentence_start = max(text.rfind(". ", 0, candidate.start), text.rfind("\n", 0, candidate.start), 0)
    if (
        text.find(told[:4], sentence_start, candidate.start) < 0
        and (reference is None or reference.year - int(told[:4]) < 2)
        and not (
            # "Last year, ... In July, they took the town, and in October they entered the next": the
            # paragraph's year, come down to the month told
            reference is not None
            and reference.year - int(told[:4]) == 1
            and _paragraph_of_year(text, candidate, found, told[:4])
            and clause_tense(text, candidate.start, candidate.end) in ("past", "past perfect")
        )
    ):
        return None
    return int(told[:4]) if clause_tense(text, candidate.start, candidate.end) != "future" else None


def _month_after_sentence_before(
    text: str, candidate: Candidate, found: list[tuple[int, str, str]], reference_year: int
) -> int | None:
    """ "By the spring of 2018, Kim was talking. By June, he was shaking hands": a bare month (or a
    day of one: "The first clashes came on November 4") that opens the sentence, or its clause after a
    colon or semicolon ("Within weeks it was confirmed: by early November, ..."), right after one
    whose last date is a month, day or season of a year two or more years before the reference year,
    and falls after it in that year, is in that year (a story of 2026 telling of 2018 goes on in 2018;
    "in March 2025 ... In June" told in 2026 stays ambiguous, and takes the reference year's rules).
    A span counted between ("Within weeks") does not break the chain."""
    if not _OWN_YEAR_GROUPS.isdisjoint(candidate.groups):
        return None
    dated = [item for item in found[-3:] if item[1] != "DURATION"]
    if not dated:
        return None
    end, kind, value = dated[-1]
    told = _TOLD_PERIOD.match(value)
    if kind == "DATE" and _YEAR_ONLY.fullmatch(value) and _opened_by_year(text, end):
        told = _TOLD_PERIOD.match(value + "-01")  # "Last year, ... In August, ...": from its January
    if (kind != "DATE" or told is None) and _YEAR_ONLY.match(value) and int(value[:4]) < reference_year - 1:
        # "Last year, trade recovered to its highest level since 2019. In March, ...": a year the
        # paragraph looked back to on the way does not break its chain
        opened = str(reference_year - 1)
        if _paragraph_of_year(text, candidate, found, opened):
            told = _TOLD_PERIOD.match(opened + "-01")
            kind = "DATE"
    if kind != "DATE" or told is None:
        return None
    if reference_year - int(told.group(1)) < 2 and not (
        reference_year - int(told.group(1)) == 1
        and _paragraph_of_year(text, candidate, found, told.group(1))
        and clause_tense(text, candidate.start, candidate.end) in ("past", "past perfect")
    ):
        return _day_of_month_told(text, candidate, end, value)
    opening = max(text.rfind(". ", 0, candidate.start), text.rfind(": ", 0, candidate.start))
    opening = max(opening, text.rfind("; ", 0, candidate.start))
    if opening < end or "\n" in text[end : candidate.start]:
        return None
    if not _MONTH_OPENS.fullmatch(text, opening + 1, candidate.start):
        return None  # (the month opens its sentence or clause: "By June, ...", "In October, ...")
    first_month = int(told.group(2)) if told.group(2).isdigit() else _SEASON_FIRST_MONTH[told.group(2)]
    if month_number(candidate.groups["month"]) < first_month:
        return None
    return int(told.group(1))


# a year told as its sentence's opener ("Last year, Moscow agreed ...", "In 2024, ..."), its paragraph's
_YEAR_OPENER = re.compile(
    r"(?:^|\n|[.!?][\"”]?\s+)\s*(?:[Ii]n\s+|[Dd]uring\s+|[Tt]hroughout\s+)?(?:[Ll]ast\s+year|\d{4})$"
)
_YEAR_ONLY = re.compile(r"\d{4}")


def _opened_by_year(text: str, end: int) -> bool:
    """Whether the time ending at ``end`` is a year opening its sentence ("Last year, ...")."""
    return _YEAR_OPENER.search(text, max(0, end - 40), end) is not None and text[end : end + 1] == ","


def _paragraph_of_year(text: str, candidate: Candidate, found: list[tuple[int, str, str]], year: str) -> bool:
    """ "Last year, Moscow agreed to ... In August, the two sides signed ... In November, ...": a
    paragraph a year opened (last year's, the year the reference date's year alone would not give a
    bare month) goes on in that year while its months, told in the past, open their sentences."""
    paragraph = text.rfind("\n", 0, candidate.start)
    return any(
        paragraph < end < candidate.start and kind == "DATE" and value == year and _opened_by_year(text, end)
        for end, kind, value in found
    )


def _day_of_month_told(text: str, candidate: Candidate, end: int, value: str) -> int | None:
    """ "The two were captured in January 2025. One was taken prisoner on January 9": a day of the very
    month the sentence before told with its year written (in the same paragraph) is a day of that
    month, whatever year the reference date alone would give it."""
    if "day" not in candidate.groups or len(value) != 7 or not value[5:].isdigit():
        return None
    if month_number(candidate.groups["month"]) != int(value[5:]):
        return None
    sentence_start = max(text.rfind(". ", 0, end), text.rfind("\n", 0, end), 0)
    between = text[end : candidate.start]
    if "\n" in between or between.count(". ") != 1 or text.find(value[:4], sentence_start, end) < 0:
        return None
    return int(value[:4])


def _quoted_speech_day(
    text: str, candidate: Candidate, found: list[tuple[int, str, str]], reference: date
) -> date | None:
    """ "The party said at its meeting in December that the congress would open 'at the beginning of
    next year'" (reported in January): a year named relatively inside a quote counts from the day the
    quoted words were said, when the sentence dates the saying, before the quote, in an earlier year
    than the report's (the first day of that time: its year is what counts)."""
    if candidate.groups.get("rel", candidate.groups.get("relyear", "")).lower() not in _SPEAKER_YEARS:
        return None
    if "relyear" not in candidate.groups and candidate.groups.get("unit", "").lower() != "year":
        return None
    end, kind, value = found[-1]
    sentence_start = max(text.rfind(". ", 0, candidate.start), text.rfind("\n", 0, candidate.start), 0)
    if end <= sentence_start or kind != "DATE" or not value[:4].isdigit() or int(value[:4]) >= reference.year:
        return None
    quote = max(text.rfind('"', end, candidate.start), text.rfind("“", end, candidate.start))
    if quote < 0 or text.count('"', sentence_start, quote) % 2 or "”" in text[quote : candidate.start]:
        return None  # (the quote opens after the date told and is still open at the candidate)
    if not _SAID.search(text, sentence_start, quote):
        return None
    bounds = period_of(value[:10])
    return bounds[0] if bounds else None


_RELATIVE_YEAR_GROUPS = frozenset({"rel", "relyear"})
_SPEAKER_YEARS = frozenset({"next", "this", "last", "the next", "the coming"})
_SAID = re.compile(
    r"\b(?:said|says|announced|stated|declared|told|vowed|pledged|promised|wrote|added|warned|noted)\b"
)
_MONTH_OPENS = re.compile(r"\s*(?:(?:[Ii]n|[Oo]n|[Bb]y|[Tt]hen(?:,?\s+in)?|[Aa]nd\s+in|[Ll]ater\s+in)\s+)?")
_TOLD_PERIOD = re.compile(r"(\d{4})-(\d\d|SP|SU|FA)(?:-\d\d)?$")
_CHAINED_MONTHS = frozenset({"month", "month_day", "day_month"})
_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9}
_MONTH_CODE = re.compile(r"-\d\d")
_THE_YEAR_ITSELF = re.compile(r"the\s+year", re.IGNORECASE)  # (not "the current year": the reference's)
_RANGE_START_RULES = frozenset({"month", "month_day", "day_month"})


def _relative_partner_year(
    text: str, first: Candidate, second: Candidate, base: Context, last_year: int | None
) -> int | None:
    """The year of a month whose range partner names its year relatively: "between March and
    November last year" (as "between March and November 2024" lends 2024, at recognition)."""
    groups = first.groups
    if "relyear" not in second.groups or "month" not in second.groups or "month" not in groups:
        return None
    if _explicit_year(first) is not None or "rel" in groups or "relyear" in groups:
        return None
    if not _RANGE_JOIN.fullmatch(text, first.end, second.start):
        return None
    context = Context(base.reference, base.precision, last_year=last_year)
    year = year_of_relative(second.groups["relyear"], context)
    if year is None:
        return None
    return year - 1 if month_number(groups["month"]) > month_number(second.groups["month"]) else year


# A holiday and a written date: "Victory Day on May 9", "ahead of May 9, when Russia marks Victory Day".
_APPOSED_DAYS = frozenset({"holiday", "month_day", "day_month"})


def _in_year_of_same_day(norm: Norm, told: str) -> Norm:
    """``norm`` in the year of ``told`` when both are the same day of the year: a holiday and its date
    in one sentence name one day."""
    if len(norm.value) != 10 or len(told) != 10 or norm.value[4:] != told[4:] or norm.value[:4] == told[:4]:
        return norm
    return Norm(norm.type, told[:4] + norm.value[4:], norm.mod, norm.precision, norm.clip)


def _period_before_in_sentence(
    text: str, candidate: Candidate, found: list[tuple[int, str, str]]
) -> str | None:
    """The date told last before ``candidate`` in its sentence: "in 2024, 12 times the number a year
    earlier" compares with 2024, not with the reference date."""
    end, kind, value = found[-1]
    sentence_start = max(text.rfind(". ", 0, candidate.start), text.rfind("\n", 0, candidate.start))
    if end <= sentence_start or kind != "DATE" or not _DATE_PERIOD.fullmatch(value):
        return None
    return value


def _period_of_sentence_before(
    text: str, candidate: Candidate, found: list[tuple[int, str, str]]
) -> str | None:
    """ "As of January, exports stood at 1.1 million barrels. A year earlier, the figure was 800,000":
    "earlier" opening its sentence counts from the date the sentence before told last (in its
    paragraph), not from the reference date."""
    dated = [item for item in found[-3:] if item[1] not in _SPANS_AND_SETS]
    if not dated:
        return None
    end, kind, value = dated[-1]  # ("1.1 million barrels a year", a rate's span, is no date told)
    opening = text.rfind(". ", 0, candidate.start)
    if opening < end or not _EARLIER_OPENS.fullmatch(text, opening + 1, candidate.start):
        return None
    if kind != "DATE" or not _DATE_PERIOD.fullmatch(value) or "\n" in text[end : candidate.start]:
        return None
    return value


def _year_of_sentence_before(
    text: str, candidate: Candidate, found: list[tuple[int, str, str]]
) -> str | None:
    """The year the sentence right before told first (its own period, not the base it compares with:
    "In the last three months of the year we counted 11, compared with 23 in the same period of 2023. In
    the first half of the year ..." is the first sentence's year), when ``candidate`` opens its sentence
    ("In the first half of the year, ..."), in the same paragraph."""
    opening = text.rfind(". ", 0, candidate.start)
    if opening < 0 or not _PART_OPENS.fullmatch(text, opening + 1, candidate.start):
        return None
    before = max(text.rfind(". ", 0, opening), text.rfind("\n", 0, opening))
    if "\n" in text[opening : candidate.start]:
        return None
    for end, kind, value in found:
        if before < end <= opening + 1 and kind == "DATE" and value[:4].isdigit():
            return value
    return None


_PART_OPENS = re.compile(r"\s*(?:(?:[Ii]n|[Dd]uring|[Oo]ver|[Ff]or|[Tt]hroughout)\s+)?")
_SPANS_AND_SETS = frozenset({"DURATION", "SET"})
# A participle or adjective of a count after a number in words ("eighteen hundred killed", "dead")
_COUNTED_AFTER = re.compile(
    r"\s+(?:killed|wounded|injured|dead|missing|captured|detained|displaced|more|fewer|others)\b"
)
_EARLIER_OPENS = re.compile(r"\s*[\"“]?(?:[Aa]nd\s+|[Bb]ut\s+|[Jj]ust\s+|[Oo]nly\s+)?")
_DATE_PERIOD = re.compile(r"\d{4}(?:-(?:\d\d|Q[1-4]|H[12]|SP|SU|FA|WI))?")
_TURN_OF = re.compile(r"(?:the\s+)?turn\s+of", re.IGNORECASE)
# "the first nine months of 2025", "the first three quarters of 2025": the year's first months
_MONTHS_IN = {"months": 1, "quarters": 3}
_FIRST_MONTHS_OF = re.compile(
    r"\bfirst\s+([\w-]+)\s+(" + "|".join(_MONTHS_IN) + r")\s+of\s+(?:the\s+)?$", re.IGNORECASE
)


def _time_expr(
    text: str, candidate: Candidate, norm: Norm, day_reference: date | None, coarse: bool
) -> TimeExpr:
    """The expression with its bounds; ``day_reference`` is the reference date when known to the day,
    ``coarse`` tells a reference known only to the month or year (vague REFs then get no bounds)."""
    earliest = latest = precision = None
    value = norm.value
    if norm.type in _DATED_TYPES:
        clip = norm.clip
        if norm.precision == "year" and clip is None and text.endswith("of ", 0, candidate.start):
            # "the first nine months of 2025": the year up to September (TimeML marks the months, a
            # duration, and the year apart: the year keeps its extent and value, its bounds narrow)
            months = _FIRST_MONTHS_OF.search(text, max(0, candidate.start - 40), candidate.start)
            if months is not None:
                count = number_value(months.group(1))
                count = count * _MONTHS_IN[months.group(2).lower()] if count else None
                clip = f"months:{int(count)}" if count and 1 <= count <= 11 else None
        elif norm.precision == "year" and _TURN_OF.fullmatch(candidate.groups.get("mod") or ""):
            clip = "turn"  # "at the turn of the year": the weeks around its first day, not its first third
        elif (
            norm.precision == "year"
            and norm.mod == "END"
            and THE_END_OF.fullmatch(candidate.groups.get("mod") or "")
        ):
            clip = "last month"  # "at the end of 2024": its December ("late 2024" is its last third)
        earliest, latest = cached_bounds(value, norm.mod, clip, day_reference)
        if coarse and value in _VAGUE_VALUES:
            earliest = latest = None
        day2 = candidate.groups.get("day2")
        if day2 and latest and earliest == latest:
            # "14-15 July": one expression for both days.
            candidate_latest = latest[:8] + f"{int(day2.rstrip('stndrh')):02d}"
            if candidate_latest > earliest:
                latest = candidate_latest
        yearend = candidate.groups.get("yearend")
        if yearend and latest and _YEAR_VALUE.fullmatch(value):
            # "1950-53", "2024-25": the value is the first year, the span runs to the end of the last
            first = int(value)
            last = first - first % 100 + int(yearend)
            latest = f"{last if last > first else last + 100:04d}-12-31"
        if not value.endswith("_REF"):
            precision = norm.precision
    return TimeExpr(
        text[candidate.start : candidate.end],
        candidate.start,
        candidate.end,
        norm.type,
        value,
        norm.mod,
        earliest,
        latest,
        precision,
        candidate.signal,
    )


_VAGUE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_YEAR_VALUE = re.compile(r"\d{4}")
