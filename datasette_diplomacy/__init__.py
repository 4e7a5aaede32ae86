"""datasette-diplomacy: Datasette plugin hooks (the work lives in the modules they call)."""
from datasette import hookimpl  # noqa: F401


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
