"""Recognition: patterns that read like the language, built from the vocabulary.

Each rule is one regex with standard group names (``year``, ``month``, ``day``, ``mod``, ``rel``,
``num``, ``unit`` ...) and a list of the words it can start with (``TRIGGERS``). ``scan`` runs one
cheap trigger regex over a lower-cased copy of the text and, at each trigger, the rules that can start
there, in priority order (fuller phrases first; the first match wins).
Speed comes from this shape: one pass over the text, then a handful of anchored matches per time
expression, no per-token Python loop. Normalization (values, bounds) lives in normalize.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .vocabulary import alternation, table, words

# --- Word classes ---------------------------------------------------------------------------------

_MONTH_NAMES = [name for name, _ in table("months").items() if len(name) > 4 or name == "may"]
_MONTH_NAMES += ["june", "july"]
_MONTH_ABBREVIATIONS = [name for name in table("months") if name not in _MONTH_NAMES]


def _capitalised(items: list[str]) -> list[str]:
    return [item.capitalize() for item in items] + [item.upper() for item in items if len(item) > 3]


# Rules run over a lower-cased copy of the text (matching without IGNORECASE is several times faster).
# Month and weekday names are case-sensitive in English ("may", "march" in lower case are a modal and a
# verb), so ``scan`` checks that the groups below are capitalised in the original text.
NAME_GROUPS = ("month", "weekday", "holiday")
MONTH = (
    r"(?:(?:" + alternation(_MONTH_NAMES) + r")(?![a-z])"
    r"|(?:" + alternation(_MONTH_ABBREVIATIONS) + r")(?:\.|(?![a-z.])))"
)
# The same names as written in the original text (for the trigger scan, which keeps case).
MONTH_CASED = (
    r"(?:(?:" + alternation(_capitalised(_MONTH_NAMES)) + r")(?![a-z])"
    r"|(?:" + alternation([a.capitalize() for a in _MONTH_ABBREVIATIONS]) + r")(?:\.|(?![A-Za-z])))"
)
_WEEKDAY_NAMES = [name for name in table("weekdays") if name.endswith("day")]
WEEKDAY = (
    r"(?:(?:" + alternation(_WEEKDAY_NAMES) + r")(?![a-z])|(?:tues|thurs|wed|fri|mon|sat|sun|thu|tue)\.)"
)
SEASON = alternation(list(table("seasons")))
HOLIDAY = alternation(list(table("holidays")))
TIME_ZONE = r"(?:est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|kst|jst|msk|cet|cest|bst|eet|eest|akst|hst)\b"
PART_OF_DAY = r"morning|afternoon|evening|night"

# A day of the month: 1-31 with an optional ordinal suffix, not part of a bigger number, time or ratio.
# (a comma glued to a year is no thousands separator: "Jan.30,2025" as Korean papers print it)
DAY = (
    r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    r"(?!\d|:\d|[.,](?!(?:19|20)\d\d(?!\d))\d|\s*(?:%|percent|per\s+cent)\b)"
)
# A year used as a date: four digits 1600-2099 that are not part of a bigger number.
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d]|[.,]\d|\s*(?:%|percent|per\s+cent)\b|-\d\d\d(?!\d))"
_NUMBER_WORD = alternation(
    [w for w in table("number_words") if " " not in w and w not in ("a", "an", "half", "hundred", "dozen")]
)
# Only a tens word takes a units word after it ("twenty-four"; not "the successful one six months later").
_TENS_WORD = alternation([w for w, n in table("number_words").items() if n in range(20, 100, 10)])
_UNITS_WORD = alternation([w for w, n in table("number_words").items() if " " not in w and n in range(1, 10)])
# "a" counts one unit, never several ("a months-long standoff" is not a month).
_PLURAL_UNIT = r"years|months|weeks|days|hours|minutes|seconds|decades|centuries|quarters"
# A count: digits, a spelled-out number ("twenty-four"), "a"/"an", "a couple of", "a dozen".
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,9}(?:\.\d{1,4})?"
    r"|(?:" + _TENS_WORD + r")[\s-](?:" + _UNITS_WORD + r")|(?:" + _NUMBER_WORD + r")"
    r"|(?:a\s+)?couple\s+of|a\s+dozen|an?(?![\s-]+(?:" + _PLURAL_UNIT + r")\b)|half\s+an?|a\s+half)"
)
VAGUE_COUNT = alternation(words("vague_counts"))
UNIT = (
    r"(?:trading\s+|business\s+|working\s+|calendar\s+)?"
    r"(?:years?|months?|weeks?|days?|fortnights?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|quarters?)"
)
# A relative word before a unit ("last year", "the following month").
RELATIVE = (
    r"(?:the\s+)?(?:" + alternation(list(table("relative"))) + r")"
    r"|this\s+past|that|the\s+(?:most\s+recent|latest)|the"
)
_REL_YEAR = r"(?:last|this|next|the\s+following|the\s+previous|the\s+same|that|the\s+past)"
# Sub-period modifiers ("early", "mid-", "the end of") and the separator after them.
# ("the first months of", "the closing months of", "the last days of": the vocabulary's phrases of
# months, weeks and days)
_PARTS_OF = ("months of", "weeks of", "days of")
_MONTHS_OF = alternation([m.removeprefix("the ") for m in table("period_modifiers") if m.endswith(_PARTS_OF)])
MODIFIER = (
    r"(?P<mod>(?:the\s+)?(?:very\s+)?(?:early|mid|late|end(?=[-–](?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|(?:beginning|start|end|middle|close|turn|dawn|height)"
    r"\s+of|(?:first|second|latter)\s+half\s+of|" + _MONTHS_OF + r")|earlier|later)"
)
# "the end of", "the very close of", "end-2024": a modifier naming a period's end itself (not its last
# third)
THE_END_OF = re.compile(r"(?:the\s+)?(?:very\s+)?(?:end|close)(?:\s+of\b|(?=[-–])|$)", re.IGNORECASE)
MODP = r"(?:" + MODIFIER + r"(?:\s*[-–]\s*|\s+)(?:in\s+)?)?"
ANAPHORIC = alternation(list(table("anaphoric")))
APPROX = alternation([*list(table("approximators")), "just over", "just under", "well over", "some"])

# A year said in words ("nineteen ninety-six", "two thousand and four").
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
SPELLED_YEAR = (
    r"(?:nineteen|eighteen|twenty)[\s-]+(?:" + _TEENS + "|" + _TENS + r"(?:[\s-]" + _ONES + r")?|hundred)"
    r"(?![\w-])"
    r"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:"
    + _TEENS
    + "|"
    + _TENS
    + r"(?:[\s-]"
    + _ONES
    + r")?|"
    + _ONES
    + r"))?(?![\w-])"
)
_YEAR_TAIL = (
    r"(?:\s*,?\s*(?P<year>" + YEAR + r")|\s+(?P<spelledyear>" + SPELLED_YEAR + r")"
    r"|\s+(?:of\s+)?(?P<relyear>" + _REL_YEAR + r")\s+year"
    r"|\s*,?\s*['’](?P<yy>\d\d)(?!\d))"
)

# An ordinal quarter or half hyphenated into a modifier ("third-quarter", "fiscal first-half").
_HYPHENATED_QUARTER = (
    r"(?:fiscal[\s-]+)?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)-(?:quarter|half)"
)

_SINGULAR_UNIT = r"year|month|week|day|hour|minute|second|decade|century|quarter"

# "the next two years or so": the approximation belongs to the expression (TimeML mod APPROX).
_OR_SO = r"(?P<orso>\s+or\s+so(?![\w-])(?!\s+of\b))?"

# Words that can follow the second day of "November 4 and 5" where a counted noun cannot: the day pair
# is then a date, not a day and a count ("April 24 and 25 troops").
_AFTER_SECOND_DAY = (
    r"(?:that|but|and|or|when|while|as|after|before|because|which|who|where|in|at|on|to|from|with|"
    r"against|near|along|the|was|were|is|are|had|has|have|it|they|he|she|we|according|respectively|"
    # verbs whose subject the dates modify ("Imagery from January 9 and 16 shows")
    r"show|shows|showed|reveal|reveals|revealed|indicate|indicates|suggest|suggests|saw)"
)

# --- Rules ----------------------------------------------------------------------------------------

RULES: list[tuple[str, str]] = [
    # 2024-10-08, 2024-10-08T15:00Z
    (
        "iso",
        r"(?<![-\w])(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
        r"(?:[T\s](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
        r"(?:Z|[+-]\d\d:?\d\d)?)?(?![-\w])",
    ),
    # 2024/10/08
    (
        "ymd",
        r"(?<![-\w/.])(?P<year>(?:19|20)\d\d)([/.])(?P<month>0?[1-9]|1[0-2])\2"
        r"(?P<day>0?[1-9]|[12]\d|3[01])(?![/\d])",
    ),
    # 10/8/2024 (US order) or 28/10/2024 (day first when the first number cannot be a month, or
    # when dots part the numbers)
    (
        "mdy",
        r"(?<![-\w/.])(?P<month>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])/"
        r"(?P<year>(?:19|20)\d\d|\d\d)(?![/\d])",
    ),
    (
        "dmy",
        # (with dots the day comes first even when it could be a month: "07.02.2025", as in Europe)
        r"(?<![-\w/.])(?P<day>1[3-9]|2\d|3[01]|(?:0?[1-9]|1[0-2])(?=\.))[/.](?P<month>0?[1-9]|1[0-2])[/.]"
        r"(?P<year>(?:19|20)\d\d)(?![/\d])",
    ),
    # 30.12 / 06.01: a day and month in two digits each, as Ukrainian and Russian posts write them
    # (kept only in a text that writes its full dates so, "09.01.2025": see recognize_times)
    (
        "dotted_day_month",
        r"(?<![-\w/.,])(?P<day>0[1-9]|[12]\d|3[01])\.(?P<month>0[1-9]|1[0-2])"
        r"(?![\d/]|[.,]\d|[a-z%]|\s*(?:%|percent|per\s+cent|million|billion|trillion|thousand|"
        + TIME_ZONE  # ("14.05 GMT" is a clock)
        + r")\b)",
    ),
    # 5 p.m. EST Nov. 9 / 10:35 a.m. / noon Saturday / 4 in the morning
    (
        "clock",
        r"(?:(?P<approx>about|around|approximately|(?:shortly|just)\s+(?:before|after))\s+)?"
        r"(?:(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?|o['’]clock)"
        # (a dot parts a 24-hour clock only before a zone: a British live blog's "17.58 GMT")
        r"|(?P<hour24>[01]?\d|2[0-3])(?::|\.(?=[0-5]\d\s*(?:" + TIME_ZONE + r")\b))(?P<minute24>[0-5]\d)"
        r"(?![\d:])(?:\s*(?:hours|hrs|h)\b)?"
        r"|(?P<military>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:" + TIME_ZONE + r"|hours\b|hrs\b))"
        r"|(?P<clockword>noon|midnight|midday)"
        r"|(?P<hourpod>1[0-2]|0?[1-9])\s+in\s+the\s+(?P<pod>morning|afternoon|evening))"
        # "3:00 AM GMT+9": the offset belongs to the zone, not to the figures
        r"(?:\s*(?P<tz>" + TIME_ZONE + r"(?:[+−-](?:1[0-4]|0?\d)(?::?[0-5]\d)?(?![\d:]))?))?"
        r"(?:\s*,?\s*(?:on\s+)?(?P<weekday>" + WEEKDAY + r")"
        r"|\s*,?\s*(?P<deixis>today|yesterday|tomorrow|tonight)"
        # "5:12 AM EST, January 11, 2025": a byline's clock before a full date keeps the year
        r"|\s*,?\s*(?:on\s+)?(?P<month>" + MONTH + r")\s*(?P<day>" + DAY + r")"
        r"(?:\s*,\s*(?P<year>" + YEAR + r"))?)?",
    ),
    # Tuesday, Oct. 8, 2024 / October 8th / Oct. 8-9 / May 18 of last year
    (
        "month_day",
        r"(?:(?P<weekday>" + WEEKDAY + r")\s*,?\s+)?(?:(?P<approx>around|about|circa)\s+)?"
        r"(?P<month>" + MONTH + r")\s*(?P<day>" + DAY + r")"
        # "March 5-6", "June 3 to 7", and "April 24 and 25" or "Oct. 8 or 9" where no counted noun can
        # follow the second day (a function word may: "on November 4 and 5 that", "between October 8
        # and 13 and"); never a dash or digits after it ("5-6,000") other than a year's.
        r"(?:(?:\s*(?:-|–|to|through)\s*|\s+(?:and|or)\s+(?=" + DAY + r"(?:\s*[,.;:)]|\s*$|,?\s+\d{4}\b"
        r"|\s+" + _AFTER_SECOND_DAY + r"\b)))"
        r"(?P<day2>" + DAY + r")(?!\s*[-–]|,\d|\s*,?\s*\d(?!\d{3}\b)))?" + _YEAR_TAIL + "?",
    ),
    # Tuesday 8 October 2024 / 23rd Dec, 2024 / the 4th of July / 14-15 July
    (
        "day_month",
        r"(?:(?P<weekday>" + WEEKDAY + r")\s*,?\s+)?(?:the\s+)?(?P<day>" + DAY + r")"
        r"(?:\s*(?:-|–|to|and|or)\s*(?P<day2>"
        + DAY
        + r"))?\s*(?:of\s+)?(?P<month>"
        + MONTH
        + r")"
        + _YEAR_TAIL
        + "?",
    ),
    # mid-December 2024 / Oct. last year / March of 2024
    (
        "month_year",
        MODP + r"(?P<month>" + MONTH + r")\s*,?\s*(?:of\s+)?"
        r"(?:(?P<year>"
        + YEAR
        + r")|(?P<relyear>"
        + _REL_YEAR
        + r")\s+year|(?P<spelledyear>"
        + SPELLED_YEAR
        + r")"
        r"|['’](?P<yy>\d\d)(?!\d))",
    ),
    # the 1990s / the late '80s / the nineties
    (
        "decade",
        r"(?:the\s+)?" + MODP + r"(?:(?P<century>1[5-9]|20)(?P<decade>\d)0['’]?s"
        r"|['’](?P<decade2>\d)0['’]?s"
        r"|(?P<decadeword>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
        r"(?!\w)",
    ),
    # the first quarter of 2024 / third-quarter / the 1988 third quarter / the fiscal fourth quarter. A
    # possessive ("its fourth quarter") and the determiner of a hyphenated modifier ("the third-quarter
    # loss") belong to the noun phrase, not to the time expression (TimeML extent).
    (
        "quarter",
        r"(?:(?P<det>the|this|last|next|that)\s+(?!" + _HYPHENATED_QUARTER + r"))?"
        r"(?:(?P<relyear0>this|last|next)\s+year['’]s\s+)?"
        r"(?:(?P<rel>latest|current|past|previous|same|comparable|year-earlier|year-ago|calendar)\s+)?"
        r"(?:(?P<year>" + YEAR + r")\s+)?(?:fiscal\s+)?"
        r"(?:(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?P<qh>quarter|half)"
        # "the first six months of 2025" is its first half, "the first three months" its first quarter
        r"|first\s+(?P<months>three|six|3|6)\s+months"
        # "the last three months of the year", "the final six months of 2024": its last quarter, half
        r"|(?P<lastmonths>last|final)\s+(?P<months2>three|six|3|6)\s+months(?=\s+of\s))"
        r"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year2>"
        + YEAR
        + r")|(?:the\s+)?(?P<relyear>"
        + _REL_YEAR
        + r")\s+year|(?P<theyear>the\s+(?:current\s+|fiscal\s+)?year)))?"
        # "the first three months of fighting" count from a start of their own, not from January
        r"(?(months)(?!\s+of\s))"
        # "the first half of the decade", "the second half of the match": a part of something else
        # ("the second half of last month": the month's end, read by the modifier of the month rules).
        r"(?!\s+of\s+(?:(?:the|this|that|these|those|a|an|its|his|her|their|our)\s|" + MONTH + r"|"
        r"(?:last|next|past|previous|coming)\s+(?:month|week)\b))",
    ),
    # Q1 2024 / 2024 Q1 / H1 2024
    (
        "quarter_code",
        r"(?P<qh>[qh])(?P<ord>[1-4])(?:\s*(?P<year>" + YEAR + r"))?(?!\w)"
        r"|(?P<year2>" + YEAR + r")\s*(?P<qh2>[qh])(?P<ord2>[1-4])(?!\w)",
    ),
    # the 1988 quarter / the 1989 period (results stories: that year's instance of the reported period)
    ("year_quarter", r"the\s+(?P<year>" + YEAR + r")\s+(?:fiscal\s+)?(?:quarter|period)(?![\w-])"),
    # the latest period (results stories: the quarter being reported)
    ("latest_period", r"the\s+(?:latest|most\s+recent)\s+(?:fiscal\s+)?period(?![\w-])"),
    # the summer of 2024 / last fall / this spring / winter 2024
    (
        "season",
        MODP + r"(?:(?P<rel>" + RELATIVE + r")\s+)?(?P<season>" + SEASON + r")(?!\w)"
        r"(?:\s*,?\s*(?:of\s+)?(?:(?P<year>" + YEAR + r")|(?P<relyear>" + _REL_YEAR + r")\s+year"
        r"|(?P<spelledyear>" + SPELLED_YEAR + r")))?",
    ),
    # two years ago / a year earlier / just over a year ago / six weeks ago ("three days later" is left to
    # the duration rule: it counts from another event, not from the reference date)
    (
        "ago",
        r"(?:(?P<approx>" + APPROX + r")\s+)?(?:(?P<num>" + NUMBER + r")|(?P<vague>" + VAGUE_COUNT + r"))"
        r"[\s-]+(?P<unit>" + UNIT + r")(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|back|from\s+now|hence)"
        # "Seventy-five years ago today": that day of the year, that many years back
        r"(?:\s+(?P<today>today)(?![\w-]))?",
    ),
    # nineteen ninety-six / two thousand and four
    (
        "spelled_year",
        r"(?:the\s+year\s+)?(?P<hundreds>nineteen|eighteen|twenty)[\s-]+"
        r"(?P<rest>(?:(?:ten|eleven|twelve"
        r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
        r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
        r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|hundred))(?![\w-])"
        r"|(?:the\s+year\s+)?two\s+thousand(?:\s+and)?(?:[\s-]+(?P<units>one|two|three|four|five|six"
        r"|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
        r"|nineteen|twenty(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?))?(?![\w-])",
    ),
    # the first week of November / the last week of October 2024
    (
        "week_of_month",
        r"(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+"
        r"(?P<month>" + MONTH + r")" + _YEAR_TAIL + "?",
    ),
    # the year-ago quarter / the comparable year-earlier period (results stories)
    (
        "year_ago_period",
        r"(?:the\s+)?(?:comparable\s+|same\s+|corresponding\s+)?"
        r"(?:year[\s-]ago|year[\s-]earlier|prior[\s-]year)"
        r"\s+(?P<unit>quarter|period|month|week)(?![\w-])"
        # the corresponding period last year / the quarter a year ago
        r"|the\s+(?:(?:comparable|same|corresponding)\s+)?(?P<unit2>quarter|period)\s+(?:of\s+)?"
        r"(?:last\s+year|a\s+year\s+(?:ago|earlier)|the\s+(?:previous|prior)\s+year)(?![\w-])"
        r"|last\s+year['’]s\s+(?P<unit3>quarter|period)(?![\w-])",
    ),
    # the week of March 6
    (
        "week_of_date",
        r"the\s+week\s+of\s+(?P<month>" + MONTH + r")\s*(?P<day>" + DAY + r")" + _YEAR_TAIL + "?",
    ),
    # late last year / earlier this month / the end of the year / next week / the past decade
    (
        "relative",
        MODP + r"(?P<rel>" + RELATIVE + r")\s+(?:(?P<span>fiscal|full|calendar|financial)\s+)?"
        r"(?P<unit>year|month|week(?:end)?|quarter|decade|century)(?![\w-])(?!(?<=year)['’]s\s+end\b)"
        # "the week before last": two weeks back (not "the week before last year's vote")
        r"(?:\s+(?P<beforelast>before\s+last)(?![\w-])(?!\s+(?:year|month|week|quarter|decade|century|night"
        r"|summer|winter|spring|fall|autumn|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep"
        r"|oct|nov|dec)[a-z]*)\b))?"
        + _OR_SO
        + r"(?:(?=\s+(?P<anaphoric>before|after|earlier|later|prior)\b))?"
        r"(?:(?=\s+(?P<ended>ended|ending|through|to\s+date)\b))?"
        r"(?:(?=\s+(?P<named>of)\s+[^\W\d]))?",
    ),
    # earlier this year, said as "earlier in the year"
    (
        "relative_in",
        r"(?P<mod>earlier|later|early|late)\s+(?:in|this)\s+(?P<rel>the|this)\s+"
        r"(?P<unit>year|month|week|day(?![\w-]))",
    ),
    # the day before last Tuesday / the day after Christmas / the day before Oct. 8: a day off a date
    (
        "day_shift",
        # (the eve of a day is the day before it: "on the eve of Victory Day")
        r"(?:(?:the\s+)?day\s+(?P<dir>before|after)|the\s+eve\s+of)\s+(?:(?:(?P<rel>last|next|this)\s+)?"
        r"(?P<weekday>" + WEEKDAY + r")"
        r"|(?P<month>" + MONTH + r")\s*(?P<day>" + DAY + r")" + _YEAR_TAIL + r"?"
        r"|(?P<holiday>" + HOLIDAY + r"))(?![\w-])",
    ),
    # the next day / that same day / later that day / earlier in the day / the following morning / the
    # day before (anaphoric: normalized against the last date of the paragraph)
    (
        "anaphoric_day",
        r"(?:(?P<mod>earlier|later|early|late)\s+(?:in\s+(?P<the>the)|(?P<rel>" + ANAPHORIC + r"))"
        r"|(?P<rel2>" + ANAPHORIC + r"))\s+(?P<unit>day|morning|afternoon|evening|night)(?![\w-])"
        r"|the\s+(?P<unit2>day|night)\s+(?P<dir>" + alternation(list(table("anaphoric_directions"))) + r")"
        r"(?=\s*[,.;:!?)]|\s*$)",
    ),
    # year-end / year's end / year-earlier / year-ago (financial shorthand)
    # ("before the year's end": the end of the year, not a time before the year)
    (
        "year_compound",
        r"(?:the\s+(?=year['’]s\s+end))?(?P<kind>year(?:[\s-]|['’]s\s+)end|year[\s-]earlier|year[\s-]ago)(?![\w-])",
    ),
    # every week / each year / every two years / per month / every Monday
    (
        "set",
        r"(?P<every>every|each|per)\s+(?:other\s+)?(?:(?P<num>" + NUMBER + r")\s+)?"
        r"(?:(?P<unit>" + UNIT + r")|(?P<weekday>" + WEEKDAY + r")|(?P<month>" + MONTH + r")"
        r"|(?P<pod>" + PART_OF_DAY + r"))(?!\w)",
    ),
    ("set_word", r"(?P<setword>" + alternation(list(table("set_words"))) + r")(?!\w)"),
    (
        "set_times",
        r"(?P<times>once|twice|thrice|(?:" + NUMBER + r")\s+times)\s+(?:a|an|per|every|each)\s+"
        r"(?P<unit>year|month|week|day|hour|decade)(?!\w)",
    ),
    # the past two months / three years / a 10-year / the first nine months / 5 1/2 hours
    (
        "duration",
        r"(?:(?P<approx>" + APPROX + r")\s+(?!the\b))?"
        # "the" before a hyphenated modifier ("the 14-day waiting period") determines the noun, not the span.
        r"(?:(?P<the>the|each\s+of\s+the)\s+(?![\w.,]+-(?:" + _SINGULAR_UNIT + r")(?![\w-])))?"
        r"(?:(?P<reldir>past|last|next|first|previous"
        r"|coming|latest|final|following|ensuing|initial|remaining|same|entire|whole|full|comparable)\s+)?"
        r"(?:(?P<num>" + NUMBER + r")(?:\s*(?:-|–|to|or)\s*(?P<num2>" + NUMBER + r"))?"
        r"(?P<frac>\s+(?:and\s+a\s+half|1/2|½))?|(?P<vague>" + VAGUE_COUNT + r"))"
        r"(?:\s+(?:more|additional|extra|further|straight|consecutive|long))?"
        r"[\s-]+(?P<unit>" + UNIT + r")(?!\w)"
        r"(?:\s+and\s+(?:(?P<half>a\s+half)|(?P<num3>" + NUMBER + r")\s+(?P<unit3>" + UNIT + r")))?"
        # "three quarters of the vote" is a fraction; "several quarters of losses" a span.
        r"(?:-long)?(?![\s-]*old\b)(?!-)"
        r"(?(vague)|(?!(?:(?<=quarter)|(?<=quarters))(?:\s+or\s+so)?\s+of\b))" + _OR_SO,
    ),
    # a day-long meeting / a weeklong visit / a decades-long standoff (a span of one unit, or of several)
    (
        "unit_long",
        r"(?P<unit>(?:" + _SINGULAR_UNIT.replace("century", "centur(?:y|ie)") + r")s?)-?long(?![\w-])",
    ),
    # years, months, decades (a bare plural after "for", "in", "over": "for years")
    (
        "bare_plural",
        r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bthe\s))"
        r"(?P<unit>years|months|weeks|days|decades|hours|centuries)(?!\w)(?!\s+(?:ago|of)\b)",
    ),
    # on Mondays / Tuesday nights: a weekday that recurs (SET)
    (
        "weekday_set",
        r"(?P<weekday>" + alternation(_WEEKDAY_NAMES) + r")(?:s|\s+(?P<pod>" + PART_OF_DAY + r")s)(?!\w)",
    ),
    # Tuesday morning / last Friday / next Monday
    (
        "weekday",
        r"(?:(?P<mod>early|late|earlier|later)\s+)?"
        r"(?:(?P<rel>this\s+past|last|next|this|coming|past|previous|that)\s+)?"
        r"(?P<weekday>" + WEEKDAY + r")(?=\s+of\s+(?P<ofweek>last|this|next)\s+week)?"
        r"(?:\s+(?P<pod>" + PART_OF_DAY + r"))?(?!\w)",
    ),
    # yesterday morning / this afternoon / last night / tonight / mid-afternoon
    (
        "part_of_day",
        r"(?:(?P<mod>early|late|mid)[\s-]*)?"
        r"(?:(?P<rel>this|last|yesterday|tomorrow|that|today|the)\s+)?"
        r"(?P<pod>" + PART_OF_DAY + r"|overnight)(?!\w)(?:\s+(?P<deixis>yesterday|today|tomorrow)(?!\w))?",
    ),
    # the 20th (of this month)
    (
        "ordinal_day",
        r"the\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
        # "of last month" names the month, so whatever follows it may follow; a bare "the 15th" must
        # end a phrase, or "the 15th century" and "the 15th anniversary" would be days.
        r"(?:\s+of\s+(?P<rel>this|last|next|the|that)\s+month(?!\w)"
        # ("said on the 24th that ...": a reported statement's conjunction ends the phrase too)
        r"|(?=\s*[,.;:)]|\s*$|\s+(?:and|to|at|in|on|when|of|as|after|before|that|but|while|amid|,)\b))",
    ),
    # today, yesterday, now, recently, the future ...
    (
        "deictic",
        r"(?:(?P<mod>early|late)\s+(?=yesterday|today|tomorrow))?(?P<deictic>"
        + alternation(list(table("deictic")))
        + r"|the\s+other\s+day|(?:earlier|later)\s+today)"
        r"(?![\w-])"
        # "today's youth", "today's world": the present age, not the reference day
        r"(?:(?<=today)(?=['’]s\s+(?:[a-z]+\s+)?(?P<generic>"
        + alternation(words("generic_present_nouns"))
        + r")\b))?",
    ),
    # 2024 / fiscal 1989 / early 2025 / the end of 2024
    (
        "year",
        MODP + r"(?:(?P<fiscal>fiscal(?:\s+year)?|fy)\s*)?(?:the\s+year\s+)?(?P<year>" + YEAR + r")"
        r"(?:\s*[-–/]\s*(?P<yearend>\d\d)(?!\d))?(?:(?![\w-])|(?=[-–]\d{4}(?!\d)))",
    ),
    # January / early December / last April / this May
    (
        "month",
        MODP + r"(?:(?P<rel>last|this|next|past|previous|coming|that)\s+)?(?P<month>" + MONTH + r")"
        r"(?!\s*\d)",
    ),
    # Christmas / Thanksgiving Day / last Easter / Easter week
    (
        "holiday",
        r"(?:(?P<rel>last|this|next)\s+)?(?P<holiday>" + HOLIDAY + r")(?![\w-])"
        # "Christmas week", "Easter week": the week the holiday falls in; "Liberation Day eve": the day before
        r"(?:(?P<week>\s+week)|(?P<eve>\s+eve))?(?![\w-])"
        r"(?:\s*,?\s*(?P<year>" + YEAR + r"))?",
    ),
    # the 20th century / the eleventh century
    (
        "century",
        r"(?:the\s+)?" + MODP + r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth"
        r"|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
        r"|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century(?![\w-])",
    ),
]


# The words a rule can start with ("@x" expands a word class below; "#year" is a four-digit number,
# "#small" one or two digits, "#number" any other number, "#apos" an apostrophe year ('80s), "#name" a
# month or weekday name). Rules are only tried where one of their first words stands, which keeps
# recognition fast (one cheap trigger scan instead of every rule at every position).
_FIRST_WORDS = {
    "@mod": "the very early mid late beginning start end middle close turn dawn height earlier later "
    + " ".join({m.split()[1] for m in table("period_modifiers") if m.endswith(_PARTS_OF)}),
    "@approx": " ".join({w.split()[0] for w in [*list(table("approximators")), "just", "well", "some"]}),
    "@num": " ".join({w.split()[0].split("-")[0] for w in table("number_words")}) + " #small #number #year",
    "@vague": " ".join({w.split()[0] for w in words("vague_counts")}),
    "@rel": " ".join({w.split()[0] for w in table("relative")}) + " the that",
    "@deictic": " ".join({w.split()[0] for w in table("deictic")}) + " the earlier later",
}
TRIGGERS: dict[str, str] = {
    "iso": "#year",
    "ymd": "#year",
    "mdy": "#small",
    "dmy": "#small",
    "dotted_day_month": "#small #number",
    "clock": "#small #year about around approximately shortly just noon midnight midday",
    "month_day": "#name around about circa",
    "day_month": "#name the #small",
    "month_year": "@mod #name",
    "decade": "the @mod #year #apos twenties thirties forties fifties sixties seventies eighties nineties",
    "quarter": "the this last next that latest current past previous same comparable year "
    "calendar #year fiscal first second third fourth final 1st 2nd 3rd 4th",
    "quarter_code": "q1 q2 q3 q4 h1 h2 #year",
    "season": "@mod @rel spring summer autumn fall winter",
    "ago": "@approx @num @vague",
    "relative": "@mod @rel",
    "relative_in": "earlier later early late",
    "week_of_month": "the first second third fourth last final",
    "day_shift": "the day",
    "anaphoric_day": "earlier later early late that the",
    "year_compound": "the year year's",  # (triggers are read in folded text: "year’s" is "year's")
    "set": "every each per",
    "set_word": " ".join(table("set_words")),
    "set_times": "once twice thrice @num",
    "duration": "@approx the each @num @vague past last next first previous coming latest final "
    "following ensuing initial remaining same entire whole full comparable",
    "bare_plural": "years months weeks days decades hours centuries",
    "unit_long": "years months weeks days decades hours centuries year month week day decade hour minute "
    "minutes century yearlong monthlong weeklong daylong hourlong",
    "weekday_set": "#name " + " ".join(name + "s" for name in _WEEKDAY_NAMES),
    "weekday": "early late earlier later last next this coming past previous that #name",
    "part_of_day": "early late mid this last yesterday tomorrow that today the morning afternoon evening "
    "night overnight",
    "ordinal_day": "the",
    "deictic": "@deictic early late",
    "year": "@mod fiscal fy the #year",
    "year_ago_period": "the comparable same year prior corresponding last",
    "year_quarter": "the",
    "latest_period": "the",
    "week_of_date": "the",
    "spelled_year": "the nineteen eighteen twenty two",
    "holiday": "last this next " + " ".join({w.split()[0] for w in table("holidays")}),
    "century": "the @mod #small first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
    "twentieth twenty-first",
    "month": "@mod last this next past previous coming that #name",
}


def _expand(spec: str) -> set[str]:
    result: set[str] = set()
    for word in spec.split():
        result |= _expand(_FIRST_WORDS[word]) if word.startswith("@") else {word}
    return result


def _trie(items: set[str]) -> str:
    """A regex for a word list shaped as a trie, so the scanner does one branch per character."""
    tree: dict[str, dict] = {}
    for item in items:
        node = tree
        for char in item:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


RULE_NAMES = [name for name, _ in RULES]
_RULES_BY_KEY: dict[str, list[int]] = {}
for _index, _name in enumerate(RULE_NAMES):
    for _word in _expand(TRIGGERS[_name]):
        _RULES_BY_KEY.setdefault(_word, []).append(_index)
_NAME_WORDS = {w for w in list(table("months")) + list(table("weekdays"))}
_TRIGGER_WORDS = {w for w in _RULES_BY_KEY if not w.startswith("#")}
# Words that are a time expression on their own ("today", "daily", "summer", "years"); every other
# trigger word only starts one when a time-ish word follows ("the" + "summer", "a" + "week").
_STANDALONE = (
    {w for w in table("deictic") if " " not in w}
    | set(table("set_words"))
    | set(table("seasons"))
    | _expand(TRIGGERS["bare_plural"] + " " + TRIGGERS["quarter_code"] + " " + TRIGGERS["weekday_set"])
    - {"#year", "#name"}
    | {w for w in table("holidays") if " " not in w}
    | {
        "morning",
        "afternoon",
        "evening",
        "night",
        "overnight",
        "noon",
        "midnight",
        "midday",
        "tonight",
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
        "yearlong",
        "monthlong",
        "weeklong",
        "daylong",
        "hourlong",
    }
)
_FOLLOWERS = (
    (_TRIGGER_WORDS - {"the", "its", "their", "each"})
    | _NAME_WORDS
    | {
        "in",
        "than",
        "of",
        "least",
        "most",
        "other",
        "same",
        "day",
        "week",
        "month",
        "moment",
        "present",
        "near",
        "short",
        "time",
        "couple",
        "dozen",
        "half",
        "and",  # "two and a half years"
        "latter",  # "the latter half of last month"
        "quarter",
        "quarters",
        "hour",
        "minute",
        "minutes",
        "second",
        "seconds",
        "fortnight",
        "weekend",
        "eve",  # "the eve of Victory Day"
        "ago",
        "end",
        "trading",
        "business",
        "working",
        "calendar",
        "decade",
        "century",
        "times",
        "year-ago",
        "year-earlier",
        "fiscal",
        "future",
        "period",
        "corresponding",
        "additional",
        "extra",
        "further",
        "long",
        "before",  # "day before" / "day after" (day_shift)
        "after",
    }
)


# What may follow a number that starts a time expression: a unit ("3 weeks", "1,000 years"), a clock
# ("5 p.m.", "10:30"), a date separator or month ("10/8", "8 October", "4th of July"), a range ("14-15").
# Numbers followed by anything else ("15%", "3,000 troops") never reach the rules. (Folded text.)
_UNIT_NEXT = (
    r"(?:(?:\s+(?:and\s+a\s+half|1/2)|\s*½)?[\s-]+(?:(?:more|additional|extra|further|straight|consecutive|long)"
    r"\s+)?(?:trading\s+|business\s+|working\s+|calendar\s+)?(?:year|month|week|day|fortnight|hour|minute|second"
    r"|decade|centur|quarter|times))"
)
_SMALL_NUMBER_NEXT = (
    r"(?:st|nd|rd|th)?(?:/\d|[.:][0-5]\d(?!\d)|\s*[-–]\s*\d"
    r"|\s*(?:[ap]\.?\s?m\b|o['’]clock|in\s+the\s+|hours?\b|hrs\b|h\b)"
    r"|[\s-]+(?:of\s+)?"
    + MONTH
    + r"|\s+(?:and|or|to)\s+\d\d?(?:st|nd|rd|th)?\s+(?:of\s+)?"  # "24 and 25 April", "6 to 12 January"
    + MONTH
    + r"|[\s-]+(?:to|or)\s+[\w.,]+"
    + _UNIT_NEXT
    + r"|(?:st|nd|rd|th)?[\s-]+century"
    r"|\s*(?:[a-z]{1,3}t\b|gmt|utc)"
    r"|[\d,.]{0,16}" + _UNIT_NEXT + ")"
)
# One scan over the folded text finds every place a rule may start: numbers with a time-like
# continuation, names and stand-alone time words, and other first words ("the", "a", "last") only when
# a time-ish word follows. Names are checked for a capital letter in the original text afterwards.
_STANDALONE_OR_NAME = (_TRIGGER_WORDS & _STANDALONE) | _NAME_WORDS
_PREFIX_WORDS = _TRIGGER_WORDS - _STANDALONE_OR_NAME
# What must follow a first word that is no time expression on its own ("the" + "summer", "a" + "week").
# (A digit may be glued to it: "FY2025".)
_PREFIX_FOLLOWS = r"(?=[\s-]*['’]?\d|[\s-]+(?:" + _trie(set(_FOLLOWERS)) + r")(?![a-z]))"
# Characters the number scanner starts on (words that begin with one are read by it too).
_NUMBER_START = re.compile(r"[\d'’]")


def _first_char_trie(items: set[str]) -> str:
    """A trie regex for words whose first character the scanner has already read: each branch checks
    that character with a lookbehind and matches the rest of the word."""
    by_first: dict[str, set[str]] = {}
    for item in items:
        by_first.setdefault(item[0], set()).add(item[1:])
    return "|".join(f"(?<={re.escape(first)})" + _trie(rests) for first, rests in sorted(by_first.items()))


# The scan is split in two regexes that each open with a character class, so that the regex engine
# skips, in C, every position whose character cannot start a match (a pattern that opens with the
# lookbehind ``(?<![\w@#])`` is entered at every position of the text). Their matches start on
# different characters (digits and apostrophes; a non-word character before a word) and never overlap,
# so merged by position they give the triggers of a single scan. Each alternative names its kind by an
# empty group at its end.
# Numbers: the first digit (or the apostrophe of '80s) is read, then the lookbehind checks what stands
# before it; words that begin with a digit ("1st", "4th") come after the numbers, as in one scan.
_DIGIT_WORDS = {w for w in _STANDALONE_OR_NAME if _NUMBER_START.match(w)}
_DIGIT_PREFIX_WORDS = {w for w in _PREFIX_WORDS if _NUMBER_START.match(w)}
_NUMBER_ALTERNATIVES = (
    r"(?:(?<=['’])\d(?P<apos>)|(?<=\d)(?:\d\d\d(?!\d|,\d)(?P<year>)"
    r"|\d?(?!\d)(?="
    + _SMALL_NUMBER_NEXT
    + r")(?P<small>)|(?=[\d,.]{0,16}"
    + _UNIT_NEXT
    + ")(?P<number>))"
    + (r"|(?:" + _first_char_trie(_DIGIT_WORDS) + r")(?![a-z])(?P<word>)" if _DIGIT_WORDS else "")
    + (
        r"|(?:" + _first_char_trie(_DIGIT_PREFIX_WORDS) + r")(?![a-z])" + _PREFIX_FOLLOWS + r"(?P<prefix>)"
        if _DIGIT_PREFIX_WORDS
        else ""
    )
    + ")"
)
# Words: a trigger word after a character that is no word character, "@" or "#" (the match starts one
# character before the word); ``WORD_TRIGGER_AT`` reads a word at a given position (the text's start).
_WORD_ALTERNATIVES = (
    _trie({w for w in _STANDALONE_OR_NAME if not _NUMBER_START.match(w)})
    + r"(?![a-z])(?P<word>)|"
    + _trie({w for w in _PREFIX_WORDS if not _NUMBER_START.match(w)})
    + r"(?![a-z])"
    + _PREFIX_FOLLOWS
    + r"(?P<prefix>)"
)
WORD_TRIGGER_AT = re.compile(r"(?<![\w@#])(?:" + _WORD_ALTERNATIVES + ")")


@cache
def scanners(ascii_text: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    r"""The number and the word scanner, for ASCII text or any text (each compiled on first use).

    In ASCII text ``\w`` and ``\d`` are plain character sets, and a class of literal characters costs a
    bitmap test per character where ``\w`` or ``\d`` asks the Unicode tables.
    """
    if ascii_text:
        return (
            re.compile(r"[0-9'](?<![a-zA-Z0-9_@#].)" + _NUMBER_ALTERNATIVES),
            re.compile(r"[^a-zA-Z0-9_@#](?:" + _WORD_ALTERNATIVES + ")"),
        )
    return (
        re.compile(r"[\d'’](?<![\w@#].)" + _NUMBER_ALTERNATIVES),
        re.compile(r"[^\w@#](?:" + _WORD_ALTERNATIVES + ")"),
    )


# A word character (letter, digit, "_") that is not ASCII.
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")


def ascii_words(lowered: str) -> bool:
    """Whether the ASCII scanners are exact for ``lowered``: its word characters are all ASCII. Curly
    apostrophes are folded away and dashes, quotes and other punctuation are no word characters, so
    wire copy that uses them takes the cheap scanners too."""
    return lowered.isascii() or _NON_ASCII_WORD.search(lowered) is None


def _word_rules(text: str, word: str, position: int) -> tuple[int, ...]:
    """The rules a trigger word may start (a lower-case month or weekday name starts none)."""
    lower, capitalised = _WORD_RULES.get(word, _NO_RULES)
    return capitalised if text[position].isupper() else lower


def _triggers(text: str, lowered: str, start: int, end: int) -> list[tuple[int, tuple[int, ...]]]:
    """(position, rules that may start there) of every trigger in ``lowered[start:end]``, left to right
    (triggers that start no rule are left out)."""
    found = []
    numbers, words = scanners(ascii_words(lowered))
    for trigger in numbers.finditer(lowered, start, end):
        position = trigger.start()
        rules = _NUMBER_RULES.get(trigger.lastgroup or "")
        if rules is None:  # a word that begins with a digit
            rules = _word_rules(text, trigger.group(), position)
        if rules:
            found.append((position, rules))
    # A word at ``start`` has no character before it inside the range: it is read on its own, and the
    # scan goes on after it (a word's end is where the next one may start, as in a single scan).
    first = WORD_TRIGGER_AT.match(lowered, start, end)
    if first:
        rules = _word_rules(text, first.group(), start)
        if rules:
            found.append((start, rules))
    for trigger in words.finditer(lowered, first.end() if first else start, end):
        position = trigger.start() + 1
        rules = _word_rules(text, lowered[position : trigger.end()], position)
        if rules:
            found.append((position, rules))
    found.sort()
    return found


# Each rule compiled on its own; ``scan`` tries a trigger's rules in priority order. (Joining them into
# one alternation was measured slower: the big alternation loses the per-rule fast failure.)
COMPILED = [re.compile(r"(?<![\w@#])(?:" + pattern + r")(?!\w)") for _, pattern in RULES]
_RULE_GROUPS = [[(number, name) for name, number in rule.groupindex.items()] for rule in COMPILED]
_RULES_BY_KEY = {key: tuple(indices) for key, indices in _RULES_BY_KEY.items()}
# A capitalised name that is also a trigger word of its own tries the rules of both.
_NAME_RULES = {
    word: tuple(sorted(set(_RULES_BY_KEY["#name"]) | set(_RULES_BY_KEY[word])))
    for word in _NAME_WORDS
    if word in _RULES_BY_KEY
}
# Trigger word -> (its rules written in lower case, its rules capitalised): names differ, other words not.
_WORD_RULES = {
    word: (
        _RULES_BY_KEY.get(word, ()),
        (_NAME_RULES.get(word) or _RULES_BY_KEY["#name"])
        if word in _NAME_WORDS
        else _RULES_BY_KEY.get(word, ()),
    )
    for word in _TRIGGER_WORDS | _NAME_WORDS
}
_NO_RULES: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())
# The rules a number may start, by the kind the number scanner names.
_NUMBER_RULES = {kind: _RULES_BY_KEY.get("#" + kind, ()) for kind in ("apos", "year", "small", "number")}
# Per rule: (group number, group name, whether it is a name that must be capitalised).
_RULE_SPANS = [
    tuple((number, name, name in NAME_GROUPS) for number, name in groups) for groups in _RULE_GROUPS
]


# Lower case for ASCII letters, plain spaces for Unicode spaces and a plain apostrophe for curly ones
# (every rule reads ' and ’ alike): same length, so offsets hold.
_UNICODE_SPACES = "\u00a0\u2002\u2003\u2007\u2009\u200a\u202f"
_FOLD = {
    **{c: c + 32 for c in range(65, 91)},
    **{ord(c): " " for c in _UNICODE_SPACES},
    **{ord(c): "'" for c in "\u2019\u2018"},
}


_NON_ASCII_RUN = re.compile(r"([^\x00-\x7f]+)")


def folded(text: str) -> str:
    """The text the rules match against (see ``_FOLD``)."""
    if text.isascii():
        return text.translate(_FOLD)
    # In a string that is not all ASCII, str.translate looks every character up in the table and
    # raises and clears a KeyError for each one the table lacks (~250 instructions a character):
    # the ASCII runs are folded apart, each on the ASCII fast path. (A split keeps the runs in order.)
    return "".join([part.translate(_FOLD) for part in _NON_ASCII_RUN.split(text)])


def _candidate(
    index: int, match: re.Match[str], text: str, position: int
) -> tuple[str, dict[str, str], int, int] | None:
    groups: dict[str, str] = {}
    for number, short, is_name in _RULE_SPANS[index]:
        start, end = match.span(number)
        if end > start:
            if (
                is_name
                and text[start].isalpha()
                and not text[start].isupper()
                and not (short == "holiday" and text.startswith("the ", start))
            ):
                return None  # "may", "march", "sun" in lower case are not names ("the new year" is)
            groups[short] = text[start:end]
    return RULE_NAMES[index], groups, position, match.end()


def _first_match(
    indices: tuple[int, ...], text: str, lowered: str, position: int
) -> tuple[str, dict[str, str], int, int] | None:
    """The first of ``indices`` whose rule matches at ``position`` (with capitalised names)."""
    for index in indices:
        match = COMPILED[index].match(lowered, position)
        if match:
            found = _candidate(index, match, text, position)
            if found:
                return found
    return None


def scan(
    text: str, start: int = 0, end: int | None = None, lowered: str | None = None
) -> Iterator[tuple[str, dict[str, str], int, int]]:
    """Every candidate as (rule, groups, start, end), left to right, non-overlapping, first rule wins.

    Groups are the original text of each part. ``lowered`` is ``folded(text)`` when the caller has it.
    """
    lowered = folded(text) if lowered is None else lowered
    limit = 0
    for position, indices in _triggers(text, lowered, start, len(text) if end is None else end):
        if position < limit:
            continue
        found = _first_match(indices, text, lowered, position)
        if found:
            limit = found[3]
            yield found


def match_at(
    text: str, position: int, lowered: str | None = None
) -> tuple[str, dict[str, str], int, int] | None:
    """The candidate starting exactly at ``position``, if any."""
    if lowered is None:
        window = text[position : position + 120]
        found = match_at(window, 0, folded(window))
        return (found[0], found[1], found[2] + position, found[3] + position) if found else None
    # One position: the Unicode scanner is exact for any text, and deciding which pair fits would
    # read the whole text at every call.
    trigger = scanners(False)[0].match(lowered, position)
    if trigger:
        indices = _NUMBER_RULES.get(trigger.lastgroup or "")
        if indices is None:
            indices = _word_rules(text, trigger.group(), position)
    else:
        trigger = WORD_TRIGGER_AT.match(lowered, position)
        indices = _word_rules(text, trigger.group(), position) if trigger else ()
    return _first_match(indices, text, lowered, position) if indices else None


# --- Context patterns -----------------------------------------------------------------------------

# Context is read as the few words before a span (set lookups, no regex search over the window).
SIGNALS = frozenset(words("signals"))
IDENTIFIER_WORDS = frozenset(words("identifier_words"))
IDENTIFIER_NOUNS_AFTER = frozenset(words("identifier_nouns_after"))
_NEXT_WORD = re.compile(r"[^\S\n]+([\w'’]+)")


def word_after(text: str, end: int) -> str:
    """The lower-cased word right after ``end`` on its line ("" when none)."""
    m = _NEXT_WORD.match(text, end, end + 40)
    return m.group(1).lower() if m else ""


QUANTITY_WORDS = frozenset(words("quantity_words"))
CHANGE_WORDS = frozenset(words("change_words"))
NEWSPAPER_MODIFIERS = frozenset(words("newspaper_modifiers"))
MEASURE_UNITS = frozenset(words("measure_units"))
FUTURE_MODALS = frozenset(words("future_modals"))
SUDDEN_ADVERBS = frozenset(words("sudden_adverbs"))
ELLIPTIC_HEDGES = frozenset(words("elliptic_hedges"))
NAMING_WORDS = frozenset(words("naming_words"))
DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "that", "this", "a", "an"})
FUTURE_MARKERS = (*words("future_markers"), "next")
# A lower-case plural right after a number marks a count ("2000 troops"), not a year; a verb does not
# ("2024 was the deadliest year").
COUNT_NOUN_AFTER = re.compile(
    r"\s+(?!" + alternation(words("verbs_after_year")) + r"\b)[a-z]+s\b(?!\s+(?:ago|earlier|later))"
)


_PUNCTUATION = "\"'“”‘’()[]{},;:!?*-–—"


def words_before(text: str, start: int, count: int = 3) -> list[str]:
    """The last ``count`` words before ``start``, lower case, nearest last (stops at a line break)."""
    window = text[max(0, start - 40) : start]
    window = window[window.rfind("\n") + 1 :]
    found = []
    for token in reversed(window.split()):
        word = token.strip(_PUNCTUATION).lower()
        if word:
            found.append(word if word.endswith("s.") else word.rstrip("."))
            if len(found) == count:
                break
    found.reverse()
    return found


def phrase_before(text: str, start: int, phrases: frozenset[str], skip_the: bool = False) -> str | None:
    """The longest phrase of ``phrases`` (up to three words) ending right before ``start``."""
    if start and not text[start - 1].isspace():
        return None
    found = words_before(text, start, 4)
    if skip_the and found and found[-1] == "the":
        found = found[:-1]
    for size in (3, 2, 1):
        if len(found) >= size:
            phrase = " ".join(found[-size:])
            if phrase in phrases:
                return phrase
    return None


_FUTURE_PHRASES = frozenset(" ".join(marker.replace("'", " '").split()) for marker in FUTURE_MARKERS)
# All future markers as one regex over the lower-cased clause ("'ll" may stand inside a word: "he'll").
# (A trie, as the trigger scan: the search tries it at every position of the clause.)
_FUTURE_PHRASE = re.compile(
    r"(?<![a-z'-])(?:" + _trie(_FUTURE_PHRASES - {"'ll"}).replace("\\ ", r"\s+") + r")(?![a-z-])|'ll(?![a-z])"
)
_NEXT_TO = re.compile(r"\s+to\b")
PAST_WORDS = frozenset(words("past_markers"))
NOT_PAST_ED = frozenset(words("not_past_ed"))


# Words of a clause; "'ll" stands apart ("he'll" -> "he", "'ll"), other apostrophes stay in the word.
_WORD = re.compile(r"['’]ll\b|[A-Za-z][A-Za-z-]*(?:['’](?!ll\b)[A-Za-z]+)?")


def _tokens(window: str) -> list[tuple[str, bool]]:
    """(lower-case word, was it written in lower case) for each word of ``window``."""
    return [(_folded_word(word), word.islower()) for word in _WORD.findall(window)]


def _folded_word(word: str) -> str:
    return word.lower().replace("’", "'")


# Auxiliaries before a participle that make it passive, infinitive or modal ("will be paid Dec. 14",
# "is heard in May", "to be published in November"): the participle then says nothing about the past.
_NOT_PAST_AUXILIARIES = frozenset(
    {
        "be",
        "been",
        "being",
        "to",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "must",
        "shall",
        "is",
        "are",
        "am",
        "'ll",
    }
)


def _is_past_verb(token: str, lower: bool) -> bool:
    if token in PAST_WORDS:
        return True
    return lower and len(token) > 4 and token.endswith("ed") and token not in NOT_PAST_ED


ABBREVIATIONS = frozenset(words("abbreviations"))


def _sentence_break(window: str) -> int:
    """Where the last ". " of ``window`` that ends a sentence stands (-1: none); the period of a title or
    an initial ("Mr. Jones", "John F. Kennedy", "U.S. forces") ends none."""
    cut = window.rfind(". ")
    while cut > 0:
        head = window.rfind(" ", 0, cut) + 1
        word = window[head:cut].lstrip("\"'“‘(").lower()
        if not (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
            return cut
        cut = window.rfind(". ", 0, head)
    return cut


def clause_tense(text: str, start: int, end: int, elliptic: bool = True) -> str | None:
    """The tense of the clause an expression at ``start`` stands in: "future", "past", "past perfect" or None.

    Future: a future marker ("will", "is expected to", "would", "plans to") anywhere in the clause before
    the expression, unless a past perfect turns it into a plan that lapsed ("had been due to expire
    Friday"). Past: a simple past verb governs the expression directly, at most three words before it
    ("crashed last February", "was signed in December"), not a participle after an auxiliary ("will be
    paid Dec. 14") and not a verb of another clause (dates used as modifiers, "the Jan. 14 deadline",
    get no tense).
    """
    window = text[max(0, start - 80) : start]
    # The clause ends at a sentence break, a comma or a reporting verb ("said on Monday that it will").
    comma = window.rfind(", ")
    cut = max(
        _sentence_break(window),
        comma,
        window.rfind("\n"),
        window.rfind(" said"),
        window.rfind(" says"),
    )
    if cut >= 0:
        window = window[cut + 1 :]
    opening = len(window) < 16 and (cut >= 0 or start <= 80)
    if opening and all(token in SIGNALS for token, _ in _tokens(window)):
        # The expression opens its sentence ("On Tuesday, the league will ..."): its verb comes after.
        return tense_after(text, end)
    if cut == comma and cut >= 0 and elliptic and _hedged(window):
        # "will visit this spring, possibly around May 9": a hedge and no verb, the clause before governs
        comma_at = max(0, start - 80) + comma
        return clause_tense(text, comma_at, comma_at, elliptic=False)
    lowered = window.lower().replace("’", "'")
    nearest = None
    for found in _FUTURE_PHRASE.finditer(lowered):
        if not (found.group() == "next" and _NEXT_TO.match(lowered, found.end())):
            nearest = found  # the last (nearest) one; "next to" is a place, not a time ahead
    if nearest is not None:
        before = lowered[: nearest.start()].split()[-3:]
        after = lowered[nearest.end() :].split()[:1]
        if "had" in before or (nearest.group() == "would" and after == ["have"]):
            return "past perfect"
        # "plans to receive ... under an agreement signed in late May": a past participle or verb right
        # before the expression (and its preposition), after the future marker, governs it; not one
        # after an auxiliary ("will be paid Dec. 14", "to have finished by May") or in a time clause
        # ("will buy as soon as trading opened Monday").
        after_marker = _WORD.findall(window[nearest.start() :])[-6:]
        if _participle_next_to(after_marker) and not _TIME_CLAUSE.search(lowered, nearest.start()):
            return "past"
        return "future"
    # The governing verb stands at most three words back (and its auxiliaries two before it): the last
    # six words are enough, and a word cut at the slice start can only be an auxiliary's neighbour.
    # (Words are folded as they are read: most clauses are decided by their last few.)
    words = _WORD.findall(window[-48:])[-6:]
    found = _governing_past(words)
    if found is not None or not _IN_BEFORE.search(window):
        return found or None
    # "acknowledged the deaths for the first time in late April": the clause's own simple past verb,
    # farther back, still tells a time "in" a period that has happened.
    words = _WORD.findall(window)
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if _is_past_verb(_folded_word(word), word.islower()):
            auxiliaries = {_folded_word(before) for before in words[max(0, index - 2) : index]}
            return None if auxiliaries & _NOT_PAST_AUXILIARIES else "past"
    return None


_IN_BEFORE = re.compile(r"\bin\s+$")
_NOT_PAST_OR_PERFECT = _NOT_PAST_AUXILIARIES | {"have", "has"}
# Words before a participle used as an adjective ("on a still unspecified date in January")
_MODIFYING = frozenset({"a", "an", "the", "still", "yet", "not", "as", "so", "more", "most"})
_TIME_CLAUSE = re.compile(r"\b(?:when|once|as\s+soon\s+as|after|before|until|till|if|unless)\b")


def _participle_next_to(words: list[str]) -> bool:
    """Whether the last of ``words`` (the words from a future marker to an expression), or the one
    before it with its preposition ("signed in"), is a past form that governs the expression: not after
    an auxiliary ("will be paid", "to have finished"), nor an adjective ("a still unspecified date")."""
    for index in (len(words) - 1, len(words) - 2):
        if index < 2:
            return False
        word = words[index]
        if _is_past_verb(_folded_word(word), word.islower()):
            auxiliaries = {_folded_word(before) for before in words[index - 2 : index]}
            return not auxiliaries & _NOT_PAST_OR_PERFECT and _folded_word(words[index - 1]) not in _MODIFYING
    return False


def _governing_past(words: list[str]) -> str | None:
    """ "past" or "past perfect" when a past verb among the last four of ``words`` governs what follows;
    "" when a participle after an auxiliary stands there ("will be paid"); None when no past verb does."""
    for index in range(len(words) - 1, max(-1, len(words) - 5), -1):
        word = words[index]
        token = word.lower().replace("’", "'")
        if _is_past_verb(token, word.islower()):
            auxiliaries = {_folded_word(before) for before in words[max(0, index - 2) : index]}
            if auxiliaries & _NOT_PAST_AUXILIARIES:
                return ""
            return "past perfect" if "had" in auxiliaries or token == "had" else "past"
    return None


def _hedged(window: str) -> bool:
    """Whether a clause start holds a hedge and otherwise only signals and names ("possibly around",
    "perhaps in", "possibly around Victory Day on")."""
    if _HEDGE_CUE.search(window) is None:  # (most clauses: no tokenizing)
        return False
    tokens = _tokens(window)
    return any(token in ELLIPTIC_HEDGES for token, _ in tokens) and all(
        token in ELLIPTIC_HEDGES or token in SIGNALS or not lower for token, lower in tokens
    )


_HEDGE_CUE = re.compile(r"\b(?:possibly|perhaps|probably|likely|maybe)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;]['\"”’]*(?:\s|$)|\n")


def tense_after(text: str, end: int) -> str | None:
    """The tense of the first verb after a sentence-opening expression, within twelve words."""
    window = text[end : end + 100]
    stop = _SENTENCE_END.search(window)
    tokens = _tokens(window[: stop.start()] if stop else window)[:12]
    for index in range(len(tokens)):
        for size in (3, 2, 1):
            phrase = " ".join(token for token, _ in tokens[index : index + size])
            if phrase in _FUTURE_PHRASES and not (
                phrase == "next" and tokens[index + 1 : index + 2] == [("to", True)]
            ):
                # "planned to pay": a plan told in the past tense dates the telling, not a future event.
                return "past" if tokens[index][0].endswith("ed") else "future"
        if _is_past_verb(*tokens[index]):
            return "past perfect" if tokens[index][0] == "had" else "past"
    return None
