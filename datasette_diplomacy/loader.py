"""Load files into the database: find files, skip unchanged ones, extract in parallel, store.

The Python API is :func:`load`; the ``datasette-diplomacy`` command calls it
(and :func:`iter_extractions` for ``extract``)::

    from datasette_diplomacy import load

    summary = load("news.db", ["corpus/"], workers=4)
    print(summary.articles_new, summary.errors)

How a load runs:

1. PATHs are expanded into files (directories recursively, glob patterns) the
   way :func:`~datasette_diplomacy.ingest.readers.iter_documents` walks them.
   The list lives in a private temporary SQLite file (:class:`PathList`), and
   files are planned and handed out in batches: the loader's memory does not
   grow with the number of files.
2. Each file is compared with its ``sources`` row: same size and mtime (and the
   same settings: taxonomy, ``columns``, the directory's ``sources.yml``) means
   unchanged, and it is skipped without being read. When size or mtime differ
   the bytes are hashed; equal bytes only update the recorded mtime.
3. Files left are read *and* extracted in worker processes, which receive
   paths, not texts. Record files (JSON, JSONL, CSV) are the exception: the main
   process streams their records and sends them on in small chunks, so a huge
   JSONL file never sits in memory whole. At most a few tasks per worker are in
   flight at any time, which bounds memory whatever the corpus size.
4. Results come back in file order, packed small (tuples of plain values, quote
   texts left out since each is a slice of its body; see :func:`pack_item`). The
   main process alone writes, one file per savepoint and a few hundred articles
   per transaction (see :mod:`~datasette_diplomacy.store`), then recounts and
   rebuilds FTS. ``benchmarks/scale.py`` and ``docs/performance.md`` measure it.
"""
from __future__ import annotations

import gc
import glob
import hashlib
import json
import os
import signal
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path

from .model import Article, Document, Entity, Extraction, Quote, ReadError, Speaker

#: Formats whose files hold many records: the main process streams them.
STREAMED_FORMATS = {"json", "jsonl", "csv"}
#: Documents per task when the main process streams a record file.
RECORDS_PER_TASK = 16
#: Most files per task when workers read the files themselves.
MAX_FILES_PER_TASK = 8
#: Tasks in flight per worker: enough to keep workers busy, few enough to bound memory.
TASKS_IN_FLIGHT_PER_WORKER = 3
#: Sidecars a process keeps (the latest directories'): files come in directory order, and
#: an unbounded cache would grow by one entry per directory of the load.
SIDECARS_KEPT = 64
#: Loads of at most this many files (or 5% of those loaded before) keep FTS triggers.
SMALL_LOAD_FILES = 100
#: A transaction ends after this many articles or seconds (it never splits a file):
#: small enough that a killed load loses little, big enough to cost nothing
#: (in WAL mode with synchronous=NORMAL a commit does not wait for the disk).
ARTICLES_PER_COMMIT = 100
SECONDS_PER_COMMIT = 2.0


# ---------------------------------------------------------------------------
# The summary


@dataclass
class LoadSummary:
    """What a load did. ``errors`` holds one ``PATH: cause`` line per failure."""

    files_read: int = 0
    files_unchanged: int = 0
    files_failed: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    articles_removed: int = 0
    articles_failed: int = 0
    quotes: int = 0
    speakers: int = 0
    total_articles: int = 0
    total_quotes: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def lines(self) -> list[str]:
        """The summary as the command prints it."""
        return [
            f"Read {_plural(self.files_read, 'file')} ({self.files_unchanged} unchanged, skipped; "
            f"{self.files_failed} with errors) in {self.seconds:.1f} seconds",
            f"Articles: {self.articles_new} new, {self.articles_updated} updated, "
            f"{self.articles_unchanged} unchanged, {self.articles_failed} failed"
            + (f", {self.articles_removed} removed" if self.articles_removed else ""),
            f"Quotes: {self.quotes} written; the database holds {self.total_articles} articles, "
            f"{self.total_quotes} quotes, {self.speakers} speakers",
        ]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# ---------------------------------------------------------------------------
# Finding files


def iter_files(paths: Iterable) -> Iterator[str | ReadError]:
    """Absolute paths of the files named by ``paths``, or a ReadError per bad path.

    Mirrors how ``readers.iter_documents`` walks its paths: directories
    recursively in sorted order, skipping hidden entries, sidecars and unknown
    formats; a file named explicitly whatever its extension; glob patterns with
    ``**``. A file reached twice is listed once.
    """
    seen: set[str] = set()
    for path in iter_paths(paths):
        if isinstance(path, ReadError):
            yield path
            continue
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            yield os.path.abspath(path)


def iter_paths(paths: Iterable) -> Iterator[str | ReadError]:
    """:func:`iter_files` without removing files reached twice (and paths as given,
    not made absolute): a load does that in its :class:`PathList`, on disk."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for spec in map(str, paths):
        yield from _expand_spec(spec)


def _expand_spec(spec: str) -> Iterator[str | ReadError]:
    from .ingest.readers import FORMATS

    if os.path.isdir(spec):
        found = False
        for path in _iter_walk(spec):
            found = True
            yield path
        if not found:
            yield ReadError(spec, f"no readable files in this directory (looked for {', '.join(sorted(FORMATS))})")
    elif os.path.isfile(spec):
        yield spec
    elif glob.has_magic(spec):
        explicit = Path(spec).suffix.lower()
        explicit = "" if glob.has_magic(explicit) else explicit
        found = False
        for match in sorted(glob.glob(spec, recursive=True)):
            if os.path.isdir(match):
                files = _iter_walk(match)
            elif _is_readable_name(match) or (explicit and Path(match).suffix.lower() == explicit):
                files = [match]
            else:
                files = []
            for path in files:
                found = True
                yield path
        if not found:
            yield ReadError(spec, f"no readable files match this pattern (looked for {', '.join(sorted(FORMATS))})")
    else:
        yield ReadError(spec, "no such file or directory")


def _walk(directory: str) -> list[str]:
    return list(_iter_walk(directory))


def _iter_walk(directory: str) -> Iterator[str]:
    """The readable files under ``directory`` (not in hidden directories, symlinked
    directories not followed, as ``os.walk`` does), sorted by their path's parts.

    One directory's listing at a time is in memory, not the whole tree: the names
    of a directory in sorted order, each subdirectory walked where its name sorts.
    """
    try:
        with os.scandir(directory) as scan:
            entries = sorted((entry.name, _walk_kind(entry)) for entry in scan)
    except OSError:
        return
    for name, kind in entries:
        path = os.path.join(directory, name)
        if kind == "dir":
            if not name.startswith("."):
                yield from _iter_walk(path)
        elif kind == "file" and _is_readable_name(name):
            yield path


def _walk_kind(entry: os.DirEntry) -> str:
    """'dir' for a directory to walk into, 'link' for a symlinked one (not walked,
    not a file), else 'file': how ``os.walk`` sorts entries into dirnames and filenames."""
    try:
        is_dir = entry.is_dir()
    except OSError:
        is_dir = False
    if not is_dir:
        return "file"
    return "link" if entry.is_symlink() else "dir"


def _is_readable_name(path: str) -> bool:
    from .ingest.readers import FORMATS
    from .ingest.sidecar import is_sidecar

    path = Path(path)
    return not path.name.startswith(".") and not is_sidecar(path) and path.suffix.lower() in FORMATS


def file_format(path: str) -> str:
    from .ingest.readers import FORMATS

    return FORMATS.get(Path(path).suffix.lower(), "txt")


def stat_and_hash(path: str) -> tuple[str, int, float] | None:
    """``(sha256, size, mtime)`` of a file, stat taken first; None if it cannot be read."""
    try:
        stat = os.stat(path)
        return hash_file(path), stat.st_size, stat.st_mtime
    except OSError:
        return None


def hash_file(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sidecar_fingerprint(directory: str) -> str:
    """sha256 of the directory's ``sources.yml`` (its metadata feeds every file there)."""
    from .ingest.sidecar import SIDECAR_NAMES

    for name in SIDECAR_NAMES:
        path = os.path.join(directory, name)
        if os.path.isfile(path):
            return hash_file(path)
    return ""


def taxonomy_fingerprint(taxonomy) -> str:
    """A hash of the topics: a file extracted with other topics must be extracted again."""
    parts = [
        repr((t.name, getattr(t, "description", None), getattr(t, "parent", None),
              list(getattr(t, "aliases", []) or []),
              [getattr(p, "pattern", p) for p in getattr(t, "patterns", []) or []]))
        for t in taxonomy.topics
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def settings_fingerprint(taxonomy_hash: str, columns: dict | None, sidecar_hash: str) -> str:
    """Everything besides a file's bytes that its articles depend on, as one hash."""
    payload = json.dumps([taxonomy_hash, sorted((columns or {}).items()), sidecar_hash])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------
# Work items and the worker side


@dataclass
class FileJob:
    """One file for a worker: read it (``docs`` None), or extract the documents sent along.

    A streamed record file is split into several jobs; ``first``/``last`` mark
    its ends so the store knows when the file starts and is complete.
    """

    path: str
    docs: list | None = None
    first: bool = True
    last: bool = True
    stat: tuple | None = None  # (hash, size, mtime) of a streamed file, taken before reading


@dataclass
class FileOutput:
    """A job's results: extractions and errors, in document order."""

    path: str
    items: list
    first: bool = True
    last: bool = True
    hash: str | None = None
    size: int | None = None
    mtime: float | None = None


_WORKER: dict = {}


def build_taxonomy(topics=None, replace_topics: bool = False):
    """The default taxonomy, or it extended (or replaced) by the topics file ``topics``."""
    from .extract.topics import Taxonomy

    if topics:
        return Taxonomy.load(topics, replace=replace_topics)
    return Taxonomy.default()


def init_worker(topics, replace_topics: bool, columns: dict | None, in_process: bool = False,
                taxonomy=None) -> None:
    """Set up what each worker needs once: the taxonomy, sidecar cache, column mapping.

    ``taxonomy``, when given (in-process runs), saves building it again.
    """
    from .pipeline import extract_document

    if not in_process:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process handles Ctrl-C
        _die_with_parent()
    _WORKER.clear()
    _WORKER.update(
        taxonomy=taxonomy or build_taxonomy(topics, replace_topics),
        columns=columns,
        sidecars={},
        extract=extract_document,
    )
    if not in_process:
        _set_lazier_gc()  # a worker's own process (an in-process load sets it around its loop)


#: Collections of Python's cyclic GC while extracting (see :func:`_lazier_gc`): a first generation of
#: 20,000 new objects instead of 700, the older ones as Python's defaults
GC_THRESHOLD = (20_000, 50, 100)


def _set_lazier_gc() -> None:
    """Make the cyclic GC cheaper for extraction: the objects made so far (modules, compiled patterns,
    lexicons, taxonomy) are frozen out of its scans, and it runs after 20,000 new objects, not 700.
    Extraction makes few reference cycles, so memory stays bounded (the GC still runs); the output
    does not depend on when it runs (no finalizer or weak reference decides anything)."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


class _lazier_gc:
    """:func:`_set_lazier_gc` for an in-process load, the caller's GC settings back after it."""

    def __enter__(self):
        self.threshold = gc.get_threshold()
        self.frozen = gc.get_freeze_count()
        _set_lazier_gc()
        return self

    def __exit__(self, *exc):
        if not self.frozen:  # what this load froze goes back to the GC's care (not the caller's own freeze)
            gc.unfreeze()
        gc.set_threshold(*self.threshold)
        return False


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the loader dies (a killed load leaves no orphans)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
        if os.getppid() == 1:
            os._exit(1)
    except (OSError, AttributeError):
        pass


def run_task(jobs: list[FileJob]) -> list[FileOutput]:
    """Read (where asked) and extract each job's documents."""
    return [run_job(job) for job in jobs]


def run_packed_task(jobs: list[FileJob]) -> list[FileOutput]:
    """Worker entry point: :func:`run_task`, each extraction packed for the trip back
    (:func:`pack_item`; the main process calls :func:`unpack_outputs`)."""
    outputs = run_task(jobs)
    for output in outputs:
        output.items = [pack_item(item) for item in output.items]
    return outputs


def _malloc_trim():
    """glibc's ``malloc_trim``, or None where the C library has none (musl, macOS, Windows)."""
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_TRIM = _malloc_trim()


def release_free_memory() -> None:
    """Give the heap's free pages back to the system.

    The loading process frees each batch's rows and extractions once written, but the
    C allocator keeps the emptied pages; over a long load that retained memory grew
    with the number of documents although no live object did (traced in
    docs/performance.md, session 7). ``malloc_trim(0)`` after each commit keeps the
    resident size near what is in use, for about 0.7 ms per 100 articles. Workers do
    not call it: their peak is set by the largest documents, and trimming there cost
    1-2 % of extraction time in page faults for no lower peak. A no-op without glibc.
    """
    if _TRIM is not None:
        _TRIM(0)


def unpack_outputs(outputs: list[FileOutput]) -> list[FileOutput]:
    for output in outputs:
        output.items = [unpack_item(item) for item in output.items]
    return outputs


def run_job(job: FileJob) -> FileOutput:
    """Read the job's file (hashing it first) or take its documents, and extract each."""
    output = FileOutput(job.path, [], job.first, job.last)
    if job.docs is None:
        stat = stat_and_hash(job.path)
        if stat is None:
            output.items.append(ReadError(job.path, "cannot read: no such file or not readable"))
            return output
        output.hash, output.size, output.mtime = stat
        docs = _read_file(job.path)
    else:
        docs = job.docs
        if job.stat:
            output.hash, output.size, output.mtime = job.stat
    try:
        for doc in docs:
            output.items.append(_extract_one(doc))
    except Exception as error:  # a reader bug must not stop the load
        output.items.append(ReadError(job.path, f"reading failed: {_one_line(error)}"))
    return output


def _read_file(path: str) -> Iterator[Document | ReadError]:
    from .ingest.readers import read_file
    from .ingest.sidecar import load_sidecar

    directory = Path(path).parent
    sidecars = _WORKER["sidecars"]
    if directory not in sidecars:
        if len(sidecars) >= SIDECARS_KEPT:
            del sidecars[next(iter(sidecars))]  # the oldest directory's files are done
        sidecars[directory] = load_sidecar(directory)  # its errors are reported by the main process
    return read_file(path, _WORKER["columns"], sidecar=sidecars[directory])


@dataclass
class Extracted:
    """An extraction and what the store derives from it, computed in the worker
    so that the main process, which alone writes, has less to do."""

    extraction: Extraction
    statement_keys: list[str]
    word_count: int


def _extract_one(doc) -> Extracted | ReadError:
    from .store import count_words, statement_key

    if isinstance(doc, ReadError):
        return doc
    try:
        extraction = _WORKER["extract"](doc, _WORKER["taxonomy"])
        return Extracted(
            extraction,
            [statement_key(quote.text) for quote in extraction.quotes],
            count_words(extraction.article.body),
        )
    except Exception as error:
        return ReadError(doc.source, f"extraction failed: {_one_line(error)}")


# Worker -> main process: extractions travel as tuples of plain values, and each
# quote without its text (``body[start:end] == text`` always holds), which halves
# what is pickled for transcripts, whose turns cover nearly the whole body, and
# makes unpickling in the main process (the one writer) several times cheaper.
assert fields(Quote)[0].name == "text", "unpack_item() puts the text first"
_ARTICLE_FIELDS = [f.name for f in fields(Article)]
_SPEAKER_FIELDS = [f.name for f in fields(Speaker)]
_QUOTE_FIELDS = [f.name for f in fields(Quote) if f.name != "text"]
_ENTITY_FIELDS = [f.name for f in fields(Entity)]


def pack_item(item):
    """A worker's Extracted as a tuple of plain values (a ReadError is left as it is)."""
    if not isinstance(item, Extracted):
        return item
    e = item.extraction
    return (
        tuple(getattr(e.article, name) for name in _ARTICLE_FIELDS),
        [tuple(getattr(s, name) for name in _SPEAKER_FIELDS) for s in e.speakers],
        [tuple(getattr(q, name) for name in _QUOTE_FIELDS) for q in e.quotes],
        e.topics,
        [tuple(getattr(x, name) for name in _ENTITY_FIELDS) for x in e.entities],
        item.statement_keys,
        item.word_count,
    )


def unpack_item(packed):
    """The Extracted that :func:`pack_item` packed, quote texts cut from the body (or title) again."""
    if not isinstance(packed, tuple):
        return packed
    article, speakers, quotes, topics, entities, keys, word_count = packed
    article = Article(*article)
    body, title = article.body, article.title or ""
    in_title = _QUOTE_FIELDS.index("in_title")
    return Extracted(
        Extraction(
            article=article,
            speakers=[Speaker(*s) for s in speakers],
            quotes=[Quote((title if q[in_title] else body)[q[0]:q[1]], *q) for q in quotes],
            topics=topics,
            entities=[Entity(*x) for x in entities],
        ),
        keys,
        word_count,
    )


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


# ---------------------------------------------------------------------------
# Running the jobs


def iter_tasks(files: list[str], workers: int,
               read_records: Callable[[str], Iterable]) -> Iterator[list[FileJob]]:
    """Group files into tasks: a few paths per task; record files streamed in chunks.

    ``read_records(path)`` reads a record file here, lazily, so its documents
    are only read as the workers are ready for them.
    """
    per_task = max(1, min(MAX_FILES_PER_TASK, len(files) // max(1, workers * 8)))
    batch: list[FileJob] = []
    for path in files:
        if file_format(path) in STREAMED_FORMATS:
            if batch:
                yield batch
                batch = []
            stat = stat_and_hash(path)  # before reading: a file changed meanwhile is re-read next time
            for job in record_jobs(path, read_records(path)):
                job.stat = stat if job.first else None
                yield [job]
        else:
            batch.append(FileJob(path))
            if len(batch) >= per_task:
                yield batch
                batch = []
    if batch:
        yield batch


def record_jobs(path: str, documents: Iterable) -> Iterator[FileJob]:
    """Split one file's documents into jobs of :data:`RECORDS_PER_TASK`, ends marked."""
    chunk: list = []
    previous: FileJob | None = None
    try:
        for doc in documents:
            chunk.append(doc)
            if len(chunk) == RECORDS_PER_TASK:
                if previous is not None:
                    yield previous
                previous = FileJob(path, chunk, first=previous is None, last=False)
                chunk = []
    except Exception as error:  # a reader bug: keep what was read, report the rest
        chunk.append(ReadError(path, f"reading failed: {_one_line(error)}"))
    if previous is None:
        yield FileJob(path, chunk, first=True, last=True)
    elif chunk:
        yield previous
        yield FileJob(path, chunk, first=False, last=True)
    else:
        previous.last = True
        yield previous


class OrderedPool:
    """Worker processes that run tasks with a bounded number in flight, results in order.

    ``Pool.imap`` and ``Executor.map`` both consume their whole input at once,
    which for a streamed JSONL file would mean the whole file in memory; here a
    new task is only taken from the input when one finishes. A worker that dies
    (a crash, the OOM killer) breaks the pool: the pool is restarted and the
    oldest unfinished task retried alone; if it breaks the pool again it is
    split (files, then streamed documents) until the one document or file
    that kills a worker is found and reported as failed. The rest load.
    """

    def __init__(self, workers: int, initargs: tuple):
        self.workers = workers
        self.initargs = initargs
        self.window = workers * TASKS_IN_FLIGHT_PER_WORKER
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, initializer=init_worker, initargs=self.initargs)

    def _restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def map(self, tasks: Iterable[list[FileJob]]) -> Iterator[list[FileOutput]]:
        tasks = iter(tasks)
        pending: deque = deque()  # (task, future), oldest first

        def refill():
            while len(pending) < self.window:
                task = next(tasks, None)
                if task is None:
                    return
                pending.append((task, self._submit(task)))

        refill()
        while pending:
            task, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                result = self._retry_alone(task)
                self._resubmit_unfinished(pending)
            yield result
            refill()

    def _submit(self, task: list[FileJob]) -> Future:
        """Submit ``task``; on a broken pool, a future that says so (handled when its turn comes)."""
        try:
            return self.executor.submit(run_packed_task, task)
        except BrokenProcessPool as error:
            future: Future = Future()
            future.set_exception(error)
            return future

    def _resubmit_unfinished(self, pending: deque) -> None:
        """After a restart: send the tasks the broken pool did not finish to the new one."""
        for index, (task, future) in enumerate(pending):
            if not (future.done() and future.exception() is None):
                pending[index] = (task, self._submit(task))

    def _retry_alone(self, task: list[FileJob]) -> list[FileOutput]:
        """Run ``task`` by itself; if it crashes again, narrow down to the job that does."""
        self._restart()
        try:
            return self.executor.submit(run_packed_task, task).result()
        except BrokenProcessPool:
            pass
        pieces = split_task(task)
        if pieces is None:
            self._restart()
            return [crashed_output(job) for job in task]
        return [output for piece in pieces for output in self._retry_alone(piece)]


def split_task(task: list[FileJob]) -> list[list[FileJob]] | None:
    """Smaller tasks doing the same work: one per file, or one per streamed document."""
    if len(task) > 1:
        return [[job] for job in task]
    (job,) = task
    if job.docs is None or len(job.docs) < 2:
        return None
    last = len(job.docs) - 1
    return [
        [FileJob(job.path, [doc], first=job.first and n == 0, last=job.last and n == last)]
        for n, doc in enumerate(job.docs)
    ]


def crashed_output(job: FileJob) -> FileOutput:
    """The output of a job whose worker process died (a crash or the OOM killer)."""
    source = job.docs[0].source if job.docs else job.path
    error = ReadError(source, "worker process died while extracting (out of memory or a crash)")
    return FileOutput(job.path, [error], job.first, job.last)


def iter_outputs(files: Iterable[str], *, topics=None, replace_topics: bool = False,
                 workers: int | None = None, columns: dict | None = None,
                 on_sidecar_error: Callable[[ReadError], None] | None = None,
                 taxonomy=None) -> Iterator[FileOutput]:
    """Read and extract ``files`` (in order), in worker processes unless ``workers`` is 1.

    ``taxonomy`` is the one built from ``topics`` already, if any: used in
    process, and inherited by forked workers.
    """
    workers = max(1, workers or os.cpu_count() or 1)
    if not any(file_format(f) in STREAMED_FORMATS for f in files):
        workers = min(workers, max(1, len(files)))  # no idle processes for a few files
    sidecars: dict = {}  # the latest directories' sidecars, bounded like a worker's
    reported: set = set()  # directories whose sidecar errors were reported

    def sidecar_for(directory: Path):
        from .ingest.sidecar import load_sidecar

        if directory not in sidecars:
            if len(sidecars) >= SIDECARS_KEPT:
                del sidecars[next(iter(sidecars))]
            sidecars[directory] = load_sidecar(directory)
            if directory not in reported:
                reported.add(directory)
                for error in sidecars[directory].errors:
                    if on_sidecar_error:
                        on_sidecar_error(error)
        return sidecars[directory]

    def read_records(path: str):
        from .ingest.readers import read_file

        return read_file(path, columns, sidecar=sidecar_for(Path(path).parent))

    for directory in dict.fromkeys(Path(f).parent for f in files):
        sidecar_for(directory)  # report each broken sidecar once, up front
    tasks = iter_tasks(files, workers, read_records)
    if workers == 1:
        init_worker(topics, replace_topics, columns, in_process=True, taxonomy=taxonomy)
        with _lazier_gc():
            for task in tasks:
                yield from run_task(task)
        return
    from . import pipeline  # noqa: F401 - imported once here, inherited by forked workers

    # Forked workers inherit the taxonomy instead of building it again.
    pool = OrderedPool(workers, (topics, replace_topics, columns, False, taxonomy))
    try:
        for outputs in pool.map(tasks):
            yield from unpack_outputs(outputs)
    finally:
        pool.close()


def iter_extractions(paths, *, topics=None, replace_topics: bool = False,
                     workers: int | None = None, columns: dict | None = None
                     ) -> Iterator[Extraction | ReadError]:
    """Extractions (and ReadErrors) for every document under ``paths``, without a database."""
    from .ingest.readers import field_names

    field_names(columns)  # a bad mapping is the caller's mistake: raise before any work
    taxonomy = build_taxonomy(topics, replace_topics)  # so does a bad topics file
    files = []
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            yield item
        else:
            files.append(item)
    errors: list[ReadError] = []
    for output in iter_outputs(files, topics=topics, replace_topics=replace_topics,
                               workers=workers, columns=columns, on_sidecar_error=errors.append,
                               taxonomy=taxonomy):
        while errors:
            yield errors.pop(0)
        for item in output.items:
            yield item.extraction if isinstance(item, Extracted) else item
    yield from errors


# ---------------------------------------------------------------------------
# The load


#: Paths per batch when a load lists, deduplicates and plans its files.
PATHS_PER_BATCH = 1000


class PathList:
    """A load's files in order, each once, in a private temporary SQLite database.

    The database lives on disk (``sqlite3.connect("")``), so a load of a million
    files does not hold a million paths in memory: they are added, planned and
    read back in batches of :data:`PATHS_PER_BATCH`. A file reached twice (by
    two paths, or through a symlink) is kept where it came first.
    """

    def __init__(self):
        self.conn = sqlite3.connect("", isolation_level=None)
        self.conn.execute(
            "CREATE TABLE files (seq INTEGER PRIMARY KEY, path TEXT NOT NULL, real TEXT NOT NULL UNIQUE,"
            " read INTEGER NOT NULL DEFAULT 0)")
        self._pending: list[tuple[str, str]] = []

    def add(self, path: str) -> None:
        self._pending.append((os.path.abspath(path), os.path.realpath(path)))
        if len(self._pending) >= PATHS_PER_BATCH:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            with self.conn:
                self.conn.executemany("INSERT OR IGNORE INTO files (path, real) VALUES (?, ?)", self._pending)
            self._pending = []

    def batches(self, where: str = "1") -> Iterator[list[tuple[int, str]]]:
        """``(seq, path)`` lists in order, read a batch at a time."""
        self.flush()
        last = 0
        while True:
            batch = self.conn.execute(
                f"SELECT seq, path FROM files WHERE seq > ? AND {where} ORDER BY seq LIMIT ?",
                [last, PATHS_PER_BATCH]).fetchall()
            if not batch:
                return
            last = batch[-1][0]
            yield batch

    def mark_read(self, seqs: list[int]) -> None:
        if seqs:
            with self.conn:
                self.conn.executemany("UPDATE files SET read = 1 WHERE seq = ?", [(seq,) for seq in seqs])

    def to_read(self) -> "ToRead":
        return ToRead(self)

    def close(self) -> None:
        self.conn.close()


class ToRead:
    """The files a plan reads, in order: sized and iterable again and again, from disk."""

    def __init__(self, paths: PathList):
        self.paths = paths

    def __len__(self) -> int:
        self.paths.flush()
        return self.paths.conn.execute("SELECT count(*) FROM files WHERE read = 1").fetchone()[0]

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self) -> Iterator[str]:
        for batch in self.paths.batches("read = 1"):
            for _, path in batch:
                yield path


@dataclass
class _Plan:
    """Which files to read, and what the skipped ones hold."""

    to_read: ToRead | list[str]
    settings: dict[str, str]  # directory -> settings fingerprint
    unchanged_files: int = 0
    unchanged_articles: int = 0

    def settings_of(self, path: str) -> str | None:
        return self.settings.get(os.path.dirname(path))


def load(db_path, paths, *, topics=None, replace_topics: bool = False,
         workers: int | None = None, replace: bool = False, columns: dict | None = None,
         progress: bool = False, on_error: Callable[[str], None] | None = None) -> LoadSummary:
    """Load the files under ``paths`` into the database at ``db_path``.

    ``topics`` names a YAML file of extra topics (``replace_topics``: use only
    those); ``workers`` processes extract in parallel (default: one per CPU; 1
    runs everything in this process); ``replace`` rebuilds the database from
    scratch; ``columns`` maps record fields to input names (``{"body": "story"}``);
    ``progress`` draws a progress bar on stderr; ``on_error`` is called with each
    ``PATH: cause`` line as it happens. Failures never stop the load: they are in
    the returned summary's ``errors``.
    """
    from .ingest.readers import field_names
    from .store import Store

    started = time.monotonic()
    field_names(columns)  # raise ValueError for a bad mapping before touching anything
    summary = LoadSummary()
    failed_paths: set[str] = set()

    def report(error: ReadError, path: str | None = None) -> None:
        line = str(error)
        summary.errors.append(line)
        failed_paths.add(path or error.source)
        if on_error:
            on_error(line)

    taxonomy = build_taxonomy(topics, replace_topics)
    loaded_at = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    store = Store(db_path, replace=replace)
    files = PathList()
    try:
        store.sync_topics(taxonomy)
        for item in iter_paths(paths):
            if isinstance(item, ReadError):
                report(item)
                summary.articles_failed += 1
            else:
                files.add(item)
        plan = plan_files(store, files, taxonomy_fingerprint(taxonomy), columns)
        summary.files_unchanged = plan.unchanged_files
        summary.articles_unchanged = plan.unchanged_articles
        if plan.to_read:
            to_read, known = len(plan.to_read), store.db["sources"].count
            store.begin_load(rebuild_fts=rebuild_fts_after(to_read, known),
                             rebuild_indexes=rebuild_indexes_after(to_read, known))
            _write_files(store, plan, summary, report, loaded_at, progress,
                         topics=topics, replace_topics=replace_topics, workers=workers,
                         columns=columns, taxonomy=taxonomy)
        if plan.to_read or store.dirty:
            release_free_memory()
            store.finalize()
        _count_totals(store, summary)
    finally:
        store.close()
        files.close()
    summary.files_failed = len(failed_paths)
    summary.seconds = time.monotonic() - started
    return summary


def rebuild_fts_after(files_to_read: int, files_known: int) -> bool:
    """True when rebuilding FTS at the end beats keeping it up to date row by row.

    A rebuild reads the whole database (seconds for ten thousand briefings), so
    a load of a few files into a big database keeps the FTS triggers instead.
    """
    return files_to_read > max(SMALL_LOAD_FILES, files_known // 20)


def rebuild_indexes_after(files_to_read: int, files_known: int) -> bool:
    """True when a load should drop the indexes it does not need and build them at the end.

    Building an index over every row at the end costs about a tenth of keeping it
    up to date while inserting, so this pays for a load that at least doubles the
    database (a first load above all), and only for a big one (see :func:`rebuild_fts_after`).
    """
    return rebuild_fts_after(files_to_read, files_known) and files_to_read >= files_known


def plan_files(store, files: PathList | list[str], taxonomy_hash: str, columns: dict | None) -> _Plan:
    """Split files into those to read and those unchanged since they were loaded.

    Unchanged means: same size and mtime, or same bytes (then only the mtime is
    updated), and same settings. A file that had errors is always read again.
    ``files`` are compared with their ``sources`` rows a batch at a time.
    """
    if not isinstance(files, PathList):
        paths = PathList()
        for path in files:
            paths.add(path)
        files = paths
    directory_settings: dict[str, str] = {}  # one fingerprint (one string) per directory
    plan = _Plan(to_read=files.to_read(), settings=directory_settings)
    for batch in files.batches():
        known = store.sources_of([path for _, path in batch])
        read = []
        for seq, path in batch:
            directory = os.path.dirname(path)
            if directory not in directory_settings:
                directory_settings[directory] = settings_fingerprint(
                    taxonomy_hash, columns, sidecar_fingerprint(directory))
            if not _unchanged(store, path, known.get(path), directory_settings[directory], plan):
                read.append(seq)
        files.mark_read(read)
    return plan


def _unchanged(store, path: str, row: dict | None, settings: str, plan: _Plan) -> bool:
    """True (and counted in ``plan``) when ``path`` need not be read again."""
    if row is None or row.get("error") or row.get("settings") != settings:
        return False
    try:
        stat = os.stat(path)
    except OSError:
        return False  # reading will report why
    if row["size"] == stat.st_size and row["mtime"] == stat.st_mtime:
        unchanged = True
    elif row["size"] == stat.st_size and hash_file(path) == row["hash"]:
        store.touch_source(path, stat.st_mtime)
        unchanged = True
    else:
        unchanged = False
    if unchanged:
        plan.unchanged_files += 1
        plan.unchanged_articles += row["articles"] or 0
    return unchanged


def _write_files(store, plan: _Plan, summary: LoadSummary, report, loaded_at: str,
                 progress: bool, **options) -> None:
    """Extract the planned files and write each one's results in its own savepoint."""
    import click

    bar = None
    if progress and plan.to_read:
        bar = click.progressbar(length=len(plan.to_read), label="Loading", file=_stderr(),
                                show_pos=True, show_eta=True)
        bar.__enter__()
    outputs = iter_outputs(plan.to_read, on_sidecar_error=report, **options)
    state = _FileState()
    last_commit = time.monotonic()
    try:
        for output in outputs:
            _write_output(store, output, state, summary, report, plan, loaded_at)
            if output.last:
                if bar is not None:
                    bar.update(1)
                if (store.uncommitted_articles >= ARTICLES_PER_COMMIT
                        or time.monotonic() - last_commit >= SECONDS_PER_COMMIT):
                    store.commit()
                    release_free_memory()
                    last_commit = time.monotonic()
        store.commit()
    except BaseException:
        _keep_completed_files(store, state)
        raise
    finally:
        outputs.close()
        if bar is not None:
            bar.__exit__(None, None, None)


def _keep_completed_files(store, state: "_FileState") -> None:
    """After an interruption: drop the file in progress, commit the ones completed."""
    try:
        if state.path is not None and not state.failed:
            store.abort_file()
        store.commit()
    except Exception:
        store.rollback()


@dataclass
class _FileState:
    """The file being written: its errors and article count so far."""

    path: str | None = None
    errors: list = field(default_factory=list)
    articles: int = 0
    hash: str | None = None
    size: int | None = None
    mtime: float | None = None
    failed: bool = False

    def start(self, output: FileOutput) -> None:
        """Begin a new file with the first output of it."""
        self.__init__(path=output.path, hash=output.hash, size=output.size, mtime=output.mtime)


def _write_output(store, output: FileOutput, state: _FileState, summary: LoadSummary,
                  report, plan: _Plan, loaded_at: str) -> None:
    if output.first:
        state.start(output)
        store.start_file(output.path)
    for item in output.items:
        if isinstance(item, ReadError):
            state.errors.append(item)
            report(item, output.path)
            summary.articles_failed += 1
            continue
        if state.failed:
            continue
        try:
            store.add(item.extraction, loaded_at, statement_keys=item.statement_keys,
                      word_count=item.word_count)
            state.articles += 1
        except Exception as error:  # keep the file's old rows, report, go on
            store.abort_file()
            state.failed = True
            message = ReadError(item.extraction.article.source, f"storing failed: {_one_line(error)}")
            state.errors.append(message)
            report(message, output.path)
            summary.articles_failed += 1
    if not output.last:
        return
    if state.failed:
        store.record_failure(output.path, _errors_text(state.errors), loaded_at)
    else:
        result = store.finish_file(
            output.path, hash=state.hash, size=state.size, mtime=state.mtime,
            articles=state.articles, error=_errors_text(state.errors), loaded_at=loaded_at,
            settings=plan.settings_of(output.path),
        )
        summary.articles_new += result.articles_new
        summary.articles_updated += result.articles_updated
        summary.articles_unchanged += result.articles_unchanged
        summary.articles_removed += result.articles_removed
        summary.quotes += result.quotes
    summary.files_read += 1
    state.path = None


def _errors_text(errors: list[ReadError]) -> str | None:
    return "\n".join(str(e) for e in errors) or None


def _count_totals(store, summary: LoadSummary) -> None:
    db = store.db
    summary.total_articles = db["articles"].count
    summary.total_quotes = db["quotes"].count
    summary.speakers = db["speakers"].count


def _stderr():
    import sys

    return sys.stderr
