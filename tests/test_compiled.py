"""The extraction modules compiled by Cython (setup.py) are a faster copy of their source, never another program.

A compiled module runs only while its ``.py`` file has the hash recorded when it was compiled;
``DATASETTE_DIPLOMACY_PURE=1`` runs everything as Python; and both give the same extraction.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from datasette_diplomacy import compiled
from datasette_diplomacy.compiled import SourceFirst, source_hash

ROOT = Path(__file__).resolve().parent.parent
NAMES = "datasette_diplomacy.extract.names"
NAMES_SOURCE = ROOT / "datasette_diplomacy" / "extract" / "names.py"

# Invented texts in the project's styles: a wire story, a transcript, a Q&A.
TEXTS = {
    "wire.txt": textwrap.dedent("""\
        Ruritania warns Freedonia over border talks

        OSTRAVA, March 3 (Wire) - Ruritanian Foreign Minister Anna Petrova said on Monday that
        her country "will not accept" new checkpoints, and warned that talks could collapse.
        "We have been patient," she told reporters. Freedonia's foreign ministry said in a
        statement that the checkpoints were temporary, according to state media.
        """),
    "transcript.txt": textwrap.dedent("""\
        Press briefing by spokesperson Jonas Berg

        MR. BERG: Good afternoon. The minister travels to Geneva tomorrow.

        Q: Will she meet her Freedonian counterpart?

        MR. BERG: I won't get ahead of the schedule.
        """),
}

EXTRACT = """
import dataclasses, json, sys
from datasette_diplomacy.compiled import compiled_modules
from datasette_diplomacy.ingest.readers import iter_documents
from datasette_diplomacy.model import ReadError
from datasette_diplomacy.pipeline import extract_document
rows = [dataclasses.asdict(extract_document(doc)) for doc in iter_documents(sys.argv[1:])
        if not isinstance(doc, ReadError)]
print(json.dumps({"compiled": compiled_modules(), "extractions": rows}, sort_keys=True, default=str))
"""


def run_extraction(paths, *, pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != compiled.PURE_ENV}
    if pure:
        env[compiled.PURE_ENV] = "1"
    done = subprocess.run([sys.executable, "-c", EXTRACT, *map(str, paths)], env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_a_compiled_module_runs_while_its_source_is_unchanged():
    finder = SourceFirst({NAMES: source_hash(NAMES_SOURCE)})
    # None: the ordinary path finder takes the compiled extension.
    assert finder.find_spec(NAMES) is None


def test_an_edited_source_runs_instead_of_its_stale_extension():
    finder = SourceFirst({NAMES: "0" * 64})
    spec = finder.find_spec(NAMES)
    assert Path(spec.origin) == NAMES_SOURCE


def test_pure_mode_runs_every_compiled_module_as_python():
    finder = SourceFirst({NAMES: source_hash(NAMES_SOURCE)}, pure=True)
    assert Path(finder.find_spec(NAMES).origin) == NAMES_SOURCE


def test_modules_never_compiled_are_left_to_the_ordinary_finders():
    finder = SourceFirst({NAMES: source_hash(NAMES_SOURCE)})
    assert finder.find_spec("datasette_diplomacy.store") is None
    assert finder.find_spec("json") is None


def test_the_finder_is_installed_first_and_once():
    assert compiled.install() is compiled.install()
    if compiled.read_manifest():
        assert isinstance(sys.meta_path[0], SourceFirst)


def test_the_install_compiles_the_extraction(tmp_path):
    """The README's install compiles the extraction modules (it needs a C compiler)."""
    (tmp_path / "wire.txt").write_text(TEXTS["wire.txt"], encoding="utf-8")
    loaded = run_extraction([tmp_path / "wire.txt"], pure=False)["compiled"]
    manifest = compiled.read_manifest()
    assert manifest, (
        "datasette_diplomacy/compiled.json is missing: setup.py compiled nothing. Install with a C "
        "compiler and the Python headers (pip install -e .); the package runs as Python without them, "
        "only slower.")
    finder = SourceFirst(manifest)
    changed = sorted(name for name, digest in manifest.items()
                     if source_hash(finder.source_path(name)) != digest)
    assert not changed, f"edited since the install compiled them (so they run as Python): {changed}; " \
                        "run `pip install -e .` again"
    assert {"datasette_diplomacy.extract.speakers", "datasette_diplomacy.extract.quotes",
            "datasette_diplomacy.pipeline"} <= set(loaded)


def test_compiled_and_pure_extraction_agree_on_seeds_and_invented_texts(tmp_path):
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = [ROOT / "seeds", tmp_path]
    fast = run_extraction(paths, pure=False)
    slow = run_extraction(paths, pure=True)
    assert slow["compiled"] == []
    assert fast["compiled"]
    assert len(fast["extractions"]) == 7
    assert sum(len(e["quotes"]) for e in fast["extractions"]) > 150
    assert fast["extractions"] == slow["extractions"]
