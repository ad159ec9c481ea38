"""Reading articles: structure recognized by shape, offsets never moved."""

from __future__ import annotations

import re

import pytest

from dprk_tracker.reader import (
    ReadError,
    _filled_lines,
    _line_patterns,
    _vocabulary,
    blank_spans,
    decode,
    parse,
)

from .conftest import SEED


def test_seed_layout() -> None:
    article = parse(SEED.read_text("utf-8"))
    assert article.title == "Human Rights Groups Advocate for North Korean POW Asylum in South Korea"
    assert article.external_id == "6136f5c3-0520-4ff1-a169-743ef41a7a3a"
    assert article.summary is not None
    assert article.summary.startswith("Human rights organizations are urging Ukraine to allow captured")
    assert article.source == "www.dailynk.com"
    assert article.body.endswith("ultimately reshape regional security dynamics.")
    assert "Leave a Reply" not in article.body
    assert "Original Source" not in article.body
    # The number line and the id line are metadata: blanked for extraction, offsets unchanged.
    content = article.content()
    assert len(content) == len(article.body)
    assert "6136f5c3" not in content
    assert content.splitlines()[2].strip() == ""


def test_same_shape_other_words() -> None:
    text = (
        "Ceasefire Talks Stall\n\n17\nab12cd34-0000-1111-2222-333344445555\n\n"
        "Short summary here.\n\nFirst body paragraph.\n\nSource: https://example.org/news/1\n\n"
        "Leave a Comment\n\nName *\n"
    )
    article = parse(text)
    assert article.title == "Ceasefire Talks Stall"
    assert article.summary == "Short summary here."
    assert article.source == "example.org"
    assert article.url == "https://example.org/news/1"
    assert article.body.endswith("First body paragraph.")


def test_a_source_line_above_the_story_names_the_outlet_and_ends_nothing() -> None:
    text = (
        "Envoys meet in Pyongyang\n\nSource: Xinhua\nEditor: Li Wei\n\n"
        "PYONGYANG, June 3 (Xinhua) -- Envoys met on Tuesday.\n\nThey agreed to meet again.\n\n"
        "Source: https://example.org/a\n\nComments\n"
    )
    article = parse(text)
    assert (article.source, article.place, article.date) == ("Xinhua", "Pyongyang", "June 3")
    assert article.body.endswith("They agreed to meet again.")


def test_a_source_line_that_labels_a_paragraph_ends_nothing() -> None:
    # Ukrainian outlets open paragraphs with labels: "Source:", "Details:", "Quote:".
    text = (
        "Air defence downs drones over Kharkiv\n\n"
        "Ukraine's air defence shot down 40 of 52 drones overnight, the Air Force reported.\n\n"
        "Source: Ukraine's Air Force on Telegram\n\n"
        "Details: The drones were launched from Kursk Oblast and from occupied Crimea overnight.\n\n"
        'Quote: "Twelve drones were lost on location, probably because of electronic warfare."\n\n'
        "Source: https://example.org/b\n\nLeave a Reply\n\n"
        "Save my name, email, and website in this browser for the next time I comment.\n"
    )
    article = parse(text)
    assert article.source == "example.org"  # the label names the paragraph's source, not the outlet
    assert article.url == "https://example.org/b"
    assert article.body.endswith('probably because of electronic warfare."')
    assert "Details: The drones were launched" in article.content()


def test_a_closing_source_line_before_short_links_ends_the_story() -> None:
    text = (
        "Envoys meet\n\nEnvoys met in Pyongyang on Tuesday and agreed to meet again.\n\n"
        "Source: Reuters\n\nRead more: Kim visits Moscow\n\nPhoto: KCNA.\n"
    )
    assert parse(text).body.endswith("agreed to meet again.")


def test_a_label_above_the_headline_is_no_title() -> None:
    article = parse(
        "EXPLAINER\n\nWhy Pyongyang's shells matter to Moscow in 2025\n\n"
        "North Korea has shipped millions of shells since 2023.\n"
    )
    assert article.title == "Why Pyongyang's shells matter to Moscow in 2025"
    assert article.headline is not None
    assert article.text[slice(*article.headline)] == article.title
    # The label is page furniture: blanked for extraction, offsets unchanged.
    assert article.content().startswith(" " * len("EXPLAINER"))
    two_labels = parse(
        "U.S. EMBASSY SEOUL\nPRESS RELEASES\n\nEmbassy Statement on Sanctions Against Arms Brokers\n\n"
        "Body text follows here.\n"
    )
    assert two_labels.title == "Embassy Statement on Sanctions Against Arms Brokers"
    # After a label in capitals or with a bar, a headline may end with a period.
    assert parse("OPINION | ESSAY\n\nThe axis will outlast the war. Plan for it.\n\nText.\n").title == (
        "The axis will outlast the war. Plan for it."
    )
    assert (
        parse("Weekly Brief\n\nThe axis will outlast the war. Plan for it.\n\nText.\n").title
        == "Weekly Brief"
    )


def test_a_first_line_without_words_is_no_label() -> None:
    assert parse("* * *\n\nWhat the treaty gives North Korea and Russia\n\nText.\n").title == "* * *"


def test_a_short_headline_stays_the_title() -> None:
    # What follows is a standfirst, a byline, a masthead's tagline, a date or a second label.
    for second in (
        "Leaders met in Pyongyang on Tuesday to sign a treaty.",
        "By Kim Min-ji and Lee Jun-ho",
        "Published daily by the Institute for Korea Studies",
        "March 3, 2025 10:00AM EST",
        "ANALYSIS | SECURITY | EAST ASIA",
        "Envoys meet",
        "ANALYSIS | SECURITY\n\nNorth Korea and Russia signed a mutual defence treaty on Tuesday.",
    ):
        assert parse(f"Kim meets Putin\n\n{second}\n\nBody text follows here.\n").title == "Kim meets Putin"
    assert parse(
        "The Review\nANALYSIS | SECURITY\n\nWhat the treaty gives North Korea and Russia\n\nText.\n"
    ).title == ("What the treaty gives North Korea and Russia")


def test_the_outlet_a_label_or_a_byline_line_names_is_the_source() -> None:
    body = "\n\nNorth Korea has sent more troops to Russia, officials said on Tuesday.\n"
    for header, outlet in (
        ("The Kyiv Independent\n\nHUR says Pyongyang will send thousands more workers", "Kyiv Independent"),
        ("JOONGANG DAILY | North Korea\n\nSpy agency says more troops head to Russia", "JoongAng Daily"),
        ("Troops head to Russia, spy agency says\n\nBy Kim Min-ji\nAssociated Press", "AP"),
        ("Troops head to Russia, spy agency says\n\nThe Dong-A Ilbo (English edition)", "Dong-A Ilbo"),
        ("Troops head to Russia\n\nVoice of America | Washington | February 21, 2025", "Voice of America"),
    ):
        assert parse(header + body).source == outlet
    # A name inside the story is not the outlet; a dateline's agency comes first.
    assert parse("Troops head to Russia" + body + "\nReuters\n").source is None
    dated = parse("Troops head to Russia\n\nThe Diplomat\n\nSEOUL, March 5 (Yonhap) -- Troops left." + body)
    assert dated.source == "Yonhap"


def test_a_threads_post_numbers_are_page_furniture() -> None:
    text = (
        "Thread on the rotation\n\n1/ Units crossed on Oct 20.\n\n2/12 More followed.\n\n"
        "10/ 3/4 of them stayed.\n"
    )
    content = parse(text).content()
    assert content.splitlines()[2:] == [
        "   Units crossed on Oct 20.",
        "",
        "     More followed.",
        "",
        "    3/4 of them stayed.",
    ]
    # One such line is no thread: "1/ of the ..." may be a fraction's start.
    single = "Rotation\n\n1/ Units crossed on Oct 20.\n\nMore followed.\n"
    assert parse(single).content() == single.rstrip()


def test_markdown_front_matter_and_heading() -> None:
    text = '---\ntitle: "Troops in Kursk"\ndate: 2025-03-05\nsource: Yonhap\nurl: https://x.example/a\n---\n\nBody.\n'
    article = parse(text)
    assert (article.title, article.date, article.date_origin, article.source, article.url) == (
        "Troops in Kursk",
        "2025-03-05",
        "metadata",
        "Yonhap",
        "https://x.example/a",
    )
    assert article.content().strip() == "Body."
    heading = parse("# A Heading\n\nText.\n")
    assert heading.title == "A Heading"
    assert heading.content().startswith("  A Heading")


def test_dateline_gives_place_date_and_agency() -> None:
    article = parse("Troops arrive\n\nSEOUL, March 5 (Yonhap) -- North Korea sent more troops.\n")
    assert (article.place, article.date, article.date_origin, article.source) == (
        "Seoul",
        "March 5",
        "dateline",
        "Yonhap",
    )


def test_kyodo_dateline_names_its_agency_without_brackets() -> None:
    article = parse("Japan to extend sanctions\n\nTOKYO, Nov. 5 Kyodo - Japan will impose new sanctions.\n")
    assert (article.place, article.date, article.date_origin, article.source) == (
        "Tokyo",
        "Nov. 5",
        "dateline",
        "Kyodo",
    )


@pytest.mark.parametrize(
    ("dateline", "place", "source"),
    [
        ("KYIV, Ukraine (AP) —", "Kyiv, Ukraine", "AP"),
        ("SEOUL/VLADIVOSTOK (Reuters) -", "Seoul/Vladivostok", "Reuters"),
        ("WASHINGTON —", "Washington", None),
        ("SEOUL --", "Seoul", None),
        # a kicker is no place
        ("EXCLUSIVE —", None, None),
        ("ANALYSIS --", None, None),
    ],
)
def test_a_dateline_without_a_date(dateline: str, place: str | None, source: str | None) -> None:
    article = parse(f"Troops arrive\n\n{dateline} North Korea sent more troops.\n")
    assert (article.place, article.date, article.source, article.dateline is not None) == (
        place,
        None,
        source,
        place is not None,
    )


def test_a_wire_updates_note_and_byline_come_before_the_dateline() -> None:
    article = parse(
        "UPDATE 1-Seoul says more troops sent\n\n(Adds Kremlin comment in paragraph 5)\n\n"
        "By Jane Doe and John Roe\n\nSEOUL, March 5 (Reuters) - North Korea sent more troops.\n"
    )
    assert (article.place, article.date, article.source) == ("Seoul", "March 5", "Reuters")
    # a dateline further down, after the story has begun, is none
    late = parse(
        "Talks\n\n"
        + "North Korea sent more troops, officials said. " * 6
        + "\n\nSEOUL, March 5 (Yonhap) - More.\n"
    )
    assert late.date is None


def test_a_capitalized_word_after_a_date_is_no_agency() -> None:
    article = parse("Talks\n\nSEOUL, March 5 Officials - said more.\n")
    assert article.source is None


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty file"), (b"\n \n", "empty file"), (b"\x00\x01\x02abc", "binary file, not text")],
)
def test_decode_refuses(data: bytes, message: str) -> None:
    with pytest.raises(ReadError, match=message):
        decode(data)


def test_decode_fallback_and_bom() -> None:
    assert decode("\ufeffTitle".encode()).text == "Title"
    fallback = decode(b"Caf\xe9")
    assert (fallback.text, fallback.encoding) == ("Café", "cp1252")
    assert fallback.warning == "not valid UTF-8 (byte 3); decoded as Windows-1252"


def test_blank_spans_keeps_newlines_and_length() -> None:
    assert blank_spans("ab\ncd\nef", [(1, 4)]) == "a \n d\nef"
    # any order, overlapping, past the end
    assert blank_spans("abcdefgh", [(5, 20), (1, 3), (2, 4)]) == "a   e   "
    assert blank_spans("abc", []) == "abc"
    assert blank_spans("abc", [(2, 2), (5, 9)]) == "abc"


def test_boilerplate_patterns_are_one_alternation_matching_as_each() -> None:
    _, boilerplate, _ = _line_patterns()
    assert len(boilerplate) == 1
    separate = [re.compile(p, re.I) for p in _vocabulary()["boilerplate"]]
    lines = ("Leave a Reply", "  12 Comments", "Share this article:", "© 2025 Daily NK", "Comments are open")
    for line in lines:
        assert bool(boilerplate[0].match(line)) == any(p.match(line) for p in separate)
    related = ("Related Posts", "Related posts about Kursk")
    assert [bool(boilerplate[0].match(x)) for x in related] == [True, False]


def test_filled_lines_skip_blank_ones_and_keep_offsets() -> None:
    text = "title\n\n  \t\nbody line\r\n \u2028 \n  last"
    assert _filled_lines(text) == [(0, 5), (11, 21), (26, 32)]
    assert _filled_lines(text, 7) == [(11, 21), (26, 32)]
    assert _filled_lines(text, 13) == [(13, 21), (26, 32)]  # from mid-line, as a line of its own
    assert _filled_lines(" \n\t") == []


def test_an_encyclopedia_articles_closing_sections_are_no_content() -> None:
    text = (
        "Timeline\n\nTalks opened in 2023.\n\nSee also\n- Battle of Kursk (2024–2025)\n\n"
        "References\n1. Retrieved 2 May 2025.\n"
    )
    article = parse(text)
    assert article.body.endswith("Talks opened in 2023.")
    # a line that only begins with the words is content
    assert parse("Title\n\nReferences to the treaty grew in 2024.\n").body.endswith("in 2024.")
