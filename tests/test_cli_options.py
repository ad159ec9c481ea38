"""Command-line options as newcomers type them: main options after the command, dates in any case,
repeated filters, formats that carry everything, and errors that name what the user gave."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dprk_tracker.cli import app

from .notebook_fixtures import error_line, ingest_articles, rows

SHIPS = "Fleet\n\nIn March 2024, the navy sent 12 ships to the port.\n"


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


# ---------------------------------------------------------------------------------------------------
# --db and --topics after the command


def test_db_after_the_command(tracker, db: Path, tmp_path: Path) -> None:
    ingest_articles(tracker, tmp_path / "in")
    before = rows(invoke("--db", str(db), "figures", "--format", "json"))
    after = rows(invoke("figures", "--db", str(db), "--format", "json"))
    assert after == before
    assert [f["value"] for f in after] == ["~20", "12", "1,500"]


def test_db_after_a_sub_command(tracker, db: Path, tmp_path: Path) -> None:
    ingest_articles(tracker, tmp_path / "in")
    assert tracker("note", "add", "article", "2", "check the date").exit_code == 0
    notes = rows(invoke("note", "list", "--db", str(db), "--format", "json"))
    assert [(n["kind"], n["target_id"], n["text"]) for n in notes] == [("article", 2, "check the date")]


def test_db_after_the_command_wins(tracker, db: Path, tmp_path: Path) -> None:
    ingest_articles(tracker, tmp_path / "in")
    other = tmp_path / "other.db"
    assert len(rows(invoke("--db", str(other), "articles", "--db", str(db), "-f", "json"))) == 3
    result = invoke("--db", str(db), "articles", "--db", str(other))
    assert error_line(result) == f"error: no notebook at {other}: ingest an article first"


def test_db_after_the_command_wins_over_tracker_db(tracker, db: Path, tmp_path: Path) -> None:
    ingest_articles(tracker, tmp_path / "in")
    other = str(tmp_path / "other.db")
    assert len(rows(invoke("articles", "--db", str(db), "-f", "json", env={"TRACKER_DB": other}))) == 3
    result = invoke("articles", env={"TRACKER_DB": other})
    assert error_line(result) == f"error: no notebook at {other}: ingest an article first"


def test_topics_after_the_command(tmp_path: Path) -> None:
    article = tmp_path / "ships.txt"
    article.write_text(SHIPS, encoding="utf-8")
    lexicon = tmp_path / "navy.toml"
    lexicon.write_text('[topics.navy]\nkeywords = ["ship*"]\n', encoding="utf-8")
    plain = json.loads(invoke("extract", str(article)).stdout)
    assert [f["topic"] for f in plain["figures"]] == ["deployment"]
    for args in (
        ["extract", str(article), "--topics", str(lexicon)],
        ["--topics", str(lexicon), "extract", str(article)],
    ):
        result = json.loads(invoke(*args).stdout)
        assert [f["topic"] for f in result["figures"]] == ["navy"]


def test_help_shows_the_main_options_on_every_command() -> None:
    for command in (["figures"], ["ingest"], ["note", "list"], ["export"]):
        help_text = " ".join(invoke(*command, "--help").stdout.split())
        assert (
            "--db <path> Notebook file [default: data/tracker.db, or $TRACKER_DB]; wins over one" in help_text
        )
        assert "--topics <path> A topic lexicon (TOML) layered over the packaged one; wins" in help_text


# ---------------------------------------------------------------------------------------------------
# Dates typed in any case


@pytest.mark.parametrize(
    "command",
    [["timeline"], ["figures"], ["search", "officials"], ["export", "--format", "json"]],
    ids=" ".join,
)
@pytest.mark.parametrize(
    ("typed", "canonical"),
    [("march 2024", "2024-03"), ("mar 2024", "2024-03"), ("MARCH 2024", "2024-03"), ("june 2025", "2025-06")],
)
def test_month_names_in_any_case(tracker, tmp_path: Path, command, typed: str, canonical: str) -> None:
    ingest_articles(tracker, tmp_path / "in")
    json_args = [] if command[0] == "export" else ["--format", "json"]
    for option in ("--since", "--until"):
        expected = tracker(*command, *json_args, option, canonical)
        result = tracker(*command, *json_args, option, typed)
        assert (result.exit_code, result.stderr) == (0, "")
        assert result.stdout == expected.stdout


def test_month_name_filters_as_its_month(tracker, tmp_path: Path) -> None:
    ingest_articles(tracker, tmp_path / "in")
    events = rows(tracker("timeline", "--since", "march 2024", "--until", "mar 2024", "-f", "json"))
    assert [e["date"] for e in events] == ["Mar 2024"]


def test_published_month_name_in_lower_case(tracker, tmp_path: Path) -> None:
    article = tmp_path / "ships.txt"
    article.write_text(SHIPS, encoding="utf-8")
    assert tracker("ingest", str(article), "--published", "june 2025").exit_code == 0
    stored = rows(tracker("articles", "--format", "json"))
    assert [(a["published"], a["published_source"]) for a in stored] == [("2025-06", "option")]
    extracted = json.loads(tracker("extract", str(article), "--published", "5 mar 2024").stdout)
    assert (extracted["published"], extracted["published_source"]) == ("2024-03-05", "option")


def test_not_a_date_names_the_month_name_form(tracker, tmp_path: Path) -> None:
    ingest_articles(tracker, tmp_path / "in")
    result = tracker("timeline", "--since", "last spring")
    assert error_line(result) == (
        "error: not a date: 'last spring' (use YYYY-MM-DD, YYYY-MM, YYYY or a month name: \"March 2025\")"
    )


# ---------------------------------------------------------------------------------------------------
# extract in every format: times, events and figures


@pytest.fixture
def ships(tmp_path: Path) -> Path:
    article = tmp_path / "ships.txt"
    article.write_text(SHIPS, encoding="utf-8")
    return article


def test_extract_csv_is_one_table_with_a_record_column(tracker, ships: Path) -> None:
    result = tracker("extract", str(ships), "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "record,text,start,end,type,value,mod,earliest,latest,when,relation,precision,time_text,topic,"
        "low,high,qualifier,unit,currency,percent,when_mod,sentence\n"
        "time,March 2024,10,20,DATE,2024-03,,2024-03-01,2024-03-31,,,,,,,,,,,,,\n"
        'event,"In March 2024, the navy sent 12 ships to the port.",7,57,,,,2024-03-01,2024-03-31,'
        "2024-03,,month,March 2024,deployment,,,,,,,,\n"
        "figure,12,36,38,,,,2024-03-01,2024-03-31,2024-03,,month,,deployment,12,12,,ships,,False,,"
        '"In March 2024, the navy sent 12 ships to the port."\n'
    )


def test_extract_markdown_has_times_events_and_figures(tracker, ships: Path) -> None:
    result = tracker("extract", str(ships), "--format", "markdown")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "## Times\n\n"
        "| Text | Type | Value | Mod | Earliest | Latest |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| March 2024 | DATE | 2024-03 |  | 2024-03-01 | 2024-03-31 |\n"
        "\n## Events\n\n"
        "| Date | Event | Topic |\n"
        "| --- | --- | --- |\n"
        "| Mar 2024 | In March 2024, the navy sent 12 ships to the port. | deployment |\n"
        "\n## Figures\n\n"
        "| Value | Text | Counts | Topic | As of |\n"
        "| ---: | --- | --- | --- | --- |\n"
        "| 12 | 12 | ships | deployment | Mar 2024 |\n"
    )


def test_extract_table_has_times_events_and_figures(tracker, ships: Path) -> None:
    result = tracker("extract", str(ships), "--format", "table")
    assert (result.exit_code, result.stderr) == (0, "")
    titles = [
        line.strip() for line in result.stdout.splitlines() if line.strip() in ("Times", "Events", "Figures")
    ]
    assert titles == ["Times", "Events", "Figures"]
    assert "│ Mar 2024 │ In March 2024, the navy sent 12 ships to the port. │ deployment │" in result.stdout


def test_extract_help_names_every_format(tracker) -> None:
    help_text = " ".join(tracker("extract", "--help").stdout.split())
    assert (
        "json (all fields), table or markdown (times, events, figures), or csv (one table: a kind column, "
        "every field)." in help_text
    )


def test_extract_jsonl_refuses_another_format(tracker, ships: Path) -> None:
    result = tracker("extract", str(ships), "--jsonl", "--format", "csv")
    assert error_line(result) == "error: --jsonl writes JSON Lines: drop --format csv"


# ---------------------------------------------------------------------------------------------------
# ingest: a missing path is one failure; a file named twice is read once


def test_missing_path_among_others_is_one_failure(tracker, seed: Path, tmp_path: Path, db: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = tracker("ingest", str(missing), str(seed.parent))
    assert result.exit_code == 1
    assert result.stderr == f"error: no such file or folder: {missing}\n"
    assert result.stdout.splitlines()[-1] == "1 added, 0 duplicates, 1 failed; 6 events, 8 figures"
    assert len(rows(tracker("articles", "--format", "json"))) == 1


def test_folder_without_articles_among_others_is_one_failure(tracker, seed: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = tracker("ingest", str(tmp_path / "empty"), str(seed))
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: no articles (*.txt, *.md, *.html, *.htm, *.jsonl) in folder {tmp_path / 'empty'}\n"
    )
    assert result.stdout.splitlines()[-1] == "1 added, 0 duplicates, 1 failed; 6 events, 8 figures"


def test_only_missing_paths_make_no_notebook(tracker, tmp_path: Path, db: Path) -> None:
    result = tracker("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b"))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"error: no such file or folder: {tmp_path / 'a.txt'}\n"
        f"error: no such file or folder: {tmp_path / 'b'}\n"
    )
    assert not db.exists()


def test_a_file_named_twice_is_read_once(tracker, seed: Path, tmp_path: Path) -> None:
    empty = seed.parent / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    # The folder, a file in it by another spelling, and the folder again.
    again = seed.parent / ".." / seed.parent.name / "empty.txt"
    result = tracker("ingest", str(seed.parent), str(again), str(seed.parent), str(seed))
    assert result.exit_code == 1
    assert result.stderr == f"error: {empty}: empty file\n"
    assert result.stdout == (
        f"{seed}: article 1, Human Rights Groups Advocate for North Korean POW Asylum in South Korea — "
        "2025 (inferred), 6 events, 8 figures\n"
        "1 added, 0 duplicates, 1 failed; 6 events, 8 figures\n"
    )


# ---------------------------------------------------------------------------------------------------
# Options that would be silently dropped


@pytest.mark.parametrize(
    "command", [["timeline"], ["figures"], ["search", "soldiers"], ["export"]], ids=" ".join
)
def test_repeated_topic_is_refused(tracker, tmp_path: Path, command: list[str]) -> None:
    ingest_articles(tracker, tmp_path / "in")
    result = tracker(*command, "-t", "casualties", "--topic", "deployment")
    assert error_line(result) == (
        "error: one --topic at a time (casualties, deployment given): run the command once per topic"
    )


def test_one_topic_still_filters(tracker, tmp_path: Path) -> None:
    ingest_articles(tracker, tmp_path / "in")
    figures = rows(tracker("figures", "--topic", "deployment", "--format", "json"))
    assert [(f["value"], f["topic"]) for f in figures] == [("~20", "deployment"), ("1,500", "deployment")]


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--sources"], "drop --sources"),
        (["--why"], "drop --why"),
        (["--why", "--notes", "--sources"], "drop --sources and --why and --notes"),
    ],
)
def test_trend_refuses_row_options(tracker, tmp_path: Path, flags: list[str], message: str) -> None:
    ingest_articles(tracker, tmp_path / "in")
    result = tracker("figures", "--trend", *flags)
    assert error_line(result) == f"error: --trend charts estimates, not rows: {message}"


# ---------------------------------------------------------------------------------------------------
# Errors and help that say what the code does


def test_note_list_on_a_missing_id_is_an_error(tracker, tmp_path: Path, db: Path) -> None:
    ingest_articles(tracker, tmp_path / "in")
    assert tracker("note", "add", "figure", "2", "check").exit_code == 0
    result = tracker("note", "list", "--kind", "figure", "--id", "9999")
    assert error_line(result) == f"error: no figure 9999 in {db}"
    notes = rows(tracker("note", "list", "--kind", "figure", "--id", "2", "--format", "json"))
    assert [(n["id"], n["text"]) for n in notes] == [(1, "check")]
    # An existing row without notes is no error.
    result = tracker("note", "list", "--kind", "figure", "--id", "1", "--format", "json")
    assert (result.exit_code, result.stdout) == (0, "[]\n")


def test_export_into_a_missing_folder_names_the_given_path(tracker, tmp_path: Path) -> None:
    ingest_articles(tracker, tmp_path / "in")
    target = tmp_path / "nodir" / "x" / "report.md"
    result = tracker("export", "--output", str(target))
    assert error_line(result) == f"error: No such file or directory: {target}"
    assert not (tmp_path / "nodir").exists()


def test_search_help_says_dates_are_published_dates(tracker) -> None:
    help_text = " ".join(tracker("search", "--help").stdout.split())
    assert (
        '--since <str> Only articles published on this date or later (YYYY[-MM[-DD]] or "March 2025"); '
        "leaves out undated ones." in help_text
    )
    assert (
        "--until <str> Only articles published on this date or earlier; leaves out undated ones." in help_text
    )


# ---------------------------------------------------------------------------------------------------
# summary: several tables


def test_summary_csv_is_one_table(tracker, tmp_path: Path) -> None:
    ingest_articles(tracker, tmp_path / "in")
    # Notes and tags have other fields than events: glued tables made an internal error here.
    assert tracker("note", "add", "article", "3", "a note").exit_code == 0
    assert tracker("tag", "add", "figure", "3", "watch").exit_code == 0
    result = tracker("summary", "3", "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["record"], r["id"]) for r in table] == [
        ("article", "3"),
        ("event", "4"),
        ("figure", "3"),
        ("note", "1"),
        ("tag", "1"),
    ]
    assert table[0]["title"] == "Sanctions [bold]list[/] widened"
    assert (table[2]["value"], table[2]["unit"]) == ("12", "shipping firms")
    assert (table[3]["kind"], table[3]["target_id"], table[3]["text"]) == ("article", "3", "a note")
    assert (table[4]["kind"], table[4]["target_id"], table[4]["tag"]) == ("figure", "3", "watch")


def test_summary_of_the_notebook_as_csv(tracker, tmp_path: Path) -> None:
    ingest_articles(tracker, tmp_path / "in")
    result = tracker("summary", "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(table[0]) == [
        "record", "articles", "events", "figures", "earliest", "latest", "outdated", "topic", "latest_figure"
    ]  # fmt: skip
    assert [
        (r["record"], r["articles"], r["outdated"], r["topic"], r["events"], r["figures"]) for r in table
    ] == [
        ("notebook", "3", "0", "", "4", "3"),
        ("topic", "", "", "deployment", "3", "2"),
        ("topic", "", "", "sanctions", "1", "1"),
    ]
    assert json.loads(table[2]["latest_figure"])["text"] == "12"


def test_summary_markdown_keeps_its_tables_apart(tracker, tmp_path: Path) -> None:
    ingest_articles(tracker, tmp_path / "in")
    assert tracker("tag", "add", "article", "3", "watch").exit_code == 0
    result = tracker("summary", "3", "--format", "markdown")
    assert (result.exit_code, result.stderr) == (0, "")
    path = tmp_path / "in" / "sanctions.txt"
    assert result.stdout == (
        "| Article 3 |  |\n| --- | --- |\n| Title | Sanctions [bold]list[/] widened |\n"
        "| Source | unknown |\n| Reference date | 2025-02-01 (given with --published) |\n"
        f"| Path | {path} |\n"
        "\n## Events\n\n| Date | Event | Topic | Art. |\n| --- | --- | --- | ---: |\n"
        "| Jan 2025 | The council imposed sanctions on 12 shipping firms in January 2025. | sanctions | 3 |\n"
        "\n## Figures\n\n| Value | Counts | Topic | As of | Art. | Quote |\n"
        "| ---: | --- | --- | --- | ---: | --- |\n"
        "| 12 | shipping firms | sanctions | Jan 2025 | 3 | "
        "The council imposed sanctions on 12 shipping firms in January 2025. |\n"
        "\n## Notes and tags\n\n| On | Note or tag |\n| --- | --- |\n| article 3 | tag: watch |\n"
    )
    overview = tracker("summary", "--format", "markdown").stdout
    assert (
        "| Dates span | 2024-03-01 to 2025-03-04 |\n\n| Topic | Events | Figures | Latest figure |\n"
        in overview
    )
