"""Ingest at scale: articles/s, MB/s, peak memory and database size for 1,000 / 10,000 / 100,000 articles.

For each size N it generates (or reuses) the first N articles of the seeded corpus
(``benchmarks/corpus.py``), then runs ``tracker --db <work>/notebook-N.db ingest <folders>`` as a
subprocess and measures wall time, input MB/s, peak resident memory (of the ``tracker`` process,
from ``getrusage(RUSAGE_CHILDREN)`` in a wrapper), the database size, and checks that exactly N
articles landed. With ``--jobs 2`` too when ``tracker ingest --help`` offers it.

Beside it, the floor: the same texts inserted with plain sqlite-utils and no extraction (also a
subprocess), and the ratio tracker/floor. It also measures single-process extraction speed
(``dprk_tracker.extract.extract`` on up to 1,000 articles, MB/s per core) and ``tracker --help``.

Everything is resumable: the corpus is generated once and extended as needed; a size whose
notebook is complete and whose result is recorded is skipped unless ``--force``. The notebooks stay
in the work folder for ``benchmarks/queries.py``.

    python benchmarks/ingest.py                       # 1,000 and 10,000
    python benchmarks/ingest.py --sizes 100000        # the long one (resumable)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # the sibling module, importable without a package

DEFAULT_WORK = Path(os.environ.get("BENCH_WORK", Path(tempfile.gettempdir()) / "dprk-tracker-bench"))

# Runs a command and writes its wall time, peak memory and exit code as JSON (argv[1]).
_WRAPPER = """
import json, resource, subprocess, sys, time
out, stdout, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
start = time.perf_counter()
with open(stdout, "wb") as handle:
    proc = subprocess.run(cmd, stdout=handle, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
result = {"wall": wall, "maxrss_kb": usage.ru_maxrss, "user": usage.ru_utime, "sys": usage.ru_stime,
          "rc": proc.returncode, "stderr": proc.stderr.decode("utf-8", "replace")[-4000:]}
with open(out, "w") as handle:
    json.dump(result, handle)
"""

_FLOOR = """
import hashlib, sys
from pathlib import Path
import sqlite_utils
db_path, paths = sys.argv[1], sys.argv[2:]
db = sqlite_utils.Database(db_path)
db.conn.execute("PRAGMA journal_mode = WAL")
db["articles"].create({"id": int, "title": str, "body": str, "path": str, "content_hash": str}, pk="id")
db["articles"].create_index(["content_hash"], unique=True)

def files():
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            yield p
            continue
        yield from sorted(q for q in p.rglob("*") if q.suffix in (".txt", ".md") and q.is_file())

def rows():
    for path in files():
        text = path.read_bytes().decode("utf-8")
        title = next((line for line in text.splitlines() if line.strip()), "")
        digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
        yield {"title": title, "body": text, "path": str(path), "content_hash": digest}

with db.conn:
    db["articles"].insert_all(rows(), batch_size=500)
"""


def tracker_command() -> list[str]:
    """The ``tracker`` console script of this interpreter's environment (else the one on PATH)."""
    beside = Path(sys.executable).with_name("tracker")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("tracker")
    if not found:
        raise SystemExit("tracker is not installed: pip install -e '.[test]'")
    return [found]


def measured(cmd: list[str], log: Path) -> dict[str, Any]:
    """Run ``cmd`` under the wrapper: wall time, peak RSS of the child, exit code, stderr tail."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result_path = handle.name
    try:
        subprocess.run([sys.executable, "-c", _WRAPPER, result_path, str(log), *cmd], check=True)
        return json.loads(Path(result_path).read_text())
    finally:
        os.unlink(result_path)


def db_size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists())


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("articles", "events", "figures")
        }
    finally:
        conn.close()


def corpus_inputs(root: Path, size: int) -> tuple[list[str], int]:
    """Paths to pass to ``ingest`` for the first ``size`` articles, and their total bytes."""
    if size % corpus.PER_FOLDER == 0:
        folders = corpus.folders(root, size)
        files = [f for folder in folders for f in folder.iterdir() if f.suffix in (".txt", ".md")]
        paths = [str(f) for f in folders]
    else:
        files = sorted(
            f
            for folder in corpus.folders(root, size)
            for f in folder.iterdir()
            if f.suffix in (".txt", ".md")
        )
        files = files[:size]
        paths = [str(f) for f in files]
    if len(files) != size:
        raise SystemExit(f"corpus {root} has {len(files)} articles for size {size}")
    return paths, sum(f.stat().st_size for f in files)


def help_time(tracker: list[str], runs: int = 10) -> dict[str, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*tracker, "--help"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return {"median_s": statistics.median(times), "max_s": max(times), "min_s": min(times), "runs": runs}


def extraction_speed(root: Path, sample: int) -> dict[str, Any]:
    """Single-process extraction speed on up to ``sample`` articles (MB/s on one core)."""
    script = """
import json, sys, time
from pathlib import Path
from dprk_tracker.extract import extract
from dprk_tracker.reader import decode
paths = [Path(p) for p in sys.argv[1:]]
texts = [decode(p.read_bytes()).text for p in paths]
size = sum(len(t.encode("utf-8")) for t in texts)
extract(texts[0])  # warm caches (vocabulary, regexes)
start, cpu = time.perf_counter(), time.process_time()
items = 0
for text in texts:
    result = extract(text)
    items += len(result.events) + len(result.figures)
wall, cpu = time.perf_counter() - start, time.process_time() - cpu
speed = size / 1e6 / cpu if cpu else None
print(json.dumps({"articles": len(texts), "bytes": size, "wall_s": wall, "cpu_s": cpu,
                  "mb_per_s_per_core": speed, "items": items}))
"""
    files = sorted(f for f in corpus.folders(root, sample)[0].iterdir() if f.suffix in (".txt", ".md"))[
        :sample
    ]
    # cwd: ``python -c`` puts the current folder first on sys.path; run where no stray package shadows.
    proc = subprocess.run(
        [sys.executable, "-c", script, *map(str, files)], capture_output=True, text=True, cwd=root
    )
    if proc.returncode:
        return {
            "error": proc.stderr.strip().splitlines()[-1]
            if proc.stderr.strip()
            else f"exit {proc.returncode}"
        }
    return json.loads(proc.stdout)


def supports_jobs(tracker: list[str]) -> bool:
    proc = subprocess.run([*tracker, "ingest", "--help"], capture_output=True, text=True)
    return "--jobs" in proc.stdout


def run_size(
    tracker: list[str], work: Path, root: Path, size: int, *, jobs: int | None, floor: bool
) -> dict[str, Any]:
    paths, nbytes = corpus_inputs(root, size)
    suffix = f"-j{jobs}" if jobs else ""
    db = work / f"notebook-{size}{suffix}.db"
    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        stale.unlink(missing_ok=True)
    log = work / f"ingest-{size}{suffix}.log"
    cmd = [*tracker, "--db", str(db), "ingest", *paths]
    if jobs:
        cmd[len(tracker) + 3 : len(tracker) + 3] = ["--jobs", str(jobs)]
    print(
        f"ingest {size:,} articles{f' with --jobs {jobs}' if jobs else ''} ...", file=sys.stderr, flush=True
    )
    load_before = os.getloadavg()[0]
    run = measured(cmd, log)
    result: dict[str, Any] = {
        "size": size,
        "jobs": jobs or 1,
        "bytes": nbytes,
        "command": " ".join(
            [
                "tracker",
                "--db",
                str(db),
                "ingest",
                *(["--jobs", str(jobs)] if jobs else []),
                f"<{len(paths)} paths>",
            ]
        ),
        "wall_s": run["wall"],
        "cpu_s": run["user"] + run["sys"],
        "peak_rss_mb": run["maxrss_kb"] / 1024,
        "rc": run["rc"],
        "articles_per_s": size / run["wall"],
        "mb_per_s": nbytes / 1e6 / run["wall"],
        "articles_per_cpu_s": size / (run["user"] + run["sys"]) if run["user"] + run["sys"] else None,
        # The machine's 1-minute load average before and after: a busy machine stretches wall time.
        "load_avg": [load_before, os.getloadavg()[0]],
    }
    if run["rc"]:
        result["stderr_tail"] = run["stderr"].strip().splitlines()[-3:]
    if db.exists():
        result["db_bytes"] = db_size(db)
        try:
            result["counts"] = counts(db)
        except sqlite3.Error as exc:
            result["counts_error"] = str(exc)
    result["complete"] = result.get("counts", {}).get("articles") == size
    if floor:
        floor_db = work / f"floor-{size}.db"
        for stale in (floor_db, Path(f"{floor_db}-wal"), Path(f"{floor_db}-shm")):
            stale.unlink(missing_ok=True)
        print(f"floor (plain sqlite-utils, no extraction) for {size:,} ...", file=sys.stderr, flush=True)
        frun = measured([sys.executable, "-c", _FLOOR, str(floor_db), *paths], work / f"floor-{size}.log")
        result["floor"] = {
            "wall_s": frun["wall"],
            "peak_rss_mb": frun["maxrss_kb"] / 1024,
            "rc": frun["rc"],
            "db_bytes": db_size(floor_db) if floor_db.exists() else None,
        }
        result["ratio_to_floor"] = run["wall"] / frun["wall"] if frun["wall"] else None
        for stale in (floor_db, Path(f"{floor_db}-wal"), Path(f"{floor_db}-shm")):
            stale.unlink(missing_ok=True)
    return result


def table(results: dict[str, Any]) -> str:
    lines = [
        "| articles | jobs | wall s | CPU s | articles/s | MB/s | peak MB | DB MB | floor s | ratio | load "
        "| stored |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for key in sorted(
        results["runs"], key=lambda k: (results["runs"][k]["size"], results["runs"][k]["jobs"])
    ):
        r = results["runs"][key]
        floor = r.get("floor", {})
        stored = r.get("counts", {}).get("articles", "?")
        lines.append(
            f"| {r['size']:,} | {r['jobs']} | {r['wall_s']:.1f} | {r.get('cpu_s', float('nan')):.1f} | "
            f"{r['articles_per_s']:.1f} | "
            f"{r['mb_per_s']:.2f} | "
            f"{r['peak_rss_mb']:.0f} | {r.get('db_bytes', 0) / 1e6:.1f} | "
            f"{floor.get('wall_s', float('nan')):.1f} | {r.get('ratio_to_floor') or float('nan'):.1f}× | "
            f"{max(r.get('load_avg') or [float('nan')]):.1f} | "
            f"{stored}{'' if r['rc'] == 0 else ' (exit ' + str(r['rc']) + ')'} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="1000,10000", help="comma-separated corpus sizes (default 1000,10000)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--density",
        choices=sorted(corpus.DENSITIES),
        default="news",
        help="corpus density: news (as real news, default) or dense (stress test; use its own --work)",
    )
    parser.add_argument(
        "--work", type=Path, default=DEFAULT_WORK, help=f"work folder (default {DEFAULT_WORK})"
    )
    parser.add_argument("--force", action="store_true", help="re-run sizes already measured")
    parser.add_argument("--no-floor", action="store_true", help="skip the plain sqlite-utils floor")
    parser.add_argument(
        "--jobs", type=int, default=2, help="also run with --jobs J when supported (0: never)"
    )
    parser.add_argument(
        "--jobs-only",
        action="store_true",
        help="only the --jobs run, no one-process run or floor (for 100,000: it halves the hours)",
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument(
        "--corpus",
        type=Path,
        help="an existing corpus folder (NNN/ folders of 1,000) to read instead of the generated one",
    )
    args = parser.parse_args(argv)

    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    tracker = tracker_command()
    results_path = work / "ingest-results.json"
    results: dict[str, Any] = json.loads(results_path.read_text()) if results_path.exists() else {"runs": {}}
    results.setdefault("runs", {})

    root = args.corpus or work / f"corpus-{args.density}-seed{args.seed}"
    started = time.perf_counter()
    print(f"corpus: {max(sizes):,} articles in {root} ...", file=sys.stderr, flush=True)
    if args.corpus is None:
        corpus.ensure(root, max(sizes), args.seed, args.density)
    results["corpus"] = {
        "root": str(root),
        "seed": args.seed,
        "density": args.density,
        "generated_up_to": max(sizes),
        "ensure_s": time.perf_counter() - started,
    }

    jobs_ok = supports_jobs(tracker)
    results["jobs_supported"] = jobs_ok
    results["help"] = help_time(tracker)
    results["extraction"] = extraction_speed(root, min(1000, min(sizes)))
    results["machine"] = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    results["date"] = datetime.now(UTC).isoformat(timespec="seconds")

    for size in sizes:
        variants: list[int | None] = [] if args.jobs_only and args.jobs and jobs_ok else [None]
        if args.jobs and jobs_ok:
            variants.append(args.jobs)
        for jobs in variants:
            key = f"{size}-j{jobs or 1}"
            previous = results["runs"].get(key)
            db = work / f"notebook-{size}{f'-j{jobs}' if jobs else ''}.db"
            if previous and previous.get("complete") and db.exists() and not args.force:
                print(f"{key}: already measured (use --force to re-run)", file=sys.stderr)
                continue
            results["runs"][key] = run_size(
                tracker, work, root, size, jobs=jobs, floor=not args.no_floor and not jobs
            )
            results_path.write_text(json.dumps(results, indent=2))

    results_path.write_text(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    print(table(results))
    print()
    h = results["help"]
    print(
        f"tracker --help: median {h['median_s'] * 1000:.0f} ms, max {h['max_s'] * 1000:.0f} ms "
        f"({h['runs']} runs)"
    )
    ex = results["extraction"]
    if "error" in ex:
        print(f"extraction: failed: {ex['error']}")
    else:
        print(
            f"extraction: {ex['mb_per_s_per_core']:.2f} MB/s per core "
            f"({ex['articles']} articles, {ex['cpu_s']:.1f} s CPU)"
        )
    print(f"ingest --jobs: {'supported' if jobs_ok else 'not supported by this tracker'}")
    print(f"results: {results_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
