"""The command line: parse options, open the notebook, call one library function, render the result.

Heavy modules (the extractors, sqlite-utils) are imported inside commands so ``tracker --help``
stays fast. Every error a user can cause becomes one line on stderr and a non-zero exit.
"""

import copy
import dataclasses
import functools
import inspect
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup, TyperOption

from .render import Column, Format, clean, emit, figure_value, highlighted, when_text

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from .corroborate import Group
    from .db import Filters, Notebook
    from .topics import Lexicon
    from .trends import CountedLexicon

DEFAULT_DB = Path("data") / "tracker.db"
DEFAULT_MAX_SIZE = 20 * 1024 * 1024  # bytes; mirrors files.DEFAULT_MAX_SIZE without importing it


class PipeClosed(Exception):
    """Standard output's reader went away (`tracker ... | head`): `main` ends the command quietly."""


class _Group(TyperGroup):
    """The command group every command runs through: its parsing (`tracker --help`) and its run.

    It also gives every command the main options, so ``tracker figures --db nb.db`` works as
    ``tracker --db nb.db figures`` does (sqlite-utils takes the database after the command)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_main_options(self.commands.values())

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with _pipe_closed():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        with _pipe_closed():
            return super().invoke(ctx)


def _add_main_options(commands: Any) -> None:
    """``--db`` and ``--topics`` on each command (and on those of ``note``, ``tag``), once."""
    for command in commands:
        if hasattr(command, "commands"):
            _add_main_options(command.commands.values())
        elif not any(getattr(p, "name", None) == "db" for p in command.params):
            command.params += [
                TyperOption(
                    param_decls=["--db"],
                    metavar="<path>",
                    expose_value=False,
                    callback=_command_setting,
                    help="Notebook file [default: data/tracker.db, or $TRACKER_DB]; wins over one given"
                    " before the command.",
                ),
                TyperOption(
                    param_decls=["--topics"],
                    metavar="<path>",
                    expose_value=False,
                    callback=_command_setting,
                    help="A topic lexicon (TOML) layered over the packaged one; wins over one given"
                    " before the command.",
                ),
            ]


def _command_setting(ctx: Any, param: Any, value: str | None) -> None:
    """A main option given after the command: it replaces the one given before (if any)."""
    if value is None:
        return
    root = ctx.find_root()
    root.obj = dataclasses.replace(_settings(ctx), **{param.name: Path(value)})


@contextmanager
def _pipe_closed() -> Iterator[None]:
    try:
        yield
    except BrokenPipeError:
        # Not left as an OSError: click would turn it into a silent exit 1.
        raise PipeClosed from None


app = typer.Typer(
    name="tracker",
    cls=_Group,
    help="A research notebook for news: dated events and figures, normalized and traceable.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class CommandError(Exception):
    """A user-facing failure: printed as one line on stderr."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Settings:
    db: Path
    topics: Path | None


class _Output:
    """Standard output as a Rich console made on first use: JSON and CSV write to ``file`` and
    never load Rich (importing it is a noticeable part of a command's start-up)."""

    def __init__(self) -> None:
        self._console: Console | None = None

    @property
    def file(self) -> Any:
        # Looked up on each use, as Rich does, so redirected streams (tests, pipes) are followed.
        return sys.stdout

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            class _PipeConsole(Console):
                def on_broken_pipe(self) -> None:
                    # Rich exits 1 on its own here; `main` ends every command's closed pipe the same way.
                    raise BrokenPipeError

            self._console = _PipeConsole(highlight=False, soft_wrap=False, emoji=False, markup=False)
        return getattr(self._console, name)


def _stdout() -> "Console":
    return _Output()  # type: ignore[return-value]


def _stderr() -> "Console":
    from rich.console import Console

    return Console(stderr=True, highlight=False, emoji=False, markup=False)


def say(line: str) -> None:
    """A plain line on stdout, never wrapped: scripts read these."""
    print(clean(line), flush=True)


def warn(message: str) -> None:
    print(f"warning: {clean(message)}", file=sys.stderr)


# The library's user-facing errors: (module, class).
_USER_ERRORS = (
    ("dates", "DateError"),
    ("db", "NotebookError"),
    ("reader", "ReadError"),
    ("topics", "LexiconError"),
)


def _user_error_types() -> tuple[type[Exception], ...]:
    """The user-facing error classes of the modules loaded so far: a module never imported raised
    nothing, and importing it only to name its error would slow every command's start-up."""
    loaded = (sys.modules.get(f"{__package__}.{module}") for module, _ in _USER_ERRORS)
    found = [getattr(module, name) for module, (_, name) in zip(loaded, _USER_ERRORS, strict=True) if module]
    return (CommandError, *found)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn library errors into one clean line on stderr and a non-zero exit."""
    try:
        yield
    except Exception as exc:
        if isinstance(exc, _user_error_types()):
            print(f"error: {clean(str(exc))}", file=sys.stderr)
            raise typer.Exit(getattr(exc, "code", 1)) from None
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):  # (main ends those)
            where = f": {exc.filename}" if exc.filename else ""
            print(f"error: {clean(exc.strerror or str(exc))}{clean(where)}", file=sys.stderr)
            raise typer.Exit(1) from None
        raise


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="Notebook file [default: data/tracker.db, or $TRACKER_DB]; also taken after the command.",
            show_default=False,
        ),
    ] = None,
    topics: Annotated[
        Path | None,
        typer.Option(
            "--topics",
            help="A topic lexicon (TOML) layered over the packaged one; also taken after the command.",
            show_default=False,
        ),
    ] = None,
) -> None:
    env = os.environ.get("TRACKER_DB")
    ctx.obj = Settings(db=db or (Path(env) if env else DEFAULT_DB), topics=topics)


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    if not isinstance(obj, Settings):  # invoked without the group callback (tests of a sub-command)
        env = os.environ.get("TRACKER_DB")
        obj = Settings(db=Path(env) if env else DEFAULT_DB, topics=None)
    return obj


def _lexicon(settings: Settings) -> "Lexicon":
    from .topics import load_lexicon

    beside = settings.db.parent / "topics.toml"
    return load_lexicon(beside if beside.is_file() else None, settings.topics)


def _filter_lexicon(settings: Settings) -> "Lexicon | Callable[[], Lexicon]":
    """The lexicon ``_filters`` checks --topic against: loaded now when the user gave one (a broken
    file is reported whatever the command), otherwise only if a topic is not in the notebook
    (importing and loading the packaged one is a noticeable part of a read command's start-up)."""
    if settings.topics or (settings.db.parent / "topics.toml").is_file():
        return _lexicon(settings)
    return lambda: _lexicon(settings)


def _notebook(settings: Settings, *, create: bool) -> "Notebook":
    from .db import Notebook

    return Notebook(settings.db, create=create)


# ---------------------------------------------------------------------------------------------------
# The shared output option (one decorator for every read command, as in sqlite-utils)

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def output_options(func: F) -> F:
    """Add ``--format table|json|csv|markdown`` to a read command and catch user errors."""
    signature = inspect.signature(func)
    option = inspect.Parameter(
        "format",
        inspect.Parameter.KEYWORD_ONLY,
        default=Format.table,
        annotation=Annotated[
            Format,
            typer.Option(
                "--format", "-f", help="Output format; JSON and CSV carry data only.", case_sensitive=False
            ),
        ],
    )

    @functools.wraps(func)
    def wrapper(*args: Any, format: Format = Format.table, **kwargs: Any) -> Any:
        with user_errors():
            return func(*args, fmt=Format(format), **kwargs)

    parameters = [p for p in signature.parameters.values() if p.name != "fmt"]
    wrapper.__signature__ = signature.replace(parameters=[*parameters, option])  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------------
# Filters shared by timeline and figures

# A list only so a repeated --topic is seen (click would keep the last): _filters takes one.
TopicOption = Annotated[
    list[str] | None,
    typer.Option("--topic", "-t", help="Only this topic (one).", show_default=False),
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        help='Only what overlaps this date or later (YYYY[-MM[-DD]] or "March 2025").',
        show_default=False,
    ),
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Only what overlaps this date or earlier.", show_default=False)
]
ArticleOption = Annotated[
    int | None, typer.Option("--article", "-a", help="Only this article id.", show_default=False)
]
# A table without --limit shows this many rows: it is read on a terminal, and a notebook of 100,000
# articles holds a million events. JSON, CSV and Markdown carry every row.
TABLE_ROWS = 200


def _fetched(limit: int | None, fmt: Format) -> int | None:
    """How many rows to read: a table without --limit reads one more than it shows, to tell whether
    there are more."""
    return TABLE_ROWS + 1 if limit is None and fmt is Format.table else limit


def _table_page(rows: list[T], limit: int | None, fetched: int | None) -> tuple[list[T], bool]:
    """The rows a table shows of those ``_fetched`` read, and whether some were left out."""
    cut = fetched != limit and len(rows) > TABLE_ROWS
    return (rows[:TABLE_ROWS] if cut else rows), cut


def _more_rows(cut: bool) -> None:
    if cut:
        print(
            f"(the first {TABLE_ROWS} rows: --limit N shows more, --format json or csv shows all)",
            file=sys.stderr,
        )


JobsOption = Annotated[
    int, typer.Option("--jobs", "-j", min=1, help="Extract in this many processes (one writer).")
]
LimitOption = Annotated[
    int | None, typer.Option("--limit", "-n", min=1, help="At most this many rows.", show_default=False)
]
SourcesOption = Annotated[
    bool, typer.Option("--sources", help="List the articles behind each row, with their quotes.")
]
WhyOption = Annotated[bool, typer.Option("--why", help="Say why rows from several articles were merged.")]
TagOption = Annotated[
    str | None,
    typer.Option("--tag", help="Only what has this tag (an article's covers its rows).", show_default=False),
]
NotesOption = Annotated[bool, typer.Option("--notes", help="Show the notes on each row.")]


def _filters(
    notebook: "Notebook",
    lexicon: "Lexicon | Callable[[], Lexicon]",
    topics: list[str] | None,
    since: str | None,
    until: str | None,
    article: int | None,
    limit: int | None,
) -> "Filters":
    from .db import Filters

    if topics and len(topics) > 1:
        raise CommandError(
            f"one --topic at a time ({', '.join(topics)} given): run the command once per topic"
        )
    topic = topics[0] if topics else None
    # A topic the notebook holds needs no lexicon (see _filter_lexicon).
    held = notebook.topics() if topic is not None else []
    if topic is not None and topic not in held:
        names = (lexicon() if callable(lexicon) else lexicon).names
        known = sorted(set(names) | set(held))
        if topic not in known:
            import difflib

            close = difflib.get_close_matches(topic.lower(), known, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise CommandError(f"unknown topic {topic!r} ({hint}known: {', '.join(known)})")
    since_day = until_day = None
    if since or until:  # (the date parser loads only for a date filter)
        from .dates import option_bound
    if since:
        since_day = option_bound(since, first=True)
    if until:
        until_day = option_bound(until, first=False)
    if since_day and until_day and since_day > until_day:
        raise CommandError(f"--since {since} is after --until {until}")
    if article is not None and not notebook.article_exists(article):
        raise CommandError(f"no article {article} in {notebook.path}")
    return Filters(topic=topic, since=since_day, until=until_day, article=article, limit=limit)


# ---------------------------------------------------------------------------------------------------
# ingest


def _read_bytes(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    return Path(name).read_bytes()


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders (recursive: *.txt *.md *.html *.htm *.jsonl) or - for stdin."),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help='Reference date for every file (YYYY-MM-DD, YYYY-MM, YYYY or "March 2025").',
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Outlet name for every file.", show_default=False)
    ] = None,
    max_size: Annotated[
        int,
        typer.Option(
            "--max-size", min=1, help="Skip files larger than this many bytes.", show_default="20 MB"
        ),
    ] = DEFAULT_MAX_SIZE,
    jobs: JobsOption = 1,
) -> None:
    """Store articles and extract their dated events and figures."""
    from time import monotonic

    from . import html, inputs
    from .extract import reference_from_option
    from .files import Missing, Skipped, discover

    settings = _settings(ctx)
    with user_errors():
        # (a bad date fails before anything is read)
        given_date = reference_from_option(published).value if published else None
        found = list(discover(paths, suffixes=inputs.SUFFIXES, max_size=max_size))
        if found and all(isinstance(item, Missing) for item in found):  # nothing at all: no notebook made
            for item in found:
                print(f"error: {clean(item.message)}", file=sys.stderr)
            raise typer.Exit(1)
        if any(isinstance(f, str) and inputs.is_html(f) for f in found):
            html.require()  # one clear line up front rather than one per page
        lexicon = _lexicon(settings)
        notebook = _notebook(settings, create=True)
    counts = {"added": 0, "duplicates": 0, "failed": 0, "skipped": 0, "events": 0, "figures": 0, "done": 0}
    files = [item for item in found if isinstance(item, str)]
    for item in found:
        if isinstance(item, Skipped):
            counts["skipped"] += 1
            warn(f"{item.path}: {item.reason}; skipped")
        elif isinstance(item, Missing):  # reported and counted as failed; the others go on
            counts["failed"] += 1
            print(f"error: {clean(item.message)}", file=sys.stderr)
    from .db import BATCH_ARTICLES, BATCH_SECONDS, Added, ToAdd

    def stores(ready: inputs.Prepared) -> bool:
        return ready.item.error is None and ready.duplicate is None and ready.document is not None

    def report(ready: inputs.Prepared, added: Added | None) -> None:
        item, document = ready.item, ready.document
        label = item.label
        if item.last:
            counts["done"] += 1
            advance()
        if item.warning:
            warn(f"{label}: {item.warning}")
        if item.error is not None:
            counts["failed"] += 1
            print(f"error: {clean(label)}: {clean(item.error)}", file=sys.stderr)
            return
        if added is None or document is None or added.duplicate:
            counts["duplicates"] += 1
            stored = ready.duplicate if added is None or document is None else added.article_id
            hint = ""
            if given_date is not None and notebook.article(stored)["published"] != given_date:
                # Ingesting a stored article again does not re-date it: say what does.
                hint = f" (to re-date it: tracker reextract {stored} --published {published})"
            say(f"{clean(label)}: duplicate of article {stored}{hint}")
            return
        counts["added"] += 1
        counts["events"] += added.events
        counts["figures"] += added.figures
        extraction = document.extraction
        date = (
            f"{extraction.published} ({extraction.published_source})"
            if extraction.published
            else "no date (its relative dates stay unresolved: --published gives one)"
        )
        say(
            f"{clean(label)}: article {added.article_id}, {clean(extraction.title or 'untitled')} — "
            f"{date}, {added.events} events, {added.figures} figures"
        )

    batch: list[inputs.Prepared] = []  # extracted, not yet stored: stored together, then reported

    def flush() -> None:
        taken = batch[:]
        batch.clear()
        entries = [ToAdd(r.document, r.item.path, r.planned) for r in taken if r.document and stores(r)]
        results = notebook.add_many(entries, source=source)
        for ready in taken:
            # An article is reported once stored (a failure raises at it, the ones before reported).
            report(ready, next(results) if stores(ready) else None)

    interrupted = False
    try:
        with user_errors(), _progress(len(files)) as advance, _ctrl_c() as asked_to_stop:
            # Files become items (an HTML page, a JSON Lines line...), extracted here or in --jobs
            # processes; this process alone writes, in input order, a few articles per transaction
            # (Notebook.add_many: each article complete or absent, as with one transaction each).
            stream = inputs.items(files, _read_bytes)
            # Workers also plan each article's grouping (its words and keys), with the notebook's
            # counted lexicon: the writer only looks up, compares and stores.
            counted = notebook.counted()
            started = monotonic()
            prepared = inputs.prepare(
                stream, published, lexicon, notebook.find_duplicate, jobs, counted, notebook.path
            )
            try:
                for ready in prepared:
                    if not batch:
                        started = monotonic()
                    batch.append(ready)
                    if asked_to_stop():
                        interrupted = True
                        break
                    if len(batch) >= BATCH_ARTICLES or monotonic() - started >= BATCH_SECONDS:
                        flush()
            except BaseException:
                # What was extracted before a failure (or a second Ctrl-C) is stored, as it was
                # article by article.
                flush()
                raise
            finally:
                prepared.close()  # stops the --jobs workers now
            flush()
    except KeyboardInterrupt:  # a second Ctrl-C: what was stored and reported is still whole
        interrupted = True
    if interrupted:
        # A second run skips what was stored as duplicates.
        print(
            f"interrupted after {counts['done']} of {len(files)} files: {_ingest_counts(counts)}; "
            "run the same command again to finish",
            file=sys.stderr,
        )
        raise typer.Exit(130)
    say(_ingest_counts(counts))
    outdated = notebook.outdated() if counts["done"] else 0
    if outdated:
        print(f"note: {_older_extractions(outdated, sentence=True)}", file=sys.stderr)
    if counts["failed"]:
        raise typer.Exit(1)


def _older_extractions(count: int, *, sentence: bool = False) -> str:
    """Articles an older version of the extractors read, and what updates them."""
    them = "it" if count == 1 else "them"
    if sentence:
        noun = "article in this notebook was" if count == 1 else "articles in this notebook were"
        return (
            f"{count:,} {noun} read by an older version of the extractors: tracker reextract updates {them}"
        )
    return f"{count:,} {'article' if count == 1 else 'articles'} (tracker reextract updates {them})"


def _ingest_counts(counts: dict[str, int]) -> str:
    skipped = f", {counts['skipped']} skipped" if counts["skipped"] else ""
    return (
        f"{counts['added']} added, {counts['duplicates']} duplicates, {counts['failed']} failed{skipped}; "
        f"{counts['events']} events, {counts['figures']} figures"
    )


@contextmanager
def _ctrl_c() -> Iterator[Callable[[], bool]]:
    """Ctrl-C asks to stop (the ingest stops between articles: every article stored is reported);
    a second Ctrl-C interrupts at once."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():  # (signals go to the main thread)
        yield lambda: False
        return
    asked = False

    def ask(signum: int, frame: Any) -> None:
        nonlocal asked
        asked = True
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, ask)
    try:
        yield lambda: asked
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _progress(total: int, label: str = "ingesting") -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for several files or articles on a terminal; otherwise nothing."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.progress import Progress

    # Lines printed meanwhile go above the bar only when stdout is the same terminal; redirected
    # stdout must keep every line (Rich would otherwise route them to stderr).
    both_terminal = sys.stdout.isatty()
    with Progress(
        console=_stderr(), transient=True, redirect_stdout=both_terminal, redirect_stderr=both_terminal
    ) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


# ---------------------------------------------------------------------------------------------------
# Corroboration in timeline and figures (groups kept at ingest by grouping.py, rules in corroborate.py)


def _emit_groups(
    groups: "list[Group]",
    fmt: Format,
    columns: list[Column],
    data: list[dict[str, Any]],
    *,
    sources: bool,
    why: bool,
) -> None:
    """Rows of grouped reports: a "Src" column when some row has several, then --sources / --why."""
    for group, item in zip(groups, data, strict=True):
        item["sources"] = group.sources
        item["articles"] = group.articles
        if sources:
            item["quotes"] = [_source_quote(r) for r in group.rows]
        if why:
            item["why"] = list(group.why)
    rows = [{**g.first, "sources": g.sources, "articles": g.articles} for g in groups]
    if any(g.sources > 1 for g in groups):
        columns = _with_source_column(columns)
    out = _stdout()
    emit(out, rows, fmt, columns, json_rows=data)
    if fmt in (Format.json, Format.csv):
        return
    from rich.text import Text

    merged = [g for g in groups if g.sources > 1]
    if sources and merged:
        out.print()
        for group, row in zip(groups, rows, strict=True):
            if group.sources < 2:
                continue
            out.print(Text(f"{_row_label(row)} — {group.sources} sources", style="bold"))
            for quote in (_source_quote(r) for r in group.rows):
                origin = ", ".join(filter(None, [quote["title"], quote["source"]]))
                out.print(Text(f"  [{quote['article_id']}] {clean(origin)}", style="dim"))
                _indented(out, clean(quote["quote"]), 6)
    if why and merged:
        out.print()
        for group, row in zip(groups, rows, strict=True):
            if group.why:
                out.print(Text(f"{_row_label(row)} — merged because", style="bold"))
            for reason in group.why:
                _indented(out, clean(reason), 2)
    if (sources or why) and not merged and groups:
        print("no row is reported by more than one article", file=sys.stderr)


def _indented(out: "Console", text: str, indent: int) -> None:
    """Text wrapped to the console with every line indented (Rich pads wrapped lines with spaces)."""
    import textwrap

    from rich.text import Text

    for line in textwrap.wrap(text, width=max(20, out.width - indent), break_on_hyphens=False):
        out.print(Text(" " * indent + line), no_wrap=True, crop=False)


def _row_label(row: dict[str, Any]) -> str:
    if "sentence" in row:  # a figure
        return " ".join(filter(None, [figure_value(row), _counted(row), _figure_date(row)]))
    return _event_date(row)


def _source_quote(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "article_id": row["article_id"],
        "title": row.get("title"),
        "source": row.get("source"),
        "quote": row["sentence"] if "sentence" in row else row["text"],
    }


# A table lists this many of a group's articles and counts the rest: in a large notebook a claim
# repeated by dozens of articles would otherwise take the table's width from the date and the text.
ARTICLES_SHOWN = 3


def _articles_cell(row: dict[str, Any]) -> str:
    ids = row["articles"]
    shown = ",".join(str(a) for a in ids[:ARTICLES_SHOWN])
    return f"{shown} +{len(ids) - ARTICLES_SHOWN}" if len(ids) > ARTICLES_SHOWN else shown


def _with_source_column(columns: list[Column]) -> list[Column]:
    result = [c for c in columns if c.header != "Art."]
    result.append(Column("Src", lambda r: str(r["sources"]), justify="right", no_wrap=True))
    result.append(
        Column(
            "Art.",
            _articles_cell,
            justify="right",
            no_wrap=True,
            plain=lambda r: ",".join(str(a) for a in r["articles"]),  # a Markdown report lists them all
        )
    )
    if any(c.header == "Quote" for c in columns):  # keep the quote last, as in the plain table
        result.sort(key=lambda c: c.header == "Quote")
    return result


# ---------------------------------------------------------------------------------------------------
# timeline


def _event_date(row: dict[str, Any]) -> str:
    return when_text(
        row["when"],
        row.get("mod"),
        row.get("precision"),
        row.get("relation"),
        row.get("earliest"),
        row.get("latest"),
    )


TIMELINE_COLUMNS = [
    Column("Date", _event_date, no_wrap=True, style="cyan"),
    Column(
        "Event",
        lambda r: highlighted(r["text"], r["time_offset"], r["time_offset"] + len(r["time_text"])),
        ratio=1,
        plain=lambda r: r["text"],
    ),
    Column("Topic", lambda r: r["topic"], no_wrap=True),
    Column("Art.", lambda r: str(r["article_id"]), justify="right", no_wrap=True),
]


def _visible(columns: list[Column], filters: "Filters") -> list[Column]:
    """Leave out a column every row shares because the filter fixed it."""
    hidden = {"Topic"} if filters.topic else set()
    if filters.article is not None:
        hidden.add("Art.")
    return [c for c in columns if c.header not in hidden]


@app.command()
@output_options
def timeline(
    ctx: typer.Context,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    article: ArticleOption = None,
    limit: LimitOption = None,
    sources: SourcesOption = False,
    why: WhyOption = False,
    tag: TagOption = None,
    notes: NotesOption = False,
    *,
    fmt: Format,
) -> None:
    """Dated events in chronological order, each date at its true precision."""
    from .cli_notebook import attach_notes, tagged
    from .corroborate import stored_event_group

    settings = _settings(ctx)
    notebook = _notebook(settings, create=False)
    fetched = _fetched(limit, fmt)
    filters = tagged(
        _filters(notebook, _filter_lexicon(settings), topic, since, until, article, fetched), tag
    )
    # The same event from several articles is one row: groups are kept at ingest, paged in SQL.
    shown, cut = _table_page(notebook.grouped("events", filters, whole=sources or why), limit, fetched)
    groups = [stored_event_group(m, explain=why) for m in shown]
    rows = [g.first for g in groups]
    data = [
        {
            "id": r["id"],
            "article_id": r["article_id"],
            "date": _event_date(r),
            "when": r["when"],
            "mod": r["mod"],
            "relation": r["relation"],
            "earliest": r["earliest"],
            "latest": r["latest"],
            "precision": r["precision"],
            "time_text": r["time_text"],
            "text": r["text"],
            "topic": r["topic"],
            "title": r["title"],
            "source": r["source"],
        }
        for r in rows
    ]
    columns = _visible(TIMELINE_COLUMNS, filters)
    if notes:
        ids = [[r["id"] for r in g.rows] for g in groups]
        columns = attach_notes(notebook, "event", rows, data, columns, ids)
    _emit_groups(groups, fmt, columns, data, sources=sources, why=why)
    _more_rows(cut)
    if not rows and fmt is Format.table:
        print("no events match", file=sys.stderr)


# ---------------------------------------------------------------------------------------------------
# figures


def _figure_json(r: dict[str, Any]) -> dict[str, Any]:
    from .numbers import plain_number

    return {
        "id": r["id"],
        "article_id": r["article_id"],
        "value": figure_value(r),
        "text": r["text"],
        "low": plain_number(r["low"]),
        "high": plain_number(r["high"]),
        "qualifier": r["qualifier"],
        "unit": r["unit"],
        "currency": r["currency"],
        "percent": bool(r["percent"]),
        "topic": r["topic"],
        "as_of": _figure_date(r),
        "when": r["when"],
        "when_mod": r["when_mod"],
        "relation": r["relation"],
        "earliest": r["earliest"],
        "latest": r["latest"],
        "sentence": r["sentence"],
        "title": r["title"],
        "source": r["source"],
    }


def _counted(row: dict[str, Any]) -> str:
    """What a figure counts, unless its value already says it ("~40%", "$540M")."""
    unit = row["unit"] or ""
    if (row["percent"] and unit in ("percent", "%")) or (row["currency"] and unit == row["currency"]):
        return ""
    return unit


def _figure_date(row: dict[str, Any]) -> str:
    return when_text(
        row["when"],
        row.get("when_mod"),
        row.get("precision"),
        row.get("relation"),
        row.get("earliest"),
        row.get("latest"),
    )


def _quote(row: dict[str, Any]) -> "Text":
    sentence = row["sentence"] or ""
    at = sentence.find(row["text"])
    if at < 0:
        from rich.text import Text

        return Text(clean(sentence))
    return highlighted(sentence, at, at + len(row["text"]), width=110)


FIGURE_COLUMNS = [
    Column("Value", figure_value, no_wrap=True, justify="right", style="bold"),
    Column("Counts", lambda r: _counted(r), min_width=9),
    Column("Topic", lambda r: r["topic"], no_wrap=True, stackable=True),
    Column("As of", _figure_date, no_wrap=True, style="cyan", stackable=True),
    Column("Art.", lambda r: str(r["article_id"]), justify="right", no_wrap=True),
    Column("Quote", _quote, ratio=1, plain=lambda r: r["sentence"]),
]


@app.command()
@output_options
def figures(
    ctx: typer.Context,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    article: ArticleOption = None,
    limit: LimitOption = None,
    trend: Annotated[
        bool, typer.Option("--trend", help="Low, best and high estimate per period, charted.")
    ] = False,
    sources: SourcesOption = False,
    why: WhyOption = False,
    tag: TagOption = None,
    notes: NotesOption = False,
    *,
    fmt: Format,
) -> None:
    """Every figure: value, what it counts, topic, as-of date, source and quote."""
    from .cli_notebook import attach_notes, tagged
    from .corroborate import stored_figure_group

    extra = [flag for flag, given in (("--sources", sources), ("--why", why), ("--notes", notes)) if given]
    if trend and extra:  # they explain rows; a trend has none
        raise CommandError(f"--trend charts estimates, not rows: drop {' and '.join(extra)}")
    settings = _settings(ctx)
    notebook = _notebook(settings, create=False)
    fetched = _fetched(limit, fmt) if not trend else limit
    filters = tagged(
        _filters(notebook, _filter_lexicon(settings), topic, since, until, article, fetched), tag
    )
    if trend:
        _print_trend(notebook.figures(filters), fmt, _counted_lexicon(settings))
        return
    # What figures count is compared only to explain a group (loading it is most of the command's
    # own start-up).
    counted = _counted_lexicon(settings) if why else None
    shown, cut = _table_page(notebook.grouped("figures", filters, whole=sources or why), limit, fetched)
    groups = [stored_figure_group(m, counted, explain=why) for m in shown]
    rows = [g.first for g in groups]
    data = [_figure_json(r) for r in rows]
    columns = _visible(FIGURE_COLUMNS, filters)
    if notes:
        ids = [[r["id"] for r in g.rows] for g in groups]
        columns = attach_notes(notebook, "figure", rows, data, columns, ids)
    _emit_groups(groups, fmt, columns, data, sources=sources, why=why)
    _more_rows(cut)
    if not rows and fmt is Format.table:
        print("no figures match", file=sys.stderr)


def _counted_lexicon(settings: Settings) -> "CountedLexicon":
    """What figures count, folded; a ``counted.toml`` beside the notebook adds to the packaged one."""
    from .trends import CountedError, load_counted

    beside = settings.db.parent / "counted.toml"
    try:
        return load_counted(beside if beside.is_file() else None)
    except CountedError as exc:
        raise CommandError(str(exc)) from None


def _print_trend(rows: list[dict[str, Any]], fmt: Format, counted: "CountedLexicon") -> None:
    from . import chart
    from .trends import build

    trends = build(rows, counted)
    out = _stdout()
    if fmt is Format.json:
        out.file.write(_json(trends.to_json()))
    elif fmt is Format.table:
        chart.render(out, trends)
    else:
        flat = [
            {"counted": s.counted, "unit": s.unit, "topic": s.topic, **p.to_json()}
            for s in trends.series
            for p in s.points
        ]
        for item in flat:
            item["articles"] = ",".join(str(a) for a in item["articles"])
            for key in ("low_articles", "high_articles", "figures"):
                item.pop(key)
        keys = list(flat[0]) if flat else []
        columns = [Column(k.replace("_", " ").title(), (lambda key: lambda r: str(r[key]))(k)) for k in keys]
        emit(out, flat, fmt, columns)
    if trends.undated:
        noun = "figure" if trends.undated == 1 else "figures"
        print(f"note: {trends.undated} {noun} without an as-of date left out", file=sys.stderr)
    if trends.uncounted:
        noun = "count" if trends.uncounted == 1 else "counts"
        print(f"note: {trends.uncounted} {noun} of nothing named left out", file=sys.stderr)
    if not trends.series and fmt is Format.table:
        print("no figures match", file=sys.stderr)


# ---------------------------------------------------------------------------------------------------
# articles and summary

ARTICLE_COLUMNS = [
    Column("Id", lambda r: str(r["id"]), justify="right", no_wrap=True),
    Column("Title", lambda r: r["title"] or "untitled", ratio=1),
    Column("Source", lambda r: r["source"] or ""),
    Column("Published", lambda r: _published(r["published"], r["published_source"]), no_wrap=True),
    Column("Events", lambda r: _count(r["events"]), justify="right"),
    Column("Figures", lambda r: _count(r["figures"]), justify="right"),
]


def _count(value: Any) -> str:
    """A count as people read it in a table ("1,362,958"); data formats keep the number."""
    return f"{value:,}" if isinstance(value, int) else str(value)


def _published(value: str | None, how: str | None) -> str:
    if not value:
        return "none (relative dates unresolved)"
    return f"{value} ({how})" if how else value


@app.command()
@output_options
def articles(ctx: typer.Context, limit: LimitOption = None, *, fmt: Format) -> None:
    """One line per stored article."""
    notebook = _notebook(_settings(ctx), create=False)
    fetched = _fetched(limit, fmt)
    shown, cut = _table_page(notebook.articles(fetched), limit, fetched)
    emit(_stdout(), shown, fmt, ARTICLE_COLUMNS)
    _more_rows(cut)


@app.command()
@output_options
def summary(
    ctx: typer.Context,
    article: Annotated[
        int | None, typer.Argument(help="An article id; without it, the whole notebook.")
    ] = None,
    *,
    fmt: Format,
) -> None:
    """The notebook at a glance, or one article with its events and figures."""
    from .db import Filters

    notebook = _notebook(_settings(ctx), create=False)
    out = _stdout()
    if article is None:
        overview = notebook.overview()
        if fmt is Format.json:
            out.file.write(_json(overview))
        elif fmt is Format.csv:
            latest = {f["topic"]: f for f in overview["latest_figures"]}
            totals = {k: v for k, v in overview.items() if k not in ("topics", "latest_figures")}
            topics = [{**t, "latest_figure": latest.get(t["topic"])} for t in overview["topics"]]
            _one_csv(out, [("notebook", [totals]), ("topic", topics)])
        else:
            _print_overview(out, overview, fmt)
        return
    record = notebook.article(article)
    events = notebook.timeline(Filters(article=article))
    figs = notebook.figures(Filters(article=article))
    from .cli_notebook import ANNOTATION_COLUMNS, annotations_of

    annotations = annotations_of(notebook, article)  # {"notes": [...], "tags": [...]}
    if fmt in (Format.json, Format.csv):
        info = {k: v for k, v in record.items() if k not in ("body", "content_hash")}
        figures_json = [_figure_json(f) for f in figs]
        if fmt is Format.json:
            out.file.write(_json({"article": info, "events": events, "figures": figures_json, **annotations}))
        else:
            parts = [("article", [info]), ("event", events), ("figure", figures_json)]
            _one_csv(out, [*parts, ("note", annotations["notes"]), ("tag", annotations["tags"])])
        return
    header = [
        ("Title", record["title"] or "untitled"),
        ("Source", record["source"] or "unknown"),
        ("URL", record["url"] or ""),
        ("Reference date", _published(record["published"], _how(record["published_source"]))),
        ("Path", record["path"] or "<stdin>"),
    ]
    emit(
        out,
        [{"field": k, "value": v} for k, v in header if v],
        fmt,
        [
            Column("Article " + str(article), lambda r: r["field"], no_wrap=True, style="bold"),
            Column("", lambda r: r["value"], ratio=1),
        ],
    )
    _emit_part(out, events, fmt, TIMELINE_COLUMNS, title="Events")
    _emit_part(out, figs, fmt, FIGURE_COLUMNS, title="Figures")
    if annotations["notes"] or annotations["tags"]:
        notes = annotations["notes"] + annotations["tags"]
        _emit_part(out, notes, fmt, ANNOTATION_COLUMNS, title="Notes and tags")


def _one_csv(out: "Console", parts: list[tuple[str, list[dict[str, Any]]]]) -> None:
    """Several kinds of rows as one CSV table: a ``record`` column says what each row is ("event"),
    then every kind's fields, in order of appearance, empty where a kind has none."""
    rows = [{"record": name, **row} for name, part in parts for row in part]
    columns = list(dict.fromkeys(key for row in [{"record": None}, *rows] for key in row))
    emit(out, [{c: row.get(c) for c in columns} for row in rows], Format.csv, [])


def _emit_part(
    out: "Console",
    rows: list[dict[str, Any]],
    fmt: Format,
    columns: list[Column],
    *,
    title: str | None = None,
    first: bool = False,
) -> None:
    """One of several tables: in Markdown, a blank line from the one before (tables written one under
    the other would read as one) and its title as a heading."""
    if fmt is Format.markdown:
        out.file.write(("" if first else "\n") + (f"## {title}\n\n" if title else ""))
    emit(out, rows, fmt, columns, title=title)


def _how(source: str | None) -> str | None:
    return {
        "option": "given with --published",
        "document": "from the document's metadata or dateline",
        "inferred": "inferred: the latest year the text names",
    }.get(source or "", source)


def _print_overview(out: "Console", overview: dict[str, Any], fmt: Format) -> None:
    span = "no dated events"
    if overview["earliest"]:
        span = f"{overview['earliest']} to {overview['latest'] or 'open'}"
    head = [
        {"field": "Articles", "value": overview["articles"]},
        {"field": "Events", "value": overview["events"]},
        {"field": "Figures", "value": overview["figures"]},
        {"field": "Dates span", "value": span},
    ]
    if overview["outdated"]:
        head.append({"field": "Older extractions", "value": _older_extractions(overview["outdated"])})
    emit(
        out,
        head,
        fmt,
        [Column("Notebook", lambda r: r["field"], style="bold"), Column("", lambda r: _count(r["value"]))],
    )
    latest = {f["topic"]: f for f in overview["latest_figures"]}
    rows = [{**t, "latest": latest.get(t["topic"])} for t in overview["topics"]]

    def latest_cell(row: dict[str, Any]) -> str:
        fig = row["latest"]
        if not fig:
            return ""
        value = " ".join(filter(None, [figure_value(fig), _counted(fig)]))
        return f"{value}, {_figure_date(fig)} (article {fig['article_id']})"

    _emit_part(
        out,
        rows,
        fmt,
        [
            Column("Topic", lambda r: r["topic"], no_wrap=True),
            Column("Events", lambda r: _count(r["events"]), justify="right"),
            Column("Figures", lambda r: _count(r["figures"]), justify="right"),
            Column("Latest figure", latest_cell, ratio=1),
        ],
    )


def _json(data: Any) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------------------------------
# extract


@app.command()
def extract(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="A file, or - for stdin.")],
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help='Reference date (YYYY-MM-DD, YYYY-MM, YYYY or "March 2025").',
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="json (all fields), table or markdown (times, events, figures), or csv (one table:"
            " a kind column, every field).",
            case_sensitive=False,
        ),
    ] = Format.json,
    jsonl: Annotated[
        bool,
        typer.Option("--jsonl", help='Each input line {"id", "text", "published"} gives one output line.'),
    ] = False,
) -> None:
    """Extract times, events and figures without storing anything."""
    from .extract import extract as run_extract
    from .extract import reference_from_option
    from .reader import decode

    settings = _settings(ctx)
    with user_errors():
        if published:
            reference_from_option(published)
        lexicon = _lexicon(settings)
        if path != "-" and not Path(path).is_file():
            raise CommandError(f"no such file: {path}" if not Path(path).exists() else f"not a file: {path}")
        if jsonl and format is not Format.json:
            raise CommandError(f"--jsonl writes JSON Lines: drop --format {format.value}")
        data = _read_bytes(path)
        if jsonl:
            _extract_lines(data, published, lexicon)
            return
        decoded = decode(data)
        if decoded.warning:
            warn(f"{path}: {decoded.warning}")
        text = decoded.text
        from . import html, inputs

        if inputs.is_html(path) or (path == "-" and html.looks_like_html(text)):
            text = html.to_article(text)  # offsets then refer to this converted text
        result = run_extract(text, published, lexicon)
    if format is Format.json:
        sys.stdout.write(_json(result.to_json()))
        return
    _print_extraction(result.to_json(), format)


# What `extract` shows of each kind, in a table or Markdown; CSV carries every field.
_EXTRACT_COLUMNS = {
    "times": [
        Column(k.title(), (lambda key: lambda r: "" if r[key] is None else str(r[key]))(k))
        for k in ("text", "type", "value", "mod", "earliest", "latest")
    ],
    "events": [
        Column("Date", _event_date, no_wrap=True, style="cyan"),
        Column("Event", lambda r: r["text"], ratio=1),
        Column("Topic", lambda r: r["topic"], no_wrap=True),
    ],
    "figures": [
        Column("Value", figure_value, justify="right"),
        Column("Text", lambda r: r["text"]),
        Column("Counts", lambda r: r["unit"] or r["currency"] or ""),
        Column("Topic", lambda r: r["topic"]),
        Column("As of", _figure_date),
    ],
}
_KINDS = {"times": "time", "events": "event", "figures": "figure"}


def _print_extraction(result: dict[str, Any], fmt: Format) -> None:
    """Times, events and figures: three tables (or Markdown sections), or one CSV (``_one_csv``)."""
    out = _stdout()
    if fmt is Format.csv:
        _one_csv(out, [(_KINDS[key], result[key]) for key in _KINDS])
        return
    for number, key in enumerate(_KINDS):
        _emit_part(out, result[key], fmt, _EXTRACT_COLUMNS[key], title=key.title(), first=not number)


def _extract_lines(data: bytes, published: str | None, lexicon: "Lexicon") -> None:
    """One JSON object in, one out, in order; a bad line reports its error and the rest go on."""
    import json

    from .extract import DateError
    from .extract import extract as run_extract

    text = data.decode("utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        ident: Any = None
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("expected a JSON object")
            ident = item.get("id", number)
            body = item.get("text")
            if not isinstance(body, str):
                raise ValueError('missing "text"')
            result = run_extract(body, item.get("published") or published, lexicon).to_json()
            sys.stdout.write(json.dumps({"id": ident, **result}, ensure_ascii=False) + "\n")
        except (ValueError, DateError) as exc:
            message = f"line {number}: {exc}" if ident is None else str(exc)
            sys.stdout.write(
                json.dumps({"id": ident if ident is not None else number, "error": message}) + "\n"
            )


# ---------------------------------------------------------------------------------------------------
# Entry point


def _click_errors() -> tuple[type[Exception], type[Exception]]:
    """Typer 0.29+ ships its own copy of click; older versions use click itself."""
    try:
        from typer._click.exceptions import NoArgsIsHelpError, UsageError
    except ImportError:  # pragma: no cover - depends on the installed Typer
        from click.exceptions import NoArgsIsHelpError, UsageError
    return NoArgsIsHelpError, UsageError


# The main options that take a value: the first word after them is theirs, not a command's.
_VALUED_OPTIONS = ("--db", "--topics")


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command being run: Typer turns every registered command's signature
    into parameters at each start, a tenth of a read command's time. Help without a command, a
    misspelled command and anything unusual get the whole app, so every message stays the same."""
    words = iter(args)
    for word in words:
        if word in _VALUED_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            break
        elif not word.startswith(tuple(f"{option}=" for option in _VALUED_OPTIONS)):
            return app  # --help, or an option of no command
    else:
        return app
    commands = [
        c for c in app.registered_commands
        if (c.name or typer.main.get_command_name(c.callback.__name__ if c.callback else "")) == word
    ]  # fmt: skip
    groups = [g for g in app.registered_groups if g.name == word]
    if not commands and not groups:
        return app
    narrowed = copy.copy(app)
    narrowed.registered_commands, narrowed.registered_groups = commands, groups
    return narrowed


def _discard_stdout() -> None:
    """Point stdout at /dev/null after the reader closed the pipe, so the flush at exit does not fail
    again (the recipe in Python's signal docs)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def main() -> None:
    """The console script: usage errors as one line too, never a traceback."""
    import signal

    # A file-size limit (a full disk) must fail the write with an error, not kill the process.
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    no_args, usage_error = _click_errors()
    command = typer.main.get_command(_app_for(sys.argv[1:]))
    try:
        code = command.main(args=sys.argv[1:], prog_name="tracker", standalone_mode=False)
        sys.stdout.flush()  # here, where a closed pipe is caught, rather than at exit
    except no_args as exc:
        context = getattr(exc, "ctx", None)
        try:
            print(context.get_help() if context else "", flush=True)
        except BrokenPipeError:  # `tracker | head`
            _discard_stdout()
        sys.exit(0)
    except usage_error as exc:
        context = getattr(exc, "ctx", None)
        hint = f" (see: {context.command_path} --help)" if context else ""
        print(f"error: {clean(exc.format_message())}{hint}", file=sys.stderr)  # type: ignore[attr-defined]
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        print("error: interrupted", file=sys.stderr)
        sys.exit(130)
    except (BrokenPipeError, PipeClosed):
        # `tracker ... | head`: the reader has what it wanted; end quietly, as `cat` would.
        _discard_stdout()
        sys.exit(0)
    except Exception as exc:
        # A bug, not bad input: still one line, with the full traceback on request.
        if os.environ.get("TRACKER_DEBUG"):
            raise
        print(
            f"error: internal error: {type(exc).__name__}: {clean(str(exc))} (TRACKER_DEBUG=1 shows more)",
            file=sys.stderr,
        )
        sys.exit(70)
    sys.exit(code if isinstance(code, int) else 0)


from . import cli_notebook  # noqa: E402, F401  (registers search, note, tag, export, import, remove, reextract)
