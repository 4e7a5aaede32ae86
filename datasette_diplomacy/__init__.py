"""datasette-diplomacy: Datasette plugin hooks (the work lives in the modules they call)."""
from datasette import hookimpl  # noqa: F401

from . import compiled as _compiled

# First, before any module of the package loads: a compiled module runs only while it
# matches its source (see compiled.py and setup.py).
_compiled.install()


# The Python API, imported lazily so that loading the plugin into Datasette does not
# import the extraction stack (trafilatura, dateparser) until someone uses it.
_API = {
    "load": "datasette_diplomacy.loader",
    "extract_document": "datasette_diplomacy.pipeline",
    "iter_documents": "datasette_diplomacy.ingest.readers",
}


def __getattr__(name):
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(name)


# --- Datasette plugin hooks ---------------------------------------------------
# Imports stay inside the hooks so that ``import datasette_diplomacy`` (the loader's
# CLI) does not pull in the plugin's views, and vice versa.

PLUGIN = "datasette-diplomacy"
SELECTION_TABLES = ("speakers", "quotes", "quotes_view")


@hookimpl
def startup(datasette):
    """Count the log-odds prior's terms and the most quoted speakers in the background.

    See web.background.warm and web.counts.warm.
    """

    async def inner():
        from .web import counts
        from .web.access import diplomacy_databases
        from .web.background import warm_in_background

        warm_in_background(datasette, await diplomacy_databases(datasette), then=counts.warm)

    return inner


@hookimpl
def register_routes():
    from .web.views import ROUTES

    return ROUTES


@hookimpl
def register_facet_classes():
    from .web.facets import M2MFacet, PeriodFacet

    return [M2MFacet, PeriodFacet]


def _ours(template) -> bool:
    return bool(template) and template.startswith("diplomacy_")


@hookimpl
def extra_css_urls(template, datasette):
    if _ours(template):
        return [datasette.urls.static_plugins(PLUGIN, "diplomacy.css")]
    return []


@hookimpl
def extra_js_urls(template, datasette):
    if _ours(template):
        return [{"url": datasette.urls.static_plugins(PLUGIN, "diplomacy.js"), "module": False}]
    return []


@hookimpl
def menu_links(datasette, actor):
    async def inner():
        from .web.access import visible_diplomacy_databases

        if not await visible_diplomacy_databases(datasette, actor):
            return []
        return [{"href": datasette.urls.path("/-/diplomacy/compare"), "label": "Compare speakers"}]

    return inner


@hookimpl
def database_actions(datasette, database):
    async def inner():
        from urllib.parse import urlencode

        from .web.access import is_diplomacy_database

        if not await is_diplomacy_database(datasette, database):
            return []
        return [{
            "href": datasette.urls.path(
                "/-/diplomacy/compare?" + urlencode({"database": database})),
            "label": "Compare speakers",
        }]

    return inner


@hookimpl
def table_actions(datasette, actor, database, table, request):
    """On speakers, quotes and quotes_view: compare the top speakers of the selection.

    The link carries the page's query string; the speakers are worked out when it
    is followed (see :mod:`.selection`), so browsing tables costs nothing extra.
    """
    if table not in SELECTION_TABLES:
        return []

    async def inner():
        from urllib.parse import urlencode

        from .web.access import is_diplomacy_database

        if not await is_diplomacy_database(datasette, database):
            return []
        query = urlencode({
            "database": database, "table": table,
            "args": request.query_string if request is not None else "",
        })
        return [{
            "href": datasette.urls.path(f"/-/diplomacy/compare-selection?{query}"),
            "label": "Compare the top speakers of this selection",
        }]

    return inner
