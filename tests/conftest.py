"""Shared fixtures: a temporary notebook and a CLI runner that keeps stdout and stderr apart."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dprk_tracker.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_175e1476b8423eb6.txt"


def tracker_cmd() -> list[str]:
    """The installed ``tracker`` script, for tests that need a real process."""
    script = Path(sys.executable).with_name("tracker")
    if script.exists():
        return [str(script)]
    found = shutil.which("tracker")
    if found:
        return [found]
    return [sys.executable, "-c", "from dprk_tracker.cli import main; main()"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "notebook" / "tracker.db"


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    target = tmp_path / "seeds" / SEED.name
    target.parent.mkdir()
    shutil.copy(SEED, target)
    return target


@pytest.fixture
def tracker(runner: CliRunner, db: Path):
    """Run ``tracker --db DB ARGS...``; returns the click Result (stdout and stderr separate)."""

    def run(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, ["--db", str(db), *args], input=input, catch_exceptions=False)

    return run


@pytest.fixture
def articles(tmp_path: Path):
    """Write Markdown articles with front matter into a fresh folder; returns the folder.

    ``articles(("a.md", "Title", "Source", "2025-03-20", "Body..."), ...)``
    """

    def write(*specs: tuple[str, str, str, str, str], folder: str = "articles") -> Path:
        target = tmp_path / folder
        target.mkdir(exist_ok=True)
        for name, title, source, date, body in specs:
            text = f"---\ntitle: {title}\nsource: {source}\ndate: {date}\n---\n{body}\n"
            (target / name).write_text(text, encoding="utf-8")
        return target

    return write
