# ruff: noqa: E501  (golden report lines are long)
"""tracker export (Markdown report, CSV, JSON, JSON Lines) and tracker import: an exact round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dprk_tracker.cli import app
from tests.notebook_fixtures import error_line, ingest_articles, rows

REPORT = """\
# DPRK tracker report

## Timeline

| Date | Event | Topic | Ref. |
| --- | --- | --- | ---: |
| Mar 2024 | In March 2024, guards fired warning shots; about 20 soldiers crossed the line. | deployment | [1] |
| Jan 2025 | The council imposed sanctions on 12 shipping firms in January 2025. | sanctions | [2] |
| Feb 2025 | On Tuesday, officials said 1,500 workers arrived last month. | deployment | [3] |
| 4 Mar 2025 | On Tuesday, officials said 1,500 workers arrived last month. | deployment | [3] |

## Figures by topic

### deployment

| Value | Counts | As of | Ref. |
| ---: | --- | --- | ---: |
| ~20 | soldiers | Mar 2024 | [1] |
| 1,500 | workers | Feb 2025 | [3] |

### sanctions

| Value | Counts | As of | Ref. |
| ---: | --- | --- | ---: |
| 12 | shipping firms | Jan 2025 | [2] |

## Notes

- figure 2 [1]: rounded | guessed

## Citations

1. *Border incident* — 2024-04. “In March 2024, guards fired warning shots; about 20 soldiers crossed the line.”
2. *Sanctions [bold]list[/] widened* — 2025-02-01. “The council imposed sanctions on 12 shipping firms in January 2025.”
3. *Talks in Moscow* — Example Wire, 2025-03-05. “On Tuesday, officials said 1,500 workers arrived last month.”
"""


@pytest.fixture
def notebook(tracker, tmp_path: Path):
    ingest_articles(tracker, tmp_path / "articles")
    tracker("note", "add", "figure", "2", "rounded | guessed")
    return tracker


def other(runner, path: Path):
    """Run the CLI on another notebook file."""

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, ["--db", str(path), *args], input=input, catch_exceptions=False)

    return run


def test_markdown_report(notebook) -> None:
    result = notebook("export")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == REPORT
    assert notebook("export", "--format", "markdown").stdout == REPORT


def test_report_filters(notebook) -> None:
    notebook("tag", "add", "article", "2", "border")
    report = notebook("export", "--tag", "border").stdout
    assert "| Mar 2024 | In March 2024" in report
    assert "Talks in Moscow" not in report
    assert report.endswith(
        "## Citations\n\n1. *Border incident* — 2024-04. “In March 2024, guards fired warning shots; "
        "about 20 soldiers crossed the line.”\n"
    )
    data = rows(notebook("export", "--format", "json", "--topic", "sanctions"))
    assert [e["id"] for e in data["events"]] == [4]
    assert [(f["id"], f["value"], f["unit"], f["citation"]) for f in data["figures"]] == [
        (3, "12", "shipping firms", 1)
    ]
    assert data["citations"] == [
        {
            "number": 1,
            "article_id": 3,
            "title": "Sanctions [bold]list[/] widened",
            "source": None,
            "url": None,
            "published": "2025-02-01",
            "quote": "The council imposed sanctions on 12 shipping firms in January 2025.",
        }
    ]
    empty = notebook("export", "--since", "2030").stdout
    assert "No events." in empty
    assert "No figures." in empty


def test_csv(notebook) -> None:
    # (the workers arrived last month: their figure is dated February, the telling on Tuesday)
    lines = notebook("export", "--format", "csv", "--since", "2025-02").stdout.splitlines()
    assert lines == [
        "type,id,article_id,date,topic,value,counts,text,quote,title,source,published,notes",
        'event,2,1,Feb 2025,deployment,,,"On Tuesday, officials said 1,500 workers arrived last month.",'
        '"On Tuesday, officials said 1,500 workers arrived last month.",Talks in Moscow,Example Wire,2025-03-05,[]',
        'event,1,1,4 Mar 2025,deployment,,,"On Tuesday, officials said 1,500 workers arrived last month.",'
        '"On Tuesday, officials said 1,500 workers arrived last month.",Talks in Moscow,Example Wire,2025-03-05,[]',
        'figure,1,1,Feb 2025,deployment,"1,500",workers,"1,500","On Tuesday, officials said 1,500 workers '
        'arrived last month.",Talks in Moscow,Example Wire,2025-03-05,[]',
    ]


def test_output_file(notebook, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = notebook("export", "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"wrote {target}\n")
    assert target.read_text(encoding="utf-8") == REPORT
    assert not (tmp_path / "report.md.partial").exists()


def test_jsonl_is_the_whole_notebook(notebook) -> None:
    notebook("tag", "add", "event", "3", "border")
    lines = notebook("export", "--format", "jsonl").stdout.splitlines()
    items = [json.loads(line) for line in lines]
    assert items[0] == {"type": "notebook", "format": "dprk-tracker-notebook", "version": 1}
    assert [i["type"] for i in items[1:]] == ["article"] * 3 + ["event"] * 4 + ["figure"] * 3 + [
        "note",
        "tag",
    ]
    article = items[1]
    assert (article["id"], article["title"], article["source"], article["published"]) == (
        1,
        "Talks in Moscow",
        "Example Wire",
        "2025-03-05",
    )
    assert article["body"].startswith("Talks in Moscow\n\nOn Tuesday")
    assert {"content_hash", "extractor_version", "ingested_at", "published_source"} <= set(article)
    assert items[-1] == {"type": "tag", "id": 1, "kind": "event", "target_id": 3, "tag": "border"}
    assert error_line(notebook("export", "--format", "jsonl", "--topic", "sanctions")) == (
        "error: --format jsonl exports the whole notebook: drop --topic/--since/--until/--tag"
    )


def test_round_trip_is_exact(notebook, runner, tmp_path: Path, seed: Path) -> None:
    assert notebook("ingest", str(seed)).exit_code == 0
    notebook("tag", "add", "article", "4", "pow")
    notebook("note", "add", "event", "5", "cross-check")
    notebook("remove", "2")  # a gap in the ids must survive
    first = notebook("export", "--format", "jsonl").stdout
    dump = tmp_path / "notebook.jsonl"
    dump.write_text(first, encoding="utf-8")

    copy = other(runner, tmp_path / "copy" / "tracker.db")
    result = copy("import", str(dump))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "imported 3 articles, 9 events, 10 figures, 1 notes, 1 tags\n",
        "",
    )
    assert copy("export", "--format", "jsonl").stdout == first
    assert copy("export").stdout == notebook("export").stdout
    for command in ("timeline", "figures", "articles"):
        assert copy(command, "--format", "json").stdout == notebook(command, "--format", "json").stdout
    assert rows(copy("search", "Kursk", "--format", "json"))[0]["id"] == 4  # the index came along


def test_import_refuses_a_non_empty_notebook(notebook, tmp_path: Path) -> None:
    dump = tmp_path / "notebook.jsonl"
    dump.write_text(notebook("export", "--format", "jsonl").stdout, encoding="utf-8")
    line = error_line(notebook("import", str(dump)))
    assert line.startswith("error: ") and line.endswith(
        "is not empty: import into a new notebook (--db NEW.db)"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "{path}: empty: nothing to import"),
        ('{"type": "article", "id": 1}\n', "{path}: line 1: not a dprk-tracker notebook dump"),
        (
            '{"type": "notebook", "format": "dprk-tracker-notebook", "version": 1}\nnot json\n',
            "{path}: line 2: not JSON",
        ),
        (
            '{"type": "notebook", "format": "dprk-tracker-notebook", "version": 1}\n{"type": "planet", "id": 1}\n',
            "{path}: line 2: unknown type 'planet'",
        ),
        (
            '{"type": "notebook", "format": "dprk-tracker-notebook", "version": 1}\n{"type": "note", "colour": 1}\n',
            "{path}: line 2: unknown note field(s): colour",
        ),
        (
            '{"type": "notebook", "format": "dprk-tracker-notebook", "version": 1}\n'
            '{"type": "event", "id": 1, "article_id": 7}\n',
            "{path}: line 2: NOT NULL constraint failed",
        ),
    ],
)
def test_bad_import_leaves_nothing(runner, tmp_path: Path, content: str, message: str) -> None:
    dump = tmp_path / "bad.jsonl"
    dump.write_text(content, encoding="utf-8")
    target = tmp_path / "new" / "tracker.db"
    line = error_line(other(runner, target)("import", str(dump)))
    assert line.startswith("error: " + message.format(path=dump)), line
    assert not target.exists()


def test_import_from_stdin(notebook, runner, tmp_path: Path) -> None:
    dump = notebook("export", "--format", "jsonl").stdout
    copy = other(runner, tmp_path / "stdin.db")
    result = copy("import", "-", input=dump)
    assert result.stdout == "imported 3 articles, 4 events, 3 figures, 1 notes, 0 tags\n"
    assert copy("export", "--format", "jsonl").stdout == dump
