"""The topic lexicon: the packaged file, user files layered on top, and files that are wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from dprk_tracker.topics import (
    FALLBACK,
    Classifier,
    Lexicon,
    LexiconError,
    Topic,
    _words_pattern,
    default_lexicon,
    load_lexicon,
    word_text,
)


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
        # markets copy is about money, oil tankers about sanctions (not "tank*" weapons)
        ("the central bank cut its key rate by 50 basis points at its meeting", "money"),
        ("the currency lost 1.5% on the stock exchange", "money"),
        ("two tankers", "sanctions"),
        ("3 million bpd", "sanctions"),
        ("the bank cut its benchmark rate to 2.5 percent", "money"),
        # national accounts
        ("the economy expanded 4.1% last year", "money"),
        ("real gross domestic product grew 2.2%", "money"),
        ("gross national income per capita came to 1.6 million won", "money"),
        # "fallen" as the dead, not as a number that fell
        ("the remains of fallen soldiers", "casualties"),
        ("the number of Uzbeks had fallen from 9,000", "other"),
        ("(1, damaged) (2, abandoned) (3, captured)", "weapons"),
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


def test_scores_count_words_phrases_and_symbols() -> None:
    # "killed in action" adds nothing to "killed" (same topic); "taken prisoner" adds to "prisoner"
    scores = default_lexicon().scores("Three soldiers were killed in action and 2 taken prisoner for $5")
    assert scores == {"casualties": 1.0, "prisoners": 2.0, "deployment": 0.9, "money": 0.9}


def test_topic_of_is_none_without_a_keyword() -> None:
    lexicon = default_lexicon()
    assert lexicon.topic_of("weather") is None
    assert lexicon.topic_of("") is None
    assert lexicon.topic_of("Council seats") == "other"  # "other" lists keywords of its own
    assert lexicon.topic_of("capture of two soldiers") == "prisoners"


def test_words_pattern_finds_whole_words_that_may_count() -> None:
    pattern = _words_pattern(["dead"], ["kill"], ["missing"])
    found = [m.group() for m in pattern.finditer("killers dead deadly skill missing missings kill_ kill")]
    assert found == ["killers", "dead", "missing", "kill_", "kill"]
    assert _words_pattern([], [], []).findall("anything at all") == []


def test_classifier_spans_answer_as_their_slices() -> None:
    lexicon = default_lexicon()
    text = "Over 300 soldiers were killed; 5 missiles were fired."
    topics = Classifier(lexicon, text)
    assert topics.classify((0, 30)) == "casualties"
    assert topics.classify((31, 53)) == "weapons"
    assert topics.classify((9, 17)) == "deployment"  # "soldiers"
    assert topics.classify((31, 38)) == "other"  # "5 missi": the end cuts the word
    assert topics.classify((10, 10)) == "other"  # empty
    # the first span or text with a topic wins, as with strings
    assert topics.classify(None, "", (31, 38), (0, 30)) == "casualties"
    assert topics.classify("regions", (0, 30)) == "other"
    # a span that starts inside a word reads the cut word as a word, like its slice
    cut = Classifier(lexicon, "unkilled soldiers")
    assert cut.classify((2, 17)) == lexicon.classify("killed soldiers") == "casualties"
    assert cut.classify((0, 17)) == "deployment"
    # texts whose lower case is longer (U+0130) or depends on context (capital sigma)
    for odd in ("İstanbul troops killed", "ΟΔΟΣ troops killed"):
        assert Classifier(lexicon, odd).classify((4, len(odd))) == lexicon.classify(odd[4:]) == "casualties"


def test_classifier_span_ends_phrases_as_the_text_end() -> None:
    lexicon = Lexicon((Topic("combat", 1.0, ("in action",)), Topic("other", 0.0, ())))
    topics = Classifier(lexicon, "killed in actions")
    assert topics.classify((0, 17)) == "other"  # "in actions" is not the phrase
    assert topics.classify((7, 16)) == "combat" == lexicon.classify("in action")


def test_word_text_blanks_what_is_no_word_character() -> None:
    blanked = "Kim s troops killed  in action   x_y 3 000"
    assert word_text("Kim’s troops—killed “in action”; x_y 3,000") == blanked
    assert word_text("") == ""
    # a letter beyond ASCII is a word character: no word text (spans are scanned by the regex then)
    assert word_text("Café troops") is None


def test_classifier_spans_split_into_words_answer_as_their_slices() -> None:
    lexicon = default_lexicon()
    text = "Kim’s troops — “killed in action”, officials said; “1718” panel"
    topics = Classifier(lexicon, text)
    for span in [(6, 12), (15, len(text)), (0, 5), (51, len(text)), (15, 24), (16, 34), (35, 50)]:
        assert topics.classify(span) == lexicon.classify(text[slice(*span)])
    assert topics.classify((6, 12)) == "deployment"
    assert topics.classify((15, 34)) == "casualties"
    assert topics.classify((51, len(text))) == "sanctions"


def test_classifier_finds_phrases_at_whole_words_only() -> None:
    combat = Topic("combat", 1.0, ("in action",))
    lexicon = Lexicon((combat, Topic("council", 2.0, ("security council", "un")), Topic("other", 0.0, ())))
    text = "within action; in action. in actions, security councils, security council"
    topics = Classifier(lexicon, text)
    assert topics.classify((0, 13)) == "other"  # "in" inside "within" is no word
    assert topics.classify((15, 25)) == "combat"
    assert topics.classify((26, 36)) == "other"  # "in actions" is not the phrase
    assert topics.classify((38, 55)) == "other"
    assert topics.classify((57, len(text))) == "council"
    assert topics.classify((0, len(text))) == "council" == lexicon.classify(text)  # 1 x 2.0 over 1 x 1.0


def test_wounded_soldiers_captured_are_prisoners() -> None:
    from dprk_tracker.extract import extract

    found = extract("Kyiv's forces had captured two wounded North Korean soldiers.", "2025-01-13").figures
    assert [(f.text, f.unit, f.topic) for f in found] == [("two", "soldiers captured", "prisoners")]


def test_oil_deliveries_are_a_sanctions_figure() -> None:
    from dprk_tracker.extract import extract

    found = extract("Russia supplied more than 1 million barrels of oil last year.", "2025-01-13").figures
    assert [(f.text, f.unit, f.topic) for f in found] == [
        ("more than 1 million barrels", "barrels", "sanctions")
    ]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # "defect*" read "defective" as a defection: the word forms are listed instead.
        ("Up to 40 percent of the shells supplied were defective, officials said.", "weapons"),
        ("Two soldiers defected in May.", "prisoners"),
        # (defectors resettled in the South are no prisoners)
        ("The number of defectors fell.", "other"),
        ("He spoke of his defection.", "prisoners"),
    ],
)
def test_defective_is_no_defection(text: str, topic: str) -> None:
    assert default_lexicon().classify(text) == topic
