"""What a figure counts: the head noun phrase after the number, or the casualty/capture predicate.

Rules, not a parser: the noun phrase runs from the number through modifiers to its (usually plural)
head; leading proper adjectives ("North Korean", "Ukrainian") are kept in the span but not in the
unit. When the phrase is followed by "have been killed or wounded" (or the number by it directly),
the predicate is what is counted, as news copy means it ("over 3,000 killed or injured"). A capture
("took two soldiers prisoner", "the capture of two soldiers") gives "soldiers captured".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..text import opens_sentence


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
        reportedly allegedly said say says told tell according reported including
        included include includes he she it they them we you i us him there here more most less least
        fewer many much some any each every all both either neither other another such same own sent
        took made left came went gave put set fled went got held met saw brought last next first second
        third percent per cent times fold earlier later ago now today yesterday near outside inside
        across along around behind beyond within without toward towards through throughout amid despite
        upon late early believes thinks argues overnight tonight tomorrow daily weekly monthly annually
        """
    )
)
# Modifiers skipped before the phrase ("5,000 more military engineers", "150 such missiles").
_LEADING = frozenset(_split("more additional extra other new fresh further estimated of such"))
# "of them", "of whom": a pronoun, no noun follows ("of the", "of its" lead to one).
_OF_PRONOUN = re.compile(r"\s+of\s+(?:them|those|these|whom|which)\b", re.IGNORECASE)
_OF_LEAD = re.compile(r"\s++of\s++(?:them|those|these|whom|which|the|its|their|his|her|our)\b", re.IGNORECASE)
_WORD = re.compile(
    r"\s*+((?:[A-Z]\.){2,}|[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]"
    r"|[A-Z][A-Za-z]*-?\d+[A-Za-z]*(?:/(?:[A-Z][A-Za-z]*-)?\d+[A-Za-z]*)*)(?![\w-])"
)  # dotted initials too: "50,000 U.S. troops"; model names paired: "KN-23/KN-24", "KN-23/24"
# A capitalized plural ("Koreans", "POWs"): the head of its phrase unless a head noun follows it.
_PLURAL_NAME = re.compile(r"[A-Z][a-z]+[a-rt-z]s|[A-Z]{2,}s")
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
    r"[\"”’']?(?:\s+(?:of\s+(?:them|those|whom)|more|who|that|which|reportedly|allegedly|have|has|had|were|was|are|is|"
    r"being|been|already|also|now|later|subsequently|eventually|likely|probably|reported|"
    r"believed\s+to\s+have|thought\s+to\s+have|"
    r"said\s+to\s+have|feared|confirmed|estimated\s+to\s+have|since))*"
    r"\s+[\"“‘']?(?P<p>"
    + _PARTICIPLE
    + r"(?:(?:\s*,\s*|\s+or\s+|\s+and\s+|\s+and/or\s+)"
    + _PARTICIPLE
    + r")*"
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
_PARTICIPLE_WORD = re.compile(_PARTICIPLE)
_CAPTIVE = re.compile(r"\b(?:prisoners?|pows?|captives?|hostages?|detainees?)$")
_PRISONER_AFTER = re.compile(r"\s+(?:as\s+)?(?:prisoners?|captives?|hostages?|POWs?)\b", re.IGNORECASE)
# Words right before the number that say what happened to what it counts.
_CAPTURE_WORD = re.compile(
    r"captur\w*|took|taken|take|takes|taking|detain\w*|holding|held|seiz\w*|abduct\w*|repatriat\w*|"
    r"releas\w*|swap\w*|exchang\w*"
)
_CASUALTY_WORD = re.compile(r"kill\w*|wound\w*|injur\w*|lost|losing")
# (the present of a headline too: "Russian strikes kill at least 4")
_HARM_VERB = re.compile(r"(kill|wound|injur|captur|detain|abduct)(?:ed|ing|e?s|e)?\b", re.IGNORECASE)
_CASUALTY_NOUN = re.compile(r"deaths?|loss(?:es)?|casualties|toll")  # "the deaths of 30 soldiers"
_FILLER = frozenset(_split("of the some another an additional a further"))
# Links between a noun and a number after it: "deaths at around 300", "losses totalling 4,000".
_LINKS = frozenset(
    _split(
        """
        at of to an reached reaching totaling totalling totaled totalled numbered numbering was were is are
        hit exceeded topped stood stand stands put estimated rose risen climbed grown ranging ranged
        fell dropped declined grew jumped surged increased decreased plunged soared
        top tops exceed exceeds surpass surpasses surpassed
        """
    )
)


_TOKEN = re.compile(r"[^ \n\t]*\S")  # a token: split at space, newline or tab, trailing blanks dropped


def tail_words(text: str, pos: int, count: int = 8, span: int = 70) -> list[tuple[str, int, int]]:
    """The last ``count`` whitespace-separated tokens before ``pos``: (lower-case token, start, end).

    Tokens are split at spaces, newlines and tabs; a token cut by the start of the ``span`` window
    is left out. End-anchored regex searches try every position of their window with the whole
    alternation; splitting a few dozen characters and looking the words up in sets is many times
    cheaper.
    """
    lo = pos - span if pos > span else 0
    window = text[lo:pos]
    if not window.isprintable():
        window = window.replace("\n", " ").replace("\t", " ")
        if not window.isprintable():
            # other blanks ("\r", no-break spaces) or control characters: the general tokenizer
            found = [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text, lo, pos)]
            if found and found[0][1] == lo and lo and not text[lo - 1].isspace():
                del found[0]
            return found[-count:]
    # The common case: words separated by spaces (newlines and tabs made spaces above).
    parts = window.split(" ")
    if lo and parts[0] and not text[lo - 1].isspace():
        parts[0] = ""  # the window cuts this word
    out: list[tuple[str, int, int]] = []
    end = pos
    for part in reversed(parts):
        if part:
            out.append((part.lower(), end - len(part), end))
            if len(out) == count:
                break
        end -= len(part) + 1
    out.reverse()
    return out


def last_word(text: str, pos: int) -> str:
    """The lower-case token just before ``pos`` (skipping blanks): the cheap first check."""
    e = pos
    while e > 0 and text[e - 1] in " \t":
        e -= 1
    lo = e - 30 if e > 30 else 0
    word = text[max(text.rfind(" ", lo, e), lo - 1) + 1 : e]
    if "\n" in word or "\t" in word:
        word = word[max(word.rfind("\n"), word.rfind("\t")) + 1 :]
    return word.lower()


# Who can be held captive: "holding two soldiers", "held 300 North Koreans" (not "holding 12 million
# shells").
_HELD_PEOPLE = re.compile(
    r"(?:.*\s)?(?:soldiers?|troops|servicem[ae]n|men|women|people|persons|civilians|prisoners?|captives?"
    r"|fighters|sailors|crew|fishermen|nationals|citizens|workers|defectors?|pows?|[a-z]+(?:ans|ese))$"
)


def _held_people(noun: str) -> bool:
    return bool(_HELD_PEOPLE.match(noun))


def _cue_before(toks: list[tuple[str, int, int]]) -> tuple[str, int] | None:
    """("capture" | "casualty", start) when the words before the number report one."""
    rest = list(toks)
    had_of = False
    while rest and rest[-1][0] in _FILLER:
        had_of = had_of or rest[-1][0] == "of"
        rest.pop()
    if not rest:
        return None
    word, start, _ = rest[-1]
    if word.rstrip("\"'”’)")[-1:] in (".", "!", "?", ";", ":", ","):
        # the last word of the sentence or clause before ("...were wounded. Two prisoners", "as a
        # result of the exchange, 84 Ukrainians returned home")
        return None
    word = word.strip(",.;:\"'“”‘’()")
    if _CAPTURE_WORD.fullmatch(word):
        return "capture", start
    if _CASUALTY_WORD.fullmatch(word) or (had_of and _CASUALTY_NOUN.fullmatch(word)):
        return "casualty", start
    return None


_LOWER_WORD = re.compile(r"[a-z][a-z\-]+")
_AMOUNTING_QUALIFIERS = frozenset(_split("exceeding topping surpassing"))
_AMOUNTING = frozenset(
    _split(
        "reached totaling totalling totaled totalled numbered exceeded topped stood stand stands rose risen"
        # (a headline's present: "Losses top")
        " climbed hit grown top tops exceed exceeds surpass surpasses surpassed"
        " fell dropped declined grew jumped surged increased decreased plunged soared"
    )
)
# The last word read ends like an adjective ("central", "eastern", "military"), which "and" may join to
# another before their shared noun; a noun ("infantry", "tank") ends the phrase instead.
_ADJECTIVE_END = re.compile(r"[a-z](?:al|ern|ic|ive|ian|ese|ish|ary|ous|ful|less|ant|ent)$")


def plural_word(lower: str) -> bool:
    """Whether a lower-case word reads as a plural noun ("troops", "personnel", "servicemen")."""
    return (
        lower in _IRREGULAR_PLURALS
        or (lower.endswith("s") and not lower.endswith(("ss", "us", "is")))
        or (lower.endswith("men") and len(lower) > 5 and lower not in _SINGULAR_MEN)  # servicemen
    )


def head_follows(text: str, pos: int, limit: int) -> bool:
    """Whether a word that may be the head noun follows ``pos`` ("Dataproducts common shares"), not a
    verb, a participle or a function word ("North Koreans deployed", "Americans caught in Iraq")."""
    w = _WORD.match(text, pos, limit)
    if not w:
        return False
    lower = w.group(1).lower()
    if "-" in lower:
        return True  # a compound modifier before the head: "118 Koksan self-propelled guns"
    return not (lower in _STOP or lower.endswith(("ed", "ing")) or lower in _NOT_HEADS)


# Irregular past forms and adverbs that follow a plural name ("Americans caught", "Germans out of
# work", "Americans home"): no head noun.
_NOT_HEADS = frozenset(
    _split(
        "caught held sent taken seen left fought brought kept lost met out up off down back home abroad"
        " alive dead together"  # ("captured only these two North Koreans alive")
    )
)
_SINGULAR_MEN = frozenset(_split("specimen abdomen regimen acumen stamen dolmen"))
_CLASSIFIERS = frozenset(_split("units unit pieces sets batches items pairs systems"))
_OF_AFTER_CLASSIFIER = re.compile(r"\s+of\s")
# Words between a noun and the verb that links it to a number ("casualties had reached 4,700").
_AUXILIARIES = frozenset(_split("has have had been already reportedly"))
_VERB_FORMS = frozenset(
    # (and a headline's present: "Death toll in Dnipro rises to 5")
    _split("risen fallen grown gone come been become dropped increased decreased jumped rises climbs jumps")
)
_BE_FORMS = frozenset(_split("is are was were be been being"))
_TITLE_PLURAL = re.compile(r"[A-Z][a-z\-]*[a-rt-z]s")
_PASSIVE_ESTIMATE = frozenset(("estimated", "at"))
_MODALS = frozenset(_split("could may might will would should can must"))


def _noun_before(text: str, toks: list[tuple[str, int, int]], qualified: bool) -> tuple[int, int] | None:
    rest = list(toks)
    links = []
    link_start = toks[-1][2] + 1 if toks else 0  # (after the last word: a qualifier's verb follows)
    while rest and rest[-1][0] in _LINKS and len(rest) > 1:
        link_start = rest[-1][1]
        links.append(rest.pop()[0])
    while links and len(rest) > 1 and rest[-1][0] in _AUXILIARIES:
        rest.pop()  # "casualties had reached 4,700"
    modal = bool(links) and len(rest) > 2 and rest[-2][0].lower() in _MODALS
    if modal:
        del rest[-2:]  # "losses may rise to 3,000": the modal and its verb link the noun to the count
    if not (links or qualified) or not rest:
        return None
    # "Losses reached 3,000": a plural that opens the sentence is capitalized, not a name; unless it
    # is who estimates ("Athens estimated 3,000"), so only before a verb of amounting.
    # ("Casualties are estimated at 6,000": a passive estimate is a verb of amounting too.)
    measured = bool(links) and (modal or links[-1] in _AMOUNTING or _PASSIVE_ESTIMATE.issubset(links))
    # "Losses exceed 3,800.": the qualifier is the verb of amounting after a plural that opens the sentence
    verb = _LOWER_WORD.match(text, link_start) if qualified and not links and rest else None
    amounting = verb is not None and (verb.group() in _AMOUNTING or verb.group() in _AMOUNTING_QUALIFIERS)
    if not links and (rest[-1][0].endswith(("ed", "ing")) or _HARM_VERB.fullmatch(rest[-1][0])):
        return None  # "received more than 8,000": a verb before the qualifier is no counted noun
    if rest[-1][0] in _VERB_FORMS:
        return None  # "the toll has risen to 12"
    if len(rest) > 1 and rest[-2][0] in _BE_FORMS:
        return None  # "revenues were lowered to 136.2 billion", "was cut to": a passive, no noun
    words = []
    for word, start, end in reversed(rest[-2:]):
        nounlike = _LOWER_WORD.fullmatch(text, start, end) or (
            (measured or amounting)
            and _TITLE_PLURAL.fullmatch(text, start, end)
            and opens_sentence(text, start)
        )
        if not nounlike or word.lower() in _NOUN_BEFORE_STOP:
            break
        words.insert(0, (start, end))
    if not words:
        if links or qualified:
            # "N. Korean casualties in Russia top 4,700": the harm of those in a place a name tells
            harm = _HARM_OF.search(text, max(0, link_start - 60), link_start)
            if harm is not None:
                return harm.span(1)
        # "the number of Russian tourists who visited North Korea reached about 1,500"
        number_of = measured and _NUMBER_OF.search(text, max(0, rest[-1][1] - 80), rest[-1][2])
        return number_of.span(1) if number_of else None
    if links == ["of"] and text[words[-1][0] : words[-1][1]].lower() in _GROUPS | COLLECTIVES:
        # "in groups of 20 to 30": how many each holds, of a noun told elsewhere; "the first group of
        # roughly 11,000", "a second wave of 3,000": a body of those the text names nearby
        return None
    if links and _PLACE_BEFORE.search(text, max(0, words[0][0] - 16), words[0][0]):
        return None  # "the number at the front had reached 11,000": a place, not what is counted
    harm = _HARM_OF.search(text, max(0, words[0][0] - 60), words[0][0]) if links else None
    if harm is not None:
        return harm.span(1)  # "Casualties among North Korean troops have climbed to 6,000": casualties
    return words[0][0], words[-1][1]


# The harm of those the words after it name: "casualties among North Korean troops", "losses of the".
_HARM_OF = re.compile(
    r"\b((?i:casualties|losses|deaths|fatalities))[^\S\n]+(?:among|of|in)[^\S\n]+(?:the[^\S\n]+)?"
    r"(?:[A-Z][\w'’-]*[^\S\n]+){0,3}$"
)


_PLACE_BEFORE = re.compile(r"\b(?:at|in|on|near|along|across|inside|outside)\s+(?:the\s+)?$")


# (or a participle: "the number of confirmed deaths added each week reached 1,800")
_NUMBER_OF = re.compile(
    r"\b(?:number|total)\s+of\s+(?:[A-Za-z-]+\s+){0,2}?([a-z]+s)\s+(?:who|that|which|[a-z]+ed)\b"
)
# An aside that explains the noun before it, set off by commas, up to the verb that links the count.
_ASIDE = re.compile(
    r",[^\S\n]+(?:meaning|i\.e\.|that[^\S\n]+is|in[^\S\n]+other[^\S\n]+words|namely)[^\S\n]"
    r"[^,.;:\n]{1,60},(?=[^\S\n]+(?:[a-z]+[^\S\n]+){1,3}$)"
)
_HARM_BEFORE_ASIDE = re.compile(r"\b((?i:casualties|losses|deaths|fatalities))\b[^,.;:\n]*$")
_GROUPS = frozenset(_split("groups batches teams squads waves bands packs"))
# A body of people sent or moved together: the count after "a contingent of" counts its members, whom
# the text names nearby ("rotating the troops ... The first group of roughly 11,000 arrived": troops).
COLLECTIVES = frozenset(_split("group wave contingent batch rotation detachment tranche echelon cohort"))


_CALIBRE = re.compile(
    r"\s+\d[\d,]*(?:\.\d+)?(?:\s?-?(?:mm|millimetre|millimeter|cm|calibre|caliber)|-(?:foot|ft|ton|tonne|metre|meter|kg|kilogram|litre|liter|gallon))\b",
    re.IGNORECASE,
)  # ("20-foot containers", "300 40-ton containers": a size that names the kind, as a calibre does)
_NOUN_BEFORE_STOP = (
    _STOP
    | _LINKS
    | frozenset(
        _split(
            "number total figure tally count toll estimate estimates top average peak maximum minimum"
            " numbers numbered numbering overall"  # (a verb: "the third rotation ... numbers up to 6,000")
        )
    )
    # "the deaths added each week reached 1,500": a time is how often, not what is counted
    | frozenset(_split("day days night nights week weeks month months year years"))
)


class Counted(NamedTuple):
    unit: str
    start: int
    end: int


def _normalize(phrase: str) -> str:
    """Lower case, blank runs made one space, ends trimmed (``str.split`` and the regex ``\\s``
    know the same blanks; splitting is several times cheaper than a substitution)."""
    return " ".join(phrase.lower().split())


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


_COUNT_SUFFIX = re.compile(r"-(?:strong|odd|plus|some)(?![\w-])")
_CLOSING_QUOTES = frozenset('"”')


def noun_phrase(text: str, pos: int, limit: int, single: bool = False) -> tuple[int, int, int] | None:
    """(span start, unit start, end) of the noun phrase starting at ``pos``; None when there is none."""
    # Both patterns below begin with blanks, then a digit or "of": one space and a letter other than
    # "o" (the commonest case, "3,000 troops") rules both out without the regex engine.
    word_next = pos + 1 < limit and text[pos] == " " and text[pos + 1] in _ASCII_LETTERS
    calibre = None if word_next else _CALIBRE.match(text, pos, limit)
    if calibre:  # "3 million 152 mm shells"
        pos = calibre.end()
    if text.startswith("-", pos):
        suffix = _COUNT_SUFFIX.match(text, pos, limit)
        if suffix:  # "a 3,000-strong contingent", "the 300-odd vessels", "500-plus shells"
            pos = suffix.end()
            word_next = False
    elif (
        pos + 2 < limit and text[pos] in _CLOSING_QUOTES and text[pos + 1] == " " and text[pos + 2].isalpha()
    ):
        # "had sent "at least 14,000" soldiers": a quoted figure, then what it counts
        pos += 1
        word_next = True
    m = None if word_next and text[pos + 1] not in "oO" else _OF_LEAD.match(text, pos, limit)
    if m and _OF_PRONOUN.match(m.group()):
        return None  # "6,000 of them killed": no noun phrase, a predicate may follow
    cursor = m.end() if m else pos
    start: int | None = None
    unit_start: int | None = None
    end = cursor
    words = 0
    last_proper: tuple[int, int] | None = None  # the last capitalized word: "North Koreans"
    while words < 6:
        w = _WORD.match(text, cursor, limit)
        if not w:
            in_names = start is not None and (unit_start is None or words == 1)
            calibre = _CALIBRE.match(text, cursor, limit) if in_names else None
            if calibre:
                # "120 M-1991 240mm rocket launchers": a calibre after a model name (or after one
                # adjective: "400 standard 20-foot containers")
                cursor = end = calibre.end()
                continue
            break
        word = w.group(1)
        lower = word.lower()
        if lower in ("and", "or") and start is not None:
            nxt = _WORD.match(text, w.end(), limit)
            if nxt and unit_start is None and nxt.group(1)[0].isupper():
                cursor = w.end()  # "50 KN-23 and KN-24 missiles": names joined before the head noun
                continue
            if (
                nxt
                and unit_start is not None
                and nxt.group(1).lower() not in _STOP
                and nxt.group(1).lower() != "others"
                and _ADJECTIVE_END.search(text, unit_start, end)
            ):
                # "three central and eastern European countries": adjectives joined before the head
                # (a plural before "and" has already ended the phrase: "three soldiers and ...")
                cursor = w.end()
                continue
        if (
            lower in _STOP
            and not (start is None and lower in _LEADING)
            and not (len(word) > 1 and word.isupper())
        ):
            break  # (an acronym is a name: "300 IT workers")
        if start is None and lower in _LEADING:
            cursor = w.end()
            continue
        if start is None:
            start = w.start(1)
        if lower.endswith(("'s", "’s")) and unit_start is None:
            # a possessive determines the head that follows: "three of the company's directors"
            cursor = w.end()
            continue
        if (word[0].isupper() or word[0].isdigit()) and unit_start is None:
            # proper adjectives and model names stay out of the unit ("North Korean soldiers")
            cursor = end = w.end()
            words += 1
            last_proper = (w.start(1), w.end(1))
            if _PLURAL_NAME.fullmatch(word) and not head_follows(text, end, limit):
                break  # a plural demonym is the head: "12,000 North Koreans deployed to Kursk"
            continue
        if (
            unit_start is not None
            and lower.endswith("ed")
            and "-" not in lower
            and text[end - 2 : end] != "ly"
        ):
            break  # a verb after the head ("the 11,000-strong force suffered"), not "newly created"
        if unit_start is None and lower in _APPROXIMATORS:
            break  # "6 of the bridge's roughly 20 spans": the next count's qualifier, no noun
        if unit_start is None and _verb_before_its_complement(text, lower, w.end(), limit):
            break  # "7,887 entered on student visas", "fewer than 300 remain": a verb, no noun
        if unit_start is None:
            unit_start = w.start(1)
        cursor = end = w.end()
        words += 1
        if plural_word(lower) and lower in _PLURAL_MODIFIERS:
            nxt = _WORD.match(text, end, limit)
            if nxt and plural_word(nxt.group(1)) and nxt.group(1) not in _STOP and nxt.start(1) == end + 1:
                continue  # "200 munitions plants", "30 weapons systems": a plural noun before its head
        if plural_word(lower):
            tail = _LIST_TAIL.match(text, end, limit)
            if tail and all(plural_word(w) and w not in _STOP for w in _LIST_WORD.findall(tail.group())):
                end = tail.end()  # "50 individuals, entities and vessels": a mixed list counts all
            break
        if single and words >= 1 and not _continues(text, end, limit):
            break
        # a hyphen or comma ends the phrase
        if end < limit and text[end] in ',;:.!?)("”':
            break
    if start is not None and unit_start is None and last_proper is not None:
        # a plural demonym is the head itself: "100 North Koreans", "300 Ukrainians"
        proper = text[last_proper[0] : last_proper[1]]
        if proper.endswith("s") and proper[:1].isupper() and proper[1:].islower():
            return start, start, last_proper[1]
        if proper.endswith("s") and proper[:-1].isupper() and len(proper) > 2:
            return start, last_proper[0], last_proper[1]  # "2 North Korean POWs"
    if start is None or unit_start is None:
        return None
    return start, unit_start, end


# Plural nouns that modify the noun after them ("munitions plants", "arms factories").
_PLURAL_MODIFIERS = frozenset(_split("munitions arms weapons goods narcotics"))
# The other items of a list of plural nouns after the first ("individuals, entities and vessels"),
# not a new clause's subject ("and officials said") nor a noun of something else ("and parts of").
# (a comma before "and" only after another item: "2 entities, and builds on ..." is a new clause; the
# items are regular plurals: "three destroyers and aircraft" counts the destroyers)
_LIST_TAIL = re.compile(
    r"(?:(?:,[^\S\n]+[a-z]+s)+,?)?[^\S\n]+(?:and|or)[^\S\n]+[a-z]+s"
    r"(?![\w'’-]|[^\S\n]+(?:of|said|say|told)\b)"
)
_LIST_WORD = re.compile(r"(?<![\w'’-])(?!and\b|or\b)[a-z]+")


# Participles that say what became of those counted: they stay what the count counts ("12,000
# deployed to Russia", "120 displaced by the floods").
_STATE_PARTICIPLES = frozenset(
    _split("deployed stationed dispatched evacuated displaced arrested executed rescued repatriated released")
)
_APPROXIMATORS = frozenset(_split("roughly nearly approximately almost around about some"))
# Verbs that follow a count of people with no noun ("fewer than 300 remain in the city", "fewer
# than 7,000 remained fit for combat", "12 remain unaccounted for").
_BARE_VERBS = frozenset(_split("remain stay live work arrive return remained stayed"))


def _verb_before_its_complement(text: str, word: str, end: int, limit: int) -> bool:
    """A past verb ("entered") before a function word, or one of ``_BARE_VERBS`` there or at the end
    of its clause, as the first word after a count: no noun follows it ("12 armed drones"), and it
    says no more than what the count is ("15,000 deployed." keeps its participle)."""
    bare = word in _BARE_VERBS
    if not (bare or (word.endswith("ed") and "-" not in word)) or word in _STATE_PARTICIPLES:
        return False
    after = _WORD.match(text, end, limit)
    if after is None or text[end : after.start(1)].strip() != "":
        return bare
    if bare:
        # a noun of its own only before a plural it qualifies ("500 work permits", "30 returned
        # prisoners"); else the verb of the count ("remain unaccounted for", "remained fit")
        return not plural_word(after.group(1).lower())
    if after.group(1)[0].isupper() and not bare:
        # "1,200 visited Wonsan-Kalma resort": a name and no plural after it is the verb's object
        # ("300 trained North Korean soldiers" counts the soldiers)
        while after is not None and after.group(1)[0].isupper():
            after = _WORD.match(text, after.end(), limit)
        return after is None or not after.group(1).endswith("s") or after.group(1).lower() in _STOP
    return after.group(1).lower() in _STOP


def _continues(text: str, pos: int, limit: int) -> bool:
    w = _WORD.match(text, pos, limit)
    return bool(w and w.group(1).lower() not in _STOP and w.group(1)[0].islower())


_SENTENCE_STOPS = ".;!?\n"


def _sentence_stop(text: str, start: int, limit: int) -> int:
    """The first of ``.;!?`` or a newline in ``text[start:limit]`` that a blank or the limit follows
    (the regex ``[.;!?\\n](?:\\s|$)`` searched there), else -1. A search for each character is
    several times cheaper than a pattern that begins with a character class."""
    best = -1
    bound = limit  # later stops need only be looked for before the first one found
    for stop in _SENTENCE_STOPS:
        i = text.find(stop, start, bound)
        while i >= 0 and ((i + 1 < limit and not text[i + 1].isspace()) or _initials_end(text, i)):
            i = text.find(stop, i + 1, bound)
        if i >= 0:
            best = bound = i
    return best


def _initials_end(text: str, i: int) -> bool:
    """Whether the period at ``i`` closes dotted initials ("U.S.", "U.N."), which end no sentence."""
    return (
        i >= 3 and text[i] == "." and text[i - 1].isupper() and text[i - 2] == "." and text[i - 3].isupper()
    )


_CLAUSE_PUNCT = re.compile(r"[,;:]")
# A cheap test before the predicate patterns: one of their stems in the lower-cased window.
# (Looked for as substrings: a regex alternation of literals tries its set of first letters at every
# position of the window, which costs several times more than these few substring searches.)
_PREDICATE_STEMS = (
    "kill",
    "wound",
    "injur",
    "dead",
    "died",
    "captur",
    "missing",
    "execut",
    "detain",
    "slain",
    "hurt",
    "taken",
)


# The first two letters of a participle of _PREDICATE (a cheap test before the pattern).
_PREDICATE_HEADS = frozenset({"ki", "wo", "in", "de", "di", "ca", "mi", "ex", "sl", "hu", "ta"})


# A line of a tally ("tanks - 9,706 (+6),", "personnel — about 848,390 (+1,150) persons", "Tanks – 2"):
# its label and the dash or colon before the count.
TALLY_LABEL = re.compile(
    r"[^\S\n]*+(?:[-•*·][^\S\n]*+)?(?P<label>[^\W\d_][\w'’-]*+(?:[^\S\n]++[\w'’/-]++){0,5}?)"
    r"(?:[^\S\n]+[-–—‒]|[^\S\n]*[—‒:])[^\S\n]*+(?:(?:about|approximately|around|over|some)[^\S\n]++)?"
)  # (the General Staff's own posts set the figure dash "‒" between label and count)


def counted_noun(
    text: str, num_start: int, num_end: int, value: float | None, qualified: bool = False
) -> Counted | None:
    """What the figure spanning ``[num_start, num_end)`` counts, with the span that names it.

    ``qualified``: the figure opens with a qualifier, which may itself link it to a noun before it
    ("losses exceeding 4,000").
    """
    limit = min(len(text), num_end + 160)
    # Stop at the end of the sentence.
    stop = _sentence_stop(text, num_end, limit)
    if stop >= 0:
        limit = stop
    eol = text.find("\n", num_end, limit)
    if eol >= 0:
        line_start = text.rfind("\n", 0, num_start) + 1
        if ": " in text[line_start:num_start] or TALLY_LABEL.fullmatch(text, line_start, num_start):
            # a value after a label and a colon or a dash ends its line, the next line is another
            # entry ("Shells transferred: 12 million+" / "Missiles transferred: 250", "Tanks – 2" /
            # "Armoured vehicles – 5"), however wrapped prose is
            limit = eol
    # A participle right after the number is what it counts ("3,700 killed or wounded"), not the head
    # of a noun phrase ("killed") that the rest of the predicate would then miss.
    pred = (
        _PREDICATE.match(text, num_end, limit)
        if text[num_end + 1 : num_end + 3] in _PREDICATE_HEADS
        else None
    )
    if pred and head_follows(text, pred.end(), limit):
        pred = None  # a participle before its noun modifies it: "three captured tanks"
    phrase = None if pred else noun_phrase(text, num_end, limit, single=value == 1)
    after = phrase[2] if phrase else num_end

    window = "" if pred else text[after : min(limit, after + 90)].lower()
    if any(stem in window for stem in _PREDICATE_STEMS):
        pred = _PREDICATE.match(text, after, limit)
        if pred is None and phrase is not None:
            pred = _CLAUSE_PREDICATE.match(text, after, limit)
            if pred and _CLAUSE_PUNCT.search(text, after, pred.start("p")):
                pred = None
    if pred is not None:
        p = pred.group("p")
        unit = _normalize(p)
        if unit.startswith(("taken", "captured")):  # "two soldiers captured by Ukraine": soldiers captured
            noun = _normalize(text[phrase[1] : phrase[2]]) if phrase else ""
            start = phrase[0] if phrase else pred.start("p")
            return Counted(f"{noun} captured".strip(), start, pred.end("p"))
        return Counted(unit, pred.start("p"), pred.end("p"))

    if phrase is not None and text[phrase[1] : phrase[2]].lower() in _CLASSIFIERS:
        # "220 units of 170 mm howitzers": the classifier counts what follows "of"
        of = _OF_AFTER_CLASSIFIER.match(text, phrase[2], limit)
        counted = noun_phrase(text, of.end() - 1, limit) if of else None
        if counted is not None:
            phrase = (phrase[0], counted[1], counted[2])
    if phrase is not None:
        span_start, unit_start, end = phrase
        noun = _normalize(text[unit_start:end])
        prisoner = _PRISONER_AFTER.match(text, end, limit)
        if prisoner and any(
            t[0] in ("took", "taken", "take", "taking", "captured", "held")
            for t in tail_words(text, num_start, 4, 60)
        ):
            return Counted(f"{noun} captured", span_start, prisoner.end())
        # Only the last word before the number matters unless it is a filler ("the capture of").
        toks = tail_words(text, num_start, 1, 60)
        if toks and toks[-1][0] in _FILLER:
            toks = tail_words(text, num_start, 4, 60)
        cue = _cue_before(toks)
        if (
            cue
            and cue[0] == "capture"
            and text.startswith(("hold", "held"), cue[1])
            and not _held_people(noun)
        ):
            cue = None  # "containers holding 12 million shells": what holds them contains them
        if cue and cue[0] == "capture":
            # "the capture of two soldiers" -> "soldiers captured"; "two prisoners" stays "prisoners"
            already = _CAPTIVE.search(noun)
            head = noun.split()
            if len(head) > 1 and _PARTICIPLE_WORD.fullmatch(head[0]):
                # "captured two wounded North Korean soldiers": soldiers captured, named by the verb
                # (the span left out "wounded", which would make them casualties)
                verb = _WORD.match(text, cue[1], limit)
                return Counted(f"{head[-1]} captured", cue[1], verb.end(1) if verb else end)
            return Counted(noun if already else f"{noun} captured", cue[1], end)
        if cue:
            harm = _harm_unit(text[cue[1] : cue[1] + 12]) if noun == "others" else None
            # "killed 247 people and wounded more than 5,000 others": the others are the wounded
            return Counted(harm or noun, cue[1], end)
        return Counted(noun, span_start, end)

    # (six words: "Casualties have climbed to an estimated 6,000")
    toks = tail_words(text, num_start, 6, 70)
    if "toll" in text[max(0, num_start - 60) : num_start]:
        toll = _TOLL_BEFORE.search(text, max(0, num_start - 80), num_start)
        if toll is not None:
            # "put the death toll at around 600": the dead; "puts the toll higher, at up to 6,000" (of
            # the killed or wounded a count before it told): war reporting's toll is its casualties
            # (before a noun between: "the toll from the strike has risen to 23" counts no strikes)
            unit = "deaths" if (toll.group("kind") or "").lower() == "death" else "casualties"
            return Counted(unit, toll.start(), toll.end("toll"))
    found = _noun_before(text, toks, qualified)
    if found is None and toks and "," in text[toks[0][1] : num_start]:
        aside = _ASIDE.search(text, max(0, num_start - 120), num_start)
        if aside is not None:
            # "overall casualties, meaning killed and wounded, are estimated at around 6,000": the
            # noun before the aside that explains it
            # ("overall casualties in Russia's war against Ukraine, meaning killed and wounded, ...":
            # the harm the aside explains, before any noun after it)
            harm = _HARM_BEFORE_ASIDE.search(text, max(0, aside.start() - 60), aside.start())
            after = [t for t in toks if t[1] >= aside.end()]
            found = (
                harm.span(1)
                if harm is not None
                else _noun_before(
                    text, tail_words(text, aside.start(), 6 - len(after), 70) + after, qualified
                )
            )
    if found:
        return Counted(_normalize(text[found[0] : found[1]]), found[0], found[1])
    if text.endswith(_THE_ENDS, 0, num_start):
        many = _IN_THE_MANY.search(text, max(0, num_start - 50), num_start)
        if many is not None and plural_word(many.group("noun").lower()):
            # "shipped shells in the millions", "losses "in the low thousands"": the noun before
            return Counted(_normalize(many.group("noun")), many.start("noun"), many.end("noun"))
    if toks and toks[-1][0][-1:] not in _SENTENCE_STOPS:
        # "killed 259 people and injured more than 5,500": the verb says what is counted (in the
        # figure's sentence: "...were wounded. At least seven" is not seven wounded)
        word, start, _ = toks[-1]
        word = word.strip(",.;:\"'“”‘’()")
        harm = _harm_unit(word)
        if harm:
            pair = (
                _HARM_PAIR_LABEL.search(text, max(0, start - 24), num_start)
                if toks[-1][0][-1:] == ":"
                else None
            )
            first = _harm_unit(pair.group(1)) if pair else None
            if pair and first:  # "Killed or wounded: ~6,000": the label's pair
                return Counted(f"{first} {pair.group(2).lower()} {harm}", pair.start(), start + len(word))
            return Counted(harm, start, start + len(word))
    return None


# A toll and the words that link it to its count ("toll" alone is no noun a count counts).
_TOLL_BEFORE = re.compile(
    r"\b(?:(?P<kind>death|casualty)[^\S\n]+)?(?P<toll>toll)(?:[^\S\n]+(?:even[^\S\n]+)?(?:higher|lower),?)?"
    # (where or from what: "Death toll in Dnipro rises to 5", "the toll from the strike has risen to 9")
    r"(?:[^\S\n]+(?:in|from)(?:[^\S\n]+(?:the|a|an|[A-Za-z][\w'’-]*)){1,3}?(?=[^\S\n]+(?:has|had|now|rose|rises|climbed|climbs|risen|reached|stands|stood|is|was)\b))?"
    r"(?:[^\S\n]+(?:has|had|have|now|already))*"
    r"[^\S\n]+(?:at|of|to|was|is|stood|stands|reached|rose|climbed|hit|risen|climbed[^\S\n]+to|rose[^\S\n]+to"
    r"|risen[^\S\n]+to|rises[^\S\n]+to|climbs[^\S\n]+to|reached)[^\S\n]+$",
    re.IGNORECASE,
)


# A count told as the size of a noun before it: "shells in the millions", "losses "in the low
# thousands"" (the vague count follows "the").
_THE_ENDS = ("the ", 'the "', "the “", "low ", "high ")
_IN_THE_MANY = re.compile(
    r"(?<![\w-])(?P<noun>[A-Za-z][a-z-]*[a-z])[\"”]?[^\S\n]+[\"“]?(?:numbering[^\S\n]+)?in[^\S\n]+the"
    r"(?:[^\S\n]+(?:low|high|mid))?[^\S\n]+[\"“]?$"
)


# A label naming a pair of harms before a colon and the count: "Killed or wounded: ~6,000".
_HARM_PAIR_LABEL = re.compile(r"\b([A-Za-z]+)\s+(or|and)\s+[A-Za-z]+:[^\S\n]*[~≈]?$")


def harm_predicate(text: str, pos: int, limit: int) -> tuple[str, int, int] | None:
    """The casualty predicate right after ``pos`` ("soldiers| killed or wounded had exceeded"): what a
    count of them counts, with its span (a capture keeps its noun, so none here)."""
    pred = _PREDICATE.match(text, pos, limit) if text[pos + 1 : pos + 3] in _PREDICATE_HEADS else None
    if pred is None or pred.group("p").lower().startswith(("taken", "captured")):
        return None
    return _normalize(pred.group("p")), pred.start("p"), pred.end("p")


def _harm_unit(word: str) -> str | None:
    """ "wounding", "wounded" -> "wounded": the participle counted by the verb of harm that ``word``
    begins with, if it begins with one."""
    m = _HARM_VERB.match(word)
    return m.group(1).lower() + "ed" if m else None
