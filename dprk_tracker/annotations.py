"""Notes and tags on articles, events and figures.

A note or tag points at its target by ``kind`` (article, event, figure) and ``target_id``. Triggers
from migration m003 delete them with their target, so nothing here needs to clean up after a removal.
A tag on an article applies to its events and figures when filtering (see ``Notebook._where``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from .db import Notebook, NotebookError

KINDS = {"article": "articles", "event": "events", "figure": "figures"}

# The article each note or tag belongs to, whatever its kind (for listing and for reports).
_ARTICLE_OF = (
    "case {t}.kind when 'article' then {t}.target_id"
    " when 'event' then (select article_id from events where events.id = {t}.target_id)"
    " else (select article_id from figures where figures.id = {t}.target_id) end"
)


def check_kind(kind: str) -> str:
    kind = kind.strip().lower()
    if kind not in KINDS:
        raise NotebookError(f"unknown kind {kind!r} (use article, event or figure)")
    return kind


def check_target(notebook: Notebook, kind: str, target_id: int) -> str:
    """The normalized kind, once the target is known to exist."""
    kind = check_kind(kind)
    # The table name comes from KINDS, never from the user.
    sql = f"select 1 from {KINDS[kind]} where id = ?"
    if notebook.conn.execute(sql, [target_id]).fetchone() is None:
        raise NotebookError(f"no {kind} {target_id} in {notebook.path}")
    return kind


def normalize_tag(tag: str) -> str:
    """Tags compare case-insensitively and without surrounding spaces: stored lower-case."""
    value = " ".join(tag.split()).lower()
    if not value:
        raise NotebookError("a tag cannot be empty")
    return value


def add_note(notebook: Notebook, kind: str, target_id: int, text: str) -> dict[str, Any]:
    kind = check_target(notebook, kind, target_id)
    if not text.strip():
        raise NotebookError("a note cannot be empty")
    record = {
        "kind": kind,
        "target_id": target_id,
        "text": text.strip(),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    with notebook._writing():
        note_id = notebook.db["notes"].insert(record).last_pk
    return {"id": note_id, **record}


def list_notes(
    notebook: Notebook, kind: str | None = None, target_id: int | None = None
) -> list[dict[str, Any]]:
    """Notes, oldest first; with a kind and an id, those on it (which must exist)."""
    clauses: list[str] = []
    params: list[Any] = []
    if kind is not None:
        clauses.append("n.kind = ?")
        params.append(check_kind(kind) if target_id is None else check_target(notebook, kind, target_id))
    if target_id is not None:
        clauses.append("n.target_id = ?")
        params.append(target_id)
    where = (" where " + " and ".join(clauses)) if clauses else ""
    sql = (
        f"select n.id, n.kind, n.target_id, {_ARTICLE_OF.format(t='n')} as article_id, n.text, n.created_at"
        f" from notes n{where} order by n.id"
    )
    return [dict(r) for r in notebook._rows(sql, params)]


def notes_for(notebook: Notebook, kind: str, ids: Iterable[int]) -> dict[int, list[str]]:
    """The notes on each of these targets, oldest first."""
    found: dict[int, list[str]] = defaultdict(list)
    wanted = list(ids)
    # Chunks keep the parameter count under SQLite's limit.
    for at in range(0, len(wanted), 500):
        chunk = wanted[at : at + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = notebook.conn.execute(
            f"select target_id, text from notes where kind = ? and target_id in ({marks}) order by id",
            [kind, *chunk],
        ).fetchall()
        for target_id, text in rows:
            found[target_id].append(text)
    return dict(found)


def article_annotations(notebook: Notebook, article_id: int) -> dict[str, list[dict[str, Any]]]:
    """Notes and tags on an article and on its events and figures."""
    out: dict[str, list[dict[str, Any]]] = {}
    for table, columns in (("notes", "t.text, t.created_at"), ("tags", "t.tag")):
        sql = (
            f"select t.id, t.kind, t.target_id, {columns} from {table} t"
            f" where {_ARTICLE_OF.format(t='t')} = ? order by t.id"
        )
        out[table] = [dict(r) for r in notebook._rows(sql, [article_id])]
    return out


def add_tag(notebook: Notebook, kind: str, target_id: int, tag: str) -> bool:
    """True when the tag is new on this target, False when it was already there."""
    kind = check_target(notebook, kind, target_id)
    value = normalize_tag(tag)
    with notebook._writing():
        cursor = notebook.conn.execute(
            "insert or ignore into tags (kind, target_id, tag) values (?, ?, ?)", [kind, target_id, value]
        )
    return cursor.rowcount == 1


def remove_tag(notebook: Notebook, kind: str, target_id: int, tag: str) -> None:
    kind = check_kind(kind)
    value = normalize_tag(tag)
    with notebook._writing():
        cursor = notebook.conn.execute(
            "delete from tags where kind = ? and target_id = ? and tag = ?", [kind, target_id, value]
        )
    if cursor.rowcount == 0:
        raise NotebookError(f"{kind} {target_id} has no tag {value!r}")


def list_tags(notebook: Notebook, tag: str | None = None) -> list[dict[str, Any]]:
    where, params = "", []
    if tag is not None:
        where, params = " where t.tag = ?", [normalize_tag(tag)]
    sql = (
        f"select t.tag, t.kind, t.target_id, {_ARTICLE_OF.format(t='t')} as article_id from tags t{where}"
        " order by t.tag, t.kind, t.target_id"
    )
    return [dict(r) for r in notebook._rows(sql, params)]
