"""Rendering: rows from the notebook as tables, JSON, CSV or Markdown, and values as people write them.

Article text is data: it is stripped of control characters and escape sequences and put into Rich
``Text`` objects (never parsed as markup), so an article cannot restyle or hijack the terminal.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich loads when a table is drawn: JSON and CSV output do without it
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.segment import Segment
    from rich.style import Style
    from rich.table import Table
    from rich.text import Text


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


# ANSI CSI/OSC/other escape sequences first (so their parameters go too), then lone controls.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean(value: Any, *, one_line: bool = True) -> str:
    """Text safe for a terminal: no escape sequences, no control characters."""
    if value is None:
        return ""
    text = _ESCAPES.sub("", str(value))
    if one_line:
        text = " ".join(text.replace("\t", " ").split("\n"))
        text = re.sub(r"\s{2,}", " ", text)
    return _CONTROLS.sub("", text).strip()


# ---------------------------------------------------------------------------------------------------
# Values


def number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "KRW": "₩"}
_APPROXIMATE = frozenset(
    {"approximately", "about", "around", "roughly", "some", "nearly", "almost", "an estimated", "estimated"}
)
_LOWER_OPEN = {"at least": "≥", "no fewer than": "≥", "no less than": "≥"}
_UPPER_OPEN = {"fewer than": "<", "less than": "<", "under": "<", "below": "<"}


def amount(value: float, currency: str | None, percent: bool) -> str:
    if percent:
        return f"{number(value)}%"
    if currency:
        sign = _CURRENCY_SIGNS.get(currency)
        scaled = _scaled(value)
        return f"{sign}{scaled}" if sign else f"{scaled} {currency}"
    if abs(value) >= 1_000_000:
        return _scaled(value, words=True)
    return number(value)


def _scaled(value: float, words: bool = False) -> str:
    for size, short, word in ((1e12, "T", " trillion"), (1e9, "B", " billion"), (1e6, "M", " million")):
        if abs(value) >= size:
            digits = f"{value / size:.2f}".rstrip("0").rstrip(".")
            return digits + (word if words else short)
    return number(value)


def figure_value(row: dict[str, Any]) -> str:
    """ "10,000–12,000", ">3,000", "~40%", "$540M", "≤30"."""
    low, high = row.get("low"), row.get("high")
    currency, percent = row.get("currency"), bool(row.get("percent"))
    qualifier = (row.get("qualifier") or "").lower()
    if low is not None and high is not None:
        if low == high:
            prefix = "~" if qualifier in _APPROXIMATE else ""
            return prefix + amount(low, currency, percent)
        if currency or percent:
            return f"{amount(low, currency, percent)}–{amount(high, currency, percent)}"
        return f"{number(low)}–{number(high)}"
    if low is not None:
        return _LOWER_OPEN.get(qualifier, ">") + amount(low, currency, percent)
    if high is not None:
        return _UPPER_OPEN.get(qualifier, "≤") + amount(high, currency, percent)
    return clean(row.get("text"))


def when_text(
    value: str | None,
    mod: str | None,
    precision: str | None,
    relation: str | None = None,
    earliest: str | None = None,
    latest: str | None = None,
) -> str:
    """A date as a person writes it at its precision: "Jun 2024", "early 2025", "since 2024", and a
    range its interval spans beyond the date itself ("between September 2023 and March 2025": "Sep
    2023 – Mar 2025", "in October and November": "Oct–Nov 2024")."""
    if not value:
        return "undated"
    # (the time vocabulary loads on first use, not at start-up)
    from .times.describe import describe, describe_range

    if earliest and latest and mod is None and relation is None and _beyond(value, earliest, latest):
        spanned = describe_range(earliest, latest, precision)
        if spanned is not None:
            return spanned
    return describe(value, mod, precision, relation)


def _beyond(value: str, earliest: str, latest: str) -> bool:
    """Whether an interval reaches past the day, month or year ``value`` names."""
    if len(value) not in (4, 7, 10) or not value[:4].isdigit():
        return False
    # (ISO strings compare in date order; a prefix stands for its first day, "~" sorts after digits)
    return earliest < value or latest[: len(value)] > value


# ---------------------------------------------------------------------------------------------------
# Output


class Column:
    """A table column: header, how to get its cell from a row, and its layout."""

    def __init__(
        self,
        header: str,
        cell: Callable[[dict[str, Any]], str | Text],
        *,
        ratio: int | None = None,
        no_wrap: bool = False,
        justify: str = "left",
        style: str | None = None,
        min_width: int | None = None,
        plain: Callable[[dict[str, Any]], str] | None = None,
        stackable: bool = False,
    ) -> None:
        self.header = header
        self.cell = cell
        self.ratio = ratio
        self.no_wrap = no_wrap
        self.justify = justify
        self.style = style
        self.min_width = min_width
        # On a terminal too narrow for every column, its text goes under the previous wide column's.
        self.stackable = stackable
        # Markdown reports quote in full; the terminal table trims around the match.
        self.plain = plain or cell


def emit(
    console: Console,
    rows: Sequence[dict[str, Any]],
    fmt: Format,
    columns: Sequence[Column],
    *,
    title: str | None = None,
    json_rows: Sequence[dict[str, Any]] | None = None,
) -> None:
    """Write rows in the chosen format. JSON and CSV carry data only (all fields)."""
    data = list(json_rows if json_rows is not None else rows)
    if fmt is Format.json:
        console.file.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.csv:
        console.file.write(to_csv(data))
    elif fmt is Format.markdown:
        console.file.write(to_markdown(rows, columns))
    else:
        console.print(to_table(rows, columns, title=title, width=console.width))


def to_csv(rows: Sequence[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    return buffer.getvalue()


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return clean(value, one_line=False)
    return value


def to_markdown(rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> str:
    from rich.text import Text

    def cell(value: str | Text) -> str:
        text = value.plain if isinstance(value, Text) else value
        return clean(text).replace("|", "\\|")

    lines = ["| " + " | ".join(c.header for c in columns) + " |"]
    lines.append("| " + " | ".join("---:" if c.justify == "right" else "---" for c in columns) + " |")
    for row in rows:
        lines.append("| " + " | ".join(cell(c.plain(row)) for c in columns) + " |")
    return "\n".join(lines) + "\n"


def to_table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[Column],
    *,
    title: str | None = None,
    width: int | None = None,
) -> Table | _Grid:
    if width is not None and any(c.stackable for c in columns) and _needed_width(rows, columns) > width:
        columns = _stacked(columns)
    cells = [[_as_text(column.cell(row)) for column in columns] for row in rows]
    if title is None:
        return _Grid(columns, cells)
    return _rich_table(columns, cells, title)


def _rich_table(columns: Sequence[Column], cells: list[list[Text]], title: str | None) -> Table:
    from rich.table import Table

    table = Table(title=title, show_lines=False, expand=False, header_style="bold")
    for index, column in enumerate(columns):
        table.add_column(
            column.header,
            ratio=column.ratio,
            no_wrap=column.no_wrap,
            justify=column.justify,  # type: ignore[arg-type]
            style=column.style,
            min_width=column.min_width,
            overflow="fold",
            # What Rich would measure for a column that never wraps, given: measuring every cell
            # again was a third of drawing a 100-row page.
            width=_widest(column.header, (row[index] for row in cells)) if column.no_wrap else None,
        )
    for row in cells:
        table.add_row(*row)
    return table


class _Grid:
    """What ``rich.table.Table`` draws for these columns (heavy head box, a space of padding each
    side, no title), laid out and drawn line by line: the same text two to four times faster (Rich
    lays out and pads every cell as a renderable of its own, ~1 ms a row). Column widths follow
    Rich's rules (natural widths, then the wrapping columns shrunk widest first); whatever they do
    not cover (a table that must also shrink its single-line columns, an ASCII-only or legacy Windows
    console) is left to Rich itself."""

    def __init__(self, columns: Sequence[Column], cells: list[list[Text]]) -> None:
        self.columns = columns
        self.cells = cells

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = None if options.ascii_only or options.legacy_windows else self._widths(options.max_width)
        if widths is None:
            yield _rich_table(self.columns, self.cells, None)
            return
        from rich.segment import Segment
        from rich.text import Text

        new_line = Segment.line()
        styles = [console.get_style(column.style or "") for column in self.columns]
        header = [Text(column.header) for column in self.columns]
        bold = console.get_style("bold")
        yield Segment("┏" + "┳".join("━" * w for w in widths) + "┓")
        yield new_line
        for line in self._lines(console, header, widths, [bold] * len(widths), "┃", bottom=True):
            yield from line
            yield new_line
        yield Segment("┡" + "╇".join("━" * w for w in widths) + "┩")
        yield new_line
        for row in self.cells:
            for line in self._lines(console, row, widths, styles, "│"):
                yield from line
                yield new_line
        yield Segment("└" + "┴".join("─" * w for w in widths) + "┘")
        yield new_line

    def _widths(self, width: int) -> list[int] | None:
        """Each column's width, padding included, as Rich's Table would lay it out, or None when
        its layout needs more than this draws (see the class)."""
        from rich.cells import cell_len
        from rich.table import Table

        room = width - len(self.columns) - 1  # the borders
        natural = []
        for index, column in enumerate(self.columns):
            texts = (column.header, *(row[index].plain for row in self.cells))
            longest = max(cell_len(line) for text in texts for line in text.splitlines() or [""])
            # (a single-line column is given its width, so Rich does not clamp it to its minimum)
            least = 0 if column.no_wrap else (column.min_width or 0) + 2
            natural.append(max(min(longest + 2, room), least))
        widths = natural
        if sum(widths) > room:
            # (Rich's own shrinking, a private method: a Rich without it draws the table itself)
            collapse = getattr(Table, "_collapse_widths", None)
            if collapse is None:
                return None
            widths = collapse(natural, [not column.no_wrap for column in self.columns], room)
            if sum(widths) > room:
                return None
            # Measured again at their new widths, as Rich does: a column's minimum width wins.
            widths = [
                max(min(n, w), (c.min_width or 0) + 2) if not c.no_wrap else w
                for n, w, c in zip(natural, widths, self.columns, strict=True)
            ]
        return widths if min(widths, default=0) > 2 else None

    def _lines(
        self,
        console: Console,
        row: Sequence[Text],
        widths: list[int],
        styles: list[Style],
        bar: str,
        *,
        bottom: bool = False,
    ) -> list[list[Segment]]:
        """The lines of one row, each a list of segments, its cells top-aligned (``bottom``: aligned
        at the bottom, as Rich does a header)."""
        from rich.segment import Segment

        cells: list[list[Text | None]] = []
        for text, width, column in zip(row, widths, self.columns, strict=True):
            inner = width - 2
            lines: list[Text | None]
            if "\n" not in text.plain and text.cell_len <= inner and column.justify in ("left", "right"):
                lines = [text]  # what wrapping a line that fits gives, before padding
            else:
                lines = list(
                    text.wrap(console, inner, justify=column.justify, overflow="fold", no_wrap=column.no_wrap)
                )
            cells.append(lines)
        height = max(len(lines) for lines in cells)
        if bottom:
            cells = [[None] * (height - len(lines)) + lines for lines in cells]
        drawn = []
        border = Segment(bar)
        for index in range(height):
            segments = [border]
            for lines, width, column, style in zip(cells, widths, self.columns, styles, strict=True):
                line = lines[index] if index < len(lines) else None
                fill = width - 2 - (line.cell_len if line is not None else 0)
                left = " " * (fill + 1) if column.justify == "right" else " "
                right = " " if column.justify == "right" else " " * (fill + 1)
                segments.append(Segment(left, style))
                if line is not None:
                    segments.extend(Segment.apply_style(line.render(console), style))
                segments.append(Segment(right, style))
                segments.append(border)
            drawn.append(segments)
        return drawn


def _widest(header: str, cells: Iterable[Text]) -> int:
    """The widest line of a column's header and cells, in terminal cells."""
    from rich.cells import cell_len

    return max(cell_len(line) for text in (header, *(c.plain for c in cells)) for line in text.split("\n"))


# The least a wrapping column can be and still read as text.
_WRAPPED_MIN = 20
_SHORT_MIN = 8


def _needed_width(rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> int:
    """About how wide the table must be: single-line columns at their longest cell, wide (ratio)
    columns at a readable minimum, the borders and padding (3 per column, 1 more for the edge)."""
    needed = 1
    for column in columns:
        if column.no_wrap:
            longest = max((_as_text(column.cell(row)).cell_len for row in rows), default=0)
            needed += max(len(column.header), longest)
        elif column.ratio:
            needed += max(column.min_width or 0, _WRAPPED_MIN)
        else:
            needed += max(column.min_width or 0, len(column.header), _SHORT_MIN)
        needed += 3
    return needed


def _stacked(columns: Sequence[Column]) -> list[Column]:
    """The columns with each stackable one folded under a wide column, labelled: the nearest before
    it, else the first after it (a table whose wide column comes last)."""
    kept = list(columns)
    for column in columns:
        if not column.stackable:
            continue
        at = kept.index(column)
        host = next((c for c in reversed(kept[:at]) if c.ratio), None)
        host = host or next((c for c in kept[at + 1 :] if c.ratio), None)
        if host is not None:
            kept[kept.index(host)] = _with_under(host, column)
            kept.remove(column)
    return kept


def _with_under(host: Column, under: Column) -> Column:
    def cell(row: dict[str, Any]) -> Text:
        text = _as_text(host.cell(row)).copy()
        extra = _as_text(under.cell(row))
        if extra.plain:
            text.append(f"\n{under.header}: ", style="dim")
            text.append_text(extra)
        return text

    return Column(
        host.header,
        cell,
        ratio=host.ratio,
        justify=host.justify,
        style=host.style,
        min_width=host.min_width,
        plain=host.plain,
    )


def _as_text(value: str | Text) -> Text:
    from rich.text import Text

    return value if isinstance(value, Text) else Text(clean(value))


def highlighted(text: str, start: int, end: int, *, width: int = 160) -> Text:
    """The text around [start, end), that span in bold; trimmed at word boundaries to about ``width``
    characters when it is much longer (a sentence only a little longer is shown whole)."""
    from rich.text import Text

    text = _ESCAPES.sub(lambda m: " " * len(m.group()), text)
    text = _CONTROLS.sub(" ", text).replace("\n", " ")
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    left, right = 0, len(text)
    if len(text) > width * 1.25:
        room = max(0, width - (end - start))
        left = max(0, start - room // 2)
        right = min(len(text), max(end, left + width))
        left = max(0, min(left, right - width, start))
        # Cut between words, never inside one.
        if left > 0:
            space = text.find(" ", left, start)
            left = space + 1 if space >= 0 else left
        if right < len(text):
            space = text.rfind(" ", end, right)
            right = space if space >= 0 else right
    result = Text()
    if left > 0:
        result.append("… ")
    result.append(text[left:start])
    result.append(text[start:end], style="bold yellow")
    result.append(text[end:right])
    if right < len(text):
        result.append(" …")
    return result
