"""The topic lexicon: the packaged file, user files layered on top, and files that are wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from dprk_tracker.topics import FALLBACK, LexiconError, default_lexicon, load_lexicon


def test_packaged_topics() -> None:
    names = default_lexicon().names
    for name in ("casualties", "deployment", "prisoners", "money", "weapons", "sanctions", "diplomacy"):
        assert name in names
    assert names[-1] == FALLBACK == "other"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("killed or injured", "casualties"),
        ("killed or wounded", "casualties"),
        ("losses", "casualties"),
        ("deaths", "casualties"),
        ("troops", "deployment"),
        ("North Korean soldiers", "deployment"),
        ("mine clearance specialists", "deployment"),
        ("military engineers", "deployment"),
        ("soldiers captured", "prisoners"),
        ("capture of two North Korean soldiers", "prisoners"),
        ("North Korean soldiers prisoner", "prisoners"),
        ("prisoners", "prisoners"),
        ("USD", "money"),
        ("$", "money"),
        ("artillery shells", "weapons"),
        ("containers", "weapons"),
        ("missile attacks", "weapons"),
        ("sanctions violations", "sanctions"),
        ("summit talks", "diplomacy"),
        ("Ukrainian regions", "other"),
        ("council seats", "other"),
        ("organizations", "other"),
        ("", "other"),
    ],
)
def test_classify_counted_phrases(text: str, topic: str) -> None:
    assert default_lexicon().classify(text) == topic


def test_first_text_with_a_topic_wins() -> None:
    lexicon = default_lexicon()
    assert lexicon.classify(None, "", "over 3,000 killed") == "casualties"
    assert lexicon.classify("soldiers", "over 3,000 killed") == "deployment"
    # a figure counting regions is about no topic even in a sentence about missiles
    assert lexicon.classify("regions", "missile attacks on seven regions") == "other"


def test_weights_break_mixed_phrases() -> None:
    # "soldier*" (deployment, 0.9) against "capture*" (prisoners, 1.0)
    assert default_lexicon().classify("capture of two soldiers") == "prisoners"


def test_user_file_adds_and_overrides(tmp_path: Path) -> None:
    user = tmp_path / "topics.toml"
    user.write_text(
        '[topics.energy]\nweight = 2.0\nkeywords = ["oil", "barrel*"]\n\n'
        '[topics.money]\nweight = 1.0\nkeywords = ["cash"]\n',
        encoding="utf-8",
    )
    lexicon = load_lexicon(user)
    assert "energy" in lexicon.names and lexicon.names[-1] == "other"
    assert lexicon.classify("1 million barrels of oil") == "energy"
    # the user's money topic replaces the packaged one: "$" no longer means money
    assert lexicon.classify("cash") == "money"
    assert lexicon.classify("USD") == "other"


def test_missing_user_file_is_skipped_when_none(tmp_path: Path) -> None:
    assert load_lexicon(None).names == default_lexicon().names


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("topics = 3\n", "expected a [topics.NAME] table"),
        ('[topics.x]\nkeywords = "oil"\n', "needs a keywords list"),
        ('[topics.x]\nweight = "heavy"\nkeywords = ["oil"]\n', "weight that is not a number"),
        ("[topics.x\n", "cannot read topic file"),
    ],
)
def test_bad_files(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as error:
        load_lexicon(bad)
    assert message in str(error.value)


def test_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="not found"):
        load_lexicon(tmp_path / "nope.toml")


def test_binary_file(tmp_path: Path) -> None:
    bad = tmp_path / "bin.toml"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(LexiconError):
        load_lexicon(bad)


def test_keyword_wildcards_and_word_edges(tmp_path: Path) -> None:
    user = tmp_path / "t.toml"
    user.write_text('[topics.navy]\nkeywords = ["ship*", "sub"]\n', encoding="utf-8")
    lexicon = load_lexicon(user)
    assert lexicon.classify("shipments") == "navy"
    assert lexicon.classify("a sub") == "navy"
    assert lexicon.classify("subsidies") == "other"
