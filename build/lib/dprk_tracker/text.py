"""Sentences and clauses: the units an event or a figure is quoted by.

Offsets are always into the original string; nothing here copies or rewrites text.
"""

from __future__ import annotations

import re
import sys

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
# The runs are possessive: what they give back could never be followed by a blank.
_MARK_RUN = r"""[.!?]*+['"”’)\]]*+(?=\s|$)"""
# One pattern per character an end starts with: a pattern that opens with one literal character is
# searched for by the regex engine as fast as str.find, and a class of four ([.!?\n]) several times
# slower, which was most of the cost of splitting an article.
_PERIOD_END = re.compile(r"\.(?:" + _MARK_RUN + r"|(?<=[a-z0-9]\.)(?=[A-Z][a-z]))")
_MARK_ENDS = (("!", re.compile("!" + _MARK_RUN)), ("?", re.compile(r"\?" + _MARK_RUN)))
# A single newline ends a sentence unless the line was hard-wrapped mid-sentence.
_LINE_END = re.compile(r"\n(?:\s*\n|(?<![a-z,;]\n)(?=[ \t]*\S)|(?=[ \t]*[^\sa-z0-9]))")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]?")
_WINDOW = 12  # characters read before a period for the word it ends
# Letters enough to rule out every abbreviation; a word that long is never cut by the window.
_LONG_WORD = max(map(len, ABBREVIATIONS)) + 1
_LONG_WORD_FROM = _LONG_WORD if _LONG_WORD <= _WINDOW else sys.maxsize  # the first dot it is tested at
# What the word before a period is made of: ASCII letters, and periods after its first letter.
_WORD_CHARS_TEXT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
_WORD_CHARS = frozenset(_WORD_CHARS_TEXT)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each sentence, trimmed of surrounding whitespace."""
    # One loop with the trimming and the cheap abbreviation tests inline: it runs once per period and
    # line break of every article, and the calls it saves were most of its cost.
    spans: list[tuple[int, int]] = []
    start = scanned = 0
    for dot, end in _ends(text):
        if dot < scanned:
            continue  # inside the previous end ("?." is one end, found again at its period)
        scanned = end
        mark = text[dot]
        if mark == "\n":  # a line break ends the sentence before it
            stop = dot
        else:
            stop = end
            if (
                mark == "."
                and dot
                and text[dot - 1] in _WORD_CHARS
                and not (
                    dot >= _LONG_WORD_FROM
                    and (letters := text[dot - _LONG_WORD : dot]).isascii()
                    and letters.isalpha()
                )
                and _is_abbreviation(text, dot, end)
            ):
                continue
        _append(spans, text, start, stop)
        start = end
    _append(spans, text, start, len(text))
    return spans


def _ends(text: str) -> list[tuple[int, int]]:
    """Where each sentence end could be, in order: the ends found by each character's pattern.

    Scanning left to right for the first end from each position gives these: ends by different
    characters never overlap, except an end that starts inside a run of marks ("!." found again at
    its period), which ends where the run's own end does and is skipped by the caller.
    """
    found = [match.span() for match in _PERIOD_END.finditer(text)]
    found += [match.span() for match in _LINE_END.finditer(text)]
    for mark, pattern in _MARK_ENDS:
        if mark in text:
            found += [match.span() for match in pattern.finditer(text)]
    found.sort()
    return found


def _is_abbreviation(text: str, dot: int, end: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation. The caller (``sentence_spans``) has already
    ruled out the cheap cases: a period after no word character, or after a word longer than any
    abbreviation."""
    # The word: the run of letters and periods that ends at the dot, read within the window, from its
    # first letter (two strips, not a regex search from each position of the window).
    window = text[max(0, dot - _WINDOW) : dot]
    word = window[len(window.rstrip(_WORD_CHARS_TEXT)) :].lstrip(".")
    if not word:
        # "U.S." style initials or a decimal point are handled by the regex lookaheads.
        return False
    token = word.lower().rstrip(".")
    if token not in ABBREVIATIONS and not ("." in token and _INITIALS.fullmatch(token)):
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


# Before the first word of a sentence: the text's start, a line break, or a sentence mark (a colon or
# semicolon too) with its closing quote and a blank; then an opening quote or bracket, if any.
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:;]['\"”’)]?\s+|\n\s*)['\"“‘(]?$")


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, so its capital says nothing about it."""
    return _SENTENCE_BEFORE.search(text, max(0, start - 6), start) is not None


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
