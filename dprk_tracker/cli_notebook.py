"""Research-notebook commands: search, notes and tags, export/import, remove, reextract.

Registered on the main ``app`` when ``cli`` imports this module (at its end). Commands stay thin:
parse, open the notebook, call one library function, render.
"""

import dataclasses
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .cli import (
    CommandError,
    JobsOption,
    LimitOption,
    SinceOption,
    TagOption,
    TopicOption,
    UntilOption,
    _filter_lexicon,
    _filters,
    _lexicon,
    _notebook,
    _progress,
    _settings,
    _stdout,
    app,
    output_options,
    say,
    user_errors,
    warn,
)
from .render import Column, Format, clean, emit

if TYPE_CHECKING:
    from rich.text import Text

    from .db import Filters, Notebook
    from .maintenance import Change

SEARCH_LIMIT = 20

note_app = typer.Typer(help="Notes on articles, events and figures.", no_args_is_help=True)
tag_app = typer.Typer(help="Tags on articles, events and figures.", no_args_is_help=True)
app.add_typer(note_app, name="note")
app.add_typer(tag_app, name="tag")

KindArgument = Annotated[str, typer.Argument(help="article, event or figure.", show_default=False)]
IdArgument = Annotated[int, typer.Argument(help="Its id.", show_default=False)]


def tagged(filters: "Filters", tag: str | None) -> "Filters":
    """The filters with a (normalized) tag."""
    if tag is None:
        return filters
    from .annotations import normalize_tag

    return dataclasses.replace(filters, tag=normalize_tag(tag))


def attach_notes(
    notebook: "Notebook",
    kind: str,
    rows: list[dict[str, Any]],
    data: list[dict[str, Any]],
    columns: list[Column],
    ids: list[list[int]] | None = None,
) -> list[Column]:
    """Put each row's notes in ``notes`` (rows and JSON rows alike); the table gains a Notes column.

    ``ids`` lists, per row, the ids whose notes it shows (a corroborated row stands for several).
    """
    from .annotations import notes_for

    per_row = ids if ids is not None else [[r["id"]] for r in rows]
    found = notes_for(notebook, kind, (i for group in per_row for i in group))
    for row, item, group in zip(rows, data, per_row, strict=True):
        row["notes"] = item["notes"] = [note for i in group for note in found.get(i, [])]
    return [*columns, Column("Notes", lambda r: "; ".join(r["notes"]), ratio=1, stackable=True)]


def annotations_of(notebook: "Notebook", article_id: int) -> dict[str, list[dict[str, Any]]]:
    from .annotations import article_annotations

    return article_annotations(notebook, article_id)


ANNOTATION_COLUMNS = [
    Column("On", lambda r: f"{r['kind']} {r['target_id']}", no_wrap=True),
    Column("Note or tag", lambda r: r["text"] if "text" in r else f"tag: {r['tag']}", ratio=1),
]


# ---------------------------------------------------------------------------------------------------
# search


def _snippet(row: dict[str, Any]) -> "Text":
    from rich.text import Text  # only for a table: rich loads when it draws

    text = Text()
    at = 0
    for start, end in row["highlights"]:
        text.append(row["snippet"][at:start])
        text.append(row["snippet"][start:end], style="bold yellow")
        at = end
    text.append(row["snippet"][at:])
    return text


def _snippet_markdown(row: dict[str, Any]) -> str:
    parts, at = [], 0
    for start, end in row["highlights"]:
        parts += [row["snippet"][at:start], "**", row["snippet"][start:end], "**"]
        at = end
    parts.append(row["snippet"][at:])
    return "".join(parts)


SEARCH_COLUMNS = [
    Column("#", lambda r: str(r["rank"]), justify="right", no_wrap=True),
    Column("Art.", lambda r: str(r["id"]), justify="right", no_wrap=True),
    Column("Title", lambda r: r["title"] or "untitled", min_width=12),
    Column("Published", lambda r: r["published"] or "", no_wrap=True),
    Column("Snippet", _snippet, ratio=1, plain=_snippet_markdown),
]


@app.command()
@output_options
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words or a quoted phrase, searched as typed.")],
    topic: TopicOption = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help='Only articles published on this date or later (YYYY[-MM[-DD]] or "March 2025");'
            " leaves out undated ones.",
            show_default=False,
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until",
            help="Only articles published on this date or earlier; leaves out undated ones.",
            show_default=False,
        ),
    ] = None,
    tag: TagOption = None,
    raw: Annotated[
        bool, typer.Option("--raw", help="Pass the query to SQLite FTS5 as is (AND, OR, NEAR, prefix*).")
    ] = False,
    limit: LimitOption = SEARCH_LIMIT,
    *,
    fmt: Format,
) -> None:
    """Full-text search over article titles and bodies, best match first (bm25 over the 2,000 most
    recently ingested matching articles)."""
    from .search import search as run_search

    settings = _settings(ctx)
    notebook = _notebook(settings, create=False)
    filters = tagged(_filters(notebook, _filter_lexicon(settings), topic, since, until, None, limit), tag)
    hits = run_search(notebook, query, filters, raw=raw)
    emit(_stdout(), hits, fmt, SEARCH_COLUMNS)
    if not hits and fmt is Format.table:
        print("no articles match", file=sys.stderr)


# ---------------------------------------------------------------------------------------------------
# note, tag


@note_app.command("add")
def note_add(
    ctx: typer.Context,
    kind: KindArgument,
    target_id: IdArgument,
    text: Annotated[str, typer.Argument(help="The note.", show_default=False)],
) -> None:
    """Write a note on an article, event or figure."""
    from .annotations import add_note

    with user_errors():
        note = add_note(_notebook(_settings(ctx), create=False), kind, target_id, text)
    say(f"note {note['id']} on {note['kind']} {note['target_id']}")


NOTE_COLUMNS = [
    Column("Id", lambda r: str(r["id"]), justify="right", no_wrap=True),
    Column("On", lambda r: f"{r['kind']} {r['target_id']}", no_wrap=True),
    Column("Art.", lambda r: str(r["article_id"]), justify="right", no_wrap=True),
    Column("Note", lambda r: r["text"], ratio=1),
    Column("Written", lambda r: r["created_at"], no_wrap=True),
]


@note_app.command("list")
@output_options
def note_list(
    ctx: typer.Context,
    kind: Annotated[
        str | None, typer.Option("--kind", "-k", help="article, event or figure.", show_default=False)
    ] = None,
    target_id: Annotated[
        int | None, typer.Option("--id", help="Only notes on this id (of --kind).", show_default=False)
    ] = None,
    *,
    fmt: Format,
) -> None:
    """Notes, oldest first."""
    from .annotations import list_notes

    if target_id is not None and kind is None:
        raise CommandError("--id needs --kind (article, event or figure)")
    notes = list_notes(_notebook(_settings(ctx), create=False), kind, target_id)
    emit(_stdout(), notes, fmt, NOTE_COLUMNS)
    if not notes and fmt is Format.table:
        print("no notes", file=sys.stderr)


TagArgument = Annotated[str, typer.Argument(help="The tag (stored lower-case).", show_default=False)]


@tag_app.command("add")
def tag_add(ctx: typer.Context, kind: KindArgument, target_id: IdArgument, tag: TagArgument) -> None:
    """Tag an article, event or figure (a tag on an article covers its events and figures)."""
    from .annotations import add_tag, check_kind, normalize_tag

    with user_errors():
        added = add_tag(_notebook(_settings(ctx), create=False), kind, target_id, tag)
        what = f"{check_kind(kind)} {target_id}"
        value = normalize_tag(tag)
    say(f"tagged {what} {value!r}" if added else f"{what} already has tag {value!r}")


@tag_app.command("remove")
def tag_remove(ctx: typer.Context, kind: KindArgument, target_id: IdArgument, tag: TagArgument) -> None:
    """Take a tag off."""
    from .annotations import check_kind, normalize_tag, remove_tag

    with user_errors():
        remove_tag(_notebook(_settings(ctx), create=False), kind, target_id, tag)
        say(f"untagged {check_kind(kind)} {target_id} {normalize_tag(tag)!r}")


TAG_COLUMNS = [
    Column("Tag", lambda r: r["tag"], no_wrap=True, style="bold"),
    Column("On", lambda r: f"{r['kind']} {r['target_id']}", no_wrap=True),
    Column("Art.", lambda r: str(r["article_id"]), justify="right", no_wrap=True),
]


@tag_app.command("list")
@output_options
def tag_list(
    ctx: typer.Context,
    tag: Annotated[str | None, typer.Argument(help="Only this tag.", show_default=False)] = None,
    *,
    fmt: Format,
) -> None:
    """Every tag and what carries it."""
    from .annotations import list_tags

    rows = list_tags(_notebook(_settings(ctx), create=False), tag)
    emit(_stdout(), rows, fmt, TAG_COLUMNS)
    if not rows and fmt is Format.table:
        print("no tags", file=sys.stderr)


# ---------------------------------------------------------------------------------------------------
# export, import


class ExportFormat(StrEnum):
    markdown = "markdown"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


@app.command()
def export(
    ctx: typer.Context,
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="markdown report, csv, json, or jsonl (the whole notebook).",
            case_sensitive=False,
        ),
    ] = ExportFormat.markdown,
    topic: TopicOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    tag: TagOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.", show_default=False)
    ] = None,
) -> None:
    """A report (timeline, figures by topic, numbered citations) or the whole notebook as JSON Lines."""
    from . import exchange

    settings = _settings(ctx)
    with user_errors():
        notebook = _notebook(settings, create=False)
        if format is ExportFormat.jsonl:
            if any(v is not None for v in (topic, since, until, tag)):
                raise CommandError(
                    "--format jsonl exports the whole notebook: drop --topic/--since/--until/--tag"
                )
            chunks: Any = exchange.dump_jsonl(notebook)
        else:
            filters = tagged(
                _filters(notebook, _filter_lexicon(settings), topic, since, until, None, None), tag
            )
            data = exchange.report_data(notebook, filters)
            render = {
                ExportFormat.markdown: exchange.report_markdown,
                ExportFormat.csv: exchange.report_csv,
                ExportFormat.json: exchange.report_json,
            }[format]
            chunks = [render(data)]
        if output is None:
            for chunk in chunks:
                sys.stdout.write(chunk)
            return
        # Write beside the target and rename: a failed export leaves no half-written file.
        partial = output.with_name(output.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8", newline="\n") as handle:
                for chunk in chunks:
                    handle.write(chunk)
            partial.replace(output)
        except OSError as exc:
            # Named as the user gave it: the partial file is ours.
            raise CommandError(f"{exc.strerror or exc}: {output}") from None
        finally:
            partial.unlink(missing_ok=True)
    print(f"wrote {clean(str(output))}", file=sys.stderr)


@app.command("import")
def import_(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="A file from `tracker export --format jsonl`, or - for stdin.")],
) -> None:
    """Load a JSON Lines export into an empty notebook, ids and all."""
    from .db import NotebookError
    from .exchange import TABLES, load_jsonl

    settings = _settings(ctx)
    with user_errors():
        if path != "-" and not Path(path).is_file():
            raise CommandError(f"no such file: {path}")
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        name = "<stdin>" if path == "-" else path
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CommandError(f"{name}: not UTF-8 (byte {exc.start})") from exc
        created = not settings.db.exists()
        notebook = _notebook(settings, create=True)
        try:
            counts = load_jsonl(notebook, text.splitlines(), name)
        except NotebookError:
            if created:  # leave nothing behind: there was no notebook before
                notebook.close()
                for suffix in ("", "-wal", "-shm"):
                    Path(str(settings.db) + suffix).unlink(missing_ok=True)
            raise
    plural = {"article": "articles", "event": "events", "figure": "figures", "note": "notes", "tag": "tags"}
    say("imported " + ", ".join(f"{counts[k]} {plural[k]}" for k in TABLES))


# ---------------------------------------------------------------------------------------------------
# remove, reextract


@app.command()
def remove(
    ctx: typer.Context,
    article: Annotated[int, typer.Argument(help="The article id.", show_default=False)],
) -> None:
    """Remove an article and everything extracted from it, with its notes and tags."""
    from .maintenance import remove_article

    with user_errors():
        removed = remove_article(_notebook(_settings(ctx), create=False), article)
    say(
        f"removed article {removed.article_id} ({removed.title or 'untitled'}): {removed.events} events, "
        f"{removed.figures} figures, {removed.notes} notes, {removed.tags} tags"
    )


@app.command()
def reextract(
    ctx: typer.Context,
    articles: Annotated[
        list[int] | None,
        typer.Argument(
            help="Only these article ids (default: those from another extractor version).", show_default=False
        ),
    ] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Every article, not only those from another extractor version.")
    ] = False,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            metavar="DATE",
            help="Re-date the articles named: their relative dates resolve against DATE (YYYY-MM-DD...).",
        ),
    ] = None,
    jobs: JobsOption = 1,
) -> None:
    """Re-run the current extractors over stored articles, keeping notes and tags that still apply."""
    from .extract import EXTRACTOR_VERSION, reference_from_option
    from .maintenance import pending, reextract_each

    settings = _settings(ctx)
    with user_errors():
        if published is not None:
            if not articles:
                raise CommandError(
                    "--published re-dates the articles named: give their ids (reextract 4 --published DATE)"
                )
            reference_from_option(published)  # a bad date fails before anything is read
        if articles and everything:
            raise CommandError("give article ids or --all, not both")
        notebook = _notebook(settings, create=False)
        lexicon = _lexicon(settings)
        if articles:
            ids = list(dict.fromkeys(articles))
            for article_id in ids:
                notebook.article(article_id)  # a missing id fails before anything changes
        else:
            ids = pending(notebook, everything=everything)
        if not ids:
            say(f"nothing to re-extract: every article is at extractor version {EXTRACTOR_VERSION}")
            return
        totals = dict.fromkeys(("changed", "ea", "er", "ec", "fa", "fr", "fc", "notes", "tags"), 0)
        # After an upgrade most of a large notebook reads the same: only the articles that changed
        # get a line then (the last line counts them all); articles named are each answered.
        with _progress(len(ids), "re-extracting") as advance:
            for change in reextract_each(notebook, ids, lexicon, published=published, jobs=jobs):
                _report_change(change, totals, named=bool(articles))
                advance()
    say(
        f"{len(ids)} re-extracted with extractor version {EXTRACTOR_VERSION}: {totals['changed']} changed; "
        f"events +{totals['ea']} -{totals['er']} ~{totals['ec']}, "
        f"figures +{totals['fa']} -{totals['fr']} ~{totals['fc']}; "
        f"{totals['notes']} notes and {totals['tags']} tags dropped"
    )


def _report_change(change: "Change", totals: dict[str, int], *, named: bool) -> None:
    """One re-extracted article: its line (an unchanged one only if ``named``), added to ``totals``."""
    article_id = change.article_id
    for note in change.notes_dropped:
        warn(
            f"article {article_id}: dropped note {note['id']} on vanished {note['kind']} "
            f"{note['target_id']}: {note['text']}"
        )
    for tag in change.tags_dropped:
        warn(f"article {article_id}: dropped tag {tag['tag']!r} on vanished {tag['kind']} {tag['target_id']}")
    totals["ea"] += change.events_added
    totals["er"] += change.events_removed
    totals["fa"] += change.figures_added
    totals["fr"] += change.figures_removed
    totals["ec"] += change.events_changed
    totals["fc"] += change.figures_changed
    totals["notes"] += len(change.notes_dropped)
    totals["tags"] += len(change.tags_dropped)
    if not change.changed:
        if named:
            say(f"article {article_id}: unchanged")
        return
    totals["changed"] += 1
    details = (
        f"events +{change.events_added} -{change.events_removed} ~{change.events_changed}, "
        f"figures +{change.figures_added} -{change.figures_removed} ~{change.figures_changed}"
    )
    if change.published_before != change.published_after:
        before, after = change.published_before or "none", change.published_after or "none"
        details += f", reference date {before} -> {after}"
    if change.title_after is not None:
        details += f", title {change.title_after!r}"
    if change.source_after is not None:
        details += f", source {change.source_after!r}"
    say(f"article {article_id}: {details}")
