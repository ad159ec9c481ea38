"""Query speed on a large notebook: timeline, figures, search and summary, median and p95.

Uses the largest notebook ``benchmarks/ingest.py`` left in the work folder (or ``--db``). Each
query asks for a page of 100 rows (``--limit 100``), without filters, with ``--topic``, with a date
window (``--since/--until``) and with both. Every query is timed twice:

* in-process: ``Notebook(path, create=False).grouped("events", Filters(...), whole=False)`` etc.
  (the page of corroboration groups the commands show; ``timeline()`` / ``figures()`` on a library
  without it), the library call alone (``--repeat`` times, default 30);
* as a whole command: ``tracker --db PATH timeline --limit 100 --format json ...`` in a subprocess
  (``--cli-repeat`` times, default 10), and the same command drawing its table on a terminal 120
  columns wide (``COLUMNS=120``, output read from a pipe): what a script and a person wait for.

``search`` is timed when the CLI offers it (in-process through ``dprk_tracker.search.search``).

    python benchmarks/queries.py                 # the largest notebook in the work folder
    python benchmarks/queries.py --db nb.db
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DEFAULT_WORK = Path(os.environ.get("BENCH_WORK", Path(tempfile.gettempdir()) / "dprk-tracker-bench"))
PAGE = 100
TOPIC = "casualties"
SINCE, UNTIL = "2024-06", "2024-12"
SINCE_DAY, UNTIL_DAY = "2024-06-01", "2024-12-31"
SINCE_ONLY = "2024-06-01"  # the open-ended window
SEARCH_TERM = "Kursk"

# (label, CLI options, Filters keyword arguments)
VARIANTS: list[tuple[str, list[str], dict[str, Any]]] = [
    ("no filter", [], {}),
    ("--topic", ["--topic", TOPIC], {"topic": TOPIC}),
    ("--since", ["--since", SINCE_ONLY], {"since": SINCE_ONLY}),
    ("--since/--until", ["--since", SINCE, "--until", UNTIL], {"since": SINCE_DAY, "until": UNTIL_DAY}),
    (
        "--topic --since/--until",
        ["--topic", TOPIC, "--since", SINCE, "--until", UNTIL],
        {"topic": TOPIC, "since": SINCE_DAY, "until": UNTIL_DAY},
    ),
]


def page(notebook: Any, table: str, filters: Any) -> list[Any]:
    """What ``timeline`` / ``figures`` read for a page: corroboration groups paged in SQL
    (``Notebook.grouped``, its members whole only for --sources or --why: as the commands read it
    without them) where the library has them, otherwise the plain rows."""
    if hasattr(notebook, "grouped"):
        try:
            return notebook.grouped(table, filters, whole=False)
        except TypeError:  # a library from before the light members
            return notebook.grouped(table, filters)
    return notebook.timeline(filters) if table == "events" else notebook.figures(filters)


def reference_loop() -> float:
    """CPU seconds of a fixed loop: how fast the (shared) machine runs at the moment."""
    start = time.process_time()
    sum(range(10**7))
    return time.process_time() - start


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def stats(times: list[float]) -> dict[str, float]:
    return {
        "median_ms": statistics.median(times) * 1000,
        "p95_ms": percentile(times, 95) * 1000,
        "max_ms": max(times) * 1000,
        "runs": len(times),
    }


def timed(call: Callable[[], Any], repeat: int) -> tuple[dict[str, float], Any]:
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return stats(times), result


def tracker_command() -> list[str]:
    beside = Path(sys.executable).with_name("tracker")
    return [str(beside)] if beside.exists() else ["tracker"]


TABLE_COLUMNS = "120"


def cli_timed(cmd: list[str], repeat: int, timeout: float, *, table: bool = False) -> dict[str, Any]:
    """A command's wall time; ``table``: drawing its table (Rich) instead of writing JSON."""
    env = {**os.environ, "COLUMNS": TABLE_COLUMNS} if table else None
    times = []
    rows: int | None = None
    error = None
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            times.append(time.perf_counter() - start)
            error = [f"timed out after {timeout:.0f} s"]
            break
        times.append(time.perf_counter() - start)
        if proc.returncode:
            error = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [
                f"exit {proc.returncode}"
            ]
            break
        if table:
            continue
        try:
            data = json.loads(proc.stdout)
            rows = len(data) if isinstance(data, list) else None
        except ValueError:
            rows = None
    result: dict[str, Any] = stats(times)
    result["rows"] = rows
    if error:
        result["error"] = error[0]
    return result


def _search_function(notebook: Any) -> Callable[[str, Any], Any] | None:
    """The library's search: ``dprk_tracker.search.search(notebook, query, filters)`` or a method."""
    if hasattr(notebook, "search"):
        return notebook.search
    try:
        from dprk_tracker import search as module
    except ImportError:
        return None
    function = getattr(module, "search", None)
    if function is None:
        return None
    return lambda query, filters: function(notebook, query, filters)


def find_notebook(work: Path) -> Path:
    candidates = []
    for path in work.glob("notebook-*.db"):
        match = re.fullmatch(r"notebook-(\d+)\.db", path.name)
        if match:
            candidates.append((int(match.group(1)), path))
    if not candidates:
        raise SystemExit(f"no notebook in {work}: run benchmarks/ingest.py first (or pass --db)")
    return max(candidates)[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="the notebook (default: the largest in the work folder)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--repeat", type=int, default=30, help="in-process runs per query")
    parser.add_argument("--cli-repeat", type=int, default=10, help="whole-command runs per query")
    parser.add_argument("--cli-timeout", type=float, default=60, help="give up on a command after this (s)")
    parser.add_argument(
        "--queries", default="timeline,figures,search,summary", help="which queries (comma-separated)"
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)

    db_path: Path = args.db or find_notebook(args.work)
    from dprk_tracker.db import Filters, Notebook

    start = time.perf_counter()
    notebook = Notebook(db_path, create=False)
    open_ms = (time.perf_counter() - start) * 1000
    size = notebook.conn.execute("select count(*) from articles").fetchone()[0]
    events = notebook.conn.execute("select count(*) from events").fetchone()[0]
    figures = notebook.conn.execute("select count(*) from figures").fetchone()[0]
    tracker = tracker_command()
    help_text = subprocess.run([*tracker, "--help"], capture_output=True, text=True).stdout
    has_search_cli = bool(re.search(r"^\s+search\b", help_text, re.M))
    search_fn = _search_function(notebook)
    has_search_lib = search_fn is not None

    results: dict[str, Any] = {
        "db": str(db_path),
        "articles": size,
        "events": events,
        "figures": figures,
        "open_ms": open_ms,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_avg_start": os.getloadavg()[0],
        "reference_loop_start_s": reference_loop(),
        "search_cli": has_search_cli,
        "search_lib": has_search_lib,
        "queries": [],
    }
    print(f"{db_path}: {size:,} articles, {events:,} events, {figures:,} figures", file=sys.stderr)

    commands: list[tuple[str, str, Callable[[], Any] | None, list[str]]] = []
    for label, options, kwargs in VARIANTS:
        filters = Filters(limit=PAGE, **kwargs)
        commands.append(
            (
                "timeline",
                label,
                lambda f=filters: page(notebook, "events", f),
                ["timeline", "--limit", str(PAGE), *options],
            )
        )
        commands.append(
            (
                "figures",
                label,
                lambda f=filters: page(notebook, "figures", f),
                ["figures", "--limit", str(PAGE), *options],
            )
        )
        if has_search_cli:
            call = (lambda f=filters, s=search_fn: s(SEARCH_TERM, f)) if search_fn else None
            commands.append(("search", label, call, ["search", SEARCH_TERM, "--limit", str(PAGE), *options]))
    commands.append(("summary", "whole notebook", notebook.overview, ["summary"]))

    wanted = set(args.queries.split(","))
    for name, label, call, cli in commands:
        if name not in wanted:
            continue
        entry: dict[str, Any] = {"query": name, "variant": label, "cli": " ".join(["tracker", *cli])}
        if call is not None:
            try:
                lib, rows = timed(call, args.repeat)
                entry["in_process"] = {**lib, "rows": len(rows) if isinstance(rows, list) else None}
            except Exception as exc:  # a library that lacks or breaks a query: record it
                entry["in_process"] = {"error": f"{type(exc).__name__}: {exc}"}
        command = [*tracker, "--db", str(db_path), *cli]
        entry["command"] = cli_timed([*command, "--format", "json"], args.cli_repeat, args.cli_timeout)
        entry["table"] = cli_timed(command, args.cli_repeat, args.cli_timeout, table=True)
        results["queries"].append(entry)
        print(f"  {name} {label}: done", file=sys.stderr, flush=True)
    notebook.close()
    results["load_avg_end"] = os.getloadavg()[0]
    results["reference_loop_end_s"] = reference_loop()

    out = args.json or (args.work / "query-results.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(table(results))
    if not has_search_cli:
        print("\nsearch: not measured (the CLI has no search command)")
    print(f"\nresults: {out}")
    return 0


def _cell(block: dict[str, Any] | None) -> tuple[str, str, str]:
    if not block:
        return "—", "—", ""
    if "error" in block and "median_ms" not in block:
        return "error", "error", ""
    if str(block.get("error", "")).startswith("timed out"):
        return f"> {block['max_ms'] / 1000:.0f} s", "timeout", ""
    rows = "" if block.get("rows") is None else str(block["rows"])
    return f"{block['median_ms']:.1f}", f"{block['p95_ms']:.1f}", rows


def table(results: dict[str, Any]) -> str:
    lines = [
        f"{results['articles']:,} articles, {results['events']:,} events, {results['figures']:,} figures"
        f" (load average {results['load_avg_start']:.1f} → {results.get('load_avg_end', float('nan')):.1f};"
        f" reference loop {results.get('reference_loop_start_s', float('nan')):.3f}"
        f" → {results.get('reference_loop_end_s', float('nan')):.3f} s)",
        "",
        "| query | filters | lib median ms | lib p95 ms | json cmd median ms | json cmd p95 ms"
        " | table cmd median ms | table cmd p95 ms | rows |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for q in results["queries"]:
        lib_med, lib_p95, _ = _cell(q.get("in_process"))
        cmd_med, cmd_p95, rows = _cell(q.get("command"))
        table_med, table_p95, _ = _cell(q.get("table"))
        for block in ("command", "table"):
            if "error" in q.get(block, {}):
                rows = f"error: {q[block]['error']}"
        lines.append(
            f"| {q['query']} | {q['variant']} | {lib_med} | {lib_p95} | {cmd_med} | {cmd_p95}"
            f" | {table_med} | {table_p95} | {rows} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
