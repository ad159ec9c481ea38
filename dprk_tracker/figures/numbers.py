"""Numbers: digits, number words, scales and the broadcast mixtures of both, with their spans.

``find_numbers(text)`` returns every number in a text with its value and span and a few facts the
recognizer needs (was it scaled, written in words, a bare digit string). It knows nothing of
qualifiers, currencies or what is counted: that is ``recognize``'s job.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    text = resources.files("dprk_tracker.figures").joinpath("vocabulary.toml").read_text("utf-8")
    return tomllib.loads(text)


def alternation(words: list[str] | tuple[str, ...] | Any) -> str:
    """A regex matching any of the literal words, longest first, written as a trie.

    Shared prefixes are factored out ("thousand|thirty" -> "th(?:ousand|irty)"), which the regex
    engine walks much faster than a flat alternation. A space matches any run of blanks.
    """
    root: dict[str, dict] = {}
    for word in {w for w in words if w}:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root) or "(?!)"


class Number(NamedTuple):
    """A number of the text. A named tuple: immutable, and several times cheaper to build than a
    frozen dataclass (thousands are made per article)."""

    value: float
    start: int
    end: int
    words: bool  # written at least partly in words ("two", "27-hundred")
    scaled: bool  # carries a scale word or letter ("million", "bn", "k")
    digits: str | None  # the bare digit string when the number is only that ("2024", "045")
    grouped: bool = False  # written with thousands separators ("10,000")
    decimal: bool = False
    scale_letter: str | None = None  # a glued single-letter scale ("10m"): may be a unit instead
    factor: float = 1.0  # the scale the number ends with ("3 to 4 million" shares it)


# Digit forms. Thousands groups with commas, Indian groups, thin/plain spaces (exactly three digits,
# not followed by a digit, a letter or a calibre: "423 0000", "890 122mm" and "250 170 mm guns" are two
# numbers), European
# "1.111,11"; then decimals. A comma decimal ("1,3") takes one or two digits and must not continue a
# list ("22,24,26").
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\dA-Za-z]|[ \u00a0]?-?(?:mm|cm|millimet))"
    r"|\d{1,3}(?:\.\d{3})+,\d+(?![\d,])|\d+)"
    r"(?:\.\d+|,\d{1,2}(?![\d,]))?"
    r"|\.\d+"
)


def _build() -> dict[str, Any]:
    v = vocabulary()
    units: dict[str, int] = v["units"]
    tens: dict[str, int] = v["tens"]
    scales: dict[str, int] = v["scales"]
    abbreviations: dict[str, int] = v["scale_abbreviations"]
    word_values: dict[str, tuple[str, float]] = {}
    for word, value in units.items():
        word_values[word] = ("teen" if value >= 10 else "unit", float(value))
    for word, value in tens.items():
        word_values[word] = ("tens", float(value))
    for word, value in scales.items():
        word_values[word] = ("hundred" if value == 100 else "big", float(value))
    for word in ("dozen", "dozens", "dz", "dzs", "doz", "dozs"):
        word_values[word] = ("dozen", 12.0)
    for word in ("a", "an"):
        word_values[word] = ("a", 1.0)
    word_values["half"] = ("frac", 0.5)
    word_values["quarter"] = ("frac", 0.25)
    word_values["and"] = ("and", 0.0)
    word_values["point"] = ("point", 0.0)
    word_values["minus"] = ("minus", 0.0)
    word_values["negative"] = ("minus", 0.0)

    numeric_words = alternation([*units, *tens, *scales, "dozens", "dozen", "dzs", "dozs"])
    abbr = alternation(abbreviations)
    glued = alternation(v["scale_glued"])
    # A digit number with an optional scale: a spaced or glued abbreviation ("10 bln", "1.5bn"), or a
    # glued single letter ("10k", "10M", "1.2b").
    digit_atom = (
        rf"(?:(?<![\d.])(?:{_DIGITS})"
        rf"(?:\s?(?:{abbr})(?![\w])|(?:{glued})(?![\w])|[kKmMbBgGtT](?![\w])|\s[KMGBT](?![\w.-]))?)"
    )
    word_atom = rf"(?<![\w'’])(?:{numeric_words})(?![\w’']|-(?:th|st|nd|rd)\b)"
    lead = (
        r"(?:(?<![\w-])(?:a|an|half|a\s+half|a\s+quarter|quarter|half\s+a|half\s+an)"
        r"(?=\s+(?:hundred|thousand|million|billion|trillion|dozen)\b))"
    )
    # Blanks are read possessively (*+, ++) wherever what follows cannot begin with a blank: the
    # match is the same, but a miss after a long run of blanks (a document's empty lines) fails at
    # once instead of giving the blanks back one by one and retrying every alternative.
    joiner = r"(?:\s*+-\s*+|\s++(?:and\s++(?:an?\s++)?)?|\s*+&\s*+)"
    atom = rf"(?:{digit_atom}|{word_atom}|{lead})"
    # "and a half" / "point five" continue a number; "minus"/"negative" open one.
    tail = rf"(?:\s++and\s++an?\s++(?:half|quarter)(?![\w])|\s++point\s++(?:{numeric_words})(?![\w]))"
    # (a dash after a percent sign joins a range: "0.5%-0.7%" is no minus 0.7)
    chunk = re.compile(
        rf"(?:(?:\b(?:minus|negative)\s+)|(?<![\w%-])-\s?(?=\d))?{atom}(?:{joiner}{atom}|{tail})*",
        re.IGNORECASE,
    )
    token = re.compile(
        rf"(?P<dig>{_DIGITS})(?P<abbr>\s?(?:{abbr})(?![\w])|(?:{glued})(?![\w])|[kKmMbBgGtT](?![\w])"
        r"|\s[KMGBT](?![\w.-]))?"
        r"|(?P<word>[A-Za-z]+)|(?P<dash>-)",
        re.IGNORECASE,
    )
    letters = {k.lower(): float(x) for k, x in v["scale_letters"].items()}
    # Where a number, a vague count or a "-fold" may begin; parsing then runs only at those places.
    vague_heads = "dozens scores hundreds thousands millions billions trillions tens several many few".split()
    fold_words = list(FOLD_VALUES)
    scan_words = [*vague_heads, *fold_words, *units, *tens, *scales, "dozen", "dozens"]
    # Two scanners, merged by position in candidates(). Each begins with a character class, so the
    # regex engine skips in C to the next place worth trying instead of trying the pattern at every
    # position (a leading lookbehind or word boundary would make it do that). Digits: a digit that
    # no digit or point precedes, or a point before a digit.
    scan_digits = re.compile(r"[\d.](?:(?<=\d)(?<![\d.]\d)|(?<=\.)(?<![\d.]\.)\d)")
    # Words: a case-sensitive alternation (much faster than IGNORECASE) of the words, each as its
    # first letter (either case) and a trie of the rest (shared prefixes factored out, which the
    # engine walks far faster than a flat alternation), after a character that is no part of a word.
    # The caller tells vague counts and "-fold" words apart by the word.
    words = "|".join(
        f"{c}{rest}"
        for first, rest in _rests_by_first_letter(scan_words).items()
        for c in (first, first.upper())
    )
    scan_words_after = re.compile(rf"\W((?:{words})(?:fold)?)\b")
    scan_word_at = re.compile(rf"(?<!\w)(?:{words})(?:fold)?\b")  # where scanning begins
    left = re.compile(
        r"(?:(?<![\w%-])-\s?|(?<![\w])(?:minus|negative)\s+"
        r"|(?<![\w-])(?:a|an|half|a\s+half|a\s+quarter|quarter|half\s+a|half\s+an)\s+)$",
        re.IGNORECASE,
    )
    # What may continue a digit number into a longer chunk: a joiner, a scale, a glued letter.
    continues = (
        rf"\s*+(?:-|–|&)|\s++(?:and|point)\s|\s*+(?:{abbr}|{numeric_words})(?![\w])"
        r"|[A-Za-z]|\s[KMGBT](?![\w.-])"
    )
    # The fast paths: digits, or a lone cardinal word (its own word boundaries checked by the
    # scanner), that nothing after them continues. The atomic group keeps the number as read.
    lone_digits = re.compile(rf"(?>{_DIGITS})(?!{continues})", re.IGNORECASE)
    lone_word = re.compile(
        rf"(?>(?:{alternation([*units, *tens])})(?![\w'’-]))(?!{continues})", re.IGNORECASE
    )
    return {
        "lone_digits": lone_digits,
        "lone_word": lone_word,
        "vague_heads": frozenset(vague_heads),
        "fold_words": frozenset(fold_words),
        "scan_digits": scan_digits,
        "scan_words_after": scan_words_after,
        "scan_word_at": scan_word_at,
        # The scan words as tokens of a word shadow (see candidates), alone and with "-fold".
        "scan_forms": frozenset(f.lower().encode("ascii") for w in scan_words for f in (w, w + "fold")),
        "left": left,
        "chunk": chunk,
        "token": token,
        "word_values": word_values,
        "abbr": {k.lower(): float(x) for k, x in {**abbreviations, **v["scale_glued"]}.items()},
        "letters": letters,
    }


@lru_cache(maxsize=1)
def tables() -> dict[str, Any]:
    return _build()


# The words "-fold" makes multipliers of ("threefold", "twelvefold", "a hundredfold") and their values.
FOLD_VALUES: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "thousand": 1000,
}  # fmt: skip


@dataclass(slots=True)
class _Tok:
    kind: str  # dig unit teen tens hundred big dozen a frac and point minus dash
    value: float
    start: int
    end: int
    text: str
    scale: float = 1.0  # a glued/abbreviated scale on a digit token
    letter: str | None = None
    grouped: bool = False
    decimal: bool = False
    joined: bool = False  # right after "-" or "and": "four-thousand-100", "two thousand and 5"


_EUROPEAN = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")  # 1.111,11
_COMMA_DECIMAL = re.compile(r",\d{1,2}$")  # 1,5
_COMMA_GROUP = re.compile(r",\d{3}")


def _digit_value(raw: str) -> tuple[float, bool, bool]:
    """Value, grouped?, decimal? of a digit string in any of the accepted separator styles."""
    if raw.isdigit():
        return float(raw), False, False
    if raw[-4:-3] == "," and raw.replace(",", "").isdigit():
        return float(raw.replace(",", "")), True, False  # "3,000", "12,34,567": what the rules below read
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    grouped = False
    if _EUROPEAN.fullmatch(s):
        return float(s.replace(".", "").replace(",", ".")), True, True
    if _COMMA_DECIMAL.search(s) and not _COMMA_GROUP.search(s[:-3] + "xxx") and s.count(",") == 1:
        # "1,5"; "435 329,3" (French: blanks group the thousands)
        return float(s.replace(" ", "").replace(",", ".")), " " in s, True
    if "," in s or " " in s:
        grouped = True
        s = s.replace(",", "").replace(" ", "")
    if s.count(".") > 1:  # "29.378.939": dots group the thousands (German, Spanish)
        return float(s.replace(".", "")), True, False
    return float(s), grouped, "." in s


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    t = tables()
    out: list[_Tok] = []
    for m in t["token"].finditer(text, start, end):
        if m.group("dig"):
            if len(m.group("dig")) > 24:  # a digit string this long is an identifier, not a count
                out.append(_Tok("other", 0.0, m.start(), m.end(), m.group()))
                continue
            value, grouped, decimal = _digit_value(m.group("dig"))
            tok = _Tok("dig", value, m.start(), m.end(), m.group(), grouped=grouped, decimal=decimal)
            abbr = m.group("abbr")
            if abbr:
                key = abbr.strip().lower()
                if len(abbr.strip()) == 1:
                    tok.letter = abbr.strip()
                    tok.scale = t["letters"].get(key, 1.0)
                else:
                    tok.scale = t["abbr"].get(key, 1.0)
            tok.joined = bool(out) and out[-1].kind in ("dash", "and")
            out.append(tok)
        elif m.group("word"):
            word = m.group("word").lower()
            kind, value = t["word_values"].get(word, ("other", 0.0))
            out.append(_Tok(kind, value, m.start(), m.end(), m.group()))
        else:
            out.append(_Tok("dash", 0.0, m.start(), m.end(), "-"))
    return out


class _State:
    __slots__ = (
        "big",
        "count",
        "decimal",
        "dig_only",
        "end",
        "factor",
        "group",
        "grouped",
        "hund",
        "last",
        "last_big",
        "letter",
        "neg",
        "scaled",
        "small",
        "start",
        "words",
    )

    def __init__(self, start: int) -> None:
        self.start = start
        self.end = start
        self.big = 0.0  # closed groups ("two thousand" in "two thousand three")
        self.group = 0.0  # hundreds part of the open group
        self.small = 0.0  # below-hundred part of the open group
        self.hund = False
        self.last = ""  # kind of the last accepted token
        self.last_big = float("inf")
        self.neg = False
        self.words = False
        self.scaled = False
        self.dig_only = True
        self.grouped = False
        self.decimal = False
        self.letter: str | None = None
        self.count = 0  # accepted value tokens
        self.factor = 1.0

    def copy(self) -> _State:
        other = _State(self.start)
        for name in self.__slots__:
            setattr(other, name, getattr(self, name))
        return other

    @property
    def value(self) -> float:
        v = self.big + self.group + self.small
        return -v if self.neg else v


def _accept(st: _State, tok: _Tok, nxt: _Tok | None) -> bool:
    """Apply ``tok`` to the state if the grammar allows it; return whether it did."""
    k = tok.kind
    open_part = st.group + st.small
    if k == "dig":
        if st.count == 0:
            st.small = tok.value * tok.scale
            st.scaled = tok.scale != 1.0
            st.factor = tok.scale
            st.letter = tok.letter
            st.grouped, st.decimal = tok.grouped, tok.decimal
            st.words = False
        elif (
            tok.scale == 1.0
            and tok.value == int(tok.value)
            and (
                (st.last == "hundred" and st.small == 0 and tok.value < 100)
                or (
                    st.last == "big"
                    and open_part == 0
                    and tok.value < min(st.last_big, 1000)
                    and (tok.joined or (nxt is not None and nxt.kind in ("hundred", "big")))
                )
            )
        ):
            st.small = tok.value
        else:
            return False
        st.dig_only = st.dig_only and st.count == 0
    elif k in ("unit", "teen", "tens"):
        if st.count == 0:
            st.small = tok.value
        elif st.last == "tens" and k == "unit" and st.small % 10 == 0 and st.small >= 20 and tok.value > 0:
            st.small += tok.value
        elif st.last in ("hundred", "big") and st.small == 0 and (st.last != "big" or open_part == 0):
            st.small = tok.value
        else:
            return False
        st.words = True
        st.dig_only = False
    elif k == "hundred":
        if st.hund or st.last in ("hundred",):
            return False
        if st.count == 0 and st.last != "a":
            return False  # a lone "hundred" is not a count
        base = st.small if st.count else 1.0
        if st.last == "a":
            base = st.small or 1.0
        if base == 0 or (st.count and st.last not in ("dig", "unit", "teen", "tens", "a", "frac")):
            return False
        st.group, st.small, st.hund = base * 100, 0.0, True
        st.factor = 100.0
        st.words = True
        st.scaled = True
        st.dig_only = False
    elif k == "big":
        base = open_part
        if st.last == "big" and base == 0 and tok.value > st.last_big:  # "three lakh crore"
            st.big *= tok.value
            st.last_big = tok.value
            st.factor *= tok.value
        else:
            if st.last == "a" or (st.last == "frac" and base == 0):
                base = st.small or 1.0
            if base == 0 or tok.value >= st.last_big:
                return False
            st.big += base * tok.value
            st.group = st.small = 0.0
            st.hund = False
            st.last_big = tok.value
            st.factor = tok.value
        st.words = True
        st.scaled = True
        st.dig_only = False
    elif k == "dozen":
        if st.last in ("a", "frac"):
            st.small = (st.small or 1.0) * 12
        elif st.last in ("dig", "unit", "teen", "tens") and st.small:
            st.small *= 12
        else:
            return False
        st.words = True
        st.dig_only = False
    elif k == "a":
        if (
            st.last == "frac"
            and st.count == 1
            and nxt is not None
            and nxt.kind in ("hundred", "big", "dozen")
        ):
            st.end = tok.end  # "half a million"
            return True
        if st.count or (nxt is None or nxt.kind not in ("hundred", "big", "dozen")):
            return False
        st.small = 1.0
        st.last = "a"
        st.end = tok.end
        return True
    elif k == "frac":
        # "half a million", "half million", "a quarter million"
        if st.count == 0 or st.last == "a":
            st.small = tok.value
            st.last = "frac"
            st.end = tok.end
            st.count += 1
            st.words = True
            return True
        return False
    else:
        return False
    if k in ("unit", "teen", "tens") or (k == "dig" and st.count):
        st.factor = 1.0 if st.count else st.factor
    st.last = k
    st.end = tok.end
    st.count += 1
    return True


_SMALL = frozenset(("dig", "unit", "teen", "tens"))


def _plain_digits(tok: _Tok) -> bool:
    return tok.kind == "dig" and tok.scale == 1.0 and tok.letter is None


def _parse_tokens(toks: list[_Tok]) -> list[Number]:
    """Split a chunk's tokens into numbers by the grammar of English cardinals."""
    # The two commonest chunks take a shortcut to what the grammar below makes of them.
    if len(toks) == 2 and _plain_digits(toks[0]) and toks[1].kind == "big" and toks[0].value:
        # "540 million"
        d, scale = toks
        return [
            Number(
                d.value * scale.value,
                d.start,
                scale.end,
                True,
                True,
                None,
                d.grouped,
                d.decimal,
                None,
                scale.value,
            )
        ]
    if all(_plain_digits(t) or t.kind in ("dash", "and") for t in toks):
        # "13-0", "1,000-3,000", "2005 and 2007": digits joined by dashes or "and" are so many numbers
        return [
            Number(t.value, t.start, t.end, False, False, t.text, t.grouped, t.decimal)
            for t in toks
            if t.kind == "dig"
        ]
    numbers: list[Number] = []
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        if tok.kind in ("and", "dash", "other", "point", "frac") and not (
            tok.kind == "frac" and i + 1 < n and toks[i + 1].kind in ("a", "big", "hundred", "dozen")
        ):
            i += 1
            continue
        first = i
        st = _State(tok.start)
        if tok.kind == "minus":
            st.neg = True
            i += 1
            if i >= n:
                break
        # The state before the last accepted token when it was a small number after a scale: the
        # only state a rollback needs ("3 hundred and 2 hundred"). _accept never changes the
        # state when it refuses a token, so nothing else is copied.
        snapshot: _State | None = None
        j = i
        while j < n:
            cur = toks[j]
            if cur.kind in ("and", "dash"):
                if st.count == 0:
                    break
                if cur.kind == "and" and j + 2 < n and toks[j + 1].kind == "a" and toks[j + 2].kind == "frac":
                    # "one and a half", "3 million and a half"
                    snapshot = None
                    frac = toks[j + 2].value
                    st.end = toks[j + 2].end
                    if (
                        st.last == "big"
                        and j + 3 < n
                        and toks[j + 3].kind == "big"
                        and toks[j + 3].value < st.last_big
                    ):
                        frac *= toks[j + 3].value  # "one billion and a half million"
                        st.end = toks[j + 3].end
                        j += 1
                    elif st.last == "big":
                        frac *= st.last_big
                    st.small += frac
                    st.decimal = True
                    st.last = "frac"
                    j += 3
                    continue
                j += 1
                continue
            if cur.kind == "point" and st.count and st.last in ("unit", "teen", "tens", "hundred", "big"):
                digits = ""
                k = j + 1
                while k < n and toks[k].kind in ("unit", "teen", "tens"):
                    value = int(toks[k].value)
                    # "point seventy-one": a tens word and its unit make two digits
                    if (
                        toks[k].kind == "tens"
                        and k + 2 < n
                        and toks[k + 1].kind == "dash"
                        and toks[k + 2].kind == "unit"
                    ):
                        value += int(toks[k + 2].value)
                        k += 2
                    digits += str(value)
                    k += 1
                if not digits:
                    break
                snapshot = None
                st.small += float("0." + digits)
                st.end = toks[k - 1].end
                st.decimal = True
                st.last = "point"
                j = k
                continue
            nxt = toks[j + 1] if j + 1 < n else None
            small_after_scale = cur.kind in _SMALL and st.last in ("hundred", "big")
            before = st.copy() if small_after_scale else None
            if not _accept(st, cur, nxt):
                # "3 hundred and 2 hundred": the small number opens the next figure.
                if cur.kind in ("hundred", "dozen", "big") and snapshot is not None:
                    st = snapshot
                break
            snapshot = before
            j += 1
        if (
            st.count == 0
            or st.last == "a"
            or (toks[i].kind == "frac" and st.count == 1)
            or not math.isfinite(st.value)
        ):
            i = max(j, first + 1)
            continue
        numbers.append(
            Number(
                value=st.value,
                start=st.start,
                end=st.end,
                words=st.words,
                scaled=st.scaled,
                digits=toks[i].text if st.dig_only and st.count == 1 and not (st.scaled or st.neg) else None,
                grouped=st.grouped,
                decimal=st.decimal,
                scale_letter=st.letter,
                factor=st.factor,
            )
        )
        # resume at the first token after the number
        i = first + 1
        while i < n and toks[i].start < st.end:
            i += 1
    return numbers


def _rests_by_first_letter(words: list[str]) -> dict[str, str]:
    """For each first letter of the words, a regex (a trie) for the rest of the words it begins."""

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    by_first: dict[str, dict] = {}
    for word in set(words):
        node = by_first.setdefault(word[0], {})
        for ch in word[1:]:
            node = node.setdefault(ch, {})
        node[""] = {}
    return {first: emit(node) for first, node in sorted(by_first.items())}


# Byte maps for the shadows of a text (see ``candidates``). Each byte stands for one character.
# Word shadow: ASCII letters lower-cased, digits and "_" kept (they are part of a word), the rest a
# blank. Digit shadow: every digit "0", the point kept, the rest a blank.
_WORD_SHADOW = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 or c == 95 else 32 for c in range(256)
)
_DIGIT_SHADOW = bytes(48 if 48 <= c <= 57 else 46 if c == 46 else 32 for c in range(256))
# Past one "?" or non-ASCII character in this many, the regex scanners are cheaper than checking
# each of them.
_NON_ASCII_SHARE = 8


def candidates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, text) of every place in ``text[start:end]`` where a number, a vague count or a
    "-fold" word may begin, in order (see the scanners in ``_build``). They never overlap."""
    t = tables()
    end = len(text) if end is None else end
    if start == 0 and end == len(text):
        found = shadow_candidates(text, t)
        if found is not None:
            return found
    return scanned_candidates(text, start, end)


def scanned_candidates(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``candidates`` as the scanners find them, at any bounds (the reference for the shadows)."""
    t = tables()
    found = [(m.start(), m.end(), m.group()) for m in t["scan_digits"].finditer(text, start, end)]
    found += [(m.start(1), m.end(), m.group(1)) for m in t["scan_words_after"].finditer(text, start, end)]
    first = t["scan_word_at"].match(text, start, end)
    if first:
        found.append((start, first.end(), first.group()))
    found.sort()
    return found


def shadow_candidates(text: str, t: dict[str, Any]) -> list[tuple[int, int, str]] | None:
    """What the scanners find in the whole of ``text``, found on byte shadows of it.

    A scanner that begins with a character class costs the regex engine some 60-130 instructions
    per character of the text; translating the text to bytes and searching them for literal
    strings costs a few. The shadows find a superset of the places (every character that is no
    ASCII letter or digit counts as a separator); the scanners then confirm each place, so the
    result is theirs exactly. None when the text holds a digit of another script (the digit shadow
    cannot see it) or so many other non-ASCII characters that checking them costs more.
    """
    raw = text.encode("ascii", "replace")  # one byte per character: positions are the text's
    if not text.isascii():
        if raw.count(b"?") * _NON_ASCII_SHARE > len(text):
            return None
        i = raw.find(b"?")
        while i >= 0:
            if text[i].isdecimal():
                return None
            i = raw.find(b"?", i + 1)
    found: list[tuple[int, int, str]] = []
    # Digits that no digit or point precedes ("0" after a blank), a point before such a digit.
    digits = b" " + raw.translate(_DIGIT_SHADOW)
    i = digits.find(b" 0")
    while i >= 0:
        found.append((i, i + 1, text[i]))
        i = digits.find(b" 0", i + 2)
    i = digits.find(b" .0")
    while i >= 0:
        found.append((i, i + 2, text[i : i + 2]))
        i = digits.find(b" .0", i + 3)
    # Scan words: whole tokens of the word shadow, looked up in a set, then found one by one.
    words = raw.translate(_WORD_SHADOW)
    present = t["scan_forms"].intersection(words.split())
    if present:
        padded = b" " + words + b" "
        after = t["scan_words_after"]
        for form in present:
            needle = b" " + form + b" "
            i = padded.find(needle)
            while i >= 0:
                m = after.match(text, i - 1) if i else t["scan_word_at"].match(text)
                if m:
                    found.append((i, m.end(), m.group(1) if i else m.group()))
                i = padded.find(needle, i + len(form) + 1)
    found.sort()
    return found


def _cased(words: list[str]) -> str:
    """Alternation of each word in lower, Capitalized and UPPER case (cheaper than IGNORECASE)."""
    forms = {f for w in words for f in (w, w.capitalize(), w.upper())}
    return alternation(forms)


_PURE_DIGITS = re.compile(_DIGITS)
_SIGN_WORDS = ("minus ", "negative ", "Minus ", "Negative ", "MINUS ", "NEGATIVE ")


def numbers_at(text: str, pos: int, end: int | None = None) -> tuple[list[Number], int]:
    """The numbers of the chunk that starts at ``pos`` (or just before it: "a", "half a", "minus")."""
    t = tables()
    end = len(text) if end is None else end
    start = pos
    prev = text[pos - 1] if pos else ""
    if text[pos].isdigit():
        if prev != "-" and not text.endswith(_SIGN_WORDS, 0, pos):
            # Fast path for the common "3,000 troops": digits that nothing before can extend and
            # that no scale, joiner or second number follows.
            d = t["lone_digits"].match(text, pos, end)
            if d:
                raw = d.group()
                if len(raw) <= 24:
                    value, grouped, decimal = _digit_value(raw)
                    return [Number(value, pos, d.end(), False, False, raw, grouped, decimal)], d.end()
    else:
        word = t["lone_word"].match(text, pos, end)
        if word and not text.endswith(_SIGN_WORDS, 0, pos):
            # Fast path for a lone word number ("two soldiers"): nothing before or after extends it.
            value = t["word_values"].get(word.group().lower())
            if value is not None and value[0] in ("unit", "teen", "tens"):
                return [Number(value[1], pos, word.end(), True, False, None)], word.end()
    # A sign or an article before the number ends in a dash or a blank: look for one only then.
    lm = t["left"].search(text, max(0, pos - 14), pos) if prev == "-" or prev.isspace() else None
    if lm:
        start = lm.start()
    m = t["chunk"].match(text, start, end)
    if m is None and start != pos:
        start = pos
        m = t["chunk"].match(text, start, end)
    if m is None:
        return [], pos + 1
    if _PURE_DIGITS.fullmatch(m.group()):
        # the common case, "3,000": no words, no scale, no sign
        value, grouped, decimal = _digit_value(m.group())
        if len(m.group()) <= 24:
            return [Number(value, m.start(), m.end(), False, False, m.group(), grouped, decimal)], m.end()
    numbers = _parse_tokens(_tokens(text, m.start(), m.end()))
    if m.group().startswith("-") and numbers and numbers[0].start > m.start():
        first = numbers[0]
        numbers[0] = Number(
            -first.value,
            m.start(),
            first.end,
            first.words,
            first.scaled,
            None,
            first.grouped,
            first.decimal,
            first.scale_letter,
            first.factor,
        )
    return numbers, max(m.end(), pos + 1)


def scan_kind(word: str) -> str:
    """What a scanned word opens: "number", "vague" ("hundreds") or "fold" ("threefold")."""
    t = tables()
    low = word.lower()
    if low.endswith("fold") and low[:-4] in t["fold_words"]:
        return "fold"
    if low in t["vague_heads"]:
        return "vague"
    return "number"


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Every number in ``text[start:end]`` with its value and span, in order."""
    end = len(text) if end is None else end
    out: list[Number] = []
    pos = start
    for at, after, word in candidates(text, start, end):
        if at < pos:
            continue
        if not word[0].isdigit() and word[0] != "." and scan_kind(word) != "number":
            pos = after
            continue
        numbers, pos = numbers_at(text, at, end)
        out.extend(numbers)
    return out


def parse_number(text: str) -> float | None:
    """The value of ``text`` when the whole of it is one number, else None."""
    numbers = find_numbers(text)
    stripped = text.strip()
    if len(numbers) == 1 and text[numbers[0].start : numbers[0].end] == stripped:
        return numbers[0].value
    return None
