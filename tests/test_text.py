"""Sentences and clauses: where a sentence ends, and which periods end none."""

from __future__ import annotations

import pytest

from dprk_tracker.text import clause_spans, sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_marks_quotes_and_brackets_end_sentences() -> None:
    text = 'Wow?! Really. (Yes.) "No!" [ok.] end'
    assert sentence_spans(text) == [(0, 5), (6, 13), (14, 20), (21, 26), (27, 32), (33, 36)]


def test_a_run_of_marks_is_one_end() -> None:
    # "?." and "!!" are each one end, found once whichever mark the run starts with
    assert _sentences('He asked: "Why?" Then left!! Gone?. Done') == [
        'He asked: "Why?"',
        "Then left!!",
        "Gone?.",
        "Done",
    ]
    assert _sentences("Stop!.. Go?!? Now...") == ["Stop!..", "Go?!?", "Now..."]


def test_abbreviations_and_initials_end_no_sentence() -> None:
    text = "Mr. Kim met U.S. officials on Oct. 8.In Seoul, e.g. here.\nNext line"
    assert _sentences(text) == ["Mr. Kim met U.S. officials on Oct. 8.", "In Seoul, e.g. here.", "Next line"]
    # a word longer than any abbreviation, or a period after a digit, ends one
    assert _sentences("They withdrew. Troops left in 2024. Then Gen. Kim spoke.") == [
        "They withdrew.",
        "Troops left in 2024.",
        "Then Gen. Kim spoke.",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # an abbreviation before a line break still ends the sentence
        ("Talks ended Jan.\nThen more", ["Talks ended Jan.", "Then more"]),
        # a blank line ends one; a hard-wrapped line does not
        ("First part\n\nSecond", ["First part", "Second"]),
        ("a sentence wrapped\nmid-way. Next", ["a sentence wrapped\nmid-way.", "Next"]),
        # the window read before a period is 12 characters: longer initials are cut, as before
        ("x.y.z.a.b.c.d. Then", ["x.y.z.a.b.c.d. Then"]),
        ("  \n\t ", []),
    ],
)
def test_line_breaks_and_edges(text: str, sentences: list[str]) -> None:
    assert _sentences(text) == sentences


def test_clauses_split_at_semicolons_dashes_and_coordinating_commas() -> None:
    text = "Troops arrived in May; more came later, and losses grew — officials said"
    assert [text[a:b] for a, b in clause_spans(text, 0, len(text))] == [
        "Troops arrived in May",
        "; more came later",
        "and losses grew",
        "— officials said",
    ]
