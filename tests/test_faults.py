"""Faults with real processes and real files: concurrent writers, SIGKILL, corrupt, read-only and
full notebooks, and a notebook from a newer schema. No mocks.

Every test runs the installed ``tracker`` console script as a subprocess. Tests run as root in CI,
where ``chmod`` stops nothing: the read-only test drops the capabilities that let root ignore file
permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) in the child before it starts, so the
permissions are enforced for real. The full-disk test gives the child a file-size limit
(RLIMIT_FSIZE) with SIGXFSZ ignored, so writes past it fail with EFBIG as on a full disk.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .conftest import tracker_cmd

# ---------------------------------------------------------------------------------------------------
# Helpers

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def env() -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k != "TRACKER_DB"}
    environ["COLUMNS"] = "200"
    return environ


def run(db: Path, *args: str, input: bytes | None = None, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*tracker_cmd(), "--db", str(db), *args],
        input=input.decode() if input is not None else None,
        capture_output=True,
        text=True,
        env=env(),
        timeout=300,
        **kwargs,
    )


def small_article(index: int, salt: str = "") -> str:
    """A short, unique article (~700 bytes) with dated events and figures."""
    rng = random.Random(f"{salt}:{index}")
    year = rng.choice([2023, 2024, 2025])
    month = rng.choice(MONTHS)
    troops = 1000 + index * 7 + rng.randint(0, 6)
    lines = [
        f"Dispatch {index}{salt}: North Korean Troops in {rng.choice(['Kursk', 'Belgorod', 'Sumy'])}",
        "",
        f"SEOUL, {month[:3]}. {rng.randint(1, 28)} (Yonhap) -- North Korea sent {troops:,} troops to Russia "
        f"in {month} {year}, officials said.",
        "",
        f"Over {rng.randint(2, 40) * 100:,} soldiers were killed or injured by early {year + 1}, "
        f"approximately {rng.randint(10, 60)}% of the force.",
        "",
        f"Pyongyang earned around ${rng.randint(100, 900)} million from arms sales in {year - 1}.",
        "",
        f"Ukraine captured {rng.choice(['two', 'three', 'four'])} North Korean soldiers in Kursk "
        f"in {rng.choice(MONTHS)}, a spokesman for unit {index} said.",
        "",
    ]
    return "\n".join(lines)


def write_articles(folder: Path, count: int, salt: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"{salt}-{i:04d}.txt"
        path.write_text(small_article(i, salt), encoding="utf-8")
        paths.append(path)
    return paths


def connect_ro(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)


def scalar(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def checkpoint(db: Path) -> None:
    """Fold the WAL into the main file so the file alone is the whole notebook."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_one_clean_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error:"), lines[0]
    return lines[0]


def assert_articles_complete(db: Path, ids: list[int] | None = None) -> int:
    """Each stored article has exactly the events and figures ``tracker extract`` finds in its file."""
    conn = connect_ro(db)
    try:
        rows = conn.execute("select id, path from articles order by id").fetchall()
        events = dict(conn.execute("select article_id, count(*) from events group by article_id").fetchall())
        figures = dict(
            conn.execute("select article_id, count(*) from figures group by article_id").fetchall()
        )
        orphans = conn.execute(
            "select (select count(*) from events where article_id not in (select id from articles))"
            " + (select count(*) from figures where article_id not in (select id from articles))"
        ).fetchone()[0]
    finally:
        conn.close()
    assert orphans == 0
    if ids is not None:
        rows = [r for r in rows if r[0] in set(ids)]
    if not rows:
        return 0
    lines = "".join(
        json.dumps({"id": article_id, "text": Path(path).read_text(encoding="utf-8")}) + "\n"
        for article_id, path in rows
    )
    proc = run(db, "extract", "--jsonl", "-", input=lines.encode())
    assert proc.returncode == 0, proc.stderr
    expected = {}
    for line in proc.stdout.splitlines():
        item = json.loads(line)
        assert "error" not in item, item
        expected[item["id"]] = (len(item["events"]), len(item["figures"]))
    for article_id, _path in rows:
        stored = (events.get(article_id, 0), figures.get(article_id, 0))
        assert stored == expected[article_id], (
            f"article {article_id}: stored {stored}, extract {expected[article_id]}"
        )
    return len(rows)


_libc = ctypes.CDLL(None, use_errno=True)
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def drop_file_capabilities() -> None:
    """preexec_fn: after exec the child (even root) obeys file permissions."""
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _can_drop_capabilities() -> bool:
    if os.geteuid() != 0:
        return True  # not needed: permissions already apply
    probe = subprocess.run(
        [sys.executable, "-c", "pass"], preexec_fn=drop_file_capabilities, capture_output=True
    )
    return probe.returncode == 0


def file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


# ---------------------------------------------------------------------------------------------------
# A small notebook built once and copied by each test


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("template")
    write_articles(base / "articles", 5, "base")
    db = base / "notebook.db"
    proc = run(db, "ingest", str(base / "articles"))
    assert proc.returncode == 0, proc.stderr
    checkpoint(db)
    return db


@pytest.fixture
def notebook(template: Path, tmp_path: Path) -> Path:
    db = tmp_path / "nb" / "notebook.db"
    db.parent.mkdir()
    shutil.copy(template, db)
    return db


# ---------------------------------------------------------------------------------------------------
# Concurrency


@pytest.mark.parametrize("start", ["existing notebook", "new notebook"])
def test_two_processes_ingest_at_once(tmp_path: Path, template: Path, start: str) -> None:
    """Two writers, different folders plus one folder both ingest: every article lands exactly once."""
    db = tmp_path / "shared.db"
    if start == "existing notebook":
        shutil.copy(template, db)
    before = scalar(db, "select count(*) from articles") if db.exists() else 0
    a = write_articles(tmp_path / "a", 120, "a")
    b = write_articles(tmp_path / "b", 120, "b")
    both = write_articles(tmp_path / "both", 30, "both")
    procs = [
        subprocess.Popen(
            [*tracker_cmd(), "--db", str(db), "ingest", str(tmp_path / folder), str(tmp_path / "both")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env(),
        )
        for folder in ("a", "b")
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert "Traceback" not in err, err
        assert proc.returncode == 0, err
    expected = before + len(a) + len(b) + len(both)
    assert scalar(db, "select count(*) from articles") == expected
    assert scalar(db, "select count(distinct content_hash) from articles") == expected
    assert scalar(db, "select count(distinct path) from articles") == expected
    assert integrity(db) == "ok"
    assert_articles_complete(db)


def test_new_notebook_waits_while_another_writer_holds_it(tmp_path: Path) -> None:
    """The state a second process creating the same notebook meets: the file just made, its write
    lock held. Switching to WAL gets no busy timeout from SQLite: the open retries, then finds the
    notebook to migrate (it used to fail at once with "database is locked")."""
    from dprk_tracker.db import Notebook
    from dprk_tracker.schema import SCHEMA_VERSION

    db = tmp_path / "notebook.db"
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, other.execute, ["ROLLBACK"])
    release.start()
    notebook = Notebook(db)
    release.join()
    assert notebook.schema_version == SCHEMA_VERSION
    notebook.close()
    other.close()
    assert integrity(db) == "ok"


# ---------------------------------------------------------------------------------------------------
# SIGKILL halfway


def test_sigkill_halfway_then_rerun_completes(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    files = write_articles(folder, 1000, "k")
    db = tmp_path / "killed.db"
    cmd = [*tracker_cmd(), "--db", str(db), "ingest", str(folder)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env())
    stored = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                conn = connect_ro(db)
                try:
                    stored = conn.execute("select count(*) from articles").fetchone()[0]
                finally:
                    conn.close()
            except sqlite3.Error:
                stored = 0  # not created yet, or the schema is being written
            if stored >= 100:
                break
            time.sleep(0.02)
        if proc.poll() is not None:
            pytest.fail(f"ingest ended (exit {proc.returncode}) before it could be killed: {stored} stored")
        assert stored >= 100, "ingest stored nothing within 120 s"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    assert integrity(db) == "ok"
    after_kill = scalar(db, "select count(*) from articles")
    assert 0 < after_kill < len(files)
    # Each article is either complete with its events and figures or absent.
    assert assert_articles_complete(db) == after_kill

    again = subprocess.run(cmd, capture_output=True, text=True, env=env(), timeout=300)
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    assert scalar(db, "select count(*) from articles") == len(files)
    assert scalar(db, "select count(distinct path) from articles") == len(files)
    assert scalar(db, "select count(distinct content_hash) from articles") == len(files)
    assert integrity(db) == "ok"
    # The articles the second run added are complete too (a sample keeps the test short).
    conn = connect_ro(db)
    try:
        added = [r[0] for r in conn.execute("select id from articles order by id desc limit 60")]
    finally:
        conn.close()
    assert assert_articles_complete(db, added) == 60


# ---------------------------------------------------------------------------------------------------
# Ctrl-C halfway


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_halfway_says_what_was_stored(tmp_path: Path, jobs: str) -> None:
    files = write_articles(tmp_path / "articles", 1000, "c")
    db = tmp_path / "interrupted.db"
    cmd = [*tracker_cmd(), "--db", str(db), "ingest", "--jobs", jobs, str(tmp_path / "articles")]
    # Its own process group, signalled as a whole: a terminal's Ctrl-C reaches the --jobs workers too.
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(), start_new_session=True
    )
    stored = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                stored = scalar(db, "select count(*) from articles")
            except sqlite3.Error:
                stored = 0
            if stored >= 100:
                break
            time.sleep(0.02)
        if proc.poll() is not None:
            pytest.fail(f"ingest ended (exit {proc.returncode}) before it could be interrupted")
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 130
    after = scalar(db, "select count(*) from articles")
    assert 0 < after < len(files)
    events = scalar(db, "select count(*) from events")
    figures = scalar(db, "select count(*) from figures")
    # One line per stored article on stdout, then one line on stderr: what was stored of how much.
    assert len(out.splitlines()) == after
    assert err == (
        f"interrupted after {after} of {len(files)} files: {after} added, 0 duplicates, 0 failed; "
        f"{events} events, {figures} figures; run the same command again to finish\n"
    )
    assert assert_articles_complete(db, list(range(after - 20, after + 1))) == 21

    again = subprocess.run(cmd, capture_output=True, text=True, env=env(), timeout=300)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[-1].startswith(
        f"{len(files) - after} added, {after} duplicates, 0 failed;"
    )
    assert scalar(db, "select count(*) from articles") == len(files)


# ---------------------------------------------------------------------------------------------------
# Files that are not (good) notebooks


READ_COMMANDS = [["articles"], ["timeline"], ["figures"], ["summary"]]


def _corrupt_schema_page(db: Path) -> None:
    data = bytearray(db.read_bytes())
    rng = random.Random(7)
    for i in range(100, min(len(data), 4096)):
        data[i] = rng.randrange(256)
    db.write_bytes(bytes(data))


def _truncate(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2 // 4096 * 4096 or 4096])


@pytest.mark.parametrize("damage", [_corrupt_schema_page, _truncate], ids=["garbage-schema", "truncated"])
@pytest.mark.parametrize("command", [*READ_COMMANDS, ["ingest", "NEW"]], ids=lambda c: c[0])
def test_corrupt_notebook(
    notebook: Path, tmp_path: Path, damage: Callable[[Path], None], command: list[str]
) -> None:
    damage(notebook)
    before = digest(notebook)
    new = tmp_path / "new.txt"
    new.write_text(small_article(1, "new"))
    args = [str(new) if a == "NEW" else a for a in command]
    line = assert_one_clean_error(run(notebook, *args))
    assert str(notebook) in line or "notebook" in line or "database" in line
    assert digest(notebook) == before, "the damaged file was written to"


@pytest.mark.parametrize("command", [*READ_COMMANDS, ["ingest", "NEW"]], ids=lambda c: c[0])
def test_not_a_database(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "notes.db"
    db.write_text("These are my notes, not a database.\n" * 50)
    before = digest(db)
    new = tmp_path / "new.txt"
    new.write_text(small_article(1, "new"))
    args = [str(new) if a == "NEW" else a for a in command]
    line = assert_one_clean_error(run(db, *args))
    assert "not a SQLite database" in line
    assert digest(db) == before


@pytest.mark.parametrize("command", [*READ_COMMANDS, ["ingest", "NEW"]], ids=lambda c: c[0])
def test_sqlite_file_that_is_not_a_notebook(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    conn.execute("create table recipes (name text)")
    conn.execute("insert into recipes values ('kimchi')")
    conn.commit()
    conn.close()
    before = digest(db)
    new = tmp_path / "new.txt"
    new.write_text(small_article(1, "new"))
    args = [str(new) if a == "NEW" else a for a in command]
    line = assert_one_clean_error(run(db, *args))
    assert "not a tracker notebook" in line
    assert digest(db) == before


# ---------------------------------------------------------------------------------------------------
# Read-only notebook


@pytest.fixture
def read_only(notebook: Path) -> Iterator[Path]:
    if not _can_drop_capabilities():
        pytest.skip("running as root and cannot drop CAP_DAC_OVERRIDE: permissions cannot be enforced")
    notebook.chmod(0o444)
    notebook.parent.chmod(0o555)
    try:
        yield notebook
    finally:
        notebook.parent.chmod(0o755)
        notebook.chmod(0o644)


def test_read_only_notebook_refuses_ingest(read_only: Path, tmp_path: Path) -> None:
    before = digest(read_only)
    count = scalar(read_only, "select count(*) from articles")
    new = tmp_path / "new.txt"
    new.write_text(small_article(1, "new"))
    proc = run(read_only, "ingest", str(new), preexec_fn=drop_file_capabilities)
    line = assert_one_clean_error(proc)
    assert "read-only" in line or "readonly" in line or "permission" in line.lower() or "cannot write" in line
    assert digest(read_only) == before
    assert scalar(read_only, "select count(*) from articles") == count
    assert not Path(f"{read_only}-wal").exists()


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_read_only_notebook_can_still_be_read(read_only: Path, command: list[str]) -> None:
    """Reading needs no write access: a notebook on read-only media or shared read-only still reads."""
    before = digest(read_only)
    proc = run(read_only, *command, "--format", "json", preexec_fn=drop_file_capabilities)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)
    assert digest(read_only) == before


# ---------------------------------------------------------------------------------------------------
# Full disk


def test_full_disk(notebook: Path, tmp_path: Path) -> None:
    before_ids = scalar(notebook, "select count(*) from articles")
    conn = connect_ro(notebook)
    try:
        before_titles = conn.execute("select id, title, content_hash from articles").fetchall()
    finally:
        conn.close()
    files = write_articles(tmp_path / "more", 200, "full")
    limit = 64 * 1024  # the WAL (and any file) cannot grow past 64 KB: the disk is "full"
    proc = run(notebook, "ingest", str(tmp_path / "more"), preexec_fn=file_size_limit(limit))
    line = assert_one_clean_error(proc)
    assert "full" in line or "space" in line or "too large" in line or "cannot write" in line, line
    assert integrity(notebook) == "ok"
    conn = connect_ro(notebook)
    try:
        after = conn.execute(
            "select id, title, content_hash from articles where id <= ?", [before_ids]
        ).fetchall()
    finally:
        conn.close()
    assert after == before_titles, "previously stored articles changed"
    stored = scalar(notebook, "select count(*) from articles")
    assert stored < before_ids + len(files), "nothing failed: the size limit did not bite"
    assert_articles_complete(notebook)


# ---------------------------------------------------------------------------------------------------
# A newer schema


@pytest.mark.parametrize("command", [*READ_COMMANDS, ["ingest", "NEW"]], ids=lambda c: c[0])
def test_newer_schema_is_refused(notebook: Path, tmp_path: Path, command: list[str]) -> None:
    from dprk_tracker.migrations import SCHEMA_VERSION

    conn = sqlite3.connect(notebook)
    columns = [r[1] for r in conn.execute("pragma table_info(_sqlite_migrations)")]
    row = {
        "migration_set": "dprk_tracker",
        "name": "m999_from_the_future",
        "applied_at": "2030-01-01T00:00:00",
    }
    values = {k: v for k, v in row.items() if k in columns}
    conn.execute(
        f"insert into _sqlite_migrations ({', '.join(values)}) values ({', '.join('?' for _ in values)})",
        list(values.values()),
    )
    conn.commit()
    conn.close()
    checkpoint(notebook)
    before = digest(notebook)
    new = tmp_path / "new.txt"
    new.write_text(small_article(1, "new"))
    args = [str(new) if a == "NEW" else a for a in command]
    line = assert_one_clean_error(run(notebook, *args))
    assert "newer" in line
    assert f"version {SCHEMA_VERSION + 1}" in line, line
    assert f"version {SCHEMA_VERSION}" in line.replace(f"version {SCHEMA_VERSION + 1}", ""), line
    assert digest(notebook) == before


# ---------------------------------------------------------------------------------------------------
# Standard output closed by its reader (`tracker ... | head -1`)

PIPED_COMMANDS = [
    ["summary"],
    ["summary", "1"],
    ["timeline"],
    ["timeline", "--sources"],
    ["figures", "--why"],
    ["figures", "--trend"],
    ["figures", "--format", "json"],
    ["articles", "--format", "csv"],
    ["export", "--format", "jsonl"],
    ["export"],
    ["--help"],
]


@pytest.mark.parametrize("command", PIPED_COMMANDS, ids=" ".join)
def test_closed_pipe_ends_quietly(notebook: Path, command: list[str]) -> None:
    # The read end is closed before the child starts, so its first write meets a broken pipe.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(
            [*tracker_cmd(), "--db", str(notebook), *command],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=env(),
            timeout=300,
        )
    finally:
        os.close(write_end)
    assert (proc.returncode, proc.stderr) == (0, "")


@pytest.mark.parametrize("command", [["summary"], ["export", "--format", "jsonl"]], ids=" ".join)
def test_piped_into_head(notebook: Path, command: list[str]) -> None:
    shell = " ".join([*tracker_cmd(), "--db", str(notebook), *command]) + " | head -1"
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, env=env(), timeout=300
    )
    assert (proc.returncode, proc.stderr) == (0, "")
    assert len(proc.stdout.splitlines()) == 1
