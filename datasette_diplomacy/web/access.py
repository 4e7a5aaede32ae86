"""Which database a request reads, and whether the actor may read it.

The plugin works on any database the loader wrote, whatever its file name: a
database "looks like ours" when it has the tables of docs/schema.md that the
views need. Every custom view names the tables it reads and calls
:func:`ensure_tables` before running a single query, so a metadata ``allow``
that hides a database or one table hides it from the plugin's pages too.
"""
from __future__ import annotations

from datasette.utils.asgi import Forbidden, NotFound

# The tables without which no page of the plugin can work.
CORE_TABLES = frozenset(
    {"articles", "outlets", "speakers", "quotes", "topics", "quote_topics"}
)

# Tables read by each kind of page (checked with view-table each).
# speaker_stats and speaker_stats_dirty: the loader's precomputed per-speaker
# counts (datasette_diplomacy/summaries.py), read when present.
SUMMARY_TABLES = ("speaker_stats", "speaker_stats_dirty")
COMPARE_TABLES = (
    "speakers", "speaker_aliases", "quotes", "articles", "outlets",
    "topics", "quote_topics", "quote_mentions",
) + SUMMARY_TABLES
ARTICLE_TABLES = (
    "articles", "outlets", "quotes", "speakers", "topics", "article_topics",
    "article_speakers",
)
SPEAKER_TABLES = (
    "speakers", "speaker_aliases", "quotes", "articles", "outlets", "topics",
    "quote_topics", "quote_mentions", "article_speakers",
) + SUMMARY_TABLES
PICKER_TABLES = ("speakers", "speaker_aliases")


class BadRequestError(Exception):
    """A request the views answer with 400 and a message (no stack trace)."""

    status = 400


async def is_diplomacy_database(datasette, name: str) -> bool:
    db = datasette.databases.get(name)
    if db is None or name == "_internal":
        return False
    try:
        tables = set(await db.table_names())
    except Exception:  # an unreadable or locked file is simply not ours
        return False
    return CORE_TABLES <= tables


async def diplomacy_databases(datasette) -> list[str]:
    """Names of the served databases that follow the schema, in serving order."""
    return [name for name in list(datasette.databases) if await is_diplomacy_database(datasette, name)]


def _checks(database: str, table: str | None = None) -> list:
    """Datasette's cascade for one database (or one table of it), most specific first."""
    checks = [("view-database", database), "view-instance"]
    return ([("view-table", (database, table))] if table else []) + checks


async def _allowed(datasette, actor, checks) -> bool:
    try:
        await datasette.ensure_permissions(actor, checks)
    except Forbidden:
        return False
    return True


async def can_view_database(datasette, actor, name: str) -> bool:
    return await _allowed(datasette, actor, _checks(name))


async def can_view_table(datasette, actor, database: str, table: str) -> bool:
    return await _allowed(datasette, actor, _checks(database, table))


async def visible_diplomacy_databases(datasette, actor) -> list[str]:
    return [
        name
        for name in await diplomacy_databases(datasette)
        if await can_view_database(datasette, actor, name)
    ]


async def ensure_tables(datasette, actor, database: str, tables) -> None:
    """Raise Forbidden unless the actor may view the instance, database and each table.

    ``ensure_permissions`` stops at the first check that gives an answer, so an
    explicit table ``allow`` wins over the database's (Datasette's own rule);
    checking each table separately means every table a page reads is vetted.
    """
    await datasette.ensure_permissions(actor, ["view-instance"])
    await datasette.ensure_permissions(actor, _checks(database))
    for table in tables:
        await datasette.ensure_permissions(actor, _checks(database, table))


async def resolve_database(datasette, request, tables) -> str:
    """Pick the database named by ``?database=`` (or the only/first visible one).

    Raises NotFound for an unknown or non-diplomacy database, Forbidden when the
    actor may not read it (or any of ``tables``).
    """
    name = request.args.get("database")
    if name:
        if name not in datasette.databases:
            # Same answer whether or not it exists elsewhere: do not leak names.
            raise NotFound("Database not found")
        await ensure_tables(datasette, request.actor, name, ())
        if not await is_diplomacy_database(datasette, name):
            raise NotFound(f"Database {name} does not hold diplomacy data")
    else:
        candidates = await diplomacy_databases(datasette)
        if not candidates:
            raise NotFound("No diplomacy database is being served")
        visible = [
            c for c in candidates if await can_view_database(datasette, request.actor, c)
        ]
        # With nothing visible, check the first so the answer is a clean 403.
        name = (visible or candidates)[0]
    await ensure_tables(datasette, request.actor, name, tables)
    return name
