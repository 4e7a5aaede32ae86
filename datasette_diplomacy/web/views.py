"""The plugin's pages (registered in ``__init__.register_routes``).

Every handler resolves the database and checks ``view-instance``,
``view-database`` and ``view-table`` for every table it reads before the first
query (see :mod:`.access`); errors become a page, JSON or CSV answer with a
plain message, never a stack trace:

403  permission denied (HTML goes through Datasette's ``forbidden`` hook)
404  no such database / article / speaker / topic / outlet
400  malformed parameters, or fewer than two speakers to compare
504  a query ran past ``sql_time_limit_ms``
"""
from __future__ import annotations

import csv
import io
from urllib.parse import urlencode

from datasette import Response
from datasette.database import QueryInterrupted
from datasette.utils.asgi import Forbidden, NotFound

from . import access
from .charts import timeline_svg
from .compare import (
    CompareParams, TooFewSpeakers, UnknownValues, build_comparison, csv_rows,
)
from .reader import article_data
from .selection import SELECTABLE, top_speakers
from .speaker_page import speaker_data
from .speaker_lookup import suggest_speakers

PICKER_SPEAKERS = 200  # speakers offered in the <datalist> before any typing
PICKER_OUTLETS = 500


class Failure(Exception):
    """An answer other than 200 with a message for the reader."""

    def __init__(self, status: int, message: str, extra: dict | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.extra = extra or {}


def _timeout_message(datasette) -> str:
    return (
        "This took longer than the time limit of "
        f"{datasette.setting('sql_time_limit_ms')} ms (sql_time_limit_ms). Narrow it down "
        "(a topic, an outlet, a date range) or ask the administrator to raise the limit."
    )


def _format(request) -> str:
    return (request.url_vars or {}).get("format") or "html"


def _json_error(status: int, message: str, extra: dict | None = None) -> Response:
    body = {"ok": False, "status": status, "error": message}
    body.update(extra or {})
    return Response.json(body, status=status)


def _csv_response(rows, status: int = 200) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(rows)
    return Response(buffer.getvalue(), status=status, content_type="text/csv; charset=utf-8")


async def _html(datasette, request, template: str, context: dict, status: int = 200) -> Response:
    return Response.html(
        await datasette.render_template(
            template, context, request=request, view_name="diplomacy"
        ),
        status=status,
    )


async def _html_error(datasette, request, status: int, message: str, title: str | None = None):
    return await _html(
        datasette, request, "diplomacy_error.html",
        {"title": title or {400: "Bad request", 404: "Not found", 504: "Time-out"}.get(status, "Error"),
         "message": message, "status": status},
        status=status,
    )


async def _guard(datasette, request, fmt: str, handler):
    """Run ``handler()``, turning the expected failures into clean answers."""
    try:
        return await handler()
    except Forbidden:
        if fmt == "html":
            raise  # Datasette's forbidden hook renders it (and plugins may redirect to login)
        if fmt == "json":
            return _json_error(403, "Forbidden")
        return Response.text("Forbidden", status=403)
    except (NotFound, Failure, access.BadRequestError, QueryInterrupted) as error:
        if isinstance(error, QueryInterrupted):
            status, message, extra = 504, _timeout_message(datasette), {}
        elif isinstance(error, NotFound):
            status, message, extra = 404, str(error.args[0]) if error.args else "Not found", {}
        elif isinstance(error, Failure):
            status, message, extra = error.status, error.message, error.extra
        else:
            status, message, extra = error.status, str(error), {}
        if fmt == "json":
            return _json_error(status, message, extra)
        if fmt == "csv":
            return Response.text(message, status=status)
        return await _html_error(datasette, request, status, message)


async def _picker_context(datasette, database: str, params: CompareParams | None,
                          values: list[str] | None = None) -> dict:
    """What the speaker picker form needs: suggestions, topics, outlets, databases.

    ``values`` pre-fill the speaker inputs (names read better than ids); there is
    always at least one empty input more than filled ones, and never fewer than two.
    """
    db = datasette.get_database(database)
    values = list(values if values is not None else (params.speakers if params else []))
    values += [""] * max(2 - len(values), 1)
    topics = (await db.execute("select id, name from topics order by name collate nocase")).rows
    outlets = (await db.execute(
        "select id, name from outlets order by coalesce(article_count, 0) desc, name limit ?",
        [PICKER_OUTLETS],
    )).rows
    return {
        "picker_speakers": await suggest_speakers(db, "", limit=PICKER_SPEAKERS),
        "picker_topics": [dict(r) for r in topics],
        "picker_outlets": [dict(r) for r in outlets],
        "picker_params": params or CompareParams(),
        "picker_values": values,
        "suggest_url": datasette.urls.path("/-/diplomacy/speakers.json"),
        "compare_url": datasette.urls.path("/-/diplomacy/compare"),
    }


async def _databases_for_picker(datasette, request) -> list[str]:
    return await access.visible_diplomacy_databases(datasette, request.actor)


async def compare_view(datasette, request):
    fmt = _format(request)

    async def handler():
        database = await access.resolve_database(datasette, request, access.COMPARE_TABLES)
        params = CompareParams.from_args(request.args)
        try:
            data = await build_comparison(datasette, database, params)
        except UnknownValues as error:
            return await _compare_problem(datasette, request, fmt, database, params, 404,
                                          str(error), {"unknown": error.unknown})
        except TooFewSpeakers as error:
            if fmt == "html" and not params.speakers:
                return await _compare_problem(datasette, request, fmt, database, params, 200, None)
            return await _compare_problem(datasette, request, fmt, database, params, 400, str(error))
        if fmt == "json":
            return Response.json(data)
        if fmt == "csv":
            return _csv_response(csv_rows(data))
        context = await _picker_context(
            datasette, database, params, [s["name"] for s in data["speakers"]]
        )
        context.update({
            "data": data,
            "database": database,
            "databases": await _databases_for_picker(datasette, request),
            "speakers_by_id": {s["id"]: s for s in data["speakers"]},
            "timeline_chart": timeline_svg(data["timeline"], data["speakers"]),
        })
        return await _html(datasette, request, "diplomacy_compare.html", context)

    return await _guard(datasette, request, fmt, handler)


async def _compare_problem(datasette, request, fmt, database, params, status, message, extra=None):
    """The picker with a message (HTML), or the message alone (JSON, CSV)."""
    if fmt == "json":
        return _json_error(status, message, extra)
    if fmt == "csv":
        return Response.text(message, status=status)
    context = await _picker_context(datasette, database, params)
    context.update({
        "data": None, "database": database, "message": message, "status": status,
        "databases": await _databases_for_picker(datasette, request),
    })
    return await _html(datasette, request, "diplomacy_compare.html", context, status=status)


async def speakers_json(datasette, request):
    async def handler():
        database = await access.resolve_database(datasette, request, access.PICKER_TABLES)
        try:
            limit = min(max(int(request.args.get("limit") or 10), 1), 50)
        except ValueError:
            raise access.BadRequestError("limit must be a number")
        db = datasette.get_database(database)
        speakers = await suggest_speakers(db, request.args.get("q") or "", limit=limit)
        return Response.json({
            "ok": True,
            "database": database,
            "q": request.args.get("q") or "",
            "speakers": [
                {k: s[k] for k in ("id", "name", "type", "role", "country", "quote_count",
                                   "aliases")}
                for s in speakers
            ],
        })

    return await _guard(datasette, request, "json", handler)


async def article_view(datasette, request):
    async def handler():
        database = await access.resolve_database(datasette, request, access.ARTICLE_TABLES)
        data = await article_data(datasette, database, int(request.url_vars["id"]))
        if data is None:
            raise NotFound("No article with that id")
        return await _html(datasette, request, "diplomacy_article.html", data)

    return await _guard(datasette, request, "html", handler)


async def speaker_view(datasette, request):
    fmt = _format(request)

    async def handler():
        database = await access.resolve_database(datasette, request, access.SPEAKER_TABLES)
        data = await speaker_data(datasette, database, int(request.url_vars["id"]))
        if data is None:
            raise NotFound("No speaker with that id")
        if fmt == "json":
            return Response.json(dict({"ok": True}, **data))
        context = await _picker_context(
            datasette, database, CompareParams(), [data["speaker"]["name"]]
        )
        context.update(data)
        context["databases"] = [database]
        return await _html(datasette, request, "diplomacy_speaker.html", context)

    return await _guard(datasette, request, fmt, handler)


async def selection_view(datasette, request):
    """Redirect a table page's selection to the comparison of its top speakers."""

    async def handler():
        table = request.args.get("table") or ""
        if table not in SELECTABLE:
            raise access.BadRequestError("table must be one of " + ", ".join(SELECTABLE))
        database = await access.resolve_database(
            datasette, request, (table,) + access.COMPARE_TABLES
        )
        ids = await top_speakers(
            datasette, request.actor, database, table, request.args.get("args") or ""
        )
        pairs = [("speaker", str(i)) for i in ids] + [("database", database)]
        return Response.redirect(datasette.urls.path("/-/diplomacy/compare?" + urlencode(pairs)))

    return await _guard(datasette, request, "html", handler)


ROUTES = [
    (r"^/-/diplomacy/compare(\.(?P<format>json|csv))?$", compare_view),
    (r"^/-/diplomacy/compare-selection$", selection_view),
    (r"^/-/diplomacy/speakers\.json$", speakers_json),
    (r"^/-/diplomacy/article/(?P<id>\d+)$", article_view),
    (r"^/-/diplomacy/speaker/(?P<id>\d+)(\.(?P<format>json))?$", speaker_view),
]

