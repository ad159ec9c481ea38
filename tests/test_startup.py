"""Start-up: read commands load only what they use (each command is a new process, and imports are
most of its time), and the light schema names agree with the migrations."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dprk_tracker import migrations, schema

# Loaded by writes, upgrades and rendering only: a read command with --format json needs none.
HEAVY = (
    "sqlite_utils",
    "rich",
    "hashlib",
    "dprk_tracker.grouping",
    "dprk_tracker.migrations",
    "dprk_tracker.trends",  # the counted lexicon: only to chart, explain or group figures
    "dprk_tracker.model",  # the extractors' dataclasses: 8-13 ms, for nothing a read shows
    "tomllib",
)

PROBE = """
import contextlib, io, json, sys
args, names = json.loads(sys.argv[1]), json.loads(sys.argv[2])
sys.argv = ["tracker", *args]
from dprk_tracker.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main()
    except SystemExit as exit:
        assert not exit.code, exit.code
print(json.dumps([name for name in names if name in sys.modules]))
"""


def loaded(db: Path, *args: str) -> list[str]:
    """Which of HEAVY a fresh process has loaded after running ``tracker --db DB ARGS``."""
    argv = json.dumps(["--db", str(db), *args])
    done = subprocess.run(
        [sys.executable, "-c", PROBE, argv, json.dumps(HEAVY)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


@pytest.fixture
def stored(tracker, seed: Path, db: Path) -> Path:
    assert tracker("ingest", str(seed)).exit_code == 0
    return db


@pytest.mark.parametrize(
    "args",
    [
        ("timeline", "--limit", "100"),
        ("timeline", "--topic", "casualties", "--since", "2024-06"),
        ("figures", "--topic", "casualties"),
        ("figures", "--since", "2024", "--until", "2025-03"),
        ("search", "troops"),
        ("search", "troops", "--since", "2024"),
        ("summary",),
    ],
)
def test_read_commands_load_no_writer_and_no_table_drawing(stored: Path, args: tuple[str, ...]) -> None:
    assert loaded(stored, *args, "--format", "json") == []


def test_a_table_loads_rich(stored: Path) -> None:
    assert loaded(stored, "timeline", "--limit", "3") == ["rich"]


def test_schema_names_the_migrations_in_order() -> None:
    assert [m.name for m in migrations.MIGRATIONS._migrations] == list(schema.MIGRATION_NAMES)
    assert schema.SCHEMA_VERSION == len(schema.MIGRATION_NAMES) == 13


# --- Typer builds only the command being run ---------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "built"),
    [
        (["timeline", "--limit", "5"], (["timeline"], [])),
        (["--db", "x.db", "figures"], (["figures"], [])),
        (["--db=x.db", "--topics", "t.toml", "import", "dump.jsonl"], (["import"], [])),
        (["note", "list"], ([], ["note"])),
    ],
)
def test_only_the_command_run_is_built(args: list[str], built: tuple[list[str], list[str]]) -> None:
    from typer.main import get_command_name

    from dprk_tracker import cli

    narrowed = cli._app_for(args)
    commands = [c.name or get_command_name(c.callback.__name__) for c in narrowed.registered_commands]
    assert (commands, [g.name for g in narrowed.registered_groups]) == built
    assert narrowed.registered_callback is cli.app.registered_callback


@pytest.mark.parametrize(
    "args", [[], ["--help"], ["timelin"], ["--db", "timeline"], ["--verbose", "timeline"], ["--", "x"]]
)
def test_help_and_mistakes_get_the_whole_app(args: list[str]) -> None:
    from dprk_tracker import cli

    assert cli._app_for(args) is cli.app


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--help"],
        ["note", "add", "--help"],
        ["--db", "x.db", "figures", "--since", "soon"],
        ["timeline", "--bogus"],
        ["tag"],
    ],
)
def test_the_narrowed_app_answers_as_the_whole_one(args: list[str], tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dprk_tracker import cli

    runner = CliRunner()
    whole, narrowed = (
        runner.invoke(a, args, env={"TRACKER_DB": str(tmp_path / "n.db")})
        for a in (cli.app, cli._app_for(args))
    )
    assert (narrowed.exit_code, narrowed.output) == (whole.exit_code, whole.output)


def test_python_dash_m_runs_the_command(stored: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dprk_tracker", "--db", str(stored), "articles", "--format", "csv"],
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[0].startswith("id,title,")
    assert len(done.stdout.splitlines()) == 2
