"""The extraction pipeline on how real news copy states its date: bylines and agency datelines."""

from __future__ import annotations

import pytest

from dprk_tracker.extract import extract

BODY = "Officials said on Monday that the troops had moved, and that more would follow next week."


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("By Jane Doe\nPublished 5:12 AM EST, January 11, 2025", "2025-01-11"),
        ("Jane Doe in Tokyo\nFriday 7 February 2025", "2025-02-07"),
        ("by Jane Doe\nJune 12, 2025 4:37 PM", "2025-06-12"),
        ("Jane Doe and John Roe | Published October 15, 2025", "2025-10-15"),
        ("By Jane Doe\nPublished : Jan. 20, 2026 - 17:01", "2026-01-20"),
        ("Live updates, Wednesday 13 November 2024", "2024-11-13"),
        # A standfirst longer than a byline may stand between the title and the byline.
        (
            "A long standfirst line that sums the story up for the reader in one breath, as magazines do it\n"
            "By Jane Doe\n29 May 2025",
            "2025-05-29",
        ),
    ],
)
def test_a_byline_dates_the_article(header: str, published: str) -> None:
    result = extract(f"Troops move\n\n{header}\n\n{BODY}")
    assert (result.published, result.published_source, result.precision) == (published, "document", "day")
    # The byline dates the article; it is no event. Monday is read against it.
    assert [e.time_text for e in result.events] == ["Monday", "next week"]


def test_a_sentence_or_a_title_with_a_date_is_no_byline() -> None:
    result = extract(
        "Talks on March 3, 2025\n\nTalks were held on March 3, 2025 in Seoul, the ministry said."
    )
    # The title is no byline; its full date dates the article as a headline's does, and the body's
    # date is the one event.
    assert (result.published, result.published_source) == ("2025-03-03", "document")
    assert [(e.time_text, e.when) for e in result.events] == [("March 3, 2025", "2025-03-03")]
    result = extract("Talks\n\nOn March 3, 2025, talks were held.\n\n" + BODY)
    assert result.published_source == "inferred"


def test_front_matter_dates_before_a_byline_and_a_byline_before_a_yearless_dateline() -> None:
    front = extract("---\ndate: 2025-03-05\n---\nTitle\n\nJune 12, 2025\n\nTroops moved on Monday.")
    assert (front.published, front.published_source) == ("2025-03-05", "document")
    # A yearless dateline would take the latest year the text names (2023 here): the byline is surer.
    yearless = extract("Title\n\nSEOUL, June 11 (Yonhap) -- Troops moved as in 2023.")
    assert yearless.published == "2023-06-11"
    both = extract("Title\n\nPublished June 12, 2025\n\nSEOUL, June 11 (Yonhap) -- Troops moved as in 2023.")
    assert both.published == "2025-06-12"


def test_a_russian_agency_dateline() -> None:
    result = extract("Title\n\nMOSCOW, April 26. /TASS/. Troops moved on Saturday, as they did in 2025.")
    assert (result.published, result.published_source) == ("2025-04-26", "inferred")  # the year
    # The dateline's "April 26" is when the story was filed, no event.
    assert [(e.time_text, e.when) for e in result.events] == [("Saturday", "2025-04-26"), ("2025", "2025")]


@pytest.mark.parametrize(
    "dateline",
    [
        "MINSK. Aug 14 (Interfax) -",  # a point after the place, as Interfax writes it
        "Vladivostok, Aug 14 (KCNA) --",  # a place in title case before an agency in brackets
    ],
)
def test_agency_dateline_forms(dateline: str) -> None:
    body = "The ferry will sail on Sept 2, the agency said Monday. It ran in 2023."
    result = extract(f"Title\n\n{dateline} {body}")
    assert (result.published, result.published_source) == ("2023-08-14", "inferred")
    assert [(e.time_text, e.when) for e in result.events] == [
        ("Sept 2", "2023-09-02"),
        ("Monday", "2023-08-14"),
        ("2023", "2023"),
    ]


def test_a_title_case_place_needs_the_agency_to_be_a_dateline() -> None:
    result = extract("Title\n\nVladivostok, Aug 14 - the ferry sailed, as it did in 2023.")
    assert [e.time_text for e in result.events] == ["Aug 14", "2023"]


def test_the_end_of_a_span_of_years_ahead_is_no_year_of_the_text() -> None:
    result = extract("Title\n\nHANOI, Aug 14 (Reuters) - Fees rose in 2023; they will enrol in 2024-2025.")
    assert result.published == "2024-08-14"


def test_a_dated_list_item_is_no_byline() -> None:
    result = extract(
        "Key dates\n\n- 2024-10-08: North Korea sent troops\n- 2024-11-04: fighting began\n\n" + BODY
    )
    assert result.published_source == "inferred"
    assert [e.time_text for e in result.events][:2] == ["2024-10-08", "2024-11-04"]


def test_a_datelines_date_is_no_event() -> None:
    """A dateline tells when the story was filed, as a byline does: its date is the article's, and
    the lede's own times are the events."""
    dated = extract("Title\n\nSEOUL, Dec 23, 2024 (Reuters) - Troops came in October, it said Monday.")
    assert dated.published == "2024-12-23"
    assert [(e.time_text, e.when) for e in dated.events] == [("October", "2024-10"), ("Monday", "2024-12-23")]
    yearless = extract("Title\n\nKYIV, March 5 (AP) — Troops moved on Saturday, as they did in 2024.")
    assert (yearless.published, yearless.published_source) == ("2024-03-05", "inferred")
    assert [(e.time_text, e.when) for e in yearless.events] == [("Saturday", "2024-03-02"), ("2024", "2024")]
    assert [t.text for t in yearless.times] == ["March 5", "Saturday", "2024"]  # still a time


@pytest.mark.parametrize(
    "dateline",
    [
        "SEOUL, March 8 (Yonhap) --",
        "SEOUL, March 8 (Reuters) -",
        "MOSCOW, March 8. /TASS/.",
        "TOKYO, March 8 Kyodo -",
    ],
)
def test_quotes_start_after_the_dateline(dateline: str) -> None:
    """Where and when the story was filed is no part of what the lede's sentence says."""
    lede = "North Korea has sent about 11,000 troops to Russia since October, officials said."
    result = extract(f"Title\n\n{dateline} {lede} It began in 2024.", published="2025-03-08")
    events = [(e.text, e.time_text) for e in result.events]
    assert events == [(lede, "October"), ("It began in 2024.", "2024")]
    assert [(f.text, f.sentence) for f in result.figures] == [("about 11,000", lede)]


def test_a_kyodo_dateline_without_brackets() -> None:
    result = extract("Title\n\nTOKYO, Nov. 5 Kyodo - Japan said Tuesday it would act, as it did in 2024.")
    assert (result.published, result.published_source) == ("2024-11-05", "inferred")  # the year
    assert [(e.time_text, e.when) for e in result.events] == [("Tuesday", "2024-11-05"), ("2024", "2024")]


def test_an_updated_line_after_the_byline_is_no_event() -> None:
    result = extract(
        "Map shows troops\n\nBy Jane Doe\nPublished Apr 03, 2026 at 10:12 AM EDT\n"
        f"Updated Apr 03, 2026 at 12:40 PM EDT\n\n{BODY}"
    )
    assert (result.published, result.published_source) == ("2026-04-03", "document")
    assert [e.time_text for e in result.events] == ["Monday", "next week"]


def test_a_line_that_is_only_a_date_is_no_event() -> None:
    result = extract(
        "Timeline\n\n2024\n* 19 June 2024 – Russia and North Korea sign a treaty.\n\n2025:\n"
        "* 9 January 2025 – Two soldiers are captured.\n"
    )
    assert [e.time_text for e in result.events] == ["19 June 2024", "9 January 2025"]


def test_a_live_blogs_time_stamp_line_is_no_event() -> None:
    result = extract(
        "War live\n\n9:02 a.m. ET, March 3, 2025\n\nTroops crossed the river on Sunday, the army said.\n\n"
        "7:30 GMT, 3 March 2025\n\nThe talks began at 10 a.m. on March 3, 2025 in Geneva.\n",
        "2025-03-03",
    )
    assert [(e.time_text, e.when) for e in result.events] == [
        ("Sunday", "2025-03-02"),
        ("10 a.m. on March 3, 2025", "2025-03-03T10:00"),
    ]


def test_a_section_heading_in_capitals_is_no_event() -> None:
    result = extract(
        "Weekly\n\nTroops left on Monday.\n\nALSO THIS WEEK\n\n- Kim visited a factory on Thursday.\n",
        "2025-09-26",
    )
    assert [e.time_text for e in result.events] == ["Monday", "Thursday"]


def test_a_notes_date_is_no_event() -> None:
    result = extract(
        "Shells for Russia\n\nThe shipments began in August 2023.[1]\n\nNotes\n\n"
        "[1] Interview with an intelligence officer, Seoul, 14 May 2025.\n"
        "[2] NIS briefing, 4 September 2025.\n"
    )
    assert [e.time_text for e in result.events] == ["August 2023"]


def test_a_headlines_times_are_no_events() -> None:
    """A headline restates the story (or names the issue's date): its times are the body's events
    already. A first line that ends a sentence is the story's opening, pasted without a title."""
    headed = extract("N. Korea sent 3,000 more troops this year: JCS\n\nThe troops arrived in March 2025.")
    assert [(e.time_text, e.when) for e in headed.events] == [("March 2025", "2025-03")]
    assert [t.text for t in headed.times] == ["this year", "March 2025"]  # still a time
    dated = extract("Campaign Assessment, November 5, 2024\n\nRussian forces advanced on November 4.")
    assert [(e.time_text, e.when) for e in dated.events] == [("November 4", "2024-11-04")]
    opening = extract("Troops arrived in October 2024, officials said.\n\nMore followed in December.")
    assert [(e.time_text, e.when) for e in opening.events] == [
        ("October 2024", "2024-10"),
        ("December", "2024-12"),
    ]


def test_a_full_date_in_the_headline_dates_the_article() -> None:
    """When nothing better does (front matter, a dated dateline, a byline), a full date in the
    headline dates the article, unless the text names a later year (a date looked back on)."""
    issue = extract("Campaign Assessment, November 5, 2024\n\nRussian forces advanced on Monday.")
    assert (issue.published, issue.published_source) == ("2024-11-05", "document")
    assert [(e.time_text, e.when) for e in issue.events] == [("Monday", "2024-11-04")]
    update = extract("Operational update as of 08:00 on 14.01.2025\n\nOver the past day, 150 clashes.")
    assert (update.published, update.published_source) == ("2025-01-14", "document")
    looked_back = extract("Remembering June 25, 1950\n\nIn 2023 veterans met on Monday.")
    assert (looked_back.published, looked_back.published_source) == ("2023", "inferred")
    bylined = extract("Assessment, November 5, 2024\n\nPublished January 11, 2025\n\nTroops moved Monday.")
    assert bylined.published == "2025-01-11"


def test_a_yearless_datelines_year_agrees_with_the_weekday_the_story_names() -> None:
    """A dateline "SEOUL, March 27" in a text whose latest year is 2023, saying "said Thursday": 27
    March 2023 was a Monday, 2025's a Thursday (stories name this year's events as "this year",
    without the number)."""
    result = extract(
        "Title\n\nSEOUL, March 27 (Yonhap) -- More troops went this year, the military said Thursday. "
        "The first ones left in 2023."
    )
    assert (result.published, result.published_source) == ("2025-03-27", "inferred")
    assert [(e.time_text, e.when) for e in result.events] == [
        ("this year", "2025"),
        ("Thursday", "2025-03-27"),
        ("2023", "2023"),
    ]
    # The day before the dateline's ("said Monday" under a Tuesday dateline) agrees too: 2024 stays.
    day_before = extract("Title\n\nSEOUL, Dec 24 (Yonhap) -- The army said Monday that troops left in 2024.")
    assert day_before.published == "2024-12-24"
    # No year next to the latest one has that weekday on that day: the latest year stays.
    no_match = extract("Title\n\nKYIV, March 5 (AP) — Troops moved on Saturday, as they did in 2024.")
    assert no_match.published == "2024-03-05"
    # "next Monday" is not the story's day.
    ahead = extract("Title\n\nSEOUL, March 27 (Yonhap) -- Talks resume next Thursday, as agreed in 2023.")
    assert ahead.published == "2023-03-27"


def test_years_ahead_of_the_text_do_not_date_it() -> None:
    """A deadline's year ("by the end of 2026") and a fiscal year are often ahead of the story's own
    time: the latest of the other years dates a text that gives no date (a met deadline counts)."""
    result = extract("Troops fought in 2024. A bridge is scheduled to open by the end of 2026.")
    assert extract("Over 3,000 had been killed by early 2025, after the 2024 deployment.").published == "2025"
    assert (result.published, result.published_source) == ("2024", "inferred")
    fiscal = extract("Japan sanctioned firms in 2023 and asked for more in the budget for fiscal 2025.")
    assert fiscal.published == "2023"
    only_ahead = extract("A bridge is scheduled to open by the end of 2026.")
    assert only_ahead.published == "2026"  # nothing else to go by


def test_a_dateline_after_a_wire_updates_lines() -> None:
    result = extract(
        "UPDATE 2-North Korea sent more troops, Seoul says\n\n(Adds details in paragraphs 4-6)\n\n"
        "By Jane Doe\n\nSEOUL, Feb 27 (Reuters) - North Korea sent more troops in January, the military "
        "said on Thursday, on top of about 11,000 sent in 2024."
    )
    assert (result.published, result.published_source) == ("2025-02-27", "inferred")
    assert [(e.time_text, e.when) for e in result.events] == [
        ("January", "2025-01"),
        ("Thursday", "2025-02-27"),
        ("2024", "2024"),
    ]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # A baseline the sentence compares with makes no event of its own...
        ("The economy grew 3.7 per cent in 2024, its fastest rate since 2016.", [("2024", "2024")]),
        ("Trains run again for the first time since 2020.", []),
        # (but "the first trip since 2019" tells there was one in 2019: see test_event_spans)
        ("It was his first trip to the Russian capital since 2019.", [("2019", "2019")]),
        ("The army had not fought a war since 1953.", []),
        ("The border hasn't reopened since 2020.", []),
        # ...what goes on since a date does, and so does a count of at least N since it.
        ("Japan has kept its sanctions since 2006.", [("2006", "2006")]),
        ("It shipped at least 16,000 containers since September 2023.", [("September 2023", "2023-09")]),
        ("It was her third trip to Russia since last November.", [("last November", "2024-11")]),
        # ...and so does the clause a baseline opens: it tells what happened then
        ("Flights resumed, the first since 2020, when the border was sealed.", [("2020", "2020")]),
        ("She has not been back since 2018, when she fled to Seoul.", [("2018", "2018")]),
    ],
)
def test_a_since_baseline_is_no_event(text: str, events: list[tuple[str, str]]) -> None:
    result = extract(text, published="2025-05-01")
    assert [(e.time_text, e.when) for e in result.events] == events
    assert len(result.times) >= len(events)  # the baseline is still a time expression


def test_a_line_holding_only_a_span_of_clock_times_is_no_event() -> None:
    result = extract("Press Conference\n\nMonday, March 3, 2025\n14:02-14:30\n\nTroops moved on Friday.")
    assert result.published == "2025-03-03"
    assert [(e.time_text, e.when) for e in result.events] == [("Friday", "2025-02-28")]


@pytest.mark.parametrize(
    "stamp",
    [
        "Last Reviewed: October 2025",
        "Last edited 9:14 PM · Apr 8, 2025 · 48.2K Views",
        "Updated: 12 March 2026",
        "Posted on : Mar.12,2026 09:30 KST  Modified on : Mar.12,2026 10:02 KST",
        "Published on: March 12, 2026",
        # a link to another story: its date and count are that story's
        "Read also: 5,000 more troops head to Kursk, six months on (March 3, 2026)",
        # an author's line: the page's stamp ("5 hours ago"), no event
        "By Mariko Tanaka, JIJI PRESS - 5 hours ago - 08:40 | Asia",
        "By Lee Min-ho | Seoul | 2 hours ago",
        # a live blog's entry header, a note on an update, a link out, a print edition's note
        "16:05 GMT - Losses mount on the border",
        "7.20am BST – Overnight summary",
        "Updated at 5.12pm GMT",
        "Editor's note: This piece was updated at 3:15 p.m. to add a quote from the ministry.",
        "Click here to read the notices issued today.",
        "This story appeared in the May 2026 issue with the headline 'Kim's bargain.'",
        # a press release's closing stamp, without a colon
        "Updated March 12, 2026",
        # a wire story's update notes
        "UPDATE 1 (9:40 a.m.): Adds reaction from Tuesday, 2 paragraphs",
        "UPDATE 3: Recasts with casualty figures",
    ],
)
def test_a_pages_stamp_line_makes_no_event_nor_figure(stamp: str) -> None:
    text = f"Fact sheet\n\n{stamp}\n\nIn 2024, 12,000 troops went to Russia.\n"
    result = extract(text, "2026-03-20")
    assert [(e.time_text, e.when) for e in result.events] == [("2024", "2024")]
    assert [f.text for f in result.figures] == ["12,000"]


def test_a_sentence_opening_with_by_and_a_date_is_no_authors_line() -> None:
    text = "Fact sheet\n\nBy October 2024, 12,000 troops had gone to Russia.\n"
    result = extract(text, "2026-03-20")
    assert [(e.time_text, e.when, e.relation) for e in result.events] == [
        ("October 2024", "2024-10", "ON_OR_BEFORE")
    ]


def test_a_sentence_opening_with_revised_is_no_stamp() -> None:
    text = "Thread\n\nRevised estimates put the toll at 4,000 in March 2025, officials said.\n"
    result = extract(text, "2026-03-20")
    assert [e.when for e in result.events] == ["2025-03"]
    assert [f.text for f in result.figures] == ["4,000"]


def test_a_stamp_lines_glued_date_dates_an_undated_article() -> None:
    text = "Troops return\n\nPosted on : Mar.12,2026 09:30 KST\n\nThe unit came back on Tuesday.\n"
    result = extract(text)
    assert (result.published, result.published_source) == ("2026-03-12", "document")
    assert [(e.time_text, e.when) for e in result.events] == [("Tuesday", "2026-03-10")]


@pytest.mark.parametrize(
    "text",
    [
        "Veterans gathered on Sunday, 70 years after the 1950-53 Korean War ended.",
        "Medals were given on Sunday to veterans of the Patriotic War of 1950-1953.",
    ],
)
def test_a_span_of_years_in_a_wars_name_is_no_event(text: str) -> None:
    result = extract(text, "2026-03-20")
    assert [(e.time_text, e.when) for e in result.events] == [("Sunday", "2026-03-15")]


def test_a_span_of_years_beside_the_word_war_elsewhere_is_an_event() -> None:
    result = extract("Shelling went on from 2022-2024 across the war zone.", "2026-03-20")
    assert [(e.time_text, e.earliest, e.latest) for e in result.events] == [
        ("2022-2024", "2022-01-01", "2024-12-31")
    ]


def test_before_the_end_of_a_year_bounds_the_event_by_its_last_day() -> None:
    result = extract("The plant may open before the end of 2026. It closed before late 2024.", "2026-03-20")
    assert [(e.when, e.relation, e.earliest, e.latest) for e in result.events] == [
        ("2026", "BEFORE", None, "2026-12-31"),
        ("2024", "BEFORE", None, "2024-08-31"),
    ]


def test_a_question_number_in_a_q_and_a_is_no_quarter() -> None:
    text = "Five questions\n\nQ2: Why did the talks fail?\n\nA2: The envoy left in Q3 2025.\n"
    result = extract(text, "2026-03-20")
    assert [(e.time_text, e.when) for e in result.events] == [("Q3 2025", "2025-Q3")]


def test_one_day_told_twice_in_a_sentence_is_one_event() -> None:
    text = "Officials spoke on Monday – today, that is. Seoul ratified it in May and Tokyo the same month."
    result = extract(text, "2026-03-16")
    assert [(e.time_text, e.when) for e in result.events] == [
        ("Monday", "2026-03-16"),
        ("May", "2025-05"),
        ("the same month", "2025-05"),
    ]


def test_a_weekly_summarys_date_range_dates_it_by_its_last_day() -> None:
    text = "Weekly summary\n\n02.03.2026 – 08.03.2026\n\nIn the previous week, strikes fell by half.\n"
    result = extract(text)
    assert (result.published, result.published_source) == ("2026-03-08", "document")
    assert [(e.time_text, e.when) for e in result.events] == [("the previous week", "2026-W09")]


def test_a_programmes_clock_line_is_an_event() -> None:
    # (no time zone: a schedule's item, not a live blog's entry header)
    result = extract("Programme\n\nMarch 20, 2026\n\n09:00 - Opening session\n", "2026-03-17")
    assert [(e.time_text, e.when) for e in result.events] == [("09:00", "2026-03-20T09:00")]


def test_a_clock_header_with_a_full_sentence_is_an_event() -> None:
    # (a live blog's entry told on one line is no heading: it ends as a sentence does)
    result = extract(
        "Live\n\n16:05 GMT - Ukraine says 30 North Korean soldiers died on Sunday.\n", "2026-03-17"
    )
    assert [(e.time_text, e.when) for e in result.events] == [
        ("16:05 GMT", "2026-03-17T16:05"),
        ("Sunday", "2026-03-15"),
    ]


def test_a_correction_retracts_its_claim_and_keeps_the_fact() -> None:
    text = (
        "Live\n\nCorrection, 08:40 GMT: A previous version of this story said the strike took place in "
        "March 2025. It took place on April 2, 2025, near Sudzha.\n"
    )
    result = extract(text, "2025-04-10")
    assert [(e.time_text, e.when) for e in result.events] == [("April 2, 2025", "2025-04-02")]


def test_a_corrections_label_time_is_no_event() -> None:
    result = extract("Live\n\nUpdate, 14:10 GMT: The ministry said troops arrived on Monday.\n", "2025-04-10")
    assert [(e.time_text, e.when) for e in result.events] == [("Monday", "2025-04-07")]


def test_a_credit_lines_year_is_no_event_a_captions_date_is() -> None:
    text = (
        "Analysis\n\nThe yard was busy. Satellite credit: none. Imagery: Maxar Technologies 2026.\n\n"
        "Photo: Kim Jong Un at a ceremony for the dead, August 2025.\n"
    )
    result = extract(text, "2026-03-17")
    assert [(e.time_text, e.when) for e in result.events] == [("August 2025", "2025-08")]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("One of the pilots, born in 1987, defected in May 2024.", [("May 2024", "2024-05")]),
        ("The officer (born 3 March 1969) was designated in 2022.", [("2022", "2022")]),
        ("One was born in 2003 and the other in 1998, the agency said.", []),
        ("One soldier was born in 2004, while another one in 2001.", []),
        # a date denied
        (
            "This story has been corrected to show the talks began on Monday, not Tuesday.",
            [("Monday", "2026-04-13")],
        ),
        ("The treaty took effect in December rather than in November.", [("December", "2025-12")]),
        ("The troops were sent not in March 2025 but in May 2025.", [("May 2025", "2025-05")]),
        # a counterfactual: what did not happen then
        ("Such talks would have been impossible in 2021, a diplomat said.", []),
        ("Without the loans, the plant would not have opened last spring.", []),
        ("Seoul said the talks would probably have collapsed last winter.", []),
        ("The deal would have left Seoul exposed in 2024, he said.", []),
        # an obligation ahead, or a plan told in the past, is no counterfactual
        ("Kim said he would have troops ready by March 2027.", [("March 2027", "2027-03")]),
        ("Russia would have to pay the debt in 2027, officials said.", [("2027", "2027")]),
        # a condition's time; an aside in dashes tells a fact
        ("If the front collapsed next month, the North would lose its leverage.", []),
        ("If talks resume – they stalled in March – the ministry will attend.", [("March", "2026-03")]),
        # the consequence a modal tells; a fact told after the condition stays
        ("If the rains come early, the offensive could stall in May.", []),
        ("If that is true, the first units left in February.", [("February", "2026-02")]),
        # how far a plan runs; a past stretch into a year is a fact
        ("Moscow is expected to keep fighting well into 2027.", []),
        ("The fighting dragged on into 2025.", [("2025", "2025")]),
    ],
)
def test_times_that_date_nothing_that_happened_make_no_event(
    sentence: str, kept: list[tuple[str, str]]
) -> None:
    result = extract(f"Report\n\n{sentence}\n", "2026-04-17")
    assert [(e.time_text, e.when) for e in result.events] == kept


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a period the report falls in, told in the past: so far, up to the report
        ("Pyongyang has sent 3,000 more workers this year.", [("this year", "2026-01-01", "2026-04-15")]),
        (
            "Drones struck the depot twice this week, the army said.",
            [("this week", "2026-04-13", "2026-04-15")],
        ),
        # a plan, or a prospect told in the past tense: the whole period
        ("Kim will visit Moscow this month.", [("this month", "2026-04-01", "2026-04-30")]),
        (
            "Officials said the plant was expected to close the year with a loss.",
            [("the year", "2026-01-01", "2026-12-31")],
        ),
        # a range the report falls in, told in the past: up to the report too
        (
            "Workers who left between 2022 and 2026 were interviewed.",
            [("2022 and 2026", "2022-01-01", "2026-04-15")],
        ),
        # "the end of" a year is its December ("late 2026" its last third)
        (
            "The team will publish an update at the end of the year.",
            [("the end of the year", "2026-12-01", "2026-12-31")],
        ),
        ("The team will publish an update in late 2026.", [("late 2026", "2026-09-01", "2026-12-31")]),
        # a span ending on the report's day
        (
            "Shoigu has flown to Pyongyang three times in the past 10 months.",
            [("the past 10 months", "2025-06-16", "2026-04-15")],
        ),
        ("The envoy said the last three years of talks were wasted.", []),
        # a range whose end is hedged is one span
        (
            "Shipments ran from late 2024 until at least March 2026.",
            [("late 2024 until at least March 2026", "2024-09-01", "2026-03-31")],
        ),
        # the first of a recurring event since a date: one took place then
        (
            "It was the envoy's first visit to Seoul since May 2023.",
            [("May 2023", "2023-05-01", "2023-05-31")],
        ),
        ("Exports were the highest since 2019.", []),
        # a plan's "N weeks later" with no day told counts from the report
        (
            "Three weeks later, the panel is expected to publish its findings.",
            [("Three weeks later", "2026-05-06", "2026-05-06")],
        ),
    ],
)
def test_event_spans(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    result = extract(f"Report\n\n{sentence}\n", "2026-04-15")
    assert [(e.time_text, e.earliest, e.latest) for e in result.events] == expected


def test_a_two_bureau_dateline_dates_the_story_and_makes_no_event() -> None:
    text = (
        "Envoys to meet\n\nWASHINGTON/SEOUL, Oct 6 (Reuters) - Envoys will meet on Friday, officials said in "
        "2025, as Moscow plans to keep up its offensive into 2026.\n"
    )
    result = extract(text)
    # (the year a plan runs into is no year of the story's own)
    assert (result.published, result.published_source) == ("2025-10-06", "inferred")
    assert [(e.time_text, e.when) for e in result.events] == [("Friday", "2025-10-10"), ("2025", "2025")]


def test_a_magazines_issue_line_is_its_byline() -> None:
    text = (
        "THE ESSAY\n\nThe long winter\n\nBy Ana Ruiz\n\nMay 2026 issue | Published April 20, 2026\n\n"
        "The first units crossed the border in October 2024.\n"
    )
    result = extract(text)
    assert (result.published, result.published_source) == ("2026-04-20", "document")
    assert [(e.time_text, e.when) for e in result.events] == [("October 2024", "2024-10")]


def test_a_sentence_opening_with_updated_is_no_stamp() -> None:
    text = "Fact sheet\n\nUpdated figures from March 2024 show 12,000 troops went to Russia.\n"
    result = extract(text, "2026-03-20")
    assert [(e.time_text, e.when) for e in result.events] == [("March 2024", "2024-03")]


def test_a_byline_under_a_long_standfirst_dates_the_article() -> None:
    standfirst = (
        "After a long silence, Pyongyang has confirmed that its soldiers fought in the Kursk region. "
        "Analysts say the admission opens a new phase in a partnership that may well outlast the war "
        "in Ukraine itself."
    )
    assert len(standfirst) > 200
    body = "For months, Pyongyang said nothing. Then, on Monday, the state agency carried a statement."
    result = extract(
        f"ASIA\n\nKim admits deployment\n\n{standfirst}\n\nJane Roe in Seoul | 04/29/2025\n\n{body}\n"
    )
    assert (result.published, result.published_source) == ("2025-04-29", "document")
    assert [(e.time_text, e.when) for e in result.events] == [("Monday", "2025-04-28")]
    # a first paragraph with a dateline is the body: a short dated line below it is no byline
    result = extract(f"Kim admits deployment\n\nSEOUL - {standfirst}\n\nJane Roe | 04/29/2025\n\n{body}\n")
    assert result.published_source == "inferred"


def test_a_days_heading_dates_the_paragraphs_under_it() -> None:
    text = (
        "Week in review\n\nMONDAY\nThe army said the North had moved rocket launchers, weeks after drills in "
        "June.\n\nTuesday:\nKim toured a shell factory. He praised the workers.\nOfficials met on Thursday "
        "in Seoul.\n\nALSO THIS WEEK\nA court jailed two smugglers.\n"
    )
    events = extract(text, "2025-08-16").events
    assert [(e.time_text, e.when, e.text) for e in events] == [
        (
            "June",
            "2025-06",
            "The army said the North had moved rocket launchers, weeks after drills in June.",
        ),
        (
            "MONDAY",
            "2025-08-11",
            "The army said the North had moved rocket launchers, weeks after drills in June.",
        ),
        # the paragraph's first sentence only; a sentence telling its own day keeps it
        ("Tuesday", "2025-08-12", "Kim toured a shell factory."),
        ("Thursday", "2025-08-14", "Officials met on Thursday in Seoul."),
    ]


def test_day_headings_over_plans_are_the_days_ahead() -> None:
    text = (
        "The week ahead\n\nMONDAY\nThe parliament's defense committee opens its audit.\n\nTUESDAY\n"
        "An envoy is due in Seoul for talks.\n\nFRIDAY\n"
        "Officials begin meetings before the summit on Oct. 31.\n"
    )
    events = extract(text, "2025-10-19").events  # a Sunday
    assert [(e.time_text, e.when, e.earliest) for e in events] == [
        ("MONDAY", "2025-10-20", "2025-10-20"),
        ("TUESDAY", "2025-10-21", "2025-10-21"),
        # a first sentence telling a day a week on keeps its heading's day too
        ("Oct. 31", "2025-10-31", "2025-10-31"),
        ("FRIDAY", "2025-10-24", "2025-10-24"),
    ]


LIVE = (
    "War live: troops in Kursk\n\nKey events\n3h ago\nMinistry: 300 soldiers arrived\n10:15\n"
    "Overnight shelling near Sudzha\nShow key events only\n\n"
    "16.20 GMT\nMinistry: 300 soldiers arrived\nThe defence ministry said 300 more soldiers arrived on "
    "Monday.\n\n"
    "10.15 GMT\nOvernight shelling near Sudzha\nRussian guns shelled the town for five hours, the governor "
    "said.\n\n"
    "08.00 GMT\nOpening summary\nHello and welcome to our coverage of the war in Ukraine.\n\n"
    "Correction: an earlier version of this entry said the ministry spoke yesterday.\n\n"
    "That's it from us today. We'll be back tomorrow with more updates. Our coverage continues on "
    "Friday.\n"
)


def test_a_live_blogs_key_events_and_sign_off_date_nothing() -> None:
    result = extract(LIVE, "2025-04-16")
    # the list's times link to entries; an entry's title restates it; a correction's retracted claim, the
    # sign-off and the greeting tell nothing; an entry whose first sentence tells no time is its stamp's
    assert [(e.time_text, e.when) for e in result.events] == [
        ("Monday", "2025-04-14"),
        ("10.15 GMT", "2025-04-16T10:15"),
    ]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        (
            "Officials expect the drones to arrive within weeks.",
            [("within weeks", "2025-06", "2025-04-16", "2025-06-15")],
        ),
        (
            "A swap could be agreed within one or two months.",
            [("within one or two months", "2025-06", "2025-04-16", "2025-06-15")],
        ),
        ("Troops will leave within 10 days.", [("within 10 days", "2025-04-25", "2025-04-16", "2025-04-25")]),
        # counted from something else, or told of the past: a span, no date
        ("The talks collapsed within four months of the summit.", []),
        ("The factory was rebuilt within six months.", []),
        # a forecast told long before the report counts from then: no date from the report
        (
            "In March 2024, Kim said the plant would open within a year.",
            [("March 2024", "2024-03", "2024-03-01", "2024-03-31")],
        ),
    ],
)  # fmt: skip
def test_a_forecast_within_a_span_runs_from_the_report(sentence: str, kept: list[tuple[str, ...]]) -> None:
    result = extract(f"Report\n\n{sentence}\n", "2025-04-16")
    assert [(e.time_text, e.when, e.earliest, e.latest) for e in result.events] == kept
    assert all(e.relation == "ON_OR_BEFORE" for e in result.events if e.time_text.startswith("within"))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "The brigade crossed into Kursk in December 2024. A third of its men were lost in the first two "
            "months of fighting.",
            [
                ("December 2024", "2024-12-01", "2024-12-31"),
                ("the first two months", "2024-12-01", "2025-02-28"),
            ],
        ),
        # no start told: no date (not January to March of the report's year)
        ("A third of its men were lost in the first two months of fighting.", []),
        # the date after the verb that starts it, a range whole ("in October and November")
        (
            "Officials said in May that 900 had died since the army sent troops in October and November "
            "2024, most in the first three months of combat.",
            [
                ("May", "2025-05-01", "2025-05-31"),
                ("October and November 2024", "2024-10-01", "2024-11-30"),
                ("the first three months", "2024-10-01", "2025-02-28"),
            ],
        ),
        # its own sentence dates it
        (
            "The units deployed in the autumn of 2024. Losses peaked in March 2025, in the first six months "
            "of combat.",
            [("the autumn of 2024", "2024-09-01", "2024-11-30"), ("March 2025", "2025-03-01", "2025-03-31")],
        ),
    ],
)  # fmt: skip
def test_the_first_months_of_an_activity_count_from_its_start(text: str, kept: list[tuple[str, ...]]) -> None:
    result = extract(f"Report\n\n{text}\n", "2025-10-16")
    assert [(e.time_text, e.earliest, e.latest) for e in result.events] == kept


def test_more_than_a_year_ago_is_on_or_before_that_day() -> None:
    result = extract("Report\n\nA pilot who defected more than a year ago spoke on Friday.\n", "2026-02-18")
    assert [(e.time_text, e.relation, e.earliest, e.latest) for e in result.events] == [
        ("more than a year ago", "ON_OR_BEFORE", None, "2025-02-18"),
        ("Friday", None, "2026-02-13", "2026-02-13"),
    ]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Exports earned $3 billion, about 12% of its annual GDP in 2022.", []),
        ("Measured in 2021 prices, the aid is worth $4 billion.", []),
        ("The cabinet adopted its 2026 work plan on Tuesday.", [("Tuesday", "2026-01-13")]),
        ("The army's budget for 2026 totals 5 trillion won.", []),
        ("It rose 9% compared with the fiscal 2025 budget.", []),
        ("The partnership will last well beyond 2026.", []),
        # something that happened in the year stays
        ("Revenue for fiscal 2025 exceeded the plan by 2%.", [("fiscal 2025", "2025")]),
        ("The economy grew 3.1% in 2025.", [("2025", "2025")]),
        ("The fighting went on beyond 2024.", [("2024", "2024")]),
    ],
)
def test_a_year_that_a_measure_or_plan_names_is_no_event(sentence: str, kept: list[tuple[str, str]]) -> None:
    result = extract(f"Report\n\n{sentence}\n", "2026-01-14")
    assert [(e.time_text, e.when) for e in result.events] == kept


def test_said_earlier_in_the_day_is_the_reports_day() -> None:
    text = (
        "Report\n\nThe spy agency briefed lawmakers on Monday about the losses.\n\n"
        "The defence minister told reporters earlier in the day that two more units had left.\n\n"
        "On Monday, the army fired rockets. Earlier in the day, drones had struck the port.\n"
    )
    result = extract(text, "2025-06-04")  # a Wednesday
    assert [(e.time_text, e.when) for e in result.events] == [
        ("Monday", "2025-06-02"),
        ("earlier in the day", "2025-06-04"),  # a statement the wire reports: its day
        ("Monday", "2025-06-02"),
        ("Earlier in the day", "2025-06-02"),  # a narration: the day it told
    ]


def test_a_dateline_with_no_place_but_the_agency_dates_the_story() -> None:
    text = (
        "Explainer: the arms trade\n\nBy Jane Doe\n\nMar 12 (Reuters) - Shipments began in the summer of "
        "2023, officials said on Tuesday.\n"
    )
    result = extract(text, "2025-03-12")
    assert [(e.time_text, e.when) for e in result.events] == [
        ("the summer of 2023", "2023-SU"),
        ("Tuesday", "2025-03-11"),
    ]
    # (a chronology's "May 9 - Victory Day" names no agency: no dateline, an event)
    chronology = extract("Chronology\n\nMay 9 - Kim watched the parade in Moscow.\n", "2025-06-01")
    assert [(e.time_text, e.when) for e in chronology.events] == [("May 9", "2025-05-09")]


def test_a_span_after_a_start_the_text_dated_dates_its_sentence() -> None:
    text = (
        "Report\n\nIn March 2024, officials say, Pyongyang started sending rockets to Russia.\n\n"
        "Eighteen months after Pyongyang started sending rockets, the panel said 500 had been used.\n\n"
        "Two years after Moscow invaded Crimea, the talks stalled.\n\n"
        "A year and a half after Pyongyang started sending rockets, the panel met again in May.\n"
    )
    result = extract(text, "2025-12-01")
    # (with no date told for the start, or a date of its own in the sentence, the span dates nothing)
    assert [(e.time_text, e.when, e.earliest, e.latest) for e in result.events] == [
        ("March 2024", "2024-03", "2024-03-01", "2024-03-31"),
        ("Eighteen months", "2025-09", "2025-09-01", "2025-09-30"),
        ("May", "2025-05", "2025-05-01", "2025-05-31"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Policy Brief No. 12 | May 2025",
        "Working Paper No. 3, April 2025",
        "Tue 6 May 2025 09.30 BST",
        "Sat 3 May 2025",
    ],
)
def test_a_series_line_or_a_weekdays_stamp_is_no_event(line: str) -> None:
    result = extract(
        f"Report title\n\nInstitute of Studies\n{line}\n\nTroops left in March, officials said.\n",
        "2025-05-06",
    )
    assert [(e.time_text, e.when) for e in result.events] == [("March", "2025-03")]


def test_a_sentence_naming_a_numbered_report_is_still_an_event() -> None:
    text = (
        "Report title\n\nAn intro line.\n\nThe Panel's Report No. 5, released in May 2024, found breaches.\n"
    )
    result = extract(text, "2025-05-06")
    assert [(e.time_text, e.when) for e in result.events] == [("May 2024", "2024-05")]


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        (
            "It has been 18 months since Pyongyang began shipping shells to Russia.",
            [("18 months", "2024-09")],
        ),
        (
            "Almost ten months since the first soldiers were spotted in Kursk, the front has barely moved.",
            [("Almost ten months", "2025-05")],
        ),
        (
            "Prices have doubled in the 12 months since the sanctions took effect.",
            [("the 12 months", "2025-03")],
        ),
        # "since" names a date, the sentence tells one, or the span looks ahead: as before
        ("It has been 18 months since March 2024, when the shipments began.", [("March 2024", "2024-03")]),
        ("It is a year since the treaty took effect in December 2024.", [("December 2024", "2024-12")]),
        ("It will be a year since the treaty took effect.", []),
    ],
)
def test_a_span_since_something_dates_it_back_from_the_report(
    sentence: str, dated: list[tuple[str, str]]
) -> None:
    assert [(e.time_text, e.when) for e in extract(sentence, "2026-03-10").events] == dated


@pytest.mark.parametrize(
    ("sentence", "bounds"),
    [
        # "over" a span since something: on or before the day that span back, not any day of its month
        (
            "It has been a little over a year since the army last fired that rocket.",
            ("2025-03", None, "2025-03-10", "ON_OR_BEFORE"),
        ),
        (
            "It has now been more than six years since the envoys last met.",
            ("2020-03", None, "2020-03-10", "ON_OR_BEFORE"),
        ),
    ],
)
def test_more_than_a_span_since_something_bounds_it_from_above(
    sentence: str, bounds: tuple[str, None, str, str]
) -> None:
    (event,) = extract(sentence, "2026-03-10").events
    assert (event.when, event.earliest, event.latest, event.relation) == bounds


def test_a_timeline_explainers_year_headings_date_the_months_below() -> None:
    text = (
        "How it unfolded\n\nThe two sides first met in April 2019.\n\n"
        "2021-2022: A long pause\n\nThe border stayed shut through most of it.\n\n"
        "2023: The thaw\n\nIn July, the envoy came to the capital. "
        "Two months later, the leader went north.\n\n"
        "2024: The pact\n\nBy October, the first units had moved. The first clashes came in December.\n"
    )
    events = extract(text, "2026-05-02").events
    assert [(e.time_text, e.when) for e in events] == [
        ("April 2019", "2019-04"),
        ("July", "2023-07"),
        ("Two months later", "2023-09"),
        ("October", "2024-10"),
        ("December", "2024-12"),
    ]


def test_year_lines_of_a_list_stay_events() -> None:
    text = "Milestones\n\n2006: First nuclear test\n2009: Second nuclear test\n2013: Third nuclear test\n"
    assert [e.when for e in extract(text, "2026-05-02").events] == ["2006", "2009", "2013"]


def test_a_count_since_the_last_time_is_no_span_from_the_date() -> None:
    text = "The envoy made his first visit to the capital in 19 years in June 2024."
    (event,) = extract(text, "2026-05-02").events
    assert (event.when, event.earliest, event.latest) == ("2024-06", "2024-06-01", "2024-06-30")
    (event,) = extract("The ban was imposed for six months from June 2024.", "2026-05-02").events
    assert (event.when, event.earliest, event.latest) == ("2024-06", "2024-06-01", "2024-11-30")


@pytest.mark.parametrize(
    "sentence",
    [
        "The troops now fight abroad, something unthinkable a decade ago.",
        "Such a deal was impossible as recently as 2019.",
        '"Three years ago, a visit like this would have been unimaginable," the envoy said.',
        "In 2019, nobody would have predicted the alliance.",
    ],
)
def test_a_time_something_was_unthinkable_is_no_event(sentence: str) -> None:
    assert extract(sentence, "2026-02-03").events == []


def test_a_fronted_time_of_a_reported_counterfactual_stays_an_event() -> None:
    text = "In 2019, officials said the talks would have succeeded with more time."
    assert [e.when for e in extract(text, "2026-02-03").events] == ["2019"]


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("By the autumn of 2017, the envoys were talking. By November, they had a draft.", "2017-11"),
        ("In March 2019 the talks collapsed. In October, the sides met again in Stockholm.", "2019-10"),
        # a month before the one told, a story of last year, a sentence not opening with it: as before
        ("In March 2019 the talks collapsed. In January, the sides met again.", "2026-01"),
        ("Trade fell in the spring of 2025. In June, the ministry met the traders.", "2025-06"),
        ("In March 2019 the talks collapsed. Officials met again in October.", "2025-10"),
    ],
)
def test_a_month_opening_the_sentence_after_an_old_month_is_in_its_year(text: str, month: str) -> None:
    assert extract(text, "2026-02-03").events[-1].when == month


def test_a_war_updates_key_developments_label_is_no_event() -> None:
    text = (
        "Ukraine war latest\n\nKey developments on Feb. 17:\n\n- Drone strike hits the city\n"
        "- Depot struck overnight\n\nOn Feb. 16, a drone attack killed four people.\n"
    )
    assert [e.time_text for e in extract(text, "2026-02-17").events] == ["Feb. 16"]


def test_no_earlier_than_opens_the_event_at_the_start() -> None:
    (event,) = extract("Building work began no earlier than the third quarter of 2023.", "2025-09-30").events
    bounds = (event.when, event.earliest, event.latest, event.relation)
    assert bounds == ("2023-Q3", "2023-07-01", None, "ON_OR_AFTER")


def test_a_relative_year_in_a_quote_counts_from_when_it_was_said() -> None:
    text = (
        "The committee said at its session in November that the vote would come "
        '"at the start of next year," without naming a day.'
    )
    assert [(e.time_text, e.when) for e in extract(text, "2026-01-20").events] == [
        ("November", "2025-11"),
        ("the start of next year", "2026"),
    ]
    # said this year, outside a quote, or in another sentence: counted from the report
    for text, when in (
        ('The committee said in January that the vote would come "next year."', "2027"),
        ("In 2019 the plant closed. Officials now say it will reopen next year.", "2027"),
    ):
        assert extract(text, "2026-01-20").events[-1].when == when


def _last_event_bounds(text: str, published: str) -> tuple[str, str | None, str | None, str | None]:
    event = extract(text, published).events[-1]
    return (event.time_text, event.when, event.earliest, event.latest)


def test_within_a_span_after_a_day_told_runs_from_that_day() -> None:
    text = (
        "On 14 March 2025, about $300 million was taken from a bridge. "
        "Within five days, half of it had been laundered."
    )
    assert _last_event_bounds(text, "2025-09-30") == (
        "Within five days",
        "2025-03-19",
        "2025-03-14",
        "2025-03-19",
    )
    # counted from something else, or ahead: no such date
    text = "The strike came on 3 March. Within two weeks of the strike, repairs began."
    assert [e.time_text for e in extract(text, "2025-09-30").events] == ["3 March"]


@pytest.mark.parametrize(
    ("sentence", "bounds"),
    [
        ("The minister expects more tests before the year's end.", ("2025", "END", None, "2025-12-31")),
        ("The minister expects more tests before year-end.", ("2025", "END", None, "2025-12-31")),
        ("The work was done by the year's end, officials said.", ("2025", "END", None, "2025-12-31")),
    ],
)
def test_the_years_end_is_the_end_of_the_year(sentence: str, bounds: tuple[str, str, None, str]) -> None:
    (event,) = extract(sentence, "2025-11-04").events
    assert (event.when, event.mod, event.earliest, event.latest) == bounds


def test_weeks_later_count_from_the_month_told_last() -> None:
    text = (
        "The leader toured the yard in early March.\n\n"
        "In images from January 2024, the hatch stood open; three weeks later it was shut.\n"
    )
    assert _last_event_bounds(text, "2025-08-14") == (
        "three weeks later",
        "2024-01",
        "2024-01-22",
        "2024-02-21",
    )


def test_weeks_later_count_from_a_whole_month_of_their_own_paragraph_only() -> None:
    text = (
        "A courier was sentenced in July 2025.\n\n"
        "One worker kept his job for 14 months before he was fired. Two weeks later, he was hired again.\n"
    )
    assert [e.time_text for e in extract(text, "2026-06-18").events] == ["July 2025"]


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        (
            "The army tested a new rocket in late October.\n\nBy then, it had fired a dozen cruise missiles.",
            ("By then", "2025-10", None, "2025-10-31", "ON_OR_BEFORE"),
        ),
        (
            "The pact was signed in June 2024. By that time, shells were flowing north.",
            ("By that time", "2024-06", None, "2024-06-30", "ON_OR_BEFORE"),
        ),
    ],
)
def test_by_then_closes_at_the_end_of_the_time_told_last(
    text: str, bounds: tuple[str, str, None, str, str]
) -> None:
    event = extract(text, "2026-03-12").events[-1]
    assert (event.time_text, event.when, event.earliest, event.latest, event.relation) == bounds


def test_by_then_with_no_time_told_is_no_event() -> None:
    assert extract("It rained all week. By then it was too late.", "2026-03-12").events == []


def test_a_years_total_compared_with_is_no_event() -> None:
    text = "Thefts in the first half of 2025 already topped the full-year total for FY2023."
    assert [e.when for e in extract(text, "2025-09-30").events] == ["2025-H1"]


def test_a_clauses_quote_starts_at_its_words() -> None:
    text = "Title\n\nThe troops moved in October 2024; by mid-November, 11,000 had arrived in Kursk."
    assert [e.text for e in extract(text, "2025-03-08").events] == [
        "The troops moved in October 2024",
        "by mid-November, 11,000 had arrived in Kursk.",
    ]
