"""Topics: which subject a figure or event is about, from a keyword lexicon kept as data.

The packaged lexicon (``resources/topics.toml``) can be extended or overridden by a user's file of
the same shape: a topic named in the user file replaces the packaged one; new topics are added.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable
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
    (a regex alternation per topic was most of the ingest time). ``words`` finds just the words
    that can count (a keyword, a stem's word or a phrase's first word): most words are none, and
    looking each one up was most of the scoring time."""

    exact: dict[str, set[int]]  # "killed" -> topics
    stems: dict[str, set[int]]  # "kill" (from "kill*") -> topics
    longest_stem: int
    # first word -> (phrase, open-ended, topic), for the topics that word alone does not count
    phrases: dict[str, list[tuple[str, bool, int]]]
    symbols: list[tuple[str, int]]  # keywords that start with no word character ("$")
    words: re.Pattern[str]
    firsts: re.Pattern[str]  # phrases' first words, as whole words: where ``phrases`` are looked for
    plain: bool  # topic names unique and no weight NaN: the best topic is found in one pass
    names: frozenset[str]  # asked once per figure
    cache: dict[str, frozenset[int]] = field(default_factory=dict)  # words repeat: look each up once
    # Every word a span split into words was seen to hold, and those of them that count (a topic or a
    # phrase's first word): a span's words are then sorted out in C, since most count for nothing.
    seen: set[str] = field(default_factory=set)
    counting: dict[str, frozenset[int]] = field(default_factory=dict)

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

    def learn(self, words: list[str]) -> None:
        """Add words to ``seen``, and to ``counting`` those that count."""
        if len(self.seen) > 200_000:  # bounded as ``cache`` is
            self.seen.clear()
            self.counting.clear()
        for word in words:
            if word not in self.seen:
                self.seen.add(word)
                topics = self.word_topics(word)
                if topics or word in self.phrases:
                    self.counting[word] = topics


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
    longest = max((len(s) for s in stems), default=0)
    # A phrase adds nothing where its first word alone counts its topic ("killed in action" after
    # "killed"): known per first word, so such phrases are never looked for.
    for first, candidates in list(phrases.items()):
        alone = set(exact.get(first, ()))
        for size in range(1, min(len(first), longest) + 1):
            alone.update(stems.get(first[:size], ()))
        kept = [candidate for candidate in candidates if candidate[2] not in alone]
        if kept:
            phrases[first] = kept
        else:
            del phrases[first]
    plain = len({t.name for t in topics}) == len(topics) and not any(math.isnan(t.weight) for t in topics)
    words = _words_pattern(exact, stems, phrases)
    firsts = _words_pattern(phrases, (), ())
    names = frozenset(t.name for t in topics)
    return _Index(exact, stems, longest, phrases, symbols, words, firsts, plain, names)


def _words_pattern(exact: Iterable[str], stems: Iterable[str], firsts: Iterable[str]) -> re.Pattern[str]:
    """A regex for the whole words (``\\w+`` runs) that are a keyword or a phrase's first word, or
    begin with a stem: a trie, so the scan stays one pass in C whatever the lexicon's size."""
    root: dict[str, dict] = {}
    for words, kind in ((exact, "word"), (firsts, "word"), (stems, "stem")):
        for word in words:
            node = root
            for char in word:
                node = node.setdefault(char, {})
            node.setdefault("", {})[kind] = {}

    def emit(node: dict[str, dict]) -> str:
        ends = node.get("", {})
        if "stem" in ends:
            return r"\w*"  # the rest of the word, whatever it is: the stem covers all below
        alternatives = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if "word" in ends:
            alternatives.append(r"(?!\w)")
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    if not root:
        return re.compile(r"(?!)")  # no words: matches nothing
    return re.compile(r"(?<!\w)" + emit(root))


@dataclass(frozen=True)
class Lexicon:
    topics: tuple[Topic, ...]
    _index: _Index = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", _index(self.topics))

    @property
    def names(self) -> list[str]:
        return [topic.name for topic in self.topics]

    @property
    def name_set(self) -> frozenset[str]:
        return self._index.names

    def scores(self, text: str) -> dict[str, float]:
        """Weighted keyword hits per topic; a topic counts once per position in the text."""
        return self._scores_of(self._hits(text.lower()))

    def _hits(self, lowered: str, start: int = 0, end: int | None = None, symbols: bool = True) -> list[int]:
        """Keyword hits per topic (in ``topics`` order) in an already lower-cased text, or in its
        ``[start:end]`` when no word straddles ``start`` (a word straddling ``end`` is cut there).
        ``symbols=False`` says that no symbol keyword ("$") occurs in ``lowered`` at all."""
        index = self._index
        hits = [0] * len(self.topics)
        cache = index.cache
        phrases = index.phrases
        stop = len(lowered) if end is None else end
        # The words are found in C (a span holds one or two that count); where one is a phrase's
        # first word, the phrases are looked for from the same words' positions, found again.
        phrased = False
        for token in index.words.findall(lowered, start, stop):
            here = cache.get(token)
            if here is None:
                here = index.word_topics(token)
            for number in here:
                hits[number] += 1
            if token in phrases:
                phrased = True
        if phrased:
            for match in index.firsts.finditer(lowered, start, stop):
                _phrase_hits(index, lowered, match.group(), match.start(), stop, hits)
        if symbols:
            for symbol, number in index.symbols:
                hits[number] += lowered.count(symbol, start, stop)
        return hits

    def _has_symbols(self, lowered: str) -> bool:
        """Whether a symbol keyword ("$") occurs in the text at all."""
        return any(symbol in lowered for symbol, _ in self._index.symbols)

    def _span_hits(self, lowered: str, words: str, start: int, stop: int, symbols: bool) -> list[int]:
        """``_hits(lowered, start, stop, symbols)`` read from ``words``, the same text with every
        character that is no word character blanked (``word_text``): its words are then split off
        in C, where the regex engine tries the keyword pattern at every position (most of the cost
        of extraction's topics), and those that count are picked out in C too (``counting``)."""
        index = self._index
        hits = [0] * len(self.topics)
        phrases = index.phrases
        phrased: set[str] | None = None
        tokens = words[start:stop].split()
        if not index.seen.issuperset(tokens):
            index.learn(tokens)
        counting = index.counting
        for token in filter(counting.__contains__, tokens):
            for number in counting[token]:
                hits[number] += 1
            if token in phrases:
                if phrased is None:
                    phrased = set()
                phrased.add(token)
        if phrased:
            # Where each phrase's first word stands as a whole word: after a blank or at the start
            # (no word straddles it), and before a blank or at the end (which cuts any word).
            for token in phrased:
                size = len(token)
                at = words.find(token, start, stop)
                while at >= 0:
                    after = at + size
                    if (at == start or words[at - 1] == " ") and (after == stop or words[after] == " "):
                        _phrase_hits(index, lowered, token, at, stop, hits)
                    at = words.find(token, at + 1, stop)
        if symbols:
            for symbol, number in index.symbols:
                hits[number] += lowered.count(symbol, start, stop)
        return hits

    def _scores_of(self, hits: list[int]) -> dict[str, float]:
        return {
            topic.name: count * topic.weight for topic, count in zip(self.topics, hits, strict=True) if count
        }

    def _best(self, hits: list[int]) -> str | None:
        """The topic with the highest weighted score (the earlier one on a tie), None without hits."""
        if self._index.plain:
            # (the same answer as below without a dict: names are unique and scores totally ordered)
            if not any(hits):
                return None  # most texts scored hold no keyword
            best_name: str | None = None
            best = 0.0
            for topic, count in zip(self.topics, hits, strict=True):
                if count:
                    score = count * topic.weight
                    if best_name is None or score > best:
                        best_name, best = topic.name, score
            return best_name
        scores = self._scores_of(hits)
        if not scores:
            return None
        best = max(scores.values())
        return next(t.name for t in self.topics if scores.get(t.name) == best)

    def topic_of(self, text: str) -> str | None:
        """The topic of one text, None when no keyword occurs in it."""
        return self._best(self._hits(text.lower()))

    def classify(self, *texts: str | None) -> str:
        """The topic of the first text that has one; later texts are wider context."""
        for text in texts:
            if not text:
                continue
            found = self.topic_of(text)
            if found is not None:
                return found
        return FALLBACK


def _phrase_hits(index: _Index, lowered: str, token: str, at: int, stop: int, hits: list[int]) -> None:
    """Count the phrases that begin with the word ``token`` at ``at`` and end by ``stop`` (the end
    of the text scored), once per topic that the word alone does not already count there."""
    added: set[int] = set()
    for phrase, open_ended, number in index.phrases[token]:
        if number in added:
            continue
        end = at + len(phrase)
        if end > stop:
            continue
        bounded = open_ended or not phrase[-1].isalnum() or end == stop
        if lowered.startswith(phrase, at) and (bounded or not _is_word(lowered[end])):
            added.add(number)
            hits[number] += 1


Span = tuple[int, int]


class Classifier:
    """``Lexicon.classify`` for one article: its sentences are asked about once per event and
    figure in them, so each answer is kept for the article's lifetime. A text to classify is
    either a string or a (start, end) span of the article's ``text``."""

    def __init__(self, lexicon: Lexicon, text: str = "") -> None:
        self.lexicon = lexicon
        self.text = text
        self._topics: dict[str | Span, str | None] = {}
        self._lowered: str | None = None  # the text lower-cased, once, when a span is first asked
        # Whether offsets carry over to the lower-cased text: only if lower() maps each character to
        # one on its own (U+0130 lowers to two, a capital sigma by context). Known with ``_lowered``.
        self._same_offsets = False
        self._symbols = True  # whether a symbol keyword occurs in the text: known with ``_lowered``
        self._words: str | None = None  # ``word_text`` of ``_lowered``, when it has one

    @property
    def names(self) -> list[str]:
        return self.lexicon.names

    def has_topic(self, name: str) -> bool:
        return name in self.lexicon.name_set

    def classify(self, *texts: str | Span | None) -> str:
        """The topic of the first text or span that has one (``Lexicon.classify``)."""
        for text in texts:
            if not text:
                continue  # an empty span is asked and found to have no topic
            try:
                found = self._topics[text]
            except KeyError:
                found = self._topics[text] = self._topic(text)
            if found is not None:
                return found
        return FALLBACK

    def find(self, text: str | Span | None) -> str | None:
        """The topic of one text or span, None when no keyword occurs in it (an "other" keyword is
        one: "regions" says the text is about nothing in particular)."""
        if not text:
            return None
        try:
            return self._topics[text]
        except KeyError:
            found = self._topics[text] = self._topic(text)
            return found

    def _topic(self, text: str | Span) -> str | None:
        if isinstance(text, str):
            return self.lexicon.topic_of(_without_places_taken(text))
        start, end = text
        if self.text.find("captur", start, end) >= 0 or self.text.find("seiz", start, end) >= 0:
            own = self.text[start:end]
            masked = _without_places_taken(own)
            if masked is not own:
                return self.lexicon.topic_of(masked)
        lowered = self._lowered
        if lowered is None:
            lowered = self._lowered = self.text.lower()
            self._same_offsets = len(lowered) == len(self.text) and "\u03a3" not in self.text
            self._symbols = self.lexicon._has_symbols(lowered)
            self._words = word_text(lowered)
        # A span is scored in place (no slice, no lower-casing again) when that reads the same words:
        # offsets carry over, and a word cut by the start would read as a whole one. The end needs no
        # test: the scan treats it as the end of the text.
        if (
            self._same_offsets
            and 0 <= start < end <= len(lowered)
            and not (start and _is_word(lowered[start - 1]) and _is_word(lowered[start]))
        ):
            lexicon = self.lexicon
            if self._words is not None:
                return lexicon._best(lexicon._span_hits(lowered, self._words, start, end, self._symbols))
            return lexicon._best(lexicon._hits(lowered, start, end, self._symbols))
        return self.lexicon.topic_of(self.text[start:end])


# Capturing a place is fighting, capturing men is taking prisoners: the object decides. A verb of
# capture before a place ("trying to capture Pokrovsk", "captured the village of ...", "seized two
# settlements") counts for no topic; before men ("captured 12 soldiers", "captured North Korean troops")
# it counts as the lexicon says.
_PEOPLE_AFTER = (
    r"(?:soldiers?|troops?|servicem[ae]n|fighters?|men|women|officers?|prisoners?|personnel|marines"
    r"|paratroopers|conscripts|mercenar(?:y|ies)|citizens|nationals|civilians|crews?|sailors|pilots?"
    r"|commanders?|members|workers|people|him|her|them)\b"
)
_PLACE_NOUN = (
    r"(?:village|town|city|settlement|hamlet|district|region|oblast|heights?|hill|bridgehead|positions?"
    r"|stronghold|airfield|airport|port|station|mine|territory|outskirts|cent(?:er|re)|villages|towns"
    r"|cities|settlements|ground|area|areas|square\s+kilomet(?:er|re)s)\b"
)
_PLACE_TAKEN = re.compile(
    r"\b(?:[Cc]aptur(?:e|es|ed|ing)|[Ss]eiz(?:e|es|ed|ing))(?=\s+(?:"
    r"(?:the\s+|a\s+|an\s+|\d+\s+|two\s+|three\s+|several\s+|more\s+)?(?:[a-z-]+\s+){0,2}"
    + _PLACE_NOUN
    + r"(?<!\bmen\b)"
    r"|[A-Z][\w'’-]*+(?:\s+[A-Z][\w'’-]*+)*+(?!\s+(?:[\w-]+\s+){0,2}" + _PEOPLE_AFTER + r")"
    r"))"
)


def _without_places_taken(text: str) -> str:
    """``text`` with each verb of capture before a place blanked out (the same text when none is)."""
    if "aptur" not in text and "eiz" not in text:
        return text
    found = list(_PLACE_TAKEN.finditer(text))
    if not found:
        return text
    parts, at = [], 0
    for match in found:
        parts.append(text[at : match.start()])
        parts.append(" " * (match.end() - match.start()))
        at = match.end()
    parts.append(text[at:])
    return "".join(parts)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


# The ASCII characters that are no word character (what ``\w`` does not match), as blanks.
_ASCII_BLANKS = {code: " " for code in range(128) if not _is_word(chr(code))}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def word_text(text: str) -> str | None:
    """``text`` with every character that is no word character turned into a blank (same offsets),
    so that ``split()`` gives its ``\\w+`` words; None when it has word characters beyond ASCII
    (accented letters), which ``str.translate`` would look up one by one, slower than a regex."""
    if not text.isascii():
        for char in set(_NON_ASCII.findall(text)):
            if _is_word(char):
                return None
            text = text.replace(char, " ")  # curly quotes and dashes: a few, each replaced in one pass
    return text.translate(_ASCII_BLANKS)


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
