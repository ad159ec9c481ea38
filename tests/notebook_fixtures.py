"""Small synthetic articles for the research-notebook tests (search, notes, exchange, maintenance)."""

from __future__ import annotations

import json
from pathlib import Path

ARTICLES = [
    # (file name, text, --published, --source)
    (
        "talks.txt",
        "Talks in Moscow\n\nOn Tuesday, officials said 1,500 workers arrived last month.\n",
        "2025-03-05",
        "Example Wire",
    ),
    (
        "border.txt",
        "Border incident\n\nIn March 2024, guards fired warning shots; about 20 soldiers crossed the line.\n",
        "2024-04",
        None,
    ),
    (
        "sanctions.txt",
        "Sanctions [bold]list[/] widened\n\n"
        "The council imposed sanctions on 12 shipping firms in January 2025.\n",
        "2025-02-01",
        None,
    ),
]


def ingest_articles(tracker, folder: Path) -> None:
    """Articles 1, 2, 3 in the order above (events 1-2, 3, 4; figures 1, 2, 3)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text, published, source in ARTICLES:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        args = ["ingest", str(path), "--published", published]
        if source:
            args += ["--source", source]
        result = tracker(*args)
        assert result.exit_code == 0, result.stderr


def rows(result) -> list | dict:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def error_line(result) -> str:
    """A failed command: non-zero exit, nothing on stdout, one line on stderr."""
    assert result.exit_code != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]
