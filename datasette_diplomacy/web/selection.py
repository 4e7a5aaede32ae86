"""From a filtered table page to a comparison of the speakers in that selection.

The table action ("Compare the top speakers of this selection") links to
``/-/diplomacy/compare-selection`` with the table page's own query string in
``args``. Only when clicked does this module rebuild the page's filter exactly
as Datasette's TableView does (column filters through ``Filters``, then every
``filters_from_request`` hook: ``_search``, ``_where``, ``_through`` and any
plugin's), count quotes per speaker in the selection, and redirect to the
comparison of the ``TOP_SPEAKERS`` most quoted. Doing it at click time keeps
table pages as fast as they were: no extra query runs while a table is browsed.
"""
from __future__ import annotations

import urllib.parse

from datasette.filters import Filters
from datasette.plugins import pm
from datasette.utils import await_me_maybe, escape_sqlite
from datasette.utils.asgi import Request
from datasette.views.base import ureg

from .access import BadRequestError

TOP_SPEAKERS = 4
# Table -> how its rows name a speaker, and what counts as "most quoted".
SELECTABLE = {
    "quotes": ("speaker_id", "count(*)"),
    "quotes_view": ("speaker_id", "count(*)"),
    "speakers": ("id", "sum(coalesce(quote_count, 0))"),
}


async def selection_where(datasette, actor, database: str, table: str, query_string: str):
    """WHERE clauses and params of the table page ``/{database}/{table}?{query_string}``."""
    filter_args = [
        (key, value)
        for key, value in urllib.parse.parse_qsl(query_string, keep_blank_values=True)
        if not (key.startswith("_") and "__" not in key)
    ]
    units = datasette.table_metadata(database, table).get("units", {})
    where_clauses, params = Filters(sorted(filter_args), units, ureg).build_where_clauses(table)
    page = Request.fake(
        datasette.urls.table(database, table) + ("?" + query_string if query_string else "")
    )
    # The hooks check permissions (``_through``, ``_where``) for this actor.
    page.scope["actor"] = actor
    for hook in pm.hook.filters_from_request(
        request=page, table=table, database=database, datasette=datasette
    ):
        arguments = await await_me_maybe(hook)
        if arguments:
            where_clauses.extend(arguments.where_clauses)
            params.update(arguments.params)
    return where_clauses, params


async def top_speakers(datasette, actor, database: str, table: str, query_string: str):
    """Ids of the most quoted speakers among the rows the table page shows."""
    if table not in SELECTABLE:
        raise BadRequestError(f"Cannot compare speakers from table {table}")
    where_clauses, params = await selection_where(datasette, actor, database, table, query_string)
    speaker_column, weight = SELECTABLE[table]
    where = f"where {' and '.join(where_clauses)}" if where_clauses else ""
    sql = f"""
        select {escape_sqlite(speaker_column)} as speaker_id, {weight} as n
        from {escape_sqlite(table)} {where}
        group by 1 having speaker_id is not null and n > 0
        order by n desc, speaker_id limit {TOP_SPEAKERS}
    """
    db = datasette.get_database(database)
    return [row["speaker_id"] for row in (await db.execute(sql, params)).rows]
