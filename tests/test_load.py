"""The ``load()`` Python API end to end: seeds, re-loads, changed files, bad input,
worker failures, a load killed half-way, and memory on a large JSONL file."""
from __future__ import annotations

import json
import os
import pathlib
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
import sqlite_utils

from datasette_diplomacy import load

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def copy_seeds(directory: pathlib.Path) -> pathlib.Path:
    """A writable copy of the seeds and their sidecar, sources.yml."""
    directory.mkdir()
    for path in sorted(SEEDS.glob("*.txt")) + [SEEDS / "sources.yml"]:
        shutil.copy(path, directory / path.name)
        (directory / path.name).chmod(0o644)
    return directory


def content(db_path, ignore=("loaded_at",)) -> dict[str, list]:
    """Every row of every table (FTS shadow tables aside), in order, minus ``ignore`` columns."""
    db = sqlite_utils.Database(db_path)
    dump = {}
    for table in db.tables:
        if "_fts" in table.name or table.name.startswith("sqlite_"):
            continue
        columns = [c for c in table.columns_dict if c not in ignore]
        select = ", ".join(f'[{c}]' for c in columns)
        dump[table.name] = db.execute(f"SELECT {select} FROM [{table.name}] ORDER BY {select}").fetchall()
    for fts in ("articles_fts", "quotes_fts"):
        dump[fts] = db.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH 'minister OR said' "
                               "ORDER BY rowid").fetchall()
    db.close()
    return dump


ARTICLE = """Talks on item {n} end without agreement

MOSCOW, Feb 10 (Wire) - Foreign Minister Sergey Lavrov said on Thursday: "We are ready to discuss proposal {n} on security guarantees."

British Foreign Secretary Elizabeth Truss told reporters that sanctions would follow any further escalation on the border.

"There is no alternative to diplomacy," Lavrov said, adding that the Minsk agreements on point {n} must be implemented.
"""


def generate_corpus(directory: pathlib.Path, count: int) -> pathlib.Path:
    directory.mkdir()
    for n in range(count):
        (directory / f"wire-{n:04d}.txt").write_text(ARTICLE.format(n=n))
    return directory


# -- the seeds ---------------------------------------------------------------


def test_the_seeds_load_without_errors(tmp_path):
    summary = load(tmp_path / "seeds.db", [SEEDS], workers=2)
    assert summary.errors == []
    assert (summary.files_read, summary.articles_new, summary.articles_failed) == (5, 5, 0)
    db = sqlite_utils.Database(tmp_path / "seeds.db")
    assert db["articles"].count == 5 == db["sources"].count
    assert summary.total_quotes == db["quotes"].count > 20
    assert summary.speakers == db["speakers"].count > 2
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    for body, title, in_title, text, start, end in db.execute(
        'SELECT a.body, a.title, q.in_title, q.text, q.start, q."end" FROM quotes q JOIN articles a ON a.id = q.article_id'
    ):
        assert (title if in_title else body)[start:end] == text
    # Lavrov is quoted in every seed report, under several spellings, and is one speaker.
    (lavrov,) = db.execute("SELECT article_count FROM speakers WHERE key LIKE 'lavrov|%'").fetchall()
    assert lavrov[0] == 5


def test_one_and_two_workers_build_the_same_database(tmp_path):
    load(tmp_path / "one.db", [SEEDS], workers=1)
    load(tmp_path / "two.db", [SEEDS], workers=2)
    assert content(tmp_path / "one.db") == content(tmp_path / "two.db")


# -- re-loading ----------------------------------------------------------------


def test_loading_the_same_files_twice_changes_nothing(tmp_path):
    db = tmp_path / "twice.db"
    load(db, [SEEDS], workers=1)
    before = list(sqlite_utils.Database(db).iterdump())
    summary = load(db, [SEEDS], workers=1)
    assert (summary.files_read, summary.files_unchanged, summary.articles_unchanged) == (0, 5, 5)
    assert list(sqlite_utils.Database(db).iterdump()) == before


def test_a_touched_but_unchanged_file_is_not_read_again(tmp_path):
    corpus = copy_seeds(tmp_path / "corpus")
    db = tmp_path / "touch.db"
    load(db, [corpus], workers=1)
    path = sorted(corpus.iterdir())[0]
    os.utime(path, (time.time() + 60, time.time() + 60))
    summary = load(db, [corpus], workers=1)
    assert (summary.files_read, summary.files_unchanged) == (0, 5)
    assert sqlite_utils.Database(db)["sources"].get(str(path))["mtime"] == path.stat().st_mtime


def test_a_changed_file_replaces_its_articles(tmp_path):
    corpus = copy_seeds(tmp_path / "corpus")
    db = tmp_path / "change.db"
    load(db, [corpus], workers=1)
    path = sorted(corpus.iterdir())[0]
    article_id = sqlite_utils.Database(db).execute(
        "SELECT id FROM articles WHERE source = ?", [str(path)]).fetchone()[0]
    path.write_text(ARTICLE.format(n=1))
    summary = load(db, [corpus], workers=1)
    assert (summary.files_read, summary.articles_updated, summary.articles_unchanged) == (1, 1, 4)
    database = sqlite_utils.Database(db)
    row = database.execute("SELECT id, title FROM articles WHERE source = ?", [str(path)]).fetchone()
    assert row == (article_id, "Talks on item 1 end without agreement")
    texts = [r[0] for r in database.execute("SELECT text FROM quotes WHERE article_id = ?", [article_id])]
    assert any("proposal 1" in text for text in texts)
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    # The same end state as loading the changed corpus from scratch, ids aside.
    fresh = tmp_path / "fresh.db"
    load(fresh, [corpus], workers=1)
    assert database["quotes"].count == sqlite_utils.Database(fresh)["quotes"].count


def test_a_changed_sidecar_means_reading_its_directory_again(tmp_path):
    corpus = copy_seeds(tmp_path / "corpus")
    db = tmp_path / "sidecar.db"
    load(db, [corpus], workers=1)
    sidecar = corpus / "sources.yml"
    sidecar.write_text(sidecar.read_text().replace("outlet: RT", "outlet: RT (Russia Today)"))
    summary = load(db, [corpus], workers=1)
    # Every file of the directory is read again; only RT's article has changed.
    assert (summary.files_read, summary.articles_updated, summary.articles_unchanged) == (5, 1, 4)
    outlets = {row["name"] for row in sqlite_utils.Database(db)["outlets"].rows}
    assert "RT (Russia Today)" in outlets and "RT" not in outlets


def test_replace_rebuilds_from_scratch(tmp_path):
    db = tmp_path / "replace.db"
    load(db, [SEEDS], workers=1)
    summary = load(db, [SEEDS / sorted(os.listdir(SEEDS))[0]], workers=1, replace=True)
    assert summary.articles_new == 1
    assert sqlite_utils.Database(db)["articles"].count == 1


def test_other_topics_mean_extracting_again(tmp_path):
    topics = tmp_path / "topics.yml"
    topics.write_text("- name: Minsk agreements\n  description: The Minsk protocols\n"
                      "  patterns: ['Minsk']\n")
    db = tmp_path / "topics.db"
    load(db, [SEEDS], workers=1)
    summary = load(db, [SEEDS], workers=1, topics=topics)
    assert summary.files_read == 5
    database = sqlite_utils.Database(db)
    assert database.execute("SELECT count(*) FROM topics WHERE name = 'Minsk agreements'").fetchone()[0] == 1
    assert database.execute(
        """SELECT count(*) FROM article_topics JOIN topics ON topics.id = topic_id
           WHERE topics.name = 'Minsk agreements'""").fetchone()[0] >= 1


# -- bad input -------------------------------------------------------------------


def test_bad_files_are_reported_and_the_rest_still_loads(tmp_path):
    corpus = copy_seeds(tmp_path / "corpus")
    (corpus / "notes.jsonl").write_text(
        json.dumps({"body": 'Lavrov said: "We will respond to the sanctions firmly."'}) + "\n{oops\n")
    (corpus / "blank.md").write_text("   \n")
    seen = []
    summary = load(tmp_path / "bad.db", [corpus, tmp_path / "absent"], workers=2, on_error=seen.append)
    assert summary.errors == seen
    assert sorted(summary.errors) == sorted([
        f"{corpus / 'blank.md'}: empty file (only whitespace)",
        f"{corpus / 'notes.jsonl'}#2: malformed JSON on line 2, column 2: "
        "Expecting property name enclosed in double quotes",
        f"{tmp_path / 'absent'}: no such file or directory",
    ])
    assert (summary.articles_new, summary.articles_failed) == (6, 3)
    db = sqlite_utils.Database(tmp_path / "bad.db")
    assert db["sources"].get(str(corpus / "notes.jsonl"))["articles"] == 1


def test_an_extraction_error_fails_one_document_not_the_load(tmp_path, monkeypatch):
    import datasette_diplomacy.pipeline as pipeline

    real = pipeline.extract_document

    def fragile(doc, taxonomy=None):
        if "Truss" in doc.text and doc.source.endswith("000_928b3f1760d52fff.txt"):
            raise ValueError("cannot cope\nwith this")
        return real(doc, taxonomy)

    monkeypatch.setattr(pipeline, "extract_document", fragile)
    summary = load(tmp_path / "fragile.db", [SEEDS], workers=1)
    assert summary.errors == [
        f"{SEEDS / '000_928b3f1760d52fff.txt'}: extraction failed: ValueError: cannot cope with this"
    ]
    assert summary.articles_new == 4
    monkeypatch.setattr(pipeline, "extract_document", real)
    again = load(tmp_path / "fragile.db", [SEEDS], workers=1)  # files with errors are retried
    assert (again.errors, again.articles_new, again.files_unchanged) == ([], 1, 4)


def test_a_worker_process_that_dies_fails_only_the_document_that_killed_it(tmp_path, monkeypatch):
    """A crash or the OOM killer takes a worker down: the load goes on without that document."""
    import datasette_diplomacy.pipeline as pipeline

    corpus = copy_seeds(tmp_path / "corpus")
    with (corpus / "wire.jsonl").open("w") as handle:
        for n in range(1, 41):
            body = f'Foreign Minister Sergey Lavrov said: "We are ready to talk about item {n}."'
            handle.write(json.dumps({"id": f"wire-{n}", "body": body}) + "\n")
    real = pipeline.extract_document

    def deadly(doc, taxonomy=None):
        if doc.source.endswith(("002_81d9eb9d166fdc9e.txt", "wire.jsonl#20")):
            os._exit(1)  # what a segfault or SIGKILL looks like from the pool
        return real(doc, taxonomy)

    monkeypatch.setattr(pipeline, "extract_document", deadly)  # forked workers inherit it
    summary = load(tmp_path / "crash.db", [corpus], workers=2)
    assert sorted(summary.errors) == [
        f"{corpus / '002_81d9eb9d166fdc9e.txt'}: worker process died while extracting (out of memory or a crash)",
        f"{corpus / 'wire.jsonl'}#20: worker process died while extracting (out of memory or a crash)",
    ]
    assert (summary.articles_new, summary.articles_failed) == (4 + 39, 2)


# -- a load killed half-way ------------------------------------------------------


def run_load_command(db, corpus, workers):
    return subprocess.Popen(
        [sys.executable, "-c", "from datasette_diplomacy.cli import cli; cli()",
         "load", str(db), str(corpus), "--workers", str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )


def wait_for_sources(db, at_least, process, timeout=120):
    """Poll the database being written until ``at_least`` files are committed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                if conn.execute("SELECT count(*) FROM sources").fetchone()[0] >= at_least:
                    return True
        except sqlite3.OperationalError:
            pass  # not created yet
        time.sleep(0.02)
    return False


@pytest.mark.parametrize("workers", [1, 2])
def test_a_killed_load_leaves_a_consistent_database_that_a_rerun_completes(tmp_path, workers):
    corpus = generate_corpus(tmp_path / "corpus", 300)
    reference = tmp_path / "reference.db"
    assert load(reference, [corpus], workers=1).ok

    db = tmp_path / "killed.db"
    process = run_load_command(db, corpus, workers)
    assert wait_for_sources(db, 100, process), "the load finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        committed = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
        assert 100 <= committed < 300
        # Files are all or nothing: every committed file has its article and quotes.
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == committed
        assert conn.execute("SELECT value FROM diplomacy_state WHERE key = 'fts_dirty'").fetchone() == ("1",)

    rerun = run_load_command(db, corpus, workers)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"{committed} unchanged, skipped" in out.decode()
    assert content(db) == content(reference)


# -- memory ----------------------------------------------------------------------

PEAK_RSS = """
import json, resource, sys
from datasette_diplomacy import load
summary = load(sys.argv[1], [sys.argv[2]], workers=int(sys.argv[3]))
assert summary.ok, summary.errors
self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"main": self // 1024, "workers": children // 1024}))
"""


def peak_rss_mb(tmp_path, records, workers):
    """Peak RSS (MB) of the main process and of the largest worker loading ``records`` records."""
    corpus = tmp_path / f"big-{records}.jsonl"
    paragraph = ("The ministers discussed energy security, sanctions and the Minsk agreements "
                 "at length, and their deputies met again the next morning. ") * 12
    with corpus.open("w") as handle:
        for n in range(records):
            body = (f'Foreign Minister Sergey Lavrov said: "We are ready to talk about item {n}."\n\n'
                    f"{paragraph}\n\n" * 3)
            handle.write(json.dumps({"id": f"r{n}", "title": f"Item {n}", "body": body}) + "\n")
    result = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, str(tmp_path / f"big-{records}.db"), str(corpus), str(workers)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize("workers", [1, 2])
def test_memory_stays_flat_on_a_large_jsonl_file(tmp_path, workers):
    small = peak_rss_mb(tmp_path, 300, workers)
    large = peak_rss_mb(tmp_path, 1500, workers)
    for peaks in (small, large):
        assert peaks["main"] < 500 and peaks["workers"] < 500
    # Five times the records, the same memory: nothing holds the whole file.
    assert large["main"] < small["main"] + 40
    assert large["workers"] < small["workers"] + 40


# -- what workers send back ----------------------------------------------------


def test_extractions_packed_for_the_main_process_come_back_equal():
    """Workers send plain tuples without quote texts; the main process rebuilds
    exactly what was extracted (texts cut from the body again)."""
    import pickle

    from datasette_diplomacy.loader import (
        Extracted, FileJob, init_worker, pack_item, run_job, unpack_item,
    )
    from datasette_diplomacy.model import ReadError

    init_worker(None, False, None, in_process=True)
    items = [item for path in sorted(SEEDS.glob("*.txt")) for item in run_job(FileJob(str(path))).items]
    items.append(ReadError("x.txt", "cannot read"))
    assert sum(len(i.extraction.quotes) for i in items if isinstance(i, Extracted)) > 20
    packed = [pack_item(item) for item in items]
    assert len(pickle.dumps(packed)) < len(pickle.dumps(items))
    assert [unpack_item(p) for p in pickle.loads(pickle.dumps(packed))] == items


@pytest.mark.parametrize("text", [
    "We are ready to discuss proposal 7 on security guarantees.",
    "Erdoğan’s ‘plan’ — ÇAVUŞOĞLU said: «Non!»  Ünal_x re‑set",
    "Ｆｕｌｌｗｉｄｔｈ ﬁnal Ⅻ ½ café naïve Ærø Łódź",
    "Лавров заявил: «Мы готовы». 王毅说：“中方支持。” مرحبا",
    "e\u0301 a\u0308 Z\u0336 \u2018quoted\u2019 it\u2019s",
    "",
])
def test_statement_keys_fold_case_accents_and_apostrophes_only(text):
    """The fast, uncached folding behind statement keys equals the plain definition:
    NFKD, combining marks dropped, curly apostrophes straightened, lower case."""
    import unicodedata

    from datasette_diplomacy import store
    from datasette_diplomacy.extract.names import fold_text

    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    plain = plain.replace("\u2019", "'").replace("\u2018", "'").lower()
    assert fold_text(text) == plain
    assert store.statement_key(text) == store.statement_key(plain)  # keys ignore what folding drops


# -- memory that does not grow with the number of files or speakers -------------


def test_a_tiny_speaker_cache_and_small_path_batches_build_the_same_database(tmp_path, monkeypatch):
    from datasette_diplomacy import loader, store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    copy_seeds(corpus / "seeds")
    generate_corpus(corpus / "wire", 12)
    load(tmp_path / "default.db", [corpus], workers=1)
    monkeypatch.setattr(store, "SPEAKER_CACHE_ROWS", 2)  # nearly every lookup reads the database
    monkeypatch.setattr(loader, "PATHS_PER_BATCH", 3)
    summary = load(tmp_path / "small.db", [corpus], workers=1)
    assert summary.errors == [] and summary.files_read == 17
    assert content(tmp_path / "default.db") == content(tmp_path / "small.db")
    again = load(tmp_path / "small.db", [corpus], workers=1)  # still incremental
    assert (again.files_read, again.files_unchanged) == (0, 17)
    assert content(tmp_path / "default.db") == content(tmp_path / "small.db")


def _old_walk(directory: str) -> list[str]:
    """The directory walk before it streamed: os.walk, then sorted by path parts."""
    found = []
    for root, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(os.path.join(root, name) for name in filenames if loader_readable(name))
    return sorted(found, key=lambda p: pathlib.Path(p).parts)


def loader_readable(name: str) -> bool:
    from datasette_diplomacy.loader import _is_readable_name

    return _is_readable_name(name)


def test_the_streamed_directory_walk_lists_files_in_the_old_order(tmp_path):
    from datasette_diplomacy.loader import _iter_walk, iter_files

    root = tmp_path / "tree"
    for relative in ["b.txt", "a/z.md", "a/b.txt", "a.txt", "a-b/c.txt", "a b/d.txt", "A/e.txt",
                     "c/d/e/f.md", "c/d.txt", ".hidden/x.txt", "c/.h.txt", "c/notes.xyz", "Z.md"]:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text")
    (root / "link").symlink_to(root / "c", target_is_directory=True)  # not followed
    (root / "c" / "same.txt").symlink_to(root / "b.txt")  # a file, but the same file
    assert list(_iter_walk(str(root))) == _old_walk(str(root))
    # a file reached twice (again through a second path, or a symlink) is listed once
    files = list(iter_files([root, root / "b.txt"]))
    assert len(files) == len(set(files)) and str(root / "c" / "same.txt") not in files


def test_a_file_named_twice_is_loaded_once(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    first = sorted(seeds.glob("*.txt"))[0]
    summary = load(tmp_path / "twice.db", [first, seeds, str(seeds) + "/*.txt"], workers=1)
    assert summary.errors == [] and summary.files_read == 5


def test_id_sets_hold_what_was_added():
    from datasette_diplomacy.store import IdSet

    ids = IdSet([3, 0, 1000])
    ids.add(70000)
    assert [i for i in range(-1, 70002) if i in ids] == [0, 3, 1000, 70000]
    assert None not in ids and "3" not in ids


@pytest.mark.parametrize("workers", [1, 2])
def test_sidecars_of_many_directories_are_kept_bounded_and_reported_once(tmp_path, monkeypatch, workers):
    """Each process keeps only the latest directories' sidecars (a load of a million files in
    thousands of directories must not hold them all); a directory seen again reads its sidecar
    again, and a broken one is still reported once."""
    from datasette_diplomacy import loader

    monkeypatch.setattr(loader, "SIDECARS_KEPT", 1)
    corpus = tmp_path / "corpus"
    for name, outlet in (("a", "Radio Nord"), ("b", None), ("c", "Tromso Daily")):
        directory = corpus / name
        directory.mkdir(parents=True)
        (directory / f"{name}.txt").write_text(f"Fishing talks {name}\n\nAnn Lee said the quota was unfair.\n")
        if outlet:
            (directory / "sources.yml").write_text(f"{name}.txt:\n  outlet: {outlet}\n")
    (corpus / "b" / "sources.yml").write_text("b.txt:\n  outlet: [unclosed\n")
    summary = load(tmp_path / "many.db", [corpus], workers=workers)
    assert len([e for e in summary.errors if "sources.yml" in e]) == 1
    outlets = {row["name"] for row in sqlite_utils.Database(tmp_path / "many.db")["outlets"].rows}
    assert {"Radio Nord", "Tromso Daily"} <= outlets
    assert sqlite_utils.Database(tmp_path / "many.db")["articles"].count == 3


def test_release_free_memory_is_safe_to_call_anywhere():
    # glibc's malloc_trim where there is one, a no-op elsewhere; it never raises
    from datasette_diplomacy.loader import release_free_memory

    junk = [bytes(1000) for _ in range(10_000)]
    del junk
    assert release_free_memory() is None


def test_only_a_big_load_that_at_least_doubles_the_database_builds_its_indexes_at_the_end():
    from datasette_diplomacy.loader import rebuild_fts_after, rebuild_indexes_after

    assert rebuild_indexes_after(10_000, 0) and rebuild_indexes_after(5_000, 5_000)
    assert rebuild_fts_after(600, 10_000) and not rebuild_indexes_after(600, 10_000)
    assert not rebuild_indexes_after(50, 0)  # a small load keeps triggers and indexes


def test_an_in_process_load_gives_the_callers_gc_settings_back(tmp_path, monkeypatch):
    """A W=1 load runs with the lazier GC (frozen start-up objects, a larger first generation) and
    puts the caller's threshold and frozen objects back after it, even when stopped half-way."""
    import gc

    from datasette_diplomacy import loader

    seen = []
    real_run_task = loader.run_task

    def run_task(task):
        seen.append((gc.get_threshold(), gc.get_freeze_count() > 0))
        return real_run_task(task)

    monkeypatch.setattr(loader, "run_task", run_task)
    threshold = gc.get_threshold()
    frozen = gc.get_freeze_count()
    try:
        gc.set_threshold(500, 9, 9)
        load(tmp_path / "one.db", [SEEDS], workers=1)
        assert seen and all(s == (loader.GC_THRESHOLD, True) for s in seen)
        assert gc.get_threshold() == (500, 9, 9)
        assert gc.get_freeze_count() == frozen
        outputs = loader.iter_outputs([str(p) for p in sorted(SEEDS.glob("*.txt"))], workers=1)
        next(outputs)
        assert gc.get_threshold() == loader.GC_THRESHOLD
        outputs.close()  # a load stopped half-way
        assert gc.get_threshold() == (500, 9, 9)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.set_threshold(*threshold)
