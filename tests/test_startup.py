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
HEAVY = ("sqlite_utils", "rich", "hashlib", "dprk_tracker.grouping", "dprk_tracker.migrations")

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
        ("search", "troops"),
        ("summary",),
    ],
)
def test_read_commands_load_no_writer_and_no_table_drawing(stored: Path, args: tuple[str, ...]) -> None:
    assert loaded(stored, *args, "--format", "json") == []


def test_a_table_loads_rich(stored: Path) -> None:
    assert loaded(stored, "timeline", "--limit", "3") == ["rich"]


def test_schema_names_the_migrations_in_order() -> None:
    assert [m.name for m in migrations.MIGRATIONS._migrations] == list(schema.MIGRATION_NAMES)
    assert schema.SCHEMA_VERSION == len(schema.MIGRATION_NAMES) == 9
