"""Notes and tags: tracker note/tag, --tag filters, --notes columns, summary, cleanup with the target."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.notebook_fixtures import error_line, ingest_articles, rows


@pytest.fixture
def notebook(tracker, tmp_path: Path):
    ingest_articles(tracker, tmp_path / "articles")
    return tracker


def test_note_add_and_list(notebook) -> None:
    assert (
        notebook("note", "add", "event", "3", "Check against the NIS briefing").stdout
        == "note 1 on event 3\n"
    )
    assert notebook("note", "add", "Article", "1", "  Wire copy, thin  ").stdout == "note 2 on article 1\n"
    assert notebook("note", "add", "figure", "3", "12 or 13?").stdout == "note 3 on figure 3\n"
    notes = rows(notebook("note", "list", "--format", "json"))
    assert [(n["id"], n["kind"], n["target_id"], n["article_id"], n["text"]) for n in notes] == [
        (1, "event", 3, 2, "Check against the NIS briefing"),
        (2, "article", 1, 1, "Wire copy, thin"),
        (3, "figure", 3, 3, "12 or 13?"),
    ]
    assert all(n["created_at"].endswith("+00:00") for n in notes)
    only = rows(notebook("note", "list", "--kind", "figure", "--id", "3", "--format", "json"))
    assert [n["id"] for n in only] == [3]
    assert [n["id"] for n in rows(notebook("note", "list", "--kind", "event", "--format", "json"))] == [1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("note", "add", "frog", "1", "x"), "error: unknown kind 'frog' (use article, event or figure)"),
        (("note", "add", "event", "99", "x"), "error: no event 99 in {db}"),
        (("note", "add", "article", "1", "   "), "error: a note cannot be empty"),
        (("note", "list", "--id", "1"), "error: --id needs --kind (article, event or figure)"),
        (("note", "list", "--kind", "frog"), "error: unknown kind 'frog' (use article, event or figure)"),
        (("tag", "add", "figure", "42", "x"), "error: no figure 42 in {db}"),
        (("tag", "add", "figure", "1", "  "), "error: a tag cannot be empty"),
        (("tag", "remove", "figure", "1", "absent"), "error: figure 1 has no tag 'absent'"),
        (("tag", "remove", "fig", "1", "absent"), "error: unknown kind 'fig' (use article, event or figure)"),
    ],
)
def test_bad_input_is_one_line(notebook, db: Path, args: tuple[str, ...], message: str) -> None:
    assert error_line(notebook(*args)) == message.format(db=db)


def test_tags_are_normalized_and_listed(notebook) -> None:
    assert (
        notebook("tag", "add", "article", "2", "  Border   Watch ").stdout
        == "tagged article 2 'border watch'\n"
    )
    assert (
        notebook("tag", "add", "article", "2", "border watch").stdout
        == "article 2 already has tag 'border watch'\n"
    )
    assert notebook("tag", "add", "figure", "1", "labour").stdout == "tagged figure 1 'labour'\n"
    assert rows(notebook("tag", "list", "--format", "json")) == [
        {"tag": "border watch", "kind": "article", "target_id": 2, "article_id": 2},
        {"tag": "labour", "kind": "figure", "target_id": 1, "article_id": 1},
    ]
    assert rows(notebook("tag", "list", "LABOUR", "--format", "json")) == [
        {"tag": "labour", "kind": "figure", "target_id": 1, "article_id": 1}
    ]
    assert notebook("tag", "remove", "figure", "1", "Labour").stdout == "untagged figure 1 'labour'\n"
    assert [t["tag"] for t in rows(notebook("tag", "list", "--format", "json"))] == ["border watch"]


def test_tag_filter_on_timeline_and_figures(notebook) -> None:
    notebook("tag", "add", "article", "1", "moscow")  # covers events 1, 2 and figure 1
    notebook("tag", "add", "figure", "3", "moscow")  # only that figure
    notebook("tag", "add", "event", "3", "border")
    timeline = rows(notebook("timeline", "--tag", "Moscow", "--format", "json"))
    assert sorted(e["id"] for e in timeline) == [1, 2]
    assert [f["id"] for f in rows(notebook("figures", "--tag", "moscow", "--format", "json"))] == [3, 1]
    assert [e["id"] for e in rows(notebook("timeline", "--tag", "border", "--format", "json"))] == [3]
    assert rows(notebook("figures", "--tag", "border", "--format", "json")) == []
    assert rows(notebook("timeline", "--tag", "x' OR '1'='1", "--format", "json")) == []


def test_notes_in_timeline_and_figures(notebook) -> None:
    notebook("note", "add", "event", "3", "first")
    notebook("note", "add", "event", "3", "second")
    notebook("note", "add", "figure", "2", "rounded")
    events = rows(notebook("timeline", "--notes", "--format", "json"))
    assert [(e["id"], e["notes"]) for e in events] == [(3, ["first", "second"]), (4, []), (2, []), (1, [])]
    assert "notes" not in rows(notebook("timeline", "--format", "json"))[0]
    figures = rows(notebook("figures", "--notes", "--format", "json"))
    assert {f["id"]: f["notes"] for f in figures} == {1: [], 2: ["rounded"], 3: []}
    table = notebook("timeline", "--notes", "--article", "2").stdout
    assert "Notes" in table.splitlines()[1]
    assert "first; second" in table
    markdown = notebook("figures", "--notes", "--article", "2", "--format", "markdown").stdout
    assert markdown.splitlines()[0].endswith("| Notes |")
    assert markdown.splitlines()[2].endswith("| rounded |")


def test_notes_go_under_the_quote_when_the_table_is_too_wide(notebook) -> None:
    """Six columns and the notes do not fit 80 columns: the topic, the as-of date and the notes are
    labelled under the quote, in column order."""
    notebook("note", "add", "figure", "2", "rounded")
    table = notebook("figures", "--notes", "--article", "2").stdout
    header = table.splitlines()[1].replace("┃", " ").split()
    assert header == ["Value", "Counts", "Quote"]  # one article: no Art. column
    quote = [line.split("│")[3].strip() for line in table.splitlines()[3:-1]]
    assert quote[-3:] == ["Topic: deployment", "As of: Mar 2024", "Notes: rounded"]
    assert max(len(line) for line in table.splitlines()) <= 80


def test_summary_shows_notes_and_tags(notebook) -> None:
    notebook("note", "add", "article", "2", "seen on TV")
    notebook("note", "add", "figure", "2", "rounded")
    notebook("tag", "add", "event", "3", "border")
    notebook("note", "add", "article", "1", "not this one")
    data = rows(notebook("summary", "2", "--format", "json"))
    assert [(n["kind"], n["target_id"], n["text"]) for n in data["notes"]] == [
        ("article", 2, "seen on TV"),
        ("figure", 2, "rounded"),
    ]
    assert [(t["kind"], t["target_id"], t["tag"]) for t in data["tags"]] == [("event", 3, "border")]
    table = notebook("summary", "2").stdout
    assert "Notes and tags" in table
    assert "seen on TV" in table
    assert "tag: border" in table


def test_annotations_go_with_their_article(notebook) -> None:
    notebook("note", "add", "article", "2", "a")
    notebook("note", "add", "event", "3", "b")
    notebook("note", "add", "figure", "1", "c")
    notebook("tag", "add", "figure", "2", "d")
    notebook("tag", "add", "article", "1", "e")
    assert notebook("remove", "2").exit_code == 0
    assert [n["text"] for n in rows(notebook("note", "list", "--format", "json"))] == ["c"]
    assert [t["tag"] for t in rows(notebook("tag", "list", "--format", "json"))] == ["e"]
