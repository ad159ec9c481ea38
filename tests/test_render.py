"""Tables: the line-by-line drawing (render._Grid) gives what rich.table.Table gives, at any width."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from dprk_tracker import render
from dprk_tracker.render import Column, highlighted

_ANSI = re.compile(r"\x1b\[[0-9;]*m")

COLUMNS = [
    Column("Value", lambda r: r["value"], justify="right", no_wrap=True),
    Column("Counts", lambda r: r["counts"], min_width=6),
    Column("Topic", lambda r: r["topic"], no_wrap=True, style="cyan", stackable=True),
    Column("Quote", lambda r: highlighted(r["quote"], 4, 9), ratio=1),
]
ROWS = [
    {"value": "~11,000", "counts": "troops", "topic": "deployment", "quote": "North Korea sent troops"},
    {"value": "", "counts": "", "topic": "", "quote": ""},
    {
        "value": "10,000–12,000",
        "counts": "killed or wounded servicemen",
        "topic": "casualties",
        "quote": "Casualties [bold]rose[/bold] to over 3,000 by early 2025, "
        + "the spy agency told lawmakers in a closed-door briefing " * 3,
    },
    {
        "value": "$540M",
        "counts": "Antidisestablishmentarianism",
        "topic": "money",
        "quote": "北朝鮮の兵士 " * 12,
    },
]


def _drawn(renderable: object, width: int, terminal: bool) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=terminal, color_system="truecolor" if terminal else None
    )
    console.print(renderable)
    return buffer.getvalue()


def _rich(rows: list[dict[str, str]], width: int) -> object:
    columns = COLUMNS
    if render._needed_width(rows, columns) > width:
        columns = render._stacked(columns)
    return render._rich_table(columns, [[render._as_text(c.cell(r)) for c in columns] for r in rows], None)


@pytest.mark.parametrize("terminal", [False, True])
def test_the_grid_draws_what_rich_draws_at_every_width(terminal: bool) -> None:
    for width in (*range(12, 161, 3), 80, 120):
        for rows in (ROWS, ROWS[:1], []):
            grid = render.to_table(rows, COLUMNS, width=width)
            ours, theirs = _drawn(grid, width, terminal), _drawn(_rich(rows, width), width, terminal)
            if terminal:  # the same text and styles; Rich may split a styled run differently
                assert _ANSI.sub("", ours) == _ANSI.sub("", theirs), width
                if width >= 100 and rows:  # the column style and the highlight are drawn
                    assert "\x1b[36m" in ours and "\x1b[1;33m" in ours
            else:
                assert ours == theirs, width


def test_a_console_without_unicode_gets_richs_ascii_table() -> None:
    def drawn(renderable: object) -> str:
        file = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="replace")
        Console(file=file, width=100).print(renderable)
        file.seek(0)
        return file.read()

    rows = ROWS[:1]
    assert drawn(render.to_table(rows, COLUMNS, width=100)) == drawn(_rich(rows, 100))
    assert drawn(render.to_table(rows, COLUMNS, width=100)).startswith("+-")


def test_a_table_with_a_title_is_richs() -> None:
    table = render.to_table(ROWS, COLUMNS, title="Figures", width=100)
    assert type(table).__name__ == "Table"
    assert _drawn(table, 100, False).splitlines()[0].strip() == "Figures"
