"""Bad input: one clear line on stderr, a non-zero exit, no traceback, nothing half-written."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def one_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_missing_path(tracker, tmp_path: Path) -> None:
    result = tracker("ingest", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert one_line(result) == f"error: no such file or folder: {tmp_path / 'nope.txt'}"


def test_folder_without_articles(tracker, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "image.png").write_bytes(b"\x89PNG")
    result = tracker("ingest", str(tmp_path / "empty"))
    assert result.exit_code == 1
    assert (
        one_line(result)
        == f"error: no articles (*.txt, *.md, *.html, *.htm, *.jsonl) in folder {tmp_path / 'empty'}"
    )


def test_empty_file(tracker, tmp_path: Path, db: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    result = tracker("ingest", str(empty))
    assert result.exit_code == 1
    assert one_line(result) == f"error: {empty}: empty file"
    assert result.stdout == "0 added, 0 duplicates, 1 failed; 0 events, 0 figures\n"
    assert sqlite3.connect(db).execute("select count(*) from articles").fetchone() == (0,)


def test_binary_file(tracker, tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    result = tracker("ingest", str(binary))
    assert result.exit_code == 1
    assert one_line(result) == f"error: {binary}: binary file, not text"


def test_not_utf8_is_decoded_with_a_warning(tracker, tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 talks\n\nNorth Korea sent 1,000 troops in 2024.\n".encode("cp1252"))
    result = tracker("ingest", str(latin))
    assert result.exit_code == 0
    assert one_line(result) == f"warning: {latin}: not valid UTF-8 (byte 3); decoded as Windows-1252"
    listed = tracker("articles", "--format", "json")
    assert '"title": "Café talks"' in listed.stdout


def test_unknown_topic(tracker, seed: Path) -> None:
    tracker("ingest", str(seed))
    result = tracker("figures", "--topic", "casualty")
    assert result.exit_code == 1
    assert one_line(result) == (
        "error: unknown topic 'casualty' (did you mean 'casualties'? known: casualties, deployment,"
        " diplomacy, money, other, prisoners, sanctions, weapons)"
    )
    assert one_line(tracker("figures", "--topic", "zzz")) == (
        "error: unknown topic 'zzz' (known: casualties, deployment, diplomacy, money, other, prisoners,"
        " sanctions, weapons)"
    )


@pytest.mark.parametrize("command", [["ingest", "--published", "March-ish"], ["timeline", "--since", "soon"]])
def test_malformed_date(tracker, seed: Path, command: list[str]) -> None:
    tracker("ingest", str(seed))
    args = [*command, str(seed)] if command[0] == "ingest" else command
    result = tracker(*args)
    assert result.exit_code == 1
    value = command[-1]
    assert (
        one_line(result)
        == f'error: not a date: {value!r} (use YYYY-MM-DD, YYYY-MM, YYYY or a month name: "March 2025")'
    )


def test_not_a_database(runner, tmp_path: Path) -> None:
    from dprk_tracker.cli import app

    fake = tmp_path / "notes.db"
    fake.write_text("just some text, not SQLite\n")
    result = runner.invoke(app, ["--db", str(fake), "timeline"])
    assert result.exit_code == 1
    assert one_line(result) == f"error: {fake} is not a SQLite database"
    assert fake.read_text() == "just some text, not SQLite\n"


def test_not_a_tracker_database(runner, tmp_path: Path) -> None:
    from dprk_tracker.cli import app

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("create table recipes (name text)")
    result = runner.invoke(app, ["--db", str(other), "ingest", "-"], input="Title\n\nBody text.\n")
    assert result.exit_code == 1
    assert one_line(result) == f"error: {other} is a SQLite database but not a tracker notebook"
    tables = sqlite3.connect(other).execute("select name from sqlite_master where type='table'").fetchall()
    assert tables == [("recipes",)]


def test_no_notebook_yet(tracker, db: Path) -> None:
    result = tracker("timeline")
    assert result.exit_code == 1
    assert one_line(result) == f"error: no notebook at {db}: ingest an article first"
    assert not db.exists()


def test_usage_error_is_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from dprk_tracker.cli import main; main()", "timeline", "--limit", "zero"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: Invalid value for '--limit' / '-n': 'zero' is not a valid int range."
        " (see: tracker timeline --help)\n"
    )
