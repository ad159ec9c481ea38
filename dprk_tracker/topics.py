"""Topics: which subject a figure or event is about, from a keyword lexicon kept as data.

The packaged lexicon (``resources/topics.toml``) can be extended or overridden by a user's file of
the same shape: a topic named in the user file replaces the packaged one; new topics are added.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

FALLBACK = "other"


class LexiconError(ValueError):
    """A topic file that cannot be read or has the wrong shape."""


@dataclass(frozen=True)
class Topic:
    name: str
    weight: float
    pattern: re.Pattern[str] | None


@dataclass(frozen=True)
class Lexicon:
    topics: tuple[Topic, ...]

    @property
    def names(self) -> list[str]:
        return [topic.name for topic in self.topics]

    def scores(self, text: str) -> dict[str, float]:
        lowered = text.lower()
        result: dict[str, float] = {}
        for topic in self.topics:
            if topic.pattern is None:
                continue
            hits = len(topic.pattern.findall(lowered))
            if hits:
                result[topic.name] = hits * topic.weight
        return result

    def classify(self, *texts: str | None) -> str:
        """The topic of the first text that has one; later texts are wider context."""
        for text in texts:
            if not text:
                continue
            scores = self.scores(text)
            if scores:
                best = max(scores.values())
                return next(t.name for t in self.topics if scores.get(t.name) == best)
        return FALLBACK


def _keyword_pattern(keywords: Iterable[str]) -> re.Pattern[str] | None:
    parts = []
    for keyword in keywords:
        word = keyword.strip().lower()
        if not word:
            continue
        stem = word.rstrip("*")
        body = re.escape(stem) + (r"\w*" if word.endswith("*") else "")
        left = r"(?<!\w)" if stem[:1].isalnum() else ""
        right = r"(?!\w)" if word.endswith("*") or stem[-1:].isalnum() else ""
        parts.append(left + body + right)
    if not parts:
        return None
    # Longest first so "special forces" wins over "forces" in the alternation.
    parts.sort(key=len, reverse=True)
    return re.compile("|".join(parts))


def _parse(data: dict, origin: str) -> dict[str, Topic]:
    table = data.get("topics")
    if not isinstance(table, dict):
        raise LexiconError(f"{origin}: expected a [topics.NAME] table")
    topics: dict[str, Topic] = {}
    for name, spec in table.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("keywords", []), list):
            raise LexiconError(f"{origin}: topic {name!r} needs a keywords list")
        weight = spec.get("weight", 1.0)
        if not isinstance(weight, int | float):
            raise LexiconError(f"{origin}: topic {name!r} has a weight that is not a number")
        keywords = [str(k) for k in spec.get("keywords", [])]
        topics[name] = Topic(name=name, weight=float(weight), pattern=_keyword_pattern(keywords))
    return topics


@lru_cache(maxsize=1)
def _packaged() -> dict[str, Topic]:
    text = resources.files("dprk_tracker.resources").joinpath("topics.toml").read_text("utf-8")
    return _parse(tomllib.loads(text), "topics.toml")


def load_lexicon(*user_files: Path | None) -> Lexicon:
    """The packaged lexicon, with each user file (if given and present) layered on top."""
    topics = dict(_packaged())
    for path in user_files:
        if path is None:
            continue
        try:
            data = tomllib.loads(Path(path).read_text("utf-8"))
        except FileNotFoundError as exc:
            raise LexiconError(f"topic file not found: {path}") from exc
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise LexiconError(f"cannot read topic file {path}: {exc}") from exc
        topics.update(_parse(data, str(path)))
    # "other" always exists and always comes last: it is what nothing else matched.
    fallback = topics.pop(FALLBACK, Topic(FALLBACK, 0.0, None))
    return Lexicon((*topics.values(), fallback))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
