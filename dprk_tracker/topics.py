"""Topics: which subject a figure or event is about, from a keyword lexicon kept as data.

The packaged lexicon (``resources/topics.toml``) can be extended or overridden by a user's file of
the same shape: a topic named in the user file replaces the packaged one; new topics are added.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
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
    keywords: tuple[str, ...]


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Index:
    """Keywords indexed by the word they start with, so scoring is one pass over the text's words
    (a regex alternation per topic was most of the ingest time)."""

    exact: dict[str, set[int]]  # "killed" -> topics
    stems: dict[str, set[int]]  # "kill" (from "kill*") -> topics
    longest_stem: int
    phrases: dict[str, list[tuple[str, bool, int]]]  # first word -> (phrase, open-ended, topic)
    symbols: list[tuple[str, int]]  # keywords that start with no word character ("$")
    cache: dict[str, frozenset[int]] = field(default_factory=dict)  # words repeat: look each up once

    def word_topics(self, token: str) -> frozenset[int]:
        """Topics with a one-word keyword matching this word, exactly or as a stem ("kill*")."""
        found = self.cache.get(token)
        if found is None:
            topics = set(self.exact.get(token, ()))
            for size in range(1, min(len(token), self.longest_stem) + 1):
                topics.update(self.stems.get(token[:size], ()))
            if len(self.cache) > 200_000:  # bounded: a long ingest meets ever more words
                self.cache.clear()
            found = self.cache[token] = frozenset(topics)
        return found


def _index(topics: tuple[Topic, ...]) -> _Index:
    exact: dict[str, set[int]] = {}
    stems: dict[str, set[int]] = {}
    phrases: dict[str, list[tuple[str, bool, int]]] = {}
    symbols: list[tuple[str, int]] = []
    for number, topic in enumerate(topics):
        for keyword in topic.keywords:
            word = keyword.strip().lower()
            open_ended = word.endswith("*")
            stem = word.rstrip("*")
            if not stem:
                continue
            first = _WORD.match(stem)
            if first is None:
                symbols.append((stem, number))
            elif first.end() == len(stem):
                (stems if open_ended else exact).setdefault(stem, set()).add(number)
            else:
                phrases.setdefault(first.group(), []).append((stem, open_ended, number))
    return _Index(exact, stems, max((len(s) for s in stems), default=0), phrases, symbols)


@dataclass(frozen=True)
class Lexicon:
    topics: tuple[Topic, ...]
    _index: _Index = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", _index(self.topics))

    @property
    def names(self) -> list[str]:
        return [topic.name for topic in self.topics]

    def scores(self, text: str) -> dict[str, float]:
        """Weighted keyword hits per topic; a topic counts once per position in the text."""
        lowered = text.lower()
        index = self._index
        hits = [0] * len(self.topics)
        tokens = _WORD.findall(lowered)
        cache = index.cache
        for token in tokens:
            here = cache.get(token)
            if here is None:
                here = index.word_topics(token)
            for number in here:
                hits[number] += 1
        # Phrases ("killed in action") are rare: a positional pass only when a first word occurs.
        if index.phrases and not index.phrases.keys().isdisjoint(tokens):
            for match in _WORD.finditer(lowered):
                token = match.group()
                candidates = index.phrases.get(token)
                if not candidates:
                    continue
                here = index.word_topics(token)
                added: set[int] = set()
                for phrase, open_ended, number in candidates:
                    if number in here or number in added:
                        continue
                    end = match.start() + len(phrase)
                    bounded = open_ended or not phrase[-1].isalnum() or end == len(lowered)
                    if lowered.startswith(phrase, match.start()) and (bounded or not _is_word(lowered[end])):
                        added.add(number)
                        hits[number] += 1
        for symbol, number in index.symbols:
            hits[number] += lowered.count(symbol)
        return {
            topic.name: count * topic.weight for topic, count in zip(self.topics, hits, strict=True) if count
        }

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


class Classifier:
    """``Lexicon.classify`` for one article: its sentences are asked about once per event and
    figure in them, so each answer is kept for the article's lifetime."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._memo: dict[tuple[str | None, ...], str] = {}

    @property
    def names(self) -> list[str]:
        return self.lexicon.names

    def classify(self, *texts: str | None) -> str:
        found = self._memo.get(texts)
        if found is None:
            found = self._memo[texts] = self.lexicon.classify(*texts)
        return found


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


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
        topics[name] = Topic(name=name, weight=float(weight), keywords=tuple(keywords))
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
    fallback = topics.pop(FALLBACK, Topic(FALLBACK, 0.0, ()))
    return Lexicon((*topics.values(), fallback))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
