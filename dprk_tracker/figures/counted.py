"""What a figure counts: the head noun phrase after the number, or the casualty/capture predicate.

Rules, not a parser: the noun phrase runs from the number through modifiers to its (usually plural)
head; leading proper adjectives ("North Korean", "Ukrainian") are kept in the span but not in the
unit. When the phrase is followed by "have been killed or wounded" (or the number by it directly),
the predicate is what is counted, as news copy means it ("over 3,000 killed or injured"). A capture
("took two soldiers prisoner", "the capture of two soldiers") gives "soldiers captured".
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _split(words: str) -> list[str]:
    return words.split()


# Words that end a noun phrase: function words, auxiliaries and the commonest reporting verbs.
_STOP = frozenset(
    _split(
        """
        a an the this that these those their its his her our your my of in on at to for from by with
        into onto over under about against between among during since until after before per via and or
        but nor so yet as than then while whereas although though because if when where whether who whom
        whose which what how why is are was were be been being am have has had having do does did will
        would shall should can could may might must not no never also only just even still already ever
        reportedly allegedly said say says told tell according reported report reports including
        included include includes he she it they them we you i us him there here more most less least
        fewer many much some any each every all both either neither other another such same own sent
        took made left came went gave put set fled went got held met saw brought last next first second
        third percent per cent times fold
        """
    )
)
# Modifiers skipped before the phrase ("5,000 more military engineers").
_LEADING = frozenset(_split("more additional extra other new fresh further estimated of"))
_OF_LEAD = re.compile(r"\s+of\s+(?:them|those|these|whom|which|the|its|their|his|her|our)\b", re.IGNORECASE)
_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z])")
_IRREGULAR_PLURALS = frozenset(
    _split(
        """
        people personnel men women children police equipment ammunition
        livestock cattle aircraft troops forces militia cavalry
        """
    )
)

# The casualty and capture predicates that name what is counted in news copy.
_PARTICIPLE = r"(?:killed|wounded|injured|dead|died|captured|missing|executed|detained|slain|hurt)"
_PREDICATE = re.compile(
    r"[\"”’']?(?:\s+(?:of\s+(?:them|those|whom)|who|that|which|reportedly|allegedly|have|has|had|were|was|are|is|"
    r"being|been|already|also|now|likely|probably|believed\s+to\s+have|thought\s+to\s+have|"
    r"said\s+to\s+have|feared|confirmed|estimated\s+to\s+have|since))*"
    r"\s+[\"“‘']?(?P<p>" + _PARTICIPLE + r"(?:(?:\s*,\s*|\s+or\s+|\s+and\s+|\s+and/or\s+)" + _PARTICIPLE + r")*"
    r"|killed\s+in\s+action|taken\s+(?:prisoner|captive)|taken\s+as\s+prisoners?)\b",
    re.IGNORECASE,
)
# A short relative or participial clause between the phrase and its predicate
# ("troops sent by North Korea have been killed").
_CLAUSE_PREDICATE = re.compile(
    r"[\"”’']?(?:\s+[A-Za-z][\w'’\-]*){1,6}?\s+(?:have|has|had|were|was|are|is)\s+(?:\w+\s+)?(?:been\s+)?[\"“‘']?"
    r"(?P<p>" + _PARTICIPLE + r"(?:(?:\s*,\s*|\s+or\s+|\s+and\s+)" + _PARTICIPLE + r")*)\b",
    re.IGNORECASE,
)
_PRISONER_AFTER = re.compile(r"\s+(?:as\s+)?(?:prisoners?|captives?|hostages?|POWs?)\b", re.IGNORECASE)
_CAPTURE_BEFORE = re.compile(
    r"\b(?:captur\w*|took|taken|take|takes|taking|detain\w*|holding|held|seiz\w*|abduct\w*|"
    r"repatriat\w*|releas\w*|swap\w*|exchang\w*|prisoners?\s+including)"
    r"(?:\s+(?:of|the|some|another|an\s+additional|a\s+further))*\s+$",
    re.IGNORECASE,
)
_CASUALTY_BEFORE = re.compile(
    r"\b(?:kill\w*|wound\w*|injur\w*|deaths?\s+of|loss(?:es)?\s+of|lost|losing|casualties\s+of|"
    r"death\s+toll\s+of|toll\s+of)(?:\s+(?:of|the|some|another|an\s+additional|a\s+further))*\s+$",
    re.IGNORECASE,
)
# A noun before the number when nothing follows it: "deaths at around 300", "losses exceeding 4,000".
_NOUN_BEFORE = re.compile(
    r"(?<![A-Za-z])(?P<n>[a-z][a-z\-]+(?:\s+[a-z][a-z\-]+)?)\s+"
    r"(?P<link>(?:at|of|to|reached|reaching|totall?ing|totall?ed|numbered|numbering|stood\s+at|stands\s+at|"
    r"put\s+at|estimated\s+at|was|were|is|are|hit|exceeded|topped|rose\s+to|climbed\s+to)\s+)?$",
)
_CALIBRE = re.compile(r"\s+\d+(?:\.\d+)?\s?-?(?:mm|millimetre|millimeter|cm|calibre|caliber)\b", re.IGNORECASE)
_NOUN_BEFORE_STOP = _STOP | frozenset(_split("number total figure tally count toll estimate estimates"))


@dataclass(frozen=True)
class Counted:
    unit: str
    start: int
    end: int


def _normalize(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.strip().lower())


def noun_phrase(text: str, pos: int, limit: int, single: bool = False) -> tuple[int, int, int] | None:
    """(span start, unit start, end) of the noun phrase starting at ``pos``; None when there is none."""
    calibre = _CALIBRE.match(text, pos, limit)
    if calibre:  # "3 million 152 mm shells"
        pos = calibre.end()
    m = _OF_LEAD.match(text, pos, limit)
    if m and not re.match(r"\s+of\s+the\b", m.group(), re.IGNORECASE):
        return None  # "6,000 of them killed": no noun phrase, a predicate may follow
    cursor = m.end() if m else pos
    start: int | None = None
    unit_start: int | None = None
    end = cursor
    words = 0
    while words < 5:
        w = _WORD.match(text, cursor, limit)
        if not w:
            break
        word = w.group(1)
        lower = word.lower()
        if lower in _STOP and not (start is None and lower in _LEADING):
            break
        if start is None and lower in _LEADING:
            cursor = w.end()
            continue
        if start is None:
            start = w.start(1)
        if word[0].isupper() and unit_start is None:
            # proper adjectives stay out of the unit ("North Korean soldiers")
            cursor = end = w.end()
            words += 1
            unit_start = None
            continue
        if unit_start is None:
            unit_start = w.start(1)
        cursor = end = w.end()
        words += 1
        plural = lower in _IRREGULAR_PLURALS or (
            lower.endswith("s") and not lower.endswith(("ss", "us", "is"))
        )
        if plural or (single and words >= 1 and not _continues(text, end, limit)):
            break
        # a hyphen or comma ends the phrase
        if end < limit and text[end] in ",;:.!?)(\"”":
            break
    if start is None or unit_start is None:
        return None
    return start, unit_start, end


def _continues(text: str, pos: int, limit: int) -> bool:
    w = _WORD.match(text, pos, limit)
    return bool(w and w.group(1).lower() not in _STOP and w.group(1)[0].islower())


def counted_noun(text: str, num_start: int, num_end: int, value: float | None,
                 qualified: bool = False) -> Counted | None:
    """What the figure spanning ``[num_start, num_end)`` counts, with the span that names it.

    ``qualified``: the figure opens with a qualifier, which may itself link it to a noun before it
    ("losses exceeding 4,000").
    """
    limit = min(len(text), num_end + 160)
    # Stop at the end of the sentence.
    stop = re.compile(r"[.;!?\n](?:\s|$)").search(text, num_end, limit)
    if stop:
        limit = stop.start()
    phrase = noun_phrase(text, num_end, limit, single=value == 1)
    after = phrase[2] if phrase else num_end
    before = text[max(0, num_start - 60):num_start]

    pred = _PREDICATE.match(text, after, limit)
    if pred is None and phrase is not None:
        pred = _CLAUSE_PREDICATE.match(text, after, limit)
        if pred and re.search(r"[,;:]", text[after:pred.start("p")]):
            pred = None
    if pred is not None:
        p = pred.group("p")
        unit = _normalize(p)
        if unit.startswith("taken"):
            noun = _normalize(text[phrase[1]:phrase[2]]) if phrase else ""
            start = phrase[0] if phrase else pred.start("p")
            return Counted(f"{noun} captured".strip(), start, pred.end("p"))
        return Counted(unit, pred.start("p"), pred.end("p"))

    if phrase is not None:
        span_start, unit_start, end = phrase
        noun = _normalize(text[unit_start:end])
        prisoner = _PRISONER_AFTER.match(text, end, limit)
        if prisoner and re.search(r"\b(?:took|taken|take|taking|captured|held)\b", before, re.IGNORECASE):
            return Counted(f"{noun} captured", span_start, prisoner.end())
        cue = _CAPTURE_BEFORE.search(before)
        if cue:
            return Counted(f"{noun} captured", num_start - len(before) + cue.start(), end)
        cue = _CASUALTY_BEFORE.search(before)
        if cue:
            return Counted(noun, num_start - len(before) + cue.start(), end)
        return Counted(noun, span_start, end)

    m = _NOUN_BEFORE.search(before)
    if m and (m.group("link") or qualified):
        base = num_start - len(before)
        words = [(w.group(), w.start(), w.end()) for w in re.finditer(r"\S+", m.group("n"))]
        while words and words[-1][0] in _NOUN_BEFORE_STOP:  # "deaths at" -> "deaths"
            words.pop()
        while words and words[0][0] in _NOUN_BEFORE_STOP:
            words.pop(0)
        if words:
            start = base + m.start("n") + words[0][1]
            end = base + m.start("n") + words[-1][2]
            return Counted(_normalize(text[start:end]), start, end)
    return None
