"""Loads vocabulary.toml once: the words the patterns are built from and the normalizer reads."""

from __future__ import annotations

import re
import tomllib
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

_PATH = Path(__file__).with_name("vocabulary.toml")


@cache
def vocabulary() -> dict[str, Any]:
    """The parsed vocabulary (cached: the TOML is read once per process)."""
    with _PATH.open("rb") as handle:
        return tomllib.load(handle)


def table(name: str) -> dict[str, Any]:
    """One key -> value table of the vocabulary, e.g. ``table("months")["sept"] == 9``."""
    return vocabulary()[name]


def words(name: str) -> list[str]:
    """A word list of the vocabulary (tables with a ``words`` array, or a table's keys)."""
    section = vocabulary()[name]
    return list(section["words"]) if "words" in section else list(section)


def alternation(items: list[str] | dict[str, Any]) -> str:
    """A regex alternation of phrases, longest first so the regex prefers the fullest phrase.

    Spaces inside a phrase match any run of whitespace (news copy wraps lines anywhere).
    """
    phrases = sorted(set(items), key=lambda item: (-len(item), item))
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases)


@lru_cache(maxsize=4096)  # pure: the same counts ("two", "a", "three") recur in every text
def number_value(word: str) -> float | None:
    """Value of a number written in digits or words ("3", "1,000", "twenty-four", "a"); None if not one."""
    token = " ".join(word.lower().replace("-", " ").split())
    if not token:
        return None
    digits = token.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        pass
    numbers = table("number_words")
    if token in numbers:
        return float(numbers[token])
    total = 0.0
    for part in token.split():
        if part == "and":
            continue
        if part not in numbers:
            return None
        value = float(numbers[part])
        total = total * value if value == 100 and total else total + value
    return total
