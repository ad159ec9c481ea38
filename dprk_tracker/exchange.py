"""Handing the notebook on: reports (Markdown, CSV, JSON) and a whole-notebook JSON Lines dump.

The dump (``dump_jsonl``) writes one JSON object per line, each with a ``type``: a ``notebook``
header, then every ``article`` (all columns, body included), ``event``, ``figure``, ``note`` and
``tag``, ordered by id. ``load_jsonl`` reads it back into an empty notebook with the same ids, so
dump -> load -> dump gives the same bytes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from .annotations import notes_for
from .db import Filters, Notebook, NotebookError
from .numbers import plain_number
from .render import clean, figure_value, to_csv, when_text

DUMP_FORMAT = "dprk-tracker-notebook"
DUMP_VERSION = 1
# Dump order is load order: parents before children.
TABLES = {"article": "articles", "event": "events", "figure": "figures", "note": "notes", "tag": "tags"}


# ---------------------------------------------------------------------------------------------------
# Reports


def _counted(row: dict[str, Any]) -> str:
    """What a figure counts, unless its value already says it ("~40%", "$540M")."""
    unit = row.get("unit") or ""
    if (row.get("percent") and unit in ("percent", "%")) or (row.get("currency") and unit == row["currency"]):
        return ""
    return unit


def report_data(notebook: Notebook, filters: Filters) -> dict[str, Any]:
    """Events and figures under the filters, each pointing at a numbered citation."""
    events = notebook.timeline(filters)
    figures = notebook.figures(filters)
    articles = {
        r["id"]: r
        for r in notebook._rows("select id, title, source, url, published from articles order by id", [])
    }
    citations: list[dict[str, Any]] = []
    numbers: dict[tuple[int, str], int] = {}

    def cite(article_id: int, quote: str) -> int:
        key = (article_id, quote)
        if key not in numbers:
            article = articles[article_id]
            numbers[key] = len(citations) + 1
            citations.append(
                {
                    "number": numbers[key],
                    "article_id": article_id,
                    "title": article["title"],
                    "source": article["source"],
                    "url": article["url"],
                    "published": article["published"],
                    "quote": quote,
                }
            )
        return numbers[key]

    event_notes = notes_for(notebook, "event", (e["id"] for e in events))
    figure_notes = notes_for(notebook, "figure", (f["id"] for f in figures))
    event_rows = [
        {
            "id": e["id"],
            "article_id": e["article_id"],
            "date": when_text(e["when"], e["mod"], e["precision"], e["relation"], e["earliest"], e["latest"]),
            "when": e["when"],
            "earliest": e["earliest"],
            "latest": e["latest"],
            "text": e["text"],
            "topic": e["topic"],
            "notes": event_notes.get(e["id"], []),
            "citation": cite(e["article_id"], e["text"]),
        }
        for e in events
    ]
    figure_rows = [
        {
            "id": f["id"],
            "article_id": f["article_id"],
            "value": figure_value(f),
            "text": f["text"],
            "low": plain_number(f["low"]),
            "high": plain_number(f["high"]),
            "unit": f["unit"],
            "currency": f["currency"],
            "percent": bool(f["percent"]),
            "topic": f["topic"],
            "as_of": when_text(
                f["when"], f["when_mod"], f["precision"], f["relation"], f["earliest"], f["latest"]
            ),
            "when": f["when"],
            "notes": figure_notes.get(f["id"], []),
            "citation": cite(f["article_id"], f["sentence"]),
        }
        for f in figures
    ]
    return {"events": event_rows, "figures": figure_rows, "citations": citations}


def report_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def report_csv(data: dict[str, Any]) -> str:
    """One table: events and figures as rows with a ``type``, and their citation's title and source."""
    citations = {c["number"]: c for c in data["citations"]}
    rows = []
    for kind, items in (("event", data["events"]), ("figure", data["figures"])):
        for item in items:
            cited = citations[item["citation"]]
            rows.append(
                {
                    "type": kind,
                    "id": item["id"],
                    "article_id": item["article_id"],
                    "date": item["date"] if kind == "event" else item["as_of"],
                    "topic": item["topic"],
                    "value": item.get("value", ""),
                    "counts": _counted(item) if kind == "figure" else "",
                    "text": item["text"],
                    "quote": cited["quote"],
                    "title": cited["title"],
                    "source": cited["source"],
                    "published": cited["published"],
                    "notes": item["notes"],
                }
            )
    return to_csv(rows)


def _md(value: Any) -> str:
    """A Markdown table cell: one clean line, pipes escaped."""
    return clean(value).replace("|", "\\|")


def _section(lines: list[str], title: str) -> None:
    if lines and lines[-1] != "":
        lines.append("")
    lines += [title, ""]


def report_markdown(data: dict[str, Any], heading: str = "DPRK tracker report") -> str:
    """The timeline, the figures by topic, notes if any, and numbered citations."""
    lines = [f"# {heading}"]
    _section(lines, "## Timeline")
    if data["events"]:
        lines += ["| Date | Event | Topic | Ref. |", "| --- | --- | --- | ---: |"]
        for e in data["events"]:
            lines.append(f"| {_md(e['date'])} | {_md(e['text'])} | {_md(e['topic'])} | [{e['citation']}] |")
    else:
        lines.append("No events.")
    _section(lines, "## Figures by topic")
    topics = sorted({f["topic"] for f in data["figures"]})
    if not topics:
        lines.append("No figures.")
    for topic in topics:
        _section(lines, f"### {_md(topic)}")
        lines += ["| Value | Counts | As of | Ref. |", "| ---: | --- | --- | ---: |"]
        for f in data["figures"]:
            if f["topic"] == topic:
                lines.append(
                    f"| {_md(f['value'])} | {_md(_counted(f))} | {_md(f['as_of'])} | [{f['citation']}] |"
                )
    noted = [(kind[:-1], item) for kind in ("events", "figures") for item in data[kind] if item["notes"]]
    if noted:
        _section(lines, "## Notes")
        for kind, item in noted:
            for note in item["notes"]:
                lines.append(f"- {kind} {item['id']} [{item['citation']}]: {clean(note)}")
    _section(lines, "## Citations")
    for c in data["citations"]:
        # Outside tables: clean text, no pipe escaping.
        where = ", ".join(clean(x) for x in (c["source"], c["published"]) if x)
        url = f" <{clean(c['url'])}>" if c["url"] else ""
        lines.append(
            f"{c['number']}. *{clean(c['title'] or 'untitled')}*"
            f"{' — ' + where if where else ''}{url}. “{clean(c['quote'])}”"
        )
    if not data["citations"]:
        lines.append("None.")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------------
# The whole notebook as JSON Lines


def dump_jsonl(notebook: Notebook) -> Iterator[str]:
    """Every row of every table, one JSON line each (column order as in the schema)."""
    yield json.dumps({"type": "notebook", "format": DUMP_FORMAT, "version": DUMP_VERSION}) + "\n"
    for kind, table in TABLES.items():
        # Table names come from TABLES, never from input.
        for row in notebook._rows(f"select * from {table} order by id", []):
            yield json.dumps({"type": kind, **dict(row)}, ensure_ascii=False) + "\n"


def is_empty(notebook: Notebook) -> bool:
    return all(
        notebook.conn.execute(f"select count(*) from {table}").fetchone()[0] == 0 for table in TABLES.values()
    )


def load_jsonl(notebook: Notebook, lines: Iterable[str], name: str = "input") -> dict[str, int]:
    """Load a dump into an empty notebook in one transaction; counts per type. All or nothing."""
    if not is_empty(notebook):
        raise NotebookError(f"{notebook.path} is not empty: import into a new notebook (--db NEW.db)")
    columns = {kind: set(notebook.db[table].columns_dict) for kind, table in TABLES.items()}
    counts = dict.fromkeys(TABLES, 0)
    seen_header = False
    number = 0
    try:
        with notebook._writing():
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except ValueError as exc:
                    raise NotebookError(f"{name}: line {number}: not JSON ({exc})") from exc
                if not isinstance(item, dict):
                    raise NotebookError(f"{name}: line {number}: expected a JSON object")
                kind = item.pop("type", None)
                if not seen_header:
                    if kind != "notebook" or item.get("format") != DUMP_FORMAT:
                        raise NotebookError(
                            f"{name}: line {number}: not a dprk-tracker notebook dump "
                            '(the first line must be {"type": "notebook", ...})'
                        )
                    if item.get("version") != DUMP_VERSION:
                        raise NotebookError(f"{name}: unsupported dump version {item.get('version')!r}")
                    seen_header = True
                    continue
                if kind not in TABLES:
                    raise NotebookError(f"{name}: line {number}: unknown type {kind!r}")
                unknown = set(item) - columns[kind]
                if unknown:
                    raise NotebookError(
                        f"{name}: line {number}: unknown {kind} field(s): {', '.join(sorted(unknown))}"
                    )
                # Column names were checked against the schema above; values are parameters.
                names = ", ".join(f"[{c}]" for c in item)
                marks = ", ".join("?" for _ in item)
                notebook.conn.execute(
                    f"insert into {TABLES[kind]} ({names}) values ({marks})", list(item.values())
                )
                counts[kind] += 1
            _regroup(notebook)
    except sqlite3.IntegrityError as exc:
        raise NotebookError(f"{name}: line {number}: {exc}") from exc
    except sqlite3.InterfaceError as exc:
        raise NotebookError(f"{name}: line {number}: unsupported value ({exc})") from exc
    if not seen_header:
        raise NotebookError(f"{name}: empty: nothing to import")
    return counts


def _regroup(notebook: Notebook) -> None:
    """Groups travel in the dump (``group_id``), so dump -> load -> dump is exact; a dump without
    them (an older version) or with groups that do not hold together is grouped afresh. Either way
    the candidate keys, which are not dumped, are rebuilt."""
    from .grouping import groups_consistent, refile_all, regroup_all

    if groups_consistent(notebook.db):
        refile_all(notebook.db, notebook.counted())
    else:
        regroup_all(notebook.db, notebook.counted())
