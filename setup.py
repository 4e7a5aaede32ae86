"""Build hook: compile the extraction modules with Cython where a C compiler is available.

The modules are plain Python and stay the source of truth. Cython turns each into a C
extension that runs the same code with less interpreter overhead (docs/performance.md,
"Session 12": about 19 % less CPU per document, output byte-identical). A module that fails
to compile is only a warning (``optional=True``), and the package then runs it as Python;
``DATASETTE_DIPLOMACY_PURE=1`` at install time compiles nothing. ``compiled.json`` records
the SHA-256 of every source compiled, so that ``datasette_diplomacy.compiled`` loads an
extension only while its source is unchanged: in an editable install an edited module
runs as Python until the next ``pip install -e .``.
"""
import hashlib
import json
import os
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

PACKAGE = "datasette_diplomacy"
HERE = Path(__file__).resolve().parent

# Everything a document passes through on a load: reading, cleaning and extraction (the
# worker processes' work), then the main process's loader and store. The web views are left
# as Python: their time is in SQLite and Datasette.
COMPILED = [
    "text", "pipeline", "model", "records", "loader", "store", "summaries",
    "ingest/readers", "ingest/decode", "ingest/markup", "ingest/clean", "ingest/metadata",
    "ingest/sidecar",
    "extract/speakers", "extract/quotes", "extract/transcripts", "extract/topics",
    "extract/entities", "extract/names", "extract/gazetteer", "extract/headlines",
]


class ParallelBuildExt(build_ext):
    """build_ext that compiles the extensions on every core (setuptools' default is one)."""

    def finalize_options(self):
        super().finalize_options()
        if not self.parallel:
            self.parallel = os.cpu_count() or 1


def extensions() -> list:
    if os.environ.get("DATASETTE_DIPLOMACY_PURE"):
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:  # built without isolation and without Cython: pure Python
        return []
    modules = {}
    sources = []
    for module in COMPILED:
        path = Path(PACKAGE, module + ".py")
        name = f"{PACKAGE}." + module.replace("/", ".")
        modules[name] = hashlib.sha256((HERE / path).read_bytes()).hexdigest()
        # -g0 after Python's own -g: no debug sections (they tripled the wheel, and nobody debugs this C)
        sources.append(Extension(name, [str(path)], optional=True, extra_compile_args=["-g0"]))
    manifest = HERE / PACKAGE / "compiled.json"
    try:
        # annotation_typing off: the annotations document, they are not C types to enforce.
        extensions = cythonize(sources, quiet=True, compiler_directives={
            "language_level": 3, "annotation_typing": False})
    except Exception as error:  # noqa: BLE001 - any failure leaves the package pure Python
        print(f"warning: Cython could not translate the modules, they run as Python: {error}")
        manifest.unlink(missing_ok=True)
        return []
    manifest.write_text(json.dumps({"modules": modules}, indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")
    return extensions


setup(ext_modules=extensions(), cmdclass={"build_ext": ParallelBuildExt})
