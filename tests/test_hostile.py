"""Hostile and odd input: generated texts through ``extract``, SQL metacharacters, terminal escapes,
and folders holding oversized files, symlink loops and unreadable files.

The Hypothesis test runs ``HYPOTHESIS_EXAMPLES`` examples (default 300, for ``make test``). The full
run of the issue is 10,000::

    HYPOTHESIS_EXAMPLES=10000 .venv/bin/pytest tests/test_hostile.py -k extract_survives

Unreadable files: tests run as root in CI, where ``chmod 000`` stops nothing. The child ``tracker``
process drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH before it starts (``prctl``), so the file
really is unreadable to it.
"""

from __future__ import annotations

import ctypes
import json
import math
import os
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dprk_tracker.extract import extract

from .conftest import tracker_cmd

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "300"))

# ---------------------------------------------------------------------------------------------------
# Helpers


def env(**extra: str) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("TRACKER_DB", "FORCE_COLOR", "NO_COLOR")}
    environ["COLUMNS"] = "250"
    environ.update(extra)
    return environ


def run(
    db: Path, *args: str, environ: dict[str, str] | None = None, **kwargs
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*tracker_cmd(), "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=environ or env(),
        timeout=300,
        **kwargs,
    )


def ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def article(index: int, extra: str = "") -> str:
    return (
        f"Report {index} on the Deployment\n\n"
        f"SEOUL, March {index % 27 + 1} (Yonhap) -- North Korea sent {1000 + index:,} troops to Russia "
        f"in February 2025, officials said. {extra}\n\n"
        f"Over {3000 + index:,} soldiers were killed or injured by early 2025.\n"
    )


_libc = ctypes.CDLL(None, use_errno=True)


def drop_file_capabilities() -> None:
    """preexec_fn: the child obeys file permissions even as root (drops CAP_DAC_OVERRIDE/READ_SEARCH)."""
    for cap in (1, 2):
        if _libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


# ---------------------------------------------------------------------------------------------------
# Hypothesis: extract never raises and its spans are exact

PHRASES = [
    "since 2024",
    "earlier this year",
    "in February",
    "Oct. 8",
    "mid-2024",
    "the end of 2024",
    "over 3,000 killed or injured",
    "10,000 to 12,000 troops",
    "around $540 million",
    "nearly 40 percent",
    "27-hundred",
    "dozens",
    "between 1,500 and 2,000",
    "approximately 40%",
    "$1.5 billion",
    "2024-10-08",
    "Resolution 1874",
    "Article 45",
    "Kim Jong Un",
    "6136f5c3-0520-4ff1-a169-743ef41a7a3a",
    "1e308",
    "9" * 400 + " troops",
    "$" + "9" * 330 + " billion",
    "10,000,000,000,000,000,000,000 shells",
    "from 1999 to 9999",
    "in the year 0",
    "on 31/02/2025",
    "Q5 2025",
    "W99 2024",
    "-5 soldiers",
]
SPECIALS = [
    "[bold]x[/]",
    "[/]",
    "[link=http://x]y[/link]",
    "[[[[",
    "]]]]",
    "\x1b[31m",
    "\x1b]8;;http://x\x1b\\",
    "\x1b]8;;\x1b\\",
    "\x07",
    "\x00",
    "\r",
    "\r\n",
    "\t",
    "\x0b",
    "\x0c",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u202e",
    "\u200b",
    "\ud7ff",
    "\U0001f600",
    "e\u0301",
    "\uff13,\uff10\uff10\uff10",
    "٣٠٠٠",
    "---\n",
    "---\ntitle: x\n---\n",
    "# ",
    "Original Source: x.com\n",
    "Leave a Reply\n",
    "SEOUL, March 5 (Yonhap) -- ",
    "0\n6136f5c3-0520-4ff1-a169-743ef41a7a3a\n",
    "\n\n",
    ". ",
    ", ",
    " -- ",
]


def _national_number(parts: tuple[int, str, str, int]) -> str:
    whole, group, point, fraction = parts
    digits = f"{whole:,}".replace(",", group)
    return f"{digits}{point}{fraction}" if point else digits


pieces = st.one_of(
    st.text(max_size=40),  # any code point but surrogates, control characters included
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=40),
    st.integers(min_value=-(10**40), max_value=10**60).map(lambda n: f"{n:,}"),
    st.integers(min_value=0, max_value=10**400).map(str),
    st.integers(min_value=1, max_value=2000).map(lambda n: "7" * n),  # long runs of digits
    # numbers written in every national style ("29.378.939,723", "435\u202f329,3") and separator soup
    st.tuples(
        st.integers(min_value=0, max_value=10**12),
        st.sampled_from([",", ".", " ", "\u00a0", "\u202f", "'", ""]),
        st.sampled_from([",", ".", ""]),
        st.integers(min_value=0, max_value=10**5),
    ).map(_national_number),
    st.text(alphabet="0123456789.,/ -\u00a0\u202f$%", max_size=24),
    st.integers(min_value=1, max_value=300).map(lambda n: "[" * n + "3,000 troops" + "]" * n),
    st.integers(min_value=1, max_value=300).map(lambda n: "(" * n + "in June 2024" + ")" * n),
    st.sampled_from(PHRASES),
    st.sampled_from(SPECIALS),
)
texts = st.lists(pieces, max_size=30).map("".join)


def _check_spans(text: str, items: list, what: str) -> None:
    for item in items:
        assert 0 <= item.start <= item.end <= len(text), f"{what} span {item.start}:{item.end} of {len(text)}"
        assert text[item.start : item.end] == item.text, (
            f"{what} text {item.text!r} != {text[item.start : item.end]!r}"
        )


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=texts, published=st.sampled_from([None, "2025", "2025-03", "2025-03-05"]))
def test_extract_survives_generated_text(text: str, published: str | None) -> None:
    result = extract(text, published)
    _check_spans(text, result.times, "time")
    _check_spans(text, result.figures, "figure")
    _check_spans(text, result.events, "event")
    for event in result.events:
        assert 0 <= event.time_start <= event.time_end <= len(text)
        assert text[event.time_start : event.time_end] == event.time_text
    for figure in result.figures:
        for value in (figure.low, figure.high):
            assert value is None or math.isfinite(value), f"figure {figure.text!r} has value {value}"
    json.dumps(result.to_json(), allow_nan=False)  # the extract JSON contract stays valid JSON


# ---------------------------------------------------------------------------------------------------
# SQL: values with quotes, %, ; and -- are stored and found as typed

TOPIC = "it's 100%; --x"
TOPIC_FILE = f"""
[topics."{TOPIC}"]
weight = 5.0
keywords = ["zyzzyva*"]
"""
TITLE = 'It\'s 100%; -- DROP TABLE articles; "quoted" _under_'
SOURCE = 'O\'Reilly; 50% -- "wire"'
SQL_TEXT = (
    f"{TITLE}\n\nSEOUL, March 5 (Yonhap) -- "
    "Officials counted 2,500 zyzzyvas near Kursk in February 2025.\n\n"
    f'The slogan "{TOPIC}" was painted on a wall in January 2025.\n\n'
    "Another 300 zyzzyvas arrived in March 2025.\n"
)


@pytest.fixture
def sql_notebook(tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "nb" / "sql.db"
    topics = tmp_path / "topics.toml"
    topics.write_text(TOPIC_FILE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(SQL_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(article(1), encoding="utf-8")
    ok(run(db, "--topics", str(topics), "ingest", "--source", SOURCE, str(tmp_path / "a.txt")))
    ok(run(db, "--topics", str(topics), "ingest", str(tmp_path / "b.txt")))
    return db, topics


def test_topic_name_with_sql_metacharacters(sql_notebook: tuple[Path, Path]) -> None:
    db, topics = sql_notebook
    for command in ("timeline", "figures"):
        rows = json.loads(ok(run(db, "--topics", str(topics), command, "--topic", TOPIC, "--format", "json")))
        assert rows, f"{command} --topic {TOPIC!r} found nothing"
        assert {row["topic"] for row in rows} == {TOPIC}
        assert {row["article_id"] for row in rows} == {1}


@pytest.mark.parametrize("topic", ["%", "_", "' OR '1'='1", "x'; DROP TABLE events; --", "it's 100%"])
def test_topic_lookalikes_match_nothing(sql_notebook: tuple[Path, Path], topic: str) -> None:
    from dprk_tracker.db import Filters, Notebook

    db, topics = sql_notebook
    notebook = Notebook(db, create=False)
    try:
        assert notebook.timeline(Filters(topic=topic)) == []
        assert notebook.figures(Filters(topic=topic)) == []
        assert TOPIC in notebook.topics()
    finally:
        notebook.close()
    proc = run(db, "--topics", str(topics), "timeline", "--topic", topic, "--format", "json")
    assert "Traceback" not in proc.stderr
    assert proc.returncode != 0 and proc.stderr.startswith("error: unknown topic"), proc.stderr


def test_title_and_source_stored_as_typed(sql_notebook: tuple[Path, Path]) -> None:
    db, _topics = sql_notebook
    rows = json.loads(ok(run(db, "articles", "--format", "json")))
    first = next(row for row in rows if row["id"] == 1)
    assert first["title"] == TITLE
    assert first["source"] == SOURCE
    assert len(rows) == 2  # the "DROP TABLE" in the title did nothing


def test_search_terms_with_sql_metacharacters(sql_notebook: tuple[Path, Path]) -> None:
    db, _topics = sql_notebook
    help_text = subprocess.run([*tracker_cmd(), "--help"], capture_output=True, text=True, env=env()).stdout
    if not re.search(r"^\s+search\b", help_text, re.M):
        pytest.skip("this tracker has no search command")
    found = json.loads(ok(run(db, "search", TOPIC, "--format", "json")))
    assert {row["id"] for row in found} == {1}
    bodies = {1: SQL_TEXT, 2: article(1)}
    for term in ("%", "_", "' OR '1'='1", "--", '"', "zzz'; DROP TABLE articles; --"):
        proc = run(db, "search", term, "--format", "json")
        assert "Traceback" not in proc.stderr
        if proc.returncode:  # a term with nothing to search for may be refused, in one line
            assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith("error:"), (
                proc.stderr
            )
            continue
        # Full-text search matches the words typed; the punctuation is never SQL or query syntax.
        ids = {row["id"] for row in json.loads(proc.stdout)}
        words = re.findall(r"\w+", term.lower())
        allowed = {
            i for i, body in bodies.items() if words and set(words) <= set(re.findall(r"\w+", body.lower()))
        }
        assert ids <= allowed, (term, ids)
    assert len(json.loads(ok(run(db, "articles", "--format", "json")))) == 2


def test_tags_and_notes_with_sql_metacharacters(sql_notebook: tuple[Path, Path]) -> None:
    db, topics = sql_notebook
    tag = "it's 100%; --x"
    note = 'it\'s 100%; -- DROP TABLE notes; "q" _%_'
    ok(run(db, "tag", "add", "article", "1", tag))
    ok(run(db, "note", "add", "article", "1", note))
    tags = json.loads(ok(run(db, "tag", "list", "--format", "json")))
    assert [(t["tag"], t["kind"], t["target_id"]) for t in tags] == [(tag, "article", 1)]
    notes = json.loads(ok(run(db, "note", "list", "--format", "json")))
    assert [(n["text"], n["kind"], n["target_id"]) for n in notes] == [(note, "article", 1)]
    rows = json.loads(ok(run(db, "--topics", str(topics), "timeline", "--tag", tag, "--format", "json")))
    assert rows and {row["article_id"] for row in rows} == {1}
    for lookalike in ("%", "it's 100%", "' OR '1'='1"):
        proc = run(db, "--topics", str(topics), "timeline", "--tag", lookalike, "--format", "json")
        assert "Traceback" not in proc.stderr
        assert proc.returncode != 0 or json.loads(proc.stdout) == [], (lookalike, proc.stdout)


# ---------------------------------------------------------------------------------------------------
# Terminal safety: article text cannot restyle the terminal or inject links

HOSTILE_TITLE = (
    "[bold]Breaking[/] \x1b[31mRED\x1b[0m \x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\ \x07News"
)
HOSTILE_TEXT = (
    f"{HOSTILE_TITLE}\n\n"
    "SEOUL, March 5 (Yonhap) -- North Korea sent [bold]3,000[/] troops \x1b[31mto Russia\x1b[0m"
    " in February 2025 \x07, officials said.\n\n"
    "Over 1,000 soldiers were killed [red]or injured[/red] \x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\"
    " by early 2025.\n\n"
    "Pyongyang earned around $540 million [link=http://evil.example]from arms sales[/link] in 2023.\n"
)
FORBIDDEN = ("\x1b]", "\x07", "\x1b[31m")  # OSC (links), BEL, and the article's own red


@pytest.fixture
def hostile_notebook(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "nb" / "hostile.db"
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    ingest = run(db, "ingest", str(path))
    ok(ingest)
    return db, ingest.stdout + ingest.stderr


OUTPUTS = [
    [command, *extra, "--format", fmt]
    for command, extra in (
        ("timeline", []),
        ("figures", []),
        ("summary", []),
        ("summary", ["1"]),
        ("articles", []),
    )
    for fmt in ("table", "markdown", "csv", "json")
]


@pytest.mark.parametrize("args", OUTPUTS, ids=lambda a: "-".join(a).replace("--format-", ""))
def test_no_escape_reaches_the_output(hostile_notebook: tuple[Path, str], args: list[str]) -> None:
    db, ingest_output = hostile_notebook
    for text in (ingest_output, ok(run(db, *args))):
        assert "\x1b" not in text and "\x07" not in text, repr(text[:500])


@pytest.mark.parametrize("command", [["articles"], ["timeline"], ["summary", "1"]])
def test_markup_prints_literally(hostile_notebook: tuple[Path, str], command: list[str]) -> None:
    db, _ = hostile_notebook
    out = ok(run(db, *command))
    assert "[bold]" in out, out
    assert "[bold]Breaking[/]" in out or "[bold]3,000[/]" in out or "[red]or injured[/red]" in out, out


@pytest.mark.parametrize("command", [["articles"], ["timeline"], ["figures"], ["summary", "1"]])
def test_no_injection_on_a_colour_terminal(hostile_notebook: tuple[Path, str], command: list[str]) -> None:
    """With colour forced (as on a terminal) the tool's own styles appear, the article's never do."""
    db, _ = hostile_notebook
    out = ok(run(db, *command, environ=env(FORCE_COLOR="1", TERM="xterm-256color")))
    for bad in FORBIDDEN:
        assert bad not in out, (bad, repr(out[:800]))


# ---------------------------------------------------------------------------------------------------
# Folder ingest: oversized files, symlink loops, unreadable files are reported and skipped


def _skips_ok(proc: subprocess.CompletedProcess[str], *names: str) -> None:
    """Exit 0; each skipped file named on a warning line of stderr; no traceback."""
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr}"
    lines = proc.stderr.splitlines()
    for name in names:
        assert any(name in line and line.startswith("warning:") for line in lines), (name, proc.stderr)


def _titles(db: Path) -> list[str]:
    return [row["title"] for row in json.loads(ok(run(db, "articles", "--format", "json")))]


def test_file_over_default_size_limit_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(article(1), encoding="utf-8")
    line = "North Korean troops were seen near Kursk in February 2025. " * 40 + "\n"
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:
        handle.write("A Huge File\n\n")
        for _ in range(20 * 1024 * 1024 // len(line) + 2):  # just over 20 MB
            handle.write(line)
    db = tmp_path / "nb.db"
    _skips_ok(run(db, "ingest", str(folder)), "huge.txt")
    assert _titles(db) == ["Report 1 on the Deployment"]


@pytest.mark.parametrize(("limit", "size"), [("3000", 4000), ("1000000", 1_500_000)])
def test_max_size_option(tmp_path: Path, limit: str, size: int) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(article(1), encoding="utf-8")
    big = "Big Report\n\n" + ("Troops moved in 2024. " * (size // 20 + 1))
    (folder / "big.md").write_text(big, encoding="utf-8")
    db = tmp_path / "nb.db"
    _skips_ok(run(db, "ingest", "--max-size", limit, str(folder)), "big.md")
    assert _titles(db) == ["Report 1 on the Deployment"]


def test_symlink_loops_are_reported_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "ok.txt").write_text(article(1), encoding="utf-8")
    (folder / "sub" / "two.txt").write_text(article(2), encoding="utf-8")
    (folder / "loop.txt").symlink_to("loop.txt")  # a link to itself
    (folder / "a.md").symlink_to("b.md")  # two links to each other
    (folder / "b.md").symlink_to("a.md")
    (folder / "sub" / "up").symlink_to("..")  # a folder link back up the tree
    db = tmp_path / "nb.db"
    proc = run(db, "ingest", str(folder))
    _skips_ok(proc, "loop.txt", "a.md", "b.md")
    assert sorted(_titles(db)) == ["Report 1 on the Deployment", "Report 2 on the Deployment"]


def test_unreadable_file_is_reported_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(article(1), encoding="utf-8")
    secret = folder / "secret.txt"
    secret.write_text(article(2), encoding="utf-8")
    secret.chmod(0o000)
    db = tmp_path / "nb.db"
    try:
        # As root chmod alone stops nothing: the child drops the capabilities that bypass it.
        proc = run(db, "ingest", str(folder), preexec_fn=drop_file_capabilities)
    finally:
        secret.chmod(0o644)
    _skips_ok(proc, "secret.txt")
    assert _titles(db) == ["Report 1 on the Deployment"]
