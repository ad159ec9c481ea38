"""Recognition: patterns that read like the language, built from the vocabulary.

Each rule is one regex with standard group names (``year``, ``month``, ``day``, ``mod``, ``rel``,
``num``, ``unit`` ...) and a list of the words it can start with. ``scan`` runs one cheap trigger
regex over the text and tries, at each trigger word, the rules that can start there. Order matters:
the first rule that matches at a position wins, so fuller phrases come first.
Normalization (values, bounds) lives in normalize.py and never looks at raw regex internals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .vocabulary import alternation, table, words

# --- Word classes ---------------------------------------------------------------------------------

_MONTH_NAMES = [name for name, _ in table("months").items() if len(name) > 4 or name == "may"]
_MONTH_NAMES += ["june", "july"]
_MONTH_ABBREVIATIONS = [name for name in table("months") if name not in _MONTH_NAMES]


def _capitalised(items: list[str]) -> list[str]:
    return [item.capitalize() for item in items] + [item.upper() for item in items if len(item) > 3]


# Month and weekday names are case-sensitive: "may" and "march" in lower case are a modal and a verb.
MONTH = (
    r"(?-i:(?:" + alternation(_capitalised(_MONTH_NAMES)) + r")(?![a-z])"
    r"|(?:" + alternation([a.capitalize() for a in _MONTH_ABBREVIATIONS]) + r")(?:\.|(?![A-Za-z])))"
)
_WEEKDAY_NAMES = [name for name in table("weekdays") if name.endswith("day")]
WEEKDAY = (
    r"(?-i:(?:" + alternation(_capitalised(_WEEKDAY_NAMES)) + r")(?![a-z])"
    r"|(?:Tues|Thurs|Wed|Fri|Mon|Sat|Sun|Thu|Tue)\.)"
)
SEASON = alternation(list(table("seasons")))
# Holiday names are capitalised words ("Thanksgiving Day", "New Year's Day").
HOLIDAY = alternation([" ".join(w.capitalize() for w in name.split()) for name in table("holidays")])
PART_OF_DAY = r"morning|afternoon|evening|night"

# A day of the month: 1-31 with an optional ordinal suffix, not part of a bigger number, time or ratio.
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d|[.,]\d|\s*(?:%|percent|per\s+cent)\b)"
# A year used as a date: four digits 1600-2099 that are not part of a bigger number.
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d]|[.,]\d|\s*(?:%|percent|per\s+cent)\b|-\d\d\d)"
_NUMBER_WORD = alternation(
    [w for w in table("number_words") if " " not in w and w not in ("a", "an", "half", "hundred", "dozen")]
)
# A count: digits, a spelled-out number ("twenty-four"), "a"/"an", "a couple of", "a dozen".
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    r"|(?:" + _NUMBER_WORD + r")(?:[\s-](?:" + _NUMBER_WORD + r"))?"
    r"|a\s+couple\s+of|a\s+dozen|an?|half\s+an?|a\s+half)"
)
VAGUE_COUNT = alternation(words("vague_counts"))
UNIT = (
    r"(?:trading\s+|business\s+|working\s+|calendar\s+)?"
    r"(?:years?|months?|weeks?|days?|fortnights?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|quarters?)"
)
# A relative word before a unit ("last year", "the following month").
RELATIVE = (
    r"(?:the\s+)?(?:" + alternation(list(table("relative"))) + r")"
    r"|that|the\s+(?:most\s+recent|latest)|the"
)
_REL_YEAR = r"(?:last|this|next|the\s+following|the\s+previous|the\s+same|that|the\s+past)"
# Sub-period modifiers ("early", "mid-", "the end of") and the separator after them.
MODIFIER = (
    r"(?P<mod>(?:the\s+)?(?:very\s+)?(?:early|mid|late|(?:beginning|start|end|middle|close|turn|dawn|height)"
    r"\s+of)|earlier|later)"
)
MODP = r"(?:" + MODIFIER + r"(?:\s*[-–]\s*|\s+)(?:in\s+)?)?"
APPROX = alternation([*list(table("approximators")), "just over", "just under", "well over", "some"])

# A year said in words ("nineteen ninety-six", "two thousand and four").
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
SPELLED_YEAR = (
    r"(?:nineteen|eighteen|twenty)[\s-]+(?:" + _TEENS + "|" + _TENS + r"(?:[\s-]" + _ONES + r")?|hundred)(?![\w-])"
    r"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:" + _TEENS + "|" + _TENS + r"(?:[\s-]" + _ONES + r")?|" + _ONES
    + r"))?(?![\w-])"
)
_YEAR_TAIL = (
    r"(?:\s*,?\s*(?P<year>" + YEAR + r")|\s+(?P<spelledyear>" + SPELLED_YEAR + r")"
    r"|\s+(?:of\s+)?(?P<relyear>" + _REL_YEAR + r")\s+year"
    r"|\s*,?\s*['’](?P<yy>\d\d)(?!\d))"
)

# --- Rules ----------------------------------------------------------------------------------------

RULES: list[tuple[str, str]] = [
    # 2024-10-08, 2024-10-08T15:00Z
    ("iso", r"(?<![-\w])(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
            r"(?:[T\s](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
            r"(?:Z|[+-]\d\d:?\d\d)?)?(?![-\w])"),
    # 2024/10/08
    ("ymd", r"(?<![-\w/.])(?P<year>(?:19|20)\d\d)([/.])(?P<month>0?[1-9]|1[0-2])\2"
            r"(?P<day>0?[1-9]|[12]\d|3[01])(?![/\d])"),
    # 10/8/2024 (US order) or 28/10/2024 (day first when the first number cannot be a month)
    ("mdy", r"(?<![-\w/.])(?P<month>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])/"
            r"(?P<year>(?:19|20)\d\d|\d\d)(?![/\d])"),
    ("dmy", r"(?<![-\w/.])(?P<day>1[3-9]|2\d|3[01])[/.](?P<month>0?[1-9]|1[0-2])[/.]"
            r"(?P<year>(?:19|20)\d\d)(?![/\d])"),
    # 5 p.m. EST Nov. 9 / 10:35 a.m. / noon Saturday / 4 in the morning
    ("clock", r"(?:(?P<approx>about|around|approximately|(?:shortly|just)\s+(?:before|after))\s+)?"
              r"(?:(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?|o['’]clock)"
              r"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?![\d:])(?:\s*(?:hours|hrs|h)\b)?"
              r"|(?P<clockword>noon|midnight|midday)"
              r"|(?P<hourpod>1[0-2]|0?[1-9])\s+in\s+the\s+(?P<pod>morning|afternoon|evening))"
              r"(?:\s*(?P<tz>(?-i:[A-Z]{1,3}T|GMT|UTC)))?"
              r"(?:\s*,?\s*(?:on\s+)?(?P<weekday>" + WEEKDAY + r")"
              r"|\s*,?\s*(?P<deixis>today|yesterday|tomorrow|tonight)"
              r"|\s*,?\s*(?:on\s+)?(?P<month>" + MONTH + r")\s*(?P<day>" + DAY + r"))?"),
    # Tuesday, Oct. 8, 2024 / October 8th / Oct. 8-9 / May 18 of last year
    ("month_day", r"(?:(?P<weekday>" + WEEKDAY + r")\s*,?\s+)?(?:(?P<approx>around|about|circa)\s+)?"
                  r"(?P<month>" + MONTH + r")\s*(?P<day>" + DAY + r")"
                  r"(?:\s*(?:-|–|to|through)\s*(?P<day2>" + DAY + r")(?!\s*(?:,\s*)?[-\d]))?"
                  + _YEAR_TAIL + "?"),
    # Tuesday 8 October 2024 / 23rd Dec, 2024 / the 4th of July / 14-15 July
    ("day_month", r"(?:(?P<weekday>" + WEEKDAY + r")\s*,?\s+)?(?:the\s+)?(?P<day>" + DAY + r")"
                  r"(?:\s*(?:-|–|to)\s*(?P<day2>" + DAY + r"))?\s*(?:of\s+)?(?P<month>" + MONTH + r")"
                  + _YEAR_TAIL + "?"),
    # mid-December 2024 / Oct. last year / March of 2024
    ("month_year", MODP + r"(?P<month>" + MONTH + r")\s*,?\s*(?:of\s+)?"
                   r"(?:(?P<year>" + YEAR + r")|(?P<relyear>" + _REL_YEAR + r")\s+year|(?P<spelledyear>"
                   + SPELLED_YEAR + r")"
                   r"|['’](?P<yy>\d\d)(?!\d))"),
    # the 1990s / the late '80s / the nineties
    ("decade", r"(?:the\s+)?" + MODP + r"(?:(?P<century>1[5-9]|20)(?P<decade>\d)0['’]?s"
               r"|['’](?P<decade2>\d)0['’]?s"
               r"|(?P<decadeword>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
               r"(?!\w)"),
    # the first quarter of 2024 / third-quarter / the 1988 third quarter / its fiscal fourth quarter
    ("quarter", r"(?:(?:the|its|their|this|last|next|that)\s+)?"
                r"(?:(?P<relyear0>this|last|next)\s+year['’]s\s+)?"
                r"(?:(?P<rel>latest|current|past|previous|same|comparable|year-earlier|year-ago|calendar)\s+)?"
                r"(?:(?P<year>" + YEAR + r")\s+)?(?:fiscal\s+)?"
                r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?P<qh>quarter|half)"
                r"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year2>" + YEAR + r")|(?:the\s+)?(?P<relyear>" + _REL_YEAR
                + r")\s+year|(?P<theyear>the\s+(?:current\s+|fiscal\s+)?year)))?"),
    # Q1 2024 / 2024 Q1 / H1 2024
    ("quarter_code", r"(?-i:(?P<qh>[QH])(?P<ord>[1-4]))(?:\s*(?P<year>" + YEAR + r"))?(?!\w)"
                     r"|(?P<year2>" + YEAR + r")\s*(?-i:(?P<qh2>[QH])(?P<ord2>[1-4]))(?!\w)"),
    # the summer of 2024 / last fall / this spring / winter 2024
    ("season", MODP + r"(?:(?P<rel>" + RELATIVE + r")\s+)?(?P<season>" + SEASON + r")(?!\w)"
               r"(?:\s*,?\s*(?:of\s+)?(?:(?P<year>" + YEAR + r")|(?P<relyear>" + _REL_YEAR + r")\s+year"
               r"|(?P<spelledyear>" + SPELLED_YEAR + r")))?"),
    # two years ago / a year earlier / just over a year ago / six weeks ago
    ("ago", r"(?:(?P<approx>" + APPROX + r")\s+)?(?:(?P<num>" + NUMBER + r")|(?P<vague>" + VAGUE_COUNT + r"))"
            r"[\s-]+(?P<unit>" + UNIT + r")\s+(?P<dir>ago|earlier|later|back|from\s+now|hence"
            r"|before(?=\s*[,.;:)]|\s*$)|after(?=\s*[,.;:)]|\s*$))"),
    # nineteen ninety-six / two thousand and four
    ("spelled_year", r"(?:the\s+year\s+)?(?P<hundreds>nineteen|eighteen|twenty)[\s-]+(?P<rest>(?:(?:ten|eleven|twelve"
                     r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
                     r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                     r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|hundred))(?![\w-])"
                     r"|(?:the\s+year\s+)?two\s+thousand(?:\s+and)?(?:[\s-]+(?P<units>one|two|three|four|five|six"
                     r"|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
                     r"|nineteen|twenty(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?))?(?![\w-])"),
    # late last year / earlier this month / the end of the year / next week / the past decade
    ("relative", MODP + r"(?P<rel>" + RELATIVE + r")\s+(?:(?P<span>fiscal|full|calendar|financial)\s+)?"
                 r"(?P<unit>year|month|week(?:end)?|quarter|decade|century)(?![\w-])"),
    # the year-ago quarter / the comparable year-earlier period (results stories)
    ("year_ago_period", r"(?:the\s+)?(?:comparable\s+|same\s+)?(?:year[\s-]ago|year[\s-]earlier|prior[\s-]year)"
                        r"\s+(?P<unit>quarter|period|month|week)(?![\w-])"),
    # earlier this year, said as "earlier in the year"
    ("relative_in", r"(?P<mod>earlier|later|early|late)\s+(?:in|this)\s+(?P<rel>the|this)\s+"
                    r"(?P<unit>year|month|week)"),
    # year-end / year-earlier / year-ago (financial shorthand)
    ("year_compound", r"(?P<kind>year[\s-]end|year[\s-]earlier|year[\s-]ago)(?![\w-])"),
    # every week / each year / every two years / per month / every Monday
    ("set", r"(?P<every>every|each|per)\s+(?:other\s+)?(?:(?P<num>" + NUMBER + r")\s+)?"
            r"(?:(?P<unit>" + UNIT + r")|(?P<weekday>" + WEEKDAY + r")|(?P<month>" + MONTH + r")"
            r"|(?P<pod>" + PART_OF_DAY + r"))(?!\w)"),
    ("set_word", r"(?P<setword>" + alternation(list(table("set_words"))) + r")(?!\w)"),
    ("set_times", r"(?P<times>once|twice|thrice|(?:" + NUMBER + r")\s+times)\s+(?:a|an|per|every|each)\s+"
                  r"(?P<unit>year|month|week|day|hour|decade)(?!\w)"),
    # the past two months / three years / a 10-year / the first nine months / 5 1/2 hours
    ("duration", r"(?:(?P<approx>" + APPROX + r")\s+(?!the\b))?"
                 r"(?:(?P<the>the|each\s+of\s+the)\s+)?(?:(?P<reldir>past|last|next|first|previous"
                 r"|coming|latest|final|following|ensuing|initial|remaining|same|entire|whole|full|comparable)\s+)?"
                 r"(?:(?P<num>" + NUMBER + r")(?:\s*(?:-|–|to|or)\s*(?P<num2>" + NUMBER + r"))?"
                 r"(?P<frac>\s+(?:and\s+a\s+half|1/2|½))?|(?P<vague>" + VAGUE_COUNT + r"))"
                 r"(?:\s+(?:more|additional|extra|further|straight|consecutive|long))?"
                 r"[\s-]+(?P<unit>" + UNIT + r")(?!\w)"
                 r"(?:\s+and\s+(?:(?P<half>a\s+half)|(?P<num3>" + NUMBER + r")\s+(?P<unit3>" + UNIT + r")))?"
                 r"(?:-long)?(?![\s-]*old\b)(?!(?<=quarter)\s+of\b)(?!(?<=quarters)\s+of\b)"),
    # years, months, decades (a bare plural after "for", "in", "over": "for years")
    ("bare_plural", r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bthe\s))"
                    r"(?P<unit>years|months|weeks|days|decades|hours|centuries)(?!\w)(?!\s+(?:ago|of)\b)"),
    # Tuesday morning / last Friday / next Monday
    ("weekday", r"(?:(?P<mod>early|late|earlier|later)\s+)?(?:(?P<rel>last|next|this|coming|past|previous|that)\s+)?"
                r"(?P<weekday>" + WEEKDAY + r")"
                r"(?:\s+(?P<pod>" + PART_OF_DAY + r"))?(?!\w)"),
    # yesterday morning / this afternoon / last night / tonight / mid-afternoon
    ("part_of_day", r"(?:(?P<mod>early|late|mid)[\s-]*)?"
                    r"(?:(?P<rel>this|last|yesterday|tomorrow|that|today|the)\s+)?"
                    r"(?P<pod>" + PART_OF_DAY + r"|overnight)(?!\w)"),
    # the 20th (of this month)
    ("ordinal_day", r"the\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
                    r"(?:\s+of\s+(?P<rel>this|last|next|the)\s+month)?"
                    r"(?=\s*[,.;:)]|\s*$|\s+(?:and|to|at|in|on|when|of|as|after|before|,)\b)"),
    # today, yesterday, now, recently, the future ...
    ("deictic", r"(?P<deictic>" + alternation(list(table("deictic"))) + r"|the\s+same\s+day|that\s+day"
                r"|the\s+other\s+day|(?:earlier|later)\s+today)(?![\w-])"),
    # 2024 / fiscal 1989 / early 2025 / the end of 2024
    ("year", MODP + r"(?:(?P<fiscal>fiscal(?:\s+year)?|FY)\s*)?(?:the\s+year\s+)?(?P<year>" + YEAR + r")"
             r"(?:\s*[-–/]\s*(?P<yearend>\d\d)(?!\d))?(?![\w-])"),
    # January / early December / last April / this May
    ("month", MODP + r"(?:(?P<rel>last|this|next|past|previous|coming|that)\s+)?(?P<month>" + MONTH + r")"
              r"(?!\s*\d)"),
    # Christmas / Thanksgiving Day / last Easter
    ("holiday", r"(?:(?P<rel>last|this|next)\s+)?(?-i:(?P<holiday>" + HOLIDAY + r"))(?![\w-])"
                r"(?:\s*,?\s*(?P<year>" + YEAR + r"))?"),
    # the 20th century / the eleventh century
    ("century", r"(?:the\s+)?" + MODP + r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth"
                r"|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
                r"|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century(?![\w-])"),
]


# The words a rule can start with ("@x" expands a word class below; "#digit" is any number, "#name"
# a month or weekday name). Rules are only tried where one of their first words stands, which keeps
# recognition fast (one cheap trigger scan instead of every rule at every position).
_FIRST_WORDS = {
    "@mod": "the very early mid late beginning start end middle close turn dawn height earlier later",
    "@approx": " ".join({w.split()[0] for w in [*list(table("approximators")), "just", "well", "some"]}),
    "@num": " ".join({w.split()[0].split("-")[0] for w in table("number_words")}) + " #digit",
    "@vague": " ".join({w.split()[0] for w in words("vague_counts")}),
    "@rel": " ".join({w.split()[0] for w in table("relative")}) + " the that",
    "@deictic": " ".join({w.split()[0] for w in table("deictic")}) + " the that earlier later",
}
TRIGGERS: dict[str, str] = {
    "iso": "#digit", "ymd": "#digit", "mdy": "#digit", "dmy": "#digit",
    "clock": "#digit about around approximately shortly just noon midnight midday",
    "month_day": "#name around about circa",
    "day_month": "#name the #digit",
    "month_year": "@mod #name",
    "decade": "the @mod #digit twenties thirties forties fifties sixties seventies eighties nineties",
    "quarter": "the its their this last next that latest current past previous same comparable year-earlier "
               "year-ago calendar #digit fiscal first second third fourth final 1st 2nd 3rd 4th",
    "quarter_code": "q1 q2 q3 q4 h1 h2 #digit",
    "season": "@mod @rel spring summer autumn fall winter",
    "ago": "@approx @num @vague",
    "relative": "@mod @rel",
    "relative_in": "earlier later early late",
    "year_compound": "year",
    "set": "every each per",
    "set_word": " ".join(table("set_words")),
    "set_times": "once twice thrice @num",
    "duration": "@approx the each @num @vague past last next first previous coming latest final "
                "following ensuing initial remaining same entire whole full comparable",
    "bare_plural": "years months weeks days decades hours centuries",
    "weekday": "early late earlier later last next this coming past previous that #name",
    "part_of_day": "early late mid this last yesterday tomorrow that today the morning afternoon evening "
                   "night overnight",
    "ordinal_day": "the",
    "deictic": "@deictic",
    "year": "@mod fiscal fy the #digit",
    "year_ago_period": "the comparable same year-ago year-earlier prior-year year prior",
    "spelled_year": "the nineteen eighteen twenty two",
    "holiday": "last this next " + " ".join({w.split()[0] for w in table("holidays")}),
    "century": "the @mod #digit first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
               "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth "
               "twenty-first",
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


COMPILED = [re.compile(r"(?<![\w@#])(?:" + pattern + r")(?!\w)", re.IGNORECASE) for _, pattern in RULES]
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
    {w for w in table("deictic") if " " not in w} | set(table("set_words")) | set(table("seasons"))
    | _expand(TRIGGERS["bare_plural"] + " " + TRIGGERS["quarter_code"]) - {"#digit"}
    | {w for w in table("holidays") if " " not in w}
    | {"morning", "afternoon", "evening", "night", "overnight", "noon", "midnight", "midday", "tonight",
       "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}
)
_FOLLOWERS = (
    _TRIGGER_WORDS | _NAME_WORDS
    | {"than", "of", "least", "most", "other", "same", "day", "week", "month", "moment", "present", "near",
       "time", "couple", "dozen", "half", "quarter", "quarters", "hour", "minute", "minutes", "second",
       "seconds", "fortnight", "weekend", "ago", "end", "trading", "business", "working", "calendar",
       "decade", "century", "times", "year-ago", "year-earlier", "fiscal"}
)


def _cased(items: set[str]) -> set[str]:
    return items | {w.capitalize() for w in items} | {w.upper() for w in items}


# Case variants are spelled out so the trigger scan runs without IGNORECASE (several times faster).
TRIGGER = re.compile(
    r"(?<![\w@#])(?:(?P<digit>['’]?\d)"
    r"|(?P<name>" + _trie(_cased(_NAME_WORDS) - _NAME_WORDS) + r")(?![a-z])"
    r"|(?P<word>" + _trie(_cased(_TRIGGER_WORDS & _STANDALONE)) + r")(?![A-Za-z])"
    r"|(?P<prefix>" + _trie(_cased(_TRIGGER_WORDS - _STANDALONE)) + r")(?![A-Za-z])"
    r"(?=[\s-]+(?:['’]?\d|(?:" + _trie(_cased(_FOLLOWERS)) + r")(?![a-z])))"
    r")"
)


def _rules_at(trigger: re.Match[str]) -> list[int]:
    if trigger.lastgroup == "digit":
        return _RULES_BY_KEY["#digit"]
    if trigger.lastgroup == "name":
        return _RULES_BY_KEY["#name"]
    return _RULES_BY_KEY.get(trigger.group().lower(), [])


def scan(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, dict[str, str], int, int]]:
    """Every candidate as (rule, groups, start, end), left to right, non-overlapping, first rule wins."""
    limit = 0
    for trigger in TRIGGER.finditer(text, start, len(text) if end is None else end):
        position = trigger.start()
        if position < limit:
            continue
        for index in _rules_at(trigger):
            match = COMPILED[index].match(text, position)
            if match:
                groups = {key: value for key, value in match.groupdict().items() if value}
                limit = match.end()
                yield RULE_NAMES[index], groups, position, limit
                break


def match_at(text: str, position: int) -> tuple[str, dict[str, str], int, int] | None:
    """The candidate starting exactly at ``position``, if any."""
    trigger = TRIGGER.match(text, position)
    if trigger is None:
        return None
    for index in _rules_at(trigger):
        match = COMPILED[index].match(text, position)
        if match:
            groups = {key: value for key, value in match.groupdict().items() if value}
            return RULE_NAMES[index], groups, position, match.end()
    return None


# --- Context patterns -----------------------------------------------------------------------------

_SIGNALS = words("signals")
# The governing preposition right before a span ("since 2024", "as of March").
SIGNAL_BEFORE = re.compile(r"(?:^|(?<![\w-]))(" + alternation(_SIGNALS) + r")\s+(?:the\s+)?$", re.IGNORECASE)
# A lower-case content word after a number marks a count ("2000 troops"), not a year.
COUNT_NOUN_AFTER = re.compile(r"\s+[a-z]+s\b(?!\s+(?:ago|earlier|later))")
# A determiner or possessive before a year makes it a modifier ("its 1988 recapitalization").
DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|its|their|his|her|our|that|this|a|an)|['’]s)\s+$", re.IGNORECASE)
IDENTIFIER_BEFORE = re.compile(
    r"(?:^|(?<=[^\w]))(" + alternation(words("identifier_words")) + r")\s*[-#:]?\s*$", re.IGNORECASE
)
QUANTITY_BEFORE = re.compile(
    r"(?:^|(?<=[^\w]))(?:" + alternation(words("quantity_words")) + r")\s+$", re.IGNORECASE
)
FUTURE_MARKER = re.compile(
    r"(?<![\w'])(?:" + alternation(words("future_markers")) + r")(?!\w)|\bnext\b", re.IGNORECASE
)
SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z\"'“])|\n\s*\n")
