"""Load a Cython-compiled module only while it matches the Python source beside it.

``setup.py`` compiles the extraction modules with Cython when it can and records the
SHA-256 of each source it compiled in ``compiled.json``. Python's import system prefers
an extension module to a ``.py`` file of the same name, so in an editable install an
edited (or checked-out) module would otherwise keep running its old compiled code.
:class:`SourceFirst`, put first on ``sys.meta_path`` when the package is imported, hands
such a module to the ``.py`` file instead: the source always wins, the compiled module is
only a faster copy of it. Setting ``DATASETTE_DIPLOMACY_PURE=1`` runs every module as
Python (the tests compare the two).
"""
from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path

PACKAGE = __name__.rpartition(".")[0]
ROOT = Path(__file__).resolve().parent
MANIFEST = ROOT / "compiled.json"
PURE_ENV = "DATASETTE_DIPLOMACY_PURE"


def source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(path: Path = MANIFEST) -> dict[str, str]:
    """Module name -> SHA-256 of the source it was compiled from; empty when nothing was compiled."""
    try:
        return dict(json.loads(path.read_text(encoding="utf-8"))["modules"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}


class SourceFirst:
    """A meta path finder that sends a compiled module's import to its source when the two differ.

    For a module named in ``hashes`` whose source still has that hash it returns None, so the
    ordinary path finder loads the extension; otherwise (or always, with ``pure``) it returns a
    spec for the ``.py`` file.
    """

    def __init__(self, hashes: dict[str, str], root: Path = ROOT, package: str = PACKAGE,
                 pure: bool = False):
        self.hashes = hashes
        self.root = root
        self.package = package
        self.pure = pure

    def source_path(self, fullname: str) -> Path:
        parts = fullname.split(".")[1:]
        return self.root.joinpath(*parts).with_suffix(".py")

    def find_spec(self, fullname, path=None, target=None):
        expected = self.hashes.get(fullname)
        if expected is None:
            return None
        source = self.source_path(fullname)
        if not source.is_file():
            return None
        if not self.pure and source_hash(source) == expected:
            return None
        return importlib.util.spec_from_file_location(fullname, source)


def install() -> SourceFirst | None:
    """Put a :class:`SourceFirst` for this package first on ``sys.meta_path`` (once)."""
    for finder in sys.meta_path:
        if isinstance(finder, SourceFirst):
            return finder
    hashes = read_manifest()
    if not hashes:
        return None
    finder = SourceFirst(hashes, pure=bool(os.environ.get(PURE_ENV)))
    sys.meta_path.insert(0, finder)
    return finder


def compiled_modules() -> list[str]:
    """The package's modules imported so far that run compiled (for benchmarks and tests)."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(name for name, module in list(sys.modules.items())
                  if name.startswith(PACKAGE + ".")
                  and (getattr(module, "__file__", None) or "").endswith(suffixes))
