"""Which member of a corroboration group is shown: the rank order, as SQL.

Kept apart from ``grouping`` (which needs sqlite-utils and the corroboration rules) so the read
commands that page groups load only this. ``grouping._rank`` is the same order in Python.
"""

# A group's members, representative first: narrowest date, then the read commands' order. The SQL
# (``rank_sql``) and Python (``grouping._rank``) forms must agree; null sorts as SQLite sorts it.
_SPAN = "coalesce(julianday({t}latest) - julianday({t}earliest), 1e300)"
_RANK = {
    "events": _SPAN + ", {t}sort_date is null, coalesce({t}sort_date, ''), {t}latest is null,"
    " coalesce({t}latest, ''), {t}article_id, {t}start, {t}id",
    "figures": _SPAN + ", {t}earliest is null, coalesce({t}earliest, ''), {t}latest is not null,"
    " coalesce({t}latest, ''), {t}article_id, {t}start, {t}id",
}


def rank_sql(table: str, alias: str = "") -> str:
    """The rank of a member as a list of SQL expressions (``alias``: a table name or alias)."""
    return _RANK[table].format(t=f"{alias}." if alias else "")
