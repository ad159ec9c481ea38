"""Sentences and clauses: the units an event or a figure is quoted by.

Offsets are always into the original string; nothing here copies or rewrites text.
"""

from __future__ import annotations

import re

# Abbreviations that end with a period but do not end a sentence.
ABBREVIATIONS = frozenset(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    mr mrs ms dr prof gen col lt maj capt sgt adm cmdr gov sen rep rev st mt ft no nos vs etc
    inc corp co ltd jr sr dept est approx fig u.s u.n u.k e.g i.e a.m p.m
    """.split()
)

# A sentence ends at . ! ? (optionally followed by quotes or brackets) then whitespace, or at a blank
# line. A period glued to a capitalised word ("Oct. 8.In") also ends one: news copy runs together.
# Every alternative opens with one character of [.!?\n] (a repeat or a lookbehind comes after it), so
# the regex engine skips to the next such character instead of trying each alternative at every
# position. The runs are possessive: what they give back could never be followed by a blank.
_END = re.compile(
    r"""(?:[.!?][.!?]*+['"”’)\]]*+(?=\s|$))"""
    r"""|(?:\.(?<=[a-z0-9]\.)(?=[A-Z][a-z]))"""
    r"""|(?:\n\s*\n)"""
    # A single newline ends a sentence unless the line was hard-wrapped mid-sentence.
    r"""|(?:\n(?<![a-z,;]\n)(?=[ \t]*\S))|(?:\n(?=[ \t]*[^\sa-z0-9]))""",
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]?")
# Letters enough to rule out every abbreviation (the window read before a period is 12 characters).
_LONG_WORD = max(map(len, ABBREVIATIONS)) + 1
_WORD_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
)  # what _WORD_BEFORE ends with


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        group = match.group()
        if group[0] == "." and _is_abbreviation(text, match.start(), end):
            continue
        if group.isspace():  # a line break ends the sentence before it
            end = match.start()
        _append(spans, text, start, end)
        start = match.end()
    _append(spans, text, start, len(text))
    return spans


def _is_abbreviation(text: str, dot: int, end: int) -> bool:
    if not dot or text[dot - 1] not in _WORD_CHARS:
        return False  # a period after a digit, a quote or a bracket: no abbreviation (cheap test first)
    letters = text[dot - _LONG_WORD : dot] if min(dot, 12) >= _LONG_WORD else ""
    if letters.isascii() and letters.isalpha():
        return False  # a word longer than any abbreviation, with no initials' periods
    word = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not word:
        # "U.S." style initials or a decimal point are handled by the regex lookaheads.
        return False
    token = word.group(1).lower().rstrip(".")
    if token not in ABBREVIATIONS and not _INITIALS.fullmatch(token):
        return False
    # An abbreviation followed by a capitalised word after a newline still ends the sentence.
    following = text[end : end + 2]
    return "\n" not in following


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas|although|though|after|before|when)\b|\s+—\s+|\s+--\s+"
)


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one sentence into clauses at semicolons, dashes and coordinating commas."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        _append(spans, text, cursor, match.start())
        cursor = match.start() if match.group().startswith(",") is False else match.start() + 1
    _append(spans, text, cursor, end)
    return spans or [(start, end)]
