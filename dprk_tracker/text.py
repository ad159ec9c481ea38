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
_END = re.compile(
    r"""(?:[.!?]+['"”’)\]]*(?=\s|$))"""
    r"""|(?:(?<=[a-z0-9])\.(?=[A-Z][a-z]))"""
    r"""|(?:\n\s*\n)"""
    # A single newline ends a sentence unless the line was hard-wrapped mid-sentence.
    r"""|(?:(?<![a-z,;])\n(?=[ \t]*\S))|(?:\n(?=[ \t]*[^\sa-z0-9]))""",
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if match.group().startswith(".") and _is_abbreviation(text, match.start(), end):
            continue
        if match.group().strip() == "":
            end = match.start()
        _append(spans, text, start, end)
        start = match.end()
    _append(spans, text, start, len(text))
    return spans


def _is_abbreviation(text: str, dot: int, end: int) -> bool:
    word = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not word:
        # "U.S." style initials or a decimal point are handled by the regex lookaheads.
        return False
    token = word.group(1).lower().rstrip(".")
    if token not in ABBREVIATIONS and not re.fullmatch(r"(?:[a-z]\.)+[a-z]?", token):
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
