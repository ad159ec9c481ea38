"""The value-F1 ceiling the TimeBank/AQUAINT gold allows a system that treats one expression one way.

Usage (from the repository root):
    .venv/bin/python benchmarks/timeml_ceiling.py [--data DIR] [--top N] [--json] [--items FILE]

Every gold TIMEX3 gets a context-free *description* of its text (lower case; years, numbers, month,
weekday and ordinal words abstracted: "last week", "a year ago", "<weekday>", "<month> <n>",
"<year>") and the set of *forms* its value takes relative to the document creation time (DCT) and
to what the text itself names. A form is a rule that turns (text, DCT) into a value: "week W-1" (the
ISO week before the DCT's), "week WXX" (a week of the DCT's year, left unspecified), "day Y+0.lit.lit"
(the month and day the text names, in the DCT's year), "weekday on/before DCT", "dur <unit> lit"
(the count the text names), "val PRESENT_REF" (a fixed value). One value can fit several forms (a
weekday on the DCT itself is both "on/before" and "on/after" it), so each item carries a set.

For each description the best form is the one most items fit; the sum of those counts is the most
values any system can get right that gives one description one form. Three bounds are printed:
- ``consistent``: that sum over all gold (perfect recognition);
- ``consistent, current spans``: the best form per group counted over the gold items the system
  matches now (relaxed), i.e. with recognition as it is;
- ``+ oracle anchor``: forms may also count from the last date the gold gives before the item in the
  same document (narrative anchoring done perfectly), an optimistic bound for context-using systems.
F1 bounds keep the system's current number of expressions (precision = correct / system count; the
DATE row assumes every gold DATE is typed DATE). ``ours outside best`` counts items the current
system gets right although they do not fit their group's best form (context it uses: verb tense,
results-story quarters, narrative anchors); ``headroom`` counts matched items that fit the best form
but are wrong now: the classes a consistent rule would still gain.

Reads the data in place (../shared/dev); it copies nothing.
"""

from __future__ import annotations

import argparse
import calendar
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dprk_tracker.times.vocabulary import number_value, table  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import timeml  # noqa: E402  (the scorer beside this script: same loading, matching and value test)

MONTHS: dict[str, int] = table("months")
WEEKDAYS: dict[str, int] = {k: v for k, v in table("weekdays").items() if len(k) > 3 or k in ("mon", "fri")}
NUMBER_WORDS = [w for w in table("number_words") if " " not in w and w not in ("a", "an", "half")]
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
               "overnight": "NI"}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_NUMBER_RE = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_ORDINAL_RE = r"\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth"


# --- Descriptions -------------------------------------------------------------------------------


def describe(text: str) -> str:
    """The expression without what it names: "Sept. 27, 1989" -> "<month> <n>, <year>"."""
    s = " ".join(text.lower().split()).strip(" .,;:'\"")
    s = re.sub(rf"\b(?:{_MONTH_RE})\b\.?", "<month>", s)
    s = re.sub(rf"\b(?:{_WEEKDAY_RE})\b\.?", "<weekday>", s)
    s = re.sub(r"(?<![\d,])(?:1[0-9]|20)\d\d(?!\d)", "<year>", s)
    s = re.sub(r"'\d\d\b", "'<yy>", s)
    s = re.sub(rf"\b(?:{_ORDINAL_RE})\b", "<ord>", s)
    s = re.sub(r"\d+(?:[.:,]\d+)*", "<n>", s)
    s = re.sub(rf"\b(?:{_NUMBER_RE})(?:[- ](?:{_NUMBER_RE}))*\b", "<n>", s)
    return s


@dataclass
class Named:
    """What the text itself names: years, months, days, weekdays, counts, ordinals, parts of day."""

    years: set[int] = field(default_factory=set)
    months: set[int] = field(default_factory=set)
    days: set[int] = field(default_factory=set)
    weekdays: set[int] = field(default_factory=set)
    numbers: set[float] = field(default_factory=set)
    ordinals: set[int] = field(default_factory=set)
    parts: set[str] = field(default_factory=set)
    seasons: set[str] = field(default_factory=set)


def named(text: str) -> Named:
    s = " ".join(text.lower().split())
    n = Named()
    for m in re.finditer(rf"\b(?:{_MONTH_RE})\b", s):
        n.months.add(MONTHS[m.group()])
    for m in re.finditer(rf"\b(?:{_WEEKDAY_RE})\b", s):
        n.weekdays.add(WEEKDAYS[m.group()])
    for m in re.finditer(r"(?<![\d,])(1[0-9]\d\d|20\d\d)(?!\d)", s):
        n.years.add(int(m.group(1)))
    for m in re.finditer(r"\b(nineteen|twenty)[- ]((?:[a-z]+-)?[a-z]+)\b", s):  # "nineteen ninety-six"
        rest = number_value(m.group(2))
        if rest is not None and rest < 100:
            n.years.add((1900 if m.group(1) == "nineteen" else 2000) + int(rest))
    for m in re.finditer(r"'(\d\d)\b", s):
        n.years.add(1900 + int(m.group(1)))
    for m in re.finditer(r"(?<![\d,.:])(\d{1,2})(?:st|nd|rd|th)?(?![\d:])", s):
        n.days.add(int(m.group(1)))
    for m in re.finditer(r"\d+(?:\.\d+)?", s.replace(",", "")):
        n.numbers.add(float(m.group()))
    for m in re.finditer(rf"\b(?:{_NUMBER_RE}|a|an|half)(?:[- ](?:{_NUMBER_RE}))*\b", s):
        value = number_value(m.group())
        if value is not None:
            n.numbers.add(value)
    for m in re.finditer(rf"\b(?:{_ORDINAL_RE})\b", s):
        word = m.group()
        n.ordinals.add(ORDINAL_WORDS.get(word, int(re.sub(r"\D", "", word) or 0)))
    for word, code in PART_OF_DAY.items():
        if word in s:
            n.parts.add(code)
    for word, code in SEASONS.items():
        if re.search(rf"\b{word}\b", s):
            n.seasons.add(code)
    if "noon" in s:
        n.numbers.add(12)
    if "midnight" in s:
        n.numbers.update({0, 24})
    return n


# --- Forms --------------------------------------------------------------------------------------

_PERIOD = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d|XX))?|W(?P<w>\d\d?|XX)(?P<we>-WE)?|Q(?P<q>\d|X)"
    r"|H(?P<h>\d)|(?P<s>SP|SU|FA|WI)|(?P<yx>XX)(?:-XX)?))?(?:T(?P<t>.+))?"
)


def granularity(value: str) -> str:
    """Day / week / week unspecified / month / quarter / year / year-XX / duration / REF / ..."""
    v = timeml.canonical(value)
    if v.endswith("_REF"):
        return "REF"
    if v.startswith("P"):
        return "duration"
    if v.startswith("XXXX"):
        return "unanchored (XXXX)"
    if re.fullmatch(r"\d{3}", v):
        return "decade"
    if re.fullmatch(r"\d\d", v):
        return "century"
    m = _PERIOD.fullmatch(v)
    if not m:
        return "other"
    g = m.groupdict()
    if g["t"]:
        return "time of day" if re.match(r"\d", g["t"]) else "part of day"
    if g["d"] == "XX":
        return "month-XX"
    if g["d"]:
        return "day"
    if g["m"]:
        return "month"
    if g["w"] == "XX":
        return "week unspecified (WXX)"
    if g["we"]:
        return "weekend"
    if g["w"]:
        return "week"
    if g["q"] == "X":
        return "quarter unspecified (QX)"
    if g["q"]:
        return "quarter"
    if g["h"]:
        return "half"
    if g["s"]:
        return "season"
    if g["yx"]:
        return "year-XX"
    return "year"


def _iso_week(day: date) -> tuple[int, int]:
    y, w, _ = day.isocalendar()
    return y, w


def _week_index(year: int, week: int) -> int:
    return date.fromisocalendar(year, week, 1).toordinal() // 7


def _dct_date(dct: str) -> date | None:
    m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", dct or "")
    return date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _signed(k: int) -> str:
    return f"{k:+d}"


def _year_rules(dct: date, month: int, day: int | None) -> dict[str, int]:
    """Years conventions give a month/day named without one (the year they pick, by rule name)."""
    rules: dict[str, int] = {}
    this = date(dct.year, month, min(day or 1, calendar.monthrange(dct.year, month)[1]))
    end = this if day else date(dct.year, month, calendar.monthrange(dct.year, month)[1])
    rules["on/before DCT"] = dct.year if this <= dct else dct.year - 1
    rules["on/after DCT"] = dct.year if end >= dct else dct.year + 1
    # News README: the DCT's year unless that is more than about two months ahead.
    rules["news (≤2 months ahead)"] = dct.year - 1 if month - dct.month > 2 else dct.year
    return rules


_UNIT_WORDS = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter"}


def forms(text: str, value: str, dct: str, anchor: str | None = None) -> set[str]:
    """The rules (text, DCT) -> value this gold value fits; ``anchor`` also tries a prior gold date."""
    found = _forms(text, value, dct, anchor)
    counts = named(text).numbers
    units = {letter for letter, word in _UNIT_WORDS.items() if re.search(rf"\b{word}", text.lower())}
    # "50 years ago" and "10 years ago" are one rule: the offset is the count the text names.
    for form in list(found):
        m = re.search(r"\b([YMWDQ])([-+])(\d+)\b", form)
        if m and not form.startswith("val ") and m.group(1) in units and float(m.group(3)) in counts:
            found.add(form[: m.start()] + f"{m.group(1)}{m.group(2)}named" + form[m.end() :])
    return found


def _forms(text: str, value: str, dct: str, anchor: str | None) -> set[str]:
    v = timeml.canonical(value)
    # A fixed value is a rule only for what does not move with the DCT (PRESENT_REF, P1D, XXXX-SU);
    # a fixed calendar value fits a relative expression in one document only.
    out = set() if re.match(r"\d", v) else {f"val {v}"}
    n = named(text)
    gran = granularity(v)
    ref = _dct_date(dct)
    if gran == "duration":
        m = re.fullmatch(r"P(T?)(\d+(?:\.\d+)?|X)([A-Z]+)", v)
        if m and m.group(2) != "X" and float(m.group(2)) in n.numbers:
            out.add(f"dur {m.group(1)}{m.group(3)} count named")
        return out
    if gran == "unanchored (XXXX)":
        m = re.fullmatch(r"XXXX-(\d\d)(?:-(\d\d))?", v)
        if m and int(m.group(1)) in n.months and (not m.group(2) or int(m.group(2)) in n.days):
            out.add("XXXX named month/day")
        m = re.fullmatch(r"XXXX-WXX-(\d)(.*)", v)
        if m and int(m.group(1)) in n.weekdays:
            out.add(f"XXXX-WXX named weekday{m.group(2)}")
        return out
    if gran in ("decade", "century"):
        digits = {str(y)[: len(v)] for y in n.years} | {str(int(x))[: len(v)] for x in n.numbers if x >= 10}
        if v in digits:
            out.add(f"{gran} named")
        if gran == "century" and int(v) + 1 in n.ordinals | {int(x) for x in n.numbers}:
            out.add("century named ordinal")  # "the 20th century" is 19XX
        if ref:
            size = 10 if gran == "decade" else 100
            out.add(f"{gran} {_signed(int(v) - ref.year // size)}")
        return out
    m = _PERIOD.fullmatch(v)
    if not m:
        return out
    g = m.groupdict()
    year = int(g["y"])
    if ref is None:  # no DCT: only what the text names fully can be derived
        if (
            g["d"]
            and g["d"] != "XX"
            and year in n.years
            and int(g["m"]) in n.months
            and int(g["d"]) in n.days
        ):
            out.add("day named")
        elif g["m"] and not g["d"] and year in n.years and int(g["m"]) in n.months:
            out.add("month named")
        elif not any(g[k] for k in ("m", "w", "q", "h", "s", "yx", "t")) and year in n.years:
            out.add("year named")
        return out
    base = [ref] + ([a for a in [_dct_date(anchor or "")] if a] if anchor else [])
    time_part = ""
    if g["t"]:
        t = g["t"]
        hm = re.match(r"(\d\d)(?::(\d\d))?", t)
        if hm:
            hour = int(hm.group(1))
            time_part = (
                " T named" if any(int(x) % 12 == hour % 12 for x in n.numbers if x == int(x)) else f" T{t}"
            )
        else:
            time_part = " T named" if t in n.parts else f" T{t}"
    for i, r in enumerate(base):
        tag = "" if i == 0 else "anchor "
        if g["d"] and g["d"] != "XX":
            day = date(year, int(g["m"]), int(g["d"])) if _valid(year, int(g["m"]), int(g["d"])) else None
            if day is None:
                continue
            y_lit, m_lit, d_lit = year in n.years, day.month in n.months, day.day in n.days
            if y_lit and m_lit and d_lit:
                out.add(f"day named{time_part}")
            elif m_lit and d_lit:
                out.add(f"{tag}day Y{_signed(year - r.year)}.named{time_part}")
                for rule, y in _year_rules(r, day.month, day.day).items():
                    if y == year:
                        out.add(f"{tag}day year by {rule}{time_part}")
            elif d_lit and not m_lit and not n.weekdays:
                out.add(
                    f"{tag}day M{_signed(year * 12 + day.month - r.year * 12 - r.month)}.named{time_part}"
                )
            else:
                out.add(f"{tag}day D{_signed((day - r).days)}{time_part}")
                if (day.month, day.day) == (r.month, r.day):
                    out.add(f"{tag}day Y{_signed(year - r.year)} same day{time_part}")
                # A fixed day of a relative year ("year-end", a holiday): the day is in the words.
                out.add(f"{tag}day Y{_signed(year - r.year)}.{day.month:02d}-{day.day:02d}{time_part}")
                if day.weekday() + 1 in n.weekdays:
                    delta = (day - r).days
                    if -6 <= delta <= 0:
                        out.add(f"{tag}weekday on/before{time_part}")
                    if 0 <= delta <= 6:
                        out.add(f"{tag}weekday on/after{time_part}")
                    if -3 <= delta <= 3:
                        out.add(f"{tag}weekday nearest{time_part}")
                    weeks = _week_index(*_iso_week(day)) - _week_index(*_iso_week(r))
                    out.add(f"{tag}weekday in week W{_signed(weeks)}{time_part}")
                elif n.weekdays:
                    out.add(f"{tag}weekday not the named day")
        elif g["m"]:
            month = int(g["m"])
            suffix = " -XX" if g["d"] == "XX" else ""
            y_lit, m_lit = year in n.years, month in n.months
            if y_lit and m_lit:
                out.add(f"month named{suffix}")
            elif m_lit:
                out.add(f"{tag}month Y{_signed(year - r.year)}.named{suffix}")
                for rule, y in _year_rules(r, month, None).items():
                    if y == year:
                        out.add(f"{tag}month year by {rule}{suffix}")
            else:
                out.add(f"{tag}month M{_signed(year * 12 + month - r.year * 12 - r.month)}{suffix}")
                if month == r.month:
                    out.add(f"{tag}month Y{_signed(year - r.year)} same month{suffix}")
        elif g["w"]:
            kind = "weekend" if g["we"] else "week"
            if g["w"] == "XX":
                out.add(f"{tag}WXX Y{_signed(year - r.year)}")
            elif _valid_week(year, int(g["w"])):
                weeks = _week_index(year, int(g["w"])) - _week_index(*_iso_week(r))
                out.add(f"{tag}{kind} W{_signed(weeks)}")
        elif g["q"]:
            if g["q"] == "X":
                out.add(f"{tag}QX Y{_signed(year - r.year)}")
            else:
                q = int(g["q"])
                if year in n.years and q in n.ordinals:
                    out.add("quarter named")
                elif q in n.ordinals:
                    out.add(f"{tag}quarter Y{_signed(year - r.year)}.named")
                else:
                    out.add(f"{tag}quarter Q{_signed(year * 4 + q - r.year * 4 - (r.month - 1) // 3 - 1)}")
        elif g["h"] or g["s"]:
            part = (g["h"] and f"H{g['h']}") or g["s"]
            if year in n.years:
                out.add(f"{part[0]} named year")
            out.add(
                f"{tag}{'half' if g['h'] else 'season'} Y{_signed(year - r.year)}"
                + (" named" if g["s"] and g["s"] in n.seasons else f" {part}")
            )
        elif g["yx"]:
            out.add(f"{tag}year-XX Y{_signed(year - r.year)}" if year not in n.years else "year-XX named")
        else:
            if year in n.years:
                out.add("year named")
            else:
                out.add(f"{tag}year Y{_signed(year - r.year)}")
    return out


def context_forms(own: set[str], anchored: set[str], value: str, dct: str) -> set[str]:
    """``own`` plus the forms a system could pick by context, granted as an oracle would: the
    direction of a weekday or yearless date by the verb's tense, the granularity of "a year ago"
    (a results story compares quarters), and counting from the last date the gold gives before."""
    out = own | anchored
    for form in own:
        if "on/before" in form or "on/after" in form:
            out.add(form.replace("on/before", "by tense").replace("on/after", "by tense"))
    ref = _dct_date(dct)
    m = _PERIOD.fullmatch(timeml.canonical(value))
    if ref and m and not m["t"] and not m["yx"] and not (m["w"] or "").startswith("X"):
        g = m.groupdict()
        k = int(g["y"]) - ref.year
        shifted_month = (ref.month, ref.day)
        q_ref = (ref.month - 1) // 3 + 1
        fits = (
            (g["d"] and g["d"] != "XX" and (int(g["m"]), int(g["d"])) == shifted_month)
            or (g["m"] and not g["d"] and int(g["m"]) == ref.month)
            or (g["q"] and g["q"] != "X" and int(g["q"]) in (q_ref, q_ref - 1))
            or (g["h"] and int(g["h"]) == (1 if ref.month <= 6 else 2))
            or not any(g[x] for x in ("m", "w", "q", "h", "s"))
        )
        if fits and -3 <= k <= 0:
            out.add(f"DCT Y{_signed(k)}, granularity by context")
    return out


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _valid_week(year: int, week: int) -> bool:
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        return False
    return True


# --- Items and bounds ---------------------------------------------------------------------------


@dataclass
class Item:
    doc: str
    text: str
    type: str
    value: str
    dct: str
    description: str
    forms: set[str]
    context_forms: set[str]
    matched: bool
    system_value: str | None
    system_type: str | None
    correct: bool


def _anchor_before(document: object, index: int) -> str | None:
    """The last gold value with a definite day before item ``index`` (the oracle narrative anchor)."""
    for gold in reversed(document.gold[:index]):  # type: ignore[attr-defined]
        if re.match(r"\d{4}-\d\d-\d\d", gold.values[0]):
            return gold.values[0][:10]
    return None


def collect(documents: list, run: Callable) -> list[Item]:  # type: ignore[type-arg]
    items: list[Item] = []
    for document in documents:
        system = [t for t in run(document.text, document.reference) if not timeml._ignored(t, document)]
        matched = timeml._match(document, system)
        for index, gold in enumerate(document.gold):
            item = matched.get(index)
            value = gold.values[0]
            own = set().union(*(forms(gold.text, v, document.reference or "") for v in gold.values))
            anchor = _anchor_before(document, index)
            dct = document.reference or ""
            anchored = (
                set().union(*(forms(gold.text, v, dct, anchor) for v in gold.values)) if anchor else own
            )
            with_context = set().union(*(context_forms(own, anchored, v, dct) for v in gold.values))
            items.append(
                Item(
                    document.name,
                    gold.text,
                    gold.type,
                    value,
                    document.reference or "",
                    describe(gold.text),
                    own,
                    with_context,
                    item is not None,
                    item.value if item else None,
                    item.type if item else None,
                    bool(item and timeml.same_value(item.value, gold.values)),
                )
            )
    return items


def best_form(
    items: Iterable[Item], key: Callable[[Item], set[str]], count: Callable[[Item], bool]
) -> tuple[str, int]:
    tally: Counter[str] = Counter()
    for item in items:
        if count(item):
            tally.update(key(item))
    if not tally:
        return "", 0
    # On a tie, prefer the general rule over a fixed value or a fixed day of the year.
    form, n = max(
        tally.items(), key=lambda kv: (kv[1], not re.search(r"^val |\.\d\d-\d\d", kv[0]), -len(kv[0]))
    )
    return form, n


def f1(correct: int, system: int, gold: int) -> float:
    p, r = correct / system if system else 0.0, correct / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def needed(target: float, system: int, gold: int) -> int:
    """The fewest correct values that give F1 >= target at this system and gold count."""
    c = 0
    while f1(c, system, gold) < target - 1e-12:
        c += 1
    return c


def analyse(items: list[Item], tallies: dict[str, timeml.Tally], top: int) -> dict[str, object]:
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        groups[item.description].append(item)
    rows = []
    totals: Counter[str] = Counter()
    for description, members in groups.items():
        form_all, n_all = best_form(members, lambda i: i.forms, lambda i: True)
        form_cur, n_cur = best_form(members, lambda i: i.forms, lambda i: i.matched)
        _, n_anchor = best_form(members, lambda i: i.context_forms, lambda i: i.matched)
        _, n_context_all = best_form(members, lambda i: i.context_forms, lambda i: True)
        ours = sum(i.correct for i in members)
        outside = sum(i.correct and form_cur not in i.forms for i in members)
        headroom = sum(i.matched and not i.correct and form_cur in i.forms for i in members)
        date_members = [i for i in members if i.type == "DATE"]
        for name, n in (
            ("gold", len(members)),
            ("best", n_all),
            ("best_current", n_cur),
            ("anchor", n_anchor),
            ("context_all", n_context_all),
            ("ours", ours),
            ("outside", outside),
            ("headroom", headroom),
            ("union", sum(i.correct or (i.matched and form_cur in i.forms) for i in members)),
            ("union_all", sum(i.correct or form_all in i.forms for i in members)),
            (
                "union2",
                sum(i.correct or (len(members) > 1 and i.matched and form_cur in i.forms) for i in members),
            ),
            ("union_all2", sum(i.correct or (len(members) > 1 and form_all in i.forms) for i in members)),
        ):
            totals[name] += n
        # DATE: the group's best form among its DATE items (types assumed right).
        totals["date_gold"] += len(date_members)
        totals["date_best"] += best_form(date_members, lambda i: i.forms, lambda i: True)[1]
        totals["date_best_current"] += best_form(date_members, lambda i: i.forms, lambda i: i.matched)[1]
        totals["date_anchor"] += best_form(date_members, lambda i: i.context_forms, lambda i: i.matched)[1]
        totals["date_context_all"] += best_form(date_members, lambda i: i.context_forms, lambda i: True)[1]
        totals["date_ours"] += sum(i.correct and i.system_type == "DATE" for i in date_members)
        totals["date_union"] += sum(i.correct or (i.matched and form_cur in i.forms) for i in date_members)
        totals["date_union_all"] += sum(i.correct or form_all in i.forms for i in date_members)
        totals["date_union2"] += sum(
            i.correct or (len(members) > 1 and i.matched and form_cur in i.forms) for i in date_members
        )
        totals["date_union_all2"] += sum(
            i.correct or (len(members) > 1 and form_all in i.forms) for i in date_members
        )
        spread = Counter()
        for i in members:
            spread[granularity(i.value)] += 1
        rows.append(
            {
                "description": description,
                "gold": len(members),
                "best_form": form_all,
                "best": n_all,
                "lost": len(members) - n_all,
                "ours": ours,
                "headroom": headroom,
                "outside": outside,
                "granularities": dict(spread.most_common()),
            }
        )
    gains = sorted((r for r in rows if r["headroom"]), key=lambda r: -r["headroom"])  # type: ignore[operator]
    rows.sort(key=lambda r: (-r["lost"], -r["gold"]))  # type: ignore[operator]
    s_all, s_date = tallies["ALL"].system, tallies["DATE"].system
    g_all, g_date = totals["gold"], totals["date_gold"]
    bounds: dict[str, dict[str, dict[str, float]]] = {
        "current system (benchmark)": {
            key: {
                "correct": tallies[key].value_gold,
                "value_f1": round(tallies[key].f1(tallies[key].value_system, tallies[key].value_gold)[2], 3),
            }
            for key in ("ALL", "DATE")
        }
    }
    bounds |= {
        name: {
            "ALL": {"correct": totals[key], "value_f1": round(f1(totals[key], s_all, g_all), 3)},
            "DATE": {
                "correct": totals["date_" + key],
                "value_f1": round(f1(totals["date_" + key], s_date, g_date), 3),
            },
        }
        for name, key in (
            ("consistent (perfect recognition)", "best"),
            ("consistent, current spans", "best_current"),
            ("oracle context (perfect recognition)", "context_all"),
            ("oracle context, current spans", "anchor"),
            ("current + headroom of best form, current spans", "union"),
            ("current + best form (perfect recognition)", "union_all"),
            ("  the same, groups of one only as now, current spans", "union2"),
            ("  the same, groups of one only as now, perfect recog.", "union_all2"),
        )
    }
    return {
        "gold": g_all,
        "system": s_all,
        "date_gold": g_date,
        "date_system": s_date,
        "needed_for_0.85": needed(0.85, s_all, g_all),
        "needed_DATE_for_0.90": needed(0.90, s_date, g_date),
        "bounds": bounds,
        "outside": totals["outside"],
        "headroom": totals["headroom"],
        "groups": rows[:top],
        "headroom_groups": [
            {
                "description": r["description"],
                "headroom": r["headroom"],
                "best_form": r["best_form"],
                "gold": r["gold"],
            }
            for r in gains
        ],
        "singleton_headroom": sum(r["headroom"] for r in gains if r["gold"] == 1),  # type: ignore[misc]
        "missed_groups": Counter(i.description for i in items if not i.matched).most_common(top),
    }


# --- TimeBank habits vs the news conventions ---------------------------------------------------

# Each habit: the descriptions it covers, the TimeBank form, the form the news conventions (and
# the current rules) give. A habit is worth adopting only if it gains on TimeBank and the news
# conventions do not contradict it.
HABITS = (
    (
        "weeks left unspecified",
        re.compile(r"^(?:late |early )?(?:last|this|next|the|that|the past) week$"),
        lambda f: f.startswith("WXX"),
        lambda f: re.fullmatch(r"week W[-+]\d+", f) is not None,
    ),
    (
        "'N years/a decade ago' as YYYY-XX",
        # Counts of years or decades only: "a year ago" compares periods (a quarter in results stories).
        re.compile(r"(?:^|\s)(?:<n> years|a decade|<n> decades) ago$"),
        lambda f: f.startswith("year-XX"),
        lambda f: f.startswith("year Y"),
    ),
    (
        "plain years as YYYY-XX",
        re.compile(r"^<year>$"),
        lambda f: f.startswith("year-XX"),
        lambda f: f == "year named",
    ),
    (
        "quarters left unspecified (QX)",
        re.compile(
            r"^(?:the |this |that )?(?:latest |most recent )?(?:quarter|period)$|^a year (?:ago|earlier)$"
            r"|^year-(?:ago|earlier)$"
        ),
        lambda f: f.startswith("QX"),
        lambda f: f.startswith("quarter"),
    ),
    (
        "weekday + part of day as DATE day",
        re.compile(r"^<weekday> (?:morning|afternoon|evening|night)$"),
        lambda f: f.startswith("weekday") and " T" not in f,
        lambda f: f.startswith("weekday") and " T" in f,
    ),
)


def habits(items: list[Item]) -> list[dict[str, object]]:
    out = []
    for name, pattern, timebank_form, news_form in HABITS:
        members = [i for i in items if pattern.search(i.description)]
        tb = sum(any(map(timebank_form, i.forms)) for i in members)
        nw = sum(any(map(news_form, i.forms)) for i in members)
        ours = sum(i.correct for i in members)
        gain = sum(i.matched and any(map(timebank_form, i.forms)) for i in members) - ours
        out.append(
            {
                "habit": name,
                "items": len(members),
                "timebank_form": tb,
                "news_form": nw,
                "ours": ours,
                "net_if_adopted": gain,
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=timeml.DEFAULT_DATA)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--items", type=Path, help="write every gold item with its forms (JSONL)")
    args = parser.parse_args(argv)
    run, engine = timeml.extractor(True)
    data = args.data.resolve()
    results: dict[str, object] = {"engine": engine}
    all_items: list[Item] = []
    news_path = data / "news" / "cases.jsonl"
    for name, documents in (
        ("timebank", timeml.load_timebank(data / "timebank")),
        ("news", timeml.load_news(news_path) if news_path.exists() else []),
    ):
        if not documents:
            continue
        tallies, _ = timeml.score(documents, run)
        items = collect(documents, run)
        all_items += items
        result = analyse(items, tallies, args.top)
        result["habits"] = habits(items)
        results[name] = result
    if args.items:
        with args.items.open("w", encoding="utf-8") as handle:
            for item in all_items:
                row = {
                    **item.__dict__,
                    "forms": sorted(item.forms),
                    "context_forms": sorted(item.context_forms),
                }
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return 0
    for name in ("timebank", "news"):
        if name not in results:
            continue
        r = results[name]
        assert isinstance(r, dict)
        print(
            f"\n{name}: gold {r['gold']} (DATE {r['date_gold']}), system {r['system']}"
            f" (DATE {r['date_system']}); value F1 0.85 needs {r['needed_for_0.85']} correct,"
            f" DATE 0.90 needs {r['needed_DATE_for_0.90']}"
        )
        print(f"{'bound':<54}{'correct':>8}{'value F1':>9}{'DATE ok':>9}{'DATE F1':>9}")
        for bound, row in r["bounds"].items():
            print(
                f"{bound:<54}{row['ALL']['correct']:>8}{row['ALL']['value_f1']:>9.3f}"
                f"{row['DATE']['correct']:>9}{row['DATE']['value_f1']:>9.3f}"
            )
        print(
            f"ours outside the best form: {r['outside']};"
            f" headroom (matched, fit best form, wrong now): {r['headroom']}"
        )
        print(
            f"\n{'description':<34}{'gold':>5}{'best':>5}{'lost':>5}{'ours':>5}{'head':>5}"
            "  best form | granularities"
        )
        for g in r["groups"]:
            spread = ", ".join(f"{k} {v}" for k, v in g["granularities"].items())
            print(
                f"{g['description'][:33]:<34}{g['gold']:>5}{g['best']:>5}{g['lost']:>5}{g['ours']:>5}"
                f"{g['headroom']:>5}  {g['best_form']} | {spread}"
            )
        print(
            "\nheadroom (matched, fit the best form, wrong now): "
            + "; ".join(
                f"{g['description']} {g['headroom']}/{g['gold']} ({g['best_form']})"
                for g in r["headroom_groups"]
            )
        )
        print(
            "  of which in groups of one (any rule fits one item, so the bound grants them):"
            f" {r['singleton_headroom']}"
        )
        print("gold the system does not match: " + "; ".join(f"{d} {n}" for d, n in r["missed_groups"]))
        print(f"\n{'habit':<36}{'items':>6}{'TB form':>8}{'news form':>10}{'ours':>6}{'net if adopted':>15}")
        for h in r["habits"]:
            print(
                f"{h['habit']:<36}{h['items']:>6}{h['timebank_form']:>8}{h['news_form']:>10}{h['ours']:>6}"
                f"{h['net_if_adopted']:>15}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
